"""The dashboard's entry point: `streamlit run dashboard.py`.

Builds the context every page shares (language, presentation mode, which
database is shown), the navigation from the page registry, the sidebar and the
DEMO banner, then runs the chosen page.
"""

from __future__ import annotations

import streamlit as st

from signals.i18n import text
from signals.store import DatabaseBusy
from ui import theme
from ui.context import build_context, is_presenting, set_presenting
from ui.language import current_language, keep_language_in_url, language_selector
from ui.navigation import build_navigation


def show_sidebar(lang: str) -> None:
    with st.sidebar:
        language_selector(lang, text("sidebar.language", lang), key="sidebar_language")
        st.toggle(text("sidebar.presentation", lang), key="presentation_toggle",
                  help=text("sidebar.presentation_help", lang),
                  on_change=lambda: set_presenting(st.session_state["presentation_toggle"]))


def show_demo_banner(lang: str) -> None:
    st.html(f'<div class="demo-banner" role="status">DEMO · {text("demo.banner", lang)}</div>')


def show_exit_presentation(lang: str) -> None:
    st.button(text("presentation.exit", lang), key="exit_presentation", type="tertiary",
              on_click=set_presenting, args=(False,))


def main() -> None:
    lang = current_language()
    st.set_page_config(page_title=text("app.title", lang), page_icon=":material/monitor_heart:",
                       layout="wide")
    keep_language_in_url(lang)
    # Role-based access control plugs in here by passing the keys a user may see.
    page = build_navigation(lang, allowed_keys=None, hidden=is_presenting())
    try:
        context = build_context()
    except DatabaseBusy:
        st.error(text("error.busy", lang))
        st.stop()
    theme.apply_theme(context.presenting)
    if not context.presenting:
        show_sidebar(lang)
    if context.database.demo:
        show_demo_banner(lang)
    page.run()
    if context.presenting:
        show_exit_presentation(lang)


main()
