"""Data and settings: months and kinds loaded (and gaps), minimum group size, language, definitions."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from signals import config, store
from signals.access import audit
from signals.definitions import INDICATORS, KINDS, LANGUAGES, source_note
from signals.texts.i18n import LANGUAGE_NAMES
from ui.access_control import access_db, require_page
from ui.context import page_context
from ui.data import SHOW_DEMO_KEY, load_coverage, real_database_has_data
from ui.downloads import download_csv, safe_dataframe
from ui.indicator_groups import show_committee_settings
from ui.labels import kind_label, month_text
from ui.language import default_language, language_selector, save_default_language
from ui.report_download import organisation_setting
from ui.tables import literal_table

viewer = require_page("data")  # the role check, before anything is read or shown
context = page_context()
lang, t, database = context.lang, context.t, context.database


def show_coverage() -> None:
    st.subheader(t("data.coverage"))
    coverage = load_coverage(database.path, database.version)
    if coverage.empty:
        st.info(t("common.no_data"))
        return
    coverage["month"] = pd.to_datetime(coverage["month"]).dt.date
    table = coverage.pivot(index="month", columns="kind", values="rows")[list(KINDS)]
    # The reporting period is the span of the workforce months; gaps count inside it only.
    reported = table.index[table["workforce"] > 0]
    if len(reported):
        table = table.loc[reported.min():reported.max()]
    st.write(t("data.span", first=month_text(table.index.min(), lang),
               last=month_text(table.index.max(), lang), n=len(table)))
    for kind in ("workforce", "absences"):
        empty = [month_text(month, lang, short=True) for month in table.index[table[kind] == 0]]
        if empty:
            st.warning(t("data.gaps", kind=kind_label(kind, lang), months=", ".join(empty)))
    rare = [kind_label(kind, lang) for kind in ("turnover", "incidents", "reintegration")
            if (table[kind] == 0).any()]
    if rare:
        st.caption(t("data.rare_gaps", kinds=", ".join(rare)))
    shown = table.sort_index(ascending=False)
    figures = shown.reset_index(names="month")
    shown.index = [month_text(month, lang) for month in shown.index]
    shown.columns = [kind_label(kind, lang) for kind in shown.columns]
    safe_dataframe(shown, height=360)
    st.caption(t("data.coverage_help"))
    download_csv(t("common.download_figures"), figures, "coverage.csv", key="download_coverage",
                 lang=lang, labels={kind: kind_label(kind, lang) for kind in KINDS})


def show_demo_choice() -> None:
    """The demo organisation stays reachable for training once the organisation's data is in."""
    st.subheader(t("data.demo"))
    if not real_database_has_data():
        st.caption(t("data.demo_until_upload"))
        return

    def on_change() -> None:
        st.session_state[SHOW_DEMO_KEY] = st.session_state["show_demo_toggle"]

    st.toggle(t("data.demo_toggle"), value=bool(st.session_state.get(SHOW_DEMO_KEY, False)),
              key="show_demo_toggle", on_change=on_change, help=t("data.demo_toggle_help"))


def show_group_size() -> None:
    st.subheader(t("data.min_group_size"))
    st.write(t("data.min_group_size_help", n=database.min_group_size))
    if not viewer.may_change_settings():
        st.caption(t("data.read_only"))
        return
    with st.form("min_group_size_form", border=False):
        value = st.number_input(t("data.min_group_size"), min_value=config.MIN_GROUP_SIZE_FLOOR,
                                max_value=100, step=1,
                                value=database.min_group_size, key="min_group_size_input")
        if st.form_submit_button(t("common.save"), type="primary"):
            save_group_size(int(value))


def save_group_size(value: int) -> None:
    try:
        config.check_min_group_size(value)      # refused before the database is opened
        with store.connect(database.path) as con:
            old = store.min_group_size(con)
            store.set_min_group_size(con, value)
    except config.ConfigError:
        st.error(t("data.min_group_size_refused", n=config.MIN_GROUP_SIZE_FLOOR))
        return
    except store.DatabaseBusy:
        st.error(t("error.busy"))
        return
    audit.record(access_db(), viewer.actor, "setting_changed",
                 {"setting": "min_group_size", "old": old, "new": value, "demo": database.demo})
    st.rerun()


def show_language() -> None:
    st.subheader(t("data.language"))
    language_selector(lang, t("data.language"), key="settings_language")
    if not viewer.may_change_settings():
        return
    current = default_language()
    chosen = st.selectbox(t("data.default_language"), list(LANGUAGES), index=LANGUAGES.index(current),
                          format_func=LANGUAGE_NAMES.__getitem__, key="default_language_input",
                          help=t("data.default_language_help"))
    if chosen != current:
        save_default_language(chosen, viewer.actor)
        st.success(t("data.saved"))


def show_definitions() -> None:
    st.subheader(t("data.definitions"))
    rows = [
        {t("data.indicator"): indicator.name(lang), t("data.definition"): indicator.definition(lang),
         t("data.unit"): t("unit." + indicator.unit)}
        for indicator in INDICATORS
    ]
    literal_table(pd.DataFrame(rows), show_index=False)      # wraps: nothing cut on the right
    st.caption(f"{t('common.source')}: {source_note(lang)}")


def show_key_file_warning() -> None:
    """For whoever manages the settings: a key file that other users can read."""
    from signals.ingest.pseudonym import key_file_warning

    warning = key_file_warning() if viewer.may_change_settings() else None
    if warning:
        st.warning(warning.text(lang))


st.title(t("data.title"))
st.caption(t("data.database_demo") if database.demo else t("data.database_real"))
show_key_file_warning()
show_demo_choice()
show_coverage()
show_group_size()
show_committee_settings(viewer, database, lang)
organisation_setting(context, viewer)
show_language()
show_definitions()
