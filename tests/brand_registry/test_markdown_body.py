import signal
import threading

import pytest

from brandsite.brand_registry import markdown_body
from brandsite.brand_registry.markdown_body import BodyTooComplex, references, render, to_html, url_scheme


@pytest.mark.parametrize(
    "url, scheme",
    [
        ("https://example.org/", "https"),
        ("JaVaScRiPt:alert(1)", "javascript"),
        (" \x01java\tscr\nipt:alert(1)", "javascript"),  # browsers drop these characters
        ("vbscript:msgbox", "vbscript"),
        ("data:text/html,x", "data"),
        ("{static}/images/a.jpg", None),
        ("images/a.jpg", None),
        ("//example.org/a", None),
        ("#fn:1", None),
        ("java script:alert(1)", None),  # not a scheme: a relative link, harmless
    ],
)
def test_url_scheme_is_what_a_browser_would_see(url, scheme):
    assert url_scheme(url) == scheme


def test_references_cover_markdown_html_and_definitions_but_not_code():
    body = (
        "[a](https://a.example/)\n"
        "\n"
        '<a href="javascript:x()">raw</a> <img src="p.png" alt="P" srcset="q.png 2x">\n'
        "\n"
        "`[code](javascript:no)`\n"
        "\n"
        "[ref][r]\n"
        "\n"
        "[r]: vbscript:y\n"
    )
    found = [(r.line, r.tag, r.url, r.alt) for r in references(body)]
    assert found == [
        (1, "a", "https://a.example/", ""),
        (3, "a", "javascript:x()", ""),
        (3, "img", "p.png", "P"),
        (3, "img", "q.png", "P"),
        (9, "a", "vbscript:y", ""),
    ]


def test_repeated_urls_get_their_own_lines():
    body = "[x](javascript:a)\n\n[y](javascript:a)\n\n[z](javascript:a)\n"
    assert [r.line for r in references(body)] == [1, 3, 5]


HOSTILE = """
<script>alert(1)</script><iframe src="https://evil.example/"></iframe>
<img src="a.png" alt="a" onerror="alert(1)" style="width:1px">
<a href="javascript:alert(1)">j</a> <a href="data:text/html,x">d</a> <a href="vbscript:x">v</a>
<a href="https://ok.example/" onclick="alert(1)">ok</a>
<p style="color:red" class="x">p</p><object data="x"></object><embed src="x"><base href="https://e/">
[md](javascript:alert(2)) ![im](data:image/png;base64,AAAA)
"""


def test_sanitiser_strips_what_validation_also_refuses():
    """Defence in depth: even a body validation never saw renders harmless."""
    html = render(HOSTILE)
    for banned in (
        "<script",
        "<iframe",
        "onerror",
        "onclick",
        "style=",
        "javascript:",
        "data:",
        "vbscript:",
        "<object",
        "<embed",
        "<base",
        "alert(1)",
    ):
        assert banned not in html, banned
    assert '<a href="https://ok.example/" rel="noopener noreferrer">ok</a>' in html
    assert '<img src="a.png" alt="a">' in html


def test_render_time_is_limited_and_the_timer_is_put_back(monkeypatch):
    monkeypatch.setattr(markdown_body, "RENDER_SECONDS", 0.5)
    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(BodyTooComplex, match=r"takes over 0\.5 seconds to render"):
        to_html("[" * 60_000)
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert "<p>fine</p>" in to_html("fine")


def test_outside_the_main_thread_rendering_still_works():
    result = []
    thread = threading.Thread(target=lambda: result.append(to_html("*a*")))
    thread.start()
    thread.join()
    assert result == ["<p><em>a</em></p>"]


def test_deep_nesting_is_refused_before_rendering():
    with pytest.raises(BodyTooComplex) as caught:
        to_html("x\n\n" + "> " * 51 + "deep\n")
    assert caught.value.line == 3
    assert "<blockquote>" in to_html("> " * 50 + "fifty is fine\n")


def test_running_out_of_stack_is_a_content_error(monkeypatch):
    def recurse(self, text):
        raise RecursionError("maximum recursion depth exceeded")

    import markdown

    monkeypatch.setattr(markdown.Markdown, "convert", recurse)
    with pytest.raises(BodyTooComplex, match="nested more than 50 levels deep"):
        to_html("anything")
