"""Quality-award editions: content/awards/<program>/<edition>.md, checked with file, line and field."""

from __future__ import annotations

import copy
from datetime import date

from conftest import REGISTRY, front_matter

from brandsite.brand_registry.issues import errors

GOOD_USCC = "91652801MA78ABCD1M"
NOTICE = {
    "published": "2026-11-20",
    "objections_until": "2026-12-04",
    "office": "自治区质量强区工作领导小组办公室",
    "phone": "0991-0000000",
}
AWARDED = {
    "program": "regional-quality-award",
    "edition": 5,
    "stage": "awarded",
    "notice": {**NOTICE, "published": "2021-11-20", "objections_until": "2021-11-30"},
    "decision": {"document": "新政发〔2021〕1号", "date": "2021-12-20"},
    "winners": [
        {"name": "库尔勒天梨果业有限责任公司", "region": "652801", "brand": "korla-pear", "uscc": GOOD_USCC},
        {"name": "新疆某某纺织有限公司", "region": "652801", "industry": "制造业"},
        {"name": "王某某", "kind": "individual", "region": "652801"},
        {"name": "某某乳业有限公司", "tier": "nomination", "region": "652801"},
    ],
}


def registry_with_edition_6() -> dict:
    data = copy.deepcopy(REGISTRY)
    data["award_programs"][0]["editions"].append({"number": 6, "year": 2026})
    return data


def edition(project, fields: dict, program: str = "regional-quality-award", name: str | None = None):
    folder = project.content / "awards" / program
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or f"{fields.get('edition')}.md")
    path.write_text(front_matter(fields, "公示内容。\n"), encoding="utf-8")
    return path


def test_an_awarded_edition_loads_with_every_winner(project):
    project.brand("korla-pear")
    edition(project, AWARDED)
    site, issues = project.load()
    assert errors(issues) == []
    listed = site.award_list("regional-quality-award", 5)
    assert [w.name for w in listed.winners] == [w["name"] for w in AWARDED["winners"]]
    assert [tier for tier, _ in listed.tiers()] == ["award", "nomination"]
    assert listed.winners[2].kind == "individual"
    assert listed.decision.document == "新政发〔2021〕1号"
    assert listed.body == "公示内容。\n"


def test_a_brand_page_shows_the_awards_its_editions_name(project):
    project.brand("korla-pear")
    edition(project, AWARDED)
    site, _ = project.load()
    awards = site.brands["korla-pear"].awards
    assert [(a.program, a.edition, a.recipient) for a in awards] == [
        ("regional-quality-award", 5, "库尔勒天梨果业有限责任公司")
    ]


def test_a_brand_award_must_match_the_edition_file(project):
    project.brand(
        "korla-pear", awards=[{"program": "regional-quality-award", "edition": 5, "recipient": "别的公司"}]
    )
    project.brand("other-pear", awards=[{"program": "regional-quality-award", "edition": 5}])
    edition(project, AWARDED)
    messages = project.english()
    assert len(messages) == 2
    assert messages[0].startswith("brands/korla-pear/index.md:9: awards[1].recipient:")
    assert "content/awards/regional-quality-award/5.md" in messages[0]
    assert messages[1].startswith("brands/other-pear/index.md:9: awards[1].edition:")


def test_a_matching_brand_award_passes(project):
    recipient = AWARDED["winners"][0]["name"]
    project.brand(
        "korla-pear", awards=[{"program": "regional-quality-award", "edition": 5, "recipient": recipient}]
    )
    edition(project, AWARDED)
    site, issues = project.load()
    assert errors(issues) == []
    assert len(site.brands["korla-pear"].awards) == 1


def test_an_edition_without_a_file_keeps_the_brand_award(project):
    project.brand("korla-pear", awards=[{"program": "regional-quality-award", "edition": 5}])
    site, issues = project.load()
    assert errors(issues) == []
    assert site.brands["korla-pear"].awards[0].recipient == ""


