"""Time and peak memory of validating the costliest hostile inputs, each alone in a
fresh process (so one case's memory is not another's).

    .venv/bin/python tests/hostile_measure.py

prints one line per case, with the production render time limit.
test_hostile_input.py runs the same measurement (with a shorter render limit)
and asserts generous bounds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
sys.path[:0] = [str(TESTS), str(ROOT / "plugins")]

from conftest import Project  # noqa: E402
from hostile_corpus import outside_folder, plant  # noqa: E402

COSTLIEST = (
    "yaml-bomb",
    "huge-file",
    "huge-front-matter",
    "deep-nesting",
    "too-many-values",
    "dense-values",
    "nested-for-libyaml",
    "largest-image",
    "pixel-bomb",
    "header-bomb",
    "huge-csv",
    "many-rows-csv",
    "csv-huge-cell",
    "long-body",
    "unclosed-brackets",
    "deep-list",
)
CHILD = """
import json, sys, time
import brandsite.brand_registry.markdown_body as markdown_body
from brandsite.brand_registry import Paths, load_site

def peak_mb():  # this process's high-water mark (ru_maxrss would count the parent's before exec)
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024

if len(sys.argv) > 2:
    markdown_body.RENDER_SECONDS = float(sys.argv[2])
baseline = peak_mb()
start = time.perf_counter()
site, issues = load_site(Paths.under(sys.argv[1]))
print(json.dumps({
    "seconds": time.perf_counter() - start,
    "peak_mb": peak_mb(),
    "baseline_mb": baseline,
    "messages": sorted(i.english() for i in issues if i.severity == "error"),
}))
"""


def measure(name: str, workdir: Path, render_seconds: float | None = None) -> dict:
    """Validate a project holding only case `name` (and the good brand) in a new process."""
    root = workdir / name
    plant(Project(root), outside_folder(workdir / f"{name}-outside"), [name])
    command = [sys.executable, "-c", CHILD, str(root)]
    if render_seconds is not None:
        command.append(str(render_seconds))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def main() -> int:
    print(f"{'case':20} {'seconds':>8} {'peak MB':>8} {'(baseline MB)':>14}  first message")
    with tempfile.TemporaryDirectory() as folder:
        for name in COSTLIEST:
            figures = measure(name, Path(folder))
            first = (figures["messages"] or ["(none: it just works)"])[0]
            print(
                f"{name:20} {figures['seconds']:8.2f} {figures['peak_mb']:8.0f} "
                f"{figures['baseline_mb']:14.0f}  {first[:70]}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
