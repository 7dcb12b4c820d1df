"""The committee's meetings, the physician's collective advice, and what changed since the
last meeting (issue 15).

A meeting is a day and an optional reference to its minutes (a document code or link:
e-mail addresses and national register numbers are refused there). The occupational
physician, the committee's collective whistle-blower, writes one short collective
advice per meeting that the committee sees; a text with an employee id (original or
pseudonymised), an e-mail address or a national register number is refused
(free_text.TextRefused, whose `kinds` give the screen its message through
free_text.refusal_message).

`since_last_meeting` is pure: given the signals (the `signals` frame of
signals.alerts.detection.evaluate, or the same columns), the actions and their history
(signals.cycle.actions) and the meetings, it returns what is new since the previous
meeting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..access import audit
from ..access import control as access
from ..free_text import (
    StoredIds,
    TextRefused,
    identifiers_in,
    kind_name,
    require_no_identifiers,
    stored_ids_at,
)
from ..texts.catalogue import template
from . import common
from .actions import OPEN_STATUSES, overdue

MAX_ADVICE_LENGTH = 1000
MAX_MINUTES_REF_LENGTH = 200
DUE_WITHIN_DAYS = 90          # an open action whose evaluation date is this close is "due"
MEETING_COLUMNS = ["meeting_id", "day", "minutes_ref", "created_by", "created_at"]
ADVICE_COLUMNS = ["meeting_id", "day", "advice", "author", "written_at"]
WARNING_LEVELS = ("alert", "watch")


def clean_minutes_ref(reference: str | None) -> str:
    text = " ".join((reference or "").split())
    if len(text) > MAX_MINUTES_REF_LENGTH:
        raise ValueError(f"The reference has {len(text)} characters; at most "
                         f"{MAX_MINUTES_REF_LENGTH} are allowed.")
    # a document code ('PV-2025-03') looks like an employee id: only these two are refused
    kinds = tuple(kind for kind in identifiers_in(text) if kind in ("email", "national_number"))
    if kinds:
        raise TextRefused(kinds)
    return text


def clean_advice(advice: str | None, stored: StoredIds | None = None) -> str:
    """The advice on one line; ValueError when empty or over 1,000 characters, TextRefused
    when it holds an employee id (also one `stored` in the data), an e-mail address or a
    national register number."""
    text = " ".join((advice or "").split())
    if not text:
        raise ValueError("The advice is empty.")
    if len(text) > MAX_ADVICE_LENGTH:
        raise ValueError(f"The advice has {len(text)} characters; at most {MAX_ADVICE_LENGTH} "
                         "are allowed.")
    return require_no_identifiers(text, stored)


def advice_refusal_message(kinds, lang: str) -> str:
    """'Advice not saved: it contains an e-mail address. ...' for TextRefused.kinds."""
    found = ", ".join(kind_name(kind, lang) for kind in kinds)
    return template("cycle.advice_refused", lang).format(found=found)


def add_meeting(db_path: Path | str, actor: str, day, minutes_ref: str = "", *,
                now: dt.datetime | None = None) -> int:
    """Store a meeting (one per day); returns its id."""
    day = common.to_day(day, "meeting date")
    minutes_ref = clean_minutes_ref(minutes_ref)
    with access.open_store(db_path) as con, access.transaction(con):
        actor, _ = common.actor_role(con, actor, common.WRITE_ROLES, "record meetings")
        if con.execute("SELECT 1 FROM meetings WHERE day = ?", [day.isoformat()]).fetchone():
            raise ValueError(f"There is already a meeting on {day.isoformat()}.")
        meeting_id = con.execute(
            "INSERT INTO meetings (day, minutes_ref, created_by, created_at) VALUES (?, ?, ?, ?)",
            [day.isoformat(), minutes_ref, actor, common.now_stamp(now)]).lastrowid
        audit.append(con, actor, "meeting_added", {"meeting_id": meeting_id,
                                                   "day": day.isoformat()}, now=now)
    return meeting_id


def list_meetings(db_path: Path | str, actor: str) -> pd.DataFrame:
    """The meetings by day."""
    with access.open_store(db_path) as con:
        common.actor_role(con, actor, common.READ_ROLES, "read meetings")
        rows = con.execute(f"SELECT {', '.join(MEETING_COLUMNS)} FROM meetings ORDER BY day"
                           ).fetchall()
    frame = pd.DataFrame(rows, columns=MEETING_COLUMNS)
    frame["day"] = [dt.date.fromisoformat(value) for value in frame["day"]]
    return common.stamps_to_datetimes(frame, ("created_at",))


def set_advice(db_path: Path | str, actor: str, meeting_id: int, advice: str, *,
               now: dt.datetime | None = None, stored_ids: StoredIds | None = None) -> None:
    """The physician's collective advice for a meeting (replaces an earlier one); checked
    against the ids in `stored_ids`, by default the data database at `db_path`."""
    advice = clean_advice(advice, stored_ids_at(db_path, stored_ids))
    with access.open_store(db_path) as con, access.transaction(con):
        actor, _ = common.actor_role(con, actor, common.ADVICE_ROLES, "write the collective advice")
        if not con.execute("SELECT 1 FROM meetings WHERE meeting_id = ?",
                           [int(meeting_id)]).fetchone():
            raise KeyError(f"No meeting {meeting_id}.")
        con.execute("INSERT INTO meeting_advice (meeting_id, advice, author, written_at)"
                    " VALUES (?, ?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET"
                    " advice = excluded.advice, author = excluded.author,"
                    " written_at = excluded.written_at",
                    [int(meeting_id), advice, actor, common.now_stamp(now)])
        audit.append(con, actor, "advice_written", {"meeting_id": int(meeting_id),
                                                    "length": len(advice)}, now=now)


def list_advice(db_path: Path | str, actor: str) -> pd.DataFrame:
    """Every meeting's collective advice, by meeting day (ADVICE_READ_ROLES)."""
    with access.open_store(db_path) as con:
        common.actor_role(con, actor, common.ADVICE_READ_ROLES, "read the collective advice")
        rows = con.execute(
            "SELECT a.meeting_id, m.day, a.advice, a.author, a.written_at FROM meeting_advice a"
            " JOIN meetings m USING (meeting_id) ORDER BY m.day").fetchall()
    frame = pd.DataFrame(rows, columns=ADVICE_COLUMNS)
    frame["day"] = [dt.date.fromisoformat(value) for value in frame["day"]]
    return common.stamps_to_datetimes(frame, ("written_at",))


