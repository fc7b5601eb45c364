"""Build-speed benchmark on a large, generated registry.

    .venv/bin/python -m bench.site [--brands 1000] [--stories 3000] [--licences 20000]
                                   [--images 200] [--runs 3]

Generates (deterministically, once, under .cache/bench/) a registry in our
content model, then times, as medians of --runs builds: a cold build (no
caches), a cold build with only the image cache kept, a no-change rebuild, a
rebuild after editing one story, after editing one brand and after adding one
brand; peak memory (of the largest process: Pagefind's count too); pages per
second; which search partitions each build indexed again. The same stories are
also built by plain Pelican with a stock configuration and indexed by Pagefind,
in turns with the cold builds with the image cache kept, for the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from tests.project_copy import CODE_PARTS, copy_project

ROOT = Path(__file__).resolve().parent.parent
# Builds run as on users' machines, which keep compiled bytecode (`__pycache__`): a machine
# that sets PYTHONDONTWRITEBYTECODE would compile the build's 70 modules at every run.
BUILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
STATE = "/__devserver__/state"  # the preview's build state (brandsite.preview.devserver)

PHRASES = [
    "区域公共品牌是地方特色产业的金字招牌",
    "标准化生产让每一批产品都有据可依",
    "质量追溯体系覆盖种植、加工和流通环节",
    "授权使用企业须按团体标准组织生产",
    "地理标志保护产品的产地范围有严格界定",
    "品牌管理机构定期开展监督抽查",
    "消费者可通过许可编号核验授权真伪",
    "龙头企业带动合作社和农户增收",
    "冷链物流缩短了从产地到餐桌的距离",
    "质量奖评审注重过程管理与持续改进",
    "绿色食品认证要求全程控制投入品",
    "检验检测机构出具的报告是重要依据",
]
CATEGORIES = ("agricultural", "industrial", "service")
CERT_TYPES = ("geographical-indication", "green-food", "organic-product")
STORY_CATEGORIES = ("质量文化", "典型案例", "标准化", "通知公告")


@dataclass(frozen=True)
class Size:
    brands: int
    stories: int
    licences: int
    images: int
    regions: int = 100

    @property
    def key(self) -> str:
        return f"b{self.brands}-s{self.stories}-l{self.licences}-i{self.images}-r{self.regions}"


# -- generator ---------------------------------------------------------------


def region_codes(count: int) -> list[tuple[str, str, str | None]]:
    """(code, name, parent): one province, prefectures, then counties under them."""
    rows = [("650000", "新疆维吾尔自治区", None)]
    prefectures = max(1, (count - 1) // 11)
    counties_each = (count - 1 - prefectures) // prefectures
    for p in range(1, prefectures + 1):
        code = f"65{p:02d}00"
        rows.append((code, f"第{p}地区", "650000"))
        for c in range(1, counties_each + 1):
            rows.append((f"65{p:02d}{c:02d}", f"第{p}地区第{c}县", code))
    return rows[:count]


def write_registry(brands_dir: Path, regions) -> None:
    lines = ["regions:"]
    for code, name, parent in regions:
        lines += [f'  - code: "{code}"', f"    name: {name}", f"    name_en: Region {code}"]
        if parent:
            lines.append(f'    parent: "{parent}"')
    lines.append("categories:")
    for ident in CATEGORIES:
        lines += [f"  - id: {ident}", f"    name: 类别{ident}", f"    name_en: {ident.title()}"]
    lines.append("certification_types:")
    for ident in CERT_TYPES:
        lines += [f"  - id: {ident}", f"    name: 认证{ident}", f"    name_en: {ident.title()}"]
    lines += [
        "award_programs:",
        "  - id: regional-quality-award",
        "    name: 自治区人民政府质量奖",
        "    name_en: Regional Quality Award",
        "    editions:",
    ]
    for number in range(1, 7):
        lines += [f"      - number: {number}", f"        year: {2010 + 2 * number}"]
    (brands_dir / "_registry.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def prose(rng: random.Random, paragraphs: int) -> str:
    return "\n\n".join("，".join(rng.sample(PHRASES, 4)) + "。" for _ in range(paragraphs))


def photo(path: Path, rng: random.Random) -> None:
    """A photo-like JPEG of 6-12 MP with EXIF (orientation, camera)."""
    from PIL import Image

    width, height = rng.choice([(3000, 2000), (3264, 2448), (4000, 3000), (4032, 3024)])
    small = Image.new("RGB", (16, 12))
    small.putdata([tuple(rng.randrange(40, 220) for _ in range(3)) for _ in range(16 * 12)])
    base = small.resize((width, height), Image.Resampling.BICUBIC)
    grain = Image.effect_noise((width, height), 24).convert("RGB")
    image = Image.blend(base, grain, 0.18)
    exif = Image.Exif()
    exif[0x0112] = rng.choice([1, 1, 1, 6, 8, 3])
    exif[0x010F] = "BenchCam"
    image.save(path, "JPEG", quality=88, exif=exif.tobytes())


def generate(target: Path, size: Size, seed: int = 20261126) -> None:
    rng = random.Random(seed)
    brands_dir, stories_dir = target / "brands", target / "content" / "stories"
    for folder in (brands_dir, stories_dir, target / "content" / "images", target / "content" / "pages"):
        folder.mkdir(parents=True, exist_ok=True)
    regions = region_codes(size.regions)
    write_registry(brands_dir, regions)
    counties = [code for code, _name, parent in regions if parent and parent != "650000"]
    photos = target.parent / f"photos-{size.images}"
    if not photos.exists():
        staging = photos.with_suffix(".partial")
        staging.mkdir(parents=True, exist_ok=True)
        for i in range(size.images):
            photo(staging / f"photo-{i:03d}.jpg", random.Random(seed + i))
        staging.rename(photos)

    csv_brands = max(1, size.brands // 25)
    csv_rows = size.licences // 2 // csv_brands
    yaml_licences = size.licences - csv_rows * csv_brands
    per_yaml_brand = [yaml_licences // (size.brands - csv_brands)] * (size.brands - csv_brands)
    for i in range(yaml_licences - sum(per_yaml_brand)):
        per_yaml_brand[i] += 1
    licence_no = 0
    for i in range(size.brands):
        slug = f"brand-{i:04d}"
        bundle = brands_dir / slug
        bundle.mkdir(exist_ok=True)
        registered = date(2012, 1, 1) + timedelta(days=rng.randrange(4000))
        fields = [
            f"name: 品牌{i:04d}",
            f"name_en: Brand {i:04d}",
            f"category: {rng.choice(CATEGORIES)}",
            f'region: "{rng.choice(counties)}"',
            f"owner: 第{i}号品牌协会",
            f"summary: {'，'.join(rng.sample(PHRASES, 2))}。",
            f"status: {'suspended' if i % 97 == 0 else 'active'}",
            f"registered: {registered}",
        ]
        if i < size.images:
            os.link(photos / f"photo-{i:03d}.jpg", bundle / "cover.jpg")
            fields.append("cover: cover.jpg")
        fields.append("certifications:")
        for cert in rng.sample(CERT_TYPES, rng.randrange(1, 3)):
            fields += [
                f"  - type: {cert}",
                f'    number: "C-{i:04d}-{cert[:3]}"',
                "    issuer: 认证中心",
                f"    issued: {registered}",
                f"    expires: {registered + timedelta(days=3650)}",
            ]
        if i % 10 == 0:
            fields += [
                "awards:",
                "  - program: regional-quality-award",
                f"    edition: {1 + i % 6}",
                f"    recipient: 第{i}号企业",
            ]
        if i < csv_brands:
            rows = ["name,license,valid_from,valid_to,products"]
            for _ in range(csv_rows):
                licence_no += 1
                start = date(2018, 1, 1) + timedelta(days=rng.randrange(3000))
                rows.append(
                    f"企业{licence_no:05d},BX-{licence_no:06d},{start},"
                    f"{start + timedelta(days=1095)},产品甲;产品乙"
                )
            (bundle / "licensees.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        else:
            count = per_yaml_brand[i - csv_brands]
            if count:
                fields.append("licensees:")
            for _ in range(count):
                licence_no += 1
                start = date(2018, 1, 1) + timedelta(days=rng.randrange(3000))
                fields += [
                    f"  - name: 企业{licence_no:05d}",
                    f'    license: "BX-{licence_no:06d}"',
                    f"    valid_from: {start}",
                    f"    valid_to: {start + timedelta(days=1095)}",
                    "    products: [产品甲]",
                ]
        fields.append(f"tags: [标签{i % 50}]")
        body = prose(rng, 4)
        (bundle / "index.md").write_text("---\n" + "\n".join(fields) + f"\n---\n{body}\n", encoding="utf-8")

    slugs = [f"brand-{i:04d}" for i in range(size.brands)]
    for i in range(size.stories):
        when = date(2015, 1, 1) + timedelta(days=rng.randrange(4300))
        named = rng.sample(slugs, rng.randrange(0, 4))
        meta = textwrap.dedent(f"""\
            ---
            title: 质量故事第{i:04d}篇
            date: {when}
            category: {rng.choice(STORY_CATEGORIES)}
            brands: [{", ".join(named)}]
            tags: [标签{i % 40}]
            summary: {rng.choice(PHRASES)}。
            ---
            """)
        (stories_dir / f"story-{i:04d}.md").write_text(meta + prose(rng, 6) + "\n", encoding="utf-8")
    (target / "content" / "pages" / "about.md").write_text(
        "---\ntitle: 关于\nslug: about\n---\n基准测试站点。\n", encoding="utf-8"
    )


def prepare(workdir: Path, size: Size) -> Path:
    """A freshly generated project (the photos are generated once and kept)."""
    project = workdir / size.key
    shutil.rmtree(project, ignore_errors=True)
    started = time.perf_counter()
    generate(project, size)
    print(f"generated {size.key} in {time.perf_counter() - started:.1f} s", flush=True)
    (project / "benchconf.py").write_text("from pelicanconf import *  # noqa\nFEATURED_BRANDS = []\n")
    copy_project(project, CODE_PARTS)
    return project


# -- runner ------------------------------------------------------------------

GNU_TIME = "/usr/bin/time"


@dataclass
class Run:
    seconds: float
    peak_mb: float
    pages_ready: float | None = None  # when the changed pages were written (before the search index)
    files_changed: int | None = None  # files the build wrote anew; the rest kept their inode
    search: str = ""  # what the build's search index step said it indexed


def read_log(log: str) -> tuple[float | None, int | None, str]:
    ready = re.search(r"^Pages ready in ([0-9.]+) s", log, re.M)
    changed = re.search(r"files: (\d+) new or changed", log)
    search = re.findall(r"^Search index: (.*)$", log, re.M)
    return (
        float(ready.group(1)) if ready else None,
        int(changed.group(1)) if changed else None,
        search[-1] if search else "",
    )


def timed(command: list[str], cwd: Path) -> Run:
    if os.path.exists(GNU_TIME):
        # The peak of the process itself: rusage from here would count this
        # (forked) benchmark's own memory too, which Linux keeps across exec.
        command = [GNU_TIME, "-f", "MAXRSS %M", *command]
    with tempfile.TemporaryFile() as log:  # a pipe would fill up with warnings and block the build
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=log, env=BUILD_ENV)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        log.seek(0)
        text = log.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed: {' '.join(command)}\n{text[-3000:]}")
    peak = re.findall(r"^MAXRSS (\d+)$", text, re.M)
    return Run(seconds, (int(peak[-1]) if peak else usage.ru_maxrss) / 1024, *read_log(text))


def ours(project: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "brandsite.build.driver",
        "--settings",
        "benchconf.py",
        "--output",
        "output",
    ]


def clear_caches(project: Path, keep_images: bool = False) -> None:
    shutil.rmtree(project / "output", ignore_errors=True)
    if not keep_images:
        shutil.rmtree(project / ".cache", ignore_errors=True)
        return
    for part in (project / ".cache").glob("*"):
        if part.name != "images":
            shutil.rmtree(part) if part.is_dir() else part.unlink()


def plain_pelican_project(project: Path) -> Path:
    plain = project.parent / (project.name + "-plain")
    if not plain.exists():
        (plain / "content").mkdir(parents=True)
        shutil.copytree(project / "content" / "stories", plain / "content" / "stories")
        (plain / "pelicanconf.py").write_text(
            textwrap.dedent("""\
            PATH = "content"
            SITENAME = "plain"
            TIMEZONE = "Asia/Shanghai"
            DEFAULT_LANG = "zh"
            CACHE_CONTENT = True
            LOAD_CONTENT_CACHE = True
            CACHE_PATH = "cache"
            FEED_ALL_ATOM = None
            CATEGORY_FEED_ATOM = None
            """)
        )
    return plain


PAGE_LIMIT_KB = 200  # no HTML page may be larger (the lists are paginated)
# Plain Pelican's cold build of TARGETS_SET_FOR_STORIES stories when issue #14 set its targets
# (a3c22e5): the edit targets are seconds at that speed of the machine.
TARGETS_SET_AT_PELICAN_S = 17.8
TARGETS_SET_FOR_STORIES = 3000


@dataclass
class PageSizes:
    largest: Path
    largest_bytes: int
    over_limit: list[Path]


def plain_build_command() -> list[str]:
    """Stock Pelican, then Pagefind on its output (run in the plain project). Pelican's own
    time is said as our builds say theirs ("Pages ready in"), before Pagefind runs."""
    pelican = [
        sys.executable,
        "-m",
        "pelican",
        "--settings",
        "pelicanconf.py",
        "--output",
        "output",
        "--quiet",
    ]
    pagefind = [sys.executable, "-m", "pagefind", "--site", "output", "--quiet"]
    said = "printf 'Pages ready in %d.%03d s\\n' $((ms / 1000)) $((ms % 1000))"
    return [
        "sh",
        "-c",
        f"t0=$(date +%s%N) && {shlex.join(pelican)} && t1=$(date +%s%N) && "
        f"ms=$(( (t1 - t0) / 1000000 )) && {said} && {shlex.join(pagefind)}",
    ]


def page_sizes(output: Path) -> PageSizes:
    """The largest HTML page of a build and the pages over PAGE_LIMIT_KB."""
    sizes = {path: path.stat().st_size for path in sorted(output.rglob("*.html"))}
    largest = max(sizes, key=sizes.get)
    over = [path for path, size in sizes.items() if size > PAGE_LIMIT_KB * 1000]
    return PageSizes(largest.relative_to(output), sizes[largest], [p.relative_to(output) for p in over])


def median(runs: list[Run]) -> Run:
    ready = [r.pages_ready for r in runs if r.pages_ready is not None]
    changed = [r.files_changed for r in runs if r.files_changed is not None]
    return Run(
        statistics.median(r.seconds for r in runs),
        max(r.peak_mb for r in runs),
        statistics.median(ready) if ready else None,
        max(changed) if changed else None,
        runs[-1].search,
    )


def preview_edits(project: Path, runs: int) -> list[float]:
    """Seconds from saving a story to the preview serving it (make devserver)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base, story = f"http://127.0.0.1:{port}", project / "content" / "stories" / "story-0002.md"
    log = (project / "devserver.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "brandsite.preview.devserver",
            "--settings",
            "benchconf.py",
            "--port",
            str(port),
        ],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=BUILD_ENV,
    )
    seconds = []
    original = story.read_text(encoding="utf-8")
    try:
        wait_for(lambda: first_build_recorded(fetch(base + STATE)), timeout=900)
        wait_for(lambda: "Rebuilt in" in (project / "devserver.log").read_text(errors="replace"), 900)
        for n in range(runs):
            marker = f"预览测试{n}-{time.time_ns()}"  # never on the page before this edit
            # One marker at a time: markers added up would make the title too long.
            shown = served_with(base, "/stories/story-0002/", marker)
            story.write_text(original.replace("title: ", f"title: {marker}", 1), encoding="utf-8")
            seconds.append(wait_for(shown, timeout=300))
            wait_for(
                lambda n=n: (
                    (project / "devserver.log").read_text(errors="replace").count("Rebuilt in") >= n + 2
                ),
                300,
            )  # the search index too, before the next edit
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
        story.write_text(original, encoding="utf-8")
    return seconds


