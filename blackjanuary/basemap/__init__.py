"""The offline basemap as deck layers: sea, land, streets, metro and labels, or the coarse shore alone.

Where the streets basemap has been built from OpenStreetMap (`make basemap`,
see blackjanuary/streets.py) the maps draw its land with the true shore, its
roads by class, the metro and labels of avenues and districts; without it,
the committed coarse coastline of static/absheron-land.geojson and a note
that the streets are missing. Both live in the app's static/ folder (see
static/NOTICE.md for sources and licences): the map fetches each file once
from the app's own server by URL, the same on every rerun, so deck.gl keeps
the layers instead of rebuilding them at each scrub step.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import pydeck as pdk

from ..i18n import tr
from ..models import Place
from ..streets import (
    LAND_GEOJSON,
    METRO_GEOJSON,
    ROADS_GEOJSON,
    STREETS_GEOJSON,
    STREETS_MIN_ZOOM,
    STREETS_URL,
    Streets,
    built,
)
from ..style import (
    DISTRICT_LABEL,
    FONT_FAMILY,
    HALO,
    LABEL_HALO,
    LABEL_SIZE,
    LAND_COLOUR,
    LANDMARK_COLOUR,
    ROAD_LABEL,
    SEA,
    STREETS_EDGE,
)

STATIC_DIR = Path(__file__).resolve().parent.parent.parent / "static"
LAND_FILE = STATIC_DIR / "absheron-land.geojson"
LAND_URL = "/app/static/absheron-land.geojson"
ATTRIBUTION = "© OpenStreetMap contributors"
LABEL_FONT = {"sdf": True, "buffer": 8}  # signed-distance glyphs, so labels can carry a halo
# Quoted so pydeck passes the typeface as a string, not an accessor.
LABEL_FAMILY = f'"{FONT_FAMILY}"'

# Orientation only; not places of the catalogue. Positions: Wikipedia
# ("Maiden Tower (Baku)" 40°21′58″N 49°50′14″E for the Old City; the bay and
# the sea labelled in open water of the bundled coastline).
LANDMARKS: list[dict[str, Any]] = [  # "text" and a name per language (str), "position" [lon, lat]
    {"text": "Old City", "position": [49.8372, 40.3661], "az": "İçərişəhər", "ru": "Старый город"},
    {"text": "Baku Bay", "position": [49.8800, 40.3450], "az": "Bakı körfəzi", "ru": "Бакинская бухта"},
    {"text": "Caspian Sea", "position": [49.9300, 40.3300], "az": "Xəzər dənizi", "ru": "Каспийское море"},
]


def landmarks(lang: str = "en") -> list[dict]:
    """The landmark labels in an interface language, as rows for `text_layer`."""
    return [
        {"text": m.get(lang, m["text"]), "position": m["position"], "size": LABEL_SIZE, "colour": LANDMARK_COLOUR,
         "offset": [0, 0]}
        for m in LANDMARKS
    ]


def text_layer(layer_id: str, rows: list[dict], text: str, pickable: bool = False, halo: list[int] = HALO) -> pdk.Layer:
    """Text on the map: labels, landmarks and the places' dot markers all go through here.

    Every row carries its own position, size, colour and offset. Software
    WebGL compiles its drawing code again for each new arrangement of a layer's
    inputs, so text layers that differ only in their rows cost the first frame
    one compilation between them instead of one each.
    """
    return pdk.Layer(
        "TextLayer",
        id=layer_id,
        data=rows,
        get_position="position",
        get_text=text,
        get_size="size",
        get_color="colour",
        get_pixel_offset="offset",
        # deck.gl draws only ASCII unless told 'auto' (every letter in the rows), so
        # ə, ı, ş and Cyrillic show. Quoted, so pydeck passes the string as it is
        # instead of turning it into an accessor.
        character_set='"auto"',
        font_family=LABEL_FAMILY,
        font_settings=LABEL_FONT,
        # A halo drawn by the text's own shader; a background box would need another.
        outline_width=LABEL_HALO,
        outline_color=halo,
        pickable=pickable,
        auto_highlight=pickable,
    )


@lru_cache(maxsize=1)
def land() -> dict:
    """The coarse land as a GeoJSON FeatureCollection; its properties carry bounds and attribution."""
    return json.loads(LAND_FILE.read_text(encoding="utf-8"))


def bounds() -> list[float]:
    """West, south, east, north of the area every map covers."""
    return list(land()["properties"]["bounds"])


def catalogue_names(places: Iterable[Place], lang: str) -> dict[str, str]:
    """The catalogue's name in `lang` for each place by its Azerbaijani name: a street label takes it first."""
    return {place.names.az: place.name_in(lang) for place in places if place.names.az}


def street_labels(streets: Streets, lang: str, names: dict[str, str]) -> list[dict]:
    """The avenue and district labels in `lang`, as rows for `text_layer`.

    A road that is a place of the catalogue is left out: the place's own label names it.
    """
    return [
        {"text": row["text"], "position": row["position"], "offset": [0, 0],
         **(ROAD_LABEL if row["kind"] == "road" else DISTRICT_LABEL)}
        for row in streets.labels(lang, names)
        if row["name"] not in names
    ]


def _frame(west: float, south: float, east: float, north: float) -> list[list[float]]:
    return [[west, south], [east, south], [east, north], [west, north], [west, south]]


def streets_edge(streets: Streets) -> dict:
    """The outline of the street data, as GeoJSON."""
    return {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {
        "type": "LineString", "coordinates": _frame(*streets.streets_bounds)}}]}


def map_note(lang: str) -> str:
    """What the map's key says of the basemap: where the streets and their names come from, or that they are missing."""
    return tr(lang, "streets_names_note") if built() else tr(lang, "streets_missing")


