"""The UI catalogues: compiled by the build, complete, and in step with the templates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po
from sitebuild import ROOT

from brandsite.site_i18n.catalogs import compile_catalog, load_translations

PO_HEADER = (
    'msgid ""\nmsgstr ""\n'
    '"Content-Type: text/plain; charset=utf-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)


def write_po(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "en" / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True)
    path.write_text(PO_HEADER + body, encoding="utf-8")
    return path


def test_translations_fuzzy_entries_and_plurals(tmp_path):
    write_po(
        tmp_path,
        'msgid "品牌"\nmsgstr "Brand"\n\n'
        '#, fuzzy\nmsgid "质量奖"\nmsgstr "Quality award (unchecked)"\n\n'
        'msgid "%(count)s 个品牌"\nmsgid_plural "%(count)s 个品牌"\n'
        'msgstr[0] "%(count)s brand"\nmsgstr[1] "%(count)s brands"\n',
    )
    issues = []
    loaded = load_translations(tmp_path, ["zh", "en"], "zh", tmp_path, issues)
    assert issues == []
    assert loaded["en"].gettext("品牌") == "Brand"
    assert loaded["en"].gettext("质量奖") == "质量奖"  # fuzzy: not trusted, the msgid shows
    assert loaded["en"].ngettext("%(count)s 个品牌", "%(count)s 个品牌", 2) == "%(count)s brands"
    assert loaded["zh"].gettext("品牌") == "品牌"  # the default language has no catalogue


def test_a_missing_catalogue_is_an_error(tmp_path):
    issues = []
    load_translations(tmp_path / "translations", ["zh", "en"], "zh", tmp_path, issues)
    assert [i.english() for i in issues] == [
        "translations/en/LC_MESSAGES/messages.po: file is missing: run `make translations`, then translate it"
    ]
    assert issues[0].chinese() == "文件不存在：请运行 make translations，然后翻译其中的条目"


def test_broken_placeholder_and_syntax_are_reported_with_file_and_line(tmp_path):
    path = write_po(tmp_path, 'msgid "截至 %(day)s"\nmsgstr "As of %(date)s"\n')
    issues = []
    compile_catalog(path, "en", "translations/en/LC_MESSAGES/messages.po", issues)
    assert [i.english() for i in issues] == [
        "translations/en/LC_MESSAGES/messages.po:6: msgstr: unknown named placeholder 'date' "
        "(msgid '截至 %(day)s')"
    ]
    path.write_text(PO_HEADER + 'msgid "品牌"\nmsgtsr "Brand"\n', encoding="utf-8")
    issues = []
    compile_catalog(path, "en", "messages.po", issues)
    assert [i.english() for i in issues] == [
        "messages.po:7: not a valid .po file: Unknown or misformatted keyword"
    ]


def messages(path: Path) -> dict:
    with path.open("rb") as handle:
        return {(m.context, m.id): m for m in read_po(handle) if m.id}


def test_catalogue_is_in_step_with_the_templates(tmp_path):
    """`make translations` was run after the last template change."""
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            str(Path(sys.executable).parent / "pybabel"),
            "--quiet",
            "extract",
            "-F",
            "babel.cfg",
            "-o",
            str(fresh),
            ".",
        ],
        cwd=ROOT,
        check=True,
    )
    extracted = set(messages(fresh))
    assert len(extracted) > 100
    assert set(messages(ROOT / "translations" / "messages.pot")) == extracted
    assert set(messages(ROOT / "translations/en/LC_MESSAGES/messages.po")) >= extracted


def test_english_catalogue_is_complete_and_checks_clean():
    catalogue = messages(ROOT / "translations/en/LC_MESSAGES/messages.po")
    untranslated = [
        key
        for key, m in catalogue.items()
        if m.fuzzy or not all(m.string if isinstance(m.string, tuple) else [m.string])
    ]
    assert untranslated == []
    issues = []
    compile_catalog(ROOT / "translations/en/LC_MESSAGES/messages.po", "en", "messages.po", issues)
    assert issues == []
