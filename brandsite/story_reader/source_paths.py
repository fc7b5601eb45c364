"""Content.get_relative_source_path, worked out once per content folder and file.

Pelican works an Article's path out again (a join, four normalisations and a
relpath) each time its `url` or `save_as` is read, which a build does three
times a story: at 3,000 stories that was a fifth of a one-story rebuild's
page step. The answer depends only on the folder, the file and, when either is
relative, the working folder; `install` puts this memoised twin in its place.
"""

from __future__ import annotations

import functools
import os

from pelican.contents import Content
from pelican.utils import posixize_path

PELICANS = Content.get_relative_source_path


def relative_source_path(self: Content, source_path: str | None = None) -> str | None:
    """What Pelican's `Content.get_relative_source_path` returns."""
    if not source_path:
        source_path = self.source_path
    if source_path is None:
        return None
    return _relative(self.settings["PATH"], source_path, os.getcwd())


@functools.lru_cache(maxsize=1 << 16)
def _relative(folder: str, source_path: str, _working_folder: str) -> str:
    return posixize_path(
        os.path.relpath(os.path.abspath(os.path.join(folder, source_path)), os.path.abspath(folder))
    )


def install() -> None:
    Content.get_relative_source_path = relative_source_path  # type: ignore[method-assign]
