"""The built site in a real browser: every template loads cleanly, fits a phone,
and its interactive parts work with and without JavaScript."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sitebuild import AS_OF, ROOT, SMALL_PAGES

from brandsite.brand_pages.views import sorted_brands
from brandsite.brand_registry import Paths, load_site
from brandsite.qa.linkcheck import check_site
from browser.site_pages import BY_NAME, PAGES

PHONE_WIDTHS = (320, 390)
VALID_LICENCE = "XJ-KFP-2024-001"
UNKNOWN_LICENCE = "XJ-NOPE-0000"
BRANDS_PER_PAGE = SMALL_PAGES["BRANDS_PER_PAGE"]  # the browser build's page size

OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.body.querySelectorAll('*')]
    .filter(e => e.getBoundingClientRect().right > width + 1);
  const innermost = wide.filter(e => ![...e.children].some(c => wide.includes(c)));
  return innermost.slice(0, 5).map(e => e.outerHTML.slice(0, 120) + ' (right edge at '
    + Math.round(e.getBoundingClientRect().right) + 'px)');
}"""


@pytest.fixture(scope="module")
def site():
    loaded, _issues = load_site(Paths.under(ROOT))
    return loaded


def visible_count(page, selector: str) -> int:
    return page.locator(selector).filter(visible=True).count()


@pytest.mark.parametrize("site_page", PAGES, ids=lambda p: p.id)
def test_page_loads_cleanly(open_page, site_page):
    visit = open_page(site_page)
    page = visit.page
    assert visit.status == site_page.status, f"{site_page}: HTTP {visit.status}"
    assert visit.problems == [], f"{site_page}: " + "; ".join(visit.problems)
    assert visit.outside == [], f"{site_page}: requests to other hosts: {visit.outside}"
    assert page.title().strip(), f"{site_page}: empty <title>"
    assert page.get_attribute("html", "lang"), f"{site_page}: no lang on <html>"
    assert page.locator("h1").count() == 1, f"{site_page}: expected exactly one <h1>"
    # Without one the browser asks for /favicon.ico, which under a sub-path is not the site's.
    assert page.locator('link[rel~="icon"]').count() >= 1, f"{site_page}: no icon link"


@pytest.mark.parametrize("site_page", PAGES, ids=lambda p: p.id)
def test_no_horizontal_scrolling_on_a_phone(open_page, site_page):
    visit = open_page(site_page, width=PHONE_WIDTHS[0], height=740, mobile=True)
    page = visit.page
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": 740})
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        client_width = page.evaluate("document.documentElement.clientWidth")
        assert scroll_width <= client_width, (
            f"{site_page} scrolls sideways at {width} px ({scroll_width} > {client_width}); too wide:\n"
            + "\n".join(page.evaluate(OVERFLOWING))
        )


def test_directory_filters_every_brand_with_javascript(open_page, site):
    """The page shows BRANDS_PER_PAGE brands; the filter searches the whole registry."""
    visit = open_page(BY_NAME["brand directory"])
    page = visit.page
    cards = "#brand-list li"
    assert page.locator("#brand-filter").is_visible()
    assert not page.locator("#facet-links").is_visible(), "the form replaces the facet links"
    assert visible_count(page, cards) == BRANDS_PER_PAGE < len(site.brands)
    assert page.locator("#brand-pages").is_visible()

    counts = Counter(b.category for b in site.brands.values())
    category, expected = counts.most_common(1)[0]
    assert expected > BRANDS_PER_PAGE, "the test needs a category with brands beyond the first page"
    page.select_option("#f-category", category)
    page.locator(f"{cards}:nth-child({expected})").wait_for()
    assert visible_count(page, cards) == expected
    assert page.locator("#brand-count").inner_text().startswith(f"{expected} ")
    assert not page.locator("#brand-pages").is_visible(), "one list of every match, no pages"
    assert f"category={category}" in page.url, "the filter is kept in the address, to share it"
    last = sorted_brands(b for b in site.brands.values() if b.category == category)[-1]
    link = page.locator(cards).last.locator(".card-title a")
    assert link.inner_text() == last.name
    assert link.get_attribute("href").endswith(f"/brands/{last.slug}/")
    assert visit.problems == []

    page.click("#brand-filter button[type=reset]")
    page.locator("#brand-pages").wait_for()
    assert visible_count(page, cards) == BRANDS_PER_PAGE
    assert page.locator("#brand-count").inner_text().startswith(f"{len(site.brands)} ")
    page.fill("#f-q", "库尔勒香梨")
    page.locator("#brand-pages").wait_for(state="hidden")
    assert visible_count(page, cards) == 1
    assert (
        page.locator(cards)
        .filter(visible=True)
        .locator("a")
        .get_attribute("href")
        .endswith("brands/korla-fragrant-pear/")
    )

    page.fill("#f-q", "没有这个品牌")
    page.locator("#brand-empty").wait_for()
    assert visible_count(page, cards) == 0


