"""Make the missing derivatives of one source: decode once, resize down step by step."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from .cache import Cache
from .encode import encode, options
from .pixels import SourceError, open_upright, to_srgb
from .plan import OG, Facts, chain, height_for, source_key, variants
from .settings import Settings


@dataclass(frozen=True)
class Job:
    path: Path
    key: str  # sha256 of the source's bytes, as the build read them
    stem: str  # the published name without its extension
    og: bool  # also make the Open Graph JPEG


@dataclass(frozen=True)
class Outcome:
    path: Path
    facts: Facts | None
    made: int = 0  # files encoded
    pixels: int = 0  # source pixels decoded
    error: str = ""


def derive(job: Job, settings: Settings) -> Outcome:
    """Encode every derivative of `job` that the cache lacks; never raises for a bad source."""
    cache = Cache(settings.cache_path)
    try:
        data = job.path.read_bytes()
    except OSError as exc:
        return Outcome(job.path, None, error=f"cannot be read ({exc.strerror})")
    if source_key(data) != job.key:
        return Outcome(job.path, None, error="changed while the site was being built")

    def largest(facts: Facts) -> int:
        return chain(facts, settings, job.og)[0]

    try:
        image, facts = open_upright(io.BytesIO(data), settings.max_pixels, largest)
        made = _encode_missing(image, job, facts, settings, cache)
    except SourceError as exc:
        return Outcome(job.path, None, error=str(exc))
    cache.store_facts(job.key, facts)
    return Outcome(job.path, facts, made, facts.width * facts.height)


def _encode_missing(image: Image.Image, job: Job, facts: Facts, settings: Settings, cache: Cache) -> int:
    wanted = [v for v in variants(job.stem, job.key, facts, settings, job.og) if not cache.has(v.name)]
    made = 0
    current = image
    for step, width in enumerate(chain(facts, settings, job.og)):
        size = (width, height_for(facts, width))
        if current.size != size:
            current = current.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
        if step == 0:
            current = to_srgb(current)  # after the first resize: fewer pixels to convert
        for variant in (v for v in wanted if v.width == width):
            encoder = "jpeg" if variant.format == OG else variant.format
            cache.store(variant.name, encode(current, encoder, options(encoder, settings, facts.alpha)))
            made += 1
    return made
