"""Standard codes: one form however typed, their kind, slug, and the registry's index of them."""

import pytest
from conftest import front_matter

from brandsite.brand_registry.standards import cited, kind, normalise, slug


def loaded(project):
    """The site and its issues but the no-cover warning every test brand has."""
    site, issues = project.load()
    return site, [i for i in issues if i.field != "cover"]


@pytest.mark.parametrize(
    "written",
    [
        "GB/T 12653-2008",
        "GB/T12653—2008",
        "ＧＢ／Ｔ　１２６５３－２００８",
        "gb/t 12653 - 2008",
        "GB/T  12653–2008",
        "GB/T 12653‐2008",
        "GB /T 12653―2008",
        " GB/T 12653－2008 ",
    ],
)
def test_one_standard_written_many_ways_is_one_code(written):
    assert normalise(written) == "GB/T 12653-2008"
    assert slug(written) == "gb-t-12653-2008"


@pytest.mark.parametrize(
    "code, expected, its_kind",
    [
        ("GB 7098-2015", "GB 7098-2015", "national-mandatory"),
        ("GB/T 19859-2005", "GB/T 19859-2005", "national-recommended"),
        ("GB/Z 26578-2011", "GB/Z 26578-2011", "national-guidance"),
        ("NY/T 1234—2007", "NY/T 1234-2007", "industry"),
        ("sb/t 10416-2007", "SB/T 10416-2007", "industry"),
        ("QB 1234-2010", "QB 1234-2010", "industry"),
        ("DB65/T 3456-2013", "DB65/T 3456-2013", "local"),
        ("DB 65/T 3456-2013", "DB65/T 3456-2013", "local"),
        ("DB65 3456-2013", "DB65 3456-2013", "local"),
        ("T/AKSPG 002-2021", "T/AKSPG 002-2021", "group"),
        ("T/XJAS001-2022", "T/XJAS 001-2022", "group"),
        ("Q/XJHM 0001S-2020", "Q/XJHM 0001S-2020", "enterprise"),
        ("ISO 3515:2002", "ISO 3515:2002", "international"),
        ("GB 2760", "GB 2760", "national-mandatory"),  # no year: kept without one
    ],
)
def test_kinds(code, expected, its_kind):
    assert normalise(code) == expected
    assert kind(code) == its_kind


@pytest.mark.parametrize(
    "code", ["XX 1234-2000", "GB/X 1-2000", "地方标准", "T/ 001-2021", "GB/T", "12653-2008"]
)
def test_an_unrecognised_shape_has_no_kind_but_a_slug(code):
    assert kind(code) == ""
    assert slug(code).isascii() and slug(code)
    assert slug(code) == slug(f" {code} ")


def test_an_unrecognised_shape_is_a_warning_naming_file_line_and_field(project):
    project.brand("pear", standards=[{"code": "GB/T 1-2000"}, {"code": "企业标准一号"}])
    site, issues = loaded(project)
    assert [(i.path, i.field, i.severity) for i in issues] == [
        ("brands/pear/index.md", "standards[2].code", "warning")
    ]
    assert issues[0].line > 1
    assert issues[0].message.en.startswith('"企业标准一号" does not look like a standard\'s code')
    assert issues[0].message.zh.startswith("“企业标准一号” 不像标准编号")
    assert [s.key for s in site.brands["pear"].standards] == ["GB/T 1-2000", "企业标准一号"]


def test_the_index_lists_each_standard_once_with_every_brand_citing_it(project):
    project.brand("pear", standards=[{"code": "GB/T12653—2008", "title": "标准甲"}, {"code": "T/AB 1-2020"}])
    project.brand(
        "apple",
        standards=[{"code": "gb/t 12653-2008"}, {"code": "GB 7098-2015", "title": "罐头"}],
        name="苹果",
    )
    site, issues = loaded(project)
    assert issues == []
    index = cited(site.brands.values())
    assert [(s.code, s.kind, s.title, s.brands) for s in index] == [
        ("GB 7098-2015", "national-mandatory", "罐头", ("apple",)),
        ("GB/T 12653-2008", "national-recommended", "标准甲", ("apple", "pear")),
        ("T/AB 1-2020", "group", "", ("pear",)),
    ]
    assert [s.slug for s in index] == ["gb-7098-2015", "gb-t-12653-2008", "t-ab-1-2020"]


def test_slugs_are_unique_even_when_two_codes_share_one(project):
    project.brand("pear", standards=[{"code": "GB/T 1.2-2000"}, {"code": "GB/T 1.2.2000"}])
    site, _issues = loaded(project)
    assert [s.slug for s in cited(site.brands.values())] == ["gb-t-1-2-2000", "gb-t-1-2-2000-2"]


def test_the_english_title_comes_from_a_twin(project):
    bundle = project.brand(
        "pear", standards=[{"code": "GB/T 19859-2005", "title": "地理标志产品 库尔勒香梨"}]
    ).parent
    twin = {"name": "Pear", "standards": [{"code": "GB/T19859—2005", "title": "Korla fragrant pear"}]}
    (bundle / "index.en.md").write_text(front_matter(twin), encoding="utf-8")
    site, issues = loaded(project)
    assert issues == []
    [standard] = cited(site.brands.values())
    assert (standard.title_in("zh"), standard.title_in("en")) == (
        "地理标志产品 库尔勒香梨",
        "Korla fragrant pear",
    )
