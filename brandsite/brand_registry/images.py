"""Check that an image an editor names is a real, readable image inside its folder.

Image files are hostile input too: only the formats browsers show safely are
opened at all, their pixel count is bounded before decoding, and the name must
say what the file is (a PNG named `x.html` would be served as a web page).

What a good image's probe found is memoised by the file's real path, size,
modification time and inode (see `memo`), as git and make trust them: a
rebuild opens only the images that changed.
"""

from __future__ import annotations

import warnings
from pathlib import Path, PurePosixPath

from PIL import Image as PILImage

from brandsite.file_stamp import is_racy, stat_stamp

from . import memo
from .issues import shortened
from .messages import Message, msg
from .model import Image

FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "AVIF")
SUFFIXES = {
    "JPEG": (".jpg", ".jpeg"),
    "PNG": (".png",),
    "WEBP": (".webp",),
    "GIF": (".gif",),
    "AVIF": (".avif",),
}
MAX_PIXELS = 50_000_000  # a 12 MP phone photo is far below; a bomb is far above
ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height
# What editors save by mistake, told by its first bytes (for a clearer message only).
SIGNATURES = (
    (b"%PDF", Message("a PDF", "PDF")),
    (b"II*\x00", Message("a TIFF", "TIFF")),
    (b"MM\x00*", Message("a TIFF", "TIFF")),
    (b"BM", Message("a BMP", "BMP")),
    (b"8BPS", Message("a Photoshop", "Photoshop")),
    (b"\x00\x00\x01\x00", Message("an icon", "图标")),
)
HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1")
HEIC, SVG, HTML = Message("a HEIC", "HEIC"), Message("an SVG", "SVG"), Message("an HTML", "HTML")
MAX_SIDE = 16383  # no thumbnail side may be longer (WebP's limit)


class ImageProblem(Exception):
    """The file cannot be used as an image; the message says why."""

    def __init__(self, message: Message):
        super().__init__(message.en)
        self.message = message


def resolve_inside(folder: Path, name: str) -> Path:
    """`folder/name`, refusing absolute paths, `..` and links that leave `folder`."""
    if not name or "\\" in name or "\x00" in name:
        raise ImageProblem(msg("not_a_file_name", name=shortened(name)))
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or ":" in relative.parts[0]:
        raise ImageProblem(msg("outside_folder", name=shortened(name), folder=folder.name))
    path = folder.joinpath(*relative.parts)
    try:
        real = path.resolve(strict=True)
    except (FileNotFoundError, NotADirectoryError):
        raise ImageProblem(msg("file_missing", name=shortened(name))) from None
    except (OSError, RuntimeError) as exc:
        raise ImageProblem(msg("file_unreadable", name=shortened(name), reason=exc)) from None
    if not real.is_relative_to(folder.resolve()):
        raise ImageProblem(msg("outside_folder_link", name=shortened(name), folder=folder.name))
    if not real.is_file():
        raise ImageProblem(msg("not_a_regular_file", name=shortened(name)))
    return path


def probe(path: Path, src: str, alt: str = "", caption: str = "", max_pixels: int = MAX_PIXELS) -> Image:
    """Open and fully decode `path` (cheaply), returning its display size."""
    name = shortened(src)
    stamp = stat_stamp(path)
    if stamp is None:
        raise ImageProblem(msg("file_missing", name=name))
    size = stamp[0]
    if size == 0:
        raise ImageProblem(msg("empty_image", src=name))
    key = memo.key("image", str(path.resolve()), stamp, max_pixels, MAX_SIDE)
    facts = memo.get(key)
    if facts is memo.MISSING:
        facts = _decode(path, name, max_pixels)
        if not is_racy(stamp):  # a second write in the same tick would keep the stamp
            memo.put(key, facts)
    image_format, width, height, orientation = facts
    suffixes = SUFFIXES[image_format]
    if PurePosixPath(src).suffix.lower() not in suffixes:
        raise ImageProblem(
            msg("image_name_mismatch", src=name, format=image_format, suffixes=" or ".join(suffixes))
        )
    if orientation in ROTATED:
        width, height = height, width
    return Image(src, path, width, height, image_format, alt, caption, size)


def _decode(path: Path, name: str, max_pixels: int) -> tuple[str, int, int, int]:
    """The format, stored size and EXIF orientation of a good image; ImageProblem if not."""
    limit = max_pixels // 1_000_000
    try:
        with warnings.catch_warnings():
            # Pillow only warns below twice its own limit; ours is lower and checked below.
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(path, formats=FORMATS) as image:
                image_format = image.format
                if image_format is None:  # never so for an opened file: Pillow names its format
                    raise ImageProblem(msg("not_an_image", src=name))
                width, height = image.size
                if width * height > max_pixels:
                    raise ImageProblem(
                        msg("too_many_pixels", src=name, width=width, height=height, limit=limit)
                    )
                if max(width, height) > MAX_SIDE * min(width, height):
                    raise ImageProblem(msg("too_thin", src=name, width=width, height=height))
                orientation = _orientation(image)
                if image_format == "JPEG":
                    image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))
                image.load()  # a truncated or corrupt file fails here
    except ImageProblem:
        raise
    except PILImage.DecompressionBombError:
        raise ImageProblem(msg("pixel_bomb", src=name, limit=limit)) from None
    except PILImage.UnidentifiedImageError:
        kind = _sniff(path)
        if kind:
            raise ImageProblem(msg("other_file_kind", src=name, kind=kind)) from None
        raise ImageProblem(msg("not_an_image", src=name)) from None
    except Exception:
        raise ImageProblem(msg("damaged_image", src=name)) from None
    return image_format, width, height, orientation


def _orientation(image) -> int:
    """EXIF orientation 1..8; unreadable EXIF counts as 1, as thumbnails treat it."""
    try:
        value = image.getexif().get(0x0112, 1)
    except Exception:
        return 1
    return value if value in range(1, 9) else 1


def load_image(
    folder: Path, src: str, alt: str = "", caption: str = "", max_pixels: int = MAX_PIXELS
) -> Image:
    return probe(resolve_inside(folder, src), src, alt, caption, max_pixels)


def _sniff(path: Path) -> Message | None:
    """What a file Pillow was not allowed to open is, if it is a common mistake."""
    with path.open("rb") as file:
        head = file.read(2048)
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        return HEIC
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<svg", b"<?xml", b"<!doctype svg")) and b"<svg" in text:
        return SVG
    if text.startswith((b"<!doctype html", b"<html")):
        return HTML
    return None
