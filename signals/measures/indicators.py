"""The indicators of CONTRACT.md section 2, computed in DuckDB SQL.

One query builds, per (month, department) of `workforce`, the numerator and the
denominator of every indicator, adds department 'ALL' per month (sums of the
numerators and of the denominators), and applies small-group suppression
(signals.measures.suppression).

Readings of the contract made here:
- An absence episode belongs to the department of its first spell; all its days,
  its start and its long-term status count there.
- Spells of one employee that overlap, touch, or are separated only by weekends
  and holidays form one episode; its working days are those of the span from its
  first start to its last end (the gaps are non-working, overlaps count once).
- An open spell lasts to the last day of the last month that has a workforce row;
  spells starting after that day are ignored (they cannot show in any month).
- Re-integration: reintegration_request_rate counts `trajectory` requests and
  job_adaptation_request_rate `preventive` and `pre_return_visit` ones, by request_date;
  unfitness_rate counts a request once, in the month of its decision_date when the decision
  is definitive, else of its outcome_date when it ended in medical force majeure.
- long_term_absentees: numerator = value = the number of employees; denominator = H.
  It is a count, not a rate, so it keeps its value where H is 0.
- Accident rates have hours_worked as denominator (NaN where not given). 'ALL' sums
  numerators and hours over the departments that report hours (hours_worked > 0).
- hours_per_fte: hours_worked / fte where a department gives both above 0; 'ALL' adds both
  over those departments (a third total of signals.measures.suppression, TOTAL_HOURS_FTE).
- work_accident_rate counts the accidents of accident_frequency_rate per 100 employees.
- The employee-window indicators (long_absence_risk, frequent_absence, relapse_rate):
  signals.measures.episodes, over the episodes built here.
- Suppression (signals.measures.suppression) is per indicator in the output: a department's row is
  suppressed for all its indicators; 'ALL' for all of them when its H is below the
  minimum, and for the accident rates alone when the H of the departments reporting
  hours is, or when 'ALL' of work_accident_rate minus them would isolate a small hidden
  group (the suppression's rule 4, reason complementary).
"""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass

import duckdb
import numpy
import pandas
import pyarrow

from .. import store
from ..definitions import (
    ALL_DEPARTMENTS,
    CELL_INDICATOR_IDS,
    DEFINITIVE_DECISIONS,
    FORCE_MAJEURE_OUTCOME,
    INDICATOR_CSV_HEADER,
    INDICATOR_IDS,
    INDICATORS,
    JOB_ADAPTATION_TYPES,
    KINDS,
    PSYCHOSOCIAL_CATEGORIES,
)
from . import observations
from . import suppression as privacy
from .calendar import calendar_parameters, calendar_sql
from .episodes import EMPLOYEE_WINDOW_SQL, asof_join_settings

# The spell keys of ABSENCE_SQL count days and working days in 20 bits each.
MAX_CALENDAR_DAYS = 2 ** 20 - 1
CSV_DECIMALS = 6


@dataclass(frozen=True)
class Formula:
    numerator: str        # an SQL expression over the `cells` CTE below
    denominator: str      # an SQL expression over `cells`
    scale: float | None   # value = scale x numerator / denominator; None: value = numerator
    total: str = privacy.TOTAL_ALL   # which departments 'ALL' adds up (signals.privacy)

    @property
    def per_hours_worked(self) -> bool:
        return self.total != privacy.TOTAL_ALL


# hours_per_fte: given where a department gives both hours_worked and fte above 0
HOURS_AND_FTE = "hours_worked > 0 AND fte > 0"


