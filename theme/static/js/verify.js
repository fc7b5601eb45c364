/* Licence check (the verify page). The page says, without this script, that a
   check needs JavaScript. The lookup steps match brand_registry.licence_index:
   normalise (NFKC, no white space, upper case), hash (FNV-1a 32 over UTF-8),
   fetch the shard named by the hash's leading bits, look the number up.
   A unified social credit code (18 characters, its check character right,
   brand_registry.uscc) is looked up the same way in the enterprises' shards
   and lists that enterprise's licences; not found there, it is tried as a
   licence number.
   Opened from a label's QR code (a ?license= query, no page of this site
   before it) by a browser that prefers English, the Chinese page hands over
   to the English one with the same query: a visitor who chose a language
   came from one of the site's pages, so is never sent back. */
(function (factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else if (typeof document !== "undefined") api.start(document, window);
})(function () {
  "use strict";
  /* Exactly the characters Python's str.isspace() accepts. */
  var SPACE = /[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;

  var USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  var USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

  /* Whether a normalised text is a unified social credit code (GB 32100-2015). */
  function isUscc(key) {
    if (key.length !== 18) return false;
    var total = 0;
    for (var i = 0; i < 17; i++) {
      var value = USCC_ALPHABET.indexOf(key.charAt(i));
      if (value < 0) return false;
      total += value * USCC_WEIGHTS[i];
    }
    return USCC_ALPHABET.charAt((31 - total % 31) % 31) === key.charAt(17);
  }

  /* The English page to hand a scanned code's visitor over to, or null. */
  function englishTwin(d, win) {
    if (!/^zh\b/i.test(d.documentElement.lang || "")) return null;
    if (!new URLSearchParams(win.location.search).get("license")) return null;
    var langs = win.navigator.languages || [win.navigator.language || ""];
    if (!/^en\b/i.test(langs[0] || "")) return null;
    if (d.referrer && d.referrer.indexOf(win.location.origin + "/") === 0) return null;
    var link = d.querySelector('link[rel="alternate"][hreflang="en"]');
    return link ? link.href.split("?")[0] + win.location.search : null;
  }

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

  /* An enterprise's licences, each with its brand, or null. */
  function findEnterprise(shard, key) {
    var enterprises = (shard && shard.enterprises) || {};
    if (!Object.prototype.hasOwnProperty.call(enterprises, key)) return null;
    return enterprises[key].map(function (licence) {
      return { licence: licence, brand: shard.brands[licence.brand] };
    });
  }

  function localToday(now) {
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function start(d, win) {
    var twin = englishTwin(d, win);
    if (twin) { win.location.replace(twin); return; }
    var form = d.getElementById("verify-form"), out = d.getElementById("verify-result");
    var templates = d.getElementById("verify-templates");
    if (!form || !out || !templates || !win.fetch || !win.TextEncoder) return;
    var input = form.elements.license, root = form.getAttribute("data-root"), loaded = {}, latest = 0;
    var kinds = {
      licence: { bits: parseInt(form.getAttribute("data-bits"), 10) || 0,
        folder: form.getAttribute("data-shards"), version: form.getAttribute("data-version") },
      uscc: { bits: parseInt(form.getAttribute("data-uscc-bits"), 10) || 0,
        folder: form.getAttribute("data-uscc-shards"), version: form.getAttribute("data-uscc-version") }
    };
    var en = /^en\b/i.test(d.documentElement.lang || "");

    function load(kind, key) {
      var url = kind.folder + shardName(key, kind.bits) + ".json?v=" + encodeURIComponent(kind.version);
      if (!loaded[url]) {
        loaded[url] = win.fetch(url).then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        });
        loaded[url].catch(function () { delete loaded[url]; });
      }
      return loaded[url];
    }

    function badge(selector) {
      var found = templates.content.querySelector("[data-badges] " + selector);
      return found ? found.cloneNode(true) : null;
    }

    /* Fill a template's slots from `values`. */
    function fill(node, values) {
      [].slice.call(node.querySelectorAll("[data-slot]")).forEach(function (el) {
        var slot = el.getAttribute("data-slot"), value = values[slot];
        if (slot === "brand-link") {
          el.textContent = values.brand_name;
          el.setAttribute("href", values.brand_url);
        } else if (slot === "brand-status" || slot === "state") {
          var shown = slot === "state" ? badge('[data-state="' + values.state + '"]')
            : badge('[data-status="' + values.brand_status + '"]');
          el.textContent = "";
          el.appendChild(shown || d.createTextNode(slot === "state" ? values.state : values.brand_status));
        } else if (slot !== "licences") {
          el.textContent = value == null ? "" : value;
        }
      });
      return node;
    }

    function template(kind) {
      return templates.content.querySelector('[data-result="' + kind + '"]').cloneNode(true);
    }

    function put(node, focus) {
      out.textContent = "";
      out.appendChild(node);
      var title = node.querySelector("[tabindex]");
      if (focus && title) title.focus();
    }

    /* What a licence shows: in English on English pages where the brand's twin gives it. */
    function licenceValues(found, today) {
      var lic = found.licence, brand = found.brand || {};
      return {
        today: today, license: lic.license, enterprise: (en && lic.enterprise_en) || lic.enterprise,
        products: ((en && lic.products_en) || lic.products || []).join(en && lic.products_en ? ", " : "、"),
        valid_from: lic.valid_from, valid_to: lic.valid_to, state: state(lic, brand.status, today),
        brand_name: (en && brand.name_en) || brand.name, brand_url: root + brand.url, brand_status: brand.status
      };
    }

    function showLicence(found, today, focus) {
      var values = licenceValues(found, today);
      put(fill(template(values.state), values), focus);
    }

    function showEnterprise(key, licences, today, focus) {
      var rows = licences.map(function (found) { return licenceValues(found, today); });
      var node = fill(template("enterprise"), {
        uscc: key, enterprise: rows[0].enterprise, count: String(rows.length), today: today
      });
      var list = node.querySelector('[data-slot="licences"]');
      rows.forEach(function (values) { list.appendChild(fill(template("enterprise-licence"), values)); });
      put(node, focus);
    }

    function lookupLicence(key, typed, ticket, today, focus) {
      return load(kinds.licence, key).then(function (shard) {
        if (ticket !== latest) return;
        var found = find(shard, key);
        if (found) showLicence(found, today, focus);
        else put(fill(template("not-found"), { query: typed.trim(), key: key }), focus);
      });
    }

    /* The language links keep the question: the other language answers the same one. */
    function carryQuery() {
      [].forEach.call(d.querySelectorAll(".lang-switch a[hreflang]:not([data-fallback])"), function (a) {
        a.setAttribute("href", a.getAttribute("href").split("?")[0] + win.location.search);
      });
    }

    function check(typed, focus) {
      var key = normalize(typed), ticket = ++latest, today = localToday(new Date());
      if (!key) { out.textContent = ""; return; }
      put(template("checking"), false);  /* never leave an earlier answer up while this one loads */
      var asked = isUscc(key) && kinds.uscc.folder
        ? load(kinds.uscc, key).then(function (shard) {
          if (ticket !== latest) return;
          var licences = findEnterprise(shard, key);
          if (licences && licences.length) showEnterprise(key, licences, today, focus);
          else return lookupLicence(key, typed, ticket, today, focus);
        })
        : lookupLicence(key, typed, ticket, today, focus);
      asked.catch(function () {
        if (ticket === latest) put(fill(template("error"), { query: typed.trim() }), focus);
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var params = new URLSearchParams(win.location.search);
      if (input.value.trim()) params.set("license", input.value.trim()); else params.delete("license");
      var query = params.toString();
      win.history.replaceState(null, "", win.location.pathname + (query ? "?" + query : ""));
      carryQuery();
      check(input.value, true);
    });
    carryQuery();
    var shared = new URLSearchParams(win.location.search).get("license");
    if (shared) {
      input.value = shared;
      check(shared, false);
    }
  }

  return { normalize: normalize, fnv1a: fnv1a, shardName: shardName, state: state, find: find,
    findEnterprise: findEnterprise, isUscc: isUscc, englishTwin: englishTwin, localToday: localToday,
    start: start };
});
