"""QR codes and labels (brandsite.qr_labels), and the lookup by credit code: the pure parts.

A QR code is read back with a real decoder (zbarimg, from Debian's zbar-tools)
from a picture drawn from the SVG path data, so what is tested is what a
phone's camera sees.
"""

from __future__ import annotations

import gzip
import io
import random
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date

import pytest
from PIL import Image, ImageDraw
from verify_lookup import lookup, lookup_uscc

from brandsite.brand_pages.urls import licence_slugs
from brandsite.brand_registry.jsonsafe import dumps
from brandsite.brand_registry.licence_index import licence_digest, licence_shards, uscc_shards
from brandsite.brand_registry.model import Brand, Licensee
from brandsite.brand_registry.uscc import ALPHABET, check_character
from brandsite.qr_labels.cache import QrCache
from brandsite.qr_labels.codes import QUIET_ZONE, encode, svg_element, verify_url
from brandsite.qr_labels.label import Label, Logo, label_svg

ZBARIMG = shutil.which("zbarimg")
SITE = "https://example.org/sub"


def decoded(code, module_px: int = 4) -> list[str]:
    """What zbarimg reads from the code drawn from its path data."""
    if ZBARIMG is None:
        pytest.skip("zbarimg is not installed (.ci/run installs zbar-tools)")
    side = code.size + 2 * QUIET_ZONE
    image = Image.new("L", (side * module_px, side * module_px), 255)
    draw = ImageDraw.Draw(image)
    for run in re.findall(r"M(\d+) (\d+)\.5h(\d+)", code.path):
        x, y, width = (int(n) for n in run)
        draw.rectangle(
            [x * module_px, y * module_px, (x + width) * module_px - 1, (y + 1) * module_px - 1], fill=0
        )
    png = io.BytesIO()
    image.save(png, "PNG")
    result = subprocess.run(
        [ZBARIMG, "--quiet", "--raw", "-Sbinary", "-"], input=png.getvalue(), capture_output=True, check=False
    )
    return result.stdout.decode("utf-8").splitlines()


@pytest.mark.parametrize(
    "number", ["XJ-KFP-2024-001", "许可证-壹号", "A&B #1?x=2", "<script>alert(1)</script>"]
)
def test_a_label_code_reads_back_as_the_licence_check_of_its_number(number):
    target = verify_url(SITE, "verify/", number)
    assert target.startswith(f"{SITE}/verify/?license=")
    assert re.fullmatch(r"[A-Za-z0-9:/._?=%-]+", target), target  # nothing a reader could split
    assert decoded(encode(target)) == [target]


def test_codes_are_deterministic_and_cached_by_content(tmp_path):
    text = verify_url(SITE, "verify/", "XJ-KFP-2024-001")
    first = QrCache(tmp_path)
    code = first.code(text)
    assert first.encoded == 1 and first.code(text) is code  # once per build
    again = QrCache(tmp_path)
    assert again.code(text) == code == encode(text)
    assert again.encoded == 0  # read from the cache, not made again
    assert len(list(tmp_path.rglob("*.txt"))) == 1
    other = QrCache(tmp_path).code(text + "2")
    assert other.path != code.path


def test_a_damaged_cache_entry_is_made_again(tmp_path):
    text = f"{SITE}/brands/x/"
    QrCache(tmp_path).code(text)
    (entry,) = tmp_path.rglob("*.txt")
    entry.write_text("not a number\n", encoding="ascii")
    cache = QrCache(tmp_path)
    assert cache.code(text) == encode(text) and cache.encoded == 1


def test_inline_svg_escapes_its_name():
    svg = str(svg_element(encode("https://example.org/"), '"><script>alert(1)</script>'))
    assert "<script>" not in svg and "&lt;script&gt;" in svg and 'aria-label="&#34;&gt;' in svg
    assert svg.startswith("<svg") and 'role="img"' in svg


