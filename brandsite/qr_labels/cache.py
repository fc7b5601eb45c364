"""QR codes kept between builds: encoding one takes milliseconds, reading it back microseconds.

    .cache/qr/3f/3f2a9c1e....txt    "<size>\\n<path data>"

The name is the hash of the text and of everything that shapes the code
(segno's version, the error level), so a name found is always the right code.
Writes are atomic (a killed build leaves no half file).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import segno

from brandsite.atomic_write import write_atomic
from brandsite.incremental.fork_pool import run_shared

from .codes import ERROR_LEVEL, QrCode, encode

VERSION = 1  # of matrix_path's output: bump when the drawing changes


class QrCache:
    def __init__(self, root: Path | None):
        self.root = Path(root) if root else None
        self.made: dict[str, QrCode] = {}  # this build's, by text
        self.encoded = 0  # how many were not in the cache

    def code(self, text: str) -> QrCode:
        found = self.made.get(text)
        if found is None:
            found = self.made[text] = self._read(text) or self._make(text)
        return found

    def prepare(self, texts: Iterable[str], workers: int) -> int:
        """Encode the codes the cache lacks on `workers` cores at once (a first publish build
        of 20,000 licences would spend minutes on one); returns how many there were."""
        missing = sorted({t for t in texts if t not in self.made and not self._has(t)})
        if self.root is not None and len(missing) > 1:
            run_shared(missing, self.code, workers)
        return len(missing)

    def _has(self, text: str) -> bool:
        path = self._file(text)
        return path is not None and path.is_file()

    def _file(self, text: str) -> Path | None:
        if self.root is None:
            return None
        key = hashlib.sha256(f"{segno.__version__}\0{ERROR_LEVEL}\0{VERSION}\0{text}".encode()).hexdigest()
        return self.root / key[:2] / f"{key}.txt"

    def _read(self, text: str) -> QrCode | None:
        path = self._file(text)
        try:
            size, path_data = path.read_text(encoding="ascii").split("\n", 1) if path else ("", "")
            return QrCode(text, int(size), path_data) if size else None
        except (OSError, ValueError):
            return None

    def _make(self, text: str) -> QrCode:
        code = encode(text)
        self.encoded += 1
        path = self._file(text)
        if path is not None:
            write_atomic(path, f"{code.size}\n{code.path}".encode("ascii"))
        return code
