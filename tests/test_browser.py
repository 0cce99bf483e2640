"""The app in a real browser: scrubbing, clicking the map and the timeline, deep links, bad data, layout.

Each module-level server is started with `blackjanuary.devserver.running_app`;
Chromium is Debian's, launched by the `browser` fixture in conftest.py. Every
assertion waits for Streamlit to finish the rerun it depends on.
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browsing import DESKTOP, OVERFLOW, Traffic, open_page, params, screenshot, settle, visit
from hostile import HOSTILE, QUOTE, QUOTED_EVENT, QUOTED_SOURCE, write_hostile_copy
from playwright.sync_api import Page, expect

from blackjanuary import Catalog, load
from blackjanuary.devserver import running_app
from blackjanuary.i18n import tr
from blackjanuary.range_view import range_view
from blackjanuary.timeline import parse_local

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
PHONE = {"width": 390, "height": 844}

EXPLORER = ".bjx"
MAP = ".bjx-map"
TIMELINE = ".bjx-timeline-canvas"

expect.set_options(timeout=30_000)


def wait_for_explorer(page: Page) -> None:
    """The component has drawn its map once and its timeline."""
    page.locator(f"{EXPLORER}[data-drawn]").wait_for()
    page.locator(f"{MAP} canvas").wait_for()
    page.locator(TIMELINE).wait_for()


def step_line(page: Page):
    """The step in words above the map, e.g. 'Sat 20 Jan 1990, 02:00–03:00 Baku time · 11 events in this step'."""
    return page.locator(".bjx-words")


def step_text(words: str):
    return re.compile(rf"^{re.escape(words)} · \d+ events? in this step$")


def heading(page: Page, text: str):
    return page.get_by_role("heading", name=text, exact=True)


def picks(page: Page) -> list[str]:
    """The titles listed as events at the step, in order (groups: the moment, then longer periods)."""
    return page.locator(".bjx-list ul:not(.bjx-places) .bjx-item-title").all_inner_texts()


# What the page shows of the step, read in one go: the slider, the words, the
# timeline's cursor, the list, and the colour deck.gl's place layer gives a place.
SHOWN = """(placeId) => {
    const root = document.querySelector('.bjx');
    const layer = root.bjx.deck.props.layers.find(l => l.id === 'places');
    const row = layer.props.data.find(r => r.id === placeId);
    return {
        step: root.dataset.step,
        valuetext: root.querySelector('.bjx-slider').getAttribute('aria-valuetext'),
        words: root.querySelector('.bjx-words').textContent,
        cursor: root.querySelector('.bjx-cursor').dataset.step,
        cursorLeft: root.querySelector('.bjx-cursor').style.left,
        listed: [...root.querySelectorAll('.bjx-list ul:not(.bjx-places) .bjx-item-title')].map(e => e.textContent),
        colour: row ? layer.props.getColor(row) : null,
        drawn: root.dataset.drawn,
    };
}"""
# The same, in the frame after a key press: resolves in the first animation frame after it.
NEXT_FRAME = "(placeId) => new Promise(r => requestAnimationFrame(() => r((" + SHOWN + ")(placeId))))"
TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
RED, ORANGE, GREY, BLUE = [198, 40, 40, 235], [214, 110, 30, 215], [85, 85, 85, 210], [70, 110, 170, 110]


# --- the map: where a place is drawn -----------------------------------------


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def place_pixel(page: Page, catalog: Catalog, place_id: str) -> tuple[float, float]:
    """Where deck.gl draws a place on the page, from the view the app asks for and the real canvas.

    The deck opens at the payload's view, zoomed out and its centre moved for a
    map shorter or narrower than it was fitted for (mapview.js's openingView):
    the place sits at its Web Mercator offset from the centre of the viewport
    deck.gl reports, in 512-pixel tiles at its zoom.
    """
    lat, lon = catalog.places[place_id].anchor
    canvas = page.locator(f"{MAP} canvas").first
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    view = page.locator(".bjx").first.evaluate(
        "root => { const v = root.bjx.deck.getViewports()[0]; return {zoom: v.zoom, longitude: v.longitude, latitude: v.latitude}; }"
    )
    scale = 512 * 2 ** view["zoom"]
    x = box["x"] + box["width"] / 2 + (lon - view["longitude"]) / 360 * scale
    y = box["y"] + box["height"] / 2 - (_mercator_y(lat) - _mercator_y(view["latitude"])) / (2 * math.pi) * scale
    return x, y


def hover_place(page: Page, catalog: Catalog, place_id: str) -> str:
    """The map's tooltip for a place, after moving the mouse off the map and onto it."""
    page.mouse.move(0, 0)
    expect(page.locator(".deck-tooltip")).to_be_hidden()
    page.mouse.move(*place_pixel(page, catalog, place_id))
    tooltip = page.locator(".deck-tooltip")
    expect(tooltip).to_be_visible()
    return tooltip.inner_text()


# --- the timeline: where an event's span is drawn ---------------------------


def event_point(page: Page, event_id: str) -> tuple[float, float]:
    """The middle of the bar the timeline draws for an event, in page pixels, from the component's own layout."""
    page.locator(TIMELINE).scroll_into_view_if_needed()
    x, y = page.evaluate(
        """(eventId) => {
            const root = document.querySelector('.bjx');
            const {payload, geometry: g} = root.bjx;
            const i = payload.events.id.indexOf(eventId);
            if (i < 0 || payload.events.row[i] < 0) return [null, null];
            const box = root.querySelector('.bjx-timeline-canvas').getBoundingClientRect();
            const x0 = payload.events.x0[i], x1 = payload.events.x1[i];
            return [box.left + g.left + (x0 + x1) / 2 * g.plot, box.top + g.top + (payload.events.row[i] + 0.5) * g.rowHeight];
        }""",
        event_id,
    )
    assert x is not None, f"no bar for {event_id} on the timeline"
    return x, y


# --- fixtures ----------------------------------------------------------------


@pytest.fixture
def page_and_traffic(browser):
    page, traffic = open_page(browser)
    yield page, traffic
    page.context.close()


@pytest.fixture
def page(page_and_traffic):
    return page_and_traffic[0]


# --- 1. a clean load ---------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/sources"])
def test_page_loads_without_errors_or_outside_requests(app_url, page_and_traffic, path):
    page, traffic = page_and_traffic
    visit(page, app_url + path)
    if path == "/":
        wait_for_explorer(page)
        expect(step_line(page)).to_have_text(step_text("Sat 20 Jan 1990, 00:00–01:00 Baku time"))
        # Scrub and play a little: nothing of it may ask anything of another host either.
        page.get_by_role("slider", name="Time in Baku (UTC+04:00)").press("ArrowRight")
        page.get_by_role("button", name="Play").click()
        page.wait_for_timeout(800)
        settle(page)
        screenshot(page, "explore-1280")
    else:
        expect(heading(page, "Sources")).to_be_visible()
    assert traffic.errors == []
    assert traffic.hosts == {urlsplit(app_url).netloc}


# --- 2. the scrubber ---------------------------------------------------------


def test_a_key_press_changes_map_cursor_and_list_in_the_same_frame(app_url, page, catalog):
    night = range_view(catalog, "night")

    def listed_at(hour: str) -> list[str]:
        """The page's groups: events of the moment, longer periods, begun with no end given; each in time order."""
        position = night.index.position(parse_local(hour))
        moment, ongoing = night.split_active(position)
        groups = [moment, ongoing, night.open_events(position)]
        ordered = [sorted(g, key=lambda e: (e.first, e.last, e.id))[:25] for g in groups]
        return [("◇ " if len(e.source_ids) == 1 else "") + e.title for g in ordered for e in g]

    visit(page, app_url + "/")
    wait_for_explorer(page)
    slider = page.get_by_role("slider", name="Time in Baku (UTC+04:00)")
    expect(slider).to_have_attribute("aria-valuetext", "Sat 20 Jan 1990, 00:00–01:00 Baku time")
    slider.focus()

    def press(key: str, words: str, hour: str) -> dict:
        page.keyboard.press(key)
        shown = page.evaluate(NEXT_FRAME, "tv-centre")  # the first frame after the key press
        assert (shown["step"], shown["cursor"], shown["valuetext"]) == (hour, hour, words)
        assert shown["words"].startswith(words)
        assert shown["listed"] == listed_at(hour)
        status = night.statuses[night.index.position(parse_local(hour))]["tv-centre"]
        assert shown["colour"] == {"active": RED, "open": ORANGE, "past": GREY, "future": BLUE}[status]
        page.evaluate(TWO_FRAMES)
        assert page.evaluate(SHOWN, "tv-centre")["drawn"] == hour  # deck.gl has drawn this step
        return shown

    six = press("Home", "Fri 19 Jan 1990, 18:00–19:00 Baku time", "1990-01-19T18:00")
    seven = press("ArrowRight", "Fri 19 Jan 1990, 19:00–20:00 Baku time", "1990-01-19T19:00")
    # The television centre's power unit is blown up at 19:00 (ahead at 18:00), and its place turns red.
    assert (six["colour"], seven["colour"]) == (BLUE, RED)
    assert float(seven["cursorLeft"][:-2]) > float(six["cursorLeft"][:-2])
    six_tooltip = hover_place(page, catalog, "20-yanvar-circle")

    slider.focus()
    for _ in range(7):
        page.keyboard.press("ArrowRight")
    two = page.evaluate(NEXT_FRAME, "tv-centre")
    assert two["step"] == "1990-01-20T02:00"
    two_tooltip = hover_place(page, catalog, "20-yanvar-circle")
    screenshot(page, "explore-0200")
    slider.focus()
    press("End", "Sat 20 Jan 1990, 12:00–13:00 Baku time", "1990-01-20T12:00")
    press("ArrowLeft", "Sat 20 Jan 1990, 11:00–12:00 Baku time", "1990-01-20T11:00")
    assert "Tanks crush cars" in two["listed"] and "Tanks crush cars" not in six["listed"]
    # The map's tooltip follows the step too.
    assert six_tooltip.splitlines() == ["20 Yanvar Circle", "events later"]
    assert two_tooltip.splitlines() == ["20 Yanvar Circle", "events at this hour"]
    # Once the slider rests, the page learns the step and puts it in the link.
    expect(page).to_have_url(re.compile(r"[?&]t=1990-01-20T11%3A00(&|$)"))
    settle(page)
    assert page.evaluate(SHOWN, "tv-centre")["step"] == "1990-01-20T11:00"  # the rerun did not move it back


def test_a_drag_shows_every_step_it_passes(app_url, page):
    visit(page, app_url + "/?t=1990-01-19T18:00")
    wait_for_explorer(page)
    page.evaluate("() => { document.querySelector('.bjx').bjx.shown.length = 0; }")
    slider = page.locator(".bjx-slider")
    box = slider.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 4, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.55, y, steps=3)  # three big jumps
    page.mouse.move(box["x"] + box["width"] - 2, y, steps=2)
    page.mouse.up()
    expect(page.locator(EXPLORER)).to_have_attribute("data-step", "1990-01-20T12:00")
    shown = page.evaluate("() => document.querySelector('.bjx').bjx.shown")
    assert sorted(set(shown)) == list(range(1, 19)), shown  # every hour after 18:00, none skipped
    assert shown == sorted(shown)
    expect(page).to_have_url(re.compile(r"[?&]t=1990-01-20T12%3A00(&|$)"))


