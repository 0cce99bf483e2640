"""The offline explorer: `python -m blackjanuary export --format explorer`, the file it writes, and that file in Chromium.

The browser opens the file from disk with the network switched off and every
request that is not for the file itself aborted and recorded, so anything
the page tried to fetch fails the test even if the page's CSP stopped it first.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from browsing import DiskTraffic, open_from_disk
from hostile import HOSTILE, QUOTE, QUOTED_EVENT, QUOTED_SOURCE
from playwright.sync_api import Browser, Page, expect
from test_browser import event_point, hover_place, place_pixel
from test_export import Markup

from blackjanuary import load
from blackjanuary.__main__ import main
from blackjanuary.attribution import citation_attribution
from blackjanuary.explorer import explorer_payload
from blackjanuary.export import CSP
from blackjanuary.i18n import LANGUAGES, language_name, tr
from blackjanuary.offline_explorer import explorer_html
from blackjanuary.range_view import range_view
from blackjanuary.timeline import RANGES

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ARTIFACTS = ROOT / "test-artifacts"
DESKTOP = {"width": 1280, "height": 900}
SUMMARY = re.compile(
    r"wrote (?P<out>.+): one self-contained file, (?P<events>\d+) events, (?P<places>\d+) places, "
    r"(?P<sources>\d+) sources, 3 ranges in 3 languages, opening in (?P<lang>\w+), (?P<mb>\d+\.\d) MB"
)
JSON_ELEMENT = re.compile(r'<script type="application/json" id="([^"]+)">(.*?)</script>', re.S)
EVENT = "troops-enter-baku"
PLACE = "20-yanvar-circle"

expect.set_options(timeout=20_000)


@pytest.fixture(scope="module")
def catalog():
    return load(DATA)


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("offline-explorer") / "baku-1990.html"
    assert main(["export", "--format", "explorer", "--out", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def hostile_exported(hostile_present_data, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("offline-explorer-hostile") / "baku-1990.html"
    path.write_text(explorer_html(load(hostile_present_data)), encoding="utf-8")
    return path


def json_elements(text: str) -> dict[str, object]:
    return {element_id: json.loads(body) for element_id, body in JSON_ELEMENT.findall(text)}


# --- the command line and the file -------------------------------------------------


def test_cli_writes_one_file_and_prints_its_size(catalog, tmp_path, capsys):
    out = tmp_path / "baku-1990.html"
    assert main(["export", "--format", "explorer", "--out", str(out), "--lang", "az"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    summary = SUMMARY.fullmatch(line)
    assert summary, line
    assert (summary["events"], summary["places"], summary["sources"]) == (
        str(len(catalog.events)), str(len(catalog.places)), str(len(catalog.sources)))
    assert summary["lang"] == "az"
    assert float(summary["mb"]) == pytest.approx(out.stat().st_size / 1e6, abs=0.05)
    assert '<html lang="az">' in out.read_text(encoding="utf-8")


def test_cli_stops_on_invalid_data(make_data, tmp_path, capsys):
    data = make_data(edits=[("events.yaml", "precision: approximate", "precision: roughly")])
    assert main(["export", "--format", "explorer", "--out", str(tmp_path / "x.html"), "--data", str(data)]) == 1
    assert "export stopped: fix the data first" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


def test_the_file_holds_every_range_in_every_language_and_nothing_from_the_network(exported, catalog):
    text = exported.read_text(encoding="utf-8")
    markup = Markup(text)
    [policy] = [m["content"] for m in markup.named("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert policy == CSP and "default-src 'none'" in policy and "connect-src 'none'" in policy
    assert [s for s in markup.named("script") if "src" in s] == []
    assert markup.named("link") == [] and markup.named("img") == [] and markup.named("iframe") == []
    elements = json_elements(text)
    for lang in LANGUAGES:
        for key in RANGES:
            payload = elements[f"bjo-payload-{lang}-{key}"]
            assert payload["lang"] == lang and payload["range"] == key
            # The land is in the file, not fetched from the app's static folder.
            assert [layer for layer in payload["basemap"]["layers"] if "url" in layer] == []
            assert payload == json.loads(json.dumps(payload))
        panel = elements[f"bjo-panel-{lang}"]
        assert set(panel["events"]) == {e.id for e in catalog.events}
        assert set(panel["places"]) == set(catalog.places)
        assert set(panel["sources"]) == set(catalog.sources)
    assert set(elements["bjo-texts"]) == set(catalog.sources)
    night = explorer_payload(range_view(catalog, "night"), "en")
    assert elements["bjo-payload-en-night"]["steps"] == night["steps"]


def test_each_passage_stands_where_the_browser_will_slice_it(exported, catalog):
    texts = json_elements(exported.read_text(encoding="utf-8"))["bjo-texts"]
    for body in texts.values():
        units = body["text"].encode("utf-16-le")
        for start, end, event_id, n in body["marks"]:
            passage = units[2 * start:2 * end].decode("utf-16-le")
            assert " ".join(passage.split()) == " ".join(catalog.event(event_id).citations[n].quote.split())


def test_hostile_text_is_only_ever_json_in_the_file(hostile_exported):
    text = hostile_exported.read_text(encoding="utf-8")
    for payload in ("<img src=x", "<script>window.__pwned", "window.__pwned=1</script>"):
        assert payload not in text
    elements = json_elements(text)
    assert HOSTILE in elements["bjo-panel-en"]["events"][QUOTED_EVENT]["title"]
    assert f"{QUOTE} {HOSTILE}" in {p["quote"] for p in elements["bjo-panel-en"]["events"][QUOTED_EVENT]["passages"]}
    markup = Markup(text)
    assert markup.named("img") == [] and markup.named("a") == []
    assert [attrs for _, attrs in markup.tags if any(name.startswith("on") for name in attrs)] == []


# --- in the browser -------------------------------------------------------------------


def assert_quiet(traffic: DiskTraffic, path: Path) -> None:
    assert traffic.blocked == []
    assert {urlsplit(u)._replace(fragment="").geturl() for u in traffic.requests} == {path.as_uri()}
    assert traffic.errors == []


def open_offline(browser: Browser, path: Path, fragment: str = "") -> tuple[Page, DiskTraffic]:
    page, traffic = open_from_disk(browser, path, fragment, only_itself=True, viewport=DESKTOP)
    page.locator(".bjx[data-drawn]").wait_for()
    page.locator(".bjx-timeline-canvas").wait_for()
    return page, traffic


def hash_params(page: Page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).fragment).items()}


def step(page: Page) -> str:
    return page.locator(".bjx").get_attribute("data-step")


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png")


@pytest.fixture
def opened(browser, exported):
    page, traffic = open_offline(browser, exported)
    yield page, traffic
    page.context.close()


def test_opens_offline_and_scrubs_with_the_keyboard(opened, exported):
    page, traffic = opened
    root = page.locator(".bjx")
    expect(root).to_have_attribute("data-step", "1990-01-20T00:00")
    expect(page.locator("#bjo-title")).to_have_text(tr("en", "explore_title"))
    slider = page.locator(".bjx-slider")
    slider.focus()
    page.keyboard.press("ArrowRight")
    expect(root).to_have_attribute("data-step", "1990-01-20T01:00")
    expect(root).to_have_attribute("data-drawn", "1990-01-20T01:00")  # the map drew the step
    expect(page.locator(".bjx-cursor")).to_have_attribute("data-step", "1990-01-20T01:00")
    expect(page.locator(".bjx-words")).to_contain_text("01:00–02:00")
    page.keyboard.press("ArrowRight")
    expect(root).to_have_attribute("data-drawn", "1990-01-20T02:00")
    # Once the slider rests, the address keeps the step.
    page.wait_for_function("() => location.hash.includes('t=1990-01-20T02%3A00')")
    assert hash_params(page)["t"] == "1990-01-20T02:00"
    screenshot(page, "offline-explorer-night")
    assert_quiet(traffic, exported)


def test_the_map_draws_the_streets_from_the_file_itself(opened, exported, streets):
    """The basemap's files are in the file once, and the map draws the avenues from them with nothing fetched."""
    from io import BytesIO

    from PIL import Image
    from test_offline_map import centre_box, road_pixels

    page, traffic = opened
    text = exported.read_text(encoding="utf-8")
    files = json_elements(text)["bjo-basemap"]
    assert set(files) == {f"/app/static/streets/{name}" for name in ("land.geojson", "roads.geojson", "streets.geojson", "metro.geojson")}
    assert text.count('"/app/static/streets/roads.geojson"') == 1 + 9  # the data once; a name in each payload
    page.wait_for_timeout(500)  # the layers are drawn in the frame after their data is parsed
    image = Image.open(BytesIO(page.locator(".bjx-map canvas").first.screenshot())).convert("RGB")
    assert road_pixels(image, centre_box(image)) > 400
    assert "© OpenStreetMap contributors" in page.locator(".bjx-key").first.inner_text()
    assert_quiet(traffic, exported)


