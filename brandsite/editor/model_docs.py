"""Write the content model's field tables into docs/content-model.md, and brand.schema.json: `make docs`.

    python -m brandsite.editor.model_docs            # rewrite what is out of date
    python -m brandsite.editor.model_docs --check    # exit 1 if anything is

Each table replaces the text between `<!-- BEGIN GENERATED: part -->` and
`<!-- END GENERATED: part -->`; the prose around the markers is left alone.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from brandsite.brand_registry import content_model as cm
from brandsite.brand_registry.content_model import Field, Group
from brandsite.brand_registry.schema import SCHEMA_FILE, brand_schema, committed_schema, write_schema

DOCS = Path("docs") / "content-model.md"
PARTS: dict[str, Group] = {
    "brand": cm.BRAND,
    "gallery": cm.GALLERY,
    "certifications": cm.CERTIFICATION,
    "standards": cm.STANDARD,
    "awards": cm.AWARD,
    "licensees": cm.LICENSEE,
    "contact": cm.CONTACT,
    "translation": cm.TRANSLATION,
    "translation_gallery": cm.TRANSLATED_GALLERY,
    "translation_certifications": cm.TRANSLATED_CERTIFICATION,
    "translation_standards": cm.TRANSLATED_STANDARD,
    "translation_licensees": cm.TRANSLATED_LICENSEE,
    "translation_contact": cm.TRANSLATED_CONTACT,
    "licensees_csv": cm.LICENSEE,
    "story": cm.STORY,
    "award_edition": cm.AWARD_EDITION,
    "notice": cm.NOTICE,
    "decision": cm.DECISION,
    "winners": cm.WINNER,
    "case": cm.CASE,
}
KIND_NAMES = {
    "text": "文字 text",
    "date": "日期 date",
    "integer": "整数 whole number",
    "id": "代码 id",
    "image": "图片文件 image file",
    "texts": "文字列表 list of texts",
    "items": "列表 list",
    "images": "图片列表 list of images",
    "group": "一组 group",
    "choice": "选项 choice",
    "slug": "网址名 slug",
    "boolean": "true / false",
    "uscc": "统一社会信用代码 USCC",
}
KIND_LIMITS = {
    "date": "YYYY-MM-DD",
    "slug": "`a-z` `0-9` `-`",
    "uscc": "18 位，末位为校验码 · 18 characters, the last a check (GB 32100-2015)",
    "items": "每项的字段见下表 · item fields below",
    "images": "文件名，或含 `src` 的一组 · a file name, or a group with `src`",
    "group": "字段见下表 · fields below",
}
HEADER = (
    "| 字段 Field | 类型 Type | 必填 Required | 限制 Limits | 说明 | Meaning |\n|---|---|---|---|---|---|\n"
)
MARKERS = re.compile(r"(<!-- BEGIN GENERATED: (\w+) -->\n)(.*?)(<!-- END GENERATED: \2 -->)", re.S)


def limits(field: Field, csv: bool = False) -> str:
    """What a field's value may be, in both languages."""
    found = []
    if field.kind == "texts" and csv:
        found.append("同一格内用 `;` 分隔 · separated by `;` in one cell")
    elif field.kind in KIND_LIMITS:
        found.append(KIND_LIMITS[field.kind])
    if field.registry:
        found.append(f"`_registry.yaml` 的 `{field.registry}` · listed in `{field.registry}`")
    if field.choices:
        found.append(" / ".join(f"`{choice}`" for choice in field.choices))
    if field.default:
        found.append(f"默认 default `{field.default}`")
    if field.max_length:
        found.append(f"最多 {field.max_length} 字 · at most {field.max_length} characters")
    return "; ".join(found)


def table(fields: Group, csv: bool = False) -> str:
    """A Markdown table of `fields`: name, kind, required, limits, meaning."""
    rows = [
        f"| `{f.name}` | {KIND_NAMES[f.kind]} | {'是 yes' if f.required else '否 no'} | "
        f"{limits(f, csv)} | {f.zh} | {f.en} |\n"
        for f in fields.values()
    ]
    return HEADER + "".join(rows)


def with_tables(text: str) -> str:
    """`text` with every generated part filled in from the declaration."""

    def filled(match: re.Match) -> str:
        begin, part, _old, end = match.groups()
        return f"{begin}\n{table(PARTS[part], csv=part == 'licensees_csv')}\n{end}"

    return MARKERS.sub(filled, text)


def skeleton() -> str:
    """A new docs page: a heading and the markers, for prose to be written around."""
    parts = "".join(f"<!-- BEGIN GENERATED: {p} -->\n<!-- END GENERATED: {p} -->\n\n" for p in PARTS)
    return f"# Content model\n\n{parts}".rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if out of date")
    parser.add_argument("--docs", type=Path, default=DOCS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    text = args.docs.read_text(encoding="utf-8") if args.docs.exists() else skeleton()
    stale = []
    if with_tables(text) != text or not args.docs.exists():
        stale.append(args.docs.as_posix())
    if committed_schema() != brand_schema():
        stale.append(SCHEMA_FILE.name)
    if args.check:
        for name in stale:
            print(f"{name} is out of date: run make docs", file=sys.stderr)
        return 1 if stale else 0
    if args.docs.as_posix() in stale:
        args.docs.write_text(with_tables(text), encoding="utf-8")
    write_schema()
    for name in stale:
        print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
