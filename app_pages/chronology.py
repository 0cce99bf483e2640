"""Chronology: all events in a plain, accessible table, marked at the time the scrubber shows."""

from functools import partial

import streamlit as st

from app_pages.shared import _, catalog, lang, range_name, set_url, url_params, view_for
from blackjanuary.chronology import chronology_html
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
    asked = view_from_params(url_params(), data, lang())
    state.range, state.t = asked.range_key, format_local(asked.time)
    state.chronology_notices = asked.notices
state.setdefault("range", DEFAULT_RANGE)
view = view_for(state.range)
steps = [format_local(s) for s in view.steps]
if state.get("t") not in steps:
    state.t = format_local(RANGES[state.range].snap(parse_local(state.get("t") or "") or DEFAULT_TIME))

st.title(_("chronology_title"))
st.caption(_("chronology_intro"))
for notice in state.pop("chronology_notices", []):
    st.warning(md_escape(notice), icon=":material/link_off:")
left, right = st.columns([1, 3], vertical_alignment="bottom")
left.segmented_control(
    _("span"), options=list(RANGES), key="range", required=True, format_func=partial(range_name, lang()),
)
time_range = RANGES[state.range]


def _label(code: str, step: str) -> str:
    when = parse_local(step)
    assert when is not None, "the options are the range's own steps, as format_local writes them"
    return step_label(when, time_range, code)


right.select_slider(_("time_in_baku"), options=steps, key="t", format_func=partial(_label, lang()))
position = steps.index(state.t)
moment = describe_step(view.steps[position], time_range, lang())
st.html(chronology_html(data, view.index.active[position], moment, lang()))
set_url(chronology_params(state.t, state.range))
