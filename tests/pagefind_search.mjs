// Run a search against a built site's Pagefind index, as a browser would.
//
//   node tests/pagefind_search.mjs <site> <language> <query|-> [filters-json]
//
// Loads <site>/pagefind/pagefind.js with fetch() reading files from disk and
// <html lang> set to <language>; prints {total, filters, results: [{url, title,
// filters}]} as JSON. A query of "-" runs a filter-only search.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [site, language, query, filters = "{}"] = process.argv.slice(2);
globalThis.fetch = async (url) => new Response(await readFile(fileURLToPath(String(url).split("?")[0])));
// pagefind.js picks the index of the page's language from <html lang>.
globalThis.document = { currentScript: null, querySelector: () => ({ getAttribute: () => language }) };

const bundle = pathToFileURL(path.resolve(site, "pagefind")).href + "/";
const pagefind = await import(bundle + "pagefind.js");
const instance = pagefind.createInstance({ basePath: bundle, baseUrl: "/" });
const search = await instance.search(query === "-" ? null : query, { filters: JSON.parse(filters) });
const results = await Promise.all(search.results.map((r) => r.data()));
console.log(JSON.stringify({
  total: search.results.length,
  filters: search.filters,
  results: results.map((d) => ({ url: d.url, title: d.meta.title, filters: d.filters })),
}));
