"""site_i18n.story_lists.skip_unwritten_lists: Pelican's list pages we do not write cost nothing."""

from __future__ import annotations

from types import SimpleNamespace

from brandsite.site_i18n.story_lists import skip_unwritten_lists


class Generator(SimpleNamespace):
    def generate_tags(self, write):
        write("tag")

    def generate_categories(self, write):
        write("category")

    def generate_authors(self, write):
        write("author")


def written(settings: dict) -> list[str]:
    generator = Generator(settings=settings)
    skip_unwritten_lists(generator)
    calls = []
    for method in (generator.generate_tags, generator.generate_categories, generator.generate_authors):
        method(calls.append)
    return calls


def test_lists_whose_save_as_is_empty_are_skipped():
    assert written({"TAG_SAVE_AS": "", "CATEGORY_SAVE_AS": "", "AUTHOR_SAVE_AS": ""}) == []


def test_lists_that_are_written_are_left_to_pelican():
    settings = {"TAG_SAVE_AS": "tag/{slug}.html", "CATEGORY_SAVE_AS": "", "AUTHOR_SAVE_AS": "a/{slug}.html"}
    assert written(settings) == ["tag", "author"]


def test_the_plugin_does_it_for_pelicans_articles_generator():
    import site_i18n
    from pelican import signals

    site_i18n.register()
    generator = Generator(settings={"TAG_SAVE_AS": "", "CATEGORY_SAVE_AS": "", "AUTHOR_SAVE_AS": ""})
    signals.article_generator_init.send(generator)
    calls = []
    generator.generate_tags(calls.append)
    assert calls == []
