"""FROZEN reference: signals/measures/episodes.py before its speed rewrite (commit 6a69321).

tests/test_episodes_equivalence.py checks that the rewritten EMPLOYEE_WINDOW_SQL gives the same
indicators as this one on random organisations. Do not edit: it is the old query.


`long_absence_risk`, `frequent_absence` and `relapse_rate` look at each employee's recent
episodes. EMPLOYEE_WINDOW_SQL adds CTEs to the indicator query of signals.measures.indicators
after its ABSENCE_SQL (it reads `spells`, `episode_bounds`, `longer_episodes` and its
parameters) and ends in `employee_window_counts` (month_number, department_number,
long_absence_employees, frequent_absentees, relapses).

Readings of the contract made here:
- An employee-level count belongs to the department of the employee's latest episode (by
  start) starting on or before the month's last day: episodes are disjoint, so that is the
  latest with a day in the 12-month window whenever the employee has one there. Episode k is
  "latest" in the months from its start month to the month before episode k+1 starts.
- Days covered by spells are counted once per calendar day (spells that overlap or touch
  merge into one stretch); the non-working days between two spells of one episode are not
  covered. An open spell ends on the last day of the last workforce month.
- frequent_absence: with episodes in start order m_1 <= m_2 <= ... (start months), an
  employee whose latest episode is k has 3 or more starts in the 12 months to month M
  exactly when m_{k-2} >= M - 11: so episode k counts in months m_k .. min(m_{k+1} - 1,
  m_{k-2} + 11), no pair of employee and month needs to be generated otherwise.
- long_absence_risk: covered days in the window are C(last day of M) - C(day before the
  window), with C(t) the employee's covered days up to day t (one ordered pass over the
  stretches of covered days and the points). Only episodes whose recent episodes span
  more than 100 days are expanded to months: where episode k is the latest, the window
  holds at most the spans of the episodes ending from 396 + 100 days before k's end (an
  episode of more than 100 days is a candidate by itself; so is one with 12 or more
  such episodes before it, which the lags do not reach), and only their employees'
  spells are merged into stretches.
- relapse_rate: an episode counts in its start month, in its own department, when its start
  is at most 56 days after the previous episode's last day and that episode lasted more
  than 28 days (first to last day, both included).

Rows are ordered on BIGINT keys (employee number above bit 40, day from the calendar's
first day below) like ABSENCE_SQL, so no window needs PARTITION BY employee.
"""

from __future__ import annotations

LONG_ABSENCE_DAYS = 100       # more than this many covered days in 12 months
FREQUENT_EPISODES = 3         # this many episodes or more starting in 12 months
RELAPSE_GAP_DAYS = 56         # at most this many days after the previous episode's end
RELAPSE_PREVIOUS_DAYS = 28    # the previous episode lasted more than this
WINDOW_MONTHS = 12
# An episode of at most 100 days that is the latest in a month's window started at most
# 396 days after that window's first day (11 months and 31 days), so the episodes with
# days in the window end at most 100 + 396 days before its end.
BOUND_DAYS = LONG_ABSENCE_DAYS + 396
RECENT_EPISODES = 12          # episodes looked back at for that bound (lag columns)

def _end_key_sql() -> str:
    """An episode's end as a key: employee number above bit 40, day below (an employee's
    keys are far from every other employee's, so one comparison checks both)."""
    return "((employee_number << 40) + (end_date - $calendar_start::DATE))"


def _recent(lag: int) -> str:
    """SQL: the episode `lag` before this one is the same employee's and ends recently."""
    return f"coalesce(end_key_{lag} >= {_end_key_sql()} - {BOUND_DAYS}, FALSE)"


def _recent_lags_sql() -> str:
    """The end key and span of the RECENT_EPISODES episodes before each one."""
    return ",\n           ".join(
        f"lag({_end_key_sql()}, {lag}) OVER by_key AS end_key_{lag}, "
        f"lag(end_date - start_date + 1, {lag}) OVER by_key AS span_{lag}"
        for lag in range(1, RECENT_EPISODES + 1))


