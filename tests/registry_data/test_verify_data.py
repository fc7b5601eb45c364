"""The licence check as built: the page, and the answers its data gives."""

from __future__ import annotations

import gzip
import json
import re

import pytest
from sitebuild import AS_OF, ROOT
from verify_lookup import lookup

from brandsite.brand_registry import Paths, load_site
from brandsite.brand_registry.licence_index import shard_names

SAMPLES = {  # the sample registry's licences, one per outcome (as of sitebuild.AS_OF)
    "XJ-KFP-2024-001": ("valid", "korla-fragrant-pear"),
    "XJ-AKA-2020-002": ("expired", "aksu-apple"),
    "XJ-HMM-2027-001": ("not-yet-valid", "hami-melon"),
    "XJ-BHR-2022-001": ("brand-suspended", "bohu-reed-crafts"),
    "XJ-KOH-2022-001": ("brand-revoked", "kashgar-old-town-homestay"),
}


def page_data(output):
    page = (output / "verify" / "index.html").read_text(encoding="utf-8")
    form = re.search(r'<form id="verify-form".*?>', page, re.S).group(0)
    bits = int(re.search(r'data-bits="(\d+)"', form).group(1))
    shards = {
        name: json.loads((output / "verify" / "licences" / f"{name}.json").read_text("utf-8"))
        for name in shard_names(bits)
    }
    return page, form, bits, shards


def state_on(found: dict, day: str) -> str:
    """The rule the page applies in the browser (its script is tested against Licensee.state)."""
    status = found["brand"]["status"]
    if status != "active":
        return f"brand-{status}"
    return "not-yet-valid" if day < found["valid_from"] else "expired" if day > found["valid_to"] else "valid"


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        *((n, n) for n in SAMPLES),
        ("xj-aka-2020-002", "XJ-AKA-2020-002"),
        ("ＸＪ－ＨＭＭ－２０２７－００１", "XJ-HMM-2027-001"),
        (" XJ-BHR -2022-\u3000001\t", "XJ-BHR-2022-001"),
    ],
)
def test_data_answers_for_each_kind_of_licence(output, typed, number):
    _page, _form, bits, shards = page_data(output)
    found = lookup(shards, bits, typed)
    expected_state, slug = SAMPLES[number]
    assert found["license"] == number
    assert found["brand_slug"] == slug and found["brand"]["url"] == f"brands/{slug}/"
    assert found["enterprise"] and found["products"]
    assert state_on(found, AS_OF.date().isoformat()) == expected_state


def test_unknown_licence_is_not_found(output):
    _page, _form, bits, shards = page_data(output)
    for typed in ("XJ-KFP-2099-999", "XJ-KFP-2024-0011", "KFP-2024-001", "__proto__"):
        assert lookup(shards, bits, typed) is None


def test_every_licence_is_in_the_data_and_shards_stay_small(output):
    site, _ = load_site(Paths.under(ROOT))
    _page, _form, bits, shards = page_data(output)
    for brand in site.brands.values():
        for licensee in brand.licensees:
            found = lookup(shards, bits, licensee.license)
            assert (found["enterprise"], found["brand_slug"]) == (licensee.name, brand.slug)
    sizes = [len(gzip.compress((output / "verify" / "licences" / f"{n}.json").read_bytes())) for n in shards]
    assert max(sizes) < 8 * 1024
    assert not (output / "verify" / "licences" / f"{len(shards)}.json").exists()


def test_the_form_is_shareable_and_says_what_to_do_without_javascript(output):
    page, form, _bits, _shards = page_data(output)
    assert 'method="get"' in form and 'action="../verify/"' in form
    assert re.search(r'<input id="license" name="license"', page)
    noscript = re.search(r"<noscript>(.*?)</noscript>", page, re.S).group(1)
    assert "JavaScript" in noscript and 'href="../brands/"' in noscript and "授权使用企业" in noscript
    assert '<script src="../theme/js/verify.js" defer></script>' in page
    assert (output / "theme" / "js" / "verify.js").is_file()


def test_data_version_does_not_depend_on_the_address(output, subpath_output):
    versions = [
        re.search(r'data-version="([0-9a-f]{12})"', page_data(o)[1]).group(1)
        for o in (output, subpath_output)
    ]
    assert versions[0] == versions[1]  # same registry, same data, whatever the address
