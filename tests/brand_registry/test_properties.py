"""Property-based tests of the registry loader (Hypothesis; profile in conftest.py).

Whatever an editor writes, the loader answers with validation results (Issues,
or a FrontMatterError for the reader functions), never another exception; and
every valid brand comes back from its files exactly as it was written.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import REGISTRY
from hypothesis import event, given, settings
from hypothesis import strategies as st

from brandsite.brand_registry import jsonsafe, open_data
from brandsite.brand_registry.brand_file import BRAND_FIELDS, load_brand
from brandsite.brand_registry.frontmatter import FrontMatterError, parse_document, read_text
from brandsite.brand_registry.issues import Issue, errors
from brandsite.brand_registry.licensees import load_licensees_csv
from brandsite.brand_registry.model import STATUSES, Brand
from brandsite.brand_registry.open_data import Links, brand_record
from brandsite.brand_registry.registry_file import load_registry
from brandsite.brand_registry.stories import STORY_FIELDS, load_story

SCHEMA = json.loads(Path(open_data.__file__).with_name("brand.schema.json").read_text("utf-8"))

# -- arbitrary input ---------------------------------------------------------------

NESTED_FIELDS = [
    "type",
    "number",
    "issuer",
    "issued",
    "expires",
    "code",
    "title",
    "program",
    "edition",
    "recipient",
    "name",
    "license",
    "valid_from",
    "valid_to",
    "products",
    "website",
    "phone",
    "email",
    "address",
    "src",
    "alt",
    "caption",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates(),
    st.datetimes(),
    st.sampled_from(
        [
            "",
            "2024-02-30",
            "agricultural",
            "652801",
            "https://example.org",
            "javascript:alert(1)",
            "logo.png",
            "../x.png",
            "{static}/a.jpg",
        ]
    ),
)
keys = st.one_of(st.sampled_from(sorted(BRAND_FIELDS | STORY_FIELDS) + NESTED_FIELDS), st.text(max_size=10))
yaml_values = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)),
    max_leaves=25,
)
front_matters = st.dictionaries(keys, yaml_values, max_size=12)


def pieces(tokens: list[str], max_size: int) -> st.SearchStrategy[str]:
    """Text made of `tokens`: reaches the interesting parsing paths sooner than random text."""
    return st.lists(st.sampled_from(tokens), max_size=max_size).map("".join)


markdown_bodies = pieces(
    [
        *list("ab [](){}!<>`*_#-\n:/=\"'&;"),
        "javascript:",
        "<img src=",
        "<a href=",
        "logo.png",
        "![",
        "](",
        "\n\n",
        "    ",
        "&#10;",
        "data:",
        "https://",
    ],
    60,
)


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    """A project folder reused by every example: (root, bundle, registry)."""
    root = tmp_path_factory.mktemp("properties")
    (root / "brands" / "pear").mkdir(parents=True)
    (root / "content" / "stories").mkdir(parents=True)
    registry_path = root / "brands" / "_registry.yaml"
    registry_path.write_text(yaml.safe_dump(REGISTRY, allow_unicode=True), encoding="utf-8")
    issues: list[Issue] = []
    registry = load_registry(registry_path, "brands/_registry.yaml", issues)
    assert issues == []
    return root, root / "brands" / "pear", registry


def only_issues(issues) -> bool:
    return all(isinstance(issue, Issue) and isinstance(issue.line, int) for issue in issues)


@given(st.text(max_size=200))
def test_any_text_parses_or_raises_front_matter_error(text):
    for candidate in (text, f"---\n{text}\n---\n{text}"):
        try:
            parse_document(candidate)
        except FrontMatterError as exc:
            assert exc.message and exc.line >= 0


@given(st.binary(max_size=300))
def test_any_bytes_read_or_raise_front_matter_error(tmp_path_factory, data):
    path = tmp_path_factory.getbasetemp() / "bytes.md"
    path.write_bytes(data)
    try:
        text = read_text(path)
    except FrontMatterError:
        return
    assert "\r" not in text


@given(front_matters, markdown_bodies)
def test_any_yaml_front_matter_gives_only_issues(folders, meta, body):
    root, bundle, registry = folders
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body
    (bundle / "index.md").write_text(text, encoding="utf-8")
    issues: list[Issue] = []
    brand = load_brand(bundle, registry, root, issues)
    assert brand is None or isinstance(brand, Brand)
    assert only_issues(issues)


@given(st.text(max_size=300), st.binary(max_size=100))
def test_any_front_matter_text_or_bytes_gives_only_issues(folders, text, tail):
    root, bundle, registry = folders
    (bundle / "index.md").write_bytes(f"---\n{text}\n---\n".encode("utf-8", "surrogatepass") + tail)
    issues: list[Issue] = []
    load_brand(bundle, registry, root, issues)
    assert only_issues(issues)


@given(front_matters, markdown_bodies)
def test_any_story_gives_only_issues(folders, meta, body):
    root, _bundle, _registry = folders
    path = root / "content" / "stories" / "story.md"
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body, encoding="utf-8")
    issues: list[Issue] = []
    load_story(path, root / "content", {"pear"}, root, issues)
    assert only_issues(issues)


registry_keys = st.sampled_from(
    [
        "regions",
        "categories",
        "certification_types",
        "award_programs",
        "code",
        "id",
        "name",
        "name_en",
        "parent",
        "editions",
        "number",
        "year",
    ]
)
registry_values = st.recursive(
    st.one_of(scalars, st.sampled_from(["650000", "652800", "abc", "Bad Id"])),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(registry_keys, children, max_size=5)
    ),
    max_leaves=30,
)


@given(st.dictionaries(registry_keys, registry_values, max_size=5))
def test_any_registry_gives_only_issues(folders, data):
    root, _bundle, _registry = folders
    path = root / "registry.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    issues: list[Issue] = []
    load_registry(path, "brands/_registry.yaml", issues)
    assert only_issues(issues)


@given(
    pieces(
        [
            *list('ab,"\n\r;；、-0123'),
            "2021-01-01",
            "name,license,valid_from,valid_to",
            ",products",
            "license",
            "\x00",
        ],
        60,
    )
)
def test_any_licensee_csv_gives_only_issues(folders, text):
    _root, bundle, _registry = folders
    path = bundle / "licensees.csv"
    path.write_text(text, encoding="utf-8", newline="")
    try:
        issues: list[Issue] = []
        load_licensees_csv(path, "licensees.csv", issues)
        assert only_issues(issues)
    finally:
        path.unlink()


# -- valid brands round-trip -------------------------------------------------------

plain_text = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc")),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def valid_brands(draw) -> dict:
    """Front matter of a valid brand, using only ids from conftest.REGISTRY."""
    registered = draw(days)
    data = {
        "name": draw(plain_text),
        "name_en": draw(plain_text),
        "category": "agricultural",
        "region": draw(st.sampled_from(["650000", "652800", "652801"])),
        "owner": draw(plain_text),
        "summary": draw(plain_text),
        "status": draw(st.sampled_from(STATUSES)),
        "registered": registered,
        "updated": registered + timedelta(days=draw(st.integers(0, 5000))),
        "certifications": [],
        "standards": [],
        "awards": [],
        "licensees": [],
        "contact": {
            "website": "https://example.org/" + draw(st.from_regex(r"[a-z0-9/_-]{0,20}", fullmatch=True)),
            "phone": draw(plain_text),
            "address": draw(plain_text),
        },
        "tags": draw(st.lists(plain_text, max_size=4)),
    }
    for _ in range(draw(st.integers(0, 3))):
        issued = draw(days)
        expires = draw(st.none() | st.just(issued + timedelta(days=draw(st.integers(0, 9000)))))
        data["certifications"].append(
            {
                "type": "geographical-indication",
                "number": draw(plain_text),
                "issuer": draw(plain_text),
                "issued": issued,
                "expires": expires,
            }
        )
    for _ in range(draw(st.integers(0, 3))):
        data["standards"].append({"code": draw(plain_text), "title": draw(plain_text)})
    if draw(st.booleans()):
        data["awards"].append(
            {"program": "regional-quality-award", "edition": 5, "recipient": draw(plain_text)}
        )
    numbers = draw(st.lists(plain_text, max_size=4, unique_by=lambda n: n.upper()))
    for number in numbers:
        valid_from = draw(days)
        data["licensees"].append(
            {
                "name": draw(plain_text),
                "license": number,
                "valid_from": valid_from,
                "valid_to": valid_from + timedelta(days=draw(st.integers(0, 9000))),
                "products": draw(st.lists(plain_text, max_size=3)),
            }
        )
    return data


NOT_FROM_FRONT_MATTER = {
    "slug",
    "source_path",
    "body",
    "body_images",
    "translations",
    "logo",
    "cover",
    "gallery",
}  # the folder, the body and image files say these


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def expected_record(data: dict) -> dict:
    """What a brand written as `data` says, in one comparable shape (dates as text,
    absent text as "", licences in licence-number order)."""
    return {
        "name": data["name"],
        "name_en": data["name_en"],
        "category": data["category"],
        "region": data["region"],
        "owner": data["owner"],
        "summary": data["summary"],
        "status": data["status"],
        "registered": _iso(data["registered"]),
        "updated": _iso(data["updated"]),
        "certifications": [
            {**c, "issued": _iso(c["issued"]), "expires": _iso(c["expires"])} for c in data["certifications"]
        ],
        "standards": data["standards"],
        "awards": data["awards"],
        "licensees": sorted(
            (
                {**lic, "valid_from": _iso(lic["valid_from"]), "valid_to": _iso(lic["valid_to"])}
                for lic in data["licensees"]
            ),
            key=lambda lic: lic["license"],
        ),
        "contact": {"website": "", "phone": "", "email": "", "address": "", **data["contact"]},
        "tags": data["tags"],
    }


def from_brand(brand: Brand) -> dict:
    return {
        "name": brand.name,
        "name_en": brand.name_en,
        "category": brand.category,
        "region": brand.region,
        "owner": brand.owner,
        "summary": brand.summary,
        "status": brand.status,
        "registered": _iso(brand.registered),
        "updated": _iso(brand.updated),
        "certifications": [
            {
                "type": c.type,
                "number": c.number,
                "issuer": c.issuer,
                "issued": _iso(c.issued),
                "expires": _iso(c.expires),
            }
            for c in brand.certifications
        ],
        "standards": [{"code": s.code, "title": s.title} for s in brand.standards],
        "awards": [
            {"program": a.program, "edition": a.edition, "recipient": a.recipient} for a in brand.awards
        ],
        "licensees": sorted(
            (
                {
                    "name": lic.name,
                    "license": lic.license,
                    "valid_from": _iso(lic.valid_from),
                    "valid_to": _iso(lic.valid_to),
                    "products": list(lic.products),
                }
                for lic in brand.licensees
            ),
            key=lambda lic: lic["license"],
        ),
        "contact": dataclasses.asdict(brand.contact),
        "tags": list(brand.tags),
    }


def from_open_data(record: dict) -> dict:
    def text(value):
        return value or ""

    return {
        "name": record["name"],
        "name_en": text(record["name_en"]),
        "category": record["category"]["id"],
        "region": record["region"]["code"],
        "owner": record["owner"],
        "summary": record["summary"],
        "status": record["status"],
        "registered": record["registered"],
        "updated": record["updated"],
        "certifications": [
            {key: c[key] for key in ("type", "number", "issuer", "issued", "expires")}
            for c in record["certifications"]
        ],
        "standards": [{"code": s["code"], "title": text(s["title"])} for s in record["standards"]],
        "awards": [
            {"program": a["program"], "edition": a["edition"], "recipient": text(a["recipient"])}
            for a in record["awards"]
        ],
        "licensees": [
            {
                "name": lic["name"],
                "license": lic["license"],
                "valid_from": lic["valid_from"],
                "valid_to": lic["valid_to"],
                "products": lic["products"],
            }
            for lic in record["licensees"]
        ],
        "contact": {key: text(value) for key, value in record["contact"].items()},
        "tags": record["tags"],
    }


def load_written(data: dict, registry) -> Brand:
    """Write `data` as a bundle's index.md and load it as the build does."""
    root = Path(tempfile.mkdtemp())
    try:
        bundle = root / "brands" / "pear"
        bundle.mkdir(parents=True)
        text = "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n正文。\n"
        (bundle / "index.md").write_text(text, encoding="utf-8")
        issues: list[Issue] = []
        brand = load_brand(bundle, registry, root, issues)
        assert [str(issue) for issue in errors(issues)] == []  # warnings (no cover) are fine
        return brand
    finally:
        shutil.rmtree(root)


