"""The Explore component in AppTest: what the page gave it, and the component's answers sent back.

AppTest runs no JavaScript, so a test plays the component's part: it reads
the data the page handed over and sends the state and trigger values the
browser would send (a step when the slider rests, a click on a place or an event).
Like the component, it keeps each payload it was given by its key: the page
sends a payload once, and later runs carry only the state line.
"""

from __future__ import annotations

import json

from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

_held: dict[str, dict] = {}  # the payloads given so far, by key, as the browser keeps them


def _element(at: AppTest):
    [element] = at.get("bidi_component")
    return element


def _split(at: AppTest) -> tuple[dict, bytes | None]:
    """The state line and the payload's bytes (None when the page sent the state alone); keeps the payload."""
    head, _, payload = _element(at).proto.bytes.partition(b"\n")
    state = json.loads(head)
    if payload:
        _held[state["key"]] = json.loads(payload)
        return state, payload
    return state, None


def component_state(at: AppTest) -> dict:
    """The state line the page gave the component: step, selection, tiles and the payload's key."""
    return _split(at)[0]


def sent_payload(at: AppTest) -> bool:
    """Whether the page's last run sent the payload with the state line."""
    return _split(at)[1] is not None


def component_payload(at: AppTest) -> dict:
    """The payload the component holds for the key the page's last run named."""
    state, _ = _split(at)
    assert state["key"] in _held, f"the page never sent the payload {state['key']!r}"
    return _held[state["key"]]


def send(at: AppTest, state: dict | None = None, trigger: tuple[str, object] | None = None) -> AppTest:
    """Run the page again as if the component had set `state` (persistent) and fired `trigger` (once)."""
    _split(at)  # keep the payload the last run sent, as the browser does
    element_id = _element(at).proto.id
    widgets = at._tree.get_widget_states()
    if state is not None:
        widgets.widgets.append(WidgetState(id=element_id, json_value=json.dumps(state)))
    if trigger is not None:
        event, value = trigger
        widgets.widgets.append(WidgetState(
            id=_make_trigger_id(element_id, "events"), json_trigger_value=json.dumps([{"event": event, "value": value}]),
        ))
    at._run(widgets)
    _split(at)
    return at
