"""The pydeck map of Baku: places coloured by what is happening there at the scrubbed step."""

from __future__ import annotations

import json
import math
import os
import weakref
from collections.abc import Iterable, Mapping

import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize
from shapely.geometry import LineString

from .basemap import basemap_layers, catalogue_names, text_layer
from .i18n import tr
from .loading import Catalog
from .models import Place
from .style import LABEL_COLOUR, LABEL_SIZE, MAP_HEIGHT, MARK, MARK_SIZE, RING, STREET_WIDTH_M
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


def _labels(rows: list[dict], near_degrees: float = 0.008) -> list[dict]:
    """One label per row at its marker, put below it when a place just north already has its label above."""
    labels: list[dict] = []
    above: list[tuple[float, float]] = []  # (lon, lat) of the labels put above their markers
    for row in sorted(rows, key=lambda r: -r["position"][1]):
        lon, lat = row["position"]
        crowded = any(abs(lat - o_lat) < near_degrees and abs(lon - o_lon) < near_degrees * 2 for o_lon, o_lat in above)
        labels.append({
            "id": row["id"], "name": row["name"], "position": [lon, lat], "offset": [0, 18] if crowded else [0, -18],
            "size": LABEL_SIZE, "colour": LABEL_COLOUR,
        })
        if not crowded:
            above.append((lon, lat))
    return labels


def baku_deck(
    catalog: Catalog,
    statuses: Mapping[str, str],
    selected_place: str | None = None,
    tiles: bool = False,
    view: dict | None = None,
    status_text: dict[str, str] | None = None,
    lang: str = "en",
) -> CompactDeck:
    """A map of the places in Baku over the bundled coastline; places elsewhere are listed beside it.

    Only places in `statuses` are drawn. The view fits them unless `view`
    (latitude, longitude, zoom) is given. With `tiles` the map also asks Carto
    for street tiles; without, it requests nothing and the app's own basemap
    (the streets where they are built, else the coarse shore) is the whole of it.
    """
    status_text = status_text or status_texts(lang)
    rows = [
        _row(place, statuses[place.id], status_text, lang)
        for place in catalog.places.values()
        if place.in_baku and place.id in statuses
    ]
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
    view_state = {"pitch": 0, "bearing": 0, **view} if view else fit_view(
        [p for r in rows for p in (r["path"] if "path" in r else [(r["position"][1], r["position"][0])])]
    )
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
        text_layer("labels", _labels(labelled), "name"),
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
