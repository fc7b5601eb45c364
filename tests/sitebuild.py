"""Helpers for tests that build a whole site in a subprocess, as `make html` does."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from project_copy import copy_project  # noqa: F401 - re-exported for the tests

ROOT = Path(__file__).resolve().parent.parent
AS_OF = datetime(2026, 11, 26, tzinfo=UTC)
# Builds of project copies share the project's image cache: each derivative is
# made once, not once per test (the cache is keyed by content, so this is safe).
IMAGE_CACHE = ROOT / ".cache" / "images"


def build(
    cwd: Path,
    output: Path,
    settings: str = "pelicanconf.py",
    siteurl: str | None = None,
    env: dict | None = None,
) -> subprocess.CompletedProcess:
    command = [
        sys.executable,
        "-m",
        "brandsite.build.driver",
        "--settings",
        settings,
        "--output",
        str(output),
    ]
    if siteurl:
        command += ["--siteurl", siteurl]
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env=build_env(env), timeout=600, check=False
    )


def build_env(env: dict | None = None) -> dict:
    """The environment of a test's build: the shared image cache and the fixed build day."""
    return {
        "THUMBNAIL_CACHE_PATH": str(IMAGE_CACHE),
        **os.environ,
        "SOURCE_DATE_EPOCH": str(int(AS_OF.timestamp())),
        **(env or {}),
    }


def make(cwd: Path, *arguments: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`make ARGUMENTS` in a copy of the project, with this checkout's virtualenv."""
    environment = {
        "THUMBNAIL_CACHE_PATH": str(IMAGE_CACHE),
        **os.environ,
        "SOURCE_DATE_EPOCH": str(int(AS_OF.timestamp())),
        **(env or {}),
    }
    venv = ROOT / ".venv"
    # -o: never install in the copy (an editable install there would point the
    # checkout's virtualenv at a folder the test then deletes).
    command = ["make", "--no-print-directory", f"VENV={venv}", "-o", f"{venv}/.requirements-installed"]
    return subprocess.run(
        [*command, *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
        check=False,
    )


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file's content hash and mtime, to prove a folder was not touched."""
    return {
        path.relative_to(folder).as_posix(): (
            hashlib.sha256(path.read_bytes()).hexdigest(),
            path.stat().st_mtime_ns,
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# Page sizes small enough for the sample site's lists to run over several pages.
SMALL_PAGES = {"BRANDS_PER_PAGE": 6, "DEFAULT_PAGINATION": 4}


def with_small_pages(root: Path, base: str = "pelicanconf") -> str:
    """Write settings into the project copy at `root` that are `base` (a settings module
    of the project) with SMALL_PAGES; returns their file name, for `build(settings=...)`."""
    name = f"small_pages_{base}.py"
    lines = [f"from {base} import *  # noqa: F403"] + [f"{k} = {v!r}" for k, v in SMALL_PAGES.items()]
    (root / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return name
