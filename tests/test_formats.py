"""The open-data exports: GeoJSON read by `geojson` and shapely, TimelineJS JSON rendered by the real TimelineJS in
Chromium, CSV read back by the csv module and pandas, and hostile text kept inert in HTML and verbatim in data."""

from __future__ import annotations

import codecs
import csv
import html
import io
import json
import shutil
import subprocess
import threading
from datetime import datetime
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import geojson
import pandas as pd
import pytest
from hostile import HOSTILE, QUOTE, QUOTED_EVENT, write_hostile_copy
from shapely.geometry import shape

from blackjanuary import load
from blackjanuary.__main__ import main
from blackjanuary.attribution import attribution_text
from blackjanuary.formats import (
    CSV_COLUMNS,
    FORMATS,
    csv_export,
    csv_rows,
    geojson_export,
    timelinejs_export,
)
from blackjanuary.i18n import format_day, tr
from blackjanuary.text import html_escape
from blackjanuary.timeline import BAKU, describe_event_window

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ARTIFACTS = ROOT / "test-artifacts"
TIMELINEJS = ROOT / "node_modules" / "@knight-lab" / "timelinejs"
AZERBAIJANI = "əğıöşüç"


@pytest.fixture(scope="module")
def hostile_catalog(tmp_path_factory):
    return load(write_hostile_copy(DATA, tmp_path_factory.mktemp("hostile") / "data"))


def citation_count(catalog) -> int:
    return sum(len(e.citations) for e in catalog.events)


# --- GeoJSON -----------------------------------------------------------------


def test_geojson_is_valid_rfc7946(catalog):
    data = geojson_export(catalog)
    collection = geojson.loads(json.dumps(data))  # through text, as a reader of the file gets it
    assert isinstance(collection, geojson.FeatureCollection)
    assert collection.is_valid, collection.errors()
    assert len(collection.features) == len(catalog.places)
    for feature in collection.features:
        place = catalog.places[feature.id]
        expected = {"point": geojson.Point, "line": geojson.LineString}[place.kind]
        assert isinstance(feature.geometry, expected), feature.id
        assert feature.geometry.is_valid, (feature.id, feature.geometry.errors())
        assert shape(feature.geometry).is_valid, feature.id


def test_geojson_positions_are_longitude_then_latitude(catalog):
    features = {f["id"]: f for f in geojson_export(catalog)["features"]}
    lon, lat = features["20-yanvar-circle"]["geometry"]["coordinates"]
    assert lon == pytest.approx(49.8, abs=0.05) and lat == pytest.approx(40.4, abs=0.05)
    avenue = catalog.places["neftchiler-avenue"]
    assert features["neftchiler-avenue"]["geometry"]["coordinates"] == [[lon, lat] for lat, lon in avenue.path]
    # Every place in Baku lies in a box around the city only in [lon, lat] order.
    for place in catalog.places.values():
        if place.in_baku:
            for lon, lat in shape(features[place.id]["geometry"]).coords:
                assert 49.6 < lon < 50.2 and 40.2 < lat < 40.6, place.id


def test_geojson_carries_every_place_and_event(catalog):
    features = geojson_export(catalog)["features"]
    assert [f["id"] for f in features] == list(catalog.places)
    seen = set()
    for feature in features:
        place = catalog.places[feature["id"]]
        properties = feature["properties"]
        assert {k: v for k, v in properties.items() if k != "events"} == {
            "name": place.name,
            "names": {"az": place.names.az, "ru": place.names.ru},
            "name_local": place.name,
            "lang": "en",
            "description": place.description,
            "in_baku": place.in_baku,
            "coordinates_ref": place.coordinates_ref,
        }
        assert [e["id"] for e in properties["events"]] == [e.id for e in catalog.events if place.id in e.places]
        for record in properties["events"]:
            event = catalog.event(record["id"])
            seen.add(event.id)
            for when in (record["start"], record["end"]):  # Baku's offset then: +04:00 in January 1990
                if when is None:  # an open edge stays null: the evidence gives none
                    continue
                assert datetime.fromisoformat(when).utcoffset() == datetime.fromisoformat(when).astimezone(BAKU).utcoffset()
            if event.start and event.start.year == 1990 and event.start.month == 1:
                assert record["start"].endswith("+04:00")
            assert (record["start"], record["end"]) == (iso_or_none(event.start), iso_or_none(event.end))
            assert record["window"] == describe_event_window(event)
            assert (record["title"], record["precision"], record["category"]) == (
                event.title, event.precision.value, event.category.value,
            )
            assert record["citations"] == [
                {"source": c.source, "publisher": catalog.sources[c.source].publisher,
                 "publisher_country": catalog.sources[c.source].country,
                 "speaker": speaker_name(catalog, c), "authority": c.authority, "source_when": c.when,
                 "quote_lang": catalog.sources[c.source].language, "quote": c.quote}
                for c in event.citations
            ]
    assert seen == {e.id for e in catalog.events}


