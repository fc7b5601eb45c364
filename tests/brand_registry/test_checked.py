"""The checked-brands cache: an unchanged bundle is not checked again and gives the same
brand and issues; any change to the bundle, the registry or the day is a miss. Stories
likewise, with content/'s images, and the brands they name checked on every build."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from conftest import png_bytes

from brandsite import file_stamp
from brandsite.brand_registry import checked, memo, site


@pytest.fixture
def counted(monkeypatch, tmp_path):
    """Bundles checked (load_brand calls); files count as old enough to keep."""
    monkeypatch.setattr(file_stamp, "RACY_NS", -1)
    calls = []
    real = site.load_brand

    def counting(bundle, *args, **kwargs):
        calls.append(bundle.name)
        return real(bundle, *args, **kwargs)

    def counting_story(path, *args, **kwargs):
        calls.append(path.name)
        return real_story(path, *args, **kwargs)

    real_story = site.load_story
    monkeypatch.setattr(site, "load_brand", counting)
    monkeypatch.setattr(site, "load_story", counting_story)
    yield calls
    checked.begin(None, "")  # later tests start with an empty cache
    checked.begin(None, "")


def load(project, folder, as_of=None):
    return site.load_site(replace(project.paths(), cache=folder), as_of)


def test_an_unchanged_bundle_is_not_checked_again(project, counted, tmp_path):
    project.brand("korla-fragrant-pear", logo="logo.png", files={"logo.png": png_bytes()})
    project.brand("hami-melon", name="哈密瓜", phone_typo=1)  # an error: replayed too
    folder = tmp_path / "cache"
    first, first_issues = load(project, folder)
    assert sorted(counted) == ["hami-melon", "korla-fragrant-pear"]
    second, second_issues = load(project, folder)
    assert sorted(counted) == ["hami-melon", "korla-fragrant-pear"]  # no more checks
    assert second.brands == first.brands
    assert second_issues == first_issues and any("phone_typo" in str(i) for i in second_issues)


def test_a_changed_file_registry_or_day_is_checked_again(project, counted, tmp_path):
    project.brand("korla-fragrant-pear", logo="logo.png", files={"logo.png": png_bytes()})
    project.brand("hami-melon", name="哈密瓜")
    folder = tmp_path / "cache"
    load(project, folder)
    counted.clear()
    (project.brands / "korla-fragrant-pear" / "logo.png").write_bytes(png_bytes((50, 30)))
    loaded, _ = load(project, folder)
    assert counted == ["korla-fragrant-pear"]
    assert loaded.brands["korla-fragrant-pear"].logo.width == 50
    counted.clear()
    project.registry(project.brands.joinpath("_registry.yaml").read_text(encoding="utf-8") + "\n")
    load(project, folder)
    assert sorted(counted) == ["hami-melon", "korla-fragrant-pear"]
    counted.clear()
    load(project, folder, as_of=date(2026, 11, 26))
    assert sorted(counted) == ["hami-melon", "korla-fragrant-pear"]


def test_the_cache_is_kept_for_the_next_build_and_a_damaged_file_is_ignored(project, counted, tmp_path):
    project.brand("korla-fragrant-pear")
    folder = tmp_path / "cache"
    load(project, folder)
    assert checked.save()
    checked.begin(None, "")  # a new process
    counted.clear()
    load(project, folder)
    assert counted == []
    (folder / checked.FILE_NAME).write_bytes(b"\x80\x05damaged")
    checked.begin(None, "")
    load(project, folder)
    assert counted == ["korla-fragrant-pear"]


def test_preloaded_entries_are_handed_out_once_each_and_only_for_their_files(
    project, counted, monkeypatch, tmp_path
):
    """The preview's worker decodes the cache between builds: the next build takes each
    brand from there once, undecoded; an edited bundle is checked again as ever."""
    project.brand("korla-fragrant-pear")
    project.brand("hami-melon", name="哈密瓜")
    folder = tmp_path / "cache"
    first, _ = load(project, folder)
    assert checked.save()
    checked.begin(None, "")  # the worker's process
    checked.preload(folder)
    preloaded = {brand.slug: brand for _data, (brand, _issues, _parsed) in checked._checked.decoded.values()}
    assert sorted(preloaded) == ["hami-melon", "korla-fragrant-pear"]
    decoded = []
    monkeypatch.setattr(checked, "_loads", lambda data: decoded.append(data) or pytest.fail("decoded again"))
    counted.clear()
    (project.brands / "hami-melon" / "index.md").write_text(
        (project.brands / "hami-melon" / "index.md").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    second, _ = load(project, folder)
    assert counted == ["hami-melon"]  # edited: checked again
    assert second.brands["korla-fragrant-pear"] is preloaded["korla-fragrant-pear"]  # as decoded
    assert second.brands["korla-fragrant-pear"] == first.brands["korla-fragrant-pear"]
    left = [brand.slug for _data, (brand, _issues, _parsed) in checked._checked.decoded.values()]
    assert left == ["hami-melon"]  # korla's was handed out (once); hami's entry was not asked for
    assert decoded == []


def test_the_next_preload_decodes_only_the_entries_that_changed(project, counted, monkeypatch, tmp_path):
    """The worker preloads after every build: what it decoded before, of the same bytes, is
    kept (its builds ran in forked children, which changed only their own copies)."""
    project.brand("korla-fragrant-pear")
    project.brand("hami-melon", name="哈密瓜")
    folder = tmp_path / "cache"
    load(project, folder)
    assert checked.save()
    checked.begin(None, "")  # the worker's process
    checked.preload(folder)
    first = {brand.slug: brand for _data, (brand, _issues, _parsed) in checked._checked.decoded.values()}
    worker = dict(checked._checked.decoded)  # as the worker keeps it while a child builds
    index = project.brands / "hami-melon" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    load(project, folder)
    assert checked.save()
    checked._checked.decoded = worker
    decoded = []
    loads = checked._loads
    monkeypatch.setattr(checked, "_loads", lambda data: decoded.append(data) or loads(data))
    checked.preload(folder)
    second = {brand.slug: brand for _data, (brand, _issues, _parsed) in checked._checked.decoded.values()}
    assert len(decoded) == 1 and sorted(second) == ["hami-melon", "korla-fragrant-pear"]
    assert second["korla-fragrant-pear"] is first["korla-fragrant-pear"]
    assert second["hami-melon"] is not first["hami-melon"]  # edited: decoded anew
    assert all(data is checked._checked.stored[key] for key, (data, _) in checked._checked.decoded.items())
    checked.begin(None, "")


def test_a_bundle_changed_just_now_is_not_kept(project, counted, monkeypatch, tmp_path):
    monkeypatch.setattr(file_stamp, "RACY_NS", 2_000_000_000)
    project.brand("korla-fragrant-pear")
    folder = tmp_path / "cache"
    load(project, folder)
    load(project, folder)
    assert counted == ["korla-fragrant-pear", "korla-fragrant-pear"]


def test_only_the_registry_s_own_classes_are_unpickled():
    import pickle

    with pytest.raises(pickle.UnpicklingError):
        checked._loads(pickle.dumps(print))  # builtins.print: code, never allowed


def test_an_unchanged_story_is_not_checked_again(project, counted, tmp_path):
    project.brand("korla-fragrant-pear")
    project.story("pear", brands=["korla-fragrant-pear"])
    project.story("orphan")  # a warning (no brand): replayed too
    folder = tmp_path / "cache"
    first, first_issues = load(project, folder)
    second, second_issues = load(project, folder)
    assert sorted(counted) == ["korla-fragrant-pear", "orphan.md", "pear.md"]  # each once
    assert second.stories == first.stories
    assert second_issues == first_issues and any("orphan" in str(i) for i in second_issues)


def test_a_story_is_checked_again_after_its_file_an_image_or_its_brand_changed(project, counted, tmp_path):
    project.brand("korla-fragrant-pear")
    (project.content / "images" / "pear.png").write_bytes(png_bytes())
    project.story("pear", brands=["korla-fragrant-pear"], cover="images/pear.png")
    folder = tmp_path / "cache"
    load(project, folder)
    counted.clear()
    (project.content / "images" / "pear.png").write_bytes(png_bytes((50, 30)))
    loaded, _ = load(project, folder)
    assert counted == ["pear.md"]
    assert loaded.stories[project.stories / "pear.md"].cover.width == 50
    counted.clear()
    project.story("pear", brands=["korla-fragrant-pear"], cover="images/pear.png", title="新标题")
    loaded, _ = load(project, folder)
    assert counted == ["pear.md"] and loaded.stories[project.stories / "pear.md"].title == "新标题"
    counted.clear()
    (project.brands / "korla-fragrant-pear" / "index.md").unlink()
    _, issues = load(project, folder)
    assert counted == ["pear.md"]  # its brand is gone: checked again, for the message
    assert any("korla-fragrant-pear" in str(issue) and issue.field.startswith("brands") for issue in issues)


def test_a_story_with_errors_is_never_kept(project, counted, tmp_path):
    project.story("pear", brands=["no-such-brand"])
    folder = tmp_path / "cache"
    load(project, folder)
    load(project, folder)
    assert counted == ["pear.md", "pear.md"]


def test_the_parses_a_kept_brand_or_story_was_made_from_stay_in_the_memo(project, counted, tmp_path):
    """When a bundle or story is edited after builds that did not check it, its unchanged
    parts (an image's probe, say) are still in the memo."""
    project.brand("korla-fragrant-pear", logo="logo.png", files={"logo.png": png_bytes()})
    project.story("pear", brands=["korla-fragrant-pear"])
    folder = tmp_path / "cache"
    load(project, folder)
    memo.save()
    checked.save()
    first = set(memo._memo.used)
    for _ in range(2):  # new processes, every check a hit
        memo.begin(None)
        checked.begin(None, "")
        load(project, folder)
        memo.save()
        checked.save()
    assert len(counted) == 2
    assert set(memo._memo.used) == first


def test_a_bundle_s_stamp_follows_the_target_of_a_link_in_it(tmp_path):
    bundle, elsewhere = tmp_path / "brands" / "pear", tmp_path / "photos"
    bundle.mkdir(parents=True)
    elsewhere.mkdir()
    (bundle / "index.md").write_text("---\nname: 梨\n---\n", encoding="utf-8")
    (elsewhere / "pear.jpg").write_bytes(b"one")
    (bundle / "pear.jpg").symlink_to(elsewhere / "pear.jpg")
    before = checked.bundle_stamp(bundle)
    assert [entry[0] for entry in before] == ["index.md", "pear.jpg"]
    assert before[1][2] == file_stamp.stat_stamp(elsewhere / "pear.jpg")  # the target's
    assert checked.file_stamp(str(bundle / "index.md"))[1] is None  # not a link
    (elsewhere / "pear.jpg").write_bytes(b"two!")
    assert checked.bundle_stamp(bundle) != before
