"""Pelican glue: write the pages Pelican writes once from its direct templates
(home, search) again for every other language.

The story lists are written in every language by `story_lists`.
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
            for name in self.settings["DIRECT_TEMPLATES"]:
                save_as = self.settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
                writer.write_file(
                    lang.prefix + save_as,
                    self.get_template(name),
                    self.context,
                    relative_urls=relative,
                    blog=True,
                    page_name=name,
                    template_name=name,
                    articles=articles,
                    dates=dates,
                )
        flush_pages(self, writer)