def hostile_label(logo=None) -> Label:
    return Label(
        'Brand </text><script>alert(1)</script> & "co"',
        "企业 <b>&amp;</b> 'x'",
        "XJ-<1>&2",
        "2024-03-01",
        "2027-02-28",
        encode(verify_url(SITE, "verify/", "XJ-<1>&2")),
        logo,
    )


def test_label_svg_escapes_every_text_and_is_well_formed():
    text = label_svg(hostile_label(Logo('https://example.org/sub/logo.png?a=1&b="2"')))
    root = ET.fromstring(text.encode("utf-8"))  # parses: nothing an editor wrote broke the XML
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "<script" not in text and "<b>" not in text
    texts = ["".join(node.itertext()) for node in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts[0] == 'Brand </text><script>alert(1)</script> & "co"'
    assert texts[1] == "企业 <b>&amp;</b> 'x'"
    assert "XJ-<1>&2" in texts[2] and "2024-03-01 – 2027-02-28" in texts[3]
    assert 'href="https://example.org/sub/logo.png?a=1&amp;b=&#34;2&#34;"' in text
    assert label_svg(hostile_label()) == label_svg(hostile_label())  # the same bytes every build


def test_long_names_are_set_smaller_to_stay_on_the_label():
    short = label_svg(replace(hostile_label(), licensee="甲公司"))
    long = label_svg(replace(hostile_label(), licensee="新疆" * 30 + "有限公司"))
    size = re.compile(r'font-size="([\d.]+)"')
    assert float(size.findall(long)[1]) < float(size.findall(short)[1])
    assert float(size.findall(long)[1]) * 64 <= 53.5  # 64 characters in 53 mm


def test_licence_file_names_are_unique_and_plain():
    def licensee(number):
        return Licensee("甲", number, date(2020, 1, 1), date(2030, 1, 1))

    numbers = ["XJ-KFP-2024-001", "xj kfp 2024 002", "XJ/KFP/2024/002", "许可证一号", "许可证二号", "A..B"]
    brand = make_brand("b", "active", [licensee(n) for n in numbers])
    slugs = licence_slugs(brand)
    assert slugs["XJ-KFP-2024-001"] == "xj-kfp-2024-001" and slugs["A..B"] == "a-b"
    assert len(set(slugs.values())) == len(numbers)  # two spellings of one slug, and none, get a hash
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) for slug in slugs.values())
    assert slugs["许可证一号"].startswith("licence-")


# -- lookup by unified social credit code -----------------------------------------


def make_brand(slug: str, status: str, licensees) -> Brand:
    return Brand(
        slug,
        slug,
        "agricultural",
        "652801",
        "协会",
        "简介",
        date(2020, 1, 1),
        source_path=None,
        status=status,
        licensees=tuple(licensees),
    )


def uscc(number: int) -> str:
    """A valid code for `number`: 91 (a company), region 652801, then the number in the alphabet."""
    body = ""
    for _ in range(8):
        number, digit = divmod(number, len(ALPHABET))
        body = ALPHABET[digit] + body
    first17 = "91652801" + "M" + body
    return first17 + check_character(first17)


def test_an_enterprise_is_found_by_its_code_with_its_licences_in_every_brand():
    one, other = uscc(1), uscc(2)
    apple = make_brand(
        "apple",
        "active",
        [
            Licensee("甲", "A-1", date(2020, 1, 1), date(2023, 1, 1), uscc=one),
            Licensee("乙", "A-2", date(2020, 1, 1), date(2030, 1, 1), uscc=other),
            Licensee("丙", "A-3", date(2020, 1, 1), date(2030, 1, 1)),
        ],
    )
    walnut = make_brand(
        "walnut", "suspended", [Licensee("甲", "W-1", date(2024, 1, 1), date(2029, 1, 1), uscc=one)]
    )
    bits, shards = uscc_shards([walnut, apple], lambda b: f"brands/{b.slug}/")
    found = lookup_uscc(
        shards, bits, " " + one.lower()[:9] + " " + one[9:]
    )  # typed with a space, in lower case
    assert [(f["license"], f["brand_slug"], f["brand"]["status"]) for f in found] == [
        ("A-1", "apple", "active"),
        ("W-1", "walnut", "suspended"),
    ]
    assert [f["license"] for f in lookup_uscc(shards, bits, other)] == ["A-2"]
    assert lookup_uscc(shards, bits, uscc(3)) is None
    assert sum(len(s["enterprises"]) for s in shards.values()) == 2  # 丙 gave no code


