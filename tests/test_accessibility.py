"""Accessibility, measured: axe-core (pinned in package.json, run from node_modules) on every page, in all three
languages, at a laptop's and a phone's size, in the projector view and in the offline explorer file.

Only serious and critical violations of WCAG 2.0 and 2.1, levels A and AA, fail a test; each failure
names the rule, the element and axe's own words on what is wrong.
"""

from __future__ import annotations

import pytest
from browsing import open_from_disk, open_page, visit
from helpers import ROOT

from blackjanuary.offline_explorer import explorer_file

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["/", "/present", "/figures", "/chronology", "/sources"]
SIZES = {"1280x800": {"width": 1280, "height": 800}, "390x844": {"width": 390, "height": 844}}
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

RUN_AXE = """async (tags) => {
    const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
    return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').flatMap(v =>
        v.nodes.map(n => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${(n.any[0] || n.all[0] || {}).message || v.help}`));
}"""
# The frame's stylesheet has applied (captions at full opacity): before it, the page is Streamlit's defaults.
FRAMED = """() => [...document.querySelectorAll('[data-testid="stCaptionContainer"]')]
    .every(el => getComputedStyle(el).opacity === '1')"""


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE, TAGS)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["en", "az", "ru"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_violation_on_any_page(app_url, browser, path, lang, size):
    page, traffic = open_page(browser, SIZES[size])
    try:
        visit(page, f"{app_url}{path}?lang={lang}")
        page.wait_for_function(FRAMED)
        page.wait_for_timeout(500)  # the component's first frame and web fonts
        assert serious_violations(page) == []
        assert traffic.errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("size", SIZES)
def test_no_serious_violation_in_the_projector_view(app_url, browser, size):
    page, _ = open_page(browser, SIZES[size])
    try:
        visit(page, f"{app_url}/present?narrative=night-hour-by-hour&step=5&view=projector")
        page.wait_for_function(FRAMED)
        assert serious_violations(page) == []
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_no_serious_violation_in_the_offline_explorer(browser, catalog, tmp_path, lang):
    path = tmp_path / "explorer.html"
    path.write_bytes(explorer_file(catalog, lang))
    # The file forbids every request; axe is added by the test through Playwright, not fetched by the page.
    page, traffic = open_from_disk(browser, path)
    try:
        page.wait_for_selector(".bjx canvas")
        page.wait_for_timeout(500)
        assert serious_violations(page) == []
        assert traffic.errors == []
    finally:
        page.context.close()


def test_a_serious_violation_is_found_and_named(app_url, browser):
    """The check can fail: a caption made pale again is reported with its rule and its contrast."""
    page, _ = open_page(browser, SIZES["1280x800"])
    try:
        visit(page, f"{app_url}/?lang=en")
        page.wait_for_function(FRAMED)
        page.add_style_tag(content='html body [data-testid="stCaptionContainer"] p { color: #bbbbbb !important; }')
        found = serious_violations(page)
        assert found and all(v.startswith("color-contrast (serious)") for v in found)
        assert any("insufficient color contrast" in v for v in found)
    finally:
        page.context.close()
