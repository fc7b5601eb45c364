"""Start a Python process that outlives the build: work nobody needs to wait for."""

from __future__ import annotations

import subprocess
import sys


def run_detached(code: str, *arguments: str) -> None:
    """Run `python -c code arguments...` in a session of its own (a Ctrl-C does not reach
    it), with no standard streams, and do not wait for it."""
    process = subprocess.Popen(
        [sys.executable, "-c", code, *arguments],
        start_new_session=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    process.returncode = 0  # nobody waits for it, nor should Python warn that it still runs
