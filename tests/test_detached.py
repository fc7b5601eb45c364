"""brandsite.detached: work nobody waits for runs on, at the lowest priority."""

from __future__ import annotations

import time

from brandsite.detached import run_detached


def test_the_work_runs_after_the_caller_goes_on_at_the_lowest_priority(tmp_path):
    result = tmp_path / "niceness"
    go = tmp_path / "go"
    run_detached(
        "import os, sys, time\n"
        "end = time.monotonic() + 30\n"
        "while not os.path.exists(sys.argv[2]) and time.monotonic() < end:\n    time.sleep(0.02)\n"
        "open(sys.argv[1] + '.part', 'w').write(str(os.nice(0)))\n"
        "os.replace(sys.argv[1] + '.part', sys.argv[1])",
        str(result),
        str(go),
    )
    assert not result.exists()  # not waited for: the work waits for this test to say go
    go.touch()
    deadline = time.monotonic() + 30
    while not result.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert result.read_text() == "19"
