"""Property tests (hypothesis) on random small organisations.

- suppressed rows never expose a value or a numerator;
- ALL minus the shown departments never isolates a small hidden group;
- ALL is the sum of its parts (numerators and denominators) on unsuppressed frames;
- the absence numerators equal a day-by-day reference count written independently here.
"""

import datetime as dt
import functools
import math
from collections import defaultdict

import duckdb
import pandas
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from signals import store
from signals.measures.calendar import belgian_holidays
from signals.measures.indicators import indicator_frame

MONTHS = [dt.date(2024, month, 1) for month in range(1, 7)]
DEPARTMENTS = ["A", "B", "C", "D"]
ORIGIN = dt.date(2023, 11, 1)
PER_HOURS = {"accident_frequency_rate", "accident_severity_rate"}

workforce_rows = st.dictionaries(
    keys=st.tuples(st.sampled_from(MONTHS), st.sampled_from(DEPARTMENTS)),
    values=st.tuples(
        st.integers(0, 30),
        st.one_of(st.none(), st.just(0.0), st.floats(100, 5000, allow_nan=False)),
    ),
    min_size=1, max_size=16,
)
spells = st.dictionaries(
    # (employee, start offset in days from ORIGIN) is the table's key
    keys=st.tuples(st.sampled_from(["e1", "e2", "e3", "e4"]), st.integers(0, 260)),
    values=st.tuples(
        st.sampled_from(DEPARTMENTS + ["Z"]),          # Z never has a workforce row
        st.one_of(st.none(), st.integers(0, 150)),     # length - 1, or open
    ),
    max_size=14,
)
incidents = st.lists(
    st.tuples(
        st.sampled_from(MONTHS), st.sampled_from(DEPARTMENTS),
        st.sampled_from(["work_accident", "aggression", "harassment", "near_miss"]),
        st.integers(0, 5),
    ),
    max_size=10,
)
exits = st.lists(
    st.tuples(st.sampled_from(MONTHS), st.sampled_from(DEPARTMENTS),
              st.sampled_from(["voluntary", "retirement"])),
    max_size=8,
)


def insert_rows(con, statement, rows):
    if rows:
        con.executemany(statement, rows)


def build_database(workforce, spell_rows, incident_rows, exit_rows):
    con = duckdb.connect()
    store.migrate(con)
    insert_rows(
        con,
        "INSERT INTO workforce VALUES (?, ?, ?, NULL, ?, 1)",
        [[month, department, headcount, hours]
         for (month, department), (headcount, hours) in workforce.items()],
    )
    insert_rows(
        con,
        "INSERT INTO absences VALUES (?, ?, ?, ?, 'illness', 1)",
        [[employee, department, ORIGIN + dt.timedelta(days=offset),
          None if length is None else ORIGIN + dt.timedelta(days=offset + length)]
         for (employee, offset), (department, length) in spell_rows.items()],
    )
    insert_rows(
        con,
        "INSERT INTO incidents VALUES (?, ?, ?, ?, ?, 1)",
        [[f"i{number}", month + dt.timedelta(days=9), department, category, days]
         for number, (month, department, category, days) in enumerate(incident_rows)],
    )
    insert_rows(
        con,
        "INSERT INTO turnover VALUES (?, ?, ?, 'exit', ?, 1)",
        [[f"t{number}", department, month + dt.timedelta(days=3), reason]
         for number, (month, department, reason) in enumerate(exit_rows)],
    )
    return con


def frames_for(workforce, spell_rows, incident_rows, exit_rows, minimum):
    con = build_database(workforce, spell_rows, incident_rows, exit_rows)
    try:
        return (indicator_frame(con, min_group_size=minimum),
                indicator_frame(con, min_group_size=minimum, suppress=False))
    finally:
        con.close()


