"""thumbnails.batch: derivatives made once, right-sized, clean, and byte-identical."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import pictures
import pytest
from PIL import Image

from brandsite.thumbnails import pixels
from brandsite.thumbnails.batch import Request, render_all
from brandsite.thumbnails.settings import Settings

WIDTHS = (320, 640, 960)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(widths=WIDTHS, og_width=800, cache_path=tmp_path / "cache", workers=1)


@pytest.fixture
def sources(tmp_path) -> dict[str, Path]:
    folder = tmp_path / "src"
    logo = Image.new("RGBA", (400, 300), (0, 0, 0, 0))
    logo.paste((200, 30, 30, 255), (100, 50, 300, 250))
    return {
        "photo": pictures.phone_jpeg(folder / "photo.jpg", 6, size=(900, 1200)),  # stored sideways
        "logo": pictures.write(folder / "logo.png", logo, "PNG"),
        "small": pictures.write(folder / "small.png", Image.new("RGB", (200, 100), "teal"), "PNG"),
    }


def requests(sources, og=False):
    return [Request(path, path.stem, og) for path in sources.values()]


def cached_files(settings):
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in (settings.cache_path / "files").iterdir()}


def test_widths_formats_and_names(settings, sources):
    renditions, report = render_all(requests(sources, og=True), settings)
    assert report.errors == {}
    photo = renditions[sources["photo"]]
    assert (photo.facts.width, photo.facts.height) == (900, 1200)  # turned upright
    shown = [(v.format, v.width, v.height) for v in photo.variants]
    assert shown == [
        (fmt, w, round(1200 * w / 900)) for fmt in ("avif", "webp", "jpeg") for w in (320, 640, 900)
    ] + [("og", 800, 1067)]  # never upscaled
    for variant in photo.variants:
        assert re.fullmatch(r"photo\.[0-9a-f]{8}\.\d+w(\.og)?\.(avif|webp|jpg)", variant.name)
        with Image.open(settings.cache_path / "files" / variant.name) as image:
            assert image.size == (variant.width, variant.height)
    logo = renditions[sources["logo"]]
    assert {v.format for v in logo.variants} == {"avif", "webp", "png", "og"}  # keeps alpha
    assert [v.width for v in logo.variants if v.format == "png"] == [320, 400]
    small = renditions[sources["small"]]
    assert [v.width for v in small.variants if v.format == "jpeg"] == [200]  # one width, no upscale


def test_transparency_survives_in_every_format_but_the_og_jpeg(settings, sources):
    renditions, _ = render_all(requests(sources, og=True), settings)
    for variant in renditions[sources["logo"]].variants:
        with Image.open(settings.cache_path / "files" / variant.name) as image:
            corner = image.convert("RGBA").getpixel((0, 0))
            centre = image.convert("RGBA").getpixel((variant.width // 2, variant.height // 2))
        if variant.format == "og":
            assert corner[:3] == (255, 255, 255)  # flattened on white, not cropped
        else:
            assert corner[3] < 10, variant.name
        assert centre[0] > 150 and centre[3] > 245, variant.name


def test_no_metadata_reaches_a_derivative(settings, sources):
    renditions, _ = render_all(requests(sources, og=True), settings)
    for variant in renditions[sources["photo"]].variants:
        path = settings.cache_path / "files" / variant.name
        data = path.read_bytes()
        with Image.open(path) as image:
            exif = image.getexif()
            assert pictures.GPS_IFD not in exif and not exif.get_ifd(pictures.GPS_IFD), variant.name
            assert len(exif) == 0, variant.name
            assert not image.info.get("exif") and not image.info.get("xmp"), variant.name
            assert not image.info.get("icc_profile"), variant.name
        assert b"TestPhone" not in data and b"xmpmeta" not in data, variant.name


def test_output_is_byte_identical_across_runs_and_pool_sizes(tmp_path, settings, sources):
    render_all(requests(sources, og=True), settings)
    again = replace(settings, cache_path=tmp_path / "again", workers=2)
    render_all(requests(sources, og=True), again)
    first, second = cached_files(settings), cached_files(again)
    assert set(first) == set(second) and len(first) >= 20
    assert {n for n in first if n.endswith(".avif")} and {n for n in first if n.endswith(".webp")}
    for name in first:
        assert first[name][0] == second[name][0], name


def test_second_run_reencodes_nothing(settings, sources):
    _, cold = render_all(requests(sources, og=True), settings)
    before = cached_files(settings)
    _, warm = render_all(requests(sources, og=True), settings)
    assert cold.files_made == len(before) and cold.decoded == 3
    assert (warm.files_made, warm.decoded, warm.files_cached) == (0, 0, len(before))
    assert cached_files(settings) == before  # same bytes, same mtimes


def test_a_setting_change_redoes_only_what_it_shapes(settings, sources):
    render_all(requests(sources), settings)
    before = cached_files(settings)
    higher = replace(settings, quality={**settings.quality, "avif": 50})
    renditions, report = render_all(requests(sources), higher)
    after = cached_files(settings)
    new = set(after) - set(before)
    assert new and all(name.endswith(".avif") for name in new)
    assert report.files_made == len(new)
    kept = {v.name for r in renditions.values() for v in r.variants if v.format != "avif"}
    assert all(after[name] == before[name] for name in kept)


def test_each_source_is_decoded_once_for_all_its_derivatives(settings, sources, monkeypatch):
    opened = []
    real_open = Image.open
    monkeypatch.setattr(pixels.Image, "open", lambda fp, *a, **k: opened.append(1) or real_open(fp, *a, **k))
    _renditions, report = render_all(requests({"photo": sources["photo"]}, og=True), settings)
    assert report.files_made == 10 and len(opened) == 1


def test_bad_sources_are_reported_by_file_not_raised(tmp_path, settings, sources):
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(sources["photo"].read_bytes()[:2000])
    notes = tmp_path / "notes.png"
    notes.write_text("not a picture")
    renditions, report = render_all(requests({"b": broken, "n": notes, **sources}), settings)
    assert set(report.errors) == {broken, notes}
    assert "cannot be decoded" in report.errors[broken]
    assert set(renditions) == set(sources.values())


def test_pool_spreads_sources_and_reports_progress(settings, sources):
    stream = io.StringIO()
    renditions, report = render_all(requests(sources), replace(settings, workers=2), stream)
    assert len(renditions) == 3 and report.decoded == 3
    assert "Images: 3 sources" in report.summary() and "made" in report.summary()


def test_extremely_tall_images_stay_within_webp_limits(settings, tmp_path):
    tall = pictures.write(tmp_path / "tall.png", Image.new("RGB", (100, 20000), "navy"), "PNG")
    renditions, report = render_all([Request(tall, "tall")], settings)
    assert report.errors == {}
    assert max(v.height for v in renditions[tall].variants) <= 16383


def test_a_changed_source_gets_new_derivatives(settings, sources):
    photo = {"photo": sources["photo"]}
    first, _ = render_all(requests(photo), settings)
    pictures.phone_jpeg(sources["photo"], 1, size=(900, 1200))  # edited in place
    second, report = render_all(requests(photo), settings)
    old, new = ({v.name for v in r[sources["photo"]].variants} for r in (first, second))
    assert not old & new and report.decoded == 1
    assert second[sources["photo"]].key != first[sources["photo"]].key
