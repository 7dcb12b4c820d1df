"""Small-group suppression: the rule on frames, and applied by indicator_frame."""

import datetime as dt
import math

import pandas
import pytest

from signals import store
from signals.indicators import indicator_frame
from signals.privacy import suppressed_cells

JUNE = dt.date(2024, 6, 1)
JULY = dt.date(2024, 7, 1)


def cells(month, headcounts: dict[str, int]) -> pandas.DataFrame:
    """One row per cell, ALL included with the sum of the headcounts."""
    names = ["ALL", *headcounts]
    return pandas.DataFrame({
        "month": [month] * len(names),
        "department": names,
        "headcount": [sum(headcounts.values()), *headcounts.values()],
    })


def suppressed_names(frame: pandas.DataFrame, minimum: int = 10) -> set[str]:
    flags = suppressed_cells(frame, minimum)
    return set(frame.loc[flags, "department"])


def test_nothing_suppressed_when_every_group_is_large_enough():
    # 10 is the minimum itself: not below it
    assert suppressed_names(cells(JUNE, {"A": 10, "B": 25})) == set()


def test_below_minimum_and_its_complement():
    # A (9) is alone below 10; ALL minus B, C, D would reveal it, so the smallest
    # other, B or C (12 each), is suppressed too: B, first by name
    assert suppressed_names(cells(JUNE, {"C": 12, "A": 9, "B": 12, "D": 30})) == {"A", "B"}


def test_complement_is_the_smallest_other_department():
    assert suppressed_names(cells(JUNE, {"A": 3, "B": 40, "C": 11, "D": 20})) == {"A", "C"}


def test_two_small_departments_need_no_complement():
    assert suppressed_names(cells(JUNE, {"A": 3, "B": 4, "C": 11, "D": 20})) == {"A", "B"}


def test_all_suppressed_below_minimum():
    # ALL = 3 + 4 = 7 < 10; both departments are small themselves
    assert suppressed_names(cells(JUNE, {"A": 3, "B": 4})) == {"ALL", "A", "B"}
    # a single small department: it and ALL (same headcount)
    assert suppressed_names(cells(JUNE, {"A": 6})) == {"ALL", "A"}


def test_zero_headcount_is_below_minimum():
    assert suppressed_names(cells(JUNE, {"A": 0, "B": 20, "C": 30})) == {"A", "B"}


def test_rule_applies_per_month():
    frame = pandas.concat([cells(JUNE, {"A": 5, "B": 20, "C": 30}),
                           cells(JULY, {"A": 10, "B": 20, "C": 30})], ignore_index=True)
    flags = suppressed_cells(frame, 10)
    assert set(map(tuple, frame.loc[flags, ["month", "department"]].to_numpy())) == {
        (JUNE, "A"), (JUNE, "B"),
    }


def test_configurable_minimum():
    frame = cells(JUNE, {"A": 5, "B": 20, "C": 30})
    assert suppressed_names(frame, 5) == set()
    assert suppressed_names(frame, 21) == {"A", "B"}   # B 20 < 21 too: two small, no complement
    assert suppressed_names(frame, 56) == {"ALL", "A", "B", "C"}


def test_long_frame_rows_follow_their_cell():
    # Several rows per cell (one per indicator): every row of a suppressed cell is flagged,
    # and the Series keeps the frame's own index.
    frame = pandas.concat([cells(JUNE, {"A": 5, "B": 20, "C": 30})] * 3).sort_values("department")
    frame.index = range(100, 100 + len(frame))
    flags = suppressed_cells(frame, 10)
    assert list(flags.index) == list(frame.index)
    assert list(frame.loc[flags, "department"]) == ["A"] * 3 + ["B"] * 3


# Applied by indicator_frame -------------------------------------------------------

@pytest.fixture
def con(db_path):
    with store.connect(db_path) as connection:
        yield connection


def fill(con, headcounts: dict[str, int]):
    for department, headcount in headcounts.items():
        con.execute("INSERT INTO workforce VALUES (?, ?, ?, NULL, NULL, 1)",
                    [JUNE, department, headcount])
        # one exit per department, so every numerator is 1
        con.execute("INSERT INTO turnover VALUES (?, ?, ?, 'exit', 'voluntary', 1)",
                    [f"x-{department}", department, dt.date(2024, 6, 10)])


def turnover_rows(frame) -> pandas.DataFrame:
    return frame[frame["indicator"] == "turnover_rate"].set_index("department")


def test_indicator_frame_hides_numerator_and_value_of_suppressed_cells(con):
    fill(con, {"A": 4, "B": 12, "C": 15})
    frame = indicator_frame(con)
    rows = turnover_rows(frame)
    assert set(frame.loc[frame["suppressed"], "department"]) == {"A", "B"}
    for department in ("A", "B"):
        assert math.isnan(rows.loc[department, "numerator"])
        assert math.isnan(rows.loc[department, "value"])
        assert rows.loc[department, "denominator"] == rows.loc[department, "headcount"]
    # A and B still count in ALL: 3 exits / 31 people
    assert rows.loc["ALL", "numerator"] == 3
    assert rows.loc["ALL", "value"] == pytest.approx(100 * 3 / 31)
    assert rows.loc["C", "value"] == pytest.approx(100 / 15)


def test_unsuppressed_frame_keeps_values_and_flags(con):
    fill(con, {"A": 4, "B": 12, "C": 15})
    rows = turnover_rows(indicator_frame(con, suppress=False))
    assert rows.loc["A", "value"] == pytest.approx(25)       # 100 x 1 / 4
    assert bool(rows.loc["A", "suppressed"]) and bool(rows.loc["B", "suppressed"])
    assert not bool(rows.loc["C", "suppressed"])


def test_minimum_from_argument_database_and_environment(con, monkeypatch):
    fill(con, {"A": 4, "B": 12, "C": 15})
    assert not indicator_frame(con, min_group_size=4)["suppressed"].any()
    monkeypatch.setenv("SIGNALS_MIN_GROUP_SIZE", "13")
    # B (12) and A below 13: two small, no complement
    assert set(indicator_frame(con).query("suppressed")["department"]) == {"A", "B"}
    store.set_meta(con, "min_group_size", "3")       # the database setting wins
    assert not indicator_frame(con)["suppressed"].any()
    store.set_meta(con, "min_group_size", "40")      # ALL (31) below 40
    assert set(indicator_frame(con).query("suppressed")["department"]) == {"ALL", "A", "B", "C"}
