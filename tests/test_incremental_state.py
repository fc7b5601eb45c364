"""The proof (issue #14): random sequences of editor actions, and after each one the
incremental output/ is byte for byte a fresh full build of the same sources.

A Hypothesis state machine edits a scratch copy of the project (stories, brands,
licences, the registry, a template, a setting), rebuilds output/ incrementally and
compares it with a full build that has caches of its own. It runs with
pelicanconf.py, with publishconf.py (under a SITEURL) and with forked rendering.

Each example starts with a choice: follow a script (the rules in a fixed order, starting
with the variant's own) or edit at random. Hypothesis' first example is its simplest
choice, the script (otherwise it would repeat its simplest rule); later ones follow it
one time in ten. The small profile (`make test`) is that first example only: each
variant's own script, three to five edits, so that the three variants together make
every kind of edit once. The long profile adds random examples:
INCREMENTAL_STATE_EXAMPLES=20 INCREMENTAL_STATE_STEPS=10 (derandomized: the same examples on
every run; INCREMENTAL_STATE_RANDOM=1 draws new ones each run; INCREMENTAL_STATE_SHRINK=1 also
shrinks a failure, at two builds a step).
Select these tests with `-k incremental_state`.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from output_diff import differences, tree
from sitebuild import build, copy_project

EXAMPLES = int(os.environ.get("INCREMENTAL_STATE_EXAMPLES", "0"))
STEPS = int(os.environ.get("INCREMENTAL_STATE_STEPS", "0"))  # 0: the length of the variant's script
SHRINK = os.environ.get("INCREMENTAL_STATE_SHRINK") == "1"
RANDOM = os.environ.get("INCREMENTAL_STATE_RANDOM") == "1"  # new examples each run, not the same ones

SETTINGS = "editorconf.py"  # the settings the machine edits (page sizes)
REFERENCE = "referenceconf.py"  # the same, with caches of its own
VARIANTS = {
    "pelicanconf": "from pelicanconf import *  # noqa: F403\n",
    "publishconf": "from publishconf import *  # noqa: F403\nSITEURL = 'https://example.org/registry'\n",
    "parallel": "from pelicanconf import *  # noqa: F403\nRENDER_PARALLEL_MIN = 1\nRENDER_WORKERS = 2\n",
}
# The scripted order of edits: each variant's own first (the small profile), then the rest.
SCRIPTS = {
    "pelicanconf": ["edit_story", "edit_licensee_row", "rename_region", "delete_brand", "change_licence_end"],
    "publishconf": ["add_story", "toggle_brand_status", "delete_story"],  # its builds are the slowest
    "parallel": ["edit_brand_summary", "add_brand", "edit_template", "change_page_sizes"],
}
pick = st.integers(min_value=0, max_value=1_000)


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def chosen(items: list, index: int):
    return items[index % len(items)]


def script_for(variant: str) -> list[str]:
    return SCRIPTS[variant] + [
        name for other in sorted(SCRIPTS) for name in SCRIPTS[other] if other != variant
    ]


def in_turn(name: str):
    """In a scripted example, the rule runs only when the script says so."""
    return precondition(
        lambda self: self.script is None or self.script[self.steps % len(self.script)] == name
    )


class EditorActions(RuleBasedStateMachine):
    """A scratch project, its incremental output/, and an editor at work on its sources."""

    variant = "pelicanconf"

    def __init__(self):
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="incremental-state-"))
        self.root = copy_project(self.tmp / "project")
        (self.root / SETTINGS).write_text(VARIANTS[self.variant], encoding="utf-8")
        reference = (
            f"from editorconf import *  # noqa: F403\nCACHE_PATH = {str(self.tmp / 'reference-cache')!r}\n"
        )
        (self.root / REFERENCE).write_text(reference, encoding="utf-8")
        self.script: list[str] | None = None
        self.steps = 0
        self.serial = 0  # makes every edit's text new
        self.log: list[str] = []
        self.dirty = False
        self.build(SETTINGS, self.root / "output")

    def teardown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    @initialize(free=st.integers(min_value=0, max_value=9).map(bool))
    def choose_script(self, free):
        """Hypothesis' simplest choice (0) is the script."""
        self.script = None if free else script_for(self.variant)

    # What there is to edit.

    @property
    def brands(self) -> Path:
        return self.root / "brands"

    @property
    def stories(self) -> Path:
        return self.root / "content" / "stories"

    def brand_slugs(self) -> list[str]:
        return sorted(p.parent.name for p in self.brands.glob("*/index.md"))

    def story_files(self) -> list[Path]:
        return sorted(self.stories.glob("*.md"))

    def sources(self) -> list[Path]:
        """Every text file an editor's slug may appear in."""
        found = [*self.root.glob("*.py"), *(self.root / "theme").rglob("*.html")]
        for folder in (self.brands, self.root / "content"):
            found += [p for p in folder.rglob("*") if p.suffix in (".md", ".yaml", ".csv")]
        return found

    def referenced(self, slug: str, outside: Path) -> bool:
        """Whether any source outside `outside` names `slug`."""
        return any(
            slug in p.read_text(encoding="utf-8") for p in self.sources() if not p.is_relative_to(outside)
        )

    def deletable_stories(self) -> list[Path]:
        """Stories without a translation that nothing else names."""
        return [
            p
            for p in self.story_files()
            if "." not in p.stem
            and not p.with_name(f"{p.stem}.en.md").exists()
            and not self.referenced(p.stem, p)
        ]

    def deletable_brands(self) -> list[str]:
        """Brands no story, other brand, template or setting names."""
        return [slug for slug in self.brand_slugs() if not self.referenced(slug, self.brands / slug)]

    def award_free_brands(self) -> list[str]:
        return [
            slug for slug in self.brand_slugs() if not re.search(r"^awards:", self.index_text(slug), re.M)
        ]

    def licence_files(self) -> list[Path]:
        return sorted(self.brands.glob("*/licensees.csv"))

    def edited(self, what: str) -> None:
        self.log.append(what)
        self.dirty = True

    def fresh(self) -> int:
        self.serial += 1
        return self.serial

    # The editor's actions.

    @in_turn("edit_story")
    @rule(index=pick, title=st.booleans())
    def edit_story(self, index, title):
        path = chosen(self.story_files(), index)
        n = self.fresh()
        if title:  # after the opening quote of a quoted title
            text = re.sub(
                r"^title: (\"?)",
                rf"title: \g<1>改{n} ",
                path.read_text(encoding="utf-8"),
                count=1,
                flags=re.M,
            )
            path.write_text(text, encoding="utf-8")
        else:
            path.write_text(path.read_text(encoding="utf-8") + f"\n编辑加的第 {n} 段。\n", encoding="utf-8")
        self.edited(f"story {path.name}: {'title' if title else 'body'}")

    @in_turn("add_story")
    @rule(index=pick)
    def add_story(self, index):
        n = self.fresh()
        brand = chosen(self.brand_slugs(), index)
        text = (
            f"---\ntitle: 编辑新写的故事 {n}\ndate: 2026-10-{n % 28 + 1:02d}\ncategory: 质量文化\n"
            f"brands: [{brand}]\ntags: [测试]\nsummary: 第 {n} 篇新故事。\n---\n新故事的正文 {n}。\n"
        )
        path = self.stories / f"editor-story-{n}.md"
        path.write_text(text, encoding="utf-8")
        self.edited(f"story {path.name} added (brands: [{brand}])")

    @in_turn("delete_story")
    @precondition(lambda self: self.deletable_stories())
    @rule(index=pick)
    def delete_story(self, index):
        path = chosen(self.deletable_stories(), index)
        path.unlink()
        self.edited(f"story {path.name} deleted")

    @in_turn("edit_brand_summary")
    @rule(index=pick)
    def edit_brand_summary(self, index):
        slug = chosen(self.brand_slugs(), index)
        replace(self.brands / slug / "index.md", "summary: ", f"summary: 摘要改{self.fresh()}，")
        self.edited(f"brand {slug}: summary")

    @in_turn("toggle_brand_status")
    @rule(index=pick)
    def toggle_brand_status(self, index):
        toggled = {"active": "suspended", "suspended": "active"}
        candidates = [
            s
            for s in self.brand_slugs()
            if re.search(r"^status: (active|suspended)$", self.index_text(s), re.M)
        ]
        slug = chosen(candidates, index)
        old = re.search(r"^status: (\w+)$", self.index_text(slug), re.M).group(1)
        replace(self.brands / slug / "index.md", f"status: {old}", f"status: {toggled[old]}")
        self.edited(f"brand {slug}: status {old} -> {toggled[old]}")

    @in_turn("change_licence_end")
    @precondition(lambda self: self.licence_ends())
    @rule(index=pick, end=st.sampled_from(["2030-12-31", "2026-11-30", "2026-11-20", "2027-06-30"]))
    def change_licence_end(self, index, end):
        slug, start, old = chosen(self.licence_ends(), index)
        end = max(end, start)  # never before the licence starts
        found = re.search(
            rf"valid_from: {re.escape(start)}\n\s+valid_to: {re.escape(old)}\n", self.index_text(slug)
        )
        line = found.group(0)
        replace(self.brands / slug / "index.md", line, line.replace(f"valid_to: {old}", f"valid_to: {end}"))
        self.edited(f"brand {slug}: a licence's valid_to {old} -> {end}")

    @in_turn("edit_licensee_row")
    @precondition(lambda self: self.licence_files())
    @rule(index=pick, row=pick, end=st.booleans())
    def edit_licensee_row(self, index, row, end):
        path = chosen(self.licence_files(), index)
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        number = 1 + row % (len(lines) - 1)
        fields = lines[number].split(",")
        if end:
            fields[3] = "2031-01-31"
        else:
            fields[0] = f"{fields[0]}第{self.fresh()}分公司"
        lines[number] = ",".join(fields)
        path.write_text("".join(lines), encoding="utf-8")
        self.edited(f"{path.parent.name}/licensees.csv row {number}: {'valid_to' if end else 'name'}")

    @in_turn("add_brand")
    @rule(index=pick)
    def add_brand(self, index):
        model = chosen(self.award_free_brands(), index)  # an edition names its winners
        n = self.fresh()
        new = self.brands / f"editor-brand-{n}"
        shutil.copytree(self.brands / model, new)
        for name in ("index.md", "index.en.md", "licensees.csv"):
            if (new / name).exists():  # licence numbers are unique in the registry
                (new / name).write_text(
                    (new / name).read_text(encoding="utf-8").replace("XJ-", f"XJ-E{n}-"), encoding="utf-8"
                )
        replace(new / "index.md", "\nname: ", f"\nname: 新品牌{n}号")
        self.edited(f"brand {new.name} added (a copy of {model})")

    @in_turn("delete_brand")
    @precondition(lambda self: self.deletable_brands())
    @rule(index=pick)
    def delete_brand(self, index):
        slug = chosen(self.deletable_brands(), index)
        shutil.rmtree(self.brands / slug)
        self.edited(f"brand {slug} deleted")

    @in_turn("rename_region")
    @rule(index=pick, english=st.booleans())
    def rename_region(self, index, english):
        path = self.brands / "_registry.yaml"
        text = path.read_text(encoding="utf-8")
        regions = re.findall(r'- code: "(\d+)"\n(\s+)name: (.*)\n\s+name_en: (.*)\n', text)
        code, indent, name, name_en = chosen(regions, index)
        n = self.fresh()
        old = f'- code: "{code}"\n{indent}name: {name}\n{indent}name_en: {name_en}\n'
        new = (
            old.replace(f"name_en: {name_en}", f"name_en: {name_en} {n}")
            if english
            else old.replace(f"name: {name}", f"name: {name}{n}")
        )
        replace(path, old, new)
        self.edited(f"registry: region {code} renamed ({'name_en' if english else 'name'})")

    @in_turn("edit_template")
    @rule()
    def edit_template(self):
        n = self.fresh()
        replace(
            self.root / "theme/templates/base.html",
            '<p class="footer-note">',
            f'<p class="footer-note">页脚{n} ',
        )
        self.edited("template base.html: footer text")

    @in_turn("change_page_sizes")
    @rule(brands=st.sampled_from([4, 6, 60]), stories=st.sampled_from([3, 5, 50]))
    def change_page_sizes(self, brands, stories):
        lines = VARIANTS[self.variant] + f"BRANDS_PER_PAGE = {brands}\nDEFAULT_PAGINATION = {stories}\n"
        (self.root / SETTINGS).write_text(lines, encoding="utf-8")
        self.edited(f"settings: BRANDS_PER_PAGE = {brands}, DEFAULT_PAGINATION = {stories}")

    def index_text(self, slug: str) -> str:
        return (self.brands / slug / "index.md").read_text(encoding="utf-8")

    def licence_ends(self) -> list[tuple[str, str, str]]:
        """(brand, valid_from, valid_to) of every licence written in a brand's index.md."""
        pattern = re.compile(r"valid_from: (\S+)\n\s+valid_to: (\S+)\n")
        return [(s, a, b) for s in self.brand_slugs() for a, b in pattern.findall(self.index_text(s))]

    # After each edit.

    def build(self, settings_file: str, output: Path) -> None:
        result = build(self.root, output, settings=settings_file)
        assert result.returncode == 0, f"edits: {self.log}\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"

    @invariant()
    def same_as_a_full_build(self):
        if not self.dirty:
            return
        self.dirty = False
        self.steps += 1
        self.build(SETTINGS, self.root / "output")
        reference = self.tmp / "reference"
        shutil.rmtree(reference, ignore_errors=True)
        shutil.rmtree(self.tmp / "reference-cache", ignore_errors=True)
        self.build(REFERENCE, reference)
        report = differences(tree(self.root / "output"), tree(reference))
        assert not report, f"{self.variant}, after the edits {self.log}:\n{report}"


def profile(variant: str) -> settings:
    phases = [Phase.explicit, Phase.reuse, Phase.generate] + [Phase.shrink] * SHRINK
    return settings(
        max_examples=EXAMPLES or 1,
        stateful_step_count=(STEPS or len(SCRIPTS[variant])) + 1,  # and the choice of script
        deadline=None,
        derandomize=not RANDOM,
        database=None,
        phases=phases,
        suppress_health_check=list(HealthCheck),
        print_blob=RANDOM,  # a random failure can be replayed with @reproduce_failure
    )


@pytest.mark.timeout(1200 + 180 * EXAMPLES * (STEPS or 4))  # a step is two builds
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_incremental_state(variant):
    machine = type(f"EditorActions_{variant}", (EditorActions,), {"variant": variant})
    run_state_machine_as_test(machine, settings=profile(variant))
