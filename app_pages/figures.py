"""Figures: every source's numbers side by side, and which sources back each event."""

from functools import partial

import pandas as pd
import streamlit as st

from app_pages.shared import _, catalog, lang, set_url, url_params
from blackjanuary.claims import claims_figure, claims_for, claims_table_html, coverage, measures, spread_note
from blackjanuary.i18n import measure_name
from blackjanuary.text import md_escape
from blackjanuary.urls import figures_params, measure_from_params

state = st.session_state
data = catalog()
available = measures(data)

st.title(_("figures_title"))
st.caption(_("figures_intro"))

if not available:
    st.info(_("no_claims"), icon=":material/info:")
    st.stop()

if "measure" not in state:  # a link's measure, on arrival
    asked, notices = measure_from_params(url_params(), available, lang())
    if asked:
        state.measure = asked
    for notice in notices:
        st.warning(md_escape(notice), icon=":material/link_off:")
state.setdefault("measure", available[0])

def _measure_label(code: str, measure: str) -> str:
    return md_escape(measure_name(measure, code))


st.segmented_control(
    _("what_is_counted"), available, key="measure", required=True,
    format_func=partial(_measure_label, lang()),
)
measure = state.measure
set_url(figures_params(measure))
claims = claims_for(data, measure)

st.subheader(md_escape(measure_name(measure, lang())))
st.markdown(md_escape(spread_note(data, claims, lang())))
st.plotly_chart(claims_figure(data, measure, lang()), key=f"claims-{measure}", config={"displayModeBar": False})
st.caption(_("chart_key"))
# Every column's text wraps, so a long wording or passage is read whole; on a phone the table scrolls
# sideways in a region the keyboard can reach.
st.html(claims_table_html(data, claims, measure, lang()))

st.header(_("coverage_title"))
st.caption(_("coverage_intro"))
rows = coverage(data)
single = sum(r["sources"] == 1 for r in rows)
st.markdown(f"**{_('coverage_count', count=len(rows), single=single)}**")
only_single = st.toggle(_("only_single"), key="single_only")
table = pd.DataFrame([r for r in rows if r["sources"] == 1 or not only_single])
st.dataframe(
    table.drop(columns=["id"]),
    hide_index=True,
    width="stretch",
    height=38 + 35 * len(table),  # every row shown, no inner scrolling
    column_config={
        "event": st.column_config.TextColumn(_("col_event"), width="large"),
        "sources": st.column_config.NumberColumn(_("col_count_sources"), help=_("col_count_help")),
        **{s: st.column_config.CheckboxColumn(data.sources[s].publisher) for s in data.sources},
    },
)
