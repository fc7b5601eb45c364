"""The files a copy of this project needs, for tests and benchmarks that build in a scratch folder."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE_PARTS = (
    "theme",
    "plugins",
    "brandsite",
    "translations",
    "pelicanconf.py",
    "publishconf.py",
    "Makefile",
    "pyproject.toml",
    "requirements.txt",
    "requirements-dev.txt",
)
CONTENT_PARTS = ("brands", "content")


def copy_project(target: Path, parts: tuple[str, ...] = CONTENT_PARTS + CODE_PARTS) -> Path:
    """Copy `parts` of this project (sources only, no caches) into `target`."""
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target
