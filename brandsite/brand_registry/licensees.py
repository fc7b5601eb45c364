"""Licensees, from a brand's YAML list or its `licensees.csv`, checked alike."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path
from typing import Any

from .attention import expires_soon
from .content_model import CSV_HEADER, CSV_SEPARATORS, LICENSEE, required
from .fields import Fields
from .frontmatter import FrontMatterError, read_text
from .issues import Issue, shortened
from .messages import joined, label, msg
from .model import Licensee
from .uscc import uscc_problem

COLUMNS = tuple(LICENSEE)
REQUIRED = required(LICENSEE)
PRODUCT_SEPARATORS = re.compile(f"[{re.escape(CSV_SEPARATORS)}]")
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000  # licensee rows of one brand: a page, and a table, people can still use


def read_licensee(item: Fields, source: str, as_of: date | None = None) -> Licensee | None:
    """One licensee from YAML or a CSV row, checked the same way."""
    name = item.text("name")
    license_number = item.text("license")
    valid_from = item.date("valid_from")
    valid_to = item.date("valid_to")
    products = item.text_list("products")
    uscc = item.text("uscc")
    problem = uscc_problem(uscc) if uscc else None
    if problem:
        item.error("uscc", problem)
    if valid_from and valid_to and valid_to < valid_from:
        item.error(
            "valid_to", msg("before", value=valid_to, other=label("valid_from"), other_value=valid_from)
        )
        return None
    when = expires_soon(valid_to, as_of)
    if when and license_number:
        item.warn(
            "valid_to",
            msg("licence_expires_soon", license=license_number, name=name, day=valid_to, when=when),
        )
    if name and license_number and valid_from and valid_to:
        return Licensee(
            name, license_number, valid_from, valid_to, tuple(products), source, "" if problem else uscc
        )
    return None


def load_licensees_csv(
    path: Path, shown: str, issues: list[Issue], as_of: date | None = None
) -> list[Licensee]:
    """Every valid row; each bad cell is an Issue naming its line in the file."""
    try:
        text = read_text(path, MAX_BYTES)
    except FrontMatterError as exc:
        issues.append(Issue(shown, exc.line, "", exc.message))
        return []
    rows = _rows(text, shown, issues)
    if rows is None:
        return []
    if not rows:
        issues.append(Issue(shown, 1, "", msg("empty_csv", columns=",".join(CSV_HEADER))))
        return []
    header = [cell.strip() for cell in rows[0][1]]
    missing = [column for column in REQUIRED if column not in header]
    unknown = [column for column in header if column not in COLUMNS]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(msg("missing_columns", columns=", ".join(missing)))
        if unknown:
            parts.append(msg("unknown_columns", columns=", ".join(shortened(u, 40) for u in unknown)))
        issues.append(
            Issue(shown, 1, "header", msg("csv_header", problems=joined(parts), columns=",".join(CSV_HEADER)))
        )
        return []
    licensees = []
    for line, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            issues.append(Issue(shown, line, "", msg("row_too_long", cells=len(row), columns=len(header))))
            continue
        data: dict[str, Any] = dict(zip(header, row, strict=False))  # a short row: last columns empty
        data["products"] = [
            p.strip() for p in PRODUCT_SEPARATORS.split(data.get("products", "")) if p.strip()
        ]
        fields = Fields(data, shown, issues, line_offset=line, spec=LICENSEE)
        licensee = read_licensee(fields, f"{shown}:{line}", as_of)
        if licensee:
            licensees.append(licensee)
    return licensees


def _rows(text: str, shown: str, issues: list[Issue]) -> list[tuple[int, list[str]]] | None:
    """(line, cells) of each record (records may span lines); None after an Issue."""
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            if len(rows) > MAX_ROWS:
                issues.append(Issue(shown, start, "", msg("too_many_rows", limit=MAX_ROWS)))
                return None
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        issues.append(Issue(shown, reader.line_num, "", msg("bad_csv", problem=exc)))
        return None
    return rows
