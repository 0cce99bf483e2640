"""The pydeck map of Baku: places coloured by what is happening there at the scrubbed step."""

from __future__ import annotations

import json
import math
import os
import weakref
from collections.abc import Iterable, Mapping

import numpy as np
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize
from shapely.geometry import LineString

from .basemap import basemap_layers, catalogue_names, text_layer
from .i18n import tr
from .loading import Catalog
from .models import Place
from .style import (
    GLYPH_RADIUS,
    LABEL_COLOUR,
    LABEL_SIZE,
    MAP_HEIGHT,
    MARK,
    MARK_SIZE,
    RING,
    STATUS_TEXT_COLOURS,
    STREET_WIDTH_M,
)
from .style import STATUS_COLOURS as COLOURS
from .timeline import STATUSES, Status

M_PER_DEGREE_LAT = 111_320
MAX_LABELS = 40  # past this, only places with events at the step are named; hover names the rest
MAP_WIDTH_GUESS = 400  # narrower than the map column at 1280 px, so a phone still sees every place
FIT_SHARE = 0.8  # of the map's width that the places span when the view fits them


def status_texts(lang: str = "en") -> dict[str, str]:
    """What a place's status means, in words for its tooltip, in the interface language."""
    return {status: tr(lang, f"status_{status}") for status in STATUSES}


_SERIALISED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class CompactDeck(pdk.Deck):
    """A deck that is serialised once and without indentation.

    Streamlit sends a map's JSON to the browser at every rerun, which parses
    it with a JSON5 parser written in JavaScript: pydeck's indented JSON is
    twice the size. A deck is built once per step and not changed after.
    """

    def to_json(self) -> str:
        if self not in _SERIALISED:
            _SERIALISED[self] = json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))
        return _SERIALISED[self]


def place_statuses(
    catalog: Catalog, active: Iterable[str], past: Iterable[str], still_open: Iterable[str] = ()
) -> dict[str, Status]:
    """Every place's status, from its events' statuses at a step.

    A place takes the first of those that any of its events has: something
    happening now outweighs something that may still be going on, which
    outweighs something over.
    """
    by_event = {**{e: Status.PAST for e in past}, **{e: Status.OPEN for e in still_open},
                **{e: Status.ACTIVE for e in active}}
    rank = {s: i for i, s in enumerate(STATUSES)}
    status = {place_id: Status.FUTURE for place_id in catalog.places}
    for event in catalog.events:
        event_status = by_event.get(event.id)
        if event_status is None:
            continue
        for place_id in event.places:
            if rank[event_status] < rank[status[place_id]]:
                status[place_id] = event_status
    return status


def tiles_from_env() -> bool:
    """Street tiles are off unless BLACKJANUARY_TILES=online: a classroom may have no internet."""
    return os.environ.get("BLACKJANUARY_TILES", "offline").strip().lower() == "online"


def fit_view(points: list[tuple[float, float]], width: int = MAP_WIDTH_GUESS, height: int = MAP_HEIGHT) -> dict:
    """Centre and zoom that show every (lat, lon) with a margin, in deck.gl's 512-pixel Web Mercator tiles."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    centre_lat, centre_lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2

    def mercator_y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    span_x = max(max(lons) - min(lons), 1e-4) / 360
    span_y = max(mercator_y(max(lats)) - mercator_y(min(lats)), 1e-6) / (2 * math.pi)
    zoom = min(math.log2(width * FIT_SHARE / 512 / span_x), math.log2(height * 0.75 / 512 / span_y))
    return {"latitude": centre_lat, "longitude": centre_lon, "zoom": round(min(zoom, 15), 2), "pitch": 0, "bearing": 0}


def _ribbon(path: list[tuple[float, float]], width_m: float) -> list[list[float]]:
    """The outline, in [lon, lat], of a street drawn `width_m` wide along its (lat, lon) path.

    The map draws streets as filled polygons rather than deck.gl paths: one
    kind of layer fewer for the browser to compile and draw at every step.
    """
    lat0 = sum(lat for lat, _ in path) / len(path)
    x_m, y_m = M_PER_DEGREE_LAT * math.cos(math.radians(lat0)), M_PER_DEGREE_LAT
    line = LineString([(lon * x_m, lat * y_m) for lat, lon in path])
    outline = line.buffer(width_m / 2, quad_segs=3, join_style="round")
    return [[round(x / x_m, 6), round(y / y_m, 6)] for x, y in outline.exterior.coords]


def _row(place: Place, status: str, status_text: dict[str, str], lang: str = "en") -> dict:
    """What the map needs of a place, and only that: the deck's JSON goes to the browser at every step."""
    lat, lon = place.anchor
    row = {"id": place.id, "name": place.name_in(lang), "status": status_text[status], "colour": COLOURS[status]}
    if len(place.points) == 1:
        return row | {"position": [lon, lat], "mark": MARK, "size": MARK_SIZE[status == "active"], "offset": [0, 0]}
    return row | {"path": place.points, "position": [lon, lat]}  # the position only places its label


