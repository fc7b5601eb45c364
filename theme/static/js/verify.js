/* Licence check (the verify page). The page says, without this script, that a
   check needs JavaScript. The lookup steps match brand_registry.licence_index:
   normalise (NFKC, no white space, upper case), hash (FNV-1a 32 over UTF-8),
   fetch the shard named by the hash's leading bits, look the number up. */
(function (factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else if (typeof document !== "undefined") api.start(document, window);
})(function () {
  "use strict";
  /* Exactly the characters Python's str.isspace() accepts. */
  var SPACE = /[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;

  function normalize(typed) {
    return String(typed).normalize("NFKC").replace(SPACE, "").toUpperCase();
  }

  function fnv1a(text) {
    var bytes = new TextEncoder().encode(text), hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0;
    return hash;
  }

  function shardName(key, bits) {
    if (!bits) return "0";
    var name = (fnv1a(key) >>> (32 - bits)).toString(16);
    while (name.length < Math.ceil(bits / 4)) name = "0" + name;
    return name;
  }

  /* What a licence is on `today` (YYYY-MM-DD; ISO dates compare as strings). */
  function state(licence, brandStatus, today) {
    if (brandStatus === "suspended" || brandStatus === "revoked") return "brand-" + brandStatus;
    if (brandStatus !== "active") return "unknown";
    if (today < licence.valid_from) return "not-yet-valid";
    if (today > licence.valid_to) return "expired";
    return "valid";
  }

  /* The licence and its brand, or null. */
  function find(shard, key) {
    var licences = (shard && shard.licences) || {};
    if (!Object.prototype.hasOwnProperty.call(licences, key)) return null;
    var licence = licences[key];
    return { licence: licence, brand: shard.brands[licence.brand] };
  }

  function localToday(now) {
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function start(d, win) {
    var form = d.getElementById("verify-form"), out = d.getElementById("verify-result");
    var templates = d.getElementById("verify-templates");
    if (!form || !out || !templates || !win.fetch || !win.TextEncoder) return;
    var input = form.elements.license, bits = parseInt(form.getAttribute("data-bits"), 10) || 0;
    var shards = form.getAttribute("data-shards"), root = form.getAttribute("data-root");
    var version = form.getAttribute("data-version"), loaded = {}, latest = 0;

    function load(name) {
      if (!loaded[name]) {
        loaded[name] = win.fetch(shards + name + ".json?v=" + encodeURIComponent(version))
          .then(function (response) {
            if (!response.ok) throw new Error(response.status);
            return response.json();
          });
        loaded[name].catch(function () { delete loaded[name]; });
      }
      return loaded[name];
    }

    function show(kind, values, focus) {
      var tpl = templates.content.querySelector('[data-result="' + kind + '"]');
      var node = tpl.cloneNode(true);
      [].slice.call(node.querySelectorAll("[data-slot]")).forEach(function (el) {
        var slot = el.getAttribute("data-slot"), value = values[slot];
        if (slot === "brand-link") {
          el.textContent = values.brand_name;
          el.setAttribute("href", values.brand_url);
        } else if (slot === "brand-status") {
          var badge = templates.content.querySelector('[data-badges] [data-status="' + values.brand_status + '"]');
          el.textContent = "";
          el.appendChild(badge ? badge.cloneNode(true) : d.createTextNode(values.brand_status));
        } else {
          el.textContent = value == null ? "" : value;
        }
      });
      out.textContent = "";
      out.appendChild(node);
      var title = node.querySelector("[tabindex]");
      if (focus && title) title.focus();
    }

    function check(typed, focus) {
      var key = normalize(typed), ticket = ++latest, today = localToday(new Date());
      if (!key) { out.textContent = ""; return; }
      show("checking", {}, false);  /* never leave an earlier answer up while this one loads */
      load(shardName(key, bits)).then(function (shard) {
        if (ticket !== latest) return;
        var found = find(shard, key);
        if (!found) { show("not-found", { query: typed.trim(), key: key }, focus); return; }
        var lic = found.licence, brand = found.brand || {};
        /* English pages: the English the brand's index.en.md gives, else the registry's Chinese. */
        var en = /^en\b/i.test(d.documentElement.lang || "");
        show(state(lic, brand.status, today), {
          today: today, license: lic.license, enterprise: (en && lic.enterprise_en) || lic.enterprise,
          products: ((en && lic.products_en) || lic.products || []).join(en && lic.products_en ? ", " : "、"),
          valid_from: lic.valid_from, valid_to: lic.valid_to,
          brand_name: (en && brand.name_en) || brand.name, brand_url: root + brand.url, brand_status: brand.status
        }, focus);
      }, function () {
        if (ticket === latest) show("error", { query: typed.trim() }, focus);
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var params = new URLSearchParams(win.location.search);
      if (input.value.trim()) params.set("license", input.value.trim()); else params.delete("license");
      var query = params.toString();
      win.history.replaceState(null, "", win.location.pathname + (query ? "?" + query : ""));
      check(input.value, true);
    });
    var shared = new URLSearchParams(win.location.search).get("license");
    if (shared) {
      input.value = shared;
      check(shared, false);
    }
  }

  return { normalize: normalize, fnv1a: fnv1a, shardName: shardName, state: state, find: find,
    localToday: localToday, start: start };
});
