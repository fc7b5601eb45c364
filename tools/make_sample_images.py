#!/usr/bin/env python3
"""Generate the sample pictures used by the sample brands and stories.

Deterministic: every picture is drawn with its own random.Random seeded from a
fixed base seed and the picture's path, so re-running the script reproduces
the same pixels (given the same Pillow build).

Needs only the standard library and Pillow:

    python3 -m venv /tmp/imgvenv && /tmp/imgvenv/bin/pip install pillow
    /tmp/imgvenv/bin/python tools/make_sample_images.py

Sizes: brand covers 1600x1000 JPEG, gallery/body pictures 1200x800 JPEG,
logos 400x400 RGBA PNG, story covers 1200x750 JPEG.  Every file is kept under
250 KB (JPEG quality is lowered step by step if needed) and the sizes are
printed at the end.
"""

from __future__ import annotations

import math
import random
import sys
import zlib
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

BASE_SEED = 20261126
MAX_BYTES = 250 * 1024
ROOT = Path(__file__).resolve().parent.parent

COVER = (1600, 1000)
GALLERY = (1200, 800)
STORY = (1200, 750)
LOGO = (400, 400)


# --------------------------------------------------------------------------
# small helpers


def rng_for(name: str) -> random.Random:
    return random.Random(BASE_SEED ^ zlib.crc32(name.encode("utf-8")))


def mix(c1, c2, t):
    t = max(0.0, min(1.0, t))
    return tuple(int(round(a + (b - a) * t)) for a, b in zip(c1, c2))


def jitter(rng, c, amount=12):
    return tuple(max(0, min(255, v + rng.randint(-amount, amount))) for v in c)


def vgrad(w, h, stops):
    """Vertical gradient; stops = [(pos 0..1, (r,g,b)), ...]."""
    col = Image.new("RGB", (1, h))
    px = []
    for y in range(h):
        t = y / max(1, h - 1)
        for i in range(len(stops) - 1):
            p0, c0 = stops[i]
            p1, c1 = stops[i + 1]
            if p0 <= t <= p1:
                px.append(mix(c0, c1, (t - p0) / max(1e-6, p1 - p0)))
                break
        else:
            px.append(stops[-1][1] if t > stops[-1][0] else stops[0][1])
    col.putdata(px)
    return col.resize((w, h), Image.BILINEAR)


def hgrad(w, h, stops):
    return vgrad(h, w, stops).transpose(Image.Transpose.ROTATE_90).transpose(
        Image.Transpose.FLIP_TOP_BOTTOM)


def radial(size, center=None, radius=None):
    """L image: 0 at centre rising to 255 at `radius` and beyond."""
    w, h = size
    cx, cy = center if center else (w / 2, h / 2)
    r = radius if radius else math.hypot(w, h) / 2
    g = Image.radial_gradient("L")  # 256x256, 0 in the middle, ~181 at distance 128
    g = g.point(lambda v: min(255, int(v * 255 / 181)))
    big = g.resize((max(2, int(2 * r)), max(2, int(2 * r))), Image.BILINEAR)
    out = Image.new("L", (w, h), 255)
    out.paste(big, (int(cx - r), int(cy - r)))
    return out


def blob(img, box, color, blur=0, alpha=255, shape="ellipse"):
    """Paste a soft ellipse/rectangle of `color` onto img (RGB) in place."""
    x0, y0, x1, y1 = [int(v) for v in box]
    pad = int(blur * 3) + 2
    w, h = x1 - x0 + 2 * pad, y1 - y0 + 2 * pad
    if w <= 0 or h <= 0:
        return
    m = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(m)
    inner = (pad, pad, pad + x1 - x0, pad + y1 - y0)
    if shape == "ellipse":
        d.ellipse(inner, fill=alpha)
    else:
        d.rectangle(inner, fill=alpha)
    if blur:
        m = m.filter(ImageFilter.GaussianBlur(blur))
    img.paste(color, (x0 - pad, y0 - pad, x0 - pad + w, y0 - pad + h), m)


