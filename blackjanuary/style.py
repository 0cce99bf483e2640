"""How the maps and the timeline look, written once: every other module, and the browser, takes it from here.

The Explore component (in the app and in the offline file) gets `component_style()` in its payload and the
CSS variables of `css_variables()` in the page's stylesheet; the Present page's pydeck map, the export's SVG
maps and the plotly timeline import the constants. Colours are [red, green, blue, alpha] lists, as deck.gl
takes them; `hex_colour` and `css_rgba` write them for CSS and SVG.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .models import Category

Colour = list[int]

# --- the places on the map, by their status at the step ---------------------
STATUS_COLOURS: dict[str, Colour] = {
    "active": [198, 40, 40, 235],
    # Began at an earlier step and the texts give no end: neither red nor grey.
    "open": [214, 110, 30, 215],
    # Darker than the avenues' grey-brown and nearly opaque, so that a past street reads over the road it follows.
    "past": [85, 85, 85, 210],
    "future": [70, 110, 170, 110],
}
# The same statuses as text on white (a list entry's title): dark enough for 4.5:1.
STATUS_TEXT_COLOURS: dict[str, Colour] = {
    "active": [198, 40, 40, 255],
    "open": [184, 90, 18, 255],
    "past": [110, 110, 110, 255],
    "future": [70, 110, 170, 255],
}
MARK = "\u25cf"  # ● a place's marker, drawn as text
MARK_SIZE = {False: 18, True: 24}  # the marker's size in pixels; places with events at the step are larger
GLYPH_RADIUS = 0.38  # the ● glyph's radius as a share of its size: the SVG maps draw a circle that big
STREET_WIDTH_M = {False: 110, True: 190}  # a street place's outline; selected streets are drawn wider
SVG_STREET_WIDTH = {False: 4, True: 6}  # the same in the SVG maps, in pixels, for a street at the step or not
RING: Colour = [20, 20, 20, 255]  # around the selected place
MARKER_EDGE: Colour = [255, 255, 255, 255]  # the SVG maps' edge around a marker

# --- labels -------------------------------------------------------------------
# The page's own typeface when it has loaded.
FONT_FAMILY = "Source Sans, Source Sans Pro, Helvetica, Arial, sans-serif"
PRINT_FONT_FAMILY = '"DejaVu Sans", "Noto Sans", Arial, sans-serif'  # the export's, which embeds no typeface
LABEL_SIZE = 14
LABEL_COLOUR: Colour = [30, 30, 30, 255]
LABEL_HALO = 10  # the halo's width, in deck.gl's outline units
HALO: Colour = [255, 255, 255, 235]  # around labels and markers, so they read over streets and shore
LANDMARK_COLOUR: Colour = [90, 110, 130, 200]
ROAD_LABEL: dict[str, Any] = {"size": 12, "colour": [105, 95, 80, 230]}
DISTRICT_LABEL: dict[str, Any] = {"size": 12, "colour": [120, 110, 140, 210]}

# --- the ground -----------------------------------------------------------------
SEA: Colour = [200, 222, 238, 255]
SHORE: Colour = [120, 150, 175, 255]  # the shore line of the printable SVG maps
LAND_COLOUR: Colour = [240, 236, 226, 255]
AWAY_GROUND: Colour = [240, 238, 232, 255]  # a plain ground under a step away from Baku: no basemap there
# Where the street data ends: a faint frame, so that an empty part of the city reads as no data, not no streets.
STREETS_EDGE: Colour = [120, 120, 120, 90]

# --- the map's size -------------------------------------------------------------
MAP_HEIGHT = 430  # pixels, for a map drawn at a fixed height (pydeck's) and to fit a view before it is drawn
# Explore's map: as tall as a laptop's screen leaves beside the header, the slider and the timeline;
# never tiny, never huge; on a narrow screen, a share of the screen.
MAP_HEIGHT_CSS = "clamp(240px, calc(78vh - 360px), 640px)"
MAP_HEIGHT_NARROW_CSS = "clamp(260px, 55vh, 460px)"
# The height Explore's opening view is fitted for: its map on a laptop, less the key over its foot. A shorter or
# narrower map zooms out further in the browser (frontend/src/mapview.js, openingZoom); the labels are placed
# for a little further out than this (maps.LABEL_ZOOM_MARGIN).
EXPLORE_MAP_HEIGHT = 300

# --- the timeline -----------------------------------------------------------------
# Muted and distinct, readable under dark text.
LANE_COLOURS: dict[Category, Colour] = {
    Category.BACKGROUND: [140, 155, 171, 255],
    Category.INFORMATION: [176, 122, 161, 255],
    Category.MILITARY: [78, 121, 167, 255],
    Category.VIOLENCE: [192, 80, 77, 255],
    Category.CASUALTIES: [224, 138, 60, 255],
    Category.POLITICAL: [89, 161, 79, 255],
    Category.MOURNING: [127, 127, 127, 255],
    Category.MEMORY: [156, 117, 95, 255],
}
ROW_HEIGHT = 24
MARGIN = {"l": 150, "r": 12, "t": 34, "b": 30}  # the plotly timeline's; the component keeps the left one
TIMELINE_FONT_SIZE = 11
TIMELINE_INK: Colour = [27, 27, 27, 255]  # an event's title on its span
TIMELINE_AXIS: Colour = [68, 68, 68, 255]  # the axis labels
TIMELINE_LANE: Colour = [51, 51, 51, 255]  # a lane's name
TIMELINE_GRID: Colour = [128, 128, 128, 64]  # the ticks' lines and the lines between lanes
TIMELINE_HATCH: Colour = [255, 255, 255, 166]  # the stripes over a span known only roughly
SELECTED_SPAN: Colour = [17, 17, 17, 255]  # the outline of the selected event's span
CLEAR: Colour = [0, 0, 0, 0]  # no outline
CURSOR: Colour = [198, 40, 40, 36]  # the band over the step
CURSOR_EDGE: Colour = STATUS_COLOURS["active"][:3] + [255]


def hex_colour(colour: Sequence[int]) -> str:
    """`[r, g, b, ...]` as `#rrggbb`; the alpha is left out."""
    return "#" + "".join(f"{c:02x}" for c in colour[:3])


def css_rgba(colour: Sequence[int]) -> str:
    """`[r, g, b, a]` as CSS `rgba()`, the alpha on CSS's 0-1 scale."""
    alpha = colour[3] / 255 if len(colour) > 3 else 1
    return f"rgba({colour[0]}, {colour[1]}, {colour[2]}, {alpha:.3g})"


