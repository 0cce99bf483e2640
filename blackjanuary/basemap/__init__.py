"""The bundled offline basemap: Absheron land and shore, and a few orientation labels, as deck layers.

The land file lives in the app's static/ folder (see static/NOTICE.md for its
source and licence). In the app the map fetches it once from its own server
by URL: the URL is the same on every rerun, so deck.gl keeps the layer
instead of rebuilding the polygons at each scrub step. Elsewhere (an offline
export) the polygons can be inlined instead.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pydeck as pdk

STATIC_DIR = Path(__file__).resolve().parent.parent.parent / "static"
LAND_FILE = STATIC_DIR / "absheron-land.geojson"
LAND_URL = "/app/static/absheron-land.geojson"
ATTRIBUTION = "© OpenStreetMap contributors"
SEA = [200, 222, 238, 255]
SHORE = [120, 150, 175, 255]

# Orientation only; not places of the catalogue. Positions: Wikipedia
# ("Maiden Tower (Baku)" 40°21′58″N 49°50′14″E for the Old City; the bay and
# the sea labelled in open water of the bundled coastline).
LANDMARKS = [
    {"text": "Old City", "position": [49.8372, 40.3661], "az": "İçərişəhər", "ru": "Старый город"},
    {"text": "Baku Bay", "position": [49.8800, 40.3450], "az": "Bakı körfəzi", "ru": "Бакинская бухта"},
    {"text": "Caspian Sea", "position": [49.9300, 40.3300], "az": "Xəzər dənizi", "ru": "Каспийское море"},
]


def landmarks(lang: str = "en") -> list[dict]:
    """The landmark labels in an interface language."""
    return [{"text": m.get(lang, m["text"]), "position": m["position"]} for m in LANDMARKS]


@lru_cache(maxsize=1)
def land() -> dict:
    """The land as a GeoJSON FeatureCollection; its properties carry bounds and attribution."""
    return json.loads(LAND_FILE.read_text(encoding="utf-8"))


def basemap_layers(filled: bool, inline: bool = False, lang: str = "en") -> list[pdk.Layer]:
    """Sea, land and shore, then landmark labels.

    With `filled` False (street tiles underneath) sea and land are not
    painted, only the shoreline. With `inline` the land is put in the deck's
    JSON instead of being fetched from the app's static files.
    """
    west, south, east, north = land()["properties"]["bounds"]
    layers = []
    if filled:
        # Colours come from row fields: Streamlit rewrites every layer's fill
        # accessor for its selection highlight, and a field survives that.
        layers.append(
            pdk.Layer(
                "PolygonLayer", id="sea",
                data=[{"polygon": [[west, south], [east, south], [east, north], [west, north]], "fill": SEA}],
                get_polygon="polygon", get_fill_color="fill", stroked=False, pickable=False,
            )
        )
    layers += [
        pdk.Layer(
            "GeoJsonLayer", id="land", data=land() if inline else LAND_URL,
            filled=filled, get_fill_color="properties.fill",
            stroked=True, get_line_color=SHORE,
            # widthUnits='pixels' draws lines kilometres wide in Streamlit's
            # deck.gl; a width in metres with a pixel minimum draws a hairline.
            get_line_width=1, line_width_min_pixels=1.5, pickable=False,
        ),
        pdk.Layer(
            "TextLayer", id="landmarks", data=landmarks(lang), get_position="position", get_text="text",
            character_set='"auto"',  # every letter of the labels, İ and Cyrillic included (see maps.py)
            # Same font settings as the place labels, so deck.gl builds one glyph atlas, not two.
            get_size=12, get_color=[90, 110, 130, 200], pickable=False,
        ),
    ]
    return layers
