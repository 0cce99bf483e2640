"""Present: a narrative one step at a time, in large type for a projector."""

from datetime import date

import streamlit as st

from app_pages.shared import (
    _,
    attribution,
    catalog,
    explorer_download,
    lang,
    set_url,
    timing,
    translation_note,
    url_params,
    who_the_sources_are_line,
    with_lang,
)
from blackjanuary.export import html_export
from blackjanuary.i18n import tr
from blackjanuary.present import (
    CHRONOLOGY_ID,
    SLIDE_MAP_HEIGHT,
    narrative_or_chronology,
    slide_deck,
    slides,
)
from blackjanuary.text import md_escape
from blackjanuary.urls import present_params, slide_from_params, source_params

state = st.session_state
data = catalog()

# Projector type: body text at 26 px, headings larger, strong contrast. The
# selectors are Streamlit's own test ids; no text from the data is in here.
st.html(
    """<style>
    .stMainBlockContainer { max-width: 1800px; padding-top: 4rem; }
    .stMainBlockContainer [data-testid="stMarkdownContainer"] p,
    .stMainBlockContainer [data-testid="stMarkdownContainer"] li,
    .stMainBlockContainer [data-testid="stAlertContentInfo"] p { font-size: 26px; line-height: 1.45; color: #111; }
    .stMainBlockContainer blockquote, .stMainBlockContainer [data-testid="stCaptionContainer"] { opacity: 1; color: #111; }
    .stMainBlockContainer blockquote { border-left: 6px solid #c62828; padding-left: 0.8em; margin: 0.2em 0 0.4em 0; }
    .stMainBlockContainer blockquote p { font-size: 28px !important; color: #111 !important; font-family: Georgia, 'DejaVu Serif', serif; }
    .stMainBlockContainer h1 { font-size: 46px; line-height: 1.15; color: #000; padding: 0.6rem 0 0.3rem 0; }
    .stMainBlockContainer h2 { font-size: 38px; color: #000; }
    .stMainBlockContainer [data-testid="stCaptionContainer"] p { font-size: 22px !important; color: #222 !important; }
    .stMainBlockContainer [data-baseweb="select"] div { font-size: 20px; }
    .stMainBlockContainer .stButton button p { font-size: 22px !important; }
    /* A button's label keeps the button's own colour: the dark body type above would be dark on dark red. */
    .stMainBlockContainer button [data-testid="stMarkdownContainer"] p { color: inherit !important; }
    .st-key-language [data-testid="stMarkdownContainer"] p { font-size: 14px !important; }
    .st-key-clicker { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
    /* A phone: type that still reads, and long words (Russian, Azerbaijani) hyphenated, not cut. */
    @media (max-width: 640px) {
      .stMainBlockContainer h1 { font-size: 30px; hyphens: auto; }
      .stMainBlockContainer [data-testid="stMarkdownContainer"] p,
      .stMainBlockContainer [data-testid="stAlertContentInfo"] p { font-size: 20px; }
      .stMainBlockContainer blockquote p { font-size: 21px !important; }
      .stMainBlockContainer [data-testid="stCaptionContainer"] p { font-size: 17px !important; }
    }
    </style>"""
)


def _read_url() -> None:
    """Take the slide from the URL on first load, and whenever the URL was changed from outside."""
    asked = url_params()
    if state.get("_present_url") == asked or (not asked and "p_narrative" in state):
        return
    state.p_narrative, state.p_step, notices = slide_from_params(asked, data, lang())
    state.present_notices = notices


def _go(step: int) -> None:
    state.p_step = step


def _restart() -> None:
    state.p_step = 0


_read_url()
options = [*data.narratives, CHRONOLOGY_ID]
narrative = narrative_or_chronology(data, state.p_narrative, lang())
shown = slides(data, narrative, lang())
last = len(shown)
state.p_step = min(state.p_step, last)

