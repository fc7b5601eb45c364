"""Load the UI message catalogues (`translations/<lang>/LC_MESSAGES/messages.po`).

The .po files are compiled in memory on every build, so no binary .mo file is
committed or can go stale. Pure: knows Babel, not Pelican or Jinja.
"""

from __future__ import annotations

import gettext
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import Translations

from brandsite.brand_registry.issues import Issue, display_path
from brandsite.brand_registry.messages import msg

from .languages import Languages

DOMAIN = "messages"


def catalog_path(folder: Path, lang: str) -> Path:
    return folder / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def load_catalogues(settings: dict) -> tuple[dict[str, gettext.NullTranslations], list[Issue]]:
    """The catalogues the settings name (LANGUAGES, TRANSLATIONS_PATH), and any problems."""
    languages = Languages(settings["LANGUAGES"], settings["DEFAULT_LANG"])
    root = Path(settings.get("PROJECT_ROOT") or Path(settings["PATH"]).parent)
    folder = Path(settings.get("TRANSLATIONS_PATH") or root / "translations")
    issues: list[Issue] = []
    loaded = load_translations(folder, [lang.code for lang in languages.all], languages.default, root, issues)
    return loaded, issues


def load_translations(
    folder: Path, langs: list[str], default: str, root: Path, issues: list[Issue]
) -> dict[str, gettext.NullTranslations]:
    """A gettext object per language. The default language needs no catalogue:
    its msgids are the text."""
    loaded: dict[str, gettext.NullTranslations] = {default: gettext.NullTranslations()}
    for lang in langs:
        if lang == default:
            continue
        path = catalog_path(folder, lang)
        if path.is_file():
            loaded[lang] = compile_catalog(path, lang, display_path(path, root), issues)
        else:
            issues.append(Issue(display_path(path, root), 0, "", msg("catalogue_missing")))
            loaded[lang] = gettext.NullTranslations()
    return loaded


def compile_catalog(path: Path, lang: str, shown: str, issues: list[Issue]) -> gettext.NullTranslations:
    """Compile one .po file; report syntax errors and broken placeholders."""
    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang, abort_invalid=True)
    except PoFileError as exc:
        problem = str(exc).rsplit(" on ", 1)[0]  # Babel counts lines from 0 here
        issues.append(Issue(shown, exc.lineno + 1, "", msg("catalogue_syntax", problem=problem)))
        return gettext.NullTranslations()
    for message, errors in catalog.check():
        for error in errors:
            issues.append(
                Issue(
                    shown,
                    message.lineno or 0,
                    "msgstr",
                    msg("catalogue_entry", problem=str(error), msgid=_short(message.id)),
                )
            )
    compiled = BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out: their msgid is shown
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def _short(msgid) -> str:
    text = msgid[0] if isinstance(msgid, tuple) else msgid
    return repr(text if len(text) <= 30 else text[:29] + "…")
