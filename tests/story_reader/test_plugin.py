"""The story reader plugin's glue: the source paths it memoises, the caches it saves."""

import os
from types import SimpleNamespace

import pytest

from brandsite.story_reader import source_paths


@pytest.mark.parametrize(
    "folder, source, asked",
    [
        ("/site/content", "/site/content/stories/a.md", None),
        ("/site/content/", "/site/content/stories/../stories/b.md", None),
        ("/site/content", "/elsewhere/c.md", None),
        ("content", "content/stories/d.md", None),
        ("content", "/abs/content/stories/e.md", None),
        ("/site/content", "/site/content/stories/a.md", "/site/content/pages/p.md"),
        ("/site/content", None, None),
    ],
)
def test_the_same_as_pelicans(folder, source, asked):
    content = SimpleNamespace(settings={"PATH": folder}, source_path=source)
    expected = source_paths.PELICANS(content, asked)
    assert source_paths.relative_source_path(content, asked) == expected
    assert source_paths.relative_source_path(content, asked) == expected  # from the memo


def test_a_relative_folder_follows_the_working_folder(tmp_path, monkeypatch):
    content = SimpleNamespace(settings={"PATH": "content"}, source_path=str(tmp_path / "content/a.md"))
    monkeypatch.chdir(tmp_path)
    assert source_paths.relative_source_path(content) == "a.md"
    os.mkdir(tmp_path / "sub")
    monkeypatch.chdir(tmp_path / "sub")
    # ./sub/content is the folder now, which the file is not in
    found = source_paths.relative_source_path(content)
    assert found == source_paths.PELICANS(content) == "../../content/a.md"


def test_installed_by_the_story_reader_plugin():
    from pelican.contents import Content

    from plugins import story_reader

    story_reader.register()
    assert Content.get_relative_source_path is source_paths.relative_source_path


def test_the_plugin_saves_the_caches_unless_the_build_driver_will(monkeypatch):
    from brandsite.incremental.pages import SETTING
    from brandsite.story_reader import kept_articles
    from plugins import story_reader

    saved = []
    monkeypatch.setattr(kept_articles, "save_all", lambda: saved.append("saved"))
    story_reader.save_memo(SimpleNamespace(settings={}))  # `pelican` itself
    assert saved == ["saved"]
    story_reader.save_memo(SimpleNamespace(settings={SETTING: object()}))  # the driver saves later
    assert saved == ["saved"]
