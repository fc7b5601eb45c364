"""The published cases as open data: data/cases.json, data/cases.csv and case.schema.json.

Only cases in their publication period reach these functions (Site.published_cases),
and an individual's name is already masked in every text (case_file.masked).
Output is deterministic: the caller gives the cases in their page order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .content_model import CASE
from .model import Brand, Case, Registry
from .schema import DATE, DEFS, NAMED, OPTIONAL_TEXT, REGION_CODE, _object

CASE_COLUMNS = (
    "slug",
    "title",
    "date",
    "decided",
    "authority",
    "document",
    "party",
    "party_kind",
    "region_code",
    "region_name",
    "violations",
    "legal_basis",
    "penalty",
    "brand_slugs",
    "unpublish_after",
    "url",
)
LIST_SEPARATOR = "；"  # between the items of a list in one CSV cell
CASE_DESCRIPTION = (
    "One exposed quality violation case, as published in data/cases.json while its publication "
    "period lasts: after unpublish_after it is left out of every file. An individual party's "
    "name is masked (surname followed by 某 for each other character) in every text."
)


def case_record(
    case: Case,
    registry: Registry,
    brands: dict[str, Brand],
    page: str,
    brand_url: Callable[[Brand], str],
) -> dict:
    """One case as published (see case.schema.json)."""
    region = registry.regions[case.region]
    return {
        "slug": case.slug,
        "title": case.title,
        "date": case.date.isoformat(),
        "decided": case.decided.isoformat(),
        "authority": case.authority,
        "document": case.document or None,
        "party": case.party,
        "party_kind": case.party_kind,
        "region": {"code": region.code, "name": region.name, "name_en": region.name_en or None},
        "violations": list(case.violations),
        "legal_basis": list(case.legal_basis),
        "penalty": case.penalty,
        "brands": [
            {"slug": slug, "name": brands[slug].name, "url": brand_url(brands[slug])}
            for slug in case.brands
            if slug in brands
        ],
        "unpublish_after": case.unpublish_after.isoformat(),
        "facts": case.body.strip() or None,
        "url": page,
    }


def case_row(record: dict) -> dict:
    """One CSV row of a case record."""
    return {
        **{name: record[name] for name in CASE_COLUMNS if name in record},
        "region_code": record["region"]["code"],
        "region_name": record["region"]["name"],
        "violations": LIST_SEPARATOR.join(record["violations"]),
        "legal_basis": LIST_SEPARATOR.join(record["legal_basis"]),
        "brand_slugs": " ".join(b["slug"] for b in record["brands"]),
    }


def case_schema() -> dict[str, Any]:
    """The schema of a case record (case_record), choices from the content model."""
    texts = {"type": "array", "items": {"type": "string", "minLength": 1}}
    brand = _object({"slug": {"type": "string"}, "name": {"type": "string"}, "url": {"type": "string"}})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Exposed violation case record",
        "description": CASE_DESCRIPTION,
        **_object(
            {
                "slug": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                "title": {"type": "string", "minLength": 1},
                "date": DATE,
                "decided": DATE,
                "authority": {"type": "string", "minLength": 1},
                "document": OPTIONAL_TEXT,
                "party": {"type": "string", "minLength": 1, "description": "An individual's is masked"},
                "party_kind": {"enum": list(CASE["party_kind"].choices)},
                "region": _object({"code": REGION_CODE, **NAMED}),
                "violations": {**texts, "minItems": 1},
                "legal_basis": texts,
                "penalty": {"type": "string", "minLength": 1},
                "brands": {"type": "array", "items": brand, "description": "Brands whose mark was misused"},
                "unpublish_after": {**DATE, "description": "The last day the case is published"},
                "facts": {**OPTIONAL_TEXT, "description": "The facts of the case, Markdown"},
                "url": {"type": "string", "description": "The case's page"},
            }
        ),
        "$defs": DEFS,
    }
