"""The <picture> that shows a source's derivatives, and body-image placeholders."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from urllib.parse import quote

from markupsafe import Markup

from .plan import OG, Variant

FALLBACK_WIDTH = 1280  # the <img src> for browsers that ignore srcset: not the largest
# A Markdown body image, written by the reader before derivatives exist.
PLACEHOLDER = re.compile(r'<img data-thumbnail="(?P<name>[^"]*)" alt="(?P<alt>[^"]*)">')


@functools.lru_cache(maxsize=4096)
def site_path(folder: str, name: str) -> str:
    """`folder/name`, percent-encoded (safe in srcset), relative to the site's root."""
    return quote(f"{folder}/{name}" if folder else name)


def url(prefix: str, folder: str, name: str) -> str:
    return f"{prefix}/{site_path(folder, name)}"


def picture(
    variants: tuple[Variant, ...],
    link: Callable[[str], str],
    alt: str,
    sizes: str = "100vw",
    main: bool = False,
    class_: str = "",
) -> Markup:
    """AVIF and WebP <source>s, then the JPEG or PNG <img>; `link(name)` gives a URL."""
    groups: dict[str, list[Variant]] = {}
    for variant in variants:
        if variant.format != OG:
            groups.setdefault(variant.format, []).append(variant)
    *modern, fallback = groups.values()
    sources = Markup("").join(
        Markup('<source type="{}" srcset="{}" sizes="{}">').format(group[0].mime, _srcset(group, link), sizes)
        for group in modern
    )
    largest = fallback[-1]
    src = ([v for v in fallback if v.width <= FALLBACK_WIDTH] or fallback)[-1]
    loading = 'loading="eager" fetchpriority="high"' if main else 'loading="lazy"'
    css = Markup(' class="{}"').format(class_) if class_ else ""
    img = Markup(
        '<img src="{src}" srcset="{srcset}" sizes="{sizes}" width="{w}" height="{h}" alt="{alt}" '
        '{loading} decoding="async"{css}>'
    ).format(
        src=link(src.name),
        srcset=_srcset(fallback, link),
        sizes=sizes,
        w=largest.width,
        h=largest.height,
        alt=alt,
        loading=Markup(loading),
        css=css,
    )
    return Markup("<picture>{}{}</picture>").format(sources, img)


def _srcset(group: list[Variant], link: Callable[[str], str]) -> str:
    return ", ".join(f"{link(v.name)} {v.width}w" for v in group)


def placeholder(name: str, alt: str) -> Markup:
    """Stands for the body image `name` (site-relative) until the page is written."""
    return Markup('<img data-thumbnail="{}" alt="{}">').format(name, alt)


def replace_placeholders(text: str, render: Callable[[str, str], str]) -> str:
    """`text` with each placeholder replaced by `render(name, alt)`."""
    return PLACEHOLDER.sub(
        lambda m: render(html.unescape(m.group("name")), html.unescape(m.group("alt"))), text
    )
