"""Indicator values computed by hand (the arithmetic is in the comments).

Working days used below (see tests/test_calendar.py):
March 2024 = 21, April 2024 = 21 (Easter Monday 1 Apr), May 2024 = 20, June 2024 = 20,
September 2024 = 21, November 2024 = 19 (1 and 11 Nov), December 2024 = 21 (25 Dec),
January 2025 = 22 (1 Jan), July 2025 = 22 (Monday 21 Jul).
"""

import datetime as dt
import math

import pytest

from signals import store
from signals.definitions import CELL_INDICATOR_IDS, INDICATOR_IDS, MEASURE_INDICATOR_IDS
from signals.measures.indicators import indicator_frame

D = dt.date


@pytest.fixture
def con(db_path):
    with store.connect(db_path) as connection:
        yield connection


def add_workforce(con, month, department, headcount, hours_worked=None):
    con.execute("INSERT INTO workforce VALUES (?, ?, ?, NULL, ?, 1)",
                [month, department, headcount, hours_worked])


def add_spell(con, employee, department, start, end=None, absence_type="illness"):
    con.execute("INSERT INTO absences VALUES (?, ?, ?, ?, ?, 1)",
                [employee, department, start, end, absence_type])


def add_turnover(con, employee, department, date, event, reason=None):
    con.execute("INSERT INTO turnover VALUES (?, ?, ?, ?, ?, 1)",
                [employee, department, date, event, reason])


def add_incident(con, incident_id, date, department, category, days_lost=0):
    con.execute("INSERT INTO incidents VALUES (?, ?, ?, ?, ?, 1)",
                [incident_id, date, department, category, days_lost])


def add_reintegration(con, request_id, employee, department, request_date):
    con.execute("INSERT INTO reintegration (request_id, employee_key, department, request_date, "
                "request_type, initiator, decision, upload_id) "
                "VALUES (?, ?, ?, ?, 'trajectory', 'worker', 'pending', 1)",
                [request_id, employee, department, request_date])


def row(frame, month, department, indicator):
    found = frame[(frame["month"] == month) & (frame["department"] == department)
                  & (frame["indicator"] == indicator)]
    assert len(found) == 1, (month, department, indicator)
    return found.iloc[0]


def assert_row(frame, month, department, indicator, numerator, denominator, value):
    found = row(frame, month, department, indicator)
    for name, expected in (("numerator", numerator), ("denominator", denominator),
                           ("value", value)):
        actual = found[name]
        if expected is None:
            assert math.isnan(actual), (indicator, name, actual)
        else:
            assert actual == pytest.approx(expected), (indicator, name, actual, expected)


def everything(con):
    """All values, no suppression (the hand computations do not depend on it)."""
    return indicator_frame(con, suppress=False)


def test_empty_database_gives_empty_frame(con):
    frame = indicator_frame(con)
    assert frame.empty
    assert list(frame.columns) == ["month", "department", "indicator", "numerator",
                                   "denominator", "value", "headcount", "suppressed",
                                   "suppression_reason"]


def test_frame_shape_types_and_order(con):
    add_workforce(con, D(2024, 3, 1), "Zorg", 20)
    add_workforce(con, D(2024, 3, 1), "Admin", 12)
    add_workforce(con, D(2024, 4, 1), "Zorg", 20)
    frame = everything(con)
    # 2 months x (departments + ALL) x every cell indicator: March 3 cells, April 2 cells
    assert len(frame) == (3 + 2) * len(CELL_INDICATOR_IDS)
    assert frame["month"].iloc[0] == D(2024, 3, 1)
    assert isinstance(frame["month"].iloc[0], dt.date)
    count = len(CELL_INDICATOR_IDS)
    assert list(frame["department"].iloc[::count]) == ["ALL", "Admin", "Zorg", "ALL", "Zorg"]
    assert list(frame["indicator"].iloc[:count]) == list(CELL_INDICATOR_IDS)
    assert frame["headcount"].dtype == "int64"
    assert frame["suppressed"].dtype == bool
    assert row(frame, D(2024, 3, 1), "ALL", "turnover_rate")["headcount"] == 32


