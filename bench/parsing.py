"""Time the content parsing of a build: validating the registry (`load_site`) and
reading every story and page with `story_reader`, with the parse cache cold and warm.

    .venv/bin/python bench/parsing.py PROJECT [--settings benchconf.py] [--runs 3]

PROJECT is a generated registry (bench/site.py makes one under .cache/bench/).
Each run is a fresh process, as a build is; "cold" starts with no cache folder,
"warm" with the one the previous run left. Prints medians.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import json, sys, time
from pathlib import Path
from pelican.settings import read_settings
from brandsite.brand_registry.site import load_site
from brandsite.brand_registry.settings_file import site_paths
import brandsite.brand_registry.memo as memo
from brandsite.story_reader.reader import StoryReader

settings = read_settings(sys.argv[2], override={"CACHE_PATH": sys.argv[3]})
paths = site_paths(settings)
start = time.perf_counter()
site, issues = load_site(paths)
validated = time.perf_counter()
reader = StoryReader(settings)
files = sorted(Path(paths.content).rglob("*.md"))
for path in files:
    reader.read(str(path))
memo.save()
read = time.perf_counter()
print(json.dumps({"load_site": validated - start, "story_reader": read - validated,
                  "files": len(files), "brands": len(site.brands), "stories": len(site.stories),
                  "errors": sum(i.severity == "error" for i in issues)}))
"""


def run(project: Path, settings: str, cache: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT), str(project / settings), str(cache)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(result.stderr)
    return json.loads(result.stdout.splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--settings", default="benchconf.py")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    project = args.project.resolve()
    cache = project / ".cache" / "parsing-bench"
    cold, warm = [], []
    for _ in range(args.runs):
        shutil.rmtree(cache, ignore_errors=True)
        cold.append(run(project, args.settings, cache))
        warm.append(run(project, args.settings, cache))
    shutil.rmtree(cache, ignore_errors=True)
    first = cold[0]
    print(
        f"{first['brands']} brands, {first['stories']} stories, {first['files']} Markdown files read "
        f"by story_reader, {first['errors']} errors; medians of {args.runs} runs, seconds"
    )
    print(f"{'':12} {'load_site':>10} {'story_reader':>13} {'total':>8}")
    for name, runs in (("cold cache", cold), ("warm cache", warm)):
        site = statistics.median(r["load_site"] for r in runs)
        read = statistics.median(r["story_reader"] for r in runs)
        total = statistics.median(r["load_site"] + r["story_reader"] for r in runs)
        print(f"{name:12} {site:10.2f} {read:13.2f} {total:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
