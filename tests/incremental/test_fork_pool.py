"""brandsite.incremental.fork_pool.Background: a job in a forked copy of this process."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from brandsite.incremental import fork_pool
from brandsite.incremental.fork_pool import Background, WorkerFailed


def test_the_job_s_value_comes_back_and_its_writes_stay_in_the_child():
    seen = {"here": 1}

    def job():
        seen["here"] = 2
        return {"pid": os.getpid(), "files": {"a.html", "b.html"}}

    answer = Background(job).result()
    assert answer["pid"] != os.getpid()
    assert answer["files"] == {"a.html", "b.html"}
    assert seen == {"here": 1}  # the child's memory is its own
    assert not Background.running


def test_what_the_job_raises_is_raised_by_result():
    def job():
        raise FileExistsError("written twice")

    with pytest.raises(FileExistsError, match="written twice"):
        Background(job).result()


def test_an_exception_that_cannot_be_pickled_comes_back_as_what_it_said():
    class Local(Exception):  # a local class cannot be pickled
        pass

    def job():
        raise Local("a template failed")

    with pytest.raises(RuntimeError, match="Local: a template failed"):
        Background(job).result()


def test_a_child_that_dies_without_answering_fails_the_result():
    def job():
        os.kill(os.getpid(), signal.SIGKILL)

    with pytest.raises(WorkerFailed, match="without an answer"):
        Background(job).result()


def test_stop_all_kills_what_still_runs():
    started = time.monotonic()
    job = Background(lambda: time.sleep(60))
    assert Background.running == {job}
    Background.stop_all()
    assert not Background.running
    assert time.monotonic() - started < 30
    with pytest.raises(ChildProcessError):
        os.waitpid(job.pid, os.WNOHANG)  # reaped


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")  # a zombie has stopped; whoever adopted it reaps it


@pytest.mark.parametrize("child_late", [False, True])
def test_the_child_dies_with_its_parent(monkeypatch, child_late):
    """A build killed outright (SIGKILL) leaves no copy writing into its folder.

    `child_late`: the build is killed before its child has asked to die with it.
    """
    read, write = os.pipe()
    middle = os.fork()
    if middle == 0:  # the "build": starts a job, then is killed
        os.close(read)
        if child_late:
            ask = fork_pool._die_with_parent
            monkeypatch.setattr(fork_pool, "_die_with_parent", lambda p: (time.sleep(0.5), ask(p)))
        job = Background(lambda: time.sleep(60))
        os.write(write, str(job.pid).encode())
        os.close(write)
        time.sleep(60)
        os._exit(0)
    os.close(write)
    child = int(os.read(read, 32))
    os.close(read)
    os.kill(middle, signal.SIGKILL)
    os.waitpid(middle, 0)
    deadline = time.monotonic() + 10
    while running(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    if running(child):
        os.kill(child, signal.SIGKILL)
        pytest.fail(f"the job {child} outlived its parent")
