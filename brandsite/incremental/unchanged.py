"""Files whose bytes did not change keep the previous output's inode and mtime.

A fresh output folder would otherwise give every file a new mtime, and rsync,
CDNs and caches would see the whole site as changed after every build.
Writers that know the previous output link its file as they write
(`write_or_link`: cheaper than creating a file); `keep_unchanged` catches the rest.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .fork_pool import Background
from .record import output_stamp

Stamp = tuple  # (size, mtime_ns, inode) of a file as left in the new folder


@dataclass
class Kept:
    same: int = 0  # hard-linked to the previous output (now or by the writer)
    changed: int = 0  # new, or different from the previous output
    stamps: dict[str, Stamp] = field(default_factory=dict)  # path in the new folder (with /) -> stamp


def keep_unchanged(
    new: Path,
    old: Path,
    skip: tuple[str, ...] = (),
    prune: bool = False,
    two_processes: bool = False,
    linked: dict[str, Stamp] | None = None,
) -> Kept:
    """Replace each file of `new` identical to its twin in `old` by a hard link to that twin;
    with `prune`, also remove the folders under `new` that hold nothing. The stamp of each
    file left in `new` is in the result (one walk, which later steps need not repeat).
    `linked`: stamps of files the build linked from `old` (by path, with /), as it found them
    then: such a file needs no look at `old` nor stamp of its own.

    With `two_processes`, a forked copy of this process walks every other folder two levels
    down: a site is thousands of folders (10,000 at 1,000 brands), and listing them is most
    of the time."""
    kept = Kept()
    try:
        same_device = os.stat(new).st_dev == os.stat(old).st_dev
    except OSError:
        same_device = False
    linked = linked or {}
    walk = _Walk(kept, same_device, prune, linked)
    if not two_processes:
        walk.folder(str(new), str(old), "", skip)
        return kept
    top: list[Folder] = []
    walk.folder(str(new), str(old), "", skip, top)
    deeper: list[Folder] = []
    for folder in top:
        walk.folder(*folder, (), deeper)
    deeper.sort()
    other = Background(lambda: _Walk(Kept(), same_device, prune, linked).folders(deeper[1::2]))
    try:
        mine = _Walk(Kept(), same_device, prune, linked).folders(deeper[0::2])
    except BaseException:
        other.stop()
        raise
    theirs = other.result()
    assert isinstance(theirs, Kept)
    for part in (mine, theirs):
        kept.same += part.same
        kept.changed += part.changed
        kept.stamps.update(part.stamps)
    for path, _old, _prefix in reversed(top) if prune else ():
        with contextlib.suppress(OSError):  # not empty
            os.rmdir(path)
    return kept


Folder = tuple[str, str, str]  # in the new folder, its twin in the old one, its path there (with /)


class _Walk:
    def __init__(self, kept: Kept, same_device: bool, prune: bool, linked: dict[str, Stamp]):
        self.kept, self.same_device, self.prune, self.linked = kept, same_device, prune, linked

    def folders(self, folders: list[Folder]) -> Kept:
        for new, old, prefix in folders:
            if self.folder(new, old, prefix, ()):
                os.rmdir(new)
        return self.kept

    def folder(
        self, new: str, old: str, prefix: str, skip: tuple[str, ...], later: list[Folder] | None = None
    ) -> bool:
        """True if `new` is left empty and may be pruned. With `later`, its folders are added
        there, not walked."""
        # Folder listings give each file's inode for free: a file the writer already linked
        # (most of them) costs no stat and no read; one the build linked itself, whose stamp
        # it knows, not even a look at the old folder.
        kept, theirs = self.kept, None
        empty = True
        with os.scandir(new) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name in skip:
                        empty = False
                    elif later is not None:
                        later.append((entry.path, os.path.join(old, entry.name), f"{prefix}{entry.name}/"))
                        empty = False
                    elif self.folder(entry.path, os.path.join(old, entry.name), f"{prefix}{entry.name}/", ()):
                        os.rmdir(entry.path)
                    else:
                        empty = False
                    continue
                empty = False
                path = prefix + entry.name
                known = self.linked.get(path)
                if known is not None and known[2] == entry.inode():
                    kept.same += 1
                    kept.stamps[path] = known
                    continue
                if theirs is None:
                    theirs = self._inodes(old)
                twin = os.path.join(old, entry.name)
                if theirs.get(entry.name) == entry.inode() or _same(entry.path, twin):
                    kept.same += 1
                else:
                    kept.changed += 1
                if entry.is_dir():
                    continue  # a link to a folder: not a file (as os.walk sees it)
                try:
                    info = os.lstat(entry.path)  # after _same: it may have become a link
                except OSError:
                    continue
                kept.stamps[path] = output_stamp(info)
        return empty and self.prune

    def _inodes(self, old: str) -> dict[str, int]:
        if not self.same_device:
            return {}
        try:
            with os.scandir(old) as entries:
                return {entry.name: entry.inode() for entry in entries}
        except OSError:
            return {}


def write_or_link(path: str, data: bytes, twin: str | None = None) -> bool:
    """Write `data` to `path`, or hard-link `twin` there when it holds exactly `data`.

    True when linked. A file already at `path` is replaced, never written
    through: it may be a link to the previous output.
    """
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if os.path.lexists(path):
        os.unlink(path)
    if twin is not None and _holds(twin, data):
        try:
            os.link(twin, path)
            return True
        except OSError:
            pass
    with open(path, "wb") as file:
        file.write(data)
    return False


def _holds(path: str, data: bytes) -> bool:
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode) or os.path.getsize(path) != len(data):
            return False
        with open(path, "rb") as file:
            return file.read() == data
    except OSError:
        return False


def _same(path: str, twin: str) -> bool:
    try:
        mine, theirs = os.lstat(path), os.lstat(twin)
    except OSError:
        return False
    if not (stat.S_ISREG(mine.st_mode) and stat.S_ISREG(theirs.st_mode)):
        return False
    if (mine.st_ino, mine.st_dev) == (theirs.st_ino, theirs.st_dev):
        return True
    if mine.st_size != theirs.st_size or not filecmp.cmp(path, twin, shallow=False):
        return False
    temporary = f"{path}.unchanged-link"
    try:
        os.link(twin, temporary)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return False
    return True
