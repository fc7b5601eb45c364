"""Editor text is escaped wherever it lands: text, attributes, URLs, JSON, JSON-LD, feeds, CSV."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from brand_registry.licence_index import lookup, shard_names
from conftest import png_bytes
from sitebuild import build, copy_project

XSS = '<script>alert(1)</script>"quotes"'
FORMULA = '=HYPERLINK("http://evil.example","x")'


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("xss"))
    bundle = root / "brands" / "xss-brand"
    bundle.mkdir()
    (bundle / "logo.png").write_bytes(png_bytes())
    text = f"""---
name: '{XSS}'
name_en: '{XSS}'
category: agricultural
region: "652801"
owner: '{XSS}'
summary: '{XSS}'
registered: 2020-01-01
updated: 2021-01-01
logo: logo.png
gallery:
  - src: logo.png
    alt: '{XSS}'
    caption: '{XSS}'
certifications:
  - type: geographical-indication
    number: '{XSS}'
    issuer: '{XSS}'
    issued: 2020-01-01
standards:
  - code: '{XSS}'
    title: '{XSS}'
awards:
  - program: regional-quality-award
    edition: 5
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
tags: ['{XSS}']
---
Body <script>alert(1)</script> and <img src=x onerror=alert(1)> and [link](javascript:alert(1)).

![{XSS.replace('"', "")}](logo.png)
"""
    (bundle / "index.md").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module", params=["pelicanconf.py", "publishconf.py"])
def hostile_output(hostile_project, request):
    output = hostile_project / f"output-{request.param[:-3]}"
    result = build(hostile_project, output, settings=request.param)
    assert result.returncode == 0, result.stderr
    return output


def test_hostile_text_is_escaped_in_every_output_file(hostile_output):
    checked = set()
    for path in hostile_output.rglob("*"):
        if path.suffix not in (".html", ".xml", ".json", ".txt", ".js"):
            continue  # CSV holds the text as data: see the CSV test
        data = path.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in data, path
        assert "onerror" not in data, path
        assert "javascript:alert" not in data, path
        assert '"quotes"' not in data, path
        checked.add(path.suffix)
    assert checked >= {".html", ".json", ".txt", ".js"}
    page = (hostile_output / "brands" / "xss-brand" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;quotes&#34;" in page


def test_json_outputs_escape_markup_yet_hold_the_exact_text(hostile_output):
    record = json.loads((hostile_output / "data" / "brands" / "xss-brand.json").read_text("utf-8"))
    assert record["name"] == record["owner"] == record["summary"] == XSS
    assert record["licensees"][1]["name"] == XSS and record["licensees"][0]["name"] == FORMULA
    everything = json.loads((hostile_output / "data" / "brands.json").read_text("utf-8"))
    assert record in everything["brands"]
    page = (hostile_output / "verify" / "index.html").read_text(encoding="utf-8")
    bits = int(re.search(r'data-bits="(\d+)"', page).group(1))
    shards = {n: json.loads((hostile_output / "verify" / "licences" / f"{n}.json").read_text("utf-8"))
              for n in shard_names(bits)}
    found = lookup(shards, bits, f"xss-{XSS}")
    assert found["enterprise"] == XSS and found["brand"]["name"] == XSS


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
    for name in ("brands.csv", "licensees.csv"):
        text = (hostile_output / "data" / name).read_text(encoding="utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        for row in rows:
            for cell in row.values():
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
        hostile = [r for r in rows if r.get("slug", r.get("brand_slug")) == "xss-brand"]
        assert hostile, name
    licences = {r["license"]: r for r in csv.DictReader(io.StringIO(
        (hostile_output / "data" / "licensees.csv").read_text(encoding="utf-8-sig"), newline=""))}
    assert licences[f"XSS-{XSS}"]["enterprise"] == XSS  # exact text: CSV is data, not markup
    formula = licences["'+XSS-2"]
    assert formula["enterprise"] == "'" + FORMULA and formula["products"] == "'@SUM(1); -1"


def test_feeds_escape_the_text_and_stay_well_formed(hostile_output):
    feed = hostile_output / "feeds" / "registry.atom.xml"
    if hostile_output.name == "output-pelicanconf":
        assert not feed.exists()  # development builds have no feeds
        return
    root = ET.parse(feed).getroot()
    titles = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert any(XSS in (t or "") for t in titles)
