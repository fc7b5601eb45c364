"""The .gz and .br twins of the text files, as pelican-precompress makes them, made
again only for the files that changed.

The plugin compresses every text file of the output on every build: at 250 brands
that was 160 s of each `make publish`, a one-story edit included (Brotli at its
highest quality, 8,000 files). A build run by the driver takes the step over
(`take_over` leaves the plugin out of Pelican's run) and, once the unchanged files
are links to the previous output's (`keep_pages`), links the previous twins of
each file that is still the same file, compressing only the others with the
plugin's own compressors and settings (`compress`). A twin is taken from the
previous output only when that output is as its build left it and was compressed
the same way (`identity`: formats, sizes, extensions, library versions); a file
the previous build left without a twin (too small, or larger compressed) stays
without. Builds with Pelican alone still run the plugin as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import zlib
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace

from brandsite.incremental.fork_pool import run_shared
from brandsite.incremental.record import tree_stamps

PLUGIN = "pelican.plugins.precompress"
TAKEN = "BRANDSITE_PRECOMPRESS"  # set in a build's settings when the driver compresses
PARALLEL_MIN = 16  # files to compress before the work is shared with other processes


def _name(plugin) -> str:
    return plugin if isinstance(plugin, str) else getattr(plugin, "__name__", "")


def take_over(settings: dict) -> None:
    """Leave the plugin out of Pelican's run: the driver compresses (`compress`)."""
    plugins = list(settings.get("PLUGINS") or [])
    if any(_name(p) == PLUGIN for p in plugins):
        settings["PLUGINS"] = [p for p in plugins if _name(p) != PLUGIN]
        settings[TAKEN] = True


def wanted(settings: dict) -> bool:
    """Whether the settings ask for precompressed twins (the plugin, or the driver for it)."""
    return bool(settings.get(TAKEN)) or any(_name(p) == PLUGIN for p in settings.get("PLUGINS") or [])


@dataclass
class Compressed:
    made: int = 0  # twins compressed now
    linked: int = 0  # twins linked from the previous output
    stamps: dict[str, tuple] = field(default_factory=dict)  # twin path (with /) -> its stamp


