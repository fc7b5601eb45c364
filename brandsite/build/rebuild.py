"""What a build keeps from the previous build of the same output (brandsite.incremental).

- Nothing changed (inputs, facts, and the output as that build left it): no build.
- Pages whose own inputs did not change are linked from the previous output
  (the writer asks `pages`); afterwards every file whose bytes did not change
  becomes a link to the previous one, so its inode and mtime stay.
- The search index is made again only when a page changed; the preview may
  make it after the pages are served (`refresh_search`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from brandsite.brand_registry.build_day import build_day
from brandsite.brand_registry.settings_file import site_paths
from brandsite.incremental.inputs import ENVIRONMENT, Inputs, roots_of
from brandsite.incremental.pages import PageReuse
from brandsite.incremental.record import Record, tree_digest
from brandsite.incremental.stamps import digest
from brandsite.incremental.unchanged import keep_unchanged

SEARCH_BUNDLE = "pagefind"
# What renders the pages, besides our own code: a new version may write other bytes.
PACKAGES = ("pelican", "jinja2", "markdown", "nh3", "pillow", "babel", "pyyaml", "markupsafe", "pagefind")
CODE = Path(__file__).resolve().parent.parent  # the brandsite package


def run_search_index(site: Path, settings: dict, bundle: Path | None = None) -> int:
    """Pagefind over the finished pages of `site`, into `bundle` (site/pagefind)."""
    from brandsite.build.search_index import SearchIndexError, build_index, describe, precompress

    bundle = bundle or site / SEARCH_BUNDLE
    try:
        counts = build_index(site, bundle)
        precompress(bundle, settings)
    except (SearchIndexError, OSError, subprocess.SubprocessError) as exc:
        print(f"Search index: {exc}", file=sys.stderr)
        return 1
    print(f"Search index: {describe(counts)}")
    return 0


class Incremental:
    """The previous build of `output`, and what this build into `staging` keeps of it."""

    def __init__(
        self,
        settings: dict,
        settings_file: str,
        output: Path,
        staging: Path,
        siteurl: str | None,
        force: bool,
        retained: list[str],
    ):
        self.output, self.staging, self.retained = output, staging, tuple(retained)
        paths = site_paths(settings)
        as_of = build_day(settings.get("REGISTRY_AS_OF"), zone=settings.get("TIMEZONE"))
        facts = {
            "settings": str(Path(settings_file).resolve()),
            "siteurl": siteurl,
            "as_of": as_of.isoformat(),
            "environment": {k: os.environ.get(k) for k in ENVIRONMENT},
            "packages": {name: _package_version(name) for name in PACKAGES},
        }
        self.record_path = Record.path_for(Path(settings["CACHE_PATH"]), output)
        previous = Record.load(self.record_path)
        roots = roots_of(settings, Path(settings_file), [CODE])
        self.inputs = Inputs.scan(roots, paths.brands, [paths.stories], facts, previous.hashed)
        self.previous = previous if previous.describes(output) else Record()
        self.fingerprint = self.inputs.fingerprint()
        self.unchanged = (
            not force
            and self.previous.fingerprint == self.fingerprint
            and self.previous.untouched(output, self.retained)
        )
        self.pages = PageReuse(
            self.inputs,
            output if self.previous.pages else None,
            self.previous.pages,
            staging,
            self.previous.groups,
        )
        self.search = ""  # digest of the pages the staged search index was made from
        self._pages_digest = ""  # of the staged pages, worked out by search_is_current
        self.page_manifest: dict = {}

    def spare_path(self) -> Path:
        """Where the output a swap retires waits to lend its folders to the next build."""
        return self.record_path.with_suffix(".spare")

    def keep_pages(self) -> None:
        """After Pelican: unchanged files become links to the previous output's."""
        kept = keep_unchanged(
            self.staging, self.output, skip=(SEARCH_BUNDLE,), prune=True
        )  # the spare's folders this build did not use
        print(
            f"Pages and brand data: {self.pages.reused} reused from the last build; "
            f"files: {kept.changed} new or changed, {kept.same} as before"
        )

    def search_is_current(self, live: bool = False) -> bool:
        """True when the previous output's index was made from exactly the staged pages
        (with `live`, the pages of the output, once the preview has swapped them in)."""
        from brandsite.build.search_index import LAYOUT

        site = self.output if live else self.staging
        self._pages_digest = digest(LAYOUT, _package_version("pagefind"), _page_stamps(site))
        return (
            self._pages_digest == self.previous.search
            and (self.output / SEARCH_BUNDLE).is_dir()
            and (live or not os.path.lexists(self.staging / SEARCH_BUNDLE))
        )  # nothing else there

    def search_index(self, settings: dict) -> int:
        """Pagefind into the staging folder, unless the previous index is still right."""
        if self.search_is_current():
            self.link_previous_search()
            self.search = self._pages_digest
            print("Search index: as before (no page changed)")
            return 0
        code = run_search_index(self.staging, settings)
        if code == 0:
            keep_unchanged(self.staging / SEARCH_BUNDLE, self.output / SEARCH_BUNDLE)
            self.search = self._pages_digest
        return code

    def link_previous_search(self) -> None:
        old = self.output / SEARCH_BUNDLE
        if old.is_dir() and not os.path.lexists(self.staging / SEARCH_BUNDLE):
            shutil.copytree(old, self.staging / SEARCH_BUNDLE, copy_function=os.link)

    def refresh_search(self, settings: dict, discard, held=contextlib.nullcontext) -> int:
        """After the swap (the previous index carried over): unless it is still right, make
        the index of the live pages beside them, then swap it in (inside `held()`, where a
        stop signal waits)."""
        if self.search_is_current(live=True):
            with held():
                self.search = self._pages_digest
                self.save()
            print("Search index: as before (no page changed)")
            return 0
        fresh = self.output.parent / f".{self.output.name}.building-{os.getpid()}-search"
        shutil.rmtree(fresh, ignore_errors=True)
        code = run_search_index(self.output, settings, fresh)
        if code != 0:
            shutil.rmtree(fresh, ignore_errors=True)
            return code
        live = self.output / SEARCH_BUNDLE
        keep_unchanged(fresh, live)
        with held():
            if live.exists():
                aside = self.output.parent / f".{self.output.name}.building-{os.getpid()}-search-old"
                live.rename(aside)
                fresh.rename(live)
                discard(aside)
            else:
                fresh.rename(live)
            self.search = self._pages_digest
            self.save()
        return 0

    def record_pages(self, folder: Path) -> None:
        """Stamps of the pages as staged: `folder` is the staging folder or, since a rename
        keeps them, the output it became."""
        self.page_manifest = self.pages.manifest(folder)

    def save(self) -> None:
        """Record the output as it now is (after the swap)."""
        written = tree_digest(self.output, self.retained)
        Record(
            self.fingerprint,
            self.output.stat().st_ino,
            written,
            self.search,
            self.page_manifest,
            self.pages.groups,
            self.inputs.hashed(),
        ).save(self.record_path)


def _page_stamps(site: Path) -> list:
    stamps = []
    for current, dirs, files in os.walk(site):
        dirs[:] = sorted(d for d in dirs if d != SEARCH_BUNDLE)
        for name in sorted(files):
            if name.endswith(".html"):
                info = os.stat(os.path.join(current, name))
                stamps.append(
                    [
                        os.path.relpath(os.path.join(current, name), site),
                        info.st_ino,
                        info.st_size,
                        info.st_mtime_ns,
                    ]
                )
    return stamps


def _package_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return ""
