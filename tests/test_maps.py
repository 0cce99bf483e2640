"""The explorer's map as deck JSON: what it draws, with how few kinds of layer, and how it is sent."""

import json
import math
import tomllib
from pathlib import Path

import pydeck as pdk
import pytest
from shapely.geometry import LineString, Point, Polygon

from blackjanuary.explorer import explorer_payload
from blackjanuary.i18n import tr
from blackjanuary.maps import (
    LABEL_ZOOM_MARGIN,
    M_PER_DEGREE_LAT,
    _labels,
    _overlap,
    _pixel,
    _ribbon,
    baku_deck,
    fit_view,
    label_box,
    marker_box,
)
from blackjanuary.range_view import range_view
from blackjanuary.style import MARK, STATUS_TEXT_COLOURS, STREET_WIDTH_M
from blackjanuary.svgmap import svg_map

PROJECT = Path(__file__).resolve().parent.parent
# Each kind is a shader program the browser compiles before the first frame;
# with software WebGL a path layer or a text background box costs a part of a second.
# The streets are the one path layer the map pays for: lines in pixels, from the built basemap.
FILL_LAYERS = {"PolygonLayer", "GeoJsonLayer"}
ALLOWED_KINDS = FILL_LAYERS | {"TextLayer"}
STREET_LINES = {"roads", "metro", "streets-edge"}


def deck_json(catalog, **kwargs) -> dict:
    statuses = {place_id: "active" for place_id in catalog.places}
    return json.loads(baku_deck(catalog, statuses, **kwargs).to_json())


@pytest.mark.parametrize("tiles", [False, True])
def test_the_map_draws_with_fills_text_and_the_streets_lines_only(real, streets, tiles):
    layers = deck_json(real, selected_place="neftchiler-avenue", tiles=tiles)["layers"]
    kinds = {layer["@@type"] for layer in layers}
    assert kinds <= ALLOWED_KINDS, kinds - ALLOWED_KINDS
    stroked = {layer["id"] for layer in layers if layer.get("stroked")}
    assert stroked == (set() if tiles else STREET_LINES)  # the places' streets stay filled ribbons
    for layer in layers:
        assert not layer.get("background"), layer["id"]  # a box behind text is one more shader
        if layer["id"] in stroked:
            assert not layer["filled"] and layer["lineWidthUnits"] == "pixels", layer["id"]  # a string, not an accessor
    ids = [layer["id"] for layer in layers]
    assert ("land" in ids) is not tiles and ("sea" in ids) is not tiles  # street tiles bring their own shore


def test_labels_carry_a_halo_drawn_by_the_text_shader(real):
    layers = {layer["id"]: layer for layer in deck_json(real)["layers"]}
    labels = layers["labels"]
    assert labels["fontSettings"]["sdf"] is True and labels["outlineWidth"] > 0
    # Every text layer with the same family and font settings: one kind of glyph atlas.
    text_layers = [layer for layer in layers.values() if layer["@@type"] == "TextLayer"]
    assert len({(layer["fontFamily"], json.dumps(layer["fontSettings"])) for layer in text_layers}) == 1
    # ... and the same inputs from their rows: software WebGL compiles once per arrangement of inputs.
    inputs = {"getPosition", "getSize", "getColor", "getPixelOffset"}
    assert {tuple(sorted(k for k in layer if k in inputs | {"getAngle"})) for layer in text_layers} == {tuple(sorted(inputs))}
    for layer in text_layers:
        assert all(str(layer[k]).startswith("@@=") for k in inputs), layer["id"]
        assert all({"position", "size", "colour", "offset"} <= set(row) for row in layer["data"]), layer["id"]
    assert labels["fontFamily"].startswith("Source Sans")  # a string, not turned into an accessor
    names = {row["id"]: row["name"] for row in labels["data"]}
    assert names["neftchiler-avenue"] == "Neftchiler Avenue" and names["20-yanvar-circle"] == "20 Yanvar Circle"


def test_places_are_dots_and_the_selected_one_is_ringed_exactly_on_top(real):
    deck = deck_json(real, selected_place="tv-centre")
    layers = {layer["id"]: layer for layer in deck["layers"]}
    order = [layer["id"] for layer in deck["layers"]]
    places, ring = layers["places"], layers["selected"]
    assert order.index("selected") == order.index("places") + 1  # drawn over the marker
    [selected] = ring["data"]
    [marker] = [row for row in places["data"] if row["id"] == "tv-centre"]
    assert selected == marker  # same glyph, size and place: the dark halo rings it
    assert ring["outlineColor"][:3] != places["outlineColor"][:3] and not ring["pickable"] and places["pickable"]
    mixed = json.loads(baku_deck(real, {p: ("active" if p == "20-yanvar-circle" else "past") for p in real.places}).to_json())
    sizes = {row["id"]: row["size"] for layer in mixed["layers"] if layer["id"] == "places" for row in layer["data"]}
    assert sizes["20-yanvar-circle"] > sizes["tv-centre"]  # events at this step: a larger dot


