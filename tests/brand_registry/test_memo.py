"""The parse memo: a hit never differs from parsing again, an edit is a miss, a damaged
or foreign cache file is ignored, and an image or a body still gets its checks."""

from __future__ import annotations

import os
import pickle
import time
from datetime import date
from pathlib import PosixPath

import pytest
from conftest import jpeg_bytes, png_bytes

from brandsite import file_stamp
from brandsite.brand_registry import frontmatter, images, markdown_body, memo
from brandsite.brand_registry.frontmatter import FrontMatterError, parse_document
from brandsite.brand_registry.images import ImageProblem, load_image
from brandsite.brand_registry.markdown_body import references, render
from brandsite.brand_registry.settings_file import read_settings_file, site_paths

TEXT = "---\nname: 库尔勒香梨\nregistered: 2019-05-20\nbad_day: 2024-02-30\ntags: [梨, 1]\n---\n正文。\n"
BODY = "正文，[链接](https://example.org/)。\n\n![香梨](pear.png)\n"
OLD = time.time() - 3600  # an mtime safely in the past (for mtime; see file_stamp.RACY_NS)


@pytest.fixture
def cache(tmp_path):
    folder = tmp_path / "cache"
    memo.begin(folder)
    yield folder
    memo.begin(None)  # later tests start with an empty, folder-less memo


def next_build(folder):
    """What a new build process sees: only what the last one saved."""
    memo.begin(None)
    memo.begin(folder)


