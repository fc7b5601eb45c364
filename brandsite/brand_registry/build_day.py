"""The day a build (or a check) computes validity for."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime
from zoneinfo import ZoneInfo


def build_day(
    configured: date | str | None = None, environ: Mapping[str, str] | None = None, zone: str | None = None
) -> date:
    """The REGISTRY_AS_OF setting, else SOURCE_DATE_EPOCH, else today: a day in the
    site's time zone `zone` (its TIMEZONE setting), never the build machine's."""
    if configured:
        return configured if isinstance(configured, date) else date.fromisoformat(str(configured))
    tz = ZoneInfo(zone or "UTC")
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=tz).date()
    return datetime.now(tz).date()
