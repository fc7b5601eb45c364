"""Pelican glue: every page learns its language and its twins as it is written."""

from __future__ import annotations

import functools
import os

from pelican import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from brandsite.brand_pages.urls import SITE_URLS, is_absolute
from brandsite.brand_registry.build_day import build_day
from brandsite.incremental.fork_pool import Background, WorkerFailed, run_shared, two_cores
from brandsite.incremental.gathered import MISSING
from brandsite.incremental.pages import SETTING as PAGE_REUSE
from brandsite.incremental.unchanged import write_or_link
from brandsite.registry_data.sitemap import SitemapPage, is_noindex, lastmod, sitemap_xml

from .languages import Languages, page_url, translation_urls

# Settings with a per-language variant: SITENAME_EN replaces SITENAME on English pages.
LOCALIZED_SETTINGS = ("SITENAME", "SITE_DESCRIPTION")


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

    Run by brandsite.build.driver, a page whose inputs are those of the previous build's
    page is linked from the previous output instead of rendered (incremental).

    With the SITEMAP setting (and an absolute SITEURL), it writes sitemap.xml once
    every page is in the output, however it got there (see `write_sitemap`).
    """

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.languages = Languages(self.settings["LANGUAGES"], self.settings["DEFAULT_LANG"])
        self.reuse = self.settings.get(PAGE_REUSE)
        self.pending: dict[str, tuple] = {}  # path -> render job, written by flush()
        self.listed: dict[str, tuple] = {}  # name -> (alternates, date of its content), for the sitemap
        self._template_globals: dict[int, tuple] = {}
        self.beside: list[Background] = []  # pages written by forked copies (write_beside)
        signals.finalized.connect(self._flush_at_end)

    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        if not name:
            return
        known, content = twins(kwargs)
        siteurl = path_to_url(get_relative_path(name)) if relative_urls else context["SITEURL"]
        own = {**story_values(content), **kwargs}  # the language values are made of name and twins
        kwargs = {**self.page_languages(name, siteurl, known), **own}
        if override_output or sanitised_join(self.output_path, name) not in self._overridden_files:
            self.listed[name] = (kwargs["alternates"], content_date(content))  # as Pelican keeps the page
        if paginated is None:  # as Pelican decides it
            paginated = {key: value for key, value in kwargs.items() if key in ("articles", "dates")}
        if paginated and template_name in self.settings["PAGINATED_TEMPLATES"]:
            super().write_file(
                name,
                template,
                context,
                relative_urls,
                paginated,
                template_name,
                override_output,
                url,
                **kwargs,
            )
            return
        made_from = kwargs.pop("made_from", None)
        own.pop("made_from", None)
        if self.reuse is not None and self._reused(
            name, template, context, relative_urls, own, known, made_from
        ):
            return
        self._defer(name, template, context, relative_urls, override_output, kwargs)

    def linked_from_last_build(self, name, template, context, relative_urls=False, **made_from) -> bool:
        """Link the page `name` from the last build if the values its others are made
        from (`made_from`) and what its template reads of `context` are unchanged.

        A caller asks before working out the rest of an expensive page's context; when
        this says False it calls write_file with the same `made_from=` and the rest.
        """
        if self.reuse is None:
            return False
        page = {**made_from}
        known, content = twins(page)
        if not self._reused(name, template, context, relative_urls, {}, known, made_from):
            return False
        links = self.languages.links(page_url(name), known)
        self.listed[name] = (self.languages.alternates(links), content_date(content))
        return True

    def _reused(self, name, template, context, relative_urls, own, known, made_from=None) -> bool:
        """Link page `name` if its key is the last build's. The key covers its `own`
        values (or, given `made_from`, the values the caller makes the others of), what its
        template reads of the shared `context`, and what the page's language values and URLs
        are made of: its name, the site URL, relative URLs and its language twins (`known`)."""
        in_context, in_globals = context.__contains__, self._globals(template).get

        def shared(variable: str) -> object:  # as the template will see it (see _defer)
            return context[variable] if in_context(variable) else in_globals(variable, MISSING)

        extra = [relative_urls, self.settings.get("SITEURL"), known]
        own = own if made_from is None else made_from
        key = self.reuse.page_key(name, template, own, shared, extra, made_from)
        if not self.reuse.reuse(name, key):
            return False
        self._written_files.add(sanitised_join(self.output_path, name))
        return True

    def _globals(self, template) -> dict:
        """The template's globals as one dict (a ChainMap's lookups cost microseconds)."""
        found = self._template_globals.get(id(template))
        if found is None or found[0] is not template:
            found = self._template_globals[id(template)] = (template, dict(template.globals))
        return found[1]

    # -- rendering, on every core ------------------------------------------

    def _defer(self, name, template, context, relative_urls, override, kwargs) -> None:
        """Queue the page; Pelican's rules for writing a file twice apply as it is queued."""
        path = sanitised_join(self.output_path, name)
        if path in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(f'Failed to overwrite "{path}" a second time')
            return  # Pelican keeps the page that overrode this one
        if path in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{path}" as Pelican has already written to it previously'
            )
        if override:
            self._overridden_files.add(path)
        self._written_files.add(path)
        local = context.copy()  # as Pelican's Writer.write_file makes it
        local["localsiteurl"] = local.get("localsiteurl", None)
        if relative_urls:
            local["SITEURL"] = local["localsiteurl"] = path_to_url(get_relative_path(name))
        local["output_file"] = name
        local.update(kwargs)
        self.pending.pop(path, None)  # an override replaces what was queued
        self.pending[path] = (path, template, local, context, self._previous(name))

    def _previous(self, name: str) -> str | None:
        """Where the previous build wrote the page `name`, if brandsite.build.driver said."""
        previous = previous_output(self.settings)
        return None if previous is None else os.path.join(previous, name)

    def flush(self) -> None:
        """Render and write every queued page, sharing them between processes."""
        jobs, self.pending = list(self.pending.values()), {}
        workers = self.settings.get("RENDER_WORKERS") or os.cpu_count() or 1
        if len(jobs) < self.settings.get("RENDER_PARALLEL_MIN", 200):
            workers = 1
        try:
            run_shared(jobs, _render, workers)
        except WorkerFailed as failed:
            raise RuntimeError(str(failed)) from None

    # -- a generator's pages written beside the others -----------------------

    def write_beside(self, write) -> None:
        """Run `write()`, which writes pages through this writer, in a forked copy of this
        process while this one goes on (both cores work); what it wrote joins what this
        writer knows when the pages are all written (`_join`). With one core, run it here."""
        if not two_cores(self.settings):
            write()
            return
        self.beside.append(Background(lambda: self._written_by(write)))

    def _written_by(self, write) -> dict:
        """In the forked copy: run `write()` and say what it added to this writer."""
        self.pending = {}  # the parent's to write
        written, overridden = set(self._written_files), set(self._overridden_files)
        listed, reuse = len(self.listed), self.reuse.mark() if self.reuse is not None else None
        write()
        self.flush()
        return {
            "written": self._written_files - written,
            "overridden": self._overridden_files - overridden,
            "listed": dict(list(self.listed.items())[listed:]),
            "reuse": self.reuse.since(reuse) if self.reuse is not None else None,
        }

    def _join(self) -> None:
        """Add what the forked copies wrote (write_beside); a file both wrote fails the
        build, as writing it twice in one process would."""
        beside, self.beside = self.beside, []
        for job in beside:
            added = job.result()
            twice = added["written"] & self._written_files
            if twice:
                raise FileOverwriteFailedError(f'Failed to overwrite "{min(twice)}": two generators wrote it')
            self._written_files |= added["written"]
            self._overridden_files |= added["overridden"]
            self.listed.update(added["listed"])
            if self.reuse is not None:
                self.reuse.add(added["reuse"])

    def _flush_at_end(self, _pelican) -> None:
        if self.pending:  # a generator that did not flush its own pages
            self.flush()
        self._join()
        if self.settings.get("SITEMAP") and is_absolute(self.settings["SITEURL"]):
            self.write_sitemap()

    def write_sitemap(self) -> None:
        """sitemap.xml of every page now in the output but those marked noindex (404, search),
        rendered here, in a worker or linked from the last build alike. Written at `finalized`,
        before pelican-precompress (granular signals' "compress") gives it its .gz/.br."""
        day = build_day(self.settings.get("REGISTRY_AS_OF"), zone=self.settings.get("TIMEZONE"))
        pages = [
            SitemapPage(page_url(name), lastmod(date or day), tuple(alternates))
            for name, (alternates, date) in self._indexable()
        ]
        data = sitemap_xml(self.settings["SITEURL"], sorted(pages, key=lambda page: page.url))
        name = SITE_URLS["sitemap"]
        path = sanitised_join(self.output_path, name)
        if path in self._written_files:
            raise FileOverwriteFailedError(f'Failed to overwrite "{path}" with the sitemap')
        self._written_files.add(path)
        write_or_link(path, data, self._previous(name))

    def _indexable(self):
        """(name, (alternates, date)) of every HTML page of the output but noindex ones."""
        for folder, _dirs, files in os.walk(self.output_path):
            for file in files:
                if not file.endswith(".html"):
                    continue
                path = os.path.join(folder, file)
                if is_noindex(_head_of(path)):
                    continue
                name = os.path.relpath(path, self.output_path).replace(os.sep, "/")
                yield name, self.listed.get(name, ((), None))

    def _open_w(self, filename, encoding, override=False):
        # A file linked from the previous output must never be written through:
        # that would change the published site in place.
        if os.path.lexists(filename) and not (filename in self._overridden_files and not override):
            os.unlink(filename)
        return super()._open_w(filename, encoding, override)

    def page_languages(self, name: str, siteurl: str, known: dict[str, str] | None) -> dict:
        url = page_url(name)
        here = self.languages.of_url(url)
        links = self.languages.links(url, known)
        localized = {
            key: self.settings[f"{key}_{here.code.upper()}"]
            for key in LOCALIZED_SETTINGS
            if here.prefix and self.settings.get(f"{key}_{here.code.upper()}")
        }
        return {
            **localized,
            "page_lang": here.code,
            "html_lang": here.tag,
            "page_url": url,
            "LANG_SITEURL": f"{siteurl}/{here.prefix.rstrip('/')}" if here.prefix else siteurl,
            "language_links": links,
            "alternates": self.languages.alternates(links),
        }


