"""plugins/incremental: stamps, inputs, page reuse, unchanged files, the build record."""

from __future__ import annotations

import os
from pathlib import Path

from brandsite.incremental.inputs import Inputs
from brandsite.incremental.pages import PageReuse
from brandsite.incremental.record import Record, tree_digest
from brandsite.incremental.unchanged import keep_unchanged, write_or_link


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def project(root: Path) -> Inputs:
    return Inputs.scan([root], root / "brands", [root / "content" / "stories"], {"as_of": "2026-11-26"})


def sample(root: Path) -> None:
    write(root / "brands" / "_registry.yaml", "regions: []\n")
    write(root / "brands" / "pear" / "index.md", "---\nname: 梨\n---\n")
    write(root / "content" / "stories" / "a.md", "---\ntitle: A\n---\n")
    write(root / "content" / "stories" / "a.en.md", "---\ntitle: A\n---\n")
    write(root / "content" / "pages" / "about.md", "---\ntitle: About\n---\n")
    write(root / "theme" / "base.html", "<html>")


def test_story_and_bundle_edits_are_local_registry_and_theme_edits_are_site_wide(tmp_path):
    sample(tmp_path)
    first = project(tmp_path)
    write(tmp_path / "content" / "stories" / "a.md", "---\ntitle: B\n---\n")
    write(tmp_path / "brands" / "pear" / "index.md", "---\nname: 香梨\n---\n")
    second = project(tmp_path)
    assert second.fingerprint() != first.fingerprint()
    assert second.site_digest() == first.site_digest()
    for shared in ("brands/_registry.yaml", "theme/base.html", "content/pages/about.md"):
        write(tmp_path / shared, "changed")
        assert project(tmp_path).site_digest() != second.site_digest(), shared


def test_facts_are_part_of_the_fingerprint(tmp_path):
    sample(tmp_path)
    other_day = Inputs.scan([tmp_path], None, [], {"as_of": "2026-11-27"})
    assert other_day.fingerprint() != project(tmp_path).fingerprint()


def test_a_story_s_family_is_it_and_its_translations(tmp_path):
    sample(tmp_path)
    inputs = project(tmp_path)
    stories = tmp_path / "content" / "stories"
    assert sorted(inputs.family(stories / "a.en.md")) == [str(stories / "a.en.md"), str(stories / "a.md")]
    assert inputs.bundle_files(tmp_path / "brands" / "pear") == [str(tmp_path / "brands/pear/index.md")]


def reuse_setup(tmp_path):
    sample(tmp_path)
    inputs = project(tmp_path)
    old, new = tmp_path / "old", tmp_path / "new"
    write(old / "stories" / "a" / "index.html", "<p>A</p>")
    first = PageReuse(inputs, None, {}, old)
    own = inputs.family(tmp_path / "content" / "stories" / "a.md")
    key = first.key("stories/a/index.html", "article.html", own)
    assert not first.reuse("stories/a/index.html", key)  # nothing to reuse yet
    return inputs, old, new, own, first.manifest()


def test_a_page_with_the_same_key_is_linked_not_rendered(tmp_path):
    inputs, old, new, own, manifest = reuse_setup(tmp_path)
    second = PageReuse(inputs, old, manifest, new)
    key = second.key("stories/a/index.html", "article.html", own)
    assert second.reuse("stories/a/index.html", key)
    assert (new / "stories/a/index.html").stat().st_ino == (old / "stories/a/index.html").stat().st_ino
    info = (old / "stories/a/index.html").stat()
    assert second.linked == {"stories/a/index.html": (info.st_size, info.st_mtime_ns, info.st_ino)}
    mark = second.mark()
    second.linked["stories/b/index.html"] = (1, 2, 3)  # as a forked copy of the build would
    third = PageReuse(inputs, old, manifest, new)
    third.add(second.since(mark))
    assert third.linked == {"stories/b/index.html": (1, 2, 3)}


def test_a_page_is_rendered_when_its_file_changed_or_its_key_did(tmp_path):
    inputs, old, new, own, manifest = reuse_setup(tmp_path)
    write(tmp_path / "content" / "stories" / "a.en.md", "---\ntitle: C\n---\n")  # a translation
    changed = project(tmp_path)
    second = PageReuse(changed, old, manifest, new)
    assert not second.reuse("stories/a/index.html", second.key("stories/a/index.html", "article.html", own))
    third = PageReuse(inputs, old, manifest, new)
    write(old / "stories" / "a" / "index.html", "<p>edited by hand</p>")
    assert not third.reuse("stories/a/index.html", third.key("stories/a/index.html", "article.html", own))
    assert not third.reuse("x", None)  # no key (inputs not known): always rendered


