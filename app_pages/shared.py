"""What every page shares: the cached catalogue, per-range views, and passages laid out with attribution."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from blackjanuary import Catalog, Problem, check
from blackjanuary.explore import RangeView, range_view
from blackjanuary.loading import FILES, data_dir_from_env
from blackjanuary.models import Event
from blackjanuary.present import attribution_text
from blackjanuary.text import md_escape


def _data_key() -> tuple:
    """The data folder and its files' change times: editing a file reloads the catalogue."""
    data_dir = data_dir_from_env().resolve()
    stamps = []
    for path in [*(data_dir / name for name in FILES.values()), *sorted((data_dir / "sources").glob("*"))]:
        try:
            stamps.append((path.name, path.stat().st_mtime_ns))
        except OSError:
            stamps.append((path.name, None))
    return (str(data_dir), tuple(stamps))


# cache_resource, not cache_data: the catalogue is frozen and read-only, and
# cache_data would unpickle a fresh copy of it on every rerun.
@st.cache_resource(show_spinner=False, max_entries=4)
def _checked(key: tuple) -> tuple[Catalog | None, list[Problem]]:
    return check(Path(key[0]))


@st.cache_resource(show_spinner=False, max_entries=12)
def _range_view(key: tuple, range_key: str) -> RangeView:
    catalog, _ = _checked(key)
    return range_view(catalog, range_key)


def checked() -> tuple[Catalog | None, list[Problem]]:
    return _checked(_data_key())


def catalog() -> Catalog:
    found, _ = checked()
    if found is None:  # app.py shows the problems and stops before any page runs
        st.stop()
    return found


def view_for(range_key: str) -> RangeView:
    return _range_view(_data_key(), range_key)


def show_problems(problems: list[Problem]) -> None:
    errors = [p for p in problems if p.severity == "error"]
    st.title("Black January 1990")
    st.error(
        f"The data has {len(errors)} problem{'s' if len(errors) != 1 else ''}, so the explorer "
        "cannot open. Fix each line below in the file it names, then reload the page.",
        icon=":material/error:",
    )
    st.code("\n".join(str(p) for p in errors), language=None, wrap_lines=True)


def attribution(catalog: Catalog, source_id: str) -> str:
    return md_escape(attribution_text(catalog.sources[source_id]))


def passages(catalog: Catalog, event: Event) -> None:
    """Each quoted passage of an event, verbatim, attributed and linked to its place in the source."""
    for n, citation in enumerate(event.citations):
        with st.container(border=False):
            st.markdown(f"> {md_escape(citation.quote)}")
            left, right = st.columns([3, 2], vertical_alignment="center")
            left.caption(f"— {attribution(catalog, citation.source)}")
            with right:
                st.page_link(
                    "app_pages/sources.py",
                    label="In the source",
                    icon=":material/format_quote:",
                    query_params={"source": citation.source, "event": event.id, "q": str(n)},
                    help="Open the full text with this passage highlighted",
                )