# --- TimelineJS: the JSON ----------------------------------------------------


class _TextOf(HTMLParser):
    """The text an HTML fragment shows, and the tags it holds."""

    def __init__(self) -> None:
        super().__init__()
        self.text, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def shown(fragment: str) -> tuple[str, list[str]]:
    parser = _TextOf()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.text), parser.tags


def test_timelinejs_slides_hold_every_event_and_passage(catalog):
    data = timelinejs_export(catalog)
    assert set(data) == {"title", "events"}
    assert "start_date" not in data["title"] and data["title"]["text"]["headline"]
    slides = data["events"]
    assert [s["unique_id"] for s in slides] == [e.id for e in catalog.events]
    for slide in slides:
        event = catalog.event(slide["unique_id"])
        assert html.unescape(slide["text"]["headline"]) == event.title
        assert slide["group"] == tr("en", f"category_{event.category.value}")
        text, tags = shown(slide["text"]["text"])
        assert set(tags) <= {"p", "strong", "blockquote"}
        assert tags.count("blockquote") == len(event.citations)
        assert " ".join(event.summary.split()) in text
        for citation in event.citations:
            assert " ".join(citation.quote.split()) in text
            assert attribution_text(catalog.sources[citation.source]) in text


def _event_yaml(start: str, end: str, precision: str) -> dict:
    return dict(edits=[
        ("events.yaml", "start: 1990-01-19T23:30:00+04:00", f"start: {start}"),
        ("events.yaml", "end: 1990-01-20T00:30:00+04:00", f"end: {end}"),
        ("events.yaml", "precision: approximate", f"precision: {precision}"),
    ])


@pytest.mark.parametrize(
    "window, start_date, end_date, display_date",
    [
        (("1990-01-19T23:30:00+04:00", "1990-01-20T00:30:00+04:00", "approximate"),
         {"year": 1990, "month": 1, "day": 19, "hour": 23, "minute": 30},
         {"year": 1990, "month": 1, "day": 20, "hour": 0, "minute": 30},
         "about 19 Jan 1990 23:30 – 20 Jan 1990 00:30 Baku time"),
        (("1990-01-19T23:15:00+04:00", "1990-01-19T23:15:00+04:00", "minute"),
         {"year": 1990, "month": 1, "day": 19, "hour": 23, "minute": 15}, None,
         "19 Jan 1990, 23:15 Baku time"),
        (("1990-01-19T22:00:00+04:00", "1990-01-20T01:00:00+04:00", "hour"),
         {"year": 1990, "month": 1, "day": 19, "hour": 22, "minute": 0},
         {"year": 1990, "month": 1, "day": 20, "hour": 1, "minute": 0},
         "19 Jan 1990 22:00 – 20 Jan 1990 01:00 Baku time"),
        (("1990-01-19T00:00:00+04:00", "1990-01-21T00:00:00+04:00", "day"),
         {"year": 1990, "month": 1, "day": 19}, {"year": 1990, "month": 1, "day": 20}, None),
        (("1990-01-20T00:00:00+04:00", "1990-01-21T00:00:00+04:00", "day"),
         {"year": 1990, "month": 1, "day": 20}, None, None),
        (("1990-01-01T00:00:00+04:00", "1990-02-01T00:00:00+04:00", "month"),
         {"year": 1990, "month": 1}, None, None),
        (("1988-01-01T00:00:00+04:00", "1990-01-01T00:00:00+04:00", "year"),
         {"year": 1988}, {"year": 1989}, None),
    ],
    ids=["approximate", "minute", "hour", "two days", "one day", "month", "years"],
)
def test_timelinejs_dates_go_no_finer_than_the_precision(make_data, window, start_date, end_date, display_date):
    (slide,) = timelinejs_export(load(make_data(**_event_yaml(*window))))["events"]
    assert slide["start_date"] == start_date
    assert slide.get("end_date") == end_date
    assert slide.get("display_date") == display_date


