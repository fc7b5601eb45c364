"""The brand registry's pure core: parse and validate editors' files into dataclasses.

Nothing here knows about Pelican; `brand_pages` wires it into the build.
"""

from .issues import Issue, ValidationFailed
from .model import Brand, Image, Licensee, Registry, Site, Story
from .site import Paths, load_site, load_site_or_fail, normalize_license

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
