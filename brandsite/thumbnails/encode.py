"""Encode pixels as AVIF, WebP, JPEG or PNG, byte for byte the same every time."""

from __future__ import annotations

import functools
import io

from PIL import Image, features

from .settings import Settings

# format -> (Pillow's name, file extension, MIME type)
FORMATS = {
    "avif": ("AVIF", "avif", "image/avif"),
    "webp": ("WEBP", "webp", "image/webp"),
    "jpeg": ("JPEG", "jpg", "image/jpeg"),
    "png": ("PNG", "png", "image/png"),
}
LIBRARIES = {"avif": "avif", "webp": "webp", "jpeg": "jpg", "png": "zlib", "littlecms2": "littlecms2"}


def options(fmt: str, settings: Settings, alpha: bool = False) -> dict:
    """Pillow save options for `fmt`; they are part of each derivative's cache key."""
    if fmt == "avif":
        # One thread: the pool already uses every core, and libaom's output
        # depends on its thread count. tune=ssim: libavif's default for still
        # images (tune=iq) is slower and writes about 30% larger files at the
        # same quality setting, for about 1 dB more PSNR.
        return {
            "quality": settings.quality["avif"],
            "speed": settings.avif_speed,
            "max_threads": 1,
            "subsampling": "4:2:0",
            "advanced": (("tune", "ssim"),),
        }
    if fmt == "webp":
        # Method 6 compresses an alpha channel ten times slower than 5, for 2% less.
        method = min(settings.webp_method, 5) if alpha else settings.webp_method
        return {"quality": settings.quality["webp"], "method": method}
    if fmt == "jpeg":
        return {"quality": settings.quality["jpeg"], "optimize": True, "progressive": True}
    return {"compress_level": 6}  # 9 takes five times as long for 3% less


@functools.cache
def library_version(fmt: str) -> str:
    """The library's version (an encoder's, or littlecms2): a new one may write other bytes."""
    return str(features.version(LIBRARIES[fmt]))


def encode(image: Image.Image, fmt: str, save_options: dict) -> bytes:
    """`image` (RGB or RGBA, no metadata) in `fmt`."""
    if fmt == "jpeg" and image.mode != "RGB":
        image = flatten(image)
    buffer = io.BytesIO()
    image.save(buffer, FORMATS[fmt][0], **save_options)
    return buffer.getvalue()


def flatten(image: Image.Image, background: tuple[int, int, int] = (255, 255, 255)) -> Image.Image:
    """An opaque RGB copy, transparent parts shown on `background`."""
    if image.mode != "RGBA":
        return image.convert("RGB")
    flat = Image.new("RGBA", image.size, (*background, 255))
    flat.alpha_composite(image)
    return flat.convert("RGB")
