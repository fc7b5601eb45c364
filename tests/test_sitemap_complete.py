"""sitemap.xml (make publish) lists every page of the output, whether the page was
rendered in the build's process, in a forked worker or linked from the last build
(issue #14), and an incremental publish gives the full publish's bytes."""

from __future__ import annotations

import gzip
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import brotli
import pytest
from sitebuild import build, copy_project, snapshot

from brandsite.brand_pages.urls import canonical_path

SITE = "https://brands.example.org"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
PARALLEL = "from publishconf import *\nRENDER_PARALLEL_MIN = 1\nRENDER_WORKERS = 2\n"
REFERENCE = "from publishconf import *\nCACHE_PATH = '.cache/reference'\n"
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("sitemap"))
    (root / "parallelconf.py").write_text(PARALLEL)
    (root / "reference.py").write_text(REFERENCE)
    publish(root, root / "output")
    return root


def publish(root: Path, output: Path, settings: str = "publishconf.py") -> str:
    result = build(root, output, settings=settings)
    assert result.returncode == 0, result.stderr
    return result.stdout


def indexable_pages(output: Path) -> dict[str, str]:
    """URL -> head of every HTML page but those marked noindex (the 404 and search pages)."""
    found = {}
    for path in sorted(output.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        if '<meta name="robots" content="noindex">' not in head:
            found[f"{SITE}/{canonical_path(path.relative_to(output).as_posix())}"] = head
    return found


def assert_sitemap_lists_every_page(output: Path) -> None:
    urls = ET.parse(output / "sitemap.xml").getroot().findall("s:url", NS)
    listed = {url.find("s:loc", NS).text: url for url in urls}
    pages = indexable_pages(output)
    assert len(listed) == len(urls)
    assert sorted(listed) == sorted(pages)
    assert f"{SITE}/404.html" not in listed and f"{SITE}/search/" not in listed
    for loc, url in listed.items():  # the language twins each page's head names
        twins = [(link.get("hreflang"), link.get("href")) for link in url.findall("x:link", NS)]
        assert twins == ALTERNATE.findall(pages[loc]), loc
    assert listed[f"{SITE}/brands/hami-melon/"].find("s:lastmod", NS).text == "2026-11-26"
    story = listed[f"{SITE}/stories/korla-pear-standardisation/"]
    assert story.find("s:lastmod", NS).text == "2024-04-02T00:00:00+08:00"


def assert_same_as_full_publish(root: Path) -> None:
    reference = root / "reference"
    shutil.rmtree(reference, ignore_errors=True)
    shutil.rmtree(root / ".cache" / "reference", ignore_errors=True)
    publish(root, reference, settings="reference.py")
    incremental = {name: digest for name, (digest, _) in snapshot(root / "output").items()}
    full = {name: digest for name, (digest, _) in snapshot(reference).items()}
    assert sorted(incremental) == sorted(full)
    assert [name for name in full if incremental[name] != full[name]] == []
    sitemap = (root / "output" / "sitemap.xml").read_bytes()
    assert gzip.decompress((root / "output" / "sitemap.xml.gz").read_bytes()) == sitemap
    assert brotli.decompress((root / "output" / "sitemap.xml.br").read_bytes()) == sitemap


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_clean_publish_lists_every_page(project):
    assert_sitemap_lists_every_page(project / "output")


def test_pages_rendered_in_workers_are_listed(project):
    publish(project, project / "parallel", settings="parallelconf.py")
    assert_sitemap_lists_every_page(project / "parallel")
    assert (project / "parallel" / "sitemap.xml").read_bytes() == (
        project / "output" / "sitemap.xml"
    ).read_bytes()


@pytest.mark.parametrize(
    "edit",
    [
        ("content/stories/korla-pear-standardisation.md", "\n## ", "\n新增一段。\n\n## "),
        ("brands/korla-fragrant-pear/index.md", "summary: ", "summary: 新摘要，"),
    ],
    ids=["story body", "brand summary"],
)
def test_a_publish_after_an_edit_equals_a_full_publish(project, edit):
    file, old, new = edit
    replace(project / file, old, new)
    out = publish(project, project / "output")
    assert int(re.search(r"(\d+) reused from the last build", out)[1]) > 150
    assert_sitemap_lists_every_page(project / "output")
    assert_same_as_full_publish(project)
