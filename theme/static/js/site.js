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

  /* 1b. Award notices: the stage and the days left for objections, on the visitor's day. */
  function dayNumber(iso) { var p = iso.split("-"); return Date.UTC(+p[0], +p[1] - 1, +p[2]) / 864e5; }
  all("[data-objections-until]").forEach(function (el) {
    var from = el.getAttribute("data-published") || "", until = el.getAttribute("data-objections-until");
    var state = today < from ? "upcoming" : today <= until ? "open" : "closed";
    var left = dayNumber(until) - dayNumber(today);
    var text = (state === "open" && left === 0 && el.getAttribute("data-last")) || el.getAttribute("data-" + state);
    if (text) el.textContent = fill(text, { n: left });
    if (el.classList.contains("notice-state")) {
      if (state === "open") el.setAttribute("data-days-left", left); else el.removeAttribute("data-days-left");
    }
  });
  all(".notice-box [data-as-of] time").forEach(function (t) { t.setAttribute("datetime", today); t.textContent = today; });
  all("[data-hide-after]").forEach(function (el) {
    if (today > el.getAttribute("data-hide-after")) el.hidden = true;
    var box = el.parentNode;
    if (box && !all("[data-hide-after]:not([hidden])", box).length) box.hidden = true;
  });

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

  /* 3b. Case list: region, brand, violation and year selects filter the cases of the page. */
  all("form[data-case-filter]").forEach(function (f) {
    var list = d.getElementById(f.getAttribute("data-target"));
    var items = all(":scope > li", list), count = d.getElementById("case-count");
    var empty = d.getElementById("case-empty");
    var keys = { region: "data-regions", brand: "data-brands", violation: "data-violations", year: "data-year" };
    function has(li, attr, v) { return (li.getAttribute(attr) || "").split(" ").indexOf(v) >= 0; }
    function run() {
      var p = new URLSearchParams(), n = 0;
      items.forEach(function (li) {
        var ok = Object.keys(keys).every(function (k) {
          var v = f.elements[k].value;
          return !v || has(li, keys[k], v);
        });
        li.hidden = !ok || today > (li.getAttribute("data-hide-after") || "9999");
        if (!li.hidden) n += 1;
      });
      Object.keys(keys).forEach(function (k) { if (f.elements[k].value) p.set(k, f.elements[k].value); });
      p = p.toString();
      history.replaceState(null, "", location.pathname + (p ? "?" + p : "") + location.hash);
      if (count) count.textContent = fill(count.getAttribute("data-format"), { n: n });
      if (empty) empty.hidden = n > 0;
      list.hidden = n === 0;
    }
    var params = new URLSearchParams(location.search);
    Object.keys(keys).forEach(function (k) { if (params.get(k)) f.elements[k].value = params.get(k); });
    f.hidden = false;
    f.addEventListener("change", run);
    f.addEventListener("submit", function (e) { e.preventDefault(); run(); });
    run();
  });

  /* 4. Brand directory: selects and a text box filter the brands. The page shows one
     page of the registry; a filter searches all of it (data-source: every brand's card,
     fetched once), or only this page's cards if that data cannot be loaded. */
  var form = d.getElementById("brand-filter");
  if (!form) return;
  var list = d.getElementById(form.getAttribute("data-target"));
  var built = [].slice.call(list.childNodes);  // the page as built, back when no filter is set
  var count = d.getElementById("brand-count"), empty = d.getElementById("brand-empty");
  var pager = d.getElementById("brand-pages"), links = d.getElementById("facet-links");
  var cardTpl = d.getElementById("brand-card"), badges = d.getElementById("brand-status-badges");
  var base = new URL(form.getAttribute("data-siteurl") || "./", location.href);
  var fields = ["q", "region", "category", "cert", "award", "standard"], brands = null, loading = null;
  var results = d.createElement("ul");
  results.className = "cards";
  results.setAttribute("role", "list");

  function words(el, attr) { return (el.getAttribute(attr) || "").split(" ").filter(Boolean); }
  function fromPage() {
    return all("[data-name]", list).map(function (c) {
      var li = c.closest("li") || c;
      return { text: c.getAttribute("data-name"), regions: words(c, "data-regions"),
        category: c.getAttribute("data-category"), certs: words(c, "data-certs"),
        awards: words(c, "data-awards"), standards: words(c, "data-standards"),
        card: function () { return li.cloneNode(true); } };
    });
  }
  function load() {
    loading = loading || fetch(form.getAttribute("data-source"))
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        brands = data.brands.map(function (b) { b.card = function () { return draw(b); }; return b; });
      }, function () { brands = fromPage(); });
    return loading;
  }
  function part(li, sel, value, lang) {
    var el = li.querySelector(sel);
    if (!value) { el.remove(); return el; }
    el.textContent = value;
    if (lang) el.lang = lang;
    return el;
  }
  function draw(b) {  /* the brand_card macro, from a brand's data */
    var li = cardTpl.content.firstElementChild.cloneNode(true), mark;
    if (!b.current) li.firstElementChild.className += " card--inactive card--" + b.status;
    if (b.logo) {
      mark = d.createElement("img");
      mark.src = new URL(b.logo[0], base).href;
      mark.width = b.logo[1];
      mark.height = b.logo[2];
      mark.alt = "";
      mark.loading = "lazy";
      mark.decoding = "async";
    } else {
      mark = d.createElement("span");
      mark.textContent = b.initial;
    }
    li.querySelector(".card-logo").appendChild(mark);
    part(li, ".card-title a", b.name).href = new URL(b.url, base).href;
    part(li, ".card-en", b.other_name, b.other_lang);
    var badge = !b.current && badges && badges.content.querySelector('[data-status="' + b.status + '"]');
    if (badge) li.querySelector(".card-status").appendChild(badge.cloneNode(true));
    else li.querySelector(".card-status").remove();
    var meta = part(li, ".card-meta", b.place || b.category_name);
    if (b.place && b.category_name) {
      meta.textContent = b.place;
      var dot = d.createElement("span");
      dot.setAttribute("aria-hidden", "true");
      dot.textContent = " · ";
      meta.append(dot, b.category_name);
    }
    part(li, ".card-summary", b.summary);
    return li;
  }
  function matches(b, v, q) {
    return (!q || b.text.indexOf(q) >= 0) &&
      (!v.region || b.regions.indexOf(v.region) >= 0) &&
      (!v.category || b.category === v.category) &&
      (!v.cert || b.certs.indexOf(v.cert) >= 0) &&
      (!v.standard || (b.standards || []).indexOf(v.standard) >= 0) &&
      (!v.award || b.awards.some(function (a) { return a === v.award || a.split(":")[0] === v.award; }));
  }
  function show(n) {
    var fmt = count && count.getAttribute(n === 1 ? "data-one" : "data-other");
    if (fmt && count.textContent.trim() !== fill(fmt, { n: n })) count.textContent = fill(fmt, { n: n });
  }
  function apply() {
    var v = {}, p = new URLSearchParams(), active = false;
    fields.forEach(function (f) {
      v[f] = form.elements[f] ? form.elements[f].value : "";
      if (v[f]) { p.set(f, v[f]); active = true; }
    });
    p = p.toString();
    history.replaceState(null, "", location.pathname + (p ? "?" + p : "") + location.hash);
    if (!active) {  /* the page as built */
      list.replaceChildren.apply(list, built);
      if (pager) pager.hidden = false;
      if (empty) empty.hidden = true;
      if (count) show(parseInt(count.getAttribute("data-total"), 10));
      return;
    }
    load().then(function () {
      var q = norm(v.q), found = [];
      if (fields.some(function (f) { return (form.elements[f] ? form.elements[f].value : "") !== v[f]; })) return;
      brands.forEach(function (b) {
        if (!matches(b, v, q)) return;
        b.el = b.el || b.card();
        found.push(b.el);
      });
      results.replaceChildren.apply(results, found);
      list.replaceChildren(results);
      if (pager) pager.hidden = true;
      if (empty) empty.hidden = found.length > 0;
      show(found.length);
    });
  }
  var params = new URLSearchParams(location.search);
  fields.forEach(function (f) { if (form.elements[f] && params.get(f)) form.elements[f].value = params.get(f); });
  form.hidden = false;
  if (links) links.hidden = true;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  apply();
})();
