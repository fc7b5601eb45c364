"""Pelican glue: load the registry, then write brand, facet and award pages."""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path

from markupsafe import Markup
from pelican.generators import Generator
from pelican.utils import get_relative_path, path_to_url

from brand_registry import load_site_or_fail
from brand_registry.build_day import build_day
from brand_registry.issues import Issue, ValidationFailed, report, warnings
from brand_registry.markdown_body import render
from brand_registry.messages import msg
from brand_registry.settings_file import site_paths

from site_i18n.languages import Languages

from . import views
from .publisher import ImagePublisher
from .urls import save_as, url_for

logger = logging.getLogger(__name__)


def as_of_date(settings: dict) -> date:
    """The day validity is computed for: a setting, SOURCE_DATE_EPOCH, or today."""
    return build_day(settings.get("REGISTRY_AS_OF"), zone=settings.get("TIMEZONE"))


class BrandPagesGenerator(Generator):
    """Validates everything before any content is read, so errors come all at once."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.paths = site_paths(self.settings)
        self.as_of = as_of_date(self.settings)
        self.site, self.issues = load_site_or_fail(self.paths, self.as_of)
        self._check_settings()
        if warnings(self.issues):
            # Printed, not logged: Pelican's logger makes every warning fatal.
            print(report(warnings(self.issues)), file=sys.stderr, flush=True)
        self.publisher = ImagePublisher(self.output_path)
        self.context["image_publisher"] = self.publisher
        self.stories_by_brand: dict[str, list] = {slug: [] for slug in self.site.brands}
        self.languages = Languages(self.settings["LANGUAGES"], self.settings["DEFAULT_LANG"])

    def _check_settings(self) -> None:
        unknown = [s for s in self.settings.get("FEATURED_BRANDS") or [] if s not in self.site.brands]
        if unknown:
            raise ValidationFailed([
                Issue("pelicanconf.py", 0, "FEATURED_BRANDS", msg("featured_unknown", slug=slug))
                for slug in unknown
            ])

    # -- context -------------------------------------------------------------

    def generate_context(self) -> None:
        site = self.site
        for brand in site.brands.values():
            for image in brand.images():
                self.publisher.add(image, f"brands/{brand.slug}/{image.src}")
        stories = {story.source_path.resolve(): story for story in site.stories.values()}
        for article in self.context.get("articles", []):  # originals; translations follow them
            for version in (article, *article.translations):
                story = stories.get(Path(version.source_path).resolve())
                version.brand_objects = [site.brands[s] for s in story.brands] if story else []
                version.cover_image = story.cover if story else None
                if story and story.cover:
                    self.publisher.add(story.cover, story.cover.src, copy=False)
            for translation in article.translations:  # shares what it does not set itself
                translation.brand_objects = translation.brand_objects or article.brand_objects
                translation.cover_image = translation.cover_image or article.cover_image
            for version in (article, *article.translations):
                version.brand_regions, version.brand_categories = views.regions_and_categories(
                    version.brand_objects, site.registry)
            for brand in article.brand_objects:
                self.stories_by_brand[brand.slug].append(article)
        for listed in self.stories_by_brand.values():
            listed.sort(key=lambda a: (a.date, a.slug), reverse=True)

        all_brands = views.sorted_brands(site.brands.values())
        self.context.update(
            registry=site.registry,
            all_brands=all_brands,
            brands_by_slug=site.brands,
            featured_brands=views.featured(site, self.settings.get("FEATURED_BRANDS")),
            figures=views.figures(site, self.as_of),
            as_of=self.as_of,
            stories_by_brand=self.stories_by_brand,
        )

    # -- output --------------------------------------------------------------

    def generate_output(self, writer) -> None:
        copied = self.publisher.publish()
        logger.info("Copied %d brand images", copied)
        for lang in self.languages.all:
            self._write_language(writer, lang)
        # Served for any missing path, at any depth: its links cannot be relative.
        writer.write_file("404.html", self.get_template("404"), self.context,
                          relative_urls=False, page_url="404.html", lang_twins={})

    def _write_language(self, writer, lang) -> None:
        """Every registry page in one language, under its folder (`en/...`)."""
        site, registry = self.site, self.site.registry
        relative = self.settings["RELATIVE_URLS"]

        def write(url: str, template: str, **page) -> None:
            writer.write_file(save_as(lang.prefix + url), self.get_template(template), self.context,
                              relative_urls=relative, page_url=lang.prefix + url, **page)

        for brand in site.brands.values():
            text = views.brand_text(brand, lang.code, self.languages.default)
            write(url_for(brand), "brand", brand=brand, **views.brand_rows(brand, registry, self.as_of),
                  brand_stories=self.stories_by_brand[brand.slug], brand_text=text,
                  body_html=self._body_html(brand, text.body, lang.prefix + url_for(brand)))
        counts = views.facet_counts(site)
        write("brands/", "brands", facet_counts=counts)

        tree = views.region_tree(site)
        write("regions/", "facet_index", facet_kind="region", facet_items=tree)
        for region, _count, _depth in tree:
            children = [(r, len(views.brands_in_region(site, r.code)))
                        for r in registry.region_children(region.code)]
            write(url_for(region), "brand_list", facet_kind="region", facet=region,
                  facet_brands=views.brands_in_region(site, region.code),
                  region_chain=registry.region_chain(region.code), child_regions=children)

        for kind, items, key in (("category", counts["categories"], lambda b, c: b.category == c.id),
                                 ("certification", counts["certifications"],
                                  lambda b, t: any(c.type == t.id for c in b.certifications))):
            folder = "categories/" if kind == "category" else "certifications/"
            write(folder, "facet_index", facet_kind=kind, facet_items=[(o, n, 0) for o, n in items])
            for obj, _count in items:
                write(url_for(obj), "brand_list", facet_kind=kind, facet=obj,
                      facet_brands=views.sorted_brands(b for b in site.brands.values() if key(b, obj)))

        award_items = []
        for program in registry.award_programs.values():
            editions = [(e, len(views.award_recipients(site, program.id, e.number)))
                        for e in program.editions]
            award_items.append((program, editions))
            write(url_for(program), "award_program", program=program, edition_items=editions)
            for edition in program.editions:
                write(url_for(program, edition), "award_edition", program=program, edition=edition,
                      recipients=views.award_recipients(site, program.id, edition.number))
        write("awards/", "awards", award_items=award_items)

    def _body_html(self, brand, body: str, page_url: str) -> Markup:
        siteurl = self._siteurl_for(page_url)

        def image(src: str, alt: str):
            found = brand.body_images.get(src)
            return self.publisher.markup(found, siteurl, alt=alt) if found else None

        return Markup(render(body, image))

    def _siteurl_for(self, page_url: str) -> str:
        """The SITEURL the writer will give the page at `page_url`."""
        if self.settings["RELATIVE_URLS"]:
            return path_to_url(get_relative_path(save_as(page_url)))
        return self.settings["SITEURL"]
