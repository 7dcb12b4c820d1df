import datetime as dt

import duckdb
import numpy as np
import pytest
from dateutil.easter import easter as dateutil_easter

from signals.measures.calendar import belgian_holidays, holidays_between, working_days

D = dt.date


@pytest.fixture
def con():
    with duckdb.connect() as connection:
        yield connection


def contract_holidays(year: int) -> set[dt.date]:
    """The contract's ten federal holidays, computed independently of the `holidays` package."""
    easter = dateutil_easter(year)
    fixed = {D(year, 1, 1), D(year, 5, 1), D(year, 7, 21), D(year, 8, 15), D(year, 11, 1),
             D(year, 11, 11), D(year, 12, 25)}
    movable = {easter + dt.timedelta(days=offset) for offset in (1, 39, 50)}
    return fixed | movable


def test_holidays_package_gives_exactly_the_contracts_ten_days_1990_to_2100():
    for year in range(1990, 2101):
        assert set(belgian_holidays(year)) == contract_holidays(year), year


def test_holidays_of_2024():
    # Easter 31 March: Easter Monday +1, Ascension +39, Whit Monday +50.
    assert list(belgian_holidays(2024)) == [
        D(2024, 1, 1), D(2024, 4, 1), D(2024, 5, 1), D(2024, 5, 9), D(2024, 5, 20),
        D(2024, 7, 21), D(2024, 8, 15), D(2024, 11, 1), D(2024, 11, 11), D(2024, 12, 25),
    ]


def test_every_year_has_ten_holidays():
    for year in range(1990, 2101):
        names = " / ".join(belgian_holidays(year).values()).split(" / ")
        assert len(names) == 10, year


def test_holidays_on_the_same_day_keep_both_names():
    # 2008: Easter 23 March, Ascension = 23 March + 39 days = 1 May.
    holidays = belgian_holidays(2008)
    assert len(holidays) == 9
    assert sorted(holidays[D(2008, 5, 1)].split(" / ")) == ["Ascension Day", "Labor Day"]


def test_holidays_between_spans_years():
    assert holidays_between(D(2024, 12, 1), D(2025, 1, 31)) == [D(2024, 12, 25), D(2025, 1, 1)]


@pytest.mark.parametrize("start, end, expected", [
    # May 2024: 23 weekdays (Wed 1 .. Fri 31) - 1 May, 9 May (Ascension), 20 May (Whit Monday) = 20
    (D(2024, 5, 1), D(2024, 5, 31), 20),
    # April 2024: 22 weekdays - Easter Monday 1 April = 21
    (D(2024, 4, 1), D(2024, 4, 30), 21),
    # July 2024: 23 weekdays; 21 July is a Sunday, so nothing off = 23
    (D(2024, 7, 1), D(2024, 7, 31), 23),
    # July 2025: 23 weekdays - Monday 21 July = 22
    (D(2025, 7, 1), D(2025, 7, 31), 22),
    # November 2024: 21 weekdays - Friday 1 Nov - Monday 11 Nov = 19
    (D(2024, 11, 1), D(2024, 11, 30), 19),
    # December 2024: 22 weekdays - Wednesday 25 Dec = 21
    (D(2024, 12, 1), D(2024, 12, 31), 21),
    # February 2024 (leap year): 21 weekdays, no holiday
    (D(2024, 2, 1), D(2024, 2, 29), 21),
    # a weekend only
    (D(2024, 6, 1), D(2024, 6, 2), 0),
    # end before start
    (D(2024, 6, 5), D(2024, 6, 4), 0),
    # one working day
    (D(2024, 6, 4), D(2024, 6, 4), 1),
])
def test_working_days_of_known_periods(con, start, end, expected):
    assert working_days(con, start, end) == expected


def test_working_days_match_numpy_business_days_over_decades(con):
    # An independent count of Monday-Friday less the same holidays, 1990-2060.
    start, end = D(1990, 1, 1), D(2060, 12, 31)
    holidays = [np.datetime64(day) for day in holidays_between(start, end)]
    expected = int(np.busday_count(start, end + dt.timedelta(days=1), holidays=holidays))
    assert working_days(con, start, end) == expected
    # No holiday list: 71 years x 10 minus those falling on weekends.
    weekday_holidays = sum(1 for day in holidays_between(start, end) if day.weekday() < 5)
    weekdays = int(np.busday_count(start, end + dt.timedelta(days=1)))
    assert working_days(con, start, end) == weekdays - weekday_holidays
