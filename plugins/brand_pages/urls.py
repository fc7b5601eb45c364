"""Where each registry object lives on the site (paths relative to the site root)."""

from __future__ import annotations

from functools import singledispatch

from brand_registry.model import (AwardEdition, AwardProgram, Brand, Category,
                                  CertificationType, Region)


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


def save_as(url: str) -> str:
    """The output file for a directory-style URL."""
    return f"{url}index.html"
