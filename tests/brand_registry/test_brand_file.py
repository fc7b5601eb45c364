"""Every validation error of the content model, with its exact message."""

from conftest import BRAND, front_matter, jpeg_bytes, png_bytes


def test_valid_brand_loads_with_all_fields(project):
    project.brand(
        "korla-fragrant-pear",
        logo="logo.png",
        cover="orchard.jpg",
        gallery=["orchard.jpg", {"src": "logo.png", "alt": "标志", "caption": "说明"}],
        certifications=[
            {
                "type": "geographical-indication",
                "number": "GI-2019-0042",
                "issuer": "国家知识产权局",
                "issued": "2019-05-20",
                "expires": "2029-05-19",
            }
        ],
        standards=[{"code": "GB/T 19859-2005", "title": "地理标志产品 库尔勒香梨"}],
        awards=[{"program": "regional-quality-award", "edition": 5, "recipient": "某某果业有限公司"}],
        licensees=[
            {
                "name": "某某果业有限公司",
                "license": "XJ-KFP-2021-001",
                "valid_from": "2021-01-01",
                "valid_to": "2026-12-31",
                "products": ["鲜梨", "梨汁"],
            }
        ],
        contact={"website": "https://example.org", "phone": "+86 996 000 0000"},
        tags=["香梨"],
        files={"logo.png": png_bytes(), "orchard.jpg": jpeg_bytes((60, 40))},
    )
    site, issues = project.load()
    assert issues == []
    brand = site.brands["korla-fragrant-pear"]
    assert brand.logo.width == 40 and brand.logo.height == 30
    assert brand.cover.format == "JPEG"
    assert [g.alt for g in brand.gallery] == ["库尔勒香梨", "标志"]
    assert brand.licensees[0].products == ("鲜梨", "梨汁")
    assert brand.status == "active"
    assert str(brand.registered) == "2019-05-20"


def test_missing_required_fields_are_each_reported(project):
    project.brand("pear", text=front_matter({"name": "库尔勒香梨"}))
    hint = "必须填写，请在文件头（开头两行 --- 之间）加上这一项"
    assert project.messages() == [
        f"brands/pear/index.md:1: category: is required; add it to the front matter\n    类别：{hint}",
        f"brands/pear/index.md:1: owner: is required; add it to the front matter\n    品牌持有单位：{hint}",
        f"brands/pear/index.md:1: region: is required; add it to the front matter\n    地区：{hint}",
        f"brands/pear/index.md:1: registered: is required; add it to the front matter\n    登记日期：{hint}",
        f"brands/pear/index.md:1: summary: is required; add it to the front matter\n    简介：{hint}",
    ]


def test_required_field_left_empty_points_at_its_line(project):
    project.brand(
        "pear",
        text='---\nname: 库尔勒香梨\ncategory: agricultural\nregion: "652801"\n'
        "owner:\nsummary: 香梨。\nregistered: 2019-05-20\n---\n",
    )
    assert project.messages() == ["brands/pear/index.md:5: owner: is required\n    品牌持有单位：必须填写"]


def test_unknown_ids_name_the_field_and_line(project):
    project.brand(
        "pear",
        category="agricultral",
        region="652899",
        certifications=[{"type": "organic", "number": "1", "issuer": "x", "issued": "2020-01-01"}],
        awards=[{"program": "regional-quality-award", "edition": 9}, {"program": "city-award", "edition": 1}],
    )
    assert project.messages() == [
        'brands/pear/index.md:3: category: "agricultral" is not in brands/_registry.yaml'
        ' (did you mean "agricultural" 农产品?)\n'
        "    类别：“agricultral” 不在 brands/_registry.yaml 的类别列表中（是不是 “agricultural” 农产品？）",
        'brands/pear/index.md:4: region: "652899" is not in brands/_registry.yaml'
        ' (did you mean "652801" 库尔勒市?)\n'
        "    地区：“652899” 不在 brands/_registry.yaml 的地区列表中（是不是 “652801” 库尔勒市？）",
        'brands/pear/index.md:9: certifications[1].type: "organic" is not in brands/_registry.yaml\n'
        "    认证第 1 项 · 类型：“organic” 不在 brands/_registry.yaml 的认证类型列表中",
        "brands/pear/index.md:15: awards[1].edition: regional-quality-award has no edition 9 (known: 5)\n"
        "    质量奖第 1 项 · 届次：regional-quality-award 没有第 9 届（已登记的届次：5）",
        'brands/pear/index.md:16: awards[2].program: "city-award" is not in brands/_registry.yaml\n'
        "    质量奖第 2 项 · 奖项：“city-award” 不在 brands/_registry.yaml 的质量奖列表中",
    ]


