"""The committee's prevention actions (issue 15): act, evaluate, adjust.

An action has a short title (never a person: names of people are the committee's to
avoid, ids, e-mail addresses and national register numbers are refused, as for review
notes), the departments it targets (one, several, or ALL: the organisation), the
indicators it aims to move, a prevention level, a start date, a planned evaluation
date (default 12 months after the start) and a status. The status moves along
TRANSITIONS only; every change (creation, status, edit) is a row of its history (when,
who, which role, old and new status, a short reason) and an audit entry (without the
title or the reason: the audit log keeps structured facts).

An action may answer a signal (month, department, indicator): "plan an action for this
signal". `actions_for_signal` is the way back.

Roles: see signals.cycle.common (committee, physician and admin write; hr reads).
Actions live in the access store (signals.access.store), one writer at a time.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd

from ..access import audit
from ..access import control as access
from ..definitions import ALL_DEPARTMENTS, INDICATOR_IDS
from ..free_text import StoredIds, require_no_identifiers, stored_ids_at
from . import common
from .reviews import normalise_month

LEVELS = ("primary", "secondary", "tertiary")
STATUSES = ("planned", "running", "evaluated", "adjusted", "stopped", "closed")
# planned -> running -> evaluated -> adjusted -> running ... ; stopped and closed end it
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "planned": ("running", "stopped"),
    "running": ("evaluated", "stopped"),
    "evaluated": ("adjusted", "running", "closed", "stopped"),
    "adjusted": ("running", "evaluated", "stopped"),
    "stopped": ("closed",),
    "closed": (),
}
OPEN_STATUSES = ("planned", "running", "adjusted")     # still waiting for an evaluation
EVALUATION_MONTHS = 12
MAX_REASON_LENGTH = 200
ACTION_COLUMNS = ["action_id", "title", "departments", "indicators", "level", "start_date",
                  "evaluation_date", "status", "signal_month", "signal_department",
                  "signal_indicator", "created_by", "created_at", "updated_at"]
HISTORY_COLUMNS = ["entry_id", "action_id", "at", "actor", "role", "old_status", "new_status",
                   "reason"]


def _check_indicators(indicators) -> list[str]:
    if isinstance(indicators, str):
        indicators = [indicators]
    ids = list(dict.fromkeys(indicators or ()))
    if not ids:
        raise ValueError("An action aims at one indicator at least.")
    unknown = [indicator for indicator in ids if indicator not in INDICATOR_IDS]
    if unknown:
        raise ValueError(f"Unknown indicator {unknown[0]!r}.")
    return [indicator for indicator in INDICATOR_IDS if indicator in ids]


def _check_level(level: str) -> str:
    if level not in LEVELS:
        raise ValueError(f"Unknown prevention level {level!r}; expected one of {', '.join(LEVELS)}.")
    return level


def _check_status(status: str) -> str:
    if status not in STATUSES:
        raise ValueError(f"Unknown status {status!r}; expected one of {', '.join(STATUSES)}.")
    return status


def clean_reason(reason: str | None, stored: StoredIds | None = None) -> str:
    """A short reason (at most 200 characters, may be empty) that names no person (nor an
    id `stored` in the data)."""
    text = " ".join((reason or "").split())
    if len(text) > MAX_REASON_LENGTH:
        raise ValueError(f"The reason has {len(text)} characters; at most {MAX_REASON_LENGTH} are allowed.")
    return require_no_identifiers(text, stored) if text else text


def _dates(start_date, evaluation_date) -> tuple[dt.date, dt.date]:
    start = common.to_day(start_date, "start date")
    if evaluation_date is None or (isinstance(evaluation_date, str) and not evaluation_date.strip()):
        evaluation = common.add_months(start, EVALUATION_MONTHS)
    else:
        evaluation = common.to_day(evaluation_date, "evaluation date")
    if evaluation <= start:
        raise ValueError("The evaluation date must come after the start date.")
    return start, evaluation


def _signal(signal) -> tuple[str | None, str | None, str | None]:
    """(month, department, indicator) of the signal an action answers, or Nones."""
    if signal is None:
        return None, None, None
    month, department, indicator = signal
    if indicator not in INDICATOR_IDS:
        raise ValueError(f"Unknown indicator {indicator!r}.")
    return normalise_month(month), common.clean_department(department), indicator


def _add_history(con, action_id: int, actor: str, role: str, old: str | None, new: str,
                 reason: str, now) -> None:
    con.execute("INSERT INTO action_history (action_id, at, actor, role, old_status, new_status,"
                " reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [action_id, common.now_stamp(now), actor, role, old, new, reason])


def create_action(db_path: Path | str, actor: str, title: str, departments, indicators,
                  level: str, start_date, *, evaluation_date=None, status: str = "planned",
                  signal=None, reason: str = "", now: dt.datetime | None = None,
                  stored_ids: StoredIds | None = None) -> int:
    """Store a new action; returns its id.

    `signal` = (month, department, indicator) when the action answers a signal. Raises
    ValueError for a bad field (free_text.TextRefused for a title or reason that
    identifies a person, also by an id in `stored_ids`, by default the data database at
    `db_path`), PermissionError for a role that may not write actions.
    """
    stored_ids = stored_ids_at(db_path, stored_ids)
    title = common.clean_title(title, stored=stored_ids)
    departments = common.clean_departments(departments)
    indicators = _check_indicators(indicators)
    level = _check_level(level)
    start, evaluation = _dates(start_date, evaluation_date)
    if _check_status(status) not in ("planned", "running"):
        raise ValueError("A new action is planned or running.")
    signal_month, signal_department, signal_indicator = _signal(signal)
    reason = clean_reason(reason, stored_ids)
    with access.open_store(db_path) as con, access.transaction(con):
        actor, role = common.actor_role(con, actor, common.WRITE_ROLES, "create actions")
        action_id = con.execute(
            "INSERT INTO actions (title, departments, indicators, level, start_date,"
            " evaluation_date, status, signal_month, signal_department, signal_indicator,"
            " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [title, common.to_json(departments), common.to_json(indicators), level,
             start.isoformat(), evaluation.isoformat(), status, signal_month, signal_department,
             signal_indicator, actor, common.now_stamp(now)],
        ).lastrowid
        _add_history(con, action_id, actor, role, None, status, reason, now)
        audit.append(con, actor, "action_created", {
            "action_id": action_id, "departments": departments, "indicators": indicators,
            "level": level, "start_date": start.isoformat(),
            "evaluation_date": evaluation.isoformat(), "status": status,
            "signal_month": signal_month, "signal_department": signal_department,
            "signal_indicator": signal_indicator,
        }, now=now)
    return action_id


def _current_status(con, action_id: int) -> str:
    row = con.execute("SELECT status FROM actions WHERE action_id = ?", [int(action_id)]).fetchone()
    if row is None:
        raise KeyError(f"No action {action_id}.")
    return row[0]


def change_status(db_path: Path | str, actor: str, action_id: int, new_status: str,
                  reason: str = "", *, now: dt.datetime | None = None,
                  stored_ids: StoredIds | None = None) -> None:
    """Move an action to `new_status` (allowed by TRANSITIONS), keeping the change.

    Raises KeyError for an unknown action, ValueError for a transition TRANSITIONS does not
    allow or a bad reason, PermissionError for a role that may not write actions.
    """
    _check_status(new_status)
    reason = clean_reason(reason, stored_ids_at(db_path, stored_ids))
    with access.open_store(db_path) as con, access.transaction(con):
        actor, role = common.actor_role(con, actor, common.WRITE_ROLES, "change actions")
        old = _current_status(con, action_id)
        if new_status not in TRANSITIONS[old]:
            raise ValueError(f"An action that is {old} cannot become {new_status}; allowed: "
                             f"{', '.join(TRANSITIONS[old]) or 'none'}.")
        con.execute("UPDATE actions SET status = ?, updated_at = ? WHERE action_id = ?",
                    [new_status, common.now_stamp(now), int(action_id)])
        _add_history(con, int(action_id), actor, role, old, new_status, reason, now)
        audit.append(con, actor, "action_status_changed", {
            "action_id": int(action_id), "old_status": old, "new_status": new_status,
        }, now=now)


def edit_action(db_path: Path | str, actor: str, action_id: int, *, title: str, departments,
                indicators, level: str, start_date, evaluation_date=None, reason: str = "",
                now: dt.datetime | None = None, stored_ids: StoredIds | None = None) -> None:
    """Change an action's fields (not its status: change_status); kept in its history with
    the status unchanged. Raises as create_action, KeyError for an unknown action."""
    stored_ids = stored_ids_at(db_path, stored_ids)
    title = common.clean_title(title, stored=stored_ids)
    departments = common.clean_departments(departments)
    indicators = _check_indicators(indicators)
    level = _check_level(level)
    start, evaluation = _dates(start_date, evaluation_date)
    reason = clean_reason(reason, stored_ids)
    with access.open_store(db_path) as con, access.transaction(con):
        actor, role = common.actor_role(con, actor, common.WRITE_ROLES, "change actions")
        status = _current_status(con, action_id)
        con.execute(
            "UPDATE actions SET title = ?, departments = ?, indicators = ?, level = ?,"
            " start_date = ?, evaluation_date = ?, updated_at = ? WHERE action_id = ?",
            [title, common.to_json(departments), common.to_json(indicators), level,
             start.isoformat(), evaluation.isoformat(), common.now_stamp(now), int(action_id)])
        _add_history(con, int(action_id), actor, role, status, status, reason, now)
        audit.append(con, actor, "action_edited", {
            "action_id": int(action_id), "departments": departments, "indicators": indicators,
            "level": level, "start_date": start.isoformat(),
            "evaluation_date": evaluation.isoformat(),
        }, now=now)


def _frame(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=ACTION_COLUMNS)
    for column in ("departments", "indicators"):
        frame[column] = [json.loads(value) for value in frame[column]]
    for column in ("start_date", "evaluation_date"):
        frame[column] = [dt.date.fromisoformat(value) for value in frame[column]]
    for column in ("signal_month", "signal_department", "signal_indicator"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return common.stamps_to_datetimes(frame, ("created_at", "updated_at"))


def _read(db_path: Path | str, actor: str, where: str = "", params=()) -> pd.DataFrame:
    with access.open_store(db_path) as con:
        common.actor_role(con, actor, common.READ_ROLES, "read actions")
        rows = con.execute(f"SELECT {', '.join(ACTION_COLUMNS)} FROM actions {where}"
                           " ORDER BY start_date DESC, action_id DESC", list(params)).fetchall()
    return _frame(rows)


def list_actions(db_path: Path | str, actor: str, *, department: str | None = None,
                 status: str | None = None, overdue_on: dt.date | None = None) -> pd.DataFrame:
    """The actions, newest start first; only those targeting `department` (an action for ALL
    targets every department), of `status`, or overdue on `overdue_on` when given."""
    frame = _read(db_path, actor)
    if department is not None:
        frame = frame[[department in targets or ALL_DEPARTMENTS in targets
                       for targets in frame["departments"]]]
    if status is not None:
        frame = frame[frame["status"] == _check_status(status)]
    if overdue_on is not None:
        frame = overdue(frame, overdue_on)
    return frame.reset_index(drop=True)


def get_action(db_path: Path | str, actor: str, action_id: int) -> dict:
    frame = _read(db_path, actor, "WHERE action_id = ?", [int(action_id)])
    if frame.empty:
        raise KeyError(f"No action {action_id}.")
    return frame.iloc[0].to_dict()


def actions_for_signal(db_path: Path | str, actor: str, month, department: str,
                       indicator: str) -> pd.DataFrame:
    """The actions planned for the signal (month, department, indicator)."""
    return _read(db_path, actor,
                 "WHERE signal_month = ? AND signal_department = ? AND signal_indicator = ?",
                 [normalise_month(month), common.clean_department(department), indicator])


def action_history(db_path: Path | str, actor: str, action_id: int | None = None) -> pd.DataFrame:
    """Every change of the actions (or of one), oldest first."""
    query = f"SELECT {', '.join(HISTORY_COLUMNS)} FROM action_history"
    params: list = []
    if action_id is not None:
        query += " WHERE action_id = ?"
        params.append(int(action_id))
    with access.open_store(db_path) as con:
        common.actor_role(con, actor, common.READ_ROLES, "read actions")
        rows = con.execute(query + " ORDER BY entry_id", params).fetchall()
    frame = pd.DataFrame(rows, columns=HISTORY_COLUMNS)
    frame["old_status"] = frame["old_status"].astype(object).where(frame["old_status"].notna(), None)
    return common.stamps_to_datetimes(frame, ("at",))


def overdue(actions: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """Actions past their evaluation date and not evaluated (still planned, running or
    adjusted)."""
    late = [status in OPEN_STATUSES and evaluation < today
            for status, evaluation in zip(actions["status"], actions["evaluation_date"])]
    return actions[late]
