"""Check that an image an editor names is a real, readable image inside its folder."""

from __future__ import annotations

import warnings
from pathlib import Path, PurePosixPath

from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from .messages import Message, msg
from .model import Image

FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "AVIF"}
MAX_PIXELS = 50_000_000  # a 12 MP phone photo is far below; a bomb is far above
ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height


class ImageProblem(Exception):
    """The file cannot be used as an image; the message says why."""

    def __init__(self, message: Message):
        super().__init__(message.en)
        self.message = message


def resolve_inside(folder: Path, name: str) -> Path:
    """`folder/name`, refusing absolute paths, `..` and links that leave `folder`."""
    if not name or "\\" in name or "\x00" in name:
        raise ImageProblem(msg("not_a_file_name", name=name))
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or ":" in relative.parts[0]:
        raise ImageProblem(msg("outside_folder", name=name, folder=folder.name))
    path = folder.joinpath(*relative.parts)
    try:
        real = path.resolve(strict=True)
    except (FileNotFoundError, NotADirectoryError):
        raise ImageProblem(msg("file_missing", name=name)) from None
    except (OSError, RuntimeError) as exc:
        raise ImageProblem(msg("file_unreadable", name=name, reason=exc)) from None
    if not real.is_relative_to(folder.resolve()):
        raise ImageProblem(msg("outside_folder_link", name=name, folder=folder.name))
    if not real.is_file():
        raise ImageProblem(msg("not_a_regular_file", name=name))
    return path


def probe(path: Path, src: str, alt: str = "", caption: str = "",
          max_pixels: int = MAX_PIXELS) -> Image:
    """Open and fully decode `path` (cheaply), returning its display size."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(path) as image:
                if image.format not in FORMATS:
                    raise ImageProblem(msg("wrong_image_format", src=src, format=image.format))
                width, height = image.size
                if width * height > max_pixels:
                    raise ImageProblem(msg("too_many_pixels", src=src, width=width, height=height,
                                           limit=max_pixels // 1_000_000))
                image_format = image.format
                orientation = image.getexif().get(0x0112, 1)
                if image_format == "JPEG":
                    image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                image.load()  # a truncated or corrupt file fails here
    except ImageProblem:
        raise
    except (UnidentifiedImageError, PILImage.DecompressionBombError,
            PILImage.DecompressionBombWarning) as exc:
        if "exceeds limit" in str(exc) or "decompression bomb" in str(exc):
            raise ImageProblem(msg("pixel_bomb", src=src)) from None
        raise ImageProblem(msg("not_an_image", src=src)) from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageProblem(msg("damaged_image", src=src)) from None
    if orientation in ROTATED:
        width, height = height, width
    return Image(src, path, width, height, image_format, alt, caption, path.stat().st_size)


def load_image(folder: Path, src: str, alt: str = "", caption: str = "",
               max_pixels: int = MAX_PIXELS) -> Image:
    return probe(resolve_inside(folder, src), src, alt, caption, max_pixels)
