"""Turn chart and component selection payloads into ids the app can trust (URL parameters: see urls.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .loading import Catalog

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
