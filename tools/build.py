"""Build the site atomically: Pelican writes a fresh folder, Pagefind indexes
it for search, and it replaces `output/` only when every step succeeded.

    python -m tools.build [--settings pelicanconf.py] [--output output] [--siteurl URL]

A failed or interrupted build leaves the previous `output/` exactly as it was,
and the next run removes whatever an interrupted one left behind.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

RETAINED = (".git", "CNAME", ".well-known")  # operators' files kept across builds
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from brand_registry.messages import msg  # noqa: E402


def say(key: str, stream=sys.stdout, **values) -> None:
    """Print a catalogue message, Chinese first, then English."""
    text = msg(key, **values)
    print(f"{text.zh} / {text.en}", file=stream, flush=True)


def staging_folders(output: Path) -> list[Path]:
    return sorted(output.parent.glob(f".{output.name}.building-*")) + sorted(
        output.parent.glob(f".{output.name}.old-*")
    )


def run_pelican(settings_file: str, staging: Path, siteurl: str | None) -> tuple[int, dict]:
    """Run Pelican in this process; content errors are printed plainly, never as a traceback.
    Returns the exit code and the settings it ran with."""
    import logging

    from pelican import Pelican
    from pelican.log import init as init_logging
    from pelican.settings import read_settings

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    init_logging(level=logging.WARNING, fatal="warnings", handler=handler)
    override = {"OUTPUT_PATH": str(staging)}
    if siteurl is not None:
        override["SITEURL"] = siteurl.rstrip("/")
    settings = read_settings(settings_file, override=override)
    try:
        Pelican(settings).run()
    except Exception as exc:  # noqa: BLE001 - every failure must leave output/ alone
        if type(exc).__name__ == "ValidationFailed":
            print(exc, file=sys.stderr)
        elif str(exc) == "Warning or error encountered":
            say("build_stopped", sys.stderr)
        else:
            print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
            if os.environ.get("BUILD_DEBUG"):
                raise
        return 1, settings
    return 0, settings


def run_search_index(staging: Path, settings: dict) -> int:
    """Pagefind over the finished pages: the last step before the swap."""
    from tools.search_index import SearchIndexError, build_index, describe, precompress

    try:
        counts = build_index(staging)
        precompress(staging, settings)
    except (SearchIndexError, OSError, subprocess.SubprocessError) as exc:
        print(f"Search index: {exc}", file=sys.stderr)
        return 1
    print(f"Search index: {describe(counts)}")
    return 0


def swap_in(staging: Path, output: Path) -> None:
    """Replace `output` by `staging`, keeping the operators' files."""
    if output.exists():
        for name in RETAINED:
            kept = output / name
            if kept.exists() and not (staging / name).exists():
                shutil.move(str(kept), staging / name)
        old = output.parent / f".{output.name}.old-{os.getpid()}"
        output.rename(old)
        staging.rename(output)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(output)


def build(settings: str, output: Path, siteurl: str | None = None) -> int:
    output = output.resolve()
    for leftover in staging_folders(output):
        shutil.rmtree(leftover, ignore_errors=True)
    staging = output.parent / f".{output.name}.building-{os.getpid()}"
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        code, used = run_pelican(settings, staging, siteurl)
        code = code or run_search_index(staging, used)
        if code != 0:
            say("build_failed", sys.stderr, output=output.name)
            return code
        swap_in(staging, output)
        say("built", output=output.name)
        return 0
    except KeyboardInterrupt:
        say("build_interrupted", sys.stderr, output=output.name)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
        shutil.rmtree(staging, ignore_errors=True)


def _interrupt(signum, _frame):
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default="output", type=Path)
    parser.add_argument("--siteurl", help="the address the site will be served at")
    args = parser.parse_args(argv)
    return build(args.settings, args.output, args.siteurl or None)


if __name__ == "__main__":
    sys.exit(main())