def status_code(status: str) -> str:
    """A status's one-letter code in the component's data: `a` active, `o` open, `p` past, `f` future."""
    return status[0]


def css_variables() -> str:
    """The look of the map and the timeline as CSS custom properties on the page's root, for the component's
    stylesheet (explorer.css) in both hosts."""
    values = {
        **{f"--bjx-status-{status_code(s)}": hex_colour(c) for s, c in STATUS_TEXT_COLOURS.items()},
        "--bjx-sea": hex_colour(SEA),
        "--bjx-font": FONT_FAMILY,
        "--bjx-map-height": MAP_HEIGHT_CSS,
        "--bjx-map-height-narrow": MAP_HEIGHT_NARROW_CSS,
        "--bjx-cursor": css_rgba(CURSOR),
        "--bjx-cursor-edge": hex_colour(CURSOR_EDGE),
        "--bjx-ring": hex_colour(RING),
    }
    return ":root { " + " ".join(f"{name}: {value};" for name, value in values.items()) + " }"


def component_style() -> dict:
    """What the component's JavaScript draws with (its map's layers and its timeline's canvas), as JSON."""
    return {
        "colours": {status_code(s): c for s, c in STATUS_COLOURS.items()},
        "mark": MARK,
        "mark_size": {status_code(s): MARK_SIZE[s == "active"] for s in STATUS_COLOURS},
        "label_size": LABEL_SIZE, "label_colour": LABEL_COLOUR, "label_halo": LABEL_HALO,
        "font": FONT_FAMILY, "halo": HALO, "ring": RING,
        "row_height": ROW_HEIGHT, "margin_left": MARGIN["l"],
        "timeline": {
            "font_size": TIMELINE_FONT_SIZE, "ink": css_rgba(TIMELINE_INK), "axis": css_rgba(TIMELINE_AXIS),
            "lane": css_rgba(TIMELINE_LANE), "grid": css_rgba(TIMELINE_GRID), "hatch": css_rgba(TIMELINE_HATCH),
            "selected": css_rgba(SELECTED_SPAN),
        },
    }
