"""brand_registry.open_data: records that match the schema, CSV that spreadsheets cannot run."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from brandsite.brand_registry import open_data
from brandsite.brand_registry.issues import errors
from brandsite.brand_registry.open_data import Links, brand_record, csv_text, neutralize

SCHEMA = json.loads((Path(open_data.__file__).with_name("brand.schema.json")).read_text("utf-8"))


def test_the_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.fixture
def loaded(project):
    project.brand(
        "korla-fragrant-pear",
        status="suspended",
        updated="2024-03-01",
        name_en="Korla Pear",
        certifications=[
            {"type": "geographical-indication", "number": "GI-1", "issuer": "局", "issued": "2019-05-20"}
        ],
        standards=[{"code": "GB/T 19859-2005"}],
        awards=[{"program": "regional-quality-award", "edition": 5}],
        licensees=[
            {
                "name": "乙公司",
                "license": "L-2",
                "valid_from": "2021-01-01",
                "valid_to": "2022-01-01",
                "products": ["鲜梨", "梨汁"],
            },
            {"name": "=甲公司", "license": "L-1", "valid_from": "2021-01-01", "valid_to": "2022-01-01"},
        ],
        contact={"phone": "+86 996 000"},
    )
    site, issues = project.load()
    assert not errors(issues)  # a warning (no cover image) is fine here
    return site


def record_of(site, slug="korla-fragrant-pear"):
    links = Links(page=f"https://x.org/brands/{slug}/", data=f"https://x.org/data/brands/{slug}.json")
    return brand_record(site.brands[slug], site.registry, links)


def test_brand_record_holds_registry_fields_with_names_and_validates(loaded):
    record = record_of(loaded)
    jsonschema.validate(record, SCHEMA, format_checker=jsonschema.FormatChecker())
    assert record["status"] == "suspended" and record["updated"] == "2024-03-01"
    assert record["region"]["name"] == "库尔勒市"
    assert [r["code"] for r in record["region"]["chain"]] == ["650000", "652800", "652801"]
    assert record["category"] == {"id": "agricultural", "name": "农产品", "name_en": "Agricultural products"}
    assert record["certifications"][0]["type_name"] == "地理标志产品"
    assert record["certifications"][0]["expires"] is None
    assert record["awards"] == [
        {
            "program": "regional-quality-award",
            "program_name": "自治区人民政府质量奖",
            "program_name_en": None,
            "edition": 5,
            "year": 2021,
            "recipient": None,
        }
    ]
    assert [lic["license"] for lic in record["licensees"]] == ["L-1", "L-2"]
    assert record["contact"] == {"website": None, "phone": "+86 996 000", "email": None, "address": None}
    assert record["url"] == "https://x.org/brands/korla-fragrant-pear/"


def test_schema_rejects_a_record_missing_a_field_or_with_a_bad_status(loaded):
    record = record_of(loaded)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({k: v for k, v in record.items() if k != "owner"}, SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**record, "status": "gone"}, SCHEMA)


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+86 996", "'+86 996"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (3, "3"),
    ],
)
def test_cells_that_a_spreadsheet_would_run_are_quoted(cell, shown):
    assert neutralize(cell) == shown


def test_csv_has_a_bom_crlf_and_one_row_per_licence(loaded):
    record = record_of(loaded)
    text = csv_text(open_data.LICENSEE_COLUMNS, open_data.licensee_rows(record))
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert [r["license"] for r in rows] == ["L-1", "L-2"]
    assert rows[0]["enterprise"] == "'=甲公司"
    assert rows[1]["products"] == "鲜梨; 梨汁"
    assert rows[0]["brand_status"] == "suspended"
    brands = list(
        csv.DictReader(io.StringIO(csv_text(open_data.BRAND_COLUMNS, [open_data.brand_row(record)])[1:]))
    )
    assert brands[0]["region_path"] == "新疆维吾尔自治区 / 巴音郭楞蒙古自治州 / 库尔勒市"
    assert brands[0]["licences"] == "2" and brands[0]["updated"] == "2024-03-01"
    assert tuple(brands[0]) == open_data.BRAND_COLUMNS


def test_award_records_match_their_schema_and_individuals_have_no_uscc(project):
    from brandsite.brand_registry.schema import award_schema

    project.brand("korla-pear")
    folder = project.content / "awards" / "regional-quality-award"
    folder.mkdir(parents=True)
    (folder / "5.md").write_text(
        "---\nprogram: regional-quality-award\nedition: 5\nstage: awarded\n"
        "decision: {document: 新政发〔2021〕1号, date: 2021-12-20}\nwinners:\n"
        '  - {name: "=甲公司", region: "652801", brand: korla-pear, uscc: 91652801MA78ABCD1M}\n'
        '  - {name: 王某某, kind: individual, tier: nomination, region: "652801"}\n---\n',
        encoding="utf-8",
    )
    site, issues = project.load()
    assert errors(issues) == []
    found = site.award_list("regional-quality-award", 5)
    record = open_data.award_record(
        found, site.registry, site.brands, "awards/x/5/", lambda b: f"b/{b.slug}/"
    )
    jsonschema.Draft202012Validator.check_schema(award_schema())
    jsonschema.validate(record, award_schema())
    assert record["winners"][0]["brand"] == {
        "slug": "korla-pear",
        "name": "库尔勒香梨",
        "url": "b/korla-pear/",
    }
    assert record["winners"][1]["uscc"] is None and record["winners"][1]["kind"] == "individual"
    text = csv_text(open_data.AWARD_COLUMNS, open_data.award_rows(record))
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0]["name"] == "'=甲公司" and rows[0]["uscc"] == "91652801MA78ABCD1M"
    assert rows[1]["tier"] == "nomination" and rows[1]["decision_document"] == "新政发〔2021〕1号"
