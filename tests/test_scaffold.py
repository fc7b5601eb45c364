"""make new-brand / make new-story: templates with every field, refused slugs, then make check."""

from __future__ import annotations

import re

import pytest
from conftest import jpeg_bytes, png_bytes
from sitebuild import copy_project, make

from brandsite.brand_registry.brand_file import BRAND_FIELDS, LICENSEE_FIELDS
from brandsite.brand_registry.stories import STORY_FIELDS

REQUIRED_BRAND = {
    "name": "鄯善哈密瓜",
    "category": "agricultural",
    "region": '"650421"',
    "owner": "鄯善县哈密瓜产业协会",
    "summary": "鄯善县出产的哈密瓜，甜度高、香气足。",
    "registered": "2024-06-01",
}
NESTED_FIELDS = {
    "src",
    "alt",
    "caption",
    "type",
    "number",
    "issuer",
    "issued",
    "expires",
    "code",
    "title",
    "program",
    "edition",
    "recipient",
    "website",
    "phone",
    "email",
    "address",
}
OPTIONAL_LINE = re.compile(r"^# (?=( *)(- )?[a-z_]+:)", re.M)  # a commented-out field


@pytest.fixture
def root(tmp_path):
    return copy_project(tmp_path)


def fill(text: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        text, count = re.subn(rf"^{name}:", f"{name}: {value}", text, count=1, flags=re.M)
        assert count == 1, name
    return text


def line_of(text: str, name: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(f"{name}:"))


def test_new_brand_names_every_field_and_passes_check_once_filled(root):
    result = make(root, "new-brand", "SLUG=shanshan-melon")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-2:] == [
        "已创建 brands/shanshan-melon/index.md。请填写标有“必填”的字段，然后运行 make check。",
        "Created brands/shanshan-melon/index.md. Fill in the fields marked required, then run make check.",
    ]
    index = root / "brands" / "shanshan-melon" / "index.md"
    text = index.read_text(encoding="utf-8")
    for name in BRAND_FIELDS | LICENSEE_FIELDS | NESTED_FIELDS:
        assert re.search(rf"^(# )?\s*(- )?{name}:", text, re.M), name
    for name in REQUIRED_BRAND:
        assert re.search(rf"^{name}: .*【必填 required】", text, re.M), name

    result = make(root, "check")
    assert result.returncode != 0
    for name, label in (
        ("name", "名称"),
        ("category", "类别"),
        ("region", "地区"),
        ("owner", "品牌持有单位"),
        ("summary", "简介"),
        ("registered", "登记日期"),
    ):
        expected = (
            f"brands/shanshan-melon/index.md:{line_of(text, name)}: {name}: is required\n"
            f"    {label}：必须填写"
        )
        assert expected in result.stdout
    assert "6 个错误" in result.stderr and "6 error(s)" in result.stderr

    index.write_text(fill(text, REQUIRED_BRAND), encoding="utf-8")
    result = make(root, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "brands/shanshan-melon/index.md:1: warning: cover: brand has no cover image" in result.stdout
    assert "检查通过：17 个品牌" in result.stdout

    # Every commented-out example is valid too, once its images exist.
    for name, data in (("logo.png", png_bytes()), ("cover.jpg", jpeg_bytes()), ("photo.jpg", jpeg_bytes())):
        (index.parent / name).write_bytes(data)
    index.write_text(OPTIONAL_LINE.sub("", index.read_text(encoding="utf-8")), encoding="utf-8")
    result = make(root, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "shanshan-melon" not in result.stdout  # no warning left either

    result = make(root, "html")
    assert result.returncode == 0, result.stderr
    page = (root / "output" / "brands" / "shanshan-melon" / "index.html").read_text(encoding="utf-8")
    assert "鄯善哈密瓜" in page and "Write the brand's story here" not in page


def test_new_story_passes_check_once_titled(root):
    result = make(root, "new-story", "SLUG=melon-festival")
    assert result.returncode == 0, result.stderr
    story = root / "content" / "stories" / "melon-festival.md"
    text = story.read_text(encoding="utf-8")
    for name in STORY_FIELDS - {"slug", "translation", "author"}:
        assert re.search(rf"^(# )?{name}:", text, re.M), name
    assert re.search(r"^date: \d{4}-\d\d-\d\d ", text, re.M)

    result = make(root, "check")
    assert result.returncode != 0
    assert (
        f"content/stories/melon-festival.md:{line_of(text, 'title')}: title: is required\n    标题：必须填写"
    ) in result.stdout

    story.write_text(fill(text, {"title": "鄯善甜瓜节见闻"}), encoding="utf-8")
    result = make(root, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        f"content/stories/melon-festival.md:{line_of(text, 'brands')}: warning: brands: story names no brand"
    ) in result.stdout

    (root / "content" / "images" / "photo.jpg").write_bytes(jpeg_bytes())
    text = OPTIONAL_LINE.sub("", story.read_text(encoding="utf-8"))
    story.write_text(text.replace("brands: []", "brands: [hami-melon]"), encoding="utf-8")
    result = make(root, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "melon-festival" not in result.stdout


@pytest.mark.parametrize(
    "target, slug, expected",
    [
        (
            "new-brand",
            "Korla_Pear",
            "“Korla_Pear” 不能用作网址名：只能用小写字母 a-z、数字 0-9 和连字符 -，例如 korla-pear\n"
            '"Korla_Pear" cannot be a slug: use lower-case a-z, 0-9 and -, e.g. korla-pear\n',
        ),
        (
            "new-brand",
            "",
            "“” 不能用作网址名：只能用小写字母 a-z、数字 0-9 和连字符 -，例如 korla-pear\n"
            '"" cannot be a slug: use lower-case a-z, 0-9 and -, e.g. korla-pear\n',
        ),
        (
            "new-story",
            "../escape",
            "“../escape” 不能用作网址名：只能用小写字母 a-z、数字 0-9 和连字符 -，例如 korla-pear\n"
            '"../escape" cannot be a slug: use lower-case a-z, 0-9 and -, e.g. korla-pear\n',
        ),
        (
            "new-brand",
            "korla-fragrant-pear",
            "brands/korla-fragrant-pear 已经存在；请换一个网址名，或直接修改它\n"
            "brands/korla-fragrant-pear already exists; choose another slug or edit it\n",
        ),
        (
            "new-story",
            "quality-month-2026",
            "content/stories/quality-month-2026.md 已经存在；请换一个网址名，或直接修改它\n"
            "content/stories/quality-month-2026.md already exists; choose another slug or edit it\n",
        ),
    ],
)
def test_a_bad_or_taken_slug_is_refused(root, target, slug, expected):
    before = project_files(root)
    result = make(root, target, f"SLUG={slug}")
    assert result.returncode != 0
    assert expected in result.stderr
    assert project_files(root) == before


def project_files(root) -> list:
    """Every file and folder of the project but Python's bytecode caches, which the
    command may write or not (PYTHONDONTWRITEBYTECODE), as on a user's machine."""
    return sorted(p.relative_to(root) for p in root.rglob("*") if "__pycache__" not in p.parts)