FORMULAS: dict[str, Formula] = {
    "absence_rate": Formula("absence_days", "headcount * working_days", 100),
    "absence_frequency": Formula("episodes_started", "headcount", 100),
    "long_term_absentees": Formula("long_term_absentees", "headcount", None),
    "turnover_rate": Formula("exits", "headcount", 100),
    "voluntary_turnover_rate": Formula("voluntary_exits", "headcount", 100),
    "accident_frequency_rate": Formula("lost_time_accidents", "hours_worked", 1_000_000,
                                       privacy.TOTAL_HOURS),
    "accident_severity_rate": Formula("accident_days_lost", "hours_worked", 1_000,
                                      privacy.TOTAL_HOURS),
    "psychosocial_request_rate": Formula("psychosocial_requests", "headcount", 100),
    "aggression_rate": Formula("aggression_incidents", "headcount", 100),
    "reintegration_request_rate": Formula("reintegration_requests", "headcount", 100),
    "job_adaptation_request_rate": Formula("job_adaptation_requests", "headcount", 100),
    "unfitness_rate": Formula("unfitness_findings", "headcount", 100),
    "harassment_rate": Formula("harassment_incidents", "headcount", 100),
    "serious_event_rate": Formula("serious_events", "headcount", 100),
    "work_accident_rate": Formula("lost_time_accidents", "headcount", 100),
    "long_absence_risk": Formula("long_absence_employees", "headcount", 100),
    "frequent_absence": Formula("frequent_absentees", "headcount", 100),
    "relapse_rate": Formula("relapses", "headcount", 100),
    "hours_per_fte": Formula(f"CASE WHEN {HOURS_AND_FTE} THEN hours_worked END",
                             f"CASE WHEN {HOURS_AND_FTE} THEN fte END", 1,
                             privacy.TOTAL_HOURS_FTE),
}
assert tuple(FORMULAS) == CELL_INDICATOR_IDS, "one formula per contract indicator, in order"

FRAME_COLUMNS = (
    "month", "department", "indicator", "numerator", "denominator", "value",
    "headcount", "suppressed", "suppression_reason",
)
assert observations.FRAME_COLUMNS == FRAME_COLUMNS
INDICATOR_RANK = {indicator: rank for rank, indicator in enumerate(INDICATOR_IDS)}

