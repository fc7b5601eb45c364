"""Validation findings: what is wrong, where, in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Issue:
    path: str  # relative to the project root, with forward slashes
    line: int  # 0 when the finding is about the whole file
    field: str  # e.g. "region", "licensees[2].valid_to"; "" for the file itself
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        what = f"{self.field}: {self.message}" if self.field else self.message
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}: {prefix}{what}"


class ValidationFailed(Exception):
    """Raised with every error found, never just the first."""

    def __init__(self, issues: list[Issue]):
        self.issues = sorted(i for i in issues if i.severity == "error")
        count = len(self.issues)
        lines = "\n".join(f"  {issue}" for issue in self.issues)
        super().__init__(f"{count} content error{'s' if count != 1 else ''}:\n{lines}")


def display_path(path: Path, root: Path) -> str:
    """`path` relative to `root` when inside it, for messages."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def errors(issues: list[Issue]) -> list[Issue]:
    return [issue for issue in issues if issue.severity == "error"]