def test_a_place_in_the_list_opens_its_panel_with_attributed_passages(opened, exported, catalog):
    page, traffic = opened
    place = catalog.places[PLACE]
    page.locator(".bjx-places button", has_text=place.name).click()
    panel = page.locator(".bjx-panel")
    expect(panel.locator("h2")).to_have_text(place.name)
    expect(page.locator(".bjx-places button", has_text=place.name)).to_have_attribute("aria-current", "true")
    events = catalog.events_at(PLACE)
    expect(panel.locator(".bjx-card")).to_have_count(len(events))
    card = panel.locator(f'.bjx-card[data-event="{events[0].id}"]')
    if not card.evaluate("details => details.open"):
        card.locator("summary").click()
    citation = events[0].citations[0]
    expect(card.locator("blockquote").first).to_have_text(" ".join(citation.quote.split()))
    quoted = tr("en", "quoted_in", language=language_name(catalog.sources[citation.source].language, "en"))
    expect(card.locator(".bjx-passage .bjx-caption").first).to_have_text(
        f"— {citation_attribution(catalog, citation)} · {quoted}")
    assert hash_params(page)["place"] == PLACE
    assert_quiet(traffic, exported)


def test_a_click_on_the_map_or_the_timeline_opens_its_panel(opened, exported, catalog):
    page, traffic = opened
    place = catalog.places[PLACE]
    # The tooltip shows once deck.gl can pick what is under the pointer; a click before then is lost.
    assert hover_place(page, catalog, PLACE).splitlines()[0] == place.name
    page.mouse.click(*place_pixel(page, catalog, PLACE))
    expect(page.locator(".bjx-panel h2")).to_have_text(place.name)
    page.mouse.click(*event_point(page, "tanks-crush-cars"))
    expect(page.locator(".bjx-panel h2")).to_have_text(catalog.event("tanks-crush-cars").title)
    expect(page.locator(".bjx-panel blockquote").first).to_have_text(
        " ".join(catalog.event("tanks-crush-cars").citations[0].quote.split()))
    assert hash_params(page)["event"] == "tanks-crush-cars" and "place" not in hash_params(page)
    assert_quiet(traffic, exported)


