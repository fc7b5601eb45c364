"""Pelican's reader for stories and pages: the registry's YAML front matter and Markdown.

Front matter is parsed by the same bounded YAML loader as brands, bodies are
sanitised the same way, and both are memoised by the text's hash
(brand_registry.memo). Body images become placeholders that the page
templates turn into <picture>s.
"""

from __future__ import annotations

import html
import os
from datetime import date
from pathlib import Path
from typing import ClassVar

from pelican.readers import BaseReader

from brandsite.brand_registry import memo
from brandsite.brand_registry.frontmatter import read_document
from brandsite.brand_registry.images import ImageProblem, load_image
from brandsite.brand_registry.markdown_body import has_url_scheme, render
from brandsite.brand_registry.stories import name_parts
from brandsite.story_reader import kept_articles
from brandsite.thumbnails.markup import placeholder

STATIC = "{static}"


class StoryReader(BaseReader):
    enabled = True
    file_extensions: ClassVar[list[str]] = ["md", "markdown"]

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
                text = as_text(html.escape(str(value).strip(), quote=False))
            else:
                text = as_text(value)
            metadata[name.lower()] = self.process_metadata(name.lower(), text)
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
