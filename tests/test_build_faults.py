"""brandsite.build.driver under faults: interrupted, killed, half-swapped, locked out.

The previous output/ stays whole, the operator's files survive, and no
temporary folder outlives the next run.
"""

from __future__ import annotations

import fcntl
import os
import selectors
import signal
import subprocess
import sys
import time

import pytest
from sitebuild import AS_OF, build, copy_project, snapshot

from brandsite.build.driver import Stopped, _StopSignals, stop_signals

# A test-only plugin, written into the temporary copy (never into the project):
# it makes every written file slow and says so, so a signal lands mid-build.
SLOW_PLUGIN = """
import time
from pelican import signals

def slow(path, **_context):
    print("WROTE", path, flush=True)
    time.sleep(0.05)

def register():
    signals.content_written.connect(slow)
"""
SLOW_SETTINGS = """
from pelicanconf import *
PLUGIN_PATHS = PLUGIN_PATHS + ["test_plugins"]
PLUGINS = PLUGINS + ["slow_writes"]
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("faults"))
    (root / "test_plugins" / "slow_writes").mkdir(parents=True)
    (root / "test_plugins" / "slow_writes" / "__init__.py").write_text(SLOW_PLUGIN)
    (root / "slowconf.py").write_text(SLOW_SETTINGS)
    return root


@pytest.fixture
def built(project):
    """The project with a fresh output/ holding an operator's CNAME and .git."""
    result = build(project, project / "output")
    assert result.returncode == 0, result.stderr
    (project / "output" / "CNAME").write_text("brands.example.org\n")
    (project / "output" / ".git").mkdir(exist_ok=True)
    (project / "output" / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    (project / "output" / "index.html").write_text("the previous site\n")  # tells builds apart
    return project


def start_slow_build(root) -> subprocess.Popen:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(AS_OF.timestamp()))}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "brandsite.build.driver",
            "--settings",
            "slowconf.py",
            "--output",
            str(root / "output"),
        ],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_writes(process: subprocess.Popen, count: int, timeout: float = 120) -> None:
    """Block until the build has written `count` files (it is then mid-way)."""
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    seen = 0
    while seen < count:
        assert time.monotonic() < deadline, "the build never got going"
        if selector.select(timeout=1):
            line = process.stdout.readline()
            assert line, f"the build ended early: {process.stderr.read()}"
            seen += line.startswith("WROTE")
    selector.close()


def operator_files_intact(output) -> bool:
    return (output / "CNAME").read_text() == "brands.example.org\n" and (
        output / ".git" / "HEAD"
    ).read_text() == "ref: refs/heads/gh-pages\n"


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupted_build_leaves_previous_output_whole(built, signum):
    root = built
    before = snapshot(root / "output")
    process = start_slow_build(root)
    wait_for_writes(process, 5)
    assert list(root.glob(".output.building-*")), "the build should be writing its staging folder"
    process.send_signal(signum)
    _stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 128 + signum
    assert "Build interrupted: output/ was left as it was." in stderr
    assert "Traceback" not in stderr
    assert snapshot(root / "output") == before
    assert not list(root.glob(".output.*"))


def test_killed_build_is_cleaned_up_by_the_next(built):
    root = built
    before = snapshot(root / "output")
    process = start_slow_build(root)
    wait_for_writes(process, 5)
    process.kill()  # SIGKILL: no chance to clean up
    process.communicate(timeout=60)
    assert snapshot(root / "output") == before
    assert list(root.glob(".output.building-*"))  # left behind, as expected of a kill
    result = build(root, root / "output")
    assert result.returncode == 0, result.stderr
    assert not list(root.glob(".output.*"))
    assert (root / "output" / "index.html").read_text() != "the previous site\n"
    assert operator_files_intact(root / "output")


def test_kill_between_the_two_renames_puts_the_previous_output_back(built):
    """Killed after output/ was renamed aside and before the new one took its place."""
    root = built
    before = snapshot(root / "output")
    (root / "output").rename(root / ".output.old-4242")
    (root / ".output.building-4242").mkdir()
    (root / ".output.building-4242" / "half.html").write_text("half a site")
    broken = root / "broken.py"
    broken.write_text("from pelicanconf import *\nBRANDS_PER_PAGE = -1\n")
    result = build(root, root / "output", settings="broken.py")  # fails after recovering
    assert result.returncode == 1
    assert snapshot(root / "output") == before
    assert not list(root.glob(".output.*"))


def test_kill_before_operator_files_moved_keeps_them(built):
    """Killed after the new output/ was in place but before CNAME and .git moved over."""
    root = built
    old = root / ".output.old-4243"
    (root / "output").rename(old)
    (root / "output").mkdir()
    (root / "output" / "index.html").write_text("the new site\n")
    result = build(root, root / "output")
    assert result.returncode == 0, result.stderr
    assert operator_files_intact(root / "output")
    assert not list(root.glob(".output.*"))


def test_retention_is_one_setting_read_by_the_build(built):
    root = built
    (root / "keepnothing.py").write_text("from pelicanconf import *\nOUTPUT_RETENTION = ['CNAME']\n")
    result = build(root, root / "output", settings="keepnothing.py")
    assert result.returncode == 0, result.stderr
    assert (root / "output" / "CNAME").exists()
    assert not (root / "output" / ".git").exists()
    (root / "outside.py").write_text("from pelicanconf import *\nOUTPUT_RETENTION = ['../x']\n")
    before = snapshot(root / "output")
    result = build(root, root / "output", settings="outside.py")
    assert result.returncode == 1
    assert (
        "OUTPUT_RETENTION may only name files at the top of the output folder, not '../x'"
    ) in result.stderr
    assert snapshot(root / "output") == before


def test_a_second_build_at_the_same_time_is_refused(built):
    root = built
    before = snapshot(root / "output")
    descriptor = os.open(root, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running build holds it
        result = build(root, root / "output")
    finally:
        os.close(descriptor)
    assert result.returncode == 1
    assert f"Not built: another build is writing in {root}; wait for it to finish." in result.stderr
    assert snapshot(root / "output") == before


def test_signals_in_a_critical_section_wait_for_its_end():
    with stop_signals() as stop:
        with pytest.raises(Stopped) as caught, stop.held():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.01)
            finished = True  # the section ran to its end
        assert finished and caught.value.signum == signal.SIGTERM
        with pytest.raises(Stopped):
            os.kill(os.getpid(), signal.SIGHUP)
            time.sleep(0.01)
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


def test_stop_signals_are_plain_keyboard_interrupts():
    assert issubclass(Stopped, KeyboardInterrupt)
    stop = _StopSignals()
    with pytest.raises(KeyboardInterrupt):
        stop(signal.SIGINT, None)


def test_a_featured_brand_that_is_gone_is_a_warning_not_a_failed_build(built):
    """The settings may outlive a brand (or be used with another registry)."""
    root = built
    (root / "gone.py").write_text("from pelicanconf import *\nFEATURED_BRANDS = ['no-such-brand']\n")
    result = build(root, root / "output", settings="gone.py")
    assert result.returncode == 0, result.stderr
    assert 'FEATURED_BRANDS: "no-such-brand" is not a brand in brands/' in result.stderr
    assert "<picture" in (root / "output" / "index.html").read_text(encoding="utf-8")
