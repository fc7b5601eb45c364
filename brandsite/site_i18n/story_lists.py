"""Pelican glue: the story lists (archive, categories, tags) in every language, paginated.

Pelican writes none of them itself (pelicanconf.py: "archives" is not a
direct template and CATEGORY_SAVE_AS / TAG_SAVE_AS are empty): it would write
every page of a list with the context of its first page (see `pagination`).
Here each page is written on its own, in each language, at the list's URL
(`stories/`, `en/stories/category/<slug>/`) and then `<list>/page/<n>/`.

The lists hold the same stories in every language; templates show each in
the page's language when it has a translation (the `in_language` filter).
"""

from __future__ import annotations

from pelican.generators import Generator

from brandsite.pagination import page_size, paginate

from .languages import Languages
from .writer import flush_pages


def folder_save_as(url: str, setting: str) -> str:
    """The file a folder-style list URL is served from: `stories/` -> `stories/index.html`."""
    if not url.endswith("/"):
        raise ValueError(f'{setting} must end with "/" (a folder), not "{url}"')
    return f"{url}index.html"


# Pelican's list pages, each with the setting that turns it off when empty.
PELICAN_LISTS = (
    ("TAG_SAVE_AS", "generate_tags"),
    ("CATEGORY_SAVE_AS", "generate_categories"),
    ("AUTHOR_SAVE_AS", "generate_authors"),
)


def skip_unwritten_lists(generator) -> None:
    """Pelican's ArticlesGenerator works out each tag's, category's and author's
    stories by date even when it writes no page for them, at a cost of lists ×
    stories (0.2 s a build at 3,000 stories): skip the lists it does not write."""
    for setting, method in PELICAN_LISTS:
        if not generator.settings.get(setting):
            setattr(generator, method, _write_nothing)


def _write_nothing(write) -> None:
    pass


class StoryListsGenerator(Generator):
    def generate_context(self) -> None:
        self.languages = Languages(self.settings["LANGUAGES"], self.settings["DEFAULT_LANG"])

    def generate_output(self, writer) -> None:
        articles = self.context.get("articles", [])
        lists = [("archives", self.settings["ARCHIVES_URL"], "ARCHIVES_URL", articles, {})]
        for kind, listing in (("category", "categories"), ("tag", "tags")):
            for item, listed in self.context.get(listing, []):
                lists.append(
                    (kind, item.url, f"{kind.upper()}_URL", listed, {kind: item, "page_name": item.page_name})
                )
        for lang in self.languages.all:
            for template, url, setting, listed, extra in lists:
                self._write_list(
                    writer,
                    lang.prefix + url,
                    folder_save_as(url, setting),
                    template,
                    listed,
                    lang.prefix,
                    extra,
                )
        flush_pages(self, writer)

    def _write_list(
        self, writer, url: str, save_as: str, template: str, listed: list, prefix: str, extra: dict
    ) -> None:
        size = page_size(self.settings, template)
        for name, _url, variables in paginate(prefix + save_as, url, listed, size, self.settings, "articles"):
            # paginated={}: this is one page already (Pelican would paginate `articles` again)
            writer.write_file(
                name,
                self.get_template(template),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                paginated={},
                blog=True,
                articles=listed,
                **variables,
                **extra,
            )
