"""The follow-up of hotspots: the latest status per department, and the review form.

Everyone who sees the hotspots sees the latest status; only a reviewing role
(the occupational physician, the psychosocial adviser, or the local operator) sees the
notes and the form. Each review shows its author's role.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from signals import free_text
from signals.cycle import reviews
from signals.definitions import INDICATOR_IDS
from signals.store import DatabaseBusy
from signals.texts.i18n import text
from ui.access_control import Viewer, access_db, local_time
from ui.context import stored_ids
from ui.cycle_marks import day_text
from ui.labels import indicator_name, month_text

SAVED_KEY = "review_saved"
PENDING_KEY = "review_pending"        # a review held back by a diagnosis-word warning
EDIT_PENDING_KEY = "review_edit_pending"    # the same for an edited note
# A refused or held-back note stays (with the reason), so the physician rewrites it rather
# than types it again; a saved one is cleared on the next run.
REFILL_KEY = "review_note_refill"
# The choice "whole department" (a selectbox shows a None option as "Choose an option").
WHOLE_DEPARTMENT = "whole_department"
REVIEW_TABLE_COLUMNS = ("department", "indicator", "month", "status", "follow_up", "note",
                        "reviewer", "reviewer_role", "reviewed_at")


def hotspot_name(indicator, lang: str) -> str:
    """The indicator's name, or 'Whole department' for a review of the department as a whole."""
    return indicator_name(indicator, lang) if indicator in INDICATOR_IDS else \
        text("review.whole_department", lang)


def status_label(status: str, lang: str) -> str:
    return reviews.status_label(status, lang)


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


def role_label(role, lang: str) -> str:
    """'psychosocial adviser': whose reading a note is (empty for a removed user)."""
    return text("role." + role, lang) if isinstance(role, str) and role else ""


def review_table(latest: pd.DataFrame, lang: str, with_notes: bool) -> pd.DataFrame:
    """The latest review per (department, indicator); the note only for a reviewing role."""
    table = latest.assign(
        indicator=latest["indicator"].map(lambda i: hotspot_name(i, lang)),
        status=latest["status"].map(lambda s: status_label(s, lang)),
        follow_up=latest["follow_up"].map(           # as the language writes a day
            lambda d: day_text(pd.Timestamp(d).date(), lang) if d else ""),
        month=latest["month"].map(lambda m: month_text(pd.Timestamp(m + "-01").date(), lang,
                                                       short=True)),
        reviewed_at=latest["reviewed_at"].map(local_time),
        reviewer_role=latest.get("reviewer_role", pd.Series(None, index=latest.index,
                                                           dtype=object)).map(
            lambda role: role_label(role, lang)),
    )[list(REVIEW_TABLE_COLUMNS)]
    if not with_notes:
        table = table.drop(columns="note")
    return table.rename(columns=lambda c: text("common.indicator", lang) if c == "indicator"
                        else text("review.col." + c, lang))


def show_review_form(viewer: Viewer, ranked: pd.DataFrame, month, lang: str) -> None:
    """Mark a hotspot of this month seen / under investigation / action planned / closed,
    with a note and an optional follow-up date."""
    departments = ranked["department"].tolist()
    department = st.selectbox(text("review.department", lang), departments, key="review_department")
    flagged = ranked.set_index("department").loc[department, "indicators"]
    options = [WHOLE_DEPARTMENT] + [i for i in INDICATOR_IDS if i in set(flagged)]
    refill = st.session_state.pop(REFILL_KEY, None)
    if refill is not None:          # before the text area exists in this run
        st.session_state["review_note"] = refill[0]
    with st.form("review_form"):
        indicator = st.selectbox(
            text("review.indicator", lang), options, key="review_indicator",
            format_func=lambda i: hotspot_name(i, lang))
        status = st.radio(text("review.status", lang), reviews.REVIEW_STATUSES, horizontal=True,
                          format_func=lambda s: status_label(s, lang), key="review_status")
        note = st.text_area(text("review.note", lang), max_chars=reviews.MAX_NOTE_LENGTH,
                            key="review_note", help=text("review.note_help", lang),
                            placeholder=text("review.note_help", lang))
        follow_up = st.date_input(text("review.follow_up", lang), value=None,
                                  key="review_follow_up", format="DD/MM/YYYY")
        if st.form_submit_button(text("review.save", lang), type="primary"):
            indicator = None if indicator == WHOLE_DEPARTMENT else indicator
            save_review(viewer, dict(department=department, indicator=indicator, month=month,
                                     status=status, note=note, follow_up=follow_up), lang)
    if refill is not None and refill[1]:
        st.error(refill[1])
    pending = st.session_state.get(PENDING_KEY)
    if pending:
        st.warning(free_text.warning_message(free_text.diagnosis_words(pending["note"]), lang))
        if st.button(text("review.save_anyway", lang), key="review_save_anyway"):
            save_review(viewer, st.session_state.pop(PENDING_KEY), lang, confirmed=True)


