"""Decode a source once into upright, 8-bit sRGB pixels with no metadata."""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from PIL import Image, ImageCms

from .plan import Facts

SWAPS_SIDES = {5, 6, 7, 8}  # EXIF orientations that turn the picture a quarter
T = Image.Transpose
UPRIGHT = {
    2: T.FLIP_LEFT_RIGHT,
    3: T.ROTATE_180,
    4: T.FLIP_TOP_BOTTOM,
    5: T.TRANSPOSE,
    6: T.ROTATE_270,
    7: T.TRANSVERSE,
    8: T.ROTATE_90,
}  # as ImageOps.exif_transpose
HIGH_BIT = {"I", "I;16", "I;16B", "I;16L", "I;16N", "F"}
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
PROFILE_SPACES = {"RGB": "RGB ", "L": "GRAY", "CMYK": "CMYK"}


class SourceError(Exception):
    """The source cannot be turned into pixels; the message says why."""


def open_upright(
    source: Path | BinaryIO, max_pixels: int, largest: Callable[[Facts], int] | None = None
) -> tuple[Image.Image, Facts]:
    """The first frame of `source`, decoded no larger than the `largest(facts)` width needs.

    A JPEG is decoded at 1/2, 1/4 or 1/8 scale when that is still wide enough
    (libjpeg's DCT scaling: far less work than decoding every pixel).
    Returns RGB, RGBA, L, LA or CMYK pixels (colour not yet converted; the
    ICC profile stays in `info`) and the source's facts.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(source.read_bytes()) if isinstance(source, Path) else source)
            width, height = image.size
            if width * height > max_pixels:
                raise SourceError(f"is {width}x{height} pixels, over the limit of {max_pixels:,}")
            orientation = _orientation(image)
            upright = (height, width) if orientation in SWAPS_SIDES else (width, height)
            wanted = largest(Facts(*upright, alpha=False)) if largest else upright[0]
            if image.format == "JPEG" and wanted < upright[0]:
                size = (wanted, max(1, round(upright[1] * wanted / upright[0])))
                image.draft(image.mode, _raw(size, orientation))
            image.load()
        except SourceError:
            raise
        except Exception as exc:
            raise SourceError(f"cannot be decoded ({type(exc).__name__}: {exc})") from None
    icc = image.info.get("icc_profile")
    if orientation != 1:
        image = image.transpose(UPRIGHT[orientation])
    image = eight_bit(image)
    alpha = image.mode in ("RGBA", "LA") and image.getchannel("A").getextrema()[0] < 255
    if image.mode in ("RGBA", "LA") and not alpha:
        image = image.convert(image.mode[:-1])
    image.info = {"icc_profile": icc} if icc else {}
    return image, Facts(upright[0], upright[1], alpha)


def _orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(0x0112, 1)
    except Exception:
        return 1
    return value if value in range(1, 9) else 1


def _raw(size: tuple[int, int], orientation: int) -> tuple[int, int]:
    return (size[1], size[0]) if orientation in SWAPS_SIDES else size


def eight_bit(image: Image.Image) -> Image.Image:
    """L, LA, RGB, RGBA or CMYK with 8 bits a channel; palettes and 16-bit grey expanded."""
    mode = image.mode
    if mode in HIGH_BIT:
        # convert("L") would clip everything above 255 to white: scale instead.
        scale = 1 / 257 if mode != "F" else 255.0
        return image.convert("I" if mode != "F" else "F").point(lambda v: v * scale).convert("L")
    if mode == "1":
        return image.convert("L")
    if mode in ("P", "PA"):
        return image.convert("RGBA" if image.has_transparency_data or mode == "PA" else "RGB")
    if mode in ("RGBa", "RGBX"):
        return image.convert("RGBA" if mode == "RGBa" else "RGB")
    if mode == "La":
        return image.convert("LA")
    if mode in ("L", "LA", "RGB", "RGBA", "CMYK"):
        return image
    return image.convert("RGB")  # YCbCr, LAB, HSV


def to_srgb(image: Image.Image) -> Image.Image:
    """RGB or RGBA in sRGB: the embedded ICC profile applied, then dropped."""
    icc = image.info.get("icc_profile")
    alpha = image.getchannel("A") if image.mode in ("RGBA", "LA") else None
    colour = image.convert(image.mode[:-1]) if alpha else image
    converted = _apply_profile(colour, icc) if icc else None
    if converted is None:
        converted = colour.convert("RGB")
    if alpha:
        converted.putalpha(alpha)
    converted.info = {}
    return converted


def _apply_profile(image: Image.Image, icc: bytes) -> Image.Image | None:
    """`image` converted by its profile, or None when the profile cannot be used.

    Browsers ignore a damaged or mismatched profile and so do we.
    """
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if profile.profile.xcolor_space != PROFILE_SPACES.get(image.mode):
            return None
        if image.mode == "RGB" and profile.profile.profile_description.startswith("sRGB"):
            return image.copy()
        return ImageCms.profileToProfile(image, profile, SRGB, outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return None
