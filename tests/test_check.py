"""make check, as the editor guide documents it: every class of mistake, its message and its line."""

from __future__ import annotations

import re

import pytest
from conftest import jpeg_bytes
from sitebuild import ROOT, copy_project, make, snapshot

GUIDES = [ROOT / "docs" / "editor-guide.md", ROOT / "docs" / "editor-guide.en.md"]
FILE = re.compile(r"<!-- example-file: (\S+) -->\n```\w*\n(.*?)```", re.S)
IMAGE = re.compile(r"<!-- example-image: (\S+) -->")
OUTPUT = re.compile(r"<!-- example-output -->\n```text\n(.*?)```", re.S)


def examples(guide):
    text = guide.read_text(encoding="utf-8")
    return FILE.findall(text), IMAGE.findall(text), OUTPUT.findall(text)


def test_both_guides_show_the_same_examples():
    assert examples(GUIDES[0]) == examples(GUIDES[1])
    files, images, outputs = examples(GUIDES[0])
    assert len(files) == 4 and len(images) == 1 and len(outputs) == 3


@pytest.mark.parametrize("guide", GUIDES, ids=lambda path: path.name)
def test_the_guide_shows_what_make_check_really_prints(tmp_path, guide):
    root = copy_project(tmp_path)
    files, images, outputs = examples(guide)
    for name, text in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    for name in images:
        (root / name).write_bytes(jpeg_bytes())
    result = make(root, "check")
    assert result.returncode != 0
    for block in outputs:
        assert block in result.stdout
    assert "12 个错误、9 个提醒。请改正错误后再运行 make check。" in result.stderr
    assert "12 error(s), 9 warning(s). Fix the errors and run make check again." in result.stderr


def test_guide_screenshots_exist_and_are_small():
    for guide in GUIDES:
        for picture in re.findall(r"!\[[^\]]+\]\((images/[^)]+\.png)\)", guide.read_text(encoding="utf-8")):
            path = guide.parent / picture
            assert path.is_file() and path.stat().st_size < 200_000, path


def test_check_passes_on_the_sample_site_and_writes_nothing(tmp_path):
    root = copy_project(tmp_path)
    before = snapshot(root)
    result = make(root, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "检查通过：16 个品牌、13 篇故事、111 条授权" in result.stdout
    assert "OK: 16 brands, 13 stories, 111 licences checked" in result.stdout
    after = {name: value for name, value in snapshot(root).items() if "__pycache__" not in name}
    assert after == before
    assert not (root / "output").exists()
