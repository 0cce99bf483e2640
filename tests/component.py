"""The Explore component in AppTest: what the page gave it, and the component's answers sent back.

AppTest runs no JavaScript, so a test plays the component's part: it reads
the data the page handed over and sends the state and trigger values the
browser would send (a step when the slider rests, a click on a place or an event).
"""

from __future__ import annotations

import json

from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest


def _element(at: AppTest):
    [element] = at.get("bidi_component")
    return element


def component_state(at: AppTest) -> dict:
    """The state line the page gave the component: step, selection, tiles and the payload's key."""
    head, _ = _element(at).proto.bytes.split(b"\n", 1)
    return json.loads(head)


def component_payload(at: AppTest) -> dict:
    _, payload = _element(at).proto.bytes.split(b"\n", 1)
    return json.loads(payload)


def send(at: AppTest, state: dict | None = None, trigger: tuple[str, object] | None = None) -> AppTest:
    """Run the page again as if the component had set `state` (persistent) and fired `trigger` (once)."""
    element_id = _element(at).proto.id
    widgets = at._tree.get_widget_states()
    if state is not None:
        widgets.widgets.append(WidgetState(id=element_id, json_value=json.dumps(state)))
    if trigger is not None:
        event, value = trigger
        widgets.widgets.append(WidgetState(
            id=_make_trigger_id(element_id, "events"), json_trigger_value=json.dumps([{"event": event, "value": value}]),
        ))
    return at._run(widgets)
