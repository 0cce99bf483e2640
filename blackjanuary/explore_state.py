"""The Explore page's state: what a link, the span switch, the component and the panel's buttons do to it.

Works on any mutable mapping, so the page passes `st.session_state` and the
tests a dict. Keys: `range`, `t` (the step, as in links), `place`, `event`
(the selection), `notices` (what a link asked for that could not be shown),
`_url` (the parameters the page last put in the address, to tell a new link
from our own). The page reads the state, calls these, and lays out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol, overload

from .loading import Catalog
from .selection import choice_from_component
from .timeline import DEFAULT_RANGE, RANGES, format_local, parse_local
from .urls import explore_params, source_params, view_from_params


class State(Protocol):
    """What these functions need of the state: `st.session_state` on the page, a dict in the tests."""

    def __getitem__(self, key: str, /) -> Any: ...
    def __setitem__(self, key: str, value: Any, /) -> None: ...
    def __contains__(self, key: object, /) -> bool: ...
    @overload
    def get(self, key: str, /) -> Any: ...
    @overload
    def get(self, key: str, default: Any, /) -> Any: ...
    def setdefault(self, key: str, default: Any, /) -> Any: ...


def read_link(state: State, asked: Mapping[str, str], catalog: Catalog, lang: str) -> bool:
    """Take the view from the link on first load, and whenever the link was changed from outside.

    Not when the link is the one the page itself wrote last, nor when there is
    no link but the state already has a step (a visit to another page and back).
    Returns whether the link was taken.
    """
    if state.get("_url") == dict(asked) or (not asked and "t" in state):
        return False
    view = view_from_params(asked, catalog, lang)
    state["range"], state["t"] = view.range_key, format_local(view.time)
    state["place"], state["event"] = view.place, view.event
    state["notices"] = view.notices
    return True


def snap_to_range(state: State) -> None:
    """Keep the time when the range changes: the new range's step it falls in (or its first or last)."""
    when = parse_local(state["t"])
    assert when is not None, f"the step {state['t']!r} in the state was written by format_local or is one of the steps"
    state["t"] = format_local(RANGES[state["range"]].snap(when))


def select(state: State, place: str | None = None, event: str | None = None) -> None:
    """Select a place or an event (one at a time), or clear the selection."""
    state["place"], state["event"] = place, event


def take_step(state: State, asked: Any, steps: Iterable[str]) -> bool:
    """The slider came to rest on `asked`: keep it if it is one of the range's steps. Returns whether it was."""
    if isinstance(asked, str) and asked in set(steps):
        state["t"] = asked
        return True
    return False


def take_selection(state: State, value: Any, catalog: Catalog) -> bool:
    """A click on a place or an event in the component: select it if the catalogue knows it.

    An empty choice ({}) is the panel's "clear selection".
    """
    if value == {}:
        select(state)
        return True
    place, event = choice_from_component(value, catalog)
    if place or event:
        select(state, place=place, event=event)
        return True
    return False


def source_link(value: Any, catalog: Catalog) -> dict[str, str] | None:
    """A click on a passage's "in the source" in the component: the Sources page's link to that passage, if the
    catalogue has it (`value` is {source, event, q} from the browser, so anything may be in it)."""
    if not isinstance(value, dict) or not isinstance(value.get("event"), str):
        return None
    event = catalog.event(value["event"])
    n = value.get("q")
    if event is None or type(n) is not int or not 0 <= n < len(event.citations):
        return None
    if event.citations[n].source != value.get("source"):
        return None
    return source_params(event.citations[n].source, event.id, n)


def fit_step(state: State, steps: list[str]) -> int:
    """The step's position in the range, moving the step into the range first if it is not one of its steps."""
    if state.get("t") not in steps:
        snap_to_range(state)
    return steps.index(state["t"])


def needs_payload(state: State, key: str, missing: Any = None) -> bool:
    """Whether this run sends the component the payload `key`: not sent to this session yet, or reported missing.

    The component keeps every payload it was given, by key, for as long as the
    browser keeps the page; `missing` is the key it asked for when it did not
    hold it (the browser loaded the page again).
    """
    sent = state.setdefault("_payloads_sent", [])
    if key in sent and missing != key:
        return False
    if key not in sent:
        sent.append(key)
    return True


def link(state: State) -> dict[str, str]:
    """The link parameters of the view, without the language; remembered as the page's own."""
    params = explore_params(state["t"], state.get("range", DEFAULT_RANGE), state.get("place"), state.get("event"))
    state["_url"] = params
    return params


# Values that outlive a visit to another page. Streamlit forgets a widget's value
# when a run does not draw it, so each full run writes them back. Streamlit's
# persist_state does not fit: Explore and Chronology share `range` and `t`, and
# a persisted value belongs to one page's widget.
KEPT_ACROSS_PAGES = ("range", "t", "place", "event", "tiles", "p_narrative", "p_step", "measure", "source")


def write_back(state: State) -> None:
    """At the start of a full run, write the kept values back, from the copy where Streamlit dropped one.

    A widget's value can go missing after a fragment run that did not draw it
    (the span switch, while the Explore component reran alone); the copy in
    `_kept_<key>`, refreshed by `remember`, brings it back.
    """
    for key in KEPT_ACROSS_PAGES:
        if key in state:
            state[key] = state[key]
        elif f"_kept_{key}" in state:
            state[key] = state[f"_kept_{key}"]
    remember(state)


def remember(state: State) -> None:
    """Copy the kept values aside, for `write_back`."""
    for key in KEPT_ACROSS_PAGES:
        if key in state:
            state[f"_kept_{key}"] = state[key]
