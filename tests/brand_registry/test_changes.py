"""brand_registry.changes: what the registry feed announces."""

from datetime import date

from brandsite.brand_registry.changes import registry_changes
from brandsite.brand_registry.model import Brand


def brand(slug, registered, updated=None, status="active"):
    return Brand(
        slug,
        slug,
        "agricultural",
        "652801",
        "协会",
        "简介",
        registered,
        source_path=None,
        updated=updated,
        status=status,
    )


def test_each_brand_is_added_then_updated_or_changed_in_status_newest_first():
    changes = registry_changes(
        [
            brand("pear", date(2019, 5, 20), date(2024, 3, 1)),
            brand("reed", date(2022, 4, 20), date(2026, 8, 15), status="suspended"),
            brand("melon", date(2024, 3, 1)),
            brand("same-day", date(2021, 1, 1), date(2021, 1, 1)),
        ]
    )
    assert [(c.day.isoformat(), c.brand.slug, c.kind) for c in changes] == [
        ("2026-08-15", "reed", "status"),
        ("2024-03-01", "melon", "added"),
        ("2024-03-01", "pear", "updated"),
        ("2022-04-20", "reed", "added"),
        ("2021-01-01", "same-day", "added"),
        ("2019-05-20", "pear", "added"),
    ]
    assert changes[0].status == "suspended"


def award_list(stage, published, until, decided=None):
    from pathlib import Path

    from brandsite.brand_registry.model import AwardList, Decision, Notice

    decision = Decision("新政发〔2027〕1号", decided) if decided else None
    return AwardList(
        "regional-quality-award", 7, stage, Path("7.md"), (), Notice(published, until, "办公室"), decision
    )


def test_an_edition_announces_its_notice_opened_closed_and_its_award_decided():
    notice = award_list("notice", date(2026, 11, 20), date(2026, 12, 4))
    assert [(c.day.isoformat(), c.kind) for c in registry_changes([], [notice], date(2026, 12, 4))] == [
        ("2026-11-20", "notice-opened")
    ]
    assert [(c.day.isoformat(), c.kind) for c in registry_changes([], [notice], date(2026, 12, 5))] == [
        ("2026-12-05", "notice-closed"),
        ("2026-11-20", "notice-opened"),
    ]
    assert registry_changes([], [notice], date(2026, 11, 19)) == []
    awarded = award_list("awarded", date(2026, 11, 20), date(2026, 12, 4), date(2027, 1, 10))
    changes = registry_changes([brand("pear", date(2026, 12, 1))], [awarded], date(2027, 2, 1))
    assert [(c.day.isoformat(), c.kind, c.subject) for c in changes] == [
        ("2027-01-10", "awarded", "regional-quality-award/7"),
        ("2026-12-05", "notice-closed", "regional-quality-award/7"),
        ("2026-12-01", "added", "pear"),
        ("2026-11-20", "notice-opened", "regional-quality-award/7"),
    ]
