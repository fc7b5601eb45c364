"""Pelican plugin: what other people and systems read besides the pages.

The licence check (/verify/ and its sharded data), open data (/data/), the
registry's Atom feed and robots.txt. The data itself is made by the pure
`brand_registry` modules (licence_index, open_data, changes); this package
writes it. It reads the registry that `brand_pages` loaded, so list it after
`brand_pages` in PLUGINS.
"""

from datetime import datetime, time

from pelican import signals

from brandsite.brand_pages.generator import as_of_date
from brandsite.registry_data.generator import RegistryDataGenerator


def pin_sitemap_clock(pelican) -> None:
    """pelican-sitemap dates pages that have no date of their own (brand and index
    pages) by the clock; use the registry's day instead, so a build repeats byte for byte."""
    try:
        from pelican.plugins.sitemap import sitemap
    except ImportError:
        return
    sitemap.generator.now = datetime.combine(as_of_date(pelican.settings), time())


def get_generators(pelican):
    return RegistryDataGenerator


def register():
    signals.initialized.connect(pin_sitemap_clock)
    signals.get_generators.connect(get_generators)
