"""plugins/incremental/spare: the retired output lends its folders, never its files."""

from __future__ import annotations

import fcntl
import os
import threading
import time

from brandsite.incremental.spare import (
    EMPTIED,
    _empty_then_put_back,
    empty_later,
    empty_spare,
    keep_as_spare,
    take_spare,
)
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


def test_the_folders_no_build_reuses_go_whole(tmp_path):
    spare, elsewhere = tmp_path / "spare", tmp_path / "elsewhere"
    (spare / "index" / "part" / "fragment").mkdir(parents=True)
    (spare / "index" / "part" / "fragment" / "a.pf").write_text("old")
    (spare / "brands").mkdir()
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("not the spare's")
    (spare / "linked").symlink_to(elsewhere)
    empty_spare(spare, drop=("index", "linked"))
    assert sorted(str(p.relative_to(spare)) for p in spare.rglob("*")) == [EMPTIED, "brands"]
    assert (elsewhere / "keep.txt").read_text() == "not the spare's"


def test_a_spare_emptied_later_is_not_there_until_it_is_empty(tmp_path):
    spare, staging = tmp_path / "x.spare", tmp_path / "staging"
    (spare / "brands").mkdir(parents=True)
    (spare / "index" / "part").mkdir(parents=True)
    for n in range(200):
        (spare / "brands" / f"{n}.html").write_text("old")
    empty_later(spare, drop=("index",))
    assert not spare.exists() or [p.name for p in spare.rglob("*") if p.is_file()] == [EMPTIED]
    deadline = time.monotonic() + 30
    while not spare.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [p.name for p in spare.rglob("*") if p.is_file()] == [EMPTIED]
    assert not (tmp_path / "x.spare.emptying").exists()
    assert take_spare(spare, staging)
    assert [str(p.relative_to(staging)) for p in staging.rglob("*")] == ["brands"]


def test_a_spare_emptied_later_gives_way_to_a_newer_one(tmp_path):
    emptying, spare = tmp_path / "x.spare.emptying", tmp_path / "x.spare"
    (emptying / "a").mkdir(parents=True)
    (emptying / "a" / "index.html").write_text("old")
    (spare / "b").mkdir(parents=True)
    (spare / "b" / "index.html").write_text("newer, not yet emptied")
    _empty_then_put_back(str(emptying), str(spare))
    assert not emptying.exists()
    assert (spare / "b" / "index.html").read_text() == "newer, not yet emptied"
    empty_later(spare)  # while another is being emptied, this one waits for the next build
    assert (spare / "b" / "index.html").exists() or not spare.exists()


def test_a_build_waits_for_the_spare_still_being_emptied_rather_than_go_without(tmp_path):
    """As when builds follow each other at once: the last one's spare is still being emptied."""
    spare, staging = tmp_path / "x.spare", tmp_path / "staging"
    emptying = tmp_path / "x.spare.emptying"
    (emptying / "brands").mkdir(parents=True)
    (emptying / "brands" / "index.html").write_text("old")
    lock = open(tmp_path / "x.spare.lock", "wb")  # noqa: SIM115 (as empty_later holds it for its process)
    fcntl.flock(lock, fcntl.LOCK_EX)

    released: list[float] = []

    def process() -> None:
        time.sleep(0.3)
        empty_spare(emptying)
        os.rename(emptying, spare)
        released.append(time.monotonic())
        lock.close()

    worker = threading.Thread(target=process)
    worker.start()
    assert take_spare(spare, staging)
    returned = time.monotonic()
    worker.join()
    assert released and returned >= released[0]  # it waited for the process, not a clock
    assert [str(p.relative_to(staging)) for p in staging.rglob("*")] == ["brands"]


def test_a_spare_whose_emptying_process_died_is_not_waited_for(tmp_path):
    spare, staging = tmp_path / "x.spare", tmp_path / "staging"
    (tmp_path / "x.spare.emptying" / "brands").mkdir(parents=True)
    (tmp_path / "x.spare.lock").write_bytes(b"")  # nobody holds it
    started = time.monotonic()
    assert not take_spare(spare, staging)
    assert time.monotonic() - started < 1
