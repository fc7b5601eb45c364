"""Start a new brand bundle or story from a template: `make new-brand` / `make new-story`.

    python -m brandsite.editor.scaffold brand korla-pear
    python -m brandsite.editor.scaffold story pear-harvest-2026

Every field of the content model is in the template, explained in Chinese and
English; required fields are left empty (so `make check` points at each until
it is filled), optional ones are commented out.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path
from string import Template

from brandsite.brand_registry.issues import Issue
from brandsite.brand_registry.messages import msg
from brandsite.brand_registry.registry_file import load_registry

ROOT = Path.cwd()  # the project: make runs the commands in its folder
TEMPLATES = Path(__file__).resolve().parent / "templates"

SLUG = re.compile(r"[a-z0-9-]+")
STORY_CATEGORIES = "质量文化, 典型案例, 标准化, 通知公告"


def registry_choices(root: Path) -> dict[str, str]:
    """The ids editors may use, for the template's comments."""
    issues: list[Issue] = []
    path = root / "brands" / "_registry.yaml"
    registry = load_registry(path, "brands/_registry.yaml", issues) if path.is_file() else None

    def listed(table) -> str:
        return ", ".join(f"{key} {entry.name}" for key, entry in table.items()) or "brands/_registry.yaml"

    if registry is None:
        return dict.fromkeys(("categories", "certification_types", "award_programs"), "brands/_registry.yaml")
    return {
        "categories": listed(registry.categories),
        "certification_types": listed(registry.certification_types),
        "award_programs": listed(registry.award_programs),
    }


def target(kind: str, slug: str, root: Path) -> Path:
    if kind == "brand":
        return root / "brands" / slug / "index.md"
    return root / "content" / "stories" / f"{slug}.md"


def taken(kind: str, slug: str, root: Path) -> Path | None:
    """The file or folder that already uses `slug`, if any."""
    if kind == "brand":
        folder = root / "brands" / slug
        return folder if folder.exists() else None
    return next(iter(sorted((root / "content" / "stories").rglob(f"{slug}.md"))), None)


def scaffold(kind: str, slug: str, root: Path = ROOT, today: date | None = None) -> Path:
    """Write the new file and return its path; ValueError (with a Message) if refused."""
    if not SLUG.fullmatch(slug or ""):
        raise ValueError(msg("scaffold_bad_slug", slug=slug))
    existing = taken(kind, slug, root)
    if existing:
        raise ValueError(msg("scaffold_exists", path=existing.relative_to(root).as_posix()))
    template = Template((TEMPLATES / f"{kind}.md").read_text(encoding="utf-8"))
    text = template.substitute(
        slug=slug,
        today=(today or date.today()).isoformat(),
        story_categories=STORY_CATEGORIES,
        **registry_choices(root),
    )
    path = target(kind, slug, root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=("brand", "story"))
    parser.add_argument("slug", help="lower-case a-z, 0-9 and -, e.g. korla-pear")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        path = scaffold(args.kind, args.slug, args.root.resolve())
    except ValueError as refused:
        message = refused.args[0]
        print(f"{message.zh}\n{message.en}", file=sys.stderr)
        return 1
    done = msg("scaffold_created", path=path.relative_to(args.root.resolve()).as_posix())
    print(f"{done.zh}\n{done.en}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
