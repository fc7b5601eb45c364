"""Validation findings: what is wrong, where, in plain words (Chinese and English)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .messages import Message, field_label_zh, msg

INDENT = "    "
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True, order=True)
class Issue:
    path: str  # relative to the project root, with forward slashes
    line: int  # 0 when the finding is about the whole file (or a folder)
    field: str  # e.g. "region", "licensees[2].valid_to"; "" for the file itself
    message: Message  # from brand_registry.messages; plain text is accepted untranslated
    severity: str = "error"  # "error" or "warning"

    def __post_init__(self):
        if isinstance(self.message, str):
            object.__setattr__(self, "message", Message(self.message))

    def english(self) -> str:
        """`path:line: field: message`, the line editors and their tools jump to."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        what = f"{self.field}: {self.message.en}" if self.field else self.message.en
        prefix = "warning: " if self.severity == "warning" else ""
        return one_line(f"{where}: {prefix}{what}")

    def chinese(self) -> str:
        """The same in Chinese, with the field in plain words ("" if untranslated)."""
        if not self.message.zh:
            return ""
        prefix = "【提醒】" if self.severity == "warning" else ""
        field = f"{field_label_zh(self.field)}：" if self.field else ""
        return one_line(f"{prefix}{field}{self.message.zh}")

    def __str__(self) -> str:
        chinese = self.chinese()
        return f"{self.english()}\n{INDENT}{chinese}" if chinese else self.english()


class ValidationFailed(Exception):
    """Raised with every error found, never just the first."""

    def __init__(self, issues: list[Issue]):
        self.issues = sorted(i for i in issues if i.severity == "error")
        header = msg("content_errors", count=len(self.issues))
        super().__init__(f"{header.zh} / {header.en}\n{report(self.issues)}")


def report(issues: list[Issue]) -> str:
    """Every issue, sorted, each on its English line and its Chinese line."""
    return "\n".join(str(issue) for issue in sorted(issues))


def display_path(path: Path, root: Path) -> str:
    """`path` relative to `root` when inside it, for messages."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def errors(issues: list[Issue]) -> list[Issue]:
    return [issue for issue in issues if issue.severity == "error"]


def warnings(issues: list[Issue]) -> list[Issue]:
    return [issue for issue in issues if issue.severity == "warning"]


def shortened(value: object, limit: int = 80) -> str:
    """`value` as one line of text for a message, cut short if an editor pasted a novel."""
    text = one_line(str(value))
    return text[:limit] + "…" if len(text) > limit else text


def one_line(text: str) -> str:
    """Control characters (a newline in a file name, say) written as escapes."""
    return CONTROL.sub(lambda match: repr(match.group())[1:-1], text)