def test_identical_files_are_linked_to_the_previous_output(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    write(old / "same.html", "same")
    write(old / "changed.html", "before")
    write(old / "gone.html", "gone")
    write(new / "same.html", "same")
    write(new / "changed.html", "after!")
    write(new / "new.css", "new")
    kept = keep_unchanged(new, old)
    assert (kept.same, kept.changed) == (1, 2)
    assert os.path.samefile(new / "same.html", old / "same.html")
    assert not os.path.samefile(new / "changed.html", old / "changed.html")


def test_files_the_build_linked_keep_the_stamps_it_found_without_a_look_at_the_old_output(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    for name in ("a", "b"):
        write(old / name / "index.html", name)
        (new / name).mkdir(parents=True)
        os.link(old / name / "index.html", new / name / "index.html")
    info = (old / "a" / "index.html").stat()
    linked = {"a/index.html": (info.st_size, info.st_mtime_ns, info.st_ino), "b/index.html": (1, 2, 3)}
    (old / "a" / "index.html").unlink()  # not looked for: the build linked it
    kept = keep_unchanged(new, old, linked=linked)
    assert (kept.same, kept.changed) == (2, 0)
    assert kept.stamps["a/index.html"] == linked["a/index.html"]
    # A stamp that is not the file's there (it was written again since): looked at as ever.
    assert kept.stamps["b/index.html"][2] == (old / "b" / "index.html").stat().st_ino


def test_a_record_knows_its_output_and_survives_corruption(tmp_path):
    output = tmp_path / "output"
    write(output / "index.html", "home")
    write(output / "CNAME", "example.org")
    path = tmp_path / "cache" / "record.json"
    Record("f", output.stat().st_ino, tree_digest(output, ("CNAME",)), {"s": {}}, {"a": ["k", 1, 2, 3]}).save(
        path
    )
    record = Record.load(path)
    assert record.untouched(output, ("CNAME",))
    write(output / "CNAME", "operator's file: not the build's")
    assert record.untouched(output, ("CNAME",))
    write(output / "index.html", "edited")
    assert not record.untouched(output, ("CNAME",))
    path.write_text("{not json")
    assert Record.load(path) == Record()


def test_write_or_link_links_identical_bytes_and_never_writes_through(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    write(old / "same.json", "same")
    write(old / "other.json", "before")
    assert write_or_link(str(new / "a" / "same.json"), b"same", str(old / "same.json"))
    assert os.path.samefile(new / "a" / "same.json", old / "same.json")
    assert not write_or_link(str(new / "a" / "same.json"), b"after", str(old / "same.json"))
    assert (old / "same.json").read_text() == "same"  # the link was replaced, not written through
    assert not write_or_link(str(new / "other.json"), b"after", str(old / "other.json"))
    assert (new / "other.json").read_bytes() == b"after" and (old / "other.json").read_text() == "before"
    assert not write_or_link(str(new / "fresh.json"), b"x", str(old / "missing.json"))


def group_build(inputs, previous, pages, groups, output, files):
    reuse = PageReuse(inputs, previous, pages, output, groups)
    key = reuse.group_key("data", inputs.bundle_files(inputs_root(inputs) / "brands" / "pear"))
    facts = reuse.reuse_group("data", key)
    if facts is None:
        for name, text in files.items():
            write(output / name, text)
        facts = {"made": str(output)}
        reuse.record_group("data", key, list(files), facts)
    return reuse, facts


def inputs_root(inputs) -> Path:
    return Path(next(p for p in inputs.stamps if p.endswith("_registry.yaml"))).parent.parent


def test_a_group_is_linked_whole_while_its_files_and_inputs_are_unchanged(tmp_path):
    src = tmp_path / "src"
    sample(src)
    files = {"data/a.json": "a", "data/b.json": "b"}
    first, facts = group_build(project(src), None, {}, {}, tmp_path / "one", files)
    assert facts == {"made": str(tmp_path / "one")}
    second, facts = group_build(
        project(src), tmp_path / "one", first.manifest(), first.groups, tmp_path / "two", files
    )
    assert facts == {"made": str(tmp_path / "one")}  # the first build's facts: nothing made
    assert os.path.samefile(tmp_path / "two/data/a.json", tmp_path / "one/data/a.json")
    # A file of the group edited in the output: the whole group is made again.
    manifest = second.manifest()
    (tmp_path / "two/data/b.json").unlink()
    write(tmp_path / "two/data/b.json", "edited")
    third, facts = group_build(
        project(src), tmp_path / "two", manifest, second.groups, tmp_path / "three", files
    )
    assert facts == {"made": str(tmp_path / "three")}
    assert (tmp_path / "three/data/b.json").read_text() == "b"
    # An input of the group changed: made again.
    write(src / "brands/pear/index.md", "---\nname: 香梨\n---\n")
    _fourth, facts = group_build(
        project(src), tmp_path / "three", third.manifest(), third.groups, tmp_path / "four", files
    )
    assert facts == {"made": str(tmp_path / "four")}


def test_a_group_is_made_again_when_one_of_its_files_is_gone(tmp_path):
    src = tmp_path / "src"
    sample(src)
    files = {"data/a.json": "a", "data/b.json": "b"}
    first, _ = group_build(project(src), None, {}, {}, tmp_path / "one", files)
    manifest = first.manifest()
    (tmp_path / "one/data/b.json").unlink()
    _second, facts = group_build(
        project(src), tmp_path / "one", manifest, first.groups, tmp_path / "two", files
    )
    assert facts == {"made": str(tmp_path / "two")}
    assert (tmp_path / "two/data/a.json").read_text() == "a"


def test_a_file_changed_just_now_is_stamped_with_its_bytes_too(tmp_path):
    from brandsite.file_stamp import RACY_NS
    from brandsite.incremental.stamps import stamp

    path = write(tmp_path / "a.md", "one")
    fresh = stamp(path)
    assert len(fresh) == 5  # a write in the same tick, same size, would change only this
    path.write_text("two")
    info = path.stat()
    assert stamp(path)[4] != fresh[4]
    later = info.st_ctime_ns + RACY_NS + 1
    assert stamp(path, now_ns=later) == (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def test_a_hashed_stamp_stays_while_the_bytes_do(tmp_path):
    from brandsite.file_stamp import RACY_NS
    from brandsite.incremental.stamps import stamp

    path = write(tmp_path / "a.md", "one")
    fresh = stamp(path)
    later = max(fresh[1], fresh[2]) + RACY_NS + 1
    assert stamp(path, now_ns=later, before=fresh) == fresh  # no change: the page keys stay
    assert len(stamp(path, now_ns=later)) == 4  # without the last build's stamp: plain


def test_a_hashed_stamp_is_not_read_again_once_a_scan_found_the_file_settled(tmp_path, monkeypatch):
    from brandsite.file_stamp import RACY_NS
    from brandsite.incremental import stamps

    path = write(tmp_path / "a.md", "one")
    fresh = stamps.stamp(path)
    racy_scan = max(fresh[1], fresh[2])  # the file had just been written when this scan began
    settled_scan = racy_scan + RACY_NS + 1
    reads = []
    real_open = open
    monkeypatch.setattr(
        stamps, "open", lambda *a, **k: reads.append(a[0]) or real_open(*a, **k), raising=False
    )
    later = settled_scan + 1
    assert stamps.stamp(path, now_ns=later, before=(*fresh, racy_scan)) == fresh
    assert reads == [path]  # hashed while racy: the bytes are read again
    assert stamps.stamp(path, now_ns=later, before=(*fresh, settled_scan)) == fresh
    assert reads == [path]  # settled since: the same metadata means the same bytes
    path.write_text("two")
    assert stamps.stamp(path, before=(*fresh, settled_scan))[4] != fresh[4]


def test_a_scan_records_when_it_hashed(tmp_path):
    from brandsite.incremental.inputs import Inputs

    path = write(tmp_path / "content" / "a.md", "one")
    inputs = Inputs.scan([tmp_path / "content"], None, [], {})
    assert inputs.hashed() == {str(path.resolve()): (*inputs.stamps[str(path.resolve())], inputs.scanned_ns)}


def test_keep_unchanged_in_two_processes_does_what_one_does(tmp_path):
    def tree(root: Path) -> None:
        write(root / "old" / "index.html", "home")
        write(root / "new" / "index.html", "home")
        write(root / "new" / "pagefind" / "x.pf", "skipped")
        for n in range(7):
            write(root / "old" / "brands" / f"b{n}" / "index.html", f"brand {n}")
            write(root / "new" / "brands" / f"b{n}" / "index.html", f"brand {n}" + "!" * (n % 2))
            write(root / "old" / "stories" / f"s{n}" / "deep" / "er" / "page.html", f"story {n}")
            write(root / "new" / "stories" / f"s{n}" / "deep" / "er" / "page.html", f"story {n}")
            (root / "new" / "spare" / f"unused{n}" / "folder").mkdir(parents=True)  # the spare's, pruned
        (root / "new" / "brands" / "empty").mkdir()

    results = []
    for two in (False, True):
        root = tmp_path / str(two)
        tree(root)
        kept = keep_unchanged(root / "new", root / "old", skip=("pagefind",), prune=True, two_processes=two)
        linked = sorted(
            path.relative_to(root / "new").as_posix()
            for path in (root / "new").rglob("*.html")
            if os.path.samefile(path, root / "old" / path.relative_to(root / "new"))
        )
        folders = sorted(
            p.relative_to(root / "new").as_posix() for p in (root / "new").rglob("*") if p.is_dir()
        )
        stamps = {name: stamp[0] for name, stamp in kept.stamps.items()}  # sizes: inodes differ
        results.append((kept.same, kept.changed, stamps, linked, folders))
    assert results[0] == results[1]
    same, changed, stamps, linked, folders = results[1]
    assert (same, changed) == (12, 3)
    assert "spare" not in folders and "brands/empty" not in folders and "pagefind" in folders
    assert "stories/s6/deep/er/page.html" in linked and "pagefind/x.pf" not in stamps