def through_front_matter(data: dict, registry) -> dict:
    return from_brand(load_written(data, registry))


def through_open_data(data: dict, registry) -> dict:
    """Front matter, then the open-data record as the build writes it, read back as JSON."""
    links = Links(page="https://x.org/brands/pear/", data="https://x.org/data/brands/pear.json")
    written = jsonsafe.dumps(brand_record(load_written(data, registry), registry, links))
    record = json.loads(written)
    jsonschema.validate(record, SCHEMA, format_checker=jsonschema.FormatChecker())
    return from_open_data(record)


# Every way a brand is written and read back; the same property checks each.
ROUND_TRIPS = {"front matter": through_front_matter, "open data JSON": through_open_data}


@pytest.mark.parametrize("trip", sorted(ROUND_TRIPS))
@given(data=valid_brands())
def test_valid_brands_round_trip(folders, trip, data):
    _root, _bundle, registry = folders
    assert ROUND_TRIPS[trip](data, registry) == expected_record(data)


def test_round_trip_compares_every_field_front_matter_sets():
    """A field added to Brand must be added to the round trip too."""
    compared = set(from_brand(Brand("s", "n", "c", "r", "o", "s", date(2020, 1, 1), Path("x"))))
    assert compared == {field.name for field in dataclasses.fields(Brand)} - NOT_FROM_FRONT_MATTER


