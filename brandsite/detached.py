"""Start a Python process that outlives the build: work nobody needs to wait for."""

from __future__ import annotations

import subprocess
import sys


def run_detached(code: str, *arguments: str, pass_fds: tuple[int, ...] = ()) -> None:
    """Run `python -c code arguments...` in a session of its own (a Ctrl-C does not reach
    it), with no standard streams, at the lowest priority (the next build, which uses
    both cores, comes first), and do not wait for it. `pass_fds`: descriptors it keeps
    open (a lock it holds until it ends, say)."""
    process = subprocess.Popen(
        [sys.executable, "-c", f"import os; os.nice(19)\n{code}", *arguments],
        start_new_session=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=pass_fds,
    )
    process.returncode = 0  # nobody waits for it, nor should Python warn that it still runs
