"""Hostile input (the corpus in hostile_corpus.py and tests/hostile/): each case
gives its exact error or just works, never a stack trace, a hang or a crash;
one bad file hides nothing else; and each costs bounded time and memory."""

from __future__ import annotations

import pytest
from conftest import Project
from hostile_corpus import BY_NAME, CASES, RENDER_SECONDS, english_errors, outside_folder, plant
from hostile_measure import COSTLIEST, measure
from sitebuild import build, copy_project, snapshot

from brandsite.brand_registry import markdown_body

# Peak memory of a validating process, generous but meaningful: the largest
# image allowed (a 49 MP RGBA PNG) is decoded in full once, ~200 MB; nothing
# else comes near. Seconds are a hang guard, not a speed target.
PEAK_MB = {"largest-image": 350}
DEFAULT_PEAK_MB = 150
MAX_SECONDS = 30


@pytest.fixture(autouse=True)
def short_render_limit(monkeypatch):
    monkeypatch.setattr(markdown_body, "RENDER_SECONDS", RENDER_SECONDS)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_each_case_gives_its_exact_error(case, project, tmp_path_factory):
    expected = plant(project, outside_folder(tmp_path_factory.mktemp("outside")), [case.name])
    site, issues = project.load()
    assert english_errors(issues) == expected
    assert (case.name in site.brands) == case.brand_loads
    assert "good-brand" in site.brands


def test_all_cases_at_once_hide_nothing(project, tmp_path_factory):
    expected = plant(project, outside_folder(tmp_path_factory.mktemp("outside")))
    site, issues = project.load()
    assert english_errors(issues) == expected
    assert set(site.brands) == {"good-brand"} | {c.name for c in CASES if c.brand_loads}
    good = site.brands["good-brand"]
    assert good.logo.width == 40 and [lic.license for lic in good.licensees] == ["GOOD-1"]


def test_bom_and_crlf_read_as_if_absent(project, tmp_path):
    plant(project, outside_folder(tmp_path), ["bom-crlf"])
    site, _issues = project.load()
    brand = site.brands["bom-crlf"]
    assert brand.name == "库尔勒香梨" and brand.region == "652801"
    assert brand.body == "第一段。\n\n第二段，[链接](https://example.org/)。\n"


def test_long_body_keeps_every_line(project, tmp_path):
    plant(project, outside_folder(tmp_path), ["long-body"])
    site, _issues = project.load()
    html = markdown_body.render(site.brands["long-body"].body)
    assert "第 10000 节" in html and "https://example.org/9999" in html


@pytest.mark.parametrize("name", COSTLIEST)
def test_cost_is_bounded(name, tmp_path):
    figures = measure(name, tmp_path, render_seconds=RENDER_SECONDS)
    assert figures["messages"] == sorted(BY_NAME[name].expected)  # good-brand is clean
    assert figures["seconds"] < MAX_SECONDS, figures
    assert figures["peak_mb"] < PEAK_MB.get(name, DEFAULT_PEAK_MB), figures


# -- whole builds -----------------------------------------------------------------

FAILING = [
    "yaml-bomb",
    "binary-junk",
    "gbk",
    "linked-index",
    "svg-script",
    "pixel-bomb",
    "polyglot",
    "csv-gbk",
    "javascript-links",
    "story-links",
    "junk-page",
    "static-html",
]
HARMLESS = ["bom-crlf", "long-body", "static-hidden"]


@pytest.fixture(scope="module")
def sample_copy(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("hostile-build"))
    project = Project(root, write_registry=False)
    plant(project, outside_folder(tmp_path_factory.mktemp("outside")), HARMLESS)
    result = build(root, root / "output")
    assert result.returncode == 0, result.stderr
    return project


def test_harmless_oddities_build(sample_copy):
    output = sample_copy.root / "output"
    page = (output / "brands" / "long-body" / "index.html").read_text(encoding="utf-8")
    assert "第 10000 节" in page
    assert "第二段" in (output / "brands" / "bom-crlf" / "index.html").read_text(encoding="utf-8")
    assert not (output / "images" / ".htaccess").exists()  # hidden files are never published


def test_hostile_files_fail_the_build_cleanly(sample_copy, tmp_path_factory):
    root = sample_copy.root
    before = snapshot(root / "output")
    expected = plant(sample_copy, outside_folder(tmp_path_factory.mktemp("outside")), FAILING)
    result = build(root, root / "output")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    printed = result.stderr.splitlines()
    for message in expected:
        assert message in printed  # its English line (the Chinese one follows it)
    assert f"{len(expected)} content error(s):" in result.stderr
    assert snapshot(root / "output") == before
    assert not list(root.glob(".output.*"))
