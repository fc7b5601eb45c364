"""The registry as open data: one record per brand, and CSV tables.

Links come from the caller (`Links`), so this module knows nothing of the
site's URL scheme. Output is deterministic: records, rows and keys are sorted,
and nothing depends on the day of the build.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .model import AwardList, Brand, Registry
from .standards import CitedStandard

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

BRAND_COLUMNS = (
    "slug",
    "name",
    "name_en",
    "status",
    "category",
    "category_name",
    "region_code",
    "region_name",
    "region_path",
    "owner",
    "summary",
    "registered",
    "updated",
    "certifications",
    "standards",
    "awards",
    "licences",
    "url",
    "data_url",
)
LICENSEE_COLUMNS = (
    "license",
    "enterprise",
    "products",
    "valid_from",
    "valid_to",
    "brand_slug",
    "brand_name",
    "brand_status",
    "brand_url",
)


AWARD_COLUMNS = (
    "program",
    "program_name",
    "edition",
    "year",
    "stage",
    "tier",
    "name",
    "kind",
    "region_code",
    "region_name",
    "industry",
    "uscc",
    "brand_slug",
    "brand_name",
    "brand_url",
    "citation",
    "decision_document",
    "decision_date",
    "url",
)


@dataclass(frozen=True)
class Links:
    """Where a brand's page, data and pictures are (absolute, or relative to the site root)."""

    page: str
    data: str
    logo: str | None = None
    cover: str | None = None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _text(value: str) -> str | None:
    return value or None


def _named(obj) -> dict:
    return {"name": obj.name, "name_en": _text(obj.name_en)}


def brand_record(brand: Brand, registry: Registry, links: Links) -> dict:
    """Everything the registry says about a brand (see brand.schema.json)."""
    category = registry.categories[brand.category]
    chain = [{"code": r.code, **_named(r)} for r in registry.region_chain(brand.region)]
    region = registry.regions[brand.region]
    awards = []
    for award in brand.awards:
        program = registry.award_programs[award.program]
        edition = program.edition(award.edition)
        awards.append(
            {
                "program": program.id,
                "program_name": program.name,
                "program_name_en": _text(program.name_en),
                "edition": award.edition,
                "year": edition.year if edition else None,
                "recipient": _text(award.recipient),
            }
        )
    return {
        "slug": brand.slug,
        "name": brand.name,
        "name_en": _text(brand.name_en),
        "status": brand.status,
        "owner": brand.owner,
        "summary": brand.summary,
        "registered": _iso(brand.registered),
        "updated": _iso(brand.updated),
        "category": {"id": category.id, **_named(category)},
        "region": {"code": region.code, **_named(region), "chain": chain},
        "certifications": [
            {
                "type": c.type,
                "type_name": registry.certification_types[c.type].name,
                "type_name_en": _text(registry.certification_types[c.type].name_en),
                "number": c.number,
                "issuer": c.issuer,
                "issued": _iso(c.issued),
                "expires": _iso(c.expires),
            }
            for c in brand.certifications
        ],
        "standards": [{"code": s.code, "title": _text(s.title)} for s in brand.standards],
        "awards": awards,
        "licensees": [
            {
                "license": lic.license,
                "name": lic.name,
                "products": list(lic.products),
                "valid_from": _iso(lic.valid_from),
                "valid_to": _iso(lic.valid_to),
            }
            for lic in sorted(brand.licensees, key=lambda lic: lic.license)
        ],
        "contact": {
            key: _text(getattr(brand.contact, key)) for key in ("website", "phone", "email", "address")
        },
        "tags": list(brand.tags),
        "url": links.page,
        "data_url": links.data,
        "logo": links.logo,
        "cover": links.cover,
    }


def brand_row(record: dict) -> dict:
    """A brand record flattened to one CSV row."""
    return {
        "slug": record["slug"],
        "name": record["name"],
        "name_en": record["name_en"],
        "status": record["status"],
        "category": record["category"]["id"],
        "category_name": record["category"]["name"],
        "region_code": record["region"]["code"],
        "region_name": record["region"]["name"],
        "region_path": " / ".join(r["name"] for r in record["region"]["chain"]),
        "owner": record["owner"],
        "summary": record["summary"],
        "registered": record["registered"],
        "updated": record["updated"],
        "certifications": "; ".join(f"{c['type']}:{c['number']}" for c in record["certifications"]),
        "standards": "; ".join(s["code"] for s in record["standards"]),
        "awards": "; ".join(f"{a['program']}:{a['edition']}" for a in record["awards"]),
        "licences": len(record["licensees"]),
        "url": record["url"],
        "data_url": record["data_url"],
    }


