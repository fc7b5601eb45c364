"""Two output folders compared file by file, with diffs of what differs (the state test,
bench.equivalence)."""

from __future__ import annotations

import difflib
import gzip
from pathlib import Path


def tree(folder: Path) -> dict[str, bytes]:
    """Every file's bytes, and every folder (named with a trailing /, empty ones too)."""
    return {
        p.relative_to(folder).as_posix() + "/" * p.is_dir(): b"" if p.is_dir() else p.read_bytes()
        for p in sorted(folder.rglob("*"))
    }


def readable(name: str, data: bytes) -> list[str] | None:
    """The lines of a text file (gzip and Brotli opened), None for other bytes."""
    try:
        if name.endswith(".gz"):
            data = gzip.decompress(data)
        elif name.endswith(".br"):
            import brotli

            data = brotli.decompress(data)
        return data.decode("utf-8").splitlines()
    except (OSError, ValueError, ImportError, UnicodeDecodeError):
        return None


def excerpt(name: str, ours: bytes, full: bytes, limit: int = 40) -> str:
    """A unified diff of one file, incremental against full, cut at `limit` lines."""
    a, b = readable(name, ours), readable(name, full)
    if a is None or b is None:
        return f"--- {name}: {len(ours)} bytes incremental, {len(full)} bytes full (binary)"
    lines = list(difflib.unified_diff(a, b, f"incremental/{name}", f"full/{name}", n=1, lineterm=""))
    return "\n".join(line[:300] for line in lines[:limit])


def differences(incremental: dict[str, bytes], full: dict[str, bytes], shown: int = 3) -> str:
    """Empty when both trees are the same; otherwise what differs, with diffs of the first files."""
    missing = sorted(full.keys() - incremental.keys())
    extra = sorted(incremental.keys() - full.keys())
    changed = sorted(name for name in full.keys() & incremental.keys() if full[name] != incremental[name])
    if not (missing or extra or changed):
        return ""
    report = [f"only in the full build: {missing[:20]}", f"only in the incremental build: {extra[:20]}"]
    report.append(f"{len(changed)} files differ: {changed[:20]}")
    report += [excerpt(name, incremental[name], full[name]) for name in changed[:shown]]
    return "\n".join(report)