def test_absence_episodes_across_easter_monday(con):
    for month in (D(2024, 3, 1), D(2024, 4, 1)):
        add_workforce(con, month, "Zorg", 20, 3000)
    # e1: Thu 28 Mar - Wed 3 Apr: March 28, 29 (Good Friday works) = 2;
    #     April: 1 (Easter Monday) off, 2, 3 = 2
    add_spell(con, "e1", "Zorg", D(2024, 3, 28), D(2024, 4, 3))
    # e2: Friday 8 Mar, then Mon 11 - Tue 12 Mar: back to back over a weekend,
    #     one episode, 8 + 11 + 12 = 3 days
    add_spell(con, "e2", "Zorg", D(2024, 3, 8), D(2024, 3, 8))
    add_spell(con, "e2", "Zorg", D(2024, 3, 11), D(2024, 3, 12))
    # e3: overlapping certificates 4-8 Mar and 6-13 Mar: union 4..13 Mar,
    #     4,5,6,7,8,11,12,13 = 8 days, one episode
    add_spell(con, "e3", "Zorg", D(2024, 3, 4), D(2024, 3, 8))
    add_spell(con, "e3", "Zorg", D(2024, 3, 6), D(2024, 3, 13))
    # e4: 18-19 Mar and 21 Mar: Wednesday 20 is a working day in between,
    #     so two episodes, 2 + 1 = 3 days
    add_spell(con, "e4", "Zorg", D(2024, 3, 18), D(2024, 3, 19))
    add_spell(con, "e4", "Zorg", D(2024, 3, 21), D(2024, 3, 21))
    # e5: Wed 27 - Fri 29 Mar, then Tue 2 Apr: only Sat, Sun and Easter Monday
    #     between, one episode; March 3 days, April 1 day
    add_spell(con, "e5", "Zorg", D(2024, 3, 27), D(2024, 3, 29))
    add_spell(con, "e5", "Zorg", D(2024, 4, 2), D(2024, 4, 2))
    frame = everything(con)

    # March: 2 + 3 + 8 + 3 + 3 = 19 days; 20 x 21 = 420; 100 x 19 / 420 = 4.5238...
    assert_row(frame, D(2024, 3, 1), "Zorg", "absence_rate", 19, 420, 100 * 19 / 420)
    # episodes starting in March: e1, e2, e3, e4 twice, e5 = 6; 100 x 6 / 20 = 30
    assert_row(frame, D(2024, 3, 1), "Zorg", "absence_frequency", 6, 20, 30)
    # April: e1 2 + e5 1 = 3 days; 100 x 3 / 420 = 0.714...; no episode starts
    assert_row(frame, D(2024, 4, 1), "Zorg", "absence_rate", 3, 420, 100 * 3 / 420)
    assert_row(frame, D(2024, 4, 1), "Zorg", "absence_frequency", 0, 20, 0)
    assert_row(frame, D(2024, 4, 1), "Zorg", "long_term_absentees", 0, 20, 0)


