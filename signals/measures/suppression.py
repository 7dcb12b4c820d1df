"""Small-group suppression (CONTRACT.md section 2, "Small groups"): the rule lives here only.

The rule is written for any family of totals, so indicators, observation measures and
survey domains can share it. Its input has one row per (group, total, member):

- a group is what one set of totals is computed for (a month for the indicators; a month
  and measure, or a survey date and domain, later): the `keys` columns;
- a total is one shown sum over members of the group (`ALL` over every department, `ALL`
  of the accident rates over the departments that give hours): column `total`;
- a member (a department) has a size (H, a base, respondents): columns `member`, `size`.
  A member appears once for every total that adds it up, with the same size.

Within a group:
1. a member whose size is below the minimum is suppressed (reason "small");
2. a total is itself suppressed when its own size (the sum of its members) is below the
   minimum;
3. a shown total is short when the suppressed members it adds up include one with
   size > 0 and their sizes together are below the minimum; every round, of the
   shown members with size > 0 of the short totals, the smallest (ties: the first by
   name) is suppressed too (reason "complementary"), one per group and round, until no
   total is short. A member suppressed for one total is suppressed for all of them;
4. two shown totals that add up the same quantity (`differences`: the indicators'
   `ALL` and `ALL` of the accident rates both add up lost-time accidents) give away their
   difference: the members one adds up and the other does not. When every member only the
   second adds up is shown, the first minus the second minus the shown members isolates
   the suppressed members only the first adds up; if they include one with size > 0 and
   their sizes together are below the minimum, the pair is short, and the total of the
   pair with the smaller size (ties: the last by name) is suppressed (reason
   "complementary"), one per group and round, until no pair is short. Suppressing the
   narrower total hides fewer figures than a further member would (the organisation's
   accident rates, not a department's every indicator), and no member can help when only
   the small member lies between the two.

Each round is one set operation over all groups. A complementary member is never below
the minimum, so it alone makes every total it is in reach the minimum: a group needs at
most one round per total, plus one to find it stable. Rule 4 runs after rule 3: a
suppressed total removes constraints and adds none, so rule 3 stays satisfied.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb
import numpy
import pandas
import pyarrow

from ..config import check_min_group_size

SMALL = "small"
COMPLEMENTARY = "complementary"
REASONS = (SMALL, COMPLEMENTARY)

# Which members of a month each indicator total adds up (see indicators.FORMULAS).
TOTAL_ALL = "all"           # every department: the H-based indicators
TOTAL_HOURS = "hours"       # departments with hours_worked > 0: the accident rates
TOTAL_HOURS_FTE = "hours_fte"   # departments with hours_worked > 0 and fte > 0: hours per FTE

WORKFORCE_MEMBERS_SQL = f"""
    SELECT month, '{TOTAL_ALL}' AS total, department AS member, headcount AS size
    FROM workforce
    UNION ALL
    SELECT month, '{TOTAL_HOURS}', department, headcount
    FROM workforce
    WHERE hours_worked > 0
    UNION ALL
    SELECT month, '{TOTAL_HOURS_FTE}', department, headcount
    FROM workforce
    WHERE hours_worked > 0 AND fte > 0
