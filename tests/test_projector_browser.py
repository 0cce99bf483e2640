"""The projector view and the presenter view in Chromium: the slide alone fits 16:9 with no controls,
its passage and attribution on the screen, and the two views of one lesson follow each other.
"""

from __future__ import annotations

import re

import pytest
from browsing import open_page, params, screenshot, settle, visit
from playwright.sync_api import Page, expect

from blackjanuary.present import slides

NIGHT = "night-hour-by-hour"
YEARS = "rallies-to-independence"
DECK = '[data-testid="stDeckGlJsonChart"]'

expect.set_options(timeout=30_000)

# Everything a pupil could click or type into on the slide, that is shown: none should be. The keys' own
# buttons stay in the page for the keyboard and a screen reader, clipped to nothing (checked apart).
VISIBLE_CONTROLS = """() => [...document.querySelectorAll(
        'button, select, input, [role="combobox"], [data-baseweb="select"], header, nav, [data-testid="stToolbar"]')]
    .filter(el => !el.closest('.st-key-clicker'))
    .filter(el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
        return r.width > 2 && r.height > 2 && s.visibility !== 'hidden' && s.display !== 'none'; })
    .map(el => el.tagName + (el.innerText ? ': ' + el.innerText.slice(0, 30) : ''))"""
SCROLLS = "() => [document.scrollingElement.scrollHeight, innerHeight, document.querySelector('[data-testid=\"stMain\"]').scrollHeight]"


def wait_for_slide(page: Page) -> None:
    page.wait_for_function(
        "() => document.fonts.status === 'loaded' && document.querySelector('h1')"
        " && parseFloat(getComputedStyle(document.querySelector('h1')).fontSize) >= 0.05 * innerHeight"
    )


def inside(page: Page, locator) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"] + 1 and box["x"] >= 0


def projector_url(app_url: str, narrative: str, step: int, **extra: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in {"narrative": narrative, "step": step, "view": "projector", **extra}.items())
    return f"{app_url}/present?{query}"


@pytest.mark.parametrize("width, height", [(1280, 720), (1920, 1080), (390, 844)])
@pytest.mark.parametrize("narrative, step", [(NIGHT, 0), (NIGHT, 5), (NIGHT, 2), (YEARS, 11)])
def test_a_slide_fills_the_projector_with_no_controls(app_url, browser, catalog, width, height, narrative, step):
    page, errors = open_page(browser, {"width": width, "height": height})
    try:
        visit(page, projector_url(app_url, narrative, step))
        wait_for_slide(page)
        if step:
            expect(page.locator(DECK)).to_have_count(0 if slides(catalog, catalog.narratives[narrative])[step - 1].compared else 1)
        page.wait_for_timeout(800)  # the map's first frame
        screenshot(page, f"projector-{narrative}-{step}-{width}x{height}")
        assert page.evaluate(VISIBLE_CONTROLS) == []
        assert page.locator(".st-key-clicker").evaluate("el => getComputedStyle(el).clipPath") == "inset(50%)"
        if (width, height) != (390, 844):  # a phone is not a projector: there the slide may scroll
            total, window, _ = page.evaluate(SCROLLS)
            assert total <= window, f"the slide scrolls: {total} > {window}"
        if step:
            slide = slides(catalog, catalog.narratives[narrative])[step - 1]
            shown = slide.compared or (slide.citation,)
            for citation in shown:
                publisher = catalog.sources[citation.source].publisher
                attribution = page.get_by_text(re.compile(re.escape(publisher))).first
                if (width, height) != (390, 844):
                    assert inside(page, attribution), f"{publisher}'s attribution is off the screen"
        quote = page.locator("blockquote p").first
        if step and (width, height) == (1920, 1080):
            assert float(quote.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")) >= 28
        assert errors.errors == []
    finally:
        page.context.close()


def test_the_keys_and_a_clicker_step_the_projector(app_url, browser):
    page, errors = open_page(browser, {"width": 1280, "height": 720})
    try:
        visit(page, projector_url(app_url, NIGHT, 1))
        for key, step in (("ArrowRight", "2"), ("PageDown", "3"), ("ArrowLeft", "2"), ("PageUp", "1")):
            page.locator("h1").click()  # the slide has the focus, as after the teacher clicks into the window
            page.keyboard.press(key)
            expect(page).to_have_url(re.compile(rf"[?&]step={step}(&|$)"))
            settle(page)
        assert params(page)["view"] == "projector"
        assert errors.errors == []
    finally:
        page.context.close()


def test_the_projector_follows_the_presenter_and_back(app_url, browser):
    presenter, presenter_errors = open_page(browser, {"width": 1280, "height": 800})
    projector, projector_errors = open_page(browser, {"width": 1280, "height": 720})
    try:
        visit(presenter, f"{app_url}/present?narrative={NIGHT}&step=3")
        link = presenter.get_by_role("link", name=re.compile("Open the projector view"))
        href = link.get_attribute("href")
        assert href and "view=projector" in href and "room=" in href
        room = re.search(r"room=([a-z2-9]{8})", href).group(1)
        visit(projector, f"{app_url}/present{href[href.index('?'):]}")
        expect(projector.locator("h1")).to_have_text(re.compile("Information blockade|Television"))
        step_3 = projector.locator("h1").inner_text()

        presenter.get_by_role("button", name="Next", exact=True).click()
        settle(presenter)
        # The projector looks every second; within a few it shows the presenter's slide.
        expect(projector).to_have_url(re.compile(r"[?&]step=4(&|$)"), timeout=10_000)
        expect(projector.locator("h1")).not_to_have_text(step_3)

        projector.locator("h1").click()
        projector.keyboard.press("ArrowRight")  # a clicker plugged into the projector's machine
        expect(presenter).to_have_url(re.compile(r"[?&]step=5(&|$)"), timeout=10_000)
        assert params(projector)["room"] == room and "room" not in params(presenter)  # the presenter's link stays plain
        assert presenter_errors.errors == [] and projector_errors.errors == []
    finally:
        presenter.context.close()
        projector.context.close()


def test_the_teachers_note_is_on_the_presenter_view_only(app_url, browser, catalog):
    note = catalog.narratives[NIGHT].steps[3].note.split()[:6]
    presenter, _ = open_page(browser, {"width": 1280, "height": 800})
    projector, _ = open_page(browser, {"width": 1280, "height": 720})
    try:
        visit(presenter, f"{app_url}/present?narrative={NIGHT}&step=4")
        expect(presenter.get_by_text(" ".join(note), exact=False)).to_be_visible()
        visit(projector, projector_url(app_url, NIGHT, 4))
        wait_for_slide(projector)
        assert " ".join(note) not in projector.locator('[data-testid="stMain"]').inner_text()
    finally:
        presenter.context.close()
        projector.context.close()
