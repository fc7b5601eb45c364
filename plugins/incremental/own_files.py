"""Which files a page is rendered from, besides what every page shares.

Only the templates listed here are ever reused; every other page (lists,
facets, the home page, ...) shows many things at once and is always rendered.
A template that starts showing something else (another brand, the latest
stories) must say so here, or its pages would go stale.
"""

from __future__ import annotations

from pathlib import Path

from .inputs import Inputs


def own_files(template: str, page: dict, inputs: Inputs) -> list[str] | None:
    """The page's own input files, or None when they are not known."""
    if template == "article.html" and page.get("article") is not None:
        article = page["article"]
        files = _sources(article, inputs)
        for brand in getattr(article, "brand_objects", None) or ():
            files += inputs.bundle_files(Path(brand.bundle))
        return files
    if template == "page.html" and page.get("page") is not None:
        return _sources(page["page"], inputs)
    if template == "brand.html" and page.get("brand") is not None:
        files = inputs.bundle_files(Path(page["brand"].bundle))
        for story in page.get("brand_stories") or ():
            files += _sources(story, inputs)
        return files
    return None


def _sources(content, inputs: Inputs) -> list[str]:
    files = inputs.family(Path(content.source_path))
    for translation in getattr(content, "translations", None) or ():
        files += inputs.family(Path(translation.source_path))
    return files
