"""The reviews of hotspots by the occupational physician and the psychosocial adviser.

A hotspot is a department (or ALL), an indicator (or None: the department as a
whole) and a month. The physician marks it `seen`, `under_investigation`,
`action_planned` or `closed`, with a short note and an optional follow-up date.
A review belongs to its month: a ranking of an earlier month does not show it
(latest_reviews(month=...)). A later review of the same hotspot supersedes the
earlier one (the history stays); a review can also be edited (status, note,
follow-up date) or deleted. Each change is audited (without the note). The frames carry
the author's role (`reviewer_role`, the user's role now; None once the user is removed), so a
note says whose reading it is.

Notes are about the collective situation and the planned approach. They must
never name or describe a person: a note with an employee id (as in the files or as
stored), an e-mail address or a national register number is refused
(signals.free_text); the screen warns about diagnosis words before saving. Notes
are at most 500 characters; line breaks become spaces.

Reviews live in the access store next to the data database (see signals.access.control).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from ..access import audit
from ..access import control as access
from ..definitions import INDICATOR_IDS
from ..free_text import StoredIds, require_no_identifiers, stored_ids_at
from ..texts.catalogue import message, template

REVIEW_STATUSES = ("seen", "under_investigation", "action_planned", "closed")
MAX_NOTE_LENGTH = 500
MAX_DEPARTMENT_LENGTH = 200
EARLIEST_YEAR = 1990
MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})(-\d{2})?$")
REVIEW_COLUMNS = ["review_id", "department", "indicator", "month", "status", "note",
                  "follow_up", "reviewer", "reviewed_at", "updated_at"]


def status_label(status: str, lang: str) -> str:
    """'Under investigation': a review status for people."""
    return template(f"review_status.{status}", lang)


# "review_status.<status>".
# Texts (English source): translations in signals/texts/locale/<lang>/LC_MESSAGES/messages.po.
message("review_status.seen", "Seen")
message("review_status.under_investigation", "Under investigation")
message("review_status.action_planned", "Action planned")
message("review_status.closed", "Closed")


def clean_note(note: str | None, stored: StoredIds | None = None) -> str:
    """Line breaks and tabs become spaces, runs of spaces one; raises ValueError past 500
    characters and free_text.TextRefused (a ValueError) when it identifies a person (by
    pattern, and against the ids `stored` in the data when given)."""
    text = " ".join((note or "").split())
    if len(text) > MAX_NOTE_LENGTH:
        raise ValueError(f"The note has {len(text)} characters; at most {MAX_NOTE_LENGTH} are allowed.")
    return require_no_identifiers(text, stored)


def normalise_follow_up(day) -> str | None:
    """None, '' -> None; a date or 'YYYY-MM-DD' -> 'YYYY-MM-DD'."""
    if day is None or (isinstance(day, str) and not day.strip()):
        return None
    if isinstance(day, pd.Timestamp):
        day = day.date()
    if not isinstance(day, dt.date):
        try:
            day = dt.date.fromisoformat(str(day).strip())
        except ValueError:
            raise ValueError(f"Invalid follow-up date {day!r}; expected YYYY-MM-DD.") from None
    if day.year < EARLIEST_YEAR:
        raise ValueError(f"Invalid follow-up date {day!r}.")
    return day.isoformat()


def normalise_month(month) -> str:
    """'2024-03', '2024-03-01', a date or a pandas Timestamp -> '2024-03'."""
    if isinstance(month, (dt.date, pd.Timestamp)):
        year, number = month.year, month.month
    else:
        match = MONTH_PATTERN.match(str(month).strip())
        if not match:
            raise ValueError(f"Invalid month {month!r}; expected YYYY-MM.")
        year, number = int(match.group(1)), int(match.group(2))
    if not 1 <= number <= 12 or year < EARLIEST_YEAR:
        raise ValueError(f"Invalid month {month!r}; expected YYYY-MM from {EARLIEST_YEAR} on.")
    return f"{year:04d}-{number:02d}"


def _check_hotspot(department: str, indicator: str | None, status: str) -> str:
    department = (department or "").strip()
    if not department or len(department) > MAX_DEPARTMENT_LENGTH:
        raise ValueError("A review needs a department (at most 200 characters).")
    if indicator is not None and indicator not in INDICATOR_IDS:
        raise ValueError(f"Unknown indicator {indicator!r}.")
    if status not in REVIEW_STATUSES:
        raise ValueError(f"Unknown status {status!r}; expected one of {', '.join(REVIEW_STATUSES)}.")
    return department


def _check_reviewer(con, reviewer: str) -> str:
    """With users configured, the reviewer must be one with a reviewing role."""
    if con.execute("SELECT count(*) FROM users").fetchone()[0] == 0:
        return str(reviewer or "local")      # single-operator mode on localhost
    name = (reviewer or "").strip().lower()
    row = con.execute("SELECT role FROM users WHERE username = ?", [name]).fetchone()
    if row is None or row[0] not in access.REVIEW_ROLES:
        raise PermissionError(f"{reviewer!r} may not review hotspots.")
    return name


def add_review(db_path: Path | str, reviewer: str, department: str, indicator: str | None,
               month, status: str, note: str = "", *, follow_up=None,
               now: dt.datetime | None = None, stored_ids: StoredIds | None = None) -> int:
    """Record a review of a hotspot; returns its id.

    Raises ValueError for a bad department, indicator, month, status, follow-up date or
    note (over 500 characters, or identifying a person: free_text.TextRefused),
    PermissionError when the reviewer's role may not review (access.REVIEW_ROLES).
    The note is checked against the ids in `stored_ids`, by default the data database at
    `db_path` (free_text.stored_ids_at).
    """
    department = _check_hotspot(department, indicator, status)
    month = normalise_month(month)
    note = clean_note(note, stored_ids_at(db_path, stored_ids))
    follow_up = normalise_follow_up(follow_up)
    with access.open_store(db_path) as con, access.transaction(con):
        reviewer = _check_reviewer(con, reviewer)
        review_id = con.execute(
            "INSERT INTO reviews (department, indicator, month, status, note, follow_up, reviewer,"
            " reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [department, indicator, month, status, note, follow_up, reviewer,
             access.to_stamp(access.utc(now))],
        ).lastrowid
        audit.append(con, reviewer, "review_added", {
            "review_id": review_id, "department": department, "indicator": indicator,
            "month": month, "status": status, "follow_up": follow_up,
        }, now=now)
    return review_id


def edit_review(db_path: Path | str, reviewer: str, review_id: int, *, status: str,
                note: str = "", follow_up=None, now: dt.datetime | None = None,
                stored_ids: StoredIds | None = None) -> None:
    """Change a review's status, note and follow-up date (closing it is status 'closed').

    Raises KeyError for an unknown review, ValueError and PermissionError as add_review.
    """
    if status not in REVIEW_STATUSES:
        raise ValueError(f"Unknown status {status!r}; expected one of {', '.join(REVIEW_STATUSES)}.")
    note = clean_note(note, stored_ids_at(db_path, stored_ids))
    follow_up = normalise_follow_up(follow_up)
    with access.open_store(db_path) as con, access.transaction(con):
        reviewer = _check_reviewer(con, reviewer)
        changed = con.execute(
            "UPDATE reviews SET status = ?, note = ?, follow_up = ?, updated_at = ? "
            "WHERE review_id = ?",
            [status, note, follow_up, access.to_stamp(access.utc(now)), int(review_id)],
        ).rowcount
        if not changed:
            raise KeyError(f"No review {review_id}.")
        audit.append(con, reviewer, "review_edited", {
            "review_id": int(review_id), "status": status, "follow_up": follow_up,
        }, now=now)


def close_review(db_path: Path | str, reviewer: str, review_id: int, *,
                 now: dt.datetime | None = None) -> None:
    """Close a review, keeping its note and follow-up date."""
    row = _review_row(db_path, review_id)
    # the note was checked when saved: closing does not look it up in today's data again
    edit_review(db_path, reviewer, review_id, status="closed", note=row["note"],
                follow_up=row["follow_up"], now=now, stored_ids=StoredIds())


def delete_review(db_path: Path | str, reviewer: str, review_id: int, *,
                  now: dt.datetime | None = None) -> None:
    """Delete a review (a mistaken one); the audit log keeps that it existed."""
    with access.open_store(db_path) as con, access.transaction(con):
        reviewer = _check_reviewer(con, reviewer)
        row = con.execute("SELECT department, indicator, month FROM reviews WHERE review_id = ?",
                          [int(review_id)]).fetchone()
        if row is None:
            raise KeyError(f"No review {review_id}.")
        con.execute("DELETE FROM reviews WHERE review_id = ?", [int(review_id)])
        audit.append(con, reviewer, "review_deleted", {
            "review_id": int(review_id), "department": row[0], "indicator": row[1],
            "month": row[2],
        }, now=now)


def _review_row(db_path: Path | str, review_id: int) -> dict:
    with access.open_store(db_path) as con:
        row = con.execute(f"SELECT {', '.join(REVIEW_COLUMNS)} FROM reviews WHERE review_id = ?",
                          [int(review_id)]).fetchone()
    if row is None:
        raise KeyError(f"No review {review_id}.")
    return dict(zip(REVIEW_COLUMNS, row))


# Text columns that may be NULL: kept as None (pandas 3 would make them NaN in a str
# column, and NaN is a truthy "indicator" that no lookup knows).
_NULLABLE_TEXT = ("indicator", "follow_up")


def _frame(rows, con) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=REVIEW_COLUMNS)
    roles = dict(con.execute("SELECT username, role FROM users").fetchall())
    frame["reviewer_role"] = frame["reviewer"].map(lambda name: roles.get(name)).astype(object)
    for column in _NULLABLE_TEXT:
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    for column in ("reviewed_at", "updated_at"):
        frame[column] = pd.to_datetime(frame[column], format=access.TIMESTAMP_FORMAT, utc=True)
    return frame


def latest_reviews(db_path: Path | str, month=None) -> pd.DataFrame:
    """The latest review of each (department, indicator), by department and indicator;
    with `month`, only reviews of that month or earlier (a review is shown from its month on).

    `indicator` is None for reviews of a department as a whole.
    """
    where, params = "", []
    if month is not None:
        where, params = "WHERE month <= ?", [normalise_month(month)]
    query = f"""
        SELECT {', '.join(REVIEW_COLUMNS)} FROM (
            SELECT *, row_number() OVER (
                PARTITION BY department, coalesce(indicator, '') ORDER BY month DESC, review_id DESC
            ) AS position
            FROM reviews {where}
        )
        WHERE position = 1
        ORDER BY department, coalesce(indicator, '')
    """
    with access.open_store(db_path) as con:
        return _frame(con.execute(query, params).fetchall(), con)


def review_history(db_path: Path | str, department: str | None = None,
                   limit: int | None = None) -> pd.DataFrame:
    """Every review, newest first; only one department's when `department` is given."""
    query = f"SELECT {', '.join(REVIEW_COLUMNS)} FROM reviews"
    params: list = []
    if department is not None:
        query += " WHERE department = ?"
        params.append(department.strip())
    query += " ORDER BY review_id DESC"
    if limit is not None:
        query += " LIMIT ?"
        params.append(int(limit))
    with access.open_store(db_path) as con:
        return _frame(con.execute(query, params).fetchall(), con)