def test_bad_slug(project):
    project.brand("Korla_Pear")
    assert project.messages() == [
        'brands/Korla_Pear: slug: folder name "Korla_Pear" must use only a-z, 0-9 and -\n'
        "    网址名：文件夹名 “Korla_Pear” 只能用小写字母 a-z、数字 0-9 和连字符 -"
    ]


def test_dates_that_are_not_dates(project):
    text = front_matter({**BRAND, "registered": "2019-02-30", "updated": "soon"})
    project.brand("pear", text=text.replace("'2019-02-30'", "2019-02-30"))
    assert project.messages() == [
        'brands/pear/index.md:7: registered: "2019-02-30" is not a date; write it as YYYY-MM-DD\n'
        "    登记日期：“2019-02-30” 不是有效日期，请写成 YYYY-MM-DD，例如 2024-05-20",
        'brands/pear/index.md:8: updated: "soon" is not a date; write it as YYYY-MM-DD\n'
        "    更新日期：“soon” 不是有效日期，请写成 YYYY-MM-DD，例如 2024-05-20",
    ]


def test_valid_to_before_valid_from(project):
    project.brand(
        "pear",
        licensees=[
            {"name": "甲公司", "license": "L-1", "valid_from": "2022-01-01", "valid_to": "2021-12-31"}
        ],
    )
    assert project.messages() == [
        "brands/pear/index.md:12: licensees[1].valid_to: 2021-12-31 is before valid_from (2022-01-01)\n"
        "    授权使用单位第 1 项 · 授权截止日：2021-12-31 早于授权起始日（2022-01-01）"
    ]


def test_licence_used_twice_across_brands_and_csv(project):
    lic = {"name": "甲公司", "license": "XJ-1", "valid_from": "2021-01-01", "valid_to": "2022-01-01"}
    project.brand("a-pear", licensees=[lic])
    project.brand(
        "b-pear",
        licensees=[{**lic, "license": "xj-1"}],
        files={
            "licensees.csv": "name,license,valid_from,valid_to,products\n"
            "乙公司,ＸＪ－２,2021-01-01,2022-01-01,鲜梨;梨汁\n"
            "丙公司,XJ-2,2021-01-01,2022-01-01,\n",
        },
    )
    assert project.messages() == [
        'brands/b-pear/index.md:10: license: licence number "xj-1" is already used at '
        "brands/a-pear/index.md:10\n"
        "    授权编号：“xj-1” 已在 brands/a-pear/index.md:10 用过，授权编号不能重复",
        'brands/b-pear/licensees.csv:3: license: licence number "XJ-2" is already used at '
        "brands/b-pear/licensees.csv:2\n"
        "    授权编号：“XJ-2” 已在 brands/b-pear/licensees.csv:2 用过，授权编号不能重复",
    ]


def test_csv_rows_are_checked_like_yaml(project):
    project.brand(
        "pear",
        files={
            "licensees.csv": "name,license,valid_from,valid_to,products\n"
            "甲公司,L-1,2021-01-01,2022-01-01,鲜梨\n"
            ",L-2,2021-13-01,2020-01-01,\n"
            "乙公司,L-3,2022-01-01,2021-01-01,\n",
        },
    )
    assert project.messages() == [
        "brands/pear/licensees.csv:3: name: is required\n    名称：必须填写",
        'brands/pear/licensees.csv:3: valid_from: "2021-13-01" is not a date; write it as YYYY-MM-DD\n'
        "    授权起始日：“2021-13-01” 不是有效日期，请写成 YYYY-MM-DD，例如 2024-05-20",
        "brands/pear/licensees.csv:4: valid_to: 2021-01-01 is before valid_from (2022-01-01)\n"
        "    授权截止日：2021-01-01 早于授权起始日（2022-01-01）",
    ]


