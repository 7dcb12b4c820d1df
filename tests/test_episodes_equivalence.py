"""The employee-window indicators (signals.measures.episodes) give exactly what the query
before their speed rewrite gave (tests/episodes_v1.py, frozen), on random organisations.

Random spells stress what the rewrite relies on: many spells per employee (more than the
old query's twelve lags reach), overlapping and touching spells, spells across weekends,
long and open spells, employees who move department, departments without workforce rows,
spells before the first and after the last workforce month, months a department misses.
"""

import datetime as dt

import episodes_v1
import numpy
import pandas
import pytest

from signals import store
from signals.measures import indicators
from signals.measures.indicators import indicator_frame

FIRST_MONTH = dt.date(2022, 1, 1)
MONTHS = 30
DEPARTMENTS = ["A", "B", "C", "D", "E"]
EPISODE_INDICATORS = ["long_absence_risk", "frequent_absence", "relapse_rate"]


def month_start(offset: int) -> dt.date:
    return dt.date(FIRST_MONTH.year + (FIRST_MONTH.month - 1 + offset) // 12,
                   (FIRST_MONTH.month - 1 + offset) % 12 + 1, 1)


def random_spells(rng, employees: int) -> list[tuple]:
    """(employee, department, start, end or None), unique on (employee, start)."""
    rows = {}
    origin = FIRST_MONTH - dt.timedelta(days=200)
    horizon = (month_start(MONTHS) - origin).days + 120
    for employee in range(employees):
        home = rng.choice(DEPARTMENTS + ["Z"])          # Z never has a workforce row
        start = int(rng.integers(0, 300))
        for _ in range(int(rng.integers(1, 40))):
            # gaps of 0-3 days touch, overlap (negative) or cross a weekend; some are long
            start += int(rng.choice([-5, -1, 0, 1, 2, 3, 4, 10, 25, 60, 150, 400]))
            start = max(start, 0)
            if start >= horizon:
                break
            length = int(rng.choice([1, 1, 2, 3, 5, 8, 14, 20, 29, 30, 45, 60, 90, 101, 150]))
            department = home if rng.random() < 0.8 else rng.choice(DEPARTMENTS + ["Z"])
            day = origin + dt.timedelta(days=start)
            end = None if rng.random() < 0.03 else day + dt.timedelta(days=length - 1)
            rows[(f"e{employee}", day)] = (department, end)
            start += length
    return [(employee, department, day, end) for (employee, day), (department, end)
            in rows.items()]


def build(db_path, seed: int) -> None:
    rng = numpy.random.default_rng(seed)
    with store.connect(db_path) as con:
        for offset in range(MONTHS):
            for department in DEPARTMENTS:
                if rng.random() < 0.9:                  # some months missing
                    con.execute("INSERT INTO workforce VALUES (?, ?, ?, NULL, NULL, 1)",
                                [month_start(offset), department, int(rng.integers(0, 40))])
        con.executemany("INSERT INTO absences VALUES (?, ?, ?, ?, 'illness', 1)",
                        random_spells(rng, int(rng.integers(5, 40))))


def frames(db_path, monkeypatch) -> tuple[pandas.DataFrame, pandas.DataFrame]:
    with store.connect(db_path) as con:
        new = indicator_frame(con, suppress=False)
        monkeypatch.setattr(indicators, "EMPLOYEE_WINDOW_SQL", episodes_v1.EMPLOYEE_WINDOW_SQL)
        old = indicator_frame(con, suppress=False)
    return new, old


@pytest.mark.parametrize("seed", range(12))
def test_same_indicators_as_the_old_query(db_path, monkeypatch, seed):
    build(db_path, seed)
    new, old = frames(db_path, monkeypatch)
    pandas.testing.assert_frame_equal(new, old)
    rows = old[old["indicator"].isin(EPISODE_INDICATORS)]
    # the random data reaches every indicator (else the comparison would prove little)
    if seed == 0:
        assert (rows.groupby("indicator")["numerator"].sum() > 0).all()
