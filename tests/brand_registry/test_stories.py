from conftest import jpeg_bytes

from brandsite.brand_registry.issues import errors


def test_story_naming_unknown_brand_and_bad_fields(project):
    project.brand("korla-pear")
    project.story("visit", brands=["korla-pear", "korla-peer"], date="2024-13-01", cover="images/none.jpg")
    assert project.messages() == [
        'content/stories/visit.md:3: date: "2024-13-01" is not a date; write it as YYYY-MM-DD\n'
        "    日期：“2024-13-01” 不是有效日期，请写成 YYYY-MM-DD，例如 2024-05-20",
        'content/stories/visit.md:6: brands[2]: "korla-peer" is not a brand in brands/'
        ' (did you mean "korla-pear"?)\n'
        "    相关品牌第 2 项：“korla-peer” 不是 brands/ 中的品牌（是不是 “korla-pear”？）",
        'content/stories/visit.md:7: cover: file "images/none.jpg" does not exist\n'
        "    封面图：文件 “images/none.jpg” 不存在",
    ]


def test_story_slug_used_twice_and_bad_slug(project):
    project.story("visit")
    project.story("other", slug="visit")
    project.story("Bad_Name")
    project.story("zz-last", slug="visit")
    assert project.messages() == [
        'content/stories/Bad_Name.md: slug "Bad_Name" must use only a-z, 0-9 and -\n'
        "    网址名 “Bad_Name” 只能用小写字母 a-z、数字 0-9 和连字符 -",
        'content/stories/visit.md: slug: "visit" is already used by content/stories/other.md\n'
        "    网址名：“visit” 已被 content/stories/other.md 使用",
        'content/stories/zz-last.md:4: slug: "visit" is already used by content/stories/other.md\n'
        "    网址名：“visit” 已被 content/stories/other.md 使用",
    ]


def test_story_with_cover_and_body_image(project):
    (project.content / "images" / "lab.jpg").write_bytes(jpeg_bytes())
    project.brand("korla-pear")
    project.story(
        "visit",
        body="![实验室]({static}/images/lab.jpg)\n\n![](images/nope.jpg)\n",
        brands=["korla-pear"],
        cover="images/lab.jpg",
    )
    site, issues = project.load()
    assert [str(i) for i in errors(issues)] == [
        'content/stories/visit.md:10: body: image file "images/nope.jpg" does not exist\n'
        "    正文：图片文件 “images/nope.jpg” 不存在",
        'content/stories/visit.md:10: body: image "images/nope.jpg" needs alt text: '
        "![what it shows](images/nope.jpg)\n"
        "    正文：图片 “images/nope.jpg” 缺少替代文字，请写成 ![图片内容](images/nope.jpg)",
    ]
    story = next(iter(site.stories.values()))
    assert story.brands == ("korla-pear",) and story.cover.width == 40


def test_pages_are_checked_too(project):
    pages = project.content / "pages"
    pages.mkdir()
    (pages / "about.md").write_text(
        "---\nslug: about\ntitel: 关于\n---\n![](images/none.png)\n", encoding="utf-8"
    )
    assert project.messages() == [
        "content/pages/about.md:1: title: is required; add it to the front matter\n"
        "    标题：必须填写，请在文件头（开头两行 --- 之间）加上这一项",
        'content/pages/about.md:3: titel: unknown field (did you mean "title"?)\n'
        "    titel：没有这个字段（是不是 “title”？），请检查拼写",
        'content/pages/about.md:5: body: image "images/none.png" needs alt text: '
        "![what it shows](images/none.png)\n"
        "    正文：图片 “images/none.png” 缺少替代文字，请写成 ![图片内容](images/none.png)",
        'content/pages/about.md:5: body: image file "images/none.png" does not exist\n'
        "    正文：图片文件 “images/none.png” 不存在",
    ]


def test_english_translation_named_after_its_original(project):
    project.brand("korla-pear")
    project.story("visit", brands=["korla-pear"], category="标准化", tags=["香梨"])
    project.story("visit.en", title="A visit", brands=["korla-pear"], category="标准化")
    site, issues = project.load()
    assert [i for i in issues if i.path.startswith("content/")] == []
    stories = sorted(site.stories.values(), key=lambda s: s.lang)
    assert [(s.slug, s.lang) for s in stories] == [("visit", "en"), ("visit", "zh")]


def test_translation_shares_category_tags_and_brands(project):
    project.brand("korla-pear")
    project.brand("aksu-apple")
    project.story("visit", brands=["korla-pear"], category="标准化", tags=["香梨"])
    project.story("visit.en", title="A visit", brands=["aksu-apple"], tags=["pears"])
    assert project.messages() == [
        "content/stories/visit.en.md:4: brands: a translation takes its brands from "
        "content/stories/visit.md: leave it out here\n"
        "    相关品牌：译文的相关品牌沿用 content/stories/visit.md，请在这里删去",
        "content/stories/visit.en.md:6: tags: a translation takes its tags from "
        "content/stories/visit.md: leave it out here\n"
        "    标签：译文的标签沿用 content/stories/visit.md，请在这里删去",
    ]


def test_english_story_without_an_original_needs_brands(project):
    project.story("visit.en", title="A visit")
    assert project.warnings() == [
        "content/stories/visit.en.md: warning: brands: story names no brand; "
        "add brands: [slug] to show it on the brand's page\n"
        "    【提醒】相关品牌：故事没有关联品牌；请加上 brands: [品牌网址名]，故事才会出现在品牌页上"
    ]


def test_english_page_named_after_its_original(project):
    pages = project.content / "pages"
    pages.mkdir()
    (pages / "about.md").write_text("---\ntitle: 关于\n---\n正文。\n", encoding="utf-8")
    (pages / "about.en.md").write_text("---\ntitle: About\n---\nText.\n", encoding="utf-8")
    assert project.messages() == []


def test_language_must_match_the_file_name(project):
    project.story("visit")
    project.story("visit.en", title="A visit", lang="zh")
    assert (
        'content/stories/visit.en.md:4: lang: "zh" does not match the file name "visit.en.md"\n'
        "    语言：“zh” 与文件名 “visit.en.md” 表示的语言不一致"
    ) in project.messages()


def test_story_fields_pelican_would_choke_on(project):
    project.story("visit", translation="maybe", status="secret", author=["a", "b"])
    project.story("other", translation=True, status="hidden")
    assert project.english() == [
        "content/stories/visit.md:4: translation: must be true or false",
        'content/stories/visit.md:5: status: "secret" must be one of: published, draft, hidden',
        "content/stories/visit.md:6: author: must be text",
    ]


def test_pages_are_checked_like_stories(project):
    pages = project.content / "pages"
    pages.mkdir()
    (pages / "about.md").write_text("---\ntitle: 关于\n---\n[邮件](mailto:a@example.org)\n")
    (pages / "contact.md").write_text(
        "---\ntitle: 联系\nlayout: wide\n---\n正文\n\n[点这里](javascript:alert(1))\n"
    )
    (pages / "broken.md").write_text("no front matter\n")
    assert project.english() == [
        "content/pages/broken.md:1: file must start with a '---' line opening the YAML front matter",
        "content/pages/contact.md:3: layout: unknown field",
        'content/pages/contact.md:7: body: link "javascript:alert(1)" is not allowed: use an '
        "address starting with https://, http://, mailto: or tel:",
    ]
