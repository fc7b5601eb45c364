from conftest import jpeg_bytes


def test_story_naming_unknown_brand_and_bad_fields(project):
    project.brand("korla-pear")
    project.story("visit", brands=["korla-pear", "korla-peer"], date="2024-13-01", cover="images/none.jpg")
    assert project.messages() == [
        'content/stories/visit.md:3: date: "2024-13-01" is not a date; write it as YYYY-MM-DD',
        'content/stories/visit.md:6: brands[2]: "korla-peer" is not a brand in brands/'
        ' (did you mean "korla-pear"?)',
        'content/stories/visit.md:7: cover: file "images/none.jpg" does not exist',
    ]


def test_story_slug_used_twice_and_bad_slug(project):
    project.story("visit")
    project.story("other", slug="visit")
    project.story("Bad_Name")
    assert project.messages() == [
        'content/stories/Bad_Name.md: slug "Bad_Name" must use only a-z, 0-9 and -',
        'content/stories/visit.md: slug: "visit" is already used by content/stories/other.md',
    ]


def test_story_with_cover_and_body_image(project):
    (project.content / "images" / "lab.jpg").write_bytes(jpeg_bytes())
    project.brand("korla-pear")
    project.story("visit", body="![实验室]({static}/images/lab.jpg)\n\n![](images/nope.jpg)\n",
                  brands=["korla-pear"], cover="images/lab.jpg")
    site, issues = project.load()
    assert [str(i) for i in issues] == [
        'content/stories/visit.md:10: body: image file "images/nope.jpg" does not exist',
        'content/stories/visit.md:10: body: image "images/nope.jpg" needs alt text: ![what it shows](images/nope.jpg)',
    ]
    story = next(iter(site.stories.values()))
    assert story.brands == ("korla-pear",) and story.cover.width == 40
