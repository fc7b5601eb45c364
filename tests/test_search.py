"""Full-text search: the Pagefind index of the built site, queried as a browser would."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import cbor2
import pytest
from sitebuild import AS_OF, build, copy_project, snapshot

from brandsite.build import search_index
from brandsite.build.pagefind_service import glob_of
from brandsite.build.search_index import (
    SIGNATURE,
    Page,
    Partition,
    SearchIndexError,
    build_index,
    normalise,
    pagefind_binary,
    plan,
    read_chunk,
    reads_alike,
    run_pagefind,
)

HARNESS = Path(__file__).with_name("pagefind_search.mjs")


def search(output: Path, query: str | None, lang: str = "zh-cn", filters: dict | None = None) -> dict:
    """Run pagefind.js over the built index in Node; `query=None` searches by filters only."""
    result = subprocess.run(
        [
            "node",
            str(HARNESS),
            str(output),
            lang,
            "-" if query is None else query,
            json.dumps(filters or {}, ensure_ascii=False),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout)


def urls(found: dict) -> list[str]:
    return [r["url"] for r in found["results"]]


def stories_about(site, slug: str, lang: str = "zh") -> set[str]:
    prefix = "/en" if lang == "en" else ""
    return {
        f"{prefix}/stories/{s.slug}/" for s in site.stories.values() if s.lang == "zh" and slug in s.brands
    }


def test_xiangli_finds_the_korla_pear_and_its_stories(output, sample_site):
    found = urls(search(output, "香梨"))
    assert found[0] == "/brands/korla-fragrant-pear/"
    lists = {  # the award lists that link it
        f"/awards/{a.program}/{a.edition}/"
        for a in sample_site.award_lists.values()
        if a.winners_of("korla-fragrant-pear")
    }
    # The violation cases of its mark (content/cases/korla-pear-gi-mark-misuse.md) name it too.
    cases = {
        f"/cases/{c.slug}/"
        for c in sample_site.published_cases(AS_OF.date())
        if "korla-fragrant-pear" in c.brands
    }
    assert cases == {"/cases/korla-pear-gi-mark-misuse/"}
    assert (
        set(found)
        == {"/brands/korla-fragrant-pear/"}
        | stories_about(sample_site, "korla-fragrant-pear")
        | lists
        | cases
    )


@pytest.mark.parametrize(
    "query, brand",
    [
        ("苇编", "bohu-reed-crafts"),
        ("地毯", "hotan-carpet"),
        ("玉枣", "hotan-jujube"),
        ("面粉", "qitai-flour"),
    ],
)
def test_two_character_words_find_their_brand(output, sample_site, query, brand):
    found = urls(search(output, query))
    assert f"/brands/{brand}/" in found[:2]
    assert stories_about(sample_site, brand) <= set(found)


def test_every_brand_name_finds_its_page_and_stories(output, sample_site):
    """Whatever the browser's word splitting does to a name (`哈密瓜`, `伊犁薰衣草精油`)."""
    missed = {}
    for brand in sample_site.brands.values():
        wanted = {f"/brands/{brand.slug}/"} | stories_about(sample_site, brand.slug)
        found = set(urls(search(output, brand.name)))
        if wanted - found:
            missed[brand.name] = sorted(wanted - found)
    assert missed == {}


def test_every_award_winner_finds_its_edition_page(output, sample_site):
    """Winners are found by name, with or without a registry brand (the list's meta names)."""
    missed = []
    for found in sample_site.award_lists.values():
        page = f"/awards/{found.program}/{found.edition}/"
        missed += [w.name for w in found.winners if page not in urls(search(output, w.name))]
    assert missed == []


def test_chinese_index_holds_only_chinese_pages(output):
    found = urls(search(output, None, filters={"类型": "品牌"}))
    assert len(found) == 16 and all(u.startswith("/brands/") for u in found)
    english = urls(search(output, None, "en", {"Type": "Brand"}))
    assert len(english) == 16 and all(u.startswith("/en/brands/") for u in english)


def test_english_queries(output):
    found = urls(search(output, "Korla pear", "en"))
    # The English page of the case of its misused mark (content/cases/korla-pear-gi-mark-misuse.md)
    # is short and names the brand: it ranks between the brand and its story.
    assert found[:3] == [
        "/en/brands/korla-fragrant-pear/",
        "/en/cases/korla-pear-gi-mark-misuse/",
        "/en/stories/korla-pear-standardisation/",
    ]
    found = urls(search(output, "cold chain", "en"))
    assert "/en/stories/hami-melon-cold-chain/" in found


