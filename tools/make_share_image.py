#!/usr/bin/env python3
"""Draw the site's default link-preview picture: theme/static/images/share.png.

    .venv/bin/python tools/make_share_image.py

Pages without a cover or logo of their own show it in Open Graph and Twitter
cards. 1200x630 (the size Open Graph recommends), flat colours so the PNG stays
a few KB. The site name is drawn when a Noto CJK font is installed
(Debian: fonts-noto-cjk); without one the picture is the emblem alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "theme" / "static" / "images" / "share.png"
SIZE = (1200, 630)
INK, ACCENT, LINK, PAPER = (31, 35, 40), (164, 38, 44), (11, 79, 138), (244, 246, 245)
FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
)
TITLE, SUBTITLE = "新疆区域公共品牌名录", "Xinjiang Regional Public Brand Registry"


def font(size: int):
    for path in FONTS:
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return None


def draw() -> Image.Image:
    image = Image.new("RGB", SIZE, PAPER)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, SIZE[0], 24), fill=ACCENT)
    # The emblem: a seal-like ring holding a tick, the registry's "verified" mark.
    cx, cy, r = 220, 330, 130
    pen.ellipse((cx - r, cy - r, cx + r, cy + r), outline=ACCENT, width=18)
    pen.line([(cx - 62, cy + 4), (cx - 14, cy + 52), (cx + 70, cy - 48)], fill=LINK, width=26, joint="curve")
    title, subtitle = font(72), font(34)
    if title and subtitle:
        pen.text((420, 250), TITLE, font=title, fill=INK)
        pen.text((424, 360), SUBTITLE, font=subtitle, fill=LINK)
    else:
        pen.rectangle((420, 280, 1080, 310), fill=INK)
        pen.rectangle((420, 350, 900, 370), fill=LINK)
    return image.quantize(colors=32)


def main() -> int:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    draw().save(TARGET, optimize=True)
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
