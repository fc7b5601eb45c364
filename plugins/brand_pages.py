"""Pelican plugin: brand pages, the directory, facet and award pages.

The registry is parsed and checked by `brand_registry`; this package only
wires it into Pelican and its templates.
"""

import hashlib
from pathlib import Path

from jinja2 import FileSystemBytecodeCache, pass_context
from jinja2 import __version__ as jinja_version
from markupsafe import Markup
from pelican import signals

from brandsite.brand_pages import sharing
from brandsite.brand_pages.charts import bar_chart
from brandsite.brand_pages.generator import BrandPagesGenerator
from brandsite.brand_pages.urls import (
    SITE_URLS,
    canonical_path,
    data_url_for,
    fact_sheet_url_for,
    labels_url_for,
    url_for,
)
from brandsite.brand_pages.views import search_terms
from brandsite.pagination import window as page_window
from brandsite.qr_labels.codes import svg_element
from brandsite.thumbnails.markup import replace_placeholders


@pass_context
def picture(context, image, main=False, sizes="100vw", class_="", alt=None):
    """Template global: the markup that shows a registry image."""
    return context["image_publisher"].markup(
        image, context["SITEURL"], main=main, sizes=sizes, class_=class_, alt=alt
    )


@pass_context
def share_image_for(context, image=None, alt=""):
    """Template global: the picture link previews show for a page (a site default without one)."""
    if image is not None:
        return context["image_publisher"].share(image, alt)
    path, width, height = sharing.DEFAULT_SHARE_IMAGE
    return sharing.ShareImage(f"{context['THEME_STATIC_DIR']}/{path}", width, height, alt)


@pass_context
def brand_json_ld(context, brand):
    """Template global: the brand page's JSON-LD (Brand and its owner Organization)."""
    siteurl, publisher = context["SITEURL"], context["image_publisher"]
    logo = f"{siteurl}/{publisher.url(brand.logo)}" if brand.logo else None
    image = f"{siteurl}/{publisher.share(brand.cover).path}" if brand.cover else None
    return sharing.json_ld(
        sharing.brand_graph(
            brand,
            context["registry"],
            f"{siteurl}/{context.get('page_url', url_for(brand))}",
            logo,
            image,
            context.get("page_lang") or context["DEFAULT_LANG"],
        )
    )


@pass_context
def story_json_ld(context, article, brands=()):
    """Template global: a story's JSON-LD (Article), about the `brands` it names."""
    siteurl = context["SITEURL"]
    cover = getattr(article, "cover_image", None)
    modified = getattr(article, "modified", None)
    lang = article.lang or context["DEFAULT_LANG"]
    return sharing.json_ld(
        sharing.article_data(
            headline=Markup(article.title).striptags(),
            url=f"{siteurl}/{article.url}",
            published=article.date.date().isoformat(),
            modified=modified.date().isoformat() if modified else None,
            description=Markup(article.summary or "").striptags(),
            lang="zh-CN" if lang == "zh" else lang,
            author=context["AUTHOR"],
            publisher=context["SITENAME"],
            image_url=f"{siteurl}/{context['image_publisher'].share(cover).path}" if cover else None,
            about=[
                (b.name, f"{context['LANG_SITEURL']}/{url_for(b)}")  # brand pages in the story's language
                for b in brands
            ],
        )
    )


@pass_context
def pictures(context, html):
    """Template filter: a story or page body with its images as responsive <picture>s."""
    publisher = context["image_publisher"]
    return Markup(
        replace_placeholders(html, lambda name, alt: publisher.markup_named(name, context["SITEURL"], alt))
    )


TEMPLATE_GLOBALS = {
    "url_for": url_for,
    "picture": picture,
    "canonical_path": canonical_path,
    "share_image_for": share_image_for,
    "brand_json_ld": brand_json_ld,
    "story_json_ld": story_json_ld,
    "site_urls": SITE_URLS,
    "data_url_for": data_url_for,
    "page_window": page_window,
    "bar_chart": bar_chart,
    "labels_url_for": labels_url_for,
    "fact_sheet_url_for": fact_sheet_url_for,
    "qr_svg": svg_element,
}


def configure(pelican) -> None:
    settings = pelican.settings
    if settings["JINJA_ENVIRONMENT"].get("autoescape") is not True:  # not even per extension
        raise RuntimeError("JINJA_ENVIRONMENT must set autoescape=True: editors' text is untrusted")
    settings["JINJA_GLOBALS"] = {**settings["JINJA_GLOBALS"], **TEMPLATE_GLOBALS}
    settings["JINJA_FILTERS"] = {
        **settings["JINJA_FILTERS"],
        "search_terms": search_terms,
        "pictures": pictures,
    }
    if settings.get("TEMPLATE_BYTECODE_CACHE"):
        settings["JINJA_ENVIRONMENT"]["bytecode_cache"] = template_cache(settings)


def template_cache(settings) -> FileSystemBytecodeCache:
    """Compiled templates kept between builds (a rebuild then skips most of Jinja's work).

    Jinja keys its cache by template source only, but the compiled code also depends on
    the environment's options (autoescape!), so each set of options gets its own folder.
    """
    options = {k: v for k, v in settings["JINJA_ENVIRONMENT"].items() if k != "bytecode_cache"}
    key = hashlib.sha256(f"{jinja_version} {sorted(options.items())!r}".encode()).hexdigest()[:16]
    folder = Path(settings["CACHE_PATH"]) / f"jinja-{key}"
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"}


def keep_originals_private(generator) -> None:
    """Static folders publish documents, not original pictures: those keep their EXIF
    (GPS too) and reach visitors only as thumbnails. A link to one fails the build."""
    if not generator.settings.get("THUMBNAILS", True):
        return
    dropped = [f for f in generator.staticfiles if Path(f.source_path).suffix.lower() in IMAGE_SUFFIXES]
    generator.staticfiles[:] = [f for f in generator.staticfiles if f not in dropped]
    for static in dropped:
        generator.context["static_content"].pop(static.get_relative_source_path(), None)


def get_generators(pelican):
    return BrandPagesGenerator


def register():
    signals.initialized.connect(configure)
    signals.get_generators.connect(get_generators)
    signals.static_generator_finalized.connect(keep_originals_private)