for notice in state.pop("present_notices", []):
    st.warning(md_escape(notice), icon=":material/link_off:")

top = st.columns([3, 1.4, 3.2, 1.4], vertical_alignment="bottom")
top[0].selectbox(
    _("narrative"), options, key="p_narrative", on_change=_restart,
    format_func=lambda n, code=lang(): narrative_or_chronology(data, n, code).title,  # options are plain text, not Markdown
)
top[1].button(
    _("previous"), key="prev", icon=":material/arrow_back:", width="stretch", shortcut="Left",
    disabled=state.p_step == 0, on_click=_go, args=(state.p_step - 1,),
)
top[2].selectbox(
    _("step"), list(range(last + 1)), key="p_step",
    format_func=lambda n, code=lang(): (
        tr(code, "title_slide") if n == 0 else tr(code, "step_of", n=n, count=last, title=shown[n - 1].event.title)
    ),
)
top[3].button(
    _("next"), key="next", icon=":material/arrow_forward:", icon_position="right", width="stretch",
    shortcut="Right", type="primary", disabled=state.p_step == last, on_click=_go, args=(state.p_step + 1,),
)
with st.container(key="clicker"):  # presentation clickers send PageUp and PageDown
    st.button(_("previous_step"), key="clicker-prev", shortcut="PageUp", disabled=state.p_step == 0,
              on_click=_go, args=(state.p_step - 1,))
    st.button(_("next_step"), key="clicker-next", shortcut="PageDown", disabled=state.p_step == last,
              on_click=_go, args=(state.p_step + 1,))

if state.p_step == 0:
    st.title(md_escape(narrative.title))
    if translation_note():
        st.caption(translation_note())
    st.markdown(md_escape(narrative.description))
    who_the_sources_are_line()
    st.warning(f"**{_('content_note_label')}** {md_escape(_('content_note'))}", icon=":material/info:")
    st.markdown(_("begin_hint", count=last))
    state.p_seen_note = True
else:
    slide = shown[state.p_step - 1]
    if not state.get("p_seen_note"):  # a link straight to a step still warns, once
        st.warning(f"**{_('content_note_label')}** {md_escape(_('content_note_short'))}", icon=":material/info:")
        state.p_seen_note = True
    st.title(md_escape(slide.event.title))
    st.markdown(f"**{md_escape(slide.window)}** · {_('step_n_of', n=slide.number, count=last)}")
    left, right = st.columns([1, 1], gap="large")
    with left:
        st.pydeck_chart(
            slide_deck(data, slide, lang=lang()), key=f"slide-map-{state.p_step}", height=SLIDE_MAP_HEIGHT,
            alt=_("slide_map_alt"),
        )
        if slide.away:
            away = ", ".join(md_escape(p.name_in(lang())) for p in slide.away)
            st.markdown(":red[●] " + _("slide_away", places=away))
        else:
            st.caption(_("slide_key"))
    with right:
        st.markdown(f"> {md_escape(slide.citation.quote)}")
        st.caption(f"— {attribution(data, slide.citation)}")
        n = slide.event.citations.index(slide.citation)
        st.page_link(
            "app_pages/sources.py", label=_("read_in_source"), icon=":material/format_quote:",
            query_params=with_lang(source_params(slide.citation.source, slide.event.id, n)),
        )
        timing(data, slide.event)
        if slide.note and st.toggle(_("teachers_note"), key="p_note"):
            st.info(md_escape(slide.note))

st.download_button(
    _("download_slides"), data=lambda: html_export(data, narrative, made=date.today()).encode("utf-8"),
    file_name=f"black-january-{narrative.id}.html", mime="text/html", on_click="ignore",
    icon=":material/download:", help=_("download_slides_help"), key="download-slides", type="tertiary",
)
explorer_download("download-explorer", type="tertiary")

state._present_url = present_params(state.p_narrative, state.p_step)
set_url(state._present_url)