def map_credit(lang: str) -> str:
    """The attribution and the note, for a map that has no key of its own (the Present page's)."""
    return f"{ATTRIBUTION}. {map_note(lang)}"


def _line_layer(layer_id: str, data: str | dict) -> pdk.Layer:
    return pdk.Layer(
        "GeoJsonLayer", id=layer_id, data=data, filled=False, stroked=True, pickable=False,
        # Quoted, so pydeck passes the unit as it is instead of turning it into an accessor.
        get_line_color="properties.colour", get_line_width="properties.width", line_width_units='"pixels"',
    )


def basemap_layers(filled: bool, lang: str = "en", zoom: float = 12, names: dict[str, str] | None = None) -> list[pdk.Layer]:
    """Sea and land, the streets and the metro, then labels; with `filled` False (street tiles underneath) only the labels.

    The minor streets are drawn only from STREETS_MIN_ZOOM, as in the Explore map.
    """
    west, south, east, north = bounds()
    streets = built()
    layers = []
    if filled:
        # Colours come from row fields: Streamlit rewrites every layer's fill
        # accessor for its selection highlight, and a field survives that.
        layers += [
            pdk.Layer(
                "PolygonLayer", id="sea",
                data=[{"polygon": [[west, south], [east, south], [east, north], [west, north]], "fill": SEA}],
                get_polygon="polygon", get_fill_color="fill", stroked=False, pickable=False,
            ),
            pdk.Layer(
                "GeoJsonLayer", id="land", data=f"{STREETS_URL}/{LAND_GEOJSON}" if streets else LAND_URL,
                filled=True, get_fill_color=LAND_COLOUR if streets else "properties.fill", stroked=False, pickable=False,
            ),
        ]
        if streets:
            if zoom >= STREETS_MIN_ZOOM:
                layers.append(_line_layer("streets", f"{STREETS_URL}/{STREETS_GEOJSON}"))
            layers += [
                _line_layer("roads", f"{STREETS_URL}/{ROADS_GEOJSON}"),
                _line_layer("metro", f"{STREETS_URL}/{METRO_GEOJSON}"),
                pdk.Layer(
                    "GeoJsonLayer", id="streets-edge", data=streets_edge(streets), filled=False, stroked=True,
                    get_line_color=STREETS_EDGE, get_line_width=1, line_width_units='"pixels"', pickable=False,
                ),
                text_layer("street-labels", street_labels(streets, lang, names or {}), "text"),
            ]
    layers.append(text_layer("landmarks", landmarks(lang), "text"))
    return layers


def basemap_spec(lang: str = "en", names: dict[str, str] | None = None) -> dict:
    """The basemap as plain data for the Explore page's map, which draws it in the browser (frontend/src/basemap.js).

    A list of layers, bottom first, each one of three kinds the map knows:
    `fill` (polygons filled with `colour`, or with the colour in each
    feature's `colour_property`), `line` (lines `width` pixels wide in
    `colour`, or as each feature's `width_property` and `colour_property`
    say) and `labels` (rows of text with position, size, colour and
    offset). A layer's geometry is GeoJSON, inline (`geojson`) or fetched
    once by URL from the app's static files (`url`). Layers with `with_tiles`
    false are left out when street tiles are drawn underneath, layers with a
    `min_zoom` below it. `bounds` is the area it covers, `attribution` and
    `note` what the map's key says of it, `streets` whether the streets are drawn.
    """
    west, south, east, north = bounds()
    streets = built()
    sea = {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [_frame(west, south, east, north)]}}
    layers: list[dict[str, Any]] = [
        {"id": "sea", "kind": "fill", "geojson": {"type": "FeatureCollection", "features": [sea]}, "colour": SEA,
         "with_tiles": False},
    ]
    if streets:
        by_feature = {"colour_property": "colour", "width_property": "width", "with_tiles": False}
        layers += [
            {"id": "land", "kind": "fill", "url": f"{STREETS_URL}/{LAND_GEOJSON}", "colour": LAND_COLOUR, "with_tiles": False},
            {"id": "streets", "kind": "line", "url": f"{STREETS_URL}/{STREETS_GEOJSON}", "min_zoom": STREETS_MIN_ZOOM, **by_feature},
            {"id": "roads", "kind": "line", "url": f"{STREETS_URL}/{ROADS_GEOJSON}", **by_feature},
            {"id": "metro", "kind": "line", "url": f"{STREETS_URL}/{METRO_GEOJSON}", **by_feature},
            {"id": "streets-edge", "kind": "line", "geojson": streets_edge(streets), "colour": STREETS_EDGE, "width": 1,
             "with_tiles": False},
            {"id": "street-labels", "kind": "labels", "rows": street_labels(streets, lang, names or {}), "halo": HALO,
             "with_tiles": False},
        ]
    else:
        layers.append({"id": "land", "kind": "fill", "url": LAND_URL, "colour_property": "fill", "colour": LAND_COLOUR,
                       "with_tiles": False})
    layers.append({"id": "landmarks", "kind": "labels", "rows": landmarks(lang), "halo": HALO, "with_tiles": True})
    return {
        "bounds": [west, south, east, north],
        "attribution": ATTRIBUTION,
        "note": map_note(lang),
        "streets": streets is not None,
        "layers": layers,
    }


def inline_geojson(url: str) -> dict:
    """The GeoJSON a basemap layer would fetch from the app's static folder, read from disk instead."""
    if url == LAND_URL:
        return land()
    streets = built()
    name = url.removeprefix(f"{STREETS_URL}/")
    if streets is None or name == url:
        raise FileNotFoundError(url)
    return streets.geojson(name)
