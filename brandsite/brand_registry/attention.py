"""Warnings, not errors: things an editor should attend to soon."""

from __future__ import annotations

from datetime import date

from .fields import Fields
from .messages import Message, msg
from .model import Image

EXPIRY_WINDOW_DAYS = 60
LARGE_IMAGE_BYTES = 5 * 1024 * 1024


def expires_soon(expires: date | None, as_of: date | None) -> Message | None:
    """ "in 12 days" when `expires` falls within the window after `as_of`, else None."""
    if expires is None or as_of is None:
        return None
    days = (expires - as_of).days
    if not 0 <= days <= EXPIRY_WINDOW_DAYS:
        return None
    if days == 0:
        return msg("today")
    return msg("tomorrow") if days == 1 else msg("in_days", days=days)


def large_image(image: Image | None) -> Message | None:
    if image is None or image.size_bytes <= LARGE_IMAGE_BYTES:
        return None
    return msg(
        "large_image",
        src=image.src,
        size=f"{image.size_bytes / 1024 / 1024:.1f}",
        limit=LARGE_IMAGE_BYTES // 1024 // 1024,
    )


def warn_large_image(fields: Fields, key, image: Image | None) -> None:
    warning = large_image(image)
    if warning:
        fields.warn(key, warning)
