"""Figures: every source's numbers side by side, and which sources back each event."""

import pandas as pd
import streamlit as st

from blackjanuary.claims import QUALIFIER_WORDS, claims_figure, claims_for, coverage, measures, spread_note
from blackjanuary.models import measure_label
from blackjanuary.text import md_escape
from app_pages.shared import catalog

state = st.session_state
data = catalog()
available = measures(data)

st.title("Figures: what each source claims")
st.caption(
    "Every count the five texts give, each in its own words. Nothing is averaged or merged: the sources are "
    "partisan and disagree, and a figure here is a claim by the source named beside it, not a finding."
)

if not available:
    st.info("The catalogue has no numeric claims yet: add them to data/claims.yaml.", icon=":material/info:")
    st.stop()

asked = st.query_params.get("measure")
if asked and "measure" not in state:  # a link's measure, on arrival
    if asked in available:
        state.measure = asked
    else:
        st.warning(md_escape(f"Ignored the measure '{asked}' in the link: there is no such measure."), icon=":material/link_off:")
state.setdefault("measure", available[0])

st.segmented_control(
    "What is counted", available, key="measure", required=True, format_func=lambda m: md_escape(measure_label(m)),
)
measure = state.measure
st.query_params.from_dict({"measure": measure})
claims = claims_for(data, measure)

st.subheader(md_escape(measure_label(measure)))
st.markdown(md_escape(spread_note(data, claims)))
st.plotly_chart(claims_figure(data, measure), key=f"claims-{measure}", config={"displayModeBar": False})
st.caption(
    "A dot is a stated figure; a bar joins the ends of a range; a dotted line runs on from a lower bound "
    "(\u201cmore than\u201d, \u201cat least\u201d, or words such as \u201cthousands\u201d, placed at the least they can mean). "
    "Hover a dot for the passage."
)
st.dataframe(
    pd.DataFrame(
        [
            {
                "Source": data.sources[c.source].publisher,
                "Wording": c.wording,
                "Kind": QUALIFIER_WORDS[c.qualifier],
                "Low": c.low,
                "High": c.high,
                "How we read the words": c.reading or "",
                "What is counted": c.scope or "",
                "Passage": " ".join(c.quote.split()),
            }
            for c in claims
        ]
    ),
    hide_index=True,
    width="stretch",
    column_config={
        "Low": st.column_config.NumberColumn(format="localized"),
        "High": st.column_config.NumberColumn(format="localized"),
        "Passage": st.column_config.TextColumn(width="large"),
    },
)

st.header("Which sources back each event")
st.caption(
    "Each row is an event of the catalogue in time order, each column a source; a tick means the event quotes "
    "that source. An event resting on a single source is not wrong for that, but nothing else here confirms it."
)
rows = coverage(data)
single = sum(r["sources"] == 1 for r in rows)
st.markdown(f"**{len(rows)} events; {single} rest on a single source.**")
only_single = st.toggle("Only events resting on a single source", key="single_only")
table = pd.DataFrame([r for r in rows if r["sources"] == 1 or not only_single])
st.dataframe(
    table.drop(columns=["id"]),
    hide_index=True,
    width="stretch",
    height=38 + 35 * len(table),  # every row shown, no inner scrolling
    column_config={
        "event": st.column_config.TextColumn("Event", width="large"),
        "sources": st.column_config.NumberColumn("Sources", help="How many of the five sources back the event"),
        **{s: st.column_config.CheckboxColumn(data.sources[s].publisher) for s in data.sources},
    },
)