def test_absences_across_21_july_november_holidays_and_year_end(con):
    for month in (D(2024, 11, 1), D(2024, 12, 1), D(2025, 1, 1), D(2025, 7, 1)):
        add_workforce(con, month, "Logistiek", 10)
    # Thu 17 - Wed 23 Jul 2025: 17, 18, (21 National Day), 22, 23 = 4 days
    add_spell(con, "a", "Logistiek", D(2025, 7, 17), D(2025, 7, 23))
    # Wed 30 Oct - Tue 12 Nov 2024: October has no workforce row (its 2 days count
    # nowhere); November: (1 Nov), 4-8 = 5, (11 Nov), 12 = 1 -> 6 days; the episode
    # started in October, so it does not count as starting in November
    add_spell(con, "b", "Logistiek", D(2024, 10, 30), D(2024, 11, 12))
    # Mon 23 Dec 2024 - Fri 3 Jan 2025: December 23, 24, (25), 26, 27, 30, 31 = 6;
    # January (1 Jan), 2, 3 = 2
    add_spell(con, "c", "Logistiek", D(2024, 12, 23), D(2025, 1, 3))
    frame = everything(con)

    # July 2025: 100 x 4 / (10 x 22) = 1.8181...
    assert_row(frame, D(2025, 7, 1), "Logistiek", "absence_rate", 4, 220, 100 * 4 / 220)
    assert_row(frame, D(2025, 7, 1), "Logistiek", "absence_frequency", 1, 10, 10)
    # November 2024: 100 x 6 / (10 x 19) = 3.1578...
    assert_row(frame, D(2024, 11, 1), "Logistiek", "absence_rate", 6, 190, 100 * 6 / 190)
    assert_row(frame, D(2024, 11, 1), "Logistiek", "absence_frequency", 0, 10, 0)
    # December 2024: 100 x 6 / (10 x 21) = 2.857...; one episode starts: 100 x 1 / 10
    assert_row(frame, D(2024, 12, 1), "Logistiek", "absence_rate", 6, 210, 100 * 6 / 210)
    assert_row(frame, D(2024, 12, 1), "Logistiek", "absence_frequency", 1, 10, 10)
    # January 2025: 100 x 2 / (10 x 22) = 0.909...; it started in December
    assert_row(frame, D(2025, 1, 1), "Logistiek", "absence_rate", 2, 220, 100 * 2 / 220)
    assert_row(frame, D(2025, 1, 1), "Logistiek", "absence_frequency", 0, 10, 0)


def test_long_term_boundary_open_spells_and_bridged_episodes(con):
    add_workforce(con, D(2024, 5, 1), "Zorg", 10)
    add_workforce(con, D(2024, 6, 1), "Zorg", 10)
    # On Sun 30 June 2024: 3 Mar .. 30 Jun = 29 + 30 + 31 + 30 = 120 days: not more than 120
    add_spell(con, "l120", "Zorg", D(2024, 3, 3), D(2024, 7, 15))
    # 2 Mar .. 30 Jun = 121 days: counts; open spell, runs to 30 June (last workforce month)
    add_spell(con, "l121", "Zorg", D(2024, 3, 2))
    # Thu 29 Feb - Fri 1 Mar, then Mon 4 Mar .. 30 Jun: one episode from 29 Feb,
    # 1 + 31 + 30 + 31 + 30 = 123 days: counts (the second spell alone, 4 Mar .. 30 Jun,
    # is 28 + 30 + 31 + 30 = 119 days and would not)
    add_spell(con, "bridged", "Zorg", D(2024, 2, 29), D(2024, 3, 1))
    add_spell(con, "bridged", "Zorg", D(2024, 3, 4), D(2024, 6, 30))
    frame = everything(con)

    # June: 2 long-term absentees (l121, bridged); value = the count, denominator = H
    assert_row(frame, D(2024, 6, 1), "Zorg", "long_term_absentees", 2, 10, 2)
    # 31 May: l121 has lasted 30 + 30 + 31 = 91 days, the others fewer: none
    assert_row(frame, D(2024, 5, 1), "Zorg", "long_term_absentees", 0, 10, 0)
    # All three are absent every working day of May (20) and June (20): 3 x 20 = 60;
    # 100 x 60 / (10 x 20) = 30
    assert_row(frame, D(2024, 5, 1), "Zorg", "absence_rate", 60, 200, 30)
    assert_row(frame, D(2024, 6, 1), "Zorg", "absence_rate", 60, 200, 30)
    assert_row(frame, D(2024, 6, 1), "Zorg", "absence_frequency", 0, 10, 0)
    # ALL = the only department
    assert_row(frame, D(2024, 6, 1), "ALL", "long_term_absentees", 2, 10, 2)


