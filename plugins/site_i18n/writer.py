"""Pelican glue: every page learns its language and its twins as it is written."""

from __future__ import annotations

import os

from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

from incremental.own_files import own_files

from .languages import Languages, page_url, translation_urls

# Settings with a per-language variant: SITENAME_EN replaces SITENAME on English pages.
LOCALIZED_SETTINGS = ("SITENAME", "SITE_DESCRIPTION")
PAGE_REUSE = "_INCREMENTAL_PAGES"  # settings key of the build's incremental.pages.PageReuse


class LanguageWriter(Writer):
    """Adds to each page's template context:

    page_lang, html_lang   "en", "en" / "zh", "zh-CN" (from the page's folder)
    page_url               the page's site-relative URL, e.g. "en/brands/x/"
    LANG_SITEURL           SITEURL of the page's language: links to other pages
    SITENAME, ...          SITENAME_EN etc. on English pages (LOCALIZED_SETTINGS)
    language_links         the language switcher (LanguageLink list)
    alternates             (hreflang, url) pairs for <link rel="alternate">

    A story or page links to its translations; a caller may pass
    `lang_twins={lang: url}` for a page with no twin at the mirrored URL.

    Run by tools.build, a page whose inputs are those of the previous build's
    page is linked from the previous output instead of rendered (incremental).
    """

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.languages = Languages(self.settings["LANGUAGES"], self.settings["DEFAULT_LANG"])
        self.reuse = self.settings.get(PAGE_REUSE)

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):
        if name:
            known = kwargs.pop("lang_twins", None)
            content = kwargs.get("article") or kwargs.get("page")
            if content is not None:
                known = translation_urls(content)
            siteurl = path_to_url(get_relative_path(name)) if relative_urls else context["SITEURL"]
            kwargs = {**self.page_languages(name, siteurl, known), **kwargs}
            if self.reuse is not None and not paginated and self._reused(name, template, relative_urls, kwargs):
                return
        super().write_file(name, template, context, relative_urls, paginated, template_name,
                           override_output, url, **kwargs)

    def _reused(self, name, template, relative_urls, kwargs) -> bool:
        files = own_files(template.name, kwargs, self.reuse.inputs)
        key = self.reuse.key(name, template.name, files, [relative_urls, self.settings.get("SITEURL")])
        if not self.reuse.reuse(name, key):
            return False
        self._written_files.add(sanitised_join(self.output_path, name))
        return True

    def _open_w(self, filename, encoding, override=False):
        # A file linked from the previous output must never be written through:
        # that would change the published site in place.
        if os.path.lexists(filename):
            os.unlink(filename)
        return super()._open_w(filename, encoding, override)

    def page_languages(self, name: str, siteurl: str, known: dict[str, str] | None) -> dict:
        url = page_url(name)
        here = self.languages.of_url(url)
        links = self.languages.links(url, known)
        localized = {key: self.settings[f"{key}_{here.code.upper()}"] for key in LOCALIZED_SETTINGS
                     if here.prefix and self.settings.get(f"{key}_{here.code.upper()}")}
        return {
            **localized,
            "page_lang": here.code,
            "html_lang": here.tag,
            "page_url": url,
            "LANG_SITEURL": f"{siteurl}/{here.prefix.rstrip('/')}" if here.prefix else siteurl,
            "language_links": links,
            "alternates": self.languages.alternates(links),
        }
