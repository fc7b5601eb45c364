// Run a search against a built site's Pagefind index, as a browser would.
//
//   node tests/pagefind_search.mjs <site> <language> <query|-> [filters-json]
//
// Loads the index as theme/static/js/search-index/pagefind.js does: the first
// partition of <language> in <site>/pagefind/partitions.json, the others merged
// into it, searched as one (merged.js); fetch() reads files from disk and
// <html lang> is <language>. Prints {total, filters, results: [{url, title,
// filters}]} as JSON. A query of "-" runs a filter-only search.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { partitionFilter, searchAll } from "../theme/static/js/search-index/merged.js";

const [site, language, query, filters = "{}"] = process.argv.slice(2);
globalThis.fetch = async (url) => new Response(await readFile(fileURLToPath(String(url).split("?")[0])));
// pagefind.js picks the index of the page's language from <html lang>.
globalThis.document = { currentScript: null, querySelector: () => ({ getAttribute: () => language }) };

const bundle = pathToFileURL(path.resolve(site, "pagefind")).href + "/";
const languages = JSON.parse(await readFile(path.resolve(site, "pagefind", "partitions.json"), "utf8"));
const [primary, ...others] = languages[language.toLowerCase()];
const pagefind = await import(`${bundle}${primary}/pagefind.js`);
const instance = pagefind.createInstance({ basePath: `${bundle}${primary}/`, baseUrl: "/" });
await instance.options({ mergeFilter: partitionFilter(primary) });
for (const name of others) {
  await instance.mergeIndex(`${bundle}${name}/`, { baseUrl: "/", mergeFilter: partitionFilter(name) });
}
const term = query === "-" ? null : query;
const search = await searchAll(instance, term, { filters: JSON.parse(filters) }, language.toLowerCase());
const results = await Promise.all(search.results.map((r) => r.data()));
console.log(JSON.stringify({
  total: search.results.length,
  filters: search.filters,
  results: results.map((d) => ({ url: d.url, title: d.meta.title, filters: d.filters })),
}));
