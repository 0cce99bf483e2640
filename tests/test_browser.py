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
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from blackjanuary import Catalog, load
from blackjanuary.devserver import running_app
from blackjanuary.explore import range_view
from blackjanuary.maps import fit_view
from blackjanuary.timeline import parse_local
from browsing import DESKTOP, Traffic, open_page, settle, visit
from hostile import HOSTILE, QUOTE, QUOTED_EVENT, QUOTED_SOURCE, write_hostile_copy

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ARTIFACTS = ROOT / "test-artifacts"
PHONE = {"width": 390, "height": 844}

DECK = '[data-testid="stDeckGlJsonChart"]'
PLOTLY = '[data-testid="stPlotlyChart"]'
# The bold step line above the map, e.g. 'Sat 20 Jan 1990, 02:00–03:00 Baku time'; event
# windows in the panel say 'Baku time' too, but never start with a weekday.
STEP_LINE = re.compile(r"^\w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d–\d\d:\d\d Baku time$")

expect.set_options(timeout=30_000)


def wait_for_charts(page: Page) -> None:
    page.locator(f"{DECK} canvas").wait_for()
    page.locator(f"{PLOTLY} .barlayer .point").first.wait_for()


def params(page: Page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def step_line(page: Page):
    return page.locator("strong").filter(has_text=STEP_LINE)


def heading(page: Page, text: str):
    return page.get_by_role("heading", name=text, exact=True)


def picks(page: Page) -> list[str]:
    """The event ids listed under 'At this step', in order, from their buttons' keys."""
    return page.evaluate(
        """() => [...document.querySelectorAll('[class*="st-key-pick-"]')]
            .map(el => [...el.classList].find(c => c.startsWith('st-key-pick-')).slice('st-key-pick-'.length))"""
    )


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png")


# --- the map: where a place is drawn -----------------------------------------


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def place_pixel(page: Page, catalog: Catalog, place_id: str) -> tuple[float, float]:
    """Where deck.gl draws a place on the page, from the view the app asks for and the real canvas.

    The deck keeps fit_view's centre and zoom whatever the canvas size (fit_view
    only guesses the width to choose them), so the place sits at its Web Mercator
    offset from the canvas centre, in 512-pixel tiles at that zoom.
    """
    view = fit_view([p for place in catalog.places.values() if place.in_baku for p in place.points])
    lat, lon = catalog.places[place_id].anchor
    canvas = page.locator(f"{DECK} canvas")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
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


def event_bar(page: Page, event_id: str):
    """The plotly bar drawn for an event, found through the trace's customdata."""
    trace, point = page.evaluate(
        """(eventId) => {
            const plot = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
            const bars = plot.data.filter(trace => trace.type === 'bar');
            for (const [k, trace] of bars.entries()) {
                const i = trace.customdata.findIndex(row => row[0] === eventId);
                if (i >= 0) return [k, i];
            }
            return [-1, -1];
        }""",
        event_id,
    )
    assert trace >= 0, f"no bar for {event_id} on the timeline"
    return page.locator(f"{PLOTLY} .barlayer .trace").nth(trace).locator(".point path").nth(point)


def click_centre(page: Page, locator) -> None:
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


# --- fixtures ----------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog():
    return load(DATA)


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
        wait_for_charts(page)
        expect(step_line(page)).to_have_text("Sat 20 Jan 1990, 00:00–01:00 Baku time")
        screenshot(page, "explore-1280")
    else:
        expect(heading(page, "Sources")).to_be_visible()
    assert traffic.errors == []
    assert traffic.hosts == {urlsplit(app_url).netloc}


# --- 2. the scrubber ---------------------------------------------------------


def test_scrubber_by_keyboard(app_url, page, catalog):
    night = range_view(catalog, "night")

    def listed_at(hour: str) -> list[str]:
        position = night.index.position(parse_local(hour))
        moment, ongoing = night.split_active(position)
        return [e.id for e in moment + ongoing + night.open_events(position)]

    visit(page, app_url + "/")
    wait_for_charts(page)
    slider = page.get_by_role("slider")
    expect(slider).to_have_attribute("aria-valuetext", "00:00")

    def press(key: str, line: str, hour: str) -> None:
        slider.press(key)
        expect(step_line(page)).to_have_text(line)
        settle(page)
        expect(slider).to_have_attribute("aria-valuetext", hour[-5:])
        expect(page).to_have_url(re.compile(rf"[?&]t={re.escape(hour.replace(':', '%3A'))}(&|$)"))

    press("ArrowRight", "Sat 20 Jan 1990, 01:00–02:00 Baku time", "1990-01-20T01:00")
    press("ArrowRight", "Sat 20 Jan 1990, 02:00–03:00 Baku time", "1990-01-20T02:00")
    at_two = picks(page)
    two_tooltip = hover_place(page, catalog, "20-yanvar-circle")
    screenshot(page, "explore-0200")

    press("Home", "Fri 19 Jan 1990, 18:00–19:00 Baku time", "1990-01-19T18:00")
    at_six = picks(page)
    six_tooltip = hover_place(page, catalog, "20-yanvar-circle")

    press("ArrowRight", "Fri 19 Jan 1990, 19:00–20:00 Baku time", "1990-01-19T19:00")
    press("End", "Sat 20 Jan 1990, 12:00–13:00 Baku time", "1990-01-20T12:00")
    press("ArrowLeft", "Sat 20 Jan 1990, 11:00–12:00 Baku time", "1990-01-20T11:00")

    assert at_two == listed_at("1990-01-20T02:00")
    assert at_six == listed_at("1990-01-19T18:00")
    assert "tanks-crush-cars" in at_two and "tanks-crush-cars" not in at_six
    assert "emergency-decree" in at_six and "emergency-decree" not in at_two
    # The map recolours with the step: the circle's troubles lie ahead at 18:00, and are under way at 02:00.
    assert six_tooltip.splitlines() == ["20 Yanvar Circle", "events later"]
    assert two_tooltip.splitlines() == ["20 Yanvar Circle", "events at this hour"]


# --- 3. and 4. clicking the charts -------------------------------------------


def test_clicking_a_place_on_the_map_opens_its_passages(app_url, page, catalog):
    visit(page, app_url + "/")
    wait_for_charts(page)
    # The tooltip shows once deck.gl can pick what is under the pointer; a click before then is lost.
    assert hover_place(page, catalog, "20-yanvar-circle").splitlines()[0] == "20 Yanvar Circle"
    page.mouse.click(*place_pixel(page, catalog, "20-yanvar-circle"))
    expect(heading(page, "20 Yanvar Circle")).to_be_visible()
    settle(page)
    expect(page.get_by_text(
        "Blood stained the pavements of Neftchiler Avenue, 20 Yanvar Circle, and countless unnamed streets."
    )).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]place=20-yanvar-circle(&|$)"))
    screenshot(page, "explore-place")


