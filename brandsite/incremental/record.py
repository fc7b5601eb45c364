"""What the last successful build into an output folder was made from."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from brandsite.atomic_write import write_atomic

from .stamps import digest


@dataclass
class Record:
    fingerprint: str = ""  # of every input (Inputs.fingerprint)
    output_inode: int = 0  # of the folder it built: another build or a hand-made copy is not it
    output: str = ""  # digest of the stamps of every file it wrote (tree_digest)
    # The search index: {"partitions": name -> digest of its pages' stamps, "members": name ->
    # digest of their paths, "pages": path -> [inode, size, mtime, language or "" if not
    # indexed]} (brandsite.build.search_index).
    search: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)  # page name -> [key, size, mtime_ns, inode]
    groups: dict = field(default_factory=dict)  # group -> [key, facts, number of files] (pages.py)
    hashed: dict = field(default_factory=dict)  # input path -> stamp with a hash (stamps.stamp)
    templates: dict = field(default_factory=dict)  # template -> its names (gathered.template_names)
    compression: str = ""  # how its .gz/.br twins were made (brandsite.build.compressed), "" if not

    @staticmethod
    def path_for(cache: Path, output: Path) -> Path:
        return cache / "builds" / f"{digest(str(output.resolve()))}.json"

    @classmethod
    def load(cls, path: Path) -> Record:
        """The record at `path`; an empty one if it is missing or unreadable (rebuild all)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                str(data["fingerprint"]),
                int(data["output_inode"]),
                str(data["output"]),
                dict(data["search"]),
                dict(data["pages"]),
                dict(data.get("groups") or {}),
                {str(k): tuple(v) for k, v in (data.get("hashed") or {}).items()},
                dict(data.get("templates") or {}),
                str(data.get("compression") or ""),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return cls()

    def describes(self, output: Path) -> bool:
        """True if `output` is the folder this build made (its files may have been edited since)."""
        try:
            return bool(self.fingerprint) and output.stat().st_ino == self.output_inode
        except OSError:
            return False

    def untouched(self, output: Path, skip: tuple[str, ...] = ()) -> bool:
        """True if `output` holds exactly the files this build wrote, unedited."""
        return self.describes(output) and tree_digest(output, skip) == self.output

    def save(self, path: Path) -> None:
        # vars(), not asdict(): the same JSON without deep-copying every list first.
        write_atomic(path, json.dumps(vars(self), sort_keys=True).encode("utf-8"))


def tree_digest(folder: Path, skip: tuple[str, ...] = ()) -> str:
    """The digest of every file's path and stamp under `folder` (top-level names in `skip` left out)."""
    return stamps_digest(tree_stamps(folder, skip))


def stamps_digest(stamps: dict[str, tuple]) -> str:
    """The digest of files' stamps by path (tree_stamps, unchanged.Kept.stamps)."""
    return digest(sorted([path, *stamp] for path, stamp in stamps.items()))


def output_stamp(info: os.stat_result) -> tuple[int, int, int]:
    """The stamp of an output file as `os.stat` found it: (size, mtime_ns, inode). Its ctime is
    left out: linking the file into the next output changes it."""
    return info.st_size, info.st_mtime_ns, info.st_ino


def tree_stamps(folder: Path, skip: tuple[str, ...] = (), prefix: str = "") -> dict[str, tuple]:
    """(size, mtime_ns, inode) of every file under `folder` by its path there (with /, after
    `prefix`), top-level names in `skip` left out. Links are not followed."""
    stamps: dict[str, tuple] = {}
    _stamp_folder(str(folder), prefix, set(skip), stamps)
    return stamps


def _stamp_folder(folder: str, prefix: str, skip: set[str], stamps: dict[str, tuple]) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name in skip:
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                _stamp_folder(entry.path, f"{prefix}{entry.name}/", set(), stamps)
            elif not entry.is_dir():  # a link to a folder is neither walked nor a file
                info = entry.stat(follow_symlinks=False)
                stamps[prefix + entry.name] = output_stamp(info)
        except OSError:
            continue
