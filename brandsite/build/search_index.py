"""Build the Pagefind full-text search index of a built site (the last build step).

    python -m brandsite.build.search_index output

Writes `<site>/pagefind/`. Pages opt in with `data-pagefind-body`. The index is
partitioned: one Pagefind bundle per language and section (brands, stories,
other pages), a big section split into buckets by a hash of the page's path,
so that no bucket holds more than about SEARCH_PARTITION_PAGES pages. A rebuild
indexes again only the partitions whose pages changed where Pagefind reads them
(`reads_alike`) and links the others from the previous index; the browser
merges the partitions of its language (`partitions.json` lists them, the first
being the one whose folder also holds Pagefind's scripts). `pagefind/` itself
holds the default UI. The extended Pagefind binary is required: the standard
one does not segment Chinese, so `香梨` would find nothing.

Pagefind 1.5.2 writes some things in random order (the languages of its entry
file, the values inside filter files); `normalise` sorts them, so the same site
always gives the same bytes.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import json
import math
import os
import re
import shutil
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import cbor2

from brandsite.build import compressed
from brandsite.build.pagefind_service import PagefindService
from brandsite.incremental.record import tree_stamps

BUNDLE = "pagefind"
MANIFEST = "partitions.json"
PARTITION_PAGES = 100  # SEARCH_PARTITION_PAGES: a story edit re-indexes about this many pages
SECTIONS = ("brands", "stories")  # the rest are "pages"
INDEX_DATA = ("pagefind-entry.json", "index", "fragment", "filter")  # and pagefind.*.pf_meta
RUNTIME = ("pagefind.js", "pagefind-worker.js")  # and wasm.*.pagefind: in each language's first partition
LAYOUT = "1.5.2"  # the index layout `normalise` knows (pinned in requirements.txt)
SIGNATURE = b"pagefind_dcd"  # starts every decompressed index file
HTML_LANG = re.compile(rb"<html\b[^>]*?\slang=[\"']?([^\"'\s>]+)", re.I)
BODY = re.compile(rb"<[a-z][^>]*\sdata-pagefind-body[\s=/>]", re.I)
# An element Pagefind reads nothing of, up to the first end tag of its name: that is the
# whole of it or a part (when it holds another of its name), never more.
IGNORED_ALL = re.compile(
    rb"<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-ignore=[\"']?all[\"'\s/>].*?</\1\s*>", re.I | re.S
)
# A script or meta tag with neither a data-pagefind attribute nor an id: Pagefind takes no
# text from a script and nothing from a tag without its attributes (an id would be an anchor).
UNREAD_TAG = re.compile(
    rb"<script\b(?:(?!data-pagefind|\sid\s*=)[^>])*>.*?</script\s*>|<meta\b(?:(?!data-pagefind|\sid\s*=)[^>])*>",
    re.I | re.S,
)


class SearchIndexError(Exception):
    pass


def pagefind_binary() -> Path:
    if os.environ.get("PAGEFIND_BINARY_PATH"):  # as Pagefind's own Python package allows
        return Path(os.environ["PAGEFIND_BINARY_PATH"])
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        raise SearchIndexError(
            "the pagefind[extended] package is missing: install requirements.txt (make html does)"
        ) from None
    return Path(get_executable())


# -- which pages go where -----------------------------------------------------


@dataclass(frozen=True)
class Page:
    path: str  # relative to the site, with /
    lang: str  # as Pagefind names its index: <html lang>, lower case
    stamp: tuple[int, int, int]  # inode, size, mtime: unchanged files are links to the previous output's


@dataclass
class Partition:
    name: str
    lang: str
    pages: list[Page] = field(default_factory=list)
    primary: bool = False  # the first of its language: holds Pagefind's scripts too

    def digest(self) -> str:
        """Changes when a page of it does (or Pagefind, or its role)."""
        return self._digest([[p.path, *p.stamp] for p in self.pages])

    def members(self) -> str:
        """Changes when its pages are others (or Pagefind, or its role), not when they change."""
        return self._digest([p.path for p in self.pages])

    def _digest(self, pages: list) -> str:
        facts = [LAYOUT, pagefind_version(), self.name, self.primary, pages]
        return hashlib.sha256(json.dumps(facts).encode()).hexdigest()


@functools.cache
def pagefind_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pagefind_bin_extended")
    except PackageNotFoundError:
        return ""


def pages_to_index(
    site: Path, known: dict | None = None, stamps: dict[str, tuple] | None = None
) -> tuple[list[Page], dict]:
    """The pages of `site` that have data-pagefind-body, in walk order; and what was found
    of every page (path -> [inode, size, mtime, language or "" if not indexed]), which,
    given as `known` to the next scan, spares reading the pages that did not change.
    `stamps`: (size, mtime_ns, inode) of the site's files by path, if known (no walk)."""
    known = known or {}
    if stamps is None:
        stamps = tree_stamps(site, (BUNDLE,))
    pages, seen = [], {}
    for relative in sorted((p for p in stamps if p.endswith(".html")), key=_walk_order):
        size, mtime, inode = stamps[relative]
        stamp = [inode, size, mtime]
        before = known.get(relative)
        lang = before[3] if before and before[:3] == stamp else _language_if_indexed(site / relative)
        seen[relative] = [*stamp, lang]
        if lang:
            pages.append(Page(relative, lang, tuple(stamp)))
    return pages, seen


