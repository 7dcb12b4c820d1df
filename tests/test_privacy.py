"""Small-group suppression: the rule on frames, and applied by indicator_frame."""

import datetime as dt
import io
import itertools
import math
import re

import duckdb
import pandas
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from signals import config, store
from signals.measures.indicators import FORMULAS, indicator_frame
from signals.measures.suppression import WORKFORCE_DIFFERENCES, suppress, suppressed_cells

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


def test_two_small_departments_below_the_minimum_together_need_a_complement():
    # A and B (3 + 4 = 7 people) are below 10 together: ALL minus C and D would show them
    assert suppressed_names(cells(JUNE, {"A": 3, "B": 4, "C": 11, "D": 20})) == {"A", "B", "C"}


def test_two_small_departments_reaching_the_minimum_together_need_no_complement():
    assert suppressed_names(cells(JUNE, {"A": 4, "B": 6, "C": 11, "D": 20})) == {"A", "B"}


def test_all_suppressed_below_minimum():
    # ALL = 3 + 4 = 7 < 10; both departments are small themselves
    assert suppressed_names(cells(JUNE, {"A": 3, "B": 4})) == {"ALL", "A", "B"}
    # a single small department: it and ALL (same headcount)
    assert suppressed_names(cells(JUNE, {"A": 6})) == {"ALL", "A"}


def test_zero_headcount_is_suppressed_but_hides_nobody():
    # A has no people: suppressed, yet ALL minus B and C reveals nobody
    assert suppressed_names(cells(JUNE, {"A": 0, "B": 20, "C": 30})) == {"A"}


def test_an_empty_department_is_not_a_second_hidden_department():
    # issue 11: the team of 6 beside a department with headcount 0; hidden before: A and Z
    # only, so ALL minus B and C gave A on every indicator
    assert suppressed_names(cells(JUNE, {"A": 6, "Z": 0, "B": 30, "C": 40})) == {"A", "Z", "B"}


def test_ties_go_to_the_first_name():
    assert suppressed_names(cells(JUNE, {"Small": 6, "Mid": 12, "Alpha": 12})) == {"Small", "Alpha"}


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
    assert suppressed_names(frame, 21) == {"A", "B"}   # B 20 < 21 too: 25 together
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
    assert set(indicator_frame(con, min_group_size=5).query("suppressed")["department"]) == {
        "A", "B"}                                    # A (4): B, the smallest other, hides it
    monkeypatch.setenv("SIGNALS_MIN_GROUP_SIZE", "16")
    # A (4), B (12) and C (15) below 16; ALL (31) is not
    assert set(indicator_frame(con).query("suppressed")["department"]) == {"A", "B", "C"}
    store.set_meta(con, "min_group_size", "5")       # the database setting wins
    assert set(indicator_frame(con).query("suppressed")["department"]) == {"A", "B"}
    store.set_meta(con, "min_group_size", "40")      # ALL (31) below 40
    assert set(indicator_frame(con).query("suppressed")["department"]) == {"ALL", "A", "B", "C"}


# The variants, the rounds and the reasons -----------------------------------

def add_department(con, month, department, headcount, hours=None):
    con.execute("INSERT INTO workforce VALUES (?, ?, ?, NULL, ?, 1)",
                [month, department, headcount, hours])


def add_accident(con, incident_id, department, days_lost):
    con.execute("INSERT INTO incidents VALUES (?, ?, ?, 'work_accident', ?, 1)",
                [incident_id, dt.date(2024, 6, 12), department, days_lost])


def frame_rows(frame, department, indicator):
    found = frame[(frame["department"] == department) & (frame["indicator"] == indicator)]
    assert len(found) == 1
    return found.iloc[0]


ACCIDENT_RATES = ("accident_frequency_rate", "accident_severity_rate")


def test_small_team_with_hours_beside_a_team_without_hours(con):
    # issue 11: A (6) gives hours, B (12) does not. Before, only B hid A from ALL, but
    # ALL's accident rates add up A alone: ALL showed A's accidents and days lost.
    add_department(con, JUNE, "A", 6, 900.0)
    add_department(con, JUNE, "B", 12)
    add_accident(con, "i1", "A", 7)
    add_accident(con, "i2", "B", 3)
    frame = indicator_frame(con)
    assert frame_rows(frame, "A", "turnover_rate")["suppression_reason"] == "small"
    assert frame_rows(frame, "B", "turnover_rate")["suppression_reason"] == "complementary"
    for indicator in ACCIDENT_RATES:
        total = frame_rows(frame, "ALL", indicator)
        assert total["suppressed"] and total["suppression_reason"] == "small"
        assert math.isnan(total["numerator"]) and math.isnan(total["value"])
    # ALL's other figures (18 people) stay shown
    assert not frame_rows(frame, "ALL", "turnover_rate")["suppressed"]


