"""Validate all content and the UI catalogues without writing anything: `make check`.

Prints every problem on two lines, `path:line: field: message` in English and
the same in Chinese below it; exits 1 on any error (warnings alone exit 0).
"""

from __future__ import annotations

import argparse
import sys

from brandsite.brand_registry import load_site
from brandsite.brand_registry.build_day import build_day
from brandsite.brand_registry.issues import errors, report, warnings
from brandsite.brand_registry.messages import msg
from brandsite.brand_registry.settings_file import read_settings_file, site_paths
from brandsite.site_i18n.catalogs import load_catalogues


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    args = parser.parse_args(argv)
    settings = read_settings_file(args.settings)
    site, issues = load_site(
        site_paths(settings), build_day(settings.get("REGISTRY_AS_OF"), zone=settings.get("TIMEZONE"))
    )
    issues += load_catalogues(settings)[1]
    if issues:
        print(report(issues))
    found, noted = errors(issues), warnings(issues)
    if found:
        summary = msg("check_failed", errors=len(found), warnings=len(noted))
        print(f"{summary.zh}\n{summary.en}", file=sys.stderr)
        return 1
    summary = msg(
        "check_ok",
        brands=len(site.brands),
        stories=len(site.stories),
        licences=sum(len(b.licensees) for b in site.brands.values()),
        warnings=len(noted),
    )
    print(f"{summary.zh}\n{summary.en}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
