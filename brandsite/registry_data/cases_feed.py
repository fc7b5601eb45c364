"""The cases feed (Atom, CASES_FEED_ATOM, publish builds only): the cases published
on the build day, newest first. A case past its publication period is not in it."""

from __future__ import annotations

from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from brandsite.brand_pages.urls import SITE_URLS, is_absolute, url_for


def write_cases_feed(files, cases: list, settings: dict, template, context: dict) -> None:
    """Render `template` (cases.atom.xml) for `cases` into CASES_FEED_ATOM."""
    from .generator import timestamp  # the registry feed's, so both feeds agree

    siteurl = settings.get("FEED_DOMAIN") or settings["SITEURL"]
    if not is_absolute(siteurl):
        raise ValueError(
            "CASES_FEED_ATOM needs an absolute SITEURL (or FEED_DOMAIN): "
            "Atom links and ids are absolute. Feeds belong in publishconf.py."
        )
    path = settings["CASES_FEED_ATOM"]
    zone = ZoneInfo(settings.get("TIMEZONE") or "UTC")
    host, site_path = urlsplit(siteurl).hostname, urlsplit(siteurl).path.rstrip("/")
    shown = cases[: settings.get("FEED_MAX_ITEMS") or None]
    entries = [
        {
            "case": case,
            # Stable: a case keeps its id in every build while it is published.
            "id": f"tag:{host},{case.date.isoformat()}:{site_path}/{url_for(case)}",
            "link": f"{siteurl}/{url_for(case)}",
            "updated": timestamp(case.date, zone),
        }
        for case in shown
    ]
    newest = max((case.date for case in shown), default=None)
    feed = {
        "id": f"{siteurl}/{path}",
        "self_url": f"{siteurl}/{path}",
        "site_url": f"{siteurl}/{SITE_URLS['cases']}",
        "updated": timestamp(newest, zone) if newest else "1970-01-01T00:00:00+00:00",
    }
    page = {"SITEURL": siteurl, "feed": feed, "entries": entries, "page_lang": settings["DEFAULT_LANG"]}
    files.write(path, template.render({**context, **page}))
