"""The streets basemap: what `make basemap` built from OpenStreetMap, the build script on small fakes, and the app without it.

The checks on the built basemap measure it against the catalogue's own
coordinates and against public reference points (Wikipedia), never against
coordinates copied out of the OpenStreetMap data.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import math
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from helpers import open_page
from shapely.geometry import LineString, Point, shape
from shapely.ops import unary_union

from blackjanuary import load
from blackjanuary.streets import transliterated
from blackjanuary.style import LAND_COLOUR
from blackjanuary.style import STATUS_COLOURS as COLOURS
from blackjanuary.svgmap import svg_map

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
# The folder the basemap was built from: make test passes its OSM_DIR.
OSM_DIR = Path(os.environ.get("OSM_DIR", ROOT.parent / "shared" / "osm"))
spec = importlib.util.spec_from_file_location("build_basemap", ROOT / "tools" / "build_basemap.py")
assert spec and spec.loader
build_basemap = importlib.util.module_from_spec(spec)
sys.modules["build_basemap"] = build_basemap  # its dataclass looks its module up there
spec.loader.exec_module(build_basemap)

# Public reference points (Wikipedia's infobox coordinates): not in the catalogue, not from the OSM data.
GOVERNMENT_HOUSE = (40.37222, 49.85389)  # "Government House (Baku)", 40°22′20″N 49°51′14″E
FLAG_SQUARE = (40.3443, 49.8449)  # "National Flag Square", 40°20′39″N 49°50′42″E, the middle of its 60 ha
MAIDEN_TOWER = (40.3661, 49.8372)  # "Maiden Tower (Baku)", as the landmarks use it
BAY = [(40.3600, 49.8600), (40.3500, 49.8700), (40.3550, 49.8900)]  # open water of Baku Bay
AVENUE = "Neftçilər prospekti"


def metres_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Metres between two (lat, lon), near enough at the scale of a city."""
    dx = (b[1] - a[1]) * 111_320 * math.cos(math.radians((a[0] + b[0]) / 2))
    return math.hypot(dx, (b[0] - a[0]) * 111_320)


def local(lat: float, lon: float) -> tuple[float, float]:
    return lon * 111_320 * math.cos(math.radians(40.37)), lat * 111_320


def road_lines(streets) -> list[LineString]:
    return [
        LineString([local(lat, lon) for lon, lat in f["geometry"]["coordinates"]])
        for name in ("roads.geojson", "streets.geojson") for f in streets.geojson(name)["features"]
    ]


@pytest.fixture(scope="module")
def land(streets):
    return unary_union([shape(f["geometry"]) for f in streets.geojson("land.geojson")["features"]])


# --- the built basemap ----------------------------------------------------


@pytest.mark.parametrize("where, within_m", [("azadliq-square", 100), ("government-house", 100), ("flag-square", 250)])
def test_a_road_runs_near_each_curated_place(real, streets, where, within_m):
    """Within 100 m of a point; the flag square's reference point is the middle of a square some 700 m across."""
    point = {
        "azadliq-square": real.places["azadliq-square"].anchor, "government-house": GOVERNMENT_HOUSE,
        "flag-square": FLAG_SQUARE,
    }[where]
    nearest = min(line.distance(Point(local(*point))) for line in road_lines(streets))
    assert nearest <= within_m, f"{where}: nearest road {nearest:.0f} m away"


def test_land_is_land_and_the_bay_is_water(real, land):
    on_land = [real.places[p].anchor for p in ("azadliq-square", "alley-of-martyrs", "tv-centre", "20-yanvar-circle")]
    for lat, lon in [*on_land, MAIDEN_TOWER, GOVERNMENT_HOUSE]:
        assert land.contains(Point(lon, lat)), (lat, lon)
    for lat, lon in BAY:
        assert not land.contains(Point(lon, lat)), (lat, lon)


def test_the_true_shore_is_finer_than_the_coarse_one(streets, land):
    """The boulevard's shore: the coarse file put it hundreds of metres off; the built one has it within metres."""
    points = sum(len(ring) for f in streets.geojson("land.geojson")["features"] for poly in f["geometry"]["coordinates"] for ring in poly)
    assert points > 800


