"""The pre-diagnosis screen (signals.alerts.prediagnosis): the organisation's and each
department's light with what lies behind it, the reminder of the last psychosocial risk
analysis, and that setting on the data page."""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import streamlit as st
from babel.dates import format_date

from signals import store
from signals.access import audit
from signals.alerts import prediagnosis as pre
from signals.alerts.groups import GROUPED_IDS
from signals.definitions import ALL_DEPARTMENTS
from signals.free_text import TextRefused, refusal_message
from signals.texts.formatting import locale_of
from signals.texts.i18n import text
from ui.access_control import access_db
from ui.context import data_paths
from ui.data import ActiveDatabase, read_connection
from ui.labels import indicator_name, month_ranges, month_text, plain
from ui.tables import literal_table

LIGHT_ICONS = {"red": "■", "orange": "▲", "green": "●", "unjudged": "○"}
# Markdown backgrounds of a row's label: tinted, the text stays dark (icon and word carry it too)
LIGHT_BACKGROUNDS = {"red": "red", "orange": "orange", "green": "green", "unjudged": "gray"}
SAVED_KEY = "risk_analysis_saved"

PREDIAGNOSIS_CSS = """
<style>
  .prediagnosis-label { display: inline-block; font-size: 1.15rem; font-weight: 700;
    padding: 0.3rem 0.9rem; border: 2px solid #0072B2; border-radius: 0.4rem; color: #003F63;
    background: #E5F1F8; margin-bottom: 0.6rem; }
  .prediagnosis-light { display: inline-block; font-weight: 700; font-size: 1.1rem;
    padding: 0.15rem 0.7rem; border-radius: 0.4rem; }
  .prediagnosis-red { background: #FBE5D9; color: #7A2E00; border: 2px solid #D55E00; }
  .prediagnosis-orange { background: #FFF3D6; color: #6B4A00; border: 2px solid #E69F00; }
  .prediagnosis-green { background: #E6F5EF; color: #00573F; border: 2px solid #009E73; }
  .prediagnosis-unjudged { background: #F2F2F2; color: #333333; border: 2px dashed #777777; }
  [class*="st-key-light_"] [data-testid="stExpander"] details { border-left-width: 0.6rem; }
  [class*="st-key-light_red_"] [data-testid="stExpander"] details { border-left-color: #D55E00; }
  [class*="st-key-light_orange_"] [data-testid="stExpander"] details { border-left-color: #E69F00; }
  [class*="st-key-light_green_"] [data-testid="stExpander"] details { border-left-color: #009E73; }
  [class*="st-key-light_"] [data-testid="stExpander"] summary p { font-size: 1.15rem; }
</style>
"""


def light_label(light: str, lang: str) -> str:
    """'■ Red': icon and word, never colour alone."""
    return f"{LIGHT_ICONS[light]} {text(f'prediagnosis.light.{light}', lang)}"


def date_text(date: dt.date, lang: str) -> str:
    return format_date(date, format="long", locale=locale_of(lang))


def read_risk_analysis(database: ActiveDatabase) -> pre.RiskAnalysis:
    with read_connection(database.path) as con:
        return pre.risk_analysis(con)


def risk_analysis_reminder(analysis: pre.RiskAnalysis, lang: str) -> str | None:
    """The reminder when the last risk analysis is unknown or too old; None when recent."""
    if analysis.date is None:
        return text("prediagnosis.risk_unknown", lang)
    if pre.risk_analysis_due(analysis.date):
        return text("prediagnosis.risk_old", lang, date=date_text(analysis.date, lang),
                    years=pre.RISK_ANALYSIS_YEARS)
    return None


def risk_analysis_line(database: ActiveDatabase, lang: str) -> None:
    """The overview's one line, when a reminder is due."""
    analysis = read_risk_analysis(database)
    if analysis.date is None:
        st.caption(f":material/event: {text('prediagnosis.risk_line_unknown', lang)}")
    elif pre.risk_analysis_due(analysis.date):
        st.caption(":material/event: " + text("prediagnosis.risk_line_old", lang,
                                               date=date_text(analysis.date, lang),
                                               years=pre.RISK_ANALYSIS_YEARS))


def show_risk_analysis(database: ActiveDatabase, lang: str) -> None:
    """The pre-diagnosis page's reminder, or the date and scope of the last analysis."""
    analysis = read_risk_analysis(database)
    reminder = risk_analysis_reminder(analysis, lang)
    if reminder:
        st.warning(reminder, icon=":material/event:")
    else:
        st.caption(text("prediagnosis.risk_recorded", lang, date=date_text(analysis.date, lang),
                        scope=analysis.scope or "–"))


def months_text(months, lang: str) -> str:
    """'jun 2026 – okt 2026, feb 2027': runs of months as ranges."""
    return month_ranges(months, lang) if len(months) else ""


