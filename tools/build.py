"""Build the site atomically: Pelican writes a fresh folder that replaces
`output/` only when every step succeeded.

    python -m tools.build [--settings pelicanconf.py] [--output output] [--siteurl URL]

A failed or interrupted build leaves the previous `output/` exactly as it was,
and the next run removes whatever an interrupted one left behind.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

RETAINED = (".git", "CNAME", ".well-known")  # operators' files kept across builds


def staging_folders(output: Path) -> list[Path]:
    return sorted(output.parent.glob(f".{output.name}.building-*")) + sorted(
        output.parent.glob(f".{output.name}.old-*")
    )


def run_pelican(settings: str, staging: Path, siteurl: str | None) -> int:
    command = [sys.executable, "-m", "pelican", "--settings", settings, "--output", str(staging),
               "--fatal", "warnings", "--quiet"]
    if siteurl is not None:
        command += ["--extra-settings", f"SITEURL={json.dumps(siteurl.rstrip('/'))}"]
    child = subprocess.Popen(command)

    def forward(signum, _frame):
        child.send_signal(signum)
        raise KeyboardInterrupt

    previous = {s: signal.signal(s, forward) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        return child.wait()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if child.poll() is None:
            child.kill()
            child.wait()


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
    try:
        code = run_pelican(settings, staging, siteurl)
        if code != 0:
            print(f"Build failed: {output.name}/ was left as it was.", file=sys.stderr)
            return code
        swap_in(staging, output)
        print(f"Built {output.name}/")
        return 0
    except KeyboardInterrupt:
        print(f"Build interrupted: {output.name}/ was left as it was.", file=sys.stderr)
        return 130
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default="output", type=Path)
    parser.add_argument("--siteurl", help="the address the site will be served at")
    args = parser.parse_args(argv)
    return build(args.settings, args.output, args.siteurl or None)


if __name__ == "__main__":
    sys.exit(main())
