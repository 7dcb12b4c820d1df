"""The prevention cycle on a trend chart: action starts, planned evaluations and context
events as markers at the chart's top (with a thin line down), and for a chosen action
its before and after windows shaded with its evaluation sentence under the chart.

A department's chart shows its own actions and events and the organisation's (ALL); the
organisation's chart only those of ALL. Actions are those aimed at the indicator shown
(their evaluation is per indicator); events concern every indicator.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from babel.dates import format_date

from signals.cycle import actions as cycle_actions
from signals.cycle import evaluation as cycle_evaluation
from signals.cycle import events as cycle_events
from signals.cycle.common import add_months, month_start
from signals.texts.formatting import locale_of
from signals.texts.i18n import text
from ui.access_control import Viewer
from ui.charts import place_legend, plotly_text
from ui.labels import plain
from ui.theme import OKABE_ITO

MARK_Y = {"start": 0.96, "evaluation": 0.88, "event": 0.80}     # share of the plot's height
# distinct shapes and Okabe-Ito colours, none used by the signal markers' levels
MARK_STYLE = {
    "start": dict(symbol="triangle-down", color=OKABE_ITO["bluish_green"]),
    "evaluation": dict(symbol="hourglass", color=OKABE_ITO["reddish_purple"]),
    "event": dict(symbol="star-square", color="#FFFFFF", line="#333333"),
}
MARK_NAMES = {"start": "cycle.marks.action_start", "evaluation": "cycle.marks.evaluation",
              "event": "cycle.marks.event"}
WINDOW_COLOURS = {"before": "#8C8C8C", "after": OKABE_ITO["sky_blue"]}
HALF_MONTH = pd.Timedelta(days=15)
MARKS_AXIS = "y2"


def day_text(day: dt.date, lang: str) -> str:
    """'22 April 2026', '22 avril 2026'."""
    return format_date(day, "d MMMM y", locale=locale_of(lang))


@dataclass(frozen=True)
class Mark:
    kind: str               # start, evaluation, event
    day: dt.date
    hover: str              # one line, Plotly-safe


def cycle_records(db, viewer: Viewer, department: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The actions and context events of `department` (and of ALL) the viewer may read;
    empty frames for a role that may not (the domain checks it). `db`: the database shown."""
    try:
        return (cycle_actions.list_actions(db, viewer.actor, department=department),
                cycle_events.list_events(db, viewer.actor, department=department))
    except PermissionError:
        return (pd.DataFrame(columns=cycle_actions.ACTION_COLUMNS),
                pd.DataFrame(columns=cycle_events.EVENT_COLUMNS))