def test_a_press_draws_the_map_once_and_the_pages_echo_changes_nothing(app_url, page):
    visit(page, app_url + "/?t=1990-01-20T02:00")
    wait_for_explorer(page)
    page.mouse.move(0, 0)  # nothing hovered: the map draws only for the step
    page.wait_for_timeout(1000)
    page.evaluate(TWO_FRAMES)
    before = page.evaluate("() => document.querySelector('.bjx').bjx.redraws")
    page.locator(".bjx-slider").focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator(EXPLORER)).to_have_attribute("data-drawn", "1990-01-20T03:00")
    page.evaluate(TWO_FRAMES)
    pressed = page.evaluate("""() => {
        const root = document.querySelector('.bjx');
        root.querySelector('.bjx-list h3').dataset.kept = 'yes';  // gone if the list is built again
        return root.bjx.redraws;
    }""")
    assert pressed - before == 1, f"one press drew the map {pressed - before} times"
    # The slider rests, the page reruns with the step and hands it back: the map and the list stay as they are.
    expect(page).to_have_url(re.compile(r"[?&]t=1990-01-20T03%3A00(&|$)"))
    settle(page)
    page.wait_for_timeout(500)
    page.evaluate(TWO_FRAMES)
    after = page.evaluate("""() => {
        const root = document.querySelector('.bjx');
        return {redraws: root.bjx.redraws, kept: root.querySelector('.bjx-list h3').dataset.kept || null};
    }""")
    assert after == {"redraws": pressed, "kept": "yes"}