# Labels are placed by an estimate of their size: a letter is about this share of the label's size wide (wide
# enough for Cyrillic and capitals in the map's sans-serif), a line this share of it high.
LABEL_LETTER_WIDTH = 0.6
LABEL_LINE_HEIGHT = 1.3
LABEL_GAP = 3  # pixels between a marker and its label
LABEL_ROOM = 70  # pixels beyond the outermost places that a label may take
# Labels are placed for the map zoomed out this far from the zoom it is given: a phone's map opens about 0.4
# further out than the view that fits the places (map.js), and places are closest there.
LABEL_ZOOM_MARGIN = 0.5
Box = tuple[float, float, float, float]  # left, top, right, bottom, in pixels


def _pixel(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Where a point falls in deck.gl's Web Mercator world at `zoom`, in pixels (512 at zoom 0), y downwards."""
    scale = 512 * 2 ** zoom
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return lon / 360 * scale, -y / (2 * math.pi) * scale


def label_box(name: str, centre: tuple[float, float], size: float = LABEL_SIZE) -> Box:
    """The box a label's text takes around its centre, estimated from its length."""
    half_w, half_h = len(name) * size * LABEL_LETTER_WIDTH / 2, size * LABEL_LINE_HEIGHT / 2
    return centre[0] - half_w, centre[1] - half_h, centre[0] + half_w, centre[1] + half_h


def marker_box(centre: tuple[float, float]) -> Box:
    """The box a place's marker takes, at its size for a place with events at the step (the larger)."""
    radius = MARK_SIZE[True] * GLYPH_RADIUS
    return centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius


def _overlap(a: Box, b: Box) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


# A label over another place's marker or label is worse than one reaching past the places' frame (cut on a
# narrow map): an overlap counts this many times its area, the part outside the frame its area once.
OVERLAP_WEIGHT = 100
PLACEMENT_ROUNDS = 10  # passes of improvement over the first placement, at most


def _candidates(name: str, size: float) -> list[tuple[int, int]]:
    """A label's centre, as a pixel offset from its marker, where it may go: above, below, right, left, then the
    corners, each clear of the marker."""
    _, top, right, _ = label_box(name, (0, 0), size)
    radius = MARK_SIZE[True] * GLYPH_RADIUS
    dy = round(radius + LABEL_GAP - top)
    dx = round(radius + LABEL_GAP + right)
    corner_x, corner_y = round(right + radius * 0.5), round(-top + radius * 0.5)
    return [(0, -dy), (0, dy), (dx, 0), (-dx, 0), (corner_x, -corner_y), (-corner_x, -corner_y),
            (corner_x, corner_y), (-corner_x, corner_y)]


def city_tag(place: Place, status: str, status_text: dict[str, str], view: dict, height: int, lang: str = "en") -> dict:
    """The tag of a place that stands for the whole city, as a row for `text_layer`: its name and "the whole city"
    in its status's colour, at the top of a map `height` pixels tall centred on `view`."""
    return {
        "id": place.id, "name": f"{MARK} {place.name_in(lang)} · {tr(lang, 'whole_city')}", "status": status_text[status],
        "position": [view["longitude"], view["latitude"]], "offset": [0, -(height // 2 - LABEL_SIZE)],
        "size": LABEL_SIZE, "colour": STATUS_TEXT_COLOURS[status],
    }


def _union(boxes: list[Box]) -> Box:
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)


NEAR_CELL = 128  # pixels: the grid that finds which places' labels can reach each other


def _neighbours(reach: dict[str, Box]) -> dict[str, set[str]]:
    """For each place, the other places whose reach (marker and every place its label may take) overlaps its
    own: only their markers and labels can cost its label anything. A grid keeps it near linear in the places."""
    cells: dict[tuple[int, int], list[str]] = {}

    def covered(box: Box):
        for cx in range(math.floor(box[0] / NEAR_CELL), math.floor(box[2] / NEAR_CELL) + 1):
            for cy in range(math.floor(box[1] / NEAR_CELL), math.floor(box[3] / NEAR_CELL) + 1):
                yield cx, cy

    for place_id, box in reach.items():
        for cell in covered(box):
            cells.setdefault(cell, []).append(place_id)
    return {
        place_id: {
            other for cell in covered(box) for other in cells[cell]
            if other != place_id and _overlap(box, reach[other]) > 0
        }
        for place_id, box in reach.items()
    }


def _labels(rows: list[dict], zoom: float | None = None) -> list[dict]:
    """One label per row, beside its marker where it covers no other place's marker and no other label.

    The map draws a label at a fixed pixel offset from its place, so the offset is chosen a little further out
    (LABEL_ZOOM_MARGIN) than the zoom the map opens at (`zoom`, else the view that fits the rows), where
    places are closest: zoomed in, they only move apart. Each label takes the first of its candidate positions (above, below, right, left, the corners)
    that is clear, the most crowded places first; where none is, the one that covers the least.
    """
    if not rows:
        return []
    if zoom is None:
        zoom = fit_view([(r["position"][1], r["position"][0]) for r in rows])["zoom"]
    at = {r["id"]: _pixel(r["position"][0], r["position"][1], zoom - LABEL_ZOOM_MARGIN) for r in rows}
    markers = {r["id"]: marker_box(xy) for r, xy in zip(rows, at.values())}
    # The labels stay near the places, where the view that fits them keeps room for them (maps.js's LABEL_ROOM).
    xs, ys = [x for x, _ in at.values()], [y for _, y in at.values()]
    frame = (min(xs, default=0) - LABEL_ROOM, min(ys, default=0) - LABEL_ROOM,
             max(xs, default=0) + LABEL_ROOM, max(ys, default=0) + LABEL_ROOM)

    def crowding(row: dict) -> float:
        x, y = at[row["id"]]
        return -sum(1 / (1 + math.hypot(x - ox, y - oy)) for other, (ox, oy) in at.items() if other != row["id"])

    order = sorted(rows, key=lambda r: (crowding(r), -r["position"][1], r["id"]))
    choices = {
        r["id"]: [(offset, label_box(r["name"], (at[r["id"]][0] + offset[0], at[r["id"]][1] + offset[1])))
                  for offset in _candidates(r["name"], LABEL_SIZE)]
        for r in rows
    }
    chosen: dict[str, int] = {}
    near = _neighbours({r["id"]: _union([markers[r["id"]], *(box for _, box in choices[r["id"]])]) for r in rows})
    ids = list(at)
    number = {place_id: n for n, place_id in enumerate(ids)}
    marker_boxes = np.array([markers[i] for i in ids], dtype=float).reshape(-1, 4)
    label_boxes = np.array([[box for _, box in choices[i]] for i in ids], dtype=float).reshape(len(ids), -1, 4)
    areas = (label_boxes[..., 2] - label_boxes[..., 0]) * (label_boxes[..., 3] - label_boxes[..., 1])
    inside = (
        np.clip(np.minimum(label_boxes[..., 2], frame[2]) - np.maximum(label_boxes[..., 0], frame[0]), 0, None)
        * np.clip(np.minimum(label_boxes[..., 3], frame[3]) - np.maximum(label_boxes[..., 1], frame[1]), 0, None)
    )
    outside = areas - inside  # each candidate's area outside the frame
    near_numbers = {i: np.array(sorted(number[o] for o in found), dtype=int) for i, found in near.items()}
    picked = np.full(len(ids), -1)

    def best(place_id: str) -> int:
        """The candidate that costs least: OVERLAP_WEIGHT times its overlap with the nearby markers and labels, plus
        its area outside the frame."""
        n, others = number[place_id], near_numbers[place_id]
        placed = others[picked[others] >= 0]
        obstacles = np.concatenate([marker_boxes[others], label_boxes[placed, picked[placed]]])
        boxes = label_boxes[n][:, None, :]
        overlap = (
            np.clip(np.minimum(boxes[..., 2], obstacles[:, 2]) - np.maximum(boxes[..., 0], obstacles[:, 0]), 0, None)
            * np.clip(np.minimum(boxes[..., 3], obstacles[:, 3]) - np.maximum(boxes[..., 1], obstacles[:, 1]), 0, None)
        )
        costs = OVERLAP_WEIGHT * overlap.sum(axis=1) + outside[n]
        found = int(np.argmin(costs))  # the first of equals: above, then below, ...
        picked[n] = found
        return found

    for row in order:  # each in turn, against those placed before it
        chosen[row["id"]] = best(row["id"])
    for _ in range(PLACEMENT_ROUNDS):  # then each again against all the others, until none moves
        moved = False
        for row in order:
            n = best(row["id"])
            moved |= n != chosen[row["id"]]
            chosen[row["id"]] = n
        if not moved:
            break
    offsets = {place_id: choices[place_id][n][0] for place_id, n in chosen.items()}
    return [
        {"id": r["id"], "name": r["name"], "position": r["position"], "offset": list(offsets[r["id"]]),
         "size": LABEL_SIZE, "colour": LABEL_COLOUR}
        for r in rows
    ]


def baku_deck(
    catalog: Catalog,
    statuses: Mapping[str, str],
    selected_place: str | None = None,
    tiles: bool = False,
    view: dict | None = None,
    status_text: dict[str, str] | None = None,
    lang: str = "en",
    height: int = MAP_HEIGHT,
) -> CompactDeck:
    """A map of the places in Baku over the bundled coastline; places elsewhere are listed beside it.

    Only places in `statuses` are drawn, and a place that stands for the whole
    city as its tag at the top of the map (`height` pixels tall), not as a pin.
    The view fits them unless `view` (latitude, longitude, zoom) is given. With `tiles` the map also asks Carto
    for street tiles; without, it requests nothing and the app's own basemap
    (the streets where they are built, else the coarse shore) is the whole of it.
    """
    status_text = status_text or status_texts(lang)
    shown = [place for place in catalog.places.values() if place.in_baku and place.id in statuses]
    rows = [_row(place, statuses[place.id], status_text, lang) for place in shown if not place.whole_city]
    labelled = rows if len(rows) <= MAX_LABELS else [r for r in rows if r["status"] == status_text["active"]][:MAX_LABELS]
    points = [r for r in rows if "path" not in r]
    lines = [
        {k: v for k, v in r.items() if k not in ("path", "position")}
        | {"polygon": _ribbon(r["path"], STREET_WIDTH_M[r["id"] == selected_place])}
        for r in rows if "path" in r
    ]
    # The places take two kinds of deck.gl layer, filled polygons and text (they
    # are drawn as dots of text), and the streets' lines one more: each kind is a
    # shader the browser compiles before the first frame, and with software
    # WebGL each costs a part of a second.
    view_state = {"pitch": 0, "bearing": 0, **view} if view else fit_view([p for place in shown for p in place.points])
    names = catalogue_names(catalog.places.values(), lang)
    layers = basemap_layers(filled=not tiles, lang=lang, zoom=view_state["zoom"], names=names) + [
        pdk.Layer(
            "PolygonLayer",
            id="lines",
            data=lines,
            get_polygon="polygon",
            get_fill_color="colour",
            stroked=False,
            pickable=True,
            auto_highlight=True,
        ),
        text_layer("places", points, "mark", pickable=True),
        # The selected place again on top, its halo dark instead of white: a ring.
        # The same glyph at the same size, so it sits exactly on the marker.
        text_layer("selected", [r for r in points if r["id"] == selected_place], "mark", halo=RING),
        text_layer("labels", _labels(labelled, view_state["zoom"]), "name"),
        # A place that stands for the whole city: its tag at the top of the map, not a pin at its point.
        text_layer("city", [
            city_tag(place, statuses[place.id], status_text, view_state, height, lang) for place in shown if place.whole_city
        ], "name", pickable=True),
    ]
    return CompactDeck(
        layers=layers,
        initial_view_state=pdk.ViewState(**view_state),
        # map_provider=None with pydeck's default style sentinel requests no tiles at all;
        # an explicit map_style=None would make Streamlit fetch Carto's style.
        map_provider="carto" if tiles else None,
        **({"map_style": "light"} if tiles else {}),
        tooltip={"text": "{name}\n{status}"},
    )