def test_results_filter_by_kind_region_and_category(output, sample_site):
    everything = search(output, "质量")
    kinds = {r["filters"]["类型"][0] for r in everything["results"]}
    assert kinds == {"品牌", "故事", "页面", "质量奖", "违法案件"}  # cases: content/cases/*.md
    stories = search(output, "质量", filters={"类型": "故事"})
    assert stories["total"] and all(u.startswith("/stories/") for u in urls(stories))

    korla = search(output, None, filters={"地区": "库尔勒市"})
    # and the violation case decided in Korla City (content/cases/korla-pear-gi-mark-misuse.md)
    cases = {f"/cases/{c.slug}/" for c in sample_site.published_cases(AS_OF.date()) if c.region == "652801"}
    assert cases == {"/cases/korla-pear-gi-mark-misuse/"}
    assert (
        set(urls(korla))
        == {"/brands/korla-fragrant-pear/"} | stories_about(sample_site, "korla-fragrant-pear") | cases
    )
    services = urls(search(output, None, filters={"类型": "品牌", "类别": "服务"}))
    assert sorted(services) == sorted(
        f"/brands/{b.slug}/" for b in sample_site.brands.values() if b.category == "service"
    )
    english = urls(search(output, None, "en", {"Region": "Korla City", "Type": "Story"}))
    assert english == ["/en/stories/korla-pear-standardisation/"]


def test_index_is_built_by_the_extended_binary(output):
    """Only the extended build splits Chinese into words (stored separated by U+200B)."""
    assert pagefind_binary().name == "pagefind_extended"
    fragments = [
        json.loads(gzip.decompress(path.read_bytes())[12:])
        for path in (output / "pagefind").glob("*/fragment/*.pf_fragment")
    ]
    chinese = [f["content"] for f in fragments if not f["url"].startswith("/en/")]
    # 31 pages, and the 4 violation cases of content/cases/ (published on the build day).
    assert len(chinese) == 35 and all("\u200b" in c for c in chinese)