def test_clicking_a_span_on_the_timeline_opens_its_event(app_url, page):
    visit(page, app_url + "/")
    wait_for_charts(page)
    click_centre(page, event_bar(page, "tanks-crush-cars"))
    expect(heading(page, "Tanks crush cars")).to_be_visible()
    settle(page)
    expect(page.get_by_text(
        "Tanks crushed cars, and smoke grenades and shots turned the avenues into scenes of chaos."
    )).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]event=tanks-crush-cars(&|$)"))
    page.locator(PLOTLY).scroll_into_view_if_needed()
    screenshot(page, "explore-event")


# --- 5. deep links -----------------------------------------------------------


def test_deep_link_to_an_hour_and_a_place(app_url, browser, page):
    visit(page, app_url + "/?t=1990-01-20T02:00&place=tv-centre")
    expect(step_line(page)).to_have_text("Sat 20 Jan 1990, 02:00–03:00 Baku time")
    expect(heading(page, "State television centre")).to_be_visible()
    expect(page.get_by_role("slider")).to_have_attribute("aria-valuetext", "02:00")
    expect(page).to_have_url(re.compile(r"place=tv-centre"))
    assert params(page) == {"t": "1990-01-20T02:00", "place": "tv-centre"}

    # The address the app settled on opens the same view in a fresh session.
    again, _ = open_page(browser)
    try:
        visit(again, page.url)
        expect(step_line(again)).to_have_text("Sat 20 Jan 1990, 02:00–03:00 Baku time")
        expect(heading(again, "State television centre")).to_be_visible()
    finally:
        again.context.close()


