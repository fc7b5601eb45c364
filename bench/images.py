"""Benchmark: our thumbnails against pelican-image-process, same corpus, one run.

    make bench-images              # 60 photos of 6-12 MP and 6 PNGs with alpha
    make bench-images COUNT=8      # a quick look while developing

Both make AVIF, WebP and a JPEG (PNG for the transparent sources) at the
site's widths. pelican-image-process runs unmodified in its own Pelican
process with Pillow's default encoder settings (AVIF quality 75, WebP 80,
JPEG 75), which are our default quality numbers for AVIF and WebP. Prints:
cold time and ratio, rebuild-with-output-deleted time and ratio, images/s
and MP/s, file sizes (and PSNR, so smaller files are not bought with worse
pictures unseen), and a whole-site build with every image cached against
the same build with image processing off.

Needs requirements-bench.txt (`make bench-images` installs it into .venv-bench/).
CPU-heavy: it takes minutes at the full count on two cores.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

from PIL import Image, ImageChops, ImageStat, features

from bench.corpus import corpus
from brandsite.thumbnails.publisher import ResponsivePublisher
from brandsite.thumbnails.settings import from_site

ROOT = Path(__file__).resolve().parent.parent

OURS_NAME = re.compile(r"^(?P<stem>.+)\.[0-9a-f]{8}\.(?P<width>\d+)w\.(?P<ext>avif|webp|jpg|png)$")
FORMAT_OF = {"avif": "AVIF", "webp": "WebP", "jpg": "JPEG", "png": "PNG"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=60, help="photos in the corpus (default 60)")
    parser.add_argument("--workdir", type=Path, default=ROOT / ".cache" / "bench")
    parser.add_argument("--site-runs", type=int, default=3, help="timed site builds of each kind")
    args = parser.parse_args(argv)
    work = args.workdir.resolve()
    print(f"Generating the corpus in {work / 'corpus'} (once per count)...", flush=True)
    sources = corpus(work / "corpus", args.count)
    settings = _our_settings(work / "ours-cache")
    _describe(sources, settings)

    ours_out = work / "ours-output"
    _clear(settings.cache_path, ours_out)
    ours_cold, ours_cold_cpu, report = _timed(lambda: _ours(sources, settings, ours_out))
    shutil.rmtree(ours_out)
    ours_again, ours_again_cpu, again = _timed(lambda: _ours(sources, settings, ours_out))
    assert again.files_made == 0 and again.decoded == 0, again.summary()

    site = _pip_site(work / "pip-site", sources, settings.widths)
    pip_cold, pip_cold_cpu, _ = _timed(lambda: _run_pelican(site))
    pip_files = _collect(site / "output")
    shutil.rmtree(site / "output")
    pip_again, pip_again_cpu, _ = _timed(lambda: _run_pelican(site))

    pixels = sum(_megapixels(path) for path in sources)
    print()
    print(f"{'':28}{'ours':>12}{'image-process':>16}{'ratio':>9}")
    print(f"{'cold':28}{ours_cold:>11.1f}s{pip_cold:>15.1f}s{pip_cold / ours_cold:>8.1f}x")
    print(
        f"{'cold, CPU time':28}{ours_cold_cpu:>11.1f}s{pip_cold_cpu:>15.1f}s"
        f"{pip_cold_cpu / ours_cold_cpu:>8.1f}x"
    )
    print(
        f"{'rebuild, output/ deleted':28}{ours_again:>11.2f}s{pip_again:>15.1f}s"
        f"{pip_again / ours_again:>8.0f}x"
    )
    print(
        f"{'rebuild, CPU time':28}{ours_again_cpu:>11.2f}s{pip_again_cpu:>15.1f}s"
        f"{pip_again_cpu / max(ours_again_cpu, 0.01):>8.0f}x"
    )
    print(f"{'images/s, cold':28}{len(sources) / ours_cold:>12.2f}{len(sources) / pip_cold:>16.2f}")
    print(f"{'MP/s, cold':28}{pixels / ours_cold:>12.1f}{pixels / pip_cold:>16.1f}")
    print(
        f"our rebuild image work: {ours_again:.2f} s = {100 * ours_again / ours_cold:.1f}% of our cold time"
        f" ({report.files_made} files made cold, {again.files_cached} cache hits on rebuild)"
    )
    _sizes(_collect(ours_out), pip_files)
    _quality(sources, _collect(ours_out), pip_files)
    _whole_site(work, sources, settings.cache_path, args.site_runs)
    return 0


def _our_settings(cache: Path):
    from pelican.settings import read_settings

    settings, problems = from_site(read_settings(str(ROOT / "pelicanconf.py")), ROOT)
    assert not problems, problems
    from dataclasses import replace

    return replace(settings, cache_path=cache)


def _describe(sources, settings) -> None:
    photos = [p for p in sources if p.suffix == ".jpg"]
    sizes = [_megapixels(p) for p in photos]
    total = sum(p.stat().st_size for p in sources) / 1e6
    print(
        f"Corpus: {len(photos)} JPEGs of {min(sizes):.1f}-{max(sizes):.1f} MP "
        f"with EXIF (orientation, GPS), {len(sources) - len(photos)} PNGs with alpha; "
        f"{sum(map(_megapixels, sources)):.0f} MP, {total:.0f} MB"
    )
    quality = settings.quality
    print(
        f"Widths {list(settings.widths)}; ours: AVIF q{quality['avif']} speed {settings.avif_speed}, "
        f"WebP q{quality['webp']} method {settings.webp_method}, JPEG q{quality['jpeg']}; "
        f"{settings.pool_size} processes on {os.cpu_count()} cores"
    )
    print(
        f"Load average before the run: {os.getloadavg()[0]:.1f} (the machine is shared; "
        "CPU times are less disturbed by other work than wall times)"
    )
    print(
        f"Pillow {Image.__version__}, libavif {features.version('avif')}, "
        f"libwebp {features.version('webp')}, libjpeg {features.version('jpg')}"
    )


def _ours(sources, settings, output: Path):
    publisher = ResponsivePublisher(settings, output)
    for path in sources:
        publisher.add(SimpleNamespace(path=path, alt=""), f"images/{path.name}")
    publisher.publish()
    return publisher.report


def _pip_site(site: Path, sources, widths) -> Path:
    """A Pelican site with one page showing every source as an image-process <picture>."""
    shutil.rmtree(site, ignore_errors=True)
    (site / "content" / "pages").mkdir(parents=True)
    images = site / "content" / "images"
    images.mkdir()
    pictures = []
    for path in sources:
        os.link(path, images / path.name)
        kind = "photo" if path.suffix == ".jpg" else "cutout"
        url = f"/images/{path.name}"
        pictures.append(
            f'<picture><source class="avif" src="{url}"><source class="webp" src="{url}">'
            f'<img class="image-process-{kind}" src="{url}" alt=""></picture>'
        )
    (site / "content" / "pages" / "bench.html").write_text(
        "<html><head><title>Bench</title></head><body>\n" + "\n".join(pictures) + "\n</body></html>\n"
    )

    def picture(fallback: str) -> dict:
        def srcset(fmt):
            return [(f"{w}w", [f"scale_in {w} 100000 False"], fmt) for w in widths]

        return {
            "type": "picture",
            "default": ("default", f"{widths[-2]}w"),
            "sources": [
                {"name": "avif", "srcset": srcset("avif"), "sizes": "100vw"},
                {"name": "webp", "srcset": srcset("webp"), "sizes": "100vw"},
                {"name": "default", "srcset": srcset(fallback), "sizes": "100vw"},
            ],
        }

    (site / "pelicanconf.py").write_text(
        'PATH = "content"\nSITEURL = ""\nSTATIC_PATHS = []\nARTICLE_PATHS = []\nPAGE_PATHS = ["pages"]\n'
        'PLUGINS = ["pelican.plugins.image_process"]\nFEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n'
        f'IMAGE_PROCESS = {{"photo": {picture("jpg")!r}, "cutout": {picture("png")!r}}}\n'
    )
    return site


def _run_pelican(site: Path) -> None:
    command = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output", "-q"]
    result = subprocess.run(command, cwd=site, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"pelican-image-process failed:\n{result.stdout}\n{result.stderr}")


def _collect(folder: Path) -> dict[tuple[str, str, int], Path]:
    """(source stem, extension, width) -> derivative file, for either tool's output."""
    found = {}
    for path in folder.rglob("*"):
        if path.suffix[1:] not in FORMAT_OF or not path.is_file():
            continue
        match = OURS_NAME.match(path.name)
        if match:
            found[(match["stem"], match["ext"], int(match["width"]))] = path
        elif "derivatives" in path.parts:  # image-process: derivatives/<kind>/<width>w/<name>
            width = next(int(p[:-1]) for p in path.parts if re.fullmatch(r"\d+w", p))
            found[(path.stem, path.suffix[1:], width)] = path
    return found


