"""Open data as built: every JSON validates against the schema, every CSV parses."""

from __future__ import annotations

import csv
import io
import json
import re

import jsonschema
import pytest
from conftest import SUBPATH
from sitebuild import ROOT

from brandsite.brand_registry import Paths, load_site
from brandsite.brand_registry.open_data import BRAND_COLUMNS, LICENSEE_COLUMNS


@pytest.fixture(scope="module")
def site():
    loaded, _ = load_site(Paths.under(ROOT))
    return loaded


def read_json(path):
    return json.loads(path.read_text(encoding="utf-8"))


def read_csv(path) -> list[dict]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), path  # BOM: Excel reads UTF-8
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("build", ["output", "subpath_output"])
def test_every_json_output_validates_against_the_schema(build, request, site):
    out = request.getfixturevalue(build)
    schema = read_json(out / "data" / "brand.schema.json")
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    everything = read_json(out / "data" / "brands.json")
    assert list(everything) == ["brands"]
    records = everything["brands"]
    assert [r["slug"] for r in records] == sorted(site.brands)
    for record in records:
        errors = [e.message for e in validator.iter_errors(record)]
        assert errors == [], record["slug"]
        own = read_json(out / "data" / "brands" / f"{record['slug']}.json")
        assert own == record
        validator.validate(own)
    assert len(list((out / "data" / "brands").glob("*.json"))) == len(site.brands)


def test_records_hold_the_registry_facts(output, site):
    records = {r["slug"]: r for r in read_json(output / "data" / "brands.json")["brands"]}
    for slug, brand in site.brands.items():
        record = records[slug]
        assert (record["name"], record["owner"], record["status"]) == (brand.name, brand.owner, brand.status)
        assert record["registered"] == brand.registered.isoformat()
        assert record["region"]["name"] == site.registry.regions[brand.region].name
        assert record["region"]["chain"][0]["code"] == "650000"
        assert record["category"]["name"] == site.registry.categories[brand.category].name
        assert sorted(lic["license"] for lic in record["licensees"]) == sorted(
            lic.license for lic in brand.licensees
        )
        assert len(record["certifications"]) == len(brand.certifications)
        assert len(record["awards"]) == len(brand.awards)


def test_urls_are_site_relative_in_development_and_absolute_when_published(output, subpath_output):
    dev = read_json(output / "data" / "brands" / "korla-fragrant-pear.json")
    assert dev["url"] == "brands/korla-fragrant-pear/"
    assert re.fullmatch(r"brands/korla-fragrant-pear/logo\.[0-9a-f]{8}\.400w\.png", dev["logo"])
    published = read_json(subpath_output / "data" / "brands" / "korla-fragrant-pear.json")
    assert published["url"] == f"{SUBPATH}/brands/korla-fragrant-pear/"
    assert published["data_url"] == f"{SUBPATH}/data/brands/korla-fragrant-pear.json"
    for key in ("url", "data_url", "logo", "cover"):
        path = published[key][len(SUBPATH) + 1 :]
        target = subpath_output / path
        assert (target / "index.html").is_file() if path.endswith("/") else target.is_file(), key


def test_csv_files_have_the_expected_columns_and_one_row_a_licence(output, site):
    brands = read_csv(output / "data" / "brands.csv")
    assert tuple(brands[0]) == BRAND_COLUMNS
    assert [row["slug"] for row in brands] == sorted(site.brands)
    licences = read_csv(output / "data" / "licensees.csv")
    assert tuple(licences[0]) == LICENSEE_COLUMNS
    expected = sorted((b.slug, lic.license) for b in site.brands.values() for lic in b.licensees)
    assert [(row["brand_slug"], row["license"]) for row in licences] == expected
    for row in licences + brands:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert all(int(row["licences"]) == len(site.brands[row["slug"]].licensees) for row in brands)


def test_the_data_page_explains_and_links_every_file(output):
    page = (output / "data" / "index.html").read_text(encoding="utf-8")
    for name in ("brands.json", "brands.csv", "licensees.csv", "brand.schema.json"):
        assert f'href="../data/{name}"' in page
    assert 'href="../data/brands/aksu-apple.json"' in page
    for column in BRAND_COLUMNS + LICENSEE_COLUMNS:
        assert f">{column}</th>" in page
    assert "BOM" in page
