import math
from datetime import date, datetime

import pytest
import yaml
from hypothesis import event, given, settings
from hypothesis import strategies as st
from sitebuild import ROOT

from brandsite.brand_registry import frontmatter
from brandsite.brand_registry.frontmatter import FrontMatterError, parse_document, read_text
from brandsite.brand_registry.messages import Message


def test_fields_body_and_line_numbers():
    doc = parse_document("---\nname: 梨\nlicensees:\n  - name: 甲\n    license: L-1\n---\n正文\n")
    assert doc.meta["name"] == "梨"
    assert doc.body == "正文\n"
    assert doc.body_line == 7
    assert doc.lines[("licensees", 0, "license")] == 5
    assert doc.line("licensees", 0, "missing") == 4


def test_bom_and_crlf_just_work(tmp_path):
    path = tmp_path / "index.md"
    path.write_bytes("\ufeff---\r\nname: 梨\r\n---\r\n正文\r\n".encode("utf-8"))
    doc = parse_document(read_text(path))
    assert doc.meta == {"name": "梨"}
    assert doc.body == "正文\n"


@pytest.mark.parametrize(
    "text, english, chinese, line",
    [
        (
            "name: 梨\n",
            "file must start with a '---' line opening the YAML front matter",
            "文件第一行必须是 “---”，文件头从这一行开始",
            1,
        ),
        ("---\nname: 梨\n", "front matter is not closed by a '---' line", "文件头没有用 “---” 行结束", 1),
        (
            "---\nname: 梨\ntags: [梨\n---\n",
            "YAML syntax error: a [ is not closed (expected ',' or ']', but got '<stream end>')",
            "YAML 格式错误：这里的 [ 没有配对的结束符号",
            3,
        ),
        (
            "---\nname: '梨\n---\n",
            "YAML syntax error: a quote is not closed (found unexpected end of stream)",
            "YAML 格式错误：这里的引号没有配对",
            2,
        ),
        (
            "---\nname: 梨\nsummary: 标准: GB/T 19859\n---\n",
            "YAML syntax error: a value has a colon or the indentation is off "
            "(mapping values are not allowed here)",
            "YAML 格式错误：值里有冒号（请给整个值加上引号），或这一行的缩进不对",
            3,
        ),
        (
            "---\ncontact:\n\tphone: 1\n---\n",
            "YAML syntax error: a tab character; indent with spaces "
            "(found character '\\t' that cannot start any token)",
            "YAML 格式错误：不能用 Tab 键缩进，请改用空格",
            3,
        ),
        (
            "---\n- a\nb: c\n---\n",
            "YAML syntax error: expected <block end>, but found '?'",
            "YAML 格式错误：expected <block end>, but found '?'"
            "（常见原因：冒号后缺空格、缩进没对齐、括号或引号没有配对）",
            3,
        ),
        (
            "---\n- a\n- b\n---\n",
            "front matter must be a list of 'field: value' lines",
            "文件头必须由 “字段: 值” 行组成",
            2,
        ),
        (
            "---\na: &x [1]\nb: *x\n---\n",
            "YAML aliases (*name) are not allowed; write the value out",
            "不能使用 YAML 别名（*名称），请把内容完整写出来",
            3,
        ),
        (
            "---\na: " + "[" * 30 + "]" * 30 + "\n---\n",
            "front matter is nested deeper than 20 levels",
            "文件头的嵌套超过 20 层",
            2,
        ),
    ],
)
def test_unreadable_front_matter(text, english, chinese, line):
    with pytest.raises(FrontMatterError) as caught:
        parse_document(text)
    assert (caught.value.message.en, caught.value.message.zh, caught.value.line) == (english, chinese, line)


def test_billion_laughs_is_refused_quickly():
    bomb = (
        "---\na: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
            for i in range(9)
        )
        + "---\n"
    )
    with pytest.raises(FrontMatterError, match="aliases"):
        parse_document(bomb)


def test_binary_and_invalid_utf8_and_huge_files(tmp_path):
    binary = tmp_path / "a.md"
    binary.write_bytes(b"---\n\x00\x01\x02")
    with pytest.raises(FrontMatterError, match="file is binary, not text"):
        read_text(binary)
    latin = tmp_path / "b.md"
    latin.write_bytes(b"---\nname: ok\nowner: caf\xe9\n---\n")
    with pytest.raises(FrontMatterError) as caught:
        read_text(latin)
    assert (caught.value.message, caught.value.line) == (
        Message(
            "file is not valid UTF-8 text; save it as UTF-8", "文件不是有效的 UTF-8 文本，请用 UTF-8 编码保存"
        ),
        3,
    )
    huge = tmp_path / "c.md"
    huge.write_bytes(b"---\n" + b"a: b\n" * 600_000)
    with pytest.raises(FrontMatterError) as caught:
        read_text(huge)
    assert caught.value.message.en == "file is 2.9 MB; the limit is 2 MB"


