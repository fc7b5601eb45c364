"""Incremental rebuilds (plugins/incremental via brandsite.build.driver) give exactly the site a
full build gives, after every kind of edit, and touch only what changed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import build, build_env, copy_project, snapshot

from brandsite.build.driver import PAGES_SERVED


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def inode(path: Path) -> int:
    return path.stat().st_ino


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_brand(model: Path, new: Path) -> None:
    shutil.copytree(model, new)
    index = new / "index.md"
    text = index.read_text(encoding="utf-8").replace("XJ-HMM-", "XJ-HM2-")  # licence numbers are unique
    index.write_text(text.replace("name: 哈密瓜", "name: 哈密瓜二号", 1), encoding="utf-8")


# Short pages, so that lists have several and list pages are reused too; small search
# partitions, so that sections have several.
SETTINGS = "smallpages.py"
SMALL_PAGES = (
    "from pelicanconf import *\nBRANDS_PER_PAGE = 4\nDEFAULT_PAGINATION = 3\nSEARCH_PARTITION_PAGES = 4\n"
)
# The full build compared with: the same settings, with caches of its own, cleared each time.
REFERENCE = "reference.py"
REFERENCE_SETTINGS = "from smallpages import *\nCACHE_PATH = '.cache/reference'\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("incremental"))
    (root / SETTINGS).write_text(SMALL_PAGES)
    (root / REFERENCE).write_text(REFERENCE_SETTINGS)
    result = build(root, root / "output", settings=SETTINGS)
    assert result.returncode == 0, result.stderr
    return root


def rebuild(root: Path) -> str:
    result = build(root, root / "output", settings=SETTINGS)
    assert result.returncode == 0, result.stderr
    return result.stdout


def assert_same_as_full_build(root: Path) -> None:
    reference = root / "reference"
    shutil.rmtree(reference, ignore_errors=True)
    shutil.rmtree(root / ".cache" / "reference", ignore_errors=True)
    result = build(root, reference, settings=REFERENCE)
    assert result.returncode == 0, result.stderr
    incremental, full = tree(root / "output"), tree(reference)
    assert sorted(incremental) == sorted(full)
    assert [name for name in full if incremental[name] != full[name]] == []


def test_nothing_changed_means_nothing_done(project):
    before = snapshot(project / "output")
    out = rebuild(project)
    assert "Nothing changed since the last build" in out
    assert snapshot(project / "output") == before


def test_an_output_edited_by_hand_is_rebuilt(project):
    page = project / "output" / "about" / "index.html"
    original = page.read_bytes()
    page.write_text("edited by hand")
    out = rebuild(project)
    assert "Nothing changed" not in out
    assert page.read_bytes() == original


def test_nothing_changed_is_found_without_importing_pelican(project):
    """The settings file is read as `make check` reads it: Pelican is imported for builds only."""
    rebuild(project)
    result = build(project, project / "output", settings=SETTINGS, env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert result.returncode == 0, result.stderr
    assert "Nothing changed" in result.stdout
    imported = {
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "brandsite.build.rebuild" in imported  # the log is read right
    assert sorted(name for name in imported if name.split(".")[0] in ("pelican", "jinja2", "markdown")) == []


def test_an_edited_settings_file_is_seen_without_pelican_too(project):
    imported = project / "pelicanconf.py"  # by the settings file the build is given
    original = imported.read_text(encoding="utf-8")
    imported.write_text(original + "\n# an editor's note\n", encoding="utf-8")
    try:
        assert "Nothing changed" not in rebuild(project)
    finally:
        imported.write_text(original, encoding="utf-8")
    assert "Nothing changed" not in rebuild(project)


# Each edit, applied in turn to the same project: (what, edit, pages that must change,
# pages that must keep their file (same inode: not rewritten)).
EDITS = [
    (
        "story body",
        lambda r: replace(
            r / "content/stories/korla-pear-standardisation.md", "\n## ", "\n新增一段。\n\n## "
        ),
        ["stories/korla-pear-standardisation/index.html"],
        [
            "brands/hami-melon/index.html",
            "stories/hami-melon-cold-chain/index.html",
            "en/stories/korla-pear-standardisation/index.html",
            "brands/index.html",
            "brands/page/2/index.html",
            "regions/650000/index.html",
        ],
    ),
    (
        "story title (lists and the brand page show it)",
        lambda r: replace(r / "content/stories/korla-pear-standardisation.md", "title: ", "title: 新标题 "),
        ["stories/korla-pear-standardisation/index.html", "brands/korla-fragrant-pear/index.html"],
        ["brands/hami-melon/index.html", "brands/index.html"],
    ),
    (
        "translation",
        lambda r: replace(r / "content/stories/korla-pear-standardisation.en.md", 'title: "', 'title: "New '),
        ["en/stories/korla-pear-standardisation/index.html", "en/brands/korla-fragrant-pear/index.html"],
        ["brands/hami-melon/index.html"],
    ),
    (
        "brand summary (its page, its stories' pages, lists)",
        lambda r: replace(r / "brands/korla-fragrant-pear/index.md", "summary: ", "summary: 新摘要，"),
        ["brands/korla-fragrant-pear/index.html"],
        ["brands/hami-melon/index.html", "stories/hami-melon-cold-chain/index.html", "stories/index.html"],
    ),
    (
        "licensee list",
        lambda r: replace(
            r / "brands/korla-fragrant-pear/licensees.csv", "巴州聚丰冷链物流有限公司", "巴州聚丰冷链有限公司"
        ),
        ["brands/korla-fragrant-pear/index.html", "brands/korla-fragrant-pear/labels/index.html"],
        [
            "brands/hami-melon/index.html",
            "brands/hami-melon/labels/index.html",
            "brands/hami-melon/fact-sheet/index.html",
            "brands/korla-fragrant-pear/fact-sheet/index.html",  # counts, not names
        ],
    ),
    (
        "brand image replaced",
        lambda r: shutil.copyfile(
            r / "brands/hami-melon/melon-cut.jpg", r / "brands/hami-melon/cold-storage.jpg"
        ),
        ["brands/hami-melon/index.html"],
        ["brands/korla-fragrant-pear/index.html"],
    ),
    (
        "brand added",
        lambda r: add_brand(r / "brands/hami-melon", r / "brands/hami-melon-two"),
        ["regions/650000/index.html"],
        ["brands/korla-fragrant-pear/index.html", "stories/hami-melon-cold-chain/index.html"],
    ),
    (
        "story removed",
        lambda r: (r / "content/stories/quality-month-2026.md").unlink(),
        ["stories/page/2/index.html"],
        ["brands/hami-melon/index.html"],
    ),
    (
        "award edition file (its pages and the brand pages its list names)",
        lambda r: replace(
            r / "content/awards/regional-quality-award/6.md",
            "name: 霍城紫苑香料有限公司",
            "name: 霍城紫苑香料股份有限公司",
        ),
        [
            "awards/regional-quality-award/6/index.html",
            "en/awards/regional-quality-award/6/index.html",
            "brands/yili-lavender/index.html",
            "en/brands/yili-lavender/index.html",
            "data/awards.json",
        ],
        [],
    ),
    (
        "case file (its pages, the case list, its data)",
        lambda r: replace(r / "content/cases/korla-pear-gi-mark-misuse.md", "罚款 3 万元", "罚款 3.5 万元"),
        [
            "cases/korla-pear-gi-mark-misuse/index.html",
            "en/cases/korla-pear-gi-mark-misuse/index.html",
            "cases/index.html",
            "data/cases.json",
        ],
        [],
    ),
    (
        "standard code (the standards pages, the brand citing it, list cards)",
        lambda r: replace(
            r / "brands/hotan-jujube/index.md", "  - code: GB2762—2022\n", "  - code: GB 2763-2021\n"
        ),
        [
            "standards/index.html",
            "en/standards/index.html",
            "standards/gb-2762-2022/index.html",
            "brands/hotan-jujube/index.html",
            "brands/directory.json",
        ],
        ["brands/hami-melon/index.html", "brands/korla-fragrant-pear/index.html"],
    ),
    (
        "registry: a region renamed (every page may show it)",
        lambda r: replace(r / "brands/_registry.yaml", "name: 库尔勒市", "name: 库尔勒"),
        ["brands/korla-fragrant-pear/index.html", "regions/652801/index.html"],
        [],
    ),
    (
        "template",
        lambda r: replace(r / "theme/templates/base.html", "<footer", "<!-- edited --><footer"),
        ["brands/hami-melon/index.html", "stories/hami-melon-cold-chain/index.html"],
        [],
    ),
]

STORIES_READ = {
    "story body": "Stories: 1 read,",
    "story title (lists and the brand page show it)": "Stories: 1 read,",
    "translation": "Stories: 1 read,",
    "registry: a region renamed (every page may show it)": " 0 kept ",
    "template": " 0 kept ",
    "award edition file (its pages and the brand pages its list names)": "Stories: ",
    "case file (its pages, the case list, its data)": "Stories: ",
}


@pytest.mark.parametrize("what, edit, changed, kept", EDITS, ids=[e[0] for e in EDITS])
def test_incremental_build_equals_full_build(project, what, edit, changed, kept):
    output = project / "output"
    before = {
        name: (inode(output / name), (output / name).read_bytes())
        for name in changed + kept
        if (output / name).exists()
    }
    edit(project)
    out = rebuild(project)
    assert "Nothing changed" not in out
    assert STORIES_READ.get(what, "Stories: 0 read,") in out  # only edited stories are read again
    assert "rendered every build" not in out  # every template's values can be fingerprinted
    assert_same_as_full_build(project)
    for name in changed:
        assert (output / name).read_bytes() != before[name][1], f"{name} should show the edit ({what})"
    for name in kept:
        assert inode(output / name) == before[name][0], f"{name} was rewritten ({what})"


def test_after_failed_builds_the_fix_builds_what_a_full_build_gives(project):
    """Builds that fail on an error (one with another file edited meanwhile) leave the output
    as it was and nothing in the caches the next build trusts: the fix then builds the site a
    full build gives."""
    index = project / "brands" / "hami-melon" / "index.md"
    story = project / "content" / "stories" / "hami-melon-cold-chain.md"
    original = index.read_text(encoding="utf-8")
    before = snapshot(project / "output")
    replace(index, "category: agricultural", "category: no-such-category")
    for edit_meanwhile in (None, lambda: replace(story, "。", "，出错之后又改了一句。")):
        if edit_meanwhile:
            edit_meanwhile()
        result = build(project, project / "output", settings=SETTINGS)
        assert result.returncode != 0 and "no-such-category" in result.stderr
        assert snapshot(project / "output") == before
    index.write_text(original, encoding="utf-8")
    assert "Stories: 1 read," in rebuild(project)
    assert_same_as_full_build(project)


def test_licence_shards_are_made_again_only_when_what_they_hold_changed(project):
    def shards() -> dict[str, tuple[int, bytes]]:
        folder = project / "output" / "verify" / "licences"
        return {p.name: (inode(p), p.read_bytes()) for p in sorted(folder.glob("*.json"))}

    before = shards()
    assert len(before) > 1
    replace(project / "brands/korla-fragrant-pear/index.md", "summary: ", "summary: 摘要又改，")
    rebuild(project)
    assert shards() == before, "a summary is not in the licence check's data"

    replace(project / "brands/korla-fragrant-pear/index.md", "status: active", "status: suspended")
    rebuild(project)
    after = shards()
    assert after.keys() == before.keys()
    assert [name for name in before if after[name][1] != before[name][1]], "the brand's status is"
    assert_same_as_full_build(project)


def search_partitions(project: Path) -> dict[str, list]:
    bundle = project / "output" / "pagefind"
    return {
        folder.name: sorted(
            (f.relative_to(folder).as_posix(), inode(f)) for f in folder.rglob("*") if f.is_file()
        )
        for folder in bundle.iterdir()
        if folder.is_dir()
    }


def changed_partitions(project: Path, before: dict[str, list]) -> list[str]:
    """The partitions whose files are not those of `before` (search_partitions) any more."""
    after = search_partitions(project)
    assert after.keys() == before.keys()
    return sorted(name for name in before if after[name] != before[name])


def test_a_story_edit_indexes_again_only_its_search_partition(project):
    before = search_partitions(project)
    assert len([name for name in before if name.startswith("zh-cn-stories-")]) > 1
    replace(project / "content/stories/hami-melon-cold-chain.md", "\n## ", "\n又一段。\n\n## ")
    out = rebuild(project)
    assert f"; 1 of {len(before)} partitions indexed again in " in out
    changed = changed_partitions(project, before)
    assert len(changed) == 1 and changed[0].startswith("zh-cn-stories-")
    assert_same_as_full_build(project)  # the whole pagefind/ too


def test_a_brand_summary_edit_leaves_the_search_partitions_of_its_stories(project):
    """The stories naming the brand show its summary too, but where Pagefind reads nothing
    (data-pagefind-ignore="all"): their partitions are kept as they are."""
    story = (project / "output/stories/korla-pear-standardisation/index.html").read_bytes()
    before = search_partitions(project)
    replace(project / "brands/korla-fragrant-pear/index.md", "summary: ", "summary: 又一句。")
    out = rebuild(project)
    assert (project / "output/stories/korla-pear-standardisation/index.html").read_bytes() != story
    changed = changed_partitions(project, before)
    # Its page; and the case of its misused mark, whose brand cards are what the case is about.
    assert [name.rsplit("-", 1)[0] for name in changed] == ["zh-cn-brands", "zh-cn-pages"]
    assert f"; 2 of {len(before)} partitions indexed again in " in out
    assert_same_as_full_build(project)  # the kept partitions are what a fresh index makes


def test_a_story_title_edit_leaves_the_search_partitions_of_its_brands(project):
    """Brand pages list their stories' titles where Pagefind reads nothing: a title edit
    indexes again only the story's partition."""
    brand = (project / "output/brands/korla-fragrant-pear/index.html").read_bytes()
    before = search_partitions(project)
    replace(project / "content/stories/korla-pear-standardisation.md", "title: ", "title: 新标题 ")
    out = rebuild(project)
    assert (project / "output/brands/korla-fragrant-pear/index.html").read_bytes() != brand
    changed = changed_partitions(project, before)
    assert len(changed) == 1 and changed[0].startswith("zh-cn-stories-"), changed
    assert f"; 1 of {len(before)} partitions indexed again in " in out
    assert_same_as_full_build(project)


