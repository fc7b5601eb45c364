/* Progressive enhancement only: every page works without it. No animations. */
(function () {
  "use strict";
  var d = document;
  function all(sel, root) { return [].slice.call((root || d).querySelectorAll(sel)); }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function fill(tpl, map) { return tpl.replace(/\{(\w+)\}/g, function (m, k) { return k in map ? map[k] : m; }); }
  function norm(s) { return (s || "").toLowerCase().replace(/\s+/g, " ").trim(); }
  var now = new Date();
  var today = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  var coll = new Intl.Collator(d.documentElement.lang || undefined, { numeric: true });

  /* 0. The header search box goes to full-text search (without JS: the brand directory). */
  all("form[data-search-action]").forEach(function (f) { f.action = f.getAttribute("data-search-action"); });

  /* 1. Validity badges against the visitor's today (ISO strings compare as dates). */
  var tpl = d.getElementById("badge-templates");
  function badge(cell, state) {
    var cur = cell && cell.querySelector("[data-state]");
    var fresh = tpl && tpl.content.querySelector('[data-state="' + state + '"]');
    if (!fresh || (cur && cur.getAttribute("data-state") === state)) return;
    cell.textContent = "";
    cell.appendChild(fresh.cloneNode(true));
  }
  if (tpl) {
    all("tr[data-valid-from]").forEach(function (tr) {
      var st = tr.getAttribute("data-brand-status") || "active";
      var from = tr.getAttribute("data-valid-from"), to = tr.getAttribute("data-valid-to");
      badge(tr.querySelector("td.state"), st !== "active" ? "brand-" + st
        : from && today < from ? "not-yet-valid" : to && today > to ? "expired" : "valid");
    });
    all("td[data-expires]").forEach(function (td) {
      badge(td, today > td.getAttribute("data-expires") ? "expired" : "valid");
    });
    all("[data-as-of] time").forEach(function (t) { t.setAttribute("datetime", today); t.textContent = today; });
  }

  /* 2. Sortable tables: a button in each column header, aria-sort on the header. */
  all("table[data-sortable]").forEach(function (table) {
    var body = table.tBodies[0], heads = all("thead th", table);
    heads.forEach(function (th, col) {
      var btn = d.createElement("button");
      btn.type = "button";
      while (th.firstChild) btn.appendChild(th.firstChild);
      th.appendChild(btn);
      btn.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
        function key(r) { var c = r.cells[col]; return c ? c.getAttribute("data-sort") || c.textContent.trim() : ""; }
        [].slice.call(body.rows).sort(function (a, b) {
          var r = coll.compare(key(a), key(b));
          return dir === "ascending" ? r : -r;
        }).forEach(function (r) { body.appendChild(r); });
      });
    });
  });

  /* 3. A filter box above filterable tables. */
  all("table[data-filterable]").forEach(function (table, i) {
    var wrap = table.closest(".table-scroll") || table, rows = [].slice.call(table.tBodies[0].rows);
    var box = d.createElement("div"), label = d.createElement("label"), input = d.createElement("input"), out = d.createElement("p");
    var fmt = wrap.getAttribute("data-filter-count") || "{n} / {total}";
    box.className = "table-filter";
    input.type = "search";
    input.id = label.htmlFor = "table-filter-" + i;
    input.autocomplete = "off";
    label.textContent = wrap.getAttribute("data-filter-label") || "Filter";
    out.className = "result-count";
    out.setAttribute("aria-live", "polite");
    box.append(label, input, out);
    wrap.parentNode.insertBefore(box, wrap);
    input.addEventListener("input", function () {
      var q = norm(input.value), n = 0;
      rows.forEach(function (r) { r.hidden = !!q && norm(r.textContent).indexOf(q) < 0; if (!r.hidden) n++; });
      out.textContent = q ? fill(fmt, { n: n, total: rows.length }) : "";
    });
  });

  /* 4. Brand directory: selects and a text box filter the cards in place. */
  var form = d.getElementById("brand-filter");
  if (!form) return;
  var cards = all("[data-name]", d.getElementById(form.getAttribute("data-target")) || d);
  var count = d.getElementById("brand-count"), empty = d.getElementById("brand-empty");
  var links = d.getElementById("facet-links"), fields = ["q", "region", "category", "cert", "award"];
  var params = new URLSearchParams(location.search);
  fields.forEach(function (f) { if (form.elements[f] && params.get(f)) form.elements[f].value = params.get(f); });
  form.hidden = false;
  if (links) links.hidden = true;
  function has(card, attr, v) { return (card.getAttribute(attr) || "").split(" ").indexOf(v) >= 0; }
  function apply() {
    var v = {}, p = new URLSearchParams(), n = 0;
    fields.forEach(function (f) { v[f] = form.elements[f] ? form.elements[f].value : ""; if (v[f]) p.set(f, v[f]); });
    var q = norm(v.q);
    cards.forEach(function (c) {
      var ok = (!q || c.getAttribute("data-name").indexOf(q) >= 0) &&
        (!v.region || has(c, "data-regions", v.region)) &&
        (!v.category || c.getAttribute("data-category") === v.category) &&
        (!v.cert || has(c, "data-certs", v.cert)) &&
        (!v.award || (c.getAttribute("data-awards") || "").split(" ").some(function (a) {
          return a === v.award || a.split(":")[0] === v.award;
        }));
      (c.closest("li") || c).hidden = !ok;
      if (ok) n++;
    });
    var fmt = count && count.getAttribute(n === 1 ? "data-one" : "data-other");
    if (fmt && count.textContent.trim() !== fill(fmt, { n: n })) count.textContent = fill(fmt, { n: n });
    if (empty) empty.hidden = n > 0;
    p = p.toString();
    history.replaceState(null, "", location.pathname + (p ? "?" + p : "") + location.hash);
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  apply();
})();
