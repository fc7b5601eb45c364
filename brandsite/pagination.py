"""Long lists written a page at a time: the brand directory, facet pages, story lists.

Pages and their URLs come from Pelican's own Paginator and settings
(PAGINATION_PATTERNS, DEFAULT_PAGINATION, PAGINATED_TEMPLATES), and templates
get Pelican's variables (`articles_page`, `articles_paginator`, ...). Each page
is written by a `write_file` call of its own rather than by Pelican's
paginating writer, which renders every page with the context of the first:
the language writer's LANG_SITEURL (relative links) and language links would
be those of page 1 on page 2, two folders deeper.

Not a Pelican plugin: a library for the generators that write lists.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pelican.paginator import Paginator


def page_size(settings: dict, template: str) -> int | None:
    """Items a page of `template` lists, as Pelican reads its settings; None: all on one page."""
    if template not in settings["PAGINATED_TEMPLATES"]:
        return None
    return settings["PAGINATED_TEMPLATES"][template] or settings["DEFAULT_PAGINATION"] or None


def paginate(
    save_as: str, url: str, items: Sequence, size: int | None, settings: dict, key: str
) -> Iterator[tuple[str, str, dict]]:
    """(save_as, url, template variables) of each page of `items`, `size` a page.

    The first page is written at `save_as` and served at `url`; the others
    follow PAGINATION_PATTERNS. The variables are named after `key` as Pelican
    names them: `<key>_page`, `<key>_paginator`, `<key>_previous_page` and
    `<key>_next_page`.
    """
    if size is not None and size < 1:
        raise ValueError(f"a page must hold at least one item, not {size}")
    paginator = Paginator(save_as, url, items, settings, size)
    for number in paginator.page_range:
        page = paginator.page(number)
        yield (
            page.save_as,
            page.url,
            {
                f"{key}_paginator": paginator,
                f"{key}_page": page,
                f"{key}_previous_page": paginator.page(number - 1) if page.has_previous() else None,
                f"{key}_next_page": paginator.page(number + 1) if page.has_next() else None,
            },
        )


def window(number: int, total: int, around: int = 2) -> list[int | None]:
    """The page numbers a pagination bar shows: the first, the last, and `around`
    on each side of the current one; None where numbers are left out."""
    shown = sorted({1, total, *range(max(1, number - around), min(total, number + around) + 1)})
    numbers: list[int | None] = []
    for page in shown:
        if numbers and page - numbers[-1] == 2:
            numbers.append(page - 1)  # a gap of one page: show it rather than "…"
        elif numbers and page - numbers[-1] > 2:
            numbers.append(None)
        numbers.append(page)
    return numbers
