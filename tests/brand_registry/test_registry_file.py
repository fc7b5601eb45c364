def test_registry_errors_name_line_and_field(project):
    project.registry(
        "regions:\n"
        '  - code: "65"\n'
        "    name: 新疆\n"
        '  - code: "652800"\n'
        "    name: 巴州\n"
        '    parent: "650000"\n'
        "categories:\n"
        "  - id: Agri\n"
        "    name: 农产品\n"
        "  - id: agri\n"
        "  - id: agri\n"
        "    name: 农产品\n"
        "award_programs:\n"
        "  - id: award\n"
        "    name: 质量奖\n"
        "    editions:\n"
        "      - number: 1\n"
        "      - number: 1\n"
        "        year: 2020\n"
        "certificates: []\n"
    )
    assert project.messages() == [
        'brands/_registry.yaml:2: regions[1].code: "65" is not a six-digit GB/T 2260 code\n'
        "    地区列表第 1 项 · 代码：“65” 不是六位 GB/T 2260 行政区划代码",
        'brands/_registry.yaml:6: parent: region 652800 names parent "650000", which is not in the list\n'
        "    上级地区：地区 652800 的上级 “650000” 不在地区列表中",
        'brands/_registry.yaml:8: categories[1].id: "Agri" may only use a-z, 0-9 and -\n'
        "    类别列表第 1 项 · 代码：“Agri” 只能用小写字母 a-z、数字 0-9 和连字符 -",
        "brands/_registry.yaml:10: categories[2].name: is required\n    类别列表第 2 项 · 名称：必须填写",
        'brands/_registry.yaml:11: categories[3].id: "agri" is listed twice\n'
        "    类别列表第 3 项 · 代码：“agri” 列了两次",
        "brands/_registry.yaml:17: award_programs[1].editions[1].year: is required\n"
        "    质量奖列表第 1 项 · 届次第 1 项 · 年份：必须填写",
        'brands/_registry.yaml:20: certificates: unknown field (did you mean "certification_types"?)\n'
        "    certificates：没有这个字段（是不是 “certification_types”？），请检查拼写",
    ]


def test_missing_registry(project):
    (project.brands / "_registry.yaml").unlink()
    assert project.messages()[0] == "brands/_registry.yaml: file is missing\n    文件不存在"


def test_region_chain(project):
    site, _ = project.load()
    assert [r.code for r in site.registry.region_chain("652801")] == ["650000", "652800", "652801"]
