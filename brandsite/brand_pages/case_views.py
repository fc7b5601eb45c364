"""What the case pages show, computed from the loaded Site (no Pelican here).

Only published cases (Site.published_cases on the build day) ever reach these
functions: a case past its publication period has no page, no row, no link.
"""

from __future__ import annotations

from collections import Counter

from brandsite.brand_registry.model import Case, Site


def cases_by_brand(cases: list[Case]) -> dict[str, list[Case]]:
    """For each brand slug: the published cases that name it, newest first (as given)."""
    found: dict[str, list[Case]] = {}
    for case in cases:
        for slug in case.brands:
            found.setdefault(slug, []).append(case)
    return found


def case_row(site: Site, case: Case) -> dict:
    """A case with what its page and its list item show: region chain, brands, year."""
    return {
        "case": case,
        "region_chain": site.registry.region_chain(case.region),
        "brands": [site.brands[slug] for slug in case.brands if slug in site.brands],
        "year": case.decided.year,
    }


def case_filters(site: Site, cases: list[Case]) -> dict[str, list]:
    """The list page's filter choices: only values some published case has, with counts."""
    registry = site.registry
    regions = Counter(r.code for case in cases for r in registry.region_chain(case.region))
    brands = Counter(slug for case in cases for slug in case.brands if slug in site.brands)
    violations = Counter(v for case in cases for v in dict.fromkeys(case.violations))
    years = Counter(case.decided.year for case in cases)
    return {
        "regions": [(registry.regions[code], n) for code, n in sorted(regions.items())],
        "brands": [(site.brands[slug], n) for slug, n in sorted(brands.items())],
        "violations": sorted(violations.items()),
        "years": sorted(years.items(), reverse=True),
    }
