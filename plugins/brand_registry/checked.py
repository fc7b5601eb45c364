"""Checked brands kept between builds, each under the stamps of its bundle's files.

A bundle whose files did not change since the last build (nor the registry
file, the day expiry is checked for, the project folder, this package's code
or the libraries it parses with) is neither read nor checked again: its Brand
and the issues found in it come back as the last build left them. Any write
to a file of the bundle changes its stamp (size, times, inode), so an edit is
always a miss, never a stale answer.

    checked.begin(folder, context)   # load_site, once the registry is read
    checked.brand(bundle, load)      # the cached result, or load(issues) now
    checked.save()                   # the build went well (with memo.save)

The file follows the memo's rules: written to a temporary name and renamed,
checksummed, and unpickled by a loader that builds only the registry's own
data classes, dates and paths, never code.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Callable

from atomic_write import write_atomic

from .images import RACY_NS
from .issues import Issue
from .model import Brand

FILE_NAME = "checked.pickle"
FORMAT = "brand-registry-checked-1"
LIBRARIES = ("PyYAML", "Markdown", "nh3", "Pillow")
_ALLOWED = {("brand_registry.issues", "Issue"), ("brand_registry.messages", "Message"),
            ("datetime", "date"), ("datetime", "datetime"), ("pathlib", "PosixPath")} | {
    ("brand_registry.model", name) for name in
    ("Award", "Brand", "Certification", "Contact", "Image", "Licensee", "Standard", "Translation")}

Result = tuple[Brand | None, list[Issue]]


class _Unpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the checked-brands cache")


def _loads(data: bytes):
    return _Unpickler(io.BytesIO(data)).load()


class Checked:
    def __init__(self):
        self.folder: Path | None = None
        self.context = ""
        self.stored: dict[str, bytes] = {}
        self.used: dict[str, bytes] = {}
        self.on_disk: frozenset[str] = frozenset()

    def begin(self, folder: Path | None, context: str) -> None:
        """A build starts; `context` is the digest of what every bundle's check depends on."""
        folder = Path(folder) if folder is not None else None
        if folder != self.folder:
            self.folder = folder
            self.stored = _read(folder / FILE_NAME) if folder is not None else {}
            self.on_disk = frozenset(self.stored)
        elif self.used:
            self.stored = self.used
        self.used, self.context = {}, context

    def brand(self, bundle: Path, load: Callable[[list[Issue]], Brand | None],
              issues: list[Issue]) -> Brand | None:
        """The bundle's Brand (its issues added to `issues`), checked now only if it changed."""
        stamp = bundle_stamp(bundle)
        key = hashlib.sha256(repr((self.context, str(bundle), stamp)).encode()).hexdigest()
        data = self.stored.get(key) or self.used.get(key)
        if data is not None:
            try:
                brand, found = _loads(data)
            except Exception:  # noqa: BLE001 - a damaged entry is a miss
                pass
            else:
                self.used[key] = data
                issues.extend(found)
                return brand
        found: list[Issue] = []
        brand = load(found)
        issues.extend(found)
        if stamp == bundle_stamp(bundle) and not _racy(stamp):  # unchanged while it was read
            self.used[key] = pickle.dumps((brand, found), protocol=pickle.HIGHEST_PROTOCOL)
        return brand

    def save(self) -> bool:
        """Write what this build used, if that differs from the file; True if written."""
        if self.folder is None or set(self.used) == self.on_disk:
            return False
        payload = pickle.dumps(self.used, protocol=pickle.HIGHEST_PROTOCOL)
        kept = pickle.dumps((FORMAT, code_version(), hashlib.sha256(payload).hexdigest(), payload),
                            protocol=pickle.HIGHEST_PROTOCOL)
        try:
            write_atomic(self.folder / FILE_NAME, kept)
        except OSError:  # a read-only checkout still builds, only slower next time
            return False
        self.on_disk = frozenset(self.used)
        return True


def bundle_stamp(bundle: Path) -> tuple:
    """Each entry under `bundle` with its lstat (and, for a link, its target's stat)."""
    entries = []
    for current, dirs, files in os.walk(bundle):
        dirs.sort()
        for name in sorted(files + dirs):
            path = os.path.join(current, name)
            entries.append((os.path.relpath(path, bundle), _stat(path, os.lstat),
                            _stat(path, os.stat) if os.path.islink(path) else None))
    return tuple(entries)


def _racy(stamp: tuple) -> bool:
    """A file changed so recently that another write in the same timestamp tick, of the
    same size, would leave its stamp as it is: not kept until it is older (as images.RACY_NS)."""
    newest = max((max(info[2], info[3]) for _name, *infos in stamp for info in infos if info), default=0)
    return time.time_ns() - newest <= RACY_NS


def _stat(path: str, how) -> tuple | None:
    try:
        info = how(path)
    except OSError:
        return None
    return info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def _read(path: Path) -> dict[str, bytes]:
    try:
        with path.open("rb") as file:
            form, version, digest, payload = _PlainUnpickler(file).load()
        if (form, version) != (FORMAT, code_version()) or hashlib.sha256(payload).hexdigest() != digest:
            return {}
        entries = _PlainUnpickler(io.BytesIO(payload)).load()
        return {k: v for k, v in entries.items() if isinstance(k, str) and isinstance(v, bytes)}
    except Exception:  # noqa: BLE001 - missing, damaged or foreign: start afresh
        return {}


class _PlainUnpickler(pickle.Unpickler):
    """Tuples, strings, bytes and dicts only: the file's envelope and index."""

    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed here")


_code_version: str | None = None


def code_version() -> str:
    """A hash of this package's code (every module: checking spans them) and its libraries."""
    global _code_version
    if _code_version is None:
        digest = hashlib.sha256(sys.version.encode())
        here = Path(__file__).resolve().parent
        for path in sorted(here.glob("*.py")) + sorted(here.glob("*.json")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        for library in LIBRARIES:
            try:
                digest.update(f"{library} {metadata.version(library)}".encode())
            except metadata.PackageNotFoundError:
                digest.update(f"{library} none".encode())
        _code_version = digest.hexdigest()
    return _code_version


_checked = Checked()  # the process's: a build runs in one process
begin = _checked.begin
brand = _checked.brand
save = _checked.save
