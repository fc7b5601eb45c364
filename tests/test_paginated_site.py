"""The sample site built with small page sizes, so that its lists run over several pages:
every item on exactly one page, stable first pages, an accessible pagination bar, English
twins page for page, working links, and the directory data of every brand."""

from __future__ import annotations

import json
import math
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from sitebuild import SMALL_PAGES, build, copy_project, with_small_pages

from brandsite.brand_pages.views import sorted_brands
from brandsite.qa.linkcheck import check_site

BASE = "http://site.invalid/"
BRANDS, STORIES = SMALL_PAGES["BRANDS_PER_PAGE"], SMALL_PAGES["DEFAULT_PAGINATION"]


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("small-pages"))
    result = build(root, root / "output", settings=with_small_pages(root))
    assert result.returncode == 0, result.stderr
    return root / "output"


class Listing(HTMLParser):
    """The cards or stories a list page shows, and its pagination bar."""

    def __init__(self, output: Path, name: str):
        super().__init__(convert_charrefs=True)
        self.name = name
        self.items: list[str] = []  # pages the listed cards or stories link to, site-relative
        self.bar: list[dict] = []  # links of the pagination bar: href (resolved), rel, current, label, text
        self.bar_label = self.status = self.h1 = self.title = ""
        self.switch: dict[str, str] = {}
        self._open: list[str] = []  # what we are inside: "bar", "status", "item", "h1", "title", "a"
        self._tags: list[str] = []
        self.feed((output / name).read_text(encoding="utf-8"))

    def resolve(self, href: str) -> str:
        target = urljoin(BASE + self.name, href)[len(BASE) :]
        return target + "index.html" if target == "" or target.endswith("/") else target

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        mark = ""
        if tag == "nav" and "pagination" in classes:
            mark, self.bar_label = "bar", a.get("aria-label", "")
        elif tag == "p" and "pagination-status" in classes:
            mark = "status"
        elif tag in ("h1", "title"):
            mark = tag
        elif tag == "h3" and ({"card-title", "story-title"} & set(classes)):
            mark = "item"
        elif tag == "template":  # what scripts draw, not what the page shows
            mark = "template"
        self._tags.append(tag)
        self._open.append(mark)
        if "template" in self._open:
            return
        if tag == "a" and "item" in self._open:
            self.items.append(self.resolve(a["href"]))
        if tag == "a" and "bar" in self._open:
            self.bar.append(
                {
                    "href": self.resolve(a["href"]),
                    "rel": a.get("rel"),
                    "current": a.get("aria-current"),
                    "label": a.get("aria-label"),
                    "text": "",
                }
            )
        if tag == "a" and a.get("hreflang") and "lang" in a:
            self.switch[a["hreflang"]] = self.resolve(a["href"])

    def handle_endtag(self, tag):
        while self._tags:
            self._open.pop()
            if self._tags.pop() == tag:
                break

    def handle_data(self, data):
        if "status" in self._open:
            self.status += data
        if "h1" in self._open:
            self.h1 += data
        if "title" in self._open:
            self.title += data
        if "bar" in self._open and self._tags and self._tags[-1] == "a" and self.bar:
            self.bar[-1]["text"] += data.strip()


def pages_of(output: Path, first: str) -> list[str]:
    """A list's pages in order: `first` (e.g. "brands/index.html"), then its page/<n>/ files."""
    folder = (output / first).parent
    numbered = sorted((folder / "page").glob("*/index.html"), key=lambda p: int(p.parent.name))
    return [first] + [p.relative_to(output).as_posix() for p in numbered]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_brand_is_on_exactly_one_directory_page(output, sample_site, prefix):
    names = pages_of(output, f"{prefix}brands/index.html")
    assert len(names) == math.ceil(len(sample_site.brands) / BRANDS) > 1
    assert names[1] == f"{prefix}brands/page/2/index.html"
    listings = [Listing(output, name) for name in names]
    assert all(0 < len(page.items) <= BRANDS for page in listings)
    listed = [item for page in listings for item in page.items]
    assert listed == [
        f"{prefix}brands/{b.slug}/index.html" for b in sorted_brands(sample_site.brands.values())
    ]


