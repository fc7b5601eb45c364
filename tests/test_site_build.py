"""The sample site, built end to end as `make html` and `make publish` do."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import SUBPATH
from sitebuild import AS_OF, ROOT, build

from brandsite.qa.linkcheck import check_site


@pytest.fixture(scope="module")
def site(sample_site):
    return sample_site


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def text_of(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def test_sample_content_meets_the_brief(site):
    brands = site.brands.values()
    assert len(site.brands) >= 12
    assert len({b.region for b in brands}) >= 5
    assert all(site.registry.regions[b.region].parent for b in brands)
    assert len({b.category for b in brands}) >= 3
    assert len({c.type for b in brands for c in b.certifications}) >= 2
    assert len({(a.program, a.edition) for b in brands for a in b.awards}) >= 2
    assert len(site.stories) >= 8
    assert sum(len(s.brands) >= 2 for s in site.stories.values()) >= 2
    assert any(b.status == "suspended" for b in brands)
    csv_counts = [sum(".csv:" in lic.source for lic in b.licensees) for b in brands]
    assert max(csv_counts) >= 60
    for path in list(ROOT.glob("brands/**/*.*")) + list(ROOT.glob("content/images/*")):
        if path.suffix in (".jpg", ".png", ".webp"):
            assert path.stat().st_size < 300_000, path


def test_every_brand_and_facet_has_a_page(site, output):
    for brand in site.brands.values():
        page = output / "brands" / brand.slug / "index.html"
        assert brand.name in text_of(page)
        for image in brand.images():  # published only as derivatives: originals keep EXIF
            stem = Path(image.src).stem
            assert not (output / "brands" / brand.slug / image.src).exists()
            assert list((output / "brands" / brand.slug).glob(f"{stem}.*.320w.avif")), image.src
    for code in site.registry.regions:
        assert (output / "regions" / code / "index.html").is_file()
    for ident in site.registry.categories:
        assert (output / "categories" / ident / "index.html").is_file()
    for ident in site.registry.certification_types:
        assert (output / "certifications" / ident / "index.html").is_file()
    for program in site.registry.award_programs.values():
        for edition in program.editions:
            assert (output / "awards" / program.id / str(edition.number) / "index.html").is_file()
    for index in ("brands", "regions", "categories", "certifications", "awards", "stories"):
        assert (output / index / "index.html").is_file()
    for story in site.stories.values():
        folder = output / "en" if story.lang == "en" else output
        assert story.title in text_of(folder / "stories" / story.slug / "index.html")


def test_brand_page_lists_every_licence_and_its_stories(site, output):
    brand = max(site.brands.values(), key=lambda b: len(b.licensees))
    html = (output / "brands" / brand.slug / "index.html").read_text(encoding="utf-8")
    for licensee in brand.licensees:
        assert f">{licensee.license}<" in html
    for story in site.stories.values():
        if brand.slug in story.brands:
            assert f"stories/{story.slug}/" in html


def test_region_page_includes_brands_of_child_regions(site, output):
    brand = next(iter(site.brands.values()))
    for region in site.registry.region_chain(brand.region):
        assert f"brands/{brand.slug}/" in (output / "regions" / region.code / "index.html").read_text()


def test_award_edition_lists_recipient_and_brand(site, output):
    for brand in site.brands.values():
        for award in brand.awards:
            page = output / "awards" / award.program / str(award.edition) / "index.html"
            text = text_of(page)
            assert brand.name in text
            assert (award.recipient or brand.owner) in text


def test_story_shows_cards_of_its_brands(site, output):
    story = max(site.stories.values(), key=lambda s: len(s.brands))
    html = (output / "stories" / story.slug / "index.html").read_text(encoding="utf-8")
    for slug in story.brands:
        assert f"brands/{slug}/" in html


def test_home_page_figures(site, output):
    as_of = AS_OF.date()
    brands = list(site.brands.values())
    valid = sum(lic.state(as_of, b.status) == "valid" for b in brands for lic in b.licensees)
    enterprises = len({lic.name for b in brands if b.is_current for lic in b.licensees})
    text = text_of(output / "index.html")
    for figure in (len(brands), valid, enterprises, len({b.region for b in brands})):
        assert re.search(rf"(?<!\d){figure}(?!\d)", text), figure
    assert as_of.isoformat() in text


def test_suspended_and_revoked_brands_never_look_current(site, output):
    for brand in site.brands.values():
        if brand.is_current:
            continue
        page = (output / "brands" / brand.slug / "index.html").read_text(encoding="utf-8")
        shown = re.sub(r"<template\b.*?</template>", "", page, flags=re.S)  # JS-only markup
        assert f"badge--{brand.status}" in shown
        assert "badge--valid" not in shown
        directory = (output / "brands" / "index.html").read_text(encoding="utf-8")
        card = directory[directory.index(f"brands/{brand.slug}/") :][:1500]
        assert f"badge--{brand.status}" in card


def test_every_page_has_lang_skip_link_and_local_assets_only(output):
    for page in output.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        lang = "en" if page.relative_to(output).parts[0] == "en" else "zh-CN"
        assert re.search(rf'<html lang="{lang}"', html), page
        assert 'href="#main"' in html, page
        assert not re.search(
            r'(src|href)="(https?:)?//(?!brands\.example\.org)', html.split("<main", 1)[0]
        ), page


def test_no_broken_internal_links_at_root(output):
    broken = [str(b) for b in check_site(output)]
    assert broken == [], f"{len(broken)} broken link(s), as page: link: problem\n" + "\n".join(broken)


def test_no_broken_internal_links_under_a_subpath(subpath_output):
    broken = [str(b) for b in check_site(subpath_output, SUBPATH)]
    assert broken == [], f"{len(broken)} broken link(s), as page: link: problem\n" + "\n".join(broken)
    home = (subpath_output / "index.html").read_text(encoding="utf-8")
    assert f'href="{SUBPATH}/brands/"' in home
    assert not re.search(r'(href|src)="/(?!/)', home)


def test_publish_builds_are_byte_identical(subpath_output, tmp_path):
    again = tmp_path / "output"
    result = build(ROOT, again, settings="publishconf.py", siteurl=SUBPATH)
    assert result.returncode == 0, result.stderr

    def contents(folder):
        return {
            p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }

    first, second = contents(subpath_output), contents(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    for name in (
        "sitemap.xml",
        "feeds/registry.atom.xml",
        "feeds/stories.atom.xml",
        "data/brands.json",
        "data/licensees.csv",
        "verify/licences/0.json",
        "robots.txt",
        "pagefind/partitions.json",
        "pagefind/zh-cn-stories/pagefind-entry.json",
        "en/brands/korla-fragrant-pear/index.html",
    ):
        assert name in first
    filters = [name for name in first if name.startswith("pagefind/") and "/filter/" in name]
    assert len(filters) >= 6  # sorted by normalise()