def test_street_tiles_or_land_that_fail_to_load_are_named_over_the_map(app_url, page):
    # Every basemap file the map fetches from the app's static folder: the coarse shore and the streets alike.
    page.route("**/app/static/**/*.geojson", lambda route: route.abort())
    page.route("https://*.basemaps.cartocdn.com/**", lambda route: route.abort())
    visit(page, app_url + "/")
    wait_for_explorer(page)
    note = page.locator(".bjx-map-note")
    expect(note).to_have_text(tr("en", "map_part_failed"))
    expect(page.locator(f"{EXPLORER}[data-drawn] .bjx-places button").first).to_be_visible()  # the rest still works
    page.get_by_text(tr("en", "street_tiles")).click()
    expect(page.locator(EXPLORER)).to_have_attribute("data-tiles", "on")
    expect(note).to_have_text(tr("en", "tiles_failed"))


def test_every_place_can_be_chosen_from_the_keyboard_and_only_the_step_line_is_live(app_url, page, catalog):
    visit(page, app_url + "/?t=1990-01-19T18:00")  # nothing has happened yet at the Alley of Martyrs
    wait_for_explorer(page)
    root = page.locator(EXPLORER)
    assert root.locator("[aria-live]").evaluate_all("nodes => nodes.map(n => n.className)") == ["bjx-words"]
    alley = catalog.places["alley-of-martyrs"].name
    expect(page.locator(".bjx-list").get_by_role("button", name=re.compile(alley))).to_have_count(0)
    summary = page.locator(".bjx-all-places > summary")
    summary.focus()
    page.keyboard.press("Enter")  # opens the list of every place
    button = page.locator(".bjx-all-places").get_by_role("button", name=alley, exact=True)
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".bjx-panel h2")).to_have_text(alley)
    expect(page).to_have_url(re.compile(r"[?&]place=alley-of-martyrs(&|$)"))
    expect(page.locator(".bjx-all-places")).to_have_attribute("open", "")  # it stays open for the next choice


