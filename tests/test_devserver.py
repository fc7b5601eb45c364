"""brandsite.preview.devserver: serves the site, rebuilds on every edit, shows build errors in the page."""

from __future__ import annotations

import html
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from sitebuild import AS_OF, build, copy_project

from brandsite.preview.devserver import BuildState

STORY = "content/stories/quality-month-2026.md"
STORY_URL = "/stories/quality-month-2026/"


@dataclass
class Preview:
    root: Path
    base: str
    log: Path

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def state(self) -> dict:
        return json.loads(self.get("/__devserver__/state")[1])

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def wait_for(self, condition, timeout: float = 60) -> float:
        started = time.monotonic()
        while not condition():
            if time.monotonic() - started > timeout:
                pytest.fail(f"waited {timeout} s; server log:\n{self.log.read_text(encoding='utf-8')}")
            time.sleep(0.05)
        return time.monotonic() - started


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("preview"))
    port = free_port()
    log = root / "devserver.log"
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(AS_OF.timestamp()))}
    with log.open("w", encoding="utf-8") as stream:
        process = subprocess.Popen(
            [sys.executable, "-m", "brandsite.preview.devserver", "--port", str(port)],
            cwd=root,
            stdout=stream,
            stderr=subprocess.STDOUT,
            env=env,
        )
        try:
            server = Preview(root, f"http://127.0.0.1:{port}", log)

            def first_build_done():
                try:
                    return server.state()["build"] != "starting"
                except OSError:
                    return False

            server.wait_for(first_build_done, timeout=120)
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_pages_get_the_reload_script_only_when_served(preview):
    assert preview.state()["ok"] is True
    status, page = preview.get("/")
    assert status == 200
    assert page.rstrip().endswith("</body>\n</html>")
    assert 'fetch("/__devserver__/state"' in page and "location.reload()" in page
    assert "devserver-errors" not in page
    for built in (preview.root / "output").rglob("*.html"):
        assert "__devserver__" not in built.read_text(encoding="utf-8"), built
    status, missing = preview.get("/no-such-page/")
    assert status == 404 and "__devserver__" in missing


def test_an_edited_story_is_served(preview):
    preview.edit(STORY, "title: ", "title: 已修改的标题 ")
    seconds = preview.wait_for(lambda: "已修改的标题" in preview.get(STORY_URL)[1])
    print(f"edited story served after {seconds:.2f} s")


def test_a_build_error_shows_in_terminal_and_page_and_the_server_keeps_serving(preview):
    bundle = "brands/korla-fragrant-pear/index.md"
    preview.edit(bundle, 'region: "652801"', 'region: "652899"')
    preview.wait_for(lambda: preview.state()["ok"] is False)
    error = (
        'brands/korla-fragrant-pear/index.md:5: region: "652899" is not in brands/_registry.yaml '
        '(did you mean "652829" 博湖县?)\n'
        "    地区：“652899” 不在 brands/_registry.yaml 的地区列表中（是不是 “652829” 博湖县？）"
    )
    assert error in preview.state()["log"]
    status, page = preview.get("/brands/korla-fragrant-pear/")
    assert status == 200
    assert 'id="devserver-errors"' in page and html.escape(error) in page
    assert "库尔勒香梨" in page  # the last good page is still there under the overlay
    assert error in preview.log.read_text(encoding="utf-8")
    preview.edit(bundle, 'region: "652899"', 'region: "652801"')
    preview.wait_for(lambda: preview.state()["ok"] is True)
    assert "devserver-errors" not in preview.get("/brands/korla-fragrant-pear/")[1]


def test_theme_and_code_edits_take_effect(preview):
    preview.edit("theme/templates/base.html", "<footer", '<p id="theme-edit">主题已修改</p>\n<footer')
    preview.wait_for(lambda: 'id="theme-edit"' in preview.get("/")[1])
    preview.edit(
        "brandsite/story_reader/reader.py",
        "        return content, metadata",
        "        return content + '<p id=\"plugin-edit\">插件已修改</p>', metadata",
    )
    preview.wait_for(lambda: 'id="plugin-edit"' in preview.get(STORY_URL)[1])


