"""What the registry feed announces: brands added, updated, or changed in status.

The registry keeps no history, only each brand's `registered` and `updated`
days and its current status. So a brand gives at most two changes: it was
added on `registered`, and it last changed on `updated` - a status change when
the brand is no longer active (editors set `updated` when they change status).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .model import Brand

KINDS = ("added", "updated", "status")


@dataclass(frozen=True)
class Change:
    day: date
    kind: str  # one of KINDS
    brand: Brand

    @property
    def status(self) -> str:
        return self.brand.status


def registry_changes(brands: Iterable[Brand]) -> list[Change]:
    """Every brand's changes, newest first (ties by slug, then kind)."""
    changes = []
    for brand in brands:
        changes.append(Change(brand.registered, "added", brand))
        if brand.updated and brand.updated > brand.registered:
            kind = "updated" if brand.is_current else "status"
            changes.append(Change(brand.updated, kind, brand))
    changes.sort(key=lambda c: (-c.day.toordinal(), c.brand.slug, KINDS.index(c.kind)))
    return changes