def served_with(base: str, page: str, marker: str):
    """A test that `page` is served with `marker`, asked as the preview's pages ask: the page
    is fetched again once the build state changes (fetching it every 20 ms would take a
    share of the cores the build is using)."""
    last = [build_of(fetch(base + STATE))]

    def shown() -> bool:
        build = build_of(fetch(base + STATE))
        if build == last[0]:
            return False
        last[0] = build
        return marker in fetch(base + page)

    return shown


def build_of(state: str) -> str:
    try:
        return str(json.loads(state)["build"])
    except (ValueError, KeyError, TypeError):
        return ""


def first_build_recorded(state: str) -> bool:
    try:
        return json.loads(state)["build"] != "starting"
    except (ValueError, KeyError):
        return False


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(condition, timeout: float) -> float:
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout:
            raise SystemExit(f"waited {timeout} s in vain")
        time.sleep(0.02)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--brands", type=int, default=1000)
    parser.add_argument("--stories", type=int, default=3000)
    parser.add_argument("--licences", type=int, default=20000)
    parser.add_argument("--images", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=ROOT / ".cache" / "bench")
    args = parser.parse_args(argv)
    size = Size(args.brands, args.stories, args.licences, args.images)
    project = prepare(args.workdir.resolve(), size)
    results: dict[str, Run] = {}

    cold = []
    for _ in range(args.runs):
        clear_caches(project)
        cold.append(timed(ours(project), project))
    results["cold build (no caches)"] = median(cold)
    plain, plain_command = plain_pelican_project(project), plain_build_command()
    warm_images, plain_cold = [], []
    for _ in range(args.runs):  # in turns: the machine's speed drifts over a run
        clear_caches(project, keep_images=True)
        warm_images.append(timed(ours(project), project))
        shutil.rmtree(plain / "output", ignore_errors=True)
        shutil.rmtree(plain / "cache", ignore_errors=True)
        plain_cold.append(timed(plain_command, plain))
    results["cold build (image cache kept)"] = median(warm_images)
    pages = sum(1 for _ in (project / "output").rglob("*.html"))
    sizes = page_sizes(project / "output")
    results["no-change rebuild"] = median([timed(ours(project), project) for _ in range(args.runs)])

    story = project / "content" / "stories" / "story-0001.md"
    brand = project / "brands" / "brand-0001" / "index.md"
    edits = []
    for n in range(args.runs):
        with story.open("a", encoding="utf-8") as f:
            f.write(f"\n编辑第{n}次。\n")
        edits.append(timed(ours(project), project))
    results["edit one story"] = median(edits)
    edits = []
    for n in range(args.runs):
        text = brand.read_text(encoding="utf-8")
        brand.write_text(text.replace("summary: ", f"summary: 第{n}次修改，", 1), encoding="utf-8")
        edits.append(timed(ours(project), project))
    results["edit one brand"] = median(edits)
    added = []
    for n in range(args.runs):
        new = project / "brands" / f"brand-new-{n}"
        new.mkdir(exist_ok=True)
        (new / "index.md").write_text(
            f'---\nname: 新品牌{n}\ncategory: agricultural\nregion: "650000"\nowner: 新协会\n'
            f"summary: 新登记的品牌。\nregistered: 2026-11-01\n---\n新品牌正文。\n",
            encoding="utf-8",
        )
        added.append(timed(ours(project), project))
    results["add one brand"] = median(added)
    for n in range(args.runs):
        shutil.rmtree(project / "brands" / f"brand-new-{n}", ignore_errors=True)
    preview = preview_edits(project, args.runs)

    plain_warm = median([timed(plain_command, plain) for _ in range(args.runs)])

    print(
        f"\nregistry: {size.brands} brands, {size.regions} regions, {size.stories} stories, "
        f"{size.licences} licences, {size.images} photos; {pages} HTML pages; medians of {args.runs}"
    )
    print(f"{'step':32} {'seconds':>9} {'pages ready':>12} {'files written':>14} {'peak MB':>9}")
    for name, run in results.items():
        ready = "-" if run.pages_ready is None else f"{run.pages_ready:.2f}"
        written = "-" if run.files_changed is None else str(run.files_changed)
        print(f"{name:32} {run.seconds:9.2f} {ready:>12} {written:>14} {run.peak_mb:9.0f}")
    plain_cold_run = median(plain_cold)
    for name, run in (
        ("plain Pelican + Pagefind, cold", plain_cold_run),
        ("plain, cached rebuild", plain_warm),
    ):
        ready = "-" if run.pages_ready is None else f"{run.pages_ready:.2f}"
        print(f"{name:32} {run.seconds:9.2f} {ready:>12} {'':>14} {run.peak_mb:9.0f}")
    print("\nsearch index, as each step's build said (the partitions it indexed again):")
    for name, run in results.items():
        print(f"  {name}: {run.search or '-'}")
    print(
        f"\npreview (make devserver): story saved -> new page served: median "
        f"{statistics.median(preview):.2f} s, max {max(preview):.2f} s (target <= 2 s)"
    )
    print(
        "'pages ready': the changed pages written, before the search index is made (for "
        "plain Pelican + Pagefind: Pelican's own time); "
        "'files written': files new or changed (the others keep their inode and mtime); "
        "'peak MB': the largest process of the build (GNU time)"
    )
    targets = [
        ("edit one story", 3.0),
        ("edit one brand", 3.0),
        ("no-change rebuild", 1.0),
    ]
    print()
    for name, limit in targets:
        run = results[name]
        verdict = "ok" if run.seconds <= limit else "MISSED"
        print(f"{name}: {run.seconds:.2f} s (target <= {limit:g} s) {verdict}")
    if plain_cold_run.pages_ready and size.stories == TARGETS_SET_FOR_STORIES:
        slower = plain_cold_run.pages_ready / TARGETS_SET_AT_PELICAN_S
        scaled = ", ".join(
            f"{label} {seconds / slower:.2f} s"
            for label, seconds in (
                ("story edit", results["edit one story"].seconds),
                ("brand edit", results["edit one brand"].seconds),
                ("preview", statistics.median(preview)),
            )
        )
        print(
            f"  (the machine now: plain Pelican alone {plain_cold_run.pages_ready:.1f} s, "
            f"{slower:.2f}x its {TARGETS_SET_AT_PELICAN_S} s when the targets were set; "
            f"at that speed: {scaled})"
        )
    warm = results["cold build (image cache kept)"]
    ratio = warm.seconds / plain_cold_run.seconds
    print(
        f"cold build, image cache kept / plain Pelican + Pagefind: {ratio:.2f}x "
        f"(target <= 1.5x) {'ok' if ratio <= 1.5 else 'MISSED'}"
    )
    peak = max(run.peak_mb for run in results.values())
    print(f"peak RSS of any build: {peak:.0f} MB (target < 1024 MB) {'ok' if peak < 1024 else 'MISSED'}")
    cold_run = results["cold build (no caches)"]
    print(f"pages per second, cold: {pages / cold_run.seconds:.0f}")
    print(
        f"largest HTML page: {sizes.largest_bytes / 1000:.0f} KB ({sizes.largest}); "
        f"pages over {PAGE_LIMIT_KB} KB: {len(sizes.over_limit)} (target 0)"
    )
    for path in sizes.over_limit[:10]:
        print(f"  over {PAGE_LIMIT_KB} KB: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