"""

# Pairs of indicator totals that add up one quantity whose departments' values are hidden
# when suppressed (a numerator): lost_time_accidents, in work_accident_rate (all) and
# accident_frequency_rate (hours). The other pairs share only hours worked (accident
# rates' denominator, hours_per_fte's numerator) or H, which every department row shows
# as its denominator even when suppressed: their difference reveals nothing hidden.
# tests/test_privacy.py checks this list against indicators.FORMULAS.
WORKFORCE_DIFFERENCES = ((TOTAL_ALL, TOTAL_HOURS),)


@dataclass(frozen=True)
class SuppressionTables:
    """Temporary tables of one suppression, in the connection that computed it:
    hidden: keys, member, reason; one row per suppressed member;
    totals: keys, total, size, suppressed, reason (SMALL: own size below the minimum,
    COMPLEMENTARY: rule 4; missing when shown); one row per total of each group;
    rounds: the complementary rounds that added a member."""
    hidden: str
    totals: str
    rounds: int


@contextmanager
def suppression_tables(con, members: str, minimum: int, keys: Sequence[str] = ("month",),
                       differences: Sequence[tuple[str, str]] = ()
                       ) -> Iterator[SuppressionTables]:
    """The suppression of every member and total of the relation `members` (a table name or
    a parenthesised SELECT readable in `con`, with the `keys` columns, total, member, size),
    as temporary tables of `con`, dropped on leaving. `differences`: the pairs of totals of
    rule 4 (in either order). Temporary tables work on a read-only connection too; their
    names are unique, so calls do not meet."""
    minimum = check_min_group_size(minimum)
    key = ", ".join(keys)
    tag = uuid.uuid4().hex
    names = {name: f"suppression_{name}_{tag}" for name in ("members", "totals", "hidden")}
    parameters = {"minimum": minimum}
    try:
        con.execute(f"""
            CREATE TEMP TABLE {names["members"]} AS
            SELECT {key}, total::VARCHAR AS total, member::VARCHAR AS member,
                   size::BIGINT AS size
            FROM {members}
        """)
        con.execute(f"""
            CREATE TEMP TABLE {names["totals"]} AS
            SELECT {key}, total, sum(size)::BIGINT AS size, sum(size) < $minimum AS suppressed,
                   CASE WHEN sum(size) < $minimum THEN '{SMALL}' END AS reason
            FROM {names["members"]} GROUP BY ALL
        """, parameters)
        con.execute(f"""
            CREATE TEMP TABLE {names["hidden"]} AS
            SELECT DISTINCT {key}, member, '{SMALL}' AS reason
            FROM {names["members"]} WHERE size < $minimum
        """, parameters)
        rounds = _complementary_rounds(con, names, key, parameters)
        if differences:
            _difference_rounds(con, names, keys, parameters, differences)
        yield SuppressionTables(names["hidden"], names["totals"], rounds)
    finally:
        for name in names.values():
            con.execute(f"DROP TABLE IF EXISTS {name}")


def _complementary_rounds(con, names: dict[str, str], key: str, parameters: dict) -> int:
    """Add complementary members, one per group and round, until no shown total is short;
    returns the number of rounds that added one."""
    round_sql = f"""
        INSERT INTO {names["hidden"]}
        WITH state AS (
            SELECT m.*, h.member IS NOT NULL AS hidden
            FROM {names["members"]} AS m
            LEFT JOIN {names["hidden"]} AS h USING ({key}, member)
        ),
        short_totals AS (
            SELECT {key}, total
            FROM state
            JOIN {names["totals"]} AS t USING ({key}, total)
            WHERE NOT t.suppressed
            GROUP BY {key}, total
            HAVING bool_or(hidden AND state.size > 0)
               AND sum(state.size) FILTER (WHERE hidden) < $minimum
        ),
        candidates AS (
            SELECT {key}, member, size
            FROM state
            JOIN short_totals USING ({key}, total)
            WHERE NOT hidden AND size > 0
        )
        SELECT {key}, member, '{COMPLEMENTARY}'
        FROM candidates
        QUALIFY row_number() OVER (PARTITION BY {key} ORDER BY size, member) = 1
    """
    limit = con.execute(f"SELECT count(DISTINCT member) + 1 FROM {names['members']}").fetchone()[0]
    for rounds in range(limit + 1):
        added = con.execute(round_sql, parameters).fetchone()[0]
        if not added:
            return rounds
    raise RuntimeError("small-group suppression did not become stable")


def _difference_rounds(con, names: dict[str, str], keys: Sequence[str], parameters: dict,
                       differences: Sequence[tuple[str, str]]) -> None:
    """Rule 4: suppress totals, one per group and round, until no pair of shown totals of
    `differences` is short."""
    key = ", ".join(keys)
    pairs = ", ".join(f"('{first}', '{second}'), ('{second}', '{first}')"
                      for first, second in differences)
    same_group = " AND ".join(f"t.{name} = chosen.{name}" for name in keys)
    round_sql = f"""
        UPDATE {names["totals"]} AS t SET suppressed = TRUE, reason = '{COMPLEMENTARY}'
        FROM (
            WITH state AS (
                SELECT m.*, h.member IS NOT NULL AS hidden
                FROM {names["members"]} AS m
                LEFT JOIN {names["hidden"]} AS h USING ({key}, member)
            ),
            shown_pairs AS (
                -- first minus second, both shown
                SELECT {key}, a.total AS first, b.total AS second,
                       a.size AS first_size, b.size AS second_size
                FROM {names["totals"]} AS a
                JOIN {names["totals"]} AS b USING ({key})
                JOIN (VALUES {pairs}) AS p(first, second)
                  ON a.total = p.first AND b.total = p.second
                WHERE NOT a.suppressed AND NOT b.suppressed
            ),
            sides AS (
                SELECT {key}, first, second, first_size, second_size, member,
                       any_value(size) AS size, bool_or(hidden) AS hidden,
                       bool_or(total = first) AS in_first, bool_or(total = second) AS in_second
                FROM shown_pairs JOIN state USING ({key})
                WHERE total = first OR total = second
                GROUP BY ALL
            ),
            short_pairs AS (
                SELECT {key}, first, second, first_size, second_size
                FROM sides
                GROUP BY ALL
                HAVING NOT coalesce(bool_or(hidden) FILTER (WHERE in_second AND NOT in_first),
                                    FALSE)
                   AND coalesce(bool_or(hidden AND size > 0)
                                FILTER (WHERE in_first AND NOT in_second), FALSE)
                   AND sum(size) FILTER (WHERE hidden AND in_first AND NOT in_second) < $minimum
            ),
            candidates AS (
                SELECT {key},
                       CASE WHEN second_size < first_size
                                 OR (second_size = first_size AND second > first)
                            THEN second ELSE first END AS total,
                       least(first_size, second_size) AS size
                FROM short_pairs
            )
            SELECT {key}, total FROM candidates
            QUALIFY row_number() OVER (PARTITION BY {key} ORDER BY size, total DESC) = 1
        ) AS chosen
        WHERE {same_group} AND t.total = chosen.total
    """
    limit = con.execute(f"SELECT count(DISTINCT total) + 1 FROM {names['totals']}").fetchone()[0]
    for _ in range(limit + 1):
        if not con.execute(round_sql, parameters).fetchone()[0]:
            return
    raise RuntimeError("small-group suppression of totals did not become stable")


@dataclass(frozen=True)
class Suppression:
    """members: keys, member, reason (missing when shown), one row per member of each group;
    totals: keys, total, size, suppressed, reason, one row per total of each group;
    rounds: the complementary rounds that added a member."""
    members: pyarrow.Table
    totals: pyarrow.Table
    rounds: int


def suppress(members, minimum: int, keys: Sequence[str] = ("month",),
             differences: Sequence[tuple[str, str]] = ()) -> Suppression:
    """suppression_tables over a pandas or Arrow table, its results as Arrow tables."""
    key = ", ".join(keys)
    with duckdb.connect() as con:
        con.register("member_input", members)
        with suppression_tables(con, "member_input", minimum, keys, differences) as tables:
            member_flags = con.sql(f"""
                SELECT {key}, member, h.reason
                FROM (SELECT DISTINCT {key}, member::VARCHAR AS member FROM member_input)
                LEFT JOIN {tables.hidden} AS h USING ({key}, member)
                ORDER BY ALL
            """).to_arrow_table()
            total_flags = con.sql(f"SELECT * FROM {tables.totals} ORDER BY ALL").to_arrow_table()
    return Suppression(member_flags, total_flags, tables.rounds)


def workforce_suppression(con, minimum: int):
    """suppression_tables of every (month, department) of `workforce` for the indicators."""
    return suppression_tables(con, f"({WORKFORCE_MEMBERS_SQL})", minimum,
                              differences=WORKFORCE_DIFFERENCES)


def suppressed_cells(frame: pandas.DataFrame, min_group_size: int) -> pandas.Series:
    """Which rows of `frame` fall in a suppressed cell (a boolean Series on frame's index).

    `frame` needs the columns month, department and headcount, and may have
    reports_hours (the department gives hours worked) and reports_hours_fte (it gives
    hours worked and FTE); it may hold one row per cell or
    several (the long indicator format), department 'ALL' included or not. 'ALL' is
    suppressed when its own headcount is below the minimum.
    """
    return cell_reasons(frame, min_group_size).notna()


def cell_reasons(frame: pandas.DataFrame, min_group_size: int) -> pandas.Series:
    """The suppression reason (SMALL, COMPLEMENTARY) of each row of `frame`, None where
    shown; `frame` as for suppressed_cells."""
    from ..definitions import ALL_DEPARTMENTS

    departments = frame[frame["department"] != ALL_DEPARTMENTS].drop_duplicates(
        ["month", "department"])
    def given(column):
        return (departments[column].to_numpy(dtype=bool) if column in departments
                else numpy.zeros(len(departments), dtype=bool))

    members = pandas.concat([
        pandas.DataFrame({"month": departments["month"][rows], "total": total,
                          "member": departments["department"][rows],
                          "size": departments["headcount"][rows]})
        for total, rows in ((TOTAL_ALL, numpy.ones(len(departments), dtype=bool)),
                            (TOTAL_HOURS, given("reports_hours")),
                            (TOTAL_HOURS_FTE, given("reports_hours_fte")))
    ], ignore_index=True)
    if members.empty:
        return pandas.Series(None, index=frame.index, dtype=object, name="reason")
    result = suppress(members, min_group_size, differences=WORKFORCE_DIFFERENCES)
    reasons = result.members.to_pandas().rename(columns={"member": "department"})
    totals = result.totals.to_pandas()
    all_rows = totals[(totals["total"] == TOTAL_ALL)].assign(
        department=ALL_DEPARTMENTS, reason=lambda rows: rows["suppressed"].map({True: SMALL}))
    reasons = pandas.concat([reasons, all_rows[["month", "department", "reason"]]])
    merged = frame[["month", "department"]].merge(reasons, on=["month", "department"], how="left")
    return pandas.Series(merged["reason"].to_numpy(dtype=object), index=frame.index,
                         name="reason").where(merged["reason"].notna().to_numpy(), None)

