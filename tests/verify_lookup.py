"""What the licence check page finds for a typed licence number or credit code, in Python: the same
steps as theme/static/js/verify.js, so tests can read the shards the build wrote."""

from __future__ import annotations

from brandsite.brand_registry.licence_index import shard_name
from brandsite.brand_registry.site import normalize_license


def lookup(shards: dict, bits: int, typed: str) -> dict | None:
    """The licence `typed` names, with its brand, or None."""
    key = normalize_license(typed)
    shard = shards.get(shard_name(key, bits), {})
    found = shard.get("licences", {}).get(key)
    if found is None:
        return None
    return {**found, "brand": shard["brands"][found["brand"]], "brand_slug": found["brand"]}


def lookup_uscc(shards: dict, bits: int, typed: str) -> list[dict] | None:
    """The licences of the enterprise whose unified social credit code `typed` is, or None."""
    key = normalize_license(typed)
    shard = shards.get(shard_name(key, bits), {})
    found = shard.get("enterprises", {}).get(key)
    if not found:
        return None
    return [{**lic, "brand": shard["brands"][lic["brand"]], "brand_slug": lic["brand"]} for lic in found]
