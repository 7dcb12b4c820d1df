"""The interface language: from the URL (?lang=nl), else the session, else SIGNALS_LANG."""

from __future__ import annotations

import os

import streamlit as st

from signals.definitions import LANGUAGES
from signals.i18n import LANGUAGE_NAMES

SESSION_KEY = "language"


def default_language() -> str:
    configured = (os.environ.get("SIGNALS_LANG") or "").strip().lower()
    return configured if configured in LANGUAGES else "nl"


def current_language() -> str:
    """The language in the URL wins (a bookmarked screen), then the session's choice."""
    from_url = str(st.query_params.get("lang", "")).lower()
    if from_url in LANGUAGES:
        st.session_state[SESSION_KEY] = from_url
        return from_url
    return st.session_state.get(SESSION_KEY) or default_language()


def keep_language_in_url(lang: str) -> None:
    """Write the language to the URL so the current screen can be bookmarked."""
    if st.query_params.get("lang") != lang:
        st.query_params["lang"] = lang
    st.session_state[SESSION_KEY] = lang


def set_language(lang: str) -> None:
    if lang in LANGUAGES:
        keep_language_in_url(lang)


def language_selector(lang: str, label: str, key: str) -> None:
    """A selector that changes the language (and the URL) immediately."""
    def on_change() -> None:
        set_language(st.session_state[key])

    st.segmented_control(
        label, options=list(LANGUAGES), default=lang, key=key,
        format_func=LANGUAGE_NAMES.__getitem__, on_change=on_change,
    )
