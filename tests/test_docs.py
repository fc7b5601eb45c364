"""The documentation holds together: every relative link of README.md and docs/ resolves.

A link to a file must name a file or folder of the repository; a link with an
anchor (`#part`) must name a heading of its target as GitHub renders heading
anchors (or an explicit `id`/`name`). README.md stays short: a newcomer's page.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parent.parent
README_MAX_LINES = 250

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
COMMENT = re.compile(r"<!--.*?-->", re.S)
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
# [text](target "title") and ![alt](target); the text may hold one level of brackets.
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>]*>|[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)", re.M)
HTML_LINK = re.compile(r"""<(?:a|img|source)\b[^>]*?\b(?:href|src)\s*=\s*["']([^"']+)["']""", re.I)
HTML_ID = re.compile(r"""<[a-z][^>]*?\b(?:id|name)\s*=\s*["']([^"']+)["']""", re.I)
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def doc_files() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def prose(text: str) -> str:
    """The text without fenced code blocks, HTML comments and inline code."""
    lines, fence = [], None
    for line in COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text).splitlines():
        opened = FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            lines.append("")
        elif opened:
            fence = opened.group(1)
            lines.append("")
        else:
            lines.append(CODE_SPAN.sub("", line))
    return "\n".join(lines)


def headings(text: str) -> list[str]:
    """ATX headings outside code blocks and comments, as written."""
    found, fence = [], None
    for line in COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text).splitlines():
        opened = FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
        elif opened:
            fence = opened.group(1)
        elif match := HEADING.match(line):
            found.append(match.group(2))
    return found


def rendered(heading: str) -> str:
    """A heading's text as GitHub shows it: code spans' text, links' text, no markup."""
    parts = []
    for index, piece in enumerate(CODE_SPAN.split(heading)):
        # split() yields text, fence, code, text, fence, code, ...
        if index % 3 == 2:
            parts.append(piece.strip())
        elif index % 3 == 0:
            text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", piece)
            text = re.sub(r"<[^>]+>", "", text)
            parts.append(text.replace("*", ""))
    return "".join(parts)


def slug(text: str) -> str:
    """GitHub's heading anchor: lower case, only letters, marks, digits, `_`, `-` and
    spaces kept, spaces turned into `-`."""
    kept = "".join(c for c in text.lower() if c in " -_" or unicodedata.category(c)[0] in "LMN")
    return kept.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    found: set[str] = set(HTML_ID.findall(COMMENT.sub("", text)))
    seen: dict[str, int] = {}
    for heading in headings(text):
        base = slug(rendered(heading))
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def links(path: Path) -> list[str]:
    text = prose(path.read_text(encoding="utf-8"))
    found = INLINE_LINK.findall(text) + REFERENCE.findall(text) + HTML_LINK.findall(text)
    return [target[1:-1] if target.startswith("<") else target for target in found]


def problem(source: Path, target: str) -> str | None:
    """Why `target`, a link in `source`, does not resolve; None when it does."""
    if SCHEME.match(target) or target.startswith("//"):
        return None  # another site, mailto:, tel:
    address, _, anchor = target.partition("#")
    address = unquote(address)
    if address.startswith("/"):
        resolved = (ROOT / address.lstrip("/")).resolve()
    else:
        resolved = (source.parent / address).resolve() if address else source
    if not resolved.is_relative_to(ROOT):
        return "leads out of the repository"
    if not resolved.exists():
        return "no such file"
    if anchor:
        if resolved.is_dir() or resolved.suffix.lower() != ".md":
            return None  # GitHub's anchors in code or folders are not ours to check
        if unquote(anchor) not in anchors(resolved):
            return f"no heading #{unquote(anchor)} in {resolved.relative_to(ROOT)}"
    return None


def test_the_documentation_exists():
    names = {path.relative_to(ROOT).as_posix() for path in doc_files()}
    assert {"README.md", "docs/content-model.md", "docs/editor-guide.md"} <= names


@pytest.mark.parametrize("path", doc_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_resolves(path):
    broken = [f"{target}: {why}" for target in links(path) if (why := problem(path, target))]
    assert not broken, f"{path.relative_to(ROOT)} has broken links:\n" + "\n".join(broken)


def test_readme_is_short():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").count("\n")
    assert lines < README_MAX_LINES, f"README.md has {lines} lines; move details to docs/"


def test_the_readme_links_every_doc():
    readme = set(links(ROOT / "README.md"))
    missing = [
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "docs").glob("*.md"))
        if path.relative_to(ROOT).as_posix() not in {t.partition("#")[0] for t in readme}
    ]
    assert not missing, f"README.md does not link {missing}"


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("A brand: `brands/<slug>/index.md`", "a-brand-brandsslugindexmd"),
        ("Registry lists: `brands/_registry.yaml`", "registry-lists-brands_registryyaml"),
        ("Unified social credit code (USCC)", "unified-social-credit-code-uscc"),
        ("读懂错误信息", "读懂错误信息"),
        ("Make targets", "make-targets"),
        ("**Coming**: cases — `content/cases/`", "coming-cases--contentcases"),
    ],
)
def test_anchors_follow_github(heading, anchor):
    assert slug(rendered(heading)) == anchor


def test_links_in_code_are_not_links(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "[real](a.md#x) `[code](b.md)`\n```\n[fenced](c.md)\n```\n<!-- [hidden](d.md) -->\n![pic](i.png)\n",
        encoding="utf-8",
    )
    assert links(page) == ["a.md#x", "i.png"]


# The parts `make docs` fills at least; parts added with the content model come on top.
GENERATED_PARTS = (
    "brand",
    "gallery",
    "certifications",
    "standards",
    "awards",
    "licensees",
    "contact",
    "translation",
    "licensees_csv",
    "story",
)


def test_the_content_model_keeps_its_generated_parts():
    """`make docs` fills the text between each pair of markers; the prose around them is written."""
    text = (ROOT / "docs" / "content-model.md").read_text(encoding="utf-8")
    begins = re.findall(r"<!-- BEGIN GENERATED: (\w+) -->", text)
    ends = re.findall(r"<!-- END GENERATED: (\w+) -->", text)
    assert begins == ends, "every BEGIN GENERATED marker needs its END, in the same order"
    assert len(set(begins)) == len(begins), "a generated part appears twice"
    assert [part for part in begins if part in GENERATED_PARTS] == list(GENERATED_PARTS)
    for part in begins:
        assert text.index(f"<!-- BEGIN GENERATED: {part} -->") < text.index(f"<!-- END GENERATED: {part} -->")
