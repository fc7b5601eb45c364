"""brand.schema.json, the JSON Schema of an open-data brand record, made from the content model.

A record (open_data.brand_record) holds a brand's published fields, registry ids
resolved to their names, and what the build adds (slug, url, data_url). The
committed file must equal `brand_schema()` (tests/brand_registry/test_content_model.py);
`python -m brandsite.editor.model_docs` rewrites it when it does not.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .content_model import AWARD_EDITION, BRAND, WINNER, Field, Group

SCHEMA_FILE = Path(__file__).with_name("brand.schema.json")
DATE = {"$ref": "#/$defs/date"}
OPTIONAL_TEXT = {"$ref": "#/$defs/optionalText"}
NAMED = {"name": {"type": "string"}, "name_en": OPTIONAL_TEXT}
REGION_CODE = {"$ref": "#/$defs/regionCode"}


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    """An object with exactly these properties, all present."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties),
        "properties": properties,
    }


# A registry id at the top of the record becomes an object with the entry's names.
RESOLVED = {
    "categories": _object({"id": {"type": "string"}, **NAMED}),
    "regions": _object(
        {
            "code": REGION_CODE,
            **NAMED,
            "chain": {
                "type": "array",
                "minItems": 1,
                "description": "The region and its parents, outermost first",
                "items": _object({"code": REGION_CODE, **NAMED}),
            },
        }
    ),
}
# What the build adds to a brand's own fields (by object: "" is the record itself).
ADDED: dict[str, dict[str, Any]] = {
    "": {
        "slug": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "description": "Identifier; the brand page is brands/<slug>/",
        },
        "url": {"type": "string", "description": "The brand page"},
        "data_url": {"type": "string", "description": "This record on its own"},
    },
    "awards": {"year": {"type": ["integer", "null"]}},
}
# The record's key order (open_data.brand_record) where it is not the declaration's.
ORDER = {
    "": (
        "slug",
        "name",
        "name_en",
        "status",
        "owner",
        "summary",
        "registered",
        "updated",
        "category",
        "region",
        "certifications",
        "standards",
        "awards",
        "licensees",
        "contact",
        "tags",
        "url",
        "data_url",
        "logo",
        "cover",
    ),
    "awards": ("program", "program_name", "program_name_en", "edition", "year", "recipient"),
    "licensees": ("license", "name", "products", "valid_from", "valid_to"),
}
DEFS = {
    "date": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date"},
    "regionCode": {"type": "string", "pattern": "^[0-9]{6}$", "description": "GB/T 2260 code"},
    "optionalText": {"type": ["string", "null"], "minLength": 1},
}
DESCRIPTION = (
    "One brand of the regional public brand registry, as published in data/brands.json and "
    "data/brands/<slug>.json. Dates are YYYY-MM-DD; URLs are absolute on the published site, "
    "relative to the site root in development builds."
)


def brand_schema() -> dict[str, Any]:
    """The whole schema of a brand record."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Brand record",
        "description": DESCRIPTION,
        **_object(_properties(BRAND, "")),
        "$defs": DEFS,
    }


def _properties(fields: Group, where: str) -> dict[str, Any]:
    """The record's properties for `fields` (published ones), in the record's order."""
    found = dict(ADDED.get(where, {}))
    for field in fields.values():
        if field.published:
            found.update(_published(field, top=not where))
    order = ORDER.get(where, tuple(found))
    if set(order) != set(found):
        raise ValueError(f"schema.ORDER[{where!r}] does not list the record's fields: {sorted(found)}")
    return {name: found[name] for name in order}


def _published(field: Field, top: bool) -> dict[str, Any]:
    """The record properties one declared field becomes (a registry id in an item: three)."""
    if field.kind == "id" and top:
        return {field.name: RESOLVED[field.registry]}
    if field.kind == "id":
        return {
            field.name: {"type": "string"},
            f"{field.name}_name": {"type": "string"},
            f"{field.name}_name_en": OPTIONAL_TEXT,
        }
    return {field.name: {**_value(field), **field.schema}}


def _value(field: Field) -> dict[str, Any]:
    """The schema of one field's value in the record."""
    if field.kind == "text":
        return {"type": "string"} if field.required else dict(OPTIONAL_TEXT)
    if field.kind == "date":
        return dict(DATE) if field.required else {"oneOf": [DATE, {"type": "null"}]}
    if field.kind == "choice":
        return {"enum": list(field.choices)}
    if field.kind == "integer":
        return {"type": "integer"}
    if field.kind == "image":
        return {"type": ["string", "null"]}
    if field.kind == "texts":
        return {"type": "array", "items": {"type": "string"}}
    if field.kind == "items":
        return {"type": "array", "items": _object(_properties(field.items, field.name))}
    if field.kind == "group":
        return _object(_properties(field.items, field.name))
    raise ValueError(f"{field.name}: no open-data form for kind {field.kind!r}")


def committed_schema(path: Path = SCHEMA_FILE) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def write_schema(path: Path = SCHEMA_FILE) -> bool:
    """Rewrite the schema file if its JSON differs from `brand_schema()`; whether it did.

    A file that already says the same is left byte for byte (the open data publishes it).
    """
    schema = brand_schema()
    if path.exists() and committed_schema(path) == schema:
        return False
    path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return True


AWARD_DESCRIPTION = (
    "One edition of a quality-award program, as published in data/awards.json: its stage, "
    "the public notice of the proposed list, the decision and every winner. An individual's "
    "name is published as given, never with a unified social credit code."
)


def award_schema() -> dict[str, Any]:
    """The schema of an award-edition record (open_data.award_record), choices from the content model."""
    notice = _object(
        {
            "published": DATE,
            "objections_until": DATE,
            "office": {"type": "string"},
            "phone": OPTIONAL_TEXT,
            "address": OPTIONAL_TEXT,
            "email": OPTIONAL_TEXT,
        }
    )
    winner = _object(
        {
            "name": {"type": "string", "minLength": 1},
            "tier": {"enum": list(WINNER["tier"].choices)},
            "kind": {"enum": list(WINNER["kind"].choices)},
            "region": _object({"code": REGION_CODE, **NAMED}),
            "industry": OPTIONAL_TEXT,
            "uscc": {
                "oneOf": [{"type": "string", "pattern": "^[0-9A-HJ-NPQRTUWXY]{18}$"}, {"type": "null"}],
                "description": "GB 32100-2015; null for individuals",
            },
            "brand": {
                "oneOf": [
                    _object(
                        {"slug": {"type": "string"}, "name": {"type": "string"}, "url": {"type": "string"}}
                    ),
                    {"type": "null"},
                ]
            },
            "citation": OPTIONAL_TEXT,
        }
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Award edition record",
        "description": AWARD_DESCRIPTION,
        **_object(
            {
                "program": {"type": "string"},
                "program_name": {"type": "string"},
                "program_name_en": OPTIONAL_TEXT,
                "edition": {"type": "integer", "minimum": 1},
                "year": {"type": ["integer", "null"]},
                "stage": {"enum": list(AWARD_EDITION["stage"].choices)},
                "notice": {"oneOf": [notice, {"type": "null"}]},
                "decision": {
                    "oneOf": [_object({"document": {"type": "string"}, "date": DATE}), {"type": "null"}]
                },
                "winners": {"type": "array", "items": winner},
                "url": {"type": "string", "description": "The edition's page"},
            }
        ),
        "$defs": DEFS,
    }
