"""Warnings: what needs attention soon. They never make a check or a build fail."""

from datetime import date

from conftest import png_bytes
from PIL import Image as PILImage

AS_OF = date(2026, 11, 26)
LICENCE = {"name": "甲公司", "valid_from": "2020-01-01"}


def _cert(number, expires):
    return {
        "type": "geographical-indication",
        "number": number,
        "issuer": "国家知识产权局",
        "issued": "2020-01-01",
        "expires": expires,
    }


def test_licences_and_certifications_expiring_within_60_days(project):
    project.brand(
        "pear",
        cover="cover.png",
        files={
            "cover.png": png_bytes(),
            "licensees.csv": "name,license,valid_from,valid_to,products\n"
            "乙公司,L-4,2020-01-01,2026-11-27,鲜梨\n"
            "丙公司,L-5,2020-01-01,2030-01-01,鲜梨\n",
        },
        certifications=[_cert("GI-60", "2027-01-25"), _cert("GI-61", "2027-01-26")],
        licensees=[
            {**LICENCE, "license": "L-1", "valid_to": "2026-11-26"},
            {**LICENCE, "license": "L-2", "valid_to": "2026-11-25"},
            {**LICENCE, "license": "L-3", "valid_to": "2026-12-31"},
        ],
    )
    assert project.messages() == []
    assert project.warnings(AS_OF) == [
        'brands/pear/index.md:14: warning: certifications[1].expires: certification "GI-60" expires '
        "on 2027-01-25, in 60 days; renew it\n"
        "    【提醒】认证第 1 项 · 有效期至：认证 “GI-60” 将于 2027-01-25 到期（还有 60 天），请及时续期",
        'brands/pear/index.md:24: warning: licensees[1].valid_to: licence "L-1" of 甲公司 expires '
        "on 2026-11-26, today; renew it\n"
        "    【提醒】授权使用单位第 1 项 · 授权截止日："
        "甲公司的授权 “L-1” 将于 2026-11-26 到期（就是今天），请及时续期",
        'brands/pear/index.md:32: warning: licensees[3].valid_to: licence "L-3" of 甲公司 expires '
        "on 2026-12-31, in 35 days; renew it\n"
        "    【提醒】授权使用单位第 3 项 · 授权截止日："
        "甲公司的授权 “L-3” 将于 2026-12-31 到期（还有 35 天），请及时续期",
        'brands/pear/licensees.csv:2: warning: valid_to: licence "L-4" of 乙公司 expires '
        "on 2026-11-27, tomorrow; renew it\n"
        "    【提醒】授权截止日：乙公司的授权 “L-4” 将于 2026-11-27 到期（明天），请及时续期",
    ]


def test_no_expiry_warnings_for_a_brand_not_in_use_or_without_a_day(project):
    project.brand(
        "pear",
        status="suspended",
        cover="cover.png",
        files={"cover.png": png_bytes()},
        certifications=[_cert("GI-1", "2026-12-01")],
        licensees=[{**LICENCE, "license": "L-1", "valid_to": "2026-12-01"}],
    )
    assert project.warnings(AS_OF) == []
    project.brand("pear", cover="cover.png", certifications=[_cert("GI-1", "2026-12-01")])
    assert project.warnings(None) == []


def test_brand_without_cover_and_story_without_brand(project):
    project.brand("pear")
    project.story("notice", brands=[])
    project.story("visit", brands=["pear"])
    assert project.warnings() == [
        "brands/pear/index.md:1: warning: cover: brand has no cover image; add one (cover: photo.jpg) "
        "to show it in the directory\n"
        "    【提醒】封面图：品牌还没有封面图；请加上（cover: 照片.jpg），品牌目录中才有图片",
        "content/stories/notice.md:4: warning: brands: story names no brand; add brands: [slug] "
        "to show it on the brand's page\n"
        "    【提醒】相关品牌：故事没有关联品牌；请加上 brands: [品牌网址名]，故事才会出现在品牌页上",
    ]


def test_images_over_5_mb(project):
    big = project.root / "big.png"
    PILImage.new("RGB", (2000, 1000), "green").save(big, "PNG", compress_level=0)
    assert big.stat().st_size > 5 * 1024 * 1024
    data = big.read_bytes()
    (project.content / "images" / "big.png").write_bytes(data)
    project.brand("pear", cover="big.png", body="![大图](big.png)\n", files={"big.png": data})
    project.story("visit", brands=["pear"], cover="images/big.png")
    assert project.messages() == []
    assert project.warnings() == [
        'brands/pear/index.md:8: warning: cover: "big.png" is 5.7 MB; keep images under 5 MB so that '
        "pages load fast\n"
        "    【提醒】封面图：“big.png” 有 5.7 MB，图片请小于 5 MB，以免页面打开缓慢",
        'brands/pear/index.md:10: warning: body: "big.png" is 5.7 MB; keep images under 5 MB so that '
        "pages load fast\n"
        "    【提醒】正文：“big.png” 有 5.7 MB，图片请小于 5 MB，以免页面打开缓慢",
        'content/stories/visit.md:6: warning: cover: "images/big.png" is 5.7 MB; keep images under 5 MB '
        "so that pages load fast\n"
        "    【提醒】封面图：“images/big.png” 有 5.7 MB，图片请小于 5 MB，以免页面打开缓慢",
    ]


def test_warnings_come_with_errors_but_are_not_errors(project):
    project.brand("pear", region="999999")
    _site, issues = project.load()
    assert [(i.severity, i.line, i.field) for i in sorted(issues)] == [
        ("warning", 1, "cover"),
        ("error", 4, "region"),
    ]
