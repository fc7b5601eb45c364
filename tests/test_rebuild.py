"""Rebuilds from the parse cache (.cache/pelican/registry/): byte-identical to a cold
build, edits show at once, and an image deleted under an unchanged story still fails."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time

from sitebuild import AS_OF, build, copy_project

from brandsite.file_stamp import RACY_NS


def files(folder) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_rebuilds_from_the_parse_cache(tmp_path):
    root = copy_project(tmp_path)
    time.sleep(RACY_NS / 1e9)  # files copied just now are racy (file_stamp.is_racy): not kept yet
    output = root / "output"
    memo_file = root / ".cache" / "pelican" / "registry" / "memo.pickle"
    assert build(root, output).returncode == 0
    cold = files(output)
    kept = memo_file.stat().st_mtime_ns

    settings = root / "pelicanconf.py"
    os.utime(settings, ns=(time.time_ns(), time.time_ns()))  # every page is rendered again
    result = build(root, output)
    assert result.returncode == 0, result.stderr
    warm = files(output)
    assert "Nothing changed" not in result.stdout
    assert sorted(warm) == sorted(cold)
    assert [name for name in cold if cold[name] != warm[name]] == []
    assert memo_file.stat().st_mtime_ns == kept  # nothing new to keep: left as it was

    story = root / "content" / "stories" / "hami-melon-cold-chain.md"
    story.write_text(story.read_text(encoding="utf-8") + "\n编辑刚加的一段。\n", encoding="utf-8")
    brand = root / "brands" / "aksu-apple" / "index.md"
    brand.write_text(
        brand.read_text(encoding="utf-8").replace("酸甜适口", "编辑改过的摘要"), encoding="utf-8"
    )
    result = build(root, output)
    assert result.returncode == 0, result.stderr
    assert "编辑刚加的一段" in (output / "stories" / "hami-melon-cold-chain" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "编辑改过的摘要" in (output / "brands" / "aksu-apple" / "index.html").read_text(encoding="utf-8")

    (root / "content" / "images" / "cold-chain.jpg").unlink()  # its story is unchanged
    result = build(root, output)
    assert result.returncode == 1
    assert (
        'content/stories/hami-melon-cold-chain.md:8: cover: file "images/cold-chain.jpg" does not exist'
    ) in result.stderr


def test_the_preview_s_search_index_follows_the_pages_it_serves_first(tmp_path):
    """build(search_later=True), as the preview runs it, after builds that made the index
    before the swap (make html): the last index is carried over with the new pages, and only
    the partitions whose pages changed are indexed again."""
    root = copy_project(tmp_path)
    time.sleep(RACY_NS / 1e9)
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(AS_OF.timestamp())), "PYTHONPATH": str(root)}
    story = root / "content" / "stories" / "hami-melon-cold-chain.md"
    logs = []
    for edit, later in enumerate((False, False, True, True)):
        story.write_text(story.read_text(encoding="utf-8") + f"\n第{edit}次编辑。\n", encoding="utf-8")
        script = (
            "import sys; from pathlib import Path; from brandsite.build.driver import build; "
            f"sys.exit(build('pelicanconf.py', Path('output'), search_later={later}))"
        )
        result = subprocess.run(
            [sys.executable, "-c", script], check=False, cwd=root, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        logs.append(result.stdout)
        deadline = time.monotonic() + 30  # the spare is emptied in the background: the next build takes it
        builds = root / ".cache" / "pelican" / "builds"  # not rglob: it walks into the folder being emptied
        while list(builds.glob("*.spare.emptying")) and time.monotonic() < deadline:
            time.sleep(0.05)
    indexed = [re.search(r"(\d+) of (\d+) partitions indexed again", log) for log in logs[1:]]
    assert all(indexed), logs
    assert [int(found[1]) < int(found[2]) for found in indexed] == [True, True, True], logs
    bundle = root / "output" / "pagefind"
    partitions = json.loads((bundle / "partitions.json").read_text(encoding="utf-8"))
    assert all(
        (bundle / name / "pagefind-entry.json").is_file() for names in partitions.values() for name in names
    )
