"""Where each registry object lives on the site (paths relative to the site root)."""

from __future__ import annotations

import re
from collections import Counter
from functools import singledispatch

from brandsite.brand_registry.licence_index import fnv1a_32
from brandsite.brand_registry.model import (
    AwardEdition,
    AwardProgram,
    Brand,
    Case,
    Category,
    CertificationType,
    Region,
)
from brandsite.brand_registry.site import normalize_license
from brandsite.brand_registry.standards import CitedStandard


@singledispatch
def url_for(obj, edition=None) -> str:
    raise TypeError(f"no URL for {type(obj).__name__}")


@url_for.register
def _(brand: Brand, edition=None) -> str:
    return f"brands/{brand.slug}/"


@url_for.register
def _(region: Region, edition=None) -> str:
    return f"regions/{region.code}/"


@url_for.register
def _(category: Category, edition=None) -> str:
    return f"categories/{category.id}/"


@url_for.register
def _(cert_type: CertificationType, edition=None) -> str:
    return f"certifications/{cert_type.id}/"


@url_for.register
def _(program: AwardProgram, edition=None) -> str:
    if edition is None:
        return f"awards/{program.id}/"
    number = edition.number if isinstance(edition, AwardEdition) else int(edition)
    return f"awards/{program.id}/{number}/"


@url_for.register
def _(case: Case, edition=None) -> str:
    return f"cases/{case.slug}/"


@url_for.register
def _(standard: CitedStandard, edition=None) -> str:
    return f"standards/{standard.slug}/"


def labels_url_for(brand: Brand) -> str:
    """A brand's printable label sheet: a label with a QR code per licence."""
    return f"{url_for(brand)}labels/"


def label_file_for(brand: Brand, licence_slug: str) -> str:
    """One licence's label as an SVG file (the same for every language)."""
    return f"{labels_url_for(brand)}{licence_slug}.svg"


def licence_slugs(brand: Brand) -> dict[str, str]:
    """Each licence number's file name on the brand's label sheet: its letters and digits
    in lower case, joined by `-`; a number that leaves none, or one another number of the
    brand leaves too, adds its FNV-1a hash."""
    plain = {
        lic.license: re.sub(r"[^a-z0-9]+", "-", lic.license.lower()).strip("-") for lic in brand.licensees
    }
    taken = Counter(plain.values())
    return {
        number: slug
        if slug and taken[slug] == 1
        else f"{slug or 'licence'}-{fnv1a_32(normalize_license(number)):08x}"
        for number, slug in plain.items()
    }


def fact_sheet_url_for(brand: Brand) -> str:
    """A brand's printable fact sheet."""
    return f"{url_for(brand)}fact-sheet/"


def save_as(url: str) -> str:
    """The output file for a directory-style URL."""
    return f"{url}index.html"


# The site's own pages and files that are not registry objects: the one place
# that names them (an /en/ twin of a page adds its prefix here). Templates see
# this as `site_urls`.
SITE_URLS = {
    "brand_directory": "brands/directory.json",  # the directory filter's data (per language)
    "verify": "verify/",
    "verify_shards": "verify/licences/",
    "verify_uscc_shards": "verify/enterprises/",  # the same licences, by credit code
    "data": "data/",
    "brands_json": "data/brands.json",
    "brands_csv": "data/brands.csv",
    "licensees_csv": "data/licensees.csv",
    "schema": "data/brand.schema.json",
    "awards_json": "data/awards.json",  # every edition with a file, and its winners
    "awards_csv": "data/award-winners.csv",
    "award_schema": "data/award.schema.json",
    "standards_json": "data/standards.json",  # every standard a brand cites, and the brands
    "statistics": "statistics/",  # the registry in numbers and charts, as of the build day
    "cases": "cases/",  # the exposed violation cases published on the build day
    "cases_json": "data/cases.json",
    "cases_csv": "data/cases.csv",
    "case_schema": "data/case.schema.json",
    "robots": "robots.txt",
    "sitemap": "sitemap.xml",
}


def data_url_for(brand: Brand) -> str:
    """A brand's own open-data record."""
    return f"data/brands/{brand.slug}.json"


def is_absolute(siteurl: str) -> bool:
    return siteurl.startswith(("http://", "https://"))


def canonical_path(output_file: str) -> str:
    """The URL path of a written file: folders for `index.html` pages."""
    if output_file == "index.html":
        return ""
    return output_file[: -len("index.html")] if output_file.endswith("/index.html") else output_file
