"""Checked brands and stories kept between builds, each under the stamps of its files.

A bundle whose files did not change since the last build (nor the registry
file, the day expiry is checked for, the project folder, this package's code
or the libraries it parses with) is neither read nor checked again: its Brand
and the issues found in it come back as the last build left them. Any write
to a file of the bundle changes its stamp (size, times, inode), so an edit is
always a miss, never a stale answer.

A story is kept the same way, under its file's stamp and those of every other
file under content/ (the images it may show), only when it had no errors; on
a hit, the brands it names must still exist (otherwise it is checked again,
for the message).

    checked.begin(folder, context)   # load_site, once the registry is read
    checked.brand(bundle, load)      # the cached result, or load(issues) now
    checked.story(path, load, issues, brand_slugs, content)
    checked.save()                   # the build went well (with memo.save)

The file is kept as the memo's is (memo.KeptFile: written to a temporary name
and renamed, checksummed, ignored after a code change); its entries are
unpickled by a loader that builds only the registry's own data classes, dates
and paths, never code. Each entry names the parse results (memo) it was made
from, which are kept with it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import os
import pickle
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from brandsite.file_stamp import is_racy, stamp_of, stat_stamp

from . import memo, model
from .issues import Issue, errors
from .memo import KeptFile
from .model import Brand, Story

FILE_NAME = "checked.pickle"
FORMAT = "brand-registry-checked-3"
_ALLOWED = {
    ("brandsite.brand_registry.issues", "Issue"),
    ("brandsite.brand_registry.messages", "Message"),
    ("datetime", "date"),
    ("datetime", "datetime"),
} | {  # every data class of the model (a brand's twin holds ImageText and LicenseeText, say)
    (model.__name__, name)
    for name, kind in vars(model).items()
    if dataclasses.is_dataclass(kind) and kind.__module__ == model.__name__
}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) == ("pathlib", "PosixPath"):
            return memo.unpickled_path
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the checked-brands cache")


def _loads(data: bytes):
    return _Unpickler(io.BytesIO(data)).load()


def _dumps(entry: tuple) -> bytes:
    return pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)


class Checked(KeptFile):
    file_name = FILE_NAME
    form = FORMAT
    # Checking spans the whole package: any module of it may change a result.
    modules = tuple(
        sorted(p.name for p in Path(__file__).resolve().parent.iterdir() if p.suffix in (".py", ".json"))
    )
    label = "Checked-brands cache"

    def __init__(self):
        super().__init__()
        self.context = ""
        self.decoded: dict[str, tuple[bytes, tuple]] = {}  # preload's: key -> (its data, decoded)

    def begin(self, folder: Path | None, context: str = "") -> None:
        """A build starts; `context` is the digest of what every bundle's check depends on
        (load_site always gives it; the default only keeps KeptFile.begin's signature)."""
        if (Path(folder) if folder is not None else None) != self.folder:
            self.decoded = {}
        super().begin(folder)
        self.context = context

    def preload(self, folder: Path | None) -> None:
        """Read `folder`'s file and decode its entries now, between builds (the preview's warm
        worker): a build forked from this process takes each from here, once, undecoded
        (0.1-0.2 s of unpickling at 1,000 brands). Entries are found by key as ever.

        An entry of the same bytes as at the last preload keeps what it was decoded to (the
        builds, forked, changed only their copies): after an edit, the worker decodes the
        edited file's entry alone, and is ready for the next build at once."""
        self.folder = None  # read the file as the last build left it
        super().begin(folder)
        before, self.decoded = self.decoded, {}
        for key, data in self.stored.items():
            known = before.get(key)
            if known is not None and known[0] == data:
                self.decoded[key] = (data, known[1])
                continue
            with contextlib.suppress(Exception):  # decoded again, and refused, when asked for
                self.decoded[key] = (data, _loads(data))

    def _decode(self, key: str, data: bytes) -> tuple:
        preloaded = self.decoded.pop(key, None)
        return preloaded[1] if preloaded is not None and preloaded[0] is data else _loads(data)

    def brand(
        self, bundle: Path, load: Callable[[list[Issue]], Brand | None], issues: list[Issue]
    ) -> Brand | None:
        """The bundle's Brand (its issues added to `issues`), checked now only if it changed."""
        stamp = bundle_stamp(bundle)
        key = hashlib.sha256(repr((self.context, str(bundle), stamp)).encode()).hexdigest()
        return self._result(
            key,
            load,
            issues,
            still_right=lambda _brand: True,
            keepable=lambda _brand, _found: (  # unchanged while it was read
                stamp == bundle_stamp(bundle) and not _racy(stamp)
            ),
        )

    def story(
        self,
        path: Path,
        load: Callable[[list[Issue]], Story | None],
        issues: list[Issue],
        brand_slugs: set[str],
        content: ContentStamp,
    ) -> Story | None:
        """The story (its issues added to `issues`), checked now only if it or content/ changed."""
        stamp = file_stamp(str(path))
        key = hashlib.sha256(
            repr((self.context, "story", content.digest, str(path), stamp)).encode()
        ).hexdigest()
        return self._result(
            key,
            load,
            issues,
            still_right=lambda story: set(story.brands) <= brand_slugs,
            keepable=lambda story, found: (
                story is not None
                and not errors(found)
                and not content.racy
                and stamp == file_stamp(str(path))
                and not _racy((("", *stamp),))
            ),
        )

    def _result(self, key: str, load, issues: list[Issue], still_right, keepable):
        """The result kept under `key` if `still_right(result)`; else `load(found)` now, kept
        if `keepable(result, found)`, with the memo entries it was made from."""
        data = self.entry(key)
        if data is not None:
            try:
                result, kept_issues, parsed = self._decode(key, data)
            except Exception:
                pass
            else:
                if still_right(result):
                    self.used[key] = data
                    memo.keep(parsed)
                    issues.extend(kept_issues)
                    return result
        found: list[Issue] = []
        with memo.recording() as parsed:
            result = load(found)
        issues.extend(found)
        if keepable(result, found):
            self.used[key] = _dumps((result, found, sorted(parsed)))
        return result


class ContentStamp:
    """The stamps of the files under a content folder that are not `skipped` (by suffix):
    the images stories show. `racy` when one changed too recently to be told apart."""

    def __init__(self, folder: Path | None, skipped: tuple[str, ...]):
        entries = []
        for current, dirs, files in os.walk(folder) if folder is not None else ():
            dirs.sort()
            for name in sorted(files):
                if not name.lower().endswith(skipped):
                    path = os.path.join(current, name)
                    entries.append((path, *file_stamp(path)))
        self.digest = hashlib.sha256(repr(entries).encode("utf-8", "surrogatepass")).hexdigest()
        self.racy = _racy(entries)


def file_stamp(path: str) -> tuple:
    """The file's stamp, and for a link its target's (one lstat for a file that is not one)."""
    try:
        info = os.lstat(path)
    except OSError:
        return None, None
    return stamp_of(info), stat_stamp(path) if stat.S_ISLNK(info.st_mode) else None


def bundle_stamp(bundle: Path) -> tuple:
    """Each entry under `bundle` with its stamp (and, for a link, its target's)."""
    entries = []
    top = os.fspath(bundle)
    start = len(os.path.join(top, ""))
    for current, dirs, files in os.walk(top):
        dirs.sort()
        for name in sorted(files + dirs):
            path = os.path.join(current, name)
            entries.append((path[start:], *file_stamp(path)))
    return tuple(entries)


def _racy(stamp: Iterable[tuple]) -> bool:
    """A file of `stamp` changed too recently to be kept yet (file_stamp.is_racy)."""
    now_ns = time.time_ns()
    return any(is_racy(info, now_ns) for _name, *infos in stamp for info in infos if info)


_checked = Checked()  # the process's: a build runs in one process
begin = _checked.begin
brand = _checked.brand
story = _checked.story
save = _checked.save
preload = _checked.preload
