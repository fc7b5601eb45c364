"""Pelican plugin: what other people and systems read besides the pages.

The licence check (/verify/ and its sharded data), open data (/data/), the
registry's Atom feed and robots.txt. The data itself is made by the pure
`brand_registry` modules (licence_index, open_data, changes); this package
writes it. It reads the registry that `brand_pages` loaded, so list it after
`brand_pages` (and `site_i18n`, whose copies start first) in PLUGINS.
"""

from pelican import signals

from brandsite.registry_data.generator import RegistryDataGenerator


def get_generators(pelican):
    return RegistryDataGenerator


def write_beside_others(generators) -> None:
    """The open data needs only the registry's context: with two cores, a forked copy
    writes it while the pages are written (a brand edit makes it all again)."""
    from brandsite.site_i18n.writer import write_beside_others

    write_beside_others(generators, (RegistryDataGenerator,), from_the_start=True)


def register():
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(write_beside_others)
