"""brand_registry.statistics: the numbers /statistics/ shows, as of a build day."""

from __future__ import annotations

import copy
from datetime import date

from conftest import REGISTRY, front_matter

from brandsite.brand_registry.issues import errors
from brandsite.brand_registry.statistics import StoryPoint, compute, horizon, prefecture

AS_OF = date(2026, 11, 26)
TWO_PREFECTURES = copy.deepcopy(REGISTRY)
TWO_PREFECTURES["regions"] += [
    {"code": "652900", "name": "阿克苏地区", "parent": "650000"},
    {"code": "652901", "name": "阿克苏市", "parent": "652900"},
]
TWO_PREFECTURES["categories"].append({"id": "service", "name": "服务"})
TWO_PREFECTURES["certification_types"].append({"id": "organic", "name": "有机产品"})


def cert(type_: str, number: str, expires: str | None = None) -> dict:
    found = {"type": type_, "number": number, "issuer": "某机关", "issued": "2020-01-01"}
    return {**found, "expires": expires} if expires else found


def licence(number: str, name: str, valid_from: str, valid_to: str) -> dict:
    return {"name": name, "license": number, "valid_from": valid_from, "valid_to": valid_to}


def loaded(project):
    project.registry(TWO_PREFECTURES)
    project.brand(
        "korla-pear",
        certifications=[
            cert("geographical-indication", "GI-1"),  # no expiry date
            cert("organic", "OR-1", "2026-11-25"),  # expired the day before
            cert("organic", "OR-2", "2026-11-26"),  # the build day: still valid, expiring soon
        ],
        licensees=[
            licence("L-1", "甲公司", "2021-01-01", "2026-12-31"),  # valid
            licence("L-2", "乙公司", "2021-06-01", "2025-12-31"),  # expired
            licence("L-3", "甲公司", "2027-01-01", "2029-12-31"),  # not yet valid
        ],
    )
    project.brand("aksu-apple", region="652901", certifications=[cert("organic", "OR-3", "2027-02-24")])
    project.brand(
        "aksu-homestay",
        region="652900",
        category="service",
        status="suspended",
        licensees=[licence("L-4", "丙公司", "2024-01-01", "2030-12-31")],
    )
    project.brand("region-wide", region="650000", status="revoked")
    folder = project.content / "awards" / "regional-quality-award"
    folder.mkdir(parents=True)
    winners = [
        {"name": "甲公司", "region": "652801"},
        {"name": "乙公司", "region": "652801"},
        {"name": "丁公司", "region": "652901", "tier": "nomination"},
    ]
    fields = {
        "program": "regional-quality-award",
        "edition": 5,
        "stage": "awarded",
        "decision": {"document": "新政发〔2021〕1号", "date": "2021-12-20"},
        "winners": winners,
    }
    (folder / "5.md").write_text(front_matter(fields, "决定。\n"), encoding="utf-8")
    site, issues = project.load()
    assert errors(issues) == [], [str(i) for i in errors(issues)]
    return site


def bars(found) -> list[tuple[str, int]]:
    return [(bar.key, bar.count) for bar in found]


def test_totals_count_brands_licences_certificates_and_winners(project):
    stats = compute(loaded(project), AS_OF)
    assert stats.as_of == AS_OF
    assert (stats.brands, stats.active_brands, stats.regions) == (4, 2, 4)
    assert stats.enterprises == 2  # 甲 and 乙 of the active brand; 丙's brand is suspended
    assert (stats.licences, stats.valid_licences) == (4, 1)
    assert stats.certifications == 4
    assert stats.award_winners == 3


def test_brands_by_prefecture_category_and_status(project):
    stats = compute(loaded(project), AS_OF)
    # the level under the top of the chain; a brand registered region-wide counts there
    assert bars(stats.brands_by_prefecture) == [("652900", 2), ("650000", 1), ("652800", 1)]
    assert stats.brands_by_prefecture[0].item.name == "阿克苏地区"
    assert bars(stats.brands_by_category) == [("agricultural", 3), ("service", 1)]
    assert bars(stats.brands_by_status) == [("active", 2), ("suspended", 1), ("revoked", 1)]


def test_certificates_by_type_and_expiry_horizon_from_the_build_day(project):
    stats = compute(loaded(project), AS_OF)
    assert bars(stats.certifications_by_type) == [("geographical-indication", 1), ("organic", 3)]
    # OR-3 expires 90 days after the build day: still "soon"
    assert bars(stats.certifications_by_horizon) == [
        ("expired", 1),
        ("soon", 2),
        ("later", 0),
        ("open-ended", 1),
    ]


def test_horizon_edges():
    assert horizon(None, AS_OF) == "open-ended"
    assert horizon(date(2026, 11, 25), AS_OF) == "expired"
    assert horizon(AS_OF, AS_OF) == "soon"
    assert horizon(date(2027, 2, 24), AS_OF) == "soon"  # 90 days
    assert horizon(date(2027, 2, 25), AS_OF) == "later"  # 91 days


def test_licences_by_state_and_new_licences_by_year(project):
    stats = compute(loaded(project), AS_OF)
    assert bars(stats.licences_by_state) == [
        ("valid", 1),
        ("expired", 1),
        ("not-yet-valid", 1),
        ("brand-suspended", 1),
        ("brand-revoked", 0),
    ]
    assert bars(stats.new_licences_by_year) == [("2021", 2), ("2024", 1), ("2027", 1)]


def test_the_numbers_change_with_the_build_day(project):
    later = compute(loaded(project), date(2027, 3, 1))
    assert bars(later.licences_by_state)[:3] == [("valid", 1), ("expired", 2), ("not-yet-valid", 0)]
    assert bars(later.certifications_by_horizon)[0] == ("expired", 3)


def test_award_winners_per_edition_and_tier(project):
    stats = compute(loaded(project), AS_OF)
    [edition] = stats.winners_by_edition
    assert (edition.program.id, edition.number, edition.edition.year) == ("regional-quality-award", 5, 2021)
    assert bars(edition.tiers) == [("award", 2), ("nomination", 1)]


def test_no_award_lists_no_editions(project):
    project.brand("korla-pear")
    site, _issues = project.load()
    assert compute(site, AS_OF).winners_by_edition == ()


def test_stories_per_category_per_year_latest_year_first(project):
    stories = [
        StoryPoint("标准化", date(2024, 4, 2)),
        StoryPoint("通知公告", date(2026, 8, 15)),
        StoryPoint("标准化", date(2024, 7, 1)),
        StoryPoint("质量文化", date(2026, 1, 5)),
        StoryPoint("", date(2026, 2, 1)),
    ]
    stats = compute(loaded(project), AS_OF, stories)
    assert [(y.year, bars(y.categories)) for y in stats.stories_by_year] == [
        (2026, [("", 1), ("质量文化", 1), ("通知公告", 1)]),
        (2024, [("标准化", 2)]),
    ]


def test_prefecture_of_an_unknown_region_is_itself(project):
    site = loaded(project)
    assert prefecture(site, "652801") == "652800"
    assert prefecture(site, "999999") == "999999"


def test_same_site_same_numbers(project):
    site = loaded(project)
    assert compute(site, AS_OF) == compute(site, AS_OF)
