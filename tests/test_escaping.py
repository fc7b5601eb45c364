"""Editor text is escaped wherever it lands: text, attributes, URLs, JSON."""

from __future__ import annotations

import pytest

from conftest import png_bytes
from sitebuild import build, copy_project

XSS = '<script>alert(1)</script>"quotes"'


@pytest.fixture(scope="module")
def hostile_output(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("xss"))
    bundle = root / "brands" / "xss-brand"
    bundle.mkdir()
    (bundle / "logo.png").write_bytes(png_bytes())
    text = f"""---
name: '{XSS}'
name_en: '{XSS}'
category: agricultural
region: "652801"
owner: '{XSS}'
summary: '{XSS}'
registered: 2020-01-01
logo: logo.png
gallery:
  - src: logo.png
    alt: '{XSS}'
    caption: '{XSS}'
certifications:
  - type: geographical-indication
    number: '{XSS}'
    issuer: '{XSS}'
    issued: 2020-01-01
standards:
  - code: '{XSS}'
    title: '{XSS}'
awards:
  - program: regional-quality-award
    edition: 5
    recipient: '{XSS}'
licensees:
  - name: '{XSS}'
    license: 'XSS-{XSS}'
    valid_from: 2020-01-01
    valid_to: 2030-01-01
    products: ['{XSS}']
contact:
  phone: '{XSS}'
  address: '{XSS}'
tags: ['{XSS}']
---
Body <script>alert(1)</script> and <img src=x onerror=alert(1)> and [link](javascript:alert(1)).

![{XSS.replace('"', "")}](logo.png)
"""
    (bundle / "index.md").write_text(text, encoding="utf-8")
    result = build(root, root / "output")
    assert result.returncode == 0, result.stderr
    return root / "output"


def test_hostile_text_is_escaped_in_every_output_file(hostile_output):
    checked = 0
    for path in hostile_output.rglob("*"):
        if path.suffix not in (".html", ".xml", ".json", ".csv", ".txt", ".js"):
            continue
        data = path.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in data, path
        assert "onerror" not in data, path
        assert "javascript:alert" not in data, path
        assert '"quotes"' not in data, path
        checked += 1
    assert checked > 20
    page = (hostile_output / "brands" / "xss-brand" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#34;quotes&#34;" in page