# Episodes of absence (gaps-and-islands) and their days per month and department.
# Spells are ordered and compared on BIGINT keys instead of PARTITION BY employee: the
# employee number (bits 40-62) above two 20-bit counts from the calendar's first day,
# working days (bits 20-39) and days (bits 0-19). Every key of an employee is below
# every key of the next, so windows over all spells never carry one into the next.
# DuckDB raises an overflow error past 2^23 employees; _query_parameters refuses a
# calendar of 2^20 days or more.
ABSENCE_SQL = """
calendar AS ({calendar}),
calendar_days AS (
    SELECT day, is_working,
           year(day) * 12 + month(day) - 1 AS month_number, last_day(day) AS month_end,
           sum(is_working::INTEGER) OVER (ORDER BY day)::BIGINT AS working_days_through
    FROM calendar
),
month_calendar AS (
    SELECT date_trunc('month', day)::DATE AS month, month_number, month_end,
           count(*) FILTER (WHERE is_working) AS working_days,
           max(working_days_through) AS working_days_through_end,
           max(working_days_through) - count(*) FILTER (WHERE is_working) AS working_days_before
    FROM calendar_days
    GROUP BY ALL
),
employees AS (
    -- a compact number per employee: sorting on it is much cheaper than on the hash text
    SELECT employee_key, row_number() OVER () AS employee_number
    FROM (SELECT DISTINCT employee_key FROM absences)
),
departments AS (
    -- a number per department of the workforce: cheaper than the name to carry and group
    SELECT department, row_number() OVER () AS department_number
    FROM (SELECT DISTINCT department FROM workforce)
),
spells AS (
    -- a spell of a department without workforce rows still joins episodes (number NULL)
    SELECT e.employee_number << 40 AS employee_base, d.department_number, a.start_date,
           least(coalesce(a.end_date, $data_end), $data_end) AS end_date
    FROM absences AS a
    JOIN employees AS e USING (employee_key)
    LEFT JOIN departments AS d USING (department)
    WHERE a.start_date <= $data_end
),
spells_keyed AS (
    SELECT s.department_number, s.start_date,
           first_day.month_number AS start_month_number, first_day.month_end AS start_month_end,
           -- start_key: the start's day; before_key: working days before the start;
           -- through_key: working days through the end, and the end's day
           s.employee_base + (s.start_date - $calendar_start::DATE) AS start_key,
           s.employee_base
             + ((first_day.working_days_through - first_day.is_working::BIGINT) << 20)
               AS before_key,
           s.employee_base + (last_day.working_days_through << 20)
             + (s.end_date - $calendar_start::DATE) AS through_key
    FROM spells AS s
    JOIN calendar_days AS first_day ON first_day.day = s.start_date
    JOIN calendar_days AS last_day ON last_day.day = s.end_date
),
spells_ordered AS MATERIALIZED (
    -- a later spell continues the episode when no working day lies between the latest
    -- end so far and its start: its before_key <= the max through_key so far (the max
    -- holds the latest end: working days through an end grow with the end)
    SELECT *,
           max(through_key) OVER (
               ORDER BY start_key ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
           ) AS through_before,
           lead(before_key) OVER (ORDER BY start_key) AS next_before
    FROM spells_keyed
),
episode_bounds AS MATERIALIZED (
    -- the first and the last spell of every episode (one spell can be both);
    -- 1048575 = 2^20 - 1 masks a 20-bit field of a key
    SELECT *, starts_episode AND ends_episode AND end_date <= start_month_end AS within_month
    FROM (
        SELECT start_key, department_number, start_date, start_month_number, start_month_end,
               (before_key >> 20) & 1048575 AS working_days_before,
               (through_so_far >> 20) & 1048575 AS working_days_through_end,
               $calendar_start::DATE + (through_so_far & 1048575)::INTEGER AS end_date,
               coalesce(before_key > through_before, TRUE) AS starts_episode,
               coalesce(next_before > through_so_far, TRUE) AS ends_episode
        FROM (SELECT *, greatest(through_before, through_key) AS through_so_far FROM spells_ordered)
    )
    WHERE starts_episode OR ends_episode
),
longer_episodes AS MATERIALIZED (
    -- the episodes not within one spell and one month: department and start of the
    -- first spell, end of the latest-ending spell (on the last spell's row, whose
    -- previous row here is the first spell, also when both start on one day)
    SELECT *
    FROM (
        SELECT ends_episode, end_date, working_days_through_end, start_key >> 40 AS employee_number,
               if(starts_episode, department_number, lag(department_number) OVER by_start)
                   AS department_number,
               if(starts_episode, start_date, lag(start_date) OVER by_start) AS start_date,
               if(starts_episode, start_month_number, lag(start_month_number) OVER by_start)
                   AS start_month_number,
               if(starts_episode, working_days_before, lag(working_days_before) OVER by_start)
                   AS working_days_before
        FROM episode_bounds
        WHERE NOT within_month
        WINDOW by_start AS (ORDER BY start_key, ends_episode)
    )
    WHERE ends_episode
),
episode_months AS (
    -- a one-spell episode within one month (most): all its days there, started there,
    -- and not long-term (a month is shorter than 121 days)
    SELECT department_number, start_month_number AS month_number,
           working_days_through_end - working_days_before AS absence_days,
           TRUE AS starts_in_month, FALSE AS long_term
    FROM episode_bounds
    WHERE within_month
    UNION ALL
    SELECT e.department_number, m.month_number,
           least(e.working_days_through_end, m.working_days_through_end)
             - greatest(e.working_days_before, m.working_days_before) AS absence_days,
           e.start_date >= m.month AS starts_in_month,
           e.end_date >= m.month_end AND m.month_end - e.start_date + 1 > 120 AS long_term
    FROM (
        -- months as integers (year x 12 + month - 1): cheaper to generate and join than dates
        SELECT *, unnest(range(
                   greatest(start_month_number, year($first_month) * 12 + month($first_month) - 1),
                   year(end_date) * 12 + month(end_date))) AS month_number
        FROM longer_episodes
    ) AS e
    JOIN month_calendar AS m USING (month_number)
),
absence_counts AS (
    SELECT month_number, department_number,
           sum(absence_days) AS absence_days,
           count(*) FILTER (WHERE starts_in_month) AS episodes_started,
           count(*) FILTER (WHERE long_term) AS long_term_absentees
    FROM episode_months
    GROUP BY month_number, department_number
)"""

