"""Pages rendered by two processes (site_i18n's writer + incremental.fork_pool) are the
pages one process renders; a page failing in a worker fails the whole build. With more
than one core, the stories' pages are written by a forked copy of the build while the other
generators write theirs, and so are the English registry pages and the open data
(writer.write_beside)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import build, copy_project, snapshot

PARALLEL = "from pelicanconf import *\nRENDER_PARALLEL_MIN = 1\nRENDER_WORKERS = 2\n"
ONE = "from pelicanconf import *\nRENDER_WORKERS = 1\n"


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("parallel"))
    (root / "parallelconf.py").write_text(PARALLEL)
    (root / "oneconf.py").write_text(ONE)
    return root


def test_two_processes_render_the_same_site_as_one(project):
    one = build(project, project / "one", settings="oneconf.py")
    two = build(project, project / "two", settings="parallelconf.py")
    assert one.returncode == 0, one.stderr
    assert two.returncode == 0, two.stderr
    assert tree(project / "one") == tree(project / "two")


def fails_plainly(project: Path, settings: str, template: str, failure: str, message: str) -> None:
    """Build, then again with `failure` at the start of `template`'s content block: the
    second build fails, saying `message` without a traceback, and output/ is as it was."""
    assert build(project, project / "output", settings=settings).returncode == 0
    before = snapshot(project / "output")
    path = project / "theme" / "templates" / template
    original = path.read_text(encoding="utf-8")
    path.write_text(
        original.replace("{% block content %}", "{% block content %}" + failure, 1), encoding="utf-8"
    )
    try:
        result = build(project, project / "output", settings=settings)
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert "Build failed: output/ was left as it was." in result.stderr
    assert snapshot(project / "output") == before


def test_a_page_failing_in_a_worker_fails_the_build_and_keeps_output(project):
    failure = "{% if brand.slug == 'wensu-walnut' %}{{ brand.no_such_thing() }}{% endif %}"
    fails_plainly(project, "parallelconf.py", "brand.html", failure, "no_such_thing")


@pytest.mark.parametrize("settings", ["pelicanconf.py", "parallelconf.py"])
@pytest.mark.parametrize(
    ("template", "failure"),
    [
        ("article.html", "{{ no_such() }}"),  # the stories' copy
        ("brand.html", "{% if page_lang == 'en' %}{{ no_such() }}{% endif %}"),  # the English pages'
        ("data.html", "{{ no_such() }}"),  # the open data's
    ],
)
def test_a_page_failing_in_a_forked_copy_of_the_build_fails_the_build(project, settings, template, failure):
    """With two cores, stories, English registry pages and the open data are written by forked
    copies of the build: an error there fails the build as plainly as one in the build itself."""
    fails_plainly(project, settings, template, failure, "no_such")


def test_a_copy_started_from_the_start_writes_before_the_first_generator_does():
    """write_beside_others(from_the_start=True): the open data's copy starts when the first
    generator of all writes, before that generator's own output; its own turn does nothing.
    Set up before a chain of its starter's (plugins in the wrong order), it fails plainly."""
    from brandsite.site_i18n.writer import write_beside_others

    calls = []

    class Writer:
        def write_beside(self, write):
            calls.append("copy starts")
            write()

    def generator(name):
        made = type(name, (), {"settings": {"RENDER_WORKERS": 2}})()
        made.generate_output = lambda _writer: calls.append(name)
        return made

    first, data, last = generator("first"), generator("data"), generator("last")
    write_beside_others([first, data, last], (type(data),), from_the_start=True)
    writer = Writer()
    for each in (first, data, last):
        each.generate_output(writer)
    assert calls == ["copy starts", "data", "first", "last"]

    other = generator("other")
    first, data = generator("first"), generator("data")
    write_beside_others([first, data, other], (type(data),), from_the_start=True)
    with pytest.raises(RuntimeError, match="PLUGINS"):  # first's chain would run inside data's copy
        write_beside_others([first, data, other], (type(first),))
