"""Which files the build reads: those inside their folder, never linked out of it.

Pelican follows links to folders, so a link could pull any file of the
machine into the site; validation refuses them before Pelican runs.
"""

from __future__ import annotations

import os
from fnmatch import fnmatch
from pathlib import Path

from .issues import Issue, display_path
from .messages import msg


def links_outside(path: Path, folder: Path) -> bool:
    """True when `path` exists but resolves (through links) outside `folder`."""
    if path.parent == folder and not path.is_symlink():
        return False  # a plain file of the folder itself: nothing to resolve
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return False  # missing, or a link loop: the reader reports it
    return not real.is_relative_to(folder.resolve())


def walk(folder: Path, root: Path, issues: list[Issue], ignored: tuple[str, ...] = ()) -> list[Path]:
    """Every file under `folder`, sorted, as Pelican would find it (names matching
    `ignored` left out); a link to a folder, or to a file outside `folder`, is an
    Issue instead."""
    found: list[Path] = []
    if not folder.is_dir():
        return found

    def wanted(name: str) -> bool:
        return not any(fnmatch(name, pattern) for pattern in ignored)

    for current, dirs, files in os.walk(folder):
        here = Path(current)
        kept = []
        for name in sorted(filter(wanted, dirs)):
            if (here / name).is_symlink():
                issues.append(Issue(display_path(here / name, root), 0, "", msg("link_to_folder")))
            else:
                kept.append(name)
        dirs[:] = kept
        for name in sorted(filter(wanted, files)):
            path = here / name
            if path.is_symlink() and links_outside(path, folder):  # folders here are not links
                issues.append(
                    Issue(
                        display_path(path, root),
                        0,
                        "",
                        msg("link_outside", folder=display_path(folder, root)),
                    )
                )
            else:
                found.append(path)
    return sorted(found)
