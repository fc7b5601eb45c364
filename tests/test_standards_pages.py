"""Standards on the built sample site: /standards/, a page per standard (zh and /en/), the brand
page's links, the directory's filter data, and English twins' texts on English brand pages."""

from __future__ import annotations

import json
import re


def read(output, path: str) -> str:
    return (output / path).read_text(encoding="utf-8")


def test_one_standard_written_two_ways_is_one_page_citing_both_brands(output):
    page = read(output, "standards/gb-2762-2022/index.html")
    assert '<h1 class="code">GB 2762-2022</h1>' in page
    assert "强制性国家标准" in page
    for slug in ("hotan-jujube", "turpan-raisins"):
        assert f'href="../../brands/{slug}/"' in page
    assert not (output / "standards/gb2762-2022").exists()
    index = read(output, "standards/index.html")
    assert index.count('href="../standards/gb-2762-2022/"') == 1
    assert "推荐性国家标准" in index and "团体标准" in index


def test_english_standard_pages_have_the_english_title_where_a_twin_gives_one(output):
    page = read(output, "en/standards/gb-t-19859-2005/index.html")
    assert "National standard (recommended)" in page
    assert (
        '<span class="standard-title">Product of geographical indication — Korla fragrant pear</span>' in page
    )
    untranslated = read(output, "en/standards/gb-t-10651-2008/index.html")
    assert '<span class="standard-title" lang="zh-CN">鲜苹果</span>' in untranslated


def test_brand_pages_link_their_standards(output):
    page = read(output, "brands/hotan-jujube/index.html")
    assert '<a href="../../standards/gb-2762-2022/" class="code">GB 2762-2022</a>' in page
    english = read(output, "en/brands/turpan-raisins/index.html")
    assert 'href="../../../en/standards/gb-2762-2022/" class="code">GB 2762-2022</a>' in english


def test_the_directory_filters_by_standard(output):
    data = json.loads(read(output, "brands/directory.json"))
    citing = sorted(b["url"] for b in data["brands"] if "gb-2762-2022" in b["standards"])
    assert citing == ["brands/hotan-jujube/", "brands/turpan-raisins/"]
    directory = read(output, "brands/index.html")
    assert '<option value="gb-2762-2022">GB 2762-2022（2）</option>' in directory
    assert 'href="../standards/gb-2762-2022/" class="code">GB 2762-2022</a>' in directory  # without JS
    assert re.search(r'data-standards="[^"]*gb-2762-2022', directory)  # the cards, for the no-data fallback


def test_english_brand_page_shows_the_twins_texts(output):
    page = read(output, "en/brands/korla-fragrant-pear/index.html")
    assert "<dd>Korla Fragrant Pear Association</dd>" in page
    assert "<dd>88 Renmin East Road, Korla" in page
    assert '<th scope="row">Korla Tianli Fruit Co., Ltd.</th>' in page
    assert "<td>fresh pears, pear juice</td>" in page
    assert '<th scope="row" lang="zh-CN">巴州聚丰冷链物流有限公司</th>' in page  # not translated: Chinese
    assert "<figcaption>The main harvest begins in mid-September</figcaption>" in page
    assert 'alt="Growers picking ripe fragrant pears under the trees"' in page
    assert "<td>China Green Food Development Center</td>" in page
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    graph = json.loads(ld)["@graph"]
    assert graph[0]["name"] == "Korla Fragrant Pear" and graph[0]["alternateName"] == "库尔勒香梨"
    assert graph[1]["name"] == "Korla Fragrant Pear Association"


def test_by_position_twin_and_chinese_pages_unchanged(output):
    english = read(output, "en/brands/turpan-raisins/index.html")
    assert 'alt="Bunches of grapes hanging in a ventilated drying house"' in english
    assert '<th scope="row">Turpan Karez Agricultural Development Co., Ltd.</th>' in english
    chinese = read(output, "brands/korla-fragrant-pear/index.html")
    assert "<dd>库尔勒香梨协会</dd>" in chinese
    assert "Korla Fragrant Pear Association" not in chinese.split("</head>")[1]


def test_open_data_lists_the_standards(output):
    records = json.loads(read(output, "data/standards.json"))["standards"]
    found = next(r for r in records if r["code"] == "GB 2762-2022")
    assert found["kind"] == "national-mandatory"
    assert found["title"] == "食品安全国家标准 食品中污染物限量"
    assert found["title_en"] == "National food safety standard — Maximum levels of contaminants in foods"
    assert [b["slug"] for b in found["brands"]] == ["hotan-jujube", "turpan-raisins"]
    assert found["url"].endswith("standards/gb-2762-2022/")
    assert len({r["code"] for r in records}) == len(records)
    assert "standards.json" in read(output, "data/index.html")
