"""The map and the timeline answering each other, and the map's controls, in Chromium: in the app and in the
offline file, a chosen event rings its places and a chosen place outlines its events in the same frame; the
zoom buttons, the wheel and the reset keep to the zoom limits; street tiles that cannot load leave the bundled
map drawn and say so; both canvases draw at the screen's pixel density."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from browsing import DESKTOP, open_from_disk, open_page, screenshot, visit
from PIL import Image
from playwright.sync_api import Page, expect
from test_browser import event_point, wait_for_explorer
from test_offline_map import LAND, close_to

from blackjanuary import load
from blackjanuary.__main__ import main
from blackjanuary.i18n import tr

ROOT = Path(__file__).resolve().parent.parent
EVENT = "troops-enter-baku"
PLACE = "20-yanvar-circle"
SIZES = [{"width": 1280, "height": 720}, {"width": 1920, "height": 1080}, {"width": 390, "height": 844}]
SIZE_IDS = ["1280x720", "1920x1080", "390x844"]

expect.set_options(timeout=30_000)

# What the map and the timeline mark, read right after a choice, in the same task as the click: the deck's
# ring layers, the whole city's tag and the timeline's marked spans.
MARKED = """() => {
    const root = document.querySelector('.bjx');
    const my = root.bjx;
    const layer = (id) => my.deck.props.layers.find(l => l.id === id).props.data.map(r => r.id);
    return {
        rings: [...layer('selected'), ...layer('lines-ring')].sort(),
        city: [...root.querySelectorAll('.bjx-city.bjx-city-marked')].map(b => b.dataset.place),
        events: [...my.highlight.events].map(i => my.payload.events.id[i]).sort(),
        dim: my.highlight.dim,
        redraws: my.redraws,
    };
}"""
# Click the button of a place in the list of every place, and read the marks before the browser has had a frame
# to draw anything else.
CLICK_THEN_MARKED = """(name) => {
    [...document.querySelectorAll('.bjx-all-places button')].find(b => b.textContent === name).click();
    return (""" + MARKED + """)();
}"""
# The same for a click on the timeline's canvas at a point of the page.
CANVAS_CLICK_THEN_MARKED = """([x, y]) => {
    const canvas = document.querySelector('.bjx-timeline-canvas');
    canvas.dispatchEvent(new MouseEvent('click', {clientX: x, clientY: y, bubbles: true}));
    return (""" + MARKED + """)();
}"""
# The timeline's pixel (in CSS pixels from the page's corner) as the canvas holds it, at the screen's density.
TIMELINE_PIXEL = """([x, y]) => {
    const canvas = document.querySelector('.bjx-timeline-canvas');
    const box = canvas.getBoundingClientRect();
    const ratio = canvas.width / box.width;
    return [...canvas.getContext('2d').getImageData(Math.round((x - box.left) * ratio), Math.round((y - box.top) * ratio), 1, 1).data];
}"""
VIEW = """() => {
    const my = document.querySelector('.bjx').bjx;
    const viewport = my.deck.getViewports()[0];
    return {zoom: viewport.zoom, longitude: viewport.longitude, latitude: viewport.latitude, limits: my.limits,
            open: my.openView, scale: document.querySelector('.bjx-scale-text').textContent,
            bar: document.querySelector('.bjx-scale-bar').getBoundingClientRect().width};
}"""


@pytest.fixture(scope="module")
def catalog():
    return load(ROOT / "data")


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("offline-explorer") / "baku-1990.html"
    assert main(["export", "--format", "explorer", "--out", str(path)]) == 0
    return path


def events_of(catalog, place_id: str, shown: list[str]) -> list[str]:
    return sorted(e.id for e in catalog.events if place_id in e.places and e.id in shown)


def check_two_way_highlight(page: Page, catalog, name: str) -> None:
    """Choose an event on the timeline, then a place in the list of every place: each marks the other view at once."""
    shown = page.evaluate("() => document.querySelector('.bjx').bjx.payload.events.id")
    x, y = event_point(page, EVENT)
    marked = page.evaluate(CANVAS_CLICK_THEN_MARKED, [x, y])
    event = catalog.require_event(EVENT)
    whole = [p for p in event.places if catalog.places[p].whole_city]
    located = [p for p in event.places if catalog.places[p].in_baku and not catalog.places[p].whole_city]
    assert marked["rings"] == sorted(located) and marked["city"] == whole, marked
    assert marked["events"] == [EVENT] and marked["dim"] is False
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    screenshot(page, f"highlight-event-{name}")

    # A span of another place's event, as drawn before the place is chosen.
    others = [e for e in shown if e not in events_of(catalog, PLACE, shown)]
    drawn = page.evaluate("() => { const e = document.querySelector('.bjx').bjx.payload.events; return e.id.filter((id, i) => e.row[i] >= 0); }")
    other = next(e for e in others if e in drawn)
    before = page.evaluate(TIMELINE_PIXEL, list(event_point(page, other)))
    page.locator(".bjx-all-places > summary").click()
    marked = page.evaluate(CLICK_THEN_MARKED, catalog.places[PLACE].name)
    assert marked["rings"] == [PLACE] and marked["city"] == []
    assert marked["events"] == events_of(catalog, PLACE, shown) and marked["dim"] is True
    assert EVENT in marked["events"]
    after = page.evaluate(TIMELINE_PIXEL, list(event_point(page, other)))
    # The canvas is transparent where nothing is drawn: a dimmed span is a fainter one.
    assert after[3] < before[3] / 2, f"the span of {other} is dimmed: {before} then {after}"
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    screenshot(page, f"highlight-place-{name}")


@pytest.mark.parametrize("viewport", SIZES, ids=SIZE_IDS)
def test_an_event_rings_its_places_and_a_place_outlines_its_events_in_the_app(app_url, browser, catalog, viewport):
    page, traffic = open_page(browser, viewport)
    try:
        visit(page, app_url + "/?t=1990-01-20T00:00")
        wait_for_explorer(page)
        check_two_way_highlight(page, catalog, f"app-{viewport['width']}")
        # The host learns the choice afterwards, and the page's rerun keeps the marks.
        expect(page).to_have_url(f"{app_url}/?t=1990-01-20T00%3A00&place={PLACE}")
        page.wait_for_timeout(500)
        assert page.evaluate(MARKED)["rings"] == [PLACE]
        assert traffic.errors == []
    finally:
        page.context.close()


def test_an_event_rings_its_places_and_a_place_outlines_its_events_in_the_offline_file(browser, catalog, exported):
    page, traffic = open_from_disk(browser, exported, "#t=1990-01-20T00:00", only_itself=True, viewport=DESKTOP)
    try:
        wait_for_explorer(page)
        check_two_way_highlight(page, catalog, "offline")
        assert f"place={PLACE}" in page.url
        assert traffic.errors == [] and traffic.blocked == []
    finally:
        page.context.close()


def test_the_whole_city_is_a_tag_not_a_pin_and_it_selects_the_city(app_url, browser):
    page, _ = open_page(browser, DESKTOP)
    try:
        visit(page, app_url + "/?t=1990-01-20T01:00")
        wait_for_explorer(page)
        points = page.evaluate("() => document.querySelector('.bjx').bjx.deck.props.layers.find(l => l.id === 'places').props.data.map(r => r.id)")
        assert "baku" not in points and PLACE in points
        tag = page.locator('.bjx-city[data-place="baku"]')
        expect(tag).to_have_text(f"● Baku · {tr('en', 'whole_city')}")
        tag.click()
        expect(page.locator(".bjx-panel h2")).to_have_text("Baku")
        expect(tag).to_have_attribute("aria-current", "true")
        expect(tag).to_have_class("bjx-city bjx-city-marked")
    finally:
        page.context.close()


@pytest.mark.parametrize("viewport", SIZES, ids=SIZE_IDS)
def test_zoom_buttons_the_wheel_and_reset_keep_to_the_limits(app_url, browser, viewport):
    page, traffic = open_page(browser, viewport)
    try:
        visit(page, app_url + "/")
        wait_for_explorer(page)
        opened = page.evaluate(VIEW)
        limits = opened["limits"]
        assert limits["minZoom"] < opened["zoom"] < limits["maxZoom"]
        assert opened["scale"].endswith(" km") or opened["scale"].endswith(" m")
        zoom_in = page.get_by_role("button", name=tr("en", "zoom_in"))
        zoom_out = page.get_by_role("button", name=tr("en", "zoom_out"))
        for _ in range(4):
            zoom_out.click()
            page.wait_for_timeout(350)
        out = page.evaluate(VIEW)
        assert out["zoom"] == pytest.approx(limits["minZoom"], abs=1e-3), "the buttons stop at the least zoom"
        assert out["scale"] != opened["scale"]  # the scale bar follows the zoom
        # The wheel stops there too.
        box = page.locator(".bjx-map canvas").first.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        for _ in range(6):
            page.mouse.wheel(0, 800)
            page.wait_for_timeout(120)
        page.wait_for_timeout(400)
        assert page.evaluate(VIEW)["zoom"] >= limits["minZoom"] - 1e-3
        for _ in range(12):
            zoom_in.click()
            page.wait_for_timeout(300)
        inside = page.evaluate(VIEW)
        assert inside["zoom"] == pytest.approx(limits["maxZoom"], abs=1e-3), "and at the most"
        assert inside["scale"].endswith(" m") and 0 < inside["bar"] <= 110
        page.get_by_role("button", name=tr("en", "reset_view")).click()
        page.wait_for_timeout(600)
        back = page.evaluate(VIEW)
        assert back["zoom"] == pytest.approx(opened["zoom"], abs=1e-3)
        assert back["longitude"] == pytest.approx(opened["longitude"], abs=1e-4)
        assert back["scale"] == opened["scale"]
        screenshot(page, f"map-controls-{viewport['width']}")
        assert traffic.errors == []
    finally:
        page.context.close()


def test_the_zoom_buttons_are_reached_and_pressed_from_the_keyboard_with_their_focus_seen(app_url, browser):
    page, _ = open_page(browser, DESKTOP)
    try:
        visit(page, app_url + "/")
        wait_for_explorer(page)
        page.locator(".bjx-slider").focus()
        for _ in range(6):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.classList.contains('bjx-zoom-in')"):
                break
        focus = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
            return {label: document.activeElement.getAttribute('aria-label'), outline: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }""")
        assert focus == {"label": tr("en", "zoom_in"), "outline": "solid", "width": 3}
        before = page.evaluate(VIEW)["zoom"]
        page.keyboard.press("Enter")
        page.wait_for_timeout(500)
        assert page.evaluate(VIEW)["zoom"] == pytest.approx(before + 1, abs=1e-3)
    finally:
        page.context.close()


