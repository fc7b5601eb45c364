"""The same input gives byte-identical output/, whatever the folder, the time,
the time zone or the hash seed of the build."""

from __future__ import annotations

import os
import time

import pytest
from sitebuild import build, copy_project


def build_copy(folder, age_days: int):
    root = copy_project(folder)
    stamp = time.time() - age_days * 86_400  # as if checked out on another day
    for path in root.rglob("*"):
        os.utime(path, (stamp, stamp), follow_symlinks=False)
    return root


def files(folder) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_two_builds_are_byte_identical(tmp_path, settings):
    first = build_copy(tmp_path / "a", age_days=0)
    second = build_copy(tmp_path / "a-much-longer-folder-name" / "nested", age_days=400)
    outputs = []
    for root, seed, zone in ((first, "1", "UTC"), (second, "2", "Pacific/Kiritimati")):
        result = build(root, root / "output", settings=settings, env={"PYTHONHASHSEED": seed, "TZ": zone})
        assert result.returncode == 0, result.stderr
        outputs.append(files(root / "output"))
        time.sleep(1.1)  # the second build runs at another second of the clock
    one, two = outputs
    assert len(one) > 100
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
