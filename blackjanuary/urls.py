"""Every parameter of the app's links, in one place: reading them (politely, with notices) and building them.

A link carries the view: `t` (a step, Baku local time to the minute) and `r`
(the range) on Explore and Chronology; `place` and `event`, the selection;
`narrative` and `step` on Present, with `room` (the lesson both views
follow) and `view` (`projector`, the class's screen); `source`, `event`
and `q` (a passage's index) on Sources, with `narrative` and `step` from a
slide; `measure` on Figures; and `lang` on every page. Each page
reads its own with a `*_from_params` function, which drops what doesn't fit
with a notice in the interface language, and builds its link with a
`*_params` function. Nothing else reads or writes a parameter by name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from .i18n import DEFAULT_LANGUAGE, tr
from .loading import Catalog
from .present import CHRONOLOGY_ID, narrative_or_chronology
from .rooms import CODE
from .timeline import DEFAULT_RANGE, DEFAULT_TIME, RANGES, format_local, parse_local, range_for

LANG = "lang"
# A link's time, as the app writes it: Baku local time to the minute. The offline file's parser
# (frontend/src/link.js) reads the same; tests/link_cases.json holds the cases both must agree on.
LINK_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}")
PARAMETERS = ("t", "r", "place", "event", "narrative", "step", "room", "view", "source", "q", "measure", LANG)


def link_time(text: str) -> datetime | None:
    """A link's `t` as a time in Baku, or None unless it is a real local time to the minute ('1990-01-20T02:00')."""
    return parse_local(text) if LINK_TIME.fullmatch(text) else None


def page_params(params: Mapping[str, str]) -> dict[str, str]:
    """The link's parameters that belong to the page: everything but the language."""
    return {k: v for k, v in params.items() if k != LANG}


def with_language(params: Mapping[str, str], lang: str) -> dict[str, str]:
    """Parameters for a link, carrying the language unless it is the default."""
    return {**params, **({LANG: lang} if lang != DEFAULT_LANGUAGE else {})}


# --- Explore and Chronology ---------------------------------------------------


@dataclass
class ViewState:
    """What a link asks to show, after every unknown or malformed value was dropped."""

    range_key: str = DEFAULT_RANGE
    time: datetime = DEFAULT_TIME
    place: str | None = None
    event: str | None = None
    notices: list[str] = field(default_factory=list)


def view_from_params(params: Mapping[str, str], catalog: Catalog, lang: str = "en") -> ViewState:
    """Read `t`, `r`, `place` and `event` from the URL, politely ignoring what doesn't fit."""
    view = ViewState()
    asked_range = params.get("r")
    if asked_range:
        if asked_range in RANGES:
            view.range_key = asked_range
        else:
            view.notices.append(tr(lang, "bad_range", value=asked_range, known=", ".join(RANGES)))
    text = params.get("t")
    when = link_time(text) if text else None
    if text and when is None:
        view.notices.append(tr(lang, "bad_time", value=text))
    if when is not None:
        if not asked_range or asked_range not in RANGES:
            view.range_key = range_for(when)
        time_range = RANGES[view.range_key]
        if not time_range.start <= when <= time_range.end:
            view.notices.append(tr(lang, "time_outside_range", value=text))
        view.time = time_range.snap(when)
    else:  # no time, or none to take: the default time's step in the range
        view.time = RANGES[view.range_key].snap(DEFAULT_TIME)
    place = params.get("place")
    if place:
        if place in catalog.places:
            view.place = place
        else:
            view.notices.append(tr(lang, "bad_place", value=place))
    event = params.get("event")
    if event:
        if catalog.event(event):
            view.event = event
        else:
            view.notices.append(tr(lang, "bad_event", value=event))
    return view


def explore_params(time: datetime | str, range_key: str = DEFAULT_RANGE, place: str | None = None,
                   event: str | None = None) -> dict[str, str]:
    """The link to a step of a range, with a selected place or event; the default range is left out."""
    params = {"t": time if isinstance(time, str) else format_local(time)}
    if range_key != DEFAULT_RANGE:
        params["r"] = range_key
    if place:
        params["place"] = place
    if event:
        params["event"] = event
    return params


def chronology_params(time: datetime | str, range_key: str = DEFAULT_RANGE) -> dict[str, str]:
    return explore_params(time, range_key)


# --- Present -------------------------------------------------------------------