def test_all_of_the_accident_rates_shown_when_those_giving_hours_are_enough(con):
    add_department(con, JUNE, "A", 6, 900.0)
    add_department(con, JUNE, "B", 12, 1800.0)
    add_department(con, JUNE, "C", 30)
    add_accident(con, "i1", "A", 7)
    frame = indicator_frame(con)
    # A is small; B, the smallest other (it gives hours), hides it from both totals
    assert set(frame.loc[frame["suppressed"], "department"]) == {"A", "B"}
    assert frame_rows(frame, "ALL", "accident_severity_rate")["numerator"] == 7


def test_small_team_beside_an_empty_department_in_the_indicators(con):
    for department, size in (("A", 6), ("Z", 0), ("B", 30), ("C", 40)):
        add_department(con, JUNE, department, size)
    frame = indicator_frame(con)
    reasons = frame.drop_duplicates("department").set_index("department")["suppression_reason"]
    assert reasons.fillna("shown").to_dict() == {
        "ALL": "shown", "A": "small", "B": "complementary", "C": "shown", "Z": "small"}


def members(rows) -> pandas.DataFrame:
    return pandas.DataFrame(rows, columns=["month", "total", "member", "size"])


def test_a_second_round_for_the_other_total():
    # Round 1: of the short totals' candidates C (11, no hours) is the smallest; the
    # accident total (A, B, D give hours) is still short, so round 2 adds B.
    rows = [(JUNE, "all", name, size) for name, size in (("A", 6), ("B", 12), ("C", 11), ("D", 50))]
    rows += [(JUNE, "hours", name, size) for name, size in (("A", 6), ("B", 12), ("D", 50))]
    result = suppress(members(rows), 10)
    assert result.rounds == 2
    flags = result.members.to_pandas().set_index("member")["reason"].fillna("shown")
    assert flags.to_dict() == {"A": "small", "B": "complementary", "C": "complementary",
                               "D": "shown"}
    assert not result.totals.to_pandas()["suppressed"].any()


def test_a_total_below_the_minimum_is_suppressed_and_takes_no_complement():
    rows = [(JUNE, "all", "A", 6), (JUNE, "all", "B", 40), (JUNE, "hours", "A", 6)]
    result = suppress(members(rows), 10)
    totals = result.totals.to_pandas().set_index("total")["suppressed"]
    assert totals.to_dict() == {"all": False, "hours": True}
    assert result.members.to_pandas().set_index("member")["reason"].to_dict() == {
        "A": "small", "B": "complementary"}       # B for the shown total over everyone


def test_the_rule_takes_any_group_key():
    # the same rule per month and measure (contract v2: observations with their base)
    rows = pandas.DataFrame({
        "month": [JUNE] * 4, "measure": ["back", "back", "back", "stress"],
        "total": "all", "member": ["A", "B", "C", "A"], "size": [6, 12, 30, 6]})
    result = suppress(rows, 10, keys=("month", "measure")).members.to_pandas()
    assert set(map(tuple, result.loc[result["reason"].notna(), ["measure", "member"]]
                   .to_numpy())) == {("back", "A"), ("back", "B"), ("stress", "A")}


# Two shown totals minus each other (rule 4 of signals.measures.suppression) ----------

def audit_organisation(con):
    """The audit's case: A (6) gives no hours; B (12), C (30), D (40) do. Accidents:
    A 3, B 1, C 2, D 1: ALL of work_accident_rate adds 7, ALL of accident_frequency_rate 4."""
    for department, size, hours in (("A", 6, None), ("B", 12, 1800.0), ("C", 30, 4500.0),
                                    ("D", 40, 6000.0)):
        add_department(con, JUNE, department, size, hours)
    accidents = {"A": 3, "B": 1, "C": 2, "D": 1}
    for department, count in accidents.items():
        for number in range(count):
            add_accident(con, f"{department}{number}", department, 2)


