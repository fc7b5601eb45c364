"""Label sheets, label files and fact sheets as the build writes them (development and publish)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from conftest import SUBPATH

from brandsite.brand_pages.urls import licence_slugs
from brandsite.brand_registry.site import normalize_license

BRAND = "korla-fragrant-pear"


def test_a_development_build_prints_no_wrong_code(output):
    folder = output / "brands" / BRAND
    page = (folder / "labels" / "index.html").read_text(encoding="utf-8")
    assert "make publish" in page and "<svg" not in page and "download" not in page
    assert not list((folder / "labels").glob("*.svg"))
    sheet = (folder / "fact-sheet" / "index.html").read_text(encoding="utf-8")
    assert "make publish" in sheet and 'class="qr"' not in sheet


def test_a_publish_build_writes_a_label_file_per_licence(subpath_output, sample_site):
    brand = sample_site.brands[BRAND]
    folder = subpath_output / "brands" / BRAND / "labels"
    slugs = licence_slugs(brand)
    assert sorted(p.name for p in folder.glob("*.svg")) == sorted(f"{s}.svg" for s in slugs.values())
    for licence in brand.licensees[:5]:
        text = (folder / f"{slugs[licence.license]}.svg").read_text(encoding="utf-8")
        root = ET.fromstring(text.encode("utf-8"))
        words = "".join(root.itertext())
        assert brand.name in words and licence.name in words and licence.license in words
        assert 'href="https://' in text and "base64" not in text  # the logo, linked by its address
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert page.count('class="qr"') == len(brand.licensees)
    assert f"{SUBPATH}/verify/?license=" not in page  # the address is in the code, not in the text


def test_print_pages_are_linked_from_the_brand_page_and_kept_out_of_search(subpath_output):
    brand_page = (subpath_output / "brands" / BRAND / "index.html").read_text(encoding="utf-8")
    assert f'href="{SUBPATH}/brands/{BRAND}/labels/"' in brand_page
    assert f'href="{SUBPATH}/brands/{BRAND}/fact-sheet/"' in brand_page
    english = (subpath_output / "en" / "brands" / BRAND / "index.html").read_text(encoding="utf-8")
    assert f'href="{SUBPATH}/en/brands/{BRAND}/fact-sheet/"' in english
    sitemap = (subpath_output / "sitemap.xml").read_text(encoding="utf-8")
    assert "/labels/" not in sitemap and "/fact-sheet/" not in sitemap
    for name in ("labels", "fact-sheet"):
        page = (subpath_output / "brands" / BRAND / name / "index.html").read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex">' in page


def test_the_credit_code_shards_hold_the_sample_enterprises(subpath_output, sample_site):
    import json
    import re

    from verify_lookup import lookup_uscc

    from brandsite.brand_registry.licence_index import shard_names

    page = (subpath_output / "verify" / "index.html").read_text(encoding="utf-8")
    bits = int(re.search(r'data-uscc-bits="(\d+)"', page).group(1))
    shards = {
        name: json.loads((subpath_output / "verify" / "enterprises" / f"{name}.json").read_text("utf-8"))
        for name in shard_names(bits)
    }
    coded = {}
    for brand in sample_site.brands.values():
        for lic in brand.licensees:
            if lic.uscc:
                coded.setdefault(lic.uscc, set()).add((brand.slug, normalize_license(lic.license)))
    assert any(len({slug for slug, _n in found}) > 1 for found in coded.values())  # one in two brands
    for code, expected in coded.items():
        found = lookup_uscc(shards, bits, code.lower())
        assert {(f["brand_slug"], normalize_license(f["license"])) for f in found} == expected
