"""thumbnails.pixels: every kind of source becomes upright 8-bit sRGB."""

from __future__ import annotations

import pictures
import pytest
from PIL import Image, ImageOps

from brandsite.thumbnails import pixels
from brandsite.thumbnails.pixels import Facts, SourceError, open_upright, to_srgb

LIMIT = 50_000_000


def upright(path, largest=None):
    image, facts = open_upright(path, LIMIT, largest)
    return to_srgb(image), facts


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_is_applied(tmp_path, orientation):
    path = pictures.phone_jpeg(tmp_path / "phone.jpg", orientation)
    image, facts = upright(path)
    assert (facts.width, facts.height) == image.size == (120, 80)
    top_left, bottom_right = image.getpixel((5, 5)), image.getpixel((114, 74))
    assert top_left[0] > 200 and top_left[2] < 60, top_left  # red corner where it belongs
    assert bottom_right[2] > 200 and bottom_right[0] < 60, bottom_right
    with Image.open(path) as reference:  # and the same as Pillow's own reading of the tag
        expected = ImageOps.exif_transpose(reference).convert("RGB")
    assert image.tobytes() == expected.tobytes()


def test_jpeg_is_decoded_only_as_large_as_needed(tmp_path):
    path = pictures.write(tmp_path / "big.jpg", pictures.upright_picture((2560, 1920)), "JPEG")
    image, facts = open_upright(path, LIMIT, largest=lambda f: 320)
    assert image.size == (320, 240)  # DCT scaling at 1/8, not a full decode
    assert (facts.width, facts.height) == (2560, 1920)
    image, _ = open_upright(path, LIMIT, largest=lambda f: 1000)
    assert image.size == (1280, 960)  # 1/2 is the smallest scale still wide enough


def test_sideways_jpeg_is_scaled_by_its_upright_width(tmp_path):
    path = pictures.phone_jpeg(tmp_path / "portrait.jpg", 6, size=(1920, 2560))
    image, facts = open_upright(path, LIMIT, largest=lambda f: 480)
    assert (facts.width, facts.height) == (1920, 2560)
    assert image.size == (480, 640)


def test_icc_profile_is_converted_to_srgb(tmp_path):
    path = pictures.write(
        tmp_path / "wide.png", Image.new("RGB", (8, 8), (255, 0, 0)), "PNG", icc_profile=pictures.SWAPPED
    )
    image, _ = upright(path)
    red, green, blue = image.getpixel((1, 1))
    assert green > 240 and red < 15 and blue < 15
    assert "icc_profile" not in image.info


def test_damaged_or_mismatched_profile_is_ignored_like_browsers_do(tmp_path):
    grey = Image.new("L", (4, 4), 128)
    grey.info["icc_profile"] = pictures.SWAPPED  # an RGB profile on grey pixels
    assert to_srgb(grey).getpixel((0, 0)) == (128, 128, 128)
    rgb = Image.new("RGB", (4, 4), (10, 20, 30))
    rgb.info["icc_profile"] = b"not a profile"
    assert to_srgb(rgb).getpixel((0, 0)) == (10, 20, 30)


def test_cmyk_jpeg(tmp_path):
    path = pictures.write(
        tmp_path / "print.jpg", Image.new("CMYK", (16, 16), (0, 255, 255, 0)), "JPEG", quality=95
    )
    image, facts = upright(path)
    assert image.mode == "RGB" and not facts.alpha
    red, green, blue = image.getpixel((8, 8))
    assert red > 220 and green < 40 and blue < 40


def test_sixteen_bit_grey_is_scaled_not_clipped(tmp_path):
    source = Image.new("I;16", (4, 1))
    for x, value in enumerate((0, 16384, 32768, 65535)):
        source.putpixel((x, 0), value)
    path = pictures.write(tmp_path / "scan.png", source, "PNG")
    image, _ = upright(path)
    assert [image.getpixel((x, 0))[0] for x in range(4)] == [0, 63, 127, 255]


def test_sixteen_bit_rgba_png(tmp_path):
    path = tmp_path / "deep.png"
    path.write_bytes(_png16_rgba())
    image, facts = upright(path)
    assert facts.alpha and image.mode == "RGBA"
    assert image.getpixel((0, 0)) == (255, 0, 0, 128)


@pytest.mark.parametrize(
    "mode,colour,alpha",
    [
        ("LA", (90, 128), True),
        ("LA", (90, 255), False),
        ("RGBA", (1, 2, 3, 255), False),  # an alpha channel that hides nothing is dropped
        ("1", 1, False),
        ("L", 77, False),
    ],
)
def test_modes(tmp_path, mode, colour, alpha):
    path = pictures.write(tmp_path / "x.png", Image.new(mode, (6, 6), colour), "PNG")
    image, facts = upright(path)
    assert facts.alpha is alpha
    assert image.mode == ("RGBA" if alpha else "RGB")


def test_palette_with_transparency_keeps_it(tmp_path):
    logo = Image.new("P", (10, 10), 0)
    logo.putpalette([255, 255, 255, 200, 30, 30] + [0] * 762)
    logo.paste(1, (2, 2, 8, 8))
    path = pictures.write(tmp_path / "logo.png", logo, "PNG", transparency=0)
    image, facts = upright(path)
    assert facts.alpha
    assert image.getpixel((0, 0))[3] == 0 and image.getpixel((5, 5)) == (200, 30, 30, 255)


def test_animated_gif_gives_its_first_frame(tmp_path):
    frames = [Image.new("RGB", (10, 10), colour) for colour in ((0, 200, 0), (200, 0, 0), (0, 0, 200))]
    path = tmp_path / "anim.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    image, facts = upright(path)
    red, green, blue = image.getpixel((5, 5))
    assert green > 150 and red < 50 and blue < 50
    assert (facts.width, facts.height) == (10, 10)


def test_pixel_limit_refuses_a_bomb_before_decoding(tmp_path, monkeypatch):
    path = pictures.write(tmp_path / "bomb.png", Image.new("L", (8000, 7000)), "PNG")
    loaded = []
    monkeypatch.setattr(Image.Image, "load", lambda self: loaded.append(1))
    with pytest.raises(SourceError, match="over the limit"):
        open_upright(path, LIMIT)
    assert not loaded


def test_truncated_file_is_an_error_not_a_crash(tmp_path):
    path = pictures.phone_jpeg(tmp_path / "cut.jpg", size=(400, 300))
    path.write_bytes(path.read_bytes()[:1500])
    with pytest.raises(SourceError, match="cannot be decoded"):
        open_upright(path, LIMIT)


def test_facts_are_what_naming_needs():
    assert Facts(10, 20, False) == Facts(10, 20, False)
    assert {5, 6, 7, 8} == pixels.SWAPS_SIDES


def _png16_rgba() -> bytes:
    """A 1x1 16-bit RGBA PNG (Pillow cannot write one): red at half opacity."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 16, 6, 0, 0, 0)
    row = b"\0" + struct.pack(">HHHH", 65535, 0, 0, 32896)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row))
        + chunk(b"IEND", b"")
    )
