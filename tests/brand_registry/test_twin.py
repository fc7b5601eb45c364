"""index.en.md gives the English of every text a brand page shows, by key or by position."""

from conftest import front_matter, jpeg_bytes

from brandsite.brand_registry.model import ImageText

LISTS = {
    "gallery": [{"src": "a.jpg", "alt": "梨园", "caption": "九月"}, "b.jpg"],
    "certifications": [
        {
            "type": "geographical-indication",
            "number": "GI-1",
            "issuer": "国家知识产权局",
            "issued": "2019-05-20",
        }
    ],
    "standards": [{"code": "GB/T 19859-2005", "title": "地理标志产品 库尔勒香梨"}, {"code": "T/KL 1-2020"}],
    "licensees": [
        {"name": "甲公司", "license": "XJ-1", "valid_from": "2021-01-01", "valid_to": "2030-12-31"},
        {"name": "乙公司", "license": "XJ-2", "valid_from": "2021-01-01", "valid_to": "2030-12-31"},
    ],
    "contact": {"address": "库尔勒市"},
}
FILES = {"a.jpg": jpeg_bytes(), "b.jpg": jpeg_bytes()}


def with_twin(project, twin: dict):
    bundle = project.brand("pear", files=FILES, cover="a.jpg", **LISTS).parent
    (bundle / "index.en.md").write_text(front_matter({"name": "Korla Pear", **twin}), encoding="utf-8")
    return project.load()


def test_every_text_by_key_or_position(project):
    site, issues = with_twin(
        project,
        {
            "owner": "Korla Fragrant Pear Association",
            "contact": {"address": "Korla"},
            "gallery": [{"src": "b.jpg", "alt": "Sorting"}, {"caption": "ignored: b.jpg is item 2"}][:1],
            "certifications": [{"issuer": "CNIPA"}],
            "standards": [{"code": "gb/t 19859—2005", "title": "Korla fragrant pear"}],
            "licensees": [{"license": "xj-2", "name": "Yi Co.", "products": ["Pears"]}, {}][:1],
        },
    )
    assert issues == []
    brand = site.brands["pear"]
    twin = brand.translations["en"]
    assert (twin.owner, twin.address) == ("Korla Fragrant Pear Association", "Korla")
    assert twin.issuers == {"GI-1": "CNIPA"}
    assert twin.standard_titles == {"GB/T 19859-2005": "Korla fragrant pear"}
    assert twin.licensees["XJ-2"].name == "Yi Co." and twin.licensees["XJ-2"].products == ("Pears",)
    assert twin.images == {"b.jpg": ImageText("Sorting", "")}  # a.jpg: not translated


def test_items_without_a_key_translate_by_position(project):
    site, issues = with_twin(
        project,
        {
            "gallery": [{"alt": "Orchard", "caption": "September"}],
            "standards": [{}, {"title": "Pear growing"}],
            "licensees": [{"name": "Jia Co."}, {"name": "Yi Co."}],
        },
    )
    assert issues == []
    twin = site.brands["pear"].translations["en"]
    assert twin.images["a.jpg"].caption == "September"
    assert twin.standard_titles == {"T/KL 1-2020": "Pear growing"}
    assert [twin.licensees[k].name for k in ("XJ-1", "XJ-2")] == ["Jia Co.", "Yi Co."]


def test_a_key_naming_nothing_is_an_error_with_file_line_and_field(project):
    _site, issues = with_twin(
        project,
        {
            "gallery": [{"src": "c.jpg", "alt": "x"}],
            "certifications": [{"number": "GI-9", "issuer": "x"}],
            "standards": [{"code": "GB 1-2000", "title": "x"}],
            "licensees": [{"license": "XJ-9", "name": "x"}],
        },
    )
    found = [(i.path, i.field, i.message.en) for i in issues if i.severity == "error"]
    assert found == [
        ("brands/pear/index.en.md", "gallery[1].src", '"c.jpg" is not in index.md (there: a.jpg, b.jpg)'),
        ("brands/pear/index.en.md", "certifications[1].number", '"GI-9" is not in index.md (there: GI-1)'),
        (
            "brands/pear/index.en.md",
            "standards[1].code",
            '"GB 1-2000" is not in index.md (there: GB/T 19859-2005, T/KL 1-2020)',
        ),
        ("brands/pear/index.en.md", "licensees[1].license", '"XJ-9" is not in index.md (there: XJ-1, XJ-2)'),
    ]
    assert all(i.line > 1 for i in issues if i.severity == "error")
    assert "不在 index.md 中" in issues[0].message.zh


def test_a_list_longer_than_index_md_is_refused(project):
    _site, issues = with_twin(project, {"certifications": [{"issuer": "a"}, {"issuer": "b"}]})
    [issue] = [i for i in issues if i.severity == "error"]
    assert (issue.path, issue.field) == ("brands/pear/index.en.md", "certifications")
    assert issue.message.en.startswith("lists 2 items; index.md has 1")
    assert issue.message.zh.startswith("列了 2 项，而 index.md 只有 1 项")


def test_unknown_fields_in_twin_items_are_refused(project):
    _site, issues = with_twin(
        project, {"owner": "A", "contact": {"phone": "1"}, "standards": [{"titel": "x"}]}
    )
    assert sorted(i.field for i in issues if i.severity == "error") == ["contact.phone", "standards[1].titel"]


def test_licensees_of_the_csv_can_be_translated_by_licence_number(project):
    bundle = project.brand("pear").parent
    (bundle / "licensees.csv").write_text(
        "name,license,valid_from,valid_to\n丙公司,XJ-3,2021-01-01,2030-12-31\n", encoding="utf-8"
    )
    twin = {"name": "Pear", "licensees": [{"license": "XJ-3", "name": "Bing Co."}]}
    (bundle / "index.en.md").write_text(front_matter(twin), encoding="utf-8")
    site, issues = project.load()
    assert [i for i in issues if i.severity == "error"] == []
    assert site.brands["pear"].translations["en"].licensees["XJ-3"].name == "Bing Co."
