"""What the site's generator and templates use: register images, publish, write markup.

Originals are never published: only derivatives, which carry no EXIF, XMP,
IPTC or GPS. Derivatives are linked (or copied) from the cache into output/
next to where the original would have gone: `brands/aksu-apple/orchard.jpg`
becomes `brands/aksu-apple/orchard.3f2a9c1e.640w.avif` and so on.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from markupsafe import Markup

from . import markup
from .batch import Rendition, Report, Request, render_all
from .cache import Cache
from .plan import og_variant
from .settings import Settings


class PublishFailed(Exception):
    """Some sources could not be made into derivatives: {path: why}."""

    def __init__(self, errors: dict[Path, str]):
        self.errors = errors
        super().__init__("; ".join(f"{path}: {why}" for path, why in sorted(errors.items())))


@dataclass
class _Target:
    image: object  # anything with .path, .alt (brand_registry.model.Image)
    folder: str  # site-relative folder of the derivatives
    stem: str
    og: bool


class ResponsivePublisher:
    def __init__(self, settings: Settings, output_path: str | Path, stream=None):
        self.settings = settings
        self.output_path = Path(output_path)
        self.stream = stream if stream is not None else sys.stderr
        self._targets: dict[Path, _Target] = {}
        self._names: dict[str, Path] = {}  # output name -> source, for body placeholders
        self._renditions: dict[Path, Rendition] = {}
        self.report = Report()
        self._markup: dict[tuple, Markup] = {}

    def add(self, image, output_name: str, og: bool = False) -> None:
        """Register `image` to be published as if at `output_name` (site-relative)."""
        name = PurePosixPath(output_name)
        folder = "" if name.parent == PurePosixPath(".") else str(name.parent)
        target = self._targets.setdefault(image.path, _Target(image, folder, name.stem, og))
        target.og = target.og or og
        self._names.setdefault(output_name, image.path)

    def publish(self) -> str:
        """Make what the cache lacks, link every derivative into the output; a summary line."""
        started = time.perf_counter()
        requests = [Request(path, t.stem, t.og) for path, t in sorted(self._targets.items())]
        self._renditions, report = render_all(requests, self.settings, self.stream)
        self.report = report
        if report.errors:
            raise PublishFailed(report.errors)
        cache = Cache(self.settings.cache_path)
        for path, rendition in self._renditions.items():
            folder = self.output_path / self._targets[path].folder
            folder.mkdir(parents=True, exist_ok=True)
            for variant in rendition.variants:
                cache.export(variant.name, folder / variant.name)
        report.seconds = time.perf_counter() - started
        return report.summary()

    def prune(self) -> int:
        """Delete cache entries this build did not use."""
        files = {v.name for r in self._renditions.values() for v in r.variants}
        keys = {r.key for r in self._renditions.values()}
        return Cache(self.settings.cache_path).prune(files, keys)

    def markup(
        self,
        image,
        siteurl: str,
        main: bool = False,
        sizes: str = "100vw",
        class_: str = "",
        alt: str | None = None,
    ) -> Markup:
        """A <picture> for `image`; the page's main image loads eagerly."""
        if image is None:
            return Markup("")
        alt = image.alt if alt is None else alt
        memo_key = (image.path, siteurl, main, sizes, class_, alt)
        if memo_key not in self._markup:  # logos appear on many pages
            target = self._targets[image.path]
            self._markup[memo_key] = markup.picture(
                self._renditions[image.path].variants,
                lambda name: markup.url(siteurl, target.folder, name),
                alt,
                sizes,
                main,
                class_,
            )
        return self._markup[memo_key]

    def markup_named(self, output_name: str, siteurl: str, alt: str) -> Markup:
        """The <picture> for the image registered at `output_name` (Markdown bodies)."""
        return self.markup(self._targets[self._names[output_name]].image, siteurl, alt=alt)

    def url(self, image) -> str:
        """The site-relative path of `image`'s largest JPEG or PNG (JSON-LD, open data)."""
        return self.largest(image)[0]

    def largest(self, image) -> tuple[str, int, int]:
        """(site-relative path, width, height) of `image`'s largest JPEG or PNG."""
        return self._fallback(image, -1)

    def smallest(self, image) -> tuple[str, int, int]:
        """(site-relative path, width, height) of `image`'s smallest JPEG or PNG (icons, logos)."""
        return self._fallback(image, 0)

    def _fallback(self, image, index: int) -> tuple[str, int, int]:
        rendition = self._renditions[image.path]
        chosen = [v for v in rendition.variants if v.format in ("jpeg", "png")][index]
        return markup.site_path(self._targets[image.path].folder, chosen.name), chosen.width, chosen.height

    def og_image(self, image) -> tuple[str, int, int] | None:
        """(site-relative path, width, height) of `image`'s Open Graph JPEG, if it has one.

        Images registered with og=True have one: brand logos and covers, story covers.
        It is at most og_width (1200) pixels wide, transparent parts shown on white.
        """
        if image is None or image.path not in self._renditions or not self._targets[image.path].og:
            return None
        rendition = self._renditions[image.path]
        og = og_variant(rendition.variants, rendition.facts, self.settings)
        return markup.site_path(self._targets[image.path].folder, og.name), og.width, og.height
