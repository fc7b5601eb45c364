"""Load and check the whole registry and the stories, collecting every issue."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .brand_file import load_brand
from .issues import Issue, ValidationFailed, display_path, errors
from .model import Registry, Site
from .registry_file import load_registry
from .stories import load_story

REGISTRY_FILE = "_registry.yaml"


@dataclass(frozen=True)
class Paths:
    root: Path  # the project folder; messages name files relative to it
    brands: Path
    content: Path
    stories: Path

    @classmethod
    def under(cls, root: Path, brands: str = "brands", content: str = "content",
              stories: str = "stories") -> "Paths":
        root = Path(root)
        return cls(root, root / brands, root / content, root / content / stories)


def normalize_license(number: str) -> str:
    """The form licence numbers are compared in: full-width folded, no spaces, upper case."""
    folded = unicodedata.normalize("NFKC", number)
    return "".join(folded.split()).upper()


def load_site(paths: Paths) -> tuple[Site, list[Issue]]:
    issues: list[Issue] = []
    registry_path = paths.brands / REGISTRY_FILE
    shown_registry = display_path(registry_path, paths.root)
    if registry_path.is_file():
        registry = load_registry(registry_path, shown_registry, issues)
    else:
        issues.append(Issue(shown_registry, 0, "", "file is missing"))
        registry = Registry()
    site = Site(registry)

    for bundle in sorted(p for p in paths.brands.iterdir() if p.is_dir()) if paths.brands.is_dir() else []:
        if bundle.name.startswith((".", "_")):
            continue
        if not (bundle / "index.md").is_file():
            issues.append(Issue(display_path(bundle, paths.root), 0, "",
                                "brand folder has no index.md"))
            continue
        brand = load_brand(bundle, site.registry, paths.root, issues)
        if brand:
            site.brands[brand.slug] = brand

    _check_unique_licences(site, issues)
    slugs = set(site.brands)
    seen: dict[tuple[str, str], Path] = {}
    for path in sorted(paths.stories.rglob("*.md")) if paths.stories.is_dir() else []:
        story = load_story(path, paths.content, slugs, paths.root, issues)
        if not story:
            continue
        first = seen.setdefault((story.lang, story.slug), path)
        if first != path:
            issues.append(Issue(display_path(path, paths.root), 0, "slug",
                                f'"{story.slug}" is already used by '
                                f"{display_path(first, paths.root)}"))
        site.stories[path] = story
    return site, issues


def load_site_or_fail(paths: Paths) -> tuple[Site, list[Issue]]:
    """Like load_site, but raise ValidationFailed listing every error."""
    site, issues = load_site(paths)
    if errors(issues):
        raise ValidationFailed(issues)
    return site, issues


def _check_unique_licences(site: Site, issues: list[Issue]) -> None:
    first_use: dict[str, str] = {}
    for brand in site.brands.values():
        for licensee in brand.licensees:
            key = normalize_license(licensee.license)
            if key in first_use:
                path, _, line = licensee.source.rpartition(":")
                issues.append(Issue(path, int(line or 0), "license",
                                    f'licence number "{licensee.license}" is already used '
                                    f"at {first_use[key]}"))
            else:
                first_use[key] = licensee.source