def _metres(lon: float, lat: float, lat0: float) -> tuple[float, float]:
    return lon * M_PER_DEGREE_LAT * math.cos(math.radians(lat0)), lat * M_PER_DEGREE_LAT


def test_a_street_is_a_ribbon_of_its_width_along_its_path(real):
    avenue = real.places["neftchiler-avenue"]
    lat0 = sum(lat for lat, _ in avenue.points) / len(avenue.points)
    outline = Polygon([_metres(lon, lat, lat0) for lon, lat in _ribbon(avenue.points, 110)])
    path = LineString([_metres(lon, lat, lat0) for lat, lon in avenue.points])
    assert outline.is_valid
    assert outline.buffer(1).contains(path)
    for fraction in (0.1, 0.5, 0.9):
        middle = path.interpolate(fraction, normalized=True)
        assert outline.exterior.distance(middle) == pytest.approx(55, abs=3)  # half the width either side
    assert not outline.contains(Point(middle.x, middle.y + 120))


def test_the_selected_street_is_drawn_wider(real):
    def width_of(selected):
        [row] = next(layer for layer in deck_json(real, selected_place=selected)["layers"] if layer["id"] == "lines")["data"]
        lons = [lon for lon, _ in row["polygon"]]
        return max(lons) - min(lons)

    assert STREET_WIDTH_M[True] > STREET_WIDTH_M[False]
    assert width_of("neftchiler-avenue") > width_of(None)


def test_places_carry_only_what_the_map_uses(real):
    layers = {layer["id"]: layer for layer in deck_json(real)["layers"]}
    for row in layers["places"]["data"]:
        assert set(row) == {"id", "name", "status", "colour", "position", "mark", "size", "offset"}
    for row in layers["lines"]["data"]:
        assert set(row) == {"id", "name", "status", "colour", "polygon"}


def test_the_deck_is_sent_as_compact_json_that_says_what_pydeck_says(real):
    deck = baku_deck(real, {place_id: "past" for place_id in real.places})
    compact, indented = deck.to_json(), pdk.Deck.to_json(deck)
    assert json.loads(compact) == json.loads(indented)
    assert "\n" not in compact and len(compact) < len(indented) * 0.6
    assert deck.to_json() is compact  # serialised once; the page sends it at every rerun


