"""brand_pages.views.directory_entry: what the directory's script knows of every brand."""

from __future__ import annotations

from brandsite.brand_pages.views import directory_entry
from brandsite.brand_registry.issues import errors


def test_entry_carries_the_card_and_the_filter_fields(project):
    project.brand(
        "korla",
        name_en="Korla Pear",
        owner="Korla 协会",
        status="suspended",
        certifications=[
            {"type": "geographical-indication", "number": "GI-1", "issuer": "局", "issued": "2019-05-20"}
        ],
        awards=[{"program": "regional-quality-award", "edition": 5}],
        standards=[{"code": "GB/T 19859-2005"}, {"code": "GB/T19859—2005"}, {"code": "T/KL 1-2020"}],
    )
    site, issues = project.load()
    assert not errors(issues)
    brand = site.brands["korla"]
    logo = ("brands/korla/l.320w.png", 320, 200)
    slugs = {"GB/T 19859-2005": "gb-t-19859-2005", "T/KL 1-2020": "t-kl-1-2020"}
    entry = directory_entry(brand, site.registry, "zh", "brands/korla/", logo, "zh-CN", slugs)
    assert entry == {
        "url": "brands/korla/",
        "name": "库尔勒香梨",
        "other_name": "Korla Pear",
        "other_lang": "en",
        "initial": "库",
        "logo": ["brands/korla/l.320w.png", 320, 200],
        "status": "suspended",
        "current": False,
        "place": "库尔勒市",
        "category_name": "农产品",
        "summary": "库尔勒香梨，皮薄肉细。",
        "text": "库尔勒香梨 korla pear korla 协会",
        "regions": ["650000", "652800", "652801"],
        "category": "agricultural",
        "certs": ["geographical-indication"],
        "awards": ["regional-quality-award:5"],
        "standards": ["gb-t-19859-2005", "t-kl-1-2020"],  # the filter's values: each standard once
    }


def test_english_entry_names_the_brand_in_english_and_keeps_the_chinese_name(project):
    project.brand("korla", name_en="Korla Pear")
    site, _issues = project.load()
    entry = directory_entry(site.brands["korla"], site.registry, "en", "en/brands/korla/", None, "zh-CN")
    assert (entry["name"], entry["other_name"], entry["other_lang"]) == ("Korla Pear", "库尔勒香梨", "zh-CN")
    assert (entry["place"], entry["category_name"]) == ("Korla", "Agricultural products")
    assert entry["summary"] == "" and entry["logo"] is None  # no English text: no summary


def test_a_brand_without_an_english_name_has_no_second_name(project):
    project.brand("korla")
    site, _issues = project.load()
    entry = directory_entry(site.brands["korla"], site.registry, "zh", "brands/korla/", None, "zh-CN")
    assert (entry["other_name"], entry["other_lang"]) == ("", "")
