"""brand_registry.jsonsafe: JSON that cannot end a <script> or be read as markup."""

import json

from brandsite.brand_registry.jsonsafe import dumps

HOSTILE = '</script><script>alert(1)</script>"quotes" & <!-- \u2028'


def test_markup_characters_are_escaped_and_the_data_is_unchanged():
    text = dumps({"b": HOSTILE, "a": [HOSTILE]})
    for char in "<>&\u2028":
        assert char not in text
    assert "\\u003c/script\\u003e" in text
    assert json.loads(text) == {"b": HOSTILE, "a": [HOSTILE]}


def test_output_is_deterministic_and_keeps_chinese_readable():
    assert dumps({"b": 1, "a": "香梨"}) == '{"a":"香梨","b":1}'
    assert dumps({"b": 1, "a": 2}, indent=1) == '{\n "a": 2,\n "b": 1\n}'
