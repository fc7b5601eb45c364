"""brandsite.build.driver: a failed build lists every error and leaves output/ exactly as it was."""

from __future__ import annotations

import pytest
from conftest import front_matter
from sitebuild import build, copy_project, snapshot


@pytest.fixture(scope="module")
def built_project(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("project"))
    result = build(root, root / "output")
    assert result.returncode == 0, result.stderr
    (root / "output" / "CNAME").write_text("brands.example.org\n")
    return root


def test_broken_brand_fails_listing_every_error_and_keeps_output(built_project):
    root = built_project
    before = snapshot(root / "output")
    bundle = root / "brands" / "broken-brand"
    bundle.mkdir()
    (bundle / "index.md").write_text(
        front_matter(
            {
                "name": "坏品牌",
                "category": "nope",
                "region": "000000",
                "summary": "x",
                "registered": "someday",
                "logo": "missing.png",
                "licensees": [
                    {"name": "甲", "license": "L-1", "valid_from": "2022-01-01", "valid_to": "2021-01-01"}
                ],
            }
        ),
        encoding="utf-8",
    )
    try:
        result = build(root, root / "output")
    finally:
        (bundle / "index.md").unlink()
        bundle.rmdir()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for expected in (
        'brands/broken-brand/index.md:3: category: "nope" is not in brands/_registry.yaml',
        'brands/broken-brand/index.md:4: region: "000000" is not in brands/_registry.yaml',
        "brands/broken-brand/index.md:1: owner: is required; add it to the front matter\n"
        "    品牌持有单位：必须填写，请在文件头（开头两行 --- 之间）加上这一项",
        'brands/broken-brand/index.md:6: registered: "someday" is not a date',
        'brands/broken-brand/index.md:7: logo: file "missing.png" does not exist',
        "brands/broken-brand/index.md:12: licensees[1].valid_to: 2021-01-01 is before valid_from",
    ):
        assert expected in result.stderr
    assert "6 处内容错误： / 6 content error(s):" in result.stderr
    assert snapshot(root / "output") == before
    assert not list(root.glob(".output.*"))


def test_successful_build_keeps_operator_files(built_project):
    root = built_project
    result = build(root, root / "output")
    assert result.returncode == 0, result.stderr
    assert (root / "output" / "CNAME").read_text() == "brands.example.org\n"
    assert not list(root.glob(".output.*"))


def test_stale_staging_folders_are_removed(built_project):
    root = built_project
    (root / ".output.building-99999").mkdir()
    (root / ".output.building-99999" / "half.html").write_text("x")
    assert build(root, root / "output").returncode == 0
    assert not list(root.glob(".output.*"))


def test_autoescape_cannot_be_turned_off(built_project):
    root = built_project
    conf = root / "noescape.py"
    conf.write_text(
        "from pelicanconf import *\nJINJA_ENVIRONMENT = {**JINJA_ENVIRONMENT, 'autoescape': False}\n"
    )
    before = snapshot(root / "output")
    result = build(root, root / "output", settings="noescape.py")
    assert result.returncode == 1
    assert "autoescape" in result.stderr
    assert snapshot(root / "output") == before


def test_registry_feed_needs_an_absolute_address(built_project):
    root = built_project
    conf = root / "feedconf.py"
    conf.write_text("from pelicanconf import *\nREGISTRY_FEED_ATOM = 'feeds/registry.atom.xml'\n")
    before = snapshot(root / "output")
    result = build(root, root / "output", settings="feedconf.py")
    assert result.returncode == 1
    assert "REGISTRY_FEED_ATOM needs an absolute SITEURL" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(root / "output") == before