def _recent_span_sql() -> str:
    return "(end_date - start_date + 1" + "".join(
        f" + if({_recent(lag)}, span_{lag}, 0)" for lag in range(1, RECENT_EPISODES)) + ")"


def _recent_overflow_sql() -> str:
    return _recent(RECENT_EPISODES)


def _month_start_sql(month_number: str) -> str:
    """The first day of a month given as year x 12 + month - 1."""
    return (f"make_date((({month_number}) // 12)::INTEGER, "
            f"(({month_number}) % 12 + 1)::INTEGER, 1)")


def _covered_at(points: str, key: str, column: str) -> str:
    """`points` (a CTE with a BIGINT column `key`) with `column`: the covered days of all
    stretches up to that key, from `coverage`. One pass in key order, the points after
    the stretches starting on the same key (cheaper here than an ASOF join)."""
    return f"""(
        SELECT * EXCLUDE (point, stretch_end, stretch_covered, last_end, last_covered),
               coalesce(last_covered - greatest(0, last_end - {key}), 0) AS {column}
        FROM (
            SELECT *,
                   -- the latest stretch's: both grow along the key order
                   max(stretch_end) OVER by_key AS last_end,
                   max(stretch_covered) OVER by_key AS last_covered
            FROM (
                SELECT *, TRUE AS point, NULL::BIGINT AS stretch_end,
                       NULL::HUGEINT AS stretch_covered
                FROM {points}
                UNION ALL BY NAME
                SELECT start_key AS {key}, FALSE AS point, end_key AS stretch_end,
                       covered_through::HUGEINT AS stretch_covered
                FROM coverage
            )
            WINDOW by_key AS (ORDER BY {key}, point ROWS UNBOUNDED PRECEDING)
        )
        WHERE point
    )"""


