"""Read a Markdown file's YAML front matter, safely and with line numbers.

Editors' YAML is untrusted: aliases (the "billion laughs" bomb), huge
documents and deep nesting are refused before they can cost much.

YAML is read by libyaml (C) when it can be, with the same limits checked on
the node tree it returns; on anything unusual, or any error, the pure-Python
loader reads it again, so what editors are told never depends on which one
ran. Results are memoised by the text's hash (see `memo`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, ClassVar

import yaml

from brandsite.file_stamp import stat_stamp

from . import memo
from .issues import Issue
from .messages import Message, msg

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_FRONT_MATTER_BYTES = 256 * 1024
MAX_NODES = 50_000
MAX_DEPTH = 20
# The C parser composes recursively in C: only documents it reads quickly and
# surely, and shallow, go to it (deep ones would overflow the C stack).
FAST_MAX_CHARS = 64 * 1024
FAST_MAX_DEPTH_BOUND = 200
# Where libyaml and PyYAML are known to read differently: tabs, a BOM not at the
# start, line breaks other than \n, tags, anchors and aliases (`!x`, `&x`, `*x`),
# a comment right after a block scalar's `|` or `>`, a `?` inside brackets
# (PyYAML ends a plain value there). PyYAML alone reads those.
_FOR_PYTHON_ONLY = re.compile(r"[\t\r\ufeff\x85\u2028\u2029]|(?<![^\s\[\]{},:?-])[!&*]|[|>][-+0-9]*#")
_MAYBE_FOR_PYTHON_ONLY = re.compile("[\t\r\ufeff\x85\u2028\u2029!&*#]")  # a quicker first look

Key = tuple  # a path into the data: ("licensees", 2, "valid_to")


class FrontMatterError(Exception):
    """The file cannot be read as front matter plus body."""

    def __init__(self, message: Message, line: int = 0):
        super().__init__(message.en)
        self.message = message
        self.line = line


@dataclass
class Document:
    meta: dict[str, Any]
    body: str
    lines: dict[Key, int] = field(default_factory=dict)  # where each value starts
    body_line: int = 1  # file line of the body's first line
    duplicates: list[tuple[Key, int]] = field(default_factory=list)

    def line(self, *key: Any) -> int:
        """The line of `key`, or of its nearest parent that has one."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return 1


class _Constructor(yaml.constructor.SafeConstructor):
    """SafeConstructor that keeps bad dates as text."""

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return node.value  # "2024-02-30": validation reports it as a bad date

    # What add_constructor() makes: the SafeConstructor's table, with this method for dates.
    yaml_constructors: ClassVar[dict[str | None, Any]] = {
        **yaml.constructor.SafeConstructor.yaml_constructors,
        "tag:yaml.org,2002:timestamp": construct_yaml_timestamp,
    }


