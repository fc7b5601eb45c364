"""brandsite.qa.linkcheck on small hand-made sites: every kind of reference, and the page named."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandsite.qa.linkcheck import check_site

HEAD = (
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>{}</head>'
    "<body>{}</body></html>"
)


def site(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def page(head: str = "", body: str = "") -> str:
    return HEAD.format(head, body)


def broken(root: Path, siteurl: str = "") -> list[str]:
    return [str(b) for b in check_site(root, siteurl)]


def test_a_clean_site_has_nothing_broken(tmp_path):
    root = site(
        tmp_path,
        {
            "index.html": page(
                '<link rel="stylesheet" href="theme/site.css"><link rel="icon" href="icon.svg">',
                '<a href="a/#top">a</a><img src="p.png" srcset="p.png 1x, p2.png 2x" alt="">'
                '<form action="a/"><input name="q"></form><a href="https://example.com/">out</a>'
                '<a href="mailto:x@example.org">m</a>',
            ),
            "a/index.html": page(body='<h1 id="top">A</h1>'),
            "theme/site.css": "body{background:url(../bg.png)} /* url(gone.png) */ "
            ".x{background:url(data:image/png;base64,AA)}",
            "icon.svg": "<svg/>",
            "p.png": "",
            "p2.png": "",
            "bg.png": "",
        },
    )
    assert broken(root) == []


@pytest.mark.parametrize(
    "markup, url",
    [
        ('<a href="missing/">x</a>', "missing/"),
        ('<a href="#nowhere">x</a>', "#nowhere"),
        ('<img src="gone.png" alt="x">', "gone.png"),
        ('<img src="/p.png" srcset="/p.png 1x, gone@2x.png 2x" alt="x">', "gone@2x.png"),
        (
            '<picture><source srcset="gone.avif" type="image/avif"><img src="/p.png" alt=""></picture>',
            "gone.avif",
        ),
        ('<link rel="icon" href="favicon.svg">', "favicon.svg"),
        ('<link rel="apple-touch-icon" href="touch.png">', "touch.png"),
        ('<link rel="preload" as="image" href="/p.png" imagesrcset="big.png 2x">', "big.png"),
        ('<form action="search/"><input name="q"></form>', "search/"),
        (
            '<meta property="og:image" content="http://site.invalid/share.png">',
            "http://site.invalid/share.png",
        ),
        ('<script src="app.js"></script>', "app.js"),
        ('<video src="/p.png" poster="poster.jpg"></video>', "poster.jpg"),
    ],
)
def test_a_broken_reference_is_reported_with_its_page(tmp_path, markup, url):
    root = site(tmp_path, {"index.html": page(), "p.png": "", "stories/one/index.html": page(body=markup)})
    assert broken(root) == [
        f"stories/one/index.html: {url}: "
        + (f"no element with id {url[1:]!r}" if url.startswith("#") else "no such file")
    ]


@pytest.mark.parametrize(
    "markup",
    [
        '<link rel="stylesheet" href="https://cdn.example.com/x.css">',
        '<script src="//cdn.example.com/x.js"></script>',
        '<link rel="preconnect" href="https://fonts.example.com">',
        '<img src="https://img.example.com/x.png" alt="x">',
    ],
)
def test_an_asset_from_another_host_is_refused(tmp_path, markup):
    root = site(tmp_path, {"index.html": page(markup)})
    assert [b.split(": ")[-1] for b in broken(root)] == ["points outside the site"]


def test_stylesheet_references_are_checked(tmp_path):
    root = site(
        tmp_path,
        {
            "index.html": page('<link rel="stylesheet" href="theme/css/site.css">'),
            "theme/css/site.css": '@import "more.css";\n'
            '@font-face{src:url("../fonts/sub.woff2") format("woff2")}\n'
            ".a{background:url(https://cdn.example.com/bg.png)}",
        },
    )
    assert broken(root) == [
        "theme/css/site.css: more.css: no such file",
        "theme/css/site.css: ../fonts/sub.woff2: no such file",
        "theme/css/site.css: https://cdn.example.com/bg.png: points outside the site",
    ]


def test_absolute_links_under_a_subpath(tmp_path):
    base = "https://example.org/brands-site"
    root = site(
        tmp_path,
        {
            "index.html": page(
                f'<link rel="icon" href="{base}/icon.svg">',
                f'<a href="{base}/a/">a</a><a href="{base}/b/">b</a><a href="/a/">root</a>',
            ),
            "a/index.html": page(),
            "icon.svg": "<svg/>",
        },
    )
    assert broken(root, base) == [
        "index.html: https://example.org/brands-site/b/: no such file",
        "index.html: /a/: points outside the site",
    ]
