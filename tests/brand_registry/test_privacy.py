"""privacy.py: masked names, resident ID and mobile numbers."""

from __future__ import annotations

import pytest

from brandsite.brand_registry.privacy import (
    is_id_number,
    mask_name,
    masked_text,
    personal_numbers,
    split_remark,
)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("王小明", "王某某"),
        ("张三", "张某"),
        ("欧阳娜娜", "欧阳某某"),
        ("司马光", "司马某"),
        ("诸葛孔明", "诸葛某某"),
        ("欧阳", "欧某"),  # two characters: a surname and a given name
        ("阿不都·热合曼", "阿某某·某某某"),
        ("王某某", "王某某"),
    ],
)
def test_a_name_keeps_its_surname_and_masks_the_rest(name, shown):
    assert mask_name(name) == shown


def test_every_occurrence_is_masked_however_it_is_spaced_or_dotted():
    assert masked_text("王小明，王 小明、王小明。", "王小明") == "王某某，王某某、王某某。"
    assert masked_text("阿不都•热合曼", "阿不都·热合曼") == "阿某某·某某某"
    assert masked_text("张三丰", "李四") == "张三丰"
    assert masked_text("当事人王小\n明称", "王小明") == "当事人王某某称"  # a line break in a paragraph


def test_a_remark_after_the_name_is_kept_apart():
    assert split_remark("王小明（个体工商户）") == ("王小明", "（个体工商户）")
    assert split_remark(" 王小明 ") == ("王小明", "")


def test_id_numbers_need_a_valid_check_character_and_birth_date():
    assert is_id_number("11010519491231002X")
    assert not is_id_number("110105194912310021")  # wrong check character
    assert not is_id_number("110105194913310029")  # month 13


def test_personal_numbers_are_found_on_their_line():
    found = personal_numbers("甲\n身份证 11010519491231002X\n电话 13800138000、138 0013 8000\n")
    assert [(f.kind, f.line) for f in found] == [("id_number", 2), ("mobile", 3), ("mobile", 3)]
    assert "19491231" not in found[0].shown


def test_longer_digit_runs_and_landlines_are_not_mobiles():
    assert personal_numbers("编号 2138001380001 座机 0991-2345678 罚款 13000 元") == []
