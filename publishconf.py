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

# Precompressed copies beside every text file (index.html.gz, index.html.br) for
# hosts that serve them (nginx gzip_static/brotli_static, Apache MultiViews,
# Caddy precompressed). Gzip and Brotli output is byte-identical from build to build
# (no timestamps); only here, as it adds a few seconds to each build. It runs
# after every other step (pelican-granular-signals' "compress" signal).
PLUGINS = [*PLUGINS, "pelican.plugins.precompress"]  # noqa: F405
PRECOMPRESS_GZIP = True
PRECOMPRESS_BROTLI = True
PRECOMPRESS_ZOPFLI = False
PRECOMPRESS_ZSTANDARD = False
PRECOMPRESS_MIN_SIZE = 256
PRECOMPRESS_TEXT_EXTENSIONS = {".html", ".css", ".js", ".json", ".xml", ".atom", ".rss", ".txt", ".svg", ".csv"}
