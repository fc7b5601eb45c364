"""thumbnails.markup and progress: what the page says, and what the terminal says."""

from __future__ import annotations

import io

from brandsite.thumbnails.markup import picture, placeholder, replace_placeholders, url
from brandsite.thumbnails.plan import Variant
from brandsite.thumbnails.progress import Progress

VARIANTS = (
    *tuple(
        Variant(fmt, w, w // 2, f"a b,c.0123abcd.{w}w.{ext}")
        for fmt, ext in (("avif", "avif"), ("webp", "webp"), ("jpeg", "jpg"))
        for w in (320, 640, 1600)
    ),
    Variant("og", 1200, 600, "a b,c.0123abcd.1200w.og.jpg"),
)


def link(name):
    return url("../..", "brands/梨", name)


def test_picture_lists_modern_formats_then_the_fallback_img():
    html = str(picture(VARIANTS, link, alt='Pears "fresh" <b>', sizes="50vw"))
    assert html.startswith('<picture><source type="image/avif" srcset="')
    assert html.index("image/avif") < html.index("image/webp") < html.index("<img ")
    assert html.endswith("></picture>")
    assert html.count("<source ") == 2 and html.count('sizes="50vw"') == 3
    assert ".og." not in html  # the Open Graph file is not offered to browsers
    assert 'width="1600" height="800"' in html
    assert 'alt="Pears &#34;fresh&#34; &lt;b&gt;"' in html
    assert 'loading="lazy" decoding="async"' in html and "fetchpriority" not in html
    # The src for old browsers is the largest JPEG up to 1280 wide, not the 1600 one.
    assert 'src="../../brands/%E6%A2%A8/a%20b%2Cc.0123abcd.640w.jpg"' in html
    # Spaces and commas would break srcset: names are percent-encoded.
    assert "../../brands/%E6%A2%A8/a%20b%2Cc.0123abcd.320w.avif 320w, " in html


def test_main_image_loads_eagerly_with_high_priority():
    html = str(picture(VARIANTS, link, alt="", main=True, class_="hero"))
    assert 'loading="eager" fetchpriority="high" decoding="async" class="hero">' in html
    assert 'loading="lazy"' not in html


def test_placeholders_round_trip_with_escaping():
    marker = str(placeholder("images/a&b.jpg", 'say "hi"'))
    assert marker == '<img data-thumbnail="images/a&amp;b.jpg" alt="say &#34;hi&#34;">'
    seen = []
    text = replace_placeholders(f"<p>{marker}</p>", lambda name, alt: seen.append((name, alt)) or "X")
    assert text == "<p>X</p>" and seen == [("images/a&b.jpg", 'say "hi"')]


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_progress_is_quiet_on_short_runs_and_logs_long_ones():
    clock, stream = Clock(), io.StringIO()
    progress = Progress(10, stream, quiet_for=1.0, log_every=5.0, clock=clock)
    clock.now = 0.5
    progress.advance()
    assert stream.getvalue() == ""
    clock.now = 2.0
    progress.advance()
    assert stream.getvalue() == "Images: 2/10, 1.0 images/s, 8 s left\n"
    clock.now = 3.0
    progress.advance()  # within log_every of the last line: nothing new
    assert stream.getvalue().count("\n") == 1


def test_progress_redraws_one_line_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    clock, stream = Clock(), Terminal()
    progress = Progress(4, stream, quiet_for=0.0, clock=clock)
    for second in (1.0, 2.0):
        clock.now = second
        progress.advance()
    progress.close()
    assert stream.getvalue() == (
        "\rImages: 1/4, 1.0 images/s, 3 s left\033[K\rImages: 2/4, 1.0 images/s, 2 s left\033[K\r\033[K"
    )
