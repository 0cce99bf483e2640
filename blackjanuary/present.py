"""Narratives as slides: what each step of a presentation shows, for the Present page and the offline export."""

from __future__ import annotations

from dataclasses import dataclass

import pydeck as pdk

from .i18n import tr
from .loading import Catalog
from .maps import baku_deck, fit_view, status_texts
from .models import Citation, Event, MapView, Narrative, NarrativeStep, Place
from .timeline import describe_event_window

CONTENT_NOTE = tr("en", "content_note")  # the export's, in English like the catalogue
CONTENT_NOTE_SHORT = tr("en", "content_note_short")
CITY_VIEW = {"latitude": 40.385, "longitude": 49.85, "zoom": 11.3}
SLIDE_MAP_WIDTH = 520  # half a 1280-pixel projector, less the margins
SLIDE_MAP_HEIGHT = 340  # with the heading above it, a slide fits 1280×720
CHRONOLOGY_ID = "chronology"


@dataclass(frozen=True)
class Slide:
    """One step of a narrative, numbered from 1 (0 is the title slide)."""

    number: int
    event: Event
    citation: Citation
    note: str | None
    window: str
    places: tuple[Place, ...]
    statuses: dict[str, str]  # places of this step 'active', of earlier steps 'past'; others absent
    view: dict

    @property
    def away(self) -> tuple[Place, ...]:
        """This step's places outside Baku, which the map of Baku cannot show."""
        return tuple(p for p in self.places if not p.in_baku)


def chronology(catalog: Catalog, lang: str = "en") -> Narrative:
    """Every event in time order, as a narrative: what the export writes when no narrative is chosen."""
    return Narrative(
        id=CHRONOLOGY_ID,
        title=tr(lang, "chronology_narrative"),
        description=(
            f"All {len(catalog.events)} events in the catalogue, from the background of 1987–1989 to "
            "the commemorations, in the order their time windows begin, each with a passage from a source."
        ),
        steps=[NarrativeStep(event=e.id) for e in catalog.events],
    )


def narrative_or_chronology(catalog: Catalog, narrative_id: str, lang: str = "en") -> Narrative | None:
    if narrative_id == CHRONOLOGY_ID:
        return chronology(catalog, lang)
    return catalog.narratives.get(narrative_id)


def slides(catalog: Catalog, narrative: Narrative, lang: str = "en") -> list[Slide]:
    """The narrative's steps with what each shows; places stay on the map once a step has shown them."""
    out: list[Slide] = []
    seen: list[str] = []
    for number, step in enumerate(narrative.steps, start=1):
        event = catalog.require_event(step.event)  # a narrative's steps name known events (loading checks them)
        places = tuple(catalog.places[p] for p in event.places)
        statuses = {p: "past" for p in seen}
        statuses.update({p.id: "active" for p in places})
        seen += [p.id for p in places if p.id not in seen]
        out.append(
            Slide(
                number=number,
                event=event,
                citation=event.citations[step.quote],
                note=step.note,
                window=describe_event_window(event, lang),
                places=places,
                statuses=statuses,
                view=_view(step.view, places, [catalog.places[p] for p in statuses]),
            )
        )
    return out


def _view(asked: MapView | None, here: tuple[Place, ...], shown: list[Place]) -> dict:
    """The step's own view, else one that fits its places in Baku, else all places shown so far."""
    if asked:
        return asked.model_dump()
    for group in ([p for p in here if p.in_baku], [p for p in shown if p.in_baku]):
        points = [point for place in group for point in place.points]
        if len(group) > 1 or (group and len(points) > 1):
            return fit_view(points, width=SLIDE_MAP_WIDTH, height=SLIDE_MAP_HEIGHT)
        if group:  # one point: close enough to see its neighbourhood, not a single street
            lat, lon = points[0]
            return {"latitude": lat, "longitude": lon, "zoom": 13.5}
    return dict(CITY_VIEW)


def slide_deck(catalog: Catalog, slide: Slide, tiles: bool = False, lang: str = "en") -> pdk.Deck:
    status_text = {**status_texts(lang), "active": tr(lang, "slide_this_step"), "past": tr(lang, "slide_earlier_step")}
    return baku_deck(catalog, slide.statuses, tiles=tiles, view=slide.view, status_text=status_text, lang=lang)