def test_deep_link_to_an_event(app_url, page):
    visit(page, app_url + "/?event=aliyev-statement-moscow")
    expect(heading(page, "Heydar Aliyev speaks at the Permanent Representation in Moscow")).to_be_visible()
    expect(page.get_by_text(
        "Speaking at the Permanent Representation of Azerbaijan in Moscow, he boldly condemned "
        "the Soviet leadership’s actions."
    )).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]event=aliyev-statement-moscow(&|$)"))


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
    expect(step_line(page)).to_have_text("Sat 20 Jan 1990, 00:00–01:00 Baku time")
    expect(heading(page, "At this step")).to_be_visible()
    page.get_by_role("slider").press("ArrowRight")
    expect(step_line(page)).to_have_text("Sat 20 Jan 1990, 01:00–02:00 Baku time")
    settle(page)
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


OVERFLOW = """() => {
    const wide = [];
    const root = document.scrollingElement;
    if (root.scrollWidth > innerWidth) wide.push(`document: ${root.scrollWidth} > ${innerWidth}`);
    for (const id of ['stMain', 'stMainBlockContainer']) {
        const el = document.querySelector(`[data-testid="${id}"]`);
        if (el.scrollWidth > el.clientWidth) wide.push(`${id}: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return wide;
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280x800", "390x844"])
def test_layout_fits_and_controls_are_reachable(app_url, browser, viewport):
    page, traffic = open_page(browser, viewport)
    try:
        visit(page, app_url + "/")
        wait_for_charts(page)
        assert page.evaluate(OVERFLOW) == []

        slider = page.get_by_role("slider")
        # React Aria hides the range input itself; what the eye and the pointer reach is its thumb.
        thumb = slider.locator("xpath=../..")
        thumb.scroll_into_view_if_needed()
        expect(thumb).to_be_in_viewport()
        expect(page.get_by_test_id("stSlider")).to_be_in_viewport()
        expect(slider).to_be_enabled()
        span = page.get_by_role("radiogroup", name="Span")
        span.scroll_into_view_if_needed()
        expect(span).to_be_in_viewport()
        for option in ("The night", "January", "Years"):
            expect(span.get_by_role("radio", name=option)).to_be_enabled()
        screenshot(page, f"explore-{viewport['width']}-top")

        # Reachable means clickable too: nothing covers the control.
        span.get_by_role("radio", name="January").click()
        expect(step_line(page)).to_have_text("Sat 20 Jan 1990, 00:00–06:00 Baku time")
        settle(page)
        assert page.evaluate(OVERFLOW) == []
        page.locator(PLOTLY).scroll_into_view_if_needed()
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

    visit(page, f"{hostile_url}/?place=20-yanvar-circle")
    wait_for_charts(page)
    expect(heading(page, f"20 Yanvar Circle {HOSTILE}")).to_be_visible()
    tooltip = hover_place(page, catalog, "20-yanvar-circle")
    assert tooltip.splitlines()[0] == f"20 Yanvar Circle {HOSTILE}"
    expect(page.locator(".deck-tooltip").locator("img, script, a")).to_have_count(0)
    screenshot(page, "hostile-place")
    event_bar(page, "tanks-crush-cars").hover(force=True)
    hover_label = page.locator(f"{PLOTLY} .hoverlayer")
    expect(hover_label).to_contain_text("Tanks crush cars <img src=x")
    expect(hover_label.locator("img, a, script")).to_have_count(0)
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