def test_the_controls_speak_the_page_language(app_url, browser):
    page, _ = open_page(browser, DESKTOP)
    try:
        visit(page, app_url + "/?lang=ru")
        wait_for_explorer(page)
        for key in ("zoom_in", "zoom_out", "reset_view"):
            expect(page.get_by_role("button", name=tr("ru", key))).to_be_visible()
        assert page.evaluate(VIEW)["scale"].endswith(" км")
    finally:
        page.context.close()


def land_share(page: Page) -> float:
    """The share of the map drawn in the land's colour, what is over the map (its notes, its controls) set aside."""
    page.evaluate("() => document.querySelector('.bjx-map-box').classList.add('bjx-test-bare')")
    page.add_style_tag(content=".bjx-test-bare .bjx-map-note, .bjx-test-bare .bjx-city-tags { visibility: hidden; }")
    image = Image.open(BytesIO(page.locator(".bjx-map canvas").first.screenshot())).convert("RGB")
    page.evaluate("() => document.querySelector('.bjx-map-box').classList.remove('bjx-test-bare')")
    colours = image.getcolors(maxcolors=image.width * image.height)
    return sum(n for n, pixel in colours if close_to(pixel, LAND)) / (image.width * image.height)


@pytest.mark.parametrize("viewport", [SIZES[0], SIZES[2]], ids=[SIZE_IDS[0], SIZE_IDS[2]])
def test_street_tiles_without_internet_leave_the_bundled_map_and_say_so(app_url, browser, streets, viewport):
    page, _ = open_page(browser, viewport)
    tried: list[str] = []

    def refuse(route):
        tried.append(route.request.url)
        route.abort("internetdisconnected")

    try:
        page.route("https://*.basemaps.cartocdn.com/**", refuse)
        visit(page, app_url + "/?t=1990-01-20T02:00")
        wait_for_explorer(page)
        page.wait_for_function(
            "() => performance.getEntriesByType('resource').some(r => r.name.includes('streets/land.geojson'))"
        )
        page.wait_for_timeout(800)
        without = land_share(page)
        page.get_by_text(tr("en", "street_tiles")).click()
        expect(page.locator(".bjx")).to_have_attribute("data-tiles", "on")
        expect(page.locator(".bjx-map-note")).to_have_text(tr("en", "tiles_failed"))
        assert tried, "the tiles were asked for"
        page.wait_for_timeout(800)
        layers = page.evaluate("() => document.querySelector('.bjx').bjx.deck.props.layers.map(l => l.id)")
        assert {"basemap-sea", "basemap-land", "basemap-roads"} <= set(layers)
        assert not any(layer.startswith("tiles") for layer in layers)
        screenshot(page, f"tiles-offline-{viewport['width']}")
        assert land_share(page) == pytest.approx(without, abs=0.05), "the bundled land is drawn as before"
        assert without > 0.3
        # Switched off, the note goes; the map stays as it is.
        page.get_by_text(tr("en", "street_tiles"), exact=True).click()
        expect(page.locator(".bjx-map-note")).to_be_hidden()
    finally:
        page.context.close()


def test_the_map_and_the_timeline_draw_at_the_screens_pixel_density(app_url, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    try:
        visit(page, app_url + "/")
        wait_for_explorer(page)
        sizes = page.evaluate("""() => [...document.querySelectorAll('.bjx-map canvas, .bjx-timeline-canvas')]
            .map(c => [c.width, c.getBoundingClientRect().width, c.height, c.getBoundingClientRect().height])""")
        assert len(sizes) == 2
        for width, css_width, height, css_height in sizes:
            assert width == pytest.approx(2 * css_width, abs=2) and height == pytest.approx(2 * css_height, abs=2)
    finally:
        context.close()