def test_the_avenue_follows_the_osm_road_of_its_name(real, streets):
    """Every point of the built path lies on a way OpenStreetMap names Neftçilər prospekti, end to end."""
    source = json.loads((OSM_DIR / build_basemap.STREETS).read_text(encoding="utf-8"))
    ways = unary_union([
        LineString([local(lat, lon) for lon, lat in f["geometry"]["coordinates"]])
        for f in source["features"] if f["properties"]["name"] == AVENUE
    ])
    path = streets.road_path(AVENUE)
    assert path is not None
    for lat, lon in path:
        assert ways.distance(Point(local(lat, lon))) < 5, (lat, lon)
    along = LineString([local(lat, lon) for lat, lon in path])
    assert along.length > 2500  # from the foot of the hill to past Government House, not one piece of it
    assert ways.buffer(5).difference(along.buffer(40)).area < ways.buffer(5).area * 0.6  # most of the road is covered
    avenue = real.places["neftchiler-avenue"]
    assert avenue.follows_road == AVENUE and avenue.points == path and not avenue.coordinates_estimated
    assert "Neftçilər prospekti" in avenue.coordinates_ref


def test_places_on_named_roads_sit_on_them(real, streets):
    """Azadliq Square is on the avenue along the boulevard; 20 Yanvar Circle is where Tbilisi Avenue runs to."""
    azadliq = real.places["azadliq-square"].anchor
    avenue = LineString([local(lat, lon) for lat, lon in streets.road_path(AVENUE)])
    assert avenue.distance(Point(local(*azadliq))) < 150
    tbilisi = streets.road_path("Tbilisi prospekti")
    circle = real.places["20-yanvar-circle"].anchor
    ends = sorted(metres_between(circle, end) for end in (tbilisi[0], tbilisi[-1]))
    # The street data stops about 1 km short of the circle: the avenue's nearer end points at it.
    assert ends[0] < 2000 < ends[1]


def test_the_built_basemap_is_small_and_says_what_it_chose(streets):
    files = list(streets.directory.iterdir())
    assert {p.name for p in files} == {"manifest.json", "land.geojson", "roads.geojson", "streets.geojson", "metro.geojson"}
    assert sum(p.stat().st_size for p in files) <= 2_000_000
    assert streets.manifest["attribution"].startswith("© OpenStreetMap contributors")
    assert streets.manifest["chosen"]["road_tolerance_degrees"] > 0
    classes = {f["properties"]["c"] for f in streets.geojson("roads.geojson")["features"]}
    minor = {f["properties"]["c"] for f in streets.geojson("streets.geojson")["features"]}
    assert classes == {0, 1, 2} and minor == {3, 4}
    widths = {f["properties"]["c"]: f["properties"]["width"] for name in ("roads.geojson", "streets.geojson")
              for f in streets.geojson(name)["features"]}
    assert widths[0] > widths[1] > widths[2] > widths[3]  # avenues bold, residential faint


def test_street_labels_speak_the_page_language(streets):
    assert transliterated("Azadlıq prospekti", "en") == "Azadliq Avenue"
    assert transliterated("Azadlıq prospekti", "ru") == "проспект Азадлыг"
    assert transliterated("Azadlıq prospekti", "az") == "Azadlıq prospekti"
    assert transliterated("Xətai", "ru") == "Хатаи"
    names = {"Neftçilər prospekti": "Neftchiler Avenue"}
    by_lang = {lang: {r["text"] for r in streets.labels(lang, names)} for lang in ("en", "az", "ru")}
    assert "Neftchiler Avenue" in by_lang["en"] and "Neftçilər prospekti" in by_lang["az"]
    assert "Tbilisi Avenue" in by_lang["en"] and "проспект Тбилиси" in by_lang["ru"]


def test_the_export_maps_draw_the_streets(real, streets):
    view = {"latitude": 40.37, "longitude": 49.845, "zoom": 13}
    svg = svg_map(real, {p: "past" for p in real.places}, view)
    assert svg.count("<path") > 50 and 'stroke="rgb(168,156,138)"' in svg  # the avenues' colour
    assert "Neftchiler Avenue" in svg


# --- the app without the basemap ------------------------------------------


