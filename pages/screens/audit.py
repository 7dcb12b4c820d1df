"""The audit log for the administrator: entries, whether the keyed chain is intact, retention."""

from __future__ import annotations

import streamlit as st

from signals.access import audit
from ui.access_control import access_db, local_time, require_page
from ui.context import page_context
from ui.downloads import safe_dataframe

AUDIT_COLUMNS = ("entry_id", "at", "actor", "action", "detail")
SHOWN_ENTRIES = 500

viewer = require_page("audit")  # the role check, before anything is read or shown
context = page_context()
lang, t = context.lang, context.t
db = access_db()


# What check_chain found -> the message that says it.
PROBLEM_TEXTS = {
    "entry_changed": "audit.chain_broken",
    "entries_missing": "audit.chain_missing",
    "newest_missing": "audit.chain_newest_missing",
    "count_mismatch": "audit.chain_count",
    "head_missing": "audit.head_missing",
    "head_invalid": "audit.head_invalid",
    "head_restored": "audit.head_restored",
    "unkeyed_entries": "audit.unkeyed_entries",
    "retention_changed": "audit.retention_changed",
}


def show_chain_status() -> None:
    check = audit.check_chain(db)
    if check.intact:
        if check.entries:           # an empty log has nothing to vouch for ("none of the 0")
            st.success(t("audit.chain_ok", n=check.entries), icon=":material/verified:")
    else:
        st.error(t(PROBLEM_TEXTS[check.problem], entry=check.entry), icon=":material/gpp_bad:")


def show_retention() -> None:
    st.subheader(t("audit.retention"))
    with st.form("retention_form", border=False):
        days = st.number_input(t("audit.retention"), min_value=audit.MIN_RETENTION_DAYS,
                               max_value=36500, step=30, value=audit.retention_days(db),
                               help=t("audit.retention_help", min=audit.MIN_RETENTION_DAYS),
                               key="retention_days_input", disabled=not viewer.may_change_settings())
        if st.form_submit_button(t("common.save"), type="primary",
                                 disabled=not viewer.may_change_settings()):
            if int(days) != audit.retention_days(db):
                audit.set_retention_days(db, int(days), actor=viewer.actor)
            st.success(t("data.saved"))


def show_entries() -> None:
    st.subheader(t("audit.entries"))
    entries = audit.entries(db, limit=SHOWN_ENTRIES)
    if entries.empty:
        st.caption(t("audit.no_entries"))
        return
    entries["at"] = entries["at"].map(local_time)
    shown = entries[list(AUDIT_COLUMNS)].rename(columns=lambda c: t("audit.col." + c))
    safe_dataframe(shown, hide_index=True, height=520)


st.title(t("audit.title"))
show_chain_status()
show_retention()
show_entries()
