"""Hotspots for the occupational physician: where signals cluster, since when, and why."""

from __future__ import annotations

import streamlit as st

from signals.cycle import reviews
from signals.definitions import INDICATOR_IDS
from ui.access_control import access_db, require_page
from ui.actions_view import hotspot_actions
from ui.charts import projector_fonts
from ui.context import month_selector, page_context
from ui.data import load_hotspots, load_indicators
from ui.downloads import download_csv, safe_dataframe
from ui.figures import (
    HEATMAP_ROWS,
    funnel_figure,
    heatmap_cells,
    heatmap_order,
)
from ui.hotspot_reviews import review_column, review_table, show_review_editor, show_review_form, show_review_message
from ui.indicator_groups import theme_heatmap, theme_selector
from ui.labels import indicator_name, month_text, reason_column
from ui.quiet_month import quiet_month_notice
from ui.tables import literal_table
from ui.trend_links import clicked_cell, open_trend
from ui.widgets import (
    first_recorded_index,
    hotspot_block,
    incomplete_notice,
    unrecorded_notice,
)

WHY_ROWS = 15           # departments whose reasons are spelled out; all are in the CSV

viewer = require_page("hotspots")  # the role check, before anything is read or shown
context = page_context()
lang, t, database = context.lang, context.t, context.database
indicators = load_indicators(*database.cache_key)

st.title(t("hotspots.title"))
months = sorted(indicators["month"].unique(), reverse=True)
if not months:
    st.info(t("common.no_data"))
    st.stop()
unrecorded = unrecorded_notice(database, lang)
month = month_selector(st, months, key="hotspots_month", label=t("common.month"),
                       format_func=lambda m: month_text(m, lang), presenting=context.presenting)
if context.presenting:          # no month control on the projector: say which month it is
    st.header(month_text(month, lang))
incomplete_notice(database, month, lang)

# Heatmap: the month's departments, those with signals first (suppressed ones say so);
# a large organisation's first HEATMAP_ROWS unless all are asked for.
department_count = len(heatmap_order(*database.cache_key, month))
show_all = department_count > HEATMAP_ROWS and st.toggle(
    t("hotspots.show_all", n=department_count), key="hotspots_show_all")
rows = None if show_all else HEATMAP_ROWS
group = theme_selector(database, month, lang)
heatmap = theme_heatmap(database, month, lang, rows, group)
clicked = st.plotly_chart(projector_fonts(heatmap) if context.presenting else heatmap,
                          key="hotspots_heatmap", config={"displaylogo": False},
                          on_select="rerun", selection_mode="points")
cell = clicked_cell(clicked.selection if clicked else None)
if cell is not None:
    open_trend(*cell)
st.caption(t("hotspots.heatmap_help", n=database.min_group_size) + " "
           + t("hotspots.heatmap_order", shown=min(rows or department_count, department_count),
               total=department_count) + " " + t("hotspots.heatmap_click"))
heatmap_columns = ["department", "indicator", "value", "suppressed", "suppression_reason",
                   "level", "rule", reason_column(lang)]
download_csv(t("common.download_figures"),
             heatmap_cells(*database.cache_key, month)[heatmap_columns],
             f"hotspots_{month}.csv", key="download_heatmap", lang=lang)

# Ranked list.
st.subheader(t("hotspots.ranking"))
ranked = load_hotspots(*database.cache_key, month)
ranked = ranked[ranked["score"] > 0]
latest_reviews = reviews.latest_reviews(access_db(), month)   # none from a later month
if ranked.empty:        # green only when the month is complete
    quiet_month_notice(database, month, lang)
else:
    table = ranked.assign(
        indicators=ranked["indicators"].map(
            lambda ids: ", ".join(indicator_name(i, lang) for i in ids)),
        since=ranked["since"].map(lambda m: month_text(m, lang, short=True) if m is not None else ""),
        review=review_column(ranked["department"], latest_reviews, lang),
        reason=ranked[reason_column(lang)].str.replace("\n", " "),
    )[["rank", "department", "score", "alerts", "watches", "indicators", "since", "review",
       "reason"]]
    labels = {c: t("hotspots.col." + c) for c in table.columns}
    # the reasons follow the table, a line each; the CSV keeps them
    literal_table(table.drop(columns="reason").rename(columns=labels).set_index(labels["rank"]))
    st.caption(t("hotspots.weight_help"))
    # for another program: the month as YYYY-MM and the indicators' codes, not words
    machine_table = table.assign(
        since=ranked["since"].map(lambda m: m.strftime("%Y-%m") if m is not None else ""),
        indicators=ranked["indicators"].map(" ".join))
    download_csv(t("common.download_figures"), table, f"hotspots_ranking_{month}.csv",
                 key="download_ranking", lang=lang, labels=labels, machine_frame=machine_table)
    st.subheader(t("hotspots.why"))
    for row in ranked.head(WHY_ROWS).itertuples(index=False):
        hotspot_block(row, lang)
    if len(ranked) > WHY_ROWS:
        st.caption(t("hotspots.why_more", n=len(ranked) - WHY_ROWS))

# The physician's follow-up: everyone sees the status, only the physician the notes and the form.
reviewing = viewer.may_review() and not ranked.empty and not context.presenting  # not on a projector
if reviewing or not latest_reviews.empty:
    st.subheader(t("review.title"))
    show_review_message(lang)
if reviewing:
    show_review_form(viewer, ranked, month, lang)
if not latest_reviews.empty:
    st.caption(t("review.latest") + " · " + t("review.from_month", month=month_text(month, lang)))
    notes = viewer.may_review() and not context.presenting       # notes never on a projector
    safe_dataframe(review_table(latest_reviews, lang, with_notes=notes), hide_index=True)
    if notes:
        show_review_editor(viewer, latest_reviews, lang)

if not context.presenting:          # the cycle's actions for these signals, both ways
    hotspot_actions(viewer, database, ranked, month, lang)

# Funnel plot per indicator.
st.subheader(t("hotspots.funnel"))
indicator = st.selectbox(t("common.indicator"), INDICATOR_IDS, key="hotspots_funnel_indicator",
                         index=first_recorded_index(unrecorded),
                         format_func=lambda i: indicator_name(i, lang))
figure, points = funnel_figure(*database.cache_key, month, indicator, lang)
if figure is None:
    st.info(t("hotspots.no_funnel"))
else:
    st.plotly_chart(projector_fonts(figure) if context.presenting else figure,
                    key="hotspots_funnel", config={"displaylogo": False})
    st.caption(t("hotspots.funnel_help"))
    download_csv(t("common.download_figures"), points, f"funnel_{indicator}_{month}.csv",
                 key="download_funnel", lang=lang)
