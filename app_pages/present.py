"""Present: a narrative one step at a time, for a projector.

Two views of one lesson. This page, the presenter view, is the teacher's: the
controls, the teacher's note and what comes next. `view=projector` is the
class's: the slide alone, filling a 16:9 screen, stepped by the keys or a
clicker. The two follow each other through a room (blackjanuary/rooms.py)
whose code both links carry.
"""

from datetime import date, timedelta
from functools import partial
from urllib.parse import urlencode

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
from blackjanuary.basemap import map_credit
from blackjanuary.export import html_export
from blackjanuary.i18n import tr
from blackjanuary.models import Narrative
from blackjanuary.present import (
    CHRONOLOGY_ID,
    PROJECTOR_LABEL_SCALE,
    PROJECTOR_MAP_HEIGHT,
    SLIDE_MAP_HEIGHT,
    Slide,
    narrative_or_chronology,
    slide_deck,
    slides,
)
from blackjanuary.provenance import context_line
from blackjanuary.rooms import ROOMS
from blackjanuary.text import md_escape
from blackjanuary.urls import present_params, room_from_params, slide_from_params, source_params

state = st.session_state
data = catalog()
FOLLOW = timedelta(seconds=1)  # how often a view looks whether the other has moved the room
projector = url_params().get("view") == "projector"

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
    .st-key-presenter [data-testid="stMarkdownContainer"] p { font-size: 19px !important; }
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
# The projector view: no page chrome, no controls, the slide sized in viewport units so it fits 16:9 at
# 720p and 1080p alike; the quote and its attribution in type read from the back of a room.
PROJECTOR_STYLE = """<style>
    header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stElementToolbar"],
    [data-testid="stHorizontalBlock"]:has(.st-key-language), .st-key-language { display: none !important; }
    .stApp, .stMain { overflow: hidden; }
    .stMainBlockContainer { max-width: 100% !important; padding: 3vh 3.5vw 0 3.5vw !important; }
    .stMainBlockContainer [data-testid="stVerticalBlock"] { gap: 1.2vh; }
    .stMainBlockContainer h1 { font-size: 5.6vh !important; line-height: 1.12; padding: 0 0 0.6vh 0 !important; }
    .stMainBlockContainer [data-testid="stMarkdownContainer"] p,
    .stMainBlockContainer [data-testid="stAlertContentWarning"] p { font-size: 3vh !important; line-height: 1.35; }
    .stMainBlockContainer [data-testid="stCaptionContainer"] p { font-size: 2.4vh !important; color: #222 !important; }
    .stMainBlockContainer blockquote p { font-size: 4vh !important; line-height: 1.35; }
    .stMainBlockContainer .st-key-compared blockquote p { font-size: 2.75vh !important; line-height: 1.3; }
    .stMainBlockContainer .st-key-compared [data-testid="stCaptionContainer"] p { font-size: 2vh !important; }
    .st-key-projector-map [data-testid="stElementContainer"]:has([data-testid="stDeckGlJsonChart"]),
    .st-key-projector-map [data-testid="stDeckGlJsonChart"], .st-key-projector-map [data-testid="stDeckGlJsonChart"] > div
      { height: 66vh !important; }
    .bj-when { font-size: 2.6vh; font-weight: 600; margin: 0; }
</style>"""


def _read_url() -> None:
    """Take the slide from the URL on first load, and whenever the URL was changed from outside."""
    asked = url_params()
    if state.get("_present_url") == asked or (not asked and "p_narrative" in state):
        return
    state.p_narrative, state.p_step, notices = slide_from_params(asked, data, lang())
    state.present_notices = notices
    code, notice = room_from_params(asked, ROOMS.where, lang())
    if code or "room" in asked:
        state.p_room = code
    if notice:
        state.present_notices.append(notice)


def _go(step: int) -> None:
    state.p_step = step


def _restart() -> None:
    state.p_step = 0


