"""One page of every template: the pages every browser check runs on.

A page that another branch is adding (search, licence check, open data,
English) is listed with the issue that brings it. Until it is in the build its
checks are skipped, with that reason; as soon as the build writes it, they run.
A page listed without an issue must exist: a missing one fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SitePage:
    name: str  # the kind of page, as test ids and messages show it
    path: str  # URL path under the site's root ("" is the home page)
    arrives_with: str = ""  # the issue that adds it, while it may be absent
    javascript: bool = True
    status: int = 200
    built_as: str = ""  # the file the build writes, when `path` is not it
    budget_kb: int = 60  # HTML + CSS + JS transferred, gzip-compressed
    js_budget_kb: int = 100  # JavaScript as the browser must parse it (uncompressed)
    ready: str = ""  # a selector to wait for: what the page's scripts show once done

    def __str__(self) -> str:
        return f"{self.name} (/{self.path})"

    @property
    def id(self) -> str:
        return self.name.replace(" ", "-")

    def file(self, output: Path) -> Path:
        built = self.built_as or (
            self.path + "index.html" if self.path.endswith("/") or not self.path else self.path
        )
        return output / built


PAGES = (
    SitePage("home", "", budget_kb=60),
    SitePage("brand directory", "brands/"),
    SitePage("brand directory without JavaScript", "brands/", javascript=False),
    # The browser build has small page sizes (sitebuild.SMALL_PAGES): lists run over pages.
    SitePage("brand directory page 2", "brands/page/2/"),
    # Cards of every page, drawn by the filter from brands/directory.json (7 industrial brands).
    SitePage(
        "filtered brand directory",
        "brands/?category=industrial",
        built_as="brands/index.html",
        ready="#brand-list .cards > li:nth-child(7)",
    ),
    SitePage("brand", "brands/korla-fragrant-pear/", budget_kb=40),
    SitePage("suspended brand", "brands/bohu-reed-crafts/", budget_kb=40),
    SitePage("facet index", "regions/"),
    SitePage("facet brand list", "regions/652800/"),
    SitePage("facet brand list page 2", "regions/650000/page/2/"),
    SitePage("standards index", "standards/"),
    SitePage("standard", "standards/gb-2762-2022/"),
    SitePage(
        "brand directory filtered by standard",
        "brands/?standard=gb-2762-2022",
        built_as="brands/index.html",
        ready="#brand-list .cards > li:nth-child(2)",
    ),
    SitePage("awards", "awards/"),
    SitePage("award programme", "awards/regional-quality-award/"),
    SitePage("award edition", "awards/regional-quality-award/6/"),
    SitePage("award edition in notice", "awards/regional-quality-award/7/"),
    SitePage("award edition in notice in English", "en/awards/regional-quality-award/7/"),
    SitePage("case list", "cases/"),
    SitePage("case list without JavaScript", "cases/", javascript=False),
    SitePage(
        "filtered case list",
        "cases/?brand=hami-melon",
        built_as="cases/index.html",
        ready="#case-filter:not([hidden])",
    ),
    SitePage("case", "cases/hami-melon-mark-misuse-stall/"),
    SitePage("case in English", "en/cases/korla-pear-gi-mark-misuse/"),
    SitePage("story archive", "stories/"),
    SitePage("story archive page 2", "stories/page/2/"),
    SitePage("story archive last page without JavaScript", "stories/page/3/", javascript=False),
    SitePage("story", "stories/korla-pear-standardisation/"),
    SitePage("story category", "stories/category/biao-zhun-hua/"),
    SitePage("story tag", "stories/tag/xiang-li/"),
    SitePage("page", "about/"),
    SitePage("not found", "no-such-page/", status=404, built_as="404.html"),
    # Pagefind's UI and search runtime (about 210 KB of JavaScript) load on the search page only.
    SitePage("search", "search/", js_budget_kb=240),
    SitePage("search without JavaScript", "search/", javascript=False),
    SitePage(
        "search results",
        "search/?q=香梨",
        built_as="search/index.html",
        js_budget_kb=240,
        ready='#search a[href*="brands/korla-fragrant-pear/"]',
    ),
    SitePage("licence check", "verify/"),
    SitePage(
        "valid licence",
        "verify/?license=XJ-KFP-2024-001",
        built_as="verify/index.html",
        ready='#verify-result [data-result="valid"]',
    ),
    SitePage(
        "unknown licence",
        "verify/?license=XJ-NOPE-0000",
        built_as="verify/index.html",
        ready='#verify-result [data-result="not-found"]',
    ),
    SitePage(
        "licences of an enterprise",
        "verify/?license=93652922MA78WX0K3P",
        built_as="verify/index.html",
        ready='#verify-result [data-result="enterprise"]',
    ),
    # Print pages: a label per licence with its QR code (korla-fragrant-pear has 70), a fact sheet.
    SitePage("label sheet", "brands/korla-fragrant-pear/labels/"),
    SitePage("English label sheet", "en/brands/aksu-apple/labels/"),
    SitePage("fact sheet", "brands/korla-fragrant-pear/fact-sheet/"),
    SitePage("English fact sheet", "en/brands/aksu-apple/fact-sheet/"),
    SitePage("open data", "data/"),
    SitePage("statistics", "statistics/"),
    SitePage("statistics without JavaScript", "statistics/", javascript=False),
    SitePage("English home", "en/"),
    SitePage("English statistics", "en/statistics/"),
    SitePage("English brand", "en/brands/korla-fragrant-pear/", budget_kb=40),
    SitePage("English brand with twin by position", "en/brands/turpan-raisins/", budget_kb=40),
    SitePage("English standard", "en/standards/gb-t-19859-2005/"),
    SitePage("English brand directory page 2", "en/brands/page/2/"),
    SitePage("English story", "en/stories/korla-pear-standardisation/"),
    # Pages other work is adding go here with arrives_with="issue N (what)" until they are built.
)

BY_NAME = {page.name: page for page in PAGES}
