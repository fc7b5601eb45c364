"""Pelican glue: write the story lists Pelican writes once (home, story
archive, search, story categories and tags) again for every other language.

The lists hold the same stories; templates show each in the page's language
when it has a translation (the `in_language` filter).
"""

from __future__ import annotations

from pelican.generators import Generator

from .languages import Languages
from .writer import flush_pages


class TwinPagesGenerator(Generator):
    def generate_context(self) -> None:
        self.languages = Languages(self.settings["LANGUAGES"], self.settings["DEFAULT_LANG"])

    def generate_output(self, writer) -> None:
        relative = self.settings["RELATIVE_URLS"]
        articles = self.context.get("articles", [])
        dates = self.context.get("dates", articles)
        for lang in self.languages.all:
            if not lang.prefix:
                continue

            def write(save_as: str, template: str, **page) -> None:
                writer.write_file(lang.prefix + save_as, self.get_template(template), self.context,
                                  relative_urls=relative, blog=True, **page)

            for name in self.settings["DIRECT_TEMPLATES"]:
                save_as = self.settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
                write(save_as, name, page_name=name, template_name=name,
                      articles=articles, dates=dates)
            for kind, listing in (("category", "categories"), ("tag", "tags")):
                for item, listed in self.context.get(listing, []):
                    write(item.save_as, kind, template_name=kind, page_name=item.page_name,
                          articles=listed, dates=[a for a in dates if a in listed], **{kind: item})
        flush_pages(self, writer)
