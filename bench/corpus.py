"""A deterministic corpus of phone-like photos for the image benchmark.

Photo-like JPEGs of 3000x2000 to 4000x3000 (6 to 12 MP) with camera EXIF
(orientation, GPS, date), some with an embedded sRGB ICC profile, and a few
large PNGs with transparency. Each picture is drawn from its own seed, so the
same count gives the same pixels with the same Pillow build.
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageChops, ImageCms, ImageDraw, ImageFilter, ImageOps

VERSION = 1  # bump when the drawing changes
SEED = 20261126
SIZES = [(3000, 2000), (3264, 2448), (3456, 2304), (4000, 3000), (4032, 3024), (3600, 2400)]
ORIENTATIONS = [1, 1, 6, 1, 8, 3, 1, 6]  # phones store portraits sideways
PNG_SIZES = [(2000, 2000), (2400, 1600), (2048, 1536)]  # wider than every width


def pngs_for(count: int) -> int:
    return max(1, count // 10)


def corpus(folder: Path, count: int) -> list[Path]:
    """`count` JPEGs and a few PNGs in `folder`, made once and reused."""
    folder = folder / f"v{VERSION}-{count}"
    names = [f"photo-{i:03d}.jpg" for i in range(count)]
    names += [f"cutout-{i:02d}.png" for i in range(pngs_for(count))]
    paths = [folder / name for name in names]
    if all(path.is_file() for path in paths):
        return paths
    folder.mkdir(parents=True, exist_ok=True)
    for index, path in enumerate(paths):
        if path.is_file():
            continue
        partial = path.with_suffix(".part")
        if path.suffix == ".jpg":
            _photo(random.Random(SEED + index), index).save(partial, "JPEG", **_photo_info(index))
        else:
            _cutout(random.Random(SEED - index), index).save(partial, "PNG", compress_level=6)
        partial.replace(path)
    return paths


def _colour(rng: random.Random, base: tuple[int, int, int], spread: int = 40) -> tuple[int, ...]:
    return tuple(max(0, min(255, c + rng.randint(-spread, spread))) for c in base)


def _noise(size: tuple[int, int], cells: int, sigma: float) -> Image.Image:
    """Smooth random field: coarse noise enlarged, so it has structure at `cells` scale."""
    small = Image.effect_noise((max(2, size[0] // cells), max(2, size[1] // cells)), sigma)
    return small.resize(size, Image.Resampling.BICUBIC)


def _photo(rng: random.Random, index: int) -> Image.Image:
    w, h = SIZES[index % len(SIZES)]
    horizon = int(h * rng.uniform(0.3, 0.6))
    sky = ImageOps.colorize(
        _noise((w, h), 96, 30), _colour(rng, (90, 140, 210)), _colour(rng, (235, 240, 250), 15)
    )
    ground = ImageOps.colorize(
        _noise((w, h), 12, 45), _colour(rng, (40, 70, 25)), _colour(rng, (170, 160, 90))
    )
    mask = (
        Image.linear_gradient("L")
        .resize((w, h))
        .point(lambda v: 0 if v < 255 * horizon / h - 6 else (255 if v > 255 * horizon / h + 6 else 128))
    )
    image = Image.composite(ground, sky, mask)
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(30, 70)):  # trees, fruit, buildings
        x, y = rng.randrange(w), rng.randrange(horizon - h // 10, h)
        rx, ry = rng.randint(w // 200, w // 25), rng.randint(h // 150, h // 15)
        shape = draw.ellipse if rng.random() < 0.7 else draw.rectangle
        shape((x - rx, y - ry, x + rx, y + ry), fill=_colour(rng, (120, 90, 60), 90))
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    grain = Image.effect_noise((w, h), 5)
    image = ImageChops.add(image, Image.merge("RGB", (grain, grain, grain)), 1.0, -128)
    return ImageChops.multiply(
        image, Image.merge("RGB", [_noise((w, h), 6, 20).point(lambda v: 200 + v // 5)] * 3)
    )  # leaf-scale light and shade


def _photo_info(index: int) -> dict:
    exif = Image.Exif()
    exif[0x010F] = "BenchPhone"  # Make
    exif[0x0110] = "BP-12"  # Model
    exif[0x0112] = ORIENTATIONS[index % len(ORIENTATIONS)]
    exif[0x0132] = f"2026:09:{1 + index % 28:02d} 10:{index % 60:02d}:00"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (41.0, 45.0, float(index % 60))
    gps[3], gps[4] = "E", (86.0, 9.0, 30.0)
    info = {"quality": 92, "exif": exif.tobytes()}
    if index % 3 == 0:
        info["icc_profile"] = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return info


def _cutout(rng: random.Random, index: int) -> Image.Image:
    """A product shot or logo on a transparent background."""
    w, h = PNG_SIZES[index % len(PNG_SIZES)]
    image = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(4, 9)):
        x, y = rng.randint(w // 5, 4 * w // 5), rng.randint(h // 5, 4 * h // 5)
        r = rng.randint(min(w, h) // 10, min(w, h) // 4)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*_colour(rng, (200, 80, 60), 60), 255))
    shade = ImageOps.colorize(_noise((w, h), 16, 40), (60, 40, 20), (250, 220, 160)).convert("RGBA")
    shade.putalpha(image.getchannel("A").filter(ImageFilter.GaussianBlur(3)))
    return Image.alpha_composite(image, shade)
