"""Check every internal link, anchor, image, stylesheet and script of a built site.

    python -m tools.linkcheck output [--siteurl https://example.org/sub]

Links to other hosts are not followed (and, for pages' own assets, not allowed).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "srcset",
                   "iframe": "src", "form": "action"}
ASSET_TAGS = {"link", "img", "script", "source", "iframe"}
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
        attribute = LINK_ATTRIBUTES.get(tag)
        if attribute and values.get(attribute):
            value = values[attribute]
            urls = [part.strip().split(" ")[0] for part in value.split(",")] if attribute == "srcset" else [value]
            self.links.extend((tag, url) for url in urls if url)
        if tag in ("img", "source") and values.get("srcset") and attribute != "srcset":
            self.links.extend((tag, part.strip().split(" ")[0]) for part in values["srcset"].split(","))

    handle_startendtag = handle_starttag


def check_site(output: Path, siteurl: str = "") -> list[Broken]:
    """Every broken internal link of every HTML page under `output`."""
    site_base = urljoin(siteurl.rstrip("/") + "/", ".") if siteurl else BASE
    pages = {p.relative_to(output).as_posix(): p for p in sorted(output.rglob("*.html"))}
    parsed: dict[str, _Page] = {}

    def parse(name: str) -> _Page:
        if name not in parsed:
            page = _Page()
            page.feed(pages[name].read_text(encoding="utf-8"))
            parsed[name] = page
        return parsed[name]

    broken = []
    for name in pages:
        page_url = urljoin(site_base, name)
        for tag, url in parse(name).links:
            absolute = urljoin(page_url, url)
            parts = urlsplit(absolute)
            if parts.scheme in ("mailto", "tel"):
                continue
            if not absolute.startswith(site_base):
                if parts.scheme in ("http", "https") and tag not in ASSET_TAGS:
                    continue  # a link out of the site is the visitor's choice
                broken.append(Broken(name, url, "points outside the site"))
                continue
            target = unquote(parts.path[len(urlsplit(site_base).path):])
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
