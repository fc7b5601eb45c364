"""Preview server: build, serve on 127.0.0.1, rebuild and reload the browser on every change.

    python -m brandsite.preview.devserver [--settings pelicanconf.py] [--output output] [--port 8000]

Watches content/, brands/, theme/, plugins/, translations/, the brandsite package
and the settings file. Each rebuild is an atomic `brandsite.build.driver`, forked
from a warm worker process that has Pelican and the plugins imported already
(brandsite.build.worker); an edit to a plugin or the settings starts a new worker,
so code changes take effect. A failed build leaves the last good site on disk.

Only pages this server sends get a small script that polls the build state
and reloads the page after each rebuild; after a failed build they also get
an overlay listing the errors. Nothing of this is ever written to output/.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import html
import http.server
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import watchfiles

from brandsite.build.driver import PAGES_SERVED
from brandsite.build.worker import DONE

ROOT = Path.cwd()  # the project: make runs the commands in its folder
CODE = Path(__file__).resolve().parent.parent  # the brandsite package
WATCHED = ("content", "brands", "theme", "plugins", "translations")
STATE_PATH = "/__devserver__/state"
POLL_MS = 250
POSTPONED = "搜索索引留待下次构建：文件又有改动 · Search index left for the next build: files changed again\n"

RELOAD_SCRIPT = """<script>/* devserver: reload after each rebuild */
(function () {
  var build = %(build)s;
  function poll() {
    fetch("%(state)s", {cache: "no-store"})
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (state.build !== build) { location.reload(); } else { setTimeout(poll, %(poll)d); }
      }, function () { setTimeout(poll, 1000); });
  }
  poll();
})();
</script>"""

ERROR_OVERLAY = """<div id="devserver-errors" role="alert" style="position:fixed;inset:0;z-index:2147483647;\
overflow:auto;margin:0;padding:1.5rem 2rem;background:#1d1f21;color:#f5f5f5;\
font:15px/1.6 system-ui,sans-serif">
<h1 style="margin:0 0 .25rem;font-size:1.4rem;color:#ff8a80">构建失败 · Build failed</h1>
<p style="margin:0 0 1rem">改正下面的错误并保存，页面会自动刷新。网站仍是上次成功构建的版本。<br>
Fix the errors below and save: this page reloads by itself. The site on disk is the last good build.</p>
<pre style="white-space:pre-wrap;margin:0;padding:1rem;background:#000;color:#fff;\
font:14px/1.5 ui-monospace,monospace;border-radius:4px">%(log)s</pre>
<button type="button" onclick="this.parentNode.remove()" style="margin-top:1rem;font:inherit">\
关闭，查看上次的页面 · Close and show the last good page</button>
</div>"""

NO_SITE_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>构建失败 · Build failed</title></head>
<body></body></html>"""


@dataclass
class BuildState:
    """The outcome of the last build, as the pages and the state endpoint show it."""

    build: str = "starting"
    ok: bool = True
    log: str = ""
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def record(self, ok: bool, log: str, seconds: float) -> None:
        with self.lock:
            self.build = f"{os.getpid()}-{time.monotonic_ns()}"
            self.ok, self.log, self.seconds = ok, log, seconds

    def as_json(self) -> bytes:
        with self.lock:
            data = {
                "build": self.build,
                "ok": self.ok,
                "seconds": round(self.seconds, 3),
                "log": "" if self.ok else self.log,
            }
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    def snippet(self) -> str:
        """What goes before </body> of every page served."""
        with self.lock:
            script = RELOAD_SCRIPT % {"build": json.dumps(self.build), "state": STATE_PATH, "poll": POLL_MS}
            overlay = "" if self.ok else ERROR_OVERLAY % {"log": html.escape(self.log)}
        return overlay + script


