"""Responsive thumbnails: derivatives of every published image, made once.

A pure core (no Pelican): `pixels` decodes a source into sRGB pixels,
`encode` writes AVIF, WebP, JPEG and PNG, `plan` names the derivatives,
`cache` keeps them outside output/, `batch` spreads the work over a process
pool, `markup` writes the <picture>. `publisher` is what the site's
generator and templates use.
"""

from .settings import Settings

__all__ = ["Settings"]
