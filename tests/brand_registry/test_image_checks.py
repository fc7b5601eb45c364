"""What the thumbnail step could choke on is caught at validation, with file and field or line."""

from __future__ import annotations

import io
import struct
import zlib

from conftest import jpeg_bytes
from PIL import Image


def english(project) -> list[str]:
    _site, issues = project.load()
    return [issue.english() for issue in sorted(issues) if issue.severity == "error"]


def png(size, mode="L") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


def huge_png_header(width: int, height: int) -> bytes:
    """A PNG claiming `width`x`height` pixels: a decompression bomb's header."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))


def test_bomb_over_limit_truncated_and_thin_images_in_a_brand(project):
    photo = jpeg_bytes((600, 400))
    project.brand(
        "pear",
        cover="bomb.png",
        gallery=["big.png", "cut.jpg", "thin.png"],
        body="正文。\n\n![截断的照片](cut.jpg)\n",
        files={
            "bomb.png": huge_png_header(100_000, 100_000),
            "big.png": png((8000, 7000)),
            "cut.jpg": photo[: len(photo) // 2],
            "thin.png": png((1, 17000)),
        },
    )
    assert english(project) == [
        'brands/pear/index.md:8: cover: "bomb.png" is over the limit of 50 megapixels; scale it down',
        'brands/pear/index.md:10: gallery[1].src: "big.png" is 8000x7000 pixels, '
        "over the limit of 50 megapixels; scale it down",
        'brands/pear/index.md:11: gallery[2].src: "cut.jpg" is damaged or truncated',
        'brands/pear/index.md:12: gallery[3].src: "thin.png" is 1x17000 pixels: too long and thin to show',
        'brands/pear/index.md:16: body: image "cut.jpg" is damaged or truncated',
    ]


def test_bad_images_in_story_and_page_bodies_name_the_line(project):
    images = project.content / "images"
    (images / "cut.jpg").write_bytes(jpeg_bytes((600, 400))[:900])
    (images / "notes.png").write_text("meeting notes")
    project.brand("korla-pear")
    project.story("visit", body="第一段。\n\n![质检](images/cut.jpg)\n", brands=["korla-pear"])
    pages = project.content / "pages"
    pages.mkdir()
    (pages / "about.md").write_text(
        "---\ntitle: 关于\n---\n简介。\n\n![地图](images/notes.png)\n", encoding="utf-8"
    )
    assert english(project) == [
        'content/pages/about.md:6: body: image "images/notes.png" is not an image '
        "(or its format is not supported)",
        'content/stories/visit.md:9: body: image "images/cut.jpg" is damaged or truncated',
    ]


def test_cmyk_sixteen_bit_and_animated_sources_are_accepted(project):
    cmyk = io.BytesIO()
    Image.new("CMYK", (30, 20), (0, 50, 100, 0)).save(cmyk, "JPEG")
    frames = io.BytesIO()
    Image.new("P", (8, 8)).save(frames, "GIF", save_all=True, append_images=[Image.new("P", (8, 8), 1)])
    project.brand(
        "pear",
        gallery=["print.jpg", "scan.png", "anim.gif"],
        files={
            "print.jpg": cmyk.getvalue(),
            "scan.png": png((30, 20), "I;16"),
            "anim.gif": frames.getvalue(),
        },
    )
    site, issues = project.load()
    assert [str(i) for i in issues if i.severity == "error"] == []
    assert [image.format for image in site.brands["pear"].gallery] == ["JPEG", "PNG", "GIF"]
