// Search the partitions of the Pagefind index (brandsite.build.search_index) as one index.
//
// Pagefind ignores a query word that an index does not hold at all: a partition
// without one of the words would return its pages holding the others, where the
// whole-site index returned only pages holding every word (words found nowhere
// aside). So each partition's pages carry a filter naming their partition, and a
// query runs only over the partitions that hold every word found anywhere.
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

async function partitionsHolding(pagefind, word) {
  const found = await pagefind.search(word);
  const counts = (found && found.filters && found.filters[PARTITION]) || {};
  return Object.keys(counts).filter((name) => counts[name] > 0);
}

export async function searchAll(pagefind, term, options = {}, lang = "") {
  const words = wordsOf(term, lang);
  if (words.length < 2) return clean(await pagefind.search(term, options));
  let allowed = null;
  for (const word of words) {
    const holding = await partitionsHolding(pagefind, word);
    if (holding.length) allowed = allowed ? allowed.filter((name) => holding.includes(name)) : holding;
  }
  if (allowed === null) return clean(await pagefind.search(term, options));
  const any = allowed.length ? allowed : ["-"]; // no partition holds them all: nothing is found
  const filters = { ...(options.filters || {}), [PARTITION]: { any } };
  return clean(await pagefind.search(term, { ...options, filters }));
}
