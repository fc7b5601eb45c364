"""File stamps: what a file's metadata says about its content, without reading it."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable
from pathlib import Path

Stamp = tuple  # size, mtime_ns, ctime_ns, inode (any write changes ctime) [, content hash]
SKIPPED_FOLDERS = {"__pycache__", ".git", ".pytest_cache", "node_modules"}
# A file changed this recently may be written again within the same timestamp
# tick and keep its size: its stamp then also holds a hash of its bytes (as
# git does for "racily clean" files), so that second write is seen too.
RACY_NS = 2_000_000_000


def stamp(path: Path, now_ns: int | None = None, before: Stamp | None = None) -> Stamp | None:
    """The file's stamp; `before` is its stamp in the last build, if that held a hash."""
    try:
        info = path.stat()
    except OSError:
        return None
    stamped = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
    now_ns = time.time_ns() if now_ns is None else now_ns
    racy = now_ns - max(info.st_mtime_ns, info.st_ctime_ns) <= RACY_NS
    if not racy and not (before and len(before) == 5 and tuple(before[:4]) == stamped):
        return stamped
    try:
        # Unchanged bytes since a hashed stamp give that stamp again: no change.
        return (*stamped, hashlib.sha256(path.read_bytes()).hexdigest())
    except OSError:
        return None


def stamp_tree(folder: Path, before: dict[str, Stamp] | None = None) -> dict[str, Stamp]:
    """Every file under `folder` (links followed, as Pelican follows them), by absolute path.
    `before`: the stamps that held a hash in the last build (see `stamp`)."""
    found: dict[str, Stamp] = {}
    before = before or {}
    if folder.is_file():
        found[str(folder)] = stamp(folder, before=before.get(str(folder)))
        return found
    now_ns = time.time_ns()
    for current, dirs, files in os.walk(folder, followlinks=True):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_FOLDERS)
        for name in files:
            if name.endswith((".pyc", ".swp", "~")):
                continue
            path = os.path.join(current, name)
            info = stamp(Path(path), now_ns, before.get(path))
            if info is not None:
                found[path] = info
    return found


def digest(*parts: object) -> str:
    """A short stable hash of JSON-able parts."""
    data = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def digest_files(stamps: dict[str, Stamp], paths: Iterable[str]) -> str:
    """The digest of the named files' stamps (a missing file counts, as missing)."""
    # repr of str and int tuples is as stable as JSON here, and faster (once per page).
    named = repr(sorted((p, stamps.get(p)) for p in set(paths)))
    return hashlib.sha256(named.encode("utf-8", "surrogatepass")).hexdigest()[:32]