def test_open_spell_lasts_to_the_last_workforce_month_of_the_data(con):
    add_workforce(con, D(2024, 5, 1), "Zorg", 10)
    add_workforce(con, D(2024, 6, 1), "Zorg", 10)
    add_workforce(con, D(2024, 9, 1), "Admin", 10)    # the data's last month
    add_workforce(con, D(2024, 9, 1), "Zorg", 10)
    # open since Mon 3 Jun 2024: June 3..30 = all 20 working days of June;
    # September (no July/August rows): all 21 days; on 30 Sep it has lasted
    # 28 + 31 + 31 + 30 = 120 days: not long-term yet
    add_spell(con, "o", "Zorg", D(2024, 6, 3))
    # an open spell starting after the data's last day counts nowhere
    add_spell(con, "late", "Zorg", D(2024, 10, 7))
    frame = everything(con)
    assert_row(frame, D(2024, 5, 1), "Zorg", "absence_rate", 0, 200, 0)
    assert_row(frame, D(2024, 6, 1), "Zorg", "absence_rate", 20, 200, 10)
    assert_row(frame, D(2024, 6, 1), "Zorg", "absence_frequency", 1, 10, 10)
    assert_row(frame, D(2024, 9, 1), "Zorg", "absence_rate", 21, 210, 10)
    assert_row(frame, D(2024, 9, 1), "Zorg", "long_term_absentees", 0, 10, 0)
    assert_row(frame, D(2024, 9, 1), "Zorg", "absence_frequency", 0, 10, 0)


def test_episode_belongs_to_the_department_of_its_first_spell(con):
    add_workforce(con, D(2024, 6, 1), "A", 10)
    add_workforce(con, D(2024, 6, 1), "B", 10)
    # Mon 3 - Fri 7 Jun in A, then Mon 10 - Wed 12 Jun in B: one episode, 8 days, in A
    add_spell(con, "moved", "A", D(2024, 6, 3), D(2024, 6, 7))
    add_spell(con, "moved", "B", D(2024, 6, 10), D(2024, 6, 12))
    frame = everything(con)
    assert_row(frame, D(2024, 6, 1), "A", "absence_rate", 8, 200, 4)
    assert_row(frame, D(2024, 6, 1), "A", "absence_frequency", 1, 10, 10)
    assert_row(frame, D(2024, 6, 1), "B", "absence_rate", 0, 200, 0)
    assert_row(frame, D(2024, 6, 1), "B", "absence_frequency", 0, 10, 0)


