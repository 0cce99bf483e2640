"""What the sources say side by side: numeric claims per measure, which sources back each event, and source profiles.

Nothing here averages or reconciles: every figure stays its source's, with
its own wording, and a spread is described, not resolved.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go

from .htmltable import scrolling_table
from .i18n import format_number, measure_name, tr
from .loading import Catalog
from .models import KNOWN_MEASURES, Category, Claim, Event, Qualifier, Source
from .text import html_escape

EVENT_YEAR = 1990
OPEN_ENDED = {Qualifier.AT_LEAST, Qualifier.MORE_THAN, Qualifier.VAGUE}
SOURCE_COLOURS = ["#1f5f99", "#b5561b", "#2e7d32", "#7b3f99", "#8a6d00", "#00838f", "#ad1457"]


def measures(catalog: Catalog) -> list[str]:
    """Measures that have claims: the known ones in their usual order, then any a curator added."""
    present = {c.measure for c in catalog.claims}
    return [m for m in KNOWN_MEASURES if m in present] + sorted(present - set(KNOWN_MEASURES))


def claims_for(catalog: Catalog, measure: str) -> list[Claim]:
    order = list(catalog.sources)
    return sorted((c for c in catalog.claims if c.measure == measure), key=lambda c: (order.index(c.source), c.id))


def _lowest(claim: Claim) -> int:
    value = claim.low if claim.low is not None else claim.high
    assert value is not None, f"claim {claim.id} is in words only; callers leave such claims out"
    return value


def _highest(claim: Claim) -> int:
    value = claim.high if claim.high is not None else claim.low
    assert value is not None, f"claim {claim.id} is in words only; callers leave such claims out"
    return value


def spread_note(catalog: Catalog, claims: list[Claim], lang: str = "en") -> str:
    """One neutral line on how far the stated figures lie apart; no figure is preferred.

    Figures given only in words ("dozens") are named but left out of the
    spread: the number we read them as is ours, not the source's.
    """
    if not claims:
        return tr(lang, "spread_none")

    def cited(claim: Claim) -> str:
        return f"{catalog.sources[claim.source].publisher}, \u201c{claim.wording}\u201d"

    numbers = [c for c in claims if c.qualifier is not Qualifier.VAGUE]
    words = [c for c in claims if c.qualifier is Qualifier.VAGUE]
    in_words = " " + tr(lang, "spread_in_words", claims="; ".join(cited(c) for c in words)) if words else ""
    if not numbers:
        return tr(lang, "spread_no_number") + in_words
    low = min(numbers, key=_lowest)
    high = max(numbers, key=_highest)
    low_value, high_value = _lowest(low), _highest(high)
    bounds = " " + tr(lang, "spread_bounds") if any(c.qualifier in OPEN_ENDED for c in numbers) else ""
    if low_value == high_value:
        if len({c.source for c in numbers}) == 1 and len(numbers) == 1:
            return tr(lang, "spread_only", claim=cited(low)) + in_words
        # The same number, but perhaps with different qualifiers: quote each.
        same = "; ".join(cited(c) for c in numbers)
        return tr(lang, "spread_same", value=f"{low_value:,}", claims=same) + bounds + in_words
    if low is high:  # one source's own range holds every other number: the spread is inside it, not between sources
        others = "; ".join(f"{_lowest(c):,} ({cited(c)})" for c in numbers if c is not low)
        key = "spread_within_one" if others else "spread_only"
        return (tr(lang, key, low=f"{low_value:,}", high=f"{high_value:,}", claim=cited(low), others=others)
                + bounds + in_words)
    percent = (
        tr(lang, "spread_percent", percent=f"{(high_value - low_value) / low_value * 100:,.0f}") if low_value else ""
    )
    return (
        tr(lang, "spread_range", low=f"{low_value:,}", low_claim=cited(low), high=f"{high_value:,}",
           high_claim=cited(high), percent=percent)
        + bounds + in_words
    )


def claims_figure(catalog: Catalog, measure: str, lang: str = "en") -> go.Figure:
    """Each source's claims on one axis: a dot for a figure, a bar for a range, an arrow for a lower bound.

    The wording stays visible beside each mark and the quote is on hover.
    """
    # A claim in words only ("numerous") has no place on a numeric axis: the spread line names it.
    claims = [c for c in claims_for(catalog, measure) if c.low is not None or c.high is not None]
    order = list(catalog.sources)
    colours = {s: SOURCE_COLOURS[i % len(SOURCE_COLOURS)] for i, s in enumerate(order)}
    rows = [f"{catalog.sources[c.source].publisher} · {i + 1}" for i, c in enumerate(claims)]
    labels = [html_escape(catalog.sources[c.source].publisher) for c in claims]
    values = [v for c in claims for v in (c.low, c.high) if v is not None]
    top = max(values) if values else 1
    bottom = min(values) if values else 0
    log = bottom > 0 and top / bottom > 40
    reach = top * (4 if log else 1.25)  # how far an open-ended claim's arrow points
    figure = go.Figure()
    for row, claim in zip(rows, claims):
        colour = colours[claim.source]
        low, high = _lowest(claim), _highest(claim)
        if claim.qualifier in OPEN_ENDED:
            figure.add_trace(go.Scatter(
                x=[low, reach], y=[row, row], mode="lines", line={"color": colour, "width": 3, "dash": "dot"},
                hoverinfo="skip", showlegend=False,
            ))
        elif claim.qualifier is Qualifier.UP_TO:
            figure.add_trace(go.Scatter(
                x=[bottom if log else 0, high], y=[row, row], mode="lines",
                line={"color": colour, "width": 3, "dash": "dot"}, hoverinfo="skip", showlegend=False,
            ))
        elif low != high:
            figure.add_trace(go.Scatter(
                x=[low, high], y=[row, row], mode="lines", line={"color": colour, "width": 10},
                hoverinfo="skip", showlegend=False, opacity=0.55,
            ))
    hover = [
        [html_escape(catalog.sources[c.source].publisher), html_escape(c.wording),
         html_escape(tr(lang, f"qualifier_{c.qualifier.value}")), _wrap(html_escape(" ".join(c.quote.split())))]
        for c in claims
    ]
    for key, symbol in (("low", "circle"), ("high", "circle")):
        xs, ys, texts, data = [], [], [], []
        for row, claim, custom in zip(rows, claims, hover):
            value = getattr(claim, key)
            if value is None or (key == "high" and claim.low == claim.high):
                continue
            xs.append(value)
            ys.append(row)
            texts.append(f"\u201c{html_escape(claim.wording)}\u201d" if key == "low" or claim.low is None else "")
            data.append(custom)
        figure.add_trace(go.Scatter(
            x=xs, y=ys, mode="markers+text", text=texts, cliponaxis=False,
            textposition=["top left" if _share(x, bottom, reach, log) > 0.55 else "top right" for x in xs],
            marker={"size": 13, "symbol": symbol, "color": [colours[c.source] for c in claims if getattr(c, key) is not None and not (key == "high" and c.low == c.high)],
                    "line": {"color": "white", "width": 1.5}},
            textfont={"size": 13, "color": "#1b1b1b"},
            customdata=data,
            hovertemplate="<b>%{customdata[0]}</b>: %{customdata[1]} (%{customdata[2]})<br><br>%{customdata[3]}<extra></extra>",
            showlegend=False,
        ))
    figure.update_layout(
        height=110 + 62 * len(claims),
        margin={"l": 10, "r": 30, "t": 44, "b": 40},
        dragmode=False,
        xaxis={
            "type": "log" if log else "linear",
            "title": {"text": tr(lang, "number_stated") + (tr(lang, "log_scale") if log else "")},
            "range": [math.log10(bottom / 2), math.log10(reach * 1.05)] if log else [0, reach * 1.05],
            "fixedrange": True, "tickformat": ",d" if not log else None, "separatethousands": True,
        },
        yaxis={
            "type": "category", "categoryorder": "array", "categoryarray": rows,
            "tickmode": "array", "tickvals": rows, "ticktext": labels, "automargin": True,
            "autorange": "reversed", "fixedrange": True,
        },
        hoverlabel={"align": "left"},
    )
    return figure


def _share(value: float, bottom: float, reach: float, log: bool) -> float:
    """How far along the axis a value sits, 0 to 1, so its label can lean away from the edge."""
    if log:
        return (math.log10(value) - math.log10(bottom / 2)) / (math.log10(reach * 1.05) - math.log10(bottom / 2))
    return value / (reach * 1.05)


def _wrap(text: str, width: int = 70) -> str:
    """Break a long quote into lines for a hover box."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join([*lines, line])


