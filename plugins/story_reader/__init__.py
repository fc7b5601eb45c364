"""Pelican plugin: read stories and pages with the registry's YAML front matter.

One front matter syntax everywhere (brands and stories), parsed by the same
bounded YAML loader, and bodies sanitised the same way. Both are memoised by
the text's hash (brand_registry.memo), kept under CACHE_PATH between builds:
a rebuild reads again only what changed, and a story validation has just
parsed is not parsed twice. Within `tools.build`, a story whose file and site
did not change is not read at all: Pelican gets the Article the last build
made of it (kept_articles).
"""

from __future__ import annotations

import html
import os
from datetime import date
from pathlib import Path

from pelican import signals
from pelican.readers import BaseReader

from brand_registry import checked, memo
from brand_registry.frontmatter import read_document
from brand_registry.images import ImageProblem, load_image
from brand_registry.markdown_body import has_url_scheme, render
from brand_registry.settings_file import memo_folder
from brand_registry.stories import name_parts
from incremental.pages import SETTING as PAGE_REUSE
from thumbnails.markup import placeholder

from . import kept_articles

STATIC = "{static}"


class StoryReader(BaseReader):
    enabled = True
    file_extensions = ["md", "markdown"]

    def read(self, source_path):
        with memo.recording() as parsed:
            doc = read_document(Path(source_path))
            images = []
            content = render(doc.body, self._image_renderer(images))
        kept_articles.note_parsed(os.path.abspath(source_path), parsed)
        metadata = {}
        slug, lang = name_parts(Path(source_path))
        for name, value in (("slug", slug), ("lang", lang)):
            if lang and name not in doc.meta:  # `x.en.md` translates `x.md`
                metadata[name] = self.process_metadata(name, value)
        for name, value in doc.meta.items():
            if value is None or value == "":  # "summary:" left empty, as in the template
                continue
            if name.lower() == "summary":  # Pelican (and its feeds) take a summary as HTML
                value = html.escape(str(value).strip(), quote=False)
            metadata[name.lower()] = self.process_metadata(name.lower(), as_text(value))
        metadata["body_images"] = tuple(images)  # registered by brand_pages for publishing
        return content, metadata

    def _image_renderer(self, images: list):
        """Body images become placeholders that the page template turns into <picture>s."""
        content_dir = Path(self.settings["PATH"])

        def render_image(src: str, alt: str):
            if has_url_scheme(src):
                return None
            name = src.removeprefix(STATIC).lstrip("/")
            try:
                image = load_image(content_dir, name, alt)
            except ImageProblem as exc:
                # Validation has already reported it; never ship a broken src.
                raise ValueError(f"image {exc}") from None
            images.append(image)
            return placeholder(name, alt)

        return render_image


def as_text(value):
    """YAML's dates, booleans and numbers as the text Pelican's own readers give it."""
    if isinstance(value, list):
        return [as_text(item) for item in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return str(value)
    return value


def add_reader(readers) -> None:
    for extension in StoryReader.file_extensions:
        readers.reader_classes[extension] = StoryReader


def open_memo(pelican) -> None:
    memo.begin(memo_folder(pelican.settings))


def keep_articles(generator) -> None:
    """Stories whose file and site did not change come back as the last build read them."""
    reuse = generator.settings.get(PAGE_REUSE)
    if reuse is None:  # not built by tools.build: nothing says what changed
        return
    kept_articles.begin(memo_folder(generator.settings), generator.path,
                        lambda path: reuse.source_key("article", path),
                        generator.settings, generator.context)
    generator.get_cached_data = kept_articles.get_cached_data
    generator.cache_data = kept_articles.cache_data
    generator.kept_articles = True


def say_what_was_read(generator) -> None:
    if getattr(generator, "kept_articles", False):
        print(kept_articles.summary())


def save_memo(_pelican) -> None:
    """The build went well: keep what it parsed and checked for the next one (and only that)."""
    memo.save()
    checked.save()
    kept_articles.save()


def register():
    signals.initialized.connect(open_memo)
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(keep_articles)
    signals.article_generator_finalized.connect(say_what_was_read)
    signals.finalized.connect(save_memo)
