"""The English site: every page has a twin under /en/, and they link to each other."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

BASE = "http://site.invalid/"
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")


class Page(HTMLParser):
    """What these tests read of a page: language links, alternates, header text."""

    def __init__(self, path: Path):
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.switch: dict[str, str] = {}  # hreflang -> href of the language switcher
        self.fallbacks: set[str] = set()  # switcher languages that go to a home page
        self.alternates: dict[str, str] = {}
        self.chrome_text: list[str] = []  # text of <header class="site-header"> and the footer
        self.main_text: list[str] = []
        self._in: list[str] = []
        self._depth = {"chrome": 0, "switch": 0, "main": 0}
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in self._depth:
            if self._depth[key]:
                self._depth[key] += tag not in ("meta", "link", "img", "input", "br")
        if tag == "html":
            self.lang = a.get("lang", "")
        if tag in ("header", "footer") and a.get("class", "").startswith("site-"):
            self._depth["chrome"] = 1
        if tag == "nav" and "lang-switch" in a.get("class", ""):
            self._depth["switch"] = 1
        if tag == "main":
            self._depth["main"] = 1
        if tag == "a" and self._depth["switch"] and a.get("hreflang"):
            self.switch[a["hreflang"]] = a["href"]
            if "data-fallback" in a:
                self.fallbacks.add(a["hreflang"])
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates[a["hreflang"]] = a["href"]

    def handle_endtag(self, tag):
        for key in self._depth:
            if self._depth[key]:
                self._depth[key] -= 1

    def handle_data(self, data):
        if self._depth["chrome"] and not self._depth["switch"]:
            self.chrome_text.append(data)
        if self._depth["main"]:
            self.main_text.append(data)


def resolve(page: str, href: str) -> str:
    """The site path a link on `page` leads to, e.g. "en/brands/x/index.html"."""
    target = urljoin(BASE + page, href)[len(BASE) :].split("#")[0]
    return target + "index.html" if target == "" or target.endswith("/") else target


def chinese_pages(output: Path) -> list[str]:
    return sorted(
        p.relative_to(output).as_posix()
        for p in output.rglob("*.html")
        if p.relative_to(output).parts[0] not in ("en", "pagefind") and p.name != "404.html"
    )


@pytest.fixture(scope="module")
def untranslated(sample_site) -> set[str]:
    """Chinese story pages that have no English version."""
    stories = sample_site.stories.values()
    english = {s.slug for s in stories if s.lang == "en"}
    return {f"stories/{s.slug}/index.html" for s in stories if s.lang == "zh" and s.slug not in english}


def test_every_page_has_an_english_twin_linked_both_ways(output, untranslated):
    pages = chinese_pages(output)
    assert len(pages) > 100
    twins = 0
    for name in pages:
        page = Page(output / name)
        assert page.lang == "zh-CN", name
        if name in untranslated:
            assert not (output / "en" / name).exists(), name
            assert resolve(name, page.switch["en"]) == "en/index.html", name
            assert page.fallbacks == {"en"} and page.alternates == {}, name
            continue
        twin = "en/" + name
        assert resolve(name, page.switch["en"]) == twin, name
        english = Page(output / twin)
        assert english.lang == "en", twin
        assert resolve(twin, english.switch["zh-CN"]) == name, twin
        for here, other in ((page, name), (english, twin)):
            assert {k: resolve(other, v) for k, v in here.alternates.items()} == {
                "zh-CN": name,
                "en": twin,
                "x-default": name,
            }, other
        twins += 1
    assert twins >= len(pages) - len(untranslated)


def test_every_english_page_has_a_chinese_twin(output):
    for path in sorted((output / "en").rglob("*.html")):
        name = path.relative_to(output).as_posix()
        page = Page(path)
        assert page.lang == "en", name
        twin = name.removeprefix("en/")
        assert resolve(name, page.switch["zh-CN"]) == twin, name
        assert (output / twin).is_file(), name
        assert "zh-CN" not in page.fallbacks, name


def test_english_interface_has_no_chinese_strings(output):
    """Header, navigation and footer come from the English catalogue
    (the switcher names Chinese in Chinese, on purpose)."""
    for path in sorted((output / "en").rglob("*.html")):
        text = " ".join(Page(path).chrome_text)
        assert not CJK.search(text), (path, CJK.findall(text))
        assert "Brand directory" in text and "Quality stories" in text


def test_brand_without_english_text_shows_registry_facts_in_english(output, sample_site):
    brand = next(b for b in sample_site.brands.values() if not b.translations and b.awards)
    registry = sample_site.registry
    name = f"en/brands/{brand.slug}/index.html"
    page = Page(output / name)
    text = " ".join(page.main_text)
    assert brand.name_en in text
    for region in registry.region_chain(brand.region):
        assert region.name_en in text
    assert registry.categories[brand.category].name_en in text
    for award in brand.awards:
        assert registry.award_programs[award.program].name_en in text
    assert "available in Chinese only" in text
    html = (output / name).read_text(encoding="utf-8")
    assert re.search(rf'href="\.\./\.\./\.\./brands/{brand.slug}/" hreflang="zh-CN"', html)
    assert brand.summary not in text  # the Chinese text stays on the Chinese page
    assert "Registry facts" in text and "Owner" in text and "Licensed enterprises" in text


def test_brand_with_english_text_shows_it(output, sample_site):
    brand = sample_site.brands["korla-fragrant-pear"]
    english = brand.translations["en"]
    text = " ".join(Page(output / "en/brands/korla-fragrant-pear/index.html").main_text)
    assert english.summary in text
    assert "Use of the mark" in text  # a heading of index.en.md's body
    assert "available in Chinese only" not in text
    assert "A fragrant pear's road to standardisation" in text  # its story, in English


def test_english_story_lists_and_pages(output):
    listing = (output / "en/stories/index.html").read_text(encoding="utf-8")
    assert 'href="../../en/stories/korla-pear-standardisation/"' in listing
    # Stories without a translation are listed in Chinese, marked as such.
    assert re.search(
        r'<li class="story" lang="zh-CN">\s*<h3 class="story-title"><a href="\.\./\.\./stories/'
        r'quality-month-2026/">[^<]+</a> <span class="lang-note" lang="en">Chinese</span>',
        listing,
    )
    story = (output / "en/stories/korla-pear-standardisation/index.html").read_text(encoding="utf-8")
    # A translation is filed under its original's category and tags, on English pages.
    assert re.search(
        r'class="kicker"><a href="\.\./\.\./\.\./en/stories/category/[a-z-]+/">标准化</a>', story
    )
    assert 'href="../../../en/stories/tag/' in story
    assert 'href="../../../en/brands/korla-fragrant-pear/">Korla Fragrant Pear</a>' in story


def test_home_and_search_in_english(output):
    home = (output / "en/index.html").read_text(encoding="utf-8")
    assert "<title>Xinjiang Regional Public Brand Registry</title>" in home
    assert "The registry in figures" in home
    search = (output / "en/search/index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in search and "Full-text search needs JavaScript" in search
