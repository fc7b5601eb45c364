"""File stamps: what a file's metadata says about its content, without reading it."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Iterable

Stamp = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode: any write changes ctime
SKIPPED_FOLDERS = {"__pycache__", ".git", ".pytest_cache", "node_modules"}


def stamp(path: Path) -> Stamp | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def stamp_tree(folder: Path) -> dict[str, Stamp]:
    """Every file under `folder` (links followed, as Pelican follows them), by absolute path."""
    found: dict[str, Stamp] = {}
    if folder.is_file():
        found[str(folder)] = stamp(folder)
        return found
    for current, dirs, files in os.walk(folder, followlinks=True):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_FOLDERS)
        for name in files:
            if name.endswith((".pyc", ".swp", "~")):
                continue
            path = os.path.join(current, name)
            info = stamp(Path(path))
            if info is not None:
                found[path] = info
    return found


def digest(*parts: object) -> str:
    """A short stable hash of JSON-able parts."""
    data = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def digest_files(stamps: dict[str, Stamp], paths: Iterable[str]) -> str:
    """The digest of the named files' stamps (a missing file counts, as missing)."""
    return digest(sorted((p, stamps.get(p)) for p in set(paths)))
