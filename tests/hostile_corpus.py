"""The hostile-input corpus: each case plants one bad (or merely odd) input into
a project and states exactly what validation reports for it.

Small inputs are files in tests/hostile/ (see its README); big ones are
generated here, so nothing large is committed.
"""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from conftest import BRAND, Project, front_matter, jpeg_bytes, png_bytes

from brandsite.brand_registry.issues import errors

CORPUS = Path(__file__).resolve().parent / "hostile"
HEADER = "name,license,valid_from,valid_to,products\n"
LINK_RULE = "is not allowed: use an address starting with https://, http://, mailto: or tel:"
FORMATS_RULE = "use JPEG, PNG, WebP, GIF or AVIF"
RENDER_SECONDS = 2  # the tests shorten the body render limit to this


@dataclass
class Case:
    name: str  # also the brand folder (or file) it plants
    plant: Callable[[Project, Path, str], None]  # (project, a folder outside it, name)
    expected: list[str]  # exact messages; [] when the input just works
    brand_loads: bool = False  # the case's brand is usable despite the oddity


def png_stream(width: int, height: int, rows: int | None = None, color_type: int = 0) -> bytes:
    """A PNG of zero pixels, written without holding the pixels in memory.

    With `rows`, only that many rows of data follow the header (a header bomb).
    """
    channels = {0: 1, 2: 3, 6: 4}[color_type]
    compressor = zlib.compressobj(6)
    row = b"\x00" * (1 + width * channels)
    data = b"".join(compressor.compress(row) for _ in range(height if rows is None else rows))
    data += compressor.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def _copy(source: str, target: str = "index.md"):
    def plant(project: Project, _outside: Path, name: str) -> None:
        bundle = project.brands / name
        bundle.mkdir()
        shutil.copyfile(CORPUS / source, bundle / target)
        if target != "index.md":
            (bundle / "index.md").write_text(front_matter(BRAND), encoding="utf-8")

    return plant


def _brand(body: str = "正文。\n", files: dict | None = None, text: str | None = None, **fields):
    def plant(project: Project, _outside: Path, name: str) -> None:
        made = {file: data() if callable(data) else data for file, data in (files or {}).items()}
        project.brand(name, text=text, files=made, body=body, **fields)

    return plant


def _link(target_kind: str, linked: str, extra_fields: dict | None = None):
    """A brand whose file `linked` (or whole folder) links to one outside the project."""

    def plant(project: Project, outside: Path, slug: str) -> None:
        secret = outside / f"{slug}-secret"
        if target_kind == "folder":
            secret.mkdir()
            (secret / "index.md").write_text(front_matter(BRAND), encoding="utf-8")
            (project.brands / slug).symlink_to(secret, target_is_directory=True)
            return
        bundle = project.brands / slug
        bundle.mkdir()
        if linked != "index.md":
            (bundle / "index.md").write_text(
                front_matter({**BRAND, **(extra_fields or {})}), encoding="utf-8"
            )
        data = {"index.md": front_matter(BRAND).encode(), "licensees.csv": HEADER.encode()}
        secret.write_bytes(data.get(linked, png_bytes()))
        (bundle / linked).symlink_to(secret)

    return plant


