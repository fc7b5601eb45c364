import pytest

from brand_registry.frontmatter import FrontMatterError, parse_document, read_text


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


@pytest.mark.parametrize("text, message, line", [
    ("name: 梨\n", "file must start with a '---' line opening the YAML front matter", 1),
    ("---\nname: 梨\n", "front matter is not closed by a '---' line", 1),
    ("---\nname: [梨\n---\n", "YAML syntax error: expected ',' or ']', but got '<stream end>'", 3),
    ("---\n- a\n- b\n---\n", "front matter must be a list of 'field: value' lines", 2),
    ("---\na: &x [1]\nb: *x\n---\n", "YAML aliases (*name) are not allowed; write the value out", 3),
    ("---\na: " + "[" * 30 + "]" * 30 + "\n---\n", "front matter is nested deeper than 20 levels", 2),
])
def test_unreadable_front_matter(text, message, line):
    with pytest.raises(FrontMatterError) as caught:
        parse_document(text)
    assert (caught.value.message, caught.value.line) == (message, line)


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
    assert (caught.value.message, caught.value.line) == ("file is not valid UTF-8 text; save it as UTF-8", 3)
    huge = tmp_path / "c.md"
    huge.write_bytes(b"---\n" + b"a: b\n" * 600_000)
    with pytest.raises(FrontMatterError, match="the limit is 2048 KB"):
        read_text(huge)


def test_duplicate_keys_are_found():
    doc = parse_document("---\nname: 梨\nname: 苹果\n---\n")
    assert doc.duplicates == [(("name",), 3)]


def test_impossible_date_stays_text_for_validation():
    doc = parse_document("---\nregistered: 2024-02-30\n---\n")
    assert doc.meta["registered"] == "2024-02-30"