def test_english_directory_filter_draws_english_cards(open_page, site):
    brand = site.brands["korla-fragrant-pear"]
    page = open_page("en/brands/?q=korla%20fragrant").page
    card = page.locator("#brand-list .card")
    # The built page's cards are there before the filter has drawn its results; it then hides the pages.
    assert page.locator("#brand-pages").count() == 1
    page.locator("#brand-pages").wait_for(state="hidden")
    assert card.count() == 1
    assert card.locator(".card-title a").inner_text() == brand.translations["en"].name
    assert card.locator(".card-title a").get_attribute("href").endswith("/en/brands/korla-fragrant-pear/")
    assert card.locator(".card-en").get_attribute("lang") == "zh-CN"
    assert card.locator(".card-summary").inner_text() == brand.translations["en"].summary


def test_directory_filter_from_a_shared_address(open_page, site):
    region = "652800"
    expected = sum(
        region in [r.code for r in site.registry.region_chain(b.region)] for b in site.brands.values()
    )
    page = open_page(f"brands/?region={region}").page
    assert page.input_value("#f-region") == region
    page.locator("#brand-pages").wait_for(state="hidden")
    assert visible_count(page, "#brand-list li") == expected


def test_directory_without_javascript_offers_facet_links_and_pages(open_page, site):
    page = open_page(BY_NAME["brand directory without JavaScript"]).page
    assert not page.locator("#brand-filter").is_visible()
    assert page.locator("#facet-links").is_visible()
    assert visible_count(page, "#brand-list li") == BRANDS_PER_PAGE

    listed = page.locator("#brand-list .card-title a").all_inner_texts()
    while page.locator('#brand-pages a[rel="next"]').count():
        page.locator('#brand-pages a[rel="next"]').click()
        page.wait_for_load_state()
        listed += page.locator("#brand-list .card-title a").all_inner_texts()
    assert listed == [b.name for b in sorted_brands(site.brands.values())]
    assert page.url.endswith("brands/page/3/")
    assert page.locator('#brand-pages a[aria-current="page"]').inner_text() == "3"
    page.locator('#brand-pages a[rel="prev"]').click()
    page.wait_for_load_state()
    assert page.url.endswith("brands/page/2/")
    page.get_by_role("navigation", name="分页").get_by_role("link", name="第 1 页").click()
    page.wait_for_load_state()
    assert page.url.endswith("/brands/")

    region = site.registry.regions["652800"]
    page.locator("#facet-links").get_by_role("link", name=region.name, exact=True).click()
    page.wait_for_load_state()
    assert page.url.endswith("regions/652800/")
    expected = sum(
        region.code in [r.code for r in site.registry.region_chain(b.region)] for b in site.brands.values()
    )
    assert page.locator("main .cards > li").count() == min(expected, BRANDS_PER_PAGE)


def test_paginated_pages_have_no_broken_links_under_a_subpath(served_site):
    """The browser build is a production build under a sub-path, with small page sizes."""
    assert (served_site.output / "stories/page/2/index.html").is_file()
    broken = [str(b) for b in check_site(served_site.output, served_site.base.rstrip("/"))]
    assert broken == [], f"{len(broken)} broken link(s), as page: link: problem\n" + "\n".join(broken)


def test_story_pages_switch_language_page_for_page(open_page):
    page = open_page(BY_NAME["story archive page 2"]).page
    page.locator(".lang-switch").get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.url.endswith("/en/stories/page/2/")
    assert page.get_by_role("navigation", name="Pagination").get_by_text("Page 2 of 3").is_visible()


def test_brand_gallery_images_load_with_their_alt_text(open_page, site):
    brand = site.brands["korla-fragrant-pear"]
    page = open_page(BY_NAME["brand"]).page
    figures = page.locator("#gallery figure")
    assert figures.count() == len(brand.gallery)
    for index, image in enumerate(brand.gallery):
        img = figures.nth(index).locator("img")
        img.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
        assert img.get_attribute("alt") == image.alt
        if image.caption:
            assert figures.nth(index).locator("figcaption").inner_text() == image.caption


