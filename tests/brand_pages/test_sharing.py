"""brand_pages.sharing and urls: what search engines and link previews read."""

from __future__ import annotations

import json
import re

from brandsite.brand_pages.sharing import ShareImage, article_data, brand_graph, json_ld
from brandsite.brand_pages.urls import canonical_path
from brandsite.brand_registry.issues import errors

HOSTILE = '</script><script>alert(1)</script>"quotes"'


def test_canonical_path_is_the_folder_of_index_pages():
    assert canonical_path("index.html") == ""
    assert canonical_path("brands/korla/index.html") == "brands/korla/"
    assert canonical_path("404.html") == "404.html"
    assert canonical_path("stories/xindex.html") == "stories/xindex.html"


def test_share_image_card_follows_its_shape():
    assert ShareImage("a.jpg", 1600, 1000).card == "summary_large_image"
    assert ShareImage("logo.png", 400, 400).card == "summary"
    assert ShareImage("small.jpg", 500, 200).card == "summary"


def parse(markup) -> dict:
    match = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', str(markup), re.S)
    assert match, markup
    assert "<" not in match.group(1)
    return json.loads(match.group(1))


def test_brand_graph_is_a_brand_owned_by_an_organization(project):
    project.brand(
        "korla",
        name=HOSTILE,
        owner=HOSTILE,
        name_en="Korla Pear",
        contact={"website": "https://pear.example.org", "phone": "+86 1"},
    )
    site, issues = project.load()
    assert not errors(issues)  # a warning (no cover image) is fine here
    data = parse(
        json_ld(
            brand_graph(
                site.brands["korla"],
                site.registry,
                "https://x.org/brands/korla/",
                "https://x.org/brands/korla/logo.png",
            )
        )
    )
    brand, owner = data["@graph"]
    assert data["@context"] == "https://schema.org"
    assert brand["@type"] == "Brand" and brand["name"] == HOSTILE
    assert brand["logo"] == "https://x.org/brands/korla/logo.png" and "image" not in brand
    assert owner["@type"] == "Organization" and owner["name"] == HOSTILE
    assert owner["brand"] == {"@id": brand["@id"]}
    assert owner["url"] == "https://pear.example.org" and owner["telephone"] == "+86 1"
    assert owner["areaServed"]["name"] == "库尔勒市"


def test_article_data_names_its_brands():
    data = parse(
        json_ld(
            article_data(
                headline=HOSTILE,
                url="https://x.org/stories/a/",
                published="2024-04-02",
                modified=None,
                description="摘要",
                lang="zh-CN",
                author="中心",
                publisher="名录",
                image_url="https://x.org/images/a.jpg",
                about=[("香梨", "https://x.org/brands/korla/")],
            )
        )
    )
    assert data["@type"] == "Article" and data["headline"] == HOSTILE
    assert data["dateModified"] == data["datePublished"] == "2024-04-02"
    assert data["image"] == ["https://x.org/images/a.jpg"]
    assert data["about"] == [
        {
            "@type": "Brand",
            "@id": "https://x.org/brands/korla/#brand",
            "name": "香梨",
            "url": "https://x.org/brands/korla/",
        }
    ]