# -- what validation accepts, Pelican can read --------------------------------------

likely = st.sampled_from(
    [
        "published",
        "draft",
        "hidden",
        "zh",
        "en",
        "true",
        "false",
        True,
        False,
        "a-slug",
        "",
        None,
        2024,
        3.5,
        "标准化",
        "a, b; c",
        date(2024, 5, 1),
        "2024-05-01",
        "pear",
    ]
)
story_values = st.one_of(likely, st.lists(likely, max_size=3), scalars)


@settings(max_examples=300)  # most examples fail validation; a few hundred reach Pelican
@given(
    st.dictionaries(
        st.sampled_from(sorted(STORY_FIELDS - {"title", "date", "cover"})), story_values, max_size=4
    )
)
def test_a_story_validation_accepts_is_read_by_pelican(folders, extra):
    from pelican.settings import DEFAULT_CONFIG

    from brandsite.story_reader.reader import StoryReader

    root, _bundle, _registry = folders
    path = root / "content" / "stories" / "story.md"
    meta = {"title": "标题", "date": date(2024, 4, 2), **extra}
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n正文\n", encoding="utf-8")
    issues: list[Issue] = []
    load_story(path, root / "content", {"pear"}, root, issues)
    if any(issue.severity == "error" for issue in issues):
        return
    event("read by Pelican")
    reader = StoryReader({**DEFAULT_CONFIG, "PATH": str(root / "content")})
    content, metadata = reader.read(str(path))
    assert "正文" in content and metadata["title"] == "标题"
