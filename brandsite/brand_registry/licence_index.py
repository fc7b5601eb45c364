"""The licence check's data: licences sharded by a hash of their normalised number.

The verify page's script normalises what a visitor types exactly as
`normalize_license` does, hashes it with the same FNV-1a (32 bits, over the
UTF-8 bytes) and fetches the one shard that can hold it. The leading `bits`
of the hash name the shard, so shards stay small however many licences there
are: their number grows with the registry.

A unified social credit code (USCC) finds an enterprise's licences, in every
brand, the same way: the code is hashed alike and its shard (`uscc_shards`)
holds, under the code, each of its licences as the licence shards do. Both
kinds of shard are sized by licences, so one enterprise with many licences
fills one shard, and a lookup of either kind fetches one small file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from .model import Brand, Licensee
from .site import normalize_license

FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193
LICENCES_PER_SHARD = 32  # at most this many on average: a shard stays 1-3 KB gzipped
MAX_BITS = 20


def fnv1a_32(text: str) -> int:
    value = FNV_OFFSET
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * FNV_PRIME) & 0xFFFFFFFF
    return value


def shard_bits(count: int, per_shard: int = LICENCES_PER_SHARD) -> int:
    """The fewest leading hash bits that keep shards at `per_shard` licences on average."""
    bits = 0
    while count > per_shard << bits and bits < MAX_BITS:
        bits += 1
    return bits


def shard_name(key: str, bits: int) -> str:
    """The shard of a normalised licence number: its hash's leading bits, in hex."""
    if bits == 0:
        return "0"
    return format(fnv1a_32(key) >> (32 - bits), f"0{(bits + 3) // 4}x")


def shard_names(bits: int) -> list[str]:
    if bits == 0:
        return ["0"]
    return [format(n, f"0{(bits + 3) // 4}x") for n in range(1 << bits)]


def licence_entry(licensee: Licensee, brand: Brand) -> dict:
    """A licence as the check shows it; `enterprise_en`, `products_en` when index.en.md gives them."""
    entry = {
        "license": licensee.license,
        "enterprise": licensee.name,
        "products": list(licensee.products),
        "valid_from": licensee.valid_from.isoformat(),
        "valid_to": licensee.valid_to.isoformat(),
        "brand": brand.slug,
    }
    twin = brand.translations.get("en")
    english = twin.licensees.get(normalize_license(licensee.license)) if twin else None
    if english and english.name:
        entry["enterprise_en"] = english.name
    if english and english.products:
        entry["products_en"] = list(english.products)
    return entry


def brand_entry(brand: Brand, url: str) -> dict:
    return {"name": brand.name, "name_en": brand.name_en, "status": brand.status, "url": url}


def licence_shards(brands: Iterable[Brand], url_of: Callable[[Brand], str]) -> tuple[int, dict]:
    """(bits, {shard name: shard}); every shard is listed, empty ones too.

    A shard is `{"brands": {slug: brand}, "licences": {normalised number: licence}}`;
    it names only the brands its licences belong to.
    """
    entries = [(normalize_license(lic.license), lic, brand) for brand in brands for lic in brand.licensees]
    bits = shard_bits(len(entries))
    shards: dict[str, dict[str, dict[str, dict]]] = {
        name: {"brands": {}, "licences": {}} for name in shard_names(bits)
    }
    for key, licensee, brand in entries:
        shard = shards[shard_name(key, bits)]
        shard["licences"][key] = licence_entry(licensee, brand)
        shard["brands"][brand.slug] = brand_entry(brand, url_of(brand))
    return bits, shards


def uscc_shards(brands: Iterable[Brand], url_of: Callable[[Brand], str]) -> tuple[int, dict]:
    """(bits, {shard name: shard}) of the licences whose enterprise gives its USCC.

    A shard is `{"brands": {slug: brand}, "enterprises": {uscc: [licence, ...]}}`,
    an enterprise's licences in brand and licence-number order.
    """
    found = [
        ((lic.uscc, brand.slug, normalize_license(lic.license)), lic, brand)
        for brand in brands
        for lic in brand.licensees
        if lic.uscc
    ]
    entries = sorted(found, key=lambda entry: entry[0])
    bits = shard_bits(len(entries))
    shards: dict[str, dict] = {name: {"brands": {}, "enterprises": {}} for name in shard_names(bits)}
    for (uscc, _slug, _key), licensee, brand in entries:
        shard = shards[shard_name(uscc, bits)]
        shard["enterprises"].setdefault(uscc, []).append(licence_entry(licensee, brand))
        shard["brands"][brand.slug] = brand_entry(brand, url_of(brand))
    return bits, shards


def licence_digest(brands: Iterable[Brand], url_of: Callable[[Brand], str]) -> str:
    """A hash of what `licence_shards` and `uscc_shards` make the shards of: the same hash,
    the same shards."""
    hashed = hashlib.sha256()
    for brand in brands:
        if brand.licensees:
            entries = [(licence_entry(licensee, brand), licensee.uscc) for licensee in brand.licensees]
            hashed.update(repr((brand_entry(brand, url_of(brand)), entries)).encode("utf-8", "surrogatepass"))
    return hashed.hexdigest()