# --- TimelineJS: rendered by TimelineJS itself -------------------------------

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>TimelineJS export</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/dist/css/timeline.css">
<script src="/dist/js/timeline.js"></script>
</head>
<body style="margin:0">
<div id="timeline-embed" style="width: 1200px; height: 720px"></div>
<script>
fetch('/timeline.json').then(r => r.json()).then(data => {
  window.timeline = new TL.Timeline('timeline-embed', data, {
    font: null, script_path: location.origin + '/dist/js/', hash_bookmark: false,
  });
});
</script>
</body>
</html>
"""


@pytest.fixture(scope="module")
def timelinejs_dist():
    """TimelineJS's built files, installed from package-lock.json by `make test` (or here, if npm is at hand)."""
    if not (TIMELINEJS / "dist" / "js" / "timeline.js").is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("TimelineJS is not installed (no node_modules) and npm is not available to install it")
        subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=ROOT, check=True, timeout=300)
    return TIMELINEJS / "dist"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def serve(tmp_path, timelinejs_dist):
    """Serve a page that renders the given TimelineJS data on 127.0.0.1; yields a function data -> page URL."""
    (tmp_path / "dist").symlink_to(timelinejs_dist, target_is_directory=True)
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def publish(data: dict) -> str:
        (tmp_path / "timeline.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return f"http://127.0.0.1:{server.server_address[1]}/index.html"

    try:
        yield publish
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# TimelineJS sets `ready` once it has drawn the slides, or shows an error message instead.
READY_OR_FAILED = """() => window.timeline && (window.timeline.ready
    || /Error/.test((document.querySelector('#timeline-embed .tl-message-full') || {}).textContent || ''))"""


class Rendered:
    """A page with TimelineJS drawn, and everything it tried: requests, dialogs, errors."""

    def __init__(self, browser, url: str):
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
        self.requests, self.outside, self.dialogs, self.errors = [], [], [], []
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.page = self.context.new_page()
        self.page.route("**/*", self._route)
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.goto(url)
        self.page.wait_for_function(READY_OR_FAILED, timeout=30_000)

    def _route(self, route) -> None:
        url = route.request.url
        self.requests.append(url)
        if url.startswith(self.origin + "/"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def render(browser, serve):
    opened = []

    def draw(data: dict) -> Rendered:
        opened.append(Rendered(browser, serve(data)))
        return opened[-1]

    try:
        yield draw
    finally:
        for rendered in opened:
            rendered.close()


def dom_id(unique_id: str) -> str:
    """The element id TimelineJS gives a slide: its slug, which may not start with a digit."""
    return f"_{unique_id}" if unique_id[0].isdigit() else unique_id


SLIDES = """() => [...document.querySelectorAll('#timeline-embed .tl-slide')].map(slide => ({
    id: slide.id,
    headline: (slide.querySelector('.tl-headline') || {}).textContent || null,
    text: (slide.querySelector('.tl-text-content') || {}).textContent || '',
    date: (slide.querySelector('.tl-headline-date') || {}).textContent || '',
}))"""

# What the timeline holds that markup in the data could have made.
LEAKS = """() => {
    const embed = document.getElementById('timeline-embed');
    return {
        pwned: typeof window.__pwned,
        elements: [...embed.querySelectorAll('img, script, iframe, object, embed, svg image')].map(el => el.outerHTML),
        onerror: document.querySelectorAll('[onerror]').length,
        // Every link but TimelineJS's own credit, which it draws outside the slides and the time axis.
        links: [...embed.querySelectorAll('a[href]')].filter(a => !a.closest('.tl-attribution'))
            .map(a => a.getAttribute('href')),
        groups: [...embed.querySelectorAll('.tl-timegroup-message')].map(el => el.textContent),
    };
}"""


def test_timelinejs_renders_every_event(render, catalog):
    data = timelinejs_export(catalog)
    drawn = render(data)
    page = drawn.page
    slides = {s["id"]: s for s in page.evaluate(SLIDES)}
    for event in catalog.events:
        slide = slides.get(dom_id(event.id))
        assert slide is not None, f"no slide for {event.id}"
        assert slide["headline"] == event.title
        assert " ".join(event.citations[0].quote.split()) in slide["text"]
        assert page.locator(f"#{dom_id(event.id)}-marker").count() == 1, f"no marker for {event.id}"
    assert len(slides) == len(catalog.events) + 1  # and the title slide
    for event in catalog.events:
        if event.precision.value == "approximate":
            window = describe_event_window(event)
            assert slides[dom_id(event.id)]["date"] == window
    groups = page.evaluate(LEAKS)["groups"]
    assert sorted(groups) == sorted({tr("en", f"category_{e.category.value}") for e in catalog.events})
    message = page.locator("#timeline-embed .tl-message-full")
    assert message.count() == 0 or not message.is_visible(), message.text_content()
    page.locator("#timeline-embed .tl-slidenav-next").first.click()
    page.wait_for_timeout(1200)  # the slide animation
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "timelinejs-export.png")
    assert drawn.outside == [], f"requests leaving 127.0.0.1: {drawn.outside}"
    assert drawn.errors == [] and drawn.dialogs == []


def test_timelinejs_shows_an_error_for_data_it_cannot_read(render):
    """The check above for TimelineJS's error message does see one when there is one."""
    drawn = render({"title": {"text": {"headline": "A title and nothing else"}}, "events": []})
    message = drawn.page.locator("#timeline-embed .tl-message-full")
    assert message.is_visible() and "Error" in message.text_content()


def test_timelinejs_keeps_hostile_text_inert(render, hostile_catalog, monkeypatch):
    # Labels are not curators' text, but `group` passes through TimelineJS's markup stripping: prove it holds too.
    import blackjanuary.formats as formats

    def hostile_tr(lang, key, **values):
        return f"Violence {HOSTILE}" if key == "category_violence" else tr(lang, key, **values)

    monkeypatch.setattr(formats, "tr", hostile_tr)
    data = timelinejs_export(hostile_catalog)
    drawn = render(data)
    page = drawn.page
    slides = {s["id"]: s for s in page.evaluate(SLIDES)}
    for event in hostile_catalog.events:
        assert slides[dom_id(event.id)]["headline"] == event.title  # the payload shown as text, whole
        assert HOSTILE in slides[dom_id(event.id)]["text"]  # in the summary
    assert f"{QUOTE} {HOSTILE}" in slides[dom_id(QUOTED_EVENT)]["text"]
    found = page.evaluate(LEAKS)
    assert f"Violence {HOSTILE}" in found["groups"]
    assert found["pwned"] == "undefined"
    assert found["elements"] == [] and found["onerror"] == 0
    assert found["links"] == []
    page.get_by_role("heading", name=hostile_catalog.events[0].title).first.wait_for(state="attached")
    assert drawn.dialogs == []
    assert not any(urlsplit(u).path == "/x" for u in drawn.requests), "an <img src=x> from the data was loaded"
    assert drawn.outside == [], f"requests leaving 127.0.0.1: {drawn.outside}"


# --- CSV ---------------------------------------------------------------------


def iso_or_none(when: datetime | None) -> str | None:
    return when.isoformat() if when else None


def speaker_name(catalog, citation) -> str | None:
    speaker = catalog.sources[citation.source].speaker(citation.speaker) if citation.speaker else None
    return speaker.name if speaker else None


def expected_rows(catalog, lang: str = "en") -> list[dict[str, str]]:
    catalog = catalog.in_language(lang)
    rows = []
    for event in catalog.events:
        places = [catalog.places[p] for p in event.places]
        for citation in event.citations:
            rows.append({
                "event_id": event.id, "lang": lang, "title": event.title,
                "start": iso_or_none(event.start) or "", "end": iso_or_none(event.end) or "",
                "precision": event.precision.value,
                "window": describe_event_window(event, lang),
                "category": event.category.value,
                "context": " ".join(event.context.split()) if event.context else "",
                "context_ref": " ".join(event.context_ref.split()) if event.context_ref else "",
                "places": "; ".join(p.name for p in places),
                "places_az": "; ".join(p.names.az for p in places),
                "places_ru": "; ".join(p.names.ru for p in places),
                "source": citation.source, "publisher": catalog.sources[citation.source].publisher,
                "publisher_country": catalog.sources[citation.source].country or "",
                "speaker": speaker_name(catalog, citation) or "", "authority": citation.authority or "",
                "source_when": citation.when or "",
                "quote_lang": catalog.sources[citation.source].language, "quote": citation.quote,
            })
    return rows


def test_csv_has_a_bom_and_reads_back_with_csv_and_pandas(catalog):
    data = csv_export(catalog)
    assert data.startswith(codecs.BOM_UTF8) and not data[3:].startswith(codecs.BOM_UTF8)
    text = data.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == citation_count(catalog) == 89
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows == expected_rows(catalog)
    assert any("\n" in row["quote"] for row in rows)  # line breaks survive in quoted fields

    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(CSV_COLUMNS)
    assert frame.to_dict("records") == rows


def test_csv_keeps_azerbaijani_and_cyrillic_letters(catalog):
    rows = list(csv.DictReader(io.StringIO(csv_export(catalog).decode("utf-8-sig"), newline="")))
    azerbaijani = "".join(row["places_az"] for row in rows).casefold()
    # Since Baku Bay (Bakı körfəzi) left the catalogue no place name has an ö; the Azerbaijani titles carry it.
    assert set(AZERBAIJANI) - {"ö"} <= set(azerbaijani), set(AZERBAIJANI) - {"ö"} - set(azerbaijani)
    in_az = list(csv.DictReader(io.StringIO(csv_export(catalog, "az").decode("utf-8-sig"), newline="")))
    titles = "".join(row["title"] for row in in_az).casefold()
    assert set(AZERBAIJANI) <= set(titles), set(AZERBAIJANI) - set(titles)
    by_event = {row["event_id"]: row for row in rows}
    assert "круг «20 Января»" in by_event["troops-enter-baku"]["places_ru"].split("; ")
    assert by_event["burials-alley-of-martyrs"]["places_az"] == "Şəhidlər xiyabanı"


def test_csv_quotes_commas_quotes_and_line_breaks(make_data):
    title = 'A crowd, "the people", gathers;\nə ğ ı ö ş ü ç — Площадь'
    folder = make_data(edits=[("events.yaml", "title: A crowd gathers", f"title: {json.dumps(title)}")])
    catalog = load(folder)
    data = csv_export(catalog)
    assert b'"A crowd, ""the people"", gathers;\n' in data  # quoted, inner quotes doubled
    assert data.count(b"\r\n") == 2  # rows end in CRLF; the line break inside a field stays as it is
    (row,) = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    assert row["title"] == title
    assert row["quote"] == "the crowd gathered\non the square"
    assert row["places_ru"] == "Площадь; Проспект"
    (frame_row,) = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str).to_dict("records")
    assert frame_row["title"] == title


