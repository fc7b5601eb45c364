"""Atom feeds as published: valid Atom, stable ids, entries that link real pages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from conftest import SUBPATH
from sitebuild import AS_OF, ROOT

from brandsite.brand_registry import Paths, load_site
from brandsite.brand_registry.changes import registry_changes

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")


def parse_feed(path):
    root = ET.parse(path).getroot()
    assert root.tag == f"{ATOM}feed"
    return root


def check_atom(feed, output):
    """RFC 4287's required elements; every link absolute and pointing at a built page."""
    for name in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{name}") is not None and feed.find(f"{ATOM}{name}").text, name
    assert RFC3339.match(feed.find(f"{ATOM}updated").text)
    feed_has_author = feed.find(f"{ATOM}author/{ATOM}name") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    ids = []
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert (entry.find(f"{ATOM}{name}").text or "").strip(), name
        assert RFC3339.match(entry.find(f"{ATOM}updated").text)
        assert feed_has_author or entry.find(f"{ATOM}author/{ATOM}name") is not None
        link = next(li for li in entry.findall(f"{ATOM}link") if li.get("rel", "alternate") == "alternate")
        href = link.get("href")
        assert href.startswith(SUBPATH + "/"), href
        assert (output / href[len(SUBPATH) + 1 :] / "index.html").is_file(), href
        ids.append(entry.find(f"{ATOM}id").text)
    assert len(ids) == len(set(ids))
    assert all(re.match(r"^(tag:|https://)", i) for i in ids)
    return entries


def test_story_feed_is_valid_atom(subpath_output):
    feed = parse_feed(subpath_output / "feeds" / "stories.atom.xml")
    entries = check_atom(feed, subpath_output)
    assert len(entries) == len(list((ROOT / "content" / "stories").glob("*.md")))
    self_link = [li.get("href") for li in feed.findall(f"{ATOM}link") if li.get("rel") == "self"]
    assert self_link == [f"{SUBPATH}/feeds/stories.atom.xml"]


def test_registry_feed_has_an_entry_per_addition_update_and_status_change(subpath_output):
    site, _ = load_site(Paths.under(ROOT))
    changes = registry_changes(site.brands.values(), site.award_lists.values(), AS_OF.date())
    feed = parse_feed(subpath_output / "feeds" / "registry.atom.xml")
    entries = check_atom(feed, subpath_output)
    assert len(entries) == len(changes)
    assert feed.find(f"{ATOM}updated").text.startswith(changes[0].day.isoformat())
    for entry, change in zip(entries, changes, strict=True):
        path = f"brands/{change.brand.slug}/" if change.brand else f"awards/{change.subject}/"
        assert entry.find(f"{ATOM}link").get("href") == f"{SUBPATH}/{path}"
        assert entry.find(f"{ATOM}category").get("term") == change.kind
        assert entry.find(f"{ATOM}id").text == (
            f"tag:example.org,{change.day.isoformat()}:/brands-site/{path}{change.kind}"
        )
        if change.brand:
            assert change.brand.name in entry.find(f"{ATOM}title").text
        datetime.fromisoformat(entry.find(f"{ATOM}updated").text)
    kinds = {c.kind for c in changes}
    assert kinds == {"added", "updated", "status", "notice-opened", "notice-closed", "awarded"}
    suspended = next(e for e, c in zip(entries, changes, strict=True) if c.kind == "status")
    assert "暂停使用" in suspended.find(f"{ATOM}title").text + suspended.find(f"{ATOM}summary").text
    opened = next(e for e, c in zip(entries, changes, strict=True) if c.kind == "notice-opened")
    assert "拟授奖名单开始公示" in opened.find(f"{ATOM}title").text


def test_pages_announce_the_feeds(subpath_output):
    home = (subpath_output / "index.html").read_text(encoding="utf-8")
    links = re.findall(
        r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', home
    )
    assert links == [
        f"{SUBPATH}/feeds/stories.atom.xml",
        f"{SUBPATH}/feeds/cases.atom.xml",
        f"{SUBPATH}/feeds/registry.atom.xml",
    ]


def test_cases_feed_is_valid_atom_and_lists_the_published_cases(subpath_output):
    feed = parse_feed(subpath_output / "feeds" / "cases.atom.xml")
    entries = check_atom(feed, subpath_output)
    site, _ = load_site(Paths.under(ROOT))
    published = site.published_cases(AS_OF.date())
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == [
        f"{SUBPATH}/cases/{case.slug}/" for case in published
    ]
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert "马某某在摊位冒用“哈密瓜”地理标志专用标志案" in titles
    assert not any("马建国" in (t or "") for t in titles)


def test_development_builds_have_no_feeds(output):
    assert not (output / "feeds").exists()
    assert "application/atom+xml" not in (output / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["stories", "registry", "cases"])
def test_feeds_start_with_the_xml_declaration(subpath_output, name):
    assert (subpath_output / "feeds" / f"{name}.atom.xml").read_text("utf-8").startswith("<?xml")
