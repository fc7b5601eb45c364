"""Pages of a long list: sizes from the settings, file names and URLs from PAGINATION_PATTERNS."""

from __future__ import annotations

import pytest
from pelican.settings import DEFAULT_CONFIG, configure_settings

from brandsite.pagination import page_size, paginate, window

PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)


def settings(**overrides) -> dict:
    values = {**DEFAULT_CONFIG, "PATH": ".", "PAGINATION_PATTERNS": PATTERNS, **overrides}
    return configure_settings(values)


def test_pages_keep_the_first_address_and_number_the_others():
    pages = list(paginate("en/brands/index.html", "en/brands/", list(range(13)), 6, settings(), "brands"))
    assert [(name, url) for name, url, _ in pages] == [
        ("en/brands/index.html", "en/brands/"),
        ("en/brands/page/2/index.html", "en/brands/page/2/"),
        ("en/brands/page/3/index.html", "en/brands/page/3/"),
    ]
    assert [v["brands_page"].object_list for _, _, v in pages] == [list(range(6)), list(range(6, 12)), [12]]
    first, middle, last = (v for _, _, v in pages)
    assert first["brands_previous_page"] is None and first["brands_next_page"].number == 2
    assert middle["brands_previous_page"].url == "en/brands/" and middle["brands_next_page"].number == 3
    assert last["brands_next_page"] is None
    assert middle["brands_paginator"].num_pages == 3


@pytest.mark.parametrize("size", [None, 50])
def test_a_short_list_is_one_page_at_its_own_address(size):
    pages = list(paginate("stories/index.html", "stories/", ["a", "b"], size, settings(), "articles"))
    assert [(name, url) for name, url, _ in pages] == [("stories/index.html", "stories/")]
    assert pages[0][2]["articles_page"].object_list == ["a", "b"]


def test_an_empty_list_still_has_its_page():
    pages = list(paginate("stories/tag/x/index.html", "stories/tag/x/", [], 5, settings(), "articles"))
    assert len(pages) == 1 and pages[0][2]["articles_page"].object_list == []


def test_a_page_holds_at_least_one_item():
    with pytest.raises(ValueError):
        list(paginate("a/index.html", "a/", [1], 0, settings(), "articles"))


def test_page_size_follows_pelicans_settings():
    configured = settings(DEFAULT_PAGINATION=50, PAGINATED_TEMPLATES={"archives": None, "tag": 10})
    assert page_size(configured, "archives") == 50
    assert page_size(configured, "tag") == 10
    assert page_size(configured, "category") is None  # not a paginated template
    assert (
        page_size(settings(DEFAULT_PAGINATION=False, PAGINATED_TEMPLATES={"archives": None}), "archives")
        is None
    )


@pytest.mark.parametrize(
    "number, total, shown",
    [
        (1, 1, [1]),
        (1, 3, [1, 2, 3]),
        (1, 10, [1, 2, 3, None, 10]),
        (5, 10, [1, 2, 3, 4, 5, 6, 7, None, 10]),
        (6, 12, [1, None, 4, 5, 6, 7, 8, None, 12]),
        (12, 12, [1, None, 10, 11, 12]),
        (4, 7, [1, 2, 3, 4, 5, 6, 7]),
    ],
)
def test_the_bar_shows_the_ends_and_the_neighbours(number, total, shown):
    assert window(number, total) == shown