def test_without_streets_the_export_maps_keep_the_coarse_shore(real, no_streets):
    view = {"latitude": 40.37, "longitude": 49.845, "zoom": 13}
    svg = svg_map(real, {p: "past" for p in real.places}, view)
    assert 'stroke="rgb(168,156,138)"' not in svg and svg.count("<path") < 10


def test_without_streets_the_avenue_keeps_its_own_path(no_streets):
    avenue = load(DATA).places["neftchiler-avenue"]
    assert avenue.path[0] == (40.35950, 49.83300) and avenue.coordinates_estimated


def test_without_streets_the_present_page_says_they_are_missing_and_how_to_add_them(no_streets):
    at = open_page("app_pages/present.py", {"narrative": "night-hour-by-hour", "step": "4", "lang": "ru"})
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert any("Улиц нет" in c and "make basemap" in c and "© OpenStreetMap contributors" in c for c in captions), captions


def test_with_streets_the_present_page_credits_them(streets):
    at = open_page("app_pages/present.py", {"narrative": "night-hour-by-hour", "step": "4"})
    assert not at.exception
    captions = [c.value.replace("\\", "") for c in at.caption]  # as the page shows them, markdown escapes undone
    assert any("© OpenStreetMap contributors. Streets from OpenStreetMap" in c for c in captions), captions


# --- the build script on small fakes ----------------------------------------


def _collection(features: list[dict], **extra) -> dict:
    return {"type": "FeatureCollection", **extra, "features": features}


def _line(coords, **props) -> dict:
    return {"type": "Feature", "properties": props, "geometry": {"type": "LineString", "coordinates": coords}}


@pytest.fixture
def fake_osm(tmp_path) -> Path:
    """A folder like ../shared/osm with a few ways: an avenue in two pieces and its other carriageway, a lane."""
    folder = tmp_path / "osm"
    folder.mkdir()
    avenue = "Sınaq prospekti"
    streets = [
        _line([[49.830, 40.360], [49.835, 40.362], [49.840, 40.364]], class_code=0, name=avenue),
        _line([[49.8402, 40.3641], [49.845, 40.366], [49.850, 40.368]], class_code=0, name=avenue),  # 20 m gap
        _line([[49.8351, 40.3623], [49.8301, 40.3603]], class_code=0, name=avenue),  # the other carriageway
        _line([[49.835, 40.370], [49.836, 40.372]], class_code=3, name=None),
    ]
    land = {"type": "Feature", "properties": {"kind": "land"}, "geometry": {"type": "Polygon", "coordinates": [
        [[49.80, 40.355], [49.90, 40.355], [49.90, 40.40], [49.80, 40.40], [49.80, 40.355]]]}}
    files = {
        build_basemap.STREETS: _collection(streets),
        build_basemap.LAND: _collection([land], bbox=[49.80, 40.33, 49.90, 40.40]),
        build_basemap.METRO_LINES: _collection([_line([[49.83, 40.37], [49.85, 40.38]], line="red")]),
        build_basemap.PLACES: _collection([{"type": "Feature", "properties": {"place": "suburb", "name": "Sınaqkənd", "name_en": "Test Town"},
                                            "geometry": {"type": "Point", "coordinates": [49.85, 40.39]}}]),
    }
    for name, collection in files.items():
        (folder / name).write_text(json.dumps(collection), encoding="utf-8")
    return folder