# Counts of the other record kinds per month and department.
EVENT_COUNTS_SQL = """
turnover_counts AS (
    SELECT date_trunc('month', date)::DATE AS month, department,
           count(*) FILTER (WHERE event = 'exit') AS exits,
           count(*) FILTER (WHERE event = 'exit' AND reason = 'voluntary') AS voluntary_exits
    FROM turnover
    GROUP BY ALL
),
incident_counts AS (
    SELECT date_trunc('month', date)::DATE AS month, department,
           count(*) FILTER (WHERE category = 'work_accident' AND days_lost >= 1)
               AS lost_time_accidents,
           coalesce(sum(days_lost) FILTER (WHERE category = 'work_accident'), 0)
               AS accident_days_lost,
           count(*) FILTER (WHERE category IN {psychosocial}) AS psychosocial_requests,
           count(*) FILTER (WHERE category = 'aggression') AS aggression_incidents,
           count(*) FILTER (WHERE category = 'harassment') AS harassment_incidents,
           count(*) FILTER (WHERE category = 'serious_event') AS serious_events
    FROM incidents
    GROUP BY ALL
),
reintegration_events AS (
    -- requests by request_date; definitive unfitness by decision_date where the decision
    -- says so, else by outcome_date where the request ended in medical force majeure
    SELECT request_date AS date, department, request_type AS event FROM reintegration
    UNION ALL
    SELECT CASE WHEN decision IN {definitive} THEN decision_date ELSE outcome_date END,
           department, 'unfit'
    FROM reintegration
    WHERE decision IN {definitive} OR outcome = '{force_majeure}'
),
reintegration_counts AS (
    SELECT date_trunc('month', date)::DATE AS month, department,
           count(*) FILTER (WHERE event = 'trajectory') AS reintegration_requests,
           count(*) FILTER (WHERE event IN {job_adaptation}) AS job_adaptation_requests,
           count(*) FILTER (WHERE event = 'unfit') AS unfitness_findings
    FROM reintegration_events
    GROUP BY ALL
),
cells AS (
    SELECT w.month, w.department, w.headcount, w.hours_worked, w.fte, m.working_days,
           coalesce(a.absence_days, 0) AS absence_days,
           coalesce(a.episodes_started, 0) AS episodes_started,
           coalesce(a.long_term_absentees, 0) AS long_term_absentees,
           coalesce(t.exits, 0) AS exits,
           coalesce(t.voluntary_exits, 0) AS voluntary_exits,
           coalesce(i.lost_time_accidents, 0) AS lost_time_accidents,
           coalesce(i.accident_days_lost, 0) AS accident_days_lost,
           coalesce(i.psychosocial_requests, 0) AS psychosocial_requests,
           coalesce(i.aggression_incidents, 0) AS aggression_incidents,
           coalesce(r.reintegration_requests, 0) AS reintegration_requests,
           coalesce(i.harassment_incidents, 0) AS harassment_incidents,
           coalesce(i.serious_events, 0) AS serious_events,
           coalesce(e.long_absence_employees, 0) AS long_absence_employees,
           coalesce(e.frequent_absentees, 0) AS frequent_absentees,
           coalesce(e.relapses, 0) AS relapses,
           coalesce(r.job_adaptation_requests, 0) AS job_adaptation_requests,
           coalesce(r.unfitness_findings, 0) AS unfitness_findings
    FROM workforce AS w
    JOIN month_calendar AS m USING (month)
    JOIN departments AS d USING (department)
    LEFT JOIN absence_counts AS a USING (month_number, department_number)
    LEFT JOIN employee_window_counts AS e USING (month_number, department_number)
    LEFT JOIN turnover_counts AS t USING (month, department)
    LEFT JOIN incident_counts AS i USING (month, department)
    LEFT JOIN reintegration_counts AS r USING (month, department)
)"""

