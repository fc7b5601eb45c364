"""A file's stamp: what its metadata says about its content, without reading it.

The one definition every cache of the build compares (the parse memo, the checked
cache, image probes, the build's input scan).
"""

from __future__ import annotations

import os
import time

Stamp = tuple  # size, mtime_ns, ctime_ns, inode: any write changes ctime
# A file changed this recently may be written again within the same timestamp
# tick and keep its size, and so its stamp: a cache must not trust its stamp yet
# (git calls such files "racily clean").
RACY_NS = 2_000_000_000


def stat_stamp(path: str | os.PathLike, follow_links: bool = True) -> Stamp | None:
    """The file's stamp, or None if it cannot be read."""
    try:
        info = os.stat(path, follow_symlinks=follow_links)
    except OSError:
        return None
    return stamp_of(info)


def stamp_of(info: os.stat_result) -> Stamp:
    """The stamp of a file as `os.stat` or `os.lstat` found it."""
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def is_racy(stamp: Stamp, now_ns: int | None = None) -> bool:
    """True if the file changed too recently for its stamp to show a second write."""
    now_ns = time.time_ns() if now_ns is None else now_ns
    return now_ns - max(stamp[1], stamp[2]) <= RACY_NS
