"""brand_pages.views.featured: the brands the home page shows first."""

from __future__ import annotations

from conftest import REGISTRY, jpeg_bytes

from brandsite.brand_pages.views import featured
from brandsite.brand_registry.issues import errors

TWO_EDITIONS = {
    **REGISTRY,
    "award_programs": [
        {
            "id": "regional-quality-award",
            "name": "自治区人民政府质量奖",
            "editions": [{"number": 4, "year": 2019}, {"number": 5, "year": 2021}],
        }
    ],
}


def loaded(project):
    project.registry(TWO_EDITIONS)
    project.brand("a-older-winner", awards=[{"program": "regional-quality-award", "edition": 4}])
    project.brand("b-plain")
    project.brand("c-newer-winner", awards=[{"program": "regional-quality-award", "edition": 5}])
    project.brand("d-suspended", status="suspended")
    project.brand(
        "e-suspended-winner", status="suspended", awards=[{"program": "regional-quality-award", "edition": 5}]
    )
    project.brand("f-plain")
    site, issues = project.load()
    assert not errors(issues), issues
    return site


def slugs(brands) -> list[str]:
    return [b.slug for b in brands]


def test_current_winners_come_first_newest_award_first_then_other_current_brands(project):
    site = loaded(project)
    assert slugs(featured(site, None)) == ["c-newer-winner", "a-older-winner", "b-plain", "f-plain"]
    assert slugs(featured(site, None, limit=3)) == ["c-newer-winner", "a-older-winner", "b-plain"]


def test_configured_brands_come_first_in_their_order_then_the_others_unknown_ones_left_out(project):
    site = loaded(project)
    assert slugs(featured(site, ["f-plain", "no-such-brand", "a-older-winner"])) == [
        "f-plain",
        "a-older-winner",
        "c-newer-winner",
        "b-plain",
    ]
    assert slugs(featured(site, ["f-plain", "a-older-winner"], limit=1)) == ["f-plain", "a-older-winner"]


def test_brands_with_a_cover_photo_come_before_those_without(project):
    project.brand("g-photo", cover="cover.jpg", files={"cover.jpg": jpeg_bytes()})
    site = loaded(project)
    assert slugs(featured(site, None)) == [
        "g-photo",
        "c-newer-winner",
        "a-older-winner",
        "b-plain",
        "f-plain",
    ]
    assert slugs(featured(site, ["b-plain"], limit=2)) == ["b-plain", "g-photo"]