def _huge_file(project: Project, _outside: Path, _name: str) -> None:
    bundle = project.brands / "huge-file"
    bundle.mkdir()
    with (bundle / "index.md").open("w", encoding="utf-8") as file:
        file.write("---\nname: ")
        file.write("梨" * (50 * 1024 * 1024 // 3 - 4))  # 50 MB of front matter
        file.write("\n---\n")


def _deep_nesting(project, _outside, _name):
    project.brand("deep-nesting", text="---\nname: " + "[" * 100_000 + "]" * 100_000 + "\n---\n")


def _too_many_values(project, _outside, _name):
    project.brand("too-many-values", text="---\ntags: [" + "a, " * 60_000 + "]\n---\n")


def _dense_values(project, _outside, _name):
    # 60,000 values in 60 KB: small enough for the libyaml fast path, which must refuse it too
    project.brand("dense-values", text="---\ntags: {" + "a," * 30_000 + "}\n---\n")


def _nested_for_libyaml(project, _outside, _name):
    # shallow enough to be handed to libyaml, deeper than the limit
    project.brand("nested-for-libyaml", text="---\nname: " + "[" * 60 + "]" * 60 + "\n---\n")


def _huge_front_matter(project, _outside, _name):
    project.brand("huge-front-matter", text="---\nsummary: " + "x" * 300_000 + "\n---\n")


def _long_key(project, _outside, _name):
    project.brand("long-key", text=front_matter({**BRAND, "k" * 100_000: 1}))


def _csv(rows: int = 0, body: str | bytes | None = None, pad_to: int = 0):
    def plant(project: Project, _outside: Path, slug: str) -> None:
        bundle = project.brand(slug).parent
        with (bundle / "licensees.csv").open("wb") as file:
            if body is not None:
                file.write(body if isinstance(body, bytes) else body.encode())
            else:
                file.write(HEADER.encode())
                for number in range(rows):
                    file.write(
                        f"某某果业有限公司{number},{slug}-{number:06d},2021-01-01,2026-12-31,"
                        "鲜梨;梨汁\n".encode()
                    )
            if pad_to:
                file.write(b"\n" * (pad_to - file.tell()))

    return plant


def _static(name: str, data: bytes):
    def plant(project: Project, _outside: Path, _name: str) -> None:
        (project.content / "images" / name).write_bytes(data)

    return plant


def _story(filename: str, body: str, **fields):
    def plant(project: Project, _outside: Path, _name: str) -> None:
        project.story(filename, body=body, **fields)

    return plant


def _junk_page(project, _outside, _name):
    pages = project.content / "pages"
    pages.mkdir(exist_ok=True)
    shutil.copyfile(CORPUS / "binary-junk.md", pages / "junk.md")


def _linked_story_folder(project, outside, _name):
    secret = outside / "stories-elsewhere"
    secret.mkdir()
    (secret / "leak.md").write_text(front_matter({"title": "t", "date": "2024-01-01"}))
    (project.stories / "elsewhere").symlink_to(secret, target_is_directory=True)


def _linked_story(project, outside, _name):
    secret = outside / "story-secret.md"
    secret.write_text(front_matter({"title": "t", "date": "2024-01-01"}))
    (project.stories / "linked.md").symlink_to(secret)


TEN_THOUSAND_LINES = "".join(
    f"## 第 {n} 节\n"
    if n % 50 == 0
    else "\n"
    if n % 5 == 0
    else f"- 第 {n} 行：**地理标志产品**，[标准](https://example.org/{n})。\n"
    if n % 50 > 40
    else f"第 {n} 行：库尔勒香梨皮薄肉细，汁多渣少，香气浓郁。\n"
    for n in range(1, 10_001)
)
DEEP_LIST = "\n".join("    " * depth + "- 层" for depth in range(300)) + "\n"
B = "brands"
CASES = [
    Case(
        "yaml-bomb",
        _copy("yaml-bomb.md"),
        [f"{B}/yaml-bomb/index.md:3: YAML aliases (*name) are not allowed; write the value out"],
    ),
    Case("huge-file", _huge_file, [f"{B}/huge-file/index.md: file is 50 MB; the limit is 2 MB"]),
    Case(
        "huge-front-matter",
        _huge_front_matter,
        [f"{B}/huge-front-matter/index.md:1: front matter is larger than 256 KB"],
    ),
    Case(
        "deep-nesting",
        _deep_nesting,
        [f"{B}/deep-nesting/index.md:2: front matter is nested deeper than 20 levels"],
    ),
    Case(
        "too-many-values",
        _too_many_values,
        [f"{B}/too-many-values/index.md:2: front matter has more than 50000 values"],
    ),
    Case(
        "dense-values",
        _dense_values,
        [f"{B}/dense-values/index.md:2: front matter has more than 50000 values"],
    ),
    Case(
        "nested-for-libyaml",
        _nested_for_libyaml,
        [f"{B}/nested-for-libyaml/index.md:2: front matter is nested deeper than 20 levels"],
    ),
    Case("long-key", _long_key, [f"{B}/long-key/index.md:8: {'k' * 60}…: unknown field"], brand_loads=True),
    Case("binary-junk", _copy("binary-junk.md"), [f"{B}/binary-junk/index.md: file is binary, not text"]),
    Case(
        "invalid-utf8",
        _copy("invalid-utf8.md"),
        [f"{B}/invalid-utf8/index.md:5: file is not valid UTF-8 text; save it as UTF-8"],
    ),
    Case(
        "gbk",
        _copy("gbk.md"),
        [
            f"{B}/gbk/index.md:2: file is GBK (GB18030) text, not UTF-8; save it as UTF-8 "
            '(in Excel: "CSV UTF-8")'
        ],
    ),
    Case("bom-crlf", _copy("bom-crlf.md"), [], brand_loads=True),
    Case(
        "linked-image",
        _link("file", "logo.png", {"logo": "logo.png"}),
        [
            f'{B}/linked-image/index.md:8: logo: "logo.png" lies outside the folder linked-image/ '
            "(it is a link)"
        ],
        brand_loads=True,
    ),
    Case(
        "linked-index",
        _link("file", "index.md"),
        [f"{B}/linked-index/index.md: is a link to a file outside linked-index/; put the file itself here"],
    ),
    Case(
        "linked-csv",
        _link("file", "licensees.csv"),
        [f"{B}/linked-csv/licensees.csv: is a link to a file outside linked-csv/; put the file itself here"],
        brand_loads=True,
    ),
    Case(
        "linked-bundle",
        _link("folder", ""),
        [f"{B}/linked-bundle: brand folder is a link; put the folder itself in brands/"],
    ),
    Case(
        "dotdot-path",
        _brand(cover="../good-brand/logo.png", body="![梨](../good-brand/logo.png)\n"),
        [
            f'{B}/dotdot-path/index.md:8: cover: "../good-brand/logo.png" lies outside the folder '
            "dotdot-path/",
            f'{B}/dotdot-path/index.md:10: body: image "../good-brand/logo.png" lies outside the '
            "folder dotdot-path/",
        ],
        brand_loads=True,
    ),
    Case(
        "truncated-png",
        _brand(logo="logo.png", files={"logo.png": png_bytes((400, 300))[:-30]}),
        [f'{B}/truncated-png/index.md:8: logo: "logo.png" is damaged or truncated'],
        brand_loads=True,
    ),
    Case(
        "truncated-jpeg",
        _brand(logo="logo.jpg", files={"logo.jpg": jpeg_bytes((400, 300))[:400]}),
        [f'{B}/truncated-jpeg/index.md:8: logo: "logo.jpg" is damaged or truncated'],
        brand_loads=True,
    ),
    Case(
        "zero-byte-image",
        _brand(logo="logo.png", files={"logo.png": b""}),
        [f'{B}/zero-byte-image/index.md:8: logo: "logo.png" is empty (0 bytes)'],
        brand_loads=True,
    ),
    Case(
        "pixel-bomb",
        _brand(logo="bomb.png", files={"bomb.png": lambda: png_stream(10_000, 10_000)}),
        [
            f'{B}/pixel-bomb/index.md:8: logo: "bomb.png" is 10000x10000 pixels, over the limit of '
            "50 megapixels; scale it down"
        ],
        brand_loads=True,
    ),
    Case(
        "header-bomb",
        _brand(logo="bomb.png", files={"bomb.png": lambda: png_stream(100_000, 100_000, rows=2)}),
        [f'{B}/header-bomb/index.md:8: logo: "bomb.png" is over the limit of 50 megapixels; scale it down'],
        brand_loads=True,
    ),
    Case(
        "svg-script",
        _brand(
            logo="logo.svg",
            gallery=["disguised.png"],
            files={
                "logo.svg": (CORPUS / "svg-with-script.svg").read_bytes(),
                "disguised.png": (CORPUS / "svg-with-script.svg").read_bytes(),
            },
        ),
        [
            f'{B}/svg-script/index.md:8: logo: "logo.svg" is an SVG file; {FORMATS_RULE}',
            f'{B}/svg-script/index.md:10: gallery[1].src: "disguised.png" is an SVG file; {FORMATS_RULE}',
        ],
        brand_loads=True,
    ),
    Case(
        "largest-image",
        _brand(logo="big.png", files={"big.png": lambda: png_stream(7_000, 7_000, color_type=6)}),
        [],
        brand_loads=True,
    ),
    Case(
        "polyglot",
        _brand(logo="page.html", files={"page.html": png_bytes()}),
        [f'{B}/polyglot/index.md:8: logo: "page.html" is a PNG image; its name must end in .png'],
        brand_loads=True,
    ),
    Case(
        "huge-csv",
        _csv(rows=1, pad_to=6 * 1024 * 1024),
        [f"{B}/huge-csv/licensees.csv: file is 6 MB; the limit is 5 MB"],
        brand_loads=True,
    ),
    Case(
        "many-rows-csv",
        _csv(rows=10_001),
        [f"{B}/many-rows-csv/licensees.csv:10002: has more than 10000 licensee rows; the limit is 10000"],
        brand_loads=True,
    ),
    Case(
        "csv-nul",
        _copy("licensees-nul.csv", "licensees.csv"),
        [f"{B}/csv-nul/licensees.csv: file is binary, not text"],
        brand_loads=True,
    ),
    Case(
        "csv-gbk",
        _copy("licensees-gbk.csv", "licensees.csv"),
        [
            f"{B}/csv-gbk/licensees.csv:2: file is GBK (GB18030) text, not UTF-8; save it as UTF-8 "
            '(in Excel: "CSV UTF-8")'
        ],
        brand_loads=True,
    ),
    Case(
        "csv-huge-cell",
        _csv(body=HEADER + "甲," + "x" * 200_000 + ",2021-01-01,2026-12-31,\n"),
        [f"{B}/csv-huge-cell/licensees.csv:2: is not valid CSV: field larger than field limit (131072)"],
        brand_loads=True,
    ),
    Case("long-body", _brand(body=TEN_THOUSAND_LINES), [], brand_loads=True),
    Case(
        "unclosed-brackets",
        _brand(body="[" * 60_000 + "\n"),
        [
            f"{B}/unclosed-brackets/index.md:9: body: takes over {RENDER_SECONDS} seconds to render; "
            "close every [ bracket and split very long paragraphs"
        ],
        brand_loads=True,
    ),
    Case(
        "deep-list",
        _brand(body=DEEP_LIST),
        [
            f"{B}/deep-list/index.md:60: body: is nested more than 50 levels deep "
            "(lists or quotes inside each other)"
        ],
        brand_loads=True,
    ),
    Case(
        "deep-quotes",
        _brand(body="> " * 5_000 + "引用\n"),
        [
            f"{B}/deep-quotes/index.md:9: body: is nested more than 50 levels deep "
            "(lists or quotes inside each other)"
        ],
        brand_loads=True,
    ),
    Case(
        "javascript-links",
        _copy("javascript-links.md"),
        [
            f'{B}/javascript-links/index.md:9: body: link "javascript:alert(1)" {LINK_RULE}',
            f'{B}/javascript-links/index.md:11: body: link "JaVaScRiPt:alert(2)" {LINK_RULE}',
            f"{B}/javascript-links/index.md:11: body: link "
            f'"data:text/html;base64,PHNjcmlwdD5hbGVydCgzKTwvc2NyaXB0Pg==" {LINK_RULE}',
            f'{B}/javascript-links/index.md:13: body: link "java\\nscript:alert(5)" {LINK_RULE}',
            f'{B}/javascript-links/index.md:13: body: link "vbscript:msgbox(4)" {LINK_RULE}',
            f'{B}/javascript-links/index.md:17: body: image "javascript:alert(6)" must be a file '
            "of this folder, not a web address",
            f'{B}/javascript-links/index.md:21: body: link "javascript:alert(7)" {LINK_RULE}',
        ],
        brand_loads=True,
    ),
    Case(
        "story-links",
        _story(
            "story-links",
            "正文。\n\n[点我](javascript:alert(1))\n\n![图](data:image/png;base64,iVBORw0KGgo=)\n",
        ),
        [
            f'content/stories/story-links.md:7: body: link "javascript:alert(1)" {LINK_RULE}',
            'content/stories/story-links.md:9: body: image "data:image/png;base64,iVBORw0KGgo=" '
            "must be a file under content/, not a web address",
        ],
    ),
    Case(
        "linked-story",
        _linked_story,
        ["content/stories/linked.md: is a link to a file outside content/stories/; put the file itself here"],
    ),
    Case(
        "linked-story-folder",
        _linked_story_folder,
        ["content/stories/elsewhere: is a link to a folder; put the folder itself here"],
    ),
    Case("junk-page", _junk_page, ["content/pages/junk.md: file is binary, not text"]),
    Case(
        "static-html",
        _static("evil.html", b"<script>alert(1)</script>"),
        [
            'content/images/evil.html: ".html" files may not be published; allowed here: '
            ".jpg .jpeg .png .webp .gif .avif .pdf .txt .csv .doc .docx .xls .xlsx .ppt .pptx "
            ".odt .ods .zip"
        ],
    ),
    Case("static-hidden", _static(".htaccess", b"AddType text/html .png\n"), []),
]

BY_NAME = {case.name: case for case in CASES}


def plant_good_brand(project: Project) -> None:
    """A valid brand beside the hostile ones: it must load as if they were not there."""
    project.brand(
        "good-brand",
        logo="logo.png",
        files={"logo.png": png_bytes()},
        licensees=[
            {"name": "甲公司", "license": "GOOD-1", "valid_from": "2021-01-01", "valid_to": "2026-12-31"}
        ],
    )


def plant(project: Project, outside: Path, names: list[str] | None = None) -> list[str]:
    """Plant the named cases (default: all) plus the good brand; the expected messages."""
    plant_good_brand(project)
    expected = []
    for case in CASES if names is None else [BY_NAME[n] for n in names]:
        case.plant(project, outside, case.name)
        expected += case.expected
    return sorted(expected)


def english_errors(issues) -> list[str]:
    """The errors' English lines, sorted like the expected messages (warnings left out)."""
    return sorted(issue.english() for issue in errors(issues))


def outside_folder(base: Path) -> Path:
    folder = base / "outside-the-project"
    os.makedirs(folder, exist_ok=True)
    return folder
