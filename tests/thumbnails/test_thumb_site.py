"""The built site: <picture> markup on real pages, and rebuilds that encode nothing."""

from __future__ import annotations

import re
import shutil

import pictures
import pytest
from PIL import Image
from sitebuild import IMAGE_CACHE, build, copy_project

from brandsite.qa.linkcheck import check_site

SUMMARY = re.compile(r"Images: (\d+) sources, (\d+) files \((\d+) made, (\d+) from the cache\)")
HASHED = re.compile(r"\.[0-9a-f]{8}\.\d+w(\.og)?\.(avif|webp|jpg|png)$")


def summary(result) -> tuple[int, ...]:
    found = SUMMARY.search(result.stderr)
    assert found, result.stderr
    return tuple(int(n) for n in found.groups())


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("thumbs"))
    pictures.phone_jpeg(root / "content" / "images" / "phone-shot.jpg", 6, size=(900, 1200))
    story = root / "content" / "stories" / "korla-pear-standardisation.md"
    text = story.read_text(encoding="utf-8")
    story.write_text(text + "\n![质检员在实验室里测糖度](images/phone-shot.jpg)\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def first_build(project):
    result = build(project, project / "output")
    assert result.returncode == 0, result.stderr
    return result


def page(project, path: str) -> str:
    return (project / "output" / path / "index.html").read_text(encoding="utf-8")


def pictures_in(html: str) -> list[str]:
    return re.findall(r"<picture>.*?</picture>", html, re.S)


def test_brand_page_markup(project, first_build):
    html = page(project, "brands/korla-fragrant-pear")
    found = pictures_in(html)
    assert len(found) >= 5  # logo, cover, gallery, body
    cover = next(p for p in found if "fetchpriority" in p)
    assert 'loading="eager" fetchpriority="high" decoding="async"' in cover
    assert "orchard." in cover and 'width="1600" height="1000"' in cover
    for other in found:
        assert other.count("<source ") == 2
        assert '<source type="image/avif" srcset="../../brands/korla-fragrant-pear/' in other
        assert re.search(
            r'<img src="[^"]+" srcset="[^"]+" sizes="[^"]+" width="\d+" height="\d+" '
            r'alt="[^"]+" loading="(lazy|eager)"',
            other,
        ), other
    assert sum("fetchpriority" in p for p in found) == 1
    body = html[html.index('id="story"') :]
    assert "<picture>" in body and "blossom." in body and 'alt="四月梨园里盛开的白色梨花"' in body


def test_story_cover_and_body_image(project, first_build):
    html = page(project, "stories/korla-pear-standardisation")
    cover, body_image = pictures_in(html)[:2]
    assert "pear-lab." in cover and 'fetchpriority="high"' in cover
    assert "phone-shot." in body_image and 'loading="lazy"' in body_image
    assert 'alt="质检员在实验室里测糖度"' in body_image
    assert 'width="900" height="1200"' in body_image  # upright: the phone held it portrait


def test_no_original_placeholder_or_metadata_is_published(project, first_build):
    output = project / "output"
    images = [p for p in output.rglob("*") if p.suffix in (".jpg", ".png", ".avif", ".webp", ".gif")]
    assert images and all(HASHED.search(p.name) for p in images if "theme" not in p.parts)
    assert not any("data-thumbnail" in p.read_text(encoding="utf-8") for p in output.rglob("*.html"))
    for path in output.glob("images/phone-shot.*"):
        with Image.open(path) as image:
            assert not image.getexif().get_ifd(pictures.GPS_IFD) and len(image.getexif()) == 0
        assert b"TestPhone" not in path.read_bytes()
    assert check_site(output) == []


def test_rebuild_without_output_encodes_nothing_and_gives_the_same_bytes(project, first_build):
    output = project / "output"
    published = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if HASHED.search(p.name)}
    cache_files = {name.name: (IMAGE_CACHE / "files" / name.name).stat().st_mtime_ns for name in published}
    sources, files, _made, _cached = summary(first_build)
    shutil.rmtree(output)
    second = build(project, output)
    assert second.returncode == 0, second.stderr
    assert summary(second) == (sources, files, 0, files)  # every file a cache hit
    assert {
        p.relative_to(output): p.read_bytes() for p in output.rglob("*") if HASHED.search(p.name)
    } == published
    assert {name: (IMAGE_CACHE / "files" / name).stat().st_mtime_ns for name in cache_files} == cache_files


def test_a_broken_image_in_a_page_body_fails_the_build(tmp_path):
    root = copy_project(tmp_path)
    about = root / "content" / "pages" / "about.md"
    about.write_text(
        about.read_text(encoding="utf-8") + "\n![地图](images/missing-map.png)\n", encoding="utf-8"
    )
    result = build(root, root / "output")
    assert result.returncode == 1
    assert re.search(
        r'content/pages/about\.md:\d+: body: image file "images/missing-map.png" '
        r"does not exist",
        result.stderr,
    ), result.stderr
    assert not (root / "output").exists()
