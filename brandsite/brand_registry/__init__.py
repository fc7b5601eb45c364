"""The brand registry's pure core: parse and validate editors' files into dataclasses.

Nothing here knows about Pelican; `brand_pages` wires it into the build.
"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .issues import Issue, ValidationFailed
    from .model import Brand, Image, Licensee, Registry, Site, Story
    from .settings_file import Paths
    from .site import load_site, load_site_or_fail, normalize_license

# Imported when first asked for: a build with nothing to do reads one message and
# needs none of the loaders (PEP 562).
_MODULES = {
    **dict.fromkeys(("Issue", "ValidationFailed"), ".issues"),
    **dict.fromkeys(("Brand", "Image", "Licensee", "Registry", "Site", "Story"), ".model"),
    "Paths": ".settings_file",
    **dict.fromkeys(("load_site", "load_site_or_fail", "normalize_license"), ".site"),
}


def __getattr__(name: str) -> object:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_MODULES[name], __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "Brand",
    "Image",
    "Issue",
    "Licensee",
    "Paths",
    "Registry",
    "Site",
    "Story",
    "ValidationFailed",
    "load_site",
    "load_site_or_fail",
    "normalize_license",
]
