"""The image publishers the generator chooses between, with what link previews need.

`ThumbnailPublisher` (the default) publishes responsive thumbnails made by
`thumbnails`; `OriginalsPublisher` (THUMBNAILS = False) copies originals
as they are, metadata and all: for quick local previews and for measuring
what image processing costs, never for a public site. Both offer the same
methods to the generator and templates.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup

from brandsite.brand_registry.model import Image
from brandsite.thumbnails.publisher import ResponsivePublisher

from .sharing import ShareImage


class ThumbnailPublisher(ResponsivePublisher):
    def share(self, image: Image, alt: str = "") -> ShareImage:
        """What link previews (Open Graph) show: the image's JPEG, at most 1200 pixels wide."""
        path, width, height = self.og_image(image) or self.largest(image)
        return ShareImage(path, width, height, image.alt or alt)


class OriginalsPublisher:
    def __init__(self, output_path: str | Path):
        self.output_path = Path(output_path)
        self._targets: dict[Path, str] = {}  # source -> output name
        self._images: dict[str, Image] = {}  # output name -> image

    def add(self, image: Image, output_name: str, og: bool = False) -> None:
        self._targets.setdefault(image.path, output_name)
        self._images.setdefault(output_name, image)

    def url(self, image: Image) -> str:
        """The image's site-relative URL: its output name, percent-encoded (a "#" or "?"
        in a file name stays part of the name)."""
        return quote(self._targets[image.path])

    def share(self, image: Image, alt: str = "") -> ShareImage:
        return ShareImage(self.url(image), image.width, image.height, image.alt or alt)

    def smallest(self, image: Image) -> tuple[str, int, int]:
        return self.url(image), image.width, image.height

    def publish(self) -> str:
        """Link (or copy) every registered original into the output."""
        for source, name in sorted(self._targets.items()):
            target = self.output_path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, target)
            except OSError:
                shutil.copyfile(source, target)
        return f"Images: {len(self._targets)} originals published unprocessed (THUMBNAILS = False)"

    def prune(self) -> int:
        return 0

    def markup(
        self,
        image: Image | None,
        siteurl: str,
        main: bool = False,
        sizes: str = "100vw",
        class_: str = "",
        alt: str | None = None,
    ) -> Markup:
        if image is None:
            return Markup("")
        loading = 'loading="eager" fetchpriority="high"' if main else 'loading="lazy"'
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

    def markup_named(self, output_name: str, siteurl: str, alt: str) -> Markup:
        return self.markup(self._images[output_name], siteurl, alt=alt)