def test_two_totals_do_not_give_away_the_departments_without_hours(con):
    # Before: ALL of work_accident_rate showed 7 accidents and ALL of accident_frequency_rate
    # 4 (the departments giving hours): 7 - 4 = 3, A's accidents exactly.
    audit_organisation(con)
    frame = indicator_frame(con, min_group_size=10)
    assert frame_rows(frame, "ALL", "work_accident_rate")["numerator"] == 7
    for indicator in ACCIDENT_RATES:
        total = frame_rows(frame, "ALL", indicator)
        assert total["suppressed"] and total["suppression_reason"] == "complementary"
        assert math.isnan(total["numerator"]) and math.isnan(total["value"])
        assert total["denominator"] == 12_300     # hours are shown, as for every row
    reasons = frame.drop_duplicates("department").set_index("department")["suppression_reason"]
    assert reasons.fillna("shown").to_dict() == {
        "ALL": "shown", "A": "small", "B": "complementary", "C": "shown", "D": "shown"}
    assert not frame_rows(frame, "ALL", "hours_per_fte")["numerator"] > 0   # no FTE given


def test_two_totals_on_the_command_line(db_path, capsys):
    from signals.__main__ import main

    with store.connect(db_path) as connection:
        audit_organisation(connection)
    assert main(["indicators", "--db", str(db_path)]) == 0
    rows = pandas.read_csv(io.StringIO(capsys.readouterr().out), dtype=str, keep_default_na=False)
    rows = rows.set_index(["department", "indicator"])
    assert rows.loc[("ALL", "work_accident_rate"), "numerator"] == "7"
    for indicator in ACCIDENT_RATES:
        assert rows.loc[("ALL", indicator), "suppressed"] == "true"
        assert rows.loc[("ALL", indicator), "numerator"] == ""
        assert rows.loc[("ALL", indicator), "value"] == ""
    shown = rows[rows["suppressed"] == "false"]
    # no shown accident count minus another is A's 3
    counts = shown.loc[shown.index.get_level_values("indicator").isin(
        ["work_accident_rate", "accident_frequency_rate"]), "numerator"].astype(float)
    assert 3 not in {first - second for first, second in itertools.permutations(counts, 2)}


def test_a_hidden_department_between_the_two_totals_protects_the_small_one():
    # A (6, no hours) and E (15, no hours, hidden for 'all') lie between the totals: 21 people
    rows = [(JUNE, "all", name, size)
            for name, size in (("A", 6), ("E", 15), ("C", 30), ("D", 40))]
    rows += [(JUNE, "hours", name, size) for name, size in (("C", 30), ("D", 40))]
    result = suppress(members(rows), 10, differences=WORKFORCE_DIFFERENCES)
    flags = result.members.to_pandas().set_index("member")["reason"].fillna("shown")
    assert flags.to_dict() == {"A": "small", "C": "shown", "D": "shown", "E": "complementary"}
    assert not result.totals.to_pandas()["suppressed"].any()


def test_the_narrower_total_is_suppressed_when_only_a_small_group_lies_between():
    rows = [(JUNE, "all", name, size) for name, size in (("A", 6), ("B", 12), ("C", 30))]
    rows += [(JUNE, "hours", name, size) for name, size in (("B", 12), ("C", 30))]
    totals = suppress(members(rows), 10, differences=WORKFORCE_DIFFERENCES).totals.to_pandas()
    totals = totals.set_index("total")
    assert totals["reason"].fillna("shown").to_dict() == {"all": "shown", "hours": "complementary"}
    assert totals["suppressed"].to_dict() == {"all": False, "hours": True}
    # without the pair (another family of totals), both stay shown
    assert not suppress(members(rows), 10).totals.to_pandas()["suppressed"].any()


def test_an_empty_department_between_the_totals_reveals_nobody():
    rows = [(JUNE, "all", name, size) for name, size in (("Z", 0), ("B", 12), ("C", 30))]
    rows += [(JUNE, "hours", name, size) for name, size in (("B", 12), ("C", 30))]
    totals = suppress(members(rows), 10, differences=WORKFORCE_DIFFERENCES).totals.to_pandas()
    assert not totals["suppressed"].any()


def quantity(expression: str) -> str:
    """The stored column an indicator formula adds up (`headcount * working_days`: H)."""
    found = re.search(r"THEN (\w+) END", expression) or re.match(r"\w+", expression)
    return found.group(1) if found.re.groups else found.group(0)