def test_the_server_skips_per_rerun_work_the_app_does_not_need():
    config = tomllib.loads((PROJECT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False  # a full collection after every scrub step
    assert config["server"]["fileWatcherType"] == "none"  # module watching at every new session and rerun
    assert config["runner"]["magicEnabled"] is False  # a second pass over each page's syntax tree


def test_no_page_relies_on_magic():
    """With magic off a bare expression shows nothing: every statement in a page must be a call or a binding."""
    import ast

    for path in [PROJECT / "app.py", *sorted((PROJECT / "app_pages").glob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0]) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Expr) and not isinstance(node.value, (ast.Call, ast.Await, ast.Yield)):
                assert id(node) in docstrings, f"{path.name}:{node.lineno} would be written to the page by magic"


# --- labels beside their markers, and the place that is the whole city --------------------------


def _label_boxes(rows: list[dict], zoom: float) -> tuple[dict, dict]:
    """Each row's label box and marker box, in pixels at `zoom`, from its position and label offset."""
    at = {r["id"]: _pixel(r["position"][0], r["position"][1], zoom) for r in rows}
    labels = {r["id"]: label_box(r["name"], (at[r["id"]][0] + r["offset"][0], at[r["id"]][1] + r["offset"][1])) for r in rows}
    return labels, {place_id: marker_box(xy) for place_id, xy in at.items()}


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_no_label_covers_another_place_or_another_label(real, lang):
    """Over the real places, in each language's names: the Explore payload's offsets and the Present map's labels,
    at the zoom the map opens at and at a phone's, a little further out (estimated: letters 0.6 of the size wide)."""
    night = range_view(real.in_language(lang), "night")
    payload = explorer_payload(night, lang, with_panel=False)
    rows = [{**p, "offset": p["label_offset"]} for p in payload["places"] if "label_offset" in p]
    assert {r["id"] for r in rows} == {p.id for p in real.places.values() if p.in_baku and not p.whole_city}
    deck = json.loads(baku_deck(real.in_language(lang), {p: "active" for p in real.places}, lang=lang).to_json())
    [present] = [layer["data"] for layer in deck["layers"] if layer["id"] == "labels"]
    zoom = payload["view"]["zoom"]
    for labelled in (rows, present):
        for at_zoom in (zoom, zoom - LABEL_ZOOM_MARGIN):
            labels, markers = _label_boxes(labelled, at_zoom)
            for place_id, box in labels.items():
                covered = [other for other, marker in markers.items() if other != place_id and _overlap(box, marker) > 0]
                assert covered == [], f"{lang}: the label of {place_id} covers the marker of {covered} at zoom {at_zoom}"
                crossed = [other for other, label in labels.items() if other != place_id and _overlap(box, label) > 0]
                assert crossed == [], f"{lang}: the labels of {place_id} and {crossed} overlap at zoom {at_zoom}"


def test_a_crowded_label_moves_off_its_neighbour_and_a_lone_one_stays_above():
    """Two places a few pixels apart: the first keeps its label above, the other's goes where it covers neither."""
    rows = [{"id": "a", "name": "North place", "position": [49.85, 40.38]},
            {"id": "b", "name": "Place just south", "position": [49.8502, 40.3795]}]
    offsets = {label["id"]: label["offset"] for label in _labels(rows, zoom=13)}
    labels, markers = _label_boxes([{**r, "offset": offsets[r["id"]]} for r in rows], 13 - LABEL_ZOOM_MARGIN)
    assert _overlap(labels["a"], labels["b"]) == 0
    assert _overlap(labels["a"], markers["b"]) == 0 and _overlap(labels["b"], markers["a"]) == 0
    alone = _labels(rows[:1], zoom=13)
    assert alone[0]["offset"][0] == 0 and alone[0]["offset"][1] < 0  # above its marker


def test_the_whole_city_is_a_tag_on_the_present_map_and_the_svg_map_not_a_pin(real, streets):
    statuses = {p: ("active" if p == "baku" else "past") for p in real.places}
    layers = {layer["id"]: layer for layer in json.loads(baku_deck(real, statuses).to_json())["layers"]}
    drawn = {row["id"] for name in ("places", "selected", "labels", "lines") for row in layers[name]["data"]}
    assert "baku" not in drawn and "20-yanvar-circle" in drawn
    [tag] = layers["city"]["data"]
    assert tag["id"] == "baku" and tag["name"] == f"{MARK} Baku · {tr('en', 'whole_city')}"
    assert tag["colour"] == STATUS_TEXT_COLOURS["active"] and layers["city"]["pickable"]
    view = fit_view([pt for p in real.places.values() if p.in_baku for pt in p.points])
    svg = svg_map(real, statuses, view, lang="ru")
    assert f"{MARK} Баку · {tr('ru', 'whole_city')}</text>" in svg
    # A marker for every point in Baku but the city's.
    assert svg.count("<circle") == sum(1 for p in real.places.values() if p.in_baku and p.kind == "point") - 1


def test_label_placement_is_the_plain_search_over_every_other_place():
    """The placement looks only at the places whose labels can reach each other, all at once: it must choose
    what a plain search does, each label costing its overlap with every other marker and label."""
    import random

    from blackjanuary.maps import LABEL_ROOM, OVERLAP_WEIGHT, PLACEMENT_ROUNDS, _candidates

    rng = random.Random(11)
    rows = [{"id": f"p{i}", "name": "Place " * rng.randint(1, 3), "position": [rng.uniform(49.80, 49.95), rng.uniform(40.34, 40.44)]}
            for i in range(70)]
    zoom = 12.5
    at = {r["id"]: _pixel(*r["position"], zoom - LABEL_ZOOM_MARGIN) for r in rows}
    markers = {i: marker_box(xy) for i, xy in at.items()}
    xs, ys = [x for x, _ in at.values()], [y for _, y in at.values()]
    frame = (min(xs) - LABEL_ROOM, min(ys) - LABEL_ROOM, max(xs) + LABEL_ROOM, max(ys) + LABEL_ROOM)
    choices = {r["id"]: [(o, label_box(r["name"], (at[r["id"]][0] + o[0], at[r["id"]][1] + o[1])))
                         for o in _candidates(r["name"], 14)] for r in rows}

    def crowding(row):
        x, y = at[row["id"]]
        return -sum(1 / (1 + math.hypot(x - ox, y - oy)) for other, (ox, oy) in at.items() if other != row["id"])

    order = sorted(rows, key=lambda r: (crowding(r), -r["position"][1], r["id"]))
    chosen: dict[str, int] = {}

    def best(place_id):
        others = [b for o, b in markers.items() if o != place_id] + [choices[o][n][1] for o, n in chosen.items() if o != place_id]
        costs = [OVERLAP_WEIGHT * sum(_overlap(box, b) for b in others) + (box[2] - box[0]) * (box[3] - box[1]) - _overlap(box, frame)
                 for _, box in choices[place_id]]
        return costs.index(min(costs))

    for row in order:
        chosen[row["id"]] = best(row["id"])
    for _ in range(PLACEMENT_ROUNDS):
        moved = False
        for row in order:
            n = best(row["id"])
            moved |= n != chosen[row["id"]]
            chosen[row["id"]] = n
        if not moved:
            break
    placed = {label["id"]: label["offset"] for label in _labels(rows, zoom)}
    assert placed == {i: list(choices[i][n][0]) for i, n in chosen.items()}
    assert len({tuple(o) for o in placed.values()}) > 1, "crowded enough that labels leave the place above"
