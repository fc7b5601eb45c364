"""Derivatives kept outside output/, so no build makes the same file twice.

    .cache/images/facts/<sha256 of the source>.v1.json   size and transparency
    .cache/images/files/orchard.3f2a9c1e.640w.webp       the derivatives
    .cache/images/sources.json                           source path, size, mtime -> sha256

A file's name holds the hash of everything that shaped it, so a name found
here is always the right file. Writes go to a temporary name first, then are
renamed: a build that is killed, or two builds at once, leave no half file.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from brandsite.atomic_write import write_atomic

from .plan import PIPELINE_VERSION, Facts, source_key


class Cache:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.files = self.root / "files"
        self.facts_dir = self.root / "facts"
        self._names: set[str] | None = None  # what files/ held when first asked

    def source_keys(self, paths: list[Path]) -> dict[Path, str | OSError]:
        """The sha256 of each file's bytes (an OSError if unreadable).

        A file whose size, mtime and inode are as last time is not read again,
        as git and make trust them; a derivative that must be made checks the
        bytes anyway.
        """
        memo_path = self.root / "sources.json"
        try:
            memo = json.loads(memo_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            memo = {}
        keys: dict[Path, str | OSError] = {}
        changed = False
        for path in paths:
            name = str(path.resolve())
            try:
                info = path.stat()
                stamp = [info.st_size, info.st_mtime_ns, info.st_ino]
                entry = memo.get(name)
                if not (isinstance(entry, list) and entry[:3] == stamp):
                    entry = memo[name] = [*stamp, source_key(path.read_bytes())]
                    changed = True
                keys[path] = entry[3]
            except OSError as exc:
                keys[path] = exc
        if changed:
            memo = {name: entry for name, entry in memo.items() if Path(name).exists()}
            write_atomic(memo_path, json.dumps(memo, sort_keys=True).encode())
        return keys

    def facts(self, key: str) -> Facts | None:
        try:
            data = json.loads(self._facts_path(key).read_text(encoding="utf-8"))
            return Facts(int(data["width"]), int(data["height"]), bool(data["alpha"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def store_facts(self, key: str, facts: Facts) -> None:
        data = {"width": facts.width, "height": facts.height, "alpha": facts.alpha}
        write_atomic(self._facts_path(key), json.dumps(data, sort_keys=True).encode())

    def path(self, name: str) -> Path:
        return self.files / name

    def has(self, name: str) -> bool:
        if self._names is None:  # one directory read instead of a stat per file
            self._names = set(os.listdir(self.files)) if self.files.is_dir() else set()
        return name in self._names or self.path(name).is_file()

    def store(self, name: str, data: bytes) -> None:
        write_atomic(self.path(name), data)

    def export(self, name: str, target: Path) -> None:
        """Put a cached file at `target` (its folder exists): a hard link where possible, else a copy."""
        source = self.path(name)
        try:
            os.link(source, target)
        except FileExistsError:
            target.unlink()
            self.export(name, target)
        except OSError:
            shutil.copy2(source, target)

    def prune(self, keep_files: set[str], keep_facts: set[str]) -> int:
        """Delete every entry not in the keep sets; return how many went."""
        removed = 0
        (self.root / "sources.json").unlink(missing_ok=True)
        keep_facts_names = {self._facts_path(key).name for key in keep_facts}
        for folder, keep in ((self.files, keep_files), (self.facts_dir, keep_facts_names)):
            for path in folder.iterdir() if folder.is_dir() else ():
                if path.name not in keep:
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed

    def _facts_path(self, key: str) -> Path:
        return self.facts_dir / f"{key}.v{PIPELINE_VERSION}.json"
