"""The Belgian working-day calendar: Monday to Friday less the federal public holidays.

Holidays come from the maintained `holidays` package (checked in the tests against the
contract's ten days for 1990-2100), never listed per year by hand. The calendar itself is
a DuckDB query (`calendar_sql`) that indicator queries use as a CTE, so it works on
read-only connections too.
"""

from __future__ import annotations

import datetime as dt
import functools

import holidays

# The `holidays` package lists two Sunday feasts that are not among the contract's ten
# federal holidays; being Sundays, they never change a working-day count.
SUNDAY_FEASTS = frozenset({"Easter Sunday", "Pentecost"})


@functools.lru_cache(maxsize=256)
def belgian_holidays(year: int) -> dict[dt.date, str]:
    """The ten federal public holidays of a year, date -> English name (`holidays` package).

    Two may fall on one date (Ascension on 1 May in 2008): the names are then joined.
    """
    calendar = holidays.country_holidays("BE", years=year, language="en_US")
    result = {}
    for day in sorted(calendar):
        names = [name for name in calendar.get_list(day) if name not in SUNDAY_FEASTS]
        if names:
            result[day] = " / ".join(names)
    return result


def holidays_between(start: dt.date, end: dt.date) -> list[dt.date]:
    """Every federal holiday from start to end, both included."""
    return [
        day
        for year in range(start.year, end.year + 1)
        for day in belgian_holidays(year)
        if start <= day <= end
    ]


def calendar_sql(start_param: str = "calendar_start", end_param: str = "calendar_end",
                 holidays_param: str = "holidays") -> str:
    """A SELECT giving one row per day: day DATE, is_working BOOLEAN.

    Uses the named parameters $calendar_start, $calendar_end (DATE) and $holidays
    (DATE[]); fill them with `calendar_parameters`.
    """
    return f"""
        SELECT day::DATE AS day,
               isodow(day) <= 5 AND NOT list_contains(${holidays_param}::DATE[], day::DATE)
                   AS is_working
        FROM generate_series(${start_param}::DATE, ${end_param}::DATE, INTERVAL 1 DAY) AS days(day)
    """


def calendar_parameters(start: dt.date, end: dt.date) -> dict:
    """Named parameters for `calendar_sql` covering start..end."""
    return {"calendar_start": start, "calendar_end": end, "holidays": holidays_between(start, end)}


def working_days(con, start: dt.date, end: dt.date) -> int:
    """Number of Belgian working days from start to end, both included (0 if end < start)."""
    if end < start:
        return 0
    query = f"SELECT count(*) FILTER (WHERE is_working) FROM ({calendar_sql()})"
    return int(con.execute(query, calendar_parameters(start, end)).fetchone()[0])
