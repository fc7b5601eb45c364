"""Pelican plugin: the site in every language of the LANGUAGES setting.

- UI strings: gettext catalogues under translations/ (Babel), installed in
  Jinja2's i18n extension; each page is translated into its own language.
- Pages: every page is written per language (`en/...` mirrors the root), and
  knows its twins for the language switcher and hreflang (LanguageWriter).
- Stories and pages: `x.en.md` translates `x.md` and shares its category
  and tags.
- Story lists (archive, categories, tags): written in every language,
  paginated (StoryListsGenerator).
"""

from __future__ import annotations

from jinja2 import pass_context

from brandsite.brand_registry.issues import ValidationFailed, errors
from brandsite.site_i18n.catalogs import load_catalogues
from brandsite.site_i18n.languages import Languages, in_language

TRANSLATIONS = "_SITE_I18N_TRANSLATIONS"  # settings key of the loaded catalogues
# Pelican is imported where it is used, so that `make check` can read the catalogues without it.


def configure(pelican) -> None:
    settings = pelican.settings
    languages = Languages(settings["LANGUAGES"], settings["DEFAULT_LANG"])
    settings[TRANSLATIONS], issues = load_catalogues(settings)
    if errors(issues):
        raise ValidationFailed(issues)
    settings["JINJA_FILTERS"] = {
        **settings["JINJA_FILTERS"],
        "in_language": in_language,
        "language_tag": lambda code: languages.by_code[code].tag if code in languages.by_code else code,
    }


def install_gettext(generator) -> None:
    """Jinja2's i18n extension, with callables that pick the catalogue of the
    page being rendered (its `page_lang`) rather than one for the whole run."""
    env = generator.env
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        raise RuntimeError('JINJA_ENVIRONMENT must load the "jinja2.ext.i18n" extension')
    catalogues = generator.settings[TRANSLATIONS]
    default = generator.settings["DEFAULT_LANG"]

    def catalogue(context):
        return catalogues.get(context.get("page_lang") or default, catalogues[default])

    @pass_context
    def gettext(context, message):
        return catalogue(context).gettext(message)

    @pass_context
    def ngettext(context, singular, plural, n):
        return catalogue(context).ngettext(singular, plural, n)

    @pass_context
    def pgettext(context, msgctxt, message):
        return catalogue(context).pgettext(msgctxt, message)

    @pass_context
    def npgettext(context, msgctxt, singular, plural, n):
        return catalogue(context).npgettext(msgctxt, singular, plural, n)

    env.install_gettext_callables(gettext, ngettext, newstyle=True, pgettext=pgettext, npgettext=npgettext)


def share_taxonomy(generator) -> None:
    """A translated story is filed under its original's category and tags,
    whose pages exist in every language."""
    for article in generator.articles:
        for translation in article.translations:
            translation.category = article.category
            translation.tags = list(getattr(article, "tags", []))


def _skip_unwritten_lists(generator) -> None:
    from brandsite.site_i18n.story_lists import skip_unwritten_lists

    skip_unwritten_lists(generator)


def get_writer(pelican):
    from brandsite.site_i18n.writer import LanguageWriter

    return LanguageWriter


def _write_beside_others(generators) -> None:
    from pelican.generators import ArticlesGenerator

    from brandsite.site_i18n.story_lists import StoryListsGenerator
    from brandsite.site_i18n.writer import write_beside_others

    write_beside_others(generators, (ArticlesGenerator, StoryListsGenerator))


def _flush_pages(generator, writer=None) -> None:
    from brandsite.site_i18n.writer import flush_pages

    flush_pages(generator, writer)


def get_generators(pelican):
    from brandsite.site_i18n.story_lists import StoryListsGenerator
    from brandsite.site_i18n.twins import TwinPagesGenerator

    return TwinPagesGenerator, StoryListsGenerator


def register():
    from pelican import signals

    signals.initialized.connect(configure)
    signals.generator_init.connect(install_gettext)
    signals.article_generator_init.connect(_skip_unwritten_lists)
    signals.article_generator_finalized.connect(share_taxonomy)
    signals.get_writer.connect(get_writer)
    signals.all_generators_finalized.connect(_write_beside_others)
    signals.article_writer_finalized.connect(_flush_pages)
    signals.page_writer_finalized.connect(_flush_pages)
    signals.get_generators.connect(get_generators)
