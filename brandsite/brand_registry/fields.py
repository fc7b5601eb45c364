"""Typed access to parsed YAML that records an Issue for every bad value."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from datetime import date
from typing import Any

from .content_model import Field, Group
from .frontmatter import Key, to_date
from .issues import Issue, shortened
from .messages import EMPTY, Message, msg

MAX_TEXT = 10_000


def field_name(key: Key) -> str:
    """("licensees", 2, "valid_to") -> "licensees[3].valid_to" (items count from 1)."""
    name = ""
    for part in key:
        if isinstance(part, int):
            name += f"[{part + 1}]"
        else:
            name += f".{part}" if name else str(part)
    return name


def did_you_mean(value: str, choices: list[str], labels: dict[str, str] | None = None) -> Message:
    """' (did you mean "x" label?)' for the closest choice, or an empty message."""
    match = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    if not match:
        return EMPTY
    label = f" {labels[match[0]]}" if labels and labels.get(match[0]) else ""
    return msg("did_you_mean", choice=match[0], label=label)


class Fields:
    """A mapping from the front matter (or a nested item of it).

    With a declaration (`spec`, from content_model) its fields are read as declared:
    required or not, with their limits and choices, and nested items get theirs.
    """

    def __init__(
        self,
        data: dict,
        path: str,
        issues: list[Issue],
        lines: dict[Key, int] | None = None,
        key: Key = (),
        line_offset: int = 0,
        spec: Group | None = None,
    ):
        self.data = data
        self.path = path
        self.issues = issues
        self.lines = lines or {}
        self.key = key
        self.line_offset = line_offset
        self.spec = spec

    def declared(self, name: str) -> Field | None:
        return self.spec.get(name) if self.spec else None

    def _required(self, name: str, required: bool | None) -> bool:
        if required is not None:
            return required
        declared = self.declared(name)
        return bool(declared and declared.required)

    # -- reporting ---------------------------------------------------------

    def line(self, *key: Any) -> int:
        full = self.key + key
        while full:
            if full in self.lines:
                return self.lines[full]
            full = full[:-1]
        return self.line_offset

    def error(self, key: Key | str, message: Message, severity: str = "error") -> None:
        key = (key,) if isinstance(key, (str, int)) else key
        self.issues.append(Issue(self.path, self.line(*key), field_name(self.key + key), message, severity))

    def warn(self, key: Key | str, message: Message) -> None:
        self.error(key, message, "warning")

    def reject_unknown(self, known: set[str] | None = None) -> None:
        """Report every field that is not in `known` (by default: not declared)."""
        known = set(self.spec or ()) if known is None else known
        for name in self.data:
            if name not in known:
                hint = did_you_mean(str(name)[:100], sorted(known))
                self.issues.append(
                    Issue(
                        self.path,
                        self.line(str(name)),
                        field_name((*self.key, shortened(name, 60))),
                        msg("unknown_field", hint=hint),
                    )
                )

    # -- values ------------------------------------------------------------

    def has(self, name: str) -> bool:
        return self.data.get(name) not in (None, "")

    def missing(self, name: str) -> None:
        """Report a required field that is empty, or absent (then at the file's first line)."""
        absent_from_file = not self.key and name not in self.data
        self.error(name, msg("missing_field" if absent_from_file else "required"))

    def text(self, name: str, required: bool | None = None, max_length: int | None = None) -> str:
        value = self.data.get(name)
        if max_length is None:
            declared = self.declared(name)
            max_length = declared.max_length if declared and declared.max_length else MAX_TEXT
        if value is None or value == "":
            if self._required(name, required):
                self.missing(name)
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error(name, msg("not_text_bool" if isinstance(value, bool) else "not_text"))
            return ""
        text = str(value).strip()
        if len(text) > max_length:
            self.error(name, msg("too_long", length=len(text), limit=max_length))
        return text

    def choice(self, name: str) -> str:
        """A declared field's value, one of its choices, else (reported) its default."""
        assert self.spec is not None, "choice() reads the field's declaration"
        declared = self.spec[name]
        value = self.text(name)
        if value and value not in declared.choices:
            choices = ", ".join(declared.choices)
            self.error(name, msg("not_one_of", value=shortened(value), choices=choices))
            return declared.default
        return value or declared.default

    def date(self, name: str, required: bool | None = None) -> date | None:
        value = self.data.get(name)
        if value is None or value == "":
            if self._required(name, required):
                self.missing(name)
            return None
        parsed = to_date(value)
        if parsed is None:
            self.error(name, msg("not_a_date", value=shortened(value)))
        return parsed

    def integer(self, name: str, required: bool | None = None) -> int | None:
        value = self.data.get(name)
        if value is None or value == "":
            if self._required(name, required):
                self.missing(name)
            return None
        if isinstance(value, bool):
            self.error(name, msg("not_a_number", value=shortened(value)))
            return None
        try:
            return int(str(value).strip())
        except ValueError:
            self.error(name, msg("not_a_number", value=shortened(value)))
            return None

    def text_list(self, name: str) -> list[str]:
        """A list of texts; a single text is taken as a list of one."""
        value = self.data.get(name)
        if value is None or value == "":
            return []
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return [str(value).strip()]
        if not isinstance(value, list):
            self.error(name, msg("not_a_list"))
            return []
        result = []
        for index, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                self.error((name, index), msg("not_text"))
            elif str(item).strip():
                result.append(str(item).strip())
        return result

    def items(self, name: str) -> Iterator[tuple[int, Any]]:
        """The items of a list field, reporting a non-list."""
        value = self.data.get(name)
        if value is None or value == "":
            return
        if not isinstance(value, list):
            self.error(name, msg("not_a_list_of_items"))
            return
        yield from enumerate(value)

    def mappings(self, name: str) -> Iterator[Fields]:
        """Each item of a list of mappings as Fields; reports other items."""
        for index, item in self.items(name):
            if not isinstance(item, dict):
                self.error((name, index), msg("not_a_group"))
                continue
            yield self.nested((name, index), item)

    def mapping(self, name: str) -> Fields | None:
        value = self.data.get(name)
        if value is None or value == "":
            return None
        if not isinstance(value, dict):
            self.error(name, msg("not_a_group"))
            return None
        return self.nested((name,), value)

    def nested(self, key: Key, data: dict) -> Fields:
        """An item of field `key[0]`, with the fields that field declares for its items."""
        declared = self.declared(key[0]) if key and isinstance(key[0], str) else None
        spec = declared.items if declared else None
        return Fields(data, self.path, self.issues, self.lines, self.key + key, self.line_offset, spec)
