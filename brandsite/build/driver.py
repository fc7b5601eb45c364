"""Build the site atomically: Pelican writes a fresh folder, Pagefind indexes
it for search, and it replaces `output/` only when every step succeeded.

    python -m brandsite.build.driver [--settings pelicanconf.py] [--output output]
                                     [--siteurl URL] [--prune-cache]

Rebuilds do only what changed: with no input changed since the last build of
the same output, nothing is done; otherwise pages whose inputs (what their
templates receive) did not change are linked from the previous output instead of rendered, files whose
bytes did not change keep their inode and mtime (rsync sees real changes only),
and the search index is remade only when a page changed (brandsite.incremental).
`--force` rebuilds everything.

A failed or interrupted build (Ctrl-C, SIGTERM, SIGHUP) leaves the previous
`output/` exactly as it was. A build that was killed outright leaves a
temporary folder beside it, which the next run cleans up (or, if the kill
came mid-swap, puts back). The files named in the OUTPUT_RETENTION setting
(`.git`, `CNAME`, ...) are carried over from each `output/` to the next.
"""

from __future__ import annotations

import argparse
import fcntl
import gc
import logging
import os
import shutil
import signal
import sys
import threading
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import NoReturn

from brandsite.brand_registry.messages import msg
from brandsite.brand_registry.settings_file import read_settings_file, siblings_importable
from brandsite.build import compressed
from brandsite.build.rebuild import SEARCH_BUNDLE, Incremental, LookBack, look_back
from brandsite.detached import run_detached
from brandsite.incremental.fork_pool import Background
from brandsite.incremental.spare import empty_later, keep_as_spare, take_spare

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
PAGES_SERVED = "\x1ebuild-pages-served"  # printed by build(search_later=True) between its two steps


def say(key: str, stream=sys.stdout, **values) -> None:
    """Print a catalogue message, Chinese first, then English."""
    text = msg(key, **values)
    print(f"{text.zh} / {text.en}", file=stream, flush=True)


class Stopped(KeyboardInterrupt):
    """A stop signal arrived; `signum` says which."""

    def __init__(self, signum: int = signal.SIGINT):
        super().__init__(signum)
        self.signum = signum


class _StopSignals:
    """Turns stop signals into `Stopped`, except inside `held()`, where they wait."""

    def __init__(self):
        self.holding = False
        self.pending: int | None = None

    def __call__(self, signum, _frame):
        if self.holding:
            self.pending = signum
            return
        raise Stopped(signum)

    @contextmanager
    def held(self):
        """A critical section: a signal arriving inside is raised when it ends."""
        self.holding = True
        try:
            yield
        finally:
            self.holding = False
            pending, self.pending = self.pending, None
            if pending is not None:
                raise Stopped(pending)


@contextmanager
def stop_signals():
    stop = _StopSignals()
    if threading.current_thread() is not threading.main_thread():
        yield stop  # only the main thread can take signals
        return
    previous = {signum: signal.signal(signum, stop) for signum in STOP_SIGNALS}
    try:
        yield stop
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


class Busy(Exception):
    """Another build is writing beside the same output folder."""