def save_review(viewer: Viewer, review: dict, lang: str, confirmed: bool = False) -> None:
    """Save a new review; a note with a person identifier (also one stored in the data) is
    refused, one with a diagnosis word is held back until confirmed ("Save anyway")."""
    ids = stored_ids()
    try:
        check = free_text.check_text(review["note"], ids)
    except DatabaseBusy as error:       # an upload is writing the data: try again shortly
        st.session_state[REFILL_KEY] = (review["note"], str(error))
        st.rerun()
    if check.refused:
        st.session_state.pop(PENDING_KEY, None)
        st.session_state[REFILL_KEY] = (review["note"], free_text.refusal_message(check.refused, lang))
        st.rerun()
    if check.warnings and not confirmed:
        st.session_state[PENDING_KEY] = review
        st.session_state[REFILL_KEY] = (review["note"], None)
        st.rerun()          # the warning and "Save anyway" below the form
    st.session_state.pop(PENDING_KEY, None)
    try:
        reviews.add_review(access_db(), viewer.actor, **review, stored_ids=ids)
    except (ValueError, PermissionError, DatabaseBusy) as error:
        st.session_state[REFILL_KEY] = (review["note"], str(error))
        st.rerun()
    st.session_state[REFILL_KEY] = ("", None)       # saved: an empty note for the next one
    st.session_state[SAVED_KEY] = "review.saved"
    st.rerun()          # the ranking above shows the new status


def show_review_message(lang: str) -> None:
    """'Follow-up saved.' (changed, deleted) after the rerun that a change makes."""
    message = st.session_state.pop(SAVED_KEY, None)
    if message:
        st.success(text(message, lang))


def review_choice(row, lang: str) -> str:
    month = month_text(pd.Timestamp(row["month"] + "-01").date(), lang, short=True)
    return (f"{row['department']} · {hotspot_name(row['indicator'], lang)} · {month} · "
            f"{status_label(row['status'], lang)}")


def show_review_editor(viewer: Viewer, latest: pd.DataFrame, lang: str) -> None:
    """Edit, close or delete one of the shown reviews (a reviewing role only)."""
    if latest.empty:
        return
    rows = {int(row["review_id"]): row for _, row in latest.iterrows()}
    with st.expander(text("review.manage", lang)):
        review_id = st.selectbox(text("review.pick", lang), list(rows), key="review_edit_id",
                                 format_func=lambda i: review_choice(rows[i], lang))
        row = rows[review_id]
        status = st.radio(text("review.status", lang), reviews.REVIEW_STATUSES, horizontal=True,
                          index=reviews.REVIEW_STATUSES.index(row["status"]),
                          format_func=lambda s: status_label(s, lang),
                          key=f"review_edit_status_{review_id}")
        note = st.text_area(text("review.note", lang), value=row["note"],
                            max_chars=reviews.MAX_NOTE_LENGTH, help=text("review.note_help", lang),
                            key=f"review_edit_note_{review_id}")
        follow_up = st.date_input(
            text("review.follow_up", lang), format="DD/MM/YYYY",
            value=pd.Timestamp(row["follow_up"]).date() if row["follow_up"] else None,
            key=f"review_edit_follow_up_{review_id}")
        save, close, delete = st.columns(3)
        def edit():
            return reviews.edit_review(access_db(), viewer.actor, review_id, status=status,
                                       note=note, follow_up=follow_up, stored_ids=stored_ids())
        if save.button(text("review.update", lang), key="review_edit_save", type="primary"):
            words = free_text.diagnosis_words(note)
            if words and not note_refusal(note, lang):    # a diagnosis word: confirm first
                st.session_state[EDIT_PENDING_KEY] = (review_id, note)
            else:
                change_review(edit, note, lang, "review.updated")
        if st.session_state.get(EDIT_PENDING_KEY) == (review_id, note):
            st.warning(free_text.warning_message(free_text.diagnosis_words(note), lang))
            if st.button(text("review.save_anyway", lang), key="review_edit_save_anyway"):
                st.session_state.pop(EDIT_PENDING_KEY, None)
                change_review(edit, note, lang, "review.updated")
        if close.button(text("review.close", lang), key="review_edit_close"):
            change_review(lambda: reviews.close_review(access_db(), viewer.actor, review_id),
                          "", lang, "review.updated")
        if delete.button(text("review.delete", lang), key="review_edit_delete"):
            change_review(lambda: reviews.delete_review(access_db(), viewer.actor, review_id),
                          "", lang, "review.deleted")


def note_refusal(note: str, lang: str) -> str | None:
    """Why `note` may not be saved (a person identifier, a busy database), or None."""
    try:
        refused = free_text.identifiers_in(note, stored_ids()) if note else ()
    except DatabaseBusy as error:
        return str(error)
    return free_text.refusal_message(refused, lang) if refused else None


def change_review(action, note: str, lang: str, done_key: str) -> None:
    refusal = note_refusal(note, lang)
    if refusal:
        st.error(refusal)
        return
    try:
        action()
    except (ValueError, PermissionError, KeyError, DatabaseBusy) as error:
        st.error(str(error))
        return
    st.session_state[SAVED_KEY] = done_key
    st.rerun()