# --- hostile text in the data formats -----------------------------------------


def test_data_formats_carry_hostile_text_verbatim(hostile_catalog):
    catalog = hostile_catalog
    rows = list(csv.DictReader(io.StringIO(csv_export(catalog).decode("utf-8-sig"), newline="")))
    assert rows == expected_rows(catalog)
    assert all(row["title"].endswith(HOSTILE) for row in rows)
    assert f"{QUOTE} {HOSTILE}" in [row["quote"] for row in rows if row["event_id"] == QUOTED_EVENT]

    text = FORMATS["geojson"].render(catalog).decode("utf-8")
    assert "&lt;" not in text and "&amp;" not in text
    for feature in json.loads(text)["features"]:
        assert feature["properties"]["name"].endswith(HOSTILE)
        assert feature["properties"]["description"].endswith(HOSTILE)
        for record in feature["properties"]["events"]:
            assert record["title"] == catalog.event(record["id"]).title
            assert all(c["publisher"].endswith(HOSTILE) for c in record["citations"])


# --- the command line --------------------------------------------------------


@pytest.mark.parametrize("fmt", ["geojson", "timelinejs", "csv"])
def test_export_command_writes_each_format(tmp_path, capsys, catalog, fmt):
    out = tmp_path / FORMATS[fmt].filename
    assert main(["export", "--format", fmt, "--out", str(out), "--data", str(DATA)]) == 0
    assert out.read_bytes() == FORMATS[fmt].render(catalog)
    printed = capsys.readouterr().out
    assert printed.startswith(f"wrote {out}: {len(catalog.events)} events, {len(catalog.places)} places")
    if fmt != "csv":
        assert json.loads(out.read_text(encoding="utf-8")) == (
            geojson_export(catalog) if fmt == "geojson" else timelinejs_export(catalog)
        )


