"""Validate all content without writing anything: `make check`.

Prints every problem as `path:line: field: message`; exits 1 on any error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from brand_pages.generator import site_paths  # noqa: E402
from brand_registry import load_site  # noqa: E402
from brand_registry.issues import errors  # noqa: E402
from pelican.settings import read_settings  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    args = parser.parse_args(argv)
    site, issues = load_site(site_paths(read_settings(args.settings)))
    for issue in sorted(issues):
        print(issue)
    found = errors(issues)
    if found:
        print(f"{len(found)} error(s). Nothing was built.", file=sys.stderr)
        return 1
    print(f"OK: {len(site.brands)} brands, {len(site.stories)} stories, "
          f"{sum(len(b.licensees) for b in site.brands.values())} licences checked.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