def test_every_pair_of_totals_sharing_a_hidden_quantity_is_declared():
    # a numerator is hidden on a suppressed row; denominators (H, hours, FTE) are shown
    totals_of = {}
    for formula in FORMULAS.values():
        totals_of.setdefault(quantity(formula.numerator), set()).add(formula.total)
    sharing = {frozenset(pair) for totals in totals_of.values()
               for pair in itertools.combinations(sorted(totals), 2)}
    assert sharing == {frozenset(pair) for pair in WORKFORCE_DIFFERENCES}


# The minimum group size: never below 5 -------------------------------------------

@pytest.mark.parametrize("value", ["0", "1", "-5", "4", "abc", "7.5"])
def test_environment_minimum_below_five_or_not_a_number_is_refused(monkeypatch, value):
    monkeypatch.setenv("SIGNALS_MIN_GROUP_SIZE", value)
    with pytest.raises(config.ConfigError, match="SIGNALS_MIN_GROUP_SIZE"):
        config.min_group_size()


def test_environment_minimum_of_five_or_more_is_used(monkeypatch):
    monkeypatch.setenv("SIGNALS_MIN_GROUP_SIZE", "5")
    assert config.min_group_size() == 5
    monkeypatch.setenv("SIGNALS_MIN_GROUP_SIZE", "")
    assert config.min_group_size() == 10


def test_no_code_path_suppresses_with_a_minimum_below_five(con):
    fill(con, {"A": 4, "B": 12, "C": 15})
    with pytest.raises(config.ConfigError):
        indicator_frame(con, min_group_size=4)
    with pytest.raises(config.ConfigError):
        suppressed_cells(cells(JUNE, {"A": 3, "B": 20}), 0)
    with pytest.raises(config.ConfigError):
        store.set_min_group_size(con, 1)
    # a setting stored by an older version below the floor counts as the floor
    store.set_meta(con, "min_group_size", "2")
    assert store.min_group_size(con) == 5
    assert store.set_min_group_size(con, "12") == 12 and store.min_group_size(con) == 12


