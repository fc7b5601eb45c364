"""The inputs that pages show by their files, not by their attributes.

A brand is its bundle's files; a story or page is its file and its
translations'; an image is its file. Everything else a template receives is
fingerprinted by value (`gathered`). What a story's page shows of the brands it
names reaches its template as values of their own (site_i18n.writer.story_values):
no template reads them from the story.
"""

from __future__ import annotations

import dataclasses

from pelican.contents import Content
from pelican.paginator import Page as ListPage
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper

from brandsite.brand_registry.model import Brand, Image

from .gathered import Identity
from .inputs import Inputs


def identities(inputs: Inputs) -> list[tuple[type, Identity]]:
    """(type, identity) pairs for `gathered.Fingerprints`, stamped by `inputs`."""

    def content(item: Content) -> object:
        versions = [item, *(getattr(item, "translations", None) or ())]
        return inputs.files_digest(
            [path for version in versions for path in inputs.family(version.source_path)]
        )

    def image(item: Image) -> object:
        path = inputs.stamp_name(item.path) or str(item.path)
        return [dataclasses.astuple(item), inputs.files_digest([path])]

    return [
        (Brand, lambda brand: inputs.bundle_digest(brand.bundle)),
        (Image, image),
        (Content, content),
        (URLWrapper, lambda wrapper: [type(wrapper).__name__, wrapper.name, wrapper.slug]),
        (
            ListPage,
            lambda page: [
                page.number,
                page.paginator.count,
                page.paginator.num_pages,
                page.object_list,
                page.url,
            ],
        ),
        (Paginator, lambda paginator: [paginator.per_page, paginator.object_list, paginator.url]),
    ]
