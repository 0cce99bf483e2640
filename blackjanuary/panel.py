"""What the Explore panel says of each event and place, in one language: one plain, typed structure for both hosts.

The Explore component draws the panel from it in the browser (frontend/src/panel.js), on the Streamlit page and
in the offline file alike, so a click shows its panel in the same frame. Everything is plain text: the
component sets it as text, never as markup.
"""

from __future__ import annotations

from typing import TypedDict

from .attribution import citation_attribution, timing_lines
from .claims import support_text
from .geo import distances_text
from .i18n import language_name, tr
from .loading import Catalog
from .models import Event, Place
from .provenance import outside_the_texts
from .text import one_line
from .timeline import describe_event_window

MAX_LISTED = 25  # events listed per group at a step, and in a place's panel; the rest are counted
# The panel's own words, besides what each event and place says.
TEXT_KEYS = (
    "clear_selection", "at_this_step_badge", "single_source_badge", "click_hint", "when_by_source",
    "in_the_source", "in_the_source_help",
)


class Passage(TypedDict):
    quote: str  # verbatim, on one line
    attribution: str  # who says it, on whose authority, in which language it is quoted
    source: str
    n: int  # the citation's number in its event: the link's `q`


class EventPanel(TypedDict):
    title: str
    window: str
    when: str
    summary: str
    when_note: str
    timing: list[str]
    support: str
    single: bool
    outside: list[str]  # what it takes from outside the five texts, each with its public reference
    places: list[str]
    passages_heading: str
    passages: list[Passage]


class PlacePanel(TypedDict):
    name: str
    other_names: list[str]
    description: str
    distances: str
    coordinates: str
    estimated: bool
    events_heading: str
    first_of: str
    events: list[str]


class PanelData(TypedDict):
    texts: dict[str, str]
    events: dict[str, EventPanel]
    places: dict[str, PlacePanel]


def attribution(catalog: Catalog, event: Event, n: int, lang: str) -> str:
    """A passage's attribution as the panel words it: '— who, published by whom · quoted in which language'."""
    citation = event.citations[n]
    source = catalog.sources[citation.source]
    quoted = tr(lang, "quoted_in", language=language_name(source.language, lang))
    return f"— {citation_attribution(catalog, citation, lang)} · {quoted}"


def event_panel(catalog: Catalog, event: Event, lang: str) -> EventPanel:
    """What the panel shows of an event: its window, summary, timing by source, support, places and passages."""
    return {
        "title": event.title,
        "window": describe_event_window(event, lang),
        "when": f"{one_line(event.when)} · {tr(lang, 'precision')}: {tr(lang, f'precision_{event.precision.value}')}",
        "summary": one_line(event.summary),
        "when_note": one_line(event.when_note or ""),
        "timing": timing_lines(catalog, event, lang),
        "support": support_text(catalog, event, lang),
        "single": len(event.source_ids) == 1,
        "outside": outside_the_texts(event, lang),
        "places": list(event.places),
        "passages_heading": tr(lang, "what_sources_say", count=len(event.citations)),
        "passages": [
            {"quote": one_line(c.quote), "attribution": attribution(catalog, event, n, lang), "source": c.source, "n": n}
            for n, c in enumerate(event.citations)
        ],
    }


def place_panel(catalog: Catalog, place: Place, lang: str) -> PlacePanel:
    """What the panel shows of a place: its names, description, distances, coordinates and events."""
    name = place.name_in(lang)
    events = catalog.events_at(place.id)
    ref = one_line(place.coordinates_ref)
    return {
        "name": name,
        "other_names": [n for n in dict.fromkeys((place.name, place.names.az, place.names.ru)) if n and n != name],
        "description": one_line(place.description),
        "distances": f"{tr(lang, 'distances')}: {distances_text(place, list(catalog.places.values()), lang)}",
        "coordinates": (
            tr(lang, "coordinates_estimated", ref=ref) if place.coordinates_estimated else f"{tr(lang, 'coordinates')}: {ref}"
        ),
        "estimated": place.coordinates_estimated,
        "events_heading": tr(lang, "events_here", count=len(events)),
        "first_of": tr(lang, "first_of", shown=MAX_LISTED, count=len(events)) if len(events) > MAX_LISTED else "",
        "events": [e.id for e in events[:MAX_LISTED]],
    }


def panel_data(catalog: Catalog, lang: str) -> PanelData:
    """The panel for every event and place of `catalog` (the catalogue in `lang`, from `Catalog.in_language`)."""
    return {
        "texts": {key: tr(lang, key) for key in TEXT_KEYS},
        "events": {e.id: event_panel(catalog, e, lang) for e in catalog.events},
        "places": {p.id: place_panel(catalog, p, lang) for p in catalog.places.values()},
    }
