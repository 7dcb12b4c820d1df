"""The physician's follow-up of hotspots: the latest status per department, and the review form.

Everyone who sees the hotspots sees the latest status; only a reviewing role
(the occupational physician, or the local operator) sees the notes and the form.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from signals import reviews
from signals.definitions import INDICATOR_IDS
from signals.i18n import text
from ui.access_control import Viewer, access_db, local_time
from ui.labels import indicator_name, month_text

SAVED_KEY = "review_saved"
REVIEW_TABLE_COLUMNS = ("department", "indicator", "month", "status", "note", "reviewer", "reviewed_at")


def status_label(status: str, lang: str) -> str:
    return reviews.STATUS_LABELS[status][lang]


def latest_by_department(latest: pd.DataFrame) -> pd.DataFrame:
    """The newest review of each department, whatever the indicator."""
    if latest.empty:
        return latest
    return latest.sort_values("review_id").groupby("department").tail(1).set_index("department")


def review_column(departments: pd.Series, latest: pd.DataFrame, lang: str) -> pd.Series:
    """'Action planned (Mar 2025)' per department, or 'not followed up yet' (never the note)."""
    newest = latest_by_department(latest)

    def describe(department: str) -> str:
        if department not in newest.index:
            return text("review.none", lang)
        row = newest.loc[department]
        month = month_text(pd.Timestamp(row["month"] + "-01").date(), lang, short=True)
        return f"{status_label(row['status'], lang)} ({month})"

    return departments.map(describe)


def review_table(latest: pd.DataFrame, lang: str, with_notes: bool) -> pd.DataFrame:
    """The latest review per (department, indicator); the note only for a reviewing role."""
    table = latest.assign(
        indicator=latest["indicator"].map(
            lambda i: indicator_name(i, lang) if i else text("review.whole_department", lang)),
        status=latest["status"].map(lambda s: status_label(s, lang)),
        reviewed_at=latest["reviewed_at"].map(local_time),
    )[list(REVIEW_TABLE_COLUMNS)]
    if not with_notes:
        table = table.drop(columns="note")
    return table.rename(columns=lambda c: text("common.indicator", lang) if c == "indicator"
                        else text("review.col." + c, lang))


def show_review_form(viewer: Viewer, ranked: pd.DataFrame, month, lang: str) -> None:
    """Mark a hotspot of this month seen / under investigation / action planned, with a note."""
    departments = ranked["department"].tolist()
    if st.session_state.pop(SAVED_KEY, False):
        st.success(text("review.saved", lang))
    department = st.selectbox(text("review.department", lang), departments, key="review_department")
    flagged = ranked.set_index("department").loc[department, "indicators"]
    options = [None] + [i for i in INDICATOR_IDS if i in set(flagged)]
    with st.form("review_form", clear_on_submit=True):
        indicator = st.selectbox(
            text("review.indicator", lang), options, key="review_indicator",
            format_func=lambda i: indicator_name(i, lang) if i else text("review.whole_department", lang))
        status = st.radio(text("review.status", lang), reviews.REVIEW_STATUSES, horizontal=True,
                          format_func=lambda s: status_label(s, lang), key="review_status")
        note = st.text_area(text("review.note", lang), max_chars=reviews.MAX_NOTE_LENGTH,
                            key="review_note", help=text("review.note_help", lang),
                            placeholder=text("review.note_help", lang))
        if st.form_submit_button(text("review.save", lang), type="primary"):
            save_review(viewer, department, indicator, month, status, note, lang)


def save_review(viewer: Viewer, department: str, indicator, month, status: str, note: str,
                lang: str) -> None:
    try:
        reviews.add_review(access_db(), viewer.actor, department, indicator, month, status, note)
    except (ValueError, PermissionError) as error:
        st.error(str(error))
        return
    st.session_state[SAVED_KEY] = True
    st.rerun()          # the ranking above shows the new status
