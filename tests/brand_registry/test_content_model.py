"""The content model is declared once: validation, the schema, the templates and the docs agree with it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import BRAND as MINIMAL
from conftest import front_matter, jpeg_bytes, png_bytes

from brandsite.brand_registry import content_model as cm
from brandsite.brand_registry import schema
from brandsite.brand_registry.brand_file import BRAND_FIELDS, LICENSEE_FIELDS
from brandsite.brand_registry.licensees import COLUMNS, REQUIRED
from brandsite.brand_registry.messages import FIELD_LABELS
from brandsite.brand_registry.model import STATUSES
from brandsite.brand_registry.stories import PAGE_FIELDS, STORY_FIELDS
from brandsite.editor import model_docs

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "brandsite" / "editor" / "templates"
DOCS = ROOT / "docs" / "content-model.md"

# One valid example of every declared field, for the places a brand has.
ITEMS = {
    "gallery": {"src": "logo.png", "alt": "标志", "caption": "说明"},
    "certifications": {
        "type": "geographical-indication",
        "number": "GI-2019-0042",
        "issuer": "国家知识产权局",
        "issued": "2019-05-20",
        "expires": "2029-05-19",
    },
    "standards": {"code": "GB/T 19859-2005", "title": "地理标志产品 库尔勒香梨"},
    "awards": {"program": "regional-quality-award", "edition": 5, "recipient": "某某果业有限公司"},
    "licensees": {
        "name": "某某果业有限公司",
        "license": "XJ-KFP-2021-001",
        "valid_from": "2021-01-01",
        "valid_to": "2099-12-31",
        "products": ["鲜梨", "梨汁"],
        "uscc": "91652801MA78ABCD1M",
    },
    "contact": {
        "website": "https://example.org",
        "phone": "+86 996 000 0000",
        "email": "info@example.org",
        "address": "库尔勒市",
    },
}
FULL = {
    **MINIMAL,
    "name_en": "Korla Fragrant Pear",
    "status": "active",
    "updated": "2024-03-10",
    "logo": "logo.png",
    "cover": "cover.jpg",
    "tags": ["香梨"],
    **{name: [item] for name, item in ITEMS.items() if name != "contact"},
    "contact": ITEMS["contact"],
}
FILES = {"logo.png": png_bytes(), "cover.jpg": jpeg_bytes()}
TRANSLATION = {"name": "Korla Fragrant Pear", "summary": "A pear."}
STORY = {
    "title": "标题",
    "date": "2024-04-02",
    "modified": "2024-04-03",
    "category": "质量文化",
    "brands": ["pear"],
    "tags": ["标准化"],
    "summary": "摘要",
    "cover": "images/photo.jpg",
    "lang": "zh",
    "status": "published",
    "slug": "a-story",
    "translation": False,
    "author": "编辑部",
}
GROUPS = {"brand": cm.BRAND, **{name: cm.BRAND[name].items for name in ITEMS}}


def places():
    """(place, field) for every field a brand file declares."""
    return [(place, field) for place, group in GROUPS.items() for field in group.values()]


def brand_with(place: str, changed: dict) -> tuple[dict, str]:
    """The full example with the fields of `place` replaced by `changed`; the field prefix."""
    if place == "brand":
        return changed, ""
    if place == "contact":
        return {**FULL, "contact": changed}, "contact."
    return {**FULL, place: [changed]}, f"{place}[1]."


def original(place: str) -> dict:
    return FULL if place == "brand" else ITEMS[place]


def load_issues(project, meta: dict, files: dict | None = None):
    project.brand("pear", text=front_matter(meta), files={**FILES, **(files or {})})
    return project.load()


# -- the declaration --------------------------------------------------------------------------


def all_fields():
    groups = [cm.BRAND, cm.TRANSLATION, cm.STORY, *(f.items for f in cm.BRAND.values() if f.items)]
    return [field for group in groups for field in group.values()]


@pytest.mark.parametrize("field", all_fields(), ids=lambda f: f.name)
def test_every_declared_field_is_whole(field):
    assert field.kind in cm.KINDS
    assert re.search(r"[\u4e00-\u9fff]", field.zh) and field.en.strip()
    assert bool(field.items) == (field.kind in ("items", "images", "group"))
    assert bool(field.registry) == (field.kind == "id")
    assert bool(field.choices) == (field.kind == "choice")
    assert not field.default or field.default in field.choices
    assert field.name in FIELD_LABELS, "messages name the field in Chinese: add it to FIELD_LABELS"


def test_the_validator_accepts_exactly_the_declared_keys():
    assert set(cm.BRAND) == BRAND_FIELDS
    assert LICENSEE_FIELDS == set(cm.LICENSEE) == set(COLUMNS)
    assert REQUIRED == ("name", "license", "valid_from", "valid_to")
    assert set(REQUIRED) <= set(cm.CSV_HEADER) <= set(COLUMNS)
    assert set(cm.STORY) == STORY_FIELDS
    assert PAGE_FIELDS <= STORY_FIELDS
    assert cm.BRAND["status"].choices == STATUSES


def test_the_full_example_names_every_field_and_is_valid(project):
    for place, group in GROUPS.items():
        assert set(original(place)) == set(group), place
    site, issues = load_issues(project, FULL, {"index.en.md": front_matter(TRANSLATION)})
    assert issues == []
    assert site.brands["pear"].licensees[0].uscc == "91652801MA78ABCD1M"


@pytest.mark.parametrize("place", list(GROUPS))
def test_an_undeclared_field_is_refused_in_every_place(project, place):
    meta, prefix = brand_with(place, {**original(place), "colour": "绿"})
    _site, issues = load_issues(project, meta)
    assert [(i.field, i.message.en) for i in issues] == [(f"{prefix}colour", "unknown field")]


@pytest.mark.parametrize(
    "place, field", [(p, f) for p, f in places() if f.required], ids=lambda v: getattr(v, "name", v)
)
def test_a_missing_required_field_is_reported(project, place, field):
    meta, prefix = brand_with(place, {k: v for k, v in original(place).items() if k != field.name})
    _site, issues = load_issues(project, meta)
    reported = [i for i in issues if i.field == prefix + field.name]
    assert reported and reported[0].message.en.startswith("is required"), issues


@pytest.mark.parametrize(
    "place, field", [(p, f) for p, f in places() if f.max_length], ids=lambda v: getattr(v, "name", v)
)
def test_a_declared_limit_is_enforced(project, place, field):
    meta, prefix = brand_with(place, {**original(place), field.name: "字" * (field.max_length + 1)})
    _site, issues = load_issues(project, meta)
    expected = f"is {field.max_length + 1} characters long; the limit is {field.max_length}"
    assert (prefix + field.name, expected) in [(i.field, i.message.en) for i in issues]


def test_the_declared_choices_are_the_allowed_ones(project):
    _site, issues = load_issues(project, {**FULL, "status": "gone"})
    choices = ", ".join(cm.BRAND["status"].choices)
    assert [(i.field, i.message.en) for i in issues] == [("status", f'"gone" must be one of: {choices}')]


def test_the_english_twin_takes_the_declared_fields(project):
    twin = {"summary": "x" * 601, "owner": "Korla Pear Association", "status": "active"}
    _site, issues = load_issues(project, FULL, {"index.en.md": front_matter(twin)})
    assert sorted((i.field, i.message.en) for i in issues) == [
        ("name", "is required; add it to the front matter"),
        ("status", "unknown field"),
        ("summary", "is 601 characters long; the limit is 600"),
    ]


def test_a_story_takes_the_declared_fields(project):
    project.brand("pear", text=front_matter(FULL), files=FILES)
    (project.content / "images" / "photo.jpg").write_bytes(jpeg_bytes())
    project.story("a-story", **STORY)
    assert project.load()[1] == []
    project.story("a-story", **{**STORY, "title": "", "colour": "绿", "author": "字" * 101})
    _site, issues = project.load()
    assert sorted((i.field, i.message.en) for i in issues) == [
        ("author", "is 101 characters long; the limit is 100"),
        ("colour", "unknown field"),
        ("title", "is required"),
    ]


# -- the schema of the open data ----------------------------------------------------------------


def test_the_committed_schema_is_the_generated_one():
    """Run `make docs` after changing the declaration."""
    assert schema.committed_schema() == schema.brand_schema()


def test_the_schema_has_every_published_field_and_no_other():
    record = schema.brand_schema()["properties"]
    for field in cm.BRAND.values():
        assert (field.name in record) == field.published, field.name
        if not field.published or not field.items:
            continue
        inner = record[field.name].get("items", record[field.name])["properties"]
        for item in field.items.values():
            assert (item.name in inner) == item.published, f"{field.name}.{item.name}"
    assert record["status"]["enum"] == list(cm.BRAND["status"].choices)
    assert set(record) - set(cm.BRAND) == {"slug", "url", "data_url"}


def test_writing_the_schema_leaves_a_file_that_says_the_same_byte_for_byte(tmp_path):
    path = tmp_path / "brand.schema.json"
    committed = schema.SCHEMA_FILE.read_bytes()
    path.write_bytes(committed)
    assert schema.write_schema(path) is False and path.read_bytes() == committed
    path.write_text('{"title": "old"}', encoding="utf-8")
    assert schema.write_schema(path) is True
    assert schema.committed_schema(path) == schema.brand_schema()


# -- the scaffold templates -------------------------------------------------------------------

KEY_LINE = re.compile(r"^(?P<hash># )?(?P<indent> *)(?P<dash>- )?(?P<name>[a-z_]+):(?P<rest>.*)$")


def template_fields(name: str) -> dict[str, tuple[str, str, dict[str, str]]]:
    """Top-level field -> (line, comment, {nested field: comment}) as the template writes them."""
    found: dict[str, tuple[str, str, dict[str, str]]] = {}
    top = ""
    for line in (TEMPLATES / name).read_text(encoding="utf-8").splitlines():
        match = KEY_LINE.match(line)
        if not match:
            continue
        comment = match["rest"].split("# ", 1)[1] if "# " in match["rest"] else ""
        if match["indent"] or match["dash"]:
            found[top][2][match["name"]] = comment
        else:
            top = match["name"]
            found[top] = (line, comment, {})
    return found


@pytest.mark.parametrize("template, declared", [("brand.md", cm.BRAND), ("story.md", cm.STORY)])
def test_a_template_lists_exactly_the_declared_fields_with_their_help(template, declared):
    written = template_fields(template)
    assert list(written) == list(declared)
    for name, field in declared.items():
        line, comment, nested = written[name]
        assert field.zh in comment and field.en in comment, name
        assert ("【必填 required】" in comment) == field.required, name
        assert not (field.required and line.startswith("#")), f"{name} is required: leave it in"
        assert list(nested) == list(field.items), name
        for item in field.items.values():
            assert item.zh in nested[item.name] and item.en in nested[item.name], f"{name}.{item.name}"
            assert not (item.required and "optional" in nested[item.name]), f"{name}.{item.name}"


# -- the field reference in the docs ----------------------------------------------------------


def test_the_docs_field_tables_are_up_to_date():
    """Run `make docs` after changing the declaration."""
    text = DOCS.read_text(encoding="utf-8")
    assert model_docs.with_tables(text) == text
    for part, declared in model_docs.PARTS.items():
        generated = text.split(f"<!-- BEGIN GENERATED: {part} -->\n")[1].split("<!-- END GENERATED")[0]
        assert re.findall(r"^\| `(\w+)` \|", generated, re.M) == list(declared), part


def test_make_docs_fills_only_between_the_markers(tmp_path):
    page = tmp_path / "content-model.md"
    page.write_text(
        "# Model\n\nProse.\n<!-- BEGIN GENERATED: contact -->\nold table\n<!-- END GENERATED: contact -->\n"
        "More prose.\n",
        encoding="utf-8",
    )
    assert model_docs.main(["--docs", str(page), "--check"]) == 1
    assert model_docs.main(["--docs", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# Model\n\nProse.\n<!-- BEGIN GENERATED: contact -->\n\n| 字段 Field |")
    assert text.endswith(
        "| `address` | 文字 text | 否 no | 最多 300 字 · at most 300 characters | 地址 | address |\n\n"
        "<!-- END GENERATED: contact -->\nMore prose.\n"
    )
    assert "old table" not in text
    assert model_docs.main(["--docs", str(page), "--check"]) == 0
    assert model_docs.main(["--docs", str(page)]) == 0 and page.read_text(encoding="utf-8") == text


def test_make_docs_starts_a_missing_page_with_every_marker(tmp_path):
    page = tmp_path / "content-model.md"
    assert model_docs.main(["--docs", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# Content model\n")
    assert re.findall(r"<!-- BEGIN GENERATED: (\w+) -->", text) == list(model_docs.PARTS)


def test_make_docs_is_a_make_target():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^docs:.*\n\t\$\(BIN\)/python -m brandsite\.editor\.model_docs$", makefile, re.M)
    assert '@echo "make docs ' in makefile
