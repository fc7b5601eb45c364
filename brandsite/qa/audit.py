"""Lighthouse scores (mobile) of the production build: `make audit`.

    python -m brandsite.qa.audit [--lighthouse .cache/lighthouse/node_modules/.bin/lighthouse]

Builds the site with publishconf.py into .cache/audit/site, serves it on
127.0.0.1 (gzip, as a host would), runs Lighthouse in Debian's Chromium on the
home page, the brand directory, a brand page and the statistics page, and prints the four scores of
each. Full reports are written beside the site. Exits 1 when a score is below
--min-score.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from brandsite.build.driver import build
from brandsite.preview.serve import serve

ROOT = Path.cwd()  # the project: make runs the commands in its folder
PAGES = {
    "home": "",
    "directory": "brands/",
    "brand": "brands/korla-fragrant-pear/",
    "statistics": "statistics/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync"
)


def lighthouse(binary: Path, url: str, report: Path, chromium: str) -> dict[str, int]:
    """Run Lighthouse once; the four category scores, 0-100."""
    command = [
        str(binary),
        url,
        "--quiet",
        "--form-factor=mobile",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        "--output=html",
        f"--output-path={report}",
    ]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": chromium}, timeout=300)
    result = json.loads(report.with_suffix(".report.json").read_text(encoding="utf-8"))
    return {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}


def below_100(report_json: Path) -> list[str]:
    """The audits that cost points: what to look at first."""
    result = json.loads(report_json.read_text(encoding="utf-8"))
    lines = []
    for name in CATEGORIES:
        for ref in result["categories"][name]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                value = audit.get("displayValue", "")
                lines.append(f"    {name}: {audit['title']} ({audit['score']:.2f}) {value}".rstrip())
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--lighthouse", type=Path, default=ROOT / ".cache/lighthouse/node_modules/.bin/lighthouse"
    )
    parser.add_argument("--chromium", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    parser.add_argument("--folder", type=Path, default=ROOT / ".cache/audit")
    parser.add_argument("--min-score", type=int, default=95)
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    site = args.folder / "site"
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_port}/"
    try:
        if build(str(ROOT / "publishconf.py"), site, base.rstrip("/")) != 0:
            return 1
        print(f"\n{'page':<10} " + " ".join(f"{c:>15}" for c in CATEGORIES))
        failing = False
        for name, path in PAGES.items():
            report = args.folder / name
            scores = lighthouse(args.lighthouse, base + path, report, args.chromium)
            print(f"{name:<10} " + " ".join(f"{scores[c]:>15}" for c in CATEGORIES), flush=True)
            if min(scores.values()) < 100:
                print("\n".join(below_100(report.with_suffix(".report.json"))), flush=True)
            failing |= min(scores.values()) < args.min_score
        print(f"\nReports: {args.folder}/<page>.report.html")
    finally:
        server.shutdown()
        server.server_close()
    if failing:
        print(f"A score is below {args.min_score}.", file=sys.stderr)
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
