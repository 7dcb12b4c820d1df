"""The occupational physician's reviews of hotspots.

A hotspot is a department (or ALL), an indicator (or None: the department as a
whole) and a month. The physician marks it `seen`, `under_investigation` or
`action_planned` with a short note. Reviews are never edited: a new review
supersedes the previous one and the history stays. Each review is audited
(without its note).

Notes are about the collective situation and the planned approach. They must
never name or describe a person (no names, no initials, no diagnoses): the
dashboard works with collective signals only. Notes are at most 500 characters;
line breaks become spaces.

Reviews live in the access store next to the data database (see signals.access).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from . import access, audit
from .definitions import INDICATOR_IDS

REVIEW_STATUSES = ("seen", "under_investigation", "action_planned")
STATUS_LABELS = {
    "seen": {"nl": "Gezien", "fr": "Vu", "en": "Seen"},
    "under_investigation": {"nl": "In onderzoek", "fr": "En cours d'analyse",
                            "en": "Under investigation"},
    "action_planned": {"nl": "Actie gepland", "fr": "Action planifiée", "en": "Action planned"},
}
MAX_NOTE_LENGTH = 500
MAX_DEPARTMENT_LENGTH = 200
EARLIEST_YEAR = 1990
MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})(-\d{2})?$")
REVIEW_COLUMNS = ["review_id", "department", "indicator", "month", "status", "note",
                  "reviewer", "reviewed_at"]


def clean_note(note: str | None) -> str:
    """Line breaks and tabs become spaces, runs of spaces one; raises ValueError past 500."""
    text = " ".join((note or "").split())
    if len(text) > MAX_NOTE_LENGTH:
        raise ValueError(f"The note has {len(text)} characters; at most {MAX_NOTE_LENGTH} are allowed.")
    return text


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
               month, status: str, note: str = "", *, now: dt.datetime | None = None) -> int:
    """Record a review of a hotspot; returns its id.

    Raises ValueError for a bad department, indicator, month, status or a note over
    500 characters, PermissionError when the reviewer is not a physician.
    The note must not name or describe a person.
    """
    department = _check_hotspot(department, indicator, status)
    month = normalise_month(month)
    note = clean_note(note)
    with access.open_store(db_path) as con, access.transaction(con):
        reviewer = _check_reviewer(con, reviewer)
        review_id = con.execute(
            "INSERT INTO reviews (department, indicator, month, status, note, reviewer, reviewed_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [department, indicator, month, status, note, reviewer, access.to_stamp(access.utc(now))],
        ).lastrowid
        audit.append(con, reviewer, "review_added", {
            "review_id": review_id, "department": department, "indicator": indicator,
            "month": month, "status": status,
        }, now=now)
    return review_id


def _frame(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=REVIEW_COLUMNS)
    frame["reviewed_at"] = pd.to_datetime(frame["reviewed_at"], format=access.TIMESTAMP_FORMAT, utc=True)
    return frame


def latest_reviews(db_path: Path | str) -> pd.DataFrame:
    """The latest review of each (department, indicator), by department and indicator.

    `indicator` is None for reviews of a department as a whole.
    """
    query = f"""
        SELECT {', '.join(REVIEW_COLUMNS)} FROM (
            SELECT *, row_number() OVER (
                PARTITION BY department, coalesce(indicator, '') ORDER BY review_id DESC
            ) AS position
            FROM reviews
        )
        WHERE position = 1
        ORDER BY department, coalesce(indicator, '')
    """
    with access.open_store(db_path) as con:
        return _frame(con.execute(query).fetchall())


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
        return _frame(con.execute(query, params).fetchall())
