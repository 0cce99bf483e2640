"""What the Explore page's browser component is given for one range: every step's map, list and timeline, as JSON.

The component scrubs in the browser; this is everything it needs for that,
computed once per range and language. Text goes in as plain text: the
component only ever sets it as text, never as HTML.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from .basemap import basemap_spec, catalogue_names
from .i18n import tr
from .maps import MAX_LABELS, _labels, _ribbon, fit_view
from .panel import MAX_LISTED, panel_data
from .range_view import RangeView
from .style import EXPLORE_MAP_HEIGHT, LANE_COLOURS, STREET_WIDTH_M, component_style, hex_colour
from .timeline import describe_event_window, describe_step, format_local, step_label
from .timeline_figure import SINGLE_SOURCE_MARK

# The tests and the benchmark set this to 1: the app and the offline export then load the component's bundles
# built with its test hooks (frontend/build.mjs), which expose its state; the shipping bundles have none.
TEST_HOOKS_ENV = "BLACKJANUARY_TEST_HOOKS"
# Play: seconds a step, by the speed chosen (a class reads each step; a teacher may hurry), and how many times
# longer it stays on a step where the evidence changes, so that the change can be read.
PLAY_SECONDS = {"slow": 4.0, "normal": 2.5, "fast": 1.0}
PLAY_DEFAULT = "normal"
PLAY_DWELL = 2
# An event's `flags`: a known-to-the-hour window, a single source, a long period the step falls in,
# no end given, no start given.
PRECISE, SINGLE, LONG, OPEN_END, OPEN_START = 1, 2, 4, 8, 16
STATUS_CODES = {"active": "a", "open": "o", "past": "p", "future": "f"}
FADE_DIRECTIONS = {"out": 1, "in": -1}
TEXT_KEYS = (
    "time_in_baku", "play", "at_this_step", "longer_periods", "no_event_in_step", "first_of",
    "beyond_baku", "map_alt", "status_active", "status_open", "status_past", "status_future", "click_hint",
    "active_places", "timeline_alt", "begun_no_end", "play_help", "precision_hint", "tiles_failed", "map_part_failed",
    "all_places", "play_speed", "speed_slow", "speed_normal", "speed_fast", "panel_loading",
    "zoom_in", "zoom_out", "reset_view", "scale_m", "scale_km", "whole_city",
)


def bundle_name(name: str) -> str:
    """The file name of the component's script `name` ("explorer" or "offline"): with its test hooks if asked for."""
    return f"{name}-hooks.js" if os.environ.get(TEST_HOOKS_ENV) == "1" else f"{name}.js"


def _fraction(when: datetime, start: datetime, span: timedelta) -> float:
    return round((when - start) / span, 6)


def _runs(sets: tuple[frozenset[str], ...]) -> dict[str, tuple[int, int]]:
    """The first and last step at which each event id is in the step's set.

    An event's window is one interval and the steps are consecutive, so the
    steps at which it is active (or open) are consecutive too: two numbers say them all.
    """
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for position, members in enumerate(sets):
        for event_id in members:
            first.setdefault(event_id, position)
            last[event_id] = position
    return {event_id: (first[event_id], last[event_id]) for event_id in first}


def step_changes(view: RangeView, lang: str = "en") -> list[dict]:
    """For each step, what changed since the step before, as the page says it: a heading and its lines."""
    return [
        {"heading": heading, "lines": lines, "changed": not view.index.changes[position].nothing}
        for position, (heading, lines) in enumerate(view.change_lines(p, lang) for p in range(len(view.steps)))
    ]


def _places(view: RangeView, lang: str) -> list[dict]:
    rows = []
    for place in view.catalog.places.values():
        lat, lon = place.anchor
        row = {"id": place.id, "name": place.name_in(lang), "in_baku": place.in_baku, "position": [lon, lat]}
        if place.whole_city:
            row["whole_city"] = True
        if len(place.points) > 1:
            row["ribbon"] = _ribbon(place.points, STREET_WIDTH_M[False])
            row["ribbon_selected"] = _ribbon(place.points, STREET_WIDTH_M[True])
        rows.append(row)
    baku = [r for r in rows if r["in_baku"] and not r.get("whole_city")]
    # Placed for the view the map opens at, which fits every place in Baku (explorer_payload's `view`).
    points = [pt for place in view.catalog.places.values() if place.in_baku for pt in place.points]
    offsets = {label["id"]: label["offset"] for label in _labels(baku, fit_view(points, height=EXPLORE_MAP_HEIGHT)["zoom"] if points else None)}
    for row in baku:
        row["label_offset"] = offsets[row["id"]]
    return rows


