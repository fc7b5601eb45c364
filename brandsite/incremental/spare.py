"""Reuse the folders of the output before last for the next build.

Each build writes a fresh folder and swaps it in for the output. A site of
thousands of pages is thousands of folders, and creating a folder costs more
than linking a file (about 0.1-0.3 ms each on ext4 here: seconds at 8,000).
So the output a swap retires is kept as the spare; the next build takes it,
empties it of files, builds into its folders and finally removes the folders
it did not use (unchanged.keep_unchanged, `prune`). Only folders are reused,
never a file: every file is written or linked anew, so nothing stale survives.

Emptying a spare of thousands of files takes a build's process seconds, so
`empty_later` does it in a process of its own once the build is done. The
spare is moved aside meanwhile: no build takes it half emptied. A build that
starts before that process is done waits for it (`take_spare`: it holds a lock
until it ends), rather than making every folder anew; that process takes a
fraction of a second, while the next build would spend one making folders.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from pathlib import Path

from brandsite.detached import run_detached

EMPTIED = ".spare-emptied"  # left in a spare by `empty_spare` once it holds no other file
WAIT_SECONDS = 10.0  # for a spare being emptied


def take_spare(spare: Path, staging: Path, wait: float = WAIT_SECONDS) -> bool:
    """Move `spare` to `staging` (which must not exist), empty of files; one being emptied
    (`empty_later`) is waited for, up to `wait` seconds.

    False, and no spare left behind, when it cannot be moved (another file system).
    The caller holds the build's lock, so no other build empties or takes it meanwhile.
    """
    _wait_for_emptying(spare, wait)
    if not spare.is_dir() or spare.is_symlink():
        return False
    try:
        spare.rename(staging)
    except OSError:
        shutil.rmtree(spare, ignore_errors=True)
        return False
    marker = staging / EMPTIED
    if marker.is_file() and not marker.is_symlink():
        marker.unlink()  # emptied when it was retired
    else:
        remove_files(staging)
    return True


def empty_spare(spare: Path, drop: tuple[str, ...] = ()) -> None:
    """Empty the spare now, so the next build need not; the folders named in `drop`
    (which no build reuses) go whole."""
    if spare.is_dir() and not spare.is_symlink():
        for name in drop:
            shutil.rmtree(spare / name, ignore_errors=True)  # a symlink is left: remove_files
        remove_files(spare)
        (spare / EMPTIED).touch()


def empty_later(spare: Path, drop: tuple[str, ...] = ()) -> None:
    """Empty the spare in a process of its own (the caller need not wait), as
    `empty_spare(spare, drop)`. Until that is done it is not there to take: the next build
    waits for it (take_spare), never takes it half emptied. With another still being
    emptied, this one is left for the next build."""
    emptying = _emptying(spare)
    if not spare.is_dir() or spare.is_symlink() or os.path.lexists(emptying):
        return
    try:
        lock = open(_lock(spare), "wb")  # noqa: SIM115 (handed to the process, then closed)
    except OSError:
        return
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # held by the process until it ends (its descriptor)
        try:
            spare.rename(emptying)
        except OSError:
            return
        code = (
            "import sys; sys.path.insert(0, sys.argv[1]); "
            "from brandsite.incremental.spare import _empty_then_put_back; "
            "_empty_then_put_back(*sys.argv[2:])"
        )
        root = str(Path(__file__).resolve().parents[2])
        run_detached(code, root, str(emptying), str(spare), *drop, pass_fds=(lock.fileno(),))


def _wait_for_emptying(spare: Path, wait: float) -> None:
    """Until the process emptying `spare` ends (it may have ended already, or died: then
    its lock is free), for at most `wait` seconds."""
    if not os.path.lexists(_emptying(spare)):
        return
    try:
        lock = open(_lock(spare), "rb")  # noqa: SIM115
    except OSError:
        return
    deadline = time.monotonic() + wait
    with lock:
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    return
                time.sleep(0.01)


def _emptying(spare: Path) -> Path:
    return spare.with_name(spare.name + ".emptying")


def _lock(spare: Path) -> Path:
    return spare.with_name(spare.name + ".lock")


def _empty_then_put_back(emptying: str, spare: str, *drop: str) -> None:
    """Run by `empty_later`'s process. If a newer spare is in place by then, this one goes."""
    try:
        empty_spare(Path(emptying), drop)
        os.rename(emptying, spare)  # fails onto a spare that holds files
    except OSError:
        shutil.rmtree(emptying, ignore_errors=True)


def remove_files(root: Path) -> None:
    """Unlink every file and symlink under `root`, keeping the real folders."""
    for current, dirs, files in os.walk(root):
        for name in files:
            os.unlink(os.path.join(current, name))
        for name in [d for d in dirs if os.path.islink(os.path.join(current, d))]:
            os.unlink(os.path.join(current, name))
            dirs.remove(name)


def keep_as_spare(retired: Path, spare: Path) -> bool:
    """Keep the retired output as the next build's spare; False if it cannot be."""
    if os.path.lexists(spare):
        return False
    try:
        spare.parent.mkdir(parents=True, exist_ok=True)
        retired.rename(spare)
    except OSError:
        return False
    return True
