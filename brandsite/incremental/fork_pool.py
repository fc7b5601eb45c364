"""Share work between forked copies of this process: both cores render pages.

Forked children inherit everything the parent built (templates, content,
context) without pickling it; each does every n-th job and exits. A child that
fails, or a parent that is stopped, stops them all: the build then fails as a
whole, as if it had run in one process.
"""

from __future__ import annotations

import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence


class WorkerFailed(Exception):
    pass


def run_shared(jobs: Sequence, work: Callable, workers: int) -> None:
    """`work(job)` for every job, in `workers` processes (this one included)."""
    workers = max(1, min(workers, len(jobs)))
    if workers == 1:
        for job in jobs:
            work(job)
        return
    parent = os.getpid()
    children = []
    try:
        for share in range(1, workers):
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                _child(jobs[share::workers], work, parent)
            children.append(pid)
        for job in jobs[0::workers]:
            work(job)
        failed = [pid for pid in children if _exit_code(pid) != 0]
        children = []
        if failed:
            raise WorkerFailed(f"{len(failed)} rendering process(es) failed (see above)")
    finally:
        for pid in children:  # stopped or failed here: the others go too
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except OSError:
                pass


def _child(jobs: Sequence, work: Callable, parent: int) -> None:
    code = 1
    try:
        for job in jobs:
            if os.getppid() != parent:  # the build was killed: stop writing into its folder
                break
            work(job)
        else:
            code = 0
    except BaseException as exc:
        if os.environ.get("BUILD_DEBUG"):
            traceback.print_exc()
        else:
            print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _exit_code(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)