def test_the_source_text_opens_at_the_passage_highlighted(opened, exported, catalog):
    page, traffic = opened
    event = catalog.event(EVENT)
    page.evaluate(f"() => {{ location.hash = 'event={EVENT}'; }}")
    panel = page.locator(".bjx-panel")
    expect(panel.locator("h2")).to_have_text(event.title)
    panel.locator(".bjx-passage").first.get_by_role("button", name=tr("en", "in_the_source")).click()
    source = page.locator("#bjo-source")
    expect(source).to_be_visible()
    expect(page.locator("#bjo-explore")).to_be_hidden()
    citation = event.citations[0]
    expect(source.locator("h2")).to_have_text(catalog.sources[citation.source].title)
    target = page.locator("#bjo-passage-target")
    expect(target).to_be_in_viewport()
    marked = " ".join(page.locator(".bjo-target").all_text_contents())
    assert " ".join(marked.split()) == " ".join(citation.quote.split())
    assert hash_params(page).items() >= {"source": citation.source, "event": EVENT, "q": "0"}.items()
    screenshot(page, "offline-explorer-source")
    source.get_by_role("button", name=f"← {tr('en', 'back_to_event')}").click()
    expect(page.locator("#bjo-explore")).to_be_visible()
    expect(panel.locator("h2")).to_have_text(event.title)
    assert "source" not in hash_params(page)
    assert_quiet(traffic, exported)


