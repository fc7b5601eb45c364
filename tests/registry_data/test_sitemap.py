"""sitemap.xml from page URLs, dates and language twins (brandsite.registry_data.sitemap)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta, timezone

from brandsite.registry_data.sitemap import SitemapPage, is_noindex, lastmod, sitemap_xml

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
SITE = "https://example.org/brands-site"


def parse(data: bytes) -> list[tuple[str, str, list[tuple[str, str]]]]:
    root = ET.fromstring(data)
    return [
        (
            url.find("s:loc", NS).text,
            url.find("s:lastmod", NS).text,
            [(link.get("hreflang"), link.get("href")) for link in url.findall("x:link", NS)],
        )
        for url in root.findall("s:url", NS)
    ]


def test_pages_become_absolute_urls_with_their_twins():
    twins = (("zh-CN", "brands/x/"), ("en", "en/brands/x/"), ("x-default", "brands/x/"))
    data = sitemap_xml(SITE, [SitemapPage("", "2026-11-26"), SitemapPage("brands/x/", "2026-11-26", twins)])
    assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n')
    assert parse(data) == [
        (f"{SITE}/", "2026-11-26", []),
        (
            f"{SITE}/brands/x/",
            "2026-11-26",
            [
                ("zh-CN", f"{SITE}/brands/x/"),
                ("en", f"{SITE}/en/brands/x/"),
                ("x-default", f"{SITE}/brands/x/"),
            ],
        ),
    ]
    assert b" ref=" not in data  # pelican-sitemap 1.2.2 wrote ref= for href=


def test_urls_are_percent_encoded_and_markup_is_escaped():
    page = SitemapPage('stories/梨 "a"&<b>/', "2026-11-26", (('en"<', "en/stories/梨&/"),))
    data = sitemap_xml("https://example.org/a&b", [page])
    ((loc, _, links),) = parse(data)
    assert loc == "https://example.org/a&b/stories/%E6%A2%A8%20%22a%22&%3Cb%3E/"
    assert links == [('en"<', "https://example.org/a&b/en/stories/%E6%A2%A8&/")]
    assert b"<b>" not in data and b"&amp;" in data


def test_lastmod_is_a_day_or_a_moment_with_its_offset():
    assert lastmod(date(2026, 11, 26)) == "2026-11-26"
    moment = datetime(2024, 4, 2, 9, 30, 15, 123, tzinfo=timezone(timedelta(hours=8)))
    assert lastmod(moment) == "2024-04-02T09:30:15+08:00"
    assert lastmod(datetime(2024, 4, 2, 9, 30)) == "2024-04-02"  # no zone: only the day is sure


def test_noindex_is_read_from_the_head_only():
    assert is_noindex(b'<html><head><meta name="robots" content="noindex"></head><body></body>')
    assert is_noindex(b"<head><meta name='robots' content='noindex, nofollow'></head>")
    assert not is_noindex(b'<head><meta name="robots" content="index"></head>')
    assert not is_noindex(b'<head></head><body><pre><meta name="robots" content="noindex"></pre></body>')


def test_the_same_pages_give_the_same_bytes():
    pages = [SitemapPage(f"brands/{n}/", "2026-11-26") for n in range(3)]
    assert sitemap_xml(SITE, pages) == sitemap_xml(SITE, list(pages))
