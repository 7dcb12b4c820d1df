"""The dashboard's entry point: `streamlit run dashboard.py`.

Finds out who is looking (login, session, or the local single-operator mode),
builds the navigation from the pages that person may see, the context every page
shares (language, presentation mode, which database is shown), the sidebar and
the banners, then runs the chosen page. Each page checks the role again itself.
"""

from __future__ import annotations

import streamlit as st

from signals.config import MIN_GROUP_SIZE_FLOOR, ConfigError
from signals.store import DatabaseBusy
from signals.texts.i18n import text
from ui import theme
from ui.access_control import (
    Viewer,
    current_viewer,
    listening_allowed,
    refuse_public_listening,
    show_access_off_notice,
    show_account,
)
from ui.context import build_context, is_presenting, set_presenting
from ui.data import demo_chosen
from ui.language import current_language, keep_language_in_url, language_selector
from ui.navigation import PAGES_BY_KEY, build_navigation, page_key, presentation_neighbours

# Presenter remotes send Page Down / Page Up, keyboards the arrow keys: both step.
STEP_KEYS = {"previous": ("Left", "PageUp"), "next": ("Right", "PageDown")}
STEP_LABELS = {"previous": "◀ {page}", "next": "{page} ▶"}


def show_sidebar(lang: str, viewer: Viewer) -> None:
    with st.sidebar:
        language_selector(lang, text("sidebar.language", lang), key="sidebar_language")
        st.toggle(text("sidebar.presentation", lang), key="presentation_toggle",
                  help=text("sidebar.presentation_help", lang),
                  on_change=lambda: set_presenting(st.session_state["presentation_toggle"]))
        if not viewer.local:
            show_account(viewer, lang)


def show_demo_banner(lang: str) -> None:
    key = "demo.banner_chosen" if demo_chosen() else "demo.banner"   # for training, real data exists
    st.html(f'<div class="demo-banner" role="status">DEMO · {text(key, lang)}</div>')


def show_presentation_bar(lang: str, page, viewer: Viewer) -> None:
    """Large buttons, also on keys, that step Overview -> Hotspots -> Trends with the chosen
    month and language, and the way out of presentation mode."""
    allowed = viewer.allowed_pages()
    previous, following = presentation_neighbours(page_key(page, allowed), allowed)
    with st.container(horizontal=True, key="presentation_bar", vertical_alignment="center"):
        for direction, target in (("previous", previous), ("next", following)):
            if target is None:
                continue
            label = STEP_LABELS[direction].format(page=text(PAGES_BY_KEY[target].title_key, lang))
            key, second_key = STEP_KEYS[direction]
            clicked = st.button(label, key=f"present_{direction}", shortcut=key, type="primary")
            # the same step on the remote's key; hidden, the button above shows it
            clicked |= st.button(label, key=f"present_{direction}_remote", shortcut=second_key)
            if clicked:
                st.switch_page(PAGES_BY_KEY[target].file, query_params=st.query_params.to_dict())
        st.button(text("presentation.exit", lang), key="exit_presentation", type="tertiary",
                  on_click=set_presenting, args=(False,))


def show_login(lang: str) -> None:
    """Nobody logged in: every URL shows the login page, nothing else is built."""
    theme.apply_theme(False)
    with st.sidebar:
        language_selector(lang, text("sidebar.language", lang), key="sidebar_language")
    build_navigation(lang, login=True).run()


def main() -> None:
    lang = current_language()
    st.set_page_config(page_title=text("app.title", lang), page_icon=":material/monitor_heart:",
                       layout="wide")
    keep_language_in_url(lang)
    viewer = current_viewer()
    if viewer.local and not listening_allowed(viewer):
        refuse_public_listening(lang)
    if not viewer.logged_in:
        show_login(lang)
        return
    page = build_navigation(lang, allowed_keys=viewer.allowed_pages(), hidden=is_presenting())
    try:
        context = build_context()
    except DatabaseBusy:
        st.error(text("error.busy", lang))
        st.stop()
    except ConfigError:
        st.error(text("error.min_group_size", lang, n=MIN_GROUP_SIZE_FLOOR))
        st.stop()
    theme.apply_theme(context.presenting)
    if not context.presenting:
        show_sidebar(lang, viewer)
    if viewer.local and not context.presenting:     # not on the projector: it is local anyway
        show_access_off_notice(lang)
    if context.database.demo:
        show_demo_banner(lang)
    if context.presenting:
        show_presentation_bar(lang, page, viewer)
    page.run()


main()
