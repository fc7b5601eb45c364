"""brandsite.incremental.gathered: a page's key from what its template receives."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment
from markupsafe import Markup

from brandsite.brand_registry.model import Brand
from brandsite.incremental.gathered import MISSING, Fingerprints, Unknown, template_names
from brandsite.incremental.identities import identities
from brandsite.incremental.inputs import Inputs
from brandsite.incremental.pages import PageReuse

TEMPLATES = {
    "base.html": "<title>{{ SITENAME }}</title>{% block body %}{% endblock %}{% include 'foot.html' %}",
    "foot.html": "{% from 'macros.html' import card %}{{ card(featured) }}",
    "macros.html": "{% macro card(b) %}{{ b.name }} {{ labels.more }}{% endmacro %}",
    "brand.html": "{% extends 'base.html' %}{% block body %}{{ brand.name }}"
    "{% for s in stories %}{{ s }}{% endfor %}{% endblock %}",
    "dynamic.html": "{% include which %}",
}


@pytest.fixture
def env():
    return Environment(loader=DictLoader(TEMPLATES), autoescape=True)


def test_a_template_reads_its_own_names_and_those_of_what_it_extends_includes_and_imports(env):
    names = template_names(env, "brand.html")
    assert {"SITENAME", "brand", "stories", "featured", "labels"} <= names
    assert "b" not in names and "s" not in names  # a macro's argument, a loop's variable


def test_a_template_named_by_a_variable_makes_the_names_unknown(env):
    with pytest.raises(Unknown):
        template_names(env, "dynamic.html")


@dataclasses.dataclass(frozen=True)
class Row:
    label: str
    count: int


def test_values_are_fingerprinted_by_value_and_kind():
    of = Fingerprints([]).of
    assert of([Row("a", 1), {"k": (1, 2)}]) == of([Row("a", 1), {"k": (1, 2)}])
    assert of(Row("a", 1)) != of(Row("a", 2))
    assert of("<b>") != of(Markup("<b>"))  # the same text, escaped or not
    assert of([1, 2]) != of((1, 2))
    assert of({"a": 1, "b": 2}) != of({"b": 2, "a": 1})  # a template sees the order
    with pytest.raises(Unknown):
        of([object()])


def test_a_shared_list_is_worked_out_once_and_still_told_apart():
    fingerprints = Fingerprints([])
    shared = [Row(str(n), n) for n in range(40)]
    first = fingerprints.of(shared)
    assert fingerprints.of(shared) == first
    assert fingerprints.of(list(reversed(shared))) != first


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def scan(root: Path) -> Inputs:
    return Inputs.scan([root], root / "brands", [root / "content"], {})


def test_a_brand_is_its_bundle_s_files_not_its_attributes(tmp_path):
    index = write(tmp_path / "brands" / "pear" / "index.md", "---\nname: 梨\n---\n")
    brand = Brand("pear", "梨", "agricultural", "650000", "协会", "", date(2026, 1, 1), index)
    before = Fingerprints(identities(scan(tmp_path))).of(brand)
    write(tmp_path / "brands" / "pear" / "cover.jpg", "new photo")
    assert Fingerprints(identities(scan(tmp_path))).of(brand) != before


def test_a_page_key_follows_the_names_its_template_reads_and_no_others(tmp_path, env):
    write(tmp_path / "brands" / "_registry.yaml", "regions: []\n")
    reuse = PageReuse(scan(tmp_path), None, {}, tmp_path / "out")
    template = env.get_template("brand.html")

    def key(**values):
        return reuse.page_key("b.html", template, {}, lambda name: values.get(name, MISSING), None)

    page = {"brand": Row("pear", 1), "stories": ["a"], "featured": Row("x", 2), "labels": {"more": "更多"}}
    assert key(**page) == key(**page, unrelated=[object()])  # not read: not fingerprinted
    for name in ("brand", "stories", "featured", "labels", "SITENAME"):
        assert key(**{**page, name: "changed"}) != key(**page), name
    assert key(**{**page, "stories": [object()]}) is None
    assert reuse.unknown == {"brand.html": "a builtins.object"}


def test_no_template_reads_what_a_generator_set_on_a_story():
    """A story is fingerprinted by its files (identities.py); the brands it names reach
    its page as values of their own (site_i18n.writer.story_values), never through it."""
    root = Path(__file__).resolve().parents[2]
    set_by_generators = ("brand_objects", "brand_regions", "brand_categories")
    for template in sorted((root / "theme" / "templates").glob("*")):
        text = template.read_text(encoding="utf-8")
        assert not [name for name in set_by_generators if name in text], template.name
    plugin = (root / "plugins" / "brand_pages.py").read_text(encoding="utf-8")
    assert not [name for name in set_by_generators if name in plugin]