def test_play_runs_to_the_end_and_stops(app_url, page):
    visit(page, app_url + "/?t=1990-01-20T02:00")  # the ninth step of nineteen
    wait_for_explorer(page)
    page.evaluate("() => { document.querySelector('.bjx').bjx.shown.length = 0; }")
    play = page.get_by_role("button", name="Play", exact=True)
    page.locator(".bjx-speed").select_option("fast")  # 1 s a step, 2 s where the evidence changes
    play.click()
    expect(play).to_have_attribute("aria-pressed", "true")  # one name, pressed while it plays
    expect(page.locator(EXPLORER)).to_have_attribute("data-step", "1990-01-20T12:00", timeout=30_000)
    expect(play).to_have_attribute("aria-pressed", "false")
    shown = page.evaluate("() => document.querySelector('.bjx').bjx.shown")
    assert shown == [9, 10, 11, 12, 13, 14, 15, 16, 17, 18]
    expect(page).to_have_url(re.compile(r"[?&]t=1990-01-20T12%3A00(&|$)"))
    page.wait_for_timeout(600)
    assert page.locator(EXPLORER).get_attribute("data-step") == "1990-01-20T12:00"  # stopped at the end


# --- 3. and 4. clicking a place and an event ---------------------------------


def test_clicking_a_place_on_the_map_opens_its_passages(app_url, page, catalog):
    visit(page, app_url + "/")
    wait_for_explorer(page)
    # The tooltip shows once deck.gl can pick what is under the pointer; a click before then is lost.
    assert hover_place(page, catalog, "20-yanvar-circle").splitlines()[0] == "20 Yanvar Circle"
    page.mouse.click(*place_pixel(page, catalog, "20-yanvar-circle"))
    expect(heading(page, "20 Yanvar Circle")).to_be_visible()
    settle(page)
    expect(page.get_by_text(
        "Blood stained the pavements of Neftchiler Avenue, 20 Yanvar Circle, and countless unnamed streets."
    )).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]place=20-yanvar-circle(&|$)"))
    ring = page.evaluate("() => document.querySelector('.bjx').bjx.deck.props.layers.find(l => l.id === 'selected').props.data.map(r => r.id)")
    assert ring == ["20-yanvar-circle"]
    screenshot(page, "explore-place")