EMPLOYEE_WINDOW_SQL = f"""
episodes AS (
    -- every episode once: employee, department and start of its first spell, its end
    SELECT ((employee_number << 40) + (start_date - $calendar_start::DATE)) AS episode_key,
           employee_number, department_number, start_date, end_date,
           year(start_date) * 12 + month(start_date) - 1 AS start_month_number,
           year(end_date) * 12 + month(end_date) - 1 AS end_month_number
    FROM (
        SELECT start_key >> 40 AS employee_number, department_number, start_date, end_date
        FROM episode_bounds
        WHERE within_month
        UNION ALL
        SELECT employee_number, department_number, start_date, end_date
        FROM longer_episodes
    )
),
episode_sequence AS MATERIALIZED (
    -- each episode with its employee's previous, second previous and next episode
    SELECT *,
           if(lag(employee_number) OVER by_key = employee_number,
              lag(end_date) OVER by_key, NULL) AS previous_end,
           if(lag(employee_number) OVER by_key = employee_number,
              lag(start_date) OVER by_key, NULL) AS previous_start,
           if(lag(employee_number, 2) OVER by_key = employee_number,
              lag(start_month_number, 2) OVER by_key, NULL) AS second_previous_month,
           if(lead(employee_number) OVER by_key = employee_number,
              lead(start_month_number) OVER by_key, NULL) AS next_month_number,
           {_recent_lags_sql()}
    FROM episodes
    WINDOW by_key AS (ORDER BY episode_key)
),
latest_months AS (
    -- the months in which episode k is its employee's latest: m_k .. m_(k+1) - 1
    SELECT *, least(coalesce(next_month_number - 1, $last_month_number),
                    $last_month_number) AS latest_until
    FROM episode_sequence
),
relapse_counts AS (
    SELECT start_month_number AS month_number, department_number, count(*) AS relapses
    FROM episode_sequence
    WHERE start_date - previous_end <= {RELAPSE_GAP_DAYS}
      AND previous_end - previous_start + 1 > {RELAPSE_PREVIOUS_DAYS}
    GROUP BY ALL
),
frequent_months AS (
    SELECT department_number,
           unnest(range(start_month_number,
                        least(latest_until, second_previous_month + {WINDOW_MONTHS - 1}) + 1))
               AS month_number
    FROM latest_months
    WHERE second_previous_month >= start_month_number - {WINDOW_MONTHS - 1}
),
bounded AS MATERIALIZED (
    -- recent_span: the spans of the employee's episodes ending at most {BOUND_DAYS} days
    -- before this one's end, this one included: an upper bound of the days covered in the
    -- window of any month where this episode is the latest (see the module docstring);
    -- with more than {RECENT_EPISODES} such episodes, a candidate anyway
    SELECT employee_number, department_number, start_month_number,
           least(latest_until, end_month_number + {WINDOW_MONTHS - 1}) AS last_month_number
    FROM latest_months
    WHERE {_recent_span_sql()} > {LONG_ABSENCE_DAYS} OR {_recent_overflow_sql()}
),
spell_days AS (
    -- the spells of the employees of those episodes only
    SELECT employee_base + (start_date - $calendar_start::DATE) AS start_key,
           employee_base + (end_date - $calendar_start::DATE) AS end_key
    FROM spells
    WHERE employee_base >> 40 IN (SELECT employee_number FROM bounded)
),
stretch_marks AS (
    -- a spell starts a new stretch of covered days unless it overlaps or touches one
    SELECT start_key, end_key,
           coalesce(start_key > max(end_key) OVER (
               ORDER BY start_key ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) + 1,
               TRUE)::INTEGER AS starts_stretch
    FROM spell_days
),
stretches AS (
    SELECT min(start_key) AS start_key, max(end_key) AS end_key
    FROM (SELECT *, sum(starts_stretch) OVER (ORDER BY start_key ROWS UNBOUNDED PRECEDING)
                        AS stretch_number
          FROM stretch_marks)
    GROUP BY stretch_number
),
coverage AS MATERIALIZED (
    -- covered_through: the days of every stretch up to this one's end, all employees
    -- before it included (differences of two points of one employee cancel them)
    SELECT start_key, end_key,
           sum(end_key - start_key + 1) OVER (ORDER BY start_key ROWS UNBOUNDED PRECEDING)
               AS covered_through
    FROM stretches
),
long_points AS (
    -- each month of those episodes: the keys of its last day and of the window's day before
    SELECT employee_number, department_number, month_number,
           (employee_number << 40)
             + (last_day({_month_start_sql("month_number")}) - $calendar_start::DATE) AS high_key,
           (employee_number << 40)
             + ({_month_start_sql("month_number - " + str(WINDOW_MONTHS - 1))}
                - 1 - $calendar_start::DATE) AS low_key
    FROM (SELECT *, unnest(range(start_month_number, last_month_number + 1)) AS month_number
          FROM bounded)
),
long_high AS (
    SELECT * FROM {_covered_at("long_points", "high_key", "covered_high")}
),
long_months AS (
    SELECT month_number, department_number
    FROM {_covered_at("long_high", "low_key", "covered_low")}
    WHERE covered_high - covered_low > {LONG_ABSENCE_DAYS}
),
employee_window_counts AS (
    SELECT month_number, department_number,
           count(*) FILTER (WHERE measure = 1) AS long_absence_employees,
           count(*) FILTER (WHERE measure = 2) AS frequent_absentees,
           coalesce(sum(relapses) FILTER (WHERE measure = 3), 0) AS relapses
    FROM (
        SELECT month_number, department_number, 1 AS measure, 0 AS relapses FROM long_months
        UNION ALL
        SELECT month_number, department_number, 2, 0 FROM frequent_months
        UNION ALL
        SELECT month_number, department_number, 3, relapses FROM relapse_counts
    )
    WHERE department_number IS NOT NULL
    GROUP BY ALL
)"""


def employee_window_query(absence_sql: str) -> str:
    """The employee-window counts alone, for timing them apart (benchmarks): `absence_sql`
    is the formatted ABSENCE_SQL of signals.measures.indicators, same parameters."""
    return ("WITH " + absence_sql + ",\n" + EMPLOYEE_WINDOW_SQL
            + "\nSELECT count(*), sum(long_absence_employees), sum(frequent_absentees), "
              "sum(relapses) FROM employee_window_counts")
