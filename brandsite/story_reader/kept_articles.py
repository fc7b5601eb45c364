"""Stories read into Pelican Articles, kept between builds.

Pelican makes an Article of every story on every build: at 3,000 stories that
is about a second of a one-story rebuild. Its own content cache cannot stand
in: it trusts mtimes alone, pickles the settings (which hold our Jinja filters)
and fails on a damaged file. This one keys an Article by the site's digest
(code, theme, settings, shared files: see incremental.inputs) and the stamp of
the story's file, so an edit anywhere the Article may come from is a miss.

An Article is pickled as soon as it is read, before other plugins attach things
to it (translations, taxonomy); the build's settings and shared context are not
pickled but named, and the current build's are put back when it is loaded. An
entry also names the parse results (memo) the reader made the Article from,
kept with it for the day the site changes and every story is read again. The
file is kept as the memo's is (memo.KeptFile), and unpickled by a loader that
builds only the classes an Article is made of.
"""

from __future__ import annotations

import io
import os
import pickle
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pelican.urlwrappers import URLWrapper

from brandsite.brand_registry import checked, memo
from brandsite.brand_registry.memo import KeptFile

FILE_NAME = "articles.pickle"
FORMAT = "story-articles-2"
_ALLOWED_NAMES = {
    ("pelican.contents", "Article"),
    ("pelican.urlwrappers", "Category"),
    ("pelican.urlwrappers", "Tag"),
    ("pelican.urlwrappers", "Author"),
    ("pelican.utils", "SafeDatetime"),
    ("datetime", "datetime"),
    ("datetime", "date"),
    ("datetime", "timezone"),
    ("datetime", "timedelta"),
    ("zoneinfo", "ZoneInfo"),
    ("brandsite.brand_registry.model", "Image"),
}
_allowed: dict[tuple[str, str], Any] = {}  # found once per process, not once per Article


def _zone_unpickler(owner, name):
    """The one `getattr` an Article's pickle holds: ZoneInfo pickles by `ZoneInfo._unpickle`."""
    if owner is ZoneInfo and name == "_unpickle":
        return ZoneInfo._unpickle
    raise pickle.UnpicklingError(f"getattr({owner!r}, {name!r}) is not allowed in the kept articles")


class _Pickler(pickle.Pickler):
    def __init__(self, file, shared: dict[str, Any]):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.names = {id(value): name for name, value in shared.items()}

    def persistent_id(self, obj):
        return self.names.get(id(obj))


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, shared: dict[str, Any]):
        super().__init__(file)
        self.shared = shared

    def persistent_load(self, name):
        try:
            return self.shared[name]
        except KeyError:
            raise pickle.UnpicklingError(f"unknown shared object {name!r}") from None

    def find_class(self, module, name):
        if (module, name) == ("builtins", "getattr"):
            return _zone_unpickler
        if (module, name) == ("pathlib", "PosixPath"):
            return memo.unpickled_path
        found = _allowed.get((module, name))
        if found is None and (module, name) in _ALLOWED_NAMES:
            found = _allowed[module, name] = super().find_class(module, name)
        if found is not None:
            return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the kept articles")


class KeptArticles(KeptFile):
    """Pelican's `get_cached_data` and `cache_data`, for one generator's build."""

    file_name = FILE_NAME
    form = FORMAT
    modules = ("memo.py",)  # the key covers the code that makes an Article
    label = "Story cache"

    def __init__(self):
        super().__init__()
        self.shared: dict[str, Any] = {}
        self.base = ""
        self.key_of = None
        self.kept = self.read = 0  # this build's
        self.parsed: dict[str, set[str]] = {}  # story file -> the memo entries reading it used

    def begin(self, folder: Path | None, base: str, key_of, settings: dict, context: dict) -> None:
        """A build starts. `key_of(path)` is the key of a story file (absolute path), or None
        when the file is not known; `settings` and `context` are the generator's."""
        super().begin(folder)
        self.base = base
        self.key_of = key_of
        self.shared = {"settings": settings, "context": context}
        self.kept = self.read = 0
        self.parsed = {}

    def note_parsed(self, path: str, names: set[str]) -> None:
        """The reader read the file at `path` (absolute) from these memo entries."""
        self.parsed[path] = names

    def _key(self, source: str) -> str | None:
        return self.key_of(os.path.join(self.base, source)) if self.key_of else None

    def get_cached_data(self, source: str, default=None):
        key = self._key(source)
        data = self.entry(key) if key else None
        if data is None:
            return default
        try:
            parsed, article = _Unpickler(io.BytesIO(data), self.shared).load()
        except Exception:
            return default
        self.used[key] = data
        memo.keep(parsed)
        self.kept += 1
        return article

    def cache_data(self, source: str, article) -> None:
        key = self._key(source)
        if key is None:
            return
        self.read += 1
        parsed = sorted(self.parsed.pop(os.path.abspath(os.path.join(self.base, source)), ()))
        _work_out_slugs(article)
        buffer = io.BytesIO()
        try:
            _Pickler(buffer, self.shared).dump((parsed, article))
        except Exception:
            return
        self.used[key] = buffer.getvalue()

    def summary(self) -> str:
        return f"Stories: {self.read} read, {self.kept} kept from the last build"


_kept = KeptArticles()  # the process's: a build runs in one process
begin = _kept.begin
summary = _kept.summary
save = _kept.save
get_cached_data = _kept.get_cached_data
cache_data = _kept.cache_data
note_parsed = _kept.note_parsed


def save_all() -> None:
    """Keep for the next build what this one parsed (memo), checked (checked) and made of
    its stories (here): each file is written only if this build used other entries."""
    memo.save()
    checked.save()
    save()


def _work_out_slugs(article) -> None:
    """Slugify the article's category, authors and tags now, so that they are kept with it:
    Pelican works a slug out when it is first read, 3,000 times a build at 3,000 stories."""
    authors = getattr(article, "authors", None) or [getattr(article, "author", None)]
    for wrapper in [getattr(article, "category", None), *authors, *(getattr(article, "tags", None) or ())]:
        if isinstance(wrapper, URLWrapper):
            _ = wrapper.slug