def test_on_a_phone_the_streets_are_drawn_and_no_place_sits_where_its_label_would_be_cut(app_url, browser, catalog):
    """At 390 px the map zooms out from the view fitted for 400: every place keeps room for half a label either side."""
    from io import BytesIO

    from PIL import Image
    from test_offline_map import centre_box, road_pixels

    page, traffic = open_page(browser, PHONE)
    try:
        visit(page, app_url + "/?t=1990-01-20T00:00")
        wait_for_explorer(page)
        page.wait_for_function(
            "() => performance.getEntriesByType('resource').some(r => r.name.includes('streets/roads.geojson'))"
        )
        page.wait_for_timeout(500)
        canvas = page.locator(f"{MAP} canvas").first
        box = canvas.bounding_box()
        for place in catalog.places.values():
            if place.in_baku:
                x, _ = place_pixel(page, catalog, place.id)
                assert box["x"] + 60 <= x <= box["x"] + box["width"] - 60, place.id
        image = Image.open(BytesIO(canvas.screenshot())).convert("RGB")
        assert road_pixels(image, centre_box(image)) > 200
        assert {urlsplit(u).hostname for u in traffic.urls if urlsplit(u).scheme.startswith("http")} == {"127.0.0.1"}
        screenshot(page, "explore-phone-streets")
    finally:
        page.context.close()


def test_active_places_are_buttons_too(app_url, page):
    visit(page, app_url + "/?t=1990-01-20T02:00")
    wait_for_explorer(page)
    places = page.locator(".bjx-places").first
    expect(places.get_by_role("button", name="● 20 Yanvar Circle")).to_be_visible()
    places.get_by_role("button", name="● 20 Yanvar Circle").focus()
    page.keyboard.press("Enter")
    expect(heading(page, "20 Yanvar Circle")).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]place=20-yanvar-circle(&|$)"))


def test_clicking_a_span_on_the_timeline_opens_its_event(app_url, page):
    visit(page, app_url + "/")
    wait_for_explorer(page)
    page.mouse.move(*event_point(page, "tanks-crush-cars"))
    tip = page.locator(".bjx-tip")
    expect(tip).to_be_visible()
    assert tip.inner_text().splitlines()[0] == "Tanks crush cars"
    page.mouse.click(*event_point(page, "tanks-crush-cars"))
    expect(heading(page, "Tanks crush cars")).to_be_visible()
    settle(page)
    expect(page.get_by_text(
        "Tanks crushed cars, and smoke grenades and shots turned the avenues into scenes of chaos."
    )).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]event=tanks-crush-cars(&|$)"))
    screenshot(page, "explore-event")


def test_clicking_an_event_in_the_list_opens_it(app_url, page):
    visit(page, app_url + "/?t=1990-01-20T02:00")
    wait_for_explorer(page)
    page.locator(".bjx-list").get_by_role("button", name=re.compile("^Tanks crush cars")).click()
    expect(heading(page, "Tanks crush cars")).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]event=tanks-crush-cars(&|$)"))


# --- 5. deep links and a visit to another page -------------------------------


def test_deep_link_to_an_hour_and_a_place(app_url, browser, page):
    visit(page, app_url + "/?t=1990-01-20T02:00&place=tv-centre")
    wait_for_explorer(page)
    expect(step_line(page)).to_have_text(step_text("Sat 20 Jan 1990, 02:00–03:00 Baku time"))
    expect(heading(page, "State television centre")).to_be_visible()
    expect(page.get_by_role("slider")).to_have_attribute("aria-valuetext", "Sat 20 Jan 1990, 02:00–03:00 Baku time")
    expect(page).to_have_url(re.compile(r"place=tv-centre"))
    assert params(page) == {"t": "1990-01-20T02:00", "place": "tv-centre"}

    # The address the app settled on opens the same view in a fresh session.
    again, _ = open_page(browser)
    try:
        visit(again, page.url)
        wait_for_explorer(again)
        expect(step_line(again)).to_have_text(step_text("Sat 20 Jan 1990, 02:00–03:00 Baku time"))
        expect(heading(again, "State television centre")).to_be_visible()
    finally:
        again.context.close()