def twins(page: dict) -> tuple[dict[str, str] | None, object]:
    """The page's known language twins ({lang: url}, None: mirrored) and its story or page;
    takes `lang_twins` out of `page`."""
    known = page.pop("lang_twins", None)
    content = page.get("article") or page.get("page")
    return (known if content is None else translation_urls(content)), content


def story_values(content) -> dict:
    """What a story's page shows of the brands it names (set by brand_pages), as values of
    their own: the page's key follows them, while a story itself is its files (gathered)."""
    if content is None or not hasattr(content, "brand_objects"):
        return {}
    return {
        "story_brands": content.brand_objects,
        "story_regions": content.brand_regions,
        "story_categories": content.brand_categories,
    }


def content_date(content):
    """When a story or page last changed (modified, else date), if it says."""
    return getattr(content, "modified", None) or getattr(content, "date", None)


def _render(job) -> None:
    path, template, local, context, previous = job
    if local["localsiteurl"]:
        context["localsiteurl"] = local["localsiteurl"]  # read by content's links, as in Pelican
    write_or_link(path, template.render(local).encode("utf-8"), previous)
    signals.content_written.send(path, context=local)


def _head_of(path: str, chunk: int = 16384) -> bytes:
    """The page up to its </head> (all of it if it has none): pages are large, heads are not."""
    with open(path, "rb") as page:
        data = page.read(chunk)
        while b"</head>" not in data:
            more = page.read(chunk)
            if not more:
                break
            data += more
    return data


