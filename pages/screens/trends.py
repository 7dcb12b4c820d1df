"""Trends: control charts of an indicator for chosen departments, the organisation alongside."""

from __future__ import annotations

import streamlit as st

from signals.definitions import ALL_DEPARTMENTS, INDICATORS_BY_ID
from signals.measures.reference import reference_for
from signals.measures.suppression import COMPLEMENTARY
from ui.access_control import require_page
from ui.actions_view import cycle_db
from ui.charts import control_chart, limits_start, projector_fonts, reference_label
from ui.context import page_context
from ui.cycle_marks import show_cycle_marks
from ui.data import load_evaluation, load_hotspots, load_indicators
from ui.downloads import download_csv
from ui.indicator_groups import theme_indicator_selector
from ui.labels import indicator_name, kind_label, month_ranges, month_text, plain
from ui.rules import rule_names
from ui.survey_view import show_leading_block
from ui.trend_links import open_requested_trend
from ui.widgets import incomplete_months_of, unrecorded_notice

MAX_DEPARTMENTS = 4
CHART_COLUMNS = ["month", "department", "indicator", "value", "numerator", "denominator",
                 "expected", "watch_limit", "upper_limit", "lower_limit", "rolling12_value",
                 "level", "rule"]

viewer = require_page("trends")  # the role check, before anything is read or shown
context = page_context()
lang, t, database = context.lang, context.t, context.database
chart = load_evaluation(*database.cache_key).chart
indicators = load_indicators(*database.cache_key)

st.title(t("trends.title"))
departments = sorted(d for d in indicators["department"].unique() if d != ALL_DEPARTMENTS)
if not departments:
    st.info(t("common.no_data"))
    st.stop()
unrecorded = unrecorded_notice(database, lang)

ranked = load_hotspots(*database.cache_key, None)
ranked = ranked[ranked["score"] > 0]
# the top hotspot, else the first department with figures (not only small groups), else ALL
charted = set(chart["department"])
with_figures = [d for d in departments if d in charted]
default_department = (ranked["department"].iloc[0] if not ranked.empty
                      else with_figures[0] if with_figures else ALL_DEPARTMENTS)

# a heatmap cell clicked on the hotspots page opens its department and indicator here
requested = open_requested_trend([ALL_DEPARTMENTS] + departments)   # sets theme and indicator
theme_column, left, middle = st.columns([2, 2, 3])
indicator = theme_indicator_selector(theme_column, left, unrecorded, lang)
chosen = middle.multiselect(t("trends.departments"), [ALL_DEPARTMENTS] + departments,
                            default=None if requested else [default_department],
                            key="trends_departments",
                            max_selections=MAX_DEPARTMENTS,
                            format_func=lambda d: t("common.organisation") if d == ALL_DEPARTMENTS else d)
view_column, reference_column = st.columns([3, 2], vertical_alignment="bottom")
view = view_column.segmented_control(t("trends.view"), ["monthly", "rolling12"], default="monthly",
                               key="trends_view", required=True,
                               format_func=lambda v: t("chart.view_" + v))
reference = reference_for(indicator)
show_reference = reference is not None and reference_column.toggle(
    t("trends.reference"), key="trends_reference",
    help=reference_label(reference, view, lang) if reference else None)

of_indicator = chart[chart["indicator"] == indicator]
organisation = of_indicator[of_indicator["department"] == ALL_DEPARTMENTS]
suppressed = indicators[(indicators["indicator"] == indicator) & indicators["suppressed"]]
names = rule_names(lang)

incomplete = incomplete_months_of(database, indicator)
if incomplete and indicator not in unrecorded:     # the last months' records still to come
    st.warning(t("trends.incomplete", months=month_ranges(incomplete, lang),
                 kinds=kind_label(INDICATORS_BY_ID[indicator].source_kind, lang)),
               icon=":material/hourglass_top:")
if indicator in unrecorded:            # no empty charts: say why there is none
    st.info(t("trends.unrecorded", indicator=indicator_name(indicator, lang)))
    chosen = []


def show_hidden_months(department: str) -> None:
    """Which months are not shown, and why: too few people, or protecting another group."""
    hidden = suppressed[suppressed["department"] == department]
    protecting = hidden["suppression_reason"] == COMPLEMENTARY
    if (~protecting).any():
        st.caption(t("trends.suppressed_months", n=database.min_group_size,
                     months=month_ranges(hidden.loc[~protecting, "month"], lang)))
    if protecting.any():
        st.caption(t("trends.complementary_months",
                     months=month_ranges(hidden.loc[protecting, "month"], lang)))


# one department: its survey scores (leading) next to its charts; above them on a screen,
# under them on the projector, where the chart must be on the first screen
leading_department = chosen[0] if len(chosen) == 1 else None
if leading_department and not context.presenting:
    show_leading_block(database, leading_department, lang)
for department in chosen:
    series = of_indicator[of_indicator["department"] == department]
    label = t("common.organisation") if department == ALL_DEPARTMENTS else department
    if series.empty:
        st.info(t("trends.no_series", department=plain(label)))
        show_hidden_months(department)
        continue
    figure = control_chart(series, organisation, indicator, lang, department=label, view=view,
                           rule_names=names, reference=reference if show_reference else None,
                           min_group_size=database.min_group_size)
    chart_slot = st.empty()         # the chart above its choice of an action (ui.cycle_marks)
    figure = show_cycle_marks(figure, cycle_db(database), viewer, department, indicator, series["month"], indicators,
                              lang, key=f"trends_action_{department}_{indicator}")
    if context.presenting:
        figure = projector_fonts(figure)
    chart_slot.plotly_chart(figure, key=f"trend_{department}", config={"displaylogo": False})
    if view == "monthly":
        first = limits_start(series)
        st.caption(t("trends.limits_from", month=month_text(first, lang)) if first is not None
                   else t("trends.no_limits"))
    show_hidden_months(department)
    download_csv(t("common.download_figures"), series[CHART_COLUMNS],
                 f"{indicator}_{department}.csv", key=f"download_{department}", lang=lang)
if leading_department and context.presenting:
    show_leading_block(database, leading_department, lang)
if not chosen and indicator not in unrecorded:
    st.info(t("trends.pick_department"))
