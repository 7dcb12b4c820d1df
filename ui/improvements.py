"""Improvement signals on the screens: a calm, hollow mark, never a warning's colour or shape.

signals.alerts.detection puts a month's improvement (a team clearly and durably better than
its own baseline) in the chart frame's `improvement` column, apart from `level`, with its
sentences in improvement_reason_<lang>. The trend chart rings those months; the heatmap
shows IMPROVEMENT_ICON in place of the 'no signal' dot; the hotspots list never ranks them.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from signals.texts.i18n import text
from ui.labels import display_value, is_missing, month_text
from ui.theme import IMPROVEMENT_COLOUR, IMPROVEMENT_ICON

# Texts: "chart.improvement" (the legend) and "level.improvement", declared with the
# improvement sentences in signals.alerts.sentences.

def improved(rows: pd.DataFrame) -> pd.Series:
    """Which rows (of the chart frame) carry an improvement."""
    if "improvement" not in rows:
        return pd.Series(False, index=rows.index)
    return rows["improvement"].map(lambda rule: not is_missing(rule)).astype(bool)


def improvement_label(lang: str) -> str:
    return f"{IMPROVEMENT_ICON} {text('level.improvement', lang)}"


def improvement_hover(row, indicator: str, lang: str) -> str:
    """The mark's hover: the word, the month, this month's value and the sentence."""
    from ui.charts import _wrap

    reason = row.get(f"improvement_reason_{lang}")
    return (f"<b>{improvement_label(lang)}</b> · {month_text(row['month'], lang)}<br>"
            f"{display_value(row['value'], indicator, lang)}"
            + (f"<br>{_wrap(reason)}" if not is_missing(reason) else ""))


def improvement_markers(series: pd.DataFrame, indicator: str, lang: str) -> go.Scatter | None:
    """Hollow rings in the calm colour around the improved months' points (None: none)."""
    rows = series[improved(series)]
    if rows.empty:
        return None
    return go.Scatter(
        x=pd.to_datetime(rows["month"]), y=rows["value"], mode="markers",
        name=text("chart.improvement", lang),
        marker=dict(symbol="circle-open", size=21, color=IMPROVEMENT_COLOUR,
                    line=dict(color=IMPROVEMENT_COLOUR, width=3.5)),
        hovertext=[improvement_hover(row, indicator, lang) for row in rows.to_dict("records")],
        hoverinfo="text",
    )


def heatmap_improvement(cell, lang: str) -> tuple[str, str] | None:
    """(icon, hover line) of a heatmap cell without watch or alert that improved; None else."""
    rule = cell.get("improvement")
    if is_missing(rule):
        return None
    reason = cell.get(f"improvement_reason_{lang}")
    from ui.charts import _wrap

    line = f"<br>{improvement_label(lang)}" + ("" if is_missing(reason) else f": {_wrap(reason)}")
    return IMPROVEMENT_ICON, line
