"""The map of Baku as a static SVG: the basemap's land, streets and metro and the places of one slide, for export and print.

It uses the same Web Mercator view (centre and zoom in 512-pixel tiles) as
the app's deck.gl map, so a slide's view frames the same streets in both.
Places and landmarks are labelled in the interface language asked for.
"""

from __future__ import annotations

import math

from .basemap import LANDMARKS, catalogue_names, land, street_labels
from .i18n import tr
from .loading import Catalog
from .maps import _labels
from .streets import LAND_GEOJSON, METRO_GEOJSON, ROADS_GEOJSON, STREETS_GEOJSON, STREETS_MIN_ZOOM, Streets, built
from .style import (
    GLYPH_RADIUS,
    HALO,
    LABEL_COLOUR,
    LABEL_SIZE,
    LAND_COLOUR,
    LANDMARK_COLOUR,
    MARK,
    MARK_SIZE,
    MARKER_EDGE,
    PRINT_FONT_FAMILY,
    ROAD_LABEL,
    SEA,
    SHORE,
    STATUS_TEXT_COLOURS,
    STREETS_EDGE,
    SVG_STREET_WIDTH,
    css_rgba,
)
from .style import STATUS_COLOURS as COLOURS
from .text import html_escape

# The labels' look, as the interactive maps draw them: the export's stylesheet includes it.
SVG_CSS = (
    f".map .label {{ font: bold {LABEL_SIZE - 1}px {PRINT_FONT_FAMILY}; fill: {css_rgba(LABEL_COLOUR)}; "
    f"paint-order: stroke; stroke: {css_rgba(HALO)}; stroke-width: 4px; }}\n"
    f".map .label.past {{ font-weight: normal; fill: {css_rgba(STATUS_TEXT_COLOURS['past'])}; }}\n"
    f".map .landmark {{ font: {LABEL_SIZE - 2}px {PRINT_FONT_FAMILY}; fill: {css_rgba(LANDMARK_COLOUR)}; }}\n"
    f".map .street {{ font: {ROAD_LABEL['size'] - 2}px {PRINT_FONT_FAMILY}; fill: {css_rgba(ROAD_LABEL['colour'])}; "
    f"paint-order: stroke; stroke: {css_rgba(HALO)}; stroke-width: 3px; }}\n"
)


def _rgb(colour: list[int]) -> str:
    return f"rgb({colour[0]},{colour[1]},{colour[2]})"


def _radius(status: str) -> float:
    """A marker's radius: the size of the ● the interactive maps draw for the status."""
    return round(MARK_SIZE[status == "active"] * GLYPH_RADIUS, 1)


def _opacity(colour: list[int]) -> str:
    return f"{colour[3] / 255:.2f}" if len(colour) > 3 else "1"


class _Projection:
    def __init__(self, view: dict, width: int, height: int):
        self.scale = 512 * 2 ** view["zoom"] / (2 * math.pi)
        self.cx, self.cy = self._raw(view["latitude"], view["longitude"])
        self.width, self.height = width, height

    def _raw(self, lat: float, lon: float) -> tuple[float, float]:
        x = math.radians(lon)
        y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
        return x, y

    def __call__(self, lat: float, lon: float) -> tuple[float, float]:
        x, y = self._raw(lat, lon)
        return (
            round(self.width / 2 + (x - self.cx) * self.scale, 1),
            round(self.height / 2 - (y - self.cy) * self.scale, 1),
        )


def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


def _lines_in_view(collection: dict, project: _Projection) -> list[str]:
    """Each line that reaches into the map as an SVG path element in its own colour and width; the rest left out."""
    out = []
    margin = 20
    for feature in collection["features"]:
        points = [project(lat, lon) for lon, lat in feature["geometry"]["coordinates"]]
        xs, ys = [x for x, _ in points], [y for _, y in points]
        if max(xs) < -margin or min(xs) > project.width + margin or max(ys) < -margin or min(ys) > project.height + margin:
            continue
        props = feature["properties"]
        # Whole pixels: a slide's streets are most of its file, and print shows no finer.
        d = "M" + " L".join(f"{x:.0f},{y:.0f}" for x, y in points)
        out.append(
            f'<path d="{d}" fill="none" stroke="{_rgb(props["colour"])}" stroke-opacity="{_opacity(props["colour"])}" '
            f'stroke-width="{props["width"]}" stroke-linecap="round" stroke-linejoin="round"/>'
        )
    return out