def previous_output(settings: dict):
    """The last build's output, whose identical files are linked, not written (brandsite.build.driver)."""
    reuse = settings.get(PAGE_REUSE)
    return reuse.previous_output if reuse is not None else None


def write_beside_others(generators, kinds: tuple[type, ...], from_the_start: bool = False) -> None:
    """Pelican's all_generators_finalized: with more than one core, the generators of `kinds`
    write their pages, in Pelican's order, in a forked copy of the build, started when the
    first of them would write (`from_the_start`: when the first generator of all would, for
    generators whose output needs nothing but the contexts), while the others write theirs."""
    beside = [generator for generator in generators if isinstance(generator, kinds)]
    if not beside or not two_cores(beside[0].settings):
        return
    if any(_starts_a_copy(generator) for generator in beside):  # its output would run in the copy
        raise RuntimeError(
            "a generator written beside the others starts another copy of the build: "
            "list the plugin whose generators write from the start after the others in PLUGINS"
        )
    outputs = [generator.generate_output for generator in beside]
    for generator in beside:
        generator.generate_output = _written_beside
    starter = generators[0] if from_the_start else beside[0]
    then = None if starter in beside else starter.generate_output
    starter.generate_output = functools.partial(_generate_beside, outputs, then)


def _starts_a_copy(generator) -> bool:
    output = generator.generate_output
    return isinstance(output, functools.partial) and output.func is _generate_beside


def _generate_beside(outputs: list, then, writer) -> None:
    def write() -> None:
        for generate_output in outputs:
            generate_output(writer)

    if hasattr(writer, "write_beside"):
        writer.write_beside(write)
    else:
        write()
    if then is not None:  # the output of the generator that started the copy
        then(writer)


def _written_beside(writer) -> None:
    """A generator whose pages the forked copy writes (write_beside_others)."""


def flush_pages(_generator, writer=None) -> None:
    """Pelican's article_writer_finalized / page_writer_finalized: write what they queued."""
    if hasattr(writer, "flush"):
        writer.flush()