def test_licensee_table_sorts_and_filters(open_page, site):
    brand = site.brands["korla-fragrant-pear"]
    page = open_page(BY_NAME["brand"]).page
    table = page.locator("#licensees table")
    rows = table.locator("tbody tr")
    numbers = lambda: [n.strip() for n in rows.locator("td.code").all_inner_texts()]  # noqa: E731
    assert len(numbers()) == len(brand.licensees)

    header = table.locator("thead th").nth(1)
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert numbers() == sorted(numbers())
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    assert numbers() == sorted(numbers(), reverse=True)

    licence = brand.licensees[0]
    page.get_by_label("筛选企业、许可编号或产品").fill(licence.license)
    visible = rows.filter(visible=True)
    assert visible.count() == 1
    assert licence.name in visible.inner_text()
    assert f"1 / {len(brand.licensees)}" in page.locator("#licensees .table-filter").inner_text()


def test_story_shows_its_brands(open_page, site):
    story = next(
        s for s in site.stories.values() if s.slug == "korla-pear-standardisation" and s.lang == "zh"
    )
    page = open_page(BY_NAME["story"]).page
    assert page.locator("h1").inner_text() == story.title
    for slug in story.brands:
        assert page.locator(f'.story-brands a[href$="brands/{slug}/"]').count() == 1


def test_award_edition_lists_every_recipient(open_page, site):
    expected = len(site.award_list("regional-quality-award", 6).winners)
    page = open_page(BY_NAME["award edition"]).page
    assert page.locator(".gazette-table tbody tr").count() == expected > 0


def test_award_notice_counts_the_days_left_on_the_visitors_day(open_page, site):
    notice = site.award_list("regional-quality-award", 7).notice
    today = date.today()
    page = open_page(BY_NAME["award edition in notice"]).page
    state = page.locator(".notice-state").inner_text()
    if notice.state(today) == "open" and notice.days_left(today) > 0:
        assert state == f"距异议受理截止还有 {notice.days_left(today)} 天。"
    assert page.locator(".notice-box [data-as-of] time").inner_text() == today.isoformat()


def test_search_finds_an_award_winner_by_name(open_page):
    page = open_page(BY_NAME["search"]).page
    page.locator("#search input").first.fill("天池电力")
    page.locator('#search a[href*="awards/regional-quality-award/"]').first.wait_for(state="visible")


def test_case_filters_show_only_the_matching_cases(open_page, site):
    published = site.published_cases(date.today())
    page = open_page(BY_NAME["filtered case list"]).page
    shown = page.locator("#case-list > li:not([hidden])")
    expected = [c for c in published if "hami-melon" in c.brands]
    assert shown.count() == len(expected) > 0
    page.select_option("#c-brand", "")
    assert shown.count() == len(published)
    page.select_option(
        "#c-violation",
        label=next(
            o for o in page.locator("#c-violation option").all_inner_texts() if o.startswith("伪造产品产地")
        ),
    )
    assert shown.count() == len([c for c in published if "伪造产品产地" in c.violations])


def test_search_finds_a_case_by_the_masked_party(open_page):
    page = open_page(BY_NAME["search"]).page
    page.locator("#search input").first.fill("马某某")
    page.locator('#search a[href*="cases/hami-melon-mark-misuse-stall/"]').first.wait_for(state="visible")


def test_missing_page_gets_the_404_page_with_working_links(open_page):
    visit = open_page(BY_NAME["not found"])
    assert visit.status == 404
    page = visit.page
    assert page.locator("h1").inner_text() == "找不到页面"
    page.locator("main").get_by_role("link", name="品牌目录").click()
    page.wait_for_load_state()
    assert page.url.endswith("/brands-site/brands/")
    assert page.locator("h1").inner_text() == "品牌目录"


def test_search_finds_a_brand_by_a_chinese_query(open_page):
    page = open_page(BY_NAME["search"]).page
    page.locator("#search input").first.fill("香梨")
    page.locator('#search a[href*="brands/korla-fragrant-pear/"]').first.wait_for(state="visible")


def test_header_search_box_leads_to_search_results(open_page):
    page = open_page(BY_NAME["home"]).page
    page.get_by_role("search").get_by_role("searchbox").fill("库尔勒香梨")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    page.locator('#search a[href*="brands/korla-fragrant-pear/"]').first.wait_for(state="visible")


