// The Pagefind API that the search page's PagefindUI imports as its pagefind.js
// (search.js points its bundlePath here): the partitions of the visitor's language
// (pagefind/partitions.json), the first loaded and the others merged into it,
// searched as one index (merged.js).
import { partitionFilter, searchAll, withoutPartitions } from "./merged.js";

const el = document.getElementById("search");
const at = (attr) => new URL(el.getAttribute(attr), location.href).pathname;
const bundle = at("data-bundle");
const baseUrl = at("data-site-root");
const lang = (document.documentElement.lang || "").toLowerCase();
const languages = await (await fetch(bundle + "partitions.json")).json();
const names = languages[lang] || languages[lang.split("-")[0]] || Object.values(languages)[0];
const pagefind = await import(`${bundle}${names[0]}/pagefind.js`);
await pagefind.options({ baseUrl, mergeFilter: partitionFilter(names[0]) });
await Promise.all(
  names
    .slice(1)
    .map((name) => pagefind.mergeIndex(`${bundle}${name}/`, { baseUrl, mergeFilter: partitionFilter(name) })),
);

export const options = (settings) => pagefind.options(settings);
export const mergeIndex = (path, settings) => pagefind.mergeIndex(path, settings);
export const preload = (term, settings) => pagefind.preload(term, settings);
export const filters = async () => withoutPartitions(await pagefind.filters());
export const search = (term, settings) => searchAll(pagefind, term, settings, lang);
export const destroy = () => pagefind.destroy();
