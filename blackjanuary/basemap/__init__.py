"""The bundled offline basemap: Absheron land and shore, and a few orientation labels, as deck layers.

The land file lives in the app's static/ folder (see static/NOTICE.md for its
source and licence). The map fetches it once from the app's own server by
URL: the URL is the same on every rerun, so deck.gl keeps the layer instead
of rebuilding the polygons at each scrub step.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pydeck as pdk

STATIC_DIR = Path(__file__).resolve().parent.parent.parent / "static"
LAND_FILE = STATIC_DIR / "absheron-land.geojson"
LAND_URL = "/app/static/absheron-land.geojson"
ATTRIBUTION = "© OpenStreetMap contributors"
SEA = [200, 222, 238, 255]
SHORE = [120, 150, 175, 255]  # the shore line of the printable SVG maps
LABEL_SIZE = 14
LABEL_FONT = {"sdf": True, "buffer": 8}  # signed-distance glyphs, so labels can carry a halo
# The page's own typeface when it has loaded; quoted so pydeck passes it as a string, not an accessor.
LABEL_FAMILY = '"Source Sans, Helvetica, Arial, sans-serif"'
LABEL_HALO = 10
HALO = [255, 255, 255, 235]  # around labels and markers, so they read over streets and shore
LANDMARK_COLOUR = [90, 110, 130, 200]

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
    """The land as a GeoJSON FeatureCollection; its properties carry bounds and attribution."""
    return json.loads(LAND_FILE.read_text(encoding="utf-8"))


def basemap_layers(filled: bool, lang: str = "en") -> list[pdk.Layer]:
    """Sea and land, then landmark labels; with `filled` False (street tiles underneath) only the labels.

    The shore is where the two fills meet: an outline would be drawn by a
    path layer, one more shader for the browser to compile before the first frame.
    """
    west, south, east, north = land()["properties"]["bounds"]
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
                "GeoJsonLayer", id="land", data=LAND_URL,
                filled=True, get_fill_color="properties.fill", stroked=False, pickable=False,
            ),
        ]
    layers.append(text_layer("landmarks", landmarks(lang), "text"))
    return layers


def basemap_spec(lang: str = "en") -> dict:
    """The basemap as plain data for the Explore page's map, which draws it in the browser.

    A list of layers, bottom first, each one of three kinds the map knows:
    `fill` (polygons filled with `colour`, or with the colour in each
    feature's `colour_property`), `line` (lines `width` pixels wide in
    `colour`) and `labels` (rows of text with position, size, colour and
    offset). A layer's geometry is GeoJSON, inline (`geojson`) or fetched
    once by URL from the app's static files (`url`). Layers with `with_tiles`
    false are left out when street tiles are drawn underneath. `bounds` is the area it covers.
    """
    west, south, east, north = land()["properties"]["bounds"]
    sea = {"type": "Feature", "properties": {}, "geometry": {
        "type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
    }}
    return {
        "bounds": [west, south, east, north],
        "attribution": ATTRIBUTION,
        "layers": [
            {"id": "sea", "kind": "fill", "geojson": {"type": "FeatureCollection", "features": [sea]}, "colour": SEA,
             "with_tiles": False},
            {"id": "land", "kind": "fill", "url": LAND_URL, "colour_property": "fill", "colour": [240, 236, 226, 255],
             "with_tiles": False},
            {"id": "landmarks", "kind": "labels", "rows": landmarks(lang), "halo": HALO, "with_tiles": True},
        ],
    }
