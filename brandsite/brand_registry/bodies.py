"""Check a Markdown body: its links are safe and its images are files that exist."""

from __future__ import annotations

from pathlib import Path

from .attention import large_image
from .images import ImageProblem, load_image
from .issues import Issue, shortened
from .markdown_body import URL_SCHEMES, BodyTooComplex, references, url_scheme
from .messages import Message, msg
from .model import Image

MAX_ISSUES = 50  # per body; a pasted web page should not print ten thousand lines
STATIC = "{static}"


def check_body(
    body: str, body_line: int, shown: str, folder: Path, issues: list[Issue], in_content: bool = False
) -> dict[str, Image]:
    """The body's images by src; an Issue for every bad link or image, a warning
    for every large image.

    Images are files of `folder`: a brand's bundle, or with `in_content` the
    content folder, where names may start with Pelican's `{static}` or `/`.
    """
    found: dict[str, Image] = {}
    if not body.strip():
        return found
    try:
        refs = references(body)
    except BodyTooComplex as exc:
        issues.append(Issue(shown, body_line + max(exc.line - 1, 0), "body", exc.message))
        return found
    problems: list[tuple[int, Message, str]] = []
    seen: set[str] = set()
    for ref in refs:
        line = body_line + ref.line - 1 if ref.line else body_line
        scheme = url_scheme(ref.url)
        src = shortened(ref.url)
        if not ref.is_image:
            if scheme and scheme not in URL_SCHEMES:
                problems.append((line, msg("unsafe_link", url=src), "error"))
            continue
        if scheme:
            where = "image_is_url_in_content" if in_content else "image_is_url_in_bundle"
            problems.append((line, msg(where, src=src), "error"))
            continue
        if ref.url in seen:
            continue
        seen.add(ref.url)
        name = ref.url.removeprefix(STATIC).lstrip("/") if in_content else ref.url
        try:
            found[ref.url] = image = load_image(folder, name, ref.alt.strip())
        except ImageProblem as exc:
            problems.append((line, msg("image_problem", problem=exc.message), "error"))
        else:
            warning = large_image(image)
            if warning:
                problems.append((line, warning, "warning"))
        if not ref.alt.strip():
            problems.append((line, msg("needs_alt", src=src), "error"))
    for line, message, severity in problems[:MAX_ISSUES]:
        issues.append(Issue(shown, line, "body", message, severity))
    if len(problems) > MAX_ISSUES:
        issues.append(
            Issue(
                shown, problems[MAX_ISSUES][0], "body", msg("more_problems", count=len(problems) - MAX_ISSUES)
            )
        )
    return found