@contextmanager
def exclusive(folder: Path):
    """Hold a lock on `folder` (the output's parent) for the whole build."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy(folder) from None
        yield
    finally:
        os.close(descriptor)  # releases the lock


def read_build_settings(
    settings_file: str, staging: Path, siteurl: str | None, prune_cache: bool = False
) -> dict:
    from pelican.settings import read_settings

    override = {"OUTPUT_PATH": str(staging), "THUMBNAIL_PRUNE": prune_cache}
    if siteurl is not None:
        override["SITEURL"] = siteurl.rstrip("/")
    with siblings_importable(Path(settings_file)):
        settings = read_settings(settings_file, override=override)
    compressed.take_over(settings)  # the driver compresses, after keep_pages
    return settings


def look_without_pelican(settings_file: str, output: Path, siteurl: str | None) -> LookBack | None:
    """Whether anything changed since the last build, with the settings file read as
    `make check` reads it: a build with nothing to do need not import Pelican (0.4 s).

    The settings files are inputs like any other, so the look can only find nothing
    changed if they are as the last build read them with Pelican. Anything it cannot
    tell (a value left to Pelican's defaults, a build to recover) gives None: look again.
    """
    if left_behind(output, "old") or left_behind(output, "building"):
        return None  # recover() first
    try:
        settings = read_settings_file(settings_file)
        return look_back(settings, settings_file, output, siteurl, False, tuple(retained_names(settings)))
    except Exception:
        return None


def retained_names(settings: dict) -> list[str]:
    """OUTPUT_RETENTION: names of files at the top of the output folder."""
    names = [str(name) for name in settings.get("OUTPUT_RETENTION") or []]
    bad = [name for name in names if name in ("", ".", "..") or "/" in name or "\\" in name]
    if bad:
        raise ValueError(
            f"OUTPUT_RETENTION may only name files at the top of the output "
            f"folder, not {', '.join(map(repr, bad))}"
        )
    return names


def run_pelican(settings: dict) -> int:
    """Run Pelican in this process; content errors are printed plainly, never as a traceback."""
    from pelican import Pelican
    from pelican.log import init as init_logging

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    init_logging(level=logging.WARNING, fatal="warnings", handler=handler)
    before = set(Background.running)  # the output's check (look_back) goes on
    try:
        Pelican(settings).run()
    except Exception as exc:
        if type(exc).__name__ == "ValidationFailed":
            print(exc, file=sys.stderr)
        elif str(exc) == "Warning or error encountered":
            say("build_stopped", sys.stderr)
        else:
            print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
            if os.environ.get("BUILD_DEBUG"):
                raise
        return 1
    finally:
        Background.stop_all(keep=before)  # a generator's pages written beside the others', if it failed
    return 0


def carry_over(old: Path, new: Path, retained: list[str]) -> None:
    """Move the operator's files from the old output to the new one."""
    for name in retained:
        if os.path.lexists(old / name) and not os.path.lexists(new / name):
            os.rename(old / name, new / name)


def swap_in(
    staging: Path, output: Path, retained: list[str], trash: Path | None = None, spare: Path | None = None
) -> Path | None:
    """Make `staging` the new `output`, keeping the operator's files.

    The old output is renamed aside first, so at every moment either it or the
    new one is complete; `recover` finishes the job after a kill. The old
    output becomes `spare`, whose folders the next build reuses, or is deleted.
    Returns `spare` if it did (its files are there until `empty_later`).
    """
    if not output.exists():
        staging.rename(output)
        return None
    old = output.parent / f".{output.name}.old-{os.getpid()}"
    output.rename(old)
    staging.rename(output)
    carry_over(old, output, retained)
    if spare is not None and keep_as_spare(old, spare):
        return spare
    discard(old, trash)
    return None


def discard(folder: Path, trash: Path | None) -> None:
    """Delete `folder`: in the background, from `trash`, when it can be moved there.

    Removing thousands of folders takes seconds that nobody needs to wait for.
    """
    if trash is not None:
        try:
            trash.mkdir(parents=True, exist_ok=True)
            target = trash / f"{folder.name}-{os.getpid()}-{time.monotonic_ns()}"
            folder.rename(target)
        except OSError:  # another file system: delete it here and now
            pass
        else:
            run_detached("import shutil, sys; shutil.rmtree(sys.argv[1], True)", str(target))
            return
    shutil.rmtree(folder, ignore_errors=True)


def left_behind(output: Path, kind: str) -> list[Path]:
    """What killed builds left beside `output`: "old" outputs of a half-done swap, or
    "building" (staging) folders."""
    return sorted(output.parent.glob(f".{output.name}.{kind}-*"))


def recover(output: Path, retained: list[str]) -> None:
    """Undo what a killed build left: put back or finish a half-done swap, drop staging."""
    for old in left_behind(output, "old"):
        if not output.exists():
            old.rename(output)  # killed between the two renames: the previous site returns
            continue
        carry_over(old, output, retained)
        shutil.rmtree(old, ignore_errors=True)
    for staging in left_behind(output, "building"):
        shutil.rmtree(staging, ignore_errors=True)


def build(
    settings_file: str,
    output: Path,
    siteurl: str | None = None,
    prune_cache: bool = False,
    force: bool = False,
    search_later: bool = False,
) -> int:
    """Build into `output` atomically; 0 on success. With `search_later` (the preview), the
    pages are swapped in first and the search index follows them (PAGES_SERVED between)."""
    started = time.perf_counter()
    output = output.resolve()
    staging = output.parent / f".{output.name}.building-{os.getpid()}"
    swapped = False
    with stop_signals() as stop:
        try:
            with exclusive(output.parent) if output.parent.is_dir() else nullcontext():
                earlier = None
                if not (force or prune_cache):
                    earlier = look_without_pelican(settings_file, output, siteurl)
                if earlier is not None and earlier.unchanged:
                    say("build_unchanged", output=output.name)
                    return 0
                try:
                    settings = read_build_settings(settings_file, staging, siteurl, prune_cache)
                    retained = retained_names(settings)
                except Exception as exc:
                    say(
                        "settings_unreadable",
                        sys.stderr,
                        file=settings_file,
                        problem=f"{type(exc).__name__}: {exc}",
                    )
                    return 1
                with stop.held():
                    recover(output, retained)
                incremental = Incremental(
                    settings, settings_file, output, staging, siteurl, force or prune_cache, retained, earlier
                )
                trash = Path(settings["CACHE_PATH"]) / "trash"
                if incremental.unchanged:
                    say("build_unchanged", output=output.name)
                    return 0
                from brandsite.incremental.pages import SETTING  # Jinja: for a build, not a look

                settings[SETTING] = incremental.pages
                spare = incremental.spare_path()
                saving = None
                # The preview serves the pages before keeping them (and indexes them after).
                keep_after_swap = search_later and not compressed.wanted(settings)
                try:
                    with stop.held():
                        take_spare(spare, staging)
                    if not search_later:  # on the core Pelican's reading leaves idle
                        incremental.warm_search(settings)
                    code = run_pelican(settings)
                    search_deferred = False
                    if code == 0:
                        if keep_after_swap:
                            incremental.clear_index_folders()
                        else:
                            incremental.keep_pages()
                            incremental.compress(settings)
                        print(f"Pages ready in {time.perf_counter() - started:.2f} s")
                        saving = save_caches_meanwhile()
                        if search_later:
                            search_deferred = True  # the old index is carried over until then
                        else:
                            code = incremental.search_index(settings)
                    if code != 0:
                        say("build_failed", sys.stderr, output=output.name)
                        return code
                    with stop.held():
                        previous = swap_in(
                            staging, output, retained + [SEARCH_BUNDLE] * search_deferred, trash, spare
                        )
                        swapped = True
                    say("built", output=output.name)
                    if search_deferred:
                        print(PAGES_SERVED, os.getpid(), flush=True)
                        incremental.warm_search(settings)  # not before: the pages come first
                    with stop.held():
                        if keep_after_swap:  # against the previous output, now the spare
                            incremental.keep_pages(previous or output.parent / f".{output.name}.none")
                        incremental.record_pages(output)
                        incremental.save()
                    if search_deferred:
                        code = incremental.refresh_search(
                            settings, lambda old: discard(old, trash), stop.held
                        )
                        if code != 0:
                            say("search_index_failed", sys.stderr)
                    return code
                finally:
                    incremental.stop_search()
                    if saving is not None:
                        saving.join()
                    with stop.held():
                        # in the preview, the previous output until now
                        empty_later(spare, drop=(SEARCH_BUNDLE,))
                        shutil.rmtree(staging, ignore_errors=True)
        except Busy:
            say("build_busy", sys.stderr, folder=output.parent)
            return 1
        except KeyboardInterrupt as exc:
            signum = getattr(exc, "signum", signal.SIGINT)
            say("built_then_interrupted" if swapped else "build_interrupted", sys.stderr, output=output.name)
            return 128 + signum


def save_caches_meanwhile() -> threading.Thread:
    """Save what the build parsed, checked and made of its stories for the next one
    (`kept_articles.save_all`) in a thread beside its last steps, which mostly wait for
    Pagefind: saved by Pelican's plugin, they came before the pages were ready."""
    from brandsite.story_reader.kept_articles import save_all

    thread = threading.Thread(target=save_all, name="save-caches")
    thread.start()
    return thread


def fewer_collections() -> None:
    """Tune the garbage collector for a build process.

    A build makes millions of objects that live until it ends; Python's default
    thresholds scan them again and again (0.4 s of a story edit's build at 1,000
    brands, 1.4 s of a full one). What is loaded so far (modules) is frozen: never
    scanned again, and not copied page by page into forked processes.
    """
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def main(argv: list[str] | None = None) -> int:
    fewer_collections()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default="output", type=Path)
    parser.add_argument("--siteurl", help="the address the site will be served at")
    parser.add_argument(
        "--prune-cache", action="store_true", help="delete cached thumbnails this build does not use"
    )
    parser.add_argument(
        "--force", action="store_true", help="build everything, even if nothing changed since the last build"
    )
    args = parser.parse_args(argv)
    try:
        return build(args.settings, args.output, args.siteurl or None, args.prune_cache, args.force)
    except KeyboardInterrupt:  # before or after build() listened for it
        return 130


def exit_now(code: int) -> NoReturn:
    """End the build's process without freeing its millions of objects one by one
    (0.4-0.9 s at 1,000 brands): nothing is left to do but flush what is printed. Under a
    profiler or a debugger, exit as usual (they write their results at exit)."""
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    exit_now(main())
