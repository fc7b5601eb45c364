"""Labels and fact sheets as a phone and a printer see them.

The browser build is a publish build (an absolute SITEURL under a sub-path,
tests/browser/conftest.py), so its QR codes hold addresses on the local
server. A real decoder (zbarimg, Debian's zbar-tools) reads them from a
Chromium screenshot of a label sheet and from the pages of Chromium's print
to PDF of a fact sheet (rendered by pdftoppm, read by pdftotext); the
decoded addresses are then opened in Chromium, with no typing.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image
from sitebuild import ROOT

from brandsite.brand_registry import Paths, load_site
from brandsite.brand_registry.site import normalize_license
from browser.conftest import require

ZBARIMG = shutil.which("zbarimg")
POPPLER = all(shutil.which(tool) for tool in ("pdftoppm", "pdftotext", "pdfinfo"))
BRAND = "korla-fragrant-pear"
ENTERPRISE = "93652922MA78WX0K3P"  # 温宿县托木尔果蔬农民专业合作社: licences of two brands


@pytest.fixture(scope="module")
def site():
    loaded, _issues = load_site(Paths.under(ROOT))
    return loaded


def decode(png: bytes) -> list[str]:
    require(ZBARIMG is not None, "no zbarimg (apt-get install zbar-tools)")
    result = subprocess.run(
        [ZBARIMG, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", "-"],
        input=png,
        capture_output=True,
        check=False,
    )
    return sorted(result.stdout.decode("utf-8").splitlines())


def licence_of(site, number: str):
    return next((b, lic) for b in site.brands.values() for lic in b.licensees if lic.license == number)


def test_label_codes_read_from_a_screenshot_open_the_licence_check_with_its_answer(
    open_page, served_site, site
):
    visit = open_page(f"brands/{BRAND}/labels/", width=1000, height=1400)
    page = visit.page
    labels = page.locator(".label")
    numbers_shown = {
        normalize_license(labels.nth(i).get_attribute("data-license")) for i in range(labels.count())
    }
    found = decode(page.screenshot())
    assert len(found) >= 4, found
    prefix = served_site.url("verify/?license=")
    assert all(url.startswith(prefix) for url in found), found
    assert {parse_qs(urlsplit(url).query)["license"][0] for url in found} <= numbers_shown
    for url in found[:3]:
        number = parse_qs(urlsplit(url).query)["license"][0]
        brand, licence = licence_of(site, number)
        expected = licence.state(date.today(), brand.status)  # the visitor's day, as the page says
        check = open_page(url[len(served_site.base) :], width=390, height=844, mobile=True).page
        result = check.locator(f'#verify-result [data-result="{expected}"]')
        result.wait_for(state="visible")
        text = result.inner_text()
        assert licence.name in text and brand.name in text and licence.license in text
        assert check.locator("#license").input_value() == number  # no typing: the scan filled it
        width = check.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"the answer scrolls sideways on a phone ({width} px)"


def test_every_label_has_a_code_and_a_downloadable_svg(open_page, served_site, site):
    page = open_page(f"brands/{BRAND}/labels/").page
    brand = site.brands[BRAND]
    assert page.locator(".label").count() == len(brand.licensees)
    assert page.locator(".label svg.qr").count() == len(brand.licensees)
    link = page.locator(".label a[download]").first
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.status == 200 and response.headers["content-type"].startswith("image/svg")
    assert brand.name in response.text() and "<path" in response.text()
    assert page.locator('meta[name="robots"][content="noindex"]').count() == 1


def test_printed_fact_sheet_is_one_or_two_a4_pages_whose_code_opens_the_brand_page(
    open_page, served_site, site, tmp_path
):
    require(POPPLER, "no poppler (apt-get install poppler-utils)")
    brand = site.brands[BRAND]
    page = open_page(f"brands/{BRAND}/fact-sheet/").page
    page.wait_for_load_state("networkidle")
    pdf = tmp_path / "fact-sheet.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 1 <= pages <= 2, info
    assert "(A4)" in info, info  # pdfinfo names the paper size
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for expected in (brand.name, "基本信息", "认证", "标准", "获奖", brand.certifications[0].number):
        assert expected in text, expected
    assert "品牌目录" not in text, "the site's navigation is not printed"
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "page")], check=True)
    found = [url for png in sorted(tmp_path.glob("page*.png")) for url in decode(png.read_bytes())]
    assert found == [served_site.url(f"brands/{BRAND}/")], found
    opened = open_page(found[0][len(served_site.base) :]).page
    assert opened.locator("h1").inner_text() == brand.name


def test_label_sheet_prints_fourteen_labels_an_a4_page(open_page, site, tmp_path):
    """Each label where L7163 label paper has it (99.1 x 38.1 mm, 2 x 7, 15.1 mm from the top,
    4.65 mm from the sides, 2.5 mm between columns), its code readable there."""
    require(POPPLER, "no poppler (apt-get install poppler-utils)")
    page = open_page(f"brands/{BRAND}/labels/").page
    pdf = tmp_path / "labels.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages == -(-len(site.brands[BRAND].licensees) // 14), info
    dpi = 200
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "p")], check=True
    )
    (first,) = tmp_path.glob("p*.png")
    sheet = Image.open(first)
    found = []
    for row in range(7):
        for column in range(2):
            left, top = 4.65 + column * (99.1 + 2.5), 15.1 + row * 38.1
            box = [round(mm * dpi / 25.4) for mm in (left, top, left + 99.1, top + 38.1)]
            cell = io.BytesIO()
            sheet.crop(box).save(cell, "PNG")
            found.append(decode(cell.getvalue()))
    assert all(len(codes) == 1 for codes in found), found
    assert len({codes[0] for codes in found}) == 14


def test_a_credit_code_lists_the_enterprises_licences_in_every_brand(open_page, site):
    rows = [(b, lic) for b in site.brands.values() for lic in b.licensees if lic.uscc == ENTERPRISE]
    assert len({b.slug for b, _lic in rows}) == 2
    page = open_page("verify/", width=390, height=844, mobile=True).page
    page.locator("#license").fill(f"{ENTERPRISE[:8].lower()} {ENTERPRISE[8:]}")
    page.keyboard.press("Enter")
    result = page.locator('#verify-result [data-result="enterprise"]')
    result.wait_for(state="visible")
    items = result.locator(".verify-licence")
    assert items.count() == len(rows)
    for brand, licence in rows:
        item = items.filter(has_text=licence.license)
        expected = licence.state(date.today(), brand.status)
        assert item.locator(f'[data-state="{expected}"]').count() == 1
        assert brand.name in item.inner_text() and licence.name in item.inner_text()
    assert "license=" in page.url


def test_a_scan_in_a_browser_preferring_english_answers_in_english(browser, served_site):
    context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(served_site.url("verify/?license=XJ-KFP-2024-001"))
        result = page.locator('#verify-result [data-result="valid"]')
        result.wait_for(state="visible")
        assert page.url == served_site.url("en/verify/?license=XJ-KFP-2024-001")
        assert page.get_attribute("html", "lang").startswith("en") and "Valid" in result.inner_text()
        # A visitor who then picks Chinese chose the language: the same answer, no hand-over back.
        page.locator('.lang-switch a[hreflang^="zh"]').click()
        page.locator('#verify-result [data-result="valid"]').wait_for(state="visible")
        assert page.url == served_site.url("verify/?license=XJ-KFP-2024-001")
        assert page.get_attribute("html", "lang").startswith("zh")
    finally:
        context.close()