# --- corroboration ---------------------------------------------------------


def support_text(catalog: Catalog, event: Event, lang: str = "en") -> str:
    sources = event.source_ids
    names = ", ".join(catalog.sources[s].publisher for s in sources)
    if len(sources) == 1:
        return tr(lang, "support_single", names=names)
    return tr(lang, "support_many", count=len(sources), total=len(catalog.sources), names=names)


def coverage(catalog: Catalog) -> list[dict]:
    """One row per event, in time order: which sources support it, and how many."""
    rows = []
    for event in catalog.events:
        backing = set(event.source_ids)
        row = {"event": event.title, "id": event.id, "sources": len(backing)}
        row.update({source_id: source_id in backing for source_id in catalog.sources})
        rows.append(row)
    return rows


# --- source profiles -------------------------------------------------------


@dataclass(frozen=True)
class SourceProfile:
    source: Source
    years_after: int | None
    events: list[Event]
    only_here: list[Event]
    claims: list[Claim]
    figures_only_here: list[Claim]
    categories: list[Category]
    span: str


def profile(catalog: Catalog, source_id: str) -> SourceProfile:
    source = catalog.sources[source_id]
    events = [e for e in catalog.events if source_id in e.source_ids]
    only_here = [e for e in events if e.source_ids == [source_id]]
    claims = [c for c in catalog.claims if c.source == source_id]
    # A figure is its own when no other source states the same numbers for the same measure.
    stated_elsewhere = {(c.measure, c.low, c.high) for c in catalog.claims if c.source != source_id}
    figures_only_here = [c for c in claims if (c.measure, c.low, c.high) not in stated_elsewhere]
    categories = [c for c in Category if any(e.category == c for e in events)]
    years = sorted({e.first.year for e in events})
    span = "" if not years else (str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}")
    written = source.published.year if isinstance(source.published, date) else None
    return SourceProfile(
        source=source,
        years_after=written - EVENT_YEAR if written else None,
        events=events,
        only_here=only_here,
        claims=claims,
        figures_only_here=figures_only_here,
        categories=categories,
        span=span,
    )


