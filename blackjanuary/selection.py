"""Turn chart and component selection payloads into ids the app can trust (URL parameters: see urls.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .loading import Catalog


def _get(obj: Any, key: str) -> Any:
    if obj is None:
        return None
    if isinstance(obj, Mapping):
        return obj.get(key)
    return getattr(obj, key, None)


def choice_from_component(value: Any, catalog: Catalog) -> tuple[str | None, str | None]:
    """(place, event) from the Explore component's `select` trigger, each None unless the catalogue knows it."""
    place, event = _get(value, "place"), _get(value, "event")
    place = place if isinstance(place, str) and place in catalog.places else None
    event = event if isinstance(event, str) and catalog.event(event) else None
    return place, event
