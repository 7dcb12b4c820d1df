"""The interface language: from the URL (?lang=nl), else the session, else the default.

The default is the administrator's setting (kept in the access store, audited),
else SIGNALS_LANG, else Dutch.
"""

from __future__ import annotations

import os

import streamlit as st

from signals import config
from signals.access import audit
from signals.access import control as access
from signals.definitions import LANGUAGES
from signals.texts.i18n import LANGUAGE_NAMES

SESSION_KEY = "language"
DEFAULT_LANGUAGE_SETTING = "default_language"


def stored_default_language() -> str | None:
    """The default language an administrator chose, if any."""
    db = config.default_db_path()
    if not access.access_db_path(db).exists():
        return None
    with access.open_store(db) as con:
        row = con.execute("SELECT value FROM settings WHERE key = ?",
                          [DEFAULT_LANGUAGE_SETTING]).fetchone()
    return row[0] if row and row[0] in LANGUAGES else None


def save_default_language(lang: str, actor: str) -> None:
    """Store the default language for everyone; audited as a setting change."""
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}.")
    with access.open_store(config.default_db_path()) as con, access.transaction(con):
        row = con.execute("SELECT value FROM settings WHERE key = ?",
                          [DEFAULT_LANGUAGE_SETTING]).fetchone()
        con.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", [DEFAULT_LANGUAGE_SETTING, lang])
        audit.append(con, actor, "setting_changed", {"setting": DEFAULT_LANGUAGE_SETTING,
                                                     "old": row[0] if row else None, "new": lang})


def default_language() -> str:
    configured = (os.environ.get("SIGNALS_LANG") or "").strip().lower()
    return stored_default_language() or (configured if configured in LANGUAGES else "nl")


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
