"""/statistics/ on the built sample site: its numbers are the open data's, recomputed here
from output/data/ (not from the registry code), in both languages; and the home page
shows the brands' photos and links the statistics."""

from __future__ import annotations

import csv
import html
import json
import posixpath
import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from sitebuild import AS_OF

BUILD_DAY = AS_OF.date()  # 2026-11-26
LANGS = {"zh": "", "en": "en/"}
ROW = re.compile(r'<tr><th scope="row">(.*?)</th><td data-count="(\d+)">')


def page(output: Path, lang: str, path: str = "statistics/") -> str:
    return (output / LANGS[lang] / path / "index.html").read_text(encoding="utf-8")


def table(text: str, chart_id: str) -> list[tuple[str, int]]:
    """(label, count) rows of a chart's data table, as shown."""
    found = re.search(rf'<table class="data" id="{chart_id}-table">(.*?)</table>', text, re.S)
    assert found, f"no table for {chart_id}"
    return [(html.unescape(label), int(count)) for label, count in ROW.findall(found.group(1))]


def counts(text: str, chart_id: str) -> list[int]:
    return [count for _, count in table(text, chart_id)]


def total(text: str, key: str) -> int:
    found = re.search(rf'<td data-stat="{key}">(\d+)</td>', text)
    assert found, key
    return int(found.group(1))


def name(entry: dict, lang: str) -> str:
    return (entry.get("name_en") or entry["name"]) if lang == "en" else entry["name"]


@pytest.fixture(scope="module")
def data(output):
    folder = output / "data"
    brands = json.loads((folder / "brands.json").read_text(encoding="utf-8"))["brands"]
    with (folder / "licensees.csv").open(encoding="utf-8-sig", newline="") as f:
        licences = list(csv.DictReader(f))
    editions = json.loads((folder / "awards.json").read_text(encoding="utf-8"))["editions"]
    return brands, licences, editions


def licence_state(row: dict) -> str:
    if row["brand_status"] != "active":
        return f"brand-{row['brand_status']}"
    if date.fromisoformat(row["valid_from"]) > BUILD_DAY:
        return "not-yet-valid"
    return "expired" if date.fromisoformat(row["valid_to"]) < BUILD_DAY else "valid"


def horizon(expires: str | None) -> str:
    if not expires:
        return "open-ended"
    day = date.fromisoformat(expires)
    if day < BUILD_DAY:
        return "expired"
    return "soon" if day <= BUILD_DAY + timedelta(days=90) else "later"


@pytest.mark.parametrize("lang", LANGS)
def test_totals_are_the_open_datas(output, data, lang):
    brands, licences, editions = data
    text = page(output, lang)
    assert total(text, "brands") == len(brands)
    assert total(text, "active-brands") == sum(b["status"] == "active" for b in brands)
    assert total(text, "regions") == len({b["region"]["code"] for b in brands})
    assert total(text, "licences") == len(licences)
    assert total(text, "valid-licences") == sum(licence_state(r) == "valid" for r in licences)
    active = [r for r in licences if r["brand_status"] == "active"]
    assert total(text, "enterprises") == len({r["enterprise"] for r in active})
    assert total(text, "certifications") == sum(len(b["certifications"]) for b in brands)
    assert total(text, "award-winners") == sum(len(e["winners"]) for e in editions)
    assert '<time datetime="2026-11-26">2026-11-26</time>' in text  # the day the numbers hold for


@pytest.mark.parametrize("lang", LANGS)
def test_brand_charts_are_the_open_datas(output, data, lang):
    brands, _licences, _editions = data
    text = page(output, lang)
    prefectures = Counter(
        name(b["region"]["chain"][min(1, len(b["region"]["chain"]) - 1)], lang) for b in brands
    )
    assert dict(table(text, "brands-by-prefecture")) == dict(prefectures)
    assert counts(text, "brands-by-prefecture") == sorted(prefectures.values(), reverse=True)
    categories = Counter(name(b["category"], lang) for b in brands)
    assert dict(table(text, "brands-by-category")) == dict(categories)
    statuses = Counter(b["status"] for b in brands)
    assert counts(text, "brands-by-status") == [statuses[s] for s in ("active", "suspended", "revoked")]


