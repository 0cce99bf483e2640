"""Explore: scrub through the night, watch the map and the timeline, read the passages behind each event."""

import time

import streamlit as st

from blackjanuary.basemap import ATTRIBUTION
from blackjanuary.claims import support_text
from blackjanuary.figures import SINGLE_SOURCE_MARK
from blackjanuary.geo import distances_text
from blackjanuary.maps import MAP_HEIGHT, tiles_from_env
from blackjanuary.models import Event
from blackjanuary.selection import event_from_timeline, place_from_map, view_from_params
from blackjanuary.text import md_escape
from blackjanuary.timeline import DEFAULT_RANGE, RANGES, describe_step, describe_window, format_local, parse_local
from app_pages.shared import catalog, passages, view_for

PLAY_SECONDS = 1.5
MAX_LISTED = 25
PANEL_HEIGHT = MAP_HEIGHT + 190  # the map, its key and the places beyond Baku
state = st.session_state
data = catalog()


def _url() -> dict[str, str]:
    params = {"t": state.t}
    if state.range != DEFAULT_RANGE:
        params["r"] = state.range
    if state.place:
        params["place"] = state.place
    if state.event:
        params["event"] = state.event
    return params


def _read_url() -> None:
    """Take the view from the URL on first load, and again whenever the URL was changed from outside."""
    asked = st.query_params.to_dict()
    if state.get("_url") == asked or (not asked and "t" in state):
        return
    view = view_from_params(st.query_params.to_dict(), data)
    state.range, state.t = view.range_key, format_local(view.time)
    state.place, state.event = view.place, view.event
    state.notices = view.notices
    state.playing = False


def _snap_to_range() -> None:
    """Keep the scrubbed time when the range changes, at the nearest step of the new range."""
    time_range = RANGES[state.range]
    state.t = format_local(time_range.snap(parse_local(state.t)))


def _select(place: str | None = None, event: str | None = None) -> None:
    state.place, state.event = place, event


CHARTS = {
    "map": (place_from_map, lambda picked: _select(place=picked)),
    "timeline": (event_from_timeline, lambda picked: _select(event=picked)),
}


def _take_chart_selections(key: str) -> None:
    """Apply a click on the map or the timeline, once: chart state repeats on every rerun."""
    read, apply = CHARTS[key]
    picked = read(state.get(key))
    if picked != state.get(f"_seen_{key}"):
        state[f"_seen_{key}"] = picked
        if picked and (picked in data.places or data.event(picked)):
            apply(picked)


def _advance() -> None:
    """While playing, move one step per tick and stop at the end of the range."""
    if not state.get("playing") or time.monotonic() - state.get("_tick", 0) < PLAY_SECONDS * 0.8:
        return
    state._tick = time.monotonic()
    steps = [format_local(s) for s in view_for(state.range).steps]
    position = steps.index(state.t)
    if position + 1 < len(steps):
        state.t = steps[position + 1]
    else:
        state.playing = False
        st.rerun()


def _event_card(event: Event, now: frozenset[str], expanded: bool) -> None:
    badge = " · :red-badge[at this step]" if event.id in now else ""
    window = describe_window(event.start, event.end, event.precision.value)
    with st.expander(f"{md_escape(event.title)}", expanded=expanded):
        st.markdown(f"**{md_escape(window)}**{badge}  \n{md_escape(event.when)} · precision: {event.precision.value}")
        st.markdown(md_escape(event.summary))
        single = " :orange-badge[single source]" if len(event.source_ids) == 1 else ""
        st.markdown(f"{md_escape(support_text(data, event))}{single}")
        if event.time_ref:
            st.caption(f"Date or time from outside the texts: {md_escape(event.time_ref)}")
        here = [data.places[p] for p in event.places]
        cols = st.columns(len(here)) if len(here) <= 3 else st.columns(3)
        for i, place in enumerate(here):
            cols[i % len(cols)].button(
                md_escape(place.name), key=f"go-{event.id}-{place.id}", icon=":material/place:",
                on_click=_select, kwargs={"place": place.id}, width="stretch",
            )
        st.markdown(f"**What the sources say** ({len(event.citations)} passage{'s' if len(event.citations) != 1 else ''})")
        passages(data, event)


def _panel(position: int, view) -> None:
    now = view.index.active[position]
    if state.event and data.event(state.event):
        event = data.event(state.event)
        st.subheader(md_escape(event.title))
        st.button("Clear selection", icon=":material/close:", on_click=_select, key="clear-event")
        _event_card(event, now, expanded=True)
    elif state.place and state.place in data.places:
        place = data.places[state.place]
        st.subheader(md_escape(place.name))
        st.caption(f"{md_escape(place.names.az)} · {md_escape(place.names.ru)}")
        st.markdown(md_escape(place.description))
        st.caption(f"Distances: {md_escape(distances_text(place, list(data.places.values())))}")
        st.caption(f"Coordinates: {md_escape(place.coordinates_ref)}")
        st.button("Clear selection", icon=":material/close:", on_click=_select, key="clear-place")
        events = data.events_at(place.id)
        st.markdown(f"**{len(events)} event{'s' if len(events) != 1 else ''} here, in time order**")
        for event in _listed(events):
            _event_card(event, now, expanded=event.id in now)
    else:
        moment, ongoing = view.split_active(position)
        st.subheader("At this step")
        if not moment:
            st.info("No event in the catalogue falls in this step. Move the scrubber, or widen the span.")
        for event in _listed(moment):
            _pick_button(event)
        if ongoing:
            st.markdown("**Longer periods this step falls in**")
            for event in _listed(ongoing):
                _pick_button(event)
        st.caption("Click a place on the map or a span on the timeline to read the source passages behind it.")


