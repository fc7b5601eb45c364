"""Bring every source's derivatives into the cache, the missing ones on all cores."""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass, field
from pathlib import Path

from .cache import Cache
from .plan import Facts, Variant, variants
from .progress import Progress
from .settings import Settings


@dataclass(frozen=True)
class Request:
    path: Path
    stem: str  # derivatives are called <stem>.<hash>.<width>w.<ext>
    og: bool = False


@dataclass(frozen=True)
class Rendition:
    key: str  # the source's hash
    facts: Facts
    variants: tuple[Variant, ...]


@dataclass
class Report:
    sources: int = 0
    decoded: int = 0  # sources that had to be decoded
    files_made: int = 0
    files_cached: int = 0
    pixels: int = 0  # decoded source pixels
    seconds: float = 0.0
    errors: dict[Path, str] = field(default_factory=dict)

    def summary(self) -> str:
        files = self.files_made + self.files_cached
        line = (
            f"Images: {self.sources} sources, {files} files "
            f"({self.files_made} made, {self.files_cached} from the cache) in {self.seconds:.2f} s"
        )
        if self.decoded and self.seconds:
            line += (
                f"; {self.decoded / self.seconds:.1f} images/s, {self.pixels / 1e6 / self.seconds:.1f} MP/s"
            )
        return line


def render_all(
    requests: list[Request], settings: Settings, progress_stream=None
) -> tuple[dict[Path, Rendition], Report]:
    """Every request's derivatives, made only where the cache lacks them."""
    started = time.perf_counter()
    cache = Cache(settings.cache_path)
    report = Report(sources=len(requests))
    renditions: dict[Path, Rendition] = {}
    jobs = []
    by_path = {request.path: request for request in requests}
    keys = cache.source_keys([request.path for request in requests])
    for request in requests:
        key = keys[request.path]
        if isinstance(key, OSError):
            report.errors[request.path] = f"cannot be read ({key.strerror})"
            continue
        facts = cache.facts(key)
        found = variants(request.stem, key, facts, settings, request.og) if facts else None
        if found and all(cache.has(v.name) for v in found):
            renditions[request.path] = Rendition(key, facts, tuple(found))
            report.files_cached += len(found)
        else:
            jobs.append(_job(request, key))
    for job, outcome in _run(jobs, settings, progress_stream) if jobs else ():
        if outcome.error:
            report.errors[job.path] = outcome.error
            continue
        request = by_path[job.path]
        found = variants(request.stem, job.key, outcome.facts, settings, request.og)
        renditions[job.path] = Rendition(job.key, outcome.facts, tuple(found))
        report.decoded += 1
        report.files_made += outcome.made
        report.files_cached += len(found) - outcome.made
        report.pixels += outcome.pixels
    report.seconds = time.perf_counter() - started
    return renditions, report


def _run(jobs: list, settings: Settings, stream):
    """(job, outcome) for every job, largest sources first, on up to pool_size processes."""
    # Imported here: a build with everything cached needs neither (nor their imports).
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from .derive import derive

    jobs = sorted(jobs, key=lambda job: (-_size(job.path), str(job.path)))
    progress = Progress(len(jobs), stream)
    workers = min(settings.pool_size, len(jobs))
    try:
        if workers == 1:
            for job in jobs:
                outcome = _guarded(job, functools.partial(derive, job, settings))
                progress.advance(outcome.pixels)
                yield job, outcome
            return
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(derive, job, settings): job for job in jobs}
            for future in as_completed(futures):
                job = futures[future]
                outcome = _guarded(job, future.result)
                progress.advance(outcome.pixels)
                yield job, outcome
    finally:
        progress.close()


def _job(request: Request, key: str):
    from .derive import Job

    return Job(request.path, key, request.stem, request.og)


def _guarded(job, call):
    """The outcome, or an error outcome when the worker itself failed."""
    from .derive import Outcome

    try:
        return call()
    except Exception as exc:
        return Outcome(job.path, None, error=f"could not be processed ({type(exc).__name__}: {exc})")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