def test_event_indicators_hours_and_missing_workforce(con):
    september = D(2024, 9, 1)
    add_workforce(con, september, "Verkoop", 25, 4000)
    add_workforce(con, september, "Leeg", 15, None)   # no hours given, records below
    add_workforce(con, september, "Stil", 0, 0)       # H = 0 and 0 hours, no records
    # Turnover in Verkoop: 3 exits (2 voluntary, 1 retirement) and 1 hire
    add_turnover(con, "t1", "Verkoop", D(2024, 9, 2), "exit", "voluntary")
    add_turnover(con, "t2", "Verkoop", D(2024, 9, 10), "exit", "voluntary")
    add_turnover(con, "t3", "Verkoop", D(2024, 9, 30), "exit", "retirement")
    add_turnover(con, "t4", "Verkoop", D(2024, 9, 3), "hire")
    add_turnover(con, "t5", "Verkoop", D(2024, 10, 1), "exit", "voluntary")  # October
    # Incidents in Verkoop: work accidents with 3, 0 and 5 days lost; a commuting
    # accident (4 days, not counted); 2 aggressions; 3 psychosocial; a near miss
    for number, (category, days) in enumerate([
        ("work_accident", 3), ("work_accident", 0), ("work_accident", 5),
        ("commuting_accident", 4), ("aggression", 0), ("aggression", 0),
        ("psychosocial_informal", 0), ("psychosocial_formal", 0), ("harassment", 0),
        ("near_miss", 0),
    ]):
        add_incident(con, f"i{number}", D(2024, 9, 15), "Verkoop", category, days)
    add_incident(con, "leeg-1", D(2024, 9, 5), "Leeg", "work_accident", 2)
    add_reintegration(con, "r1", "p1", "Verkoop", D(2024, 9, 4))
    add_reintegration(con, "r2", "p2", "Verkoop", D(2024, 9, 24))
    add_reintegration(con, "r3", "p3", "Verkoop", D(2024, 10, 1))   # October
    # Records of a department without a workforce row count nowhere, not even in ALL
    add_turnover(con, "g1", "Spook", D(2024, 9, 2), "exit", "voluntary")
    add_incident(con, "g2", D(2024, 9, 2), "Spook", "work_accident", 9)
    add_incident(con, "g3", D(2024, 9, 2), "Spook", "aggression")
    add_spell(con, "g4", "Spook", D(2024, 9, 2), D(2024, 9, 6))
    add_reintegration(con, "g5", "p9", "Spook", D(2024, 9, 4))
    frame = everything(con)

    # Verkoop, H = 25
    assert_row(frame, september, "Verkoop", "turnover_rate", 3, 25, 12)          # 100 x 3 / 25
    assert_row(frame, september, "Verkoop", "voluntary_turnover_rate", 2, 25, 8)  # 100 x 2 / 25
    # accidents with >= 1 day lost: 2; 1e6 x 2 / 4000 = 500
    assert_row(frame, september, "Verkoop", "accident_frequency_rate", 2, 4000, 500)
    # days lost 3 + 0 + 5 = 8; 1e3 x 8 / 4000 = 2
    assert_row(frame, september, "Verkoop", "accident_severity_rate", 8, 4000, 2)
    assert_row(frame, september, "Verkoop", "psychosocial_request_rate", 3, 25, 12)
    assert_row(frame, september, "Verkoop", "aggression_rate", 2, 25, 8)
    assert_row(frame, september, "Verkoop", "reintegration_request_rate", 2, 25, 8)
    # Leeg: empty department, hours not given -> accident rates empty, denominator NaN
    assert_row(frame, september, "Leeg", "accident_frequency_rate", 1, None, None)
    assert_row(frame, september, "Leeg", "accident_severity_rate", 2, None, None)
    assert_row(frame, september, "Leeg", "turnover_rate", 0, 15, 0)
    assert_row(frame, september, "Leeg", "absence_rate", 0, 15 * 21, 0)
    # Stil: H = 0 and 0 hours -> every rate empty; the count stays a count
    for indicator in CELL_INDICATOR_IDS:
        if indicator != "long_term_absentees":
            assert math.isnan(row(frame, september, "Stil", indicator)["value"]), indicator
    assert_row(frame, september, "Stil", "absence_rate", 0, 0, None)
    assert_row(frame, september, "Stil", "accident_frequency_rate", 0, 0, None)
    assert_row(frame, september, "Stil", "long_term_absentees", 0, 0, 0)
    # ALL: H = 25 + 15 + 0 = 40; Spook's records are not in it
    assert_row(frame, september, "ALL", "turnover_rate", 3, 40, 7.5)
    assert_row(frame, september, "ALL", "voluntary_turnover_rate", 2, 40, 5)
    assert_row(frame, september, "ALL", "aggression_rate", 2, 40, 5)
    assert_row(frame, september, "ALL", "psychosocial_request_rate", 3, 40, 7.5)
    assert_row(frame, september, "ALL", "reintegration_request_rate", 2, 40, 5)
    assert_row(frame, september, "ALL", "absence_rate", 0, 40 * 21, 0)
    assert_row(frame, september, "ALL", "absence_frequency", 0, 40, 0)
    # ALL accident rates: only departments reporting hours (Verkoop), Leeg's accident out
    assert_row(frame, september, "ALL", "accident_frequency_rate", 2, 4000, 500)
    assert_row(frame, september, "ALL", "accident_severity_rate", 8, 4000, 2)
    assert "Spook" not in set(frame["department"])
    assert set(frame["month"]) == {september}


def test_all_accident_rates_empty_when_no_department_reports_hours(con):
    add_workforce(con, D(2024, 9, 1), "A", 12)
    add_workforce(con, D(2024, 9, 1), "B", 14, 0)
    add_incident(con, "x", D(2024, 9, 3), "A", "work_accident", 4)
    frame = everything(con)
    assert_row(frame, D(2024, 9, 1), "ALL", "accident_frequency_rate", 0, None, None)
    assert_row(frame, D(2024, 9, 1), "ALL", "accident_severity_rate", 0, None, None)
    assert_row(frame, D(2024, 9, 1), "A", "accident_severity_rate", 4, None, None)


