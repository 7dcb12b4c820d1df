"""The `<measure>_rate` indicators of the `observations` kind (CONTRACT.md section 2).

Per (month, department, measure) that has an observation and a workforce row:
numerator = count, denominator = base (the month's H where base is empty),
value = 100 x count / base (empty where the base is 0). `ALL` per month and measure adds
the counts and the bases of the departments that have that observation. An observation
without a workforce row gives no indicator (the ingest warned about it).

Suppression is the contract's "Small groups" rule applied per month and measure on its
own, with the base in place of H (suppression.suppression_tables, keys month and
measure): a department whose base is below the minimum is suppressed, `ALL` too when the
bases together are, and complementary suppression keeps `ALL` minus the shown
departments from revealing a small one.

The rows have the columns of indicators.indicator_frame, so they join it there.
"""

from __future__ import annotations

import pandas

from .. import store
from ..definitions import ALL_DEPARTMENTS
from . import suppression as privacy

INDICATOR_SUFFIX = "_rate"

# One row per (month, department, measure) with an observation and a workforce row.
MEASURE_CELLS_SQL = """
    SELECT o.month, o.department, o.measure, o.count::DOUBLE AS count,
           coalesce(o.base, w.headcount)::BIGINT AS base, w.headcount::BIGINT AS headcount
    FROM observations AS o
    JOIN workforce AS w USING (month, department)
"""

MEMBERS_SQL = f"""
    SELECT month, measure, '{privacy.TOTAL_ALL}' AS total, department AS member, base AS size
    FROM ({MEASURE_CELLS_SQL})
"""

RESULT_SQL = """
WITH cells AS ({cells}),
with_all AS (
    SELECT month, department, measure, count, base, headcount FROM cells
    UNION ALL
    SELECT month, '{all}', measure, sum(count), sum(base), sum(headcount)
    FROM cells GROUP BY month, measure
),
reasons AS (
    SELECT month, measure, member AS department, reason FROM {hidden}
    UNION ALL
    SELECT month, measure, '{all}', '{small}' FROM {totals} WHERE suppressed
)
SELECT c.month, c.department, c.measure || '{suffix}' AS indicator,
       CASE WHEN $suppress AND r.reason IS NOT NULL THEN NULL ELSE c.count END AS numerator,
       c.base::DOUBLE AS denominator,
       CASE WHEN $suppress AND r.reason IS NOT NULL THEN NULL
            WHEN c.base > 0 THEN 100.0 * c.count / c.base END AS value,
       c.headcount, r.reason IS NOT NULL AS suppressed, r.reason AS suppression_reason
FROM with_all AS c
LEFT JOIN reasons AS r USING (month, measure, department)
ORDER BY c.month, c.department <> '{all}', c.department, c.measure
"""


def indicator_id(measure: str) -> str:
    return measure + INDICATOR_SUFFIX


def has_observations_table(con) -> bool:
    """False on a database not yet migrated to the second contract (opened read-only)."""
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'observations'"
    ).fetchone()[0])


def measure_frame(con, *, min_group_size: int | None = None,
                  suppress: bool = True) -> pandas.DataFrame:
    """The measure rates, one row per (month, department, measure indicator), `ALL`
    included, with the columns of indicators.FRAME_COLUMNS; suppressed rows carry no
    numerator and no value unless suppress=False (the alerts engine only)."""
    if not has_observations_table(con):
        return pandas.DataFrame(columns=FRAME_COLUMNS)
    if min_group_size is None:
        min_group_size = store.min_group_size(con)
    with privacy.suppression_tables(con, f"({MEMBERS_SQL})", min_group_size,
                                    keys=("month", "measure")) as tables:
        query = RESULT_SQL.format(cells=MEASURE_CELLS_SQL, all=ALL_DEPARTMENTS,
                                  hidden=tables.hidden, totals=tables.totals,
                                  small=privacy.SMALL, suffix=INDICATOR_SUFFIX)
        frame = con.execute(query, {"suppress": suppress}).df()
    frame["month"] = pandas.to_datetime(frame["month"]).dt.date
    frame["suppression_reason"] = frame["suppression_reason"].astype(object).where(
        frame["suppressed"], None)
    return frame[list(FRAME_COLUMNS)]


FRAME_COLUMNS = (
    "month", "department", "indicator", "numerator", "denominator", "value",
    "headcount", "suppressed", "suppression_reason",
)
