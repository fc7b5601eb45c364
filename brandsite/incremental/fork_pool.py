"""Share work between forked copies of this process: both cores render pages.

Forked children inherit everything the parent built (templates, content,
context) without pickling it; each does every n-th job and exits (`run_shared`),
or one job while the parent does others, sending back what it returned
(`Background`). A child that fails, or a parent that is stopped, stops them all:
the build then fails as a whole, as if it had run in one process.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import ClassVar


class WorkerFailed(Exception):
    pass


def two_cores(settings: dict) -> bool:
    """Whether the build uses more than one process (RENDER_WORKERS, 0: one a core)."""
    return (settings.get("RENDER_WORKERS") or os.cpu_count() or 1) > 1


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


class Background:
    """`job()` run by a forked copy of this process while this one goes on."""

    running: ClassVar[set[Background]] = set()

    def __init__(self, job: Callable[[], object]):
        read, write = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            _answer(job, write, parent)
        os.close(write)
        self.pid = pid
        self._read: int | None = read
        Background.running.add(self)

    def result(self) -> object:
        """What the job returned, once it has; what it raised is raised here."""
        try:
            with os.fdopen(self._take_pipe(), "rb") as pipe:
                answer = pipe.read()  # before waiting: a full pipe would hold the child up
            code = _exit_code(self.pid)
        except BaseException:
            self.stop()  # stopped while waiting
            raise
        Background.running.discard(self)
        if not answer:
            raise WorkerFailed(f"a build process ended without an answer (exit status {code})")
        returned, value = pickle.loads(answer)
        if not returned:
            raise value
        return value

    def stop(self) -> None:
        Background.running.discard(self)
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        if self._read is not None:
            os.close(self._take_pipe())

    def _take_pipe(self) -> int:
        read, self._read = self._read, None
        assert read is not None
        return read

    @classmethod
    def stop_all(cls, keep: set[Background] | frozenset[Background] = frozenset()) -> None:
        """Stop every job still running but those in `keep` (the build failed or was stopped)."""
        for job in list(cls.running - keep):
            job.stop()


class Here:
    """A `Background` job run in this process when asked for (one core)."""

    def __init__(self, job: Callable[[], object]):
        self.job = job

    def result(self) -> object:
        return self.job()

    def stop(self) -> None:
        pass


def _answer(job: Callable[[], object], write: int, parent: int) -> None:
    """In the child: run `job`, send (returned?, its value or exception), exit."""
    _die_with_parent(parent)
    try:
        answer = (True, job())
    except BaseException as exc:
        answer = (False, _portable(exc))
    try:
        with os.fdopen(write, "wb") as pipe:
            pickle.dump(answer, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def _portable(exc: BaseException) -> BaseException:
    """`exc`, or, if it cannot be pickled, a RuntimeError that says the same."""
    try:
        pickle.dumps(exc)
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def _die_with_parent(parent: int) -> None:
    """Linux: this process gets SIGKILL when its parent dies (a killed build stops writing).

    A parent killed before the request was made sends nothing: hence the check after it.
    """
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)
