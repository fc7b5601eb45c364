"""Load `brands/_registry.yaml`: regions, categories, certification types, awards."""

from __future__ import annotations

import re
from pathlib import Path

from .fields import Fields
from .frontmatter import FrontMatterError, parse_yaml, read_text
from .issues import Issue, shortened
from .messages import msg
from .model import AwardEdition, AwardProgram, Category, CertificationType, Region, Registry

ID_PATTERN = re.compile(r"^[a-z0-9-]+$")
REGION_CODE = re.compile(r"^\d{6}$")
SECTIONS = ("regions", "categories", "certification_types", "award_programs")


def load_registry(path: Path, shown_path: str, issues: list[Issue]) -> Registry:
    registry = Registry()
    try:
        data, lines, duplicates = parse_yaml(read_text(path))
    except FrontMatterError as exc:
        issues.append(Issue(shown_path, exc.line, "", exc.message))
        return registry
    if not isinstance(data, dict):
        issues.append(Issue(shown_path, 1, "", msg("registry_not_mapping", sections=", ".join(SECTIONS))))
        return registry
    top = Fields(data, shown_path, issues, lines)
    for key, line in duplicates:
        issues.append(Issue(shown_path, line, str(key[-1]), msg("given_twice")))
    top.reject_unknown(set(SECTIONS))

    for item in top.mappings("regions"):
        item.reject_unknown({"code", "name", "name_en", "parent"})
        code = item.text("code", required=True)
        if code and not REGION_CODE.match(code):
            item.error("code", msg("not_region_code", value=shortened(code)))
            continue
        region = Region(
            code, item.text("name", required=True), item.text("name_en"), item.text("parent") or None
        )
        _add(registry.regions, code, region, item, "code")

    for section, cls in (("categories", Category), ("certification_types", CertificationType)):
        for item in top.mappings(section):
            item.reject_unknown({"id", "name", "name_en"})
            ident = _ident(item)
            if ident:
                entry = cls(ident, item.text("name", required=True), item.text("name_en"))
                _add(getattr(registry, section), ident, entry, item, "id")

    for item in top.mappings("award_programs"):
        item.reject_unknown({"id", "name", "name_en", "editions"})
        ident = _ident(item)
        editions: dict[int, AwardEdition] = {}
        for edition in item.mappings("editions"):
            edition.reject_unknown({"number", "year"})
            number = edition.integer("number", required=True)
            year = edition.integer("year", required=True)
            if number is None or year is None:
                continue
            if number in editions:
                edition.error("number", msg("edition_twice", number=number))
            editions[number] = AwardEdition(number, year)
        if ident:
            program = AwardProgram(
                ident,
                item.text("name", required=True),
                item.text("name_en"),
                tuple(sorted(editions.values(), key=lambda e: e.number)),
            )
            _add(registry.award_programs, ident, program, item, "id")

    for region in registry.regions.values():
        if region.parent and region.parent not in registry.regions:
            line = _line_of(top, "regions", region.code, lines, "parent")
            issues.append(
                Issue(
                    shown_path,
                    line,
                    "parent",
                    msg("unknown_parent", code=region.code, parent=shortened(region.parent)),
                )
            )
    for code in registry.regions:
        if _has_cycle(registry, code):
            issues.append(
                Issue(
                    shown_path,
                    _line_of(top, "regions", code, lines, "parent"),
                    "parent",
                    msg("own_ancestor", code=code),
                )
            )
    return registry


def _ident(item: Fields) -> str:
    ident = item.text("id", required=True)
    if ident and not ID_PATTERN.match(ident):
        item.error("id", msg("bad_id", value=shortened(ident)))
        return ""
    return ident


def _add(table: dict, key: str, value, item: Fields, field: str) -> None:
    if key in table:
        item.error(field, msg("listed_twice", value=shortened(key)))
    table[key] = value


def _line_of(top: Fields, section: str, code: str, lines: dict, field: str) -> int:
    """The line of `field` in the item of `section` whose code is `code`."""
    for index, item in enumerate(top.data.get(section) or []):
        if isinstance(item, dict) and str(item.get("code")) == code:
            return lines.get((section, index, field)) or lines.get((section, index), 0)
    return 0


def _has_cycle(registry: Registry, code: str) -> bool:
    seen = set()
    while code in registry.regions:
        if code in seen:
            return True
        seen.add(code)
        code = registry.regions[code].parent or ""
    return False