# --- since the last meeting ------------------------------------------------------------------

@dataclass
class SinceLastMeeting:
    """What changed since `meeting` (the previous meeting; None: there was none), with the
    signals of `meeting_month` (the last month ended before it) set against `latest_month`."""
    meeting: dt.date | None
    meeting_month: dt.date | None
    latest_month: dt.date | None
    new_signals: pd.DataFrame       # month, department, indicator, level
    ended_signals: pd.DataFrame
    improvements: pd.DataFrame      # new cells with the level 'improvement'
    started: pd.DataFrame           # actions
    due: pd.DataFrame
    overdue: pd.DataFrame
    evaluations: pd.DataFrame       # history rows that made an action 'evaluated'


def _cells(signals: pd.DataFrame, month: dt.date | None, levels) -> pd.DataFrame:
    """One row per (department, indicator) with a signal of `levels` in `month`, the
    strongest level kept."""
    columns = ["month", "department", "indicator", "level"]
    if month is None or signals.empty:
        return pd.DataFrame(columns=columns)
    months = pd.to_datetime(signals["month"]).dt.date
    rows = signals[(months == month) & signals["level"].isin(levels)][columns[1:]].copy()
    rows["rank"] = rows["level"].map({level: rank for rank, level in enumerate(levels)})
    rows = rows.sort_values(["department", "indicator", "rank"]).drop_duplicates(
        ["department", "indicator"])
    rows.insert(0, "month", month)
    return rows[columns].reset_index(drop=True)


def _minus(these: pd.DataFrame, those: pd.DataFrame) -> pd.DataFrame:
    keys = set(zip(those["department"], those["indicator"]))
    keep = np.array([(d, i) not in keys for d, i in zip(these["department"], these["indicator"])],
                    dtype=bool)
    return these[keep].reset_index(drop=True)


def previous_meeting(meetings: pd.DataFrame, today: dt.date) -> dt.date | None:
    """The latest meeting before `today` (a meeting held today is the one being prepared)."""
    days = [day for day in meetings["day"] if day < today] if not meetings.empty else []
    return max(days) if days else None


def since_last_meeting(signals: pd.DataFrame, actions: pd.DataFrame, history: pd.DataFrame,
                       meetings: pd.DataFrame, today: dt.date, *,
                       latest_month: dt.date | None = None) -> SinceLastMeeting:
    """What is new since the previous meeting (see SinceLastMeeting).

    New signals: cells signalled (alert or watch) in the latest month and not in the month
    before the meeting; ended: the reverse. Actions started after the meeting; due: still
    open with their evaluation date within DUE_WITHIN_DAYS from today; overdue: open and
    past it; evaluations: status changes to 'evaluated' after the meeting day.
    """
    meeting = previous_meeting(meetings, today)
    if latest_month is None and not signals.empty:
        latest_month = max(pd.to_datetime(signals["month"]).dt.date)
    meeting_month = common.add_months(common.month_start(meeting), -1) if meeting else None
    now_cells = _cells(signals, latest_month, WARNING_LEVELS)
    then_cells = _cells(signals, meeting_month, WARNING_LEVELS)
    improved_now = _cells(signals, latest_month, ("improvement",))
    improved_then = _cells(signals, meeting_month, ("improvement",))
    after = (lambda day: day > meeting) if meeting else (lambda day: True)
    open_ = actions["status"].isin(OPEN_STATUSES).to_numpy(dtype=bool)
    evaluation = actions["evaluation_date"]
    started = np.array([after(day) and day <= today for day in actions["start_date"]], dtype=bool)
    due_by = today + dt.timedelta(days=DUE_WITHIN_DAYS)
    due = open_ & np.array([today <= day <= due_by for day in evaluation], dtype=bool)
    came_in = np.array([status == "evaluated" and after(at.date())
                        for status, at in zip(history["new_status"], history["at"])], dtype=bool)
    return SinceLastMeeting(
        meeting=meeting, meeting_month=meeting_month, latest_month=latest_month,
        new_signals=_minus(now_cells, then_cells) if meeting else now_cells,
        ended_signals=_minus(then_cells, now_cells),
        improvements=_minus(improved_now, improved_then),
        started=actions[started].reset_index(drop=True),
        due=actions[due].reset_index(drop=True),
        overdue=overdue(actions, today).reset_index(drop=True),
        evaluations=history[came_in].reset_index(drop=True),
    )


def since_last_meeting_in_store(db_path: Path | str, actor: str, signals: pd.DataFrame,
                                today: dt.date, **kwargs) -> SinceLastMeeting:
    """since_last_meeting on the stored actions, history and meetings (roles: READ_ROLES)."""
    from .actions import action_history, list_actions

    return since_last_meeting(signals, list_actions(db_path, actor), action_history(db_path, actor),
                              list_meetings(db_path, actor), today, **kwargs)
