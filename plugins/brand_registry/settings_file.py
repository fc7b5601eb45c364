"""Where the content is, read from a Pelican settings file without importing Pelican.

`make check` needs only a few values; importing Pelican to read them would
double its time. Relative paths resolve against the settings file's folder,
as Pelican resolves them.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

from .site import Paths

DEFAULTS = {"PATH": ".", "ARTICLE_PATHS": [""], "PAGE_PATHS": ["pages"], "STATIC_PATHS": ["images"],
            "IGNORE_FILES": ["**/.*"], "CACHE_PATH": "cache"}
MEMO_FOLDER = "registry"  # under CACHE_PATH: parse results kept between builds


def read_settings_file(settings_file: str | Path) -> dict:
    """The settings file's upper-case names, with Pelican's defaults for the paths."""
    path = Path(settings_file).resolve()
    if str(path.parent) not in sys.path:
        sys.path.insert(0, str(path.parent))  # `from pelicanconf import *` in publishconf.py
    values = {k: v for k, v in runpy.run_path(str(path)).items() if k.isupper()}
    settings = {**DEFAULTS, **values}
    for name in ("PATH", "CACHE_PATH"):
        if settings[name] and not Path(settings[name]).is_absolute():
            settings[name] = str((path.parent / settings[name]).resolve())
    return settings


def site_paths(settings: dict) -> Paths:
    """The folders of the registry, the stories and the pages named by the settings."""
    root = Path(settings.get("PROJECT_ROOT") or Path(settings["PATH"]).parent)
    content = Path(settings["PATH"])
    stories = content / settings["ARTICLE_PATHS"][0]
    pages = content / settings["PAGE_PATHS"][0] if settings.get("PAGE_PATHS") else None
    static = tuple(content / folder for folder in settings.get("STATIC_PATHS") or ())
    return Paths(root, Path(settings.get("BRANDS_PATH") or root / "brands"), content, stories,
                 pages, static, tuple(settings.get("IGNORE_FILES") or ()), memo_folder(settings))


def memo_folder(settings: dict) -> Path | None:
    """Where parse results are kept between builds: a folder of CACHE_PATH (made absolute
    by Pelican, or by read_settings_file); None without one."""
    cache = settings.get("CACHE_PATH")
    return Path(cache) / MEMO_FOLDER if cache else None
