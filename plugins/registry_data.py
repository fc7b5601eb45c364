"""Pelican plugin: what other people and systems read besides the pages.

The licence check (/verify/ and its sharded data), open data (/data/), the
registry's Atom feed and robots.txt. The data itself is made by the pure
`brand_registry` modules (licence_index, open_data, changes); this package
writes it. It reads the registry that `brand_pages` loaded, so list it after
`brand_pages` in PLUGINS.
"""

from pelican import signals

from brandsite.registry_data.generator import RegistryDataGenerator


def get_generators(pelican):
    return RegistryDataGenerator


def register():
    signals.get_generators.connect(get_generators)