def _keep_in_step_with_the_room() -> None:
    """Follow the other view where it moved the room since this one last looked; else move the room here.

    Runs before any widget is drawn, so it may still set the widgets' own keys.
    """
    if not state.get("p_room") and not projector:
        state.p_room = ROOMS.open(state.p_narrative, state.p_step)  # the presenter opens the lesson's room
    code = state.get("p_room")
    if not code:
        return
    here = (state.p_narrative, state.p_step)
    room = ROOMS.where(code)
    if room is None:  # forgotten (the server restarted, or nobody moved it for hours): a new one, or none
        state.p_room = ROOMS.open(*here) if not projector else None
        state.pop("p_room_seen", None)
        return
    seen = state.get("p_room_seen")  # (narrative, step, moves) when this view last agreed with the room
    if seen is None or (here == seen[:2] and room.moves != seen[2]):
        here = (room.narrative, room.step)  # arriving, or the other view moved
        state.p_narrative, state.p_step = here
    else:
        room = ROOMS.move(code, *here) or room
    state.p_room_seen = (*here, room.moves)


@st.fragment(run_every=FOLLOW)
def _follow() -> None:
    """Every second: if the other view has moved the room, show its slide."""
    code, seen = state.get("p_room"), state.get("p_room_seen")
    room = ROOMS.where(code) if code else None
    if room and seen and room.moves != seen[2]:
        st.rerun(scope="app")


def _slide_map(slide: Slide, *, big: bool) -> None:
    """The slide's map, and under it what it shows."""
    with st.container(key="projector-map" if big else "slide-map"):
        st.pydeck_chart(
            slide_deck(data, slide, lang=lang(), label_scale=PROJECTOR_LABEL_SCALE if big else 1.0),
            key=f"slide-map-{state.p_step}", height=PROJECTOR_MAP_HEIGHT if big else SLIDE_MAP_HEIGHT,
            alt=_("slide_map_alt"),
        )
    shown_away = bool(slide.places) and not any(p.in_baku for p in slide.places)  # the place itself, with Baku
    if slide.away:
        away = ", ".join(md_escape(p.name_in(lang())) for p in slide.away)
        st.markdown(":red[●] " + _("slide_away_shown" if shown_away else "slide_away", places=away))
    else:
        st.caption(_("slide_key"))
    if not shown_away:  # the map of Baku, drawn from OpenStreetMap data
        st.caption(md_escape(map_credit(lang())))


def _passages(slide: Slide, *, links: bool) -> None:
    """The slide's passage with its attribution; on a step that compares the sources, one of each, side by side."""
    if slide.compared:
        with st.container(key="compared"):
            st.markdown(f"**{_('each_source_says')}**")
            per_row = 3 if len(slide.compared) > 4 else 2
            for row in range(0, len(slide.compared), per_row):
                for column, citation in zip(st.columns(per_row, gap="medium"), slide.compared[row:row + per_row]):
                    with column:
                        st.markdown(f"> {md_escape(citation.quote)}")
                        st.caption(f"— {attribution(data, citation, short=True)}")
        return
    st.markdown(f"> {md_escape(slide.citation.quote)}")
    st.caption(f"— {attribution(data, slide.citation)}")
    if links:
        n = slide.event.citations.index(slide.citation)
        st.page_link(
            "app_pages/sources.py", label=_("read_in_source"), icon=":material/format_quote:",
            query_params=with_lang(source_params(slide.citation.source, slide.event.id, n, slide=(state.p_narrative, state.p_step))),
        )


def _title_slide(narrative: Narrative) -> None:
    st.title(md_escape(narrative.title))
    if translation_note():
        st.caption(translation_note())
    st.markdown(md_escape(narrative.description))
    who_the_sources_are_line(link=not projector)
    st.warning(f"**{_('content_note_label')}** {md_escape(_('content_note'))}", icon=":material/info:")
    if not projector:
        st.markdown(_("begin_hint", count=last))
    state.p_seen_note = True


def _outside(slide: Slide) -> None:
    """What the slide's event takes from outside the texts, for the reader of its passages."""
    if line := context_line(slide.event, lang()):
        st.caption(md_escape(line))


def _step_slide(slide: Slide) -> None:
    if not state.get("p_seen_note") and not projector:  # a link straight to a step still warns, once
        st.warning(f"**{_('content_note_label')}** {md_escape(_('content_note_short'))}", icon=":material/info:")
        state.p_seen_note = True
    st.title(md_escape(slide.event.title))
    st.markdown(f"**{md_escape(slide.window)}** · {_('step_n_of', n=slide.number, count=last)}")
    if slide.compared:  # the sources side by side take the slide; the event's place is Baku as a whole
        _passages(slide, links=not projector)
        _outside(slide)
        return
    left, right = st.columns([1.15, 1] if projector else [1, 1], gap="large")
    with left:
        _slide_map(slide, big=projector)
    with right:
        _passages(slide, links=not projector)
        _outside(slide)
        if not projector:
            timing(data, slide.event)