def slide_from_params(params: dict[str, str], catalog: Catalog, lang: str = "en") -> tuple[str, int, list[str]]:
    """Read `narrative` and `step` from the URL: (narrative id, step, notices), politely ignoring what doesn't fit."""
    notices = []
    default = next(iter(catalog.narratives), CHRONOLOGY_ID)
    asked = params.get("narrative")
    narrative = default
    if asked:
        if narrative_or_chronology(catalog, asked):
            narrative = asked
        else:
            notices.append(tr(lang, "bad_narrative", value=asked))
    shown = narrative_or_chronology(catalog, narrative)
    assert shown is not None, f"narrative {narrative!r} is the default or one just found"
    count = len(shown.steps)
    step, text = 0, params.get("step")
    if text:
        if text.isascii() and text.isdigit() and int(text) <= count:
            step = int(text)
        else:
            notices.append(tr(lang, "bad_step", value=text, count=count))
    return narrative, step, notices


def present_params(narrative: str, step: int, room: str | None = None, view: str | None = None) -> dict[str, str]:
    """The link to a slide; with `room`, one that follows the lesson's other view; `view="projector"` for the class."""
    return {"narrative": narrative, "step": str(step), **({"room": room} if room else {}), **({"view": view} if view else {})}


def room_from_params(
    params: Mapping[str, str], where: Callable[[str], object | None], lang: str = "en"
) -> tuple[str | None, str | None]:
    """Read `room`: (the code, if it names an open room; a notice where the link's room is malformed or closed)."""
    asked = params.get("room")
    if not asked:
        return None, None
    if CODE.match(asked) and where(asked) is not None:
        return asked, None
    return None, tr(lang, "room_closed", value=asked)


# --- Sources -------------------------------------------------------------------


@dataclass
class SourceLink:
    """What a link to the Sources page asks for: the source, the passage to mark (event id, citation index),
    and the slide it came from, to go back to."""

    source: str | None = None
    passage: tuple[str, int] | None = None
    notices: list[str] = field(default_factory=list)
    slide: tuple[str, int] | None = None


def source_from_params(params: Mapping[str, str], catalog: Catalog, shown: str | None, lang: str = "en") -> SourceLink:
    """Read `source`, `event` and `q`. The passage counts only if it is one of `shown`'s (the source on the page)."""
    link = SourceLink()
    asked = params.get("source")
    if asked:
        if asked in catalog.sources:
            link.source = asked
        else:
            link.notices.append(tr(lang, "bad_source", value=asked))
    event_id = params.get("event")
    event = catalog.event(event_id) if event_id else None
    if event_id and event is None:
        link.notices.append(tr(lang, "bad_event", value=event_id))
    on_page = link.source or shown
    if event is not None:
        # A passage the link names must be one of the event's in the source on the page, or it gets a notice
        # (as in the offline file); an event alone means its first passage, if that is in this source.
        text = params.get("q")
        n = int(text) if text is not None and text.isascii() and text.isdigit() else -1
        if text is None and event.citations[0].source == on_page:
            link.passage = (event.id, 0)
        elif 0 <= n < len(event.citations) and event.citations[n].source == on_page:
            link.passage = (event.id, n)
        elif text is not None:
            link.notices.append(tr(lang, "bad_passage", value=text))
    if "narrative" in params:  # a slide's "Read it in the source": its way back
        narrative, step, _ = slide_from_params(dict(params), catalog, lang)
        link.slide = (narrative, step)
    return link


def source_params(
    source: str, event: str | None = None, quote: int | None = None, slide: tuple[str, int] | None = None
) -> dict[str, str]:
    """The link to a source's text, at one of an event's passages when `event` and `quote` are given.

    From a slide, `slide` (narrative, step) lets the page go back to it rather than to the event.
    """
    passage = {"event": event, "q": str(quote)} if event and quote is not None else {}
    back = {"narrative": slide[0], "step": str(slide[1])} if slide else {}
    return {"source": source, **passage, **back}


def event_params(event: str) -> dict[str, str]:
    """The link to an event on Explore (its panel), at the range's default step."""
    return {"event": event}


# --- Figures -------------------------------------------------------------------


def measure_from_params(params: Mapping[str, str], available: list[str], lang: str = "en") -> tuple[str | None, list[str]]:
    """Read `measure`: (the measure, or None if none was asked or it is unknown; notices)."""
    asked = params.get("measure")
    if not asked:
        return None, []
    if asked in available:
        return asked, []
    return None, [tr(lang, "bad_measure", value=asked)]


def figures_params(measure: str) -> dict[str, str]:
    return {"measure": measure}
