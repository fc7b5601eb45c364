#!/usr/bin/env python3
"""Benchmark the editor's loop on the sample site and print the figures.

    make bench        (or .venv/bin/python -m bench.editor [--runs 5])

Targets (issue 6): `make check` under 2 s; after editing one story, the new
page served by `make devserver` within 2 s. Also shows what a plugin edit
costs (the preview starts a fresh build worker) and what precompression adds
to `make publish`. Everything runs in a temporary copy of the project; the
machine's load average is printed, since other jobs slow every figure down.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.project_copy import copy_project

ROOT = Path(__file__).resolve().parent.parent

STORY = "content/stories/quality-month-2026.md"
STORY_URL = "/stories/quality-month-2026/"


def make(root: Path, *arguments: str) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        ["make", "--no-print-directory", f"VENV={ROOT / '.venv'}", *arguments],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"make {' '.join(arguments)} failed:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - started


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return ""


def wait_for(condition, timeout: float = 60) -> float:
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout:
            raise TimeoutError
        time.sleep(0.01)
    return time.perf_counter() - started


def first_build_recorded(state: str) -> bool:
    try:
        return json.loads(state)["build"] != "starting"
    except (ValueError, KeyError):
        return False


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def figures(name: str, seconds: list[float], target: float | None = None) -> None:
    verdict = (
        ""
        if target is None
        else ("  (target < {:.1f} s: {})".format(target, "met" if max(seconds) < target else "NOT met"))
    )
    print(
        f"{name:<46} median {statistics.median(seconds):5.2f} s   max {max(seconds):5.2f} s   "
        f"runs {len(seconds)}{verdict}",
        flush=True,
    )


def bench_check(root: Path, runs: int) -> None:
    make(root, "check")  # warm the disk cache
    figures("make check (sample site)", [make(root, "check") for _ in range(runs)], target=2.0)


def bench_preview(root: Path, runs: int) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    log = (root / "devserver.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "brandsite.preview.devserver", "--port", str(port)],
        cwd=root,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        # "ok" is true before the first build too: wait until that build has been recorded
        # (and until the server answers at all: fetch() gives "" before then).
        wait_for(lambda: first_build_recorded(fetch(base + "/__devserver__/state")), timeout=300)
        story, edits = root / STORY, []
        for run in range(runs):
            marker = f"基准测试{run}"
            replace(story, "title: ", f"title: {marker}")
            edits.append(wait_for(lambda marker=marker: marker in fetch(base + STORY_URL)))
            time.sleep(0.3)
        figures("devserver: story edited -> new page served", edits, target=2.0)

        theme, themes = root / "theme" / "templates" / "base.html", []
        for run in range(runs):
            replace(theme, "<footer", f'<p id="bench-theme-{run}"></p><footer')
            themes.append(wait_for(lambda run=run: f'id="bench-theme-{run}"' in fetch(base + "/")))
            time.sleep(0.3)
        figures("devserver: template edited -> page served", themes)

        plugin, plugins = root / "brandsite" / "story_reader" / "reader.py", []
        for run in range(runs):
            replace(
                plugin,
                "        return content, metadata",
                f"        return content + '<p id=\"bench-plugin-{run}\"></p>', metadata",
            )
            plugins.append(wait_for(lambda run=run: f'id="bench-plugin-{run}"' in fetch(base + STORY_URL)))
            replace(
                plugin,
                f"        return content + '<p id=\"bench-plugin-{run}\"></p>', metadata",
                "        return content, metadata",
            )
            wait_for(lambda run=run: f'id="bench-plugin-{run}"' not in fetch(base + STORY_URL))
            time.sleep(0.3)
        figures("devserver: plugin edited (new worker) -> served", plugins)

        bundle, errors = root / "brands" / "korla-fragrant-pear" / "index.md", []
        for _run in range(runs):
            replace(bundle, 'region: "652801"', 'region: "652899"')
            errors.append(wait_for(lambda: "devserver-errors" in fetch(base + "/")))
            replace(bundle, 'region: "652899"', 'region: "652801"')
            wait_for(lambda: "devserver-errors" not in fetch(base + "/"))
            time.sleep(0.3)
        figures("devserver: content error -> shown in page", errors)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def bench_publish(root: Path, runs: int) -> None:
    make(root, "html")
    figures("make html, nothing changed", [make(root, "html") for _ in range(runs)])
    story = root / STORY

    def edited(target: str, run: int) -> float:
        with story.open("a", encoding="utf-8") as out:
            out.write(f"\n{target} 第{run}次修改。\n")
        return make(root, target)

    figures("make html, one story edited", [edited("html", run) for run in range(runs)])
    make(root, "publish")
    figures("make publish (.gz/.br), one story edited", [edited("publish", run) for run in range(runs)])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="bench-editor-") as folder:
        root = copy_project(Path(folder))
        bench_check(root, args.runs)
        bench_preview(root, args.runs)
        bench_publish(root, max(3, args.runs // 2))
    print(f"load average after:  {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