def _walk_order(path: str) -> list:
    """As a sorted walk visits files: a folder's own files before those of its folders."""
    *folders, name = path.split("/")
    return [(1, folder) for folder in folders] + [(0, name)]


def _language_if_indexed(path: Path) -> str:
    """<html lang> of a page with data-pagefind-body ("unknown" if it has none); "" without."""
    with open(path, "rb") as file:
        data = file.read()
    if not BODY.search(data):
        return ""
    lang = HTML_LANG.search(data[:2000])
    return lang.group(1).decode("ascii", "replace").lower() if lang else "unknown"


def reads_alike(partition: Partition, site: Path, previous_site: Path, before: dict) -> bool:
    """True if each page of `partition` that changed since the previous build (whose scan
    found `before`: path -> [inode, size, mtime, ...]) differs from the previous one, still
    in `previous_site` as that build left it, only where Pagefind reads nothing
    (`data-pagefind-ignore="all"`, a script, a meta tag: see UNREAD_TAG): its index would be
    the same. Stories show the brands they name that way, and brand pages their stories, so a
    brand's summary edit does not index its stories again, nor a story's title its brands."""
    for page in partition.pages:
        old = before.get(page.path)
        if old and tuple(old[:3]) == page.stamp:
            continue
        try:
            info = os.stat(previous_site / page.path)
            if not old or [info.st_ino, info.st_size, info.st_mtime_ns] != old[:3]:
                return False
            if _searched_part(previous_site / page.path) != _searched_part(site / page.path):
                return False
        except OSError:
            return False
    return True


def _searched_part(path: Path) -> bytes:
    return UNREAD_TAG.sub(b"", IGNORED_ALL.sub(b"", path.read_bytes()))


def section_of(path: str) -> str:
    """brands/x/index.html and en/brands/x/index.html are in brands."""
    return next((part for part in path.split("/")[:2] if part in SECTIONS), "pages")


def plan(pages: list[Page], size: int = PARTITION_PAGES) -> list[Partition]:
    """Group `pages` by language and section, a section split into 2**k hash buckets
    of at most about `size` pages: a page stays in its bucket while the count does."""
    groups: dict[tuple[str, str], list[Page]] = {}
    for page in pages:
        groups.setdefault((page.lang, section_of(page.path)), []).append(page)
    partitions: dict[str, Partition] = {}
    for (lang, section), members in groups.items():
        buckets = 2 ** math.ceil(math.log2(len(members) / size)) if len(members) > size else 1
        for page in members:
            name = f"{_safe(lang)}-{section}"
            if buckets > 1:
                name += f"-{int(hashlib.sha256(page.path.encode()).hexdigest()[:8], 16) % buckets}"
            partitions.setdefault(name, Partition(name, lang)).pages.append(page)
    ordered = sorted(partitions.values(), key=lambda p: (p.lang, not p.name.endswith("-pages"), p.name))
    for index, partition in enumerate(ordered):
        partition.primary = index == 0 or ordered[index - 1].lang != partition.lang
    return ordered


