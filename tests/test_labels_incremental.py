"""A publish build's label files follow their brand alone, and an incremental build of them
equals a full one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitebuild import build, copy_project

SITE = "https://example.org/sub"
REFERENCE = "reference.py"  # the full build compared with: caches of its own, cleared each time


def labels(output: Path, brand: str) -> dict[str, tuple[int, bytes]]:
    folder = output / "brands" / brand / "labels"
    return {p.name: (p.stat().st_ino, p.read_bytes()) for p in sorted(folder.glob("*.svg"))}


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("labels"))
    (root / REFERENCE).write_text("from publishconf import *\nCACHE_PATH = '.cache/reference'\n")
    result = build(root, root / "output", settings="publishconf.py", siteurl=SITE)
    assert result.returncode == 0, result.stderr
    return root


def test_an_edited_licensee_changes_its_label_file_only(project):
    output = project / "output"
    korla, melon = labels(output, "korla-fragrant-pear"), labels(output, "hami-melon")
    assert korla and melon
    csv = project / "brands" / "korla-fragrant-pear" / "licensees.csv"
    csv.write_text(
        csv.read_text(encoding="utf-8").replace("巴州聚丰冷链物流有限公司", "巴州聚丰冷链有限公司")
    )
    result = build(project, output, settings="publishconf.py", siteurl=SITE)
    assert result.returncode == 0, result.stderr
    assert labels(output, "hami-melon") == melon  # linked from the last build, not written
    after = labels(output, "korla-fragrant-pear")
    assert after.keys() == korla.keys()
    changed = [name for name in korla if after[name][1] != korla[name][1]]
    assert changed == ["xj-kfp-2022-002.svg"], changed
    assert "巴州聚丰冷链有限公司" in after["xj-kfp-2022-002.svg"][1].decode("utf-8")

    reference = project / "reference"
    shutil.rmtree(project / ".cache" / "reference", ignore_errors=True)
    result = build(project, reference, settings=REFERENCE, siteurl=SITE)
    assert result.returncode == 0, result.stderr
    incremental, full = tree(output), tree(reference)
    assert sorted(incremental) == sorted(full)
    assert [name for name in full if incremental[name] != full[name]] == []
