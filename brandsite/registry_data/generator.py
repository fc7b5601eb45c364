"""Pelican glue: write the licence check, open data, the registry feed and robots.txt."""

from __future__ import annotations

import logging
from datetime import date, datetime, time
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from brandsite.brand_pages.urls import SITE_URLS, data_url_for, is_absolute, save_as, url_for
from brandsite.brand_registry import open_data
from brandsite.brand_registry.changes import registry_changes
from brandsite.brand_registry.licence_index import licence_digest
from brandsite.site_i18n.languages import Languages
from brandsite.site_i18n.writer import PAGE_REUSE, flush_pages, previous_output

from .cases_feed import write_cases_feed
from .files import (
    DataFiles,
    write_award_data,
    write_brand_files,
    write_case_data,
    write_licence_shards,
    write_open_data,
    write_standard_data,
    write_uscc_shards,
)

logger = logging.getLogger(__name__)
DATA_GROUP = "registry-data"  # the files this generator writes itself, reused together
SHARDS_GROUP = "licence-shards"  # but for the licence shards, reused on their own


class RegistryDataGenerator(Generator):
    """Runs after BrandPagesGenerator, whose context holds the loaded registry."""

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer) -> None:
        brands = list(self.context["brands_by_slug"].values())
        facts = self._data_files(brands)
        self._write_page(
            writer,
            SITE_URLS["verify"],
            "verify",
            licence_bits=facts["bits"],
            licence_data_version=facts["version"],
            uscc_bits=facts["uscc_bits"],
            uscc_data_version=facts["uscc_version"],
        )
        self._write_page(
            writer,
            SITE_URLS["data"],
            "data",
            brand_count=facts["brands"],
            licence_count=facts["licences"],
            example_brand=brands[0] if brands else None,
            brand_columns=open_data.BRAND_COLUMNS,
            licensee_columns=open_data.LICENSEE_COLUMNS,
            case_count=facts.get("cases", 0),
        )
        flush_pages(self, writer)  # site_i18n's writer renders queued pages on every core

    def _data_files(self, brands) -> dict:
        """Write the licence shards, open data, feed and robots.txt; returns what the pages show.

        Run by brandsite.build.driver, the files are linked from the last build instead when
        no brand bundle changed (nor anything all pages depend on); otherwise each
        brand's own JSON still is, when its bundle did not change, and the licence
        shards are when nothing they hold changed.
        """
        reuse = self.settings.get(PAGE_REUSE)
        registry = self.context["registry"]
        files = DataFiles(self.output_path, previous_output(self.settings))
        linked = None
        if reuse is not None:

            def linked(brand, name):
                return reuse.reuse(
                    name, reuse.key(name, "brand.json", reuse.inputs.bundle_files(brand.bundle))
                )

            key = reuse.group_key(DATA_GROUP, [f for bundle in reuse.inputs.bundles.values() for f in bundle])
            facts = reuse.reuse_group(DATA_GROUP, key)
            if facts is not None:
                write_brand_files(files, brands, registry, self._links, linked, records=False)
                logger.info("Open data: as in the last build")
                # No bundle changed, so neither did the shards' key: it need not be worked out.
                return {**facts, **self._licence_shards(files, brands, reuse, facts["shards_key"])}
        shards = self._licence_shards(files, brands, reuse)
        written = len(files.names)  # the shards, if they were written
        records = write_open_data(files, brands, registry, self._links, linked)
        award_lists = list(self.context.get("award_lists", {}).values())
        write_award_data(files, award_lists, registry, self.context["brands_by_slug"], self._absolute)
        standards = self.context.get("standards", [])
        write_standard_data(files, standards, self.context["brands_by_slug"], self._absolute)
        cases = self.context.get("published_cases", [])
        write_case_data(files, cases, registry, self.context["brands_by_slug"], self._absolute)
        if self.settings.get("REGISTRY_FEED_ATOM"):
            self._write_registry_feed(files, brands)
        if self.settings.get("CASES_FEED_ATOM"):
            template = self.env.get_template("cases.atom.xml")
            write_cases_feed(files, cases, self.settings, template, self.context)
        files.write(SITE_URLS["robots"], robots_txt(self.settings["SITEURL"], self._sitemap_url()))
        logger.info("Wrote open data for %d brands", len(records))
        facts = {
            "brands": len(records),
            "licences": sum(len(r["licensees"]) for r in records),
            "cases": len(cases),
            "shards_key": shards["shards_key"],
        }
        if reuse is not None:
            own = {data_url_for(brand) for brand in brands}  # keyed each by its own bundle
            reuse.record_group(
                DATA_GROUP, key, [name for name in files.names[written:] if name not in own], facts
            )
        return {**facts, **shards}

    def _licence_shards(self, files: DataFiles, brands, reuse, key: str | None = None) -> dict:
        """Write the licence check's shards, or link the last build's when nothing they
        hold changed (no licence, nor the name, status or URL of a licensed brand);
        returns their facts and `shards_key`, the key they are kept under."""
        if reuse is None:
            return {**self._write_shards(files, brands), "shards_key": None}
        key = key or reuse.group_key(SHARDS_GROUP, [], licence_digest(brands, url_for))
        facts = reuse.reuse_group(SHARDS_GROUP, key)
        if facts is not None:
            logger.info("Licence shards: as in the last build")
        else:
            before = len(files.names)
            facts = self._write_shards(files, brands)
            logger.info("Wrote %d licence shards", len(files.names) - before)
            reuse.record_group(SHARDS_GROUP, key, files.names[before:], facts)
        return {**facts, "shards_key": key}

    @staticmethod
    def _write_shards(files: DataFiles, brands) -> dict:
        """The shards by licence number and by credit code, and what the check page needs of them."""
        bits, version = write_licence_shards(files, brands)
        uscc_bits, uscc_version = write_uscc_shards(files, brands)
        return {"bits": bits, "version": version, "uscc_bits": uscc_bits, "uscc_version": uscc_version}

    def _absolute(self, path: str) -> str:
        """`path` on the published site: absolute when SITEURL is, else relative to the root."""
        siteurl = self.settings["SITEURL"]
        return f"{siteurl}/{path}" if is_absolute(siteurl) else path

    def _links(self, brand) -> open_data.Links:
        publisher = self.context["image_publisher"]

        def image(img):
            return self._absolute(publisher.url(img)) if img else None

        return open_data.Links(
            page=self._absolute(url_for(brand)),
            data=self._absolute(data_url_for(brand)),
            logo=image(brand.logo),
            cover=image(brand.cover),
        )

    def _write_registry_feed(self, files: DataFiles, brands) -> None:
        siteurl = self.settings.get("FEED_DOMAIN") or self.settings["SITEURL"]
        if not is_absolute(siteurl):
            raise ValueError(
                "REGISTRY_FEED_ATOM needs an absolute SITEURL (or FEED_DOMAIN): "
                "Atom links and ids are absolute. Feeds belong in publishconf.py."
            )
        path = self.settings["REGISTRY_FEED_ATOM"]
        zone = ZoneInfo(self.settings.get("TIMEZONE") or "UTC")
        award_lists = self.context.get("award_lists", {}).values()
        changes = registry_changes(brands, award_lists, self.context.get("as_of"))
        changes = changes[: self.settings.get("FEED_MAX_ITEMS") or None]
        entries = [self._entry(change, siteurl, zone) for change in changes]
        newest = max((c.day for c in changes), default=date(1970, 1, 1))
        feed = {
            "id": f"{siteurl}/{path}",
            "self_url": f"{siteurl}/{path}",
            "site_url": f"{siteurl}/",
            "updated": timestamp(newest, zone),
        }
        template = self.env.get_template("registry.atom.xml")
        page = {
            "SITEURL": siteurl,
            "feed": feed,
            "entries": entries,
            "page_lang": self.settings["DEFAULT_LANG"],
        }
        files.write(path, template.render({**self.context, **page}))

    def _entry(self, change, siteurl: str, zone: ZoneInfo) -> dict:
        host, site_path = urlsplit(siteurl).hostname, urlsplit(siteurl).path.rstrip("/")
        url = self._change_url(change)
        return {
            "change": change,
            **self._changed(change),
            # Stable: the same change of the same brand keeps its id in every build.
            "id": f"tag:{host},{change.day.isoformat()}:{site_path}/{url}{change.kind}",
            "link": f"{siteurl}/{url}",
            "updated": timestamp(change.day, zone),
        }

    def _changed(self, change) -> dict:
        """What a feed entry names: the brand, or the award program and edition."""
        if change.brand is not None:
            return {"brand": change.brand}
        program = self.context["registry"].award_programs[change.award_list.program]
        return {"brand": None, "program": program, "edition": program.edition(change.award_list.edition)}

    def _change_url(self, change) -> str:
        if change.brand is not None:
            return url_for(change.brand)
        return url_for(
            self.context["registry"].award_programs[change.award_list.program], change.award_list.edition
        )

    def _sitemap_url(self) -> str | None:
        siteurl = self.settings["SITEURL"]
        if self.settings.get("SITEMAP") and is_absolute(siteurl):
            return f"{siteurl}/{SITE_URLS['sitemap']}"
        return None

    def _write_page(self, writer, url: str, template: str, **page) -> None:
        """The page in every language (`en/...` for English)."""
        for lang in Languages(self.settings["LANGUAGES"], self.settings["DEFAULT_LANG"]).all:
            writer.write_file(
                save_as(lang.prefix + url),
                self.get_template(template),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                page_url=lang.prefix + url,
                **page,
            )


def timestamp(day: date, zone: ZoneInfo) -> str:
    """Midnight of `day` in the site's time zone, as RFC 3339."""
    return datetime.combine(day, time(), tzinfo=zone).isoformat()


def robots_txt(siteurl: str, sitemap_url: str | None) -> str:
    """Let crawlers in, except into the licence check's shards (data, not pages)."""
    site_path = urlsplit(siteurl).path.rstrip("/") if is_absolute(siteurl) else ""
    lines = [
        "User-agent: *",
        f"Disallow: {site_path}/{SITE_URLS['verify_shards']}",
        f"Disallow: {site_path}/{SITE_URLS['verify_uscc_shards']}",
    ]
    if sitemap_url:
        lines += ["", f"Sitemap: {sitemap_url}"]
    return "\n".join(lines) + "\n"
