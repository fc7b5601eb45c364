"""QR codes as SVG: one path of dark modules, the same bytes for the same text.

segno encodes; the SVG is drawn here, so its bytes depend on nothing but the
module matrix: a run of dark modules in a row is one `h` segment.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import segno
from markupsafe import Markup, escape

ERROR_LEVEL = "m"  # 15 % of the code may be damaged: labels get scuffed
QUIET_ZONE = 4  # modules of white around the code, as ISO/IEC 18004 asks


@dataclass(frozen=True)
class QrCode:
    text: str  # what a reader decodes
    size: int  # modules per side, without the quiet zone
    path: str  # SVG path data of the dark modules, one unit a module, quiet zone included


def encode(text: str) -> QrCode:
    """The smallest QR code (never a Micro QR) holding `text` at error level M."""
    code = segno.make(text, error=ERROR_LEVEL, micro=False, boost_error=False)
    return QrCode(text, len(code.matrix), matrix_path(code.matrix))


def matrix_path(matrix) -> str:
    """Path data drawing each row's runs of dark modules, offset by the quiet zone."""
    parts = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                parts.append(f"M{start + QUIET_ZONE} {y + QUIET_ZONE}.5h{x - start}")
            else:
                x += 1
    return "".join(parts)


def svg_element(code: QrCode, label: str, size: str = "100%") -> Markup:
    """The code as an inline <svg>, its accessible name `label` (escaped)."""
    side = code.size + 2 * QUIET_ZONE
    return Markup(
        '<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" '
        'width="{size}" height="{size}" role="img" aria-label="{label}" shape-rendering="crispEdges">'
        '<rect width="{side}" height="{side}" fill="#fff"/>'
        '<path stroke="#000" d="{path}"/></svg>'
    ).format(side=side, size=size, label=label, path=code.path)


def verify_url(siteurl: str, verify_page: str, licence_key: str) -> str:
    """The licence check's address for a (normalised) licence number: what a label's QR holds."""
    return f"{siteurl}/{verify_page}?license={quote(licence_key, safe='')}"


def plain(text: str) -> str:
    """`text` escaped for XML text and attributes (for SVG written without Jinja)."""
    return str(escape(text))
