"""Pelican plugin: read stories and pages with the registry's YAML front matter.

One front matter syntax everywhere (brands and stories), parsed by the same
bounded YAML loader, and bodies sanitised the same way. Both are memoised by
the text's hash (brand_registry.memo), kept under CACHE_PATH between builds:
a rebuild reads again only what changed, and a story validation has just
parsed is not parsed twice. Within `brandsite.build.driver`, a story whose file and site
did not change is not read at all: Pelican gets the Article the last build
made of it (kept_articles). An Article's path is worked out once, not each time its
URL is read (source_paths).
"""

from __future__ import annotations

from pelican import signals

from brandsite.brand_registry import memo
from brandsite.brand_registry.settings_file import memo_folder
from brandsite.incremental.pages import SETTING as PAGE_REUSE
from brandsite.story_reader import kept_articles, source_paths
from brandsite.story_reader.reader import StoryReader


def add_reader(readers) -> None:
    for extension in StoryReader.file_extensions:
        readers.reader_classes[extension] = StoryReader


def open_memo(pelican) -> None:
    memo.begin(memo_folder(pelican.settings))


def keep_articles(generator) -> None:
    """Stories whose file and site did not change come back as the last build read them."""
    reuse = generator.settings.get(PAGE_REUSE)
    if reuse is None:  # not built by brandsite.build.driver: nothing says what changed
        return
    kept_articles.begin(
        memo_folder(generator.settings),
        generator.path,
        lambda path: reuse.source_key("article", path),
        generator.settings,
        generator.context,
    )
    generator.get_cached_data = kept_articles.get_cached_data
    generator.cache_data = kept_articles.cache_data
    generator.kept_articles = True


def say_what_was_read(generator) -> None:
    if getattr(generator, "kept_articles", False):
        print(kept_articles.summary())


def save_memo(pelican) -> None:
    """The build went well: keep what it parsed and checked for the next one (and only that).
    Under `brandsite.build.driver`, the driver does, once the pages are ready."""
    if pelican.settings.get(PAGE_REUSE) is None:
        kept_articles.save_all()


def register():
    source_paths.install()
    signals.initialized.connect(open_memo)
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(keep_articles)
    signals.article_generator_finalized.connect(say_what_was_read)
    signals.finalized.connect(save_memo)