def test_deep_link_to_an_event(app_url, page):
    visit(page, app_url + "/?event=aliyev-statement-moscow&r=january&t=1990-01-21T00:00")
    expect(heading(page, "Heydar Aliyev speaks at the Permanent Representation in Moscow")).to_be_visible()
    expect(page.get_by_text(
        "Speaking at the Permanent Representation of Azerbaijan in Moscow, he boldly condemned "
        "the Soviet leadership’s actions."
    )).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]event=aliyev-statement-moscow(&|$)"))
    wait_for_explorer(page)
    expect(step_line(page)).to_have_text(step_text("Sun 21 Jan 1990, 00:00–06:00 Baku time"))


def test_step_selection_and_range_survive_a_visit_to_another_page(app_url, page):
    visit(page, app_url + "/?r=january&t=1990-01-20T00:00")
    wait_for_explorer(page)
    page.get_by_role("slider").press("ArrowRight")
    expect(page).to_have_url(re.compile(r"[?&]t=1990-01-20T06%3A00(&|$)"))
    settle(page)
    page.locator(".bjx-places").first.get_by_role("button").first.click()
    expect(page).to_have_url(re.compile(r"[?&]place="))
    settle(page)
    before = params(page)
    page.get_by_role("link", name="Chronology").click()
    settle(page)
    page.get_by_role("link", name="Explore").click()
    settle(page)
    wait_for_explorer(page)
    expect(step_line(page)).to_have_text(step_text("Sat 20 Jan 1990, 06:00–12:00 Baku time"))
    expect(page.get_by_role("radiogroup", name="Span").get_by_role("radio", name="January")).to_be_checked()
    assert params(page) == before
    expect(heading(page, page.locator(".bjx-item[aria-current=true] .bjx-item-title").first.inner_text()[2:])).to_be_visible()


@pytest.mark.parametrize(
    "query, notice",
    [
        ("t=yesterday", "Ignored the time 'yesterday' in the link"),
        ("t=1990-02-30T02:00", "Ignored the time '1990-02-30T02:00' in the link"),
        ("place=atlantis", "Ignored the place 'atlantis' in the link"),
        ("event=no-such-event", "Ignored the event 'no-such-event' in the link"),
        ("r=decade", "Ignored the range 'decade' in the link"),
    ],
)
def test_bad_link_shows_a_notice_and_the_page_still_works(app_url, page, query, notice):
    visit(page, f"{app_url}/?{query}")
    expect(page.get_by_role("alert").filter(has_text=notice)).to_be_visible()
    wait_for_explorer(page)
    expect(step_line(page)).to_have_text(step_text("Sat 20 Jan 1990, 00:00–01:00 Baku time"))
    expect(heading(page, "At this step")).to_be_visible()
    page.get_by_role("slider").press("ArrowRight")
    expect(step_line(page)).to_have_text(step_text("Sat 20 Jan 1990, 01:00–02:00 Baku time"))
    expect(page).to_have_url(re.compile(r"\?t=1990-01-20T01%3A00$"))


# --- 6. invalid data ---------------------------------------------------------


