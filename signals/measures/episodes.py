"""The employee-window indicators of CONTRACT.md section 2, in set-based DuckDB SQL.

`long_absence_risk`, `frequent_absence` and `relapse_rate` look at each employee's recent
episodes. EMPLOYEE_WINDOW_SQL adds CTEs to the indicator query of signals.measures.indicators
after its ABSENCE_SQL (it reads `spells_ordered`, `episode_bounds`, `longer_episodes`,
`workforce`, `month_calendar`, `departments` and its parameters) and ends in
`employee_window_counts` (month_number, department_number, long_absence_employees,
frequent_absentees, relapses), with a row for every workforce cell.

Readings of the contract made here:
- An employee-level count belongs to the department of the employee's latest episode (by
  start) starting on or before the month's last day: episodes are disjoint, so that is the
  latest with a day in the 12-month window whenever the employee has one there. Episode k is
  "latest" in the months from its start month to the month before episode k+1 starts.
- Days covered by spells are counted once per calendar day (spells that overlap or touch
  merge); the non-working days between two spells of one episode are not covered. An open
  spell ends on the last day of the last workforce month.
- frequent_absence: with episodes in start order m_1 <= m_2 <= ... (start months), an
  employee whose latest episode is k has 3 or more starts in the 12 months to month M
  exactly when m_{k-2} >= M - 11: so episode k counts in months m_k .. min(m_{k+1} - 1,
  m_{k-2} + 11). Each such episode adds 1 to its department from its first month and
  takes it back after its last: a running sum per department gives the counts, no pair
  of employee and month is generated.
- long_absence_risk: covered days in the window are C(last day of M) - C(last day of
  M - 12), with C(t) the employee's covered days up to day t. Spells in start order each
  add the days after the latest end before them (disjoint pieces), so C(t) is the sum of
  the pieces starting on or before t, less the part of the last one after t: one ordered
  pass over the pieces and both points of every month. Only episodes whose recent
  episodes span more than 100 days are expanded to months: where episode k is the latest,
  the window holds at most the days of the episodes ending from 396 + 100 days before k's
  end (a RANGE window over the episodes' end keys), and only their employees' pieces are
  read.
- relapse_rate: an episode counts in its start month, in its own department, when its start
  is at most 56 days after the previous episode's last day and that episode lasted more
  than 28 days (first to last day, both included).

Rows are ordered on BIGINT keys (employee number above bit 40, day from the calendar's
first day below) like ABSENCE_SQL, so no window needs PARTITION BY employee.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

LONG_ABSENCE_DAYS = 100       # more than this many covered days in 12 months
FREQUENT_EPISODES = 3         # this many episodes or more starting in 12 months
RELAPSE_GAP_DAYS = 56         # at most this many days after the previous episode's end
RELAPSE_PREVIOUS_DAYS = 28    # the previous episode lasted more than this
WINDOW_MONTHS = 12
# An episode of at most 100 days that is the latest in a month's window started at most
# 396 days after that window's first day (11 months and 31 days), so the episodes with
# days in the window end at most 100 + 396 days before its end.
BOUND_DAYS = LONG_ABSENCE_DAYS + 396
DAY_BITS = 1048575            # 2^20 - 1: the day field of a key


def _day_key_sql(key: str) -> str:
    """A key of ABSENCE_SQL (employee, working days, day) as an (employee, day) key."""
    return f"((({key}) >> 40) << 40) + (({key}) & {DAY_BITS})"


def _month_end_key_sql(month_number: str) -> str:
    """The key of the last day of a month given as year x 12 + month - 1."""
    return (f"(employee_number << 40) + (last_day(make_date((({month_number}) // 12)::INTEGER, "
            f"(({month_number}) % 12 + 1)::INTEGER, 1)) - $calendar_start::DATE)")


EMPLOYEE_WINDOW_SQL = f"""
episodes AS (
    -- every episode once: employee, department and start of its first spell, its end
    -- (an episode within one month ends in its start month)
    SELECT ((employee_number << 40) + (end_date - $calendar_start::DATE)) AS end_key, *
    FROM (
        SELECT start_key >> 40 AS employee_number, department_number, start_date, end_date,
               start_month_number, start_month_number AS end_month_number
        FROM episode_bounds
        WHERE within_month
        UNION ALL
        SELECT employee_number, department_number, start_date, end_date, start_month_number,
               year(end_date) * 12 + month(end_date) - 1
        FROM longer_episodes
    )
),
episode_sequence AS MATERIALIZED (
    -- each episode (episodes are disjoint: in end order they are in start order) with
    -- latest_until: the months in which it is its employee's latest are m_k .. m_(k+1) - 1;
    -- second_previous_month: m_(k-2); relapse: see the module docstring; days_through: the
    -- days of all episodes up to this one (for `recent`)
    SELECT end_key, employee_number, department_number, start_month_number, end_month_number,
           least(coalesce(if(lead(employee_number) OVER by_key = employee_number,
                             lead(start_month_number) OVER by_key - 1, NULL),
                          $last_month_number),
                 $last_month_number) AS latest_until,
           if(lag(employee_number, 2) OVER by_key = employee_number,
              lag(start_month_number, 2) OVER by_key, NULL) AS second_previous_month,
           coalesce(lag(employee_number) OVER by_key = employee_number
                    AND start_date - lag(end_date) OVER by_key <= {RELAPSE_GAP_DAYS}
                    AND lag(end_date) OVER by_key - lag(start_date) OVER by_key + 1
                        > {RELAPSE_PREVIOUS_DAYS}, FALSE) AS relapse,
           sum(end_date - start_date + 1) OVER (ORDER BY end_key ROWS UNBOUNDED PRECEDING)
               AS days_through
    FROM episodes
    WINDOW by_key AS (ORDER BY end_key)
),
recent AS (
    -- recent_days: the days of the employee's episodes ending at most {BOUND_DAYS} days
    -- before this one's end, this one included: an upper bound of the days covered in the
    -- window of any month where this episode is the latest (see the module docstring);
    -- days_through less that of the latest episode ending before those (all employees
    -- before included: the difference cancels them)
    SELECT e.*, e.days_through - coalesce(b.days_through, 0) AS recent_days
    FROM episode_sequence AS e
    ASOF LEFT JOIN (SELECT end_key, days_through FROM episode_sequence) AS b
        ON b.end_key <= e.end_key - {BOUND_DAYS + 1}
),
relapse_counts AS (
    SELECT start_month_number AS month_number, department_number, count(*) AS relapses
    FROM episode_sequence
    WHERE relapse
    GROUP BY ALL
),
frequent_spans AS (
    SELECT department_number, start_month_number AS first_month,
           least(latest_until, second_previous_month + {WINDOW_MONTHS - 1}) AS last_month
    FROM episode_sequence
    WHERE second_previous_month >= start_month_number - {WINDOW_MONTHS - 1}
      AND department_number IS NOT NULL
),
workforce_cells AS (
    SELECT m.month_number, d.department_number
    FROM workforce AS w
    JOIN month_calendar AS m USING (month)
    JOIN departments AS d USING (department)
),
frequent_counts AS (
    -- +1 from a span's first month, -1 after its last; 0 on every cell to read it there
    SELECT month_number, department_number,
           sum(change) OVER (PARTITION BY department_number ORDER BY month_number
                             ROWS UNBOUNDED PRECEDING) AS frequent_absentees
    FROM (
        SELECT department_number, month_number, sum(change) AS change
        FROM (
            SELECT department_number, first_month AS month_number, 1 AS change
            FROM frequent_spans WHERE last_month >= first_month
            UNION ALL
            SELECT department_number, last_month + 1, -1
            FROM frequent_spans WHERE last_month >= first_month
            UNION ALL
            SELECT department_number, month_number, 0 FROM workforce_cells
        )
        GROUP BY ALL
    )
),
bounded AS MATERIALIZED (
    SELECT employee_number, department_number, start_month_number,
           least(latest_until, end_month_number + {WINDOW_MONTHS - 1}) AS last_month_number
    FROM recent
    WHERE recent_days > {LONG_ABSENCE_DAYS}
),
pieces AS (
    -- of the spells of those employees, in start order, the days after the latest end
    -- before each (through_before: the latest end so far, from ABSENCE_SQL): disjoint
    SELECT piece_start AS key, piece_end, piece_end - piece_start + 1 AS days, FALSE AS point
    FROM (
        SELECT greatest(start_key,
                        coalesce({_day_key_sql("through_before")} + 1, start_key)) AS piece_start,
               {_day_key_sql("through_key")} AS piece_end
        FROM spells_ordered
        WHERE start_key >> 40 IN (SELECT employee_number FROM bounded)
    )
    WHERE piece_end >= piece_start
),
long_points AS (
    -- each month M of those episodes twice: the keys of its last day (high) and of the
    -- last day of M - 12 (the day before its window)
    SELECT employee_number, department_number, month_number, high,
           if(high, {_month_end_key_sql("month_number")},
              {_month_end_key_sql("month_number - " + str(WINDOW_MONTHS))}) AS key,
           TRUE AS point
    FROM (SELECT *, unnest(range(start_month_number, last_month_number + 1)) AS month_number
          FROM bounded),
         (VALUES (TRUE), (FALSE)) AS sides(high)
),
covered_points AS (
    -- C(key): the days of all pieces up to the key (all employees before it included:
    -- differences of two points of one employee cancel them), less the part of the
    -- latest piece after the key
    SELECT employee_number, department_number, month_number, high,
           coalesce(covered - greatest(0, last_end - key), 0) AS covered
    FROM (
        SELECT *, sum(days) OVER by_key AS covered, max(piece_end) OVER by_key AS last_end
        FROM (SELECT * FROM long_points UNION ALL BY NAME SELECT * FROM pieces)
        WINDOW by_key AS (ORDER BY key, point ROWS UNBOUNDED PRECEDING)
    )
    WHERE point
),
long_months AS (
    SELECT month_number, department_number
    FROM covered_points
    GROUP BY employee_number, month_number, department_number
    HAVING sum(if(high, covered, -covered)) > {LONG_ABSENCE_DAYS}
),
employee_window_counts AS (
    SELECT month_number, department_number,
           sum(long_absence) AS long_absence_employees,
           sum(frequent) AS frequent_absentees,
           sum(relapses) AS relapses
    FROM (
        SELECT month_number, department_number, 1 AS long_absence, 0 AS frequent,
               0 AS relapses
        FROM long_months
        UNION ALL
        SELECT month_number, department_number, 0, frequent_absentees, 0 FROM frequent_counts
        UNION ALL
        SELECT month_number, department_number, 0, 0, relapses FROM relapse_counts
    )
    WHERE department_number IS NOT NULL
    GROUP BY ALL
)"""


@contextmanager
def asof_join_settings(con) -> Iterator[None]:
    """DuckDB plans an ASOF join over a CTE as a nested loop when it guesses the CTE small
    (asof_loop_join_threshold): quadratic on the `recent` CTE. Turned off while the
    indicator query runs, then put back."""
    setting = "asof_loop_join_threshold"
    before = con.execute("SELECT current_setting(?)", [setting]).fetchone()[0]
    con.execute(f"SET {setting} = 0")
    try:
        yield
    finally:
        con.execute(f"SET {setting} = {int(before)}")


def employee_window_query(absence_sql: str) -> str:
    """The employee-window counts alone, for timing them apart (benchmarks): `absence_sql`
    is the formatted ABSENCE_SQL of signals.measures.indicators, same parameters."""
    return ("WITH " + absence_sql + ",\n" + EMPLOYEE_WINDOW_SQL
            + "\nSELECT count(*), sum(long_absence_employees), sum(frequent_absentees), "
              "sum(relapses) FROM employee_window_counts")
