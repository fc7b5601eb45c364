"""Exposed violation cases on the built site: an individual's full name never reaches
output/ (search index and feeds included), a case past its publication period is
left out of everything, and a bad case file fails the build with output/ untouched."""

from __future__ import annotations

import gzip
import json
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest
import yaml
from sitebuild import AS_OF, build, copy_project, snapshot

SITEURL = "https://example.org/brands-site"
FULL_NAME = "司马小明"
ATOM = "{http://www.w3.org/2005/Atom}"
AS_OF_EPOCH = int(AS_OF.timestamp())  # 2026-11-26, the tests' build day
INDIVIDUAL = {
    "title": f"{FULL_NAME}冒用“库尔勒香梨”地理标志专用标志案",
    "date": "2026-09-01",
    "decided": "2026-08-20",
    "authority": "库尔勒市市场监督管理局",
    "party": FULL_NAME,
    "party_kind": "individual",
    "region": "652801",
    "violations": ["冒用地理标志专用标志"],
    "penalty": f"没收{FULL_NAME}的包装 100 个，罚款 2000 元",
    "brands": ["korla-fragrant-pear"],
    "unpublish_after": "2028-08-20",
}
EXPIRED = {
    **INDIVIDUAL,
    "title": "某某过期果业冒用标志案",
    "party": "某某过期果业有限公司",
    "party_kind": "organization",
    "penalty": "罚款 1 万元",
    "date": "2023-01-10",
    "decided": "2023-01-05",
    "unpublish_after": "2026-11-20",  # before the build day, 2026-11-26
}


def write_case(root: Path, slug: str, fields: dict, body: str = "") -> Path:
    path = root / "content" / "cases" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{text}---\n{body}", encoding="utf-8")
    return path


def texts(folder: Path):
    """Every file of `folder` as text, compressed ones (search index, .gz) opened."""
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for opener in (gzip.decompress, lambda b: zlib.decompress(b, -15)):
            try:
                data = opener(data)
                break
            except (OSError, zlib.error, EOFError):
                continue
        yield path, data.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("cases"))
    write_case(root, "korla-pear-individual", INDIVIDUAL, f"{FULL_NAME}在网上销售。司马 小明也是他。\n")
    write_case(root, "expired-case", EXPIRED, "过期的案情。\n")
    out = root / "output"
    result = build(root, out, settings="publishconf.py", siteurl=SITEURL)
    assert result.returncode == 0, result.stderr
    return root, out, result


def test_the_full_name_never_reaches_the_output(site):
    _root, out, _result = site
    found = [str(p) for p, text in texts(out) if FULL_NAME in text or "司马 小明" in text]
    assert found == []
    page = (out / "cases/korla-pear-individual/index.html").read_text(encoding="utf-8")
    assert "司马某某冒用" in page and page.count("司马某某") >= 3


def test_the_expired_case_is_left_out_of_everything(site):
    _root, out, result = site
    assert not (out / "cases/expired-case").exists()
    assert not (out / "en/cases/expired-case").exists()
    found = [str(p) for p, text in texts(out) if "expired-case" in text or "过期果业" in text]
    assert found == []
    assert "expired-case.md" in result.stderr  # the editors are told it was taken down


def test_published_cases_are_everywhere_they_belong(site):
    _root, out, _result = site
    brand = (out / "brands/korla-fragrant-pear/index.html").read_text(encoding="utf-8")
    assert "cases/korla-pear-individual/" in brand
    assert "cases/korla-pear-individual/" in (out / "en/brands/korla-fragrant-pear/index.html").read_text()
    data = json.loads((out / "data/cases.json").read_text(encoding="utf-8"))
    slugs = [c["slug"] for c in data["cases"]]
    assert "korla-pear-individual" in slugs and "expired-case" not in slugs
    record = next(c for c in data["cases"] if c["slug"] == "korla-pear-individual")
    assert record["party"] == "司马某某" and record["url"].startswith(SITEURL)
    assert "korla-pear-individual" in (out / "data/cases.csv").read_text(encoding="utf-8-sig")
    assert "cases/korla-pear-individual/" in (out / "sitemap.xml").read_text(encoding="utf-8")
    feed = ET.parse(out / "feeds/cases.atom.xml").getroot()
    links = [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")]
    assert f"{SITEURL}/cases/korla-pear-individual/" in links
    assert all((out / link[len(SITEURL) + 1 :] / "index.html").is_file() for link in links)
    assert "data/cases.json" in (out / "data/index.html").read_text(encoding="utf-8")


def test_the_case_schema_validates_every_record(site):
    jsonschema = pytest.importorskip("jsonschema")
    _root, out, _result = site
    schema = json.loads((out / "data/case.schema.json").read_text(encoding="utf-8"))
    for record in json.loads((out / "data/cases.json").read_text(encoding="utf-8"))["cases"]:
        jsonschema.validate(record, schema)


BAD = [
    ("missing penalty", {"penalty": None}, "penalty"),
    ("unknown region", {"region": "659999"}, "region"),
    ("unknown brand", {"brands": ["no-such-brand"]}, "brands[1]"),
    ("bad party_kind", {"party_kind": "person"}, "party_kind"),
    ("decided after date", {"decided": "2026-09-05"}, "decided"),
    ("period ends before the decision", {"unpublish_after": "2026-08-01"}, "unpublish_after"),
    ("an ID number", {"penalty": "身份证 11010519491231002X"}, "penalty"),
    ("a mobile number", {"authority": "库尔勒市市场监督管理局 13800138000"}, "authority"),
]


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("bad-cases"))
    result = build(root, root / "output")
    assert result.returncode == 0, result.stderr
    return root


@pytest.mark.parametrize(("what", "change", "field"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_case_fails_naming_file_and_field_and_leaves_output_untouched(clean, what, change, field):
    fields = {k: v for k, v in {**INDIVIDUAL, **change}.items() if v is not None}
    path = write_case(clean, "bad-case", fields)
    before = snapshot(clean / "output")
    try:
        result = build(clean, clean / "output")
    finally:
        path.unlink()
    assert result.returncode != 0
    assert "content/cases/bad-case.md:" in result.stderr and f": {field}: " in result.stderr, result.stderr
    assert snapshot(clean / "output") == before


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_an_incremental_build_after_the_period_ends_equals_a_fresh_build(tmp_path):
    root = copy_project(tmp_path / "project")
    (root / "reference.py").write_text("from pelicanconf import *\nCACHE_PATH = '.cache/reference'\n")
    write_case(root, "korla-pear-individual", {**INDIVIDUAL, "unpublish_after": "2026-11-26"})
    last_day = {"SOURCE_DATE_EPOCH": str(AS_OF_EPOCH)}  # 2026-11-26, the period's last day
    result = build(root, root / "output", env=last_day)
    assert result.returncode == 0, result.stderr
    assert (root / "output/cases/korla-pear-individual/index.html").is_file()
    day_after = {"SOURCE_DATE_EPOCH": str(AS_OF_EPOCH + 86400)}
    result = build(root, root / "output", env=day_after)
    assert result.returncode == 0, result.stderr
    fresh = root / "reference-output"
    result = build(root, fresh, settings="reference.py", env=day_after)
    assert result.returncode == 0, result.stderr
    incremental, full = tree(root / "output"), tree(fresh)
    assert sorted(incremental) == sorted(full)
    assert [name for name in full if incremental[name] != full[name]] == []
    assert not any(
        "korla-pear-individual" in name or b"korla-pear-individual" in data for name, data in full.items()
    )
