"""Figures and their data, cached per database version and choice: a rerun redraws from memory."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from signals.alerts.detection import IMPROVEMENT_REASON_COLUMNS, REASON_COLUMNS
from signals.definitions import ALERT_LEVELS, ALL_DEPARTMENTS, INDICATOR_GROUPS, INDICATOR_IDS
from ui.charts import funnel_plot, heatmap
from ui.data import load_evaluation, load_hotspots, load_indicators
from ui.funnel import funnel_frames
from ui.labels import month_text


@st.cache_data(show_spinner=False, max_entries=64)
def heatmap_cells(path: str, version: int, min_group_size: int, month):
    """Every department of the month with its value, suppressed flag and reason, signal level and the
    strongest signal's rule and reasons (reason_nl, reason_fr, reason_en)."""
    indicators = load_indicators(path, version, min_group_size)
    chart = load_evaluation(path, version, min_group_size).chart
    of_month = indicators[(indicators["month"] == month) & (indicators["department"] != ALL_DEPARTMENTS)]
    levels = chart[chart["month"] == month][["department", "indicator", "level", "rule",
                                             "signal_value", "rise_months", *REASON_COLUMNS,
                                             "improvement", *IMPROVEMENT_REASON_COLUMNS]]
    cells = of_month[["department", "indicator", "value", "suppressed", "suppression_reason"]].merge(
        levels, on=["department", "indicator"], how="left")
    cells["order"] = cells["indicator"].map(INDICATOR_IDS.index)
    cells = cells.sort_values(["department", "order"]).drop(columns="order")
    cells.loc[cells["suppressed"], "value"] = None       # never carried further than needed
    return cells.reset_index(drop=True)


HEATMAP_ROWS = 30       # departments drawn at once: more do not fit a shared screen


def signals_per_group(path: str, version: int, min_group_size: int, month) -> dict[str, int]:
    """The month's watches and alerts per indicator group (INDICATOR_GROUPS), in its order."""
    cells = heatmap_cells(path, version, min_group_size, month)
    signalled = cells[cells["level"].isin(ALERT_LEVELS) & ~cells["suppressed"]]["indicator"]
    return {group: int(signalled.isin(members).sum()) for group, members in INDICATOR_GROUPS.items()}


def heatmap_order(path: str, version: int, min_group_size: int, month) -> list[str]:
    """The month's departments, those with signals first (hotspot rank), then by name."""
    departments = heatmap_cells(path, version, min_group_size, month)["department"]
    ranked = load_hotspots(path, version, min_group_size, month)["department"].tolist()
    return ranked + sorted(set(departments) - set(ranked))


@st.cache_data(show_spinner=False, max_entries=64)
def heatmap_figure(path: str, version: int, min_group_size: int, month, lang: str,
                   rows: int | None = HEATMAP_ROWS, indicators: tuple[str, ...] | None = None):
    """The heatmap of the first `rows` departments of heatmap_order (None: all), on the columns
    of `indicators` (None: every indicator)."""
    shown = heatmap_order(path, version, min_group_size, month)[:rows]
    position = {department: index for index, department in enumerate(shown)}
    cells = heatmap_cells(path, version, min_group_size, month)
    cells = cells[cells["department"].isin(position)
                  & (True if indicators is None else cells["indicator"].isin(indicators))]
    cells = cells.iloc[cells["department"].map(position).argsort(kind="stable")]
    return stable_figure(heatmap(cells, lang, min_group_size))


def stable_figure(figure: go.Figure) -> go.Figure:
    """The figure as it comes back from the cache: st.cache_data hands the first caller the
    object itself and later callers an unpickled copy, whose layout keys come in another
    order. The chart's element id hashes that text, so a chart with on_select got a new id
    on the next run and its first click went to the old one (nothing happened)."""
    return go.Figure(figure.to_dict())


@st.cache_data(show_spinner=False, max_entries=64)
def funnel_figure(path: str, version: int, min_group_size: int, month, indicator: str, lang: str):
    """(figure, points) of the funnel plot; (None, empty points) when there is nothing to compare."""
    funnel = load_evaluation(path, version, min_group_size).funnel
    points, limits, organisation_value = funnel_frames(funnel, month, indicator)
    if points.empty:
        return None, points
    figure = funnel_plot(points, indicator, lang, organisation_value=organisation_value,
                         limits=limits, month_title=month_text(month, lang))
    return figure, points
