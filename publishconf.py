"""Production settings: `make publish` (SITEURL=... overrides the address)."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = "https://brands.example.org"
RELATIVE_URLS = False

# Atom feeds (absolute links and ids; FEED_DOMAIN follows SITEURL, overrides included).
FEED_ALL_ATOM = "feeds/stories.atom.xml"
REGISTRY_FEED_ATOM = "feeds/registry.atom.xml"

# sitemap.xml (pelican-sitemap): every page except the 404 page.
PLUGINS = [*PLUGINS, "pelican.plugins.sitemap"]  # noqa: F405
SITEMAP = {"format": "xml", "exclude": [r"^404\.html$"]}
