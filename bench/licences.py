#!/usr/bin/env python3
"""Benchmark the licence check and open data at scale.

    .venv/bin/python bench/licences.py [--licences 50000] [--brands 400] [--keep DIR]

Writes a deterministic registry (the sample _registry.yaml, N brands whose
licences are in licensees.csv) into a temporary folder, loads it as the build
does, then runs the build's data step (registry_data.files: licence shards and
open data). Prints the largest shard one licence check downloads, gzipped
(target: under 8 KB), and how long each step took.
"""

from __future__ import annotations

import argparse
import gzip
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from brandsite.brand_pages.urls import SITE_URLS, data_url_for, url_for
from brandsite.brand_registry import Paths, load_site
from brandsite.brand_registry.issues import errors
from brandsite.brand_registry.open_data import Links
from brandsite.registry_data.files import DataFiles, write_licence_shards, write_open_data

ROOT = Path(__file__).resolve().parent.parent

SEED = 20261126
PLACES = [
    "库尔勒",
    "阿克苏",
    "哈密",
    "吐鲁番",
    "和田",
    "喀什",
    "伊犁",
    "昌吉",
    "奇台",
    "温宿",
    "轮台",
    "博湖",
    "鄯善",
    "察布查尔",
    "阿图什",
]
TRADES = [
    "果业",
    "农业发展",
    "食品",
    "农产品",
    "生物科技",
    "商贸",
    "果蔬",
    "纺织",
    "工艺品",
    "旅游服务",
    "餐饮管理",
]
FORMS = ["有限公司", "有限责任公司", "农民专业合作社", "股份有限公司"]
PRODUCTS = [
    "鲜果",
    "果干",
    "果汁",
    "礼盒",
    "坚果",
    "面粉",
    "挂面",
    "精油",
    "棉纱",
    "面料",
    "地毯",
    "住宿服务",
    "餐饮服务",
]
REGIONS = ["650102", "650402", "650421", "650502", "652301", "652325", "652801", "652822", "652829"]
CATEGORIES = ["agricultural", "industrial", "service"]


def brand_code(n: int) -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return "".join(letters[(n // len(letters) ** i) % len(letters)] for i in (2, 1, 0))


def write_registry(target: Path, licences: int, brands: int) -> None:
    """A registry of `brands` brands sharing `licences` licences, the same every run."""
    rng = random.Random(SEED)
    (target / "brands").mkdir(parents=True)
    (target / "content" / "stories").mkdir(parents=True)
    shutil.copyfile(ROOT / "brands" / "_registry.yaml", target / "brands" / "_registry.yaml")
    per_brand = [licences // brands + (1 if i < licences % brands else 0) for i in range(brands)]
    for index, count in enumerate(per_brand):
        code = brand_code(index)
        slug = f"brand-{index:04d}"
        status = "suspended" if index % 37 == 5 else "revoked" if index % 53 == 7 else "active"
        registered = date(2018, 1, 1) + timedelta(days=rng.randrange(2500))
        bundle = target / "brands" / slug
        bundle.mkdir()
        (bundle / "index.md").write_text(
            "---\n"
            f"name: {rng.choice(PLACES)}{rng.choice(PRODUCTS)}{index}\n"
            f"category: {CATEGORIES[index % 3]}\n"
            f'region: "{REGIONS[index % len(REGIONS)]}"\n'
            f"owner: {rng.choice(PLACES)}{rng.choice(TRADES)}协会\n"
            f"summary: 基准测试生成的品牌 {index}。\n"
            f"status: {status}\n"
            f"registered: {registered.isoformat()}\n"
            "---\n品牌介绍。\n",
            encoding="utf-8",
        )
        rows = ["name,license,valid_from,valid_to,products"]
        for seq in range(count):
            start = date(2019, 1, 1) + timedelta(days=rng.randrange(3000))
            end = start + timedelta(days=365 * rng.randint(1, 6))
            name = f"{rng.choice(PLACES)}{rng.choice(PLACES)}{rng.choice(TRADES)}{rng.choice(FORMS)}"
            products = ";".join(rng.sample(PRODUCTS, rng.randint(1, 3)))
            rows.append(f"{name}{seq},XJ-{code}-{start.year}-{seq + 1:05d},{start},{end},{products}")
        (bundle / "licensees.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--licences", type=int, default=50_000)
    parser.add_argument("--brands", type=int, default=400)
    parser.add_argument("--keep", type=Path, help="write into this (new) folder and keep it")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-licences-"))
    try:
        started = time.perf_counter()
        write_registry(work, args.licences, args.brands)
        generated = time.perf_counter()
        site, issues = load_site(Paths.under(work))
        loaded = time.perf_counter()
        if errors(issues):  # warnings (e.g. brands without a cover image) do not matter here
            print("\n".join(str(i) for i in errors(issues)[:10]), file=sys.stderr)
            return 1
        brands = list(site.brands.values())
        output = work / "output"
        bits, _version = write_licence_shards(DataFiles(output), brands)
        sharded = time.perf_counter()
        write_open_data(
            DataFiles(output), brands, site.registry, lambda b: Links(page=url_for(b), data=data_url_for(b))
        )
        finished = time.perf_counter()

        shards = sorted((output / SITE_URLS["verify_shards"]).glob("*.json"))
        raw = [p.stat().st_size for p in shards]
        zipped = [len(gzip.compress(p.read_bytes(), mtime=0)) for p in shards]
        largest = max(range(len(shards)), key=zipped.__getitem__)
        total = sum(len(b.licensees) for b in brands)
        print(f"registry: {len(brands)} brands, {total} licences")
        print(f"shards: {len(shards)} ({bits} hash bits), {total / len(shards):.1f} licences each on average")
        print(
            f"largest shard: {shards[largest].name}, {raw[largest]} bytes, "
            f"{zipped[largest]} bytes gzipped (target < 8192) -> "
            f"{'OK' if zipped[largest] < 8192 else 'TOO BIG'}"
        )
        print(f"median shard: {int(statistics.median(zipped))} bytes gzipped")
        for name in ("brands_json", "brands_csv", "licensees_csv"):
            print(f"{SITE_URLS[name]}: {(output / SITE_URLS[name]).stat().st_size} bytes")
        print(
            f"time: generate {generated - started:.2f} s, load + validate {loaded - generated:.2f} s, "
            f"data step {finished - loaded:.2f} s "
            f"(licence shards {sharded - loaded:.2f} s, open data {finished - sharded:.2f} s)"
        )
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