def actions_on(actions: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """The actions aimed at `indicator`."""
    if actions.empty:
        return actions
    return actions[[indicator in aimed for aimed in actions["indicators"]]].reset_index(drop=True)


def marks_between(actions: pd.DataFrame, events: pd.DataFrame, first: dt.date, last: dt.date,
                  lang: str) -> list[Mark]:
    """Starts, evaluation dates and events from the first month's start to the last month's
    end (nothing outside: a mark there would stretch the month axis)."""
    end = add_months(month_start(last), 1)

    def inside(day: dt.date) -> bool:
        return first <= day < end

    marks = []
    for action in actions.to_dict("records"):
        title = plotly_text(action["title"])
        if inside(action["start_date"]):
            hover = text("cycle.marks.hover_start", lang, day=day_text(action["start_date"], lang),
                         title=title)
            later = text("cycle.marks.hover_start_evaluation", lang,
                         day=day_text(action["evaluation_date"], lang))
            marks.append(Mark("start", action["start_date"], f"{hover} ({later})"))
        if inside(action["evaluation_date"]):
            marks.append(Mark("evaluation", action["evaluation_date"], text(
                "cycle.marks.hover_evaluation", lang,
                day=day_text(action["evaluation_date"], lang), title=title)))
    for event in events.to_dict("records"):
        if inside(event["day"]):
            marks.append(Mark("event", event["day"], text(
                "cycle.marks.hover_event", lang, kind=text("cycle.event." + event["kind"], lang),
                day=day_text(event["day"], lang), title=plotly_text(event["title"]))))
    return marks


def add_marks(figure: go.Figure, marks: list[Mark], lang: str) -> go.Figure:
    """One marker trace per kind (a legend entry), the marks of one day together in one
    hover; a thin dotted line from each mark down to the axis."""
    if not marks:
        return figure
    figure.update_layout(yaxis2=dict(overlaying="y", range=[0, 1], visible=False,
                                     fixedrange=True))
    for kind in MARK_STYLE:
        by_day: dict[dt.date, list[str]] = {}
        for mark in marks:
            if mark.kind == kind:
                by_day.setdefault(mark.day, []).append(mark.hover)
        if not by_day:
            continue
        style = MARK_STYLE[kind]
        days = sorted(by_day)
        for day in days:
            figure.add_shape(type="line", x0=pd.Timestamp(day), x1=pd.Timestamp(day), yref="paper",
                             y0=0, y1=MARK_Y[kind], layer="below",
                             line=dict(color=style.get("line", style["color"]), width=1.5,
                                       dash="dot"))
        figure.add_trace(go.Scatter(
            x=[pd.Timestamp(day) for day in days], y=[MARK_Y[kind]] * len(days), yaxis=MARKS_AXIS,
            mode="markers", name=text(MARK_NAMES[kind], lang), cliponaxis=False,
            marker=dict(symbol=style["symbol"], size=16, color=style["color"],
                        line=dict(color=style.get("line", "#222222"), width=1.5)),
            hovertext=["<br>".join(by_day[day]) for day in days], hoverinfo="text",
        ))
    place_legend(figure, font_size=15, x_title=False)
    return figure


def shade_windows(figure: go.Figure, evaluated: cycle_evaluation.IndicatorEvaluation,
                  lang: str) -> go.Figure:
    """The before window (grey) and the after window (blue) behind the lines."""
    for name, span in (("before", evaluated.before), ("after", evaluated.after)):
        if span is None:
            continue
        figure.add_vrect(x0=pd.Timestamp(span[0]) - HALF_MONTH,
                         x1=pd.Timestamp(span[1]) + HALF_MONTH, layer="below", line_width=0,
                         fillcolor=WINDOW_COLOURS[name], opacity=0.16,
                         annotation=dict(text=text("cycle.marks." + name, lang),
                                         font=dict(size=14, color="#333333")),
                         annotation_position="bottom left")
    return figure


def action_option(action: dict, lang: str) -> str:
    return text("cycle.marks.option", lang, title=action["title"],
                day=day_text(action["start_date"], lang))


def show_action_choice(aimed: pd.DataFrame, key: str, lang: str) -> dict | None:
    """The selectbox of the actions aimed at this chart's indicator (None: no choice)."""
    if aimed.empty:
        return None
    by_id = {int(row["action_id"]): row for row in aimed.to_dict("records")}
    chosen = st.selectbox(text("cycle.marks.pick", lang), list(by_id), index=None, key=key,
                          placeholder=text("cycle.marks.pick_placeholder", lang),
                          format_func=lambda action_id: action_option(by_id[action_id], lang))
    return by_id.get(chosen)


VERDICT_BOXES = {"likely_improvement": st.success, "likely_worse": st.warning}


def show_cycle_marks(figure: go.Figure, db, viewer: Viewer, department: str, indicator: str,
                     months, indicators: pd.DataFrame, lang: str, key: str) -> go.Figure:
    """The trend `figure` with the cycle's marks; under it (drawn where this is called) the
    choice of an action and, once chosen, its evaluation sentence; its windows shaded.
    `months` are the chart's months, `indicators` the suppressed indicator frame."""
    actions, events = cycle_records(db, viewer, department)
    aimed = actions_on(actions, indicator)
    if len(months):
        figure = add_marks(figure, marks_between(aimed, events, min(months), max(months), lang),
                           lang)
    action = show_action_choice(aimed, key, lang)
    if action is None:
        return figure
    evaluated = cycle_evaluation.evaluate_indicator(
        indicators, action["departments"], indicator, action["start_date"],
        action["evaluation_date"], latest_month=max(months) if len(months) else None)
    figure = shade_windows(figure, evaluated, lang)
    box = VERDICT_BOXES.get(evaluated.verdict, st.info)
    box(plain(cycle_evaluation.sentence(evaluated, lang)), icon=":material/compare_arrows:")
    st.caption(text("cycle.marks.windows", lang))
    return figure
