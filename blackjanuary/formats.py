"""The catalogue as open data: GeoJSON of the places, a TimelineJS3 timeline, and a CSV of every cited passage.

GeoJSON and CSV are data, so they carry the curators' text exactly as the
YAML holds it, line breaks included. TimelineJS shows its text fields as
HTML, so every piece of data in that file is HTML-escaped.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from .loading import Catalog
from .models import Citation, Event, Place
from .attribution import attribution_text, citation_attribution
from .text import html_escape
from .timeline import describe_event_window

TITLE = "Black January: Baku, 19–20 January 1990"
# The date parts TimelineJS is given, by precision: never more than the texts support.
DATE_PARTS = {
    "year": ("year",),
    "month": ("year", "month"),
    "day": ("year", "month", "day"),
    "approximate": ("year", "month", "day", "hour", "minute"),
    "hour": ("year", "month", "day", "hour", "minute"),
    "minute": ("year", "month", "day", "hour", "minute"),
}
CSV_COLUMNS = (
    "event_id", "title", "start", "end", "precision", "window", "category",
    "places", "places_az", "places_ru", "source", "publisher", "speaker", "authority", "source_when", "quote",
)


def _window(event: Event) -> str:
    return describe_event_window(event)


# --- GeoJSON -------------------------------------------------------------------


def _geometry(place: Place) -> dict:
    """RFC 7946 geometry: positions are [longitude, latitude], the reverse of places.yaml."""
    if place.kind == "point":
        return {"type": "Point", "coordinates": [place.lon, place.lat]}
    return {"type": "LineString", "coordinates": [[lon, lat] for lat, lon in place.path]}


def _event_fields(event: Event) -> dict:
    """What every export says of an event besides its id, places and passages."""
    return {
        "title": event.title,
        "start": event.start.isoformat() if event.start else None,  # null: the evidence gives none
        "end": event.end.isoformat() if event.end else None,
        "precision": event.precision.value,
        "window": _window(event),
        "category": event.category.value,
    }


def _citation_fields(catalog: Catalog, citation: Citation) -> dict:
    """Who published a passage, who says it and on whose authority, and what its source says about when."""
    speaker = catalog.speaker(citation)
    return {
        "source": citation.source,
        "publisher": catalog.sources[citation.source].publisher,
        "speaker": speaker.name if speaker else None,
        "authority": citation.authority,
        "source_when": citation.when,
        "quote": citation.quote,
    }


def _event_record(catalog: Catalog, event: Event) -> dict:
    return {
        "id": event.id,
        **_event_fields(event),
        "citations": [_citation_fields(catalog, c) for c in event.citations],
    }


def geojson_export(catalog: Catalog) -> dict:
    """Every place as a GeoJSON Feature, with the events that happened there and their passages."""
    features = [
        {
            "type": "Feature",
            "id": place.id,
            "geometry": _geometry(place),
            "properties": {
                "name": place.name,
                "names": {"az": place.names.az, "ru": place.names.ru},
                "description": place.description,
                "in_baku": place.in_baku,
                "coordinates_ref": place.coordinates_ref,
                "events": [_event_record(catalog, e) for e in catalog.events_at(place.id)],
            },
        }
        for place in catalog.places.values()
    ]
    return {"type": "FeatureCollection", "features": features}


# --- TimelineJS --------------------------------------------------------------


def _flat(text: str) -> str:
    """Prose on one line: the YAML's line breaks mean nothing in HTML."""
    return " ".join(text.split())


def _plain_field(text: str) -> str:
    """A value for the TimelineJS fields it treats as plain text (`display_date`, `group`).

    TimelineJS reads these as HTML and keeps only their text, decoding
    entities on the way, then writes the result into the page as HTML. Only
    text escaped twice comes out of that as the same text.
    """
    return html_escape(html_escape(text))


def _date(when: datetime, precision: str) -> dict:
    return {part: getattr(when, part) for part in DATE_PARTS[precision]}


def _end_date(event: Event) -> dict | None:
    """The end as TimelineJS reads it: the last day, month or year inside the window, or the end time."""
    precision = event.precision.value
    if event.end is None or event.start is None or event.end == event.start:
        return None  # an open edge: display_date says so in words
    if precision in ("year", "month", "day"):
        # The window is half-open: [1988, 1990) is "1988 – 1989" on a timeline.
        last = _date(event.end - timedelta(minutes=1), precision)
        return None if last == _date(event.start, precision) else last
    return _date(event.end, precision)