@pytest.mark.parametrize("value", ["0", "1", "-5", "abc"])
def test_command_line_refuses_a_minimum_below_five(db_path, monkeypatch, capsys, value):
    from signals.__main__ import main

    with store.connect(db_path) as connection:
        fill(connection, {"A": 4, "B": 12, "C": 15})
    monkeypatch.setenv("SIGNALS_MIN_GROUP_SIZE", value)
    for command in ("indicators", "alerts"):
        assert main([command, "--db", str(db_path)]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.count("\n") == 1 and "SIGNALS_MIN_GROUP_SIZE" in captured.err
        assert "Traceback" not in captured.err


def test_command_line_exit_status_without_traceback(db_path, tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    with store.connect(db_path) as connection:
        fill(connection, {"A": 4, "B": 12, "C": 15})
    environment = dict(os.environ, SIGNALS_MIN_GROUP_SIZE="abc")
    finished = subprocess.run([sys.executable, "-m", "signals", "indicators", "--db", str(db_path)],
                              capture_output=True, text=True, env=environment,
                              cwd=Path(__file__).resolve().parent.parent)
    assert finished.returncode == 2
    assert finished.stdout == "" and "Traceback" not in finished.stderr
    assert finished.stderr.startswith("error: SIGNALS_MIN_GROUP_SIZE")


def test_indicators_command_honours_the_rule(db_path, capsys):
    from signals.__main__ import main

    with store.connect(db_path) as connection:
        add_department(connection, JUNE, "A", 6, 900.0)
        add_department(connection, JUNE, "B", 12)
        add_accident(connection, "i1", "A", 7)
    assert main(["indicators", "--db", str(db_path)]) == 0
    rows = pandas.read_csv(io.StringIO(capsys.readouterr().out), dtype=str, keep_default_na=False)
    rows = rows.set_index(["department", "indicator"])
    for department in ("A", "B"):
        assert (rows.loc[department, "suppressed"] == "true").all()
        assert (rows.loc[department, "value"] == "").all()
    for indicator in ACCIDENT_RATES:
        assert rows.loc[("ALL", indicator), "suppressed"] == "true"
        assert rows.loc[("ALL", indicator), "numerator"] == ""
    assert rows.loc[("ALL", "turnover_rate"), "suppressed"] == "false"


# Property: no shown total minus its shown parts isolates a small hidden group ---------

PER_HOURS = set(ACCIDENT_RATES) | {"hours_per_fte"}
organisations = st.dictionaries(
    keys=st.tuples(st.sampled_from([JUNE, JULY]), st.sampled_from("ABCDEFGHIJ")),
    values=st.tuples(st.integers(0, 40), st.booleans(), st.booleans()),  # H, hours, FTE
    min_size=1, max_size=14,
)
# the departments each total adds up, from (H, gives hours, gives FTE)
TOTAL_MEMBERS = {"all": lambda gives: True, "hours": lambda gives: gives[1],
                 "hours_fte": lambda gives: gives[1] and gives[2]}


def isolated_people(departments, sizes: dict[str, int]) -> int:
    return sum(sizes[name] for name in departments if sizes[name] > 0)


def assert_no_difference_isolates_a_small_group(frame, organisation, minimum):
    """For every quantity a formula adds up: the departments whose value shows (a shown
    numerator, or a denominator), the shown totals of it ('ALL' rows, with the set of
    departments each adds up); no total minus the shown parts, and no total minus
    another total minus the shown parts, may leave hidden departments holding 1 to
    minimum - 1 people."""
    for month, rows in frame.groupby("month"):
        gives = {name: organisation[(month, name)] for name in rows["department"]
                 if name != "ALL"}
        sizes = {name: given[0] for name, given in gives.items()}
        known, totals = {}, {}
        for indicator, formula in FORMULAS.items():
            of_indicator = rows[rows["indicator"] == indicator].set_index("department")
            members = frozenset(name for name, given in gives.items()
                                if TOTAL_MEMBERS[formula.total](given))
            for part, shows in (("numerator", ~of_indicator["suppressed"]),
                                ("denominator", of_indicator["denominator"].notna())):
                name = quantity(getattr(formula, part))
                known.setdefault(name, set()).update(
                    department for department in of_indicator.index[shows] if department != "ALL")
                if "ALL" in of_indicator.index and shows["ALL"]:
                    totals.setdefault(name, set()).add(members)
        for name, shown_totals in totals.items():
            for total in shown_totals:
                people = isolated_people(total - known[name], sizes)
                assert people == 0 or people >= minimum, (month, name, sorted(total))
            for first, second in itertools.permutations(shown_totals, 2):
                if second - first <= known[name]:
                    people = isolated_people(first - second - known[name], sizes)
                    assert people == 0 or people >= minimum, (
                        month, name, sorted(first), sorted(second))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(organisations, st.integers(5, 20))
def test_no_shown_total_minus_shown_parts_isolates_a_small_group(organisation, minimum):
    con = duckdb.connect()
    store.migrate(con)
    con.executemany("INSERT INTO workforce VALUES (?, ?, ?, ?, ?, 1)",
                    [[month, department, size, 0.8 * size + 0.5 if fte else None,
                      150.0 * size + 1 if hours else None]
                     for (month, department), (size, hours, fte) in organisation.items()])
    frame = indicator_frame(con, min_group_size=minimum)
    con.close()
    assert_no_difference_isolates_a_small_group(frame, organisation, minimum)
    hidden = frame[frame["suppressed"]]
    assert hidden["numerator"].isna().all() and hidden["value"].isna().all()
    for (month, indicator), rows in frame.groupby(["month", "indicator"]):
        parts = rows[rows["department"] != "ALL"]
        total = rows[rows["department"] == "ALL"].iloc[0]
        if indicator in PER_HOURS:      # ALL of the accident rates adds those giving hours
            total_of = TOTAL_MEMBERS[FORMULAS[indicator].total]
            parts = parts[[total_of(organisation[(month, name)]) for name in parts["department"]]]
        assert parts.loc[parts["headcount"] < minimum, "suppressed"].all()
        own_size = parts["headcount"].sum()
        if len(parts) and own_size < minimum:
            assert total["suppressed"], (month, indicator)
        if total["suppressed"]:
            continue
        # what ALL minus the shown parts reveals: the hidden parts, with people
        isolated = parts[parts["suppressed"] & (parts["headcount"] > 0)]
        assert isolated.empty or isolated["headcount"].sum() >= minimum, (month, indicator)
    # a department is hidden for all its indicators or for none
    departments = frame[frame["department"] != "ALL"]
    assert (departments.groupby(["month", "department"])["suppressed"].nunique() == 1).all()
