def test_registry_errors_name_line_and_field(project):
    project.registry(
        "regions:\n"
        "  - code: \"65\"\n"
        "    name: 新疆\n"
        "  - code: \"652800\"\n"
        "    name: 巴州\n"
        "    parent: \"650000\"\n"
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
        'brands/_registry.yaml:2: regions[1].code: "65" is not a six-digit GB/T 2260 code',
        'brands/_registry.yaml:4: parent: region 652800 names parent "650000", which is not in the list',
        'brands/_registry.yaml:8: categories[1].id: "Agri" may only use a-z, 0-9 and -',
        "brands/_registry.yaml:10: categories[2].name: is required",
        'brands/_registry.yaml:11: categories[3].id: "agri" is listed twice',
        "brands/_registry.yaml:17: award_programs[1].editions[1].year: is required",
        'brands/_registry.yaml:20: certificates: unknown field (did you mean "certification_types"?)',
    ]


def test_missing_registry(project):
    (project.brands / "_registry.yaml").unlink()
    assert project.messages()[0] == "brands/_registry.yaml: file is missing"


def test_region_chain(project):
    site, _ = project.load()
    assert [r.code for r in site.registry.region_chain("652801")] == ["650000", "652800", "652801"]