def _narrative_title(code: str, narrative_id: str) -> str:
    found = narrative_or_chronology(data, narrative_id, code)
    assert found is not None, "the options are the catalogue's narratives and the chronology"
    return found.title  # options are plain text, not Markdown


def _step_title(code: str, n: int) -> str:
    return tr(code, "title_slide") if n == 0 else tr(code, "step_of", n=n, count=last, title=shown[n - 1].event.title)


def _slides_file(shown_narrative: Narrative) -> bytes:
    return html_export(data, shown_narrative, made=date.today()).encode("utf-8")


def _presenter_box() -> None:
    """What only the teacher sees: the projector view's link, what comes next, and the teacher's note."""
    with st.container(border=True, key="presenter"):
        left, right = st.columns([3, 2], vertical_alignment="center")
        following = shown[state.p_step].event.title if state.p_step < last else _("last_slide")
        left.markdown(f"**{_('presenter_heading')}** · {md_escape(_('next_up', title=following))}")
        right.link_button(
            _("projector_view"), "?" + urlencode(with_lang(
                present_params(state.p_narrative, state.p_step, room=state.p_room, view="projector"))),
            icon=":material/slideshow:", help=_("projector_view_help"), width="stretch",
        )
        note = shown[state.p_step - 1].note if state.p_step else None
        if note:
            st.markdown(f"**{_('teachers_note')}** ({_('not_on_projector')}): {md_escape(note)}")


_read_url()
options = [*data.narratives, CHRONOLOGY_ID]
_keep_in_step_with_the_room()
narrative = narrative_or_chronology(data, state.p_narrative, lang())
assert narrative is not None, "p_narrative is read from the link by slide_from_params, which keeps only known ones"
shown = slides(data, narrative, lang())
last = len(shown)
state.p_step = min(state.p_step, last)
# The projector's link carries its room, to follow the lesson; the presenter's stays a plain link to the slide,
# to share without handing over the lesson (its room lives in this session, and a reload opens a new one).
state._present_url = present_params(state.p_narrative, state.p_step, room=state.get("p_room") if projector else None,
                                    view="projector" if projector else None)

for notice in state.pop("present_notices", []):
    st.warning(md_escape(notice), icon=":material/link_off:")

# The keys and a clicker step both views: presentation clickers send PageUp and PageDown.
with st.container(key="clicker"):
    for label, shortcut, step, blocked in (
        ("previous_step", "Left", state.p_step - 1, state.p_step == 0),
        ("next_step", "Right", state.p_step + 1, state.p_step == last),
        ("previous_step", "PageUp", state.p_step - 1, state.p_step == 0),
        ("next_step", "PageDown", state.p_step + 1, state.p_step == last),
    ):
        st.button(_(label), key=f"key-{shortcut}", shortcut=shortcut, disabled=blocked, on_click=_go, args=(step,))

if projector:
    st.html(PROJECTOR_STYLE)
else:
    top = st.columns([3, 1.4, 3.2, 1.4], vertical_alignment="bottom")
    top[0].selectbox(
        _("narrative"), options, key="p_narrative", on_change=_restart, format_func=partial(_narrative_title, lang()),
    )
    top[1].button(
        _("previous"), key="prev", icon=":material/arrow_back:", width="stretch",
        disabled=state.p_step == 0, on_click=_go, args=(state.p_step - 1,),
    )
    top[2].selectbox(_("step"), list(range(last + 1)), key="p_step", format_func=partial(_step_title, lang()))
    top[3].button(
        _("next"), key="next", icon=":material/arrow_forward:", icon_position="right", width="stretch",
        type="primary", disabled=state.p_step == last, on_click=_go, args=(state.p_step + 1,),
    )
    _presenter_box()

if state.p_step == 0:
    _title_slide(narrative)
else:
    _step_slide(shown[state.p_step - 1])

if not projector:
    st.download_button(
        _("download_slides"), data=partial(_slides_file, narrative),
        file_name=f"black-january-{narrative.id}.html", mime="text/html", on_click="ignore",
        icon=":material/download:", help=_("download_slides_help"), key="download-slides", type="tertiary",
    )
    explorer_download("download-explorer", type="tertiary")

if state.get("p_room"):
    _follow()
set_url(state._present_url)
