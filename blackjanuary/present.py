"""Narratives as slides: what each step of a presentation shows, for the Present page and the offline export."""

from __future__ import annotations

from dataclasses import dataclass

import pydeck as pdk
from geopy.distance import geodesic

from .basemap import text_layer
from .geo import BAKU_CENTRE, describe_km
from .i18n import tr
from .loading import Catalog
from .maps import CompactDeck, baku_deck, fit_view, status_texts
from .models import Citation, Event, MapView, Narrative, NarrativeStep, Place
from .style import AWAY_GROUND, HALO, LABEL_COLOUR, LABEL_SIZE, MARK, MARK_SIZE
from .style import STATUS_COLOURS as COLOURS
from .timeline import describe_event_window

CONTENT_NOTE = tr("en", "content_note")  # the export's, in English like the catalogue
CONTENT_NOTE_SHORT = tr("en", "content_note_short")
CITY_VIEW = {"latitude": 40.385, "longitude": 49.85, "zoom": 11.3}
SLIDE_MAP_WIDTH = 520  # half a 1280-pixel projector, less the margins
SLIDE_MAP_HEIGHT = 340  # with the heading above it, a slide fits 1280×720
# The projector view: labels read from the back of a room. Its map is as tall as the slide allows (set in
# CSS, in viewport units); the deck is drawn at this height and stretched to it.
PROJECTOR_LABEL_SCALE = 1.8
PROJECTOR_MAP_HEIGHT = 320  # the least it takes; the stylesheet stretches it to the slide
CHRONOLOGY_ID = "chronology"


@dataclass(frozen=True)
class Slide:
    """One step of a narrative, numbered from 1 (0 is the title slide)."""

    number: int
    event: Event
    citation: Citation
    # On a step that asks how the sources differ: one passage of each source, in the order the event cites them.
    compared: tuple[Citation, ...]
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
                compared=tuple(next(c for c in event.citations if c.source == s) for s in event.source_ids)
                if step.compare else (),
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


def slide_deck(catalog: Catalog, slide: Slide, tiles: bool = False, lang: str = "en", label_scale: float = 1.0) -> pdk.Deck:
    """The slide's map: Baku with this step's places red and earlier steps' grey, or, for a step away from Baku, that place.

    `label_scale` enlarges markers and labels for the projector view.
    """
    if slide.places and not any(p.in_baku for p in slide.places):
        deck = away_deck(slide.places, lang)
    else:
        status_text = {**status_texts(lang), "active": tr(lang, "slide_this_step"), "past": tr(lang, "slide_earlier_step")}
        deck = baku_deck(catalog, slide.statuses, tiles=tiles, view=slide.view, status_text=status_text, lang=lang)
    if label_scale != 1.0:
        for layer in deck.layers:
            if layer.type == "TextLayer" and isinstance(layer.data, list):
                layer.data = [{**row, "size": row["size"] * label_scale} for row in layer.data]
    return deck


def away_deck(places: tuple[Place, ...], lang: str = "en") -> CompactDeck:
    """Where a step away from Baku happened: its places and Baku, a line between them and the distance on it.

    The bundled basemap covers only Baku, so this map has none: two marked
    points on a plain ground, which says where the step is without pretending to be a map of it.
    """
    ends = [(BAKU_CENTRE, tr(lang, "baku"), COLOURS["past"])]
    ends += [(p.anchor, p.name_in(lang), COLOURS["active"]) for p in places]
    at = [[lon, lat] for (lat, lon), _, _ in ends]  # deck.gl wants [lon, lat]
    marks = [{"position": xy, "mark": MARK, "size": MARK_SIZE[True], "colour": colour, "offset": [0, 0]}
             for xy, (_, _, colour) in zip(at, ends)]
    labels = [{"position": xy, "name": name, "size": LABEL_SIZE, "colour": LABEL_COLOUR, "offset": [0, -20]}
              for xy, (_, name, _) in zip(at, ends)]
    lines = [{"from": at[0], "to": xy} for xy in at[1:]]
    km = min(geodesic(point, BAKU_CENTRE).km for p in places for point in p.points)
    middle = {"position": [(at[0][0] + at[1][0]) / 2, (at[0][1] + at[1][1]) / 2], "name": describe_km(km, lang),
              "size": LABEL_SIZE, "colour": LABEL_COLOUR, "offset": [0, 0]}
    points = [point for point, _, _ in ends]
    view = fit_view(points, width=SLIDE_MAP_WIDTH, height=SLIDE_MAP_HEIGHT)
    west, east = min(x for x, _ in at) - 20, max(x for x, _ in at) + 20
    south, north = min(y for _, y in at) - 12, max(y for _, y in at) + 12
    ground = [{"polygon": [[west, south], [east, south], [east, north], [west, north]], "fill": AWAY_GROUND}]
    return CompactDeck(
        layers=[
            pdk.Layer("PolygonLayer", id="away-ground", data=ground, get_polygon="polygon", get_fill_color="fill",
                      stroked=False, pickable=False),
            pdk.Layer("LineLayer", id="away-line", data=lines, get_source_position="from",
                      get_target_position="to", get_color=COLOURS["past"], get_width=3),
            text_layer("away-marks", marks, "mark", halo=HALO),
            text_layer("away-labels", [*labels, middle], "name"),
        ],
        # A step back from the fit, so that a long name at the edge is not cut.
        initial_view_state=pdk.ViewState(**{**view, "zoom": min(view["zoom"] - 0.8, 6.0), "pitch": 0, "bearing": 0}),
        map_provider=None,
    )