CLAIM_COLUMNS = ("col_source", "col_speaker", "col_authority", "col_wording", "col_kind", "col_low", "col_high",
                 "col_reading", "col_scope", "col_passage")


def claims_table(catalog: Catalog, claims: list[Claim], lang: str = "en") -> tuple[list[str], list[list[str]]]:
    """The claims of one measure as a table of plain text: the column names, and a row per claim, each as its source words it."""
    rows = []
    for c in claims:
        speaker = catalog.speaker(c)
        rows.append([
            catalog.sources[c.source].publisher, speaker.name if speaker else "", c.authority or tr(lang, "no_authority"),
            c.wording, tr(lang, f"qualifier_{c.qualifier.value}"), format_number(c.low, lang), format_number(c.high, lang),
            c.reading or "", " ".join((c.scope or "").split()), " ".join(c.quote.split()),
        ])
    return [tr(lang, key) for key in CLAIM_COLUMNS], rows


def claims_table_html(catalog: Catalog, claims: list[Claim], measure: str, lang: str = "en") -> str:
    """The claims table as HTML whose every column wraps, in a region a keyboard can scroll on a phone."""
    head, rows = claims_table(catalog, claims, lang)
    body = ["<tr>" + "".join(f"<td>{html_escape(cell)}</td>" for cell in row) + "</tr>" for row in rows]
    caption = tr(lang, "claims_table_caption", count=len(rows), measure=measure_name(measure, lang).lower())
    return scrolling_table(caption, head, body, min_width="60rem")
