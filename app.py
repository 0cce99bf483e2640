"""Black January explorer: the frame every page shares, then the page the URL asks for."""

import streamlit as st

from app_pages.shared import checked, show_problems

st.set_page_config(
    page_title="Black January 1990: Baku, hour by hour",
    layout="wide",
)

catalog, problems = checked()
if catalog is None:
    # Still through st.navigation, so Streamlit does not list the pages/ folder as pages.
    st.navigation([st.Page(lambda: show_problems(problems), title="Data problems")], position="hidden").run()
    st.stop()

if catalog.warnings:
    with st.sidebar.expander(f"Data warnings ({len(catalog.warnings)})"):
        st.code("\n".join(str(w) for w in catalog.warnings), language=None, wrap_lines=True)

st.navigation(
    [
        st.Page("app_pages/explore.py", title="Explore", url_path="explore", default=True),
        st.Page("app_pages/present.py", title="Present", url_path="present"),
        st.Page("app_pages/figures.py", title="Figures", url_path="figures"),
        st.Page("app_pages/sources.py", title="Sources", url_path="sources"),
    ],
    position="top",
).run()