def test_csv_with_wrong_header(project):
    project.brand("pear", files={"licensees.csv": "company,license,from,to\n"})
    assert project.messages() == [
        "brands/pear/licensees.csv:1: header: missing column(s) name, valid_from, valid_to; "
        "unknown column(s) company, from, to; expected: name,license,valid_from,valid_to,products\n"
        "    表头：缺少列 name, valid_from, valid_to；不认识的列 company, from, to；"
        "第一行应为：name,license,valid_from,valid_to,products"
    ]


def test_images_missing_not_image_corrupt_and_outside(project, tmp_path):
    (tmp_path / "secret.png").write_bytes(png_bytes())
    bundle = project.brand(
        "pear",
        logo="logo.png",
        cover="../secret.png",
        gallery=["notes.jpg", "broken.jpg", "link.png"],
        body="![梨花](missing.jpg)\n\n![](logo.png)\n",
        files={"notes.jpg": b"just text", "broken.jpg": jpeg_bytes((200, 200))[:300]},
    ).parent
    (bundle / "link.png").symlink_to(tmp_path / "secret.png")
    messages = project.messages()
    assert messages[:5] == [
        'brands/pear/index.md:8: logo: file "logo.png" does not exist\n    标志：文件 “logo.png” 不存在',
        'brands/pear/index.md:9: cover: "../secret.png" lies outside the folder pear/\n'
        "    封面图：“../secret.png” 在文件夹 pear/ 之外",
        'brands/pear/index.md:11: gallery[1].src: "notes.jpg" is not an image '
        "(or its format is not supported)\n"
        "    图集第 1 项 · 图片文件：“notes.jpg” 不是图片（或格式不受支持）",
        'brands/pear/index.md:12: gallery[2].src: "broken.jpg" is damaged or truncated\n'
        "    图集第 2 项 · 图片文件：“broken.jpg” 已损坏或不完整",
        'brands/pear/index.md:13: gallery[3].src: "link.png" lies outside the folder pear/ (it is a link)\n'
        "    图集第 3 项 · 图片文件：“link.png” 在文件夹 pear/ 之外（它是一个链接）",
    ]
    assert messages[5:] == [
        'brands/pear/index.md:15: body: image file "missing.jpg" does not exist\n'
        "    正文：图片文件 “missing.jpg” 不存在",
        'brands/pear/index.md:17: body: image "logo.png" needs alt text: ![what it shows](logo.png)\n'
        "    正文：图片 “logo.png” 缺少替代文字，请写成 ![图片内容](logo.png)",
        'brands/pear/index.md:17: body: image file "logo.png" does not exist\n'
        "    正文：图片文件 “logo.png” 不存在",
    ]


def test_status_and_unknown_fields(project):
    project.brand("pear", status="closed", regoin="652801")
    assert project.messages() == [
        'brands/pear/index.md:8: status: "closed" must be one of: active, suspended, revoked\n'
        "    状态：“closed” 必须是以下之一：active, suspended, revoked",
        'brands/pear/index.md:9: regoin: unknown field (did you mean "region"?)\n'
        "    regoin：没有这个字段（是不是 “region”？），请检查拼写",
    ]


def test_unsafe_website_is_refused(project):
    project.brand("pear", contact={"website": "javascript:alert(1)"})
    assert project.messages() == [
        'brands/pear/index.md:9: contact.website: "javascript:alert(1)" must be a web address '
        "starting with https:// or http://\n"
        "    联系方式 · 网站：“javascript:alert(1)” 必须是以 https:// 或 http:// 开头的网址"
    ]


def test_every_error_of_every_file_is_reported_together(project):
    project.brand("a-pear", region="999999")
    project.brand("b-pear", category="nope")
    project.story("visit", brands=["c-pear"])
    messages = project.messages()
    assert len(messages) == 3
    assert [m.split(":")[0] for m in messages] == [
        "brands/a-pear/index.md",
        "brands/b-pear/index.md",
        "content/stories/visit.md",
    ]
