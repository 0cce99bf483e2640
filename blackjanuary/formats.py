"""The catalogue as open data: GeoJSON of the places, a TimelineJS3 timeline, and a CSV of every cited passage.

Each format is written in one interface language (`en`, `az` or `ru`): the
catalogue's own text (titles, summaries, descriptions, windows in words) in
that language, from `Catalog.in_language`, English marked as untranslated
where a translation is missing. Quotes, the sources' own words about when,
publishers and speakers' names stay as the sources give them. GeoJSON and
CSV say which language their text is in (`lang`) and which the quotes are in
(`quote_lang`); their keys, stable ids and the English `name` of a place stay
the same in every language, so a script reads every language alike.

GeoJSON and CSV are data, so they carry the curators' text exactly as the
YAML holds it, line breaks included. TimelineJS shows its text fields as
HTML, so every piece of data in that file is HTML-escaped.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from .attribution import attribution_in, attribution_text
from .i18n import DEFAULT_LANGUAGE, language_or_default, tr
from .loading import Catalog
from .models import Citation, Event, Place
from .provenance import country_name, outside_the_texts, who_the_sources_are
from .text import html_escape, one_line
from .timeline import describe_event_window
from .translations import translation_note
from .translations import untranslated_notice as translation_notice

TITLE = tr(DEFAULT_LANGUAGE, "explore_title")  # "Black January: Baku, 19–20 January 1990"; see `title`
# The date parts TimelineJS is given, by precision: never more than the texts support.
DATE_PARTS = {
    "year": ("year",),
    "month": ("year", "month"),
    "day": ("year", "month", "day"),
    "approximate": ("year", "month", "day", "hour", "minute"),
    "hour": ("year", "month", "day", "hour", "minute"),
    "minute": ("year", "month", "day", "hour", "minute"),
}
# The CSV's column names are machine keys, the same in every language, so a
# script or spreadsheet formula reads every language's file alike: only the
# values follow the language (`lang` says which; `quote_lang` the quote's).
CSV_COLUMNS = (
    "event_id", "lang", "title", "start", "end", "precision", "window", "category", "context", "context_ref",
    "places", "places_az", "places_ru", "source", "publisher", "publisher_country", "speaker", "authority", "source_when",
    "quote_lang", "quote",
)


def title(lang: str = DEFAULT_LANGUAGE) -> str:
    return tr(lang, "explore_title")


def _window(event: Event, lang: str = DEFAULT_LANGUAGE) -> str:
    return describe_event_window(event, lang)


def _localised(catalog: Catalog, lang: str | None) -> tuple[Catalog, str]:
    """The catalogue in `lang`; no language asked for: the one the catalogue is already in (English as loaded)."""
    lang = language_or_default(lang or catalog.language)
    return catalog.in_language(lang), lang


# --- GeoJSON -------------------------------------------------------------------


def _geometry(place: Place) -> dict:
    """RFC 7946 geometry: positions are [longitude, latitude], the reverse of places.yaml."""
    if place.kind == "point":
        return {"type": "Point", "coordinates": [place.lon, place.lat]}
    assert place.path is not None, f"line place {place.id} has a path (validated)"
    return {"type": "LineString", "coordinates": [[lon, lat] for lat, lon in place.path]}


def _event_fields(event: Event, lang: str = DEFAULT_LANGUAGE) -> dict:
    """What every export says of an event besides its id, places and passages."""
    return {
        "title": event.title,
        "start": event.start.isoformat() if event.start else None,  # null: the evidence gives none
        "end": event.end.isoformat() if event.end else None,
        "precision": event.precision.value,
        "window": _window(event, lang),
        "category": event.category.value,
        "context": one_line(event.context) if event.context else None,  # from outside the texts, with context_ref
        "context_ref": one_line(event.context_ref) if event.context_ref else None,
    }


def _citation_fields(catalog: Catalog, citation: Citation) -> dict:
    """Who published a passage, who says it and on whose authority, and what its source says about when.

    All of it as the source gives it, in every language: the quote and the
    source's words about when are verbatim, in the source's language.
    """
    speaker = catalog.speaker(citation)
    return {
        "source": citation.source,
        "publisher": catalog.sources[citation.source].publisher,
        "publisher_country": catalog.sources[citation.source].country,  # ISO 3166-1 alpha-2; null: not known
        "speaker": speaker.name if speaker else None,
        "authority": citation.authority,
        "source_when": citation.when,
        "quote_lang": catalog.sources[citation.source].language,
        "quote": citation.quote,
    }


def _event_record(catalog: Catalog, event: Event, lang: str) -> dict:
    return {
        "id": event.id,
        **_event_fields(event, lang),
        "citations": [_citation_fields(catalog, c) for c in event.citations],
    }


def geojson_export(catalog: Catalog, lang: str | None = None) -> dict:
    """Every place as a GeoJSON Feature, with the events that happened there and their passages.

    `name` stays the English name (with `names` in Azerbaijani and Russian) in
    every language; `name_local` is the name in `lang`, for a map to label by.
    """
    catalog, lang = _localised(catalog, lang)
    features = [
        {
            "type": "Feature",
            "id": place.id,
            "geometry": _geometry(place),
            "properties": {
                "name": place.name,
                "names": {"az": place.names.az, "ru": place.names.ru},
                "name_local": place.name_in(lang),
                "lang": lang,
                "description": place.description,
                "in_baku": place.in_baku,
                "coordinates_ref": place.coordinates_ref,
                "events": [_event_record(catalog, e, lang) for e in catalog.events_at(place.id)],
            },
        }
        for place in catalog.places.values()
    ]
    # A foreign member (RFC 7946, section 6.1): who the sources are, before anyone reads a passage.
    about = {
        "lang": lang,
        "sources_note": who_the_sources_are(catalog, lang),
        "sources": [
            {"id": s.id, "publisher": s.publisher, "country": s.country, "country_name": country_name(s.country, lang),
             "published": s.published.isoformat() if s.published else None, "genre": s.genre,
             "occasion": one_line(s.occasion) if s.occasion else None, "byline": s.byline}
            for s in catalog.sources.values()
        ],
    }
    return {"type": "FeatureCollection", "metadata": about, "features": features}


# --- TimelineJS --------------------------------------------------------------


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


def _category(event: Event, lang: str) -> str:
    """The event's lane: the model's English label, or its name from the language's catalogue."""
    return tr(lang, f"category_{event.category.value}")



