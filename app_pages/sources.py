"""Sources: each text in full with what is known about it, every cited passage highlighted and linked to its events."""

import streamlit as st

from blackjanuary.claims import SourceProfile, profile
from blackjanuary.sourcetext import highlighted_html, marks_for
from blackjanuary.text import md_escape
from app_pages.shared import attribution, catalog

STYLE = """
<style>
.bj-text { font-size: 1.05rem; line-height: 1.65; max-width: 48rem; }
.bj-text p { margin: 0 0 0.9rem 0; overflow-wrap: anywhere; }
.bj-mark { background: #fff0b3; color: inherit; padding: 0 1px; border-bottom: 2px solid #e0b000; }
.bj-target { background: #ffd0c8; border-bottom: 3px solid #c62828; }
</style>
"""
SCROLL = "<script>document.getElementById('passage-target')?.scrollIntoView({block: 'center'});</script>"

state = st.session_state
data = catalog()
params = st.query_params.to_dict()

notices = []
asked_source = params.get("source")
if asked_source and asked_source not in data.sources:
    notices.append(f"Ignored the source '{asked_source}' in the link: there is no such source.")
    asked_source = None
if asked_source and state.get("_sources_url") != params:
    state.source = asked_source
state.setdefault("source", next(iter(data.sources)))

target = None
event = data.event(params.get("event", "")) if params.get("event") else None
if params.get("event") and event is None:
    notices.append(f"Ignored the event '{params['event']}' in the link: there is no such event.")
if event is not None:
    try:
        n = int(params.get("q", "0"))
        if 0 <= n < len(event.citations) and event.citations[n].source == state.source:
            target = (event.id, n)
    except ValueError:
        notices.append(f"Ignored the passage number '{params['q']}' in the link.")

def _profile(about: SourceProfile) -> None:
    """When it was written, what it covers, and what it alone says."""
    st.markdown("**Profile**")
    if about.years_after is not None:
        when = f"Written {about.years_after} years after January 1990."
    else:
        when = "Its date is not stated, so how long after the events it was written is unknown."
    covers = (
        f"Backs {len(about.events)} of {len(data.events)} events ({about.span}): "
        + ", ".join(c.lower() if i else c for i, c in enumerate(about.categories)) + "."
    ) if about.events else "Backs no event of the catalogue."
    lines = [when, covers, f"States {len(about.claims)} figure{'s' if len(about.claims) != 1 else ''} (see Figures)."]
    st.markdown("  \n".join(md_escape(line) for line in lines))
    if about.only_here:
        st.markdown(
            "**Alone among the five, it backs:** "
            + "; ".join(md_escape(e.title) for e in about.only_here)
        )
    if about.figures_only_here:
        st.markdown(
            "**Figures no other source states:** "
            + "; ".join(f"“{md_escape(c.wording)}” ({md_escape(c.label.lower())})" for c in about.figures_only_here)
        )


st.title("Sources")
st.caption(
    "The five published texts the catalogue quotes, as the app ships them. Highlighted passages are cited by "
    "an event; hover one to see which. They are commemorative, analytical and opinion pieces from 2026 and "
    "disagree on figures: read each as its author's account."
)
for notice in notices:
    st.warning(md_escape(notice), icon=":material/link_off:")

st.segmented_control(
    "Source", options=list(data.sources), key="source", required=True,
    format_func=lambda s: md_escape(data.sources[s].publisher),
)
source = data.sources[state.source]
marks = marks_for(data, source.id)
titles = {e.id: e.title for e in data.events}

meta, text = st.columns([1, 2], gap="large")
with meta:
    st.subheader(md_escape(source.title))
    facts = {
        "Publisher": source.publisher,
        "Published": source.published.isoformat() if source.published else "not stated",
        "Date note": source.published_note,
        "Byline": source.byline,
        "Kind of text": source.genre,
        "Trimmed from the page": source.trimmed,
    }
    st.markdown("  \n".join(f"**{k}:** {md_escape(v)}" for k, v in facts.items() if v))
    if source.url:
        st.link_button("Original page", source.url, icon=":material/open_in_new:")
    else:
        st.caption("The original address is unknown.")
    _profile(profile(data, source.id))
    cited = sorted({m.event_id for m in marks}, key=lambda i: data.event(i).start)
    st.markdown(f"**Cited by {len(cited)} event{'s' if len(cited) != 1 else ''}**")
    for event_id in cited:
        st.page_link(
            "app_pages/explore.py", label=md_escape(data.event(event_id).title), icon=":material/event:",
            query_params={"event": event_id},
        )

with text:
    if target:
        quote = event.citations[target[1]].quote
        with st.container(border=True):
            st.markdown(f"**Passage cited for:** {md_escape(event.title)}")
            st.markdown(f"> {md_escape(quote)}")
            st.caption(f"— {attribution(data, source.id)}. Highlighted in red below.")
            st.page_link(
                "app_pages/explore.py", label="Back to the event", icon=":material/arrow_back:",
                query_params={"event": event.id},
            )
    body = highlighted_html(data.texts[source.id], marks, titles, target)
    st.html(STYLE + f'<div class="bj-text">{body}</div>' + (SCROLL if target else ""), unsafe_allow_javascript=bool(target))

state._sources_url = params
st.query_params.from_dict({"source": state.source, **({"event": target[0], "q": str(target[1])} if target else {})})
