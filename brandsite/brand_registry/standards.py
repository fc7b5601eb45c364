"""Standard codes: one form for a code however it is typed, its kind and its URL slug.

`GB/T12653—2008`, `ＧＢ／Ｔ 12653-2008` and `gb/t 12653 - 2008` are all
`GB/T 12653-2008`: full-width forms folded (NFKC), every dash variant a `-`, the
prefix in capitals, one space between prefix and number, the year kept.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

# Dash-like characters editors paste from documents (NFKC leaves these alone).
DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]")
PREFIX = r"(?P<head>DB\d{2}(?:\d{2})?|[A-Z]+)(?:/(?P<tail>[A-Z0-9]*[A-Z]))?"
NUMBER = r"(?P<number>\d+(?:\.\d+)*[A-Z]?)"
YEAR = r"(?:(?P<sep>[-:])(?P<year>\d{4}|\d{2}))?"
SHAPE = re.compile(rf"^{PREFIX} ?{NUMBER}{YEAR}$")

# The kinds, in the order an index lists them.
KINDS = (
    "national-mandatory",
    "national-recommended",
    "national-guidance",
    "industry",
    "local",
    "group",
    "enterprise",
    "international",
)
# 行业标准代号: the prefixes of China's industry standards (mandatory, or /T recommended).
_INDUSTRY_CODES = """
AQ BB CB CH CJ CY DL DZ EJ FZ GA GH GM GY HB HG HJ HS HY JB JC JG JR JT JY LB LD LS LY
MH MT MZ NB NY QB QC QJ QX SB SC SH SJ SL SN SW SY TB TD TY WB WH WJ WM WS WW XB YB YC
YD YS YY YZ ZY
"""
INDUSTRY = frozenset(_INDUSTRY_CODES.split())
INTERNATIONAL = frozenset({"ISO", "IEC"})


@dataclass(frozen=True)
class Parsed:
    prefix: str  # GB/T, DB65/T, T/AKSPG ...
    head: str  # before the slash: GB, DB65, T
    tail: str  # after it: T, Z, AKSPG, or ""
    rest: str  # the number and the year: 12653-2008


def folded(code: str) -> str:
    """Full-width folded, dashes unified, no spaces around - / : and single spaces elsewhere."""
    text = DASHES.sub("-", unicodedata.normalize("NFKC", code))
    text = " ".join(text.split())
    text = re.sub(r" ?([/:-]) ?", r"\1", text)
    return re.sub(r"^(DB) (\d)", r"\1\2", text, flags=re.IGNORECASE)


def parse(code: str) -> Parsed | None:
    """The code's parts, or None when its shape is not that of a standard's code."""
    match = SHAPE.match(folded(code).upper())
    if not match:
        return None
    head, tail = match["head"], match["tail"] or ""
    prefix = f"{head}/{tail}" if tail else head
    rest = match["number"] + (f"{match['sep']}{match['year']}" if match["year"] else "")
    return Parsed(prefix, head, tail, rest)


def normalise(code: str) -> str:
    """The one form of a code (`GB/T 12653-2008`); an unrecognised shape only folded."""
    parsed = parse(code)
    return f"{parsed.prefix} {parsed.rest}" if parsed else folded(code)


def kind(code: str) -> str:
    """One of KINDS, or "" when the code's shape is not recognised."""
    parsed = parse(code)
    if parsed is None:
        return ""
    head, tail = parsed.head, parsed.tail
    if head == "GB":
        return {"": "national-mandatory", "T": "national-recommended", "Z": "national-guidance"}.get(tail, "")
    if head in INDUSTRY or head.startswith("DB"):
        if tail in ("", "T", "Z"):
            return "industry" if head in INDUSTRY else "local"
        return ""
    if head in ("T", "Q") and tail:
        return "group" if head == "T" else "enterprise"
    if head in INTERNATIONAL and tail in ("", *INTERNATIONAL):
        return "international"
    return ""


def slug(code: str) -> str:
    """An ASCII URL slug: `GB/T 12653-2008` -> `gb-t-12653-2008` (a digest if nothing is ASCII)."""
    key = normalise(code)
    words = re.findall(r"[a-z0-9]+", key.lower())
    if words and key.isascii():
        return "-".join(words)
    digest = hashlib.sha256(key.encode()).hexdigest()[:10]
    return "-".join([*words, digest])


@dataclass(frozen=True)
class CitedStandard:
    """One standard as the registry cites it: every brand that names it, however written."""

    code: str  # normalised
    slug: str
    kind: str  # one of KINDS, "" when unrecognised
    title: str
    title_en: str = ""
    brands: tuple[str, ...] = ()  # slugs, sorted

    def title_in(self, lang: str) -> str:
        return (self.title_en or self.title) if lang == "en" else self.title


def cited(brands) -> list[CitedStandard]:
    """Every standard the brands cite, once each, by kind then code; slugs made unique."""
    found: dict[str, dict] = {}
    for brand in sorted(brands, key=lambda b: b.slug):
        twin = brand.translations.get("en")
        for standard in brand.standards:
            key = normalise(standard.code)
            entry = found.setdefault(key, {"title": "", "title_en": "", "brands": []})
            entry["title"] = entry["title"] or standard.title
            entry["title_en"] = entry["title_en"] or (twin.standard_titles.get(key, "") if twin else "")
            if brand.slug not in entry["brands"]:
                entry["brands"].append(brand.slug)
    order = sorted(found, key=lambda code: (_kind_order(kind(code)), code))
    taken: set[str] = set()
    result = []
    for code in order:
        base = name = slug(code)
        number = 2
        while name in taken:
            name, number = f"{base}-{number}", number + 1
        taken.add(name)
        entry = found[code]
        result.append(
            CitedStandard(code, name, kind(code), entry["title"], entry["title_en"], tuple(entry["brands"]))
        )
    return result


def _kind_order(value: str) -> int:
    return KINDS.index(value) if value in KINDS else len(KINDS)
