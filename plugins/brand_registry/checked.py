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

The file is kept as the memo's is (memo.KeptFile: written to a temporary name
and renamed, checksummed, ignored after a code change); its entries are
unpickled by a loader that builds only the registry's own data classes, dates
and paths, never code.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import time
from pathlib import Path
from typing import Callable

from .images import RACY_NS
from .issues import Issue
from .memo import KeptFile
from .model import Brand

FILE_NAME = "checked.pickle"
FORMAT = "brand-registry-checked-1"
_ALLOWED = {("brand_registry.issues", "Issue"), ("brand_registry.messages", "Message"),
            ("datetime", "date"), ("datetime", "datetime"), ("pathlib", "PosixPath")} | {
    ("brand_registry.model", name) for name in
    ("Award", "Brand", "Certification", "Contact", "Image", "Licensee", "Standard", "Translation")}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the checked-brands cache")


def _loads(data: bytes):
    return _Unpickler(io.BytesIO(data)).load()


class Checked(KeptFile):
    file_name = FILE_NAME
    form = FORMAT
    # Checking spans the whole package: any module of it may change a result.
    modules = tuple(sorted(p.name for p in Path(__file__).resolve().parent.iterdir()
                           if p.suffix in (".py", ".json")))
    label = "Checked-brands cache"

    def __init__(self):
        super().__init__()
        self.context = ""

    def begin(self, folder: Path | None, context: str) -> None:
        """A build starts; `context` is the digest of what every bundle's check depends on."""
        super().begin(folder)
        self.context = context

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


_checked = Checked()  # the process's: a build runs in one process
begin = _checked.begin
brand = _checked.brand
save = _checked.save