def _sizes(ours: dict, pip: dict) -> None:
    print("\nsizes (same source, format and width; like-for-like: both files the same pixel size)")
    print(f"{'':10}{'ours':>12}{'image-process':>16}{'ours/theirs':>13}{'like-for-like':>16}")
    for ext, name in FORMAT_OF.items():
        keys = [k for k in ours if k[1] == ext and k in pip]
        if not keys:
            continue
        mine, theirs = (sum(files[k].stat().st_size for k in keys) for files in (ours, pip))
        same = [k for k in keys if _dimensions(ours[k]) == _dimensions(pip[k])]
        like = sum(ours[k].stat().st_size for k in same) / max(1, sum(pip[k].stat().st_size for k in same))
        print(
            f"{name:10}{mine / 1e6:>10.3f}MB{theirs / 1e6:>14.3f}MB{mine / theirs:>13.3f}"
            f"{like:>11.3f} ({len(same)}/{len(keys)})"
        )


def _quality(sources, ours: dict, pip: dict, width: int = 640) -> None:
    """PSNR (luma) at one width against a full-decode Lanczos resize to the same size.

    Only upright landscape photos: image-process ignores EXIF orientation.
    """
    scores: dict[tuple[str, str], list[float]] = {}
    for path in sources:
        with Image.open(path) as image:
            if path.suffix != ".jpg" or image.getexif().get(0x0112, 1) != 1:
                continue
            original = image.convert("RGB")
        for ext in ("avif", "webp"):
            for tool, files in (("ours", ours), ("image-process", pip)):
                key = (path.stem, ext, width)
                if key in files:
                    with Image.open(files[key]) as derivative:
                        pixels = derivative.convert("RGB")
                    reference = original.resize(pixels.size, Image.Resampling.LANCZOS)
                    scores.setdefault((ext, tool), []).append(_psnr(reference, pixels))
    parts = [
        f"{FORMAT_OF[ext]} {tool} {statistics.mean(values):.2f} dB"
        for (ext, tool), values in sorted(scores.items())
    ]
    print(
        f"PSNR-Y at {width}w vs a full-decode Lanczos resize ({len(next(iter(scores.values()), []))} "
        f"upright photos): " + ", ".join(parts)
    )


