"""The registry in numbers, as of a build day: what /statistics/ charts.

Counted from the same loaded Site the open data is written from (open_data.py),
so every number here can be recomputed from /data/. Plain dataclasses, sorted
deterministically; nothing depends on anything but the Site, the day and the
published stories given.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .model import STATUSES, WINNER_TIERS, AwardEdition, AwardProgram, Named, Site

SOON_DAYS = 90  # a certificate expiring within this many days of the build day is "soon"
HORIZONS = ("expired", "soon", "later", "open-ended")  # certificate expiry, relative to the build day
LICENCE_STATES = ("valid", "expired", "not-yet-valid", "brand-suspended", "brand-revoked")


@dataclass(frozen=True)
class Bar:
    """One counted thing: its key (an id, code, state or year), its count, and the
    registry entry it stands for, if any (templates show its name in their language)."""

    key: str
    count: int
    item: Named | None = None


@dataclass(frozen=True)
class EditionWinners:
    """An edition with a list file: its winners by tier (WINNER_TIERS order, empty ones left out)."""

    program: AwardProgram
    edition: AwardEdition | None  # None: the file names an edition the registry does not list
    number: int
    tiers: tuple[Bar, ...]


@dataclass(frozen=True)
class StoryYear:
    """The published stories of one year, by category (category name as key)."""

    year: int
    categories: tuple[Bar, ...]


@dataclass(frozen=True)
class StoryPoint:
    """What the statistics need of a published story: its category and day."""

    category: str
    day: date


@dataclass(frozen=True)
class Statistics:
    as_of: date
    brands: int
    active_brands: int
    regions: int  # distinct regions brands are registered in
    enterprises: int  # distinct licensed enterprises of active brands
    licences: int
    valid_licences: int
    certifications: int
    award_winners: int  # on every edition list file
    brands_by_prefecture: tuple[Bar, ...]
    brands_by_category: tuple[Bar, ...]
    brands_by_status: tuple[Bar, ...]
    certifications_by_type: tuple[Bar, ...]
    certifications_by_horizon: tuple[Bar, ...]
    licences_by_state: tuple[Bar, ...]
    new_licences_by_year: tuple[Bar, ...]
    winners_by_edition: tuple[EditionWinners, ...]
    stories_by_year: tuple[StoryYear, ...]


def horizon(expires: date | None, as_of: date) -> str:
    """expired, soon (within SOON_DAYS), later, or open-ended (no expiry date)."""
    if expires is None:
        return "open-ended"
    if as_of > expires:
        return "expired"
    return "soon" if (expires - as_of).days <= SOON_DAYS else "later"


def prefecture(site: Site, region: str) -> str:
    """The region's prefecture-level ancestor: the level under the top of its chain
    (the top itself for a brand registered region-wide)."""
    chain = site.registry.region_chain(region)
    if not chain:
        return region
    return chain[1].code if len(chain) > 1 else chain[0].code


def compute(site: Site, as_of: date, stories: Iterable[StoryPoint] = ()) -> Statistics:
    """Every number /statistics/ shows, as of `as_of`."""
    registry = site.registry
    brands = list(site.brands.values())
    licences = [(lic, b.status) for b in brands for lic in b.licensees]
    certs = [c for b in brands for c in b.certifications]
    states = Counter(lic.state(as_of, status) for lic, status in licences)
    prefectures = Counter(prefecture(site, b.region) for b in brands)
    return Statistics(
        as_of=as_of,
        brands=len(brands),
        active_brands=sum(b.is_current for b in brands),
        regions=len({b.region for b in brands}),
        enterprises=len({lic.name for b in brands if b.is_current for lic in b.licensees}),
        licences=len(licences),
        valid_licences=states["valid"],
        certifications=len(certs),
        award_winners=sum(len(found.winners) for found in site.award_lists.values()),
        brands_by_prefecture=tuple(
            Bar(code, count, registry.regions.get(code))
            for code, count in sorted(prefectures.items(), key=lambda kv: (-kv[1], kv[0]))
        ),
        brands_by_category=_by_entry(Counter(b.category for b in brands), registry.categories),
        brands_by_status=_in_order(Counter(b.status for b in brands), STATUSES),
        certifications_by_type=_by_entry(Counter(c.type for c in certs), registry.certification_types),
        certifications_by_horizon=_in_order(Counter(horizon(c.expires, as_of) for c in certs), HORIZONS),
        licences_by_state=_in_order(states, LICENCE_STATES),
        new_licences_by_year=tuple(
            Bar(str(year), count)
            for year, count in sorted(Counter(lic.valid_from.year for lic, _ in licences).items())
        ),
        winners_by_edition=_winners(site),
        stories_by_year=_stories(stories),
    )


def _by_entry(counts: Counter, entries: dict) -> tuple[Bar, ...]:
    """A bar per registry entry (in the registry's order) that has any."""
    return tuple(Bar(key, counts[key], entry) for key, entry in entries.items() if counts[key])


def _in_order(counts: Counter, keys: tuple[str, ...]) -> tuple[Bar, ...]:
    """A bar per key, in `keys` order: zeros too, so every chart of a kind has the same rows."""
    return tuple(Bar(key, counts[key]) for key in keys)


def _winners(site: Site) -> tuple[EditionWinners, ...]:
    found = []
    for (program_id, number), award_list in site.award_lists.items():
        program = site.registry.award_programs.get(program_id)
        if program is None or not award_list.winners:
            continue
        tiers = Counter(w.tier for w in award_list.winners)
        bars = tuple(Bar(tier, tiers[tier]) for tier in WINNER_TIERS if tiers[tier])
        found.append(EditionWinners(program, program.edition(number), number, bars))
    return tuple(found)


def _stories(stories: Iterable[StoryPoint]) -> tuple[StoryYear, ...]:
    counts = Counter((s.day.year, s.category) for s in stories)
    years = sorted({year for year, _ in counts}, reverse=True)
    return tuple(
        StoryYear(
            year,
            tuple(Bar(cat, n) for (y, cat), n in sorted(counts.items(), key=lambda kv: kv[0]) if y == year),
        )
        for year in years
    )
