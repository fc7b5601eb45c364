"""Pelican glue: load the registry, then write brand, facet and award pages."""

from __future__ import annotations

import functools
import os
import sys
from datetime import date
from pathlib import Path

from markupsafe import Markup
from pelican.generators import Generator
from pelican.utils import get_relative_path, path_to_url

from brandsite.brand_registry import load_site_or_fail
from brandsite.brand_registry.build_day import build_day
from brandsite.brand_registry.issues import Issue, ValidationFailed, display_path, report, warnings
from brandsite.brand_registry.jsonsafe import dumps
from brandsite.brand_registry.markdown_body import render
from brandsite.brand_registry.messages import msg
from brandsite.brand_registry.settings_file import site_paths
from brandsite.brand_registry.standards import cited
from brandsite.brand_registry.statistics import StoryPoint, compute
from brandsite.incremental.unchanged import write_or_link
from brandsite.pagination import paginate
from brandsite.site_i18n.languages import Languages
from brandsite.site_i18n.writer import flush_pages, previous_output
from brandsite.thumbnails.publisher import PublishFailed
from brandsite.thumbnails.settings import from_site

from . import case_views, views
from .publisher import OriginalsPublisher, ThumbnailPublisher
from .sheets import LABELS_PER_PAGE, Sheets, label_order, licence_counts
from .urls import SITE_URLS, fact_sheet_url_for, labels_url_for, save_as, url_for


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
        self.issues += self._check_settings()
        if warnings(self.issues):
            # Printed, not logged: Pelican's logger makes every warning fatal.
            print(report(warnings(self.issues)), file=sys.stderr, flush=True)
        self.publisher = self._publisher()
        self.context["image_publisher"] = self.publisher
        self.stories_by_brand: dict[str, list] = {slug: [] for slug in self.site.brands}
        self.languages = Languages(self.settings["LANGUAGES"], self.settings["DEFAULT_LANG"])

    def _check_settings(self) -> list[Issue]:
        """Errors in the settings stop the build; the warnings are returned."""
        issues = []
        for name in ("BRANDS_PER_PAGE", "DEFAULT_PAGINATION"):
            size = self.settings.get(name)
            if size is not None and (not isinstance(size, int) or size < 0):
                issues.append(Issue("pelicanconf.py", 0, name, msg("page_size", value=repr(size))))
        self.brands_per_page = self.settings.get("BRANDS_PER_PAGE") or None
        self.thumbnail_settings, problems = from_site(self.settings, self.paths.root)
        issues += [Issue("pelicanconf.py", 0, name, message) for name, message in problems]
        if issues:
            raise ValidationFailed(issues)
        # A featured brand that is gone (renamed, or another registry built with these
        # settings) leaves its place on the home page to the next brand with a cover.
        unknown = [s for s in self.settings.get("FEATURED_BRANDS") or [] if s not in self.site.brands]
        return [
            Issue("pelicanconf.py", 0, "FEATURED_BRANDS", msg("featured_unknown", slug=slug), "warning")
            for slug in unknown
        ]

    def _publisher(self):
        if self.settings.get("THUMBNAILS", True):
            return ThumbnailPublisher(self.thumbnail_settings, self.output_path)
        return OriginalsPublisher(self.output_path)

    # -- context -------------------------------------------------------------

    def generate_context(self) -> None:
        site = self.site
        for brand in site.brands.values():
            shared = {brand.logo.path if brand.logo else None, brand.cover.path if brand.cover else None}
            for image in brand.images():
                self.publisher.add(image, f"brands/{brand.slug}/{image.src}", og=image.path in shared)
        story_of = _StoryFinder(site.stories.values())
        for article in self.context.get("articles", []):  # originals; translations follow them
            for version in (article, *article.translations):
                story = story_of(version.source_path)
                version.brand_objects = [site.brands[s] for s in story.brands] if story else []
                version.cover_image = story.cover if story else None
                if story and story.cover:
                    self.publisher.add(story.cover, story.cover.src, og=True)
            for translation in article.translations:  # shares what it does not set itself
                translation.brand_objects = translation.brand_objects or article.brand_objects
                translation.cover_image = translation.cover_image or article.cover_image
            for version in (article, *article.translations):
                version.brand_regions, version.brand_categories = views.regions_and_categories(
                    version.brand_objects, site.registry
                )
            for brand in article.brand_objects:
                self.stories_by_brand[brand.slug].append(article)
        for award_list in site.award_lists.values():
            for image in award_list.body_images.values():
                self.publisher.add(image, image.src)
        self.published_cases = site.published_cases(self.as_of)  # the only cases the build writes
        self.cases_by_brand = case_views.cases_by_brand(self.published_cases)
        for case in self.published_cases:
            for image in case.body_images.values():
                self.publisher.add(image, image.src)
        for content in self._with_translations("articles", "hidden_articles", "pages", "hidden_pages"):
            for image in getattr(content, "body_images", ()):
                self.publisher.add(image, image.src)
        for listed in self.stories_by_brand.values():
            listed.sort(key=lambda a: (a.date, a.slug), reverse=True)
        self._publish_images()

        all_brands = views.sorted_brands(site.brands.values())
        self.standards = cited(site.brands.values())  # every standard a brand cites, once
        self.context.update(
            registry=site.registry,
            all_brands=all_brands,
            brands_by_slug=site.brands,
            featured_brands=views.featured(site, self.settings.get("FEATURED_BRANDS")),
            statistics=compute(site, self.as_of, self._story_points()),
            as_of=self.as_of,
            stories_by_brand=self.stories_by_brand,
            award_lists=site.award_lists,
            open_notices=views.open_notices(site, self.as_of),
            standards=self.standards,
            standard_slugs={s.code: s.slug for s in self.standards},
            published_cases=self.published_cases,
        )

    def _story_points(self) -> list[StoryPoint]:
        """The published stories (originals: a translation is the same story), for /statistics/."""
        return [
            StoryPoint(article.category.name if article.category else "", article.date.date())
            for article in self.context.get("articles", [])
        ]

    def _with_translations(self, *keys: str) -> list:
        found = []
        for key in keys:
            for content in self.context.get(key, []):
                found.append(content)
                found.extend(getattr(content, "translations", []))
        return found

    def _publish_images(self) -> None:
        """Derivatives into the output before any page is written: pages need their names."""
        try:
            summary = self.publisher.publish()
        except PublishFailed as failed:
            raise ValidationFailed(
                [
                    Issue(display_path(path, self.paths.root), 0, "", f"image {why}")
                    for path, why in failed.errors.items()
                ]
            ) from None
        print(summary, file=sys.stderr)
        if self.settings.get("THUMBNAIL_PRUNE"):
            removed = self.publisher.prune()
            print(f"Images: pruned {removed} unused cache entries", file=sys.stderr)

    # -- output --------------------------------------------------------------

    def generate_output(self, writer) -> None:
        self.sheets = Sheets(
            self.settings["SITEURL"],
            self.thumbnail_settings.cache_path.parent / "qr",
            Path(self.output_path),
            previous_output(self.settings),
        )
        made = self.sheets.prepare(
            list(self.site.brands.values()),
            [lang.prefix for lang in self.languages.all],
            self.settings.get("RENDER_WORKERS") or os.cpu_count() or 1,
        )
        if made:
            print(f"QR codes: made {made}", file=sys.stderr)
        # The other languages' pages: by a forked copy of the build, on the other core, if
        # there is one (site_i18n's writer), while this process writes the default's.
        write_beside = getattr(writer, "write_beside", lambda write: write())
        for lang in self.languages.all:
            if lang.code != self.languages.default:
                write_beside(functools.partial(self._write_language, writer, lang))
        self._write_language(writer, self.languages.by_code[self.languages.default])
        # Served for any missing path, at any depth: its links cannot be relative.
        writer.write_file(
            "404.html",
            self.get_template("404"),
            self.context,
            relative_urls=False,
            page_url="404.html",
            lang_twins={},
        )
        flush_pages(self, writer)  # site_i18n's writer renders queued pages on every core

    def _write_language(self, writer, lang) -> None:
        """Every registry page in one language, under its folder (`en/...`)."""
        site, registry = self.site, self.site.registry
        relative = self.settings["RELATIVE_URLS"]

        def write(url: str, template: str, **page) -> None:
            writer.write_file(
                save_as(lang.prefix + url),
                self.get_template(template),
                self.context,
                relative_urls=relative,
                page_url=lang.prefix + url,
                **page,
            )

        def write_list(url: str, template: str, brands: list, **page) -> None:
            """A list of brand cards, BRANDS_PER_PAGE a page (`brands_page` in the template)."""
            for name, page_url, variables in paginate(
                save_as(lang.prefix + url),
                lang.prefix + url,
                brands,
                self.brands_per_page,
                self.settings,
                "brands",
            ):
                writer.write_file(
                    name,
                    self.get_template(template),
                    self.context,
                    relative_urls=relative,
                    page_url=page_url,
                    **variables,
                    **page,
                )

        linked = getattr(writer, "linked_from_last_build", None)  # site_i18n's writer, run by the driver
        for brand in site.brands.values():
            # Everything else the page shows is made of these (and of the registry, the
            # build day and the shared context, which every page's key covers).
            made_from = {
                "brand": brand,
                "brand_stories": self.stories_by_brand[brand.slug],
                "brand_award_lists": views.brand_award_lists(site, brand),
                "brand_cases": self.cases_by_brand.get(brand.slug, []),
                "proposed_award_rows": views.proposed_awards(site, brand, self.as_of),
            }
            self._write_sheets(writer, write, linked, lang, brand, made_from["brand_award_lists"])
            name = save_as(lang.prefix + url_for(brand))
            if linked and linked(name, self.get_template("brand"), self.context, relative, **made_from):
                continue  # unchanged: its tables and body need not be worked out
            text = views.brand_text(brand, lang.code, self.languages.default)
            write(
                url_for(brand),
                "brand",
                made_from=made_from,
                **made_from,
                **views.brand_rows(brand, registry, self.as_of),
                brand_text=text,
                **views.brand_words(brand, lang.code, self.languages.default, self.context["standard_slugs"]),
                body_html=self._body_html(brand, text.body, lang.prefix + url_for(brand)),
            )
        counts = views.facet_counts(site)
        all_brands = self.context["all_brands"]
        write_list(
            "brands/",
            "brands",
            all_brands,
            facet_counts=counts,
            directory_data=lang.prefix + SITE_URLS["brand_directory"],
        )
        self._write_directory_data(lang, all_brands)

        tree = views.region_tree(site)
        by_region = views.brands_by_region(site)
        write("regions/", "facet_index", facet_kind="region", facet_items=tree)
        for region, _count, _depth in tree:
            children = [(r, len(by_region.get(r.code, ()))) for r in registry.region_children(region.code)]
            in_region = by_region.get(region.code, [])
            write_list(
                url_for(region),
                "brand_list",
                in_region,
                facet_kind="region",
                facet=region,
                facet_brands=in_region,
                region_chain=registry.region_chain(region.code),
                child_regions=children,
            )

        for kind, items, key in (
            ("category", counts["categories"], lambda b, c: b.category == c.id),
            (
                "certification",
                counts["certifications"],
                lambda b, t: any(c.type == t.id for c in b.certifications),
            ),
        ):
            folder = "categories/" if kind == "category" else "certifications/"
            write(folder, "facet_index", facet_kind=kind, facet_items=[(o, n, 0) for o, n in items])
            for obj, _count in items:
                listed = views.sorted_brands(b for b in site.brands.values() if key(b, obj))
                write_list(
                    url_for(obj), "brand_list", listed, facet_kind=kind, facet=obj, facet_brands=listed
                )

        self._write_awards(write, lang)
        self._write_standards(write)
        write(SITE_URLS["statistics"], "statistics")
        self._write_cases(write, lang)

    def _write_labels(self, writer, linked, lang, brand) -> bool:
        """The label sheet, LABELS_PER_PAGE labels a page; False if every page was unchanged."""
        relative, template = self.settings["RELATIVE_URLS"], self.get_template("labels")
        url, words, text, written = lang.prefix + labels_url_for(brand), None, None, False
        logo = self.publisher.smallest(brand.logo) if brand.logo else None
        licences = label_order(brand)
        for name, page_url, variables in paginate(
            save_as(url), url, licences, LABELS_PER_PAGE, self.settings, "labels"
        ):
            if linked and linked(name, template, self.context, relative, brand=brand):
                continue  # unchanged: its codes need not be read
            if words is None:
                default = self.languages.default
                words = views.brand_words(brand, lang.code, default, self.context["standard_slugs"])
                text = views.brand_text(brand, lang.code, default)
            writer.write_file(
                name,
                template,
                self.context,
                relative_urls=relative,
                page_url=page_url,
                made_from={"brand": brand},
                **variables,
                brand=brand,
                brand_text=text,
                label_rows=self.sheets.label_rows(brand, self.as_of, variables["labels_page"].object_list),
                label_logo=logo,
                qr_ready=self.sheets.ready,
                **words,
            )
            written = True
        return written

    def _write_sheets(self, writer, write, linked, lang, brand, award_lists) -> None:
        """The brand's label sheet (and, once, its label files) and its fact sheet."""
        sheets, as_of = self.sheets, self.as_of
        changed = self._write_labels(writer, linked, lang, brand)
        # The label files serve every language: made once, from the same inputs as the sheet.
        if (
            sheets.ready
            and lang.code == self.languages.default
            and (changed or not sheets.link_label_files(brand))
        ):
            logo = self.publisher.smallest(brand.logo) if brand.logo else None
            sheets.write_label_files(brand, sheets.label_rows(brand, as_of), logo)
        relative = self.settings["RELATIVE_URLS"]
        fact_sheet, page = fact_sheet_url_for(brand), {"brand": brand, "brand_award_lists": award_lists}
        if linked and linked(
            save_as(lang.prefix + fact_sheet), self.get_template("fact_sheet"), self.context, relative, **page
        ):
            return
        brand_page = lang.prefix + url_for(brand)
        write(
            fact_sheet,
            "fact_sheet",
            made_from=page,
            **page,
            **views.brand_rows(brand, self.site.registry, as_of),
            brand_text=views.brand_text(brand, lang.code, self.languages.default),
            **views.brand_words(brand, lang.code, self.languages.default, self.context["standard_slugs"]),
            licence_counts=licence_counts(brand, as_of),
            qr_ready=sheets.ready,
            page_qr=sheets.qr_for(brand_page),
            page_address=f"{self.settings['SITEURL']}/{brand_page}",
        )

    def _write_cases(self, write, lang) -> None:
        """/cases/ and a page per published case (English pages: English UI, Chinese record)."""
        site = self.site
        rows = [case_views.case_row(site, case) for case in self.published_cases]
        for row in rows:
            case = row["case"]
            url = url_for(case)
            body = self._body_html(case, case.body, lang.prefix + url)
            write(url, "case", **row, body_html=body)
        filters = case_views.case_filters(site, self.published_cases)
        write(SITE_URLS["cases"], "cases", case_rows=rows, case_filters=filters)

    def _write_standards(self, write) -> None:
        """/standards/ by kind, and a page per standard with the brands that cite it."""
        for standard in self.standards:
            listed = views.sorted_brands(self.site.brands[slug] for slug in standard.brands)
            write(url_for(standard), "standard", standard=standard, standard_brands=listed)
        write("standards/", "standards", standard_groups=views.standard_groups(self.standards))

    def _write_awards(self, write, lang) -> None:
        """/awards/, each program, and each edition: its file's list, else the brands' awards."""
        site = self.site
        award_items = views.award_index(site, self.as_of)
        for program, editions in award_items:
            write(url_for(program), "award_program", program=program, edition_items=editions)
            for edition, _count, found, phase in editions:
                page = {"program": program, "edition": edition, "award_list": found, "phase": phase}
                if found is None:
                    page["recipients"] = views.award_recipients(site, program.id, edition.number)
                else:
                    page["winner_tiers"] = views.winner_tiers(site, found)
                    page["body_html"] = self._body_html(
                        found, found.body, lang.prefix + url_for(program, edition)
                    )
                    page["days_left"] = found.notice.days_left(self.as_of) if found.notice else None
                write(url_for(program, edition), "award_edition", **page)
        write("awards/", "awards", award_items=award_items)

    def _write_directory_data(self, lang, brands: list) -> None:
        """What the directory's filter searches: every brand, not only the page shown."""
        default_tag = self.languages.by_code[self.languages.default].tag
        registry = self.site.registry
        entries = [
            views.directory_entry(
                brand,
                registry,
                lang.code,
                lang.prefix + url_for(brand),
                self.publisher.smallest(brand.logo) if brand.logo else None,
                default_tag,
                self.context["standard_slugs"],
            )
            for brand in brands
        ]
        name = lang.prefix + SITE_URLS["brand_directory"]
        previous = previous_output(self.settings)
        write_or_link(
            str(Path(self.output_path) / name),
            (dumps({"brands": entries}) + "\n").encode(),
            None if previous is None else str(previous / name),
        )

    def _body_html(self, source, body: str, page_url: str) -> Markup:
        """A brand's or an award list's body; its images as published."""
        siteurl = self._siteurl_for(page_url)

        def image(src: str, alt: str):
            found = source.body_images.get(src)
            return self.publisher.markup(found, siteurl, alt=alt) if found else None

        return Markup(render(body, image))

    def _siteurl_for(self, page_url: str) -> str:
        """The SITEURL the writer will give the page at `page_url`."""
        if self.settings["RELATIVE_URLS"]:
            return path_to_url(get_relative_path(save_as(page_url)))
        return self.settings["SITEURL"]


class _StoryFinder:
    """The validated story read from a file Pelican names (paths compared resolved)."""

    def __init__(self, stories):
        self.stories = list(stories)
        self.by_path = {str(story.source_path): story for story in self.stories}
        self.by_resolved: dict | None = None

    def __call__(self, source_path):
        found = self.by_path.get(str(source_path))
        if found is not None:
            return found
        if self.by_resolved is None:  # Pelican named a path another way (a symlink on the way)
            self.by_resolved = {story.source_path.resolve(): story for story in self.stories}
        return self.by_resolved.get(Path(source_path).resolve())