def test_export_narrative_is_for_html_only(tmp_path, capsys):
    out = tmp_path / "places.geojson"
    code = main(["export", "--format", "geojson", "--narrative", "chronology", "--out", str(out), "--data", str(DATA)])
    assert code == 2
    assert capsys.readouterr().err.strip() == "--narrative applies only to --format html"
    assert not out.exists()


def test_export_stops_on_invalid_data(make_data, tmp_path, capsys):
    folder = make_data(edits=[("events.yaml", "    - avenue", "    - avenu")])
    out = tmp_path / "citations.csv"
    assert main(["export", "--format", "csv", "--out", str(out), "--data", str(folder)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "export stopped: fix the data first"
    assert not out.exists()


# --- in Azerbaijani and Russian --------------------------------------------------

# Translations of the tiny data folder's texts (tests/conftest.py). The
# Azerbaijani leaves the summary untranslated, so it must show in English after
# the mark; the Russian translates every text.
AZ_YAML = """\
language: az
translated_by: Tests
reviewed_by: null
events:
  crowd-gathers:
    title: {en: A crowd gathers, az: İzdiham toplaşır}
    summary: {en: People gather on the square., az: ''}
    when: {en: from about 23:30 to 00:30 on 19–20 January, az: 19–20 yanvarda təxminən 23:30-dan 00:30-a qədər}
places:
  square:
    description: {en: A square., az: Bir meydan.}
  avenue:
    description: {en: An avenue., az: Bir prospekt.}
sources:
  paper:
    byline: {en: Unsigned, az: İmzasız}
"""
RU_YAML = """\
language: ru
translated_by: Tests
reviewed_by: null
events:
  crowd-gathers:
    title: {en: A crowd gathers, ru: Собирается толпа}
    summary: {en: People gather on the square., ru: Люди собираются на площади.}
    when: {en: from about 23:30 to 00:30 on 19–20 January, ru: примерно с 23:30 до 00:30 19–20 января}
places:
  square:
    description: {en: A square., ru: Площадь.}
  avenue:
    description: {en: An avenue., ru: Проспект.}
sources:
  paper:
    byline: {en: Unsigned, ru: Без подписи}
"""
TITLES = {"en": "A crowd gathers", "az": "İzdiham toplaşır", "ru": "Собирается толпа"}
# The tiny event's window, 19–20 January 1990 from about 23:30, as Babel writes the dates.
DATES = {"en": "19 Jan 1990 23:30", "az": "19 yanvar 1990 23:30", "ru": "19 января 1990 23:30"}
TINY_QUOTE = "the crowd gathered\non the square"
LANGS = ("en", "az", "ru")


def translated_data(make_data) -> Path:
    """The tiny data folder with its texts translated into Azerbaijani (all but the summary) and Russian."""
    return make_data(files={"translations/az.yaml": AZ_YAML, "translations/ru.yaml": RU_YAML})


@pytest.fixture
def tiny(make_data):
    catalog = load(translated_data(make_data))
    assert dict(catalog.translations["az"].texts)[("events", "crowd-gathers", "title")] == TITLES["az"]
    assert ("events", "crowd-gathers", "summary") in catalog.untranslated("az")
    assert catalog.untranslated("ru") == frozenset()
    return catalog


def untranslated(lang: str, english: str) -> str:
    return f"{tr(lang, 'untranslated_mark')} {english}"


@pytest.mark.parametrize("lang", LANGS)
def test_geojson_in_each_language(tiny, lang):
    (square, avenue) = geojson_export(tiny, lang)["features"]
    properties = square["properties"]
    # The stable keys stay: id and the English name; the name in the language beside them.
    assert (square["id"], properties["name"], properties["lang"]) == ("square", "The Square", lang)
    assert properties["names"] == {"az": "Meydan", "ru": "Площадь"}
    assert properties["name_local"] == {"en": "The Square", "az": "Meydan", "ru": "Площадь"}[lang]
    assert properties["description"] == {"en": "A square.", "az": "Bir meydan.", "ru": "Площадь."}[lang]
    (record,) = properties["events"]
    assert record["title"] == TITLES[lang]
    assert DATES[lang] in record["window"]
    assert record["window"] == describe_event_window(tiny.event("crowd-gathers"), lang)
    assert record["category"] == "background" and record["precision"] == "approximate"  # machine values stay
    (citation,) = record["citations"]
    assert (citation["quote"], citation["quote_lang"]) == (TINY_QUOTE, "en")  # verbatim, in its source's language
    assert citation["publisher"] == "The Paper"
    assert avenue["properties"]["events"] == properties["events"]


@pytest.mark.parametrize("lang", LANGS)
def test_csv_in_each_language(tiny, lang):
    (row,) = csv.DictReader(io.StringIO(csv_export(tiny, lang).decode("utf-8-sig"), newline=""))
    assert tuple(row) == CSV_COLUMNS  # the headers are machine keys, English in every language
    assert (row["lang"], row["title"], row["quote"], row["quote_lang"]) == (lang, TITLES[lang], TINY_QUOTE, "en")
    assert DATES[lang] in row["window"]
    assert (row["places"], row["places_az"], row["places_ru"]) == ("The Square; The Avenue", "Meydan; Prospekt", "Площадь; Проспект")
    assert [row] == expected_rows(tiny, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_timelinejs_in_each_language(tiny, lang):
    data = timelinejs_export(tiny, lang)
    assert data["title"]["text"]["headline"] == html_escape(tr(lang, "explore_title"))
    intro, _ = shown(data["title"]["text"]["text"])
    assert tr(lang, "timelinejs_intro_events", count=1) in intro
    (slide,) = data["events"]
    assert html.unescape(slide["text"]["headline"]) == TITLES[lang]
    text, tags = shown(slide["text"]["text"])
    assert set(tags) <= {"p", "strong", "blockquote"}
    assert " ".join(TINY_QUOTE.split()) in text  # the quote in English, as written, in every language
    assert f"{tr(lang, 'where_label')} " + {"en": "The Square, The Avenue", "az": "Meydan, Prospekt",
                                             "ru": "Площадь, Проспект"}[lang] in text
    assert html.unescape(html.unescape(slide["display_date"])) == describe_event_window(tiny.event("crowd-gathers"), lang)
    assert DATES[lang] in html.unescape(html.unescape(slide["display_date"]))
    assert html.unescape(html.unescape(slide["group"])) == tr(lang, "category_background")
    if lang != "en":
        assert tr(lang, "quoted_in", language={"az": "ingilis", "ru": "английский"}[lang]) in text
        assert "English" not in intro


def test_timelinejs_words_in_russian_and_azerbaijani(tiny):
    """Spot checks with the words written out, so a catalogue falling back to English would show."""
    ru, az = timelinejs_export(tiny, "ru"), timelinejs_export(tiny, "az")
    assert ru["title"]["text"]["headline"] == "Чёрный январь: Баку, 19–20 января 1990 года"
    assert "<strong>Где:</strong> Площадь, Проспект" in ru["events"][0]["text"]["text"]
    assert "<strong>Harada:</strong> Meydan, Prospekt" in az["events"][0]["text"]["text"]
    assert "1 событие" in ru["title"]["text"]["text"] and "1 опубликованного текста" in ru["title"]["text"]["text"]


@pytest.mark.parametrize("fmt", ["geojson", "timelinejs", "csv"])
def test_an_untranslated_text_shows_in_english_with_its_mark(tiny, fmt):
    az = FORMATS[fmt].render(tiny, "az").decode("utf-8-sig")
    ru = FORMATS[fmt].render(tiny, "ru").decode("utf-8-sig")
    english = "People gather on the square."
    if fmt == "timelinejs":  # the only format that carries the summary
        assert html_escape(untranslated("az", english)) in az
        assert english not in ru and "Люди собираются на площади." in ru
        notice = tr("az", "untranslated_notice", count=1, language="azərbaycan", mark=tr("az", "untranslated_mark"))
        assert html_escape(notice) in az
    assert TITLES["az"] in az and TITLES["ru"] in ru and TITLES["en"] not in az + ru


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_without_any_translation_the_texts_are_english_and_say_so(make_data, lang):
    catalog = load(make_data())  # no translations folder at all
    data = timelinejs_export(catalog, lang)
    assert html.unescape(data["events"][0]["text"]["headline"]) == "A crowd gathers"
    notice = tr(lang, "no_translation_notice", language={"az": "azərbaycan", "ru": "русский"}[lang])
    assert html_escape(notice) in data["title"]["text"]["text"]
    (row,) = csv_rows(catalog, lang)
    assert (row["lang"], row["window"]) == (lang, describe_event_window(catalog.event("crowd-gathers"), lang))


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_real_data_in_each_language(catalog, lang):
    """Every title is the translator's where data/translations/<lang>.yaml has it, else the English marked."""
    localised = catalog.in_language(lang)
    texts = catalog.translations[lang].texts
    mark = tr(lang, "untranslated_mark")
    features = geojson_export(catalog, lang)["features"]
    records = {r["id"]: r for f in features for r in f["properties"]["events"]}
    rows = list(csv.DictReader(io.StringIO(csv_export(catalog, lang).decode("utf-8-sig"), newline="")))
    slides = {s["unique_id"]: s for s in timelinejs_export(catalog, lang)["events"]}
    for event in catalog.events:
        wanted = texts.get(("events", event.id, "title")) or f"{mark} {event.title}"
        assert localised.event(event.id).title == wanted
        assert records[event.id]["title"] == wanted
        assert html.unescape(slides[event.id]["text"]["headline"]) == " ".join(wanted.split())
        assert {r["title"] for r in rows if r["event_id"] == event.id} == {wanted}
        # Quotes are never translated.
        assert [c["quote"] for c in records[event.id]["citations"]] == [c.quote for c in event.citations]
        text, _ = shown(slides[event.id]["text"]["text"])
        assert all(" ".join(c.quote.split()) in text for c in event.citations)
    assert [r["quote"] for r in rows] == [c.quote for e in catalog.events for c in e.citations]
    assert {r["lang"] for r in rows} == {lang} and {f["properties"]["lang"] for f in features} == {lang}
    # The night's events, dated by Babel in the language.
    day = format_day(datetime(1990, 1, 20).date(), lang)
    assert day == {"az": "20 yanvar 1990", "ru": "20 января 1990"}[lang]
    assert any(day in r["window"] for r in rows)
    assert records["troops-enter-baku"]["window"] == describe_event_window(catalog.event("troops-enter-baku"), lang)


def test_render_defaults_to_english(catalog):
    for data_format in FORMATS.values():
        assert data_format.render(catalog) == data_format.render(catalog, "en")


def test_render_without_a_language_keeps_the_catalogues_own(tiny):
    """The app hands over the catalogue already in the interface language: the file follows it."""
    for lang in ("az", "ru"):
        localised = tiny.in_language(lang)
        for data_format in FORMATS.values():
            assert data_format.render(localised) == data_format.render(tiny, lang)