def test_invalid_data_lists_problems_with_lines(browser, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    events = folder / "events.yaml"
    lines = events.read_text(encoding="utf-8").splitlines(keepends=True)
    [at] = [n for n, line in enumerate(lines, 1) if "quote: Bullets tore through the darkness." in line]
    lines[at - 1] = lines[at - 1].replace("the darkness.", "the night.")
    events.write_text("".join(lines), encoding="utf-8")

    with running_app(data_dir=folder) as url:
        page, traffic = open_page(browser)
        try:
            visit(page, url + "/")
            expect(page.get_by_text("The data has 1 problem, so the explorer cannot open.")).to_be_visible()
            problems = page.locator('[data-testid="stCode"]')
            expect(problems).to_contain_text(
                re.compile(rf"events\.yaml:{at}: event 'shooting-at-civilians', citation \d+: quote not found verbatim in source 'azernews'")
            )
            expect(page.locator('[data-testid="stException"]')).to_have_count(0)
            expect(page.get_by_text("Traceback")).to_have_count(0)
            assert traffic.errors == []
            screenshot(page, "invalid-data")
        finally:
            page.context.close()


# --- 7. layout ---------------------------------------------------------------


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280x800", "390x844"])
def test_layout_fits_and_controls_are_reachable(app_url, browser, viewport):
    page, traffic = open_page(browser, viewport)
    try:
        visit(page, app_url + "/")
        wait_for_explorer(page)
        assert page.evaluate(OVERFLOW) == []

        slider = page.get_by_role("slider", name="Time in Baku (UTC+04:00)")
        slider.scroll_into_view_if_needed()
        expect(slider).to_be_in_viewport()
        expect(slider).to_be_enabled()
        # Focus is visible: the focused slider carries an outline.
        slider.focus()
        assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
        span = page.get_by_role("radiogroup", name="Span")
        span.scroll_into_view_if_needed()
        expect(span).to_be_in_viewport()
        for option in ("The night", "January", "Years"):
            expect(span.get_by_role("radio", name=option)).to_be_enabled()
        screenshot(page, f"explore-{viewport['width']}-top")

        # Reachable means clickable too: nothing covers the control.
        span.get_by_role("radio", name="January").click()
        settle(page)
        expect(step_line(page)).to_have_text(step_text("Sat 20 Jan 1990, 00:00–06:00 Baku time"))
        assert page.evaluate(OVERFLOW) == []
        page.locator(TIMELINE).scroll_into_view_if_needed()
        screenshot(page, f"explore-{viewport['width']}-timeline")
        assert traffic.errors == []
    finally:
        page.context.close()


# --- 8. hostile text ---------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory):
    folder = write_hostile_copy(DATA, tmp_path_factory.mktemp("hostile") / "data")
    checked = subprocess.run(
        [sys.executable, "-m", "blackjanuary", "validate", "--data", str(folder)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert checked.returncode == 0, checked.stderr
    return folder


@pytest.fixture(scope="module")
def hostile_url(hostile_data):
    with running_app(data_dir=hostile_data) as url:
        yield url


LEAKS = """() => {
    // The widget's key if it has one, else the kind of element it sits in.
    const where = el => {
        const key = el.closest('[class*="st-key-"]');
        if (key) return [...key.classList].find(c => c.startsWith('st-key-'));
        const element = el.closest('[data-testid="stElementContainer"] > [data-testid]');
        return element ? element.dataset.testid : el.tagName;
    };
    return {
        pwned: typeof window.__pwned,
        onerror: document.querySelectorAll('[onerror]').length,
        scripts: [...document.querySelectorAll('script')].filter(s => s.textContent.includes('__pwned')).length,
        javascript: [...document.querySelectorAll('a[href]')].filter(a => /^\\s*javascript:/i.test(a.getAttribute('href'))).length,
        images: [...document.querySelectorAll('img')]
            .filter(img => img.getAttribute('src') === 'x' || /example\\.invalid/.test(img.getAttribute('src') || ''))
            .map(where),
    };
}"""

def markup_found(page: Page) -> dict:
    """What the page holds that data markup could have produced; the images by the widget they sit in."""
    found = page.evaluate(LEAKS)
    expect(page.get_by_text("<img src=x", exact=False).filter(visible=True).first).to_be_visible()
    return found


def assert_inert(pages: list[dict], traffic: Traffic, page_name: str) -> None:
    for found in pages:
        assert found["pwned"] == "undefined"
        assert (found["onerror"], found["scripts"], found["javascript"]) == (0, 0, 0)
    assert not any(urlsplit(u).path == "/x" for u in traffic.urls), "an <img src=x> from the data was loaded"
    images = sorted({where for found in pages for where in found["images"]})
    assert images == [], f"Markdown images from the data rendered on {page_name} in {images}"
    assert "example.invalid" not in traffic.hosts


def test_hostile_text_stays_inert_on_explore(hostile_url, hostile_data, page_and_traffic):
    page, traffic = page_and_traffic
    catalog = load(hostile_data)

    visit(page, f"{hostile_url}/?place=20-yanvar-circle&t=1990-01-20T02:00")
    wait_for_explorer(page)
    expect(heading(page, f"20 Yanvar Circle {HOSTILE}")).to_be_visible()
    # The map's tooltip and labels, the list and the timeline's tooltip: the text as text.
    tooltip = hover_place(page, catalog, "20-yanvar-circle")
    assert tooltip.splitlines()[0] == f"20 Yanvar Circle {HOSTILE}"
    expect(page.locator(".deck-tooltip").locator("img, script, a")).to_have_count(0)
    labels = page.evaluate("() => document.querySelector('.bjx').bjx.deck.props.layers.find(l => l.id === 'labels').props.data.map(r => r.name)")
    assert f"20 Yanvar Circle {HOSTILE}" in labels
    listed = page.locator(".bjx-list")
    expect(listed.get_by_role("button", name=f"● 20 Yanvar Circle {HOSTILE}")).to_be_visible()
    expect(listed.get_by_text("Tanks crush cars <img src=x", exact=False).first).to_be_visible()
    expect(listed.locator("img, script, a")).to_have_count(0)
    screenshot(page, "hostile-place")
    page.mouse.move(*event_point(page, "tanks-crush-cars"))
    expect(page.locator(".bjx-tip")).to_contain_text("Tanks crush cars <img src=x")
    expect(page.locator(".bjx-tip").locator("img, a, script")).to_have_count(0)
    at_place = markup_found(page)

    visit(page, f"{hostile_url}/?event={QUOTED_EVENT}")
    expect(heading(page, catalog.event(QUOTED_EVENT).title)).to_be_visible()
    expect(page.get_by_text(f"{QUOTE} {HOSTILE}")).to_be_visible()
    screenshot(page, "hostile-event")
    assert_inert([at_place, markup_found(page)], traffic, "explore")


def test_hostile_text_stays_inert_on_sources(hostile_url, hostile_data, page_and_traffic):
    page, traffic = page_and_traffic
    catalog = load(hostile_data)
    visit(page, f"{hostile_url}/sources?source={QUOTED_SOURCE}&event={QUOTED_EVENT}&q=0")
    expect(heading(page, catalog.sources[QUOTED_SOURCE].title)).to_be_visible()
    expect(page.locator("#passage-target")).to_have_text(f"{QUOTE} {HOSTILE}")
    screenshot(page, "hostile-sources")
    assert_inert([markup_found(page)], traffic, "sources")


# --- 9. the Sources page -----------------------------------------------------


def test_in_the_source_in_the_panel_opens_the_sources_page_at_the_passage(app_url, page):
    visit(page, app_url + "/?event=tanks-crush-cars")
    wait_for_explorer(page)
    passage = page.locator(".bjx-panel .bjx-passage").first
    expect(passage.locator("blockquote")).to_have_text(
        "Tanks crushed cars, and smoke grenades and shots turned the avenues into scenes of chaos.")
    passage.get_by_role("button", name=re.compile(tr("en", "in_the_source"))).click()
    target = page.locator("#passage-target")
    expect(target).to_have_text("Tanks crushed cars, and smoke grenades and shots turned the avenues into scenes of chaos.")
    settle(page)
    assert params(page) == {"source": "teen-voice", "event": "tanks-crush-cars", "q": "0"}


def test_sources_link_highlights_the_cited_passage(app_url, page):
    visit(page, app_url + "/sources?source=teen-voice&event=tanks-crush-cars&q=0")
    target = page.locator("#passage-target")
    expect(target).to_have_text(
        "Tanks crushed cars, and smoke grenades and shots turned the avenues into scenes of chaos."
    )
    expect(target).to_be_in_viewport()
    callout = page.get_by_text("Passage cited for:").locator("xpath=..")
    expect(callout).to_have_text("Passage cited for: Tanks crush cars")
    expect(page.get_by_role("link", name="Back to the event")).to_have_attribute(
        "href", re.compile(r"event=tanks-crush-cars")
    )
    assert params(page) == {"source": "teen-voice", "event": "tanks-crush-cars", "q": "0"}
    screenshot(page, "sources-target")
