"""What every page shares: the cached catalogue, per-range views, the Explore component, attribution and timing."""

from __future__ import annotations

from functools import cache, partial
from pathlib import Path
from typing import Any

import streamlit as st

from blackjanuary import Catalog, Problem
from blackjanuary.attribution import citation_attribution, timing_lines
from blackjanuary.checkcache import cached_check
from blackjanuary.explorer import bundle_name, explorer_payload, payload_bytes
from blackjanuary.i18n import LANGUAGES, language_name, language_or_default, tr
from blackjanuary.loading import FILES, data_dir_from_env
from blackjanuary.models import Citation, Event
from blackjanuary.offline_explorer import FILENAME as EXPLORER_FILENAME
from blackjanuary.offline_explorer import explorer_file
from blackjanuary.panel import panel_data
from blackjanuary.provenance import who_the_sources_are
from blackjanuary.range_view import RangeView, range_view
from blackjanuary.streets import manifest_path
from blackjanuary.style import css_variables
from blackjanuary.text import md_escape
from blackjanuary.translations import translation_note as catalogue_translation_note
from blackjanuary.translations import untranslated_notice
from blackjanuary.urls import page_params, with_language


def lang() -> str:
    """The interface language: the switch in app.py, first set from the link's `lang`."""
    return language_or_default(st.session_state.get("lang"))


def _(key: str, **values: object) -> str:
    """An interface text in the current language."""
    return tr(lang(), key, **values)


FRAME_CSS = Path(__file__).resolve().parent.parent / "app_assets" / "frame.css"


@cache
def _frame_css() -> str:
    # Read once per process, not at every rerun; with the look of the map and the timeline (style.py) as variables.
    return css_variables() + "\n" + FRAME_CSS.read_text(encoding="utf-8")


def frame_style() -> None:
    """The stylesheet every page shares (app_assets/frame.css): contrast and focus that Streamlit's defaults lack,
    and the variables the Explore component's stylesheet draws the map and the timeline with."""
    st.html(f"<style>{_frame_css()}</style>")


def choose_language() -> None:
    """The language switch at the top of every page; a link's `lang` sets it on arrival."""
    state = st.session_state
    asked = st.query_params.get("lang")
    if "lang" not in state or (asked and asked != state.get("_lang_seen")):
        state.lang = language_or_default(asked)
        state._lang_seen = asked
    _, right = st.columns([5, 3])
    right.container(key="language").segmented_control(
        "Language", list(LANGUAGES), key="lang", required=True, label_visibility="collapsed",
        format_func=LANGUAGES.__getitem__, help="Interface language · Dil · Язык",
    )


def url_params() -> dict[str, str]:
    """The link's parameters that belong to the page: everything but the language."""
    return page_params(st.query_params.to_dict())


def with_lang(params: dict[str, str]) -> dict[str, str]:
    """Parameters for a link or the address bar, carrying the language unless it is the default."""
    return with_language(params, lang())


def set_url(params: dict[str, str]) -> None:
    st.query_params.from_dict(with_lang(params))
    # The language now in the address is ours, not a new link's: a later switch must not be undone by it.
    st.session_state._lang_seen = st.query_params.get("lang")


def _data_key() -> tuple:
    """The data folder and its files' change times: editing a file, or building the streets basemap
    (a line place may follow one of its roads), reloads the catalogue."""
    data_dir = data_dir_from_env().resolve()
    stamps: list[tuple[str, int | None]] = []
    files = [*(data_dir / name for name in FILES.values()), *sorted((data_dir / "sources").glob("*")), manifest_path()]
    for path in files:
        try:
            stamps.append((path.name, path.stat().st_mtime_ns))
        except OSError:
            stamps.append((path.name, None))
    return (str(data_dir), tuple(stamps))


# cache_resource, not cache_data: the catalogue is frozen and read-only, and
# cache_data would unpickle a fresh copy of it on every rerun.
@st.cache_resource(show_spinner=False, max_entries=4)
def _checked(key: tuple) -> tuple[Catalog | None, list[Problem]]:
    return cached_check(Path(key[0]))


@st.cache_resource(show_spinner=False, max_entries=12)
def _range_view(key: tuple, range_key: str, language: str) -> RangeView:
    catalog, _ = _checked(key)
    assert catalog is not None, "app.py stops before any page when the data is invalid"
    return range_view(catalog.in_language(language), range_key)


@st.cache_resource(show_spinner=False, max_entries=12)
def _explorer_payload(key: tuple, range_key: str, language: str) -> bytes:
    return payload_bytes(explorer_payload(_range_view(key, range_key, language), language, with_panel=False))


def explorer_payload_for(range_key: str, language: str) -> bytes:
    """The Explore component's data for a range in a language, as JSON bytes made once."""
    return _explorer_payload(_data_key(), range_key, language)


@st.cache_resource(show_spinner=False, max_entries=6)
def _explorer_panel(key: tuple, language: str) -> bytes:
    catalog, _ = _checked(key)
    assert catalog is not None, "app.py stops before any page when the data is invalid"
    return payload_bytes(panel_data(catalog.in_language(language), language))