class Compression:
    """The plugin's settings for a build, and its compressors."""

    def __init__(self, settings: dict):
        from pelican.plugins import precompress

        self.plugin = precompress
        self.settings = precompress.get_settings(SimpleNamespace(settings={"OUTPUT_PATH": ".", **settings}))
        self.formats = [
            entry
            for enabled, entry in (
                ("PRECOMPRESS_BROTLI", ("brotli", ".br", precompress.compress_with_brotli, None)),
                ("PRECOMPRESS_GZIP", ("gzip", ".gz", precompress.compress_with_gzip, None)),
                ("PRECOMPRESS_ZOPFLI", ("zopfli", ".gz", precompress.compress_with_zopfli, None)),
                ("PRECOMPRESS_ZSTANDARD", ("zstandard", ".zst", precompress.compress_with_zstandard, None)),
            )
            if self.settings[enabled]
        ]
        self.extensions = frozenset(self.settings["PRECOMPRESS_TEXT_EXTENSIONS"])
        self.min_size = int(self.settings["PRECOMPRESS_MIN_SIZE"] or 0)
        self.workers = int(settings.get("RENDER_WORKERS") or os.cpu_count() or 1)

    def identity(self) -> str:
        """What the twins' bytes depend on besides the file's: the same identity, the same twins."""
        versions = {name: _version(name) for name in ("pelican-precompress", "brotli", "zopfli", "zstandard")}
        described = {
            "formats": [name for name, *_ in self.formats],
            "extensions": sorted(self.extensions),
            "min_size": self.min_size,
            "versions": versions,
            "zlib": zlib.ZLIB_RUNTIME_VERSION,
        }
        return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()

    def compress(
        self,
        folder: Path,
        previous: Path | None,
        skip: tuple[str, ...] = (),
        stamps: dict[str, tuple] | None = None,
    ) -> Compressed:
        """Give each text file under `folder` its twins; a file that is the same file (inode) in
        `previous` gets that one's twins, linked, or none if it had none there. `stamps`: the
        files of `folder` as a walk already found them (record.tree_stamps), else walked now."""
        if stamps is None:
            stamps = tree_stamps(folder, skip)
        if previous is not None and os.stat(previous).st_dev != os.stat(folder).st_dev:
            previous = None  # inodes of another device say nothing
        done = Compressed()
        jobs: list[tuple[int, str, list]] = []  # (size, path, the formats to make)
        twins: list[str] = []  # (paths with /, under `folder`)
        root, listing = os.fspath(folder), _Listings(previous)
        for name, (size, _mtime, inode) in sorted(stamps.items()):
            if os.path.splitext(name)[1] not in self.extensions or size < self.min_size:
                continue
            same = listing.same(name, inode)
            to_make = []
            for twin_format in self.formats:
                twin = name + twin_format[1]
                if twin in stamps:  # written by the build itself
                    twins.append(twin)
                elif not same:
                    to_make.append(twin_format)
                    twins.append(twin)
                elif listing.has(twin):
                    os.link(listing.path(twin), f"{root}/{twin}")
                    twins.append(twin)
                    done.linked += 1
            if to_make:
                jobs.append((size, f"{root}/{name}", to_make))
        self._run(jobs)
        made = {path + twin_format[1] for _size, path, formats in jobs for twin_format in formats}
        for twin in twins:
            path = f"{root}/{twin}"
            try:
                info = os.lstat(path)
            except OSError:  # larger compressed: none, as the plugin leaves it
                continue
            done.stamps[twin] = (info.st_size, info.st_mtime_ns, info.st_ino)
            done.made += path in made
        return done

    def _run(self, jobs: list[tuple[int, str, list]]) -> None:
        """Compress as the plugin does (its worker: a file larger compressed gets no twin),
        in a process a core (fork_pool), each file in every format by one process.

        The processes take the jobs in turn: dealt largest first, their shares even out
        (dealt by name, with a job a format, one process had every Brotli twin to make,
        ten times the work of the Gzip ones: a cold `make publish` used one core)."""
        settings = {**self.settings, "PRECOMPRESS_OVERWRITE": False}

        def work(job: tuple[int, str, list]) -> None:
            _size, path, formats = job
            data = Path(path).read_bytes()
            for twin_format in formats:
                self.plugin.worker(data, Path(path), twin_format, settings)

        jobs = sorted(jobs, key=lambda job: (-job[0], job[1]))
        run_shared(jobs, work, self.workers if len(jobs) >= PARALLEL_MIN else 1)


class _Listings:
    """The regular files of each folder of the previous output, by name, with their inodes:
    one listing a folder, not a look at each file and each of its twins."""

    def __init__(self, previous: Path | None):
        self.root = None if previous is None else os.fspath(previous)
        self.folders: dict[str, dict[str, int]] = {}

    def path(self, name: str) -> str:
        """`name` (a path with /) in the previous output."""
        return f"{self.root}/{name}"

    def of(self, name: str) -> dict[str, int]:
        """The files beside `name` in the previous output (none without one)."""
        folder = os.path.dirname(name)
        if folder not in self.folders:
            files = {}
            if self.root is not None:
                with contextlib.suppress(OSError), os.scandir(self.path(folder)) as entries:
                    files = {e.name: e.inode() for e in entries if e.is_file(follow_symlinks=False)}
            self.folders[folder] = files
        return self.folders[folder]

    def has(self, name: str) -> bool:
        """Whether the previous output holds the file `name`."""
        return os.path.basename(name) in self.of(name)

    def same(self, name: str, inode: int) -> bool:
        """Whether the previous output's `name` is the file `inode` (a listing's inode is the
        file's own on most file systems; where it is not, as on some overlays, a look says)."""
        listed = self.of(name).get(os.path.basename(name))
        if listed is None:
            return False
        if listed == inode:
            return True
        try:
            info = os.lstat(self.path(name))
        except OSError:
            return False
        return stat.S_ISREG(info.st_mode) and info.st_ino == inode


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""