def _safe(lang: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", lang).strip("-") or "unknown"


def manifest(partitions: list[Partition]) -> dict[str, list[str]]:
    """Language -> its partitions, the primary first (as they are ordered)."""
    languages: dict[str, list[str]] = {}
    for partition in partitions:
        languages.setdefault(partition.lang, []).append(partition.name)
    return languages


# -- writing the bundle -------------------------------------------------------


def update_index(
    site: Path,
    bundle: Path,
    partitions: list[Partition],
    previous: Path | None = None,
    known: dict[str, str] | None = None,
    services: list[PagefindService] | None = None,
    still_right: Callable[[Partition], bool] = lambda _partition: False,
) -> list[Partition]:
    """Write the index of `partitions` into `bundle` (a new folder): each partition
    whose digest is in `known`, or that is `still_right` (see `reads_alike`), is linked from
    `previous`, the others are indexed (by `services` first, if some were started: see
    `start_services`). Returns those indexed."""
    if not partitions:
        raise SearchIndexError("no page was indexed: pages to search need data-pagefind-body")
    known = known or {}
    stale = [
        p
        for p in partitions
        if not _complete(previous, p.name) or (known.get(p.name) != p.digest() and not still_right(p))
    ]
    if stale == [] and not _has_ui(previous):
        stale = [min(partitions, key=lambda p: len(p.pages))]  # it brings the UI's files
    stale_names = {p.name for p in stale}
    try:
        bundle.mkdir(parents=True)
    except OSError as exc:
        raise SearchIndexError(f"Pagefind failed: cannot make {bundle}: {exc}") from None
    kept = [p.name for p in partitions if p.name not in stale_names]
    with ThreadPoolExecutor(1) as pool:  # links while Pagefind indexes, in its own processes
        linked = pool.submit(_link_partitions, previous, bundle, kept)
        if stale_names:
            run_pagefind(site, bundle, stale, services=services)
        else:
            _link_ui(previous, bundle)
        linked.result()
    text = json.dumps(manifest(partitions), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    (bundle / MANIFEST).write_text(text, encoding="utf-8")
    return stale


def _link_partitions(previous: Path | None, bundle: Path, names: list[str]) -> None:
    for name in names:
        assert previous is not None  # a partition is kept from the previous index only
        shutil.copytree(previous / name, bundle / name, copy_function=os.link)


def start_services(settings: dict, count: int) -> list[PagefindService]:
    """`count` Pagefind processes for the search step to come, loading in turn what the site's
    languages need (for Chinese, 0.3 s of dictionary each) while the build goes on."""
    languages = sorted({tag for tag, _name in settings["LANGUAGES"].values()})
    services = [PagefindService(pagefind_binary()) for _ in range(count)]
    for earlier, service in zip([None, *services], services, strict=False):
        service.warm_up(languages, after=earlier)
    return services


def run_pagefind(
    site: Path,
    bundle: Path,
    partitions: list[Partition],
    workers: int = 2,
    services: list[PagefindService] | None = None,
) -> None:
    """Index each partition into bundle/<name> and put Pagefind's UI at the top of `bundle`.
    Two service processes share the work (biggest partitions first), so both cores index
    and each holds one partition at a time; `services` started already are used first (and
    all closed: those not needed at once)."""
    queues: list[list[Partition]] = [[] for _ in range(min(workers, len(partitions)))]
    loads = [0] * len(queues)
    for partition in sorted(partitions, key=lambda p: (-len(p.pages), p.name)):
        least = loads.index(min(loads))
        queues[least].append(partition)
        loads[least] += len(partition.pages)
    errors: list[str] = []

    def work(service, queue: list[Partition], with_ui: bool) -> None:
        for partition in queue:
            if errors:
                return
            try:
                files = service.index(site.resolve(), [p.path for p in partition.pages])
                _write(files, bundle / partition.name, partition.primary)
                if with_ui:
                    _write_ui(files, bundle)
                    with_ui = False
                _check(bundle / partition.name, partition)
            except Exception as exc:  # raised again, with the others, in the caller's thread
                errors.append(f"{partition.name}: {type(exc).__name__}: {exc}")

    started = list(services or [])
    for unneeded in started[len(queues) :]:
        unneeded.close(kill=True)
    services = started[: len(queues)]
    services += [PagefindService(pagefind_binary()) for _ in queues[len(services) :]]
    threads = [
        threading.Thread(target=work, args=(s, q, False), name="pagefind")
        for s, q in zip(services[1:], queues[1:], strict=True)
    ]
    try:
        for thread in threads:
            thread.start()
        work(services[0], queues[0], True)
    finally:
        stopped = sys.exc_info()[0] is not None  # a stop signal: do not wait for Pagefind
        for thread in threads:
            thread.join(0 if stopped else None)
        for each in services:
            each.close(kill=stopped)
        for thread in threads:
            thread.join()
    if errors:
        raise SearchIndexError(f"Pagefind failed: {errors[0]}")


def _write(files: dict[str, bytes], folder: Path, primary: bool) -> None:
    """A partition keeps its index; the primary also the scripts that search it."""
    for name, data in files.items():
        top = name.split("/")[0]
        if _is_index_data(top) or (primary and _is_runtime(top)):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)


def _write_ui(files: dict[str, bytes], bundle: Path) -> None:
    """Pagefind's UI files (the same from every run) go to the top of the bundle."""
    for name, data in files.items():
        if "/" not in name and not (_is_index_data(name) or _is_runtime(name)):
            (bundle / name).write_bytes(data)


def _check(folder: Path, partition: Partition) -> None:
    counts = normalise(folder)
    if counts != {partition.lang: len(partition.pages)}:
        raise SearchIndexError(
            f"{partition.name}: Pagefind indexed {describe(counts) or 'nothing'}, "
            f"not {partition.lang} {len(partition.pages)} pages"
        )


def is_complete(bundle: Path, partitions: list[Partition]) -> bool:
    """True if `bundle` holds the UI, the list and a folder for each of `partitions`."""
    return (
        _has_ui(bundle)
        and (bundle / MANIFEST).is_file()
        and all(_complete(bundle, p.name) for p in partitions)
    )


def _complete(previous: Path | None, name: str) -> bool:
    return previous is not None and (previous / name / "pagefind-entry.json").is_file()


def _is_index_data(name: str) -> bool:
    return name in INDEX_DATA or name.endswith(".pf_meta")


def _is_runtime(name: str) -> bool:
    return name in RUNTIME or (name.startswith("wasm.") and name.endswith(".pagefind"))


def _has_ui(previous: Path | None) -> bool:
    return previous is not None and (previous / "pagefind-ui.js").is_file()


def _link_ui(previous: Path, bundle: Path) -> None:
    for path in previous.iterdir():
        if path.is_file() and not path.name.startswith(MANIFEST):  # nor its .gz/.br
            os.link(path, bundle / path.name)


# -- determinism --------------------------------------------------------------


def normalise(bundle: Path) -> dict[str, int]:
    """Sort what Pagefind leaves in random order; return the pages per language."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    if entry.get("version") != LAYOUT:
        raise SearchIndexError(f"Pagefind {entry.get('version')} is not {LAYOUT}: check normalise()")
    for lang, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read_chunk(meta_path)  # [version, pages, index chunks, filters, sorts, meta fields]
        filters = []
        for name, chunk in meta[3]:
            path = bundle / "filter" / f"{chunk}.pf_filter"
            key, values = read_chunk(path)  # [filter name, [[value, [page numbers]], ...]]
            path.unlink()
            digits = len(chunk) - len(lang) - 1
            filters.append(
                [name, write_chunk(bundle / "filter", "", lang, [key, sorted(values)], ".pf_filter", digits)]
            )
        meta[3] = sorted(filters)
        meta_path.unlink()
        info["hash"] = write_chunk(
            bundle, "pagefind.", lang, meta, ".pf_meta", len(info["hash"]) - len(lang) - 1
        )
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {lang: info.get("page_count", 0) for lang, info in entry["languages"].items()}


def read_chunk(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise SearchIndexError(f"{path.name} is not a Pagefind index file")
    return cbor2.loads(data[len(SIGNATURE) :])


def write_chunk(folder: Path, prefix: str, lang: str, value, suffix: str, digits: int) -> str:
    """Write an index file named, as Pagefind names them, by a hash of its content."""
    data = SIGNATURE + cbor2.dumps(value)
    name = f"{lang}_{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{prefix}{name}{suffix}").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return name


# -- the step as a whole ------------------------------------------------------


def precompress(bundle: Path, settings: dict) -> None:
    """Give the bundle's text files their .gz/.br twins, as the pages got theirs."""
    if compressed.wanted(settings):
        compressed.Compression(settings).compress(bundle, None)


def counts_of(partitions: list[Partition]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for partition in partitions:
        counts[partition.lang] = counts.get(partition.lang, 0) + len(partition.pages)
    return dict(sorted(counts.items()))


def describe(counts: dict[str, int]) -> str:
    return ", ".join(f"{lang} {n} pages" for lang, n in counts.items())


def build_index(site: Path, bundle: Path | None = None, size: int = PARTITION_PAGES) -> dict[str, int]:
    """Index all of `site` into `bundle` (`site/pagefind` by default); return the pages per language."""
    partitions = plan(pages_to_index(site)[0], size)
    bundle = bundle or site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    update_index(site, bundle, partitions)
    return counts_of(partitions)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    args = parser.parse_args(argv)
    try:
        counts = build_index(args.site)
    except SearchIndexError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Search index: {describe(counts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
