"""brand_pages.views.brand_words: a brand page's texts in the page's language where the twin gives them."""

from __future__ import annotations

from conftest import front_matter

from brandsite.brand_pages.views import Said, brand_words, standard_groups
from brandsite.brand_registry.standards import cited

LICENSEES = [
    {
        "name": "甲公司",
        "license": "XJ-1",
        "valid_from": "2021-01-01",
        "valid_to": "2030-12-31",
        "products": ["梨"],
    },
    {"name": "乙公司", "license": "XJ-2", "valid_from": "2021-01-01", "valid_to": "2030-12-31"},
]


def loaded(project):
    bundle = project.brand(
        "pear",
        licensees=LICENSEES,
        standards=[{"code": "GB/T 19859-2005", "title": "香梨"}, {"code": "T/KL 1-2020", "title": "规程"}],
        contact={"address": "库尔勒市"},
    ).parent
    twin = {
        "name": "Pear",
        "owner": "Pear Association",
        "licensees": [{"license": "XJ-1", "name": "Jia Co.", "products": ["pears"]}],
        "standards": [{"code": "GB/T 19859-2005", "title": "Korla pear"}],
    }
    (bundle / "index.en.md").write_text(front_matter(twin), encoding="utf-8")
    site, _issues = project.load()
    brand = site.brands["pear"]
    return brand, {s.code: s.slug for s in cited([brand])}


def test_english_pages_show_the_twins_texts_and_mark_the_rest_chinese(project):
    brand, slugs = loaded(project)
    words = brand_words(brand, "en", "zh", slugs)
    assert words["owner"] == Said("Pear Association", True)
    assert words["address"] == Said("库尔勒市", False)
    assert words["licensees"]["XJ-1"] == {"name": Said("Jia Co."), "products": Said(("pears",))}
    assert words["licensees"]["XJ-2"]["name"] == Said("乙公司", False)
    rows = words["standard_rows"]
    assert [(r["slug"], r["kind"], r["title"]) for r in rows] == [
        ("gb-t-19859-2005", "national-recommended", Said("Korla pear")),
        ("t-kl-1-2020", "group", Said("规程", False)),
    ]


def test_the_chinese_page_shows_index_md(project):
    brand, slugs = loaded(project)
    words = brand_words(brand, "zh", "zh", slugs)
    assert words["owner"] == Said(brand.owner) and words["licensees"]["XJ-1"]["name"] == Said("甲公司")
    assert words["standard_rows"][0]["title"] == Said("香梨")


def test_standards_are_grouped_by_kind_in_order(project):
    brand, _slugs = loaded(project)
    assert [(kind, [s.code for s in group]) for kind, group in standard_groups(cited([brand]))] == [
        ("national-recommended", ["GB/T 19859-2005"]),
        ("group", ["T/KL 1-2020"]),
    ]
