"""Load and check the whole registry, the stories and the pages, collecting every issue."""

from __future__ import annotations

import functools
import hashlib
import unicodedata
from datetime import date
from pathlib import Path

from . import checked, memo
from .award_file import check_brand_awards, load_award_list, with_listed_awards
from .brand_file import load_brand
from .case_file import load_case
from .files import walk
from .issues import Issue, ValidationFailed, display_path, errors, shortened
from .messages import msg
from .model import Registry, Site
from .registry_file import load_registry
from .settings_file import Paths
from .stories import check_page, check_translations, load_story

REGISTRY_FILE = "_registry.yaml"
AWARDS_FOLDER = "awards"  # under content/: <program>/<edition>.md
CASES_FOLDER = "cases"  # under content/: <slug>.md
MARKDOWN = (".md", ".markdown")
# What may be published from a static folder: nothing a browser would run as a page.
STATIC_SUFFIXES = (
    ".jpg",
    ".jpeg",
    ".png",
    ".webp",
    ".gif",
    ".avif",
    ".pdf",
    ".txt",
    ".csv",
    ".doc",
    ".docx",
    ".xls",
    ".xlsx",
    ".ppt",
    ".pptx",
    ".odt",
    ".ods",
    ".zip",
)


def normalize_license(number: str) -> str:
    """The form licence numbers are compared in: full-width folded, no spaces, upper case."""
    folded = unicodedata.normalize("NFKC", number)
    return "".join(folded.split()).upper()


def load_site(paths: Paths, as_of: date | None = None) -> tuple[Site, list[Issue]]:
    """Everything, checked; with `as_of`, also warn of licences and certificates expiring soon."""
    memo.begin(paths.cache)
    issues: list[Issue] = []
    registry_path = paths.brands / REGISTRY_FILE
    shown_registry = display_path(registry_path, paths.root)
    if registry_path.is_file():
        registry = load_registry(registry_path, shown_registry, issues)
    else:
        issues.append(Issue(shown_registry, 0, "", msg("registry_missing")))
        registry = Registry()
    site = Site(registry)
    checked.begin(paths.cache, _check_context(registry_path, paths.root, as_of))

    for bundle in sorted(p for p in paths.brands.iterdir() if p.is_dir()) if paths.brands.is_dir() else []:
        if bundle.name.startswith((".", "_")):
            continue
        if bundle.is_symlink():
            issues.append(Issue(display_path(bundle, paths.root), 0, "", msg("bundle_is_link")))
            continue
        if not (bundle / "index.md").is_file():
            issues.append(Issue(display_path(bundle, paths.root), 0, "", msg("no_index")))
            continue
        brand = checked.brand(
            bundle,
            functools.partial(load_brand, bundle, site.registry, paths.root, as_of=as_of),
            issues,
        )
        if brand:
            site.brands[brand.slug] = brand

    _check_unique_licences(site, issues)
    slugs = set(site.brands)
    _load_award_lists(site, paths, as_of, issues)
    _load_cases(site, paths, as_of, issues)
    seen: dict[tuple[str, str], Path] = {}
    content = checked.ContentStamp(paths.content, MARKDOWN)
    for path in _markdown_files(paths.stories, paths, issues):
        story = checked.story(
            path,
            functools.partial(load_story, path, paths.content, slugs, paths.root),
            issues,
            slugs,
            content,
        )
        if not story:
            continue
        first = seen.setdefault((story.lang, story.slug), path)
        if first != path:
            issues.append(
                Issue(
                    display_path(path, paths.root),
                    story.slug_line,
                    "slug",
                    msg("slug_taken", slug=story.slug, other=display_path(first, paths.root)),
                )
            )
        site.stories[path] = story
    check_translations(list(site.stories.values()), paths.root, issues)
    for path in _markdown_files(paths.pages, paths, issues):
        check_page(path, paths.content, paths.root, issues)
    for folder in paths.static:
        _check_static(folder, paths, issues)
    return site, issues


def awards_folder(paths: Paths) -> Path:
    return paths.content / AWARDS_FOLDER


def _load_award_lists(site: Site, paths: Paths, as_of: date | None, issues: list[Issue]) -> None:
    """Every edition file, checked; then the brands' awards against them."""
    folder = awards_folder(paths)
    slugs = set(site.brands)
    for path in _markdown_files(folder if folder.is_dir() else None, paths, issues):
        found = load_award_list(path, folder, site.registry, slugs, paths.root, issues, as_of)
        if found is not None:
            site.award_lists[(found.program, found.edition)] = found
    site.award_lists = dict(sorted(site.award_lists.items()))
    check_brand_awards(site.brands, site.award_lists, paths.root, issues)
    for slug, brand in site.brands.items():
        site.brands[slug] = with_listed_awards(brand, site.award_lists)


def cases_folder(paths: Paths) -> Path:
    return paths.content / CASES_FOLDER


def _load_cases(site: Site, paths: Paths, as_of: date | None, issues: list[Issue]) -> None:
    """Every case file, checked (also those past their period: they are still the editors')."""
    folder = cases_folder(paths)
    slugs = set(site.brands)
    for path in _markdown_files(folder if folder.is_dir() else None, paths, issues):
        case = load_case(path, folder, site.registry, slugs, paths.root, issues, as_of)
        if case is None:
            continue
        first = site.cases.get(case.slug)
        if first is not None:
            shown, other = display_path(path, paths.root), display_path(first.source_path, paths.root)
            issues.append(Issue(shown, 0, "slug", msg("slug_taken", slug=case.slug, other=other)))
            continue
        site.cases[case.slug] = case
    site.cases = dict(sorted(site.cases.items()))


def load_site_or_fail(paths: Paths, as_of: date | None = None) -> tuple[Site, list[Issue]]:
    """Like load_site, but raise ValidationFailed listing every error."""
    site, issues = load_site(paths, as_of)
    if errors(issues):
        raise ValidationFailed(issues)
    return site, issues


def _check_context(registry_path: Path, root: Path, as_of: date | None) -> str:
    """What checking any bundle depends on besides its own files."""
    try:
        registry = hashlib.sha256(registry_path.read_bytes()).hexdigest()
    except OSError:
        registry = None
    return repr((registry, str(root), as_of.isoformat() if as_of else None))


def _markdown_files(folder: Path | None, paths: Paths, issues: list[Issue]) -> list[Path]:
    """The Markdown files Pelican would read from `folder` (it follows links: we refuse them)."""
    if folder is None:
        return []
    return [
        path for path in walk(folder, paths.root, issues, paths.ignored) if path.suffix.lower() in MARKDOWN
    ]


def _check_static(folder: Path, paths: Paths, issues: list[Issue]) -> None:
    for path in walk(folder, paths.root, issues, paths.ignored):
        if path.suffix.lower() not in STATIC_SUFFIXES:
            issues.append(
                Issue(
                    display_path(path, paths.root),
                    0,
                    "",
                    msg(
                        "not_publishable",
                        suffix=shortened(path.suffix or path.name, 20),
                        allowed=" ".join(STATIC_SUFFIXES),
                    ),
                )
            )


def _check_unique_licences(site: Site, issues: list[Issue]) -> None:
    first_use: dict[str, str] = {}
    for brand in site.brands.values():
        for licensee in brand.licensees:
            key = normalize_license(licensee.license)
            if key in first_use:
                path, _, line = licensee.source.rpartition(":")
                issues.append(
                    Issue(
                        path,
                        int(line or 0),
                        "license",
                        msg("licence_taken", license=licensee.license, other=first_use[key]),
                    )
                )
            else:
                first_use[key] = licensee.source