def test_the_reload_script_reloads_only_after_a_new_build():
    """The injected script, run in Node.js against a stub of the state endpoint."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed (.ci/run installs it)")
    state = BuildState()
    state.record(True, "", 0.5)
    script = state.snippet().removeprefix("<script>").removesuffix("</script>")
    harness = """
const answers = JSON.parse(process.argv[1]);
let polls = 0, reloads = 0;
globalThis.location = {reload: () => { reloads += 1; }};
globalThis.fetch = async (url) => {
  if (url !== "/__devserver__/state") throw new Error("unexpected " + url);
  const answer = answers[Math.min(polls++, answers.length - 1)];
  if (answer === null) throw new Error("server down");
  return {json: async () => ({build: answer})};
};
globalThis.setTimeout = (next) => { if (polls < answers.length && !reloads) setImmediate(next); };
process.on("beforeExit", () => console.log(JSON.stringify({polls, reloads})));
%s
"""
    same, new = json.dumps(state.build), json.dumps("another-build")

    def run(answers: str) -> dict:
        result = subprocess.run(
            [node, "-e", harness % script, answers], capture_output=True, text=True, timeout=60, check=True
        )
        return json.loads(result.stdout)

    assert run(f"[{same}, {same}, {same}]") == {"polls": 3, "reloads": 0}
    assert run(f"[{same}, null, {new}]") == {"polls": 3, "reloads": 1}


FAKE_WORKER = """
import os, subprocess, sys
for _request in sys.stdin:
    child = subprocess.Popen([sys.executable, "-c", '''
import os, sys, time
print("pages written", flush=True)
print(sys.argv[1], os.getpid(), flush=True)
time.sleep(60)  # "making the search index"
print("search index made", flush=True)
''', sys.argv[1]])
    print("DONE-MARK", child.wait(), flush=True)
"""


def fake_builder(tmp_path, monkeypatch):
    from brandsite.preview import devserver

    monkeypatch.setattr(devserver, "DONE", "DONE-MARK")
    script = tmp_path / "fake_worker.py"
    script.write_text(FAKE_WORKER, encoding="utf-8")
    builder = devserver.Builder("pelicanconf.py", tmp_path / "output")
    builder.command = [sys.executable, str(script), devserver.PAGES_SERVED]
    return builder


def test_a_new_edit_stops_the_search_index_after_the_pages_are_served(tmp_path, monkeypatch):
    from brandsite.preview.devserver import POSTPONED

    builder = fake_builder(tmp_path, monkeypatch)
    served = []
    started = time.monotonic()
    try:
        ok, log, _seconds = builder.build(lambda log, s: served.append(log), edited=lambda: bool(served))
    finally:
        builder.stop()
    assert time.monotonic() - started < 30  # not the 60 s the search index would take
    assert served == ["pages written\n"]
    assert (ok, log) == (True, POSTPONED)


def test_without_a_new_edit_the_search_index_is_made(tmp_path, monkeypatch):
    builder = fake_builder(tmp_path, monkeypatch)
    builder.command[1:2] = ["-c", FAKE_WORKER.replace("time.sleep(60)", "time.sleep(0.3)")]
    try:
        ok, log, _seconds = builder.build(lambda log, s: None, edited=lambda: False)
    finally:
        builder.stop()
    assert (ok, log) == (True, "search index made\n")


def test_the_warm_worker_decodes_what_the_last_build_kept(tmp_path, monkeypatch):
    """Between builds the worker decodes the checked brands and stories, so that the next
    build, forked from it, does not (brandsite.build.worker.preload)."""
    from pelican.settings import read_settings

    from brandsite.brand_registry import checked
    from brandsite.build import worker

    root = copy_project(tmp_path)
    time.sleep(2.1)  # files written just now are not kept (file_stamp.is_racy)
    result = build(root, root / "output")
    assert result.returncode == 0, result.stderr
    monkeypatch.chdir(root)
    monkeypatch.setattr(worker.gc, "freeze", lambda: None)  # not this test process's objects
    try:
        worker.preload(read_settings(str(root / "pelicanconf.py")))
        decoded = [entry[0] for _data, entry in checked._checked.decoded.values()]
    finally:
        checked.begin(None, "")
    brands = {found.slug for found in decoded if type(found).__name__ == "Brand"}
    assert brands == {path.parent.name for path in (root / "brands").glob("*/index.md")}
    assert any(type(found).__name__ == "Story" for found in decoded)
