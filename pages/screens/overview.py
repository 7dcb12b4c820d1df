"""Overview for the committee: organisation indicators of one month and where to look."""

from __future__ import annotations

import streamlit as st

from signals.definitions import ALL_DEPARTMENTS
from ui.access_control import require_page
from ui.context import month_selector, page_context
from ui.data import load_evaluation, load_hotspots, load_indicators
from ui.downloads import download_csv
from ui.indicator_groups import show_overview_indicators
from ui.labels import month_text
from ui.prediagnosis import risk_analysis_line
from ui.quiet_month import quiet_month_notice
from ui.report_download import report_download
from ui.since_meeting import show_since_meeting
from ui.widgets import hotspot_block, incomplete_notice, unrecorded_notice, year_before

ATTENTION_ROWS = 5

viewer = require_page("overview")  # the role check, before anything is read or shown
context = page_context()
lang, t, database = context.lang, context.t, context.database
indicators = load_indicators(*database.cache_key)
chart = load_evaluation(*database.cache_key).chart

organisation = indicators[indicators["department"] == ALL_DEPARTMENTS]
months = sorted(organisation["month"].unique(), reverse=True)
title_column, month_column = st.columns([3, 1], vertical_alignment="bottom")
title_column.title(t("overview.title"))
if not months:
    st.info(t("common.no_data"))
    st.stop()
unrecorded_notice(database, lang)
if not context.presenting:      # the desk's reminder; the projector keeps its first screen
    risk_analysis_line(database, lang)

month = month_selector(month_column, months, key="overview_month", label=t("common.month"),
                       format_func=lambda m: month_text(m, lang), presenting=context.presenting)
(month_column if context.presenting else st).header(month_text(month, lang))
incomplete = incomplete_notice(database, month, lang)

this_month = chart[chart["month"] == month]
organisation_rows = this_month[this_month["department"] == ALL_DEPARTMENTS].set_index("indicator")
# Without a figure (file never uploaded, no hours) or without an expected value (too little
# history) the alerts cannot judge: say which, not "no signal".
organisation_levels = (organisation_rows["level"]
                       .where(organisation_rows["expected"].notna(), "unjudged")
                       .where(organisation_rows["value"].notna(), "no_data").to_dict())
# records still to come: no "no signal" on figures that may be too low (a signal stays)
organisation_levels.update({indicator: "incomplete" for indicator in incomplete
                            if organisation_levels.get(indicator) not in ("watch", "alert")})
signalled = this_month[(this_month["department"] != ALL_DEPARTMENTS) & this_month["level"].notna()] \
    .groupby("indicator")["department"].nunique().to_dict()

# On the projector the tiles and the departments to look at share the first screen.
if context.presenting:
    # side by side on a wide screen, one under the other on a narrow one (the CSS decides)
    tiles_area, attention_area = st.container(key="presentation_split").columns([11, 9], gap="medium")
else:
    tiles_area = attention_area = st.container()
with tiles_area:    # the followed indicators, then each theme with its worst light
    show_overview_indicators(database, organisation, month, organisation_levels, signalled, lang)

if not context.presenting:
    last_year = organisation[(organisation["month"] > year_before(month)) & (organisation["month"] <= month)]
    figures = last_year[["month", "indicator", "numerator", "denominator", "value", "suppressed",
                         "suppression_reason"]]
    with tiles_area:
        download_csv(t("common.download_figures"), figures.sort_values(["indicator", "month"]),
                     f"overview_{month}.csv", key="download_overview", lang=lang)
        report_download(context, viewer, month)

with attention_area:
    st.subheader(t("overview.attention"))
    ranked = load_hotspots(*database.cache_key, month)
    ranked = ranked[ranked["score"] > 0].head(ATTENTION_ROWS)
    if ranked.empty:        # green only when the month is complete
        quiet_month_notice(database, month, lang)
    for row in ranked.itertuples(index=False):
        hotspot_block(row, lang)

show_since_meeting(viewer, context)     # since the last meeting, the physician's advice
