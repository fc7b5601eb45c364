"""Every file a build reads, stamped once, and digests of its parts.

The build's fingerprint covers all of them plus what is not a file (the
address, the day validity is computed for, a few environment variables). A
page's key covers the site-wide part (code, theme, settings, registry file,
pages, shared images: a change there re-renders every page) and the files that
are the page's own (its story, its brand bundle, ...).
"""

from __future__ import annotations

import functools
import os
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .stamps import Stamp, digest, digest_files, stamp_tree

VERSION = 3  # of the fingerprint and key formats
ENVIRONMENT = ("SOURCE_DATE_EPOCH", "THUMBNAIL_CACHE_PATH")  # read by the build besides the settings


@dataclass
class Inputs:
    stamps: dict[str, Stamp]
    facts: dict  # what is not a file
    bundles: dict[str, list[str]] = field(default_factory=dict)  # brand bundle -> its files
    local: set[str] = field(default_factory=set)  # files some pages depend on, not all
    scanned_ns: int = 0  # when the scan began
    _families: dict | None = field(default=None, repr=False)
    _bundle_digests: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def scan(
        cls,
        roots: Iterable[Path],
        brands: Path | None,
        stories: Iterable[Path],
        facts: dict,
        hashed_before: dict[str, Stamp] | None = None,
    ) -> Inputs:
        stamps: dict[str, Stamp] = {}
        now_ns = time.time_ns()
        for root in roots:
            if root.exists():
                stamps.update(stamp_tree(root.resolve(), hashed_before, now_ns))
        inputs = cls(stamps, {"version": VERSION, "python": sys.version, **facts}, scanned_ns=now_ns)
        brands_prefix = f"{brands.resolve()}/" if brands else None
        story_prefixes = tuple(f"{folder.resolve()}/" for folder in stories)
        for path in stamps:
            if brands_prefix and path.startswith(brands_prefix):
                bundle, slash, _rest = path[len(brands_prefix) :].partition("/")
                if slash:  # in a bundle, not _registry.yaml beside them
                    inputs.bundles.setdefault(brands_prefix + bundle, []).append(path)
                    inputs.local.add(path)
            elif story_prefixes and path.startswith(story_prefixes):
                inputs.local.add(path)
        return inputs

    def hashed(self) -> dict[str, Stamp]:
        """The stamps that hold a hash (files changed just before a scan), each followed by
        when this scan began: the next scan's `hashed_before` (stamps.stamp)."""
        return {path: (*found, self.scanned_ns) for path, found in self.stamps.items() if len(found) == 5}

    def fingerprint(self) -> str:
        """Changes when anything the build reads changes."""
        return digest(self.facts, sorted(self.stamps.items()))

    def site_digest(self) -> str:
        """Changes when anything every page may show changes."""
        shared = sorted((p, s) for p, s in self.stamps.items() if p not in self.local)
        return digest(self.facts, shared)

    def files_digest(self, paths: Iterable[str]) -> str:
        return digest_files(self.stamps, paths)

    def bundle_files(self, bundle: Path | str) -> list[str]:
        files = self.bundles.get(os.fspath(bundle))  # most paths come as the scan named them
        if files is not None:
            return files
        path = _absolute(bundle)
        return self.bundles.get(path, [path])

    def stamp_name(self, source: Path | str) -> str | None:
        """The name the scan gave `source`, or None if it did not see it."""
        path = os.fspath(source)
        if path in self.stamps:
            return path
        path = _absolute(source)
        return path if path in self.stamps else None

    def bundle_digest(self, bundle: Path | str) -> str:
        """The digest of a bundle's files, worked out once a build (lists show many bundles)."""
        name = os.fspath(bundle)
        known = self._bundle_digests.get(name)
        if known is None:
            known = self._bundle_digests[name] = self.files_digest(self.bundle_files(bundle))
        return known

    def family(self, source: Path | str) -> list[str]:
        """A story or page file with its translations: `x.md`, `x.en.md`."""
        if self._families is None:
            self._families = {}
            for path in self.stamps:
                folder, _, name = path.rpartition("/")
                self._families.setdefault((folder, name.partition(".")[0]), []).append(path)
        path = self.stamp_name(source) or _absolute(source)
        folder, _, name = path.rpartition("/")
        return self._families.get((folder, name.partition(".")[0]), [path])


@functools.lru_cache(maxsize=65536)
def _absolute(path: Path | str) -> str:
    """The path as the scan named it (resolved): each is resolved once a build."""
    return str(Path(path).resolve())


def roots_of(settings: dict, settings_file: Path, code: Iterable[Path] = ()) -> list[Path]:
    """The folders and files a build with these (Pelican) settings reads."""
    base = settings_file.resolve().parent

    def resolved(value) -> Path:
        path = Path(value)
        return path if path.is_absolute() else base / path

    roots = [resolved(settings["PATH"]), resolved(settings["THEME"])]
    roots += [resolved(p) for p in settings.get("PLUGIN_PATHS") or []]
    for name in ("BRANDS_PATH", "TRANSLATIONS_PATH"):
        if settings.get(name):
            roots.append(resolved(settings[name]))
    roots += sorted(base.glob("*.py")) + sorted(base.glob("requirements*.txt"))  # settings import each other
    roots += list(code)
    return roots
