"""An individual's privacy in published cases: masked names, and no ID or mobile numbers.

A name is published as its surname followed by 某 for each other character
(王小明 → 王某某). A compound surname (欧阳, 司马 ...) keeps both characters
when the name is longer than two. A name with a middle dot (names of minority
nationalities, 阿不都·热合曼) keeps its first character and its dots, every
other character masked (阿某某·某某某); a name in Latin letters likewise keeps
its first letter and its spaces.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

MASK = "某"
COMPOUND_SURNAMES = frozenset(
    (
        "欧阳",
        "司马",
        "诸葛",
        "上官",
        "东方",
        "皇甫",
        "令狐",
        "慕容",
        "尉迟",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "澹台",
        "公孙",
        "轩辕",
        "独孤",
        "南宫",
        "西门",
        "百里",
        "呼延",
        "端木",
        "东郭",
        "公冶",
        "太史",
        "申屠",
        "闻人",
        "万俟",
        "濮阳",
        "淳于",
        "单于",
        "赫连",
        "钟离",
        "宗政",
        "仲孙",
        "公羊",
        "子车",
        "颛孙",
        "鲜于",
        "闾丘",
        "司空",
        "亓官",
        "司寇",
        "巫马",
        "羊舌",
        "微生",
        "梁丘",
        "左丘",
        "东门",
        "第五",
        "拓跋",
        "完颜",
        "纳兰",
        "谷梁",
        "乐正",
        "壤驷",
        "漆雕",
        "公西",
        "段干",
    )
)
# Middle dots editors type between the parts of a name: · • ‧ ・ ．and the full stop.
DOTS = "·•‧・．.\u00b7\u2027\u30fb\uff0e"
SEPARATORS = DOTS + " \u3000"
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<![\d])(?:\+?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?![\d])")


def mask_name(name: str) -> str:
    """王小明 → 王某某, 欧阳娜娜 → 欧阳某某, 阿不都·热合曼 → 阿某某·某某某."""
    name = name.strip()
    if not name:
        return ""
    if any(c in SEPARATORS for c in name):
        return name[0] + "".join(c if c in SEPARATORS else MASK for c in name[1:])
    keep = 2 if len(name) > 2 and name[:2] in COMPOUND_SURNAMES else 1
    return name[:keep] + MASK * (len(name) - keep)


def name_pattern(name: str) -> re.Pattern[str]:
    """The name as written anywhere: any middle dots or spaces between its characters,
    a Latin letter in either case or full width."""
    chars = [c for c in unicodedata.normalize("NFKC", name) if c not in SEPARATORS]
    joiner = f"[\\s{re.escape(DOTS)}]*"  # 王 小明, 王小\n明 (a line break in the body), 阿不都•热合曼
    return re.compile(joiner.join(_char(c) for c in chars), re.IGNORECASE)


def _char(c: str) -> str:
    """A character, or its full-width form (Ａ for A)."""
    if "!" <= c <= "~":
        return f"[{re.escape(c)}{chr(ord(c) + 0xFEE0)}]"
    return re.escape(c)


def split_remark(party: str) -> tuple[str, str]:
    """王小明（个体工商户） -> ("王小明", "（个体工商户）"): the name, and a remark after it."""
    match = re.match(r"\s*(.*?)\s*([（(].*)?$", party, re.S)
    assert match is not None  # the pattern matches any text
    return match.group(1), match.group(2) or ""


def masked_text(text: str, name: str) -> str:
    """`text` with every occurrence of the individual's `name` masked."""
    if not text or not name.strip():
        return text
    return name_pattern(name).sub(mask_name(name), text)


@dataclass(frozen=True)
class Found:
    """A personal number found in a text: what kind, on which line (1-based), shown masked."""

    kind: str  # "id_number" | "mobile"
    line: int
    shown: str


def personal_numbers(text: str) -> list[Found]:
    """Every resident ID number (GB 11643, valid check character and birth date) and
    mobile number (1[3-9] and nine more digits, not inside a longer run) in `text`."""
    found: list[Found] = []
    for number, line in _lines(text):
        for match in ID_NUMBER.finditer(number):
            if is_id_number(match.group()):
                found.append(Found("id_number", line, _shown(match.group())))
        for match in MOBILE.finditer(number):
            digits = "".join(match.groups())
            found.append(Found("mobile", line, _shown(digits)))
    return found


def is_id_number(value: str) -> bool:
    """18 characters, a real birth date, and the right GB 11643 check character."""
    if len(value) != 18 or not value[:17].isdigit():
        return False
    if not _birth_date(value[6:14]):
        return False
    total = sum(int(d) * w for d, w in zip(value[:17], ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11] == value[17].upper()


def _birth_date(digits: str) -> bool:
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return False
    return born.year >= 1880


def _lines(text: str):
    folded = unicodedata.normalize("NFKC", text)  # full-width digits are digits too
    for index, line in enumerate(folded.split("\n"), start=1):
        yield line, index


def _shown(number: str) -> str:
    """Enough of a number to find it in the file, not enough to publish it."""
    return number[:3] + "*" * (len(number) - 5) + number[-2:]