class Builder:
    """Runs builds in a warm worker process (brandsite.build.worker), restarted when code changes."""

    def __init__(self, settings: str, output: Path):
        self.settings, self.output = settings, output
        self.worker: subprocess.Popen | None = None
        self.command = [sys.executable, "-m", "brandsite.build.worker", settings, str(output)]

    def needs_restart(self, changed: list[Path]) -> bool:
        code = [ROOT / "plugins", CODE]  # code a running worker has already imported
        return any(
            path.suffix == ".py" and (path.parent == ROOT or any(path.is_relative_to(c) for c in code))
            for path in changed
        )

    def stop(self) -> None:
        worker, self.worker = self.worker, None
        if worker is None:
            return
        if worker.poll() is None:
            try:
                worker.stdin.close()  # the worker's signal to finish
                worker.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                worker.kill()
                worker.wait()
        for stream in (worker.stdin, worker.stdout):
            with contextlib.suppress(OSError):
                stream.close()

    def build(self, on_pages_served=None, edited=None) -> tuple[bool, str, float]:
        """One atomic build; (succeeded, its output, seconds). The pages are served before
        the search index is remade: then `on_pages_served(output so far, seconds)` is called.
        If `edited()` turns true meanwhile, the search index is left for the next build,
        which starts at once (at 1,000 brands a cold index takes several seconds)."""
        started = time.perf_counter()
        lines: list[str] = []
        postponed = threading.Event()
        for _attempt in range(2):  # a worker that died is replaced once
            if self.worker is None or self.worker.poll() is not None:
                self.worker = subprocess.Popen(
                    self.command,
                    cwd=ROOT,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    text=True,
                    encoding="utf-8",
                    errors="replace",
                )
            try:
                self.worker.stdin.write("build\n")
                self.worker.stdin.flush()
            except BrokenPipeError:
                self.stop()
                continue
            lines = []
            done = threading.Event()
            for line in self.worker.stdout:
                if line.startswith(PAGES_SERVED):
                    if on_pages_served:
                        on_pages_served("".join(lines), time.perf_counter() - started)
                    lines.clear()  # what follows is the search index's
                    if edited:
                        _stop_when(edited, int(line.split()[-1]), done, postponed)
                    continue
                if line.startswith(DONE):
                    done.set()
                    code = int(line.split()[-1])
                    if postponed.is_set():
                        return True, POSTPONED, time.perf_counter() - started
                    return code == 0, "".join(lines), time.perf_counter() - started
                lines.append(line)
            done.set()
            self.stop()  # it died: the next attempt starts another
        return False, "".join(lines), time.perf_counter() - started


def _stop_when(edited, pid: int, done: threading.Event, stopped: threading.Event) -> None:
    """Stop the build `pid` (making the search index, its pages served) once `edited()`."""

    def watch() -> None:
        while not done.wait(0.05):
            if edited():
                stopped.set()
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGTERM)  # brandsite.build.driver leaves the served site as it is
                return

    threading.Thread(target=watch, daemon=True, name="postpone-search").start()