def explorer_panel_for(language: str) -> bytes:
    """What the passage panel says of every event and place in a language, as JSON bytes made once: the same
    for every range, so it travels apart from the range's payload."""
    return _explorer_panel(_data_key(), language)


@st.cache_resource(show_spinner=False, max_entries=6)
def _explorer_file(key: tuple, language: str) -> bytes:
    catalog, _ = _checked(key)
    assert catalog is not None, "app.py stops before any page when the data is invalid"
    return explorer_file(catalog, language)


def _explorer_file_in(language: str) -> bytes:
    return _explorer_file(_data_key(), language)


def range_name(code: str, key: str) -> str:
    """A range's name on the span switch, in the language `code`.

    Widgets call their format_func outside the page's run too (AppTest does), so
    the language is bound when the widget is made: `partial(range_name, lang())`.
    """
    return tr(code, f"range_{key}")


def explorer_download(key: str, **button: Any) -> None:
    """A button that downloads the offline explorer opening in the page's language, made on the first click.

    The file is kept per language and data version: the next click, in any session, is served from memory.
    """
    st.download_button(
        _("download_explorer"), data=partial(_explorer_file_in, lang()),
        file_name=EXPLORER_FILENAME, mime="text/html", on_click="ignore", icon=":material/download:",
        help=_("download_explorer_help"), key=key, **button,
    )


def data_key() -> str:
    """A short name for the data's current version: the component reloads its payload when it changes."""
    return f"{hash(_data_key()) & 0xFFFFFFFF:08x}"


_EXPLORER = None


def explorer_component():
    """The Explore component, registered on first use (registering needs a running app)."""
    global _EXPLORER
    if _EXPLORER is None:
        _EXPLORER = st.components.v2.component(
            "blackjanuary.explorer", js=bundle_name("explorer"), css="explorer.css", isolate_styles=False,
        )
    return _EXPLORER


def checked() -> tuple[Catalog | None, list[Problem]]:
    return _checked(_data_key())


def catalog() -> Catalog:
    """The catalogue with its own text in the interface language (see `translation_notice`)."""
    found, _ = checked()
    if found is None:  # app.py shows the problems and stops before any page runs
        st.stop()
    return found.in_language(lang())


def view_for(range_key: str) -> RangeView:
    return _range_view(_data_key(), range_key, lang())


def translation_note() -> str:
    """A line saying that the catalogue's text is translated and the quotes are not; empty in English."""
    found, _ = checked()
    return catalogue_translation_note(found, lang()) if found is not None else ""


def who_the_sources_are_line(link: bool = True, short: bool = False, before: str = "") -> None:
    """Who the five sources are, in one line, read before any passage; with a link to the Sources page unless told not to.

    `before`: a sentence of the page's own to open the same caption with.
    """
    line = md_escape(" ".join(filter(None, [before, who_the_sources_are(catalog(), lang(), short=short)])))
    if not link:
        st.caption(line)
        return
    text, more = st.columns([6, 1], vertical_alignment="center", gap="small")
    text.caption(line)
    more.page_link("app_pages/sources.py", label=_("sources_more"), icon=":material/menu_book:", query_params=with_lang({}))


def translation_notice() -> None:
    """Says, in Azerbaijani or Russian, which of the catalogue's texts are shown in English and how they are marked."""
    found, _ = checked()
    notice = found and untranslated_notice(found, lang())
    if notice:
        st.info(notice, icon=":material/translate:")


def show_problems(problems: list[Problem]) -> None:
    errors = [p for p in problems if p.severity == "error"]
    st.title("Black January 1990")
    st.error(
        f"The data has {len(errors)} problem{'s' if len(errors) != 1 else ''}, so the explorer "
        "cannot open. Fix each line below in the file it names, then reload the page.",
        icon=":material/error:",
    )
    st.code("\n".join(str(p) for p in errors), language=None, wrap_lines=True)


def attribution(catalog: Catalog, citation: Citation, short: bool = False) -> str:
    """Who says the passage, who published it, on whose authority, and in which language it is quoted.

    `short`: the publisher without the text's title and date, for passages side by side.
    """
    source = catalog.sources[citation.source]
    said = md_escape(citation_attribution(catalog, citation, lang(), short=short))
    return said if short else f"{said} · {md_escape(_('quoted_in', language=language_name(source.language, lang())))}"


def timing(catalog: Catalog, event: Event, expanded: bool = False) -> None:
    """Where the sources put the event at different times: the note, and each source's own words."""
    lines = timing_lines(catalog, event, lang())
    if not lines:
        return
    with st.expander(_("when_by_source"), icon=":material/schedule:", expanded=expanded):
        if event.when_note:
            st.markdown(f"*{md_escape(' '.join(event.when_note.split()))}*")
        st.markdown("\n".join(f"- {md_escape(line)}" for line in lines))
