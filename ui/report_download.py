"""The committee report on the screens: the overview's download button and the organisation
name on the data page. The PDF itself comes from signals.report, the same path as
`python -m signals report`."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from signals import store
from signals.access import audit
from signals.report import MAX_ORGANISATION_LENGTH, organisation_name, report_pdf, set_organisation_name
from signals.texts.i18n import text
from ui.access_control import Viewer, access_db
from ui.context import PageContext
from ui.data import read_connection


def report_bytes(context: PageContext, viewer: Viewer, **period) -> bytes:
    """The PDF for this viewer (the cycle's records are read with the viewer's role)."""
    if not viewer.may_view("overview"):
        raise PermissionError("This role does not see the committee's figures.")
    return report_pdf(context.database.path, lang=context.lang, actor=viewer.actor, **period)


def report_download(context: PageContext, viewer: Viewer, month: dt.date) -> None:
    """"Download the committee report (PDF)" for `month`, and the annual evaluation of its
    year; made when clicked (a few seconds), for the roles that see the overview."""
    if context.presenting or not viewer.may_view("overview"):
        return
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        st.download_button(
            text("report.download", context.lang),
            data=lambda: report_bytes(context, viewer, month=month),
            file_name=f"committee_report_{month:%Y-%m}_{context.lang}.pdf",
            mime="application/pdf", key="download_report", icon=":material/picture_as_pdf:",
            on_click="ignore")
        st.download_button(
            text("report.download_year", context.lang, year=month.year),
            data=lambda: report_bytes(context, viewer, year=month.year),
            file_name=f"annual_evaluation_{month.year}_{context.lang}.pdf",
            mime="application/pdf", key="download_report_year", type="tertiary",
            on_click="ignore")


def organisation_setting(context: PageContext, viewer: Viewer) -> None:
    """The organisation's name on the report's cover: the administrator changes it."""
    lang, path = context.lang, context.database.path
    st.subheader(text("report.settings.title", lang))
    with read_connection(path) as con:
        current = organisation_name(con)
    if not viewer.may_change_settings():
        st.write(current or text("report.organisation_unnamed", lang))
        st.caption(text("data.read_only", lang))
        return
    with st.form("organisation_name_form", border=False):
        value = st.text_input(text("report.settings.title", lang), value=current,
                              max_chars=MAX_ORGANISATION_LENGTH, key="organisation_name_input",
                              help=text("report.settings.help", lang))
        if not st.form_submit_button(text("common.save", lang)):
            return
    try:
        with store.connect(path) as con:
            saved = set_organisation_name(con, value)
    except ValueError:
        st.error(text("report.settings.too_long", lang, n=MAX_ORGANISATION_LENGTH))
        return
    except store.DatabaseBusy:
        st.error(text("error.busy", lang))
        return
    audit.record(access_db(), viewer.actor, "setting_changed",
                 {"setting": "organisation_name", "length": len(saved),
                  "demo": context.database.demo})
    st.success(text("report.settings.saved", lang))