def inject(page: bytes, snippet: str) -> bytes:
    text = page.decode("utf-8", errors="replace")
    at = text.lower().rfind("</body>")
    text = text[:at] + snippet + text[at:] if at != -1 else text + snippet
    return text.encode("utf-8")


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves output/; HTML pages get the reload script (and the error overlay)."""

    state: BuildState

    def __init__(self, *args, state: BuildState, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)

    def do_GET(self):
        self._respond(head_only=False)

    def do_HEAD(self):
        self._respond(head_only=True)

    def _respond(self, head_only: bool) -> None:
        if self.path.split("?", 1)[0] == STATE_PATH:
            return self._send(200, "application/json; charset=utf-8", self.state.as_json(), head_only)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().do_GET() if not head_only else super().do_HEAD()  # adds the slash
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            return self._send(200, "text/html; charset=utf-8", self._page(path), head_only)
        if not path.exists():
            missing = Path(self.directory) / "404.html"
            page = (
                self._page(missing)
                if missing.is_file()
                else inject(NO_SITE_PAGE.encode(), self.state.snippet())
            )
            return self._send(404, "text/html; charset=utf-8", page, head_only)
        return super().do_GET() if not head_only else super().do_HEAD()

    def _page(self, path: Path) -> bytes:
        return inject(path.read_bytes(), self.state.snippet())

    def _send(self, status: int, content_type: str, body: bytes, head_only: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):
        pass


def serve(output: Path, port: int, state: BuildState) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(PreviewHandler, directory=str(output), state=state)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def build_and_report(builder: Builder, state: BuildState, edited=None) -> None:
    served = []

    def pages_served(log: str, seconds: float) -> None:
        served.append(seconds)
        state.record(True, log.strip(), seconds)  # the browser reloads now, search follows
        if log.strip():
            print(log.rstrip(), flush=True)
        print(
            f"页面已更新，用时 {seconds:.2f} 秒，正在更新搜索索引 · "
            f"Pages served after {seconds:.2f} s; updating the search index",
            flush=True,
        )

    ok, log, seconds = builder.build(pages_served, edited)
    if log == POSTPONED:
        print(log.rstrip(), flush=True)
        return
    if not served or not ok:  # a failed search index after the pages: shown like any failure
        state.record(ok, log.strip(), seconds)
    if log.strip():
        print(log.rstrip(), flush=True)
    if ok:
        print(f"已重新生成，用时 {seconds:.2f} 秒 · Rebuilt in {seconds:.2f} s", flush=True)
    else:
        print(
            f"构建失败，浏览器中也会显示错误 · Build failed ({seconds:.2f} s); "
            "the errors are shown in the browser too",
            flush=True,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default="output", type=Path)
    parser.add_argument("--port", default=8000, type=int)
    args = parser.parse_args(argv)
    output = args.output.resolve()
    signal.signal(signal.SIGTERM, _stop)
    state = BuildState()
    try:
        server = serve(output, args.port, state)
    except OSError as exc:
        print(
            f"无法使用端口 {args.port}（{exc.strerror}），请换一个：make devserver PORT=8001\n"
            f"Cannot use port {args.port} ({exc.strerror}); try another: make devserver PORT=8001",
            file=sys.stderr,
        )
        return 1
    builder = Builder(args.settings, output)
    watched = [ROOT / name for name in WATCHED if (ROOT / name).exists()] + [
        CODE,
        Path(args.settings).resolve(),
    ]
    changes = watch_in_background(watched)  # from before the first build: no edit is missed

    def edited() -> bool:
        return not changes.empty()

    try:
        build_and_report(builder, state, edited)
        print(
            f"预览地址 http://127.0.0.1:{args.port}/ ，按 Ctrl-C 停止\n"
            f"Serving {output.name}/ at http://127.0.0.1:{args.port}/ - Ctrl-C to stop",
            flush=True,
        )
        while True:
            batch = changes.get()
            while not changes.empty():  # edits made during the last build: one build for all
                batch |= changes.get()
            changed = sorted({Path(path) for _, path in batch})
            print(f"有改动 · Changed: {', '.join(path.name for path in changed)}", flush=True)
            if builder.needs_restart(changed):
                builder.stop()  # the next build imports the edited code afresh
            build_and_report(builder, state, edited)
    except KeyboardInterrupt:
        pass
    finally:
        builder.stop()
        server.shutdown()
    return 0


def watch_in_background(paths: list[Path]) -> queue.Queue:
    """A queue of change sets, fed by a thread that is watching when this returns."""
    changes: queue.Queue = queue.Queue()
    ready = threading.Event()

    def watch() -> None:
        for batch in watchfiles.watch(*paths, step=30, yield_on_timeout=True, rust_timeout=500):
            ready.set()  # the first (empty) batch comes once the watcher runs
            if batch:
                changes.put(set(batch))

    threading.Thread(target=watch, daemon=True, name="watch").start()
    ready.wait(timeout=10)
    return changes


def _stop(_signum, _frame):
    raise KeyboardInterrupt  # SIGTERM stops the server as cleanly as Ctrl-C


if __name__ == "__main__":
    sys.exit(main())
