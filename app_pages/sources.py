"""Sources: each text in full with what is known about it, every cited passage highlighted and linked to its events."""

import streamlit as st

from blackjanuary.claims import SourceProfile, profile
from blackjanuary.sourcetext import highlighted_html, marks_for
from blackjanuary.text import md_escape
from blackjanuary.i18n import language_name, measure_name
from blackjanuary.models import Category
from app_pages.shared import _, attribution, catalog, lang, set_url, url_params, with_lang

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
params = url_params()

notices = []
asked_source = params.get("source")
if asked_source and asked_source not in data.sources:
    notices.append(_("bad_source", value=asked_source))
    asked_source = None
if asked_source and state.get("_sources_url") != params:
    state.source = asked_source
state.setdefault("source", next(iter(data.sources)))

target = None
event = data.event(params.get("event", "")) if params.get("event") else None
if params.get("event") and event is None:
    notices.append(_("bad_event", value=params["event"]))
if event is not None:
    try:
        n = int(params.get("q", "0"))
        if 0 <= n < len(event.citations) and event.citations[n].source == state.source:
            target = (event.id, n)
    except ValueError:
        notices.append(_("bad_passage", value=params["q"]))

def _profile(about: SourceProfile) -> None:
    """When it was written, what it covers, and what it alone says."""
    st.markdown(f"**{_('profile')}**")
    if about.years_after is not None:
        when = _("written_after", count=about.years_after)
    else:
        when = _("date_unknown")
    by_label = {c.label: c for c in Category}
    categories = ", ".join(_(f"category_{by_label[c].value}") for c in about.categories)
    covers = (
        _("backs_events", count=len(about.events), total=len(data.events), span=about.span, categories=categories)
        if about.events else _("backs_none")
    )
    lines = [when, covers, _("states_figures", count=len(about.claims))]
    st.markdown("  \n".join(md_escape(line) for line in lines))
    if about.only_here:
        st.markdown(
            f"**{_('alone_backs')}** "
            + "; ".join(md_escape(e.title) for e in about.only_here)
        )
    if about.figures_only_here:
        st.markdown(
            f"**{_('figures_only_here')}** "
            + "; ".join(f"“{md_escape(c.wording)}” ({md_escape(measure_name(c.measure, lang()).lower())})" for c in about.figures_only_here)
        )


st.title(_("sources_title"))
st.caption(_("sources_intro"))
for notice in notices:
    st.warning(md_escape(notice), icon=":material/link_off:")

st.segmented_control(
    _("source"), options=list(data.sources), key="source", required=True,
    format_func=lambda s: md_escape(data.sources[s].publisher),
)
source = data.sources[state.source]
marks = marks_for(data, source.id)
titles = {e.id: e.title for e in data.events}

meta, text = st.columns([1, 2], gap="large")
with meta:
    st.subheader(md_escape(source.title))
    facts = {
        "fact_publisher": source.publisher,
        "fact_published": source.published.isoformat() if source.published else _("not_stated"),
        "fact_date_note": source.published_note,
        "fact_byline": source.byline,
        "fact_genre": source.genre,
        "fact_language": language_name(source.language, lang()),
        "fact_trimmed": source.trimmed,
    }
    st.markdown("  \n".join(f"**{_(k)}:** {md_escape(v)}" for k, v in facts.items() if v))
    if source.url:
        st.link_button(_("original_page"), source.url, icon=":material/open_in_new:")
    else:
        st.caption(_("address_unknown"))
    _profile(profile(data, source.id))
    cited = sorted({m.event_id for m in marks}, key=lambda i: data.event(i).first)
    st.markdown(f"**{_('cited_by', count=len(cited))}**")
    for event_id in cited:
        st.page_link(
            "app_pages/explore.py", label=md_escape(data.event(event_id).title), icon=":material/event:",
            query_params=with_lang({"event": event_id}),
        )

with text:
    if target:
        quote = event.citations[target[1]].quote
        with st.container(border=True):
            st.markdown(f"**{_('passage_cited_for')}** {md_escape(event.title)}")
            st.markdown(f"> {md_escape(quote)}")
            st.caption(f"— {attribution(data, event.citations[target[1]])}. {_('highlighted_below')}")
            st.page_link(
                "app_pages/explore.py", label=_("back_to_event"), icon=":material/arrow_back:",
                query_params=with_lang({"event": event.id}),
            )
    body = highlighted_html(data.texts[source.id], marks, titles, target)
    st.html(STYLE + f'<div class="bj-text">{body}</div>' + (SCROLL if target else ""), unsafe_allow_javascript=bool(target))

state._sources_url = params
set_url({"source": state.source, **({"event": target[0], "q": str(target[1])} if target else {})})
