"""The plotly timeline: events as spans in lanes by category, with a cursor at the scrubbed step."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import plotly.graph_objects as go

from .i18n import tr
from .models import Category, Event
from .style import (
    CLEAR,
    LANE_COLOURS,
    MARGIN,
    ROW_HEIGHT,
    SELECTED_SPAN,
    TIMELINE_FONT_SIZE,
    TIMELINE_GRID,
    TIMELINE_INK,
    css_rgba,
    hex_colour,
)
from .text import html_escape
from .timeline import BAKU, TimeRange, describe_event_window, numeric_tick_format

MIN_WIDTH_SHARE = 0.012  # so an event of minutes still shows as a span on a seven-year axis
# Where the evidence gives no edge, or only bounds it, the span fades out (or
# in) over the part of the axis the evidence leaves open, in these steps of
# opacity: the eye reads "not known" instead of a hard edge.
FADE_LEVELS = (0.75, 0.5, 0.3, 0.14)




@dataclass(frozen=True)
class Lane:
    category: Category
    first_row: int
    rows: int


@dataclass(frozen=True)
class TimelineLayout:
    """Where every event of a range sits: its row, and the span drawn for it."""

    time_range: TimeRange
    events: tuple[Event, ...]
    rows: dict[str, int]
    spans: dict[str, tuple[datetime, datetime]]
    lanes: tuple[Lane, ...]
    # The part of a span the evidence does not fix, and which way it fades:
    # "out" towards an open or uncertain end, "in" from an open or uncertain start.
    fades: dict[str, tuple[datetime, datetime, str]] = field(default_factory=dict)

    @property
    def row_count(self) -> int:
        return sum(lane.rows for lane in self.lanes)


def _naive(when: datetime) -> str:
    """Plotly has no time zones: hand it Baku wall-clock time."""
    return when.astimezone(BAKU).strftime("%Y-%m-%dT%H:%M:%S")


def _span(event: Event, range_start: datetime, range_end: datetime, min_width: timedelta) -> tuple[datetime, datetime]:
    """The part of the axis an event's span covers: an open edge runs to the edge of the range."""
    start = event.start if event.start is not None else range_start
    end = event.end if event.end is not None else range_end
    start = max(start, range_start)
    return start, min(max(end, start + min_width), range_end + min_width)


def _fade(event: Event, span: tuple[datetime, datetime], min_width: timedelta) -> tuple[datetime, datetime, str] | None:
    """Where the span fades: over all of an open side, over the far half of an uncertain one."""
    start, end = span
    if event.open_end or event.open_start:
        return (min(start + min_width, end), end, "out") if event.open_end else (start, end, "in")
    middle = start + (end - start) / 2
    if event.end_uncertain:
        return middle, end, "out"
    if event.start_uncertain:
        return start, middle, "in"
    return None


def layout_timeline(time_range: TimeRange, events: Iterable[Event]) -> TimelineLayout:
    """Pack the events that overlap the range into rows, lane by lane, so no two spans overlap."""
    range_end = time_range.next_step(time_range.end)
    min_width = (range_end - time_range.start) * MIN_WIDTH_SHARE
    shown = [
        e for e in events
        if (e.start is None or e.start < range_end) and (e.end is None or max(e.end, e.first) >= time_range.start)
    ]
    spans = {e.id: _span(e, time_range.start, range_end, min_width) for e in shown}
    fades = {e.id: fade for e in shown if (fade := _fade(e, spans[e.id], min_width))}
    rows: dict[str, int] = {}
    lanes: list[Lane] = []
    next_row = 0
    for category in Category:
        members = sorted((e for e in shown if e.category == category), key=lambda e: (spans[e.id][0], e.id))
        if not members:
            continue
        row_ends: list[datetime] = []
        for event in members:
            start, end = spans[event.id]
            for i, row_end in enumerate(row_ends):
                if row_end <= start:
                    row_ends[i] = end
                    rows[event.id] = next_row + i
                    break
            else:
                rows[event.id] = next_row + len(row_ends)
                row_ends.append(end)
        lanes.append(Lane(category, next_row, len(row_ends)))
        next_row += len(row_ends)
    return TimelineLayout(time_range, tuple(shown), rows, spans, tuple(lanes), fades)


def segments(layout: TimelineLayout, event: Event) -> list[tuple[datetime, datetime, float]]:
    """The pieces a span is drawn in, each (start, end, opacity factor): solid, then the fade in steps."""
    start, end = layout.spans[event.id]
    fade = layout.fades.get(event.id)
    if fade is None:
        return [(start, end, 1.0)]
    fade_start, fade_end, direction = fade
    step = (fade_end - fade_start) / len(FADE_LEVELS)
    levels = FADE_LEVELS if direction == "out" else tuple(reversed(FADE_LEVELS))
    pieces = [(fade_start + step * i, fade_start + step * (i + 1), level) for i, level in enumerate(levels)]
    solid = [(start, fade_start, 1.0)] if direction == "out" and fade_start > start else []
    solid += [(fade_end, end, 1.0)] if direction == "in" and end > fade_end else []
    return sorted(solid + pieces, key=lambda piece: piece[0])