def _slide_text(catalog: Catalog, event: Event, lang: str = DEFAULT_LANGUAGE) -> str:
    places = ", ".join(catalog.places[p].name_in(lang) for p in event.places)
    parts = [
        f"<p>{html_escape(one_line(event.summary))}</p>",
        f"<p><strong>{html_escape(tr(lang, 'where_label'))}</strong> {html_escape(places)}</p>",
    ]
    for citation in event.citations:
        parts.append(f"<blockquote>{html_escape(one_line(citation.quote))}</blockquote>")
        parts.append(f'<p class="attribution">— {html_escape(attribution_in(catalog, citation, lang))}</p>')
    parts += [f"<p>{html_escape(line)}</p>" for line in outside_the_texts(event, lang)]
    return "".join(parts)


def _slide(catalog: Catalog, event: Event, lang: str = DEFAULT_LANGUAGE) -> dict:
    precision = event.precision.value
    slide = {
        "unique_id": event.id,
        "start_date": _date(event.first, precision),
        "text": {"headline": html_escape(one_line(event.title)), "text": _slide_text(catalog, event, lang)},
        "group": _plain_field(_category(event, lang)),
        # TimelineJS would turn a web address in a passage into a live link.
        "autolink": False,
    }
    end = _end_date(event)
    if end is not None:
        slide["end_date"] = end
    if DATE_PARTS[precision][-1] == "minute" or event.open_start or event.open_end or event.start_uncertain or event.end_uncertain:
        # A clock time gets the app's own words ("about", Baku time), and so does
        # an edge the evidence leaves open ("the texts give no end").
        slide["display_date"] = _plain_field(_window(event, lang))
    return slide


def timelinejs_export(catalog: Catalog, lang: str | None = None) -> dict:
    """Every event as a TimelineJS3 slide, with a title slide naming the sources."""
    catalog, lang = _localised(catalog, lang)
    sources = "".join(f"<li>{html_escape(attribution_text(s, lang))}</li>" for s in catalog.sources.values())
    said = [
        tr(lang, "timelinejs_intro_events", count=len(catalog.events)),
        tr(lang, "timelinejs_intro_sources", count=len(catalog.sources)),
        tr(lang, "timelinejs_intro_note"),
        who_the_sources_are(catalog, lang),
    ]
    if note := translation_note(catalog, lang):
        said.append(note)
    intro = f"<p>{html_escape(' '.join(said))}</p>"
    notice = translation_notice(catalog, lang)
    if notice:
        intro += f"<p>{html_escape(notice)}</p>"
    return {
        "title": {
            "text": {"headline": html_escape(title(lang)), "text": f"{intro}<ul>{sources}</ul>"},
            "autolink": False,
        },
        "events": [_slide(catalog, e, lang) for e in catalog.events],
    }


# --- CSV -------------------------------------------------------------------------


def csv_rows(catalog: Catalog, lang: str | None = None) -> list[dict[str, str]]:
    """One row per citation, the event's fields repeated on each."""
    catalog, lang = _localised(catalog, lang)
    rows = []
    for event in catalog.events:
        places = [catalog.places[p] for p in event.places]
        shared = {
            "event_id": event.id,
            "lang": lang,
            **_event_fields(event, lang),
            # Every language's names, in every language's file: the columns stay the same.
            "places": "; ".join(p.name for p in places),
            "places_az": "; ".join(p.names.az for p in places),
            "places_ru": "; ".join(p.names.ru for p in places),
        }
        rows += [{**shared, **_citation_fields(catalog, citation)} for citation in event.citations]
    return rows


def csv_export(catalog: Catalog, lang: str | None = None) -> bytes:
    """The citations as CSV bytes: UTF-8 with a byte-order mark (so spreadsheets read the letters right), CRLF rows."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    writer.writerows(csv_rows(catalog, lang))
    return buffer.getvalue().encode("utf-8-sig")


# --- files ---------------------------------------------------------------------


def _json_bytes(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@dataclass(frozen=True)
class DataFormat:
    """What a download button or the command line needs to write one format.

    `render(catalog, lang)` writes the file in an interface language; with no `lang`, in the
    catalogue's own (English as loaded, or the language `Catalog.in_language` gave it).
    """

    key: str
    label: str
    filename: str
    mime: str
    render: Callable[..., bytes]


FORMATS: dict[str, DataFormat] = {
    f.key: f
    for f in (
        DataFormat(
            "geojson", "Places (GeoJSON)", "black-january-places.geojson", "application/geo+json",
            lambda catalog, lang=None: _json_bytes(geojson_export(catalog, lang)),
        ),
        DataFormat(
            "timelinejs", "Timeline (TimelineJS JSON)", "black-january-timelinejs.json", "application/json",
            lambda catalog, lang=None: _json_bytes(timelinejs_export(catalog, lang)),
        ),
        DataFormat("csv", "Passages (CSV)", "black-january-citations.csv", "text/csv", csv_export),
    )
}
