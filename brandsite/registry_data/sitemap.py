"""sitemap.xml: every indexable page of the site, with its language twins.

Pure: takes site-relative URLs, dates and (hreflang, url) pairs, gives bytes.
Each <url> names its language versions (itself included, and x-default) with
<xhtml:link rel="alternate" hreflang="..." href="...">, as search engines ask.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
URL_SAFE = "/%-._~!$&'()*+,;=:@"  # RFC 3986 characters kept as they are in a path
NOINDEX = re.compile(rb"<meta\s+name=[\"']robots[\"']\s+content=[\"'][^\"']*noindex", re.IGNORECASE)


@dataclass(frozen=True)
class SitemapPage:
    url: str  # site-relative: "brands/x/"
    lastmod: str  # W3C Datetime: "2026-11-26" or "2024-04-02T00:00:00+08:00"
    alternates: tuple[tuple[str, str], ...] = ()  # (hreflang, site-relative url)


def lastmod(value: date | datetime) -> str:
    """A date as the sitemap writes it: a day, or a moment with its offset."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def is_noindex(html: bytes) -> bool:
    """Whether the page's head asks search engines not to index it."""
    end = html.find(b"</head>")
    return bool(NOINDEX.search(html if end < 0 else html[:end]))


def absolute(siteurl: str, url: str) -> str:
    """The page's address, percent-encoded as the sitemap protocol requires."""
    return f"{siteurl}/{quote(url, safe=URL_SAFE)}"


def alternate_link(hreflang: str, href: str) -> str:
    return f'  <xhtml:link rel="alternate" hreflang={quoteattr(hreflang)} href={quoteattr(href)}/>'


def sitemap_xml(siteurl: str, pages: Iterable[SitemapPage]) -> bytes:
    """The sitemap of `pages` (in the order given) at `siteurl` (absolute, no trailing slash)."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">',
    ]
    for page in pages:
        lines += [
            "<url>",
            f"  <loc>{escape(absolute(siteurl, page.url))}</loc>",
            f"  <lastmod>{escape(page.lastmod)}</lastmod>",
        ]
        lines += [alternate_link(lang, absolute(siteurl, url)) for lang, url in page.alternates]
        lines.append("</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")
