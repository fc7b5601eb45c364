"""Parse results kept by the hash of the exact text that produced them.

Within a process a story's second parse is free; with a folder (a build's
cache, `.cache/pelican/registry/`), a rebuild parses only the files that
changed. A key hashes the input text, the limits it was parsed under and,
in the file, the source of the code and the versions of the libraries that
produced the results, so an edit, a code change or an upgrade is a miss,
never a stale answer. Only successes are kept: errors are worked out again.

    memo.begin(folder)   # a build starts (load_site does it)
    memo.save()          # it ended well: keep what it used, drop the rest

What a build takes from a cache of its own results (a checked brand, a kept
Article) it does not parse: such a cache records the entries its result was
made from (`recording`) and `keep`s them when it is used, so they are not
dropped as unused and are there when that file changes.

The file is written to a temporary name, then renamed: two builds at once
leave one of their files, both valid. A file that cannot be read, or was
written by other code, or whose checksum is wrong, counts as empty. Values
are pickled, and unpickled by a loader that builds only plain data and dates,
never code.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sys
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path, PosixPath
from typing import Any

from brandsite.atomic_write import write_atomic

FILE_NAME = "memo.pickle"
FORMAT = "brand-registry-memo-1"
# Whose code shapes the results kept: an edit to one of these starts afresh.
MODULES = ("memo.py", "frontmatter.py", "markdown_body.py", "images.py")
LIBRARIES = ("PyYAML", "Markdown", "nh3", "Pillow")
MAX_SCRATCH = 20_000  # in-process intermediate results kept at most

MISSING = object()
_ALLOWED = {
    ("datetime", "date"),
    ("datetime", "datetime"),
    ("datetime", "timezone"),
    ("datetime", "timedelta"),
}


def key(kind: str, text: str, *settings: Any) -> str:
    """The key of `kind` of result for `text` parsed under `settings` (limits, options)."""
    digest = hashlib.sha256(repr(settings).encode())
    digest.update(b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return f"{kind}:{digest.hexdigest()}"


def unpickled_path(*parts: str) -> PosixPath:
    """What unpickling a PosixPath makes, `PosixPath(*parts)`, without parsing its parts
    again: Python 3.11 pickles a path as its parsed parts (the drive and root, if any, then
    each name). The checked cache holds about 4,200 paths at 1,000 brands and 3,000 stories:
    parsing them again took a fifth of its unpickling (0.104 s, 0.083 s without)."""
    if not _PARSED_PARTS or not all(type(part) is str for part in parts):
        return PosixPath(*parts)
    root = parts[0] if parts and parts[0].startswith("/") else ""
    return PosixPath._from_parsed_parts("", root, list(parts))  # type: ignore[attr-defined]


_PARSED_PARTS = sys.version_info[:2] == (3, 11) and hasattr(PosixPath, "_from_parsed_parts")


class _Unpickler(pickle.Unpickler):
    """Plain data and dates only: a cache file is never a way to run code."""

    def find_class(self, module, name):
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the memo")


def _loads(data: bytes) -> Any:
    return _Unpickler(io.BytesIO(data)).load()


def _dumps(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


class KeptFile:
    """Entries of the build in progress (`used`), over what the last one left (`stored`)
    in `file_name` under the build's folder. A subclass names the file, its format, the
    modules whose code shapes the entries (`code_version`) and itself in messages."""

    file_name = FILE_NAME
    form = FORMAT
    modules: tuple[str, ...] = MODULES
    label = "Parse cache"

    def __init__(self):
        self.folder: Path | None = None
        self.stored: dict[str, bytes] = {}
        self.used: dict[str, bytes] = {}
        self.on_disk: frozenset[str] = frozenset()

    def begin(self, folder: Path | None) -> None:
        """A build starts: read `folder`'s file, or carry this process's last build over."""
        folder = Path(folder) if folder is not None else None
        if folder != self.folder:
            self.folder = folder
            self.stored = self._read() if folder is not None else {}
            self.on_disk = frozenset(self.stored)
        elif self.used:
            self.stored = self.used
        self.used = {}

    def entry(self, name: str) -> bytes | None:
        """The data under `name`, used by this build already or left by the last one."""
        data = self.used.get(name)
        return self.stored.get(name) if data is None else data

    def save(self) -> bool:
        """Write what this build used, if that differs from the file; True if written."""
        if self.folder is None or set(self.used) == self.on_disk:
            return False
        payload = _dumps(self.used)
        kept = _dumps((self.form, code_version(self.modules), hashlib.sha256(payload).hexdigest(), payload))
        try:
            write_atomic(self.folder / self.file_name, kept)
        except OSError as exc:  # a read-only checkout still builds, only slower next time
            print(f"{self.label} not saved in {self.folder}: {exc.strerror or exc}", file=sys.stderr)
            return False
        self.on_disk = frozenset(self.used)
        return True

    def _read(self) -> dict[str, bytes]:
        if self.folder is None:
            return {}
        try:
            with (self.folder / self.file_name).open("rb") as file:
                form, version, digest, payload = _Unpickler(file).load()
            if (form, version) != (self.form, code_version(self.modules)) or hashlib.sha256(
                payload
            ).hexdigest() != digest:
                return {}  # other code's, or damaged
            entries = _loads(payload)
            return {k: v for k, v in entries.items() if isinstance(k, str) and isinstance(v, bytes)}
        except Exception:
            return {}


class Memo(KeptFile):
    """Parse results, and intermediate results of this build only (`scratch`)."""

    def __init__(self):
        super().__init__()
        self.scratch: dict[str, Any] = {}
        self._recordings: list[set[str]] = []

    def begin(self, folder: Path | None) -> None:
        super().begin(folder)
        self.scratch = {}

    def get(self, name: str) -> Any:
        """The value kept under `name` (a fresh copy), or MISSING."""
        data = self.entry(name)
        if data is None:
            return MISSING
        try:
            value = _loads(data)
        except Exception:
            self.stored.pop(name, None)
            self.used.pop(name, None)
            return MISSING
        self.used[name] = data
        self._note(name)
        return value

    def put(self, name: str, value: Any) -> None:
        self.used[name] = _dumps(value)
        self._note(name)

    @contextmanager
    def recording(self):
        """The names of the entries got or put inside the block (a set, filled as it runs)."""
        names: set[str] = set()
        self._recordings.append(names)
        try:
            yield names
        finally:
            self._recordings.remove(names)

    def _note(self, name: str) -> None:
        for names in self._recordings:
            names.add(name)

    def keep(self, names) -> None:
        """Keep these entries for the next build, as if this one had used them."""
        for name in names:
            if name not in self.used:
                data = self.stored.get(name)
                if data is not None:
                    self.used[name] = data

    def remember(self, name: str, value: Any) -> None:
        """Keep an intermediate result for this build only (never written)."""
        if len(self.scratch) >= MAX_SCRATCH:
            self.scratch.clear()
        self.scratch[name] = value

    def recall(self, name: str) -> Any:
        return self.scratch.pop(name, MISSING)


_code_versions: dict[tuple[str, ...], str] = {}


def code_version(modules: tuple[str, ...] = MODULES) -> str:
    """A hash of the code (these modules of this package) and libraries whose results are kept."""
    if modules not in _code_versions:
        digest = hashlib.sha256(sys.version.encode())
        here = Path(__file__).resolve().parent
        for name in modules:
            digest.update((here / name).read_bytes())
        for library in LIBRARIES:
            try:
                digest.update(f"{library} {metadata.version(library)}".encode())
            except metadata.PackageNotFoundError:
                digest.update(f"{library} none".encode())
        _code_versions[modules] = digest.hexdigest()
    return _code_versions[modules]


_memo = Memo()  # the process's: a build runs in one process
begin = _memo.begin
get = _memo.get
put = _memo.put
remember = _memo.remember
recall = _memo.recall
save = _memo.save
recording = _memo.recording
keep = _memo.keep
