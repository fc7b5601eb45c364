"""What the registry checks in a story or a page: its fields, its links and images, the brands
it names. Pelican reads them afterwards; nothing it reads may surprise it."""

from __future__ import annotations

import re
from pathlib import Path

from .attention import warn_large_image
from .bodies import check_body
from .content_model import PAGE, STORY
from .fields import Fields, did_you_mean
from .frontmatter import Document, read_reporting
from .images import ImageProblem, load_image
from .issues import Issue, display_path, shortened
from .messages import label, msg
from .model import Story

LANGS = STORY["lang"].choices
STATUSES = STORY["status"].choices  # what Pelican accepts
DEFAULT_LANG = STORY["lang"].default
# What a translation takes from the story it translates (same slug, default language).
SHARED_FIELDS = ("category", "tags", "brands")
STORY_FIELDS = frozenset(STORY)
PAGE_FIELDS = frozenset(PAGE)
SLUG = re.compile(r"[a-z0-9-]+")


def load_story(
    path: Path, content_dir: Path, brand_slugs: set[str], root: Path, issues: list[Issue]
) -> Story | None:
    shown = display_path(path, root)
    doc = read_reporting(path, shown, issues)
    if doc is None:
        return None
    fields = Fields(doc.meta, shown, issues, doc.lines, line_offset=1, spec=STORY)
    fields.reject_unknown()
    title = fields.text("title")
    when = fields.date("date")
    fields.date("modified")
    category = fields.text("category")
    fields.text("author")
    tags = fields.text_list("tags")
    lang, slug = _shared(fields, path)
    brands = fields.text_list("brands")
    for index, brand in enumerate(brands):
        if brand not in brand_slugs:
            hint = did_you_mean(brand, sorted(brand_slugs))
            fields.error(("brands", index), msg("unknown_brand", value=shortened(brand), hint=hint))
    if not brands and not fields.data.get("brands") and lang == DEFAULT_LANG:
        fields.warn("brands", msg("no_brand"))  # translations: see check_translations
    cover = None
    if fields.has("cover"):
        try:
            cover = load_image(content_dir, fields.text("cover"), title)
        except ImageProblem as exc:
            fields.error("cover", exc.message)
        warn_large_image(fields, "cover", cover)
    check_body_images(doc, content_dir, shown, issues)
    if not title or not when:
        return None
    given = {name: fields.line(name) for name in SHARED_FIELDS if fields.has(name)}
    return Story(
        slug,
        path,
        title,
        when,
        tuple(brands),
        lang,
        cover,
        doc.lines.get(("slug",), 0),
        category,
        tuple(tags),
        given,
    )


def name_parts(path: Path) -> tuple[str, str | None]:
    """The slug and language a file name gives: `x.md` -> ("x", None),
    `x.en.md` -> ("x", "en"), so a translation sits beside its original."""
    stem, dot, suffix = path.stem.rpartition(".")
    if dot and suffix in LANGS:
        return stem, suffix
    return path.stem, None


def check_translations(stories: list[Story], root: Path, issues: list[Issue]) -> None:
    """A translation shares its original's category, tags and brands: it may
    repeat them, but not differ. A story in another language with no original
    needs brands of its own."""
    originals = {s.slug: s for s in stories if s.lang == DEFAULT_LANG}
    for story in stories:
        if story.lang == DEFAULT_LANG:
            continue
        shown = display_path(story.source_path, root)
        original = originals.get(story.slug)
        if original is None:
            if not story.brands:
                issues.append(
                    Issue(shown, story.given.get("brands", 0), "brands", msg("no_brand"), "warning")
                )
            continue
        for name, line in story.given.items():
            if getattr(story, name) != getattr(original, name):
                issues.append(
                    Issue(
                        shown,
                        line,
                        name,
                        msg(
                            "translation_shares",
                            field=label(name),
                            original=display_path(original.source_path, root),
                        ),
                    )
                )


def check_page(path: Path, content_dir: Path, root: Path, issues: list[Issue]) -> None:
    """A page of content/pages/: the same front matter and image rules, fewer fields."""
    shown = display_path(path, root)
    doc = read_reporting(path, shown, issues)
    if doc is None:
        return
    fields = Fields(doc.meta, shown, issues, doc.lines, line_offset=1, spec=PAGE)
    fields.reject_unknown()
    fields.text("title")
    fields.date("modified")
    _shared(fields, path)
    check_body_images(doc, content_dir, shown, issues)


def check_body_images(doc: Document, content_dir: Path, shown: str, issues: list[Issue]) -> None:
    """A body's links are safe and its images are files under content/, each with alt text."""
    check_body(doc.body, doc.body_line, shown, content_dir, issues, in_content=True)


def _shared(fields: Fields, path: Path) -> tuple[str, str]:
    """What stories and pages both check; their language and slug."""
    fields.text("summary")
    fields.choice("status")
    if fields.data.get("translation") not in (None, "", True, False, "true", "false"):
        fields.error("translation", msg("not_true_false"))
    return _lang(fields, path), _slug(fields, path)


def _lang(fields: Fields, path: Path) -> str:
    """The language from the front matter, else the file name (`x.en.md`), else Chinese."""
    file_lang = name_parts(path)[1]
    lang = fields.text("lang") or file_lang or DEFAULT_LANG
    if lang not in LANGS:
        fields.error("lang", msg("not_one_of", value=shortened(lang), choices=", ".join(LANGS)))
    elif file_lang and lang != file_lang:
        fields.error("lang", msg("lang_not_file_name", value=lang, name=shortened(path.name)))
    return lang


def _slug(fields: Fields, path: Path) -> str:
    """The slug from the front matter, else the file name; reported where it was written."""
    slug = fields.text("slug") or name_parts(path)[0]
    if not SLUG.fullmatch(slug):
        if fields.has("slug"):
            fields.error("slug", msg("bad_slug", slug=shortened(slug)))
        else:
            fields.issues.append(Issue(fields.path, 0, "", msg("bad_slug", slug=shortened(slug))))
    return slug
