"""brand_pages.charts: SVG bar charts that read without colour and escape what they show."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markupsafe import Markup

from brandsite.brand_pages.charts import (
    BAR_TOP,
    LINE_EMS,
    LINE_HEIGHT,
    ROW_HEIGHT,
    bar_chart,
    ems,
    label_lines,
    percent,
)

SVG = "{http://www.w3.org/2000/svg}"


def parsed(markup: Markup) -> ET.Element:
    return ET.fromstring(str(markup))


def test_an_accessible_image_with_a_label_and_value_per_row():
    svg = parsed(bar_chart("by-category", "各类别", "按类别统计。", [("农产品", 8), ("服务", 2)]))
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "by-category-title by-category-desc"
    assert svg.find(f"{SVG}title").get("id") == "by-category-title"
    assert svg.find(f"{SVG}title").text == "各类别"
    assert svg.find(f"{SVG}desc").text == "按类别统计。"
    texts = ["".join(t.itertext()) for t in svg.iter(f"{SVG}text")]
    assert texts == ["农产品8", "服务2"]  # the value is written out, not only drawn
    bars = [r.get("width") for r in svg.iter(f"{SVG}rect") if r.get("class") == "chart-bar"]
    assert bars == ["100%", "25%"]
    assert svg.get("height") == str(2 * ROW_HEIGHT)


def test_bar_lengths_are_relative_to_the_largest_and_zero_stays_zero():
    assert percent(3, 3) == "100"
    assert percent(2, 3) == "66.67"
    assert percent(0, 3) == "0"
    assert percent(0, 0) == "0"


def test_editor_text_is_escaped():
    markup = bar_chart("x", "<b>title</b>", 'a "desc" & more', [("<script>alert(1)</script>", 1)])
    assert "<script>" not in markup and "<b>" not in markup
    svg = parsed(markup)
    assert svg.find(f"{SVG}title").text == "<b>title</b>"
    assert "".join(next(svg.iter(f"{SVG}text")).itertext()) == "<script>alert(1)</script>1"


def test_same_rows_same_bytes():
    rows = [("甲", 3), ("乙", 1)]
    assert bar_chart("c", "t", "d", rows) == bar_chart("c", "t", "d", list(rows))


def test_an_empty_chart_is_still_well_formed():
    svg = parsed(bar_chart("none", "t", "d", []))
    assert list(svg.iter(f"{SVG}rect")) == []


def test_a_long_label_wraps_and_its_row_grows():
    long = "Bayingolin Mongol Autonomous Prefecture of the Autonomous Region"
    svg = parsed(bar_chart("wrap", "t", "d", [(long, 2), ("短", 1)]))
    first = next(svg.iter(f"{SVG}text"))
    lines = [t.text for t in first if t.get("class") != "chart-value"]
    assert len(lines) >= 2 and " ".join(lines) == long
    assert all(ems(line) <= LINE_EMS for line in lines)
    extra = (len(lines) - 1) * LINE_HEIGHT
    assert svg.get("height") == str(2 * ROW_HEIGHT + extra)
    bars = [r for r in svg.iter(f"{SVG}rect") if r.get("class") == "chart-bar"]
    assert [int(b.get("y")) for b in bars] == [BAR_TOP + extra, ROW_HEIGHT + extra + BAR_TOP]


def test_chinese_labels_break_between_characters():
    label = "巴音郭楞蒙古自治州" * 3
    lines = label_lines(label)
    assert "".join(lines) == label and len(lines) == 2
    assert label_lines("阿克苏地区") == ["阿克苏地区"]
