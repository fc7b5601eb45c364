from types import SimpleNamespace

import pytest

from brandsite.site_i18n.languages import Languages, in_language, page_url, translation_urls

LANGS = Languages({"zh": ("zh-CN", "中文"), "en": ("en", "English")}, "zh")


def test_language_of_a_url_and_its_twin():
    assert LANGS.of_url("brands/x/").code == "zh"
    assert LANGS.of_url("en/brands/x/").code == "en"
    assert LANGS.of_url("energy/").code == "zh"  # a folder that only starts with "en"
    assert LANGS.twin_url("brands/x/", "en") == "en/brands/x/"
    assert LANGS.twin_url("en/brands/x/", "zh") == "brands/x/"
    assert LANGS.twin_url("", "en") == "en/"


def test_links_mirror_the_url_unless_translations_are_known():
    links = LANGS.links("en/regions/650000/")
    assert [(link.language.code, link.url, link.exact, link.current) for link in links] == [
        ("zh", "regions/650000/", True, False),
        ("en", "en/regions/650000/", True, True),
    ]
    assert LANGS.alternates(links) == [
        ("zh-CN", "regions/650000/"),
        ("en", "en/regions/650000/"),
        ("x-default", "regions/650000/"),
    ]

    story = LANGS.links("stories/x/", {"zh": "stories/x/"})  # no English translation
    assert [(link.url, link.exact) for link in story] == [("stories/x/", True), ("en/", False)]
    assert LANGS.alternates(story) == []


def test_default_language_must_be_listed():
    with pytest.raises(ValueError, match="DEFAULT_LANG"):
        Languages({"en": ("en", "English")}, "zh")


def test_page_url_and_translations():
    assert page_url("index.html") == ""
    assert page_url("en/brands/x/index.html") == "en/brands/x/"
    assert page_url("404.html") == "404.html"
    english = SimpleNamespace(lang="en", url="en/stories/x/", translations=[])
    chinese = SimpleNamespace(lang="zh", url="stories/x/", translations=[english])
    english.translations = [chinese]
    assert in_language(chinese, "en") is english
    assert in_language(chinese, "zh") is chinese
    assert in_language(chinese, "fr") is chinese
    assert translation_urls(english) == {"zh": "stories/x/", "en": "en/stories/x/"}
