"""What the cycle's records share: who may write or read them, dates, short titles.

Roles (enforced in every function, not only on the screens):
- WRITE_ROLES (committee, physician, admin) create and update actions, context events
  and meetings; the physician alone writes the collective advice (ADVICE_ROLES);
- READ_ROLES (those, hr and the psychosocial adviser) read them, and the collective
  advice (ADVICE_READ_ROLES) too.
Without any user configured (single-operator mode on localhost) the local operator
may do everything, as for the reviews.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json

import pandas as pd

from ..access import control as access
from ..definitions import ALL_DEPARTMENTS
from ..free_text import StoredIds, require_no_identifiers

WRITE_ROLES = frozenset({"committee", "physician", "admin"})
READ_ROLES = WRITE_ROLES | {"hr", "psychosocial_adviser"}
ADVICE_ROLES = frozenset({"physician"})
ADVICE_READ_ROLES = frozenset({"committee", "physician", "hr", "psychosocial_adviser"})
LOCAL_ROLE = "local"               # single-operator mode
MAX_TITLE_LENGTH = 120
MAX_DEPARTMENT_LENGTH = 200
EARLIEST_YEAR = 1990


def actor_role(con, actor: str, allowed: frozenset[str], doing: str) -> tuple[str, str]:
    """(user name, role) of `actor` when the role is in `allowed`, else PermissionError."""
    if con.execute("SELECT count(*) FROM users").fetchone()[0] == 0:
        return str(actor or LOCAL_ROLE), LOCAL_ROLE
    name = (actor or "").strip().lower()
    row = con.execute("SELECT role FROM users WHERE username = ?", [name]).fetchone()
    if row is None or row[0] not in allowed:
        raise PermissionError(f"{actor!r} may not {doing}.")
    return name, row[0]


def clean_title(title: str | None, max_length: int = MAX_TITLE_LENGTH,
                stored: StoredIds | None = None) -> str:
    """A short title on one line; ValueError when empty or too long, free_text.TextRefused
    when it identifies a person (an id, also one `stored` in the data, an e-mail, a
    national register number)."""
    text = " ".join((title or "").split())
    if not text:
        raise ValueError("A title is needed.")
    if len(text) > max_length:
        raise ValueError(f"The title has {len(text)} characters; at most {max_length} are allowed.")
    return require_no_identifiers(text, stored)


def clean_department(department: str | None) -> str:
    name = (department or "").strip()
    if not name or len(name) > MAX_DEPARTMENT_LENGTH:
        raise ValueError("A department is needed (at most 200 characters), or ALL.")
    return name


def clean_departments(departments) -> list[str]:
    """One or several departments, or the organisation: ['ALL'] alone."""
    if isinstance(departments, str):
        departments = [departments]
    names = list(dict.fromkeys(clean_department(name) for name in departments or ()))
    if not names:
        raise ValueError("An action targets at least one department, or ALL.")
    return [ALL_DEPARTMENTS] if ALL_DEPARTMENTS in names else sorted(names)


def to_day(day, what: str = "date") -> dt.date:
    """A date, a Timestamp or 'YYYY-MM-DD' -> date; ValueError otherwise."""
    if isinstance(day, pd.Timestamp):
        day = day.date()
    if isinstance(day, dt.datetime):
        day = day.date()
    if not isinstance(day, dt.date):
        try:
            day = dt.date.fromisoformat(str(day).strip())
        except ValueError:
            raise ValueError(f"Invalid {what} {day!r}; expected YYYY-MM-DD.") from None
    if day.year < EARLIEST_YEAR:
        raise ValueError(f"Invalid {what} {day!r}.")
    return day


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it has fewer days)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def month_start(day) -> dt.date:
    day = to_day(day) if not isinstance(day, dt.date) else day
    return dt.date(day.year, day.month, 1)


def to_json(values) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def now_stamp(now: dt.datetime | None) -> str:
    return access.to_stamp(access.utc(now))


def stamps_to_datetimes(frame: pd.DataFrame, columns) -> pd.DataFrame:
    for column in columns:
        frame[column] = pd.to_datetime(frame[column], format=access.TIMESTAMP_FORMAT, utc=True)
    return frame