def test_the_build_reads_a_folder_of_osm_files(fake_osm, tmp_path, capsys):
    out = tmp_path / "built"
    assert build_basemap.main(["--osm", str(fake_osm), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "roads simplified at" in printed and "roads.geojson:" in printed and "total:" in printed
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    path = manifest["road_paths"]["Sınaq prospekti"]
    # Both pieces, joined across the gap, and not the other carriageway doubling back.
    assert path[0] == [40.36, 49.83] and path[-1] == [40.368, 49.85]
    assert all(a[1] < b[1] for a, b in itertools.pairwise(path))
    labels = {row["name"]: row for row in manifest["labels"]}
    assert labels["Sınaqkənd"]["name_en"] == "Test Town"
    assert {f["properties"]["c"] for f in json.loads((out / "streets.geojson").read_text())["features"]} == {3}
    land = unary_union([shape(f["geometry"]) for f in json.loads((out / "land.geojson").read_text())["features"]])
    assert land.contains(Point(49.85, 40.37)) and not land.contains(Point(49.85, 40.34))  # the fake's sea


def test_the_build_without_osm_data_writes_nothing_and_says_so(tmp_path, capsys):
    out = tmp_path / "built"
    assert build_basemap.main(["--osm", str(tmp_path / "missing"), "--out", str(out)]) == 0
    assert not out.exists()
    assert "no OpenStreetMap data" in capsys.readouterr().err


class FakeOverpass(ThreadingHTTPServer):
    """Answers POST /api/interpreter with `answer`, recording each query it was sent."""

    daemon_threads = True

    def __init__(self, answer: dict):
        super().__init__(("127.0.0.1", 0), _OverpassHandler)
        self.answer = answer
        self.queries: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/api/interpreter"


class _OverpassHandler(BaseHTTPRequestHandler):
    server: FakeOverpass

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        self.server.queries.append(parse_qs(body)["data"][0])
        payload = json.dumps(self.server.answer).encode() if self.path == "/api/interpreter" else b""
        self.send_response(200 if payload else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


def _way(tags: dict, coords: list[tuple[float, float]]) -> dict:
    return {"type": "way", "tags": tags, "geometry": [{"lat": lat, "lon": lon} for lon, lat in coords]}


@pytest.fixture
def overpass():
    # West to east along 40.35 N: OSM puts the sea on the right of the coastline, so land is north.
    answer = {"elements": [
        _way({"natural": "coastline"}, [(49.69, 40.35), (49.85, 40.352), (50.01, 40.35)]),
        _way({"highway": "primary", "name": "Sınaq prospekti"}, [(49.83, 40.36), (49.84, 40.365), (49.85, 40.37)]),
        _way({"highway": "residential"}, [(49.835, 40.37), (49.836, 40.372)]),
        _way({"railway": "subway", "colour": "#E21E26"}, [(49.83, 40.37), (49.85, 40.38)]),
        {"type": "node", "lat": 40.39, "lon": 49.85, "tags": {"place": "suburb", "name": "Sınaqkənd", "name:en": "Test Town"}},
    ]}
    server = FakeOverpass(answer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def test_the_build_fetches_from_an_overpass_server(overpass, tmp_path, capsys):
    out = tmp_path / "built"
    assert build_basemap.main(["--overpass", overpass.url, "--out", str(out)]) == 0
    [query] = overpass.queries
    assert query == build_basemap.overpass_query() and "out geom;" in query and '"highway"' in query
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["road_paths"]["Sınaq prospekti"][0] == [40.36, 49.83]
    roads = json.loads((out / "roads.geojson").read_text())["features"]
    assert [f["properties"]["c"] for f in roads] == [0]
    [metro] = json.loads((out / "metro.geojson").read_text())["features"]
    assert metro["properties"]["colour"][:3] == [(0xE2 + 255) // 2, (0x1E + 255) // 2, (0x26 + 255) // 2]
    land = unary_union([shape(f["geometry"]) for f in json.loads((out / "land.geojson").read_text())["features"]])
    assert land.contains(Point(49.85, 40.38)) and not land.contains(Point(49.85, 40.33))
    assert "wrote" in capsys.readouterr().out


def test_the_readme_gives_the_overpass_query():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert build_basemap.overpass_query() in readme


def _over(colour: list[int], ground: list[int]) -> tuple[float, ...]:
    """An RGBA colour as it shows over an opaque ground."""
    alpha = colour[3] / 255
    return tuple(c * alpha + g * (1 - alpha) for c, g in zip(colour[:3], ground[:3]))


def test_each_place_state_stands_apart_from_the_avenues_and_from_the_others(streets):
    """A place's colour over the land differs from the avenues' by far more than anti-aliasing blurs, and each from each."""
    avenue = streets.geojson("roads.geojson")["features"][0]["properties"]["colour"]
    shown = {status: _over(colour, LAND_COLOUR) for status, colour in COLOURS.items()}
    for status, colour in shown.items():
        assert math.dist(colour, avenue[:3]) > 60, status
    for (a, colour_a), (b, colour_b) in itertools.combinations(shown.items(), 2):
        assert math.dist(colour_a, colour_b) > 60, (a, b)