def _labels(layout: TimelineLayout, plot_width_px: int = 900) -> go.Scatter:
    """Each event's title at the start of its span, cut to the room the row has before its next span."""
    range_start = layout.time_range.start
    range_span = layout.time_range.next_step(layout.time_range.end) - range_start
    by_row: dict[int, list[Event]] = {}
    for event in layout.events:
        by_row.setdefault(layout.rows[event.id], []).append(event)
    xs, ys, texts = [], [], []
    for row, members in by_row.items():
        members.sort(key=lambda e: layout.spans[e.id][0])
        for i, event in enumerate(members):
            start = layout.spans[event.id][0]
            room_until = layout.spans[members[i + 1].id][0] if i + 1 < len(members) else range_start + range_span
            chars = int((room_until - start) / range_span * plot_width_px / 6.2) - 1
            if chars < 4:
                continue
            full = f"{SINGLE_SOURCE_MARK} {event.title}" if len(event.source_ids) == 1 else event.title
            title = full if len(full) <= chars else full[: chars - 1].rstrip() + "…"
            xs.append(_naive(start + range_span * 0.004))
            ys.append(row)
            texts.append(html_escape(title))
    return go.Scatter(
        x=xs, y=ys, text=texts, mode="text", textposition="middle right",
        textfont={"size": TIMELINE_FONT_SIZE, "color": css_rgba(TIMELINE_INK)}, hoverinfo="skip", showlegend=False,
    )


SINGLE_SOURCE_MARK = "◇"  # before the title of an event that rests on one source
CURSOR_GAP = "1rem"  # Streamlit's gap between stacked elements


def timeline_figure(layout: TimelineLayout, selected: str | None = None, lang: str = "en") -> go.Figure:
    """The timeline of a range: spans coloured by lane, the selected one outlined.

    Windows known to the hour are solid; approximate or date-only windows are
    hatched and lighter, so the eye does not read false precision into them.
    The figure does not depend on any step: the offline slides draw it once.
    """
    time_range = layout.time_range
    figure = go.Figure()
    groups = (
        (tr(lang, "known_to_hour"), lambda e: e.is_precise, ""),
        (tr(lang, "approximate_window"), lambda e: not e.is_precise, "/"),
    )
    hover = (
        f"<b>%{{customdata[1]}}</b><br>%{{customdata[2]}}<br>{tr(lang, 'precision')}: %{{customdata[3]}}"
        f"<br>{tr(lang, 'backed_by')}: %{{customdata[4]}}<extra></extra>"
    )

    def details(e: Event) -> list[str]:
        backed = tr(lang, "backed_single") if len(e.source_ids) == 1 else tr(lang, "backed_many", count=len(e.source_ids))
        return [e.id, html_escape(e.title), html_escape(describe_event_window(e, lang)),
                tr(lang, f"precision_{e.precision.value}"), backed]

    fade_in_legend = False
    for name, belongs, pattern in groups:
        members = [e for e in layout.events if belongs(e)]
        if not members:
            continue
        # One trace per opacity: the solid pieces carry the legend, the fading pieces follow them.
        by_level: dict[float, list[tuple[Event, datetime, datetime]]] = {}
        for e in members:
            for start, end, level in segments(layout, e):
                by_level.setdefault(level, []).append((e, start, end))
        base_opacity = 0.9 if not pattern else 0.5
        for level in sorted(by_level, reverse=True):
            pieces = by_level[level]
            legend = level == 1.0 or (level == FADE_LEVELS[1] and not fade_in_legend)
            fade_in_legend |= legend and level != 1.0
            figure.add_trace(
                go.Bar(
                    name=name if level == 1.0 else tr(lang, "fading_window"),
                    legendgroup="fade" if level != 1.0 else name,
                    showlegend=legend,
                    orientation="h",
                    base=[_naive(start) for _, start, _ in pieces],
                    x=[(end - start) / timedelta(milliseconds=1) for _, start, end in pieces],
                    y=[layout.rows[e.id] for e, _, _ in pieces],
                    customdata=[details(e) for e, _, _ in pieces],
                    hovertemplate=hover,
                    marker={
                        "color": [hex_colour(LANE_COLOURS[e.category]) for e, _, _ in pieces],
                        "opacity": base_opacity * level,
                        "line": {
                            "color": [css_rgba(SELECTED_SPAN if e.id == selected else CLEAR) for e, _, _ in pieces],
                            "width": [3 if e.id == selected else 0 for e, _, _ in pieces],
                        },
                        "pattern": {"shape": pattern, "fgcolor": "white", "size": 7, "solidity": 0.35},
                    },
                    width=0.8,
                )
            )
    figure.add_trace(_labels(layout))
    for lane in layout.lanes[1:]:
        figure.add_shape(
            type="line", xref="paper", yref="y", x0=0, x1=1, y0=lane.first_row - 0.5, y1=lane.first_row - 0.5,
            line={"color": css_rgba(TIMELINE_GRID), "width": 1, "dash": "dot"},
        )
    rows = max(layout.row_count, 1)
    figure.update_layout(
        barmode="overlay",
        height=timeline_height(layout),
        margin=MARGIN,
        showlegend=True,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "font": {"size": 11}},
        clickmode="event+select",
        dragmode=False,
        xaxis={
            "type": "date",
            "range": [_naive(time_range.start), _naive(time_range.next_step(time_range.end))],
            "tickformat": time_range.tick_format if lang == "en" else numeric_tick_format(time_range.tick_format),
            "fixedrange": True,
            "showgrid": True,
            "automargin": False,
        },
        yaxis={
            "tickmode": "array",
            "tickvals": [lane.first_row + (lane.rows - 1) / 2 for lane in layout.lanes],
            "ticktext": [tr(lang, f"category_{lane.category.value}") for lane in layout.lanes],
            "range": [rows - 0.5, -0.5],
            "fixedrange": True,
            "showgrid": False,
            "zeroline": False,
            "automargin": False,
        },
    )
    return figure


def timeline_height(layout: TimelineLayout) -> int:
    return MARGIN["t"] + MARGIN["b"] + 26 + ROW_HEIGHT * max(layout.row_count, 1)