def test_duplicate_keys_are_found():
    doc = parse_document("---\nname: 梨\nname: 苹果\n---\n")
    assert doc.duplicates == [(("name",), 3)]


def test_impossible_date_stays_text_for_validation():
    doc = parse_document("---\nregistered: 2024-02-30\n---\n")
    assert doc.meta["registered"] == "2024-02-30"


# -- the libyaml fast path: the same answers as the Python loader, the same limits -----


def same_data(a, b) -> bool:
    """Equal, and of the same types all the way down (1 is not True, a date not text)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return (
            list(map(type, a)) == list(map(type, b))
            and list(a) == list(b)
            and all(same_data(a[key], b[key]) for key in a)
        )
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same_data(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b and repr(a) == repr(b)


def assert_fast_path_agrees(text: str) -> bool:
    """Where the fast path answers, the Python loader gives the same data, lines and
    duplicates; whether it answered."""
    fast = frontmatter._compose_fast(text)
    if fast is None:
        return False
    node, data = frontmatter._compose_checked(text, 2)  # raises if it would refuse the text
    assert same_data(fast[1], data), (fast[1], data)
    fast_lines, fast_duplicates, lines, duplicates = {}, [], {}, []
    frontmatter._map_lines(fast[0], (), fast_lines, fast_duplicates, 1)
    frontmatter._map_lines(node, (), lines, duplicates, 1)
    assert (fast_lines, fast_duplicates) == (lines, duplicates)
    return True


SCALAR_TEXTS = [
    "v",
    "梨",
    "a b",
    "a: b",
    "a #b",
    "- x",
    "x?y",
    "'",
    '"',
    "\\",
    "",
    " ",
    "x ",
    "a\nb",
    "a\n\nb",
    "2024-02-30",
    "2024-01-01",
    "1",
    "1.5",
    "yes",
    "null",
    "~",
    "0x1F",
    "%x",
    "@x",
    "[x]",
    "{x}",
    "x,y",
    "é",
    "\u00a0",
    "\u3000",
    "<<",
    "=",
    "12:30",
    "1e3",
    ".inf",
    "#",
    "a!b",
    "https://example.org/a?b=1#c",
]
yaml_scalars = st.one_of(
    st.sampled_from(SCALAR_TEXTS),
    st.text(max_size=12),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
    st.dates(),
    st.datetimes(min_value=datetime(1900, 1, 1)),
)
yaml_keys = st.one_of(
    st.sampled_from(["name", "title", "date", "licensees", "名称", "x?y", "1"]),
    st.text(max_size=8),
    st.integers(-3, 3),
    st.booleans(),
    st.dates(),
)
yaml_data = st.dictionaries(
    yaml_keys,
    st.recursive(
        yaml_scalars,
        lambda children: st.one_of(
            st.lists(children, max_size=4), st.dictionaries(yaml_keys, children, max_size=4)
        ),
        max_leaves=20,
    ),
    max_size=8,
)
dumped_yaml = st.builds(
    lambda data, flow, style, width, indent, unicode: yaml.safe_dump(
        data,
        default_flow_style=flow,
        default_style=style,
        width=width,
        indent=indent,
        allow_unicode=unicode,
        sort_keys=False,
    ),
    yaml_data,
    st.sampled_from([False, None, True]),
    st.sampled_from([None, None, "'", '"', "|"]),
    st.sampled_from([80, 20, 1000]),
    st.sampled_from([2, 4]),
    st.booleans(),
)
YAML_TOKENS = [
    "a",
    "梨",
    "1",
    "2024-02-30",
    "2024-01-01",
    "true",
    "null",
    "~",
    ": ",
    ":",
    "- ",
    "-",
    "\n",
    "\n  ",
    "\n    ",
    "  ",
    " ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    ",",
    "'",
    '"',
    "''",
    "\\",
    "#",
    " #",
    "|",
    "|-",
    ">+",
    "|2",
    "?",
    "? ",
    "!",
    "!!str ",
    "&a ",
    "*a",
    "<<",
    "%",
    "@",
    "`",
    ".",
    "e3",
    "0x",
    "...",
    "---",
    "\\n",
    "\\x41",
    "\\u4e2d",
    "é",
    "\u3000",
]
YAML_SAMPLES = [
    path.read_text(encoding="utf-8").split("---\n")[1]
    for path in sorted((ROOT / "brands").glob("*/index*.md")) + sorted((ROOT / "content").rglob("*.md"))
]


def mutated(sample: str, edits: list[tuple[int, str, bool]]) -> str:
    for position, token, replace in edits:
        at = position % (len(sample) + 1)
        sample = sample[:at] + token + sample[at + replace :]
    return sample


@settings(max_examples=300)
@given(
    st.one_of(
        dumped_yaml,
        st.lists(st.sampled_from(YAML_TOKENS), max_size=40).map("".join),
        st.builds(
            mutated,
            st.sampled_from(YAML_SAMPLES),
            st.lists(
                st.tuples(st.integers(0, 10_000), st.sampled_from(YAML_TOKENS), st.booleans()),
                min_size=1,
                max_size=3,
            ),
        ),
    )
)
def test_the_fast_path_reads_what_the_python_loader_reads(text):
    event("fast path answered" if assert_fast_path_agrees(text) else "fast path declined")


def test_the_fast_path_reads_the_sample_site():
    for text in [*YAML_SAMPLES, (ROOT / "brands" / "_registry.yaml").read_text(encoding="utf-8")]:
        assert assert_fast_path_agrees(text), text[:200]


def test_impossible_dates_and_odd_values_read_the_same_on_both_paths():
    text = (
        "registered: 2024-02-30\nupdated: 2024-02-28\nat: 2024-01-02 03:04:05+08:00\n"
        "n: 0x1F\nf: .inf\nyes_no: yes\nempty:\nlist: [a, 1, 2.5, null]\n"
    )
    assert assert_fast_path_agrees(text)
    _node, data = frontmatter._compose_fast(text)
    assert data["registered"] == "2024-02-30" and data["updated"] == date(2024, 2, 28)


DEEP = "front matter is nested deeper than 20 levels"
MANY = "front matter has more than 50000 values"
ALIAS = "YAML aliases (*name) are not allowed; write the value out"


@pytest.mark.parametrize(
    "yaml_text, english, line",
    [
        ("a: " + "[" * 25 + "]" * 25 + "\n", DEEP, 2),  # libyaml reads it; the tree walk refuses
        ("a:\n" + "".join("  " * depth + f"k{depth}:\n" for depth in range(1, 25)), DEEP, 21),
        ("a: " + "[" * 40_000 + "]" * 40_000 + "\n", DEEP, 2),  # too deep to hand to C at all
        ("a: {" + "b," * 30_000 + "}\n", MANY, 2),  # 60,000 values within FAST_MAX_CHARS
        ("tags: [" + "a, " * 60_000 + "]\n", MANY, 2),  # over FAST_MAX_CHARS: Python only
        ("a: &x [1]\nb: *x\n", ALIAS, 3),
    ],
)
def test_limits_hold_on_the_fast_path(yaml_text, english, line):
    assert frontmatter._compose_fast(yaml_text) is None
    with pytest.raises(FrontMatterError) as caught:
        parse_document(f"---\n{yaml_text}---\n")
    assert (caught.value.message.en, caught.value.line) == (english, line)


def test_an_alias_that_reached_libyaml_is_still_refused():
    """Defence in depth: should an alias slip past the text check, the tree walk sees it."""
    bomb = (ROOT / "tests" / "hostile" / "yaml-bomb.md").read_text(encoding="utf-8").split("---\n")[1]
    loader = frontmatter._FastLoader(bomb)
    try:
        assert not frontmatter._within_limits(loader.get_single_node())
    finally:
        loader.dispose()


def depth_of(node, depth: int = 1) -> int:
    if isinstance(node, yaml.MappingNode):
        children = [child for pair in node.value for child in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = node.value
    else:
        return depth
    return max([depth_of(child, depth + 1) for child in children], default=depth)


nested = st.recursive(
    st.sampled_from(["x", 1, None]),
    lambda children: st.one_of(
        st.lists(children, min_size=1, max_size=2),
        st.dictionaries(st.sampled_from("ab"), children, min_size=1, max_size=2),
    ),
    max_leaves=40,
)


@given(
    st.one_of(
        st.builds(
            lambda data, flow, indent: yaml.safe_dump(data, default_flow_style=flow, indent=indent),
            nested,
            st.sampled_from([False, None, True]),
            st.sampled_from([2, 4]),
        ),
        st.lists(
            st.sampled_from(["- ", "? ", ": ", "a: ", "[", "]", "{", "}", ", ", "\n", "  ", "x"]), max_size=40
        ).map("".join),
    )
)
def test_the_depth_bound_is_never_below_the_real_depth(text):
    """What keeps libyaml's recursive composer off deep documents must not underestimate."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return
    if node is not None:
        assert frontmatter._depth_bound(text) >= depth_of(node)


def test_a_file_read_twice_in_a_build_is_read_once_unless_it_changed(tmp_path, monkeypatch):
    from brandsite.brand_registry import memo

    memo.begin(None)
    reads = []
    real = frontmatter.read_text
    monkeypatch.setattr(frontmatter, "read_text", lambda path, *a: reads.append(path) or real(path, *a))
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: 一\n---\n正文。\n", encoding="utf-8")
    first = frontmatter.read_document(path)  # validation
    second = frontmatter.read_document(path)  # Pelican's reader: handed over
    assert second is first and len(reads) == 1
    third = frontmatter.read_document(path)  # handed over once only: read again
    assert third == first and len(reads) == 2
    path.write_text("---\ntitle: 二\n---\n正文。\n", encoding="utf-8")
    assert frontmatter.read_document(path).meta["title"] == "二"
    memo.begin(None)