# 'ALL' cells and suppression; one row per cell, in output order (`_long_frame` then
# makes each cell's row into its indicators' rows).
RESULT_SQL = """
cell_values AS (
    -- per department cell: numerator_i and denominator_i of indicator i (FORMULAS order)
    SELECT month, department, headcount::BIGINT AS headcount,
           coalesce(hours_worked > 0, FALSE) AS reports_hours,
           coalesce({hours_and_fte}, FALSE) AS reports_hours_fte,
           {cell_values}
    FROM cells
),
all_cells AS (
    -- department 'ALL': sums over the departments (per hour worked: those reporting hours)
    SELECT month, '{all}' AS department, sum(headcount)::BIGINT AS headcount, TRUE AS reports_hours,
           TRUE AS reports_hours_fte,
           {all_values}
    FROM cell_values
    GROUP BY month
),
cells_with_all AS (
    SELECT * FROM cell_values
    UNION ALL
    SELECT * FROM all_cells
),
suppression AS (
    -- signals.measures.suppression's result: a reason per suppressed department; 'ALL' is suppressed
    -- when its own H is below the minimum, its accident rates when the H of those giving
    -- hours is (or when the departments without hours would be given away), its hours per
    -- FTE when the H of those giving hours and FTE is: the reason of each total
    SELECT month, member AS department, reason, NULL::VARCHAR AS hours_total_reason,
           NULL::VARCHAR AS hours_fte_total_reason
    FROM {hidden}
    UNION ALL
    SELECT month, '{all}' AS department,
           any_value(reason) FILTER (WHERE total = '{total_all}') AS reason,
           any_value(reason) FILTER (WHERE total = '{total_hours}'),
           any_value(reason) FILTER (WHERE total = '{total_hours_fte}')
    FROM {total_flags}
    GROUP BY month
)
SELECT c.month, c.department, c.headcount, s.reason IS NOT NULL AS suppressed,
       s.reason AS suppression_reason,
       {indicator_values}
FROM cells_with_all AS c
LEFT JOIN suppression AS s USING (month, department)
ORDER BY c.month, c.department <> '{all}', c.department
"""


def _cell_values_sql() -> str:
    """numerator_i and denominator_i (DOUBLE) of every indicator i, over `cells`."""
    return ",\n           ".join(
        f"({formula.numerator})::DOUBLE AS numerator_{order}, "
        f"({formula.denominator})::DOUBLE AS denominator_{order}"
        for order, formula in enumerate(FORMULAS.values())
    )


def _all_values_sql() -> str:
    """The 'ALL' sums of numerator_i and denominator_i, over `cell_values`.

    Hours worked have decimals, and a float sum depends on the order of its terms: they
    are added in department order, so 'ALL' does not change with thread scheduling.
    """
    sums = []
    for order, formula in enumerate(FORMULAS.values()):
        if formula.total == privacy.TOTAL_HOURS:
            where, in_order = " FILTER (WHERE reports_hours)", " ORDER BY department"
        elif formula.total == privacy.TOTAL_HOURS_FTE:
            where, in_order = " FILTER (WHERE reports_hours_fte)", " ORDER BY department"
        else:
            where, in_order = "", ""
        numerator = f"sum(numerator_{order}{in_order}){where}"
        if formula.total != privacy.TOTAL_HOURS_FTE:   # hours per FTE: empty where none gives both
            numerator = f"coalesce({numerator}, 0)"
        sums.append(
            f"{numerator} AS numerator_{order}, "
            f"sum(denominator_{order}{in_order}){where} AS denominator_{order}"
        )
    return ",\n           ".join(sums)


def _indicator_values_sql() -> str:
    """numerator_i, denominator_i, value_i, suppressed_i and reason_i of every indicator i
    (numerator and value NULL where suppressed; reason_i the suppression's reason, NULL where
    shown)."""
    columns = []
    for order, formula in enumerate(FORMULAS.values()):
        numerator, denominator = f"c.numerator_{order}", f"c.denominator_{order}"
        if formula.scale is None:
            value = numerator
        else:
            value = (f"CASE WHEN {denominator} > 0 "
                     f"THEN {float(formula.scale)!r}::DOUBLE * {numerator} / {denominator} END")
        reason = {privacy.TOTAL_HOURS: "coalesce(s.reason, s.hours_total_reason)",
                  privacy.TOTAL_HOURS_FTE: "coalesce(s.reason, s.hours_fte_total_reason)",
                  }.get(formula.total, "s.reason")
        hidden = f"({reason} IS NOT NULL)"
        columns.append(
            f"CASE WHEN $suppress AND {hidden} THEN NULL ELSE {numerator} END "
            f"AS numerator_{order}, {denominator} AS denominator_{order}, "
            f"CASE WHEN $suppress AND {hidden} THEN NULL ELSE {value} END AS value_{order}, "
            f"{hidden} AS suppressed_{order}, {reason} AS reason_{order}"
        )
    return ",\n       ".join(columns)


