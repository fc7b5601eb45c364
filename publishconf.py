"""Production settings: `make publish` (SITEURL=... overrides the address)."""

import runpy
from pathlib import Path

# Everything of the development settings, then what production changes.
_development = runpy.run_path(str(Path(__file__).with_name("pelicanconf.py")))
globals().update((name, value) for name, value in _development.items() if name.isupper())

SITEURL = "https://brands.example.org"
RELATIVE_URLS = False

# Atom feeds (absolute links and ids; FEED_DOMAIN follows SITEURL, overrides included).
FEED_ALL_ATOM = "feeds/stories.atom.xml"
REGISTRY_FEED_ATOM = "feeds/registry.atom.xml"
CASES_FEED_ATOM = "feeds/cases.atom.xml"

# sitemap.xml: every page but those marked noindex (404, search), with its language
# twins (plugins/site_i18n's writer, from every page in the output; robots.txt names it).
SITEMAP = True

# Precompressed copies beside every text file (index.html.gz, index.html.br) for
# hosts that serve them (nginx gzip_static/brotli_static, Apache MultiViews,
# Caddy precompressed). Gzip and Brotli output is byte-identical from build to build
# (no timestamps); only here, as Brotli is slow. A build run by brandsite.build
# (make publish) compresses after every other step with the plugin's compressors,
# and only the files that changed (brandsite/build/compressed.py).
PLUGINS = [*_development["PLUGINS"], "pelican.plugins.precompress"]
PRECOMPRESS_GZIP = True
PRECOMPRESS_BROTLI = True
PRECOMPRESS_ZOPFLI = False
PRECOMPRESS_ZSTANDARD = False
PRECOMPRESS_MIN_SIZE = 256
PRECOMPRESS_TEXT_EXTENSIONS = {
    ".html",
    ".css",
    ".js",
    ".json",
    ".xml",
    ".atom",
    ".rss",
    ".txt",
    ".svg",
    ".csv",
}
