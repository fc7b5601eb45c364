"""A licence's label as a stand-alone SVG file, for packaging designers.

90 × 36 mm (user units are millimetres): the QR code on the left, then the
brand, the licensee, the licence number and its validity. Every text an editor
wrote is escaped; long ones are set smaller so they stay on the label.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .codes import QUIET_ZONE, QrCode, plain

WIDTH, HEIGHT = 90, 36  # mm
QR_SIDE = 32  # mm, quiet zone included
TEXT_X = 35
TEXT_WIDTH = WIDTH - TEXT_X - 2
FONT = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif"


@dataclass(frozen=True)
class Logo:
    """The brand's logo as published, linked by its absolute address: a registry of 20,000
    licences does not carry 20,000 copies of it (a designer places the logo file itself)."""

    href: str


@dataclass(frozen=True)
class Label:
    brand: str
    licensee: str
    licence: str
    valid_from: str  # YYYY-MM-DD
    valid_to: str
    qr: QrCode
    logo: Logo | None = None


def em_width(text: str) -> float:
    """How wide `text` sets, in ems: wide (CJK) characters 1, others about 0.6."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.6 for c in text) or 1.0


def fitted(text: str, size: float, width: float = TEXT_WIDTH) -> float:
    """`size`, or smaller so that `text` fits `width` millimetres."""
    return round(min(size, width / em_width(text)), 2)


def label_svg(label: Label) -> str:
    """The label, as the bytes of an SVG file (UTF-8, deterministic)."""
    side = label.qr.size + 2 * QUIET_ZONE
    scale = QR_SIDE / side
    lines = [
        (label.brand, 4.6, "700", 9.0),
        (label.licensee, 3.4, "400", 15.5),
        (f"许可编号 Licence No. {label.licence}", 3.0, "400", 21.5),
        (f"有效期 Valid {label.valid_from} – {label.valid_to}", 2.8, "400", 27.0),
        ("扫码核验 Scan to verify", 2.4, "400", 32.5),
    ]
    brand_width = TEXT_WIDTH - (12 if label.logo else 0)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}mm" height="{HEIGHT}mm" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}">',
        f"<title>{plain(label.brand)} · {plain(label.licence)}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>',
        f'<g transform="translate(2 2) scale({scale:.6f})" shape-rendering="crispEdges">'
        f'<rect width="{side}" height="{side}" fill="#fff"/>'
        f'<path stroke="#000" d="{label.qr.path}"/></g>',
    ]
    if label.logo:
        out.append(
            f'<image x="{WIDTH - 12}" y="2" width="10" height="10" preserveAspectRatio="xMidYMid meet" '
            f'href="{plain(label.logo.href)}"/>'
        )
    out.append(f'<g font-family="{FONT}" fill="#000">')
    for number, (text, size, weight, y) in enumerate(lines):
        width = brand_width if number == 0 else TEXT_WIDTH
        out.append(
            f'<text x="{TEXT_X}" y="{y}" font-size="{fitted(text, size, width)}" '
            f'font-weight="{weight}">{plain(text)}</text>'
        )
    out += ["</g>", "</svg>", ""]
    return "\n".join(out)
