"""Which files a page is rendered from, besides what every page shares.

Only the templates listed here are ever reused; every other page (the home
page, facet indexes, awards, ...) shows many things at once and is always
rendered. A template that starts showing something else (another brand, the
latest stories, a count) must say so here, or its pages would go stale.

A brand page shows the awards of the edition files (content/awards/) whose
lists name it: they are among its inputs. (Edition files are not a bundle's
or a story's, so a change to one also changes what every page shares.)

Likewise the published cases (content/cases/) that name a brand, and which
ones they are: a case past its publication period leaves the brand page (the
build day is a fact every page shares, too).

A brand page, and a brand's card in a list, link the standards it cites by their
slugs (`standard_slugs`, made unique across the registry): these are facts too.
The standards pages themselves show many brands and are always rendered.

A brand's fact sheet shows a part of what its page shows (read alike); its
label sheet only its bundle. Both show states on the build day and QR codes
of SITEURL, which every page shares.

A page's inputs are its own files plus "facts": small values that are not
files (how many brands a list has, which ones, the page's number), so that a
list page follows a brand added elsewhere in the list. The brand bundles a
page shows count by their digest (`Inputs.bundle_digest`), worked out once.
"""

from __future__ import annotations

from .inputs import Inputs

Inputs_ = tuple[list[str], list] | None  # (files, facts), or None: unknown, always render


def own_inputs(template: str, page: dict, inputs: Inputs) -> Inputs_:
    """The page's own input files and facts, or None when they are not known."""
    known = _READERS.get(template)
    return known(page, inputs) if known else None


def _article(page: dict, inputs: Inputs) -> Inputs_:
    article = page.get("article")
    if article is None:
        return None
    bundles = [inputs.bundle_digest(brand.bundle) for brand in getattr(article, "brand_objects", None) or ()]
    return _sources(article, inputs), [bundles]


def _page(page: dict, inputs: Inputs) -> Inputs_:
    return None if page.get("page") is None else (_sources(page["page"], inputs), [])


def _brand(page: dict, inputs: Inputs) -> Inputs_:
    brand = page.get("brand")
    if brand is None:
        return None
    files = list(inputs.bundle_files(brand.bundle))  # a copy: the list is the scan's own
    for story in page.get("brand_stories") or ():
        files += _sources(story, inputs)
    for award_list in page.get("brand_award_lists") or ():  # the editions whose lists name it
        files.append(inputs.stamp_name(award_list.source_path) or str(award_list.source_path))
    cases = page.get("brand_cases") or ()  # the published cases that name it
    for case in cases:
        files.append(inputs.stamp_name(case.source_path) or str(case.source_path))
    return files, [_standards(page, [brand]), [case.slug for case in cases]]


def _labels(page: dict, inputs: Inputs) -> Inputs_:
    """A brand's label sheet: its bundle alone (licensees, names, logo, the English twin)."""
    brand = page.get("brand")
    return None if brand is None else (list(inputs.bundle_files(brand.bundle)), [])


def _brand_list(page: dict, inputs: Inputs) -> Inputs_:
    """A page of a region's, category's or certification's brands."""
    listed = page.get("facet_brands")
    if listed is None:
        return None
    shown = [inputs.bundle_digest(brand.bundle) for brand in _shown(page, "brands", listed)]
    children = [(_id(region), count) for region, count in page.get("child_regions") or ()]
    return [], [
        shown,
        _standards(page, _shown(page, "brands", listed)),
        page.get("facet_kind"),
        _id(page.get("facet")),
        _slugs(listed, inputs),
        children,
        _numbers(page, "brands"),
    ]


def _directory(page: dict, inputs: Inputs) -> Inputs_:
    """A page of the brand directory: its cards, and filters counting every brand."""
    listed, counts = page.get("all_brands"), page.get("facet_counts")
    if listed is None or counts is None:
        return None
    shown = [inputs.bundle_digest(brand.bundle) for brand in _shown(page, "brands", listed)]
    counted = {
        kind: [[_id(item) for item in row[:-1]] + [row[-1]] for row in rows]
        for kind, rows in sorted(counts.items())
    }
    shown = [shown, _standards(page, _shown(page, "brands", listed))]  # and the standards they link
    counted["standards"] = [[s.slug, s.code, len(s.brands)] for s in page.get("standards") or ()]
    return [], [shown, _slugs(listed, inputs), counted, page.get("directory_data"), _numbers(page, "brands")]


def _story_list(page: dict, inputs: Inputs) -> Inputs_:
    """A page of the story archive, a category or a tag."""
    listed = page.get("articles")
    if listed is None:
        return None
    shown = _shown(page, "articles", listed)
    files = [f for article in shown for f in _sources(article, inputs)]
    named = page.get("category") or page.get("tag")
    members = inputs.digest_once(listed, lambda items: [str(a.source_path) for a in items])
    return files, [members, str(named) if named else None, _numbers(page, "articles")]


_READERS = {
    "article.html": _article,
    "page.html": _page,
    "brand.html": _brand,
    "fact_sheet.html": _brand,  # the brand page's facts, awards and standards, without stories or cases
    "labels.html": _labels,
    "brand_list.html": _brand_list,
    "brands.html": _directory,
    "archives.html": _story_list,
    "category.html": _story_list,
    "tag.html": _story_list,
}


def _standards(page: dict, brands: list) -> list:
    """The slugs the brands' standards link to (each brand's own unless two codes share one)."""
    slugs = page.get("standard_slugs") or {}
    return [[slugs.get(s.key) for s in brand.standards] for brand in brands]


def _slugs(listed: list, inputs: Inputs) -> str:
    """Which brands a list holds, in order (a digest: many pages share one list)."""
    return inputs.digest_once(listed, lambda items: [brand.slug for brand in items])


def _shown(page: dict, key: str, listed: list) -> list:
    current = page.get(f"{key}_page")
    return list(current.object_list) if current is not None else list(listed)


def _numbers(page: dict, key: str) -> list | None:
    current = page.get(f"{key}_page")
    return None if current is None else [current.number, current.paginator.num_pages]


def _id(item) -> str | None:
    if item is None:
        return None
    return str(
        getattr(item, "code", None) or getattr(item, "id", None) or getattr(item, "slug", None) or item
    )


def _sources(content, inputs: Inputs) -> list[str]:
    files = list(inputs.family(content.source_path))
    for translation in getattr(content, "translations", None) or ():
        files += inputs.family(translation.source_path)
    return files
