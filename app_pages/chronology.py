"""Chronology: all events in a plain, accessible table, marked at the time the scrubber shows."""

import streamlit as st

from app_pages.shared import _, catalog, lang, set_url, url_params, view_for
from blackjanuary.chronology import chronology_html
from blackjanuary.i18n import tr
from blackjanuary.text import md_escape
from blackjanuary.timeline import (
    DEFAULT_RANGE,
    DEFAULT_TIME,
    RANGES,
    describe_step,
    format_local,
    parse_local,
    step_label,
)
from blackjanuary.urls import chronology_params, view_from_params

state = st.session_state
data = catalog()
if "t" not in state and url_params():  # a shared link's time, on arrival
    view = view_from_params(url_params(), data, lang())
    state.range, state.t = view.range_key, format_local(view.time)
    state.chronology_notices = view.notices
state.setdefault("range", DEFAULT_RANGE)
view = view_for(state.range)
steps = [format_local(s) for s in view.steps]
if state.get("t") not in steps:
    state.t = format_local(RANGES[state.range].snap(parse_local(state.get("t") or format_local(DEFAULT_TIME))))

st.title(_("chronology_title"))
st.caption(_("chronology_intro"))
for notice in state.pop("chronology_notices", []):
    st.warning(md_escape(notice), icon=":material/link_off:")
left, right = st.columns([1, 3], vertical_alignment="bottom")
left.segmented_control(
    _("span"), options=list(RANGES), key="range", required=True, format_func=lambda k, code=lang(): tr(code, f"range_{k}"),
)
time_range = RANGES[state.range]
right.select_slider(
    _("time_in_baku"), options=steps, key="t", format_func=lambda s, code=lang(): step_label(parse_local(s), time_range, code),
)
position = steps.index(state.t)
moment = describe_step(view.steps[position], time_range, lang())
st.html(chronology_html(data, view.index.active[position], moment, lang()))
set_url(chronology_params(state.t, state.range))