def test_search_without_javascript_points_to_the_directory(open_page):
    page = open_page(BY_NAME["search without JavaScript"]).page
    assert page.locator("main").get_by_role("link", name="品牌目录：全部登记品牌").is_visible()


def test_licence_check_confirms_a_valid_licence(open_page, site):
    brand, licence = next(
        (b, lic) for b in site.brands.values() for lic in b.licensees if lic.license == VALID_LICENCE
    )
    assert licence.state(AS_OF.date(), brand.status) == "valid"
    page = open_page(BY_NAME["licence check"]).page
    page.locator("#verify-form input").first.fill(f" {VALID_LICENCE.lower()} ")
    page.keyboard.press("Enter")
    result = page.locator('#verify-result [data-result="valid"]')
    result.wait_for(state="visible")
    text = result.inner_text()
    assert licence.name in text and brand.name in text and VALID_LICENCE in text
    assert "license=" in page.url, "the answer has a shareable address"


def test_licence_check_says_plainly_an_unknown_licence_is_not_found(open_page):
    page = open_page(f"{BY_NAME['licence check'].path}?license={UNKNOWN_LICENCE}").page
    result = page.locator('#verify-result [data-result="not-found"]')
    result.wait_for(state="visible")
    assert "未找到" in result.inner_text() and UNKNOWN_LICENCE in result.inner_text()
    assert page.locator("#verify-result .badge--valid, #verify-result [data-state=valid]").count() == 0


@pytest.mark.parametrize("name", ["English home", "English brand"])
def test_english_pages_link_their_chinese_twin(open_page, name):
    page = open_page(BY_NAME[name]).page
    assert page.get_attribute("html", "lang").startswith("en")
    twin = page.locator('a[hreflang^="zh"], link[rel=alternate][hreflang^="zh"]').first
    href = twin.get_attribute("href")
    assert href, f"{BY_NAME[name]}: no link to the Chinese page"
    assert page.request.get(href).status == 200


@pytest.mark.parametrize("name", ["statistics", "English statistics"])
def test_statistics_page_has_named_charts_and_tables_readable_without_javascript(open_page, site, name):
    page = open_page(BY_NAME[name], javascript=False).page
    charts = page.locator("svg.chart[role=img]")
    assert charts.count() >= 3
    for index in range(charts.count()):
        chart = charts.nth(index)
        title_id = chart.get_attribute("aria-labelledby").split()[0]
        assert page.locator(f"#{title_id}").text_content().strip()  # an accessible name
        assert chart.bounding_box()["height"] > 0
    assert page.locator("#totals [data-stat=brands]").inner_text() == str(len(site.brands))
    # the tables open without scripts
    summary = page.locator("details.stat-data summary").first
    table = page.locator("details.stat-data table").first
    assert not table.is_visible()
    summary.click()
    assert table.is_visible()


@pytest.mark.parametrize("width", PHONE_WIDTHS)
def test_chart_labels_fit_a_phone(open_page, width):
    page = open_page(BY_NAME["English statistics"], width=width, height=740, mobile=True).page
    too_long = page.evaluate(
        """() => [...document.querySelectorAll('svg.chart')].flatMap(svg => {
          const right = svg.getBoundingClientRect().right;
          return [...svg.querySelectorAll('text')]
            .filter(t => t.getBoundingClientRect().right > right + 0.5).map(t => t.textContent);
        })"""
    )
    assert too_long == [], f"chart labels cut off at {width} px: {too_long}"


@pytest.mark.parametrize("name", ["home", "English home"])
def test_home_page_shows_brand_photos_first_one_eager(open_page, name):
    page = open_page(BY_NAME[name]).page
    photos = page.locator("#featured-title ~ .showcase .showcase-photo img")
    assert photos.count() >= 3
    assert photos.first.get_attribute("fetchpriority") == "high"
    assert photos.first.get_attribute("loading") != "lazy"
    for index in range(photos.count()):
        img = photos.nth(index)
        assert img.get_attribute("alt") and img.get_attribute("width") and img.get_attribute("height")
        if index:
            assert img.get_attribute("loading") == "lazy"
    first = photos.first
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=first.element_handle())


def test_english_home_page_links_the_english_statistics(open_page):
    page = open_page(BY_NAME["English home"]).page
    page.locator("main").get_by_role("link", name="See the statistics and charts").click()
    page.wait_for_load_state()
    assert page.url.endswith("/en/statistics/")
    assert page.locator("h1").inner_text() == "Statistics"
