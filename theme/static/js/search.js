/* The search page: Pagefind's default UI, started with the query from ?q=. It imports
   search-index/pagefind.js, which searches every partition of the index as one. */
(function () {
  "use strict";
  var el = document.getElementById("search");
  if (!el || !window.PagefindUI) return;
  function path(attr) { return new URL(el.getAttribute(attr), location.href).pathname; }
  // Paths from the page's own SITEURL, so the site works at a root or under a sub-path.
  var ui = new PagefindUI({
    element: "#search",
    bundlePath: path("data-search-api"),
    baseUrl: path("data-site-root"),
    showImages: false,
    showSubResults: true,
    resetStyles: false,
    // `names` only helps matching (see brand_pages.views.search_terms); do not show it.
    processResult: function (result) { delete result.meta.names; return result; }
  });
  var q = new URLSearchParams(location.search).get("q");
  if (q) ui.triggerSearch(q);
})();
