"""What a build keeps from the previous build of the same output (brandsite.incremental).

- Nothing changed (inputs, facts, and the output as that build left it): no build.
- Pages whose inputs (what their templates receive, brandsite.incremental.gathered)
  did not change are linked from the previous output (the writer asks `pages`);
  afterwards every file whose bytes did not change becomes a link to the previous
  one, so its inode and mtime stay.
- The search index is made again only for the partitions whose pages changed
  (brandsite.build.search_index); the preview may make it after the pages are
  served (`refresh_search`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from brandsite.brand_registry.build_day import build_day
from brandsite.brand_registry.settings_file import site_paths
from brandsite.build import compressed
from brandsite.build.pagefind_service import PagefindService
from brandsite.incremental.fork_pool import Background, Here, two_cores
from brandsite.incremental.inputs import ENVIRONMENT, Inputs, roots_of
from brandsite.incremental.record import Record, stamps_digest, tree_digest, tree_stamps
from brandsite.incremental.unchanged import keep_unchanged

SEARCH_BUNDLE = "pagefind"
# What renders the pages, besides our own code: a new version may write other bytes.
PACKAGES = ("pelican", "jinja2", "markdown", "nh3", "pillow", "babel", "pyyaml", "markupsafe", "pagefind")
CODE = Path(__file__).resolve().parent.parent  # the brandsite package


@dataclasses.dataclass
class LookBack:
    """The previous build of an output, this build's inputs, and whether nothing changed since."""

    record_path: Path
    previous: Record  # empty if that build was not of this output folder
    inputs: Inputs
    fingerprint: str
    unchanged: bool
    scanned: tuple  # what was scanned, and with which facts (see look_back's `earlier`)
    # The output is as the previous build left it: asked for when compressing, and found
    # out on the other core meanwhile (`Incremental.output_untouched`).
    untouched: bool | Background | Here = False


def look_back(
    settings: dict,
    settings_file: str,
    output: Path,
    siteurl: str | None,
    force: bool,
    retained: tuple[str, ...],
    earlier: LookBack | None = None,
) -> LookBack:
    """Scan the inputs and compare them, and `output`, with the previous build's record.

    `earlier`: a look of this same build with the settings read another way (see
    `look_without_pelican`); what it scanned stands if it is what these settings name."""
    paths = site_paths(settings)
    as_of = build_day(settings.get("REGISTRY_AS_OF"), zone=settings.get("TIMEZONE"))
    facts = {
        "settings": str(Path(settings_file).resolve()),
        "siteurl": siteurl,
        "as_of": as_of.isoformat(),
        "environment": {k: os.environ.get(k) for k in ENVIRONMENT},
        "packages": {name: _package_version(name) for name in PACKAGES},
    }
    record_path = Record.path_for(Path(settings["CACHE_PATH"]), output)
    roots = roots_of(settings, Path(settings_file), [CODE])
    scanned = (record_path, roots, paths.brands, paths.stories, facts)
    if earlier is not None and earlier.scanned == scanned:
        return dataclasses.replace(earlier, unchanged=earlier.unchanged and not force)
    if earlier is not None and not isinstance(earlier.untouched, bool):
        earlier.untouched.stop()
    loaded = Record.load(record_path)
    previous = loaded if loaded.describes(output) else Record()
    check = _check_output(previous, output, retained, settings, force)
    try:
        inputs = Inputs.scan(roots, paths.brands, [paths.stories], facts, loaded.hashed)
    except BaseException:
        check.stop()
        raise
    fingerprint = inputs.fingerprint()
    untouched: bool | Background | Here = False
    if previous.fingerprint == fingerprint:
        untouched = _untouched(check)
    elif compressed.wanted(settings):
        untouched = check  # may the previous twins be linked? Asked for when compressing
    else:
        check.stop()
    unchanged = previous.fingerprint == fingerprint and untouched is True
    return LookBack(record_path, previous, inputs, fingerprint, unchanged, scanned, untouched)


def _untouched(check: Background | Here) -> bool:
    """What `_check_output` found: False if it failed (the previous twins are not linked)."""
    try:
        return bool(check.result())
    except Exception:
        return False


