"""Present, Explore and Chronology in a real browser: keys and clickers, projector type, and the
interface in Azerbaijani and Russian, with letters such as ə, ı, ş and Cyrillic on the page and the map.

The server is started with `blackjanuary.devserver.running_app`; Chromium is Debian's,
launched by the `browser` fixture in conftest.py. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import re

import pytest
from browsing import OVERFLOW, open_page, params, screenshot, settle, visit
from playwright.sync_api import Page, expect

from blackjanuary.present import slides
from blackjanuary.range_view import range_view
from blackjanuary.timeline import parse_local

NIGHT = "night-hour-by-hour"
NIGHT_TITLE = "The night of 19–20 January, as the sources can time it"

DECK = '[data-testid="stDeckGlJsonChart"]'
CYRILLIC = re.compile(r"[А-Яа-яЁё]")

expect.set_options(timeout=30_000)


def wait_for_projector_type(page: Page) -> None:
    """Until the slide's style sheet and web fonts apply: before that the page is laid out in Streamlit's sizes."""
    page.wait_for_function(
        """() => document.fonts.status === 'loaded'
            && parseFloat(getComputedStyle(document.querySelector('h1')).fontSize) >= 40"""
    )


def font_px(locator) -> float:
    return float(locator.evaluate("el => getComputedStyle(el).fontSize").removesuffix("px"))


# Controls that scroll sideways inside the page: what the eye cannot see without scrolling them.
SIDEWAYS = """() => [...document.querySelectorAll('[data-testid="stMain"] *')]
    .filter(el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
    .map(el => {
        const key = el.closest('[class*="st-key-"]');
        return `${key ? [...key.classList].find(c => c.startsWith('st-key-')) : el.tagName}: ${el.scrollWidth} > ${el.clientWidth}`;
    })"""

FOCUSED = """() => {
    const el = document.activeElement;
    return {tag: el.tagName, role: el.getAttribute('role'), editable: el.isContentEditable};
}"""


@pytest.fixture
def page_and_errors(browser):
    page, errors = open_page(browser, {"width": 1280, "height": 720})
    yield page, errors
    page.context.close()


# --- the keys a presenter presses ------------------------------------------------


def test_arrow_and_page_keys_step_through_the_narrative(app_url, page_and_errors, catalog):
    page, errors = page_and_errors
    shown = slides(catalog, catalog.narratives[NIGHT])
    visit(page, app_url + "/present")
    heading = page.locator("h1")
    expect(heading).to_have_text(NIGHT_TITLE)
    assert params(page) == {"narrative": NIGHT, "step": "0"}

    # A click on the heading leaves the keyboard with the page, not with a control.
    heading.click()
    focused = page.evaluate(FOCUSED)
    assert focused["tag"] not in ("INPUT", "BUTTON", "TEXTAREA", "SELECT") and not focused["editable"]
    assert focused["role"] not in ("combobox", "slider", "radio", "button")

    def press(key: str, step: int) -> None:
        page.keyboard.press(key)
        expect(heading).to_have_text(shown[step - 1].event.title if step else NIGHT_TITLE)
        settle(page)
        expect(page).to_have_url(re.compile(rf"[?&]step={step}(&|$)"))
        assert params(page) == {"narrative": NIGHT, "step": str(step)}
        if step:
            expect(page.get_by_text(f"step {step} of {len(shown)}", exact=False)).to_be_visible()

    press("ArrowRight", 1)
    press("PageDown", 2)
    press("ArrowLeft", 1)
    press("PageUp", 0)
    assert shown[0].event.title == "State of emergency for Baku decreed in Moscow"
    assert shown[1].event.title == "What the operation was for, as each source says"
    assert errors.errors == []


# --- projector type --------------------------------------------------------------------


@pytest.mark.parametrize("width, height", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_slide_fits_the_projector_in_large_type(app_url, browser, catalog, width, height):
    page, errors = open_page(browser, {"width": width, "height": height})
    try:
        visit(page, f"{app_url}/present?narrative={NIGHT}&step=9")
        expect(page.locator("h1")).to_have_text("Tanks crush cars")
        page.locator(f"{DECK} canvas").wait_for()
        wait_for_projector_type(page)
        assert page.evaluate(OVERFLOW) == []

        passage = page.locator("blockquote p")
        expect(passage).to_have_text(re.compile(r"^Tanks crushed cars, and smoke grenades"))
        window = page.get_by_test_id("stMarkdownContainer").locator("p").filter(has_text="step 9 of 16")
        expect(window).to_have_count(1)
        expect(window).to_contain_text("19 Jan 1990")
        sizes = {"passage": font_px(passage), "window": font_px(window), "window date": font_px(window.locator("strong"))}
        assert all(px >= 24 for px in sizes.values()), sizes
        expect(passage).to_be_in_viewport()
        screenshot(page, f"present-{width}")
        assert errors.errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize("width, height", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_no_control_on_a_slide_scrolls_sideways(app_url, browser, width, height):
    """The projector type must not spill into the controls: the language switch once scrolled to show 'Русский'."""
    page, _ = open_page(browser, {"width": width, "height": height})
    try:
        visit(page, f"{app_url}/present?narrative={NIGHT}&step=9")
        expect(page.locator("h1")).to_have_text("Tanks crush cars")
        wait_for_projector_type(page)
        assert page.evaluate(SIDEWAYS) == []
        expect(page.get_by_role("radio", name="Русский")).to_be_in_viewport(ratio=1)
    finally:
        page.context.close()


# --- the interface in other languages ---------------------------------------------------


def test_present_in_russian(app_url, page_and_errors):
    page, errors = page_and_errors
    visit(page, f"{app_url}/present?lang=ru&narrative={NIGHT}&step=9")
    expect(page.locator("h1")).to_have_text("Танки давят автомобили")  # the catalogue's text translated
    expect(page.get_by_role("button", name="Далее")).to_be_visible()
    expect(page.get_by_role("button", name="Назад")).to_be_visible()
    expect(page.get_by_text("шаг 9 из 16", exact=False)).to_be_visible()
    expect(page.get_by_text("19 января 1990", exact=False).first).to_be_visible()
    expect(page.get_by_text("цитата, язык: английский", exact=False).first).to_be_visible()  # the quote is not
    expect(page.get_by_test_id("stTopNavLink").filter(has_text="Презентация")).to_be_visible()
    body = page.locator("body").inner_text()
    assert len(CYRILLIC.findall(body)) > 100
    assert params(page) == {"narrative": NIGHT, "step": "9", "lang": "ru"}
    page.locator(f"{DECK} canvas").wait_for()
    screenshot(page, "present-ru")
    assert errors.errors == []


def test_explore_in_azerbaijani_at_a_place(app_url, page_and_errors):
    page, errors = page_and_errors
    page.set_viewport_size({"width": 1280, "height": 1500})  # the map, the places beyond Baku and the panel
    visit(page, f"{app_url}/?lang=az&place=20-yanvar-circle")
    expect(page.get_by_role("heading", name="20 Yanvar dairəsi", exact=True)).to_be_visible()
    expect(page.locator("h1")).to_have_text("Qara Yanvar: Bakı, 19–20 yanvar 1990")
    expect(page.get_by_text("Bakı vaxtı (UTC+04:00)")).to_be_visible()
    # The distance depends on whether the avenue follows the built streets basemap (4,9 km) or its own path (5,0 km).
    expect(page.get_by_text(re.compile(r"Neftçilər prospekti: \d,\d km"))).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Dağlıq Qarabağ"))).to_be_visible()
    page.locator(".bjx[data-drawn] .bjx-map canvas").wait_for()  # the Explore component has drawn its map
    page.wait_for_timeout(1500)  # deck.gl builds its font atlas for the labels after the first frame
    settle(page)
    assert params(page) == {"t": "1990-01-20T00:00", "place": "20-yanvar-circle", "lang": "az"}
    screenshot(page, "explore-az")
    assert errors.errors == []


def test_chronology_in_russian(app_url, browser, catalog):
    page, errors = open_page(browser, {"width": 1280, "height": 900})
    try:
        visit(page, f"{app_url}/chronology?lang=ru")
        expect(page.locator("h1")).to_have_text("Хронология")
        table = page.locator("table.bj-chronology")
        expect(table.locator("tbody tr")).to_have_count(len(catalog.events))
        night = range_view(catalog, "night")
        active = night.index.active[night.index.position(parse_local("1990-01-20T00:00"))]
        now = table.locator("tbody tr.now")
        expect(now).to_have_count(len(active))
        assert set(now.evaluate_all("rows => rows.map(r => r.id.replace('chrono-', ''))")) == active
        expect(now.locator("td:first-child")).to_have_text(["сейчас"] * len(active))
        expect(table.locator("caption")).to_contain_text("по бакинскому времени")
        expect(table.locator("thead th")).to_have_text(["Сейчас", "Когда (время Баку)", "Событие", "Места", "Источники", "Точность"])
        expect(table.locator("#chrono-deaths-in-the-streets td").nth(2)).to_have_text("круг «20 Января», проспект Нефтяников")
        table.locator("#chrono-casualty-figures").scroll_into_view_if_needed()
        screenshot(page, "chronology-ru")
        assert errors.errors == []
    finally:
        page.context.close()


@pytest.mark.parametrize(
    "query, range_key, t, label",
    [
        ("t=1990-01-20T02:00", "night", "1990-01-20T02:00", "02:00"),
        ("t=1990-01-15T12:00&r=january", "january", "1990-01-15T12:00", "15 Jan 12:00"),
    ],
)
def test_a_link_to_chronology_opens_at_its_time(app_url, page_and_errors, catalog, query, range_key, t, label):
    page, errors = page_and_errors
    visit(page, f"{app_url}/chronology?{query}")
    expect(page.get_by_role("slider")).to_have_attribute("aria-valuetext", label)
    view = range_view(catalog, range_key)
    active = view.index.active[view.index.position(parse_local(t))]
    now = page.locator("table.bj-chronology tbody tr.now")
    expect(now).to_have_count(len(active))
    assert set(now.evaluate_all("rows => rows.map(r => r.id.replace('chrono-', ''))")) == active
    assert params(page) == {"t": t, **({"r": range_key} if range_key != "night" else {})}
    assert errors.errors == []


def test_the_language_can_be_switched_twice(app_url, page_and_errors):
    page, _ = page_and_errors
    visit(page, f"{app_url}/?lang=az")
    expect(page.locator("h1")).to_have_text("Qara Yanvar: Bakı, 19–20 yanvar 1990")
    page.get_by_role("radio", name="Русский").click()
    expect(page.locator("h1")).to_have_text("Чёрный январь: Баку, 19–20 января 1990 года")
    settle(page)
    expect(page).to_have_url(re.compile(r"[?&]lang=ru(&|$)"))
    page.get_by_role("radio", name="English").click()
    expect(page.locator("h1")).to_have_text("Black January: Baku, 19–20 January 1990", timeout=5_000)