def _codes_sql(codes) -> str:
    return "(" + ", ".join(f"'{code}'" for code in codes) + ")"


def _psychosocial_categories_sql() -> str:
    return _codes_sql(PSYCHOSOCIAL_CATEGORIES)


def indicator_query(hidden: str, total_flags: str) -> str:
    """The whole indicator query (named parameters: see `_query_parameters`) over the
    suppression of signals.measures.suppression.workforce_suppression: its tables `hidden` (the
    suppressed departments) and `total_flags` (the totals)."""
    return (
        "WITH "
        + ABSENCE_SQL.format(calendar=calendar_sql())
        + ",\n"
        + EMPLOYEE_WINDOW_SQL
        + ",\n"
        + EVENT_COUNTS_SQL.format(psychosocial=_psychosocial_categories_sql(),
                                  definitive=_codes_sql(DEFINITIVE_DECISIONS),
                                  job_adaptation=_codes_sql(JOB_ADAPTATION_TYPES),
                                  force_majeure=FORCE_MAJEURE_OUTCOME)
        + ",\n"
        + RESULT_SQL.format(
            cell_values=_cell_values_sql(),
            all_values=_all_values_sql(),
            indicator_values=_indicator_values_sql(),
            all=ALL_DEPARTMENTS,
            hidden=hidden,
            total_flags=total_flags,
            total_all=privacy.TOTAL_ALL,
            total_hours=privacy.TOTAL_HOURS,
            total_hours_fte=privacy.TOTAL_HOURS_FTE,
            hours_and_fte=HOURS_AND_FTE,
        )
    )


def _data_range(con) -> tuple[dt.date, dt.date, dt.date] | None:
    """(first workforce month, last day of the last workforce month, calendar start)."""
    first_month, last_month = con.execute(
        "SELECT min(month), max(month) FROM workforce"
    ).fetchone()
    if first_month is None:
        return None
    data_end = (pandas.Timestamp(last_month) + pandas.offsets.MonthEnd(0)).date()
    earliest_spell = con.execute(
        "SELECT min(start_date) FROM absences WHERE start_date <= ?", [data_end]
    ).fetchone()[0]
    calendar_start = min(first_month, earliest_spell or first_month)
    return first_month, data_end, calendar_start.replace(day=1)


def _query_parameters(con, suppress: bool) -> dict | None:
    data_range = _data_range(con)
    if data_range is None:
        return None
    first_month, data_end, calendar_start = data_range
    if (data_end - calendar_start).days + 1 > MAX_CALENDAR_DAYS:
        raise ValueError(f"Dates from {calendar_start} to {data_end} span too many years.")
    return {
        **calendar_parameters(calendar_start, data_end),
        "first_month": first_month,
        "data_end": data_end,
        "last_month_number": data_end.year * 12 + data_end.month - 1,
        "suppress": suppress,
    }


def _empty_frame() -> pandas.DataFrame:
    return pandas.DataFrame({
        "month": pandas.Series([], dtype=object),
        "department": pandas.Series([], dtype=object),
        "indicator": pandas.Series([], dtype=object),
        "numerator": pandas.Series([], dtype=float),
        "denominator": pandas.Series([], dtype=float),
        "value": pandas.Series([], dtype=float),
        "headcount": pandas.Series([], dtype="int64"),
        "suppressed": pandas.Series([], dtype=bool),
        "suppression_reason": pandas.Series([], dtype=object),
    })