class _BoundedLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    _Constructor,
    yaml.resolver.Resolver,
):
    """The pure-Python loader, refusing aliases and bounding size as it composes."""

    def __init__(self, stream: str):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Constructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self._nodes = 0
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise FrontMatterError(msg("yaml_alias"), mark.line + 1)
        self._nodes += 1
        if self._nodes > MAX_NODES:
            mark = self.peek_event().start_mark
            raise FrontMatterError(msg("too_many_values", limit=MAX_NODES), mark.line + 1)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise FrontMatterError(msg("too_deep", limit=MAX_DEPTH), mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


if yaml.__with_libyaml__:
    from yaml._yaml import CParser  # what yaml.cyaml's loaders are built on

    class _LibyamlLoader(CParser, _Constructor, yaml.resolver.Resolver):
        """libyaml's parser and composer, with the same constructor and resolver."""

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            _Constructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    _FastLoader: type[_LibyamlLoader] | None = _LibyamlLoader
else:  # pragma: no cover - PyYAML built without libyaml
    _FastLoader = None


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The file's text: UTF-8 (a BOM is dropped), line endings made `\\n`."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise FrontMatterError(msg("file_too_large", size=size_text(size), limit=size_text(max_bytes)))
        with path.open("rb") as file:
            data = file.read(max_bytes + 1)  # it may have grown since stat()
    except OSError as exc:
        raise FrontMatterError(msg("cannot_read", reason=exc.strerror or exc)) from None
    if len(data) > max_bytes:
        raise FrontMatterError(msg("file_grew", limit=size_text(max_bytes)))
    if b"\x00" in data:
        raise FrontMatterError(msg("binary_file"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FrontMatterError(msg("gbk_file" if _looks_like_gbk(data) else "not_utf8"), line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def size_text(size: int) -> str:
    """2097152 -> "2 MB", 52428800 -> "50 MB", 300000 -> "292 KB"."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"
    return f"{size // 1024} KB"


def _looks_like_gbk(data: bytes) -> bool:
    """Chinese text saved in the legacy encoding (Excel's plain "CSV" does this)."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def parse_yaml(text: str, first_line: int = 1) -> tuple[Any, dict[Key, int], list]:
    """Parse one YAML document; return data, a line map and duplicate keys."""
    unprintable = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if unprintable:
        line = text.count("\n", 0, unprintable.start()) + first_line
        raise FrontMatterError(msg("yaml_control_character", code=f"{ord(unprintable.group()):04X}"), line)
    name = memo.key("yaml", text, first_line, MAX_NODES, MAX_DEPTH)
    kept = memo.get(name)
    if kept is not memo.MISSING:
        return kept
    node, data = _compose_fast(text) or _compose_checked(text, first_line)
    lines: dict[Key, int] = {}
    duplicates: list[tuple[Key, int]] = []
    if node is not None:
        _map_lines(node, (), lines, duplicates, first_line - 1)
    memo.put(name, (data, lines, duplicates))
    return data, lines, duplicates


def _compose_checked(text: str, first_line: int) -> tuple[Any, Any]:
    """The pure-Python loader's node tree and data; its errors as FrontMatterErrors."""
    loader = _BoundedLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except FrontMatterError as exc:
        if exc.line:
            exc.line += first_line - 1
        raise
    except yaml.MarkedYAMLError as exc:
        message, mark = _syntax_error(exc)
        line = mark.line + first_line if mark else first_line
        raise FrontMatterError(message, line) from None
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as exc:
        raise FrontMatterError(msg("yaml_error", problem=exc), first_line) from None
    finally:
        loader.dispose()
    return node, data


def _compose_fast(text: str) -> tuple[Any, Any] | None:
    """libyaml's node tree and data, or None wherever the Python loader might differ:
    any error, an alias, a limit passed, or text libyaml reads otherwise."""
    if (
        _FastLoader is None
        or len(text) > FAST_MAX_CHARS
        or (_MAYBE_FOR_PYTHON_ONLY.search(text) and _FOR_PYTHON_ONLY.search(text))
        or ("?" in text and ("[" in text or "{" in text))
        or _depth_bound(text) > FAST_MAX_DEPTH_BOUND
    ):
        return None
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None and not _within_limits(node):
            return None
        return node, (loader.construct_document(node) if node is not None else None)
    except Exception:
        return None
    finally:
        loader.dispose()


def _depth_bound(text: str) -> int:
    """At least the nesting depth of any YAML `text` (usually far more).

    A block collection inside another starts further right on a later line
    (at most two share a column: a list as a mapping's value), or on the same
    line after a `-`, `?` or `:`; a flow collection opens with `[` or `{`.
    """
    block = 0
    for line in text.split("\n"):
        content = line.lstrip(" ")
        indent = len(line) - len(content)
        indicators = content.count("-") + content.count("?") + content.count(":")
        block = max(block, 2 * indent + 3 + indicators)
    return block + text.count("[") + text.count("{")


def _within_limits(root) -> bool:
    """Whether the tree keeps the Python loader's limits: depth, node count, no alias
    (libyaml gives an alias as its anchor's node again: a node met twice)."""
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH or id(node) in seen or len(seen) >= MAX_NODES:
            return False
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                stack.append((key_node, depth + 1))
                stack.append((value_node, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)
    return True


def _syntax_error(exc: yaml.MarkedYAMLError) -> tuple[Message, Any]:
    """PyYAML's complaint in plain words, at the line an editor has to fix."""
    problem = exc.problem or exc.context or ""
    if problem.startswith(("expected ',' or ']'", "expected ',' or '}'")) and exc.context_mark:
        bracket = "[" if "]" in problem else "{"
        return msg("yaml_unclosed", bracket=bracket, problem=problem), exc.context_mark
    if problem == "found unexpected end of stream" and exc.context_mark:
        return msg("yaml_unclosed_quote", problem=problem), exc.context_mark
    if problem.startswith("mapping values are not allowed"):
        return msg("yaml_colon_in_value", problem=problem), exc.problem_mark
    if "'\\t'" in problem:
        return msg("yaml_tab", problem=problem), exc.problem_mark
    return msg("yaml_syntax", problem=problem), exc.problem_mark or exc.context_mark


def _map_lines(node, key: Key, lines: dict, duplicates: list, offset: int) -> None:
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            name = key_node.value
            child = (*key, name)
            line = key_node.start_mark.line + 1 + offset
            if name in seen:
                duplicates.append((child, line))
            seen.add(name)
            lines[child] = line
            _map_lines(value_node, child, lines, duplicates, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*key, index)
            lines[child] = item.start_mark.line + 1 + offset
            _map_lines(item, child, lines, duplicates, offset)


def parse_document(text: str) -> Document:
    """Split `---` front matter from the body and parse it."""
    if not text.startswith("---\n") and text.strip() != "---":
        raise FrontMatterError(msg("no_opening_line"), 1)
    end = text.find("\n---\n", 3)
    if end == -1:
        if text.endswith("\n---"):
            end = len(text) - 4
        else:
            raise FrontMatterError(msg("not_closed"), 1)
    yaml_text = text[4 : end + 1]
    if len(yaml_text.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        raise FrontMatterError(msg("front_matter_too_large", limit=MAX_FRONT_MATTER_BYTES // 1024), 1)
    data, lines, duplicates = parse_yaml(yaml_text, first_line=2)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(msg("front_matter_not_mapping"), 2)
    body = text[end + 5 :]
    body_line = yaml_text.count("\n") + 3
    return Document(data, body, lines, body_line, duplicates)


def read_document(path: Path) -> Document:
    """The file's Document. Validation and Pelican's reader both read each story
    and page: the second read of a file unchanged since the first is free."""
    stamp = stat_stamp(path)
    name = f"document:{path}"
    kept = memo.recall(name)
    if kept is not memo.MISSING and stamp is not None and kept[0] == stamp:
        return kept[1]
    doc = parse_document(read_text(path))
    if stamp is not None:
        memo.remember(name, (stamp, doc))
    return doc


def read_reporting(path: Path, shown: str, issues: list[Issue]) -> Document | None:
    """The file's Document, or None; problems (and keys given twice) become Issues."""
    try:
        doc = read_document(path)
    except FrontMatterError as exc:
        issues.append(Issue(shown, exc.line, "", exc.message))
        return None
    for key, line in doc.duplicates:
        issues.append(Issue(shown, line, str(key[-1]), msg("given_twice")))
    return doc


def to_date(value: Any) -> date | None:
    """A date from YAML (a date, or text in YYYY-MM-DD form), else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