def preview(root: Path) -> str:
    """One build as `make devserver` runs it (brandsite.build.worker): the pages are swapped in
    first, then kept (keep_pages, against the previous output where the swap moved it) and
    indexed."""
    command = [sys.executable, "-m", "brandsite.build.worker", SETTINGS, "output"]
    result = subprocess.run(
        command,
        cwd=root,
        input="build\n",
        capture_output=True,
        text=True,
        env=build_env(),
        timeout=600,
        check=False,
    )
    assert result.returncode == 0 and result.stdout.rstrip().endswith(" 0"), result.stdout + result.stderr
    assert PAGES_SERVED in result.stdout
    return result.stdout


def test_a_preview_build_keeps_its_pages_after_serving_them(project):
    """Every file of the same bytes keeps its inode, its record lets the next build find
    nothing to do, a story's title edit indexes only its partition (its brand page is
    compared with the previous output, moved aside by the swap), and it equals a full build."""
    rebuild(project)
    before = {
        path: (data, inode(project / "output" / path)) for path, data in tree(project / "output").items()
    }
    partitions = search_partitions(project)
    replace(project / "content/stories/korla-pear-standardisation.md", "title: ", "title: 预览中 ")
    out = preview(project)
    after = tree(project / "output")
    moved = [
        p
        for p, (data, ino) in before.items()
        if after.get(p) == data and inode(project / "output" / p) != ino
    ]
    assert moved == []
    assert (
        after["brands/korla-fragrant-pear/index.html"] != before["brands/korla-fragrant-pear/index.html"][0]
    )
    changed = changed_partitions(project, partitions)
    assert len(changed) == 1 and changed[0].startswith("zh-cn-stories-"), (changed, out)
    assert f"; 1 of {len(partitions)} partitions indexed again in " in out
    assert "Nothing changed since the last build" in rebuild(project)
    assert_same_as_full_build(project)
