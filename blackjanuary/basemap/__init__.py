"""The bundled offline basemap: Absheron land polygons and a few orientation labels, as deck layers."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pydeck as pdk

LAND_FILE = Path(__file__).with_name("absheron-land.geojson")
ATTRIBUTION = "© OpenStreetMap contributors"
SEA = [200, 222, 238, 255]
LAND = [244, 241, 232, 255]
SHORE = [120, 150, 175, 255]

# Orientation only; not places of the catalogue. Positions: Wikipedia
# ("Maiden Tower (Baku)" 40°21′58″N 49°50′14″E for the Old City; the bay and
# the sea labelled in open water of the bundled coastline).
LANDMARKS = [
    {"text": "Old City", "position": [49.8372, 40.3661]},
    {"text": "Baku Bay", "position": [49.8800, 40.3450]},
    {"text": "Caspian Sea", "position": [49.9300, 40.3300]},
]


@lru_cache(maxsize=1)
def land_polygons() -> tuple[tuple[tuple[tuple[float, float], ...], ...], ...]:
    """Each land polygon as rings of (lon, lat): the outer ring first, then its holes (lakes, the bay)."""
    collection = json.loads(LAND_FILE.read_text(encoding="utf-8"))
    return tuple(
        tuple(tuple((lon, lat) for lon, lat in ring) for ring in feature["geometry"]["coordinates"])
        for feature in collection["features"]
    )


def bounds() -> tuple[float, float, float, float]:
    collection = json.loads(LAND_FILE.read_text(encoding="utf-8"))
    return tuple(collection["properties"]["bounds"])


def basemap_layers(filled: bool) -> list[pdk.Layer]:
    """Sea, land and shoreline; with `filled` False (tiles underneath) only the shoreline is drawn."""
    west, south, east, north = bounds()
    # Colours are per-row fields, not constants: Streamlit wraps every fill colour
    # for its selection highlight and draws constant fills in its own grey.
    polygons = [{"rings": [list(map(list, ring)) for ring in polygon], "fill": LAND} for polygon in land_polygons()]
    shore = [{"path": list(map(list, ring))} for polygon in land_polygons() for ring in polygon]
    layers = []
    if filled:
        layers += [
            pdk.Layer(
                "PolygonLayer", id="sea", data=[{"polygon": [[west, south], [east, south], [east, north], [west, north]], "fill": SEA}],
                get_polygon="polygon", get_fill_color="fill", stroked=False, pickable=False,
            ),
            pdk.Layer(
                "PolygonLayer", id="land", data=polygons, get_polygon="rings",
                get_fill_color="fill", stroked=False, pickable=False,
            ),
        ]
    layers += [
        pdk.Layer(
            "PathLayer", id="shore", data=shore, get_path="path", get_color=SHORE,
            # widthUnits='pixels' draws every path kilometres wide in Streamlit's
            # deck.gl; a width in metres with a pixel minimum draws a hairline.
            get_width=1, width_min_pixels=1.5, pickable=False,
        ),
        pdk.Layer(
            "TextLayer", id="landmarks", data=LANDMARKS, get_position="position", get_text="text",
            get_size=12, get_color=[90, 110, 130, 200], font_style="italic", pickable=False,
        ),
    ]
    return layers
