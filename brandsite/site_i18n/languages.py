"""Which language a page is in, and where the same page lives in the others.

Pure: works on output paths and on anything with `lang`, `url` and
`translations` (Pelican articles and pages), and knows nothing of Pelican.
The default language's pages sit at the site root; every other language
mirrors them under a folder named after it (`en/brands/...`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # Pelican's `lang`: "zh", "en"
    tag: str  # BCP 47, for <html lang> and hreflang: "zh-CN"
    name: str  # the language's own name, shown in the switcher
    prefix: str  # URL folder of its pages: "" for the default language, "en/"


@dataclass(frozen=True)
class LanguageLink:
    """An entry of the language switcher."""

    language: Language
    url: str  # site-relative
    exact: bool  # the same page in that language (not a fallback to its home page)
    current: bool


class Languages:
    def __init__(self, languages: dict[str, tuple[str, str]], default: str):
        if default not in languages:
            raise ValueError(f'DEFAULT_LANG "{default}" is not in LANGUAGES')
        self.default = default
        self.all = [
            Language(code, tag, name, "" if code == default else f"{code}/")
            for code, (tag, name) in languages.items()
        ]
        self.by_code = {lang.code: lang for lang in self.all}

    def of_url(self, url: str) -> Language:
        """The language of a page, from its site-relative URL."""
        for lang in self.all:
            if lang.prefix and url.startswith(lang.prefix):
                return lang
        return self.by_code[self.default]

    def twin_url(self, url: str, code: str) -> str:
        """The URL of the same page in language `code`."""
        bare = url.removeprefix(self.of_url(url).prefix)
        return self.by_code[code].prefix + bare

    def links(self, url: str, known: dict[str, str] | None = None) -> list[LanguageLink]:
        """One link for each language. `known` maps languages to the page's
        translations (e.g. a story's); languages missing from it link to their
        home page. Without `known`, every language mirrors the URL."""
        here = self.of_url(url)
        links = []
        for lang in self.all:
            if lang == here:
                links.append(LanguageLink(lang, url, True, True))
            elif known is None:
                links.append(LanguageLink(lang, self.twin_url(url, lang.code), True, False))
            elif lang.code in known:
                links.append(LanguageLink(lang, known[lang.code], True, False))
            else:
                links.append(LanguageLink(lang, lang.prefix, False, False))
        return links

    def alternates(self, links: list[LanguageLink]) -> list[tuple[str, str]]:
        """(hreflang, url) pairs for <link rel="alternate">: only for pages that
        exist in more than one language, with x-default on the default one."""
        exact = [link for link in links if link.exact]
        if len(exact) < 2:
            return []
        pairs = [(link.language.tag, link.url) for link in exact]
        default = next((link for link in exact if link.language.code == self.default), None)
        if default:
            pairs.append(("x-default", default.url))
        return pairs


def page_url(save_as: str) -> str:
    """The URL a folder-style output file is served at: `a/index.html` -> `a/`."""
    if save_as == "index.html":
        return ""
    return save_as.removesuffix("index.html") if save_as.endswith("/index.html") else save_as


def in_language(content, code: str):
    """The translation of a story or page in `code`, else the content itself."""
    if getattr(content, "lang", None) == code:
        return content
    return next((t for t in getattr(content, "translations", ()) if t.lang == code), content)


def translation_urls(content) -> dict[str, str]:
    """{lang: url} of a story or page and all its translations."""
    found = {t.lang: t.url for t in getattr(content, "translations", ())}
    found[content.lang] = content.url
    return found