def test_a_hash_link_reopens_the_hour_and_the_selection(browser, exported, catalog):
    page, traffic = open_offline(browser, exported, f"#r=night&t=1990-01-20T02:00&event={EVENT}")
    try:
        expect(page.locator(".bjx")).to_have_attribute("data-step", "1990-01-20T02:00")
        expect(page.locator(".bjx-panel h2")).to_have_text(catalog.event(EVENT).title)
        assert hash_params(page) == {"r": "night", "t": "1990-01-20T02:00", "event": EVENT, "lang": "en"}
        # A source link reopens the text at its passage; unknown values are dropped with a notice.
        citation = catalog.event(EVENT).citations[0]
        page.evaluate(f"() => {{ location.hash = 'event={EVENT}&source={citation.source}&q=0&place=nowhere'; }}")
        expect(page.locator("#bjo-passage-target")).to_be_in_viewport()
        expect(page.locator("#bjo-notices")).to_have_text(tr("en", "bad_place", value="nowhere"))
        # A time alone picks the narrowest range that holds it.
        page.evaluate("() => { location.hash = 't=1990-01-15T07:00'; }")
        expect(page.locator(".bjx")).to_have_attribute("data-step", "1990-01-15T06:00")
        expect(page.locator('#bjo-ranges [data-range="january"]')).to_have_attribute("aria-pressed", "true")
        assert_quiet(traffic, exported)
    finally:
        page.context.close()


def test_the_language_switch_changes_every_text_and_keeps_the_view(browser, exported, catalog):
    page, traffic = open_offline(browser, exported, f"#t=1990-01-20T02:00&place={PLACE}")
    try:
        place = catalog.places[PLACE]
        for lang in ("ru", "az", "en"):
            page.locator(f'#bjo-languages [data-lang="{lang}"]').click()
            expect(page.locator("html")).to_have_attribute("lang", lang)
            expect(page.locator("#bjo-title")).to_have_text(tr(lang, "explore_title"))
            expect(page.locator(".bjx-label")).to_have_text(tr(lang, "time_in_baku"))
            expect(page.locator(".bjx-panel h2")).to_have_text(place.name_in(lang))
            expect(page.locator(".bjx")).to_have_attribute("data-step", "1990-01-20T02:00")
            assert hash_params(page)["lang"] == lang
            if lang == "ru":
                screenshot(page, "offline-explorer-ru")
        assert_quiet(traffic, exported)
    finally:
        page.context.close()


def test_a_file_exported_in_azerbaijani_opens_in_it(browser, tmp_path):
    path = tmp_path / "baku-1990-az.html"
    assert main(["export", "--format", "explorer", "--out", str(path), "--lang", "az"]) == 0
    page, traffic = open_offline(browser, path)
    try:
        expect(page.locator("#bjo-title")).to_have_text(tr("az", "explore_title"))
        expect(page.locator(".bjx-play")).to_contain_text(tr("az", "play"))
        assert_quiet(traffic, path)
    finally:
        page.context.close()


def test_every_range_and_play(opened, exported):
    page, traffic = opened
    root = page.locator(".bjx")
    page.locator('#bjo-ranges [data-range="january"]').click()
    expect(root).to_have_attribute("data-step", "1990-01-20T00:00")
    page.locator('#bjo-ranges [data-range="years"]').click()
    expect(root).to_have_attribute("data-step", "1990-01-01T00:00")
    page.locator('#bjo-ranges [data-range="night"]').click()  # 1 January is before the night: its first hour
    expect(root).to_have_attribute("data-step", "1990-01-19T18:00")
    page.locator(".bjx-speed").select_option("fast")
    page.locator(".bjx-play").click()
    expect(root).not_to_have_attribute("data-step", "1990-01-19T18:00")
    page.locator(".bjx-play").click()
    expect(page.locator(".bjx-play")).to_have_attribute("aria-pressed", "false")
    paused = step(page)
    page.wait_for_timeout(2_500)  # over two steps at Play's fast pace
    assert step(page) == paused
    assert_quiet(traffic, exported)


