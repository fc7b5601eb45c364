"""Write the data files: licence shards and open data. No Pelican here, so the
benchmark (bench/licences.py) times exactly what the build runs."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from brandsite.brand_pages.urls import SITE_URLS, data_url_for, url_for
from brandsite.brand_registry import open_data
from brandsite.brand_registry.case_data import CASE_COLUMNS, case_record, case_row, case_schema
from brandsite.brand_registry.jsonsafe import dumps
from brandsite.brand_registry.licence_index import licence_shards, uscc_shards
from brandsite.brand_registry.model import AwardList, Brand, Case, Registry
from brandsite.brand_registry.schema import award_schema
from brandsite.brand_registry.standards import CitedStandard
from brandsite.incremental.unchanged import write_or_link

SCHEMA_FILE = Path(open_data.__file__).with_name("brand.schema.json")


class DataFiles:
    """Writes this build's data files under `output` and remembers their names.

    A file whose bytes the last build's output (`previous`) holds under the same
    name is linked from there instead: it keeps its mtime, and linking is
    cheaper than writing.
    """

    def __init__(self, output: Path, previous: Path | None = None):
        self.output, self.previous = Path(output), previous
        self.names: list[str] = []

    def write(self, name: str, text: str) -> None:
        """`text` as UTF-8, line ends as given."""
        twin = None if self.previous is None else str(self.previous / name)
        write_or_link(str(self.output / name), text.encode("utf-8"), twin)
        self.names.append(name)


def write_licence_shards(files: DataFiles, brands: list[Brand]) -> tuple[int, str]:
    """Every shard of the licence check; returns (bits, data version)."""
    return _write_shards(files, licence_shards(brands, url_for), SITE_URLS["verify_shards"])


def write_uscc_shards(files: DataFiles, brands: list[Brand]) -> tuple[int, str]:
    """Every shard of the lookup by unified social credit code; returns (bits, data version)."""
    return _write_shards(files, uscc_shards(brands, url_for), SITE_URLS["verify_uscc_shards"])


def _write_shards(files: DataFiles, made: tuple[int, dict], folder: str) -> tuple[int, str]:
    bits, shards = made
    texts = {name: dumps(shard) for name, shard in shards.items()}
    for name, text in texts.items():
        files.write(f"{folder}{name}.json", text)
    return bits, digest(texts)


def write_brand_files(
    files: DataFiles,
    brands: list[Brand],
    registry: Registry,
    links_of: Callable[[Brand], open_data.Links],
    linked: Callable[[Brand, str], bool] | None = None,
    records: bool = True,
) -> list[tuple[dict, str]]:
    """One JSON per brand; with `records`, returns each brand's record and JSON text.

    `linked(brand, name)` may put the last build's file for the brand in place
    (its inputs unchanged): then its record is read back from that file rather
    than made again.
    """
    made = []
    for brand in brands:
        name = data_url_for(brand)
        if linked is not None and linked(brand, name):
            if records:
                text = (files.output / name).read_text(encoding="utf-8").removesuffix("\n")
                made.append((json.loads(text), text))
            continue
        record = open_data.brand_record(brand, registry, links_of(brand))
        text = dumps(record, indent=1)
        files.write(name, text + "\n")
        made.append((record, text))
    return made


def write_open_data(
    files: DataFiles,
    brands: list[Brand],
    registry: Registry,
    links_of: Callable[[Brand], open_data.Links],
    linked: Callable[[Brand, str], bool] | None = None,
) -> list[dict]:
    """brands.json, one JSON per brand, the two CSV tables and the schema; returns the records."""
    made = write_brand_files(files, brands, registry, links_of, linked)
    records = [record for record, _text in made]
    files.write(SITE_URLS["brands_json"], listed("brands", [text for _record, text in made]) + "\n")
    files.write(
        SITE_URLS["brands_csv"],
        open_data.csv_text(open_data.BRAND_COLUMNS, [open_data.brand_row(r) for r in records]),
    )
    files.write(
        SITE_URLS["licensees_csv"],
        open_data.csv_text(
            open_data.LICENSEE_COLUMNS, [row for r in records for row in open_data.licensee_rows(r)]
        ),
    )
    files.write(SITE_URLS["schema"], SCHEMA_FILE.read_text(encoding="utf-8"))
    return records


def write_standard_data(
    files: DataFiles, standards: list[CitedStandard], brands: dict[str, Brand], absolute: Callable[[str], str]
) -> None:
    """standards.json: every standard a brand cites, with the brands citing it."""
    records = [
        open_data.standard_record(s, absolute(url_for(s)), brands, lambda brand: absolute(url_for(brand)))
        for s in standards
    ]
    files.write(SITE_URLS["standards_json"], dumps({"standards": records}, indent=1) + "\n")


def write_award_data(
    files: DataFiles,
    award_lists: list[AwardList],
    registry: Registry,
    brands: dict[str, Brand],
    absolute: Callable[[str], str],
) -> list[dict]:
    """awards.json, award-winners.csv and award.schema.json; returns the edition records."""
    records = [
        open_data.award_record(
            found,
            registry,
            brands,
            absolute(url_for(registry.award_programs[found.program], found.edition)),
            lambda brand: absolute(url_for(brand)),
        )
        for found in award_lists
    ]
    files.write(SITE_URLS["awards_json"], dumps({"editions": records}, indent=1) + "\n")
    rows = [row for record in records for row in open_data.award_rows(record)]
    files.write(SITE_URLS["awards_csv"], open_data.csv_text(open_data.AWARD_COLUMNS, rows))
    files.write(SITE_URLS["award_schema"], json.dumps(award_schema(), ensure_ascii=False, indent=2) + "\n")
    return records


def write_case_data(
    files: DataFiles,
    cases: list[Case],
    registry: Registry,
    brands: dict[str, Brand],
    absolute: Callable[[str], str],
) -> list[dict]:
    """cases.json, cases.csv and case.schema.json: the cases published on the build day."""
    records = [
        case_record(case, registry, brands, absolute(url_for(case)), lambda brand: absolute(url_for(brand)))
        for case in cases
    ]
    files.write(SITE_URLS["cases_json"], dumps({"cases": records}, indent=1) + "\n")
    files.write(SITE_URLS["cases_csv"], open_data.csv_text(CASE_COLUMNS, [case_row(r) for r in records]))
    files.write(SITE_URLS["case_schema"], json.dumps(case_schema(), ensure_ascii=False, indent=2) + "\n")
    return records


def listed(key: str, texts: list[str]) -> str:
    """`dumps({key: items}, indent=1)`, put together from each item's own `dumps(item, indent=1)`
    (the items are dumped once for their own files and the list both)."""
    if not texts:
        return dumps({key: []}, indent=1)
    items = ",\n".join("  " + text.replace("\n", "\n  ") for text in texts)
    return "{\n " + dumps(key) + ": [\n" + items + "\n ]\n}"


def digest(texts: dict[str, str]) -> str:
    """A short fingerprint of the licence data, to bust browser caches when it changes."""
    hashed = hashlib.sha256()
    for name in sorted(texts):
        hashed.update(f"{name}\0{texts[name]}\0".encode())
    return hashed.hexdigest()[:12]
