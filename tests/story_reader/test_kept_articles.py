"""Articles kept between builds: put back with the current build's settings and
context, missed on any other key, and never a way to run code."""

from __future__ import annotations

import pickle
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pelican.contents import Article
from pelican.settings import read_settings
from pelican.urlwrappers import Category, Tag
from pelican.utils import SafeDatetime

from brandsite.brand_registry import memo
from brandsite.story_reader.kept_articles import KeptArticles

SOURCE = "stories/pear.md"


def settings_and_context(tmp_path: Path) -> tuple[dict, dict]:
    settings = read_settings(None, override={"PATH": str(tmp_path), "TIMEZONE": "Asia/Shanghai"})
    settings["JINJA_FILTERS"] = {"shout": lambda text: text.upper()}  # what Pelican's own cache cannot pickle
    return settings, {"static_content": {}, "generated_content": {}}


def make_article(settings: dict, context: dict, base: Path) -> Article:
    metadata = {
        "title": "库尔勒香梨标准化",
        "category": Category("标准化", settings),
        "tags": [Tag("认证", settings)],
        "date": SafeDatetime(2026, 3, 1, tzinfo=ZoneInfo("Asia/Shanghai")),
    }
    return Article(
        "<p>正文</p>", metadata=metadata, settings=settings, source_path=str(base / SOURCE), context=context
    )


def begin(kept: KeptArticles, folder: Path, base: Path, keys: dict, settings: dict, context: dict):
    kept.begin(folder, str(base), keys.get, settings, context)


def folders(tmp_path: Path) -> tuple[Path, Path, dict]:
    """The cache folder, the content folder, and the key of the story in it."""
    folder, base = tmp_path / "cache", tmp_path / "content"
    folder.mkdir()
    base.mkdir()
    return folder, base, {str(base / SOURCE): "key-1"}


@pytest.fixture
def saved(tmp_path):
    """A build that read one story and kept it."""
    folder, base, keys = folders(tmp_path)
    settings, context = settings_and_context(base)
    kept = KeptArticles()
    begin(kept, folder, base, keys, settings, context)
    assert kept.get_cached_data(SOURCE) is None  # first build: nothing kept
    kept.cache_data(SOURCE, make_article(settings, context, base))
    assert kept.save()
    return folder, base, keys


def test_an_article_comes_back_with_this_builds_settings_and_context(saved, tmp_path):
    folder, base, keys = saved
    settings, context = settings_and_context(base)
    kept = KeptArticles()  # a new process
    begin(kept, folder, base, keys, settings, context)
    article = kept.get_cached_data(SOURCE)
    assert article.title == "库尔勒香梨标准化" and article.content == "<p>正文</p>"
    assert article.date == SafeDatetime(2026, 3, 1, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert article.settings is settings and article._context is context
    assert article.category.settings is settings and article.tags[0].settings is settings
    assert article.url == make_article(settings, context, base).url
    assert kept.summary() == "Stories: 0 read, 1 kept from the last build"


def test_another_key_is_a_miss(saved):
    folder, base, _keys = saved
    settings, context = settings_and_context(base)
    kept = KeptArticles()
    begin(kept, folder, base, {str(base / SOURCE): "key-2"}, settings, context)  # the file changed
    assert kept.get_cached_data(SOURCE, "missed") == "missed"
    begin(kept, folder, base, {}, settings, context)  # the scan did not see it
    assert kept.get_cached_data(SOURCE, "missed") == "missed"
    kept.cache_data(SOURCE, make_article(settings, context, base))
    assert kept.used == {}  # nothing to key it by: not kept


def test_a_damaged_entry_is_a_miss(saved):
    folder, base, keys = saved
    settings, context = settings_and_context(base)
    kept = KeptArticles()
    begin(kept, folder, base, keys, settings, context)
    kept.stored["key-1"] = kept.stored["key-1"][:-20]
    assert kept.get_cached_data(SOURCE, "missed") == "missed"


class _RunsCode:
    def __reduce__(self):
        return (print, ("ran",))


class _ReachesThroughGetattr:
    def __reduce__(self):
        return (getattr, (Article, "__init__"))


@pytest.mark.parametrize("payload", [_RunsCode(), _ReachesThroughGetattr()])
def test_an_entry_never_runs_code(saved, payload, capsys):
    folder, base, keys = saved
    settings, context = settings_and_context(base)
    kept = KeptArticles()
    begin(kept, folder, base, keys, settings, context)
    kept.stored["key-1"] = pickle.dumps(payload)
    assert kept.get_cached_data(SOURCE, "missed") == "missed"
    assert "ran" not in capsys.readouterr().out


def test_only_what_this_build_used_is_saved(saved):
    folder, base, keys = saved
    settings, context = settings_and_context(base)
    kept = KeptArticles()
    begin(kept, folder, base, {}, settings, context)  # the story was deleted
    assert kept.save()
    begin(kept, folder, base, keys, settings, context)
    assert KeptArticles._read(kept) == {}


def test_the_parses_an_article_was_read_from_are_kept_with_it(tmp_path):
    folder, base, keys = folders(tmp_path)
    settings, context = settings_and_context(base)
    memo.begin(folder)
    try:
        kept = KeptArticles()
        begin(kept, folder, base, keys, settings, context)
        with memo.recording() as parsed:  # what the reader does
            memo.put("html:body", "<p>正文</p>")
        kept.note_parsed(str(base / SOURCE), parsed)
        kept.cache_data(SOURCE, make_article(settings, context, base))
        kept.save()
        memo.save()
        memo.begin(None)  # the next build: the story is not read
        memo.begin(folder)
        kept = KeptArticles()
        begin(kept, folder, base, keys, settings, context)
        assert kept.get_cached_data(SOURCE) is not None
        assert "html:body" in memo._memo.used  # kept for the build that reads it again
    finally:
        memo.begin(None)
