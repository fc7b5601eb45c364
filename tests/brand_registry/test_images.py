import io

import pytest
from PIL import Image as PILImage

from brandsite.brand_registry.images import ImageProblem, load_image


def image_bytes(fmt: str, size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "green").save(buffer, fmt)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("a.jpg", "JPEG"),
        ("a.JPEG", "JPEG"),
        ("a.png", "PNG"),
        ("a.webp", "WEBP"),
        ("a.gif", "GIF"),
        ("a.avif", "AVIF"),
    ],
)
def test_the_five_web_formats_load(tmp_path, name, fmt):
    (tmp_path / name).write_bytes(image_bytes(fmt))
    image = load_image(tmp_path, name, "alt")
    assert (image.format, image.width, image.height) == (fmt, 40, 30)


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("scan.pdf", b"%PDF-1.7\n...", '"scan.pdf" is a PDF file; use JPEG, PNG, WebP, GIF or AVIF'),
        ("photo.tif", image_bytes("TIFF"), '"photo.tif" is a TIFF file; use JPEG, PNG, WebP, GIF or AVIF'),
        ("photo.bmp", image_bytes("BMP"), '"photo.bmp" is a BMP file; use JPEG, PNG, WebP, GIF or AVIF'),
        (
            "IMG_0001.HEIC",
            b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic",
            '"IMG_0001.HEIC" is a HEIC file; use JPEG, PNG, WebP, GIF or AVIF',
        ),
        (
            "logo.png",
            b"<!DOCTYPE html><script>alert(1)</script>",
            '"logo.png" is an HTML file; use JPEG, PNG, WebP, GIF or AVIF',
        ),
        (
            "logo.svg",
            b'\xef\xbb\xbf  <svg xmlns="http://www.w3.org/2000/svg"/>',
            '"logo.svg" is an SVG file; use JPEG, PNG, WebP, GIF or AVIF',
        ),
        ("notes.jpg", b"just text", '"notes.jpg" is not an image (or its format is not supported)'),
        ("empty.jpg", b"", '"empty.jpg" is empty (0 bytes)'),
        ("shot.jpg", image_bytes("PNG"), '"shot.jpg" is a PNG image; its name must end in .png'),
        ("photo.png", image_bytes("JPEG"), '"photo.png" is a JPEG image; its name must end in .jpg or .jpeg'),
        ("page.html", image_bytes("GIF"), '"page.html" is a GIF image; its name must end in .gif'),
    ],
)
def test_what_is_not_a_web_image_is_named(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    with pytest.raises(ImageProblem) as caught:
        load_image(tmp_path, name)
    assert str(caught.value) == message


def test_pixel_limit_is_a_parameter(tmp_path):
    (tmp_path / "a.png").write_bytes(image_bytes("PNG", (2000, 1001)))
    assert load_image(tmp_path, "a.png").width == 2000
    with pytest.raises(ImageProblem, match=r'"a.png" is 2000x1001 pixels, over the limit of 2 megapixels'):
        load_image(tmp_path, "a.png", max_pixels=2_000_000)
