"""WCAG 2.2 A and AA with axe-core, and the keyboard, on one page of every template."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser.site_pages import PAGES

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()  # runs the axe.min.js bundled in the package: nothing is fetched

# Every control a keyboard user can reach, marked with data-kb so Tab stops can be named.
# A link or form control taken out of the tab order (tabindex=-1) still counts: it must be reachable.
MARK_CONTROLS = """() => {
  const native = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe';
  const controls = [...document.querySelectorAll(native + ', [tabindex], [contenteditable]')].filter(e =>
    (e.matches(native) || e.tabIndex >= 0) && !e.disabled && !e.closest('[inert]')
    && e.checkVisibility({visibilityProperty: true}));
  controls.forEach((e, i) => e.setAttribute('data-kb', String(i)));
  return controls.map(e => e.outerHTML.replace(/\\s+/g, ' ').slice(0, 100));
}"""

# What a focus indicator can change, on the element and its nearest ancestors
# (a card shows the focus of its link with :focus-within).
FOCUS_LOOK = """function look(element) {
  const looks = [];
  for (let e = element, depth = 0; e && e.nodeType === 1 && depth < 4; e = e.parentElement, depth++) {
    const s = getComputedStyle(e);
    const outline = s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? 'none'
      : [s.outlineStyle, s.outlineWidth, s.outlineColor, s.outlineOffset].join(' ');
    looks.push([outline, s.boxShadow, s.backgroundColor, s.color, s.borderColor, s.textDecorationLine,
                s.top].join(' '));
  }
  return looks.join(' / ');
}"""

UNFOCUSED_LOOKS = f"""() => {{ {FOCUS_LOOK}
  return Object.fromEntries([...document.querySelectorAll('[data-kb]')].map(e => [e.dataset.kb, look(e)]));
}}"""

# The focused control's data-kb (null when focus is elsewhere) and how it looks.
FOCUSED = f"""() => {{ {FOCUS_LOOK}
  const e = document.activeElement;
  return e && e.hasAttribute('data-kb') ? [e.dataset.kb, look(e)] : [null, ''];
}}"""


@pytest.mark.parametrize("site_page", PAGES, ids=lambda p: p.id)
def test_no_wcag_violations(open_page, site_page):
    visit = open_page(site_page)
    visit.allow_test_scripts()
    results = AXE.run(
        visit.page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    )
    assert results.violations_count == 0, f"{site_page}: {results.generate_report()}"
    assert visit.outside == [], f"{site_page}: requests to other hosts: {visit.outside}"


@pytest.mark.parametrize("site_page", PAGES, ids=lambda p: p.id)
def test_every_control_is_reachable_by_tab_and_visibly_focused(open_page, site_page):
    page = open_page(site_page).page
    controls = page.evaluate(MARK_CONTROLS)
    assert controls, f"{site_page}: no focusable control at all"
    unfocused = page.evaluate(UNFOCUSED_LOOKS)

    reached, invisible = [], []
    for _ in range(len(controls) + 5):
        page.keyboard.press("Tab")
        index, focused_look = page.evaluate(FOCUSED)
        if index is None or index in reached:
            break
        reached.append(index)
        if focused_look == unfocused[index]:
            invisible.append(controls[int(index)])
    missed = [controls[i] for i in range(len(controls)) if str(i) not in reached]
    assert missed == [], f"{site_page}: not reachable with Tab:\n" + "\n".join(missed)
    assert invisible == [], f"{site_page}: no visible focus indicator:\n" + "\n".join(invisible)
