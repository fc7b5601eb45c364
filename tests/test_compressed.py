"""brandsite.build.compressed: the plugin's twins, made again only for files that changed."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from pelican.plugins.precompress import compress_files

from brandsite.build import compressed
from brandsite.build.compressed import Compression

SETTINGS = {
    "PLUGINS": ["site_i18n", compressed.PLUGIN],
    "PRECOMPRESS_GZIP": True,
    "PRECOMPRESS_BROTLI": True,
    "PRECOMPRESS_ZOPFLI": False,
    "PRECOMPRESS_ZSTANDARD": False,
    "PRECOMPRESS_MIN_SIZE": 256,
    "PRECOMPRESS_TEXT_EXTENSIONS": {".html", ".json", ".txt"},
}
PAGE = "<p>区域公共品牌的质量故事。</p>\n" * 40


def site(folder: Path) -> Path:
    """Pages, data, a file too small to compress and one that grows compressed."""
    for name, data in {
        "index.html": PAGE.encode(),
        "brands/pear/index.html": (PAGE + "香梨").encode(),
        "data/brands.json": b'{"brands": []}' * 40,
        "small.txt": b"tiny",
        "noise.txt": random.Random(1).randbytes(600),
        "photo.jpg": b"\xff\xd8" * 300,
    }.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def files(folder: Path) -> dict[str, bytes]:
    found = sorted(p for p in folder.rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in found}


@pytest.mark.parametrize("workers", [1, 2])
def test_the_twins_are_the_plugins_own(tmp_path, monkeypatch, workers):
    monkeypatch.setattr(compressed, "PARALLEL_MIN", 1)  # two processes even for these few files
    ours, theirs = site(tmp_path / "ours"), site(tmp_path / "theirs")
    done = Compression({**SETTINGS, "RENDER_WORKERS": workers}).compress(ours, None)
    compress_files(SimpleNamespace(settings={**SETTINGS, "OUTPUT_PATH": str(theirs)}))
    assert files(ours) == files(theirs)
    assert sorted(done.stamps) == sorted(name for name in files(ours) if name.endswith((".gz", ".br")))
    assert "small.txt.gz" not in done.stamps and "noise.txt.br" not in done.stamps
    assert "photo.jpg.gz" not in done.stamps
    assert (done.made, done.linked) == (6, 0)


def test_the_processes_get_even_shares_of_the_work(tmp_path, monkeypatch):
    """Each process makes every twin of the files it takes, and as many bytes as the other,
    give or take a file: not one process all the Brotli twins (the slow ones)."""
    for n in range(40):
        (tmp_path / f"page-{n:02}.html").write_bytes(PAGE.encode() * (1 + n % 7))
    dealt = []
    monkeypatch.setattr(compressed, "run_shared", lambda jobs, work, workers: dealt.append((jobs, workers)))
    Compression({**SETTINGS, "RENDER_WORKERS": 2}).compress(tmp_path, None)
    [(jobs, workers)] = dealt
    assert workers == 2
    shares = [jobs[share::workers] for share in range(workers)]

    def made(share, ending):
        return sorted(path for _size, path, formats in share for twin in formats if twin[1] == ending)

    for share in shares:
        assert made(share, ".br") == made(share, ".gz")  # both twins of a file, by one process
    brotli = [len(made(share, ".br")) for share in shares]
    assert max(brotli) - min(brotli) <= 1
    sizes = [sum(size for size, _path, _formats in share) for share in shares]
    assert max(sizes) - min(sizes) <= max(size for size, _path, _formats in jobs)


def test_a_file_that_is_the_previous_file_keeps_its_twins(tmp_path):
    previous = site(tmp_path / "previous")
    Compression(SETTINGS).compress(previous, None)
    new = tmp_path / "new"
    for name in ("index.html", "data/brands.json", "noise.txt"):  # kept: links to the previous files
        (new / name).parent.mkdir(parents=True, exist_ok=True)
        os.link(previous / name, new / name)
    (new / "brands/pear").mkdir(parents=True)
    (new / "brands/pear/index.html").write_bytes(b"<p>changed</p>" * 40)
    shutil.copy(previous / "small.txt", new / "small.txt")

    done = Compression(SETTINGS).compress(new, previous)

    for twin in ("index.html.br", "index.html.gz", "data/brands.json.gz"):
        assert (new / twin).stat().st_ino == (previous / twin).stat().st_ino
    assert not (new / "noise.txt.br").exists()  # none before: none now, without compressing again
    expected = site(tmp_path / "expected")
    (expected / "brands/pear/index.html").write_bytes(b"<p>changed</p>" * 40)
    (expected / "photo.jpg").unlink()
    compress_files(SimpleNamespace(settings={**SETTINGS, "OUTPUT_PATH": str(expected)}))
    assert files(new) == files(expected)
    assert (done.made, done.linked) == (2, 4)


def test_listings_whose_inodes_are_not_the_files_own_still_find_the_same_file(tmp_path, monkeypatch):
    """As on some overlay file systems: a folder's listing gives other inodes than stat."""
    previous = site(tmp_path / "previous")
    Compression(SETTINGS).compress(previous, None)
    new = tmp_path / "new"
    new.mkdir()
    os.link(previous / "index.html", new / "index.html")
    shutil.copy(previous / "small.txt", new / "small.txt")
    listing = compressed._Listings.of
    monkeypatch.setattr(
        compressed._Listings,
        "of",
        lambda self, name: {k: v + 1 for k, v in (listing(self, name) or {}).items()},
    )
    done = Compression(SETTINGS).compress(new, previous)
    assert (done.made, done.linked) == (0, 2)
    assert (new / "index.html.br").stat().st_ino == (previous / "index.html.br").stat().st_ino


def test_the_same_bytes_in_another_file_are_compressed_again(tmp_path):
    """Only a link proves the file is the one the previous twins were made from."""
    previous = site(tmp_path / "previous")
    Compression(SETTINGS).compress(previous, None)
    (previous / "index.html.br").write_bytes(b"not this page's brotli")
    new = tmp_path / "new"
    new.mkdir()
    shutil.copy(previous / "index.html", new / "index.html")
    done = Compression(SETTINGS).compress(new, previous)
    assert (done.made, done.linked) == (2, 0)
    assert (new / "index.html.br").read_bytes() != b"not this page's brotli"


@pytest.mark.parametrize(
    "change",
    [
        {"PRECOMPRESS_MIN_SIZE": 512},
        {"PRECOMPRESS_BROTLI": False},
        {"PRECOMPRESS_TEXT_EXTENSIONS": {".html"}},
    ],
)
def test_the_identity_follows_what_shapes_the_twins(change):
    assert Compression({**SETTINGS, **change}).identity() != Compression(SETTINGS).identity()
    assert Compression(dict(SETTINGS)).identity() == Compression(SETTINGS).identity()


def test_the_driver_takes_the_plugins_step_over():
    settings = {**SETTINGS, "PLUGINS": list(SETTINGS["PLUGINS"])}
    assert compressed.wanted(settings)
    compressed.take_over(settings)
    assert settings["PLUGINS"] == ["site_i18n"]
    assert compressed.wanted(settings)
    assert not compressed.wanted({"PLUGINS": ["site_i18n"]})