def _whole_site(work: Path, sources, cache: Path, runs: int) -> None:
    """The sample site plus a brand whose gallery is the corpus: all cached vs processing off."""
    project = work / "site"
    shutil.rmtree(project, ignore_errors=True)
    for part in (
        "brands",
        "content",
        "theme",
        "plugins",
        "brandsite",
        "pyproject.toml",
        "translations",
        "pelicanconf.py",
        "publishconf.py",
    ):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / part)
    bundle = project / "brands" / "bench-corpus"
    bundle.mkdir()
    for path in sources:
        os.link(path, bundle / path.name)
    gallery = "".join(f"  - src: {path.name}\n    alt: 基准图片 {path.stem}\n" for path in sources)
    (bundle / "index.md").write_text(
        '---\nname: 基准品牌\ncategory: agricultural\nregion: "652901"\nowner: 基准协会\n'
        f"summary: 基准测试用的品牌。\nregistered: 2020-01-01\ngallery:\n{gallery}---\n正文。\n",
        encoding="utf-8",
    )
    (project / "off.py").write_text("from pelicanconf import *  # noqa\nTHUMBNAILS = False\n")
    env = {**os.environ, "THUMBNAIL_CACHE_PATH": str(cache), "SOURCE_DATE_EPOCH": "1795651200"}

    def build(settings: str) -> float:
        started = time.perf_counter()
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "brandsite.build.driver",
                "--settings",
                settings,
                "--output",
                str(project / "output"),
            ],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise SystemExit(f"site build failed:\n{result.stderr}")
        return time.perf_counter() - started

    build("pelicanconf.py")  # warm-up: the sample site's own images into the cache
    cached, off = [], []
    for _ in range(runs):
        shutil.rmtree(project / "output")
        cached.append(build("pelicanconf.py"))
        shutil.rmtree(project / "output")
        off.append(build("off.py"))
    cached_s, off_s = statistics.median(cached), statistics.median(off)
    print(
        f"\nwhole site ({len(sources)} corpus images + the sample site), output/ deleted before each build, "
        f"median of {runs}:"
    )
    print(
        f"every image cached {cached_s:.2f} s; image processing off {off_s:.2f} s; "
        f"ratio {cached_s / off_s:.2f}x"
    )


def _clear(*folders: Path) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def _timed(call):
    """(wall seconds, CPU seconds of this process and its finished children, call's value)."""
    started, cpu = time.perf_counter(), _cpu()
    value = call()
    return time.perf_counter() - started, _cpu() - cpu, value


def _cpu() -> float:
    return sum(
        u.ru_utime + u.ru_stime
        for u in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    )


def _megapixels(path: Path) -> float:
    with Image.open(path) as image:
        return image.width * image.height / 1e6


def _dimensions(path: Path) -> tuple[int, int]:
    with Image.open(path) as image:
        return image.size


def _psnr(a: Image.Image, b: Image.Image) -> float:
    difference = ImageChops.difference(a.convert("L"), b.convert("L"))
    mse = sum(ImageStat.Stat(difference).sum2) / (a.width * a.height)
    return 10 * math.log10(255**2 / max(mse, 1e-9))


if __name__ == "__main__":
    sys.exit(main())
