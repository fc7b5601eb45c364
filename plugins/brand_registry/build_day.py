"""The day a build (or a check) computes validity for."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from typing import Mapping


def build_day(configured: date | str | None = None, environ: Mapping[str, str] | None = None) -> date:
    """The REGISTRY_AS_OF setting, else SOURCE_DATE_EPOCH, else today."""
    if configured:
        return configured if isinstance(configured, date) else date.fromisoformat(str(configured))
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()
