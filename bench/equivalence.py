"""Incremental against fresh, at a size where every batch of pages is rendered in parallel.

    .venv/bin/python -m bench.equivalence [--brands 250] [--stories 750] [--licences 5000]
                                          [--settings publishconf.py] [--keep]

The state-machine test (tests/test_incremental_state.py) edits the sample site, whose
batches of pages stay below RENDER_PARALLEL_MIN unless a variant forces it. This runs a
fixed sequence of editor actions on a generated registry (bench.site's generator) large
enough that the build renders in forked workers, splits the story search index by year and
paginates every list, and after each action compares the incremental build, file by file,
with a fresh build of the same sources that has caches of its own. It prints each action,
both builds' seconds and what differs; it exits 1 at the first difference.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from bench.site import ROOT, Size, prepare, timed
from tests.output_diff import differences, tree  # the state test's own comparison

SITEURL = "https://example.org/registry"


def replace(path: Path, old: str, new: str, pattern: bool = False) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(old, new, text, count=1) if pattern else text.replace(old, new, 1)
    if changed == text:
        raise SystemExit(f"the action found nothing to change in {path}: {old!r}")
    path.write_text(changed, encoding="utf-8")


def actions(project: Path) -> list[tuple[str, Callable[[], None]]]:
    brands, stories = project / "brands", project / "content" / "stories"
    csv_brand = next(p.parent for p in sorted(brands.glob("*/licensees.csv")))
    return [
        ("edit a story's body", lambda: replace(stories / "story-0003.md", "。", "，又一句。")),
        ("edit a story's title", lambda: replace(stories / "story-0010.md", "title: ", "title: 新")),
        (
            "add a story naming two brands",
            lambda: (stories / "story-new.md").write_text(
                "---\ntitle: 新增的故事\ndate: 2026-10-01\ncategory: 质量文化\n"
                "brands: [brand-0001, brand-0002]\ntags: [标签1]\nsummary: 新增。\n---\n正文。\n",
                encoding="utf-8",
            ),
        ),
        ("delete a story", (stories / "story-0020.md").unlink),
        (
            "edit a brand's summary",
            lambda: replace(brands / "brand-0005" / "index.md", "summary: ", "summary: 新的简介，"),
        ),
        (
            "suspend a brand",
            lambda: replace(brands / "brand-0007" / "index.md", "status: active", "status: suspended"),
        ),
        (
            "end a licence early",
            lambda: replace(
                brands / "brand-0030" / "index.md",
                r"valid_to: \d{4}-\d\d-\d\d",
                "valid_to: 2026-01-31",
                pattern=True,
            ),
        ),
        (
            "edit a row of licensees.csv",
            lambda: replace(csv_brand / "licensees.csv", "产品甲;产品乙", "产品丙"),
        ),
        (
            "add a brand",
            lambda: (
                shutil.copytree(brands / "brand-0011", brands / "brand-new"),
                replace(brands / "brand-new" / "index.md", "name: 品牌0011", "name: 新品牌"),
                replace(brands / "brand-new" / "index.md", "name_en: Brand 0011", "name_en: New brand"),
                _renumber(brands / "brand-new" / "index.md"),
            ),
        ),
        ("delete a brand no story names", lambda: shutil.rmtree(brands / _unnamed_brand(project))),
        (
            "rename a region",
            lambda: replace(
                brands / "_registry.yaml", r"name: (第\d+地区第\d+县)", r"name: \1新", pattern=True
            ),
        ),
        (
            "edit a template",
            lambda: replace(
                project / "theme" / "templates" / "base.html", "</footer>", "<!-- x --></footer>"
            ),
        ),
        (
            "change a setting",
            lambda: (project / "benchconf.py").write_text(
                (project / "benchconf.py").read_text() + "BRANDS_PER_PAGE = 17\n"
            ),
        ),
    ]


def _renumber(index: Path) -> None:
    """Licence numbers must be unique: the copied brand's get a prefix of their own."""
    text = index.read_text(encoding="utf-8").replace('license: "BX-', 'license: "NEW-')
    index.write_text(text, encoding="utf-8")


def _unnamed_brand(project: Path) -> str:
    named = set()
    for story in (project / "content" / "stories").glob("*.md"):
        found = re.search(r"^brands: \[(.*)\]$", story.read_text(encoding="utf-8"), re.M)
        if found:
            named |= {slug.strip() for slug in found.group(1).split(",")}
    return next(
        p.name for p in sorted((project / "brands").glob("brand-0*")) if p.name not in named and p.is_dir()
    )


def build(project: Path, settings: str, output: Path) -> float:
    command = [sys.executable, "-m", "brandsite.build.driver", "--settings", settings]
    return timed([*command, "--output", str(output), "--siteurl", SITEURL], project).seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--brands", type=int, default=250)
    parser.add_argument("--stories", type=int, default=750)
    parser.add_argument("--licences", type=int, default=5000)
    parser.add_argument("--settings", default="publishconf.py")
    parser.add_argument("--workdir", type=Path, default=ROOT / ".cache" / "equivalence")
    parser.add_argument("--keep", action="store_true", help="keep the project when done")
    args = parser.parse_args(argv)
    project = prepare(args.workdir, Size(args.brands, args.stories, args.licences, 10))
    (project / "benchconf.py").write_text(f"from {Path(args.settings).stem} import *  # noqa\n")
    (project / "freshconf.py").write_text(
        f"from benchconf import *  # noqa\nCACHE_PATH = {str(project / '.cache' / 'fresh')!r}\n"
    )
    print(f"first build: {build(project, 'benchconf.py', project / 'output'):.1f} s", flush=True)
    failed = False
    for name, act in actions(project):
        act()
        ours = build(project, "benchconf.py", project / "output")
        shutil.rmtree(project / "fresh", ignore_errors=True)
        shutil.rmtree(project / ".cache" / "fresh", ignore_errors=True)
        fresh = build(project, "freshconf.py", project / "fresh")
        report = differences(tree(project / "output"), tree(project / "fresh"))
        print(f"{name}: incremental {ours:.1f} s, fresh {fresh:.1f} s: {'DIFFERS' if report else 'same'}")
        if report:
            print(report)
            failed = True
            break
    if not args.keep:
        shutil.rmtree(project, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
