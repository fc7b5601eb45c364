import pytest

from brand_registry.frontmatter import FrontMatterError, parse_document, read_text
from brand_registry.messages import Message


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


@pytest.mark.parametrize("text, english, chinese, line", [
    ("name: 梨\n", "file must start with a '---' line opening the YAML front matter",
     "文件第一行必须是 “---”，文件头从这一行开始", 1),
    ("---\nname: 梨\n", "front matter is not closed by a '---' line", "文件头没有用 “---” 行结束", 1),
    ("---\nname: 梨\ntags: [梨\n---\n",
     "YAML syntax error: a [ is not closed (expected ',' or ']', but got '<stream end>')",
     "YAML 格式错误：这里的 [ 没有配对的结束符号", 3),
    ("---\nname: '梨\n---\n", "YAML syntax error: a quote is not closed (found unexpected end of stream)",
     "YAML 格式错误：这里的引号没有配对", 2),
    ("---\nname: 梨\nsummary: 标准: GB/T 19859\n---\n",
     "YAML syntax error: a value has a colon or the indentation is off (mapping values are not allowed here)",
     "YAML 格式错误：值里有冒号（请给整个值加上引号），或这一行的缩进不对", 3),
    ("---\ncontact:\n\tphone: 1\n---\n",
     "YAML syntax error: a tab character; indent with spaces "
     "(found character '\\t' that cannot start any token)",
     "YAML 格式错误：不能用 Tab 键缩进，请改用空格", 3),
    ("---\n- a\nb: c\n---\n", "YAML syntax error: expected <block end>, but found '?'",
     "YAML 格式错误：expected <block end>, but found '?'"
     "（常见原因：冒号后缺空格、缩进没对齐、括号或引号没有配对）", 3),
    ("---\n- a\n- b\n---\n", "front matter must be a list of 'field: value' lines",
     "文件头必须由 “字段: 值” 行组成", 2),
    ("---\na: &x [1]\nb: *x\n---\n", "YAML aliases (*name) are not allowed; write the value out",
     "不能使用 YAML 别名（*名称），请把内容完整写出来", 3),
    ("---\na: " + "[" * 30 + "]" * 30 + "\n---\n", "front matter is nested deeper than 20 levels",
     "文件头的嵌套超过 20 层", 2),
])
def test_unreadable_front_matter(text, english, chinese, line):
    with pytest.raises(FrontMatterError) as caught:
        parse_document(text)
    assert (caught.value.message.en, caught.value.message.zh, caught.value.line) == (english, chinese, line)


def test_billion_laughs_is_refused_quickly():
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    ) + "---\n"
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
        Message("file is not valid UTF-8 text; save it as UTF-8", "文件不是有效的 UTF-8 文本，请用 UTF-8 编码保存"), 3)
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
