"""Browser tests: the production build, served over HTTP on 127.0.0.1, in Debian's Chromium.

One build and one server per test session, under a sub-path as a real host may
have it. Every page is opened in a fresh browser context that refuses (and
records) any request to another host. When a test fails, a screenshot and the
HTML of every page it opened are saved under test-artifacts/.

Without Chromium (or Java, for the Nu checker) these tests are skipped and the
run says so loudly; under CI (CI=true) a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sitebuild import ROOT, build, copy_project, with_small_pages

from brandsite.preview.serve import serve
from brandsite.qa.htmlcheck import java_available
from browser.site_pages import SitePage

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SUBPATH = "/brands-site/"
ARTIFACTS = ROOT / "test-artifacts"
NO_CHROMIUM = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
NO_JAVA = "no Java for the Nu HTML checker (apt-get install default-jre-headless)"
_saved_artifacts: list[Path] = []


def require(available: bool, reason: str) -> None:
    """Skip when a tool is missing; fail instead under CI, which must have it."""
    if not available:
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: CI must install it (.ci/run)")
        pytest.skip(reason)


@dataclass
class ServedSite:
    base: str  # http://127.0.0.1:PORT/brands-site/
    output: Path

    @property
    def origin(self) -> str:
        return re.match(r"https?://[^/]+/", self.base).group(0)

    def url(self, path: str) -> str:
        return self.base + path.lstrip("/")


@dataclass
class Visit:
    """An open page and what happened while it loaded."""

    page: object  # playwright.sync_api.Page
    url: str
    status: int | None = None
    problems: list[str] = field(default_factory=list)  # console errors, failed requests, script errors
    outside: list[str] = field(default_factory=list)  # refused requests to another host
    finished: list = field(default_factory=list)  # playwright Requests that completed
    devtools: object = None  # CDP session that keeps the page's own scripts off, if it does

    def allow_test_scripts(self) -> None:
        """Let the tests run asynchronous scripts (axe) in a page loaded without JavaScript.

        The page's own scripts were skipped while it loaded and stay skipped;
        with script execution off, timers never fire and axe would wait forever.
        """
        if self.devtools is not None:
            self.devtools.send("Emulation.setScriptExecutionDisabled", {"value": False})


@pytest.fixture(scope="session")
def served_site(tmp_path_factory) -> ServedSite:
    """The sample site as `make publish` builds it, but with small page sizes (SMALL_PAGES),
    so that the directory, facet pages and story lists run over several pages."""
    folder = tmp_path_factory.mktemp("served")
    project = copy_project(folder / "project")
    settings = with_small_pages(project, "publishconf")
    server = serve(folder / "output", prefix=SUBPATH)  # the port must be known before the build
    site = ServedSite(f"http://127.0.0.1:{server.server_port}{SUBPATH}", folder / "output")
    result = build(project, site.output, settings=settings, siteurl=site.base.rstrip("/"))
    assert result.returncode == 0, result.stderr
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    require(CHROMIUM.is_file(), NO_CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


def pytest_configure(config):
    """Start each run without the last run's artifacts: once, in the process that runs the
    session (under pytest-xdist its workers would delete each other's)."""
    if not hasattr(config, "workerinput"):
        shutil.rmtree(ARTIFACTS, ignore_errors=True)


@pytest.fixture(scope="session")
def java():
    require(java_available(), NO_JAVA)


@pytest.fixture
def open_page(served_site, browser, request):
    """open_page(SitePage or path, javascript=, width=, height=, mobile=) -> Visit."""
    contexts, visits = [], []

    def open_(
        target: SitePage | str,
        *,
        javascript: bool | None = None,
        width: int = 1280,
        height: int = 800,
        mobile: bool = False,
    ) -> Visit:
        if isinstance(target, SitePage):
            if not target.file(served_site.output).is_file():
                if target.arrives_with:
                    pytest.skip(f"{target.name}: not in this build yet (arrives with {target.arrives_with})")
                pytest.fail(f"{target}: {target.file(served_site.output).name} was not built")
            path, expected, ready = target.path, target.status, target.ready
            javascript = target.javascript if javascript is None else javascript
        else:
            path, expected, ready = target, 200, ""
        context = browser.new_context(
            locale="zh-CN",
            viewport={"width": width, "height": height},
            is_mobile=mobile,
            has_touch=mobile,
            service_workers="block",
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        visit = Visit(page=None, url=served_site.url(path))

        def refuse(route):
            visit.outside.append(route.request.url)
            route.abort()

        context.route(lambda url: not url.startswith(served_site.origin), refuse)
        page = context.new_page()
        visit.page = page
        if javascript is False:
            # Not Playwright's java_script_enabled=False: that one cannot be undone for axe.
            visit.devtools = context.new_cdp_session(page)
            visit.devtools.send("Emulation.setScriptExecutionDisabled", {"value": True})
        visits.append(visit)
        page.on("console", lambda m: m.type == "error" and visit.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: visit.problems.append(f"script error: {e}"))
        # A lambda, not the bound method: Playwright marks its handlers with an attribute.
        page.on("requestfinished", lambda r: visit.finished.append(r))  # noqa: PLW0108
        page.on(
            "requestfailed",
            lambda r: (
                r.url not in visit.outside and visit.problems.append(f"request failed: {r.url} {r.failure}")
            ),
        )

        def on_response(response):
            document = response.request.is_navigation_request() and response.url == visit.url
            if response.status >= 400 and not (document and response.status == expected):
                visit.problems.append(f"HTTP {response.status}: {response.url}")

        page.on("response", on_response)
        response = page.goto(visit.url)
        visit.status = response.status if response else None
        if ready:
            page.locator(ready).first.wait_for(state="visible")
            # Pagefind loads the other results' fragments after the first: wait for
            # them, or a result drawn during a test would move the focus order.
            page.wait_for_load_state("networkidle")
        if expected == 404:  # the browser logs the document's own 404
            visit.problems[:] = [p for p in visit.problems if "status of 404" not in p]
        return visit

    yield open_
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        _save_artifacts(request.node.nodeid, visits)
    for context in contexts:
        context.close()


def _save_artifacts(nodeid: str, visits: list[Visit]) -> None:
    folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", nodeid).strip("_")[:150]
    folder.mkdir(parents=True, exist_ok=True)
    for number, visit in enumerate(visits, 1):
        name = re.sub(r"[^\w-]+", "_", visit.url.split("/", 3)[-1]).strip("_") or "page"
        stem = folder / f"{number}-{name}"
        try:
            visit.page.screenshot(path=f"{stem}.png", full_page=True)
            stem.with_suffix(".html").write_text(visit.page.content(), encoding="utf-8")
        except Exception as exc:
            stem.with_suffix(".txt").write_text(f"could not save the page: {exc}\n", encoding="utf-8")
    _saved_artifacts.append(folder)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def pytest_report_header(config):
    return [
        f"browser tests: Chromium {CHROMIUM if CHROMIUM.is_file() else 'NOT FOUND at ' + str(CHROMIUM)}; "
        f"Nu HTML checker: {'java ' + shutil.which('java') if java_available() else 'NO JAVA'}"
    ]


def pytest_terminal_summary(terminalreporter):
    skipped = terminalreporter.stats.get("skipped", [])
    for reason, tool in ((NO_CHROMIUM, "CHROMIUM"), (NO_JAVA, "JAVA")):
        count = sum(reason in str(report.longrepr) for report in skipped)
        if count:
            terminalreporter.write_sep(
                "!",
                f"WARNING: {tool} NOT FOUND - {count} browser/HTML tests were SKIPPED: {reason}",
                red=True,
                bold=True,
            )
    if _saved_artifacts:
        terminalreporter.write_sep("-", "screenshots and page HTML of failed browser tests")
        for folder in _saved_artifacts:
            terminalreporter.write_line(str(folder))
