"""Explore: scrub through the night, watch the map and the timeline, read the passages behind each event.

The scrubber, the map, the timeline, the list of what is at the step and the
passage panel are one component that runs in the browser
(blackjanuary/component/, built from frontend/), the same as in the offline
file. The page learns the step when the slider rests and the selection when
it changes, to keep them in the link; a passage's "in the source" opens the
Sources page at it.
"""

from functools import partial

import streamlit as st

from app_pages.shared import (
    _,
    catalog,
    data_key,
    explorer_component,
    explorer_download,
    explorer_panel_for,
    explorer_payload_for,
    lang,
    range_name,
    set_url,
    translation_note,
    url_params,
    view_for,
    who_the_sources_are_line,
    with_lang,
)
from blackjanuary import explore_state
from blackjanuary.explorer import component_data
from blackjanuary.formats import FORMATS
from blackjanuary.maps import tiles_from_env
from blackjanuary.text import md_escape
from blackjanuary.timeline import RANGES, format_local

state = st.session_state
data = catalog()


def _snap_to_range() -> None:
    explore_state.snap_to_range(state)


def _take_step() -> None:
    """The slider came to rest on a step: keep it, if it is one of the range's."""
    explore_state.take_step(state, state.explorer.get("step"), [format_local(s) for s in view_for(state.range).steps])


def _take_selection() -> None:
    explore_state.take_selection(state, state.explorer.get("select"), data)


def _open_source() -> None:
    state._source_link = explore_state.source_link(state.explorer.get("source"), data)


def _payload_missing() -> None:
    """The component was given a payload's or the panel's key without it and does not hold it: send it this run."""
    state._payload_missing = state.explorer.get("missing")


@st.fragment
def explorer() -> None:
    """The component: a resting slider or a click reruns only this, to keep the link."""
    if target := state.pop("_source_link", None):
        st.switch_page("app_pages/sources.py", query_params=with_lang(target))
    explore_state.fit_step(state, [format_local(s) for s in view_for(state.range).steps])
    # The payload travels once per range, language and data version, and the passage panel once per language and
    # data version, when the component asks for it (after its map is drawn); a rerun carries only the state line.
    payload_key = f"{state.range}:{lang()}:{data_key()}"
    panel_key = f"panel:{lang()}:{data_key()}"
    missing = state.pop("_payload_missing", None)
    send = explore_state.needs_payload(state, payload_key, missing)
    explorer_component()(
        key="explorer",
        data=component_data(
            explorer_payload_for(state.range, lang()) if send else None, payload_key,
            {"step": state.t, "place": state.place, "event": state.event, "tiles": state.tiles,
             "failed": _("explorer_data_failed")},
            panel=explorer_panel_for(lang()) if missing == panel_key else None, panel_key=panel_key,
        ),
        on_step_change=_take_step, on_select_change=_take_selection, on_source_change=_open_source,
        on_missing_change=_payload_missing,
    )
    set_url(explore_state.link(state))
    explore_state.remember(state)


explore_state.read_link(state, url_params(), data, lang())
state.setdefault("tiles", tiles_from_env())
# The header in two rows, so that the slider, the map and the timeline fit a laptop's screen below it:
# the title with the span and the street tiles, then what the page is and who the sources are.
heading, span, tiles = st.columns([6, 3, 1.6], vertical_alignment="bottom")
heading.title(_("explore_title"))
span.segmented_control(
    _("span"), options=list(RANGES), key="range", required=True,
    format_func=partial(range_name, lang()), on_change=_snap_to_range, help=_("span_help"),
    label_visibility="collapsed",  # its options say what it is; screen readers still hear the label
)
tiles.toggle(_("street_tiles"), key="tiles", help=_("street_tiles_help"))
who_the_sources_are_line(short=True, before=" ".join(filter(None, [_("explore_intro"), translation_note()])))
for notice in state.pop("notices", []):
    st.warning(md_escape(notice), icon=":material/link_off:")
explorer()
with st.expander(_("download_title"), icon=":material/download:"):
    st.caption(_("download_intro"))
    for column, data_format in zip(st.columns(len(FORMATS)), FORMATS.values()):
        column.download_button(
            _(f"download_{data_format.key}"), data=partial(data_format.render, data),  # built on click
            file_name=data_format.filename, mime=data_format.mime, on_click="ignore",
            icon=":material/download:", key=f"download-{data_format.key}", width="stretch",
        )
    explorer_download("download-explorer")
