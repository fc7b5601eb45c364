// Search the partitions of the Pagefind index (brandsite.build.search_index) as one index.
//
// Pagefind ignores a query word that an index does not hold at all: a partition
// without one of the words would return its pages holding the others, where the
// whole-site index returned only pages holding every word (words found nowhere
// aside). And an index with no word starting with a query word matches the longest
// indexed word that the query word starts with instead (哈密 for 哈密瓜, Pagefind's
// find_word_extensions), which the whole-site index does not when some other
// partition holds the word itself. So each partition's pages carry a filter naming
// their partition, and a query runs only over the partitions that hold every word
// found anywhere, each word itself where some partition does.
// Shared by search-index/pagefind.js and tests/pagefind_search.mjs.
export const PARTITION = "__partition";
const SEGMENTED = ["zh", "ja", "th"]; // Pagefind splits these into words with Intl.Segmenter too

export function partitionFilter(name) {
  return { [PARTITION]: name };
}

export function withoutPartitions(counts) {
  if (counts) delete counts[PARTITION];
  return counts;
}

function clean(found) {
  if (found) {
    withoutPartitions(found.filters);
    withoutPartitions(found.totalFilters);
  }
  return found;
}

// The words Pagefind will look up for `term` (a quoted term is an exact search, which
// finds nothing in a partition missing a word: no help needed).
export function wordsOf(term, lang) {
  if (!term || /^\s*".+"\s*$/.test(term)) return [];
  if (SEGMENTED.includes(lang.split("-")[0]) && typeof Intl.Segmenter !== "undefined") {
    const words = new Intl.Segmenter(lang, { granularity: "word" }).segment(term);
    return [...words].filter((s) => s.isWordLike).map((s) => s.segment);
  }
  return term.split(/\s+/).filter(Boolean);
}

// Whether a page Pagefind found for `word` holds it (a word of its text or meta
// starting with it), not only a shorter word it starts with. Its raw_content has the
// words as indexed, separated (U+200B between the words of a segmented language), so
// a word indexed in two (哈密 瓜) is not taken for it.
function holds(data, word) {
  const text = [data.raw_content || "", ...Object.values(data.meta || {})].join("\n").toLowerCase();
  return text.includes(word.toLowerCase());
}

// The partitions where Pagefind finds `word`: those that hold it if any does (in a
// partition without it, a page found holds a shorter word only, see above). Checked
// on the first page found in each partition: in a partition either every page was
// found by the word's extensions or every page by the one shorter word. Only for
// segmented languages: elsewhere a query word is stemmed (pears finds pear), and a
// page's text need not hold the word as typed.
async function partitionsHolding(pagefind, word, lang) {
  const found = await pagefind.search(word);
  const counts = (found && found.filters && found.filters[PARTITION]) || {};
  const holding = Object.keys(counts).filter((name) => counts[name] > 0);
  if (holding.length < 2 || !SEGMENTED.includes(lang.split("-")[0])) return holding;
  const itself = [];
  for (const name of holding) {
    const inPartition = await pagefind.search(word, { filters: { [PARTITION]: name } });
    const first = inPartition && inPartition.results[0];
    if (first && holds(await first.data(), word)) itself.push(name);
  }
  return itself.length ? itself : holding;
}

export async function searchAll(pagefind, term, options = {}, lang = "") {
  const words = wordsOf(term, lang);
  if (!words.length) return clean(await pagefind.search(term, options));
  let allowed = null;
  for (const word of words) {
    const holding = await partitionsHolding(pagefind, word, lang);
    if (holding.length) allowed = allowed ? allowed.filter((name) => holding.includes(name)) : holding;
  }
  if (allowed === null) return clean(await pagefind.search(term, options));
  const any = allowed.length ? allowed : ["-"]; // no partition holds them all: nothing is found
  const filters = { ...(options.filters || {}), [PARTITION]: { any } };
  return clean(await pagefind.search(term, { ...options, filters }));
}