def test_facet_pages_are_paginated_too(output, sample_site):
    names = pages_of(output, "regions/650000/index.html")  # the whole region: every brand
    assert len(names) > 1
    listed = [item for name in names for item in Listing(output, name).items]
    assert sorted(listed) == sorted(f"brands/{slug}/index.html" for slug in sample_site.brands)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_story_is_on_exactly_one_archive_page_newest_first(output, sample_site, prefix):
    names = pages_of(output, f"{prefix}stories/index.html")
    stories = sorted(
        (s for s in sample_site.stories.values() if s.lang == "zh"),
        key=lambda s: (s.date, s.slug),
        reverse=True,
    )
    assert len(names) == math.ceil(len(stories) / STORIES) > 1
    listings = [Listing(output, name) for name in names]
    assert all(0 < len(page.items) <= STORIES for page in listings)
    listed = [item.removeprefix("en/") for page in listings for item in page.items]
    assert sorted(listed) == sorted(f"stories/{s.slug}/index.html" for s in stories)
    dates = {f"stories/{s.slug}/index.html": s.date for s in stories}
    assert [dates[item] for item in listed] == sorted(dates[item] for item in listed)[::-1]


def test_the_pagination_bar_says_where_you_are_and_links_its_neighbours(output):
    first, middle, last = (Listing(output, name) for name in pages_of(output, "brands/index.html"))
    assert middle.bar_label == "分页" and middle.status == "第 2 页，共 3 页"
    assert "（第 2 页）" in middle.h1 and "（第 2 页）" in middle.title
    assert "页" not in first.h1 and "页" not in first.title  # the first page reads as before
    current = [link for link in middle.bar if link["current"]]
    assert current == [
        {"href": "brands/page/2/index.html", "rel": None, "current": "page", "label": "第 2 页", "text": "2"}
    ]
    rel = {link["rel"]: link["href"] for link in middle.bar if link["rel"]}
    assert rel == {"prev": "brands/index.html", "next": "brands/page/3/index.html"}
    assert {link["rel"] for link in first.bar} == {None, "next"}
    assert {link["rel"] for link in last.bar} == {None, "prev"}
    assert [link["text"] for link in first.bar if not link["rel"]] == ["1", "2", "3"]


def test_english_pages_have_an_english_bar_and_link_their_chinese_twin(output):
    page = Listing(output, "en/stories/page/2/index.html")
    assert page.bar_label == "Pagination" and page.status.startswith("Page 2 of ")
    assert "(page 2)" in page.h1
    assert page.switch == {"zh-CN": "stories/page/2/index.html"}
    assert Listing(output, "stories/page/2/index.html").switch == {"en": "en/stories/page/2/index.html"}


def test_a_list_that_fits_on_one_page_has_no_bar(output):
    page = Listing(output, "regions/652800/index.html")
    assert page.items and page.bar == [] and not (output / "regions/652800/page").exists()


def test_no_broken_links(output):
    assert [str(b) for b in check_site(output)] == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_directory_data_has_every_brand_with_working_links(output, sample_site, prefix):
    data = json.loads((output / prefix / "brands/directory.json").read_text(encoding="utf-8"))
    brands = data["brands"]
    assert [b["url"] for b in brands] == [
        f"{prefix}brands/{b.slug}/" for b in sorted_brands(sample_site.brands.values())
    ]
    for entry in brands:
        assert (output / entry["url"] / "index.html").is_file()
        if entry["logo"]:
            assert (output / entry["logo"][0]).is_file()
    assert sum(b["logo"] is not None for b in brands) == sum(
        b.logo is not None for b in sample_site.brands.values()
    )


def test_a_bad_page_size_is_a_clear_error(tmp_path):
    root = copy_project(
        tmp_path, ("brands", "content", "theme", "plugins", "brandsite", "translations", "pelicanconf.py")
    )
    (root / "badconf.py").write_text(
        'from pelicanconf import *  # noqa\nBRANDS_PER_PAGE = "sixty"\n', encoding="utf-8"
    )
    result = build(root, root / "output", settings="badconf.py")
    assert result.returncode != 0
    assert "pelicanconf.py" in result.stderr and "BRANDS_PER_PAGE" in result.stderr
    assert "'sixty'" in result.stderr and "Traceback" not in result.stderr
    assert not (root / "output").exists()
