"""Write the data files: licence shards and open data. No Pelican here, so the
benchmark (bench/licences.py) times exactly what the build runs."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from brand_pages.urls import SITE_URLS, data_url_for, url_for
from brand_registry import open_data
from brand_registry.jsonsafe import dumps
from brand_registry.licence_index import licence_shards
from brand_registry.model import Brand, Registry

SCHEMA_FILE = Path(open_data.__file__).with_name("brand.schema.json")


def write_text(output: Path, name: str, text: str) -> Path:
    """Write `text` as UTF-8 under `output`, line ends as given."""
    target = Path(output) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8", newline="") as file:
        file.write(text)
    return target


def write_licence_shards(output: Path, brands: list[Brand]) -> tuple[int, str]:
    """Every shard of the licence check; returns (bits, data version)."""
    bits, shards = licence_shards(brands, url_for)
    texts = {name: dumps(shard) for name, shard in shards.items()}
    for name, text in texts.items():
        write_text(output, f"{SITE_URLS['verify_shards']}{name}.json", text)
    return bits, digest(texts)


def write_open_data(output: Path, brands: list[Brand], registry: Registry,
                    links_of: Callable[[Brand], open_data.Links]) -> list[dict]:
    """brands.json, one JSON per brand, the two CSV tables and the schema; returns the records."""
    records = [open_data.brand_record(brand, registry, links_of(brand)) for brand in brands]
    write_text(output, SITE_URLS["brands_json"], dumps({"brands": records}, indent=1) + "\n")
    for brand, record in zip(brands, records):
        write_text(output, data_url_for(brand), dumps(record, indent=1) + "\n")
    write_text(output, SITE_URLS["brands_csv"], open_data.csv_text(
        open_data.BRAND_COLUMNS, [open_data.brand_row(r) for r in records]))
    write_text(output, SITE_URLS["licensees_csv"], open_data.csv_text(
        open_data.LICENSEE_COLUMNS, [row for r in records for row in open_data.licensee_rows(r)]))
    write_text(output, SITE_URLS["schema"], SCHEMA_FILE.read_text(encoding="utf-8"))
    return records


def digest(texts: dict[str, str]) -> str:
    """A short fingerprint of the licence data, to bust browser caches when it changes."""
    hashed = hashlib.sha256()
    for name in sorted(texts):
        hashed.update(f"{name}\0{texts[name]}\0".encode())
    return hashed.hexdigest()[:12]
