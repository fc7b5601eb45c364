"""Put source images into the output and write the markup that shows them.

This is the seam for responsive thumbnails: a publisher that writes
derivatives replaces `publish` and `markup`; templates only call `picture()`.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup

from brand_registry.model import Image

from .sharing import ShareImage


class ImagePublisher:
    def __init__(self, output_path: str | Path):
        self.output_path = Path(output_path)
        self._targets: dict[Path, tuple[str, bool]] = {}  # source -> (output name, copy?)

    def add(self, image: Image, output_name: str, copy: bool = True) -> None:
        """Register `image` to appear at `output_name` (site-relative)."""
        self._targets.setdefault(image.path, (output_name, copy))

    def url(self, image: Image) -> str:
        """The image's site-relative URL: its output name, percent-encoded (a "#" or "?"
        in a file name stays part of the name)."""
        return quote(self._targets[image.path][0])

    def share(self, image: Image, alt: str = "") -> ShareImage:
        """The version of `image` that link previews (Open Graph) show: for now the original."""
        return ShareImage(self.url(image), image.width, image.height, image.alt or alt)

    def publish(self) -> int:
        """Copy every registered image that nothing else copies; return the count."""
        count = 0
        for source, (name, copy) in sorted(self._targets.items()):
            if not copy:
                continue
            target = self.output_path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            count += 1
        return count

    def markup(self, image: Image | None, siteurl: str, main: bool = False,
               sizes: str = "100vw", class_: str = "", alt: str | None = None) -> Markup:
        """An <img> for `image`; the page's main image loads eagerly."""
        if image is None:
            return Markup("")
        loading = 'fetchpriority="high"' if main else 'loading="lazy"'
        css = Markup(' class="{}"').format(class_) if class_ else ""
        return Markup(
            '<img src="{src}" alt="{alt}" width="{w}" height="{h}" {loading} decoding="async"{css}>'
        ).format(
            src=f"{siteurl}/{self.url(image)}",
            alt=image.alt if alt is None else alt,
            w=image.width,
            h=image.height,
            loading=Markup(loading),
            css=css,
        )

