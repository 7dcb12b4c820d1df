"""Context events: what happened in a department or in the organisation (issue 15).

A committee reading a rise first asks "what happened then?". An event has a day, a
department (or ALL), a kind (KINDS) and a short title that names no person (refused
like review notes). Same roles, storage and audit as the actions (signals.cycle.common).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from ..access import audit
from ..access import control as access
from ..definitions import ALL_DEPARTMENTS
from ..free_text import StoredIds, stored_ids_at
from . import common

KINDS = ("reorganisation", "move", "new_system", "merger", "social_action", "serious_incident")
EVENT_COLUMNS = ["event_id", "day", "department", "kind", "title", "created_by", "created_at"]


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"Unknown kind of event {kind!r}; expected one of {', '.join(KINDS)}.")
    return kind


def add_event(db_path: Path | str, actor: str, day, department: str, kind: str, title: str, *,
              now: dt.datetime | None = None, stored_ids: StoredIds | None = None) -> int:
    """Store a context event; returns its id. Raises ValueError (TextRefused for a title that
    identifies a person, also by an id in `stored_ids`, by default the data database at
    `db_path`) and PermissionError for a role that may not write."""
    day = common.to_day(day, "date")
    department = common.clean_department(department)
    kind = _check_kind(kind)
    title = common.clean_title(title, stored=stored_ids_at(db_path, stored_ids))
    with access.open_store(db_path) as con, access.transaction(con):
        actor, _ = common.actor_role(con, actor, common.WRITE_ROLES, "record context events")
        event_id = con.execute(
            "INSERT INTO context_events (day, department, kind, title, created_by, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [day.isoformat(), department, kind, title, actor, common.now_stamp(now)]).lastrowid
        audit.append(con, actor, "context_event_added", {
            "event_id": event_id, "day": day.isoformat(), "department": department, "kind": kind,
        }, now=now)
    return event_id


def delete_event(db_path: Path | str, actor: str, event_id: int, *,
                 now: dt.datetime | None = None) -> None:
    """Delete a mistaken event; the audit log keeps that it existed."""
    with access.open_store(db_path) as con, access.transaction(con):
        actor, _ = common.actor_role(con, actor, common.WRITE_ROLES, "delete context events")
        row = con.execute("SELECT day, department, kind FROM context_events WHERE event_id = ?",
                          [int(event_id)]).fetchone()
        if row is None:
            raise KeyError(f"No context event {event_id}.")
        con.execute("DELETE FROM context_events WHERE event_id = ?", [int(event_id)])
        audit.append(con, actor, "context_event_deleted", {
            "event_id": int(event_id), "day": row[0], "department": row[1], "kind": row[2],
        }, now=now)


def list_events(db_path: Path | str, actor: str, department: str | None = None) -> pd.DataFrame:
    """The events by day; with `department`, its own and the organisation's (ALL)."""
    query = f"SELECT {', '.join(EVENT_COLUMNS)} FROM context_events"
    params: list = []
    if department is not None:
        query += " WHERE department IN (?, ?)"
        params += [department.strip(), ALL_DEPARTMENTS]
    with access.open_store(db_path) as con:
        common.actor_role(con, actor, common.READ_ROLES, "read context events")
        rows = con.execute(query + " ORDER BY day, event_id", params).fetchall()
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    frame["day"] = [dt.date.fromisoformat(value) for value in frame["day"]]
    return common.stamps_to_datetimes(frame, ("created_at",))
