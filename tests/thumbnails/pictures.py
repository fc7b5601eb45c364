"""Small generated source images for the thumbnail tests, one per awkward case."""

from __future__ import annotations

import io
import struct
from pathlib import Path

from PIL import Image, ImageDraw

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MARKER = (255, 0, 0)  # the red corner that orientation tests look for


def upright_picture(size=(120, 80)) -> Image.Image:
    """Blue picture with a red block in its top-left corner."""
    image = Image.new("RGB", size, (0, 0, 255))
    ImageDraw.Draw(image).rectangle((0, 0, size[0] // 3, size[1] // 3), fill=MARKER)
    return image


def camera_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "TestPhone"  # Make
    exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (41.0, 45.0, 12.0)
    gps[3], gps[4] = "E", (86.0, 9.0, 30.0)
    return exif


T = Image.Transpose
# What a camera stores for an upright scene, by EXIF orientation (Pillow's
# ROTATE_90 turns counter-clockwise): 6 is a phone held upright, whose stored
# pixels must be turned 90 degrees clockwise to be shown.
STORED = {
    2: T.FLIP_LEFT_RIGHT,
    3: T.ROTATE_180,
    4: T.FLIP_TOP_BOTTOM,
    5: T.TRANSPOSE,
    6: T.ROTATE_90,
    7: T.TRANSVERSE,
    8: T.ROTATE_270,
}


def stored_as(orientation: int, size=(120, 80)) -> Image.Image:
    """The pixels a camera stores for an upright picture shown with `orientation`."""
    image = upright_picture(size)
    return image if orientation == 1 else image.transpose(STORED[orientation])


def write(path: Path, image: Image.Image, fmt: str, **options) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, fmt, **options)
    return path


def phone_jpeg(path: Path, orientation: int = 1, size=(120, 80), **options) -> Path:
    exif = camera_exif(orientation)
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
    return write(
        path, stored_as(orientation, size), "JPEG", quality=95, exif=exif.tobytes(), xmp=xmp, **options
    )


def rgb_profile(red, green, blue, description: str = "Test RGB") -> bytes:
    """A minimal ICC v2 display profile with the given D50 colorants and gamma 2.2."""

    def xyz(values):
        return b"XYZ \0\0\0\0" + b"".join(struct.pack(">i", round(v * 65536)) for v in values)

    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, int(2.2 * 256)) + b"\0\0"
    text = description.encode("ascii") + b"\0"
    desc = b"desc\0\0\0\0" + struct.pack(">I", len(text)) + text + b"\0" * 12 + b"\0" * 67
    desc += b"\0" * (-len(desc) % 4)
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz((0.9642, 1.0, 0.8249))),
        (b"rXYZ", xyz(red)),
        (b"gXYZ", xyz(green)),
        (b"bXYZ", xyz(blue)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text\0\0\0\0none\0\0\0\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = struct.pack(
        ">I4sI4s4s4s12s4s4sI4s4sQI",
        size,
        b"lcms",
        0x02100000,
        b"mntr",
        b"RGB ",
        b"XYZ ",
        b"\0" * 12,
        b"acsp",
        b"APPL",
        0,
        b"none",
        b"none",
        0,
        0,
    )
    header += struct.pack(">iii", round(0.9642 * 65536), 65536, round(0.8249 * 65536))
    header += b"none" + b"\0" * 16 + b"\0" * 28
    return header + struct.pack(">I", len(tags)) + table + data


SRGB_RED = (0.4361, 0.2225, 0.0139)
SRGB_GREEN = (0.3851, 0.7169, 0.0971)
SRGB_BLUE = (0.1431, 0.0606, 0.7141)
# A profile that calls the first channel green and the second red: after
# conversion to sRGB, a pixel stored as (255, 0, 0) must come out green.
SWAPPED = rgb_profile(SRGB_GREEN, SRGB_RED, SRGB_BLUE, "Swapped red and green")


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
