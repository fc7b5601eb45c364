"""JSON text that is safe wherever it lands: a file, an HTML page, a <script>.

`<`, `>` and `&` (and the two JavaScript line separators) only ever occur inside
JSON strings, so writing them as \\u escapes keeps the JSON equal while a
`</script>` or `<!--` in an editor's text can no longer end or comment out a
script element, nor be sniffed as markup.
"""

from __future__ import annotations

import json

_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def dumps(data, indent: int | None = None) -> str:
    """Deterministic JSON (sorted keys) with the markup characters escaped."""
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=indent, separators=separators)
    for char, escaped in _ESCAPES.items():
        text = text.replace(char, escaped)
    return text
