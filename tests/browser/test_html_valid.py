"""Valid HTML by the Nu HTML Checker: every built page as served, and one page of
every template as the browser holds it after the site's scripts ran."""

from __future__ import annotations

import pytest

from brandsite.qa.htmlcheck import check_files, check_site
from browser.site_pages import PAGES

SHOWN = 40  # errors listed in a failure; the rest are counted


def test_every_built_page_is_valid_html(java, served_site):
    errors = check_site(served_site.output)
    more = f"\n... and {len(errors) - SHOWN} more" if len(errors) > SHOWN else ""
    assert errors == [], (
        f"{len(errors)} HTML error(s) in {len({e.page for e in errors})} page(s), "
        "as page:line:column: message\n" + "\n".join(map(str, errors[:SHOWN])) + more
    )


@pytest.fixture(scope="module")
def rendered(java, served_site, browser, tmp_path_factory):
    """{page name: [errors]} for the DOM of every template page after its scripts ran,
    checked in one run of the checker; pages not in the build are left out."""
    folder = tmp_path_factory.mktemp("rendered")
    files = {}
    context = browser.new_context()
    page = context.new_page()
    for site_page in PAGES:
        if site_page.javascript and site_page.file(served_site.output).is_file():
            page.goto(served_site.url(site_page.path), wait_until="networkidle")
            if site_page.ready:
                page.locator(site_page.ready).first.wait_for(state="visible")
            files[site_page.name] = folder / f"{site_page.id}.html"
            files[site_page.name].write_text(
                "<!DOCTYPE html>\n" + page.evaluate("document.documentElement.outerHTML"), encoding="utf-8"
            )
    context.close()
    errors = check_files(list(files.values()), relative_to=folder)
    return {name: [e for e in errors if e.page == file.name] for name, file in files.items()}


@pytest.mark.parametrize("site_page", [p for p in PAGES if p.javascript], ids=lambda p: p.id)
def test_page_is_valid_html_after_its_scripts_ran(rendered, served_site, site_page):
    if site_page.name not in rendered:
        if site_page.arrives_with:
            pytest.skip(f"{site_page.name}: not in this build yet (arrives with {site_page.arrives_with})")
        pytest.fail(f"{site_page}: {site_page.file(served_site.output).name} was not built")
    errors = rendered[site_page.name]
    assert errors == [], f"{site_page} after its scripts ran: {len(errors)} HTML error(s):\n" + "\n".join(
        str(e).split(":", 1)[1] for e in errors
    )


def test_the_checker_names_page_and_line(java, tmp_path):
    (tmp_path / "brands" / "x").mkdir(parents=True)
    (tmp_path / "brands" / "x" / "index.html").write_text(
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>x</title></head>\n'
        '<body><main>\n<img src="a.png">\n</main></body></html>\n',
        encoding="utf-8",
    )
    (tmp_path / "ok.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>ok</title></head></html>',
        encoding="utf-8",
    )
    errors = check_site(tmp_path)
    assert [(e.page, e.line) for e in errors] == [("brands/x/index.html", 4)]
    assert "alt" in errors[0].message
