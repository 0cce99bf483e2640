"""The look of the maps and the timeline has one owner, blackjanuary/style.py: the component, the Present map,
the SVG maps and the plotly timeline all take it from there, and none writes a colour of its own."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from blackjanuary import load
from blackjanuary.explorer import explorer_payload
from blackjanuary.maps import baku_deck
from blackjanuary.models import Category
from blackjanuary.offline_explorer import explorer_file
from blackjanuary.range_view import range_view
from blackjanuary.style import (
    LANE_COLOURS,
    STATUS_COLOURS,
    STATUS_TEXT_COLOURS,
    component_style,
    css_rgba,
    css_variables,
    hex_colour,
)
from blackjanuary.svgmap import svg_map

ROOT = Path(__file__).resolve().parent.parent
FRONTEND = ROOT / "frontend" / "src"
# A colour written out: #rgb or #rrggbb, rgb(...) / rgba(...) with numbers, or a list of three or four bytes.
HEX = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?\b")
RGB = re.compile(r"rgba?\(\s*\d")
BYTES = re.compile(r"\[\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*(?:,\s*\d{1,3}\s*)?\]")
# The Python modules that draw a map or a timeline.
DRAWING = ["maps.py", "basemap/__init__.py", "svgmap.py", "present.py", "timeline_figure.py", "explorer.py"]


def colours_in(text: str) -> list[str]:
    return HEX.findall(text) + RGB.findall(text) + BYTES.findall(text)


def test_the_finder_finds_the_colours_it_should():
    """The check below would see a colour written in any of the three ways."""
    assert colours_in("a = '#c62828'; b = 'rgba(1, 2, 3, 0.5)'; c = [20, 20, 20, 255]; d = [1, 2]") == [
        "#c62828", "rgba(1", "[20, 20, 20, 255]",
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in FRONTEND.glob("*.js")))
def test_the_components_javascript_writes_no_colour(name):
    """The map's and the timeline's colours, halo, ring and typeface reach the browser in the payload's style."""
    text = (FRONTEND / name).read_text(encoding="utf-8")
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(("//", "*", "/*")))
    assert colours_in(code) == []
    assert "Source Sans" not in code


@pytest.mark.parametrize("name", DRAWING)
def test_the_python_that_draws_writes_no_colour(name):
    text = (ROOT / "blackjanuary" / name).read_text(encoding="utf-8")
    code = "\n".join(line.split("#", 1)[0] if line.lstrip().startswith("#") else line for line in text.splitlines())
    assert colours_in(code) == []


def test_the_components_stylesheet_takes_the_map_and_timeline_from_the_variables():
    css = (FRONTEND / "explorer.css").read_text(encoding="utf-8")
    defined = set(re.findall(r"(--bjx-[a-z-]+):", css_variables()))
    used = set(re.findall(r"var\((--bjx-[a-z-]+)\)", css))
    assert used and used <= defined, f"used but never defined: {sorted(used - defined)}"
    for selector in (".bjx-map ", ".bjx-cursor", ".bjx-status-a", ".bjx-status-o", ".bjx-status-p", ".bjx-status-f"):
        rules = [rule for rule in re.findall(r"([^{}]+)\{([^}]*)\}", css) if selector in rule[0] + " "]
        assert rules, selector
        assert all(colours_in(body) == [] for _, body in rules), selector
        assert all("clamp(" not in body for _, body in rules), selector


def test_both_hosts_get_the_variables():
    """The app's frame stylesheet and the offline file both hold the same variables, before any payload arrives."""
    from app_pages.shared import _frame_css

    assert _frame_css().startswith(css_variables())
    html = explorer_file(load(ROOT / "data"), "en").decode("utf-8")
    assert css_variables() in html


def _luminance(colour: list[int]) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("status", sorted(STATUS_TEXT_COLOURS))
def test_a_status_written_as_text_reads_on_white(status):
    """WCAG AA for body text: 4.5:1 against the list's white."""
    assert (1.05) / (_luminance(STATUS_TEXT_COLOURS[status]) + 0.05) >= 4.5


@pytest.fixture(scope="module")
def catalog():
    return load(ROOT / "data")


def test_the_component_the_svg_and_pydeck_draw_the_same_colours(catalog):
    view = range_view(catalog, "night")
    payload = explorer_payload(view, "en", with_panel=False)
    assert payload["style"] | component_style() == payload["style"]
    assert payload["style"]["colours"] == {s[0]: c for s, c in STATUS_COLOURS.items()}
    assert {lane["colour"] for lane in payload["lanes"]} <= {hex_colour(c) for c in LANE_COLOURS.values()}
    assert set(LANE_COLOURS) == set(Category)

    at = view.steps.index(next(s for s in view.steps if s.hour == 2))
    statuses = {place: status.value for place, status in view.statuses[at].items()}
    svg = svg_map(catalog, statuses, payload["view"], 800, 500, "en")
    active = STATUS_COLOURS["active"]
    assert f'fill="rgb({active[0]},{active[1]},{active[2]})"' in svg or f'stroke="rgb({active[0]},{active[1]},{active[2]})"' in svg

    deck = json.loads(baku_deck(catalog, view.statuses[at]).to_json())
    drawn = {tuple(row["colour"]) for layer in deck["layers"] for row in layer.get("data", []) if isinstance(row, dict) and "colour" in row}
    assert tuple(active) in drawn


def test_css_colours_are_written_as_css_reads_them():
    assert hex_colour([198, 40, 40, 235]) == "#c62828"
    assert css_rgba([198, 40, 40, 36]) == "rgba(198, 40, 40, 0.141)"
    assert css_rgba([1, 2, 3]) == "rgba(1, 2, 3, 1)"