def _events(view: RangeView, lang: str) -> dict[str, list]:
    """The range's events as columns (one list per field): a list of records would repeat every key 10,000 times.

    `places` lists each event's places as indices into the catalogue's places, the order `_places` gives them in:
    with it the component marks an event's places and a place's events without asking the server.
    """
    layout = view.layout
    place_index = {place_id: n for n, place_id in enumerate(view.catalog.places)}
    time_range = layout.time_range
    range_start = time_range.start
    range_end = time_range.next_step(time_range.end)
    span = range_end - range_start
    limit = span * 4  # longer than this, an event is a period the step falls in (as RangeView.split_active)
    active = _runs(view.index.active)
    still_open = _runs(view.index.open)
    lanes = {lane.category: n for n, lane in enumerate(layout.lanes)}
    known = {e.id for e in layout.events}
    # Events active at some step but not drawn on the timeline still belong in the list.
    listed = set(active) | set(still_open)
    events = list(layout.events) + [e for e in view.catalog.events if e.id in listed and e.id not in known]
    events.sort(key=lambda e: (e.first, e.last, e.id))
    columns: dict[str, list] = {k: [] for k in (
        "id", "title", "window", "first", "last", "open_first", "open_last", "row", "x0", "x1", "fade", "lane", "flags",
        "places",
    )}
    for event in events:
        first, last = active.get(event.id, (-1, -1))
        open_first, open_last = still_open.get(event.id, (-1, -1))
        if event.id in layout.spans:
            x0, x1 = layout.spans[event.id]
            row, lane = layout.rows[event.id], lanes[event.category]
        else:
            x0 = x1 = range_start
            row, lane = -1, -1
        fade = layout.fades.get(event.id)
        length = (event.end or range_end) - (event.start or range_start)
        columns["id"].append(event.id)
        columns["title"].append(event.title)
        columns["window"].append(describe_event_window(event, lang))
        columns["first"].append(first)
        columns["last"].append(last)
        columns["open_first"].append(open_first)
        columns["open_last"].append(open_last)
        columns["row"].append(row)
        columns["x0"].append(_fraction(x0, range_start, span))
        columns["x1"].append(_fraction(x1, range_start, span))
        columns["fade"].append(
            [_fraction(fade[0], range_start, span), _fraction(fade[1], range_start, span), FADE_DIRECTIONS[fade[2]]]
            if fade else None
        )
        columns["lane"].append(lane)
        columns["flags"].append(
            PRECISE * event.is_precise + SINGLE * (len(event.source_ids) == 1) + LONG * (length > limit)
            + OPEN_END * event.open_end + OPEN_START * event.open_start
        )
        columns["places"].append([place_index[place_id] for place_id in event.places])
    return columns


def _axis(view: RangeView, lang: str) -> list[dict]:
    """Tick marks for the timeline: at most about twelve, each on a step, labelled as the scrubber labels it."""
    time_range = view.index.range
    steps = view.steps
    span = time_range.next_step(time_range.end) - time_range.start
    every = max(1, round(len(steps) / 12))
    return [
        {"x": _fraction(step, time_range.start, span), "label": step_label(step, time_range, lang)}
        for n, step in enumerate(steps) if n % every == 0
    ]


