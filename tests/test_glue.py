"""What the build derives from its machine or its files: the build day, image URLs."""

from datetime import UTC, date, datetime
from pathlib import Path

from brandsite.brand_pages.publisher import OriginalsPublisher
from brandsite.brand_registry.build_day import build_day
from brandsite.brand_registry.model import Image


def test_as_of_day_is_the_sites_day_not_the_machines():
    # 2026-11-25 20:00 UTC is already 2026-11-26 in the site's TIMEZONE.
    epoch = str(int(datetime(2026, 11, 25, 20, tzinfo=UTC).timestamp()))
    environ = {"SOURCE_DATE_EPOCH": epoch}
    assert build_day(None, environ, "Asia/Shanghai") == date(2026, 11, 26)
    assert build_day(None, environ, "UTC") == date(2026, 11, 25)
    assert build_day("2025-01-02", {}, "Asia/Shanghai") == date(2025, 1, 2)


def test_image_urls_are_percent_encoded(tmp_path):
    publisher = OriginalsPublisher(tmp_path)  # THUMBNAILS = False; thumbnails: test_thumb_markup
    image = Image("梨 #1?.png", Path("x.png"), 4, 3, "PNG", alt='"alt"')
    publisher.add(image, "brands/pear/梨 #1?.png")
    markup = str(publisher.markup(image, "https://example.org/site"))
    assert 'src="https://example.org/site/brands/pear/%E6%A2%A8%20%231%3F.png"' in markup
    assert 'alt="&#34;alt&#34;"' in markup