def behind_table(levels: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Which indicators signalled, at which level, in which months."""
    columns = {name: text(f"prediagnosis.col.{name}", lang)
               for name in ("indicator", "level", "alert_months", "watch_months")}
    table = pd.DataFrame({
        "indicator": levels["indicator"].map(lambda i: indicator_name(i, lang)),
        "level": levels["level"].map(lambda level: text(f"level.{level}", lang)),
        "alert_months": levels["alert_months"].map(lambda m: months_text(m, lang)),
        "watch_months": levels["watch_months"].map(lambda m: months_text(m, lang)),
    })
    return table.rename(columns=columns)


def show_behind(levels: pd.DataFrame, lang: str) -> None:
    if levels.empty:
        st.caption(text("prediagnosis.no_signals", lang))
        return
    ordered = levels.assign(order=levels["level"].map({"alert": 0, "watch": 1}),
                            theme=levels["indicator"].map(GROUPED_IDS.index))
    literal_table(behind_table(ordered.sort_values(["order", "theme"]), lang), show_index=False)


def department_label(row, lang: str) -> str:
    """':red-background[■ Red] · **Geriatrie** · 7 with an alert · 4 with a watch'."""
    name = text("common.organisation", lang) if row.department == ALL_DEPARTMENTS \
        else plain(row.department)
    summary = text("prediagnosis.summary", lang, alerts=row.alerts, watches=row.watches)
    badge = f":{LIGHT_BACKGROUNDS[row.light]}-background[**{light_label(row.light, lang)}**]"
    return f"{badge} · **{name}** · {summary}"



def show_department(row, levels: pd.DataFrame, lang: str, index: int) -> None:
    """A light as a row that opens on the indicators behind it."""
    with st.container(key=f"light_{row.light}_{index}"):
        with st.expander(department_label(row, lang), key=f"prediagnosis_{index}"):
            st.caption(text("prediagnosis.behind", lang))
            show_behind(levels[levels["department"] == row.department], lang)


def show_prediagnosis(database: ActiveDatabase, chart: pd.DataFrame, month: dt.date, departments,
                      lang: str) -> None:
    """The label, the risk analysis reminder, the rule, the organisation's light and each
    department's, worst first."""
    st.html(PREDIAGNOSIS_CSS)
    st.html(f'<div class="prediagnosis-label">{html.escape(text("prediagnosis.label", lang))}</div>')
    show_risk_analysis(database, lang)
    st.write(text("prediagnosis.intro", lang, month=month_text(month, lang)))
    st.caption(text("prediagnosis.rule", lang, **pre.RULE))
    lights = pre.prediagnosis(chart, month)
    levels = pre.indicator_levels(chart, month)
    organisation = lights[lights["department"] == ALL_DEPARTMENTS]
    st.subheader(text("prediagnosis.organisation", lang))
    for row in organisation.itertuples(index=False):
        show_department(row, levels, lang, 0)
    st.subheader(text("prediagnosis.departments", lang))
    for index, row in enumerate(lights[lights["department"] != ALL_DEPARTMENTS]
                                .itertuples(index=False), start=1):
        show_department(row, levels, lang, index)
    unjudged = pre.unjudged_departments(departments, lights)
    if unjudged:
        st.caption(text("prediagnosis.unjudged", lang, n=len(unjudged), names=", ".join(unjudged)))


# The setting (data page): the date and scope of the last psychosocial risk analysis.

def show_risk_analysis_setting(viewer, database: ActiveDatabase, lang: str) -> None:
    st.subheader(text("prediagnosis.setting_title", lang))
    st.write(text("prediagnosis.setting_help", lang, years=pre.RISK_ANALYSIS_YEARS))
    if st.session_state.pop(SAVED_KEY, False):
        st.success(text("prediagnosis.setting_saved", lang))
    analysis = read_risk_analysis(database)
    if not viewer.may_change_settings():
        if analysis.date is not None:
            st.write(text("prediagnosis.risk_recorded", lang, date=date_text(analysis.date, lang),
                          scope=analysis.scope or "–"))
        st.caption(text("data.read_only", lang))
        return
    with st.form("risk_analysis_form", border=False):
        date_column, scope_column = st.columns([1, 2])
        date = date_column.date_input(text("prediagnosis.setting_date", lang), value=analysis.date,
                                      min_value=pre.EARLIEST_RISK_ANALYSIS, max_value=dt.date.today(),
                                      format="DD/MM/YYYY", key="risk_analysis_date")
        scope = scope_column.text_input(text("prediagnosis.setting_scope", lang), value=analysis.scope,
                                        max_chars=pre.MAX_SCOPE_LENGTH, key="risk_analysis_scope")
        if st.form_submit_button(text("common.save", lang), type="primary", key="risk_analysis_save") \
                and date is not None:
            save_risk_analysis(viewer, database, date, scope, analysis, lang)


def save_risk_analysis(viewer, database: ActiveDatabase, date: dt.date, scope: str,
                       before: pre.RiskAnalysis, lang: str) -> None:
    try:
        # while the demo is shown, the organisation's own ids too
        others = [path for path in data_paths() if path != str(database.path)]
        with store.connect(database.path) as con:
            saved = pre.set_risk_analysis(con, date, scope, other_databases=others)
    except TextRefused as refused:
        st.error(refusal_message(refused.kinds, lang))
        return
    except pre.RiskAnalysisRefused as refused:
        st.error(text(f"prediagnosis.refused.{refused.reason}", lang, n=pre.MAX_SCOPE_LENGTH))
        return
    except store.DatabaseBusy:
        st.error(text("error.busy", lang))
        return
    # the scope is free text: the log keeps that it changed, not the words
    audit.record(access_db(), viewer.actor, "setting_changed",
                 {"setting": "risk_analysis",
                  "old": before.date.isoformat() if before.date else None,
                  "new": saved.date.isoformat(), "scope_changed": saved.scope != before.scope,
                  "demo": database.demo})
    st.session_state[SAVED_KEY] = True
    st.rerun()
