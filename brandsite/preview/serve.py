"""Serve a built site on 127.0.0.1 the way a production host does.

    python -m brandsite.preview.serve output [--port 8000] [--prefix /brands-site/]

Text is sent gzip-compressed (level 6, a common host default) to browsers
that accept it, a missing file gets the site's own 404.html with status 404,
and the site may sit under a sub-path (`--prefix`). Used by the devserver,
the browser tests and `make audit`.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import mimetypes
import sys
import threading
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "application/atom+xml",
    "application/rss+xml",
    "image/svg+xml",
    "application/manifest+json",
    "application/schema+json",
)
GZIP_LEVEL = 6
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("application/schema+json", ".schema.json")


class SiteHandler(http.server.BaseHTTPRequestHandler):
    """GET and HEAD for the files of `root`, mounted at `prefix`."""

    server_version = "site-serve"
    protocol_version = "HTTP/1.1"

    def __init__(self, *args, root: Path, prefix: str = "/", log=None, **kwargs):
        self.root = root
        self.prefix = prefix
        self.log = log
        super().__init__(*args, **kwargs)

    def do_GET(self):
        self._respond(with_body=True)

    def do_HEAD(self):
        self._respond(with_body=False)

    def _respond(self, with_body: bool) -> None:
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        file = self._file_for(path)
        if file is not None and file.is_dir():
            if not path.endswith("/"):
                location = quote(path + "/") + (f"?{parts.query}" if parts.query else "")
                self._send(301, b"", "text/plain", with_body, {"Location": location})
                return
            file = file / "index.html"
        status = 200
        if file is None or not file.is_file():
            status, file = 404, self.root / "404.html"
            if not file.is_file():
                self._send(404, b"Not found\n", "text/plain", with_body)
                return
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self._send(status, file.read_bytes(), content_type, with_body)

    def _file_for(self, path: str) -> Path | None:
        if not path.startswith(self.prefix) and path != self.prefix.rstrip("/"):
            return None
        relative = path[len(self.prefix) :].lstrip("/")
        file = (self.root / relative).resolve()
        return file if file.is_relative_to(self.root) else None

    def _send(
        self, status: int, body: bytes, content_type: str, with_body: bool, headers: dict | None = None
    ) -> None:
        headers = dict(headers or {})
        if content_type.startswith(COMPRESSED_TYPES):
            headers["Vary"] = "Accept-Encoding"
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, GZIP_LEVEL, mtime=0)
                headers["Content-Encoding"] = "gzip"
            if content_type.startswith(("text/", "application/javascript", "image/svg+xml")):
                content_type += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if with_body:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the browser went elsewhere mid-download

    def log_message(self, format, *args):
        if self.log:
            self.log(format % args)


def serve(root: Path, port: int = 0, prefix: str = "/", log=None) -> http.server.ThreadingHTTPServer:
    """Start serving `root` in a daemon thread; `server.server_port` is the port."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    handler = functools.partial(SiteHandler, root=Path(root).resolve(), prefix=prefix, log=log)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--port", default=8000, type=int)
    parser.add_argument("--prefix", default="/")
    args = parser.parse_args(argv)
    server = serve(args.output, args.port, args.prefix, log=lambda line: print(line, flush=True))
    print(
        f"Serving {args.output}/ at http://127.0.0.1:{server.server_port}{args.prefix} - Ctrl-C to stop",
        flush=True,
    )
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
