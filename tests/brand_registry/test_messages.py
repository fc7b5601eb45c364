"""The message catalogue: every message in both languages, printed on two lines."""

import re

import pytest

from brandsite.brand_registry.issues import Issue, ValidationFailed
from brandsite.brand_registry.messages import CATALOGUE, field_label_zh, label, msg

PLACEHOLDER = re.compile(r"{(\w+)}")
ZH_ONLY = {"section"}  # the registry list an id belongs to reads well in Chinese only
EN_ONLY = {"problem"}  # PyYAML's own words, kept in the English line for the technically minded


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_has_both_languages_with_the_same_values(key):
    english, chinese = CATALOGUE[key]
    assert english.strip() and chinese.strip()
    in_english, in_chinese = set(PLACEHOLDER.findall(english)), set(PLACEHOLDER.findall(chinese))
    assert in_english - in_chinese <= EN_ONLY and in_chinese - in_english <= ZH_ONLY
    assert re.search(r"[\u4e00-\u9fff]", chinese), "the Chinese text must be Chinese"


def test_nested_messages_are_rendered_in_their_own_language():
    hint = msg("did_you_mean", choice="652801", label=" 库尔勒市")
    message = msg("not_in_registry", value="652899", hint=hint, section=label("regions"))
    assert message.en == '"652899" is not in brands/_registry.yaml (did you mean "652801" 库尔勒市?)'
    assert message.zh == "“652899” 不在 brands/_registry.yaml 的地区列表中（是不是 “652801” 库尔勒市？）"


@pytest.mark.parametrize(
    "field, label",
    [
        ("region", "地区"),
        ("licensees[3].valid_to", "授权使用单位第 3 项 · 授权截止日"),
        ("award_programs[1].editions[2].year", "质量奖列表第 1 项 · 届次第 2 项 · 年份"),
        ("brands[2]", "相关品牌第 2 项"),
        ("regoin", "regoin"),
    ],
)
def test_fields_in_plain_chinese(field, label):
    assert field_label_zh(field) == label


def test_an_issue_prints_english_then_chinese():
    issue = Issue("brands/korla-pear/index.md", 7, "region", msg("not_a_date", value="x"))
    assert str(issue) == (
        'brands/korla-pear/index.md:7: region: "x" is not a date; write it as YYYY-MM-DD\n'
        "    地区：“x” 不是有效日期，请写成 YYYY-MM-DD，例如 2024-05-20"
    )
    untranslated = Issue("a.md", 0, "", "plain text")
    assert str(untranslated) == "a.md: plain text"


def test_validation_failed_lists_every_error_in_both_languages():
    failed = ValidationFailed(
        [
            Issue("b.md", 2, "name", msg("required")),
            Issue("a.md", 1, "cover", msg("no_cover"), "warning"),
            Issue("a.md", 3, "date", msg("not_a_date", value="soon")),
        ]
    )
    assert str(failed) == (
        "2 处内容错误： / 2 content error(s):\n"
        'a.md:3: date: "soon" is not a date; write it as YYYY-MM-DD\n'
        "    日期：“soon” 不是有效日期，请写成 YYYY-MM-DD，例如 2024-05-20\n"
        "b.md:2: name: is required\n"
        "    名称：必须填写"
    )
