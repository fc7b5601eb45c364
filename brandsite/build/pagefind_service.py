"""One Pagefind process (`pagefind --service`) that makes several search bundles.

The extended binary spends about 0.3 s of CPU loading its Chinese dictionary;
a service process pays that once for all the partitions it indexes. Requests
and responses are base64-encoded JSON, each followed by a comma (the protocol
of Pagefind's own Python and Node clients, spoken here without asyncio).
"""

from __future__ import annotations

import base64
import contextlib
import html
import json
import os
import subprocess
import tempfile
import threading
from pathlib import Path

GLOB_SPECIAL = set("\\?*$:<>()[]{},!")
WARM_PAGE = '<html lang="%s"><body data-pagefind-body><p>区域公共品牌 regional brands</p></body></html>'


class ServiceError(Exception):
    pass


def glob_of(pages: list[str]) -> str:
    """A wax glob matching exactly `pages` (paths relative to the site, with /). Their
    common folder is written out, so that Pagefind walks only that folder."""

    def escape(path: str) -> str:
        return "".join("\\" + c if c in GLOB_SPECIAL else c for c in path)

    if len(pages) == 1:
        return escape(pages[0])
    common = os.path.commonpath(pages) if all("/" in p for p in pages) else ""
    common = common if common and common not in pages else ""
    prefix = common + "/" if common else ""
    rest = ",".join(escape(p[len(prefix) :]) for p in pages)
    return f"{escape(prefix)}{{{rest}}}"


class PagefindService:
    def __init__(self, binary: Path):
        # Its stderr: a pipe nobody reads could fill and block it. Closed by close().
        self.log = tempfile.TemporaryFile()  # noqa: SIM115
        self.process = subprocess.Popen(
            [str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log
        )
        self.last_id = 0
        self.buffer = b""
        self.warming: threading.Thread | None = None
        self.closed = False

    def warm_up(self, languages: list[str], after: PagefindService | None = None) -> None:
        """Have the process load what indexing pages in `languages` needs (for Chinese, its
        dictionary) now, on a thread of its own: the next request waits for it. `after`: a
        service whose warm-up goes first (one at a time, they leave the build a core)."""
        earlier = after.warming if after is not None else None
        self.warming = threading.Thread(
            target=self._warm, args=(languages, earlier), name="pagefind", daemon=True
        )
        self.warming.start()

    def _warm(self, languages: list[str], earlier: threading.Thread | None = None) -> None:
        if earlier is not None:
            earlier.join()
        with contextlib.suppress(ServiceError):  # a dead process fails the next request
            index_id = self._send({"type": "NewIndex", "config": None})["index_id"]
            for lang in languages:
                page = {"file_contents": WARM_PAGE % html.escape(lang), "url": "/", "file_path": None}
                self._send({"type": "AddFile", "index_id": index_id, **page})
            self._send({"type": "DeleteIndex", "index_id": index_id})

    def _warmed(self) -> None:
        if self.warming is not None:
            self.warming.join()
            self.warming = None

    def request(self, payload: dict) -> dict:
        self._warmed()
        return self._send(payload)

    def _send(self, payload: dict) -> dict:
        self.last_id += 1
        message = {"message_id": self.last_id, "payload": payload}
        try:
            self.process.stdin.write(base64.b64encode(json.dumps(message).encode()) + b",")
            self.process.stdin.flush()
            response = json.loads(base64.b64decode(self._read_response()))
        except (OSError, ValueError) as exc:
            raise ServiceError(f"Pagefind stopped answering ({exc}){self._stderr()}") from None
        answer = response.get("payload") or {}
        if answer.get("type") == "Error":
            raise ServiceError(f"Pagefind: {answer.get('message')}")
        return answer

    def _read_response(self) -> bytes:
        while b"," not in self.buffer:
            chunk = self.process.stdout.read1(1 << 16)
            if not chunk:
                raise OSError("its output ended")
            self.buffer += chunk
        response, self.buffer = self.buffer.split(b",", 1)
        return response

    def index(self, site: Path, pages: list[str]) -> dict[str, bytes]:
        """The files of a bundle of `pages` of `site` (indexed as `pagefind --site` would),
        by path within the bundle. Its WriteFiles is not used: it answers before the
        files are all written."""
        index_id = self.request({"type": "NewIndex", "config": None})["index_id"]
        try:
            found = self.request(
                {"type": "AddDir", "index_id": index_id, "path": str(site), "glob": glob_of(pages)}
            )["page_count"]
            if found != len(pages):
                raise ServiceError(f"Pagefind found {found} of the {len(pages)} pages to index")
            files = self.request({"type": "GetFiles", "index_id": index_id})["files"]
        finally:
            self.request({"type": "DeleteIndex", "index_id": index_id})  # frees its memory
        return {file["path"]: base64.b64decode(file["content"]) for file in files}

    def close(self, kill: bool = False) -> None:
        """End the process: it exits when its input ends; `kill` does not wait for that.
        Closing it again does nothing."""
        if self.closed:
            return
        self.closed = True
        try:
            if kill:
                self.process.kill()
            self._warmed()
            self.process.stdin.close()
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()
        self.log.close()

    def _stderr(self) -> str:
        self.log.seek(0)
        text = self.log.read().decode("utf-8", "replace").strip()
        return f":\n{text}" if text else ""
