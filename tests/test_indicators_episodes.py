"""The indicators of contract v2 section 2 added to the first ten, computed by hand.

harassment_rate, serious_event_rate, work_accident_rate, long_absence_risk,
frequent_absence, relapse_rate and hours_per_fte. Dates: 2024-01-01 is a Monday; 2024 is a
leap year (February 29 days); Easter Monday is 2024-04-01.
"""

import datetime as dt
import math

import pytest

from signals import store
from signals.definitions import INCIDENT_CATEGORIES
from signals.measures.indicators import indicator_frame

D = dt.date


@pytest.fixture
def con(db_path):
    with store.connect(db_path) as connection:
        yield connection


def months(first, last):
    """The first days of the months from `first` to `last`, both included."""
    month = first
    while month <= last:
        yield month
        month = D(month.year + month.month // 12, month.month % 12 + 1, 1)


def add_workforce(con, month, department, headcount, fte=None, hours_worked=None):
    con.execute("INSERT INTO workforce VALUES (?, ?, ?, ?, ?, 1)",
                [month, department, headcount, fte, hours_worked])


def add_spell(con, employee, department, start, end=None):
    con.execute("INSERT INTO absences VALUES (?, ?, ?, ?, 'illness', 1)",
                [employee, department, start, end])


def add_incident(con, incident_id, date, department, category, days_lost=0):
    con.execute("INSERT INTO incidents VALUES (?, ?, ?, ?, ?, 1)",
                [incident_id, date, department, category, days_lost])


def numerators(frame, department, indicator):
    """{month: numerator} of one department and indicator."""
    rows = frame[(frame["department"] == department) & (frame["indicator"] == indicator)]
    return dict(zip(rows["month"], rows["numerator"]))


def value(frame, month, department, indicator, column="value"):
    rows = frame[(frame["month"] == month) & (frame["department"] == department)
                 & (frame["indicator"] == indicator)]
    assert len(rows) == 1, (month, department, indicator)
    return rows.iloc[0][column]


def everything(con):
    return indicator_frame(con, suppress=False)


def test_serious_event_is_a_category_and_harassment_stays_psychosocial():
    assert "serious_event" in INCIDENT_CATEGORIES
    from signals.definitions import PSYCHOSOCIAL_CATEGORIES
    assert "harassment" in PSYCHOSOCIAL_CATEGORIES
    assert "serious_event" not in PSYCHOSOCIAL_CATEGORIES


def test_incident_rates_per_100_employees_with_or_without_hours(con):
    march = D(2024, 3, 1)
    add_workforce(con, march, "Zorg", 20, fte=18.5, hours_worked=2849)
    add_workforce(con, march, "Admin", 12)               # no hours
    add_workforce(con, march, "Leeg", 0)                 # empty department
    add_incident(con, "I1", D(2024, 3, 4), "Zorg", "harassment")
    add_incident(con, "I2", D(2024, 3, 5), "Zorg", "psychosocial_formal")
    add_incident(con, "I3", D(2024, 3, 6), "Zorg", "serious_event")
    add_incident(con, "I4", D(2024, 3, 7), "Zorg", "work_accident", 3)
    add_incident(con, "I5", D(2024, 3, 8), "Zorg", "work_accident", 0)   # no day lost
    add_incident(con, "I6", D(2024, 3, 9), "Admin", "work_accident", 1)
    add_incident(con, "I7", D(2024, 2, 9), "Zorg", "serious_event")      # no workforce month
    frame = everything(con)
    # Zorg: 1 harassment / 20 x 100 = 5; psychosocial keeps harassment: 2 / 20 x 100 = 10
    assert value(frame, march, "Zorg", "harassment_rate") == pytest.approx(5.0)
    assert value(frame, march, "Zorg", "psychosocial_request_rate") == pytest.approx(10.0)
    assert value(frame, march, "Zorg", "serious_event_rate") == pytest.approx(5.0)
    # accidents with a day lost, per 100 employees: Zorg 1 / 20, Admin 1 / 12 (no hours)
    assert value(frame, march, "Zorg", "work_accident_rate") == pytest.approx(5.0)
    assert value(frame, march, "Admin", "work_accident_rate") == pytest.approx(100 / 12)
    # ALL adds every department (H 32): 2 / 32 x 100 = 6.25; the frequency rate only Zorg's
    assert value(frame, march, "ALL", "work_accident_rate") == pytest.approx(6.25)
    assert value(frame, march, "ALL", "work_accident_rate", "numerator") == 2
    assert value(frame, march, "ALL", "accident_frequency_rate", "numerator") == 1
    assert value(frame, march, "ALL", "harassment_rate") == pytest.approx(100 / 32)
    # H = 0: numerator 0, no value
    for indicator in ("harassment_rate", "serious_event_rate", "work_accident_rate",
                      "long_absence_risk", "frequent_absence", "relapse_rate"):
        assert value(frame, march, "Leeg", indicator, "numerator") == 0
        assert math.isnan(value(frame, march, "Leeg", indicator))


def test_long_absence_risk_100_against_101_days_overlap_gaps_moves_and_open_spells(con):
    for month in months(D(2024, 1, 1), D(2025, 1, 1)):
        add_workforce(con, month, "Zorg", 20)
        add_workforce(con, month, "Admin", 10)
    # A: 1 Jan - 9 Apr = 31 + 29 + 31 + 9 = 100 days: not more than 100
    add_spell(con, "A", "Zorg", D(2024, 1, 1), D(2024, 4, 9))
    # B: 1 Jan - 10 Apr = 101 days: counted from April (March: 91)
    add_spell(con, "B", "Zorg", D(2024, 1, 1), D(2024, 4, 10))
    # C: two overlapping spells covering 1 Jan - 9 Apr: 100 days, each day once
    add_spell(con, "C", "Zorg", D(2024, 1, 1), D(2024, 3, 31))
    add_spell(con, "C", "Zorg", D(2024, 3, 15), D(2024, 4, 9))
    # F: 1 Jan - Fri 5 Apr (96) and Mon 8 - Thu 11 Apr (4): one episode of 102 days but
    # 100 days covered by spells (the weekend between is not)
    add_spell(con, "F", "Zorg", D(2024, 1, 1), D(2024, 4, 5))
    add_spell(con, "F", "Zorg", D(2024, 4, 8), D(2024, 4, 11))
    # H moves: 1 Jan - 31 Mar in Zorg (91), 3 - 14 Jun in Admin (12): 103 from June, in
    # Admin (the latest episode); January 2025's window (from 1 Feb 2024): 29 + 31 + 12 = 72
    add_spell(con, "H", "Zorg", D(2024, 1, 1), D(2024, 3, 31))
    add_spell(con, "H", "Admin", D(2024, 6, 3), D(2024, 6, 14))
    # G: open from 1 Sep in Admin, lasting to 31 Jan 2025: November 91, December 122
    add_spell(con, "G", "Admin", D(2024, 9, 1))
    frame = everything(con)

    zorg = numerators(frame, "Zorg", "long_absence_risk")
    admin = numerators(frame, "Admin", "long_absence_risk")
    for month in months(D(2024, 1, 1), D(2025, 1, 1)):
        # B from April to December; January 2025's window from 1 Feb: 29 + 31 + 10 = 70
        assert zorg[month] == (1 if D(2024, 4, 1) <= month <= D(2024, 12, 1) else 0), month
        expected = ((D(2024, 6, 1) <= month <= D(2024, 12, 1))      # H
                    + (month >= D(2024, 12, 1)))                     # G
        assert admin[month] == expected, month
    assert value(frame, D(2024, 12, 1), "ALL", "long_absence_risk") == pytest.approx(10.0)
    assert value(frame, D(2024, 4, 1), "Zorg", "long_absence_risk") == pytest.approx(5.0)
    assert value(frame, D(2025, 1, 1), "ALL", "long_absence_risk") == pytest.approx(100 / 30)


def test_frequent_absence_exactly_3_episodes_in_12_months(con):
    for month in months(D(2024, 1, 1), D(2025, 3, 1)):
        add_workforce(con, month, "Zorg", 20)
        add_workforce(con, month, "Admin", 10)
    # P: episodes starting 10 Jan, 12 Mar, 3 Dec: 3 in the 12 months to December only
    for day in (D(2024, 1, 10), D(2024, 3, 12), D(2024, 12, 3)):
        add_spell(con, "P", "Zorg", day, day)
    # Q: Fri 2 Feb and Mon 5 Feb are one episode (only the weekend between), 14 May another
    for day in (D(2024, 2, 2), D(2024, 2, 5), D(2024, 5, 14)):
        add_spell(con, "Q", "Zorg", day, day)
    # R moves: 15 Jan and 14 Feb in Zorg, 11 Jun in Admin: June - December in Admin;
    # January 2025 (from 1 Feb 2024): 2 episodes
    add_spell(con, "R", "Zorg", D(2024, 1, 15), D(2024, 1, 15))
    add_spell(con, "R", "Zorg", D(2024, 2, 14), D(2024, 2, 14))
    add_spell(con, "R", "Admin", D(2024, 6, 11), D(2024, 6, 11))
    # S: 4 episodes, 3 Jan, 17 Jan, 7 Feb, 6 Mar: counted February - December
    for day in (D(2024, 1, 3), D(2024, 1, 17), D(2024, 2, 7), D(2024, 3, 6)):
        add_spell(con, "S", "Zorg", day, day)
    frame = everything(con)

    zorg = numerators(frame, "Zorg", "frequent_absence")
    admin = numerators(frame, "Admin", "frequent_absence")
    for month in months(D(2024, 1, 1), D(2025, 3, 1)):
        assert zorg[month] == ((D(2024, 2, 1) <= month <= D(2024, 12, 1))      # S
                               + (month == D(2024, 12, 1))), month              # P
        assert admin[month] == (1 if D(2024, 6, 1) <= month <= D(2024, 12, 1) else 0), month
    assert value(frame, D(2024, 12, 1), "Zorg", "frequent_absence") == pytest.approx(10.0)
    assert value(frame, D(2024, 12, 1), "ALL", "frequent_absence") == pytest.approx(10.0)


def test_relapse_56_against_57_days_after_28_against_29_days(con):
    for month in months(D(2024, 1, 1), D(2024, 6, 1)):
        add_workforce(con, month, "Zorg", 20)
        add_workforce(con, month, "Admin", 10)
    # U: 1 - 29 Jan (29 days), back 25 Mar = 29 Jan + 56 days: a relapse in March
    add_spell(con, "U", "Zorg", D(2024, 1, 1), D(2024, 1, 29))
    add_spell(con, "U", "Zorg", D(2024, 3, 25), D(2024, 3, 27))
    # V: the same, back 26 Mar = 57 days after: none
    add_spell(con, "V", "Zorg", D(2024, 1, 1), D(2024, 1, 29))
    add_spell(con, "V", "Zorg", D(2024, 3, 26), D(2024, 3, 27))
    # W: 1 - 28 Jan (28 days, not more than 28), back 7 Feb: none
    add_spell(con, "W", "Zorg", D(2024, 1, 1), D(2024, 1, 28))
    add_spell(con, "W", "Zorg", D(2024, 2, 7), D(2024, 2, 7))
    # Y: 1 - 12 Jan and 15 - 29 Jan form one 29-day episode; back 12 Feb: a relapse in Feb
    add_spell(con, "Y", "Zorg", D(2024, 1, 1), D(2024, 1, 12))
    add_spell(con, "Y", "Zorg", D(2024, 1, 15), D(2024, 1, 29))
    add_spell(con, "Y", "Zorg", D(2024, 2, 12), D(2024, 2, 13))
    # X moves: 1 - 29 Feb in Zorg, back 5 Mar in Admin: the relapse is Admin's
    add_spell(con, "X", "Zorg", D(2024, 2, 1), D(2024, 2, 29))
    add_spell(con, "X", "Admin", D(2024, 3, 5), D(2024, 3, 6))
    # Z: 4 - 29 Mar and from 2 Apr, open: only a weekend and Easter Monday between, so one
    # episode and no relapse
    add_spell(con, "Z", "Admin", D(2024, 3, 4), D(2024, 3, 29))
    add_spell(con, "Z", "Admin", D(2024, 4, 2))
    frame = everything(con)

    zorg = numerators(frame, "Zorg", "relapse_rate")
    admin = numerators(frame, "Admin", "relapse_rate")
    assert [zorg[month] for month in months(D(2024, 1, 1), D(2024, 6, 1))] == [0, 1, 1, 0, 0, 0]
    assert [admin[month] for month in months(D(2024, 1, 1), D(2024, 6, 1))] == [0, 0, 1, 0, 0, 0]
    assert value(frame, D(2024, 3, 1), "ALL", "relapse_rate") == pytest.approx(200 / 30)
    assert value(frame, D(2024, 2, 1), "Zorg", "relapse_rate") == pytest.approx(5.0)


def test_hours_per_fte_and_all_over_departments_giving_both(con):
    march = D(2024, 3, 1)
    add_workforce(con, march, "Zorg", 20, fte=18.5, hours_worked=2849)    # 154
    add_workforce(con, march, "Kwal", 14, fte=4.0, hours_worked=700)      # 175
    add_workforce(con, march, "Admin", 12, fte=10.0)                      # no hours
    add_workforce(con, march, "Labo", 15, hours_worked=2000)              # no fte
    add_workforce(con, march, "Nul", 11, fte=0.0, hours_worked=100)       # fte 0
    frame = everything(con)
    assert value(frame, march, "Zorg", "hours_per_fte") == pytest.approx(154.0)
    assert value(frame, march, "Kwal", "hours_per_fte") == pytest.approx(175.0)
    for department in ("Admin", "Labo", "Nul"):
        assert math.isnan(value(frame, march, department, "hours_per_fte")), department
    # ALL: (2849 + 700) / (18.5 + 4) = 3549 / 22.5
    assert value(frame, march, "ALL", "hours_per_fte") == pytest.approx(3549 / 22.5)
    assert value(frame, march, "ALL", "hours_per_fte", "numerator") == pytest.approx(3549)
    assert value(frame, march, "ALL", "hours_per_fte", "denominator") == pytest.approx(22.5)


def test_hours_per_fte_all_is_empty_where_no_department_gives_both(con):
    march = D(2024, 3, 1)
    add_workforce(con, march, "Admin", 12, fte=10.0)
    add_workforce(con, march, "Labo", 15, hours_worked=2000)
    frame = everything(con)
    assert math.isnan(value(frame, march, "ALL", "hours_per_fte"))


def test_all_of_hours_per_fte_cannot_reveal_a_small_department(con):
    april = D(2024, 4, 1)
    add_workforce(con, april, "Zorg", 20, fte=18.5, hours_worked=2849)
    add_workforce(con, april, "Kwal", 8, fte=4.0, hours_worked=700)       # small
    add_workforce(con, april, "Admin", 12)
    add_workforce(con, april, "Labo", 15, hours_worked=2000)
    frame = indicator_frame(con, min_group_size=10)
    # Kwal small; Admin (for ALL) and Labo (for the accident rates) complementary; then
    # ALL of hours per FTE (Zorg and Kwal) minus Zorg would give Kwal: Zorg is hidden too
    cells = frame[frame["month"] == april].drop_duplicates("department")
    reasons = {department: reason if isinstance(reason, str) else None
               for department, reason in zip(cells["department"], cells["suppression_reason"])}
    assert reasons == {"ALL": None, "Admin": "complementary", "Kwal": "small",
                                 "Labo": "complementary", "Zorg": "complementary"}
    assert math.isnan(value(frame, april, "Zorg", "hours_per_fte"))
    assert value(frame, april, "ALL", "hours_per_fte") == pytest.approx(3549 / 22.5)


def test_long_absence_risk_from_many_short_episodes(con):
    for month in months(D(2024, 1, 1), D(2024, 12, 1)):
        add_workforce(con, month, "Zorg", 20)
    # K: 11 episodes of 10 days (1-10 Jan, 1-10 Feb, ...): 100 days in October, 110 in
    # November. M: 13 episodes of 8 days, every 28 days from Mon 1 Jan to Mon 2 Dec:
    # 96 days in November, 104 in December (more episodes than the bound looks back at)
    for month in months(D(2024, 1, 1), D(2024, 11, 1)):
        add_spell(con, "K", "Zorg", month, month + dt.timedelta(days=9))
    for number in range(13):
        start = D(2024, 1, 1) + dt.timedelta(days=28 * number)
        add_spell(con, "M", "Zorg", start, start + dt.timedelta(days=7))
    frame = everything(con)
    zorg = numerators(frame, "Zorg", "long_absence_risk")
    assert [zorg[month] for month in months(D(2024, 9, 1), D(2024, 12, 1))] == [0, 0, 1, 2]
