"""brandsite.build.rebuild.look_back: what the previous build of an output was made from,
and whether anything changed since; a second look of the same build reuses the first."""

from __future__ import annotations

import time
from pathlib import Path

from brandsite.build.rebuild import look_back
from brandsite.file_stamp import RACY_NS
from brandsite.incremental.record import Record, tree_digest


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def small_project(root: Path) -> tuple[dict, str, Path]:
    """Settings as Pelican would give them, the settings file, and a built output."""
    settings_file = write(root / "conf.py", "PATH = 'content'\n")
    write(root / "content" / "stories" / "a.md", "---\ntitle: A\n---\n")
    write(root / "brands" / "pear" / "index.md", "---\nname: 梨\n---\n")
    write(root / "theme" / "base.html", "<html>")
    write(root / "output" / "index.html", "home")
    settings = {
        "PATH": str(root / "content"),
        "THEME": str(root / "theme"),
        "CACHE_PATH": str(root / "cache"),
        "ARTICLE_PATHS": ["stories"],
        "RENDER_WORKERS": 2,
    }
    return settings, str(settings_file), root / "output"


def record_build(settings: dict, settings_file: str, output: Path) -> None:
    """Save the record a build of these inputs into `output` would leave."""
    looked = look_back(settings, settings_file, output, None, False, ())
    Record(looked.fingerprint, output.stat().st_ino, tree_digest(output)).save(looked.record_path)


def test_nothing_changed_only_when_inputs_and_output_are_as_recorded(tmp_path):
    settings, settings_file, output = small_project(tmp_path)
    time.sleep(RACY_NS / 1e9)  # files written just now are hashed too (stamps.stamp)
    assert not look_back(settings, settings_file, output, None, False, ()).unchanged  # no record yet
    record_build(settings, settings_file, output)
    assert look_back(settings, settings_file, output, None, False, ()).unchanged
    assert not look_back(settings, settings_file, output, None, True, ()).unchanged  # --force
    assert not look_back(settings, settings_file, output, "https://example.org", False, ()).unchanged

    write(output / "index.html", "edited by hand")  # inputs as before, output not
    assert not look_back(settings, settings_file, output, None, False, ()).unchanged
    record_build(settings, settings_file, output)
    write(tmp_path / "content" / "stories" / "a.md", "---\ntitle: B\n---\n")
    assert not look_back(settings, settings_file, output, None, False, ()).unchanged


def test_a_second_look_reuses_the_first_scan_only_if_it_names_the_same_things(tmp_path):
    settings, settings_file, output = small_project(tmp_path)
    first = look_back(settings, settings_file, output, None, False, ())
    again = look_back(settings, settings_file, output, None, False, (), first)
    assert again.inputs is first.inputs
    other_theme = {**settings, "THEME": str(tmp_path / "content")}
    for different in (
        look_back(other_theme, settings_file, output, None, False, (), first),
        look_back(settings, settings_file, output, "https://example.org", False, (), first),
        look_back(
            {**settings, "REGISTRY_AS_OF": "2020-01-01"}, settings_file, output, None, False, (), first
        ),
    ):
        assert different.inputs is not first.inputs


def test_a_second_look_with_force_finds_something_to_do(tmp_path):
    settings, settings_file, output = small_project(tmp_path)
    time.sleep(RACY_NS / 1e9)
    record_build(settings, settings_file, output)
    first = look_back(settings, settings_file, output, None, False, ())
    assert first.unchanged
    assert not look_back(settings, settings_file, output, None, True, (), first).unchanged