def test_the_digest_follows_the_codes():
    licensee = Licensee("甲", "A-1", date(2020, 1, 1), date(2030, 1, 1))
    plain = [make_brand("a", "active", [licensee])]
    coded = [make_brand("a", "active", [replace(licensee, uscc=uscc(1))])]
    assert licence_digest(plain, str) != licence_digest(coded, str)
    assert uscc_shards(plain, str) != uscc_shards(coded, str)


def gzipped(shard: dict) -> int:
    return len(gzip.compress(dumps(shard).encode("utf-8"), mtime=0))


def test_a_lookup_fetches_at_most_8_kb_among_50000_licences(capsys):
    """50,000 licences of 1,000 brands; enterprises hold one to twelve licences across brands."""
    rng = random.Random(18)
    products = ["鲜梨", "香梨礼盒", "梨汁", "苹果脆片", "带壳核桃", "核桃仁", "番茄酱", "红枣"]
    brands, number, enterprise = [], 0, 0
    pending: list[tuple[str, str]] = []  # (code, name) of enterprises with licences still to give
    for b in range(1000):
        licensees = []
        for _ in range(50):
            if not pending or rng.random() < 0.5:
                enterprise += 1
                name = f"新疆{enterprise:05d}号果业农产品开发有限责任公司"
                code = uscc(enterprise) if rng.random() < 0.9 else ""
                pending += [(code, name)] * rng.choice([1, 1, 1, 2, 2, 3, 5, 12])
            code, name = pending.pop(rng.randrange(len(pending)))
            number += 1
            licensees.append(
                Licensee(
                    name,
                    f"XJ-B{b:04d}-{number:06d}",
                    date(2024, 1, 1),
                    date(2029, 12, 31),
                    tuple(rng.sample(products, 2)),
                    uscc=code,
                )
            )
        brands.append(make_brand(f"brand-{b:04d}-xinjiang-regional", "active", licensees))
    assert number == 50_000

    def url(b):
        return f"brands/{b.slug}/"

    bits, shards = licence_shards(brands, url)
    code_bits, code_shards = uscc_shards(brands, url)
    largest = max(gzipped(s) for s in shards.values())
    largest_code = max(gzipped(s) for s in code_shards.values())
    most = max(len(v) for s in code_shards.values() for v in s["enterprises"].values())
    with capsys.disabled():
        print(
            f"\n50,000 licences: {len(shards)} licence shards, largest {largest / 1024:.1f} KB gzipped; "
            f"{len(code_shards)} credit-code shards, largest {largest_code / 1024:.1f} KB gzipped "
            f"(an enterprise holds up to {most} licences)"
        )
    assert largest <= 8 * 1024 and largest_code <= 8 * 1024
    sample = brands[500].licensees[7]
    assert lookup(shards, bits, sample.license)["enterprise"] == sample.name
    if sample.uscc:
        assert sample.license in [f["license"] for f in lookup_uscc(code_shards, code_bits, sample.uscc)]


def test_missing_codes_are_made_on_every_core_at_once(tmp_path):
    texts = [verify_url(SITE, "verify/", f"XJ-{n}") for n in range(7)]
    QrCache(tmp_path).code(texts[0])
    assert QrCache(tmp_path).prepare(texts + texts[:2], workers=2) == 6  # the first was cached
    assert len(list(tmp_path.rglob("*.txt"))) == 7
    cache = QrCache(tmp_path)
    assert [cache.code(t) for t in texts] == [encode(t) for t in texts] and cache.encoded == 0
    assert QrCache(tmp_path).prepare(texts, workers=2) == 0
