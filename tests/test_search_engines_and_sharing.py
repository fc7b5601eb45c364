"""What search engines and link previews read, on every published page."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import SUBPATH
from sitebuild import ROOT

from brandsite.brand_pages.urls import canonical_path
from brandsite.brand_registry import Paths, load_site

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class Head(HTMLParser):
    """The canonical link, meta properties and JSON-LD blocks of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.canonical: list[str] = []
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "link" and values.get("rel") == "canonical":
            self.canonical.append(values["href"])
        elif tag == "meta" and (values.get("property") or values.get("name")):
            self.meta[values.get("property") or values["name"]] = values.get("content", "")
        elif tag == "script" and values.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False


def head_of(path: Path) -> Head:
    parser = Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(output: Path) -> dict[str, Path]:
    return {
        p.relative_to(output).as_posix(): p for p in sorted(output.rglob("*.html")) if p.name != "404.html"
    }


def test_every_page_has_its_canonical_url_and_a_link_preview(subpath_output):
    for name, path in pages(subpath_output).items():
        head = head_of(path)
        url = f"{SUBPATH}/{canonical_path(name)}"
        assert head.canonical == [url], name
        assert head.meta["og:url"] == url, name
        for key in ("og:title", "og:description", "og:site_name", "og:type", "og:image:alt", "twitter:card"):
            assert head.meta.get(key), (name, key)
        image = head.meta["og:image"]
        assert image.startswith(SUBPATH + "/"), name
        assert (subpath_output / image[len(SUBPATH) + 1 :]).is_file(), (name, image)
        assert int(head.meta["og:image:width"]) > 0 and int(head.meta["og:image:height"]) > 0


def test_previews_show_the_page_own_picture_or_the_site_default(subpath_output):
    pear = head_of(subpath_output / "brands" / "korla-fragrant-pear" / "index.html").meta
    # Open Graph JPEGs made by the thumbnails, at most 1200 wide (transparency on white).
    assert re.fullmatch(
        rf"{SUBPATH}/brands/korla-fragrant-pear/orchard\.[0-9a-f]{{8}}\.1200w\.og\.jpg", pear["og:image"]
    )
    assert pear["twitter:card"] == "summary_large_image"
    logo_only = head_of(subpath_output / "brands" / "kashgar-old-town-homestay" / "index.html").meta
    assert re.fullmatch(
        rf"{SUBPATH}/brands/kashgar-old-town-homestay/logo\.[0-9a-f]{{8}}\.400w\.og\.jpg",
        logo_only["og:image"],
    )
    assert logo_only["twitter:card"] == "summary"
    story = head_of(subpath_output / "stories" / "korla-pear-standardisation" / "index.html").meta
    assert re.fullmatch(rf"{SUBPATH}/images/pear-lab\.[0-9a-f]{{8}}\.1200w\.jpg", story["og:image"])
    assert story["og:type"] == "article"
    home = head_of(subpath_output / "index.html").meta
    assert home["og:image"] == f"{SUBPATH}/theme/images/share.png"
    assert (home["og:image:width"], home["og:image:height"]) == ("1200", "630")


def test_json_ld_parses_everywhere_and_describes_brands_and_stories(subpath_output):
    site, _ = load_site(Paths.under(ROOT))
    for name, path in pages(subpath_output).items():
        for block in head_of(path).json_ld:
            assert "<" not in block, name
            json.loads(block)
    for slug, brand in site.brands.items():
        (data,) = [json.loads(b) for b in head_of(subpath_output / "brands" / slug / "index.html").json_ld]
        brand_node, owner = data["@graph"]
        assert (brand_node["@type"], brand_node["name"]) == ("Brand", brand.name)
        assert brand_node["url"] == f"{SUBPATH}/brands/{slug}/"
        assert (owner["@type"], owner["name"]) == ("Organization", brand.owner)
        assert owner["brand"]["@id"] == brand_node["@id"]
    originals = {s.slug: s for s in site.stories.values() if s.lang == "zh"}
    for story in site.stories.values():
        folder = "en/" if story.lang == "en" else ""  # a translation: its original's brands
        (data,) = [
            json.loads(b)
            for b in head_of(subpath_output / f"{folder}stories" / story.slug / "index.html").json_ld
        ]
        assert data["@type"] == "Article" and data["headline"] == story.title
        assert data["datePublished"] == story.date.isoformat()
        assert sorted(b["url"] for b in data.get("about", [])) == sorted(
            f"{SUBPATH}/{folder}brands/{slug}/" for slug in story.brands or originals[story.slug].brands
        )


def test_sitemap_lists_every_page_but_the_noindex_ones(subpath_output):
    root = ET.parse(subpath_output / "sitemap.xml").getroot()
    locs = [u.find(f"{SITEMAP}loc").text for u in root.findall(f"{SITEMAP}url")]
    assert len(locs) == len(set(locs))
    noindex = {"search/index.html", "en/search/index.html"}  # and the 404 (see pages)
    # and every brand's print pages, which repeat its page for paper
    noindex |= {
        name for name in pages(subpath_output) if re.search(r"/(labels|fact-sheet)/index\.html$", name)
    }
    assert len(noindex) > 2
    assert all(head_of(subpath_output / name).meta["robots"] == "noindex" for name in noindex)
    indexed = [name for name in pages(subpath_output) if name not in noindex]
    assert sorted(locs) == sorted(f"{SUBPATH}/{canonical_path(n)}" for n in indexed)
    assert f"{SUBPATH}/verify/" in locs and f"{SUBPATH}/data/" in locs
    for url in root.findall(f"{SITEMAP}url"):
        assert url.find(f"{SITEMAP}lastmod").text[:4].isdigit()
        for link in url.findall("{http://www.w3.org/1999/xhtml}link"):
            assert link.get("href").startswith(f"{SUBPATH}/"), link.attrib


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_shards(subpath_output, output):
    assert (subpath_output / "robots.txt").read_text() == (
        "User-agent: *\nDisallow: /brands-site/verify/licences/\nDisallow: /brands-site/verify/enterprises/\n"
        f"\nSitemap: {SUBPATH}/sitemap.xml\n"
    )
    assert "Sitemap" not in (output / "robots.txt").read_text()
    assert not (output / "sitemap.xml").exists()  # a sitemap needs absolute URLs: publish only


@pytest.mark.parametrize("build", ["output", "subpath_output"])
def test_the_404_page_works_at_any_depth(build, request):
    out = request.getfixturevalue(build)
    page = (out / "404.html").read_text(encoding="utf-8")
    head = head_of(out / "404.html")
    assert head.meta["robots"] == "noindex" and head.canonical == []
    assert "找不到页面" in page and "../" not in page
    prefix = SUBPATH if build == "subpath_output" else ""
    assert f'href="{prefix}/brands/"' in page and f'href="{prefix}/theme/css/site.css"' in page