def test_a_file_whose_data_is_broken_says_so_instead_of_a_blank_map(browser, exported, tmp_path):
    text = exported.read_text(encoding="utf-8")
    start = text.index('<script type="application/json" id="bjo-payload-en-night">')
    end = text.index("</script>", start)
    broken = tmp_path / "broken.html"
    broken.write_text(text[:start] + '<script type="application/json" id="bjo-payload-en-night">{"steps": [' + text[end:],
                      encoding="utf-8")
    page, _ = open_from_disk(browser, broken, "", only_itself=True, viewport=DESKTOP)
    try:
        expect(page.locator(".bjx-alert")).to_have_text(tr("en", "explorer_data_failed"))
        expect(page.locator(".bjx")).to_have_attribute("data-failed", "true")
        # Another range's data is whole: choosing it draws the explorer and takes the notice away.
        page.locator('#bjo-ranges [data-range="january"]').click()
        expect(page.locator(".bjx[data-drawn]")).to_have_count(1)
        expect(page.locator(".bjx-alert")).to_be_hidden()
    finally:
        page.context.close()


LEAKS = """() => ({
    pwned: typeof window.__pwned,
    images: document.querySelectorAll('img').length,
    links: document.querySelectorAll('a').length,
    scripts: document.querySelectorAll('script').length,
    handlers: [...document.querySelectorAll('*')].filter(el => [...el.attributes].some(a => a.name.startsWith('on'))).length,
})"""


def test_hostile_text_stays_inert_in_the_browser(browser, hostile_present_data, hostile_exported):
    catalog = load(hostile_present_data)
    event = catalog.event(QUOTED_EVENT)
    n = next(i for i, c in enumerate(event.citations) if c.quote.startswith(QUOTE))
    page, traffic = open_offline(browser, hostile_exported, f"#event={QUOTED_EVENT}")
    try:
        scripts = len(JSON_ELEMENT.findall(hostile_exported.read_text(encoding="utf-8"))) + 1
        panel = page.locator(".bjx-panel")
        expect(panel.locator("h2")).to_have_text(event.title)
        expect(panel.locator("blockquote").nth(n)).to_have_text(f"{QUOTE} {HOSTILE}")
        page.locator(".bjx-places button").first.click()
        expect(panel.locator("h2")).to_contain_text("<img src=x")
        page.evaluate(f"() => {{ location.hash = 'event={QUOTED_EVENT}&source={QUOTED_SOURCE}&q={n}'; }}")
        expect(page.locator("#bjo-passage-target")).to_be_visible()
        expect(page.locator("#bjo-source h2")).to_contain_text(HOSTILE)
        for lang in ("az", "ru"):
            page.locator(f'#bjo-languages [data-lang="{lang}"]').click()
            expect(page.locator("html")).to_have_attribute("lang", lang)
        screenshot(page, "offline-explorer-hostile")
        assert page.evaluate(LEAKS) == {"pwned": "undefined", "images": 0, "links": 0, "scripts": scripts, "handlers": 0}
        assert_quiet(traffic, hostile_exported)
    finally:
        page.context.close()


def test_the_present_page_downloads_it_in_its_language(browser, app_url, tmp_path):
    from browsing import open_page, visit

    page, traffic = open_page(browser)
    try:
        visit(page, f"{app_url}/present?lang=ru")
        with page.expect_download() as download:
            page.get_by_role("button", name=tr("ru", "download_explorer")).click()
        assert download.value.suggested_filename == "baku-1990.html"
        path = tmp_path / "baku-1990.html"
        download.value.save_as(path)
        text = path.read_text(encoding="utf-8")
        assert text.startswith("<!doctype html>") and '<html lang="ru">' in text
        assert set(json_elements(text)) >= {f"bjo-payload-{lang}-{key}" for lang in LANGUAGES for key in RANGES}
        assert traffic.errors == []
    finally:
        page.context.close()
