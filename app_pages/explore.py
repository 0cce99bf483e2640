"""Explore: scrub through the night, watch the map and the timeline, read the passages behind each event.

The scrubber, the map, the timeline and the list of what is at the step are
one component that scrubs in the browser (blackjanuary/component/, built from
frontend/). The page learns the step when the slider rests and keeps it in the
link; a click on a place or an event selects it here, and the panel with its
passages is drawn by the page.
"""

import streamlit as st

from app_pages.shared import (
    _,
    catalog,
    data_key,
    explorer_component,
    explorer_download,
    explorer_payload_for,
    lang,
    passages,
    set_url,
    timing,
    translation_note,
    url_params,
    view_for,
    who_the_sources_are_line,
)
from blackjanuary import explore_state
from blackjanuary.claims import support_text
from blackjanuary.explorer import component_data
from blackjanuary.formats import FORMATS
from blackjanuary.geo import distances_text
from blackjanuary.i18n import tr
from blackjanuary.maps import MAP_HEIGHT, tiles_from_env
from blackjanuary.models import Event
from blackjanuary.provenance import outside_the_texts
from blackjanuary.text import md_escape
from blackjanuary.timeline import RANGES, describe_event_window, format_local

MAX_LISTED = 25
PANEL_HEIGHT = MAP_HEIGHT + 260  # beside the slider, the map and the top of the list
state = st.session_state
data = catalog()


def _snap_to_range() -> None:
    explore_state.snap_to_range(state)


def _select(place: str | None = None, event: str | None = None) -> None:
    explore_state.select(state, place, event)


def _event_card(event: Event, now: frozenset[str], expanded: bool) -> None:
    badge = f" · :red-badge[{_('at_this_step_badge')}]" if event.id in now else ""
    window = describe_event_window(event, lang())
    precision = _(f"precision_{event.precision.value}")
    with st.expander(f"{md_escape(event.title)}", expanded=expanded):
        st.markdown(f"**{md_escape(window)}**{badge}  \n{md_escape(event.when)} · {_('precision')}: {precision}")
        st.markdown(md_escape(event.summary))
        timing(data, event, expanded=expanded)
        single = f" :orange-badge[{_('single_source_badge')}]" if len(event.source_ids) == 1 else ""
        st.markdown(f"{md_escape(support_text(data, event, lang()))}{single}")
        for line in outside_the_texts(event, lang()):
            st.caption(md_escape(line))
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
        if place.coordinates_estimated:
            st.caption(f":orange-badge[{_('coordinates')}] {md_escape(_('coordinates_estimated', ref=' '.join(place.coordinates_ref.split())))}")
        else:
            st.caption(f"{_('coordinates')}: {md_escape(place.coordinates_ref)}")
        st.button(_("clear_selection"), icon=":material/close:", on_click=_select, key="clear-place")
        events = data.events_at(place.id)
        st.markdown(f"**{_('events_here', count=len(events))}**")
        if len(events) > MAX_LISTED:
            st.caption(_("first_of", shown=MAX_LISTED, count=len(events)))
        for event in events[:MAX_LISTED]:
            _event_card(event, now, expanded=event.id in now)
    else:
        st.info(_("click_hint"), icon=":material/touch_app:")


def _take_step() -> None:
    """The slider came to rest on a step: keep it, if it is one of the range's."""
    explore_state.take_step(state, state.explorer.get("step"), [format_local(s) for s in view_for(state.range).steps])


def _take_selection() -> None:
    explore_state.take_selection(state, state.explorer.get("select"), data)


@st.fragment
def explorer() -> None:
    """The component and the panel: a resting slider or a click reruns only these."""
    view = view_for(state.range)
    position = explore_state.fit_step(state, [format_local(s) for s in view.steps])
    left, right = st.columns([3, 2], gap="medium")
    with left:
        payload_key = f"{state.range}:{lang()}:{data_key()}"
        explorer_component()(
            key="explorer",
            data=component_data(
                explorer_payload_for(state.range, lang()), payload_key,
                {"step": state.t, "place": state.place, "event": state.event, "tiles": state.tiles},
            ),
            on_step_change=_take_step, on_select_change=_take_selection,
        )
    with right, st.container(height=PANEL_HEIGHT, border=False):
        _panel(position, view)
    set_url(explore_state.link(state))
    explore_state.remember(state)


explore_state.read_link(state, url_params(), data, lang())
state.setdefault("tiles", tiles_from_env())
st.title(_("explore_title"))
st.caption(" ".join(filter(None, [_("explore_intro"), translation_note()])))
who_the_sources_are_line()
for notice in state.pop("notices", []):
    st.warning(md_escape(notice), icon=":material/link_off:")
controls = st.columns([3, 2, 6], vertical_alignment="bottom")
controls[0].segmented_control(
    _("span"), options=list(RANGES), key="range", required=True,
    format_func=lambda k, code=lang(): tr(code, f"range_{k}"), on_change=_snap_to_range, help=_("span_help"),
)
controls[1].toggle(_("street_tiles"), key="tiles", help=_("street_tiles_help"))
explorer()
with st.expander(_("download_title"), icon=":material/download:"):
    st.caption(_("download_intro"))
    for column, data_format in zip(st.columns(len(FORMATS)), FORMATS.values()):
        column.download_button(
            _(f"download_{data_format.key}"), data=lambda f=data_format: f.render(data),  # built on click
            file_name=data_format.filename, mime=data_format.mime, on_click="ignore",
            icon=":material/download:", key=f"download-{data_format.key}", width="stretch",
        )
    explorer_download("download-explorer")
