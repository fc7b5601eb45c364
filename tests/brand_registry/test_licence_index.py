"""brand_registry.licence_index: the hash, the shards and the lookup the verify page does."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from verify_lookup import lookup

from brandsite.brand_registry.licence_index import (
    fnv1a_32,
    licence_digest,
    licence_shards,
    shard_bits,
    shard_name,
    shard_names,
)
from brandsite.brand_registry.model import Brand, Licensee, LicenseeText, Translation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0x811C9DC5),
        ("a", 0xE40C292C),
        ("foobar", 0xBF9CF968),  # published FNV-1a test vectors
    ],
)
def test_fnv1a_32_matches_the_reference(text, expected):
    assert fnv1a_32(text) == expected


def test_fnv1a_32_hashes_utf8_bytes():
    assert fnv1a_32("许可") != fnv1a_32("许")
    assert 0 <= fnv1a_32("许可-２０２１") < 2**32


@pytest.mark.parametrize(("count", "bits"), [(0, 0), (32, 0), (33, 1), (64, 1), (65, 2), (50_000, 11)])
def test_shard_count_grows_with_the_registry(count, bits):
    assert shard_bits(count) == bits


def test_shard_names_are_the_leading_bits_in_hex():
    assert shard_names(0) == ["0"]
    assert shard_names(3) == [str(n) for n in range(8)]
    assert len(shard_names(12)) == 4096 and shard_names(12)[-1] == "fff"
    key = "XJ-KFP-2021-001"
    assert shard_name(key, 12) == format(fnv1a_32(key) >> 20, "03x")
    assert shard_name(key, 5) in shard_names(5)
    assert shard_name(key, 0) == "0"


def brand(slug: str, status: str, count: int) -> Brand:
    licensees = tuple(
        Licensee(f"企业{n}", f"{slug.upper()}-{n:04d}", date(2020, 1, 1), date(2030, 1, 1), ("产品",))
        for n in range(count)
    )
    return Brand(
        slug,
        slug,
        "agricultural",
        "652801",
        "协会",
        "简介",
        date(2020, 1, 1),
        source_path=None,
        status=status,
        licensees=licensees,
    )


def test_every_licence_is_in_the_shard_its_hash_names():
    brands = [brand("aa", "active", 70), brand("bb", "suspended", 30)]
    bits, shards = licence_shards(brands, lambda b: f"brands/{b.slug}/")
    assert bits == shard_bits(100) == 2
    assert sorted(shards) == shard_names(2)  # empty shards too, so a 404 is an error, not "not found"
    seen = set()
    for name, shard in shards.items():
        for key, entry in shard["licences"].items():
            assert shard_name(key, bits) == name
            assert entry["brand"] in shard["brands"]
            seen.add(key)
        assert set(shard["brands"]) == {e["brand"] for e in shard["licences"].values()}
    assert len(seen) == 100


def test_lookup_tolerates_spaces_full_width_and_case():
    bits, shards = licence_shards([brand("kfp", "active", 3)], lambda b: f"brands/{b.slug}/")
    for typed in ("KFP-0001", " kfp - 0001 ", "ｋｆｐ－０００１", "K F P\u3000-\t0001"):
        found = lookup(shards, bits, typed)
        assert found["license"] == "KFP-0001", typed
        assert found["brand"] == {"name": "kfp", "name_en": "", "status": "active", "url": "brands/kfp/"}
    assert lookup(shards, bits, "KFP-0009") is None
    assert lookup(shards, bits, "") is None


def test_licence_digest_changes_exactly_when_the_shards_would():
    def url(b):
        return f"brands/{b.slug}/"

    def shards(brands):
        return licence_shards(brands, url)

    brands = [brand("aa", "active", 5), brand("bb", "active", 3), brand("cc", "active", 0)]
    digest = licence_digest(brands, url)
    same = [
        replace(brands[0], summary="新的简介", owner="新协会"),
        brands[1],
        replace(brands[2], name="无许可"),
    ]
    assert shards(same) == shards(brands)
    assert licence_digest(same, url) == digest
    licensee = replace(brands[1].licensees[0], valid_to=date(2031, 1, 1))
    for changed in (
        [replace(brands[0], status="suspended"), *brands[1:]],
        [replace(brands[0], name="新名"), *brands[1:]],
        [replace(brands[0], name_en="New"), *brands[1:]],
        [brands[0], replace(brands[1], licensees=(licensee, *brands[1].licensees[1:])), brands[2]],
        [brands[0], replace(brands[1], licensees=brands[1].licensees[1:]), brands[2]],
    ):
        assert shards(changed) != shards(brands)
        assert licence_digest(changed, url) != digest
    assert licence_digest(brands, lambda b: f"b/{b.slug}/") != digest


def test_shards_carry_the_english_a_twin_gives_for_english_pages():
    english = Translation(
        "en", "KFP", "", "", None, licensees={"KFP-0001": LicenseeText("Jia Co.", ("pears",))}
    )
    bits, shards = licence_shards([replace(brand("kfp", "active", 2), translations={"en": english})], str)
    first, second = lookup(shards, bits, "kfp-0001"), lookup(shards, bits, "KFP-0000")
    assert (first["enterprise_en"], first["products_en"]) == ("Jia Co.", ["pears"])
    assert first["enterprise"] == "企业1"
    assert "enterprise_en" not in second and "products_en" not in second  # none given: the shard is as before
