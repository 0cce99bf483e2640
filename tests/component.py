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

_held: dict[str, dict] = {}  # the payloads and panels given so far, by key, as the browser keeps them


def _element(at: AppTest):
    [element] = at.get("bidi_component")
    return element


def _split(at: AppTest) -> tuple[dict, bytes | None]:
    """The state line and the payload's bytes (None when the page did not send it); keeps what came."""
    head, *parts = _element(at).proto.bytes.split(b"\n")
    state = json.loads(head)
    assert len(parts) == len(state["sent"]), f"the state line names {state['sent']} and {len(parts)} part(s) came"
    came = dict(zip(state["sent"], parts))
    if "panel" in came:
        _held[state["panel_key"]] = json.loads(came["panel"])
    if "payload" in came:
        _held[state["key"]] = json.loads(came["payload"])
    return state, came.get("payload")


def component_state(at: AppTest) -> dict:
    """The state line the page gave the component: step, selection, tiles and the payload's key."""
    return _split(at)[0]


def sent_payload(at: AppTest) -> bool:
    """Whether the page's last run sent the payload with the state line."""
    return _split(at)[1] is not None


def component_payload(at: AppTest) -> dict:
    """The payload the component holds for the key the page's last run named, with the passage panel in it.

    Like the component, which draws its map first and then asks for the panel it lacks, this asks for the
    panel with the `missing` trigger when it does not hold it yet.
    """
    state, _ = _split(at)
    assert state["key"] in _held, f"the page never sent the payload {state['key']!r}"
    if state["panel_key"] not in _held:
        send(at, trigger=("missing", state["panel_key"]))
        state, _ = _split(at)
        assert state["panel_key"] in _held, f"the page did not send the panel {state['panel_key']!r} when asked"
    return _held[state["key"]] | {"panel": _held[state["panel_key"]]}


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
    if at.get("bidi_component"):  # still on Explore
        _split(at)
    return at


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def panel_heading(at: AppTest) -> str | None:
    """The heading the component's passage panel shows for the selection the page gave it (None: the hint)."""
    state, panel = component_state(at), component_payload(at)["panel"]
    if state["event"] in panel["events"]:
        return panel["events"][state["event"]]["title"]
    if state["place"] in panel["places"]:
        return panel["places"][state["place"]]["name"]
    return None


def panel_text(at: AppTest) -> str:
    """Every text the passage panel shows for the selection: the event's card, or the place and its events' cards."""
    state, panel = component_state(at), component_payload(at)["panel"]

    def cards(event_ids: list[str]) -> list[str]:
        shown = [panel["events"][e] for e in event_ids]
        # A card with the sources' times opens them under this heading.
        return _strings(shown) + ([panel["texts"]["when_by_source"]] if any(c["timing"] for c in shown) else [])

    if state["event"] in panel["events"]:
        return "\n".join(cards([state["event"]]))
    if state["place"] in panel["places"]:
        place = panel["places"][state["place"]]
        return "\n".join(_strings({k: v for k, v in place.items() if k != "events"}) + cards(place["events"]))
    return panel["texts"]["click_hint"]
