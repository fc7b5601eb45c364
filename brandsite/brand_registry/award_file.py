"""Load one quality-award edition, `content/awards/<program>/<edition>.md`, and check it.

The file is the official list of the edition: under public notice (拟授奖名单公示)
first, then awarded. Its fields are declared in content_model.AWARD_EDITION.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import date
from pathlib import Path

from .bodies import check_body
from .content_model import AWARD_EDITION
from .fields import Fields, did_you_mean
from .frontmatter import read_reporting
from .issues import Issue, display_path, shortened
from .messages import label, msg
from .model import Award, AwardList, Brand, Decision, Notice, Registry, Winner
from .uscc import uscc_problem

EMAIL = re.compile(r"[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+")


def load_award_list(
    path: Path,
    awards_dir: Path,
    registry: Registry,
    brand_slugs: set[str],
    root: Path,
    issues: list[Issue],
    as_of: date | None = None,
) -> AwardList | None:
    """Parse and check one edition file; None if it cannot be used."""
    shown = display_path(path, root)
    doc = read_reporting(path, shown, issues)
    if doc is None:
        return None
    fields = Fields(doc.meta, shown, issues, doc.lines, line_offset=1, spec=AWARD_EDITION)
    fields.reject_unknown()
    program, edition = _edition(fields, registry)
    _agrees_with_path(fields, path, awards_dir, program, edition)
    stage = fields.choice("stage")
    notice = _notice(fields, stage)
    decision = _decision(fields, stage)
    winners = _winners(fields, registry, brand_slugs)
    _check_dates(fields, stage, notice, decision, as_of)
    images = check_body(doc.body, doc.body_line, shown, awards_dir.parent, issues, in_content=True)
    if not program or edition is None or program not in registry.award_programs:
        return None
    return AwardList(program, edition, stage, path, tuple(winners), notice, decision, doc.body, images)


def _edition(fields: Fields, registry: Registry) -> tuple[str, int | None]:
    """The program id and edition number, each checked against _registry.yaml."""
    program_id = fields.text("program")
    number = fields.integer("edition")
    program = registry.award_programs.get(program_id)
    if program_id and program is None:
        labels = {key: entry.name for key, entry in registry.award_programs.items()}
        hint = did_you_mean(program_id, list(registry.award_programs), labels)
        fields.error(
            "program",
            msg("not_in_registry", value=shortened(program_id), hint=hint, section=label("award_programs")),
        )
    elif program and number is not None and not program.edition(number):
        known = ", ".join(str(e.number) for e in program.editions) or msg("none")
        fields.error("edition", msg("no_edition", program=program_id, number=number, known=known))
        number = None
    return program_id, number


def _agrees_with_path(
    fields: Fields, path: Path, awards_dir: Path, program: str, edition: int | None
) -> None:
    """The file is <program>/<edition>.md: the front matter must say the same."""
    try:
        parts = path.relative_to(awards_dir).parts
    except ValueError:
        parts = ()
    if len(parts) != 2:
        fields.issues.append(Issue(fields.path, 0, "", msg("not_award_file")))
        return
    folder, stem = parts[0], Path(parts[1]).stem
    expected = f"content/awards/{program or folder}/{edition if edition is not None else stem}.md"
    if program and program != folder:
        fields.error(
            "program", msg("path_disagrees", value=shortened(program), path=fields.path, expected=expected)
        )
    if edition is not None and str(edition) != stem:
        fields.error("edition", msg("path_disagrees", value=edition, path=fields.path, expected=expected))


def _notice(fields: Fields, stage: str) -> Notice | None:
    group = fields.mapping("notice")
    if group is None:
        if stage == "notice":
            fields.error("notice", msg("required_at_stage", stage=stage))
        return None
    group.reject_unknown()
    published = group.date("published")
    until = group.date("objections_until")
    office = group.text("office")
    email = group.text("email")
    if email and not EMAIL.fullmatch(email):
        group.error("email", msg("bad_email", value=shortened(email)))
        email = ""
    if published and until and until < published:
        group.error(
            "objections_until", msg("before", value=until, other=label("published"), other_value=published)
        )
        return None
    if not (published and until):
        return None
    return Notice(published, until, office, group.text("phone"), group.text("address"), email)


def _decision(fields: Fields, stage: str) -> Decision | None:
    group = fields.mapping("decision")
    if group is None:
        if stage == "awarded":
            fields.error("decision", msg("required_at_stage", stage=stage))
        return None
    group.reject_unknown()
    document = group.text("document")
    when = group.date("date")
    if stage == "notice":
        group.warn("document", msg("decision_in_notice"))
    return Decision(document, when) if document and when else None


def _winners(fields: Fields, registry: Registry, brand_slugs: set[str]) -> list[Winner]:
    winners: list[Winner] = []
    seen: dict[str, int] = {}
    if not fields.has("winners"):
        fields.missing("winners")
    for item in fields.mappings("winners"):
        item.reject_unknown()
        winner = _winner(item, registry, brand_slugs)
        if winner is None:
            continue
        key = _same_name(winner.name)
        if key in seen:
            item.error("name", msg("winner_twice", name=shortened(winner.name), line=seen[key]))
            continue
        seen[key] = winner.line
        winners.append(winner)
    return winners


def _winner(item: Fields, registry: Registry, brand_slugs: set[str]) -> Winner | None:
    name = item.text("name")
    tier = item.choice("tier")
    kind = item.choice("kind")
    region = item.text("region")
    if region and region not in registry.regions:
        labels = {code: entry.name for code, entry in registry.regions.items()}
        hint = did_you_mean(region, list(registry.regions), labels)
        item.error(
            "region", msg("not_in_registry", value=shortened(region), hint=hint, section=label("regions"))
        )
    brand = item.text("brand")
    if brand and brand not in brand_slugs:
        hint = did_you_mean(brand, sorted(brand_slugs))
        item.error("brand", msg("unknown_brand", value=shortened(brand), hint=hint))
    uscc = _uscc(item, kind)
    if not name or not region:
        return None
    return Winner(
        name, region, tier, kind, item.text("industry"), brand, uscc, item.text("citation"), item.line()
    )


def _uscc(item: Fields, kind: str) -> str:
    code = item.text("uscc")
    if not code:
        return ""
    if kind == "individual":
        item.error("uscc", msg("individual_uscc"))
        return ""
    problem = uscc_problem(code)
    if problem is not None:
        item.error("uscc", problem)
        return ""
    return code


def _check_dates(
    fields: Fields, stage: str, notice: Notice | None, decision: Decision | None, as_of: date | None
) -> None:
    """Warnings: a notice closed with no decision, a decision before the notice closed."""
    if notice is None:
        return
    until = notice.objections_until
    if stage == "notice" and as_of is not None and as_of > until:
        fields.warn(("notice", "objections_until"), msg("notice_closed", day=until))
    if decision is not None and decision.date <= until:
        fields.warn(("decision", "date"), msg("decision_before_close", date=decision.date, day=until))


def _same_name(name: str) -> str:
    """Names compared without spaces, full-width forms or case."""
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


def check_brand_awards(brands: dict[str, Brand], lists: dict, root: Path, issues: list[Issue]) -> None:
    """A brand's awards entry for an edition with a file must match a winner linked to the brand."""
    for brand in brands.values():
        shown = display_path(brand.source_path, root)
        for index, award in enumerate(brand.awards):
            found = lists.get((award.program, award.edition))
            if found is not None:
                _check_award(brand, index, award, found, shown, root, issues)


