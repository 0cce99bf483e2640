"""The map with the network blocked: the land, the streets and the places are drawn, and nothing leaves the machine."""

import math
from collections import Counter
from io import BytesIO
from urllib.parse import urlsplit

import pytest
from PIL import Image
from playwright.sync_api import sync_playwright

from benchmarks.bench import CHROMIUM, CHROMIUM_ARGS, IDLE
from blackjanuary.devserver import running_app
from blackjanuary.style import LAND_COLOUR, SEA
from blackjanuary.style import STATUS_COLOURS as COLOURS

pytestmark = pytest.mark.browser  # launches Chromium itself, not through the `browser` fixture

LAND = tuple(LAND_COLOUR[:3])
# The avenues' colour, as tools/build_basemap.py writes it into every main road.
AVENUE = (168, 156, 138)


def mercator(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def close_to(pixel: tuple[int, int, int], colour, tolerance: int = 12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour[:3]))


@pytest.fixture(scope="module")
def blocked_page(streets):
    """The Explore page at 02:00, every request to a host other than 127.0.0.1 aborted and recorded."""
    outside: list[str] = []
    with running_app() as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})

            def guard(route):
                if urlsplit(route.request.url).hostname == "127.0.0.1":
                    route.continue_()
                else:
                    outside.append(route.request.url)
                    route.abort("internetdisconnected")

            context.route("**/*", guard)
            page = context.new_page()
            page.goto(f"{url}/?t=1990-01-20T02:00")
            page.wait_for_selector(IDLE)
            page.wait_for_selector(".bjx[data-drawn]")
            canvas = page.locator(".bjx-map canvas").first
            canvas.wait_for()
            # The land and the roads arrive by requests to the app's own static files; wait for them to be drawn.
            page.wait_for_function(
                "() => ['streets/land.geojson', 'streets/roads.geojson'].every("
                "f => performance.getEntriesByType('resource').some(r => r.name.includes(f)))"
            )
            page.wait_for_timeout(1500)
            yield page, canvas, outside
        finally:
            browser.close()


def red_pixels(canvas) -> int:
    image = Image.open(BytesIO(canvas.screenshot())).convert("RGB")
    return sum(n for n, pixel in image.getcolors(maxcolors=image.width * image.height) if close_to(pixel, COLOURS["active"], 25))


def test_a_key_press_recolours_the_drawn_map(blocked_page):
    """Read from the canvas itself: the red of places with events at the step follows the slider."""
    page, canvas, _ = blocked_page
    at_two = red_pixels(canvas)
    slider = page.locator(".bjx-slider")
    slider.focus()
    page.keyboard.press("Home")  # 18:00, before the troops came: fewer places in red
    page.wait_for_function("() => document.querySelector('.bjx').dataset.drawn === '1990-01-19T18:00'")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    at_six = red_pixels(canvas)
    for _ in range(8):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.bjx').dataset.drawn === '1990-01-20T02:00'")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert at_six < at_two / 2
    assert red_pixels(canvas) == pytest.approx(at_two, rel=0.05)


def test_nothing_leaves_the_machine(blocked_page):
    page, _, outside = blocked_page
    assert outside == []
    assert page.evaluate(
        "() => performance.getEntriesByType('resource').every(r => new URL(r.name).hostname === '127.0.0.1')"
    )


def test_land_sea_and_places_are_drawn(blocked_page):
    _, canvas, _ = blocked_page
    image = Image.open(BytesIO(canvas.screenshot())).convert("RGB")
    counts = Counter({colour: n for n, colour in image.getcolors(maxcolors=image.width * image.height)})
    total = image.width * image.height
    land = sum(n for pixel, n in counts.items() if close_to(pixel, LAND))
    sea = sum(n for pixel, n in counts.items() if close_to(pixel, SEA))
    active = sum(n for pixel, n in counts.items() if close_to(pixel, COLOURS["active"], 25))
    assert land > total * 0.3, "the bundled land should fill much of the city view"
    assert sea > total * 0.1, "Baku Bay should show as sea"
    assert active > 100, "places with events at 02:00 should be drawn in red"


def test_the_shore_is_where_the_boulevard_is(blocked_page):
    """A point in the bay is sea and the Alley of Martyrs' hill is land, where deck.gl puts them on screen."""
    page, canvas, _ = blocked_page
    view = page.evaluate(
        """() => {
            const el = document.querySelector('.bjx-map canvas');
            const r = el.getBoundingClientRect();
            // The view the map opened at: the payload's, moved and zoomed out for a short or narrow map (mapview.js).
            const v = document.querySelector('.bjx').bjx.deck.getViewports()[0];
            return {w: r.width, h: r.height, zoom: v.zoom, longitude: v.longitude, latitude: v.latitude};
        }"""
    )
    centre = view

    image = Image.open(BytesIO(canvas.screenshot())).convert("RGB")
    ratio = image.width / view["w"]

    def colours_near(lat: float, lon: float, reach: int = 6) -> list[tuple[int, int, int]]:
        """The pixels around a point, by deck.gl's Web Mercator with 512-pixel tiles from the view's centre and zoom."""
        scale = 512 * 2 ** view["zoom"]
        x = view["w"] / 2 + (lon - centre["longitude"]) / 360 * scale
        y = view["h"] / 2 - (mercator(lat) - mercator(centre["latitude"])) / (2 * math.pi) * scale
        x, y = round(x * ratio), round(y * ratio)
        return [image.getpixel((x + dx, y + dy)) for dx in range(-reach, reach + 1) for dy in range(-reach, reach + 1)]

    # Open water of the bay, off Azadliq Square: high enough on the map to stay clear of its key, over its foot.
    assert all(close_to(pixel, SEA) for pixel in colours_near(40.3620, 49.8720))
    # The city north of the boulevard: land between its streets.
    assert any(close_to(pixel, LAND) for pixel in colours_near(40.3900, 49.8400))


def road_pixels(image: Image.Image, box: tuple[int, int, int, int]) -> int:
    """Pixels of the avenues' colour in a part of a map's screenshot."""
    part = image.crop(box)
    return sum(n for n, pixel in part.getcolors(maxcolors=part.width * part.height) if close_to(pixel, AVENUE, 10))


def centre_box(image: Image.Image) -> tuple[int, int, int, int]:
    """The middle half of the map, where central Baku's avenues run."""
    w, h = image.size
    return (w // 4, h // 4, w * 3 // 4, h * 3 // 4)


def test_the_streets_are_drawn_near_the_centre(blocked_page):
    _, canvas, _ = blocked_page
    image = Image.open(BytesIO(canvas.screenshot())).convert("RGB")
    assert road_pixels(image, centre_box(image)) > 400, "the avenues should be drawn across the city centre"


def test_the_map_credits_openstreetmap_and_says_where_the_names_come_from(blocked_page):
    page, _, _ = blocked_page
    key = page.locator(".bjx-key").first.inner_text()
    assert "© OpenStreetMap contributors" in key and "street names transliterated" in key
