"""What the registry checks in a story: its date, its cover and the brands it names."""

from __future__ import annotations

import re
from pathlib import Path

from .fields import Fields, did_you_mean
from .frontmatter import FrontMatterError, read_document
from .images import ImageProblem, load_image
from .issues import Issue, display_path
from .markdown_body import find_body_images, has_url_scheme
from .model import Story

LANGS = ("zh", "en")
STORY_FIELDS = {
    "title", "date", "modified", "category", "brands", "tags", "summary", "cover", "lang",
    "slug", "translation", "status", "author",
}


def load_story(path: Path, content_dir: Path, brand_slugs: set[str], root: Path,
               issues: list[Issue]) -> Story | None:
    shown = display_path(path, root)
    try:
        doc = read_document(path)
    except FrontMatterError as exc:
        issues.append(Issue(shown, exc.line, "", exc.message))
        return None
    fields = Fields(doc.meta, shown, issues, doc.lines)
    for key, line in doc.duplicates:
        issues.append(Issue(shown, line, str(key[-1]), "is given twice; keep one"))
    fields.reject_unknown(STORY_FIELDS)
    title = fields.text("title", required=True, max_length=300)
    when = fields.date("date", required=True)
    fields.date("modified")
    fields.text("category", max_length=100)
    fields.text("summary", max_length=1000)
    fields.text_list("tags")
    lang = fields.text("lang") or "zh"
    if lang not in LANGS:
        fields.error("lang", f'"{lang}" must be one of: {", ".join(LANGS)}')
    slug = fields.text("slug") or path.stem
    if not re.fullmatch(r"[a-z0-9-]+", slug):
        fields.error("slug" if fields.has("slug") else "", f'slug "{slug}" must use only a-z, 0-9 and -')
    brands = fields.text_list("brands")
    for index, brand in enumerate(brands):
        if brand not in brand_slugs:
            hint = did_you_mean(brand, sorted(brand_slugs))
            fields.error(("brands", index), f'"{brand}" is not a brand in brands/{hint}')
    cover = None
    if fields.has("cover"):
        try:
            cover = load_image(content_dir, fields.text("cover"), title)
        except ImageProblem as exc:
            fields.error("cover", str(exc))
    for line, src, alt in find_body_images(doc.body):
        where = doc.body_line + line - 1
        name = src.removeprefix("{static}").lstrip("/")
        if has_url_scheme(src):
            issues.append(Issue(shown, where, "body",
                                f'image "{src}" must be a file under content/, not a web address'))
            continue
        try:
            load_image(content_dir, name, alt)
        except ImageProblem as exc:
            issues.append(Issue(shown, where, "body", f"image {exc}"))
        if not alt:
            issues.append(Issue(shown, where, "body",
                                f'image "{src}" needs alt text: ![what it shows]({src})'))
    if not title or not when:
        return None
    return Story(slug, path, title, when, tuple(brands), lang, cover)