def _listed(events: list[Event]) -> list[Event]:
    """The first MAX_LISTED events; the rest are counted, so a huge catalogue keeps a readable panel."""
    if len(events) > MAX_LISTED:
        st.caption(f"The first {MAX_LISTED} of {len(events)}, in time order; the timeline shows them all.")
    return events[:MAX_LISTED]


def _pick_button(event: Event) -> None:
    window = describe_window(event.start, event.end, event.precision.value)
    st.button(
        f"**{md_escape(event.title)}**  \n{md_escape(window)}", key=f"pick-{event.id}", on_click=_select,
        kwargs={"event": event.id}, width="stretch",
    )


def _beyond_baku(statuses: dict[str, str]) -> None:
    away = [p for p in data.places.values() if not p.in_baku]
    if not away:
        return
    st.markdown("**Beyond Baku**")
    cols = st.columns(len(away))
    for col, place in zip(cols, away):
        marker = {"active": ":red[●]", "past": ":gray[●]", "future": ":blue[○]"}[statuses[place.id]]
        col.button(
            f"{marker} {md_escape(place.name)}", key=f"away-{place.id}", on_click=_select,
            kwargs={"place": place.id}, width="stretch",
        )


_read_url()
state.setdefault("tiles", tiles_from_env())
state._full_run = True
for chart in CHARTS:  # a full run takes clicks on both charts before drawing anything
    _take_chart_selections(chart)


def _follow_selection_everywhere() -> None:
    """After a click changed the selection inside one fragment, redraw the whole page once.

    Scrubbing reruns only the scrubber; the timeline's outline of the selected
    event lives in the other fragment, so a new selection needs a full run.
    """
    if not state._full_run and state.get("_drawn_selection") != (state.place, state.event):
        st.rerun()


@st.fragment(run_every=PLAY_SECONDS if state.get("playing") else None)
def scrubber() -> None:
    """Slider, map and panel: everything a scrub step changes. The timeline below stays put."""
    _advance()
    _take_chart_selections("map")
    _follow_selection_everywhere()
    view = view_for(state.range)
    steps = [format_local(s) for s in view.steps]
    if state.t not in steps:
        _snap_to_range()
    time_range = RANGES[state.range]
    st.select_slider(
        "Time in Baku (UTC+04:00)", options=steps, key="t",
        format_func=lambda s: parse_local(s).strftime(time_range.tick_format),
    )
    position = steps.index(state.t)
    active = view.active_events(position)
    st.markdown(
        f"**{md_escape(describe_step(view.steps[position], time_range))}** · "
        f"{len(active)} event{'s' if len(active) != 1 else ''} in this step"
    )

    left, right = st.columns([3, 2], gap="medium")
    with left:
        st.pydeck_chart(
            view.deck(position, state.place, state.tiles), key="map", on_select="rerun",
            selection_mode="single-object", height=MAP_HEIGHT,
            alt="Map of Baku: places with events at this step in red, earlier ones grey",
        )
        key_col, tiles_col = st.columns([3, 1], vertical_alignment="center")
        key_col.caption(
            ":red[●] events at this step · :gray[●] earlier · :blue[○] later. Hover for a name, click for its passages.  \n"
            f"Basemap {ATTRIBUTION}{' · © CARTO' if state.tiles else ''}"
        )
        tiles_col.toggle("Street tiles", key="tiles", help="Load street tiles from the internet. Off, the map uses only its bundled coastline and makes no request.")
        _beyond_baku(view.statuses[position])
    with right, st.container(height=PANEL_HEIGHT, border=False):
        _panel(position, view)
    st.html(view.cursor(position))  # hangs over the timeline drawn just below
    state._url = _url()
    st.query_params.from_dict(state._url)


@st.fragment
def timeline() -> None:
    """The timeline of the range; it reruns on a click on it, not on a scrub."""
    _take_chart_selections("timeline")
    _follow_selection_everywhere()
    state._drawn_selection = (state.place, state.event)
    st.plotly_chart(
        view_for(state.range).figure(state.event), key="timeline", on_select="rerun",
        selection_mode="points", config={"displayModeBar": False},
    )
    st.caption(
        f"{SINGLE_SOURCE_MARK} rests on a single source · hatched: a window known only approximately or to the day · "
        "click a span for its passages"
    )


st.title("Black January: Baku, 19–20 January 1990")
st.caption(
    "Scrub through the night and read what five published texts say happened, and where. "
    "Figures and wording are each source's own; times are windows, as precise as the evidence allows."
)
for notice in state.pop("notices", []):
    st.warning(md_escape(notice), icon=":material/link_off:")
controls = st.columns([3, 1, 8], vertical_alignment="bottom")
controls[0].segmented_control(
    "Span", options=list(RANGES), key="range", required=True,
    format_func=lambda k: RANGES[k].label.split(":")[0], on_change=_snap_to_range,
    help="The night hour by hour, January in 6-hour steps, or 1987–1993 month by month",
)
controls[1].button(
    "Pause" if state.get("playing") else "Play",
    icon=":material/pause:" if state.get("playing") else ":material/play_arrow:",
    key="play", width="stretch", on_click=lambda: state.update(playing=not state.get("playing")),
    help="Step through the span on its own, one step every 1.5 seconds",
)
scrubber()
timeline()
state._full_run = False
