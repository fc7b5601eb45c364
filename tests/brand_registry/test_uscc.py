"""Unified social credit codes (GB 32100-2015): the check character, and licensees' `uscc`."""

import pytest

from brandsite.brand_registry.uscc import check_character, uscc_problem

VALID = "91350100M000100Y43"  # a published code: its check character is 3
LICENCE = {"name": "甲公司", "license": "XJ-1", "valid_from": "2021-01-01", "valid_to": "2030-01-01"}


@pytest.mark.parametrize("code", [VALID, "91652801MA00000004"])
def test_a_valid_code_has_no_problem(code):
    assert check_character(code[:17]) == code[-1]
    assert uscc_problem(code) is None


def test_a_wrong_check_character_is_reported():
    problem = uscc_problem("91350100M000100Y44")
    assert problem.en == (
        '"91350100M000100Y44" is not a valid unified social credit code: its last (check) '
        "character does not match the others; check it for a typo"
    )
    assert problem.zh == (
        "“91350100M000100Y44” 不是有效的统一社会信用代码：最后一位校验码与前 17 位不符，请核对是否抄错"
    )


@pytest.mark.parametrize("char", ["I", "O", "S", "V", "Z", "a", "-", "０"])
def test_a_character_outside_the_alphabet_is_named(char):
    code = VALID[:8] + char + VALID[9:]
    problem = uscc_problem(code)
    assert problem.en.startswith(f'"{code}" contains "{char}"; a unified social credit code uses only')
    assert f"含有 “{char}”" in problem.zh


@pytest.mark.parametrize("code", [VALID[:-1], VALID + "0", ""])
def test_a_code_of_the_wrong_length_is_reported(code):
    problem = uscc_problem(code)
    assert problem.en == f'"{code}" has {len(code)} characters; a unified social credit code has 18'
    assert problem.zh == f"“{code}” 有 {len(code)} 位；统一社会信用代码应为 18 位"


def test_a_licensee_keeps_a_valid_uscc(project):
    project.brand("pear", licensees=[{**LICENCE, "uscc": VALID}])
    site, issues = project.load()
    assert issues == [] or all(i.severity == "warning" for i in issues)
    assert site.brands["pear"].licensees[0].uscc == VALID


def test_a_wrong_uscc_is_an_error_naming_the_field(project):
    project.brand("pear", licensees=[{**LICENCE, "uscc": "91350100M000100Y44"}])
    assert project.english() == [
        'brands/pear/index.md:13: licensees[1].uscc: "91350100M000100Y44" is not a valid unified social '
        "credit code: its last (check) character does not match the others; check it for a typo"
    ]
    assert project.messages()[0].endswith(
        "\n    授权使用单位第 1 项 · 统一社会信用代码：“91350100M000100Y44” 不是有效的统一社会信用代码："
        "最后一位校验码与前 17 位不符，请核对是否抄错"
    )


def test_licensees_csv_takes_an_optional_uscc_column(project):
    project.brand(
        "pear",
        files={
            "licensees.csv": "name,license,valid_from,valid_to,products,uscc\n"
            f"甲公司,L-1,2021-01-01,2030-01-01,鲜梨,{VALID}\n"
            "乙公司,L-2,2021-01-01,2030-01-01,鲜梨,\n"
            "丙公司,L-3,2021-01-01,2030-01-01,鲜梨,91350100M00010\n",
        },
    )
    assert project.english() == [
        'brands/pear/licensees.csv:4: uscc: "91350100M00010" has 14 characters; '
        "a unified social credit code has 18"
    ]
    site, _issues = project.load()
    assert [lic.uscc for lic in site.brands["pear"].licensees] == [
        VALID,
        "",
        "",
    ]  # a bad code is left out, its licence kept