def test_all_sums_numerators_and_denominators(con):
    add_workforce(con, D(2024, 6, 1), "A", 10, 1500)
    add_workforce(con, D(2024, 6, 1), "B", 30, 4500)
    # A: Mon 3 - Fri 14 Jun = 10 days; B: Mon 17 - Tue 18 Jun = 2 days
    add_spell(con, "a1", "A", D(2024, 6, 3), D(2024, 6, 14))
    add_spell(con, "b1", "B", D(2024, 6, 17), D(2024, 6, 18))
    add_incident(con, "a-acc", D(2024, 6, 5), "A", "work_accident", 1)
    frame = everything(con)
    # 100 x (10 + 2) / ((10 + 30) x 20) = 1200 / 800 = 1.5
    assert_row(frame, D(2024, 6, 1), "ALL", "absence_rate", 12, 800, 1.5)
    # 100 x 2 / 40 = 5
    assert_row(frame, D(2024, 6, 1), "ALL", "absence_frequency", 2, 40, 5)
    # 1e6 x 1 / 6000 = 166.66...
    assert_row(frame, D(2024, 6, 1), "ALL", "accident_frequency_rate", 1, 6000, 1e6 / 6000)


def test_works_on_a_read_only_connection(db_path):
    with store.connect(db_path) as con:
        add_workforce(con, D(2024, 6, 1), "Zorg", 10)
        # Mon 3 - Wed 5 June: 3 days; 100 x 3 / (10 x 20) = 1.5
        add_spell(con, "r", "Zorg", D(2024, 6, 3), D(2024, 6, 5))
    with store.connect(db_path, read_only=True) as con:
        frame = indicator_frame(con)
    assert_row(frame, D(2024, 6, 1), "Zorg", "absence_rate", 3, 200, 1.5)


def test_indicators_of_kinds_never_uploaded_are_listed_and_blanked(con):
    from signals.alerts.detection import Evaluation, without_figures
    from signals.measures.indicators import blank_indicators, unrecorded_indicators

    add_workforce(con, D(2024, 3, 1), "Zorg", 20)
    # nothing but the workforce: all but hours per FTE, which the workforce itself gives
    assert unrecorded_indicators(con) == tuple(i for i in INDICATOR_IDS if i != "hours_per_fte")
    add_turnover(con, "E1", "Zorg", D(2024, 3, 4), "exit", "voluntary")
    add_incident(con, "I1", D(2024, 3, 5), "Zorg", "aggression")
    unrecorded = unrecorded_indicators(con)
    assert unrecorded == ("absence_rate", "absence_frequency", "long_term_absentees",
                          "reintegration_request_rate", "job_adaptation_request_rate",
                          "unfitness_rate", "long_absence_risk", "frequent_absence",
                          "relapse_rate") + MEASURE_INDICATOR_IDS

    frame = blank_indicators(indicator_frame(con), unrecorded, ("numerator", "value"))
    blanked = frame[frame["indicator"].isin(unrecorded)]
    assert blanked["value"].isna().all() and blanked["numerator"].isna().all()
    assert blanked["denominator"].notna().all()              # the headcount is known
    assert row(frame, D(2024, 3, 1), "Zorg", "aggression_rate")["value"] == pytest.approx(5.0)

    chart = frame.assign(expected=1.0, watch_limit=2.0, upper_limit=3.0, lower_limit=0.0,
                         rolling12_value=1.0, level="watch", rule="cusum_early",
                         reason_nl="x", reason_fr="x", reason_en="x")
    signals = chart[["month", "department", "indicator", "level"]]
    shown = without_figures(Evaluation(chart, signals, signals), unrecorded)
    hidden = shown.chart[shown.chart["indicator"].isin(unrecorded)]
    assert hidden[["expected", "upper_limit", "rolling12_value"]].isna().all().all()
    assert hidden["level"].isna().all() and hidden["reason_en"].isna().all()
    assert not shown.signals["indicator"].isin(unrecorded).any()
    assert not shown.funnel["indicator"].isin(unrecorded).any()
    assert (shown.chart.loc[~shown.chart["indicator"].isin(unrecorded), "level"] == "watch").all()
