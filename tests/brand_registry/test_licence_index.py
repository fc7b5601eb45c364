"""brand_registry.licence_index: the hash, the shards and the lookup the verify page does."""

from __future__ import annotations

from datetime import date

import pytest

from brand_registry.licence_index import (fnv1a_32, licence_shards, lookup, shard_bits, shard_name,
                                          shard_names)
from brand_registry.model import Brand, Licensee


@pytest.mark.parametrize(("text", "expected"), [
    ("", 0x811C9DC5), ("a", 0xE40C292C), ("foobar", 0xBF9CF968),  # published FNV-1a test vectors
])
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
    return Brand(slug, slug, "agricultural", "652801", "协会", "简介", date(2020, 1, 1),
                 source_path=None, status=status, licensees=licensees)


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
