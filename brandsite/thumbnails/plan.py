"""Which derivatives a source gets and what they are called.

Widths come from the settings, never wider than the source (no upscaling):
a 1600-wide photo gets 320, 640, 960, 1280 and 1600. Every format gets every
width; the fallback is PNG for sources with transparency, JPEG otherwise. A
source used as a page's social-media image also gets one Open Graph JPEG.

Each width is resized from the next larger one, so a derivative's pixels
depend on the source, the widths above it and its format's settings: that
is what its cache key (and the hash in its file name) covers, and so a
settings change redoes only the derivatives it affects.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import PIL

from .encode import FORMATS, library_version, options
from .settings import Settings

PIPELINE_VERSION = 1  # bump when decoding or resizing changes the pixels
MAX_SIDE = 16383  # WebP's limit; the plan keeps every derivative within it
OG = "og"


@dataclass(frozen=True)
class Facts:
    """What naming the derivatives needs to know of a source, without decoding it."""

    width: int  # upright, after EXIF orientation
    height: int
    alpha: bool  # some pixel is not fully opaque


@dataclass(frozen=True)
class Variant:
    format: str  # avif, webp, jpeg, png, or og (a JPEG)
    width: int
    height: int
    name: str  # file name, e.g. orchard.3f2a9c1e.640w.webp

    @property
    def mime(self) -> str:
        return FORMATS["jpeg" if self.format == OG else self.format][2]


def source_key(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def widest(facts: Facts) -> int:
    """No upscaling, and no side over MAX_SIDE."""
    return min(facts.width, max(1, MAX_SIDE * facts.width // facts.height))


def shown_widths(facts: Facts, settings: Settings) -> list[int]:
    """The widths a <picture> offers, smallest first."""
    return sorted({min(w, widest(facts)) for w in settings.widths})


def og_width(facts: Facts, settings: Settings) -> int:
    return min(settings.og_width, widest(facts))


def chain(facts: Facts, settings: Settings, og: bool) -> list[int]:
    """The widths to resize through, largest first."""
    widths = set(shown_widths(facts, settings))
    if og:
        widths.add(og_width(facts, settings))
    return sorted(widths, reverse=True)


def height_for(facts: Facts, width: int) -> int:
    return max(1, round(facts.height * width / facts.width))


def formats(facts: Facts) -> tuple[str, ...]:
    return ("avif", "webp", "png" if facts.alpha else "jpeg")


def variants(stem: str, key: str, facts: Facts, settings: Settings, og: bool) -> list[Variant]:
    """Every derivative of a source, in the order the <picture> lists them."""
    widths = chain(facts, settings, og)
    found = [
        _variant(stem, key, facts, settings, fmt, width, widths)
        for fmt in formats(facts)
        for width in shown_widths(facts, settings)
    ]
    if og and (facts.alpha or og_width(facts, settings) not in shown_widths(facts, settings)):
        found.append(_variant(stem, key, facts, settings, OG, og_width(facts, settings), widths))
    return found


def og_variant(
    found: list[Variant] | tuple[Variant, ...], facts: Facts, settings: Settings
) -> Variant | None:
    """The Open Graph JPEG: its own file, or the fallback JPEG of the same width."""
    width = og_width(facts, settings)
    return next((v for v in found if v.format == OG), None) or next(
        (v for v in found if v.format == "jpeg" and v.width == width), None
    )


def _variant(stem, key, facts, settings, fmt, width, widths) -> Variant:
    encoder = "jpeg" if fmt == OG else fmt
    lineage = [w for w in widths if w >= width]
    shaped_by = json.dumps(
        [
            key,
            PIPELINE_VERSION,
            PIL.__version__,
            library_version("littlecms2"),
            fmt,
            library_version(encoder),
            options(encoder, settings, facts.alpha),
            lineage,
        ]
    )
    digest = hashlib.sha256(shaped_by.encode()).hexdigest()[:8]
    suffix = ".og" if fmt == OG else ""
    name = f"{stem}.{digest}.{width}w{suffix}.{FORMATS[encoder][1]}"
    return Variant(fmt, width, height_for(facts, width), name)