def test_search_page_and_header_box(output):
    for folder, lang in (output, "zh-CN"), (output / "en", "en"):
        page = (folder / "search" / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in page
        assert re.search(r'<script src="(\.\./)+pagefind/pagefind-ui\.js" defer>', page)
        assert re.search(r'<link rel="stylesheet" href="(\.\./)+pagefind/pagefind-ui\.css">', page)
        assert "<noscript>" in page and 'brands/">' in page.split("<noscript>")[1]
    for name in ("pagefind-ui.js", "pagefind-ui.css", "partitions.json"):
        assert (output / "pagefind" / name).is_file()
    assert (output / "theme/js/search-index/pagefind.js").is_file()  # what PagefindUI imports
    home = (output / "index.html").read_text(encoding="utf-8")
    # Without JavaScript the box lists the directory; site.js points it at search/.
    assert re.search(
        r'<form class="site-search" role="search" method="get" action="\./brands/" '
        r'data-search-action="\./search/">',
        home,
    )
    assert 'name="q"' in home


def test_brand_and_story_pages_mark_what_is_indexed(output):
    brand = (output / "brands/korla-fragrant-pear/index.html").read_text(encoding="utf-8")
    body = brand.index("<article")
    assert brand.count("data-pagefind-body") == 1 and brand.index("data-pagefind-body") > body
    assert brand.index("site-header") < body < brand.index("</article>") < brand.index("site-footer")
    assert '<nav class="toc" aria-label="本页内容" data-pagefind-ignore>' in brand
    assert '<section id="stories" aria-labelledby="stories-title" data-pagefind-ignore="all">' in brand
    directory = (output / "brands/index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in directory  # lists are for browsing, not results


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def fake_bundle(folder: Path, reverse: bool) -> Path:
    """A Pagefind bundle as 1.5.2 writes it, with its random orders chosen by `reverse`."""
    bundle = folder / "pagefind"
    (bundle / "filter").mkdir(parents=True)
    languages = {}
    for lang, meta_hash in (("en", "en_aaaaaaaaaa"), ("zh-cn", "zh-cn_bbbbbbbbbbbbb")):
        filters = []
        for n, name in enumerate(("类型", "地区")):
            values = [["乙", [1]], ["甲", [0, 2]]]
            if reverse:
                values.reverse()
            filters.append([name, f"{lang}_{n}{'r' if reverse else 'f'}00000"])
            (bundle / "filter" / f"{filters[-1][1]}.pf_filter").write_bytes(
                gzip.compress(SIGNATURE + cbor2.dumps([name, values]))
            )
        if reverse:
            filters.reverse()
        meta = ["1.5.2", [["fragment", 3]], [], filters, [], ["title"]]
        (bundle / f"pagefind.{meta_hash}.pf_meta").write_bytes(gzip.compress(SIGNATURE + cbor2.dumps(meta)))
        languages[lang] = {"hash": meta_hash, "page_count": 3}
    if reverse:
        languages = dict(reversed(languages.items()))
    entry = {"version": "1.5.2", "languages": languages}
    (bundle / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")
    return bundle


def test_normalise_sorts_what_pagefind_leaves_in_random_order(tmp_path):
    one = fake_bundle(tmp_path / "one", reverse=False)
    two = fake_bundle(tmp_path / "two", reverse=True)
    assert normalise(one) == normalise(two) == {"en": 3, "zh-cn": 3}
    assert digest(one) == digest(two)
    entry = json.loads((one / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["en", "zh-cn"]
    meta = read_chunk(one / f"pagefind.{entry['languages']['zh-cn']['hash']}.pf_meta")
    assert [name for name, _ in meta[3]] == ["地区", "类型"]
    assert read_chunk(one / "filter" / f"{meta[3][0][1]}.pf_filter") == [
        "地区",
        [["乙", [1]], ["甲", [0, 2]]],
    ]
    assert len(list((one / "filter").iterdir())) == 4  # the unsorted files are gone


def test_normalise_refuses_an_unknown_layout(tmp_path):
    bundle = fake_bundle(tmp_path, reverse=False)
    (bundle / "pagefind-entry.json").write_text('{"version": "1.6.0", "languages": {}}')
    with pytest.raises(SearchIndexError, match=r"1\.6\.0 is not 1\.5\.2"):
        normalise(bundle)


def test_a_failed_index_leaves_output_untouched(tmp_path):
    root = copy_project(tmp_path)
    assert build(root, root / "output").returncode == 0
    before = snapshot(root / "output")
    # A static file where the index must go: Pagefind cannot write its folder.
    (root / "content" / "pagefind").write_text("in the way\n")
    settings = root / "pelicanconf.py"
    settings.write_text(settings.read_text() + '\nSTATIC_PATHS = ["images", "pagefind"]\n')
    result = build(root, root / "output")
    assert result.returncode == 1
    assert "Search index: Pagefind failed" in result.stderr
    assert "Build failed: output/ was left as it was." in result.stderr
    assert snapshot(root / "output") == before
    assert not list(root.glob(".output.*"))


def pages(lang: str, section: str, count: int) -> list[Page]:
    prefix = "" if lang == "zh-cn" else f"{lang}/"
    return [Page(f"{prefix}{section}/p{n}/index.html", lang, (n, 1, 1)) for n in range(count)]


def test_partitions_by_language_and_section_in_buckets_of_a_size():
    site = pages("zh-cn", "stories", 9) + pages("zh-cn", "brands", 3) + pages("en", "stories", 2)
    site += [Page("about/index.html", "zh-cn", (0, 1, 1))]
    partitions = plan(site, size=4)
    names = [p.name for p in partitions]
    assert names[:2] == ["en-stories", "zh-cn-pages"]  # each language's first holds Pagefind's scripts
    assert [p.name for p in partitions if p.primary] == ["en-stories", "zh-cn-pages"]
    assert "zh-cn-brands" in names  # 3 pages: one partition
    stories = [p for p in partitions if p.name.startswith("zh-cn-stories-")]
    assert {p.name for p in stories} <= {f"zh-cn-stories-{k}" for k in range(4)}  # 9 pages: 4 buckets
    assert sum(len(p.pages) for p in stories) == 9
    # A page stays in its bucket, whatever else changes in other buckets.
    edited = [Page(p.path, p.lang, (99, 2, 2)) if p.path.startswith("stories/p3/") else p for p in site]
    after = {p.name: p.digest() for p in plan(edited, size=4)}
    changed = [p.name for p in partitions if after[p.name] != p.digest()]
    assert len(changed) == 1 and changed[0].startswith("zh-cn-stories-")


STORY = (
    '<html lang="zh-CN"><head><meta name="description" content="{meta}">'
    '<meta name="pagefind-filter" data-pagefind-filter="类型[content]" content="{filter}">'
    '<script type="application/ld+json">{{"description":"{script}"}}</script>'
    '<script id="d" type="application/json">{anchored}</script></head>'
    "<body><article data-pagefind-body><h1>故事</h1><p>{text}</p>"
    '<section class="story-brands" data-pagefind-ignore="all"><h2>品牌</h2>'
    '<section class="card">{card}</section><p>{after}</p></section></article></body></html>'
)


def test_a_partition_reads_alike_when_its_pages_changed_only_where_pagefind_reads_nothing(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"

    def write(folder: Path, **parts) -> Page:
        path = folder / "stories/s/index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        values = {"text": "正文", "card": "摘要", "after": "尾", "meta": "简介", "filter": "故事"}
        path.write_text(STORY.format(**{**values, "script": "简介", "anchored": "", **parts}), "utf-8")
        info = path.stat()
        return Page("stories/s/index.html", "zh-cn", (info.st_ino, info.st_size, info.st_mtime_ns))

    before = {"stories/s/index.html": [*write(old).stamp, "zh-cn"]}

    def alike(**parts) -> bool:
        return reads_alike(Partition("zh-cn-stories", "zh-cn", [write(new, **parts)]), new, old, before)

    assert alike(card="另一个摘要")
    assert not alike(text="另一段正文")
    # Nor does it read a script's text or a meta tag, unless it has a data-pagefind attribute
    # or an id (an anchor).
    assert alike(meta="另一个简介", script="另一个简介")
    assert not alike(filter="案件")
    assert not alike(anchored="x")
    # Up to the first end tag of its name only: what follows an inner one counts, as it may be read.
    assert not alike(after="另一个尾")
    same = Page("stories/s/index.html", "zh-cn", tuple(before["stories/s/index.html"][:3]))
    assert reads_alike(Partition("zh-cn-stories", "zh-cn", [same]), old, old, before)  # the same file
    write(old, card="改过了")  # the previous output changed since its index was made: not to be trusted
    assert not alike(card="改过了")
    assert not reads_alike(Partition("zh-cn-stories", "zh-cn", [write(new)]), new, tmp_path / "gone", before)


def test_the_search_step_indexes_with_the_processes_started_early_and_ends_them_all(tmp_path, monkeypatch):
    made = []

    class Service:
        def __init__(self, _binary=None):
            self.indexed, self.ended = [], None
            made.append(self)

        def index(self, _site, pages):
            self.indexed.append(pages)
            return {}

        def close(self, kill=False):
            self.ended = "killed" if kill else "closed"

    monkeypatch.setattr(search_index, "PagefindService", Service)
    monkeypatch.setattr(search_index, "pagefind_binary", lambda: Path("pagefind"))
    for name in ("_write", "_write_ui", "_check"):
        monkeypatch.setattr(search_index, name, lambda *_args: None)
    site = pages("zh-cn", "stories", 4)
    first, second = (
        Partition("zh-cn-stories-0", "zh-cn", site[:2]),
        Partition("zh-cn-stories-1", "zh-cn", site[2:]),
    )

    early = [Service(), Service()]
    run_pagefind(tmp_path, tmp_path / "one", [first], services=early)
    assert len(made) == 2  # none started now
    assert early[0].indexed and early[0].ended == "closed"
    assert not early[1].indexed and early[1].ended == "killed"  # not needed: not waited for

    made.clear()
    early = [Service()]
    run_pagefind(tmp_path, tmp_path / "two", [first, second], services=early)
    assert len(made) == 2  # one more, for the other core
    assert all(len(service.indexed) == 1 and service.ended == "closed" for service in made)


def test_glob_of_pages_names_exactly_them():
    assert glob_of(["en/stories/a/index.html"]) == "en/stories/a/index.html"
    assert glob_of(["stories/a/index.html", "stories/b{1,2}/index.html"]) == (
        "stories/{a/index.html,b\\{1\\,2\\}/index.html}"
    )
    assert glob_of(["about/index.html", "en/about/index.html"]) == "{about/index.html,en/about/index.html}"


QUERIES = [  # language, query, words a page found must hold
    ("zh-cn", "香梨", ["香梨"]),
    ("zh-cn", "库尔勒香梨", ["库尔勒香梨"]),
    ("zh-cn", "质量", ["质量"]),
    ("zh-cn", "冷链 哈密瓜", ["冷链", "哈密瓜"]),
    ("en", "Korla pear", ["korla", "pear"]),
]


def test_small_partitions_find_what_the_default_ones_find(output, tmp_path):
    """Buckets of 2 pages. Pagefind ignores a word an index lacks, so a partition without
    one of the words would add its pages holding the others; merged.js keeps them out.
    A partition without a word itself matches longer words starting with it (哈密瓜 in
    哈密瓜和): a page found so holds the words too. Ranks come from each partition's own
    word counts, so only a clear best must stay first."""
    site = tmp_path / "site"
    shutil.copytree(output, site, ignore=shutil.ignore_patterns("pagefind"))
    build_index(site, size=2)
    assert len(json.loads((site / "pagefind/partitions.json").read_text())["zh-cn"]) > 10
    for lang, query, words in QUERIES:
        small, default = set(urls(search(site, query, lang))), set(urls(search(output, query, lang)))
        assert default <= small, query
        for url in small - default:
            text = (site / url.strip("/") / "index.html").read_text(encoding="utf-8").lower()
            assert all(word in text for word in words), (query, url)
    assert urls(search(site, "香梨"))[0] == "/brands/korla-fragrant-pear/"
    assert urls(search(site, "Korla pear", "en"))[0] == "/en/brands/korla-fragrant-pear/"