@pytest.fixture
def counted(monkeypatch):
    """How often YAML was composed, Markdown rendered and an image decoded."""
    calls = {"yaml": 0, "markdown": 0, "image": 0}

    def counting(kind, function):
        def wrapper(*args, **kwargs):
            calls[kind] += 1
            return function(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(frontmatter, "_compose_fast", counting("yaml", frontmatter._compose_fast))
    monkeypatch.setattr(markdown_body, "to_html", counting("markdown", markdown_body.to_html))
    monkeypatch.setattr(images, "_decode", counting("image", images._decode))
    return calls


def test_a_second_parse_in_the_same_build_is_free_and_a_fresh_copy(cache, counted):
    first = parse_document(TEXT)
    second = parse_document(TEXT)
    assert counted["yaml"] == 1
    assert second == first
    assert first.meta == {
        "name": "库尔勒香梨",
        "registered": date(2019, 5, 20),
        "bad_day": "2024-02-30",
        "tags": ["梨", 1],
    }
    first.meta["tags"].append("changed")
    assert parse_document(TEXT).meta["tags"] == ["梨", 1]


def test_a_rebuild_reads_the_results_from_disk(cache, counted):
    parsed = parse_document(TEXT)
    assert memo.save()
    assert (cache / memo.FILE_NAME).is_file()
    next_build(cache)
    assert parse_document(TEXT) == parsed
    assert counted["yaml"] == 1
    assert not memo.save()  # nothing new, nothing dropped: the file is left alone


def test_an_edit_is_parsed_again(cache, counted):
    parse_document(TEXT)
    memo.save()
    next_build(cache)
    edited = parse_document(TEXT.replace("库尔勒香梨", "阿克苏苹果"))
    assert edited.meta["name"] == "阿克苏苹果"
    assert counted["yaml"] == 2


def test_entries_the_build_did_not_use_are_dropped_when_saved(cache, counted):
    other = TEXT.replace("库尔勒香梨", "阿克苏苹果")
    parse_document(TEXT)
    parse_document(other)
    memo.save()
    next_build(cache)
    parse_document(TEXT)
    assert memo.save()  # the other entry went
    next_build(cache)
    parse_document(other)
    assert counted["yaml"] == 3


def test_entries_a_kept_result_was_made_from_are_kept_with_it(cache, counted):
    """A cache of results made from parses (a checked brand) records their entries and
    keeps them while it is used, so a later edit finds the parses it did not change."""
    other = TEXT.replace("库尔勒香梨", "阿克苏苹果")
    with memo.recording() as names:
        parse_document(TEXT)
    parse_document(other)
    assert names and all(name.startswith("yaml:") for name in names)
    memo.save()
    next_build(cache)
    memo.keep(names)  # the result made from TEXT was used, TEXT was not parsed
    parse_document(other)
    memo.save()
    next_build(cache)
    parse_document(TEXT)
    assert counted["yaml"] == 2  # TEXT's parse was still there


def test_errors_are_not_kept_and_limits_are_part_of_the_key(cache, monkeypatch):
    parse_document(TEXT)
    monkeypatch.setattr(frontmatter, "MAX_NODES", 3)
    with pytest.raises(FrontMatterError, match="more than 3 values"):
        parse_document(TEXT)
    with pytest.raises(FrontMatterError, match="more than 3 values"):
        parse_document(TEXT)


class RunsCode:
    def __reduce__(self):
        return (os.system, ("touch ran-code",))


@pytest.mark.parametrize(
    "damage", ["garbage", "truncated", "empty", "folder", "code", "checksum", "other-version"]
)
def test_a_damaged_or_foreign_cache_is_ignored(cache, counted, damage, monkeypatch):
    parse_document(TEXT)
    memo.save()
    path = cache / memo.FILE_NAME
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(os.urandom(len(data)))
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "folder":
        path.unlink()
        path.mkdir()
    elif damage == "code":
        payload = pickle.dumps({"yaml:x": RunsCode()})
        path.write_bytes(
            pickle.dumps(
                (memo.FORMAT, memo.code_version(), __import__("hashlib").sha256(payload).hexdigest(), payload)
            )
        )
    elif damage == "checksum":
        path.write_bytes(data.replace("库尔勒香梨".encode(), "阿克苏苹果".encode()))
    elif damage == "other-version":
        monkeypatch.setitem(memo._code_versions, memo.MODULES, "other code")
    monkeypatch.chdir(cache.parent)
    next_build(cache)
    assert parse_document(TEXT).meta["name"] == "库尔勒香梨"
    assert counted["yaml"] == 2  # parsed again, without a word
    assert not (cache.parent / "ran-code").exists()
    if damage != "folder":
        assert memo.save()  # replaced by a good file
        next_build(cache)
        parse_document(TEXT)
        assert counted["yaml"] == 2


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    memo.begin(tmp_path / "file" / "cache")  # a folder that cannot be made
    try:
        assert parse_document(TEXT).meta["name"] == "库尔勒香梨"
        assert not memo.save()
        assert "Parse cache not saved" in capsys.readouterr().err
    finally:
        memo.begin(None)


def test_two_builds_saving_at_once_leave_one_valid_file(cache):
    one, two = memo.Memo(), memo.Memo()
    one.begin(cache)
    two.begin(cache)
    one.put("yaml:one", 1)
    two.put("yaml:two", 2)
    assert one.save() and two.save()
    assert [path.name for path in cache.iterdir()] == [memo.FILE_NAME]  # no half-written file
    three = memo.Memo()
    three.begin(cache)
    assert three.get("yaml:two") == 2 and three.get("yaml:one") is memo.MISSING


def test_a_body_is_rendered_once_per_build_and_not_at_all_when_unchanged(cache, counted):
    found = references(BODY)
    html = render(BODY)
    assert counted["markdown"] == 1  # validation's render serves the page too
    assert [(ref.tag, ref.url, ref.line) for ref in found] == [
        ("a", "https://example.org/", 1),
        ("img", "pear.png", 3),
    ]
    memo.save()
    next_build(cache)
    assert references(BODY) == found and render(BODY) == html
    assert counted["markdown"] == 1
    assert "再改" in render(BODY + "\n再改。\n")
    assert counted["markdown"] == 2


def test_images_a_kept_page_names_still_go_through_the_renderer(cache):
    render(BODY)
    named = []
    html = render(BODY, lambda src, alt: named.append((src, alt)) or f"<picture>{src}</picture>")
    assert named == [("pear.png", "香梨")]
    assert "<picture>pear.png</picture>" in html


@pytest.fixture
def old_enough(monkeypatch):
    """A file written by the test has a ctime of now: count it as old enough to keep."""
    monkeypatch.setattr(file_stamp, "RACY_NS", -1)


def test_an_image_is_decoded_again_only_when_its_file_changes(cache, counted, tmp_path, old_enough):
    path = tmp_path / "logo.png"
    path.write_bytes(png_bytes((40, 30)))
    os.utime(path, (OLD, OLD))
    assert load_image(tmp_path, "logo.png").width == 40
    memo.begin(cache)  # another build in the same process
    load_image(tmp_path, "logo.png")
    memo.save()
    next_build(cache)
    image = load_image(tmp_path, "logo.png", "标志")
    assert (image.width, image.height, image.format, image.alt) == (40, 30, "PNG", "标志")
    assert counted["image"] == 1
    path.write_bytes(png_bytes((50, 30)))
    os.utime(path, (OLD + 1, OLD + 1))
    assert load_image(tmp_path, "logo.png").width == 50
    assert counted["image"] == 2


def test_checks_still_run_for_a_kept_image(cache, counted, tmp_path, old_enough):
    path = tmp_path / "logo.png"
    path.write_bytes(png_bytes())
    os.utime(path, (OLD, OLD))
    load_image(tmp_path, "logo.png")
    (tmp_path / "logo.jpg").symlink_to("logo.png")  # the same file, misnamed
    with pytest.raises(ImageProblem, match=r"its name must end in \.png"):
        load_image(tmp_path, "logo.jpg")
    assert counted["image"] == 1
    path.unlink()
    with pytest.raises(ImageProblem, match=r'file "logo\.png" does not exist'):
        load_image(tmp_path, "logo.png")


def test_a_just_written_image_is_not_kept(cache, counted, tmp_path):
    """Rewritten within the same clock tick, a file may keep its size and mtime."""
    (tmp_path / "logo.jpg").write_bytes(jpeg_bytes())
    load_image(tmp_path, "logo.jpg")
    load_image(tmp_path, "logo.jpg")
    assert counted["image"] == 2


def test_the_story_reader_still_checks_a_kept_storys_images(cache, tmp_path):
    from pelican.settings import DEFAULT_CONFIG

    from brandsite.story_reader.reader import StoryReader

    (tmp_path / "images").mkdir()
    image = tmp_path / "images" / "pear.png"
    image.write_bytes(png_bytes())
    os.utime(image, (OLD, OLD))
    story = tmp_path / "story.md"
    story.write_text(
        "---\ntitle: 标题\ndate: 2024-04-02\n---\n正文。\n\n![香梨]({static}/images/pear.png)\n",
        encoding="utf-8",
    )
    reader = StoryReader({**DEFAULT_CONFIG, "PATH": str(tmp_path)})
    content, metadata = reader.read(str(story))
    assert [i.src for i in metadata["body_images"]] == ["images/pear.png"]
    memo.save()
    next_build(cache)
    assert reader.read(str(story))[0] == content
    image.unlink()
    with pytest.raises(ValueError, match="does not exist"):
        reader.read(str(story))


def test_make_check_and_builds_find_the_cache_where_pelican_keeps_its_own(tmp_path):
    (tmp_path / "site").mkdir()
    settings_file = tmp_path / "site" / "conf.py"
    settings_file.write_text('PATH = "content"\nCACHE_PATH = ".cache/pelican"\n')
    paths = site_paths(read_settings_file(settings_file))
    assert paths.cache == tmp_path / "site" / ".cache" / "pelican" / "registry"
    settings_file.write_text('PATH = "content"\n')  # Pelican's default, "cache"
    assert site_paths(read_settings_file(settings_file)).cache == tmp_path / "site" / "cache" / "registry"


@pytest.mark.parametrize(
    "path", ["/srv/site/brands/库尔勒香梨/index.md", "brands/a.md", ".", "//net/x", "/", "a/../b", "x y/z"]
)
def test_an_unpickled_path_is_the_path_pickled(path):
    """The caches' loaders build a PosixPath from its pickled parts without parsing them again."""
    original = PosixPath(path)
    function, parts = original.__reduce__()
    assert function is PosixPath
    made = memo.unpickled_path(*parts)
    assert type(made) is PosixPath
    for look in (str, hash, lambda p: p.parts, lambda p: p.parent, lambda p: p.name, lambda p: p / "x"):
        assert look(made) == look(original)
    assert made == original and made.is_absolute() == original.is_absolute()