def licensee_rows(record: dict) -> list[dict]:
    """One CSV row per licence of a brand record."""
    return [
        {
            "license": lic["license"],
            "enterprise": lic["name"],
            "products": "; ".join(lic["products"]),
            "valid_from": lic["valid_from"],
            "valid_to": lic["valid_to"],
            "brand_slug": record["slug"],
            "brand_name": record["name"],
            "brand_status": record["status"],
            "brand_url": record["url"],
        }
        for lic in record["licensees"]
    ]


def award_record(
    found: AwardList,
    registry: Registry,
    brands: dict[str, Brand],
    page: str,
    brand_url: Callable[[Brand], str],
) -> dict:
    """One edition's list as published (see award.schema.json); an individual has no USCC."""
    program = registry.award_programs[found.program]
    edition = program.edition(found.edition)
    notice, decision = found.notice, found.decision
    return {
        "program": program.id,
        "program_name": program.name,
        "program_name_en": _text(program.name_en),
        "edition": found.edition,
        "year": edition.year if edition else None,
        "stage": found.stage,
        "notice": None
        if notice is None
        else {
            "published": _iso(notice.published),
            "objections_until": _iso(notice.objections_until),
            "office": notice.office,
            "phone": _text(notice.phone),
            "address": _text(notice.address),
            "email": _text(notice.email),
        },
        "decision": None
        if decision is None
        else {"document": decision.document, "date": _iso(decision.date)},
        "winners": [_winner(w, registry, brands, brand_url) for w in found.winners],
        "url": page,
    }


def _winner(winner, registry: Registry, brands: dict[str, Brand], brand_url) -> dict:
    region = registry.regions[winner.region]
    brand = brands.get(winner.brand) if winner.brand else None
    return {
        "name": winner.name,
        "tier": winner.tier,
        "kind": winner.kind,
        "region": {"code": region.code, **_named(region)},
        "industry": _text(winner.industry),
        "uscc": _text(winner.uscc) if winner.kind == "organization" else None,
        "brand": None if brand is None else {"slug": brand.slug, "name": brand.name, "url": brand_url(brand)},
        "citation": _text(winner.citation),
    }


def award_rows(record: dict) -> list[dict]:
    """One CSV row per winner of an edition record."""
    decision = record["decision"] or {}
    return [
        {
            "program": record["program"],
            "program_name": record["program_name"],
            "edition": record["edition"],
            "year": record["year"],
            "stage": record["stage"],
            "tier": w["tier"],
            "name": w["name"],
            "kind": w["kind"],
            "region_code": w["region"]["code"],
            "region_name": w["region"]["name"],
            "industry": w["industry"],
            "uscc": w["uscc"],
            "brand_slug": w["brand"]["slug"] if w["brand"] else None,
            "brand_name": w["brand"]["name"] if w["brand"] else None,
            "brand_url": w["brand"]["url"] if w["brand"] else None,
            "citation": w["citation"],
            "decision_document": decision.get("document"),
            "decision_date": decision.get("date"),
            "url": record["url"],
        }
        for w in record["winners"]
    ]


def neutralize(cell) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(columns: tuple[str, ...], rows: list[dict]) -> str:
    """CSV with a byte order mark (so Excel reads UTF-8) and CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralize(row[column]) for column in columns])
    return "\ufeff" + buffer.getvalue()


def standard_record(
    standard: CitedStandard, url: str, brands: dict[str, Brand], brand_url: Callable[[Brand], str]
) -> dict:
    """A standard the registry cites: its code (one form), kind, titles and the brands citing it."""
    return {
        "code": standard.code,
        "kind": _text(standard.kind),
        "title": _text(standard.title),
        "title_en": _text(standard.title_en),
        "url": url,
        "brands": [
            {"slug": slug, "name": brands[slug].name, "url": brand_url(brands[slug])}
            for slug in standard.brands
        ],
    }