@pytest.mark.parametrize("lang", LANGS)
def test_certificate_and_licence_charts_are_the_open_datas(output, data, lang):
    brands, licences, _editions = data
    text = page(output, lang)
    certs = [c for b in brands for c in b["certifications"]]
    by_type = Counter(
        c["type_name_en"] if lang == "en" and c["type_name_en"] else c["type_name"] for c in certs
    )
    assert dict(table(text, "certifications-by-type")) == dict(by_type)
    horizons = Counter(horizon(c["expires"]) for c in certs)
    expected = [horizons[h] for h in ("expired", "soon", "later", "open-ended")]
    assert counts(text, "certifications-by-expiry") == expected
    assert expected[0] and expected[1]  # the sample has certificates expired and expiring soon
    states = Counter(licence_state(r) for r in licences)
    order = ("valid", "expired", "not-yet-valid", "brand-suspended", "brand-revoked")
    assert counts(text, "licences-by-state") == [states[s] for s in order]
    years = Counter(r["valid_from"][:4] for r in licences)
    assert table(text, "licences-by-year") == sorted(years.items())


@pytest.mark.parametrize("lang", LANGS)
def test_award_winners_per_edition_and_tier_are_the_open_datas(output, data, lang):
    _brands, _licences, editions = data
    text = page(output, lang)
    expected = []
    for edition in editions:
        tiers = Counter(w["tier"] for w in edition["winners"])
        expected += [tiers[t] for t in ("award", "nomination") if tiers[t]]
    assert len(editions) >= 2 and counts(text, "winners-by-edition") == expected


@pytest.mark.parametrize("lang", LANGS)
def test_stories_per_year_count_every_published_story(output, lang):
    stories = [p for p in (output / "stories").iterdir() if (p / "index.html").is_file()]
    stories = [p for p in stories if p.name not in ("category", "tag", "page")]
    shown = table(page(output, lang), "stories-by-year")
    assert sum(count for _, count in shown) == len(stories)
    years = [label.split(" · ")[0] for label, _ in shown]
    assert years == sorted(years, reverse=True)


@pytest.mark.parametrize("lang", LANGS)
def test_named_svg_charts_each_with_a_table(output, lang):
    text = page(output, lang)
    charts = re.findall(r'<svg class="chart" role="img" aria-labelledby="([\w-]+)-title \1-desc"', text)
    assert len(charts) >= 3
    for chart_id in charts:
        assert f'<title id="{chart_id}-title">' in text and f'id="{chart_id}-table"' in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_shows_brand_photos_and_links_the_statistics(output, lang):
    text = page(output, lang, "")
    main = text[text.index("<main") : text.index("</main>")]
    featured = main[main.index('id="featured-title"') : main.index('id="browse-title"')]
    photos = re.findall(r'<div class="showcase-photo"><picture>.*?<img ([^>]*)>', featured)
    assert len(photos) >= 3
    assert 'fetchpriority="high"' in photos[0] and 'loading="lazy"' not in photos[0]
    assert all('loading="lazy"' in img and "width=" in img and "height=" in img for img in photos[1:])
    assert all(re.search(r'alt="[^"]+"', img) for img in photos)
    assert main.count('fetchpriority="high"') == 1
    prefix = "../" if lang == "en" else "./"  # relative links: /en/ -> en/statistics/
    assert f'href="{prefix}{LANGS[lang]}statistics/"' in main
    footer = text[text.index('<footer class="site-footer">') :]
    assert "statistics/" in footer


def test_the_english_home_page_links_the_english_statistics(output):
    main = page(output, "en", "")
    links = re.findall(r'href="([^"]*statistics/[^"]*)"', main)
    assert links
    resolved = {posixpath.normpath(posixpath.join("/en/", link.split("#")[0])) for link in links}
    assert resolved == {"/en/statistics"}
