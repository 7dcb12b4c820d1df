"""The Belgian working-day calendar: Monday to Friday less the federal public holidays.

Holidays are computed for any year (Easter by the anonymous Gregorian algorithm),
never listed per year. The calendar itself is a DuckDB query (`calendar_sql`) that
indicator queries use as a CTE, so it works on read-only connections too.
"""

from __future__ import annotations

import datetime as dt

# Fixed-date federal holidays as (month, day).
FIXED_HOLIDAYS = {
    (1, 1): "New Year's Day",
    (5, 1): "Labour Day",
    (7, 21): "National Day",
    (8, 15): "Assumption",
    (11, 1): "All Saints' Day",
    (11, 11): "Armistice Day",
    (12, 25): "Christmas",
}
# Movable holidays as days after Easter Sunday.
EASTER_OFFSETS = {
    1: "Easter Monday",
    39: "Ascension Day",
    50: "Whit Monday",
}


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of a Gregorian year (anonymous Gregorian / Meeus-Jones-Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def belgian_holidays(year: int) -> dict[dt.date, str]:
    """The ten federal public holidays of a year, date -> English name.

    Two may fall on one date (Ascension on 1 May in 2008): the names are then joined.
    """
    holidays = {dt.date(year, month, day): name for (month, day), name in FIXED_HOLIDAYS.items()}
    easter = easter_sunday(year)
    for offset, name in EASTER_OFFSETS.items():
        day = easter + dt.timedelta(days=offset)
        holidays[day] = f"{holidays[day]} / {name}" if day in holidays else name
    return dict(sorted(holidays.items()))


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