def _slide_text(catalog: Catalog, event: Event) -> str:
    places = ", ".join(catalog.places[p].name for p in event.places)
    parts = [
        f"<p>{html_escape(_flat(event.summary))}</p>",
        f"<p><strong>Where:</strong> {html_escape(places)}</p>",
    ]
    for citation in event.citations:
        parts.append(f"<blockquote>{html_escape(_flat(citation.quote))}</blockquote>")
        parts.append(f'<p class="attribution">— {html_escape(citation_attribution(catalog, citation))}</p>')
    if event.time_ref:
        parts.append(f"<p>Date or time from outside the texts: {html_escape(_flat(event.time_ref))}</p>")
    return "".join(parts)


def _slide(catalog: Catalog, event: Event) -> dict:
    precision = event.precision.value
    slide = {
        "unique_id": event.id,
        "start_date": _date(event.first, precision),
        "text": {"headline": html_escape(_flat(event.title)), "text": _slide_text(catalog, event)},
        "group": _plain_field(event.category.label),
        # TimelineJS would turn a web address in a passage into a live link.
        "autolink": False,
    }
    end = _end_date(event)
    if end is not None:
        slide["end_date"] = end
    if DATE_PARTS[precision][-1] == "minute" or event.open_start or event.open_end or event.start_uncertain or event.end_uncertain:
        # A clock time gets the app's own words ("about", Baku time), and so does
        # an edge the evidence leaves open ("the texts give no end").
        slide["display_date"] = _plain_field(_window(event))
    return slide


def timelinejs_export(catalog: Catalog) -> dict:
    """Every event as a TimelineJS3 slide, with a title slide naming the sources."""
    sources = "".join(f"<li>{html_escape(attribution_text(s))}</li>" for s in catalog.sources.values())
    intro = (
        f"<p>{len(catalog.events)} events, each with the passages that describe it, quoted as "
        f"written from {len(catalog.sources)} published texts. The sources are partisan and "
        "disagree on figures; each passage is attributed to its own. Times are Baku local time "
        "(UTC+04:00), given only as precisely as the texts give them.</p>"
    )
    return {
        "title": {
            "text": {"headline": html_escape(TITLE), "text": f"{intro}<ul>{sources}</ul>"},
            "autolink": False,
        },
        "events": [_slide(catalog, e) for e in catalog.events],
    }


# --- CSV -------------------------------------------------------------------------


def csv_rows(catalog: Catalog) -> list[dict[str, str]]:
    """One row per citation, the event's fields repeated on each."""
    rows = []
    for event in catalog.events:
        places = [catalog.places[p] for p in event.places]
        shared = {
            "event_id": event.id,
            **_event_fields(event),
            "places": "; ".join(p.name for p in places),
            "places_az": "; ".join(p.names.az for p in places),
            "places_ru": "; ".join(p.names.ru for p in places),
        }
        rows += [{**shared, **_citation_fields(catalog, citation)} for citation in event.citations]
    return rows


def csv_export(catalog: Catalog) -> bytes:
    """The citations as CSV bytes: UTF-8 with a byte-order mark (so spreadsheets read the letters right), CRLF rows."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    writer.writerows(csv_rows(catalog))
    return buffer.getvalue().encode("utf-8-sig")


# --- files ---------------------------------------------------------------------


def _json_bytes(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@dataclass(frozen=True)
class DataFormat:
    """What a download button or the command line needs to write one format."""

    key: str
    label: str
    filename: str
    mime: str
    render: Callable[[Catalog], bytes]


FORMATS: dict[str, DataFormat] = {
    f.key: f
    for f in (
        DataFormat(
            "geojson", "Places (GeoJSON)", "black-january-places.geojson", "application/geo+json",
            lambda catalog: _json_bytes(geojson_export(catalog)),
        ),
        DataFormat(
            "timelinejs", "Timeline (TimelineJS JSON)", "black-january-timelinejs.json", "application/json",
            lambda catalog: _json_bytes(timelinejs_export(catalog)),
        ),
        DataFormat("csv", "Passages (CSV)", "black-january-citations.csv", "text/csv", csv_export),
    )
}
