"""make publish: atomic, precompressed, deterministic; deploy recipes."""

from __future__ import annotations

import gzip
import json
import re
import time

import brotli
import pytest
import yaml
from sitebuild import ROOT, copy_project, make, snapshot

TEXT = (".html", ".css", ".js", ".json", ".xml", ".txt", ".svg", ".csv")
NO_SSH = {"SSH_HOST": "", "SSH_USER": "", "SSH_TARGET_DIR": ""}


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("publish"))
    result = make(root, "publish")
    assert result.returncode == 0, result.stderr
    return root


def test_text_files_get_gzip_and_brotli_twins_and_images_do_not(published):
    output = published / "output"
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        data = page.read_bytes()
        gz, br = page.with_name(page.name + ".gz"), page.with_name(page.name + ".br")
        assert gzip.decompress(gz.read_bytes()) == data, gz
        assert gz.read_bytes()[4:8] == b"\0\0\0\0", "gzip header must carry no timestamp"
        assert brotli.decompress(br.read_bytes()) == data, br
    for image in output.rglob("*.jpg"):
        assert not image.with_name(image.name + ".gz").exists()
    # The search bundle is written after Pelican; its scripts are compressed too: the UI at
    # its top, Pagefind's own script and worker in each language's first partition.
    bundle = output / "pagefind"
    first_partitions = [names[0] for names in json.loads((bundle / "partitions.json").read_text()).values()]
    scripts = [bundle / "pagefind-ui.js", bundle / "pagefind-ui.css"] + [
        bundle / partition / name
        for partition in first_partitions
        for name in ("pagefind.js", "pagefind-worker.js")
    ]
    for script in scripts:
        assert gzip.decompress(script.with_name(script.name + ".gz").read_bytes()) == script.read_bytes()
        assert brotli.decompress(script.with_name(script.name + ".br").read_bytes()) == script.read_bytes()


def test_two_publish_builds_are_byte_identical(published, tmp_path):
    time.sleep(1.1)  # a later second: any timestamp in the output would show
    result = make(published, "publish", f"OUTPUT={tmp_path / 'again'}")
    assert result.returncode == 0, result.stderr
    first = {name: digest for name, (digest, _mtime) in snapshot(published / "output").items()}
    second = {name: digest for name, (digest, _mtime) in snapshot(tmp_path / "again").items()}
    assert first == second


def twins_hold_their_files(output) -> None:
    for twin in [*output.rglob("*.br"), *output.rglob("*.gz")]:
        page = twin.with_suffix("")
        unpack = brotli.decompress if twin.suffix == ".br" else gzip.decompress
        assert unpack(twin.read_bytes()) == page.read_bytes(), twin


def test_a_publish_after_an_edit_compresses_only_what_changed(tmp_path):
    """Unchanged files keep the previous build's twins (brandsite.build.compressed); a twin
    edited by hand in output/ is never taken for one."""
    root = copy_project(tmp_path)
    assert make(root, "publish").returncode == 0
    story = root / "content" / "stories" / "quality-month-2026.md"
    story.write_text(story.read_text(encoding="utf-8") + "\n又一段。\n", encoding="utf-8")
    result = make(root, "publish")
    assert result.returncode == 0, result.stderr
    counts = re.search(r"Compressed copies: (\d+) made, (\d+) as before", result.stdout)
    made, linked = map(int, counts.groups())
    assert 0 < made < 20 and linked > 500, result.stdout
    twins_hold_their_files(root / "output")

    (root / "output" / "index.html.br").write_bytes(b"edited by hand")
    story.write_text(story.read_text(encoding="utf-8") + "\n再一段。\n", encoding="utf-8")
    result = make(root, "publish")
    assert result.returncode == 0, result.stderr
    assert ", 0 as before" in result.stdout
    twins_hold_their_files(root / "output")


def test_development_builds_are_not_precompressed(tmp_path):
    root = copy_project(tmp_path)
    result = make(root, "html")
    assert result.returncode == 0, result.stderr
    assert not list((root / "output").rglob("*.gz")) and not list((root / "output").rglob("*.br"))


@pytest.mark.parametrize("breakage", ["content", "template"])
def test_a_failed_publish_leaves_output_byte_for_byte_unchanged(published, breakage):
    before = snapshot(published / "output")
    if breakage == "content":
        broken = published / "content" / "stories" / "broken.md"
        broken.write_text(
            "---\ntitle: 坏故事\ndate: 2024-13-01\nbrands: [no-such-brand]\n---\n", encoding="utf-8"
        )
        expected = 'content/stories/broken.md:3: date: "2024-13-01" is not a date'
    else:
        broken = published / "theme" / "templates" / "broken.html"
        template = published / "theme" / "templates" / "page.html"
        original = template.read_text(encoding="utf-8")
        broken.write_text(original, encoding="utf-8")
        template.write_text(original + "{% if %}", encoding="utf-8")
        expected = "TemplateSyntaxError"
    try:
        result = make(published, "publish")
    finally:
        broken.unlink()
        if breakage == "template":
            template.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert expected in result.stderr
    assert (
        "构建失败：output/ 保持原样，没有改动。 / Build failed: output/ was left as it was." in result.stderr
    )
    assert snapshot(published / "output") == before
    assert not list(published.glob(".output.*"))


def test_rsync_upload_refuses_to_run_without_its_variables(tmp_path):
    root = copy_project(tmp_path)
    result = make(root, "rsync_upload", "SSH_HOST=www.example.org", env=NO_SSH)
    assert result.returncode != 0
    assert "请先设置 SSH_USER SSH_TARGET_DIR" in result.stderr
    assert "Set SSH_USER SSH_TARGET_DIR first" in result.stderr
    assert not (root / "output").exists()


def test_rsync_upload_publishes_then_copies_output(tmp_path):
    root = copy_project(tmp_path)
    result = make(
        root,
        "-n",
        "rsync_upload",
        "SSH_HOST=www.example.org",
        "SSH_USER=deploy",
        "SSH_TARGET_DIR=/var/www/brands/",
        env=NO_SSH,
    )
    assert result.returncode == 0, result.stderr
    commands = result.stdout.splitlines()
    assert "-m brandsite.build --settings publishconf.py --output output" in "\n".join(commands)
    assert commands[-1] == (
        'rsync -e "ssh -p 22" -avc --delete --exclude=.git output/ "deploy@www.example.org:/var/www/brands/"'
    )


def test_ci_workflows_test_then_publish_every_push_to_main():
    github = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    triggers = github[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    build = github["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in build]
    assert 'make publish SITEURL="${{ steps.pages.outputs.base_url }}"' in runs
    assert any(
        step.get("uses", "").startswith("actions/upload-pages-artifact") and step["with"]["path"] == "output"
        for step in build
    )
    assert github["jobs"]["build"]["needs"] == "test"
    assert "make test" in [step.get("run", "") for step in github["jobs"]["test"]["steps"]]
    deploy = github["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages")

    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    pages = gitlab["pages"]
    assert pages["rules"] == [{"if": '$CI_COMMIT_BRANCH == "main"'}]
    assert 'make publish SITEURL="$CI_PAGES_URL"' in pages["script"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["script"][-1] == "rm -rf public && mv output public"
    assert pages["needs"] == ["test"] and gitlab["test"]["script"] == ["make test"]
