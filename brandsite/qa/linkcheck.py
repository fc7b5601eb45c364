"""Check every internal link, anchor, image, stylesheet and script of a built site.

    python -m brandsite.qa.linkcheck output [--siteurl https://example.org/sub]

Covers <a>, <link> (stylesheets, icons, alternates, preloads), <img>/<source>
(src and srcset), <script>, <iframe>, media, <form action>, sharing images in
<meta>, and url(...) and @import in the site's CSS files. Links to other
hosts are not followed (and, for pages' own assets, not allowed).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LINK_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href", "imagesrcset"),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "form": ("action",),
    "meta": ("content",),
}
SRCSET_ATTRIBUTES = {"srcset", "imagesrcset"}
META_URLS = {"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "og:url"}
NAVIGATION_TAGS = {"a", "area", "form"}  # the visitor's choice; everything else is loaded by the page
CSS_URL = re.compile(r"""@import\s+["']([^"']+)["']|url\(\s*["']?([^"')]+?)["']?\s*\)""")
BASE = "http://site.invalid/"


@dataclass(frozen=True)
class Broken:
    page: str
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.url}: {self.reason}"


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (tag, url)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name])
        if tag == "meta" and (values.get("property") or values.get("name")) not in META_URLS:
            return
        for attribute in LINK_ATTRIBUTES.get(tag, ()):
            value = (values.get(attribute) or "").strip()
            if not value:
                continue
            if attribute in SRCSET_ATTRIBUTES:
                self.links.extend((tag, part.split()[0]) for part in value.split(",") if part.strip())
            else:
                self.links.append((tag, value))

    handle_startendtag = handle_starttag


def css_links(text: str) -> list[tuple[str, str]]:
    """(tag, url) of every url(...) and @import in a stylesheet; data: URLs left out."""
    urls = [a or b for a, b in CSS_URL.findall(re.sub(r"/\*.*?\*/", "", text, flags=re.S))]
    return [("css", url.strip()) for url in urls if not url.strip().startswith(("data:", "#"))]


def check_site(output: Path, siteurl: str = "") -> list[Broken]:
    """Every broken internal link of every HTML page and stylesheet under `output`."""
    site_base = urljoin(siteurl.rstrip("/") + "/", ".") if siteurl else BASE
    site_parts = urlsplit(site_base)
    pages = {p.relative_to(output).as_posix(): p for p in sorted(output.rglob("*.html"))}
    stylesheets = {p.relative_to(output).as_posix(): p for p in sorted(output.rglob("*.css"))}
    parsed: dict[str, _Page] = {}

    def parse(name: str) -> _Page:
        if name not in parsed:
            page = _Page()
            page.feed(pages[name].read_text(encoding="utf-8"))
            parsed[name] = page
        return parsed[name]

    links = {name: parse(name).links for name in pages}
    links.update({name: css_links(path.read_text(encoding="utf-8")) for name, path in stylesheets.items()})
    broken = []
    for name, found in links.items():
        page_url = urljoin(site_base, name)
        for tag, url in found:
            absolute = urljoin(page_url, url)
            parts = urlsplit(absolute)
            if parts.scheme in ("mailto", "tel"):
                continue
            if not absolute.startswith(site_base):
                other_host = parts.netloc != site_parts.netloc  # same host: a missing sub-path
                if parts.scheme in ("http", "https") and tag in NAVIGATION_TAGS and other_host:
                    continue  # a link out of the site is the visitor's choice
                broken.append(Broken(name, url, "points outside the site"))
                continue
            target = unquote(parts.path[len(site_parts.path) :])
            file = output / target
            if target == "" or target.endswith("/"):
                file = file / "index.html"
            if not file.is_file():
                broken.append(Broken(name, url, "no such file"))
                continue
            if parts.fragment and file.suffix == ".html":
                target_name = file.relative_to(output).as_posix()
                if parts.fragment not in parse(target_name).ids:
                    broken.append(Broken(name, url, f"no element with id {parts.fragment!r}"))
    return broken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--siteurl", default="")
    args = parser.parse_args(argv)
    broken = check_site(args.output, args.siteurl)
    for item in broken:
        print(item)
    print(f"{len(broken)} broken link(s)")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
