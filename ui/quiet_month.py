"""The attention list's empty state: green "no signal" only for a complete month."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from signals.measures.completeness import month_complete
from signals.texts.i18n import text
from ui.data import ActiveDatabase, load_incomplete, load_unrecorded
from ui.labels import month_text


def quiet_month_notice(database: ActiveDatabase, month: dt.date, lang: str) -> None:
    """No department ranked in `month`: say "no signal" only when every record kind is stored
    for it; a kind behind or never uploaded (both named above the list) makes it incomplete."""
    incomplete = load_incomplete(database.path, database.version)
    unrecorded = load_unrecorded(database.path, database.version)
    if month_complete(incomplete, unrecorded, month):
        st.success(text("overview.no_attention", lang))
    else:
        st.info(text("overview.no_attention_incomplete", lang, month=month_text(month, lang)))