PROPERTY_SETTINGS = settings(max_examples=40, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(workforce_rows, spells, incidents, exits, st.integers(5, 25))
def test_suppression_never_exposes_and_never_isolates(workforce, spell_rows, incident_rows,
                                                      exit_rows, minimum):
    shown, full = frames_for(workforce, spell_rows, incident_rows, exit_rows, minimum)
    hidden = shown[shown["suppressed"]]
    assert hidden["numerator"].isna().all()
    assert hidden["value"].isna().all()
    # the same cells are flagged with and without hiding
    assert shown["suppressed"].tolist() == full["suppressed"].tolist()
    # every cell below the minimum is suppressed
    assert shown.loc[shown["headcount"] < minimum, "suppressed"].all()
    # ALL minus the shown departments never isolates hidden departments with people
    # holding fewer than the minimum (tests/test_privacy.py checks every total)
    departments = shown[(shown["department"] != "ALL") & (shown["indicator"] == "turnover_rate")]
    all_shown = ~shown[(shown["department"] == "ALL")
                       & (shown["indicator"] == "turnover_rate")].set_index("month")["suppressed"]
    hidden_people = departments[departments["suppressed"] & (departments["headcount"] > 0)]
    for month, people in hidden_people.groupby("month")["headcount"].sum().items():
        assert people >= minimum or not all_shown[month], month
    # unsuppressed rows show the full figures
    visible = ~shown["suppressed"]
    pandas.testing.assert_series_equal(shown.loc[visible, "value"], full.loc[visible, "value"])


@PROPERTY_SETTINGS
@given(workforce_rows, spells, incidents, exits)
def test_all_is_the_sum_of_its_parts(workforce, spell_rows, incident_rows, exit_rows):
    _, full = frames_for(workforce, spell_rows, incident_rows, exit_rows, 10)
    parts = full[full["department"] != "ALL"]
    totals = full[full["department"] == "ALL"].set_index(["month", "indicator"])
    # accident rates sum only the departments that report hours, hours per FTE those that
    # report hours and FTE (denominator > 0)
    in_all = ~parts["indicator"].isin(PER_HOURS | {"hours_per_fte"}) | (parts["denominator"] > 0)
    sums = parts[in_all].groupby(["month", "indicator"])[["numerator", "denominator"]].sum()
    headcounts = parts.groupby(["month", "indicator"])["headcount"].sum()
    for key, total in totals.iterrows():
        if key[1] == "hours_per_fte" and key not in sums.index:
            assert math.isnan(total["numerator"]) and math.isnan(total["denominator"]), key
            continue
        numerator = sums["numerator"].get(key, 0.0)
        assert math.isclose(total["numerator"], numerator, abs_tol=1e-9), key
        if key[1] in PER_HOURS and key not in sums.index:
            assert math.isnan(total["denominator"]), key
        else:
            assert math.isclose(total["denominator"], sums["denominator"][key], rel_tol=1e-12), key
        assert total["headcount"] == headcounts[key]


# A day-by-day reference for the absence numerators -------------------------------

@functools.cache
def is_working(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in belgian_holidays(day.year)


def month_end(month: dt.date) -> dt.date:
    return (pandas.Timestamp(month) + pandas.offsets.MonthEnd(0)).date()


def reference_absences(workforce, spell_rows):
    """{(month, department): (working days absent, episodes started, long-term)}."""
    data_end = month_end(max(month for month, _ in workforce))
    by_employee = defaultdict(list)
    for (employee, offset), (department, length) in spell_rows.items():
        start = ORIGIN + dt.timedelta(days=offset)
        end = data_end if length is None else min(start + dt.timedelta(days=length), data_end)
        by_employee[employee].append((start, end, department))
    episodes = []                  # (start, end, department)
    for employee_spells in by_employee.values():
        days = {}
        for start, end, department in sorted(employee_spells):
            day = start
            while day <= end:
                days.setdefault(day, department)
                day += dt.timedelta(days=1)
        current = None
        for day in sorted(days):
            gap = [] if current is None else [
                current[1] + dt.timedelta(days=step)
                for step in range(1, (day - current[1]).days)
            ]
            if current is not None and not any(is_working(between) for between in gap):
                current[1] = day
            else:
                if current is not None:
                    episodes.append(tuple(current))
                current = [day, day, days[day]]
        if current is not None:
            episodes.append(tuple(current))
    result = defaultdict(lambda: [0, 0, 0])
    for start, end, department in episodes:
        for month, cell_department in workforce:
            if cell_department != department:
                continue
            last = month_end(month)
            day = max(start, month)
            while day <= min(end, last):
                result[(month, department)][0] += is_working(day)
                day += dt.timedelta(days=1)
            result[(month, department)][1] += month <= start <= last
            result[(month, department)][2] += start <= last <= end and (last - start).days + 1 > 120
    return result


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workforce_rows, spells)
def test_absence_numerators_match_a_day_by_day_count(workforce, spell_rows):
    _, full = frames_for(workforce, spell_rows, [], [], 10)
    expected = reference_absences(workforce, spell_rows)
    parts = full[full["department"] != "ALL"].set_index(["month", "department", "indicator"])
    for (month, department) in workforce:
        days, starts, long_term = expected.get((month, department), (0, 0, 0))
        assert parts.loc[(month, department, "absence_rate"), "numerator"] == days
        assert parts.loc[(month, department, "absence_frequency"), "numerator"] == starts
        assert parts.loc[(month, department, "long_term_absentees"), "numerator"] == long_term
