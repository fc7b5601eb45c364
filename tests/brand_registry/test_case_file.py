"""Exposed violation cases: content/cases/<slug>.md, checked with file, line and field."""

from __future__ import annotations

from datetime import date

from conftest import front_matter

from brandsite.brand_registry import load_site
from brandsite.brand_registry.issues import errors, warnings

CASE = {
    "title": "王小明冒用“库尔勒香梨”地理标志专用标志案",
    "date": "2026-06-10",
    "decided": "2026-05-20",
    "authority": "库尔勒市市场监督管理局",
    "document": "库市监处罚〔2026〕12号",
    "party": "王小明",
    "party_kind": "individual",
    "region": "652801",
    "violations": ["冒用地理标志专用标志"],
    "legal_basis": ["《中华人民共和国商标法》第五十七条"],
    "penalty": "没收王小明的侵权包装 2000 个，罚款 3 万元",
    "brands": ["korla-pear"],
    "unpublish_after": "2029-05-20",
}


def case(project, slug: str = "korla-pear-gi-misuse", body: str = "王小明在网店销售。\n", **fields):
    folder = project.content / "cases"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.md"
    path.write_text(front_matter({**CASE, **fields}, body), encoding="utf-8")
    return path


def test_an_individual_is_masked_in_every_text(project):
    project.brand("korla-pear")
    case(project)
    site, issues = project.load()
    assert errors(issues) == []
    found = site.cases["korla-pear-gi-misuse"]
    assert found.party == "王某某"
    assert found.title.startswith("王某某冒用")
    assert "王某某" in found.penalty and "王某某" in found.body
    assert "王小明" not in repr(found)
    assert found.brands == ("korla-pear",)


def test_a_remark_after_an_individuals_name_stays(project):
    project.brand("korla-pear")
    case(project, party="王小明（个体工商户）")
    site, _ = project.load()
    found = site.cases["korla-pear-gi-misuse"]
    assert found.party == "王某某（个体工商户）" and "王小明" not in repr(found)


def test_an_organization_is_published_as_written(project):
    project.brand("korla-pear")
    case(project, party="库尔勒市某果品经营部", party_kind="organization", body="经营部销售。\n")
    site, _ = project.load()
    assert site.cases["korla-pear-gi-misuse"].party == "库尔勒市某果品经营部"


def test_published_until_the_period_ends(project):
    project.brand("korla-pear")
    case(project)
    site, _ = project.load()
    assert [c.slug for c in site.published_cases(date(2029, 5, 20))] == ["korla-pear-gi-misuse"]
    assert site.published_cases(date(2029, 5, 21)) == []


def test_a_warning_before_and_after_the_period_ends(project):
    project.brand("korla-pear")
    case(project)
    soon = project.warnings(date(2029, 5, 1))
    assert any("unpublish_after" in w and "19 days" in w for w in soon)
    assert any("taken down" in w or "no longer published" in w for w in project.warnings(date(2029, 6, 1)))
    assert not any("unpublish_after" in w for w in project.warnings(date(2029, 1, 1)))


def test_id_and_mobile_numbers_are_errors_naming_line_and_field(project):
    project.brand("korla-pear")
    case(project, penalty="罚款 3 万元，联系 13800138000", body="\n身份证号 11010519491231002X\n")
    lines = project.english()
    assert any(":14: penalty: a mobile phone number" in line for line in lines), lines
    assert any(": body: a resident ID number" in line for line in lines), lines
    assert not any("13800138000" in line or "19491231" in line for line in project.messages())


def test_validation_names_file_and_field(project):
    project.brand("korla-pear")
    case(
        project,
        region="659999",
        brands=["nope"],
        party_kind="person",
        decided="2026-07-01",
        penalty="",
    )
    case(project, "late", unpublish_after="2020-01-01")
    lines = project.english()
    expected = [
        "content/cases/korla-pear-gi-misuse.md:9: region:",
        "content/cases/korla-pear-gi-misuse.md:16: brands[1]:",
        "content/cases/korla-pear-gi-misuse.md:8: party_kind:",
        "content/cases/korla-pear-gi-misuse.md:4: decided:",
        "content/cases/korla-pear-gi-misuse.md:14: penalty:",
        "content/cases/late.md:17: unpublish_after:",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, lines)
    assert all(issue.message.zh for issue in errors(project.load()[1]))


def test_missing_fields_and_bad_slugs(project):
    folder = project.content / "cases"
    folder.mkdir(parents=True)
    (folder / "Wang-Xiaoming.md").write_text("---\ntitle: 某案\n---\n正文\n", encoding="utf-8")
    lines = project.english()
    for name in ("date", "decided", "authority", "party", "party_kind", "region", "violations", "penalty"):
        assert any(f"content/cases/Wang-Xiaoming.md:1: {name}: is required" in line for line in lines), name
    assert any("Wang-Xiaoming.md: slug: file name" in line for line in lines)


def test_load_site_checks_the_cases_folder_only(project):
    site, issues = load_site(project.paths())
    assert site.cases == {} and errors(issues) == [] and warnings(issues) == []
