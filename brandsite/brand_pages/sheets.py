"""Pelican glue: each brand's label sheet, its labels as SVG files, and its fact sheet.

The QR codes hold absolute addresses, so they are made only when SITEURL is
absolute (`make publish`); a development build's pages say so instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from brandsite.brand_registry.model import Brand, Licensee
from brandsite.brand_registry.site import normalize_license
from brandsite.incremental.unchanged import write_or_link
from brandsite.qr_labels.cache import QrCache
from brandsite.qr_labels.codes import verify_url
from brandsite.qr_labels.label import Label, Logo, label_svg

from .urls import SITE_URLS, is_absolute, label_file_for, licence_slugs, url_for

LABELS_PER_PAGE = 140  # ten A4 sheets of 2 x 7 labels: a page a browser opens and prints quickly


class Sheets:
    """What the label sheets and fact sheets show, and the label files."""

    def __init__(self, siteurl: str, cache_root: Path | None, output: Path, previous: Path | None):
        self.siteurl = siteurl
        self.ready = is_absolute(siteurl)  # QR codes need an absolute address
        self.qr = QrCache(cache_root)
        self.output, self.previous = Path(output), previous

    def prepare(self, brands: list[Brand], prefixes: list[str], workers: int) -> int:
        """Make every QR code this build shows that the cache lacks, on every core."""
        if not self.ready:
            return 0
        texts = [
            verify_url(self.siteurl, SITE_URLS["verify"], normalize_license(lic.license))
            for brand in brands
            for lic in brand.licensees
        ]
        texts += [f"{self.siteurl}/{prefix}{url_for(brand)}" for brand in brands for prefix in prefixes]
        return self.qr.prepare(texts, workers)

    def qr_for(self, path: str):
        """The QR code of `path` on the published site, or None in a development build."""
        return self.qr.code(f"{self.siteurl}/{path}") if self.ready else None

    def label_rows(self, brand: Brand, as_of: date, licences: Sequence[Licensee] | None = None) -> list[dict]:
        """A label per licence (all the brand's, in `label_order`, unless given): its state,
        QR code and SVG file."""
        slugs = licence_slugs(brand)
        rows = []
        for lic in label_order(brand) if licences is None else licences:
            target = verify_url(self.siteurl, SITE_URLS["verify"], normalize_license(lic.license))
            rows.append(
                {
                    "licensee": lic,
                    "state": lic.state(as_of, brand.status),
                    "target": target if self.ready else None,
                    "qr": self.qr.code(target) if self.ready else None,
                    "file": label_file_for(brand, slugs[lic.license]) if self.ready else None,
                }
            )
        return rows

    def write_label_files(self, brand: Brand, rows: list[dict], logo: tuple[str, int, int] | None) -> None:
        """Each licence's label as an SVG file (publish builds only)."""
        if not self.ready:
            return
        data = self._logo(logo)
        for row in rows:
            lic = row["licensee"]
            label = Label(
                brand.name,
                lic.name,
                lic.license,
                lic.valid_from.isoformat(),
                lic.valid_to.isoformat(),
                row["qr"],
                data,
            )
            self._write(row["file"], label_svg(label).encode("utf-8"))

    def link_label_files(self, brand: Brand) -> bool:
        """Link the last build's label files of an unchanged brand; False if one is missing
        (the caller then writes them all)."""
        if not self.ready or self.previous is None:
            return False
        previous, output = str(self.previous), str(self.output)
        made: set[str] = set()
        for slug in licence_slugs(brand).values():
            name = label_file_for(brand, slug)
            source, target = os.path.join(previous, name), os.path.join(output, name)
            folder = os.path.dirname(target)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            if os.path.lexists(target):
                os.unlink(target)
            try:
                os.link(source, target)
            except FileNotFoundError:
                return False
            except OSError:  # another file system
                try:
                    shutil.copy2(source, target)
                except OSError:
                    return False
        return True

    def _logo(self, logo: tuple[str, int, int] | None) -> Logo | None:
        """The brand logo's smallest published file, linked from its labels."""
        return None if logo is None else Logo(f"{self.siteurl}/{logo[0]}")

    def _write(self, name: str, data: bytes) -> None:
        twin = None if self.previous is None else str(self.previous / name)
        write_or_link(str(self.output / name), data, twin)


def label_order(brand: Brand) -> list[Licensee]:
    """The brand's licences as its label sheet lists them: by licensee, then number."""
    return sorted(brand.licensees, key=lambda lic: (lic.name, lic.license))


def licence_counts(brand: Brand, as_of: date) -> dict[str, int]:
    """How many of the brand's licences are in each state on `as_of`, and in all."""
    counts = {"total": len(brand.licensees)}
    for lic in brand.licensees:
        state = lic.state(as_of, brand.status)
        counts[state] = counts.get(state, 0) + 1
    return counts
