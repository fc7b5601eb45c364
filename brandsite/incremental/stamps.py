"""File stamps: what a file's metadata says about its content, without reading it."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable
from pathlib import Path

from brandsite.file_stamp import is_racy, stat_stamp

Stamp = tuple  # file_stamp.Stamp [, content hash]
SKIPPED_FOLDERS = {"__pycache__", ".git", ".pytest_cache", "node_modules"}


def stamp(path: str | Path, now_ns: int | None = None, before: Stamp | None = None) -> Stamp | None:
    """The file's stamp; `before` is its stamp in the last build if that held a hash, followed
    by when that scan began (Inputs.hashed).

    A racy file's stamp (file_stamp.is_racy) also holds a hash of its bytes, so that
    a second write within the same tick is seen too. While the file's metadata stays
    the same its stamp stays too (the page keys with it); its bytes are read again only
    until a scan found the file settled, after which no write can keep the metadata."""
    stamped = stat_stamp(path)
    if stamped is None:
        return None
    known = before is not None and len(before) >= 5 and tuple(before[:4]) == stamped
    if known and len(before) > 5 and not is_racy(stamped, before[5]):  # type: ignore[arg-type]
        return tuple(before[:5])  # type: ignore[index]
    if not known and not is_racy(stamped, now_ns):
        return stamped
    try:
        # Unchanged bytes since a hashed stamp give that stamp again: no change.
        with open(path, "rb") as file:
            return (*stamped, hashlib.file_digest(file, "sha256").hexdigest())
    except OSError:
        return None


def stamp_tree(
    folder: Path, before: dict[str, Stamp] | None = None, now_ns: int | None = None
) -> dict[str, Stamp]:
    """Every file under `folder` (links followed, as Pelican follows them), by absolute path.
    `before`: the stamps that held a hash in the last build (see `stamp`); `now_ns`: when
    the scan began."""
    found: dict[str, Stamp] = {}
    before = before or {}
    now_ns = time.time_ns() if now_ns is None else now_ns
    if folder.is_file():
        info = stamp(folder, now_ns, before.get(str(folder)))
        return {str(folder): info} if info is not None else found
    for current, dirs, files in os.walk(folder, followlinks=True):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_FOLDERS)
        for name in files:
            if name.endswith((".pyc", ".swp", "~")):
                continue
            path = os.path.join(current, name)
            info = stamp(path, now_ns, before.get(path))  # a str: 4,000 Paths cost 0.1 s
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
