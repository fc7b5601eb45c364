"""Markdown bodies: find the images they use, render them to safe HTML."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Callable, Iterator

import nh3

IMAGE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)"
)
IMG_TAG = re.compile(r"<img\b[^>]*>")
EXTENSIONS = ["extra", "sane_lists"]
ALLOWED_ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "td": {"align", "colspan", "rowspan"},
    "a": {"href", "title", "hreflang"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# src, alt -> the HTML to show instead of a plain <img>, or None to keep it
ImageRenderer = Callable[[str, str], "str | None"]


def find_body_images(text: str) -> Iterator[tuple[int, str, str]]:
    """(line, src, alt) of every Markdown image, lines counted from 1."""
    for number, line in enumerate(text.split("\n"), start=1):
        for match in IMAGE.finditer(line):
            yield number, match.group("src"), match.group("alt").strip()


def has_url_scheme(src: str) -> bool:
    return re.match(r"^[a-z][a-z0-9+.-]*:", src, re.IGNORECASE) is not None


def sanitize(html_text: str) -> str:
    """Keep only safe tags and attributes: no script, no event handlers."""
    return nh3.clean(
        html_text,
        tags=set(nh3.ALLOWED_TAGS) | {"figure", "figcaption"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def render(text: str, render_image: ImageRenderer | None = None) -> str:
    """Markdown to sanitised HTML; images go through `render_image`."""
    import markdown  # here, not at the top: `make check` never renders and starts faster

    md = markdown.Markdown(extensions=EXTENSIONS, output_format="html")
    safe = sanitize(md.convert(text))
    if render_image is None:
        return safe
    return IMG_TAG.sub(lambda match: _replace_img(match.group(0), render_image), safe)


def _replace_img(tag: str, render_image: ImageRenderer) -> str:
    attrs = _attributes(tag)
    replacement = render_image(attrs.get("src", ""), attrs.get("alt", ""))
    return tag if replacement is None else replacement


class _TagParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        self.attrs = {name: value or "" for name, value in attrs}

    handle_startendtag = handle_starttag


def _attributes(tag: str) -> dict[str, str]:
    parser = _TagParser()
    parser.feed(tag)
    return parser.attrs


def plain_text(html_text: str) -> str:
    """Visible text of an HTML fragment, for summaries and meta tags."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_text)).strip()
