"""Preview server: build, serve on 127.0.0.1, rebuild on every change.

    python -m tools.devserver [--settings pelicanconf.py] [--port 8000]

Watches content/, brands/, theme/, plugins/ and the settings file. Each
rebuild is an atomic `tools.build`, so a build error is printed and the last
good site keeps being served.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path

import watchfiles

from tools.build import build

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ("content", "brands", "theme", "plugins")


def serve(output: Path, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default="output", type=Path)
    parser.add_argument("--port", default=8000, type=int)
    args = parser.parse_args(argv)
    output = args.output.resolve()
    build(args.settings, output)
    output.mkdir(exist_ok=True)
    server = serve(output, args.port)
    print(f"Serving {output.name}/ at http://127.0.0.1:{args.port}/ - Ctrl-C to stop", flush=True)
    watched = [ROOT / name for name in WATCHED if (ROOT / name).exists()] + [Path(args.settings).resolve()]
    try:
        for changes in watchfiles.watch(*watched):
            names = ", ".join(sorted({Path(path).name for _, path in changes}))
            print(f"Changed: {names}; rebuilding...", flush=True)
            build(args.settings, output)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
