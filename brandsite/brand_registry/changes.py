"""What the registry feed announces: brands added, updated, or changed in status, and
award editions whose notice opened or closed or whose award was decided.

The registry keeps no history, only each brand's `registered` and `updated`
days and its current status. So a brand gives at most two changes: it was
added on `registered`, and it last changed on `updated` - a status change when
the brand is no longer active (editors set `updated` when they change status).
An edition file gives its notice's `published` day, the day after
`objections_until` (once the build day is past it) and its decision's date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .model import AwardList, Brand

KINDS = ("added", "updated", "status", "notice-opened", "notice-closed", "awarded")


@dataclass(frozen=True)
class Change:
    day: date
    kind: str  # one of KINDS
    brand: Brand | None = None  # a brand's change
    award_list: AwardList | None = None  # an edition's change

    @property
    def status(self) -> str:
        return self.brand.status if self.brand else ""

    @property
    def subject(self) -> str:
        """What changed: a brand's slug, or program/edition."""
        if self.brand is not None:
            return self.brand.slug
        assert self.award_list is not None
        return f"{self.award_list.program}/{self.award_list.edition}"


def registry_changes(
    brands: Iterable[Brand], award_lists: Iterable[AwardList] = (), as_of: date | None = None
) -> list[Change]:
    """Every brand's and edition's changes, newest first (ties by subject, then kind).

    With `as_of`, changes dated after it are left out (a notice not yet published,
    a decision dated ahead)."""
    changes = []
    for brand in brands:
        changes.append(Change(brand.registered, "added", brand))
        if brand.updated and brand.updated > brand.registered:
            kind = "updated" if brand.is_current else "status"
            changes.append(Change(brand.updated, kind, brand))
    for award_list in award_lists:
        changes += _award_changes(award_list, as_of)
    if as_of is not None:
        changes = [c for c in changes if c.day <= as_of]
    changes.sort(key=lambda c: (-c.day.toordinal(), c.subject, KINDS.index(c.kind)))
    return changes


def _award_changes(award_list: AwardList, as_of: date | None) -> list[Change]:
    found = []
    notice = award_list.notice
    if notice is not None:
        found.append(Change(notice.published, "notice-opened", award_list=award_list))
        closed = notice.objections_until + timedelta(days=1)
        if as_of is None or as_of >= closed:
            found.append(Change(closed, "notice-closed", award_list=award_list))
    if award_list.stage == "awarded" and award_list.decision is not None:
        found.append(Change(award_list.decision.date, "awarded", award_list=award_list))
    return found