def _fetch_arrow(con, query: str, parameters: dict) -> pyarrow.Table:
    """A query result as Arrow: several times faster than .df() for the text columns,
    and its DATE becomes datetime.date in pandas with no conversion in Python.

    con.execute (not con.sql) because it also works while the caller holds an
    unfinished result; DuckDB then warns that Arrow output makes an extra copy of the
    rows, which costs a few milliseconds here.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Arrow output on a DB-API result")
        return con.execute(query, parameters).to_arrow_table()


def _long_frame(cells: pyarrow.Table) -> pandas.DataFrame:
    """The query's row per cell as one row per (cell, indicator), cells in their order,
    indicators in FORMULAS order: a reshape, cheaper than sorting the long rows in SQL.
    Columns FRAME_COLUMNS: month datetime.date, text str, numbers float64 (NaN where
    missing), headcount int64, suppressed bool, suppression_reason privacy.SMALL or
    privacy.COMPLEMENTARY where suppressed (else missing)."""
    count = len(FORMULAS)
    cell_of_row = numpy.repeat(numpy.arange(cells.num_rows), count)
    suppressed = numpy.column_stack(
        [cells[f"suppressed_{order}"].to_numpy() for order in range(count)]).reshape(-1)
    # a row hidden for itself or for the other departments has the cell's reason; 'ALL's
    # accident rates and hours per FTE can be hidden alone, with their total's reason
    reason = numpy.column_stack(
        [cells[f"reason_{order}"].to_numpy(zero_copy_only=False).astype(object)
         for order in range(count)]).reshape(-1)
    reason = numpy.where(suppressed, reason, None)

    def stacked(name: str) -> numpy.ndarray:
        # (cells x indicators) flattened row by row; NULL becomes NaN
        return numpy.column_stack(
            [cells[f"{name}_{order}"].to_numpy() for order in range(count)]
        ).reshape(-1)

    return pyarrow.table({
        "month": cells["month"].take(cell_of_row),
        "department": cells["department"].take(cell_of_row),
        "indicator": pyarrow.array(list(FORMULAS)).take(
            numpy.tile(numpy.arange(count), cells.num_rows)),
        "numerator": stacked("numerator"),
        "denominator": stacked("denominator"),
        "value": stacked("value"),
        "headcount": cells["headcount"].take(cell_of_row),
        "suppressed": suppressed,
        "suppression_reason": pyarrow.array(reason, type=pyarrow.string()),
    }).to_pandas()


def _cells_table(con, min_group_size: int | None, suppress: bool) -> pyarrow.Table | None:
    """The query's rows, or None without workforce rows."""
    if min_group_size is None:
        min_group_size = store.min_group_size(con)
    parameters = _query_parameters(con, suppress)
    if parameters is None:
        return None
    with (privacy.workforce_suppression(con, min_group_size) as suppression,
          asof_join_settings(con)):
        query = indicator_query(suppression.hidden, suppression.totals)
        return _fetch_arrow(con, query, parameters)


def indicator_frame(con, *, min_group_size: int | None = None,
                    suppress: bool = True) -> pandas.DataFrame:
    """Every indicator, one row per (month, department, indicator), department 'ALL' included.

    Ordered by month, then 'ALL' before the departments by name, then indicator in
    contract order. The measure rates (observations.measure_frame) come after the per-cell
    indicators, only for the cells that have the observation. With `suppress` (the default)
    suppressed rows carry no numerator
    and no value. suppress=False is for the alerts engine only: never show its output.
    """
    cells = _cells_table(con, min_group_size, suppress)
    frame = _empty_frame() if cells is None else _long_frame(cells)
    return _with_measures(frame, observations.measure_frame(
        con, min_group_size=min_group_size, suppress=suppress))