def test_every_problem_is_named_with_file_line_and_field(project):
    project.brand("korla-pear")
    bad = {
        "program": "regional-quality-award",
        "edition": 5,
        "stage": "notice",
        "notice": {"published": "2026-11-20", "objections_until": "2026-11-10", "office": "办公室"},
        "winners": [
            {"name": "甲公司", "region": "659999", "tier": "gold", "kind": "robot"},
            {"name": "乙公司", "region": "652801", "brand": "korla-peer", "uscc": "91652801MA78ABCD1X"},
            {"name": "张三", "kind": "individual", "region": "652801", "uscc": GOOD_USCC},
            {"name": "乙公司", "region": "652801"},
        ],
    }
    edition(project, bad)
    english = project.english()
    shown = "content/awards/regional-quality-award/5.md"
    assert all(line.startswith(shown) for line in english)
    fields = sorted(line.split(": ")[1] for line in english)
    assert fields == [
        "notice.objections_until",
        "winners[1].kind",
        "winners[1].region",
        "winners[1].tier",
        "winners[2].brand",
        "winners[2].uscc",
        "winners[3].uscc",
        "winners[4].name",
    ]
    chinese = "\n".join(project.messages())
    assert "winners[3].uscc: an individual has no unified social credit code" in chinese
    assert "个人没有统一社会信用代码" in chinese
    assert "最后一位校验码与前 17 位不符" in chinese


def test_unknown_program_and_edition_and_path(project):
    edition(project, {**AWARDED, "program": "no-such-award"}, program="no-such-award")
    edition(project, {**AWARDED, "edition": 9})
    edition(project, {**AWARDED, "edition": 5}, name="6.md")
    english = project.english()
    assert any("no-such-award/5.md:2: program:" in m and "not in brands/_registry.yaml" in m for m in english)
    assert any("regional-quality-award/9.md:3: edition:" in m and "no edition 9" in m for m in english)
    assert any("regional-quality-award/6.md:3: edition:" in m and "must be" in m for m in english)


def test_a_notice_needs_its_window_and_an_awarded_edition_its_decision(project):
    project.brand("korla-pear")
    edition(project, {**AWARDED, "stage": "notice", "notice": {"office": "办公室"}, "decision": None})
    project.registry(registry_with_edition_6())
    no_decision = {key: value for key, value in AWARDED.items() if key != "decision"}
    edition(project, {**no_decision, "edition": 6, "winners": AWARDED["winners"][1:]})
    english = project.english()
    assert [m.split(": ")[0:2] for m in english] == [
        ["content/awards/regional-quality-award/5.md:5", "notice.objections_until"],
        ["content/awards/regional-quality-award/5.md:5", "notice.published"],
        ["content/awards/regional-quality-award/6.md:1", "decision"],
    ]


def test_a_notice_without_notice_is_an_error(project):
    fields = {key: value for key, value in AWARDED.items() if key not in ("notice", "decision")}
    edition(project, {**fields, "stage": "notice", "winners": AWARDED["winners"][1:]})
    assert [m.split(": ")[1] for m in project.english()] == ["notice"]


def test_warnings_closed_notice_and_early_decision(project):
    notice = {**AWARDED, "stage": "notice", "notice": NOTICE, "winners": AWARDED["winners"][1:]}
    notice.pop("decision")
    edition(project, notice)
    assert project.warnings(date(2026, 12, 4)) == []
    closed = project.warnings(date(2026, 12, 5))
    assert (
        len(closed) == 1
        and "notice.objections_until" in closed[0]
        and "公示已于 2026-12-04 结束" in closed[0]
    )
    early = {
        **AWARDED,
        "decision": {"document": "X", "date": "2021-11-25"},
        "winners": AWARDED["winners"][1:],
    }
    edition(project, early)
    warned = project.warnings(date(2026, 12, 5))
    assert len(warned) == 1 and "decision.date" in warned[0]


def test_notice_days_and_phase(project):
    notice = {**AWARDED, "stage": "notice", "notice": NOTICE, "winners": AWARDED["winners"][1:]}
    notice.pop("decision")
    edition(project, notice)
    site, _ = project.load()
    listed = site.award_list("regional-quality-award", 5)
    assert listed.phase(date(2026, 11, 19)) == "upcoming"
    assert listed.phase(date(2026, 11, 26)) == "open"
    assert listed.notice.days_left(date(2026, 11, 26)) == 8
    assert listed.phase(date(2026, 12, 4)) == "open"
    assert listed.phase(date(2026, 12, 5)) == "closed"
    assert site.brands == {} or all(not b.awards for b in site.brands.values())


def test_a_notice_adds_no_award_to_the_brand(project):
    project.brand("korla-pear")
    notice = {**AWARDED, "stage": "notice", "notice": NOTICE}
    notice.pop("decision")
    edition(project, notice)
    site, issues = project.load()
    assert errors(issues) == []
    assert site.brands["korla-pear"].awards == ()


def test_a_file_outside_program_folders_is_an_error(project):
    folder = project.content / "awards"
    folder.mkdir(parents=True)
    (folder / "5.md").write_text(front_matter(AWARDED), encoding="utf-8")
    project.brand("korla-pear")
    assert any("content/awards/5.md: an award list must be" in m for m in project.english())