def _streets(streets: Streets, project: _Projection, zoom: float) -> list[str]:
    """The streets' lines (the minor ones only zoomed in, as on the Explore map), the metro, and the data's edge."""
    names = [STREETS_GEOJSON] if zoom >= STREETS_MIN_ZOOM else []
    out = [line for name in (*names, ROADS_GEOJSON, METRO_GEOJSON) for line in _lines_in_view(streets.geojson(name), project)]
    west, south, east, north = streets.streets_bounds
    corners = [project(lat, lon) for lon, lat in ((west, south), (east, south), (east, north), (west, north))]
    out.append(
        f'<path d="M{" L".join(f"{x},{y}" for x, y in corners)} Z" fill="none" stroke="{_rgb(STREETS_EDGE)}" '
        f'stroke-opacity="{_opacity(STREETS_EDGE)}" stroke-width="1"/>'
    )
    return out


def svg_map(catalog: Catalog, statuses: dict[str, str], view: dict, width: int = 640, height: int = 400,
            title: str = "Map of Baku", lang: str = "en") -> str:
    """An SVG of the places in `statuses` (coloured by status) over sea and land, fitted to `view`.

    `title` is the map's accessible name; places and landmarks are named in `lang`.
    """
    project = _Projection(view, width, height)
    streets = built()
    land_paths = []
    for feature in (streets.geojson(LAND_GEOJSON) if streets else land())["features"]:
        d = " ".join(
            "M" + " L".join(f"{x},{y}" for x, y in (project(lat, lon) for lon, lat in ring)) + " Z"
            for ring in _rings(feature["geometry"])
        )
        if d:
            land_paths.append(d)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" class="map">',
        f"<title>{html_escape(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="{_rgb(SEA)}"/>',
        f'<path d="{" ".join(land_paths)}" fill="{_rgb(LAND_COLOUR)}" fill-rule="evenodd" stroke="{_rgb(SHORE)}" stroke-width="1.2"/>',
    ]
    if streets:
        out += _streets(streets, project, view["zoom"])
        for label in street_labels(streets, lang, catalogue_names(catalog.places.values(), lang)):
            x, y = project(label["position"][1], label["position"][0])
            if 0 <= x <= width and 0 <= y <= height:
                out.append(f'<text x="{x}" y="{y}" class="street" text-anchor="middle">{html_escape(label["text"])}</text>')
    for landmark in LANDMARKS:
        x, y = project(landmark["position"][1], landmark["position"][0])
        out.append(f'<text x="{x}" y="{y}" class="landmark" text-anchor="middle">{html_escape(landmark.get(lang, landmark["text"]))}</text>')
    order = {"future": 0, "past": 1, "open": 2, "active": 3}  # the step's own places drawn last, on top
    places = sorted(
        (p for p in catalog.places.values() if p.in_baku and p.id in statuses),
        key=lambda p: order[statuses[p.id]],
    )
    located = [place for place in places if not place.whole_city]
    # Beside each marker where it covers no other, as the interactive maps place them (maps._labels).
    offsets = {row["id"]: row["offset"] for row in _labels(
        [{"id": p.id, "name": p.name_in(lang), "position": [p.anchor[1], p.anchor[0]]} for p in located], view["zoom"],
    )}
    labels = []
    for place in places:
        status = statuses[place.id]
        if place.whole_city:  # the city as a whole: its tag at the top of the map, not a pin
            tag = html_escape(f"{MARK} {place.name_in(lang)} · {tr(lang, 'whole_city')}")
            labels.append(f'<text x="{width / 2}" y="{LABEL_SIZE + 6}" class="label city {status}" text-anchor="middle" '
                          f'style="fill: {_rgb(STATUS_TEXT_COLOURS[status])}">{tag}</text>')
            continue
        colour, opacity = _rgb(COLOURS[status]), _opacity(COLOURS[status])
        points = [project(lat, lon) for lat, lon in place.points]
        if len(points) > 1:
            d = "M" + " L".join(f"{x},{y}" for x, y in points)
            width_px = SVG_STREET_WIDTH[status == "active"]
            out.append(f'<path d="{d}" fill="none" stroke="{colour}" stroke-opacity="{opacity}" stroke-width="{width_px}" stroke-linecap="round"/>')
        else:
            x, y = points[0]
            out.append(f'<circle cx="{x}" cy="{y}" r="{_radius(status)}" fill="{colour}" fill-opacity="{opacity}" stroke="{_rgb(MARKER_EDGE)}" stroke-width="1.5"/>')
        x, y = project(*place.anchor)
        dx, dy = offsets[place.id]
        # The offset places the label's middle; its baseline is a third of its size below that.
        labels.append(f'<text x="{round(x + dx, 1)}" y="{round(y + dy + LABEL_SIZE / 3, 1)}" class="label {status}" '
                      f'text-anchor="middle">{html_escape(place.name_in(lang))}</text>')
    out += labels  # labels above every marker
    out.append("</svg>")
    return "".join(out)
