"""The overview's "since the last meeting" (signals.cycle.meetings.since_last_meeting_in_store)
and the occupational physician's collective advice for the latest meeting.

Plain sentences with counts and the departments, indicators and actions named; a kind
of change with nothing in it is left out. No figure is shown, and only signals of cells
that are shown (a suppressed cell has no signal; the check is repeated here). The advice
names its author by role only, never by user name.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from signals.cycle import actions as cycle_actions
from signals.cycle import meetings
from signals.cycle.common import ADVICE_READ_ROLES
from signals.definitions import ALL_DEPARTMENTS
from signals.texts.i18n import text
from ui.access_control import Viewer
from ui.actions_view import cycle_db
from ui.context import PageContext
from ui.cycle_marks import day_text
from ui.data import load_evaluation, load_indicators
from ui.labels import indicator_name, level_label, month_text, plain

MAX_NAMED = 8               # names listed per sentence ("and 3 more" after them)
MAX_NAMED_PRESENTING = 4
SIGNAL_PARTS = ("new_signals", "ended_signals", "improvements")
ACTION_PARTS = ("started", "due", "overdue")


def department_name(department: str, lang: str) -> str:
    return (text("cycle.evaluation.organisation", lang) if department == ALL_DEPARTMENTS
            else department)


def shown_signals(signals: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """The signals of cells whose figures are shown (not suppressed)."""
    if signals.empty:
        return signals
    keys = ["month", "department", "indicator"]
    hidden = (indicators.loc[indicators["suppressed"].astype(bool), keys]
              .drop_duplicates().assign(month=lambda f: pd.to_datetime(f["month"]), hidden=True))
    marked = signals[keys].assign(month=pd.to_datetime(signals["month"])).merge(
        hidden, on=keys, how="left")
    return signals[marked["hidden"].isna().to_numpy()]


def named(items: list[str], lang: str, limit: int) -> str:
    """'A, B, C and 2 more'."""
    shown = ", ".join(items[:limit])
    rest = len(items) - limit
    return f"{shown} {text('cycle.since.more', lang, n=rest)}" if rest > 0 else shown


LEVEL_ORDER = {"alert": 0, "watch": 1}      # alerts named first


def cell_names(cells: pd.DataFrame, lang: str, with_level: bool) -> list[str]:
    """'Absence rate in Geriatrie (■ Alert)', alerts first, then by department."""
    names = []
    order = cells["level"].map(LEVEL_ORDER).fillna(len(LEVEL_ORDER))
    for row in cells.iloc[order.argsort(kind="stable")].to_dict("records"):
        name = text("cycle.since.cell", lang, indicator=indicator_name(row["indicator"], lang),
                    department=department_name(row["department"], lang))
        names.append(f"{name} ({level_label(row['level'], lang)})" if with_level else name)
    return names


def action_names(actions: pd.DataFrame, lang: str, dated: bool) -> list[str]:
    names = []
    for row in actions.to_dict("records"):
        departments = ", ".join(department_name(d, lang) for d in row["departments"])
        if dated:
            names.append(text("cycle.since.action_dated", lang, title=row["title"],
                              departments=departments,
                              day=day_text(row["evaluation_date"], lang)))
        else:
            names.append(text("cycle.since.action", lang, title=row["title"],
                              departments=departments))
    return names


def since_sentences(since: meetings.SinceLastMeeting, actions: pd.DataFrame, lang: str,
                    limit: int = MAX_NAMED) -> list[str]:
    """One sentence per kind of change that has something in it."""
    sentences = []
    for part in SIGNAL_PARTS:
        cells = getattr(since, part)
        if len(cells):
            items = cell_names(cells, lang, with_level=part != "improvements")
            sentences.append(text("cycle.since." + part, lang, n=len(cells),
                                  items=named(items, lang, limit)))
    for part in ACTION_PARTS:
        rows = getattr(since, part)
        if len(rows):
            items = action_names(rows, lang, dated=part != "started")
            sentences.append(text("cycle.since." + part, lang, n=len(rows),
                                  days=meetings.DUE_WITHIN_DAYS, items=named(items, lang, limit)))
    if len(since.evaluations):
        evaluated = actions[actions["action_id"].isin(since.evaluations["action_id"])]
        sentences.append(text("cycle.since.evaluations", lang, n=len(evaluated),
                              items=named(action_names(evaluated, lang, dated=False), lang,
                                          limit)))
    return sentences


def read_since(viewer: Viewer, context: PageContext, today: dt.date):
    """(since, actions) from the store, or None for a role that may not read them."""
    database = context.database
    signals = shown_signals(load_evaluation(*database.cache_key).signals,
                            load_indicators(*database.cache_key))
    try:
        since = meetings.since_last_meeting_in_store(cycle_db(database), viewer.actor, signals, today)
        actions = cycle_actions.list_actions(cycle_db(database), viewer.actor)
    except PermissionError:
        return None
    return since, actions


def show_since_meeting(viewer: Viewer, context: PageContext,
                       today: dt.date | None = None) -> None:
    """The overview's section: what changed since the last meeting, then the advice."""
    lang = context.lang
    read = read_since(viewer, context, today or dt.date.today())
    if read is not None:
        since, actions = read
        with st.container(key="since_last_meeting"):
            show_changes(since, actions, lang, context.presenting)
    show_collective_advice(cycle_db(context.database), viewer, lang, context.presenting)


def show_changes(since: meetings.SinceLastMeeting, actions: pd.DataFrame, lang: str,
                 presenting: bool) -> None:
    if since.meeting is None:
        title = text("cycle.since.title_plain", lang)
    else:
        title = text("cycle.since.title", lang, day=day_text(since.meeting, lang))
    if presenting:
        st.markdown(f"**{title}**")
    else:
        st.subheader(title)
    if since.meeting is None:
        st.info(text("cycle.since.no_meeting", lang), icon=":material/event:")
        return
    sentences = since_sentences(since, actions, lang,
                                MAX_NAMED_PRESENTING if presenting else MAX_NAMED)
    if not sentences:
        st.markdown(text("cycle.since.nothing", lang))
        return
    st.markdown("\n".join(f"- {plain(sentence)}" for sentence in sentences))
    if not presenting and since.latest_month and since.meeting_month:
        st.caption(text("cycle.since.months", lang, latest=month_text(since.latest_month, lang),
                        before=month_text(since.meeting_month, lang)))


def may_read_advice(viewer: Viewer) -> bool:
    return viewer.local or viewer.role in ADVICE_READ_ROLES


def latest_advice(db, viewer: Viewer) -> dict | None:
    """The collective advice of the latest meeting that has one."""
    if not may_read_advice(viewer):
        return None
    try:
        advice = meetings.list_advice(db, viewer.actor)
    except PermissionError:
        return None
    return None if advice.empty else advice.iloc[-1].to_dict()


def show_collective_advice(db, viewer: Viewer, lang: str, presenting: bool) -> None:
    advice = latest_advice(db, viewer)
    if advice is None:
        return
    title = text("cycle.advice.title", lang)
    with st.container(key="collective_advice", border=True):
        if presenting:
            st.markdown(f"**{title}**")
        else:
            st.subheader(title)
        st.markdown(plain(advice["advice"]))
        st.caption(text("cycle.advice.byline", lang, day=day_text(advice["day"], lang),
                        role=text("role.physician", lang)))