def _check_award(brand, index, award, found: AwardList, shown: str, root: Path, issues: list[Issue]) -> None:
    file = display_path(found.source_path, root)
    mine = found.winners_of(brand.slug)
    where = f"awards[{index + 1}]"
    if not mine:
        issues.append(
            Issue(shown, award.line, f"{where}.edition", msg("award_not_in_list", file=file, slug=brand.slug))
        )
    elif award.recipient and _same_name(award.recipient) not in {_same_name(w.name) for w in mine}:
        names = "、".join(w.name for w in mine)
        issues.append(
            Issue(
                shown,
                award.line,
                f"{where}.recipient",
                msg("recipient_not_in_list", value=shortened(award.recipient), file=file, names=names),
            )
        )


def with_listed_awards(brand: Brand, lists: dict) -> Brand:
    """The brand with the awards its page shows: its own entries for editions without a
    file, and every awarded edition whose list names it (the list is the source)."""
    own = [a for a in brand.awards if (a.program, a.edition) not in lists]
    listed = [
        Award(found.program, found.edition, winner.name, tier=winner.tier)
        for found in lists.values()
        if found.stage == "awarded"
        for winner in found.winners_of(brand.slug)
    ]
    awards = sorted(own + listed, key=lambda a: (a.program, a.edition, a.tier, a.recipient))
    if awards == list(brand.awards):
        return brand
    return dataclasses.replace(brand, awards=tuple(awards))
