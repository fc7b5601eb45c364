"""Where the content is, read from a Pelican settings file without importing Pelican.

`make check` needs only a few values; importing Pelican to read them would
double its time. Relative paths resolve against the settings file's folder,
as Pelican resolves them.
"""

from __future__ import annotations

import importlib.machinery
import runpy
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

DEFAULTS = {
    "PATH": ".",
    "ARTICLE_PATHS": [""],
    "PAGE_PATHS": ["pages"],
    "STATIC_PATHS": ["images"],
    "IGNORE_FILES": ["**/.*"],
    "CACHE_PATH": "cache",
}
MEMO_FOLDER = "registry"  # under CACHE_PATH: parse results kept between builds


@dataclass(frozen=True)
class Paths:
    root: Path  # the project folder; messages name files relative to it
    brands: Path
    content: Path
    stories: Path
    pages: Path | None = None
    static: tuple[Path, ...] = ()  # copied to the site as they are (STATIC_PATHS)
    ignored: tuple[str, ...] = (".*",)  # file name patterns the build skips (IGNORE_FILES)
    cache: Path | None = None  # where parse results are kept between runs (see memo)

    @classmethod
    def under(
        cls,
        root: Path,
        brands: str = "brands",
        content: str = "content",
        stories: str = "stories",
        pages: str = "pages",
    ) -> Paths:
        root = Path(root)
        return cls(
            root,
            root / brands,
            root / content,
            root / content / stories,
            root / content / pages,
            (root / content / "images",),
        )


def read_settings_file(settings_file: str | Path) -> dict:
    """The settings file's upper-case names, with Pelican's defaults for the paths."""
    path = Path(settings_file).resolve()
    with siblings_importable(path):
        values = {k: v for k, v in runpy.run_path(str(path)).items() if k.isupper()}
    settings = {**DEFAULTS, **values}
    for name in ("PATH", "CACHE_PATH"):
        if settings[name] and not Path(settings[name]).is_absolute():
            settings[name] = str((path.parent / settings[name]).resolve())
    return settings


class _SiblingFinder:
    """Finds top-level modules in one folder, before anywhere else."""

    def __init__(self, folder: Path):
        self.folder = str(folder)

    def find_spec(self, name, path=None, target=None):
        if path is not None:  # a submodule: its package knows where it is
            return None
        return importlib.machinery.PathFinder.find_spec(name, [self.folder])


@contextmanager
def siblings_importable(settings_file: Path) -> Iterator[None]:
    """While a settings file runs, it imports the modules beside it (`from pelicanconf
    import *`), never another project's; they are forgotten afterwards."""
    folder = Path(settings_file).resolve().parent
    finder = _SiblingFinder(folder)
    before = set(sys.modules)
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
        for name in set(sys.modules) - before:
            origin = getattr(sys.modules[name], "__file__", None) or ""
            if Path(origin).parent == folder:
                del sys.modules[name]


def site_paths(settings: dict) -> Paths:
    """The folders of the registry, the stories and the pages named by the settings."""
    root = Path(settings.get("PROJECT_ROOT") or Path(settings["PATH"]).parent)
    content = Path(settings["PATH"])
    stories = content / settings["ARTICLE_PATHS"][0]
    pages = content / settings["PAGE_PATHS"][0] if settings.get("PAGE_PATHS") else None
    static = tuple(content / folder for folder in settings.get("STATIC_PATHS") or ())
    return Paths(
        root,
        Path(settings.get("BRANDS_PATH") or root / "brands"),
        content,
        stories,
        pages,
        static,
        tuple(settings.get("IGNORE_FILES") or ()),
        memo_folder(settings),
    )


def memo_folder(settings: dict) -> Path | None:
    """Where parse results are kept between builds: a folder of CACHE_PATH (made absolute
    by Pelican, or by read_settings_file); None without one."""
    cache = settings.get("CACHE_PATH")
    return Path(cache) / MEMO_FOLDER if cache else None
