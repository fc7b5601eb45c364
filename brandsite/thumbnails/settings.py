"""What shapes the derivatives, read from the site settings."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_WIDTHS = (320, 640, 960, 1280, 1920)
DEFAULT_QUALITY = {"avif": 75, "webp": 80, "jpeg": 80}
MAX_PIXELS = 50_000_000  # as brand_registry.images.MAX_PIXELS, which validation enforces


@dataclass(frozen=True)
class Settings:
    widths: tuple[int, ...] = DEFAULT_WIDTHS
    quality: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_QUALITY))
    avif_speed: int = 9  # libaom: 0 slowest and smallest .. 10 fastest
    webp_method: int = 5  # libwebp: 0 fastest .. 6 slowest and smallest
    og_width: int = 1200
    max_pixels: int = MAX_PIXELS
    cache_path: Path = Path(".cache/images")
    workers: int = 0  # 0: one per core

    @property
    def pool_size(self) -> int:
        return self.workers or len(os.sched_getaffinity(0))


def from_site(settings: dict, root: Path) -> tuple[Settings, list[tuple[str, str]]]:
    """Settings from pelicanconf names, and (setting, problem) for each bad value.

    THUMBNAIL_CACHE_PATH in the environment wins over the settings file, so
    CI and tests can share one cache between checkouts.
    """
    problems: list[tuple[str, str]] = []
    widths = settings.get("THUMBNAIL_WIDTHS", DEFAULT_WIDTHS)
    if not widths or not all(_positive_int(w) for w in widths):
        problems.append(("THUMBNAIL_WIDTHS", "must be a list of positive whole numbers"))
        widths = DEFAULT_WIDTHS
    quality = {**DEFAULT_QUALITY, **(settings.get("THUMBNAIL_QUALITY") or {})}
    for name, value in quality.items():
        if name not in DEFAULT_QUALITY:
            problems.append(("THUMBNAIL_QUALITY", f'"{name}" is not one of avif, webp, jpeg'))
        elif not (isinstance(value, int) and 1 <= value <= 100):
            problems.append(("THUMBNAIL_QUALITY", f"{name} must be a whole number from 1 to 100"))
    numbers = {}
    for name, attr, low, high, default in (
        ("THUMBNAIL_AVIF_SPEED", "avif_speed", 0, 10, 9),
        ("THUMBNAIL_WEBP_METHOD", "webp_method", 0, 6, 5),
        ("THUMBNAIL_OG_WIDTH", "og_width", 1, 10_000, 1200),
        ("THUMBNAIL_WORKERS", "workers", 0, 256, 0),
    ):
        value = settings.get(name, default)
        value = default if value is None else value
        if not (isinstance(value, int) and low <= value <= high):
            problems.append((name, f"must be a whole number from {low} to {high}"))
            value = default
        numbers[attr] = value
    cache = Path(
        os.environ.get("THUMBNAIL_CACHE_PATH") or settings.get("THUMBNAIL_CACHE_PATH") or ".cache/images"
    )
    return Settings(
        widths=tuple(sorted(set(widths))),
        quality={k: v for k, v in quality.items() if k in DEFAULT_QUALITY},
        cache_path=cache if cache.is_absolute() else root / cache,
        **numbers,
    ), problems


def _positive_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 10_000