def bokeh(size, rng, colors, count, rmin, rmax, blur, base=None, alpha=(60, 170)):
    """Out-of-focus background made of overlapping soft discs (drawn small)."""
    w, h = size
    sw, sh = max(4, w // 4), max(4, h // 4)
    img = base.resize((sw, sh)) if base else Image.new("RGB", (sw, sh), colors[0])
    for _ in range(count):
        r = rng.uniform(rmin, rmax) / 4
        x, y = rng.uniform(-r, sw + r), rng.uniform(-r, sh + r)
        blob(img, (x - r, y - r, x + r, y + r), jitter(rng, rng.choice(colors), 10),
             alpha=rng.randint(*alpha))
    img = img.filter(ImageFilter.GaussianBlur(max(1, blur / 4)))
    return img.resize((w, h), Image.BICUBIC)


def grain(img, rng, amount=5):
    """Add soft, photo-like luminance noise."""
    w, h = img.size
    sw, sh = w // 2, h // 2
    lut = [max(0, min(255, 128 + int((v - 127.5) / 127.5 * amount))) for v in range(256)]
    n = Image.frombytes("L", (sw, sh), rng.randbytes(sw * sh)).point(lut)
    n = n.resize((w, h), Image.BILINEAR)
    n = Image.merge("RGB", (n, n, n))
    return ImageChops.add(img, n, 1.0, -128)


def vignette(img, strength=0.35):
    w, h = img.size
    r = radial((w, h), radius=math.hypot(w, h) / 2 * 1.05)
    dark = int(255 * (1 - strength))
    v = ImageOps.colorize(r, (255, 255, 255), (dark, dark, dark), blackpoint=90, whitepoint=255)
    return ImageChops.multiply(img, v)


def warm(img, tint=(255, 244, 225), amount=0.12):
    return Image.blend(img, ImageChops.multiply(img, Image.new("RGB", img.size, tint)), amount)


def finish(img, rng, grain_amount=5, vig=0.35):
    img = vignette(img, vig)
    img = grain(img, rng, grain_amount)
    return img


# --------------------------------------------------------------------------
# objects


def sphere_patch(rx, ry, base, light, dark, shape="round", hl=0.55):
    """RGBA patch with a shaded round/pear/oval body and a soft highlight."""
    w, h = int(2 * rx) + 4, int(2 * ry) + 4
    S = 2  # supersampling for smooth edges
    W, H = w * S, h * S
    mask = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(mask)
    if shape == "pear":
        d.ellipse((W * 0.06, H * 0.36, W * 0.94, H * 0.98), fill=255)
        d.ellipse((W * 0.24, H * 0.04, W * 0.76, H * 0.62), fill=255)
        d.polygon([(W * 0.14, H * 0.55), (W * 0.3, H * 0.3), (W * 0.7, H * 0.3), (W * 0.86, H * 0.55)], fill=255)
    elif shape == "apple":
        d.ellipse((W * 0.03, H * 0.1, W * 0.62, H * 0.97), fill=255)
        d.ellipse((W * 0.38, H * 0.1, W * 0.97, H * 0.97), fill=255)
        d.ellipse((W * 0.12, H * 0.25, W * 0.88, H * 0.99), fill=255)
    else:
        d.ellipse((S, S, W - S, H - S), fill=255)
    mask = mask.resize((w, h), Image.LANCZOS)
    hx, hy = w * 0.36, h * 0.32
    g = radial((w, h), center=(hx, hy), radius=max(w, h) * 0.95)
    body = ImageOps.colorize(g, light, dark, mid=base, blackpoint=0, whitepoint=235, midpoint=95)
    # rim light on the lower right
    rim = radial((w, h), center=(w * 0.78, h * 0.85), radius=max(w, h) * 0.35)
    rim = ImageOps.invert(rim).point(lambda v: int(v * 0.25))
    body.paste(mix(base, (255, 255, 255), 0.3), (0, 0), rim)
    # specular highlight
    spec = Image.new("L", (w, h), 0)
    ImageDraw.Draw(spec).ellipse((w * 0.2, h * 0.14, w * 0.42, h * 0.32), fill=int(255 * hl))
    spec = spec.filter(ImageFilter.GaussianBlur(max(1, w * 0.04)))
    body.paste((255, 255, 250), (0, 0), spec)
    body = body.convert("RGBA")
    body.putalpha(mask)
    return body


def paste_rgba(img, patch, x, y, angle=0, shadow=0.0):
    if angle:
        patch = patch.rotate(angle, resample=Image.BICUBIC, expand=True)
    x, y = int(x - patch.width / 2), int(y - patch.height / 2)
    if shadow:
        a = patch.getchannel("A").point(lambda v: int(v * shadow))
        a = a.filter(ImageFilter.GaussianBlur(max(2, patch.width * 0.06)))
        img.paste((20, 16, 10), (x + int(patch.width * 0.06), y + int(patch.height * 0.08)), a)
    img.paste(patch, (x, y), patch)


def leaf_patch(rng, length, color, vein=True):
    w, h = int(length), int(length * 0.42)
    S = 2
    m = Image.new("L", (w * S, h * S), 0)
    d = ImageDraw.Draw(m)
    pts = []
    for i in range(21):
        t = i / 20
        pts.append((t * w * S, h * S / 2 - math.sin(math.pi * t) ** 0.8 * h * S * 0.48))
    for i in range(20, -1, -1):
        t = i / 20
        pts.append((t * w * S, h * S / 2 + math.sin(math.pi * t) ** 0.8 * h * S * 0.48))
    d.polygon(pts, fill=255)
    m = m.resize((w, h), Image.LANCZOS)
    light, dark = mix(color, (255, 255, 220), 0.25), mix(color, (0, 0, 0), 0.45)
    body = vgrad(w, h, [(0, light), (0.5, color), (1, dark)])
    if vein:
        ImageDraw.Draw(body).line((2, h / 2, w - 2, h / 2), fill=mix(color, (255, 255, 200), 0.35), width=max(1, h // 18))
    body = body.convert("RGBA")
    body.putalpha(m)
    return body


def ridge(rng, w, base_y, amp, rough=0.55, n=9):
    """Mountain ridge by midpoint displacement; returns list of (x, y)."""
    pts = [base_y - rng.uniform(0, amp), base_y - rng.uniform(0, amp)]
    spread = amp
    for _ in range(n):
        nxt = []
        for a, b in zip(pts, pts[1:]):
            nxt += [a, (a + b) / 2 + rng.uniform(-spread, spread) / 2]
        nxt.append(pts[-1])
        pts = nxt
        spread *= rough
    step = w / (len(pts) - 1)
    return [(i * step, y) for i, y in enumerate(pts)]


def draw_mountains(img, rng, horizon, layers, snow=True):
    w, h = img.size
    for i, (color, amp, offset) in enumerate(layers):
        pts = ridge(rng, w, horizon - offset, amp)
        layer = Image.new("L", (w, h), 0)
        ImageDraw.Draw(layer).polygon(pts + [(w, h), (0, h)], fill=255)
        grad = vgrad(w, h, [(0, mix(color, (255, 255, 255), 0.25)), (horizon / h, color), (1, color)])
        img.paste(grad, (0, 0), layer.filter(ImageFilter.GaussianBlur(1.2 + (len(layers) - i) * 0.8)))
        if snow and i == 0:
            top = min(y for _, y in pts)
            sm = Image.new("L", (w, h), 0)
            sd = ImageDraw.Draw(sm)
            line = horizon - offset - amp * 0.55
            poly = [(x, y) for x, y in pts]
            sd.polygon(poly + [(w, line), (0, line)], fill=235)
            cut = Image.new("L", (w, h), 0)
            ImageDraw.Draw(cut).polygon(pts + [(w, h), (0, h)], fill=255)
            sm = ImageChops.multiply(sm, cut)
            sm = ImageChops.multiply(sm, vgrad(w, h, [(0, (255,) * 3), (max(0.01, line / h), (0,) * 3), (1, (0,) * 3)]).convert("L"))
            img.paste((246, 248, 252), (0, 0), sm.filter(ImageFilter.GaussianBlur(2)))
            _ = top


def sky(size, top, bottom, glow=None, rng=None, clouds=0):
    w, h = size
    img = vgrad(w, h, [(0, top), (1, bottom)])
    if glow:
        gx, gy, gr, gc = glow
        m = ImageOps.invert(radial((w, h), center=(gx, gy), radius=gr)).point(lambda v: int(v * 0.8))
        img.paste(gc, (0, 0), m)
    for _ in range(clouds):
        cx, cy = rng.uniform(0, w), rng.uniform(h * 0.05, h * 0.45)
        for _ in range(rng.randint(4, 8)):
            rw, rh = rng.uniform(60, 220), rng.uniform(25, 60)
            ox, oy = rng.uniform(-160, 160), rng.uniform(-20, 20)
            blob(img, (cx + ox - rw, cy + oy - rh, cx + ox + rw, cy + oy + rh), (250, 250, 252), blur=28, alpha=rng.randint(70, 150))
    return img


# --------------------------------------------------------------------------
# scenes: each returns an RGB image of the requested size


def scene_orchard(size, rng, p):
    w, h = size
    greens = p.get("bokeh", [(58, 96, 40), (92, 130, 52), (140, 170, 80), (34, 60, 30), (190, 205, 150)])
    base = vgrad(w, h, [(0, p.get("sky", (196, 220, 236))), (0.5, (120, 150, 80)), (1, (60, 80, 40))])
    img = bokeh(size, rng, greens, 140, 60, 260, 60, base=base)
    # a second, sharper foliage layer
    d = ImageDraw.Draw(img)
    branch = p.get("branch", (72, 54, 38))
    for _ in range(p.get("branches", 2)):
        x0, y0 = rng.uniform(-100, w * 0.3), rng.uniform(h * 0.05, h * 0.4)
        pts = [(x0, y0)]
        for i in range(6):
            x0 += rng.uniform(w * 0.12, w * 0.22)
            y0 += rng.uniform(-40, 70)
            pts.append((x0, y0))
        d.line(pts, fill=mix(branch, (0, 0, 0), 0.2), width=int(w * 0.012), joint="curve")
    leafc = p.get("leaf", (70, 120, 45))
    for _ in range(p.get("leaves", 55)):
        lp = leaf_patch(rng, rng.uniform(w * 0.05, w * 0.1), jitter(rng, leafc, 18))
        paste_rgba(img, lp, rng.uniform(0, w), rng.uniform(0, h * 0.8), angle=rng.uniform(0, 360), shadow=0.25)
    fruit = p["fruit"]
    n = p.get("count", 7)
    for i in range(n):
        r = rng.uniform(*p.get("size", (0.05, 0.085))) * w
        shape = p.get("shape", "round")
        ry = r * (1.25 if shape == "pear" else 1.0) * p.get("aspect", 1.0)
        base_c = jitter(rng, fruit[0], 10)
        patch = sphere_patch(r, ry, base_c, fruit[1], fruit[2], shape=shape)
        x = w * (0.12 + 0.76 * (i + rng.uniform(0.1, 0.9)) / n)
        y = rng.uniform(h * 0.3, h * 0.75)
        d.line((x, y - ry, x + rng.uniform(-20, 20), y - ry - r * 0.6), fill=branch, width=max(3, int(r * 0.09)))
        paste_rgba(img, patch, x, y, angle=rng.uniform(-18, 18), shadow=0.35)
        if rng.random() < 0.6:
            lp = leaf_patch(rng, r * 1.6, jitter(rng, leafc, 12))
            paste_rgba(img, lp, x + r * 0.6, y - ry * 0.9, angle=rng.uniform(20, 70), shadow=0.2)
    img = warm(img, amount=p.get("warm", 0.12))
    return finish(img, rng, 4, 0.4)


def scene_blossom(size, rng, p):
    w, h = size
    base = vgrad(w, h, [(0, (140, 186, 226)), (1, (200, 222, 236))])
    img = bokeh(size, rng, [(170, 205, 235), (235, 240, 245), (150, 190, 120), (220, 230, 240)], 80, 80, 240, 60, base=base)
    d = ImageDraw.Draw(img)
    for _ in range(3):
        x0, y0 = rng.uniform(-50, w * 0.2), rng.uniform(h * 0.2, h * 0.8)
        pts = [(x0, y0)]
        for _ in range(7):
            x0 += rng.uniform(w * 0.1, w * 0.2)
            y0 += rng.uniform(-90, 60)
            pts.append((x0, y0))
        d.line(pts, fill=(70, 52, 44), width=int(w * 0.01), joint="curve")
        for (x, y) in pts[1:]:
            for _ in range(rng.randint(3, 6)):
                fx, fy = x + rng.uniform(-70, 70), y + rng.uniform(-70, 50)
                pr = rng.uniform(14, 26) * w / 1200
                for k in range(5):
                    a = k * 2 * math.pi / 5 + rng.uniform(0, 0.4)
                    px, py = fx + math.cos(a) * pr, fy + math.sin(a) * pr
                    blob(img, (px - pr, py - pr, px + pr, py + pr), jitter(rng, (250, 248, 244), 5), blur=1.2, alpha=235)
                blob(img, (fx - pr * 0.35, fy - pr * 0.35, fx + pr * 0.35, fy + pr * 0.35), (190, 160, 120), blur=1)
                for k in range(6):
                    a = rng.uniform(0, 2 * math.pi)
                    sx, sy = fx + math.cos(a) * pr * 0.5, fy + math.sin(a) * pr * 0.5
                    blob(img, (sx - 2, sy - 2, sx + 2, sy + 2), (150, 60, 90))
            if rng.random() < 0.7:
                paste_rgba(img, leaf_patch(rng, w * 0.05, (110, 160, 70)), x + 30, y + 20, angle=rng.uniform(0, 360))
    return finish(img, rng, 4, 0.3)


def scene_pile(size, rng, p):
    """Frame filled with fruit/nuts in a crate or on a tray (shallow focus)."""
    w, h = size
    bg = p.get("bg", (92, 64, 40))
    img = vgrad(w, h, [(0, mix(bg, (0, 0, 0), 0.3)), (1, bg)])
    fruit = p["fruit"]
    r0, r1 = p.get("size", (0.05, 0.07))
    shape = p.get("shape", "round")
    aspect = p.get("aspect", 1.0)
    # back to front so nearer items overlap
    rows = p.get("rows", 7)
    for j in range(rows):
        y = h * (-0.05 + 1.1 * j / (rows - 1))
        depth = 0.7 + 0.6 * j / (rows - 1)
        x = -rng.uniform(0, 40)
        while x < w + 60:
            r = rng.uniform(r0, r1) * w * depth
            c = fruit[rng.randrange(len(fruit))]
            patch = sphere_patch(r, r * aspect, jitter(rng, c[0], 8), c[1], c[2], shape=shape, hl=p.get("hl", 0.55))
            if p.get("wrinkle"):
                alpha = patch.getchannel("A")
                wd = ImageDraw.Draw(patch)
                for _ in range(3):
                    yy = rng.uniform(0.25, 0.75) * patch.height
                    wd.arc((0, yy - patch.height * 0.2, patch.width, yy + patch.height * 0.2), 200, 340,
                           fill=mix(c[0], c[2], 0.35) + (255,), width=max(1, int(r * 0.04)))
                patch.putalpha(alpha)
            paste_rgba(img, patch, x, y + rng.uniform(-r * 0.3, r * 0.3), angle=rng.uniform(-40, 40), shadow=0.5)
            x += r * rng.uniform(1.3, 1.8)
    # shallow depth of field: blur the top of the frame
    blurred = img.filter(ImageFilter.GaussianBlur(p.get("dof", 10)))
    m = vgrad(w, h, [(0, (255,) * 3), (0.35, (0,) * 3), (0.8, (0,) * 3), (1, (120,) * 3)]).convert("L")
    img.paste(blurred, (0, 0), m)
    if p.get("crate"):
        d = ImageDraw.Draw(img)
        cc = p["crate"]
        d.rectangle((0, h * 0.86, w, h), fill=cc)
        img.paste(vgrad(w, int(h * 0.14), [(0, mix(cc, (255, 255, 255), 0.2)), (1, mix(cc, (0, 0, 0), 0.35))]), (0, int(h * 0.86)))
        for k in range(0, w, int(w / 5)):
            d.line((k, h * 0.86, k, h), fill=mix(cc, (0, 0, 0), 0.4), width=3)
    img = warm(img, amount=0.1)
    return finish(img, rng, 5, 0.45)


def scene_cut_fruit(size, rng, p):
    w, h = size
    img = wood(size, rng, p.get("wood", (150, 110, 74)))
    kind = p.get("kind", "apple")
    cx, cy, R = w * 0.46, h * 0.52, h * 0.38
    # shadow
    blob(img, (cx - R * 0.95 + 25, cy - R * 0.8 + 35, cx + R * 1.05 + 25, cy + R * 1.0 + 35), (30, 20, 12), blur=30, alpha=170)
    d = ImageDraw.Draw(img)
    if kind == "apple":
        d.ellipse((cx - R, cy - R * 0.95, cx + R, cy + R * 0.95), fill=(150, 24, 30))
        r2 = R * 0.95
        flesh = ImageOps.colorize(radial((int(2 * r2), int(2 * r2 * 0.93))), (250, 236, 196), (238, 214, 160))
        m = Image.new("L", flesh.size, 0)
        ImageDraw.Draw(m).ellipse((0, 0, flesh.width - 1, flesh.height - 1), fill=255)
        img.paste(flesh, (int(cx - r2), int(cy - r2 * 0.93)), m.filter(ImageFilter.GaussianBlur(1)))
        # translucent "sugar core": a soft amber star
        core = Image.new("L", (w, h), 0)
        cd = ImageDraw.Draw(core)
        pts = []
        for k in range(10):
            a = k * math.pi / 5 - math.pi / 2
            rr = R * (0.55 if k % 2 == 0 else 0.3)
            pts.append((cx + math.cos(a) * rr, cy + math.sin(a) * rr))
        cd.polygon(pts, fill=235)
        core = core.filter(ImageFilter.GaussianBlur(R * 0.05))
        img.paste((222, 166, 72), (0, 0), core)
        halo = ImageOps.invert(radial((w, h), center=(cx, cy), radius=R * 0.7)).point(lambda v: int(v * 0.5))
        img.paste((236, 190, 100), (0, 0), halo)
        for k in range(5):
            a = k * 2 * math.pi / 5 - math.pi / 2
            sx, sy = cx + math.cos(a) * R * 0.14, cy + math.sin(a) * R * 0.14
            patch = sphere_patch(R * 0.035, R * 0.07, (70, 40, 20), (140, 90, 50), (30, 16, 8))
            paste_rgba(img, patch, sx, sy, angle=-math.degrees(a) - 90)
        # second whole apple behind
        paste_rgba(img, sphere_patch(R * 0.7, R * 0.66, (170, 30, 36), (230, 90, 80), (80, 10, 16), shape="apple"),
                   w * 0.85, h * 0.3, angle=10, shadow=0.5)
    else:  # melon half seen from above
        d.ellipse((cx - R * 1.2, cy - R, cx + R * 1.2, cy + R), fill=(96, 120, 58))
        d.ellipse((cx - R * 1.13, cy - R * 0.93, cx + R * 1.13, cy + R * 0.93), fill=(196, 210, 150))
        fl = ImageOps.colorize(radial((int(R * 2.16), int(R * 1.78))), (226, 110, 40), (246, 160, 80))
        m = Image.new("L", fl.size, 0)
        ImageDraw.Draw(m).ellipse((0, 0, fl.width - 1, fl.height - 1), fill=255)
        img.paste(fl, (int(cx - R * 1.08), int(cy - R * 0.89)), m.filter(ImageFilter.GaussianBlur(3)))
        blob(img, (cx - R * 0.6, cy - R * 0.4, cx + R * 0.6, cy + R * 0.4), (200, 120, 60), blur=12)
        for _ in range(60):
            a, rr = rng.uniform(0, 2 * math.pi), rng.uniform(0.1, 0.5)
            sx, sy = cx + math.cos(a) * R * rr * 1.1, cy + math.sin(a) * R * rr * 0.7
            paste_rgba(img, sphere_patch(R * 0.03, R * 0.055, (236, 214, 170), (255, 246, 220), (180, 150, 100)),
                       sx, sy, angle=rng.uniform(0, 180))
        # a wedge on the right
        paste_rgba(img, wedge(R * 0.9), w * 0.86, h * 0.72, angle=-20, shadow=0.5)
    img = warm(img, amount=0.15)
    return finish(img, rng, 4, 0.45)


def wedge(R):
    w, h = int(R * 2), int(R)
    S = 2
    m = Image.new("L", (w * S, h * S), 0)
    ImageDraw.Draw(m).pieslice((0, -h * S, w * S, h * S), 0, 180, fill=255)
    m = m.resize((w, h), Image.LANCZOS)
    img = vgrad(w, h, [(0, (236, 130, 50)), (0.75, (246, 170, 90)), (0.86, (206, 216, 150)), (1, (90, 116, 56))])
    img = img.convert("RGBA")
    img.putalpha(m)
    return img


def wood(size, rng, color):
    w, h = size
    img = Image.new("RGB", (w, h), color)
    d = ImageDraw.Draw(img)
    y = 0
    while y < h:
        bh = rng.uniform(4, 18)
        dv = rng.randint(-14, 14)
        d.rectangle((0, y, w, y + bh), fill=tuple(max(0, min(255, v + dv)) for v in color))
        y += bh
    img = img.filter(ImageFilter.GaussianBlur(2.5))
    for k in range(1, 4):
        yy = h * k / 4 + rng.uniform(-20, 20)
        d = ImageDraw.Draw(img)
        d.line((0, yy, w, yy), fill=mix(color, (0, 0, 0), 0.4), width=3)
    return img


def scene_landscape(size, rng, p):
    w, h = size
    horizon = int(h * p.get("horizon", 0.45))
    img = sky(size, p.get("sky_top", (84, 140, 206)), p.get("sky_bottom", (206, 226, 238)),
              glow=(w * 0.75, horizon * 0.6, w * 0.45, (255, 240, 210)), rng=rng, clouds=p.get("clouds", 3))
    if p.get("mountains", True):
        draw_mountains(img, rng, horizon, [
            (p.get("far", (150, 170, 196)), h * 0.22, h * 0.02),
            (p.get("mid", (110, 128, 140)), h * 0.1, -h * 0.01),
        ], snow=p.get("snow", True))
    ground = p.get("ground", (96, 130, 60))
    field = vgrad(w, h - horizon, [(0, mix(ground, (190, 200, 210), 0.35)), (1, mix(ground, (0, 0, 0), 0.25))])
    img.paste(field, (0, horizon))
    d = ImageDraw.Draw(img)
    kind = p.get("kind", "rows")
    if kind == "lake":
        water = vgrad(w, int(h * 0.3), [(0, (120, 170, 186)), (1, (40, 84, 96))])
        img.paste(water, (0, horizon))
        refl = img.crop((0, horizon - int(h * 0.3), w, horizon)).transpose(Image.Transpose.FLIP_TOP_BOTTOM)
        refl = refl.filter(ImageFilter.GaussianBlur(4))
        img.paste(Image.blend(water, refl, 0.45), (0, horizon))
        for _ in range(40):
            y = rng.uniform(horizon + 5, horizon + h * 0.3)
            x = rng.uniform(0, w)
            blob(img, (x - 90, y - 1.5, x + 90, y + 1.5), (210, 230, 236), blur=1, alpha=90)
        shore = horizon + int(h * 0.3)
        img.paste(vgrad(w, h - shore, [(0, (70, 96, 50)), (1, (40, 56, 30))]), (0, shore))
        trees(img, rng, shore - int(h * 0.03), h * 0.32, (26, 56, 40), 18)
        return finish(warm(img, amount=0.06), rng, 4, 0.35)
    if kind == "grass":
        for _ in range(26):
            x, y = rng.uniform(0, w), rng.uniform(horizon + 10, h)
            s = (y - horizon) / (h - horizon)
            blob(img, (x - 200 * s - 60, y - 20 * s - 6, x + 200 * s + 60, y + 20 * s + 6),
                 jitter(rng, mix(ground, (230, 230, 120), 0.25), 14), blur=18, alpha=120)
        for _ in range(p.get("animals", 14)):
            y = rng.uniform(horizon + 20, horizon + (h - horizon) * 0.5)
            s = 0.3 + (y - horizon) / (h - horizon) * 2
            x = rng.uniform(0.1, 0.9) * w
            col = rng.choice([(96, 60, 36), (60, 40, 30), (150, 110, 80), (220, 210, 200)])
            blob(img, (x - 22 * s, y - 10 * s, x + 22 * s, y + 8 * s), col, blur=1.2)
            blob(img, (x + 16 * s, y - 22 * s, x + 30 * s, y - 6 * s), col, blur=1.2)
            for lx in (-16, -8, 10, 17):
                d.line((x + lx * s, y + 4 * s, x + lx * s, y + 20 * s), fill=col, width=max(1, int(3 * s)))
        trees(img, rng, horizon + 4, h * 0.12, (40, 70, 44), 30)
        return finish(warm(img, amount=0.08), rng, 4, 0.35)
    # perspective rows
    vx, vy = w * p.get("vx", 0.55), horizon - h * 0.02
    nrows = p.get("nrows", 36)
    rowc = p.get("row", (80, 130, 60))
    for i in range(-nrows, nrows + 1):
        xb = vx + i * w / nrows * 1.8
        xb2 = vx + (i + 0.55) * w / nrows * 1.8
        d.polygon([(vx + (xb - vx) * 0.02, horizon), (vx + (xb2 - vx) * 0.02, horizon), (xb2, h), (xb, h)],
                  fill=jitter(rng, rowc, 6))
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    dots = p.get("dots")
    if dots:
        cols, density, dsize = dots
        for _ in range(int(density)):
            t = rng.random() ** 1.6
            y = horizon + t * (h - horizon)
            i = rng.randint(-nrows, nrows)
            frac = (y - horizon) / (h - horizon)
            xb = vx + (i + rng.uniform(0.05, 0.5)) * w / nrows * 1.8
            x = vx + (xb - vx) * (0.02 + 0.98 * frac)
            if not -20 < x < w + 20:
                continue
            r = dsize * (0.15 + frac * 1.3)
            c = jitter(rng, rng.choice(cols), 10)
            if r > 7:
                patch = sphere_patch(r, r * p.get("dot_aspect", 1.0), c, mix(c, (255, 255, 255), 0.5), mix(c, (0, 0, 0), 0.5))
                paste_rgba(img, patch, x, y, angle=rng.uniform(0, 90))
            else:
                blob(img, (x - r, y - r * 0.8, x + r, y + r * 0.8), c, blur=0.6)
    if p.get("tree_line"):
        trees(img, rng, horizon + 2, h * 0.08, p["tree_line"], 60)
    return finish(warm(img, amount=p.get("warm", 0.08)), rng, 4, 0.35)


def trees(img, rng, base, height, color, n):
    w, _ = img.size
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    for _ in range(n):
        x = rng.uniform(-20, w + 20)
        th = height * rng.uniform(0.5, 1.0)
        tw = th * rng.uniform(0.22, 0.32)
        d.polygon([(x, base - th), (x + tw, base), (x - tw, base)], fill=jitter(rng, color, 10) + (255,))
    layer = layer.filter(ImageFilter.GaussianBlur(1.5))
    img.paste(layer, (0, 0), layer)


def scene_interior(size, rng, p):
    w, h = size
    wall = p.get("wall", (200, 190, 170))
    floor_y = int(h * p.get("floor", 0.7))
    img = vgrad(w, h, [(0, mix(wall, (0, 0, 0), 0.35)), (floor_y / h, wall),
                       (floor_y / h + 0.001, mix(p.get("floorc", (120, 110, 100)), (255, 255, 255), 0.1)),
                       (1, mix(p.get("floorc", (120, 110, 100)), (0, 0, 0), 0.3))])
    light = p.get("light", (255, 236, 200))
    # window light
    wx = w * rng.uniform(0.1, 0.6)
    m = Image.new("L", (w, h), 0)
    ImageDraw.Draw(m).polygon([(wx, 0), (wx + w * 0.25, 0), (wx + w * 0.45, h), (wx + w * 0.1, h)], fill=90)
    img.paste(light, (0, 0), m.filter(ImageFilter.GaussianBlur(60)))
    d = ImageDraw.Draw(img)
    kind = p.get("kind")
    if kind == "tanks":
        for i in range(4):
            tx = w * (0.08 + i * 0.24)
            tw, th = w * 0.16, h * 0.62
            cyl = hgrad(int(tw), int(th), [(0, (90, 96, 100)), (0.3, (230, 234, 236)), (0.55, (160, 166, 170)), (1, (70, 74, 78))])
            img.paste(cyl, (int(tx), int(floor_y - th)))
            blob(img, (tx, floor_y - th - tw * 0.18, tx + tw, floor_y - th + tw * 0.18), (200, 204, 208))
            d.line((tx + tw / 2, floor_y - th - 10, tx + tw / 2, h * 0.05), fill=(150, 150, 150), width=8)
    elif kind == "boxes":
        for row in range(5):
            for col in range(9):
                bx = w * (-0.02 + col * 0.115) + (row % 2) * 20
                by = floor_y - (row + 1) * h * 0.12
                box = (bx, by, bx + w * 0.11, by + h * 0.115)
                c = jitter(rng, p.get("box", (196, 160, 110)), 10)
                img.paste(vgrad(int(w * 0.11), int(h * 0.115), [(0, mix(c, (255, 255, 255), 0.15)), (1, mix(c, (0, 0, 0), 0.25))]),
                          (int(box[0]), int(box[1])))
                d.rectangle(box, outline=mix(c, (0, 0, 0), 0.4), width=2)
                d.rectangle((bx + w * 0.03, by + h * 0.04, bx + w * 0.08, by + h * 0.07), fill=mix(c, (120, 40, 30), 0.5))
        blob(img, (0, 0, w, h * 0.4), (180, 210, 240), blur=80, alpha=90)
    elif kind == "looms":
        for i in range(3):
            lx = w * (0.1 + i * 0.3)
            lw, lh = w * 0.22, h * 0.62
            top = floor_y - lh
            d.rectangle((lx, top, lx + lw, top + 18), fill=(90, 60, 40))
            d.rectangle((lx, floor_y - 18, lx + lw, floor_y), fill=(90, 60, 40))
            d.rectangle((lx - 10, top, lx + 8, floor_y), fill=(80, 54, 36))
            d.rectangle((lx + lw - 8, top, lx + lw + 10, floor_y), fill=(80, 54, 36))
            d.rectangle((lx + 8, top + 18, lx + lw - 8, floor_y - 18), fill=(70, 56, 46))
            woven = carpet_pattern((int(lw - 16), int(lh * 0.62)), rng, p.get("carpet", [(150, 30, 36), (30, 50, 110), (226, 200, 150)]))
            img.paste(woven, (int(lx + 8), int(floor_y - 18 - lh * 0.62)))
            for k in range(10, int(lw - 10), 6):
                d.line((lx + k, top + 18, lx + k, floor_y - 18 - lh * 0.62), fill=(236, 226, 206), width=2)
            d.rectangle((lx + 8, floor_y - 18 - lh * 0.62 - 6, lx + lw - 8, floor_y - 18 - lh * 0.62), fill=(120, 84, 56))
            for k in range(6):
                yy = top + 40 + k * 18
                blob(img, (lx + 20 + k * 9, yy, lx + 34 + k * 9, yy + 14), rng.choice(p.get("carpet", [(150, 30, 36), (30, 50, 110), (226, 200, 150)])), blur=1)
        img = img.filter(ImageFilter.GaussianBlur(1.0))
    elif kind == "machines":
        for i in range(5):
            mx = w * (0.02 + i * 0.2)
            mw, mh = w * 0.15, h * rng.uniform(0.35, 0.5)
            c = p.get("machine", (70, 130, 120))
            img.paste(hgrad(int(mw), int(mh), [(0, mix(c, (0, 0, 0), 0.3)), (0.4, mix(c, (255, 255, 255), 0.25)), (1, mix(c, (0, 0, 0), 0.4))]),
                      (int(mx), int(floor_y - mh)))
            d.rectangle((mx + mw * 0.2, floor_y - mh * 0.8, mx + mw * 0.8, floor_y - mh * 0.55), fill=(230, 232, 230))
            d.line((mx + mw / 2, floor_y - mh, mx + mw / 2, 0), fill=(200, 200, 196), width=int(w * 0.012))
        img = img.filter(ImageFilter.GaussianBlur(0.8))
    elif kind == "lattice":
        # Turpan drying house: mud-brick wall with ventilation holes, bunches hanging
        brick = (176, 132, 92)
        img.paste(vgrad(w, h, [(0, mix(brick, (0, 0, 0), 0.3)), (1, brick)]), (0, 0))
        d = ImageDraw.Draw(img)
        bw, bh = w / 16, h / 14
        for r in range(15):
            for c in range(17):
                if (r + c) % 2 == 0:
                    x0 = c * bw + (r % 4) * bw / 4
                    y0 = r * bh
                    blob(img, (x0, y0, x0 + bw * 0.5, y0 + bh * 0.55), (255, 236, 190), blur=2, alpha=220, shape="rect")
        img = img.filter(ImageFilter.GaussianBlur(2))
        for i in range(8):
            x = w * (0.06 + i * 0.125) + rng.uniform(-10, 10)
            d = ImageDraw.Draw(img)
            d.line((x - 60, h * 0.05, x + 60, h * 0.05), fill=(70, 50, 30), width=10)
            for k in range(3):
                bx = x + (k - 1) * 40
                top = h * 0.07
                d.line((bx, h * 0.05, bx, top), fill=(80, 70, 40), width=3)
                grape_bunch(img, rng, bx, top, w * 0.045, h * rng.uniform(0.3, 0.55), p.get("grape", (150, 170, 70)))
    elif kind == "bench":
        d.rectangle((0, floor_y, w, floor_y + h * 0.05), fill=(220, 222, 224))
        for i in range(6):
            gx = w * (0.1 + i * 0.15)
            gh = h * rng.uniform(0.18, 0.32)
            gw = w * rng.uniform(0.04, 0.07)
            glass = Image.new("L", (w, h), 0)
            ImageDraw.Draw(glass).rounded_rectangle((gx, floor_y - gh, gx + gw, floor_y), radius=gw * 0.3, fill=110)
            img.paste((235, 245, 250), (0, 0), glass)
            liquid = p.get("liquid", [(200, 220, 120)])[i % len(p.get("liquid", [(200, 220, 120)]))]
            blob(img, (gx + 4, floor_y - gh * 0.5, gx + gw - 4, floor_y - 4), liquid, blur=2, alpha=200, shape="rect")
            d = ImageDraw.Draw(img)
            d.line((gx + gw * 0.25, floor_y - gh * 0.9, gx + gw * 0.25, floor_y - gh * 0.2), fill=(255, 255, 255), width=3)
        if p.get("fruit"):
            f = p["fruit"]
            for i in range(3):
                paste_rgba(img, sphere_patch(h * 0.07, h * 0.09, f[0], f[1], f[2], shape=p.get("shape", "round")),
                           w * (0.2 + i * 0.08), floor_y - h * 0.07, angle=rng.uniform(-15, 15), shadow=0.4)
        img = img.filter(ImageFilter.GaussianBlur(1.2))
    elif kind == "stage":
        img.paste(vgrad(w, h, [(0, (60, 8, 14)), (0.7, (150, 20, 30)), (1, (60, 20, 20))]), (0, 0))
        for _ in range(40):
            x, y = rng.uniform(0, w), rng.uniform(0, h * 0.35)
            r = rng.uniform(20, 60)
            blob(img, (x - r, y - r, x + r, y + r), rng.choice([(255, 220, 160), (255, 200, 120), (255, 240, 220)]), blur=r * 0.4, alpha=rng.randint(90, 200))
        for sx in (0.2, 0.5, 0.8):
            m = Image.new("L", (w, h), 0)
            ImageDraw.Draw(m).polygon([(w * sx - 20, 0), (w * sx + 20, 0), (w * sx + 160, h * 0.8), (w * sx - 160, h * 0.8)], fill=80)
            img.paste((255, 236, 200), (0, 0), m.filter(ImageFilter.GaussianBlur(40)))
        d = ImageDraw.Draw(img)
        d.rectangle((0, h * 0.78, w, h), fill=(80, 30, 24))
        d.rectangle((w * 0.2, h * 0.22, w * 0.8, h * 0.46), fill=(176, 20, 28))
        blob(img, (w * 0.22, h * 0.3, w * 0.78, h * 0.38), (250, 210, 120), blur=6, alpha=150, shape="rect")
        for i in range(9):
            x = w * (0.1 + i * 0.1)
            s = rng.uniform(0.9, 1.1)
            col = rng.choice([(30, 30, 40), (40, 40, 56), (60, 30, 30)])
            blob(img, (x - 40 * s, h * 0.54, x + 40 * s, h * 0.8), col, blur=2, shape="rect")
            blob(img, (x - 20 * s, h * 0.47, x + 20 * s, h * 0.54), (210, 170, 140), blur=2)
            blob(img, (x - 20 * s, h * 0.46, x + 20 * s, h * 0.49), (30, 24, 20), blur=2)
            blob(img, (x - 30, h * 0.58, x + 30, h * 0.63), (220, 180, 60), blur=2, shape="rect")
        img = img.filter(ImageFilter.GaussianBlur(1.4))
    elif kind == "kitchen":
        img.paste(vgrad(w, h, [(0, (60, 40, 30)), (0.6, (140, 100, 70)), (1, (90, 60, 40))]), (0, 0))
        for _ in range(40):
            x, y = rng.uniform(0, w), rng.uniform(0, h * 0.55)
            r = rng.uniform(30, 90)
            blob(img, (x - r, y - r, x + r, y + r), rng.choice([(255, 200, 120), (255, 170, 90), (250, 230, 200)]), blur=r * 0.6, alpha=rng.randint(60, 160))
        d = ImageDraw.Draw(img)
        d.rectangle((0, h * 0.62, w, h), fill=(110, 76, 50))
        img.paste(wood((w, int(h * 0.38)), rng, (130, 90, 58)), (0, int(h * 0.62)))
        # a big plate of pilaf
        cx, cy = w * 0.5, h * 0.78
        blob(img, (cx - w * 0.3, cy - h * 0.16, cx + w * 0.3, cy + h * 0.18), (30, 20, 12), blur=20, alpha=150)
        blob(img, (cx - w * 0.28, cy - h * 0.16, cx + w * 0.28, cy + h * 0.14), (236, 236, 230), blur=1)
        blob(img, (cx - w * 0.22, cy - h * 0.13, cx + w * 0.22, cy + h * 0.1), (210, 160, 70), blur=2)
        for _ in range(900):
            a, rr = rng.uniform(0, 2 * math.pi), rng.random() ** 0.5
            x, y = cx + math.cos(a) * rr * w * 0.2, cy + math.sin(a) * rr * h * 0.1
            c = rng.choice([(236, 190, 100), (250, 214, 130), (224, 120, 40), (200, 150, 70)])
            blob(img, (x - 5, y - 2.5, x + 5, y + 2.5), c)
        for _ in range(14):
            x, y = cx + rng.uniform(-0.1, 0.1) * w, cy + rng.uniform(-0.06, 0.04) * h
            paste_rgba(img, sphere_patch(w * 0.025, w * 0.02, (120, 70, 40), (200, 140, 90), (60, 30, 16)), x, y, shadow=0.3)
    img = warm(img, light, p.get("warm", 0.1))
    return finish(img, rng, 5, 0.45)


def grape_bunch(img, rng, x, top, width, length, color):
    n = int(length / (width * 0.22))
    for k in range(n):
        t = k / max(1, n - 1)
        row_w = width * (1 - t * 0.8)
        y = top + t * length
        for _ in range(3):
            gx = x + rng.uniform(-row_w / 2, row_w / 2)
            r = width * 0.13
            c = jitter(rng, color, 12)
            paste_rgba(img, sphere_patch(r, r * 1.15, c, mix(c, (255, 255, 230), 0.45), mix(c, (0, 0, 0), 0.5)), gx, y)


def carpet_pattern(size, rng, colors):
    w, h = size
    red, blue, cream = colors[:3]
    img = Image.new("RGB", (w, h), red)
    d = ImageDraw.Draw(img)
    b = max(6, int(min(w, h) * 0.08))
    d.rectangle((0, 0, w - 1, h - 1), outline=blue, width=b)
    d.rectangle((b, b, w - b - 1, h - b - 1), outline=cream, width=max(2, b // 4))
    for x in range(b // 2, w, b):
        d.polygon([(x, b * 0.2), (x + b * 0.35, b * 0.5), (x, b * 0.8), (x - b * 0.35, b * 0.5)], fill=cream)
        d.polygon([(x, h - b * 0.8), (x + b * 0.35, h - b * 0.5), (x, h - b * 0.2), (x - b * 0.35, h - b * 0.5)], fill=cream)
    step = max(20, int(min(w, h) * 0.28))
    for cy in range(int(b * 1.5 + step / 2), h - b, step):
        for cx in range(int(b * 1.5 + step / 2), w - b, step):
            s = step * 0.45
            d.polygon([(cx, cy - s), (cx + s, cy), (cx, cy + s), (cx - s, cy)], fill=blue)
            d.polygon([(cx, cy - s * 0.65), (cx + s * 0.65, cy), (cx, cy + s * 0.65), (cx - s * 0.65, cy)], fill=cream)
            d.polygon([(cx, cy - s * 0.4), (cx + s * 0.4, cy), (cx, cy + s * 0.4), (cx - s * 0.4, cy)], fill=red)
            d.ellipse((cx - s * 0.15, cy - s * 0.15, cx + s * 0.15, cy + s * 0.15), fill=colors[3] if len(colors) > 3 else cream)
            for k in range(4):
                a = k * math.pi / 2 + math.pi / 4
                px, py = cx + math.cos(a) * s * 0.85, cy + math.sin(a) * s * 0.85
                d.ellipse((px - s * 0.09, py - s * 0.09, px + s * 0.09, py + s * 0.09), fill=cream)
    return img


def scene_carpet(size, rng, p):
    w, h = size
    pat = carpet_pattern((int(w * 1.1), int(h * 1.3)), rng, p.get("colors", [(156, 28, 36), (28, 48, 104), (230, 206, 156), (214, 150, 40)]))
    # wool texture: fine vertical jitter then soften
    pat = pat.filter(ImageFilter.GaussianBlur(1.5))
    # gentle perspective: far edge narrower
    pw, ph = pat.size
    coeffs = find_coeffs([(0, 0), (w, 0), (w, h), (0, h)],
                         [(0, 0), (pw, 0), (pw * 0.9, ph), (pw * 0.1, ph)])
    img = pat.transform((w, h), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    light = ImageOps.invert(radial((w, h), center=(w * 0.3, h * 0.2), radius=w * 0.9))
    img = Image.blend(img, ImageChops.screen(img, Image.merge("RGB", (light, light, light)).point(lambda v: v // 3)), 0.8)
    blurred = img.filter(ImageFilter.GaussianBlur(6))
    img.paste(blurred, (0, 0), vgrad(w, h, [(0, (255,) * 3), (0.3, (0,) * 3), (1, (0,) * 3)]).convert("L"))
    return finish(img, rng, 6, 0.4)


def find_coeffs(pa, pb):
    """Coefficients for Image.PERSPECTIVE mapping output points pa to input pb."""
    import itertools
    m = []
    for p1, p2 in zip(pa, pb):
        m.append([p1[0], p1[1], 1, 0, 0, 0, -p2[0] * p1[0], -p2[0] * p1[1]])
        m.append([0, 0, 0, p1[0], p1[1], 1, -p2[1] * p1[0], -p2[1] * p1[1]])
    b = list(itertools.chain(*pb))
    # solve 8x8 by Gauss-Jordan elimination
    n = 8
    a = [row[:] + [b[i]] for i, row in enumerate(m)]
    for c in range(n):
        piv = max(range(c, n), key=lambda r: abs(a[r][c]))
        a[c], a[piv] = a[piv], a[c]
        for r in range(n):
            if r != c:
                f = a[r][c] / a[c][c]
                a[r] = [x - f * y for x, y in zip(a[r], a[c])]
    return [a[i][n] / a[i][i] for i in range(n)]


def scene_textile(size, rng, p):
    w, h = size
    kind = p.get("kind", "cones")
    if kind == "fabric":
        base = p.get("color", (150, 186, 216))
        img = Image.new("RGB", (w, h), base)
        layers = 6
        for i in range(layers):
            y0 = h * (i / layers) - h * 0.05
            band_h = int(h / layers * 1.6)
            c = jitter(rng, base if i % 2 == 0 else p.get("color2", (236, 240, 244)), 8)
            # folds: sinusoidal brightness across x
            ph1, ph2 = rng.uniform(0, 6), rng.uniform(0, 6)
            row = Image.new("RGB", (w, 1))
            row.putdata([mix(mix(c, (0, 0, 0), 0.3), mix(c, (255, 255, 255), 0.35),
                             0.5 + 0.35 * math.sin(x / w * 9 + ph1) + 0.15 * math.sin(x / w * 23 + ph2)) for x in range(w)])
            band = row.resize((w, band_h))
            shade = vgrad(w, band_h, [(0, (255,) * 3), (0.8, (235,) * 3), (1, (120,) * 3)])
            band = ImageChops.multiply(band, shade)
            m = Image.new("L", (w, band_h), 0)
            wave = [(x, 10 + 8 * math.sin(x / w * 7 + ph1)) for x in range(0, w + 20, 20)]
            ImageDraw.Draw(m).polygon(wave + [(w, band_h), (0, band_h)], fill=255)
            img.paste(band, (0, int(y0)), m.filter(ImageFilter.GaussianBlur(2)))
            blob(img, (0, y0 + band_h - 14, w, y0 + band_h + 6), (40, 50, 60), blur=10, alpha=90, shape="rect")
        return finish(warm(img, amount=0.05), rng, 5, 0.4)
    # rows of yarn cones in a spinning mill
    img = vgrad(w, h, [(0, (200, 214, 226)), (0.5, (170, 186, 200)), (1, (110, 120, 130))])
    img = bokeh(size, rng, [(240, 246, 250), (180, 196, 210), (120, 140, 160)], 60, 40, 140, 30, base=img)
    cone = p.get("cone", (246, 246, 240))
    rows = p.get("rows", 5)
    for j in range(rows):
        t = j / (rows - 1)
        y = h * (0.22 + 0.78 * t ** 1.2)
        s = 0.35 + 1.1 * t
        cw, ch = w * 0.05 * s, h * 0.14 * s
        x = -rng.uniform(0, cw)
        shelf = (140, 150, 160)
        d = ImageDraw.Draw(img)
        d.rectangle((0, y, w, y + 8 * s), fill=shelf)
        while x < w + cw:
            c = jitter(rng, cone, 6) if not p.get("colors") else jitter(rng, rng.choice(p["colors"]), 6)
            poly = Image.new("L", (int(cw * 2) + 4, int(ch) + 4), 0)
            ImageDraw.Draw(poly).polygon([(cw * 0.45, 2), (cw * 1.55, 2), (cw * 2, ch), (0, ch)], fill=255)
            body = hgrad(poly.width, poly.height, [(0, mix(c, (0, 0, 0), 0.35)), (0.35, mix(c, (255, 255, 255), 0.4)), (1, mix(c, (0, 0, 0), 0.45))])
            for k in range(0, poly.height, max(2, int(3 * s))):
                ImageDraw.Draw(body).line((0, k, poly.width, k), fill=mix(c, (0, 0, 0), 0.12))
            img.paste(body, (int(x), int(y - ch)), poly)
            d = ImageDraw.Draw(img)
            d.rectangle((x + cw * 0.85, y - ch - 10 * s, x + cw * 1.15, y - ch + 4), fill=(200, 120, 40))
            x += cw * 2.3
        if j < rows - 2:
            img = img.filter(ImageFilter.GaussianBlur(0.8))
    return finish(warm(img, (240, 248, 255), 0.08), rng, 5, 0.4)


def scene_city(size, rng, p):
    w, h = size
    img = vgrad(w, h, [(0, (28, 36, 80)), (0.45, (120, 80, 120)), (0.7, (240, 150, 90)), (1, (60, 40, 50))])
    base_y = h * 0.72
    d = ImageDraw.Draw(img)
    for layer, (col, hmin, hmax) in enumerate([((70, 60, 90), 0.15, 0.45), ((36, 30, 50), 0.1, 0.35)]):
        x = -20
        while x < w:
            bw = rng.uniform(40, 140)
            bh = h * rng.uniform(hmin, hmax)
            d.rectangle((x, base_y - bh, x + bw, base_y + 10), fill=col)
            if layer == 1:
                for wy in range(int(base_y - bh + 10), int(base_y), 14):
                    for wx in range(int(x + 6), int(x + bw - 6), 12):
                        if rng.random() < 0.45:
                            d.rectangle((wx, wy, wx + 5, wy + 7), fill=rng.choice([(255, 214, 140), (255, 236, 190), (240, 190, 110)]))
            x += bw + rng.uniform(2, 10)
    if p.get("tower"):
        tx = w * 0.62
        d.polygon([(tx - 30, base_y), (tx - 18, h * 0.18), (tx + 18, h * 0.18), (tx + 30, base_y)], fill=(150, 100, 70))
        d.ellipse((tx - 30, h * 0.12, tx + 30, h * 0.2), fill=(170, 120, 80))
        d.polygon([(tx - 6, h * 0.13), (tx, h * 0.06), (tx + 6, h * 0.13)], fill=(170, 120, 80))
        for yy in range(int(h * 0.22), int(base_y), 40):
            d.line((tx - 24, yy, tx + 24, yy), fill=(110, 70, 50), width=3)
        d.rectangle((w * 0.3, base_y - h * 0.2, w * 0.56, base_y), fill=(160, 110, 76))
        for k in range(5):
            ax = w * 0.31 + k * w * 0.05
            d.rounded_rectangle((ax + 6, base_y - h * 0.15, ax + w * 0.04, base_y), radius=20, fill=(90, 56, 40))
    street = vgrad(w, int(h - base_y), [(0, (60, 46, 56)), (1, (24, 20, 26))])
    img.paste(street, (0, int(base_y)))
    lights = Image.new("RGB", (w, h), (0, 0, 0))
    for _ in range(70):
        x, y = rng.uniform(0, w), rng.uniform(base_y - h * 0.05, h)
        r = rng.uniform(10, 50) * (0.5 + (y - base_y) / h * 3)
        blob(lights, (x - r, y - r, x + r, y + r), rng.choice([(255, 170, 80), (255, 220, 150), (250, 80, 60), (255, 255, 230)]), alpha=rng.randint(80, 200))
    img = ImageChops.screen(img, lights.filter(ImageFilter.GaussianBlur(8)))
    if p.get("bus"):
        bx, by, bw, bh = w * 0.08, h * 0.58, w * 0.6, h * 0.26
        img.paste(hgrad(int(bw), int(bh), [(0, (200, 206, 214)), (0.5, (240, 242, 246)), (1, (150, 156, 166))]), (int(bx), int(by)))
        d = ImageDraw.Draw(img)
        d.rectangle((bx, by + bh * 0.55, bx + bw, by + bh * 0.65), fill=(30, 110, 170))
        for k in range(8):
            wx = bx + 20 + k * (bw - 40) / 8
            d.rectangle((wx, by + bh * 0.12, wx + (bw - 40) / 8 - 8, by + bh * 0.45), fill=(50, 60, 80))
            blob(img, (wx + 4, by + bh * 0.14, wx + 30, by + bh * 0.3), (255, 200, 150), blur=4, alpha=90)
        for k in (0.18, 0.82):
            d.ellipse((bx + bw * k - 40, by + bh - 40, bx + bw * k + 40, by + bh + 40), fill=(20, 20, 24))
        img = img.filter(ImageFilter.GaussianBlur(0.8))
    return finish(img, rng, 6, 0.4)


def scene_reeds(size, rng, p):
    w, h = size
    img = sky(size, (120, 160, 200), (236, 214, 180), glow=(w * 0.3, h * 0.45, w * 0.5, (255, 220, 170)), rng=rng, clouds=2)
    wy = int(h * 0.5)
    water = vgrad(w, h - wy, [(0, (200, 190, 170)), (1, (70, 96, 120))])
    img.paste(water, (0, wy))
    for _ in range(60):
        y, x = rng.uniform(wy, h), rng.uniform(0, w)
        blob(img, (x - 120, y - 1.5, x + 120, y + 1.5), (240, 228, 206), blur=1, alpha=80)
    for layer in range(3):
        reed = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        d = ImageDraw.Draw(reed)
        n = [70, 60, 30][layer]
        col = [(150, 130, 90), (120, 100, 60), (90, 70, 40)][layer]
        base = h * [0.62, 0.8, 1.02][layer]
        for _ in range(n):
            x = rng.uniform(-20, w + 20)
            hh = h * rng.uniform(0.35, 0.6) * (0.6 + 0.3 * layer)
            bend = rng.uniform(-60, 60)
            pts = [(x + bend * (t / 10) ** 2, base - hh * t / 10) for t in range(11)]
            d.line(pts, fill=jitter(rng, col, 10) + (255,), width=2 + layer)
            tx, ty = pts[-1]
            d.ellipse((tx - 10 - 4 * layer, ty - 30 - 10 * layer, tx + 10 + 4 * layer, ty + 10), fill=jitter(rng, (196, 170, 130), 10) + (230,))
        reed = reed.filter(ImageFilter.GaussianBlur([2.5, 1.2, 3.5][layer]))
        img.paste(reed, (0, 0), reed)
    return finish(warm(img, amount=0.12), rng, 5, 0.4)


def scene_bottles(size, rng, p):
    w, h = size
    img = bokeh(size, rng, [(150, 110, 190), (190, 160, 220), (90, 70, 120), (230, 220, 240)], 90, 50, 180, 50)
    table_y = int(h * 0.68)
    img.paste(wood((w, h - table_y), rng, (170, 140, 110)), (0, table_y))
    for i in range(5):
        bx = w * (0.18 + i * 0.15)
        bw, bh = w * 0.07, h * (0.32 + 0.04 * (i % 2))
        top = table_y - bh + h * 0.03
        m = Image.new("L", (w, h), 0)
        md = ImageDraw.Draw(m)
        md.rounded_rectangle((bx - bw / 2, top + bh * 0.3, bx + bw / 2, table_y + h * 0.03), radius=bw * 0.2, fill=255)
        md.polygon([(bx - bw / 2, top + bh * 0.32), (bx - bw * 0.16, top + bh * 0.12), (bx + bw * 0.16, top + bh * 0.12), (bx + bw / 2, top + bh * 0.32)], fill=255)
        md.rectangle((bx - bw * 0.16, top, bx + bw * 0.16, top + bh * 0.14), fill=255)
        glass = hgrad(w, h, [(0, (60, 30, 10))] + [((bx - bw / 2) / w, (60, 30, 10)), (bx / w, (150, 90, 30)), ((bx + bw / 2) / w, (50, 24, 8)), (1, (50, 24, 8))])
        img.paste(glass, (0, 0), m)
        ImageDraw.Draw(img).rectangle((bx - bw * 0.2, top - h * 0.04, bx + bw * 0.2, top + h * 0.01), fill=(30, 30, 34))
        blob(img, (bx - bw * 0.32, top + bh * 0.36, bx - bw * 0.18, table_y - 10), (255, 240, 220), blur=3, alpha=140, shape="rect")
        blob(img, (bx - bw * 0.34, top + bh * 0.5, bx + bw * 0.34, top + bh * 0.72), (240, 236, 228), blur=1, shape="rect")
        blob(img, (bx - bw * 0.2, top + bh * 0.58, bx + bw * 0.2, top + bh * 0.63), (120, 90, 160), blur=1, shape="rect")
    # a few lavender sprigs on the table
    for i in range(3):
        x0, y0 = w * rng.uniform(0.05, 0.3), h * rng.uniform(0.8, 0.95)
        d = ImageDraw.Draw(img)
        x1, y1 = x0 + w * 0.25, y0 - h * 0.08
        d.line((x0, y0, x1, y1), fill=(90, 110, 70), width=4)
        for k in range(12):
            t = 0.55 + k * 0.04
            fx, fy = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
            blob(img, (fx - 9, fy - 6, fx + 9, fy + 6), jitter(rng, (120, 90, 180), 12), blur=1)
    return finish(warm(img, amount=0.1), rng, 5, 0.45)


def scene_noodles(size, rng, p):
    w, h = size
    img = wood(size, rng, (170, 126, 84))
    flour = Image.new("L", (w, h), 0)
    for _ in range(30):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(40, 160)
        blob(flour, (x - r, y - r * 0.6, x + r, y + r * 0.6), 255, blur=30, alpha=rng.randint(40, 110))
    img.paste((246, 240, 228), (0, 0), flour)
    layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    for k in range(46):
        y0 = h * 0.2 + k * h * 0.013 + rng.uniform(-6, 6)
        amp, ph, fr = rng.uniform(8, 30), rng.uniform(0, 6), rng.uniform(3, 6)
        pts = [(x, y0 + amp * math.sin(x / w * fr + ph) + 40 * math.sin(x / w * 2 + k * 0.1)) for x in range(int(w * 0.05), int(w * 0.95), 12)]
        d.line([(x + 3, y + 4) for x, y in pts], fill=(120, 90, 50, 90), width=9)
        d.line(pts, fill=jitter(rng, (242, 226, 180), 8) + (255,), width=9)
        d.line([(x, y - 2) for x, y in pts], fill=(255, 250, 232, 200), width=3)
    img.paste(layer.filter(ImageFilter.GaussianBlur(0.8)), (0, 0), layer.filter(ImageFilter.GaussianBlur(0.8)))
    return finish(warm(img, amount=0.12), rng, 5, 0.45)


SCENES = {
    "orchard": scene_orchard,
    "blossom": scene_blossom,
    "pile": scene_pile,
    "cut": scene_cut_fruit,
    "landscape": scene_landscape,
    "interior": scene_interior,
    "carpet": scene_carpet,
    "textile": scene_textile,
    "city": scene_city,
    "reeds": scene_reeds,
    "bottles": scene_bottles,
    "noodles": scene_noodles,
}


# --------------------------------------------------------------------------
# logos: 400x400 RGBA with a transparent background


def logo(rng, motif, primary, secondary, badge="circle"):
    S = 4
    W = LOGO[0] * S
    img = Image.new("RGBA", (W, W), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    m = W * 0.04
    white = (255, 255, 255, 255)
    p = tuple(primary) + (255,)
    s = tuple(secondary) + (255,)
    if badge == "circle":
        d.ellipse((m, m, W - m, W - m), fill=p)
        d.ellipse((m * 2.6, m * 2.6, W - m * 2.6, W - m * 2.6), outline=white, width=int(W * 0.012))
    elif badge == "rounded":
        d.rounded_rectangle((m, m, W - m, W - m), radius=W * 0.18, fill=p)
        d.rounded_rectangle((m * 2.6, m * 2.6, W - m * 2.6, W - m * 2.6), radius=W * 0.14, outline=white, width=int(W * 0.012))
    else:  # hexagon
        pts = [(W / 2 + math.cos(math.pi / 6 + k * math.pi / 3) * (W / 2 - m),
                W / 2 + math.sin(math.pi / 6 + k * math.pi / 3) * (W / 2 - m)) for k in range(6)]
        d.polygon(pts, fill=p)
        pts2 = [(W / 2 + math.cos(math.pi / 6 + k * math.pi / 3) * (W / 2 - m * 2.8),
                 W / 2 + math.sin(math.pi / 6 + k * math.pi / 3) * (W / 2 - m * 2.8)) for k in range(6)]
        d.polygon(pts2, outline=white, width=int(W * 0.012))
    c = W / 2
    u = W / 100  # one "unit"

    def leaf(x, y, length, angle, col):
        pts = []
        for i in range(21):
            t = i / 20
            pts.append((t * length, -math.sin(math.pi * t) * length * 0.22))
        for i in range(20, -1, -1):
            t = i / 20
            pts.append((t * length, math.sin(math.pi * t) * length * 0.22))
        ca, sa = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        d.polygon([(x + px * ca - py * sa, y + px * sa + py * ca) for px, py in pts], fill=col)

    if motif == "pear":
        d.ellipse((c - 22 * u, c - 4 * u, c + 22 * u, c + 34 * u), fill=white)
        d.ellipse((c - 13 * u, c - 24 * u, c + 13 * u, c + 8 * u), fill=white)
        d.polygon([(c - 18 * u, c + 6 * u), (c - 11 * u, c - 10 * u), (c + 11 * u, c - 10 * u), (c + 18 * u, c + 6 * u)], fill=white)
        d.line((c, c - 22 * u, c + 3 * u, c - 32 * u), fill=s, width=int(3 * u))
        leaf(c + 3 * u, c - 30 * u, 20 * u, -20, s)
    elif motif == "apple":
        d.ellipse((c - 30 * u, c - 20 * u, c + 8 * u, c + 28 * u), fill=white)
        d.ellipse((c - 8 * u, c - 20 * u, c + 30 * u, c + 28 * u), fill=white)
        d.ellipse((c - 22 * u, c - 8 * u, c + 22 * u, c + 32 * u), fill=white)
        d.line((c, c - 16 * u, c + 2 * u, c - 30 * u), fill=s, width=int(3 * u))
        leaf(c + 2 * u, c - 26 * u, 20 * u, -30, s)
    elif motif == "grapes":
        for row, n in enumerate([4, 3, 2, 1]):
            for k in range(n):
                x = c + (k - (n - 1) / 2) * 13 * u
                y = c - 14 * u + row * 12 * u
                d.ellipse((x - 7 * u, y - 7 * u, x + 7 * u, y + 7 * u), fill=white)
        d.line((c, c - 22 * u, c, c - 32 * u), fill=s, width=int(3 * u))
        leaf(c, c - 28 * u, 22 * u, -15, s)
    elif motif == "melon":
        d.ellipse((c - 32 * u, c - 22 * u, c + 32 * u, c + 22 * u), fill=white)
        for k in (11, 22):
            d.ellipse((c - k * u, c - 22 * u, c + k * u, c + 22 * u), outline=s, width=int(2.5 * u))
        d.line((c, c - 22 * u, c, c + 22 * u), fill=s, width=int(2.5 * u))
        d.line((c, c - 22 * u, c + 4 * u, c - 30 * u), fill=s, width=int(3 * u))
    elif motif == "jujube":
        for ox, oy, ang in ((-12, 6, 25), (13, 2, -20)):
            ca, sa = math.cos(math.radians(ang)), math.sin(math.radians(ang))
            pts = [(c + ox * u + (11 * math.cos(t / 48 * math.pi * 2) * ca - 19 * math.sin(t / 48 * math.pi * 2) * sa) * u,
                    c + oy * u + (11 * math.cos(t / 48 * math.pi * 2) * sa + 19 * math.sin(t / 48 * math.pi * 2) * ca) * u) for t in range(48)]
            d.polygon(pts, fill=white)
        d.line((c - 4 * u, c - 12 * u, c + 2 * u, c - 24 * u), fill=s, width=int(2.5 * u))
        d.line((c + 8 * u, c - 15 * u, c + 2 * u, c - 24 * u), fill=s, width=int(2.5 * u))
        leaf(c + 2 * u, c - 24 * u, 22 * u, -30, s)
    elif motif == "walnut":
        d.ellipse((c - 26 * u, c - 30 * u, c + 26 * u, c + 30 * u), fill=white)
        d.line((c, c - 30 * u, c, c + 30 * u), fill=p, width=int(3 * u))
        for k in (-14, 0, 14):
            d.arc((c - 20 * u, c + k * u - 6 * u, c - 4 * u, c + k * u + 6 * u), 180, 360, fill=p, width=int(2 * u))
            d.arc((c + 4 * u, c + k * u - 6 * u, c + 20 * u, c + k * u + 6 * u), 0, 180, fill=p, width=int(2 * u))
    elif motif == "lavender":
        for k, ang in enumerate((-18, 0, 18)):
            bx, by = c, c + 32 * u
            tx = bx + math.sin(math.radians(ang)) * 60 * u
            ty = by - math.cos(math.radians(ang)) * 60 * u
            d.line((bx, by, tx, ty), fill=white, width=int(2.5 * u))
            for j in range(7):
                t = 0.45 + j * 0.08
                fx, fy = bx + (tx - bx) * t, by + (ty - by) * t
                d.ellipse((fx - 4.5 * u, fy - 3 * u, fx + 4.5 * u, fy + 3 * u), fill=s)
    elif motif == "cotton":
        d.line((c, c + 18 * u, c, c + 36 * u), fill=s, width=int(3 * u))
        for k in range(5):
            a = -math.pi / 2 + math.pi / 5 + k * 2 * math.pi / 5
            x, y = c + math.cos(a) * 33 * u, c - 4 * u + math.sin(a) * 33 * u
            d.polygon([(c + math.cos(a - 0.35) * 14 * u, c - 4 * u + math.sin(a - 0.35) * 14 * u), (x, y),
                       (c + math.cos(a + 0.35) * 14 * u, c - 4 * u + math.sin(a + 0.35) * 14 * u)], fill=s)
        for k in range(5):
            a = -math.pi / 2 + k * 2 * math.pi / 5
            x, y = c + math.cos(a) * 13 * u, c - 4 * u + math.sin(a) * 13 * u
            d.ellipse((x - 12 * u, y - 12 * u, x + 12 * u, y + 12 * u), fill=white)
            d.ellipse((x - 12 * u, y - 12 * u, x + 12 * u, y + 12 * u), outline=p, width=int(0.8 * u))
    elif motif == "tomato":
        d.ellipse((c - 30 * u, c - 22 * u, c + 30 * u, c + 30 * u), fill=white)
        pts = []
        for k in range(10):
            a = -math.pi / 2 + k * math.pi / 5
            r = 16 * u if k % 2 == 0 else 5 * u
            pts.append((c + math.cos(a) * r, c - 18 * u + math.sin(a) * r * 0.6))
        d.polygon(pts, fill=s)
        d.line((c, c - 20 * u, c + 3 * u, c - 30 * u), fill=s, width=int(3 * u))
    elif motif == "carpet":
        for k, col in enumerate((white, s, white, p)):
            r = (32 - k * 8) * u
            d.polygon([(c, c - r), (c + r, c), (c, c + r), (c - r, c)], fill=col)
        for k in range(4):
            a = k * math.pi / 2
            x, y = c + math.cos(a) * 36 * u, c + math.sin(a) * 36 * u
            d.ellipse((x - 3 * u, y - 3 * u, x + 3 * u, y + 3 * u), fill=white)
    elif motif == "bowl":
        d.pieslice((c - 30 * u, c - 22 * u, c + 30 * u, c + 30 * u), 0, 180, fill=white)
        d.rectangle((c - 10 * u, c + 28 * u, c + 10 * u, c + 32 * u), fill=white)
        for k in (-12, 0, 12):
            d.arc((c + k * u - 5 * u, c - 28 * u, c + k * u + 5 * u, c - 14 * u), 90, 270, fill=s, width=int(2.5 * u))
            d.arc((c + k * u - 5 * u, c - 16 * u, c + k * u + 5 * u, c - 2 * u), -90, 90, fill=s, width=int(2.5 * u))
    elif motif == "naan":
        d.ellipse((c - 32 * u, c - 32 * u, c + 32 * u, c + 32 * u), fill=white)
        d.ellipse((c - 14 * u, c - 14 * u, c + 14 * u, c + 14 * u), fill=s)
        for k in range(16):
            a = k * 2 * math.pi / 16
            x, y = c + math.cos(a) * 22 * u, c + math.sin(a) * 22 * u
            d.ellipse((x - 2 * u, y - 2 * u, x + 2 * u, y + 2 * u), fill=p)
        for k in range(8):
            a = k * 2 * math.pi / 8
            x, y = c + math.cos(a) * 7 * u, c + math.sin(a) * 7 * u
            d.ellipse((x - 1.6 * u, y - 1.6 * u, x + 1.6 * u, y + 1.6 * u), fill=white)
    elif motif == "wheat":
        d.line((c, c + 36 * u, c, c - 30 * u), fill=white, width=int(3 * u))
        for j in range(5):
            y = c - 18 * u + j * 10 * u
            leaf(c + 1.5 * u, y, 14 * u, -55, white)
            leaf(c - 1.5 * u, y, 14 * u, -125, white)
        leaf(c, c - 22 * u, 14 * u, -90, white)
        for k in (-1, 1):
            d.line((c + k * 4 * u, c + 24 * u, c + k * 22 * u, c + 6 * u), fill=s, width=int(2 * u))
    elif motif == "reed":
        for k, ang in enumerate((-22, -8, 8, 22)):
            bx, by = c + (k - 1.5) * 6 * u, c + 34 * u
            tx = bx + math.sin(math.radians(ang)) * 58 * u
            ty = by - math.cos(math.radians(ang)) * 58 * u
            d.line((bx, by, tx, ty), fill=white, width=int(2.2 * u))
            d.ellipse((tx - 4 * u, ty - 10 * u, tx + 4 * u, ty + 6 * u), fill=s)
        d.arc((c - 34 * u, c + 20 * u, c + 34 * u, c + 44 * u), 200, 340, fill=white, width=int(2.5 * u))
    elif motif == "mountain":
        d.ellipse((c + 8 * u, c - 30 * u, c + 26 * u, c - 12 * u), fill=s)
        d.polygon([(c - 36 * u, c + 22 * u), (c - 10 * u, c - 20 * u), (c + 8 * u, c + 4 * u), (c + 18 * u, c - 6 * u), (c + 36 * u, c + 22 * u)], fill=white)
        d.polygon([(c - 10 * u, c - 20 * u), (c - 17 * u, c - 9 * u), (c - 10 * u, c - 12 * u), (c - 4 * u, c - 8 * u)], fill=s)
        d.line((c - 36 * u, c + 30 * u, c + 36 * u, c + 30 * u), fill=white, width=int(3 * u))
    elif motif == "arch":
        d.rectangle((c - 30 * u, c - 10 * u, c + 30 * u, c + 32 * u), fill=white)
        d.pieslice((c - 30 * u, c - 40 * u, c + 30 * u, c + 20 * u), 180, 360, fill=white)
        d.rectangle((c - 12 * u, c + 2 * u, c + 12 * u, c + 32 * u), fill=p)
        d.pieslice((c - 12 * u, c - 10 * u, c + 12 * u, c + 14 * u), 180, 360, fill=p)
    img = img.resize(LOGO, Image.LANCZOS)
    return img


# --------------------------------------------------------------------------
# what to draw

PEAR = [((196, 206, 90), (240, 244, 170), (100, 120, 40))]
PEAR_BLUSH = [((196, 206, 90), (240, 244, 170), (100, 120, 40)), ((206, 190, 80), (246, 230, 160), (150, 90, 40))]
APPLE = [((180, 30, 36), (240, 110, 90), (80, 10, 16)), ((196, 48, 40), (250, 150, 110), (100, 20, 20))]
JUJUBE = [((140, 30, 30), (220, 110, 90), (60, 10, 10)), ((120, 24, 28), (200, 90, 80), (50, 8, 10))]
RAISIN = [((150, 156, 70), (210, 210, 130), (70, 76, 30)), ((130, 140, 60), (190, 196, 120), (60, 66, 24))]

BRANDS = {
    "korla-fragrant-pear": {
        "logo": ("pear", (92, 140, 48), (226, 200, 60), "circle"),
        "orchard.jpg": (COVER, "orchard", {"fruit": PEAR[0], "shape": "pear", "count": 6}),
        "blossom.jpg": (GALLERY, "blossom", {}),
        "harvest.jpg": (GALLERY, "orchard", {"fruit": PEAR_BLUSH[1], "shape": "pear", "count": 5, "size": (0.06, 0.09), "warm": 0.2}),
        "sorting.jpg": (GALLERY, "pile", {"fruit": PEAR_BLUSH, "shape": "pear", "aspect": 1.25, "size": (0.045, 0.06), "crate": (150, 110, 70)}),
    },
    "aksu-apple": {
        "logo": ("apple", (178, 32, 40), (70, 130, 50), "circle"),
        "orchard.jpg": (COVER, "orchard", {"fruit": APPLE[0], "shape": "apple", "count": 7, "aspect": 0.92}),
        "sugar-core.jpg": (GALLERY, "cut", {"kind": "apple"}),
        "packing.jpg": (GALLERY, "pile", {"fruit": APPLE, "shape": "apple", "aspect": 0.92, "size": (0.05, 0.065), "bg": (200, 180, 150), "crate": (210, 190, 160)}),
    },
    "turpan-raisins": {
        "logo": ("grapes", (104, 52, 120), (120, 170, 60), "rounded"),
        "vineyard.jpg": (COVER, "landscape", {"ground": (130, 120, 80), "row": (70, 120, 50), "nrows": 28, "snow": False,
                                              "far": (176, 120, 100), "mid": (160, 96, 70), "sky_top": (100, 150, 210),
                                              "dots": ([(150, 170, 70), (120, 150, 60)], 900, 16), "warm": 0.15}),
        "drying-house.jpg": (GALLERY, "interior", {"kind": "lattice"}),
        "green-raisins.jpg": (GALLERY, "pile", {"fruit": RAISIN, "size": (0.018, 0.026), "aspect": 1.3, "rows": 22, "bg": (120, 100, 60), "wrinkle": True, "hl": 0.35, "dof": 6}),
    },
    "hami-melon": {
        "logo": ("melon", (214, 150, 40), (90, 130, 60), "circle"),
        "melon-field.jpg": (COVER, "landscape", {"ground": (150, 140, 100), "row": (80, 126, 60), "nrows": 22, "far": (170, 160, 150), "mid": (150, 130, 110),
                                                 "dots": ([(206, 196, 110), (190, 190, 120)], 380, 30), "dot_aspect": 0.8}),
        "melon-cut.jpg": (GALLERY, "cut", {"kind": "melon", "wood": (120, 90, 64)}),
        "cold-storage.jpg": (GALLERY, "interior", {"kind": "boxes", "wall": (176, 196, 214), "light": (220, 236, 255), "box": (210, 180, 120)}),
    },
    "hotan-jujube": {
        "logo": ("jujube", (150, 30, 36), (80, 130, 50), "hexagon"),
        "jujube-harvest.jpg": (COVER, "orchard", {"fruit": JUJUBE[0], "aspect": 1.3, "count": 12, "size": (0.022, 0.03),
                                                   "bokeh": [(160, 150, 100), (120, 130, 70), (210, 200, 160), (90, 100, 50)], "sky": (220, 210, 180), "warm": 0.2}),
        "dried-jujubes.jpg": (GALLERY, "pile", {"fruit": JUJUBE, "aspect": 1.35, "size": (0.035, 0.045), "rows": 12, "bg": (190, 160, 110), "wrinkle": True, "hl": 0.4}),
        "jujube-grove.jpg": (GALLERY, "landscape", {"ground": (190, 170, 120), "row": (90, 110, 60), "nrows": 16, "far": (200, 190, 170), "mid": (190, 170, 140),
                                                    "snow": False, "sky_top": (140, 170, 200), "sky_bottom": (236, 222, 196), "warm": 0.2}),
    },
    "wensu-walnut": {
        "logo": ("walnut", (120, 84, 48), (90, 130, 50), "circle"),
        "walnut-grove.jpg": (COVER, "orchard", {"fruit": ((110, 150, 60), (190, 210, 120), (50, 80, 30)), "count": 8, "size": (0.035, 0.05), "leaves": 80}),
    },
    "yili-lavender": {
        "logo": ("lavender", (110, 84, 170), (200, 180, 240), "circle"),
        "lavender-field.jpg": (COVER, "landscape", {"ground": (120, 100, 150), "row": (124, 92, 176), "nrows": 40,
                                                    "dots": ([(150, 120, 200), (110, 80, 170)], 1600, 9), "tree_line": (60, 90, 60), "horizon": 0.42}),
        "distillery.jpg": (GALLERY, "interior", {"kind": "tanks", "wall": (210, 206, 200)}),
        "bottles.jpg": (GALLERY, "bottles", {}),
    },
    "xinjiang-cotton-textile": {
        "logo": ("cotton", (40, 100, 170), (110, 160, 80), "rounded"),
        "spinning.jpg": (COVER, "textile", {"kind": "cones"}),
        "cotton-field.jpg": (GALLERY, "landscape", {"ground": (90, 110, 70), "row": (70, 100, 60), "nrows": 30,
                                                    "dots": ([(250, 250, 248), (236, 236, 232)], 1800, 10), "sky_top": (60, 120, 200)}),
        "yarn.jpg": (GALLERY, "textile", {"kind": "cones", "rows": 4, "colors": [(246, 246, 240), (200, 220, 240), (246, 246, 240)]}),
        "fabric.jpg": (GALLERY, "textile", {"kind": "fabric"}),
    },
    "changji-tomato": {
        "logo": ("tomato", (200, 40, 36), (60, 120, 50), "circle"),
        "tomato-field.jpg": (COVER, "landscape", {"ground": (90, 110, 60), "row": (70, 110, 50), "nrows": 34,
                                                  "dots": ([(210, 40, 30), (190, 30, 30), (230, 70, 40)], 1500, 12), "tree_line": (50, 80, 50)}),
    },
    "hotan-carpet": {
        "logo": ("carpet", (150, 30, 40), (30, 50, 110), "hexagon"),
        "loom.jpg": (COVER, "interior", {"kind": "looms", "wall": (220, 206, 180)}),
        "pattern.jpg": (GALLERY, "carpet", {}),
        "workshop.jpg": (GALLERY, "interior", {"kind": "looms", "wall": (236, 226, 206), "carpet": [(30, 60, 120), (150, 30, 40), (230, 210, 170)]}),
    },
    "yili-horse-milk": {
        "logo": ("bowl", (60, 130, 110), (200, 230, 220), "circle"),
        "pasture.jpg": (COVER, "landscape", {"kind": "grass", "ground": (100, 150, 70), "horizon": 0.5}),
    },
    "qitai-flour": {
        "logo": ("wheat", (200, 150, 50), (255, 240, 200), "circle"),
        "wheat-field.jpg": (COVER, "landscape", {"ground": (200, 170, 80), "row": (214, 180, 90), "nrows": 50,
                                                 "dots": ([(230, 200, 110), (210, 170, 80)], 1200, 7), "far": (160, 170, 190), "warm": 0.18}),
        "mill.jpg": (GALLERY, "interior", {"kind": "machines", "wall": (226, 226, 220)}),
        "noodles.jpg": (GALLERY, "noodles", {}),
    },
    "bohu-reed-crafts": {
        "logo": ("reed", (170, 130, 70), (240, 220, 170), "rounded"),
        "reeds.jpg": (GALLERY, "reeds", {}),
    },
    "urumqi-tourism-service": {
        "logo": ("mountain", (30, 110, 170), (250, 190, 60), "circle"),
        "bazaar.jpg": (COVER, "city", {"tower": True}),
        "heavenly-lake.jpg": (GALLERY, "landscape", {"kind": "lake", "horizon": 0.46, "far": (140, 160, 190), "mid": (60, 90, 80)}),
        "tour-bus.jpg": (GALLERY, "city", {"bus": True}),
    },
    "kashgar-old-town-homestay": {
        "logo": ("arch", (176, 120, 70), (240, 220, 180), "rounded"),
    },
    "urumqi-catering-service": {
        "logo": ("naan", (190, 100, 40), (150, 70, 30), "circle"),
        "kitchen.jpg": (COVER, "interior", {"kind": "kitchen"}),
    },
}

STORIES = {
    "pear-lab.jpg": ("interior", {"kind": "bench", "wall": (226, 232, 236), "light": (240, 248, 255), "fruit": PEAR[0], "shape": "pear",
                                  "liquid": [(220, 226, 150), (240, 236, 200)]}),
    "award-ceremony.jpg": ("interior", {"kind": "stage"}),
    "spinning-mill.jpg": ("textile", {"kind": "cones", "rows": 6}),
    "cold-chain.jpg": ("interior", {"kind": "boxes", "wall": (170, 200, 226), "light": (210, 232, 255), "box": (220, 196, 140)}),
    "lavender-lab.jpg": ("bottles", {}),
    "quality-month.jpg": ("city", {"tower": True}),
}


# --------------------------------------------------------------------------


def save_jpeg(img, path):
    q = 80
    while True:
        img.save(path, "JPEG", quality=q, optimize=True)
        if path.stat().st_size <= MAX_BYTES or q <= 50:
            return q
        q -= 4


def main() -> int:
    written = []
    for slug, items in BRANDS.items():
        folder = ROOT / "brands" / slug
        folder.mkdir(parents=True, exist_ok=True)
        for name, spec in items.items():
            rel = f"brands/{slug}/{'logo.png' if name == 'logo' else name}"
            rng = rng_for(rel)
            path = ROOT / rel
            if name == "logo":
                motif, primary, secondary, badge = spec
                logo(rng, motif, primary, secondary, badge).save(path, "PNG", optimize=True)
                written.append((rel, "png"))
            else:
                size, scene, params = spec
                img = SCENES[scene](size, rng, params).convert("RGB")
                written.append((rel, f"q{save_jpeg(img, path)}"))
    out = ROOT / "content" / "images"
    out.mkdir(parents=True, exist_ok=True)
    for name, (scene, params) in STORIES.items():
        rel = f"content/images/{name}"
        img = SCENES[scene](STORY, rng_for(rel), params).convert("RGB")
        written.append((rel, f"q{save_jpeg(img, ROOT / rel)}"))

    too_big = 0
    for rel, note in written:
        p = ROOT / rel
        size = p.stat().st_size
        with Image.open(p) as im:
            dims = f"{im.width}x{im.height} {im.mode}"
        flag = "" if size <= MAX_BYTES else "  TOO BIG"
        too_big += bool(flag)
        print(f"{size / 1024:7.1f} KB  {dims:<14} {note:<4} {rel}{flag}")
    print(f"{len(written)} files, {too_big} over {MAX_BYTES // 1024} KB")
    return 1 if too_big else 0


if __name__ == "__main__":
    sys.exit(main())
