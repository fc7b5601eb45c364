"""Production settings: `make publish` (SITEURL=... overrides the address)."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = "https://brands.example.org"
RELATIVE_URLS = False
