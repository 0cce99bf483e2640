"""Sources: each text in full with what is known about it, every cited passage highlighted and linked to its events."""

import streamlit as st

from app_pages.shared import _, attribution, catalog, lang, set_url, url_params, with_lang
from blackjanuary.claims import SourceProfile, profile
from blackjanuary.i18n import language_name, measure_name
from blackjanuary.provenance import country_name, who_the_sources_are
from blackjanuary.sourcetext import highlighted_html, marks_for
from blackjanuary.text import md_escape
from blackjanuary.urls import event_params, present_params, source_from_params, source_params

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

link = source_from_params(params, data, state.get("source"), lang())
if link.source and state.get("_sources_url") != params:
    state.source = link.source
state.setdefault("source", next(iter(data.sources)))
notices = link.notices
# The passage to mark, if it is in the source now on the page (the switch may have moved on from the link's).
target = link.passage if link.passage and (link.source or state.source) == state.source else None
event = data.require_event(target[0]) if target else None

def _profile(about: SourceProfile) -> None:
    """When it was written, what it covers, and what it alone says."""
    st.markdown(f"**{_('profile')}**")
    if about.years_after is not None:
        when = _("written_after", count=about.years_after)
    else:
        when = _("date_unknown")
    categories = ", ".join(_(f"category_{c.value}") for c in about.categories)
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
st.info(md_escape(who_the_sources_are(data, lang())), icon=":material/groups:")
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
        "fact_country": country_name(source.country, lang()),
        "fact_occasion": source.occasion,
        "fact_language": language_name(source.language, lang()),
        "fact_trimmed": source.trimmed,
    }
    st.markdown("  \n".join(f"**{_(k)}:** {md_escape(v)}" for k, v in facts.items() if v))
    if source.url:
        st.link_button(_("original_page"), source.url, icon=":material/open_in_new:")
    else:
        st.caption(_("address_unknown"))
    _profile(profile(data, source.id))
    cited = sorted({m.event_id for m in marks}, key=lambda i: data.require_event(i).first)
    st.markdown(f"**{_('cited_by', count=len(cited))}**")
    for event_id in cited:
        st.page_link(
            "app_pages/explore.py", label=md_escape(data.require_event(event_id).title), icon=":material/event:",
            query_params=with_lang(event_params(event_id)),
        )

with text:
    if target and event:
        quote = event.citations[target[1]].quote
        with st.container(border=True):
            st.markdown(f"**{_('passage_cited_for')}** {md_escape(event.title)}")
            st.markdown(f"> {md_escape(quote)}")
            st.caption(f"— {attribution(data, event.citations[target[1]])}. {_('highlighted_below')}")
            if link.slide:
                st.page_link(
                    "app_pages/present.py", label=_("back_to_slide"), icon=":material/arrow_back:",
                    query_params=with_lang(present_params(*link.slide)),
                )
            else:
                st.page_link(
                    "app_pages/explore.py", label=_("back_to_event"), icon=":material/arrow_back:",
                    query_params=with_lang(event_params(event.id)),
                )
    body = highlighted_html(data.texts[source.id], marks, titles, target, lang())
    st.html(STYLE + f'<div class="bj-text">{body}</div>' + (SCROLL if target else ""), unsafe_allow_javascript=bool(target))

state._sources_url = params
marked_event, marked_quote = target or (None, None)
set_url(source_params(state.source, marked_event, marked_quote, slide=link.slide if target else None))