def _with_measures(frame: pandas.DataFrame, measures: pandas.DataFrame) -> pandas.DataFrame:
    """The measure rates joined into the indicator frame, in its order (month, 'ALL' first,
    department, indicator in contract order); the frame itself when there are none."""
    if measures.empty:
        return frame
    joined = pandas.concat([frame, measures.astype(frame.dtypes.to_dict())], ignore_index=True)
    order = pandas.DataFrame({
        "month": joined["month"],
        "is_department": joined["department"] != ALL_DEPARTMENTS,
        "department": joined["department"],
        "indicator": joined["indicator"].map(INDICATOR_RANK),
    })
    index = order.sort_values(list(order.columns), kind="stable").index
    return joined.loc[index].reset_index(drop=True)


def indicator_cells(con, *, min_group_size: int | None = None,
                    suppress: bool = True) -> pandas.DataFrame:
    """`indicator_frame` before its reshape: one row per (month, department) cell, in the
    same order, with month, department, headcount, suppressed (the whole row),
    suppression_reason, and numerator_i, denominator_i, value_i, suppressed_i and reason_i
    of every indicator i (FORMULAS order). Row r of indicator_frame is cell r // n, indicator
    r % n (n = len(FORMULAS)). Same rules for `suppress`.
    """
    cells = _cells_table(con, min_group_size, suppress)
    if cells is None:
        dtypes = {"month": object, "department": object, "headcount": "int64", "suppressed": bool,
                  "suppression_reason": object}
        for order in range(len(FORMULAS)):
            dtypes |= {f"{name}_{order}": float for name in ("numerator", "denominator", "value")}
            dtypes[f"suppressed_{order}"] = bool
            dtypes[f"reason_{order}"] = object
        return pandas.DataFrame({name: pandas.Series([], dtype=dtype)
                                 for name, dtype in dtypes.items()})
    return cells.to_pandas()


def unrecorded_indicators(con) -> tuple[str, ...]:
    """Indicators whose source records were never uploaded (their table is empty), in
    contract order. Their zeros mean "not known", not "none happened": screens show them
    as missing (blank_indicators). The CLI keeps the contract's numbers."""
    empty = {kind.name for kind in KINDS.values()
             if not con.execute(f"SELECT EXISTS (SELECT 1 FROM {kind.table})").fetchone()[0]}
    # a measure nobody ever observed is not known either, though other measures are
    observed = {observations.indicator_id(measure) for (measure,) in con.execute(
        "SELECT DISTINCT measure FROM observations").fetchall()}
    return tuple(indicator.id for indicator in INDICATORS if indicator.source_kind in empty
                 or (indicator.source_kind == "observations" and indicator.id not in observed))


def blank_indicators(frame: pandas.DataFrame, indicators, columns) -> pandas.DataFrame:
    """`frame` with `columns` missing (NaN) on the rows of `indicators`."""
    rows = frame["indicator"].isin(list(indicators))
    if not rows.any():
        return frame
    frame = frame.copy()
    frame.loc[rows, list(columns)] = numpy.nan
    return frame


def _number_sql(column: str) -> str:
    """A number as CSV text: rounded to 6 decimals, no trailing zeros, '' when missing."""
    return (
        f"coalesce(rtrim(rtrim(printf('%.{CSV_DECIMALS}f', round({column}, {CSV_DECIMALS})), "
        f"'0'), '.'), '')"
    )


def indicators_csv(con) -> str:
    """All indicators as CONTRACT.md section 3 CSV, suppression applied.

    Rows in `indicator_frame` order; month as YYYY-MM; numbers rounded to 6 decimals
    without trailing zeros (integers without '.0'); empty numerator and value where
    suppressed, empty value (and denominator) where not defined.
    """
    frame = indicator_frame(con)
    query = f"""
        SELECT strftime(month::DATE, '%Y-%m') AS month, department, indicator,
               {_number_sql('numerator')} AS numerator,
               {_number_sql('denominator')} AS denominator,
               {_number_sql('value')} AS value,
               CASE WHEN suppressed THEN 'true' ELSE 'false' END AS suppressed
        FROM indicator_rows
        ORDER BY row_number
    """
    with duckdb.connect() as local:
        local.register("indicator_rows", frame.assign(row_number=range(len(frame))))
        text_frame = local.execute(query).df()
    text_frame.columns = list(INDICATOR_CSV_HEADER)
    return text_frame.to_csv(index=False, lineterminator="\n")
