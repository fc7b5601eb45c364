"""Markdown bodies: render them to safe HTML, list the links and images they use.

Python-Markdown has inputs that take quadratic time (thousands of unclosed
`[`) or recurse deeply (lists nested hundreds of levels), so rendering runs
under a time limit and a recursion guard: a hostile body costs seconds, not
hours, and is reported like any other content error.

What validation and the reader need of a body (its references, its sanitised
HTML) is memoised by the body's hash (see `memo`): a rebuild renders only the
bodies that changed.
"""

from __future__ import annotations

import html
import re
import signal
import threading
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

from . import memo
from .messages import Message, msg

EXTENSIONS = ["extra", "sane_lists"]
RENDER_SECONDS = 10  # a 10,000-line body renders in about 2 s
IMG_TAG = re.compile(r"<img\b[^>]*>")
ALLOWED_TAGS = set(nh3.ALLOWED_TAGS) | {"figure", "figcaption"}
ALLOWED_ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "td": {"align", "colspan", "rowspan"},
    "a": {"href", "title", "hreflang"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}  # what a link in a body may use
URL_ATTRIBUTES = {
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "poster",
    "cite",
    "data",
    "background",
    "xlink:href",
}
MAX_NESTING = 50  # levels of lists or quotes inside each other
_QUOTES = re.compile(r"[ \t]*(?:>[ \t]*)+")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.IGNORECASE)
_IGNORED_BY_BROWSERS = "".join(chr(c) for c in range(0x21))  # C0 controls and space
SEARCH_WINDOW = 4096
MAX_LONG_SEARCHES = 200

# src, alt -> the HTML to show instead of a plain <img>, or None to keep it
ImageRenderer = Callable[[str, str], "str | None"]


class BodyTooComplex(Exception):
    """Rendering the body would cost too much; `line` (from 1) is where, if known."""

    def __init__(self, message: Message, line: int = 0):
        super().__init__(message.en)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Reference:
    """A URL the rendered body uses: a link's href, an image's src, ..."""

    line: int  # line of the body (from 1) where the URL is written; 0 if not found
    tag: str
    url: str
    alt: str = ""

    @property
    def is_image(self) -> bool:
        return self.tag == "img"


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see in `url` ("javascript"), lower-cased, or None."""
    cleaned = re.sub(r"[\t\n\r]", "", url).strip(_IGNORED_BY_BROWSERS)
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def has_url_scheme(src: str) -> bool:
    return url_scheme(src) is not None


def to_html(text: str) -> str:
    """Markdown to HTML, not yet sanitised; BodyTooComplex if it costs too much."""
    import markdown  # here, not at the top: `make check` of bodies without links stays quick

    _check_nesting(text)
    md = markdown.Markdown(extensions=EXTENSIONS, output_format="html")
    try:
        with _time_limit(RENDER_SECONDS):
            return md.convert(text)
    except RecursionError:
        raise BodyTooComplex(msg("body_too_deep", limit=MAX_NESTING)) from None


def _check_nesting(text: str) -> None:
    """Refuse lists or quotes nested past MAX_NESTING before rendering: Python-Markdown
    takes quadratic time on them and then runs out of stack."""
    for number, line in enumerate(text.split("\n"), start=1):
        spaces = line.expandtabs(4)
        depth = (len(spaces) - len(spaces.lstrip(" "))) // 4
        quotes = _QUOTES.match(line)
        if max(depth, quotes.group().count(">") if quotes else 0) > MAX_NESTING:
            raise BodyTooComplex(msg("body_too_deep", limit=MAX_NESTING), number)


def sanitize(html_text: str) -> str:
    """Keep only safe tags and attributes: no script, no event handlers, no styles."""
    return nh3.clean(
        html_text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def render(text: str, render_image: ImageRenderer | None = None) -> str:
    """Markdown to sanitised HTML; images go through `render_image`."""
    safe = safe_html(text)
    if render_image is None:
        return safe
    return IMG_TAG.sub(lambda match: _replace_img(match.group(0), render_image), safe)


def safe_html(text: str) -> str:
    """Markdown to sanitised HTML, images as they are (memoised)."""
    name = memo.key("html", text, RENDER_SECONDS, MAX_NESTING)
    kept = memo.get(name)
    if kept is memo.MISSING:
        kept = sanitize(_markdown_html(text, keep=False))
        memo.put(name, kept)
    return kept


def references(text: str) -> list[Reference]:
    """Every URL of the rendered body (raw HTML included), in page order, with its line."""
    name = memo.key("references", text, RENDER_SECONDS, MAX_NESTING)
    kept = memo.get(name)
    if kept is not memo.MISSING:
        return [Reference(*fields) for fields in kept]
    collector = _UrlCollector()
    collector.feed(_markdown_html(text, keep=True))
    collector.close()
    locate = _Locator(text)
    found = [Reference(locate(url), tag, url, alt) for tag, url, alt in collector.found]
    memo.put(name, [(ref.line, ref.tag, ref.url, ref.alt) for ref in found])
    return found


def _markdown_html(text: str, keep: bool) -> str:
    """to_html(text); validation `keep`s it for the page rendered later in the build."""
    name = memo.key("markdown", text, RENDER_SECONDS, MAX_NESTING)
    html_text = memo.recall(name)
    if html_text is memo.MISSING:
        html_text = to_html(text)
        if keep:
            memo.remember(name, html_text)
    return html_text


def _replace_img(tag: str, render_image: ImageRenderer) -> str:
    attrs = _attributes(tag)
    replacement = render_image(attrs.get("src", ""), attrs.get("alt", ""))
    return tag if replacement is None else replacement


@contextmanager
def _time_limit(seconds: float):
    """Raise BodyTooComplex in this thread after `seconds` (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum, _frame):
        raise BodyTooComplex(msg("body_too_slow", seconds=f"{seconds:g}"))

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _UrlCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []  # (tag, url, alt)

    def handle_starttag(self, tag, attrs):
        alt = next((value or "" for name, value in attrs if name == "alt"), "")
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value:
                for url in _srcset_urls(value) if name == "srcset" else [value]:
                    self.found.append((tag, url, alt))

    handle_startendtag = handle_starttag


def _srcset_urls(value: str) -> list[str]:
    """The URLs of `srcset="a.jpg 1x, b.jpg 2x"`."""
    return [part.split()[0] for part in value.split(",") if part.strip()]


class _Locator:
    """The line each URL is written on, searching on from the previous URL.

    A URL is usually written as the page shows it, and soon after the one
    before. Searches that must look further are budgeted, so a body of many
    unfindable URLs (entity-encoded, say) stays linear: those get line 0.
    """

    def __init__(self, text: str):
        self.text = text
        self.position = 0  # where the previous URL was found
        self.line = 1  # and its line
        self.long_searches = MAX_LONG_SEARCHES

    def __call__(self, url: str) -> int:
        longest_piece = max(re.split(r"[\x00-\x20&;#]+", url), key=len)
        for written in dict.fromkeys((url, html.escape(url, quote=False), longest_piece)):
            if len(written) < 6 and written != url:
                continue
            found = self.text.find(written, self.position, self.position + SEARCH_WINDOW)
            if found == -1 and self.long_searches > 0:
                self.long_searches -= 1
                found = self.text.find(written, self.position)
                if found == -1:
                    earlier = self.text.find(written, 0, self.position)
                    if earlier != -1:
                        return self.text.count("\n", 0, earlier) + 1
            if found != -1:
                line = self.line + self.text.count("\n", self.position, found)
                self.line = line + written.count("\n")
                self.position = found + len(written)
                return line
        return 0


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
