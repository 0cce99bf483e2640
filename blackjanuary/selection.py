"""Turn chart selection payloads and URL parameters into ids the app can trust."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Mapping

from .i18n import tr
from .loading import Catalog
from .timeline import DEFAULT_RANGE, DEFAULT_TIME, RANGES, parse_local, range_for

PLACE_LAYERS = ("places", "lines")


def _get(obj: Any, key: str) -> Any:
    if obj is None:
        return None
    if isinstance(obj, Mapping):
        return obj.get(key)
    return getattr(obj, key, None)


def place_from_map(state: Any) -> str | None:
    """The place id picked on the map, from `st.pydeck_chart(on_select=...)` state, or None."""
    objects = _get(_get(state, "selection"), "objects") or {}
    for layer in PLACE_LAYERS:
        for row in _get(objects, layer) or []:
            place_id = _get(row, "id")
            if isinstance(place_id, str):
                return place_id
    return None


def event_from_timeline(state: Any) -> str | None:
    """The event id picked on the timeline, from `st.plotly_chart(on_select=...)` state, or None."""
    for point in _get(_get(state, "selection"), "points") or []:
        custom = _get(point, "customdata")
        if isinstance(custom, (list, tuple)) and custom:
            custom = custom[0]
        if isinstance(custom, str):
            return custom
    return None


def choice_from_component(value: Any, catalog: Catalog) -> tuple[str | None, str | None]:
    """(place, event) from the Explore component's `select` trigger, each None unless the catalogue knows it."""
    place, event = _get(value, "place"), _get(value, "event")
    place = place if isinstance(place, str) and place in catalog.places else None
    event = event if isinstance(event, str) and catalog.event(event) else None
    return place, event


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
    if text:
        when = parse_local(text)
        if when is None:
            view.notices.append(tr(lang, "bad_time", value=text))
        else:
            if not asked_range or asked_range not in RANGES:
                view.range_key = range_for(when)
            time_range = RANGES[view.range_key]
            if not time_range.start <= when <= time_range.end:
                view.notices.append(tr(lang, "time_outside_range", value=text))
            view.time = time_range.snap(when)
    elif view.range_key != DEFAULT_RANGE:
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
