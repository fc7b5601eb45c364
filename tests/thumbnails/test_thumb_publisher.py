"""thumbnails.publisher: what the generator and templates call."""

from __future__ import annotations

from types import SimpleNamespace

import pictures
import pytest
from PIL import Image

from brandsite.thumbnails.publisher import PublishFailed, ResponsivePublisher
from brandsite.thumbnails.settings import Settings


@pytest.fixture
def images(tmp_path):
    logo = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    logo.paste((20, 120, 40, 255), (100, 100, 300, 300))
    files = {
        "logo": pictures.write(tmp_path / "src" / "logo.png", logo, "PNG"),
        "cover": pictures.write(
            tmp_path / "src" / "cover.jpg", pictures.upright_picture((1600, 1000)), "JPEG"
        ),
        "story": pictures.write(tmp_path / "src" / "lab.jpg", pictures.upright_picture((1200, 750)), "JPEG"),
    }
    return {name: SimpleNamespace(path=path, alt=f"{name} alt") for name, path in files.items()}


@pytest.fixture
def publisher(tmp_path, images):
    settings = Settings(cache_path=tmp_path / "cache", workers=1)
    publisher = ResponsivePublisher(settings, tmp_path / "out")
    publisher.add(images["logo"], "brands/pear/logo.png", og=True)
    publisher.add(images["cover"], "brands/pear/cover.jpg", og=True)
    publisher.add(images["story"], "images/lab.jpg", og=True)
    return publisher


def test_publish_links_derivatives_next_to_where_the_original_would_be(tmp_path, publisher):
    summary = publisher.publish()
    assert summary.startswith("Images: 3 sources, ") and "made" in summary
    out = tmp_path / "out"
    assert {p.name.split(".")[0] for p in (out / "brands" / "pear").iterdir()} == {"logo", "cover"}
    assert not (out / "brands" / "pear" / "cover.jpg").exists()
    some = next((out / "images").iterdir())
    assert some.stat().st_ino == (tmp_path / "cache" / "files" / some.name).stat().st_ino  # hard link


def test_open_graph_images(tmp_path, publisher, images):
    publisher.publish()
    out = tmp_path / "out"
    logo, cover, story = (publisher.og_image(images[name]) for name in ("logo", "cover", "story"))
    assert (
        logo[0].startswith("brands/pear/logo.")
        and logo[0].endswith(".400w.og.jpg")
        and logo[1:] == (400, 400)
    )
    assert cover[0].startswith("brands/pear/cover.") and cover[0].endswith(".1200w.og.jpg")
    assert cover[1:] == (1200, 750)
    assert story[0].endswith(".1200w.jpg")  # the fallback JPEG already has that width
    for path, _, _ in (logo, cover, story):
        with Image.open(out / path) as image:
            assert image.format == "JPEG" and image.width <= 1200
    with Image.open(out / logo[0]) as image:
        assert image.getpixel((2, 2)) == (255, 255, 255)  # transparency on white
    assert publisher.og_image(None) is None


def test_url_is_the_largest_jpeg_or_png(publisher, images):
    publisher.publish()
    assert publisher.url(images["logo"]).endswith(".400w.png")
    assert publisher.url(images["cover"]).startswith("brands/pear/cover.")
    assert publisher.url(images["cover"]).endswith(".1600w.jpg")


def test_markup_is_the_same_object_for_the_same_call(publisher, images):
    publisher.publish()
    first = publisher.markup(images["logo"], "../..", sizes="6rem")
    assert publisher.markup(images["logo"], "../..", sizes="6rem") is first
    assert 'alt="logo alt"' in first and "image/avif" in first
    named = publisher.markup_named("images/lab.jpg", "..", alt="实验室")
    assert 'alt="实验室"' in named and "../images/lab." in named


def test_a_source_that_fails_stops_publishing_with_its_name(tmp_path, publisher, images):
    images["cover"].path.write_bytes(b"not a jpeg any more")
    with pytest.raises(PublishFailed) as failed:
        publisher.publish()
    assert list(failed.value.errors) == [images["cover"].path]


def test_prune_keeps_only_what_the_build_used(tmp_path, publisher, images):
    publisher.publish()
    stale = tmp_path / "cache" / "files" / "old.0000aaaa.320w.webp"
    stale.write_bytes(b"x")
    assert publisher.prune() >= 1
    assert not stale.exists()
    assert len(list((tmp_path / "cache" / "files").iterdir())) == publisher.report.files_made
