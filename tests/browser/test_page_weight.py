"""Page weight, counted from what the browser actually requests and receives.

Per template: HTML + CSS + JS transferred gzip-compressed within the page's
budget (images excluded), JavaScript within a parse budget however well it
compresses, nothing from another host, and fonts only as self-hosted subsets.
"""

from __future__ import annotations

import pytest

from browser.site_pages import PAGES

COUNTED = ("document", "stylesheet", "script")
FONT_SUBSET_KB = 150  # a whole CJK font is megabytes; a subset for a site's own text is far smaller
KB = 1024


def transferred(request) -> int:
    """Bytes of the response body as sent (compressed), as the browser counts them."""
    return request.sizes()["responseBodySize"]


@pytest.mark.parametrize("site_page", PAGES, ids=lambda p: p.id)
def test_page_weight_within_budget(open_page, site_page):
    visit = open_page(site_page)
    visit.page.wait_for_load_state("networkidle")  # scripts may load more scripts
    assert visit.outside == [], f"{site_page}: requests to other hosts: {visit.outside}"

    counted = [r for r in visit.finished if r.resource_type in COUNTED]
    total = sum(transferred(r) for r in counted)
    listing = "\n".join(f"  {transferred(r) / KB:6.1f} KB  {r.resource_type:10}  {r.url}" for r in counted)
    assert total <= site_page.budget_kb * KB, (
        f"{site_page}: HTML + CSS + JS transferred {total / KB:.1f} KB (gzip), "
        f"budget {site_page.budget_kb} KB:\n" + listing
    )

    scripts = [r for r in counted if r.resource_type == "script"]
    parsed = sum(len(r.response().body()) for r in scripts)
    inline = visit.page.evaluate(
        "[...document.scripts].filter(s => !s.src && (!s.type || /javascript|module/.test(s.type)))"
        ".reduce((n, s) => n + s.text.length, 0)"
    )
    assert parsed + inline <= site_page.js_budget_kb * KB, (
        f"{site_page}: {(parsed + inline) / KB:.1f} KB of JavaScript to parse (uncompressed), "
        f"budget {site_page.js_budget_kb} KB:\n" + listing + f"\n  inline scripts: {inline / KB:.1f} KB"
    )

    for font in (r for r in visit.finished if r.resource_type == "font"):
        size = len(font.response().body())
        assert font.url.endswith(".woff2") and size <= FONT_SUBSET_KB * KB, (
            f"{site_page}: font {font.url} ({size / KB:.0f} KB) is not a self-hosted WOFF2 subset "
            f"of at most {FONT_SUBSET_KB} KB"
        )


def test_weight_counts_compressed_bytes(open_page):
    """The budget is about bytes on the wire: the server compresses and the count sees it."""
    visit = open_page("brands/korla-fragrant-pear/")
    document = next(r for r in visit.finished if r.resource_type == "document")
    assert document.response().header_value("content-encoding") == "gzip"
    assert 0 < transferred(document) < len(document.response().body()) / 3
