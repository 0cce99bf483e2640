"""Black January explorer: the frame every page shares, then the page the URL asks for."""

import streamlit as st

from app_pages.shared import _, checked, choose_language, frame_style, show_problems, translation_notice
from blackjanuary import explore_state
from blackjanuary.i18n import language_or_default, tr

# In the language the link asks for: the switch below is not drawn yet.
arriving = language_or_default(st.session_state.get("lang") or st.query_params.get("lang"))
st.set_page_config(
    page_title=tr(arriving, "page_title"), page_icon="app_assets/favicon.svg", layout="wide",
    menu_items={"About": tr(arriving, "about_app"), "Get help": None, "Report a bug": None},
)
frame_style()
choose_language()
explore_state.write_back(st.session_state)

catalog, problems = checked()
if catalog is None:
    # Still through st.navigation, so Streamlit does not list the pages folder as pages.
    st.navigation([st.Page(lambda: show_problems(problems), title=_("data_problems"))], position="hidden").run()
    st.stop()

translation_notice()
if catalog.warnings:
    with st.sidebar.expander(_("data_warnings", count=len(catalog.warnings))):
        st.code("\n".join(str(w) for w in catalog.warnings), language=None, wrap_lines=True)

st.navigation(
    [
        st.Page("app_pages/explore.py", title=_("page_explore"), url_path="explore", default=True),
        st.Page("app_pages/present.py", title=_("page_present"), url_path="present"),
        st.Page("app_pages/figures.py", title=_("page_figures"), url_path="figures"),
        st.Page("app_pages/chronology.py", title=_("page_chronology"), url_path="chronology"),
        st.Page("app_pages/sources.py", title=_("page_sources"), url_path="sources"),
    ],
    position="top",
).run()
