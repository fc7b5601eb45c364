"""theme/static/js/verify.js: the browser does exactly what brand_registry.licence_index does.

Node runs the script's pure functions against Python's for tricky input; a
headless Chromium runs the whole page against a built site.
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import re
import shutil
import subprocess
import threading
from datetime import date, timedelta
from urllib.parse import quote

import pytest
from sitebuild import ROOT

from brandsite.brand_registry import normalize_license
from brandsite.brand_registry.licence_index import fnv1a_32, shard_name
from brandsite.brand_registry.model import Licensee
from brandsite.brand_registry.uscc import uscc_problem

VERIFY_JS = ROOT / "theme" / "static" / "js" / "verify.js"
NODE = shutil.which("node")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

TRICKY = [
    "XJ-KFP-2021-001",
    " xj-kfp-2021-001 ",
    "ｘｊ－ｋｆｐ－２０２１－００１",
    "XJ\u3000KFP\u00a0-2021\t001\n",
    "\u2028XJ\u2029-\u202f1\u205f\u1680",
    "\x1cA\x1dB\x1eC\x1fD\x85E\x0bF\x0cG\r",
    "\ufeffXJ-1",
    "straße-ﬁ",
    "①②-㍿-Ⅻ",
    "e\u0301-ǆ-ŉ",
    "许可证-壹号",
    "😀-𝐀𝐁",
    "İı-ǅ",
    "ꭰ-ᏸ",
    "",
    "   ",
    '<script>alert(1)</script>"x"',
    "¨´¸",
]


def run_node(source: str, data) -> object:
    if NODE is None:
        pytest.skip("Node.js is not installed (.ci/run installs it)")
    result = subprocess.run(
        [NODE, "-e", source, str(VERIFY_JS)],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_normalise_hash_and_shard_match_python():
    source = """
const v = require(process.argv[1]);
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(cases.map(([typed, bits]) => {
  const key = v.normalize(typed);
  return [key, v.fnv1a(key), v.shardName(key, bits)];
})));
"""
    cases = [(typed, bits) for typed in TRICKY for bits in (0, 1, 3, 12, 20)]
    expected = []
    for typed, bits in cases:
        key = normalize_license(typed)
        expected.append([key, fnv1a_32(key), shard_name(key, bits)])
    assert run_node(source, cases) == expected


def test_licence_state_matches_the_model_on_every_boundary():
    source = """
const v = require(process.argv[1]);
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(cases.map(([lic, status, today]) => v.state(lic, status, today))));
"""
    licensee = Licensee("甲", "L-1", date(2024, 3, 1), date(2027, 2, 28))
    days = [licensee.valid_from + timedelta(days=d) for d in (-1, 0, 1)]
    days += [licensee.valid_to + timedelta(days=d) for d in (-1, 0, 1)]
    lic = {"valid_from": "2024-03-01", "valid_to": "2027-02-28"}
    cases = [(lic, status, day.isoformat()) for status in ("active", "suspended", "revoked") for day in days]
    expected = [licensee.state(day, status) for status in ("active", "suspended", "revoked") for day in days]
    assert run_node(source, cases) == expected
    assert run_node(source, [(lic, "withdrawn", "2025-01-01")]) == ["unknown"]


def test_credit_code_check_matches_python():
    source = """
const v = require(process.argv[1]);
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(cases.map((typed) => v.isUscc(v.normalize(typed)))));
"""
    good = ["91650502QW3E5R7T2C", "93652922MA78WX0K3P", "91652801MA79TL6Q1E"]
    cases = [
        *good,
        " 9165 0502qw3e5r7t2c ",
        "９１６５０５０２ＱＷ３Ｅ５Ｒ７Ｔ２Ｃ",
    ]  # spaces, case, full width
    cases += [code[:-1] + ("0" if code[-1] != "0" else "1") for code in good]  # wrong check character
    cases += ["91650502QW3E5R7T2", "91650502QW3E5R7T2CC", "9165O502QW3E5R7T2C", "XJ-KFP-2021-001", ""]
    expected = [uscc_problem(normalize_license(typed)) is None for typed in cases]
    assert expected[:5] == [True] * 5 and not any(expected[5:])
    assert run_node(source, cases) == expected


def test_find_enterprise_ignores_inherited_keys():
    source = """
const v = require(process.argv[1]);
const shard = {brands: {b: {name: "B", status: "active", url: "brands/b/"}},
               enterprises: {"91650502QW3E5R7T2C": [{brand: "b", license: "L-1"}]}};
const keys = ["91650502QW3E5R7T2C", "__proto__", "constructor", "L-1"];
process.stdout.write(JSON.stringify(keys.map(k => v.findEnterprise(shard, k))));
"""
    found, *missing = run_node(source, None)
    assert found == [
        {
            "licence": {"brand": "b", "license": "L-1"},
            "brand": {"name": "B", "status": "active", "url": "brands/b/"},
        }
    ]
    assert missing == [None, None, None]


def test_find_ignores_inherited_keys():
    source = """
const v = require(process.argv[1]);
const shard = {brands: {b: {name: "B", status: "active", url: "brands/b/"}},
               licences: {"L-1": {brand: "b", license: "L-1"}}};
process.stdout.write(JSON.stringify(["L-1", "__proto__", "constructor", "L-2"].map(k => v.find(shard, k))));
"""
    found, *missing = run_node(source, None)
    assert found == {
        "licence": {"brand": "b", "license": "L-1"},
        "brand": {"name": "B", "status": "active", "url": "brands/b/"},
    }
    assert missing == [None, None, None]


# -- the whole page in a browser ----------------------------------------------


@pytest.fixture(scope="module")
def served(output, tmp_path_factory):
    """The development build, served under a sub-path by a local HTTP server."""
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (.ci/run installs it)")
    root = tmp_path_factory.mktemp("served")
    (root / "sub").symlink_to(output, target_is_directory=True)
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sub/"
    server.shutdown()
    server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def rendered_result(url: str) -> str:
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--virtual-time-budget=10000",
        # A Chinese visitor: a browser preferring English is handed over to /en/verify/.
        "--lang=zh-CN",
        "--accept-lang=zh-CN",
        "--dump-dom",
        url,
    ]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False).stdout
    match = re.search(r'<div id="verify-result"[^>]*>(.*?)</div>\s*<section', dom, re.S)
    assert match, dom[-2000:]
    return html.unescape(match.group(1))


def test_page_checks_a_full_width_number_from_a_shared_link(served):
    typed = "ｘｊ－ｋｆｐ－２０２４－００１"  # XJ-KFP-2024-001 as a phone keyboard may type it
    result = rendered_result(f"{served}verify/?license={quote(typed)}")
    expected = Licensee("", "", date(2024, 3, 1), date(2027, 2, 28)).state(date.today())
    assert f'data-result="{expected}"' in result
    assert "XJ-KFP-2024-001" in result and "新疆孔雀河农业发展有限公司" in result
    assert 'href="../brands/korla-fragrant-pear/"' in result
    assert "鲜梨、香梨礼盒" in result


def test_page_says_brand_suspended_and_not_found_unmistakably(served):
    suspended = rendered_result(f"{served}verify/?license=xj-bhr-2022-001")
    assert 'data-result="brand-suspended"' in suspended and "博湖苇编" in suspended
    missing = rendered_result(f"{served}verify/?license=XJ-KFP-2099-999")
    assert 'data-result="not-found"' in missing
    assert "未找到这个许可编号" in missing and "XJ-KFP-2099-999" in missing
    assert "有效" not in missing.replace("未找到", "") and "badge--valid" not in missing
