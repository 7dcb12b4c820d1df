"""Pre-diagnosis ("Knipperlichten"): a year's signals counted into a light per department.
A first indication for the committee, not a risk analysis (signals.alerts.prediagnosis)."""

from __future__ import annotations

import streamlit as st

from signals.definitions import ALL_DEPARTMENTS
from ui.access_control import require_page
from ui.context import month_selector, page_context
from ui.data import load_evaluation, load_indicators
from ui.labels import month_text
from ui.prediagnosis import show_prediagnosis

viewer = require_page("prediagnosis")  # the role check, before anything is read or shown
context = page_context()
lang, t, database = context.lang, context.t, context.database
indicators = load_indicators(*database.cache_key)
chart = load_evaluation(*database.cache_key).chart

title_column, month_column = st.columns([3, 1], vertical_alignment="bottom")
title_column.title(t("prediagnosis.title"))
months = sorted(indicators.loc[indicators["department"] == ALL_DEPARTMENTS, "month"].unique(),
                reverse=True)
if not months:
    st.info(t("common.no_data"))
    st.stop()
month = month_selector(month_column, months, key="prediagnosis_month", label=t("common.month"),
                       format_func=lambda m: month_text(m, lang), presenting=context.presenting)
show_prediagnosis(database, chart, month, indicators["department"].unique(), lang)
