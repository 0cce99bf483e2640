"""The pydeck map of Baku: places coloured by what is happening there at the scrubbed step."""

from __future__ import annotations

import math
import os
from typing import Iterable

import pydeck as pdk

from .basemap import basemap_layers
from .loading import Catalog
from .models import Place

MAP_HEIGHT = 430
MAX_LABELS = 40  # past this, only places with events at the step are named; hover names the rest
MAP_WIDTH_GUESS = 400  # narrower than the map column at 1280 px, so a phone still sees every place
COLOURS = {
    "active": [198, 40, 40, 235],
    "past": [110, 110, 110, 150],
    "future": [70, 110, 170, 110],
}
STATUS_TEXT = {
    "active": "events at this hour",
    "past": "events earlier",
    "future": "events later",
}


def place_statuses(catalog: Catalog, active: Iterable[str], past: Iterable[str]) -> dict[str, str]:
    """'active', 'past' or 'future' for every place, from the events active and past at a step."""
    active, past = set(active), set(past)
    status = {place_id: "future" for place_id in catalog.places}
    for event in catalog.events:
        for place_id in event.places:
            if event.id in active:
                status[place_id] = "active"
            elif event.id in past and status[place_id] != "active":
                status[place_id] = "past"
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
    zoom = min(math.log2(width * 0.8 / 512 / span_x), math.log2(height * 0.75 / 512 / span_y))
    return {"latitude": centre_lat, "longitude": centre_lon, "zoom": round(min(zoom, 15), 2), "pitch": 0, "bearing": 0}


def _row(place: Place, status: str, selected: bool, status_text: dict[str, str] = STATUS_TEXT, lang: str = "en") -> dict:
    lat, lon = place.anchor
    return {
        "id": place.id,
        "name": place.name_in(lang),
        "status": status_text[status],
        "position": [lon, lat],
        "path": [[p_lon, p_lat] for p_lat, p_lon in place.points],
        "colour": COLOURS[status],
        "radius": 140 if status == "active" else 100,
        "width": 90 if selected else 45,
    }


def _place_labels(rows: list[dict], near_degrees: float = 0.008) -> None:
    """Put a label below its marker when a place just north of it already has its label above."""
    above: list[list[float]] = []
    for row in sorted(rows, key=lambda r: -r["position"][1]):
        lon, lat = row["position"]
        crowded = any(abs(lat - o_lat) < near_degrees and abs(lon - o_lon) < near_degrees * 2 for o_lon, o_lat in above)
        row["label_offset"] = [0, 18] if crowded else [0, -18]
        if not crowded:
            above.append(row["position"])


def _latlon(path: list[list[float]]) -> list[tuple[float, float]]:
    return [(lat, lon) for lon, lat in path]


def baku_deck(
    catalog: Catalog,
    statuses: dict[str, str],
    selected_place: str | None = None,
    tiles: bool = False,
    view: dict | None = None,
    status_text: dict[str, str] = STATUS_TEXT,
    lang: str = "en",
) -> pdk.Deck:
    """A map of the places in Baku over the bundled coastline; places elsewhere are listed beside it.

    Only places in `statuses` are drawn. The view fits them unless `view`
    (latitude, longitude, zoom) is given. With `tiles` the map also asks Carto
    for street tiles; without, it requests nothing and the bundled land and
    shore are the whole basemap.
    """
    rows = [
        _row(place, statuses[place.id], place.id == selected_place, status_text, lang)
        for place in catalog.places.values()
        if place.in_baku and place.id in statuses
    ]
    labelled = rows if len(rows) <= MAX_LABELS else [r for r in rows if r["status"] == status_text["active"]][:MAX_LABELS]
    _place_labels(labelled)
    points = [r for r in rows if len(r["path"]) == 1]
    lines = [r for r in rows if len(r["path"]) > 1]
    layers = basemap_layers(filled=not tiles, lang=lang) + [
        pdk.Layer(
            "PathLayer",
            id="lines",
            data=lines,
            get_path="path",
            get_color="colour",
            get_width="width",
            width_min_pixels=5,
            pickable=True,
            auto_highlight=True,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            id="places",
            data=points,
            get_position="position",
            get_fill_color="colour",
            get_line_color=[255, 255, 255, 230],
            get_radius="radius",
            line_width_min_pixels=1.5,
            radius_min_pixels=7,
            radius_max_pixels=30,
            stroked=True,
            pickable=True,
            auto_highlight=True,
        ),
        # A ring around the selected place; lineWidthUnits='pixels' with per-row
        # widths draws nothing in Streamlit's deck.gl, so the ring is its own layer.
        pdk.Layer(
            "ScatterplotLayer",
            id="selected",
            data=[r for r in points if r["id"] == selected_place],
            get_position="position",
            get_radius="radius",
            radius_min_pixels=12,
            radius_max_pixels=36,
            filled=False,
            stroked=True,
            get_line_color=[20, 20, 20, 255],
            line_width_min_pixels=3,
            pickable=False,
        ),
        pdk.Layer(
            "TextLayer",
            id="labels",
            data=labelled,
            get_position="position",
            get_text="name",
            get_size=13,
            get_color=[30, 30, 30, 255],
            get_pixel_offset="label_offset",
            # deck.gl draws only ASCII unless told 'auto' (every letter in the labels),
            # so ə, ı, ş and Cyrillic names show. Quoted, so pydeck passes the string
            # as it is instead of turning it into an accessor.
            character_set='"auto"',
            background=True,
            get_background_color=[255, 255, 255, 200],
            pickable=False,
        ),
    ]
    return pdk.Deck(
        layers=layers,
        initial_view_state=pdk.ViewState(
            **({"pitch": 0, "bearing": 0, **view} if view else fit_view([p for r in rows for p in _latlon(r["path"])]))
        ),
        # map_provider=None with pydeck's default style sentinel requests no tiles at all;
        # an explicit map_style=None would make Streamlit fetch Carto's style.
        map_provider="carto" if tiles else None,
        **({"map_style": "light"} if tiles else {}),
        tooltip={"text": "{name}\n{status}"},
    )
