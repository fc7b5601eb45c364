"""plugins/incremental/spare: the retired output lends its folders, never its files."""

from __future__ import annotations

import os

from brandsite.incremental.spare import EMPTIED, empty_spare, keep_as_spare, take_spare
from brandsite.incremental.unchanged import keep_unchanged


def test_a_spare_is_taken_empty_of_files_and_unused_folders_go(tmp_path):
    spare, staging = tmp_path / "spare", tmp_path / "staging"
    (spare / "brands" / "pear").mkdir(parents=True)
    (spare / "stories" / "gone" / "deep").mkdir(parents=True)
    (spare / "brands" / "pear" / "index.html").write_text("old page")
    (spare / "index.html").write_text("old home")
    os.symlink(spare / "brands", spare / "linked")
    assert take_spare(spare, staging)
    assert not spare.exists()
    assert sorted(str(p.relative_to(staging)) for p in staging.rglob("*")) == [
        "brands",
        "brands/pear",
        "stories",
        "stories/gone",
        "stories/gone/deep",
    ]
    (staging / "brands" / "pear" / "index.html").write_text("new page")
    kept = keep_unchanged(staging, tmp_path / "previous", prune=True)
    assert (kept.same, kept.changed) == (0, 1)
    assert sorted(str(p.relative_to(staging)) for p in staging.rglob("*")) == [
        "brands",
        "brands/pear",
        "brands/pear/index.html",
    ]


def test_no_spare_no_staging(tmp_path):
    assert not take_spare(tmp_path / "missing", tmp_path / "staging")
    assert not (tmp_path / "staging").exists()


def test_a_retired_output_becomes_the_spare_unless_one_is_there(tmp_path):
    retired, spare = tmp_path / "old", tmp_path / "cache" / "x.spare"
    retired.mkdir()
    assert keep_as_spare(retired, spare)
    assert spare.is_dir() and not retired.exists()
    another = tmp_path / "older"
    another.mkdir()
    assert not keep_as_spare(another, spare)
    assert another.is_dir()


def test_a_spare_emptied_when_retired_is_taken_without_another_walk(tmp_path):
    spare, staging = tmp_path / "spare", tmp_path / "staging"
    (spare / "brands").mkdir(parents=True)
    (spare / "brands" / "index.html").write_text("old")
    empty_spare(spare)
    assert [p.name for p in spare.rglob("*") if p.is_file()] == [EMPTIED]
    assert take_spare(spare, staging)
    assert [str(p.relative_to(staging)) for p in staging.rglob("*")] == ["brands"]
