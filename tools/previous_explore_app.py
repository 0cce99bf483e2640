"""The Explore page as it was before it scrubbed in the browser: a fragment reran at every step.

Kept for the benchmark only (python -m benchmarks), which times a
click on a place here and on the page the app has now, in the same run.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st

st.set_page_config(page_title="Black January 1990 (previous Explore page)", layout="wide")


def _link_as_text(page, *, label, **_ignored):
    st.caption(label)


# This page runs alone, outside app.py's navigation, so a link to another page
# cannot resolve: each passage's "In the source" link is drawn as its label.
st.page_link = _link_as_text

import time

from app_pages.shared import _, catalog, lang, passages, set_url, url_params, view_for
from blackjanuary.basemap import ATTRIBUTION
from blackjanuary.claims import support_text
from blackjanuary.formats import FORMATS
from blackjanuary.geo import distances_text
from blackjanuary.i18n import tr
from blackjanuary.maps import MAP_HEIGHT, tiles_from_env
from blackjanuary.models import Event
from blackjanuary.selection import event_from_timeline, place_from_map
from blackjanuary.text import md_escape
from blackjanuary.timeline import (
    DEFAULT_RANGE,
    RANGES,
    describe_event_window,
    describe_step,
    format_local,
    parse_local,
    step_label,
)
from blackjanuary.timeline_figure import SINGLE_SOURCE_MARK
from blackjanuary.urls import view_from_params

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
    asked = url_params()
    if state.get("_url") == asked or (not asked and "t" in state):
        return
    view = view_from_params(asked, data, lang())
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
    badge = f" · :red-badge[{_('at_this_step_badge')}]" if event.id in now else ""
    window = describe_event_window(event, lang())
    precision = _(f"precision_{event.precision.value}")
    with st.expander(f"{md_escape(event.title)}", expanded=expanded):
        st.markdown(f"**{md_escape(window)}**{badge}  \n{md_escape(event.when)} · {_('precision')}: {precision}")
        st.markdown(md_escape(event.summary))
        single = f" :orange-badge[{_('single_source_badge')}]" if len(event.source_ids) == 1 else ""
        st.markdown(f"{md_escape(support_text(data, event, lang()))}{single}")
        if event.time_ref:
            st.caption(md_escape(_("outside_texts", ref=event.time_ref)))
        here = [data.places[p] for p in event.places]
        cols = st.columns(len(here)) if len(here) <= 3 else st.columns(3)
        for i, place in enumerate(here):
            cols[i % len(cols)].button(
                md_escape(place.name_in(lang())), key=f"go-{event.id}-{place.id}", icon=":material/place:",
                on_click=_select, kwargs={"place": place.id}, width="stretch",
            )
        st.markdown(f"**{_('what_sources_say', count=len(event.citations))}**")
        passages(data, event)


def _panel(position: int, view) -> None:
    now = view.index.active[position]
    if state.event and data.event(state.event):
        event = data.event(state.event)
        st.subheader(md_escape(event.title))
        st.button(_("clear_selection"), icon=":material/close:", on_click=_select, key="clear-event")
        _event_card(event, now, expanded=True)
    elif state.place and state.place in data.places:
        place = data.places[state.place]
        other_names = [n for n in (place.name, place.names.az, place.names.ru) if n != place.name_in(lang())]
        st.subheader(md_escape(place.name_in(lang())))
        st.caption(" · ".join(md_escape(n) for n in other_names))
        st.markdown(md_escape(place.description))
        st.caption(f"{_('distances')}: {md_escape(distances_text(place, list(data.places.values()), lang()))}")
        st.caption(f"{_('coordinates')}: {md_escape(place.coordinates_ref)}")
        st.button(_("clear_selection"), icon=":material/close:", on_click=_select, key="clear-place")
        events = data.events_at(place.id)
        st.markdown(f"**{_('events_here', count=len(events))}**")
        for event in _listed(events):
            _event_card(event, now, expanded=event.id in now)
    else:
        moment, ongoing = view.split_active(position)
        st.subheader(_("at_this_step"))
        if not moment:
            st.info(_("no_event_in_step"))
        for event in _listed(moment):
            _pick_button(event)
        if ongoing:
            st.markdown(f"**{_('longer_periods')}**")
            for event in _listed(ongoing):
                _pick_button(event)
        st.caption(_("click_hint"))


def _listed(events: list[Event]) -> list[Event]:
    """The first MAX_LISTED events; the rest are counted, so a huge catalogue keeps a readable panel."""
    if len(events) > MAX_LISTED:
        st.caption(_("first_of", shown=MAX_LISTED, count=len(events)))
    return events[:MAX_LISTED]


def _pick_button(event: Event) -> None:
    window = describe_event_window(event, lang())
    st.button(
        f"**{md_escape(event.title)}**  \n{md_escape(window)}", key=f"pick-{event.id}", on_click=_select,
        kwargs={"event": event.id}, width="stretch",
    )


def _beyond_baku(statuses: dict[str, str]) -> None:
    away = [p for p in data.places.values() if not p.in_baku]
    if not away:
        return
    st.markdown(f"**{_('beyond_baku')}**")
    cols = st.columns(len(away))
    for col, place in zip(cols, away):
        marker = {"active": ":red[●]", "open": ":orange[●]", "past": ":gray[●]", "future": ":blue[○]"}[statuses[place.id]]
        col.button(
            f"{marker} {md_escape(place.name_in(lang()))}", key=f"away-{place.id}", on_click=_select,
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
        _("time_in_baku"), options=steps, key="t", format_func=lambda s, code=lang(): step_label(parse_local(s), time_range, code),
    )
    position = steps.index(state.t)
    active = view.active_events(position)
    st.markdown(
        f"**{md_escape(describe_step(view.steps[position], time_range, lang()))}** · "
        f"{_('events_in_step', count=len(active))}"
    )

    left, right = st.columns([3, 2], gap="medium")
    with left:
        st.pydeck_chart(
            view.deck(position, state.place, state.tiles, lang()), key="map", on_select="rerun",
            selection_mode="single-object", height=MAP_HEIGHT, alt=_("map_alt"),
        )
        key_col, tiles_col = st.columns([3, 1], vertical_alignment="center")
        key_col.caption(f"{_('map_key')}  \n{_('basemap')} {ATTRIBUTION}{' · © CARTO' if state.tiles else ''}")
        tiles_col.toggle(_("street_tiles"), key="tiles", help=_("street_tiles_help"))
        _beyond_baku(view.statuses[position])
    with right, st.container(height=PANEL_HEIGHT, border=False):
        _panel(position, view)
    st.html(view.cursor(position))  # hangs over the timeline drawn just below
    state._url = _url()
    set_url(state._url)


@st.fragment
def timeline() -> None:
    """The timeline of the range; it reruns on a click on it, not on a scrub."""
    _take_chart_selections("timeline")
    _follow_selection_everywhere()
    state._drawn_selection = (state.place, state.event)
    st.plotly_chart(
        view_for(state.range).figure(state.event, lang()), key="timeline", on_select="rerun",
        selection_mode="points", config={"displayModeBar": False},
    )
    st.caption(_("timeline_key", mark=SINGLE_SOURCE_MARK))


st.title(_("explore_title"))
st.caption(_("explore_intro"))
for notice in state.pop("notices", []):
    st.warning(md_escape(notice), icon=":material/link_off:")
controls = st.columns([3, 1.5, 7.5], vertical_alignment="bottom")
controls[0].segmented_control(
    _("span"), options=list(RANGES), key="range", required=True,
    format_func=lambda k, code=lang(): tr(code, f"range_{k}"), on_change=_snap_to_range, help=_("span_help"),
)
controls[1].button(
    _("pause") if state.get("playing") else _("play"),
    icon=":material/pause:" if state.get("playing") else ":material/play_arrow:",
    key="play", width="stretch", on_click=lambda: state.update(playing=not state.get("playing")),
    help=_("play_help"),
)
scrubber()
timeline()
with st.expander(_("download_title"), icon=":material/download:"):
    st.caption(_("download_intro"))
    for column, data_format in zip(st.columns(len(FORMATS)), FORMATS.values()):
        column.download_button(
            _(f"download_{data_format.key}"), data=lambda f=data_format: f.render(data),  # built on click
            file_name=data_format.filename, mime=data_format.mime, on_click="ignore",
            icon=":material/download:", key=f"download-{data_format.key}", width="stretch",
        )
state._full_run = False
