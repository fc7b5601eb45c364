"""Load one exposed violation case, `content/cases/<slug>.md`, and check it.

Its fields are declared in content_model.CASE. An individual's name is masked
in every text of the Case it returns (privacy.py); a resident ID number or a
mobile number anywhere in the file is an error. After `unpublish_after` the
build leaves the case out of everything it writes (Site.published_cases).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

from .bodies import check_body
from .content_model import CASE
from .fields import Fields, did_you_mean
from .frontmatter import Document, read_reporting
from .issues import Issue, display_path, shortened
from .messages import label, msg
from .model import Case, Registry
from .privacy import mask_name, masked_text, personal_numbers, split_remark

SLUG = re.compile(r"[a-z0-9-]+")
NOTICE_DAYS = 30  # warn this many days before a case is taken down


def load_case(
    path: Path,
    cases_dir: Path,
    registry: Registry,
    brand_slugs: set[str],
    root: Path,
    issues: list[Issue],
    as_of: date | None = None,
) -> Case | None:
    """Parse and check one case file; None if it cannot be published."""
    shown = display_path(path, root)
    doc = read_reporting(path, shown, issues)
    if doc is None:
        return None
    fields = Fields(doc.meta, shown, issues, doc.lines, line_offset=1, spec=CASE)
    fields.reject_unknown()
    slug = _slug(path, cases_dir, shown, issues)
    _check_personal_numbers(path, doc, shown, issues)
    texts = {name: fields.text(name) for name in ("title", "authority", "document", "party", "penalty")}
    kind = fields.choice("party_kind")
    region = _region(fields, registry)
    violations = _texts(fields, "violations")
    legal_basis = _texts(fields, "legal_basis")
    brands = _brands(fields, brand_slugs)
    dates = _dates(fields, as_of)
    images = check_body(doc.body, doc.body_line, shown, cases_dir.parent, issues, in_content=True)
    if (
        not slug
        or not kind
        or not region
        or not violations
        or dates is None
        or not all(texts[name] for name in ("title", "authority", "party", "penalty"))
    ):
        return None
    case = Case(
        slug=slug,
        source_path=path,
        title=texts["title"],
        date=dates[0],
        decided=dates[1],
        authority=texts["authority"],
        party=texts["party"],
        party_kind=kind,
        region=region,
        violations=tuple(violations),
        penalty=texts["penalty"],
        unpublish_after=dates[2],
        document=texts["document"],
        legal_basis=tuple(legal_basis),
        brands=tuple(brands),
        body=doc.body,
        body_images=images,
    )
    return masked(case) if kind == "individual" else case


def masked(case: Case) -> Case:
    """The case with its party's name masked in every text it holds (a remark in brackets
    after the name, 王小明（个体工商户）, is kept)."""
    name, remark = split_remark(case.party)

    def hide(text: str) -> str:
        return masked_text(text, name)

    return dataclasses.replace(
        case,
        title=hide(case.title),
        authority=hide(case.authority),
        party=mask_name(name) + hide(remark),
        violations=tuple(hide(v) for v in case.violations),
        penalty=hide(case.penalty),
        document=hide(case.document),
        legal_basis=tuple(hide(b) for b in case.legal_basis),
        body=hide(case.body),
        body_images={
            src: dataclasses.replace(image, alt=hide(image.alt), caption=hide(image.caption))
            for src, image in case.body_images.items()
        },
    )


def _slug(path: Path, cases_dir: Path, shown: str, issues: list[Issue]) -> str:
    """The file name is the case's address: content/cases/<slug>.md, slug in [a-z0-9-]."""
    try:
        parts = path.relative_to(cases_dir).parts
    except ValueError:
        parts = ()
    if len(parts) != 1:
        issues.append(Issue(shown, 0, "", msg("not_case_file")))
        return ""
    if not SLUG.fullmatch(path.stem):
        issues.append(Issue(shown, 0, "slug", msg("bad_case_slug", slug=shortened(path.stem))))
        return ""
    return path.stem


def _check_personal_numbers(path: Path, doc: Document, shown: str, issues: list[Issue]) -> None:
    """A resident ID or mobile number anywhere in the file: an error on its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return  # read_reporting has said why
    for found in personal_numbers(text):
        field = _field_at(doc, found.line)
        issues.append(Issue(shown, found.line, field, msg(f"{found.kind}_in_case", value=found.shown)))


def _field_at(doc: Document, line: int) -> str:
    """The front-matter field written on `line`, or "body"."""
    if line >= doc.body_line:
        return "body"
    starts = sorted((at, key[0]) for key, at in doc.lines.items() if len(key) == 1 and at <= line)
    return str(starts[-1][1]) if starts else ""


def _region(fields: Fields, registry: Registry) -> str:
    region = fields.text("region")
    if region and region not in registry.regions:
        labels = {code: entry.name for code, entry in registry.regions.items()}
        hint = did_you_mean(region, list(registry.regions), labels)
        fields.error(
            "region", msg("not_in_registry", value=shortened(region), hint=hint, section=label("regions"))
        )
        return ""
    return region


def _texts(fields: Fields, name: str) -> list[str]:
    found = fields.text_list(name)
    if not found and CASE[name].required:
        fields.missing(name)
    return found


def _brands(fields: Fields, brand_slugs: set[str]) -> list[str]:
    brands = fields.text_list("brands")
    for index, brand in enumerate(brands):
        if brand not in brand_slugs:
            hint = did_you_mean(brand, sorted(brand_slugs))
            fields.error(("brands", index), msg("unknown_brand", value=shortened(brand), hint=hint))
    return [b for b in dict.fromkeys(brands) if b in brand_slugs]


def _dates(fields: Fields, as_of: date | None) -> tuple[date, date, date] | None:
    """(date, decided, unpublish_after), in order; warnings as the period ends."""
    published, decided, until = fields.date("date"), fields.date("decided"), fields.date("unpublish_after")
    if decided and published and decided > published:
        fields.error("decided", msg("after", value=decided, other=label("date"), other_value=published))
        return None
    if decided and until and until < decided:
        fields.error(
            "unpublish_after", msg("before", value=until, other=label("decided"), other_value=decided)
        )
        return None
    if not (published and decided and until):
        return None
    _warn_period(fields, until, as_of)
    return published, decided, until


def _warn_period(fields: Fields, until: date, as_of: date | None) -> None:
    if as_of is None:
        return
    days = (until - as_of).days
    if days < 0:
        fields.warn("unpublish_after", msg("case_taken_down", day=until))
    elif days <= NOTICE_DAYS:
        fields.warn("unpublish_after", msg("case_ends_soon", day=until, days=days))