def _check_output(
    previous: Record, output: Path, retained: tuple[str, ...], settings: dict, force: bool
) -> Background | Here:
    """Whether `output` is as the previous build left it, found out on the other core
    while the inputs are scanned (26,000 files each at 1,000 brands); asked for only
    when no input changed."""
    if force or not previous.fingerprint:
        return Here(lambda: False)
    check = functools.partial(previous.untouched, output, retained)
    return Background(check) if two_cores(settings) else Here(check)


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
        earlier: LookBack | None = None,
    ):
        from brandsite.incremental.pages import PageReuse  # Jinja: not for a build with nothing to do

        self.output, self.staging, self.retained = output, staging, tuple(retained)
        looked = look_back(settings, settings_file, output, siteurl, force, self.retained, earlier)
        self.record_path, self.previous, self.inputs = looked.record_path, looked.previous, looked.inputs
        self.fingerprint, self.unchanged = looked.fingerprint, looked.unchanged
        self._untouched = looked.untouched
        self.compression = ""  # how this build's twins are made (compress)
        self.two_cores = two_cores(settings)
        self.pages = PageReuse(
            self.inputs,
            output if self.previous.pages else None,
            self.previous.pages,
            staging,
            self.previous.groups,
            self.previous.templates,
        )
        self.search: dict = {}  # what the search index was made from (Record.search)
        self.index_stamps: dict[str, tuple] | None = None  # of the index this build wrote, if it did
        self.page_manifest: dict = {}
        self.staged: dict[str, tuple] | None = None  # stamps of the files Pelican left, but the index
        self.previous_site: Path | None = None  # the previous output, as keep_pages compared it
        self.search_services: list[PagefindService] = []  # started early (warm_search)

    def spare_path(self) -> Path:
        """Where the output a swap retires waits to lend its folders to the next build."""
        return self.record_path.with_suffix(".spare")

    def keep_pages(self, previous: Path | None = None) -> None:
        """After Pelican: unchanged files become links to the previous output's. `previous`:
        where the swap moved the previous output, if the pages were swapped in first (the
        preview serves them sooner); else the staging folder is walked, beside the output."""
        new, old = (self.staging, self.output) if previous is None else (self.output, previous)
        kept = keep_unchanged(  # prune: the spare's folders this build did not use
            new,
            old,
            skip=(SEARCH_BUNDLE,) if previous is None else (SEARCH_BUNDLE, *self.retained),
            prune=True,
            two_processes=self.two_cores,
            linked=self.pages.linked,
        )
        self.staged, self.previous_site = kept.stamps, old
        if previous is None:
            self.clear_index_folders()
        print(
            f"Pages and brand data: {self.pages.reused} reused from the last build; "
            f"files: {kept.changed} new or changed, {kept.same} as before"
        )
        for template, why in sorted(self.pages.unknown.items()):  # rendered every build: say why
            print(f"Pages of {template} are rendered every build: they receive {why}")

    def clear_index_folders(self) -> None:
        """Drop the spare's index folders, empty: left there, they would stand in for the
        index that the preview carries over from the live output (driver: search_later), or
        be taken for one already made (search_index). Those of a spare emptied after the
        last build are gone already (empty_later's `drop`)."""
        _drop_empty_folders(self.staging / SEARCH_BUNDLE)

    def compress(self, settings: dict) -> None:
        """After keep_pages: the text files' .gz/.br twins, if the settings ask for them; a file
        unchanged since the previous build keeps that build's (brandsite.build.compressed)."""
        if not compressed.wanted(settings):
            return
        started = time.perf_counter()
        compression = compressed.Compression(settings)
        self.compression = compression.identity()
        reuse = self.previous.compression == self.compression and self.output_untouched()
        assert self.staged is not None  # keep_pages' walk: the files to compress
        done = compression.compress(self.staging, self.output if reuse else None, stamps=dict(self.staged))
        self.staged.update(done.stamps)
        print(
            f"Compressed copies: {done.made} made, {done.linked} as before "
            f"in {time.perf_counter() - started:.2f} s"
        )

    def warm_search(self, settings: dict) -> None:
        """Start the search step's Pagefind processes now, one a core: they load their
        dictionaries, one after the other, while Pelican reads the site in this process alone
        (0.3 s each that no longer wait; a brand edit indexes several partitions, on both
        cores)."""
        from brandsite.build.search_index import start_services

        with contextlib.suppress(OSError):  # no binary: the search step says so
            self.search_services = start_services(settings, 2 if self.two_cores else 1)

    def output_untouched(self) -> bool:
        """Whether the output is as the previous build left it (see look_back); before the
        swap, which replaces it."""
        if not isinstance(self._untouched, bool):
            self._untouched = _untouched(self._untouched)
        return self._untouched

    def stop_search(self) -> None:
        """End the Pagefind processes warm_search started (those the search step indexed
        with are closed already: closing twice does nothing), and the output's check if
        no step asked for it."""
        if not isinstance(self._untouched, bool):
            self._untouched.stop()
            self._untouched = False
        services, self.search_services = self.search_services, []
        for service in services:
            service.close(kill=True)  # nothing of theirs is left to write

    def search_index(self, settings: dict) -> int:
        """Pagefind into the staging folder, partitions whose pages did not change linked."""
        code, written = self._search(self.staging, self.staging / SEARCH_BUNDLE, settings)
        if code == 0 and not written:
            shutil.copytree(self.output / SEARCH_BUNDLE, self.staging / SEARCH_BUNDLE, copy_function=os.link)
        return code

    def refresh_search(self, settings: dict, discard, held=contextlib.nullcontext) -> int:
        """After the swap (the previous index carried over): index what changed of the live
        pages beside them, then swap it in (inside `held()`, where a stop signal waits)."""
        fresh = self.output.parent / f".{self.output.name}.building-{os.getpid()}-search"
        shutil.rmtree(fresh, ignore_errors=True)
        code, written = self._search(self.output, fresh, settings)
        if code != 0:
            shutil.rmtree(fresh, ignore_errors=True)
            return code
        live = self.output / SEARCH_BUNDLE
        with held():
            if written and live.exists():
                aside = self.output.parent / f".{self.output.name}.building-{os.getpid()}-search-old"
                live.rename(aside)
                fresh.rename(live)
                discard(aside)
            elif written:
                fresh.rename(live)
            self.save()
        return 0

    def _search(self, site: Path, bundle: Path, settings: dict) -> tuple[int, bool]:
        """Index the pages of `site` into `bundle`, unless the previous index is right as
        it is; (0 on success, whether `bundle` was written)."""
        from brandsite.build import search_index as search

        started = time.perf_counter()
        previous = self.output / SEARCH_BUNDLE
        try:
            size = int(settings.get("SEARCH_PARTITION_PAGES") or search.PARTITION_PAGES)
            known = self.previous.search.get("partitions") or {}
            before = self.previous.search.get("pages") or {}
            known_members = self.previous.search.get("members") or {}
            pages, seen = search.pages_to_index(site, before, self.staged)
            partitions = search.plan(pages, size)
            digests = {p.name: p.digest() for p in partitions}
            members = {p.name: p.members() for p in partitions}
            counts = search.describe(search.counts_of(partitions))
            found = {"partitions": digests, "members": members, "pages": seen}
            if digests == known and search.is_complete(previous, partitions) and not os.path.lexists(bundle):
                self.search = found
                print(f"Search index: as before (no page changed; {counts})")
                return 0, False

            previous_site = self.previous_site

            def still_right(partition: search.Partition) -> bool:
                """Its pages are the same, and changed only where Pagefind reads nothing (the
                previous pages are there to compare: the output before the swap, or where the
                swap moved it, not yet emptied)."""
                return (
                    previous_site is not None
                    and site != previous_site
                    and known_members.get(partition.name) == members[partition.name]
                    and search.reads_alike(partition, site, previous_site, before)
                )

            stale = search.update_index(
                site,
                bundle,
                partitions,
                previous if previous.is_dir() else None,
                known,
                self.search_services,
                still_right,
            )
            search.precompress(bundle, settings)
            kept = keep_unchanged(bundle, previous)
            self.index_stamps = {f"{SEARCH_BUNDLE}/{path}": stamp for path, stamp in kept.stamps.items()}
        except (search.SearchIndexError, OSError, subprocess.SubprocessError) as exc:
            print(f"Search index: {exc}", file=sys.stderr)
            return 1, False
        self.search = found
        print(
            f"Search index: {counts}; {len(stale)} of {len(partitions)} partitions indexed again "
            f"in {time.perf_counter() - started:.2f} s"
        )
        return 0, True

    def record_pages(self, folder: Path) -> None:
        """Stamps of the pages as staged: `folder` is the staging folder or, since a rename
        keeps them, the output it became."""
        self.page_manifest = self.pages.manifest(folder, self.staged)

    def save(self) -> None:
        """Record the output as it now is (after the swap)."""
        if self.staged is None:
            written = tree_digest(self.output, self.retained)
        else:  # the files as staged (a rename keeps their stamps), and the index as it is now
            found = {
                path: stamp for path, stamp in self.staged.items() if path.split("/")[0] not in self.retained
            }
            found.update(
                self.index_stamps
                if self.index_stamps is not None
                else tree_stamps(self.output / SEARCH_BUNDLE, prefix=SEARCH_BUNDLE + "/")
            )
            written = stamps_digest(found)
        Record(
            self.fingerprint,
            self.output.stat().st_ino,
            written,
            self.search,
            self.page_manifest,
            self.pages.groups,
            self.inputs.hashed(),
            self.pages.parsed,
            self.compression,
        ).save(self.record_path)


def _drop_empty_folders(bundle: Path) -> None:
    """Remove `bundle` if it holds folders only (those of the spare the staging folder was)."""
    if bundle.is_dir() and not bundle.is_symlink() and not any(files for _, _, files in os.walk(bundle)):
        shutil.rmtree(bundle)


@functools.cache
def _package_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return ""
