"""Small-group suppression (CONTRACT.md section 2, "Small groups"): the rule lives here only.

A cell is one (month, department), department 'ALL' included:
- a cell whose headcount is below the minimum group size is suppressed;
- where exactly one department of a month is suppressed, `ALL` minus the others would
  reveal it, so the department with the smallest headcount among the others (ties:
  the first by name) is suppressed too;
- `ALL` is suppressed only when its own headcount is below the minimum.
"""

from __future__ import annotations

import duckdb
import pandas

from .definitions import ALL_DEPARTMENTS


def suppression_sql(cells: str, min_group_size_param: str = "min_group_size") -> str:
    """A SELECT of (month, department, suppressed) for every cell of the relation `cells`.

    `cells` names a table or CTE with one row per cell: month, department, headcount
    (department 'ALL' included). The minimum comes from the named parameter
    $min_group_size.
    """
    minimum = f"${min_group_size_param}"
    return f"""
        WITH flagged AS (
            SELECT month, department, headcount,
                   headcount < {minimum} AS below_minimum,
                   department = '{ALL_DEPARTMENTS}' AS is_all
            FROM {cells}
        ),
        months_with_one_small_department AS (
            SELECT month
            FROM flagged
            WHERE NOT is_all
            GROUP BY month
            HAVING count(*) FILTER (WHERE below_minimum) = 1
        ),
        complementary AS (
            -- the smallest other department (ties: first by name) of those months
            SELECT month, department
            FROM (
                SELECT f.month, f.department,
                       row_number() OVER (
                           PARTITION BY f.month ORDER BY f.headcount, f.department
                       ) AS rank_by_size
                FROM flagged AS f
                JOIN months_with_one_small_department USING (month)
                WHERE NOT f.is_all AND NOT f.below_minimum
            )
            WHERE rank_by_size = 1
        )
        SELECT f.month, f.department,
               f.below_minimum OR c.department IS NOT NULL AS suppressed
        FROM flagged AS f
        LEFT JOIN complementary AS c ON c.month = f.month AND c.department = f.department
    """


def suppressed_cells(frame: pandas.DataFrame, min_group_size: int) -> pandas.Series:
    """Which rows of `frame` fall in a suppressed cell (a boolean Series on frame's index).

    `frame` needs the columns month, department and headcount; it may hold one row per
    cell or several (the long indicator format), with the same headcount per cell.
    """
    rows = pandas.DataFrame({
        "row_number": range(len(frame)),
        "month": frame["month"].to_numpy(),
        "department": frame["department"].to_numpy(),
        "headcount": frame["headcount"].to_numpy(),
    })
    query = f"""
        WITH cells AS (
            SELECT month, department, max(headcount) AS headcount
            FROM frame_rows GROUP BY month, department
        ),
        flags AS ({suppression_sql("cells")})
        SELECT flags.suppressed
        FROM frame_rows JOIN flags USING (month, department)
        ORDER BY frame_rows.row_number
    """
    with duckdb.connect() as con:
        con.register("frame_rows", rows)
        flags = con.execute(query, {"min_group_size": min_group_size}).fetchnumpy()["suppressed"]
    return pandas.Series(flags.astype(bool), index=frame.index, name="suppressed")
