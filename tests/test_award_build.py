"""Award edition files in whole builds: bad ones stop the build naming file and field (output/
untouched); a notice is open on a day inside its window and closed on a day after it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sitebuild import build, copy_project, snapshot

AWARDS = "content/awards/regional-quality-award"
BAD_NOTICE = """---
program: regional-quality-award
edition: 7
stage: notice
notice:
  published: 2026-11-20
  objections_until: 2026-11-10
  office: 办公室
winners:
  - name: 甲公司
    region: "652801"
    uscc: 91652801MA78ABCD1X
  - name: 张三
    kind: individual
    region: "652801"
    uscc: 91652801MA78ABCD1M
  - name: 乙公司
    tier: gold
    kind: robot
    region: "659999"
    brand: no-such-brand
  - name: 甲公司
    region: "652801"
---
"""
EXPECTED = [
    f"{AWARDS}/7.md:7: notice.objections_until:",
    f"{AWARDS}/7.md:12: winners[1].uscc:",
    f"{AWARDS}/7.md:16: winners[2].uscc: an individual has no unified social credit code",
    f"{AWARDS}/7.md:18: winners[3].tier:",
    f"{AWARDS}/7.md:19: winners[3].kind:",
    f"{AWARDS}/7.md:20: winners[3].region:",
    f"{AWARDS}/7.md:21: winners[3].brand:",
    f"{AWARDS}/7.md:22: winners[4].name:",
    f"{AWARDS}/8.md:3: edition: regional-quality-award has no edition 8",
    "content/awards/no-such-award/1.md:2: program:",
    f"{AWARDS}/6.md:1: decision: is required when stage is awarded",
]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("awards"))
    result = build(root, root / "output")
    assert result.returncode == 0, result.stderr
    return root


def test_bad_edition_files_fail_naming_file_and_field_and_leave_output(project):
    before = snapshot(project / "output")
    good = {name: (project / AWARDS / name).read_text(encoding="utf-8") for name in ("6.md", "7.md")}
    (project / AWARDS / "7.md").write_text(BAD_NOTICE, encoding="utf-8")
    (project / AWARDS / "8.md").write_text(good["7.md"].replace("edition: 7", "edition: 8"), encoding="utf-8")
    (project / AWARDS / "6.md").write_text(good["6.md"].replace("decision:", "former_decision:"), "utf-8")
    (project / "content/awards/no-such-award").mkdir()
    (project / "content/awards/no-such-award/1.md").write_text(
        good["7.md"].replace("regional-quality-award", "no-such-award").replace("edition: 7", "edition: 1"),
        encoding="utf-8",
    )
    try:
        result = build(project, project / "output")
    finally:
        for name, text in good.items():
            (project / AWARDS / name).write_text(text, encoding="utf-8")
        (project / AWARDS / "8.md").unlink()
        (project / "content/awards/no-such-award/1.md").unlink()
        (project / "content/awards/no-such-award").rmdir()
    assert result.returncode != 0
    missing = [line for line in EXPECTED if line not in result.stderr]
    assert missing == [], result.stderr
    assert "个人没有统一社会信用代码" in result.stderr  # and in Chinese
    assert snapshot(project / "output") == before


def test_a_notice_after_its_window_says_it_has_closed(project):
    after = datetime(2027, 1, 5, tzinfo=UTC)
    result = build(project, project / "output", env={"SOURCE_DATE_EPOCH": str(int(after.timestamp()))})
    assert result.returncode == 0, result.stderr
    assert (
        f"{AWARDS}/7.md:7: warning: notice.objections_until: the notice closed on 2026-12-31" in result.stderr
    )
    page = (project / "output" / "awards/regional-quality-award/7/index.html").read_text(encoding="utf-8")
    assert "公示期已结束，授奖决定尚未公布。" in page and "公示已结束" in page
    assert 'class="notice-banner"' not in (project / "output/index.html").read_text(encoding="utf-8")


def test_a_notice_inside_its_window_counts_its_days(project):
    result = build(project, project / "output")  # on sitebuild.AS_OF, 2026-11-26
    assert result.returncode == 0, result.stderr
    page = (project / "output" / "awards/regional-quality-award/7/index.html").read_text(encoding="utf-8")
    assert "距异议受理截止还有 35 天。" in page
    assert 'data-objections-until="2026-12-31"' in page
    home = (project / "output/index.html").read_text(encoding="utf-8")
    assert 'class="notice-banner"' in home and "awards/regional-quality-award/7/" in home
    english = (project / "output/en/awards/regional-quality-award/7/index.html").read_text(encoding="utf-8")
    assert "35 days left to object." in english
    melon = (project / "output/brands/hami-melon/index.html").read_text(encoding="utf-8")
    assert "awards/regional-quality-award/7/" in melon and "拟授奖" in melon  # proposed, not awarded
    lavender = (project / "output/brands/yili-lavender/index.html").read_text(encoding="utf-8")
    assert "awards/regional-quality-award/6/" in lavender and "霍城紫苑香料有限公司" in lavender