def explorer_payload(view: RangeView, lang: str = "en", with_panel: bool = True) -> dict:
    """Everything the Explore component shows for a range, in `lang`, as a JSON-able dict.

    - `steps`: each step's URL time (`t`), short label, words for the
      slider's `aria-valuetext`, and the count of events in words;
      `step_x`: where each step starts on the timeline, as a share of its width;
    - `places`: id, name, position ([lon, lat]), a street's outline (plain
      and selected), whether it is in Baku, its label's offset, `whole_city`
      where it stands for the city as a whole (drawn as the city's tag, unlabelled);
      `statuses`: one string per step, a letter per place in `places`'
      order (`a` active, `o` open: begun, no end given, `p` past, `f` future);
    - `events`: columns; `first`/`last` are the steps an event is active
      at and `open_first`/`open_last` those it is open at (-1 when none),
      `row` and `x0`/`x1` its span on the timeline (a share of the range's
      width; `row` -1 when it is not drawn), `fade` the part of the span the
      evidence does not fix ([from, to, 1 fading out or -1 fading in], or
      None), `lane` its lane, `flags` the bits PRECISE, SINGLE, LONG,
      OPEN_END and OPEN_START, `places` its places (indices into `places`);
    - `changes`: per step, what changed since the step before (RangeView.change_lines);
    - `lanes`, `axis`, `basemap`, `view`, `style` and `texts` for drawing;
    - `panel`: what the passage panel says of every event and place
      (panel.py), unless `with_panel` is false: the offline file holds it
      once per language instead of once per range, and the app sends it
      apart, once per language, after the map (`component_data`).
    """
    time_range = view.index.range
    places = _places(view, lang)
    order = [p["id"] for p in places]
    statuses = ["".join(STATUS_CODES[s[place_id]] for place_id in order) for s in view.statuses]
    counts = [len(active) for active in view.index.active]
    baku_points = [pt for p in view.catalog.places.values() if p.in_baku for pt in p.points]
    texts = {key: tr(lang, key) for key in TEXT_KEYS}
    payload = {
        "range": time_range.key,
        "lang": lang,
        "steps": [
            {
                "t": format_local(step), "label": step_label(step, time_range, lang),
                "words": describe_step(step, time_range, lang),
                "count": tr(lang, "events_in_step", count=count),
            }
            for step, count in zip(view.steps, counts)
        ],
        "step_x": [_fraction(step, time_range.start, time_range.next_step(time_range.end) - time_range.start) for step in view.steps],
        "places": places,
        "statuses": statuses,
        "events": _events(view, lang),
        "changes": step_changes(view, lang),
        "lanes": [
            {"label": tr(lang, f"category_{lane.category.value}"), "first_row": lane.first_row, "rows": lane.rows,
             "colour": hex_colour(LANE_COLOURS[lane.category])}
            for lane in view.layout.lanes
        ],
        "rows": view.layout.row_count,
        "axis": _axis(view, lang),
        "basemap": basemap_spec(lang, catalogue_names(view.catalog.places.values(), lang)),
        "view": fit_view(baku_points, height=EXPLORE_MAP_HEIGHT) if baku_points else {"latitude": 40.38, "longitude": 49.85, "zoom": 11},
        "style": component_style() | {
            "max_labels": MAX_LABELS,
            "max_listed": MAX_LISTED, "single_mark": SINGLE_SOURCE_MARK,
            "play_seconds": PLAY_SECONDS, "play_default": PLAY_DEFAULT, "play_dwell": PLAY_DWELL,
            "flags": {"precise": PRECISE, "single": SINGLE, "long": LONG, "open_end": OPEN_END, "open_start": OPEN_START},
        },
        "texts": texts | {"first_of": tr(lang, "first_of", shown="{shown}", count="{count}")},
    }
    if with_panel:
        payload["panel"] = panel_data(view.catalog, lang)
    return payload


def payload_bytes(payload: Mapping[str, Any]) -> bytes:
    """The payload as compact UTF-8 JSON, made once per range and language and sent as it is."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def component_data(payload: bytes | None, key: str, state: dict, panel: bytes | None = None, panel_key: str = "") -> bytes:
    """What the page hands the component at each run: one line of state (step, selection, tiles), then the parts
    the component lacks, a line each: the payload, the passage panel.

    `key` names the payload (range, language, data version) and `panel_key` the panel (language, data version).
    The component keeps each it was given by its key, so the page sends one only when the component lacks it
    (None sends nothing); the state line's `sent` names the parts that follow, in order.
    """
    parts = [(name, part) for name, part in (("payload", payload), ("panel", panel)) if part is not None]
    head = {"key": key, **({"panel_key": panel_key} if panel_key else {}), "sent": [name for name, _ in parts], **state}
    line = json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return b"\n".join([line, *(part for _, part in parts)])
