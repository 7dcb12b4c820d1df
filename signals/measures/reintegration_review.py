"""The committee's yearly evaluation of the collective re-integration policy (issue 17).

For one calendar year, from the stored `reintegration` table (DuckDB SQL):
- requests received (request_date in the year), by request type and by initiator;
- decisions of the occupational physician taken (decision_date in the year, `trajectory`);
- the time from request to decision against the legal term of the rules in force on the
  request's date: 40 working days before 2022-10-01 (royal decree of 28 October 2016),
  49 calendar days since (royal decree of 11 September 2022; unchanged by re-integration
  3.0 as read here). A decision on or before the term's last day is within it;
- outcomes recorded (outcome_date in the year), the share back at work (same, adapted or
  other work, out of all outcomes of the year) and how many ended in medical force majeure;
- per department: requests, decisions and outcomes.

Small numbers (the contract's "Small groups" rule, with a count of requests in place of H):
each breakdown is one group whose members are its categories and whose total is the year's
count; the departments' figures are one group per measure whose total is the organisation's
figure. A count below the minimum group size is suppressed (reason small), and shown
counts never give a suppressed one away by subtraction from a shown total (reason
complementary; suppression.suppression_tables). A zero is shown: it reveals nobody.
Totals are suppressed only by their own size, so a total shown in two places (the
organisation's requests, and the sum of the departments' requests) is shown in both or in
neither. The per-department figures are totals of the organisation's breakdowns, never
their categories, so no two-way table can be subtracted (a department's returns to work
next to its outcomes would give away its other endings: left out). The returns to work
(same + adapted + other work) are shown only when each of the three is; their share only
when they and the outcomes are; the median time to decision only when the count of
decisions is.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import pandas

from .. import store
from ..config import check_min_group_size
from ..definitions import DECISIONS, INITIATORS, LAW_2022, LAW_2026, OUTCOMES, REQUEST_TYPES
from . import calendar
from . import suppression as privacy

RETURNED_OUTCOMES = ("returned_same_work", "returned_adapted_work", "returned_other_work")
FORCE_MAJEURE = "ended_medical_force_majeure"
TERM_CATEGORIES = ("within_term", "late")
TAKEN_DECISIONS = tuple(code for code in DECISIONS if code != "pending")
# The legal term of the physician's decision, by the request's date (CONTRACT 1a).
TERM_WORKING_DAYS_BEFORE_2022 = 40
TERM_CALENDAR_DAYS_SINCE_2022 = 49
REGIME_2016, REGIME_2022 = "2016", "2022"

# When each code could be used (CONTRACT 1a): (first day, first day no longer), None = open.
_LAW_2022, _LAW_2026 = dt.date.fromisoformat(LAW_2022), dt.date.fromisoformat(LAW_2026)
IN_FORCE = {
    "advisory_physician": (None, _LAW_2022),
    "preventive": (_LAW_2026, None),
    "temporary_no_work": (None, _LAW_2022),
    "definitive_no_work": (None, _LAW_2022),
}

BREAKDOWNS = {            # breakdown -> its categories, in display order
    "request_type": REQUEST_TYPES,
    "initiator": INITIATORS,
    "decision": TAKEN_DECISIONS,
    "decision_term": TERM_CATEGORIES,
    "outcome": OUTCOMES,
}
DEPARTMENT_MEASURES = ("requests", "decisions", "outcomes")
# The breakdown whose total each organisation figure is.
TOTALS = {"requests": "request_type", "decisions": "decision", "outcomes": "outcome"}
COUNT_COLUMNS = ("category", "count", "suppressed", "reason")
TOTAL_COLUMNS = ("measure", "count", "suppressed", "reason")
DEPARTMENT_COLUMNS = ("department", *DEPARTMENT_MEASURES,
                      *(f"{measure}_reason" for measure in DEPARTMENT_MEASURES))
TERM_COLUMNS = ("regime", "start", "end", "term", "unit")


@dataclass(frozen=True)
class ReintegrationReview:
    """One year's figures. Every count frame has COUNT_COLUMNS: a suppressed count is None
    with its reason (suppression.SMALL or COMPLEMENTARY).

    requests_by_type, requests_by_initiator, decisions, decision_terms (within_term, late),
    outcomes: the organisation's breakdowns (codes not in force in the year and not used
    are left out);
    totals: TOTAL_COLUMNS for requests, decisions, outcomes, returned (to work: same,
    adapted or other work), force_majeure;
    returned_share: returned / outcomes (0-1), None when either is suppressed or 0;
    median_days: median calendar days from request to decision, None when decisions are
    suppressed or none;
    departments: DEPARTMENT_COLUMNS, one row per department with a record in the year
    (only `department` when one is asked), counts None where suppressed;
    legal_terms: TERM_COLUMNS, the regimes whose requests were decided in the year.
    """
    year: int
    min_group_size: int
    department: str | None
    requests_by_type: pandas.DataFrame
    requests_by_initiator: pandas.DataFrame
    decisions: pandas.DataFrame
    decision_terms: pandas.DataFrame
    outcomes: pandas.DataFrame
    totals: pandas.DataFrame
    returned_share: float | None
    median_days: float | None
    departments: pandas.DataFrame
    legal_terms: pandas.DataFrame

    @property
    def empty(self) -> bool:
        """No request, decision or outcome in the year."""
        return not int(self.totals["count"].fillna(1).sum())


# A trajectory decided in the year ($start, $end).
DECIDED_IN_YEAR = ("request_type = 'trajectory' AND decision <> 'pending' "
                   "AND decision_date BETWEEN $start AND $end")

COUNTS_SQL = """
CREATE TEMP TABLE {counts} AS
WITH days AS (
    SELECT day, is_working, sum(is_working::INTEGER) OVER (ORDER BY day) AS ordinal
    FROM ({calendar})
),
decided AS (
    SELECT r.department, r.request_date, r.decision_date,
           date_diff('day', r.request_date, r.decision_date) AS days,
           CASE WHEN r.request_date < DATE '{law_2022}' THEN term.day
                ELSE r.request_date + {calendar_term} END AS last_day
    FROM reintegration AS r
    LEFT JOIN days AS received ON received.day = r.request_date
    LEFT JOIN days AS term ON term.is_working AND term.ordinal = received.ordinal + {working_term}
    WHERE r.request_type = 'trajectory' AND r.decision <> 'pending'
      AND r.decision_date BETWEEN $start AND $end
)
SELECT 'request_type' AS breakdown, request_type AS category, department, count(*) AS n
FROM reintegration WHERE request_date BETWEEN $start AND $end GROUP BY ALL
UNION ALL
SELECT 'initiator', initiator, department, count(*)
FROM reintegration WHERE request_date BETWEEN $start AND $end GROUP BY ALL
UNION ALL
SELECT 'decision', decision, department, count(*)
FROM reintegration
WHERE request_type = 'trajectory' AND decision <> 'pending'
  AND decision_date BETWEEN $start AND $end
GROUP BY ALL
UNION ALL
SELECT 'decision_term', CASE WHEN decision_date <= last_day THEN 'within_term' ELSE 'late' END,
       department, count(*)
FROM decided GROUP BY ALL
UNION ALL
SELECT 'outcome', outcome, department, count(*)
FROM reintegration WHERE outcome IS NOT NULL AND outcome_date BETWEEN $start AND $end
GROUP BY ALL
"""

# One group per organisation breakdown (members: its categories) and one per department
# measure (members: the departments), each with one total: all.
MEMBERS_SQL = """(
    SELECT 'organisation:' || breakdown AS grp, 'all' AS total, category AS member,
           sum(n) AS size
    FROM {counts} GROUP BY ALL HAVING sum(n) > 0
    UNION ALL
    SELECT 'department:' || CASE breakdown WHEN 'request_type' THEN 'requests'
                                           WHEN 'decision' THEN 'decisions'
                                           ELSE 'outcomes' END,
           'all', department, sum(n)
    FROM {counts} WHERE breakdown IN ('request_type', 'decision', 'outcome')
    GROUP BY ALL HAVING sum(n) > 0
)"""


def reintegration_review(con, year: int, *, min_group_size: int | None = None,
                         department=None) -> ReintegrationReview:
    """The year's re-integration figures for the organisation and per department, small
    counts suppressed (module docstring). `department` narrows `departments` to that one
    department; the breakdowns stay the organisation's (a department's breakdown would
    make a two-way table whose cells the one-way rule cannot protect)."""
    minimum = check_min_group_size(store.min_group_size(con) if min_group_size is None
                                   else min_group_size)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    counts = f"reintegration_review_{uuid.uuid4().hex}"
    try:
        con.execute(COUNTS_SQL.format(
            counts=counts, calendar=calendar.calendar_sql(), law_2022=LAW_2022,
            calendar_term=TERM_CALENDAR_DAYS_SINCE_2022,
            working_term=TERM_WORKING_DAYS_BEFORE_2022),
            {"start": start, "end": end, **_calendar_parameters(con, start, end)})
        cells = con.execute(f"SELECT * FROM {counts}").df()
        with privacy.suppression_tables(
                con, MEMBERS_SQL.format(counts=counts),
                minimum, keys=("grp",)) as tables:
            hidden = con.execute(f"SELECT grp, member, reason FROM {tables.hidden}").df()
            totals = con.execute(f"SELECT grp, total, size, suppressed "
                                 f"FROM {tables.totals}").df()
        median, regimes = con.execute(f"""
            SELECT median(date_diff('day', request_date, decision_date)),
                   list(DISTINCT CASE WHEN request_date < DATE '{LAW_2022}' THEN '{REGIME_2016}'
                                      ELSE '{REGIME_2022}' END)
            FROM reintegration WHERE {DECIDED_IN_YEAR}
        """, {"start": start, "end": end}).fetchone()
    finally:
        con.execute(f"DROP TABLE IF EXISTS {counts}")
    reasons = {(row.grp, row.member): row.reason for row in hidden.itertuples()}
    breakdowns = {name: _breakdown(cells, reasons, name, codes, start, end)
                  for name, codes in BREAKDOWNS.items()}
    total_frame = _totals(totals, breakdowns["outcome"])
    shown = total_frame.set_index("measure")["count"]
    return ReintegrationReview(
        year=year, min_group_size=minimum, department=department,
        requests_by_type=breakdowns["request_type"],
        requests_by_initiator=breakdowns["initiator"],
        decisions=breakdowns["decision"], decision_terms=breakdowns["decision_term"],
        outcomes=breakdowns["outcome"], totals=total_frame,
        returned_share=_share(shown["returned"], shown["outcomes"]),
        median_days=(float(median) if median is not None and shown["decisions"] is not None
                     else None),
        departments=_departments(cells, reasons, department),
        legal_terms=_legal_terms(sorted(regimes or [])),
    )


def _calendar_parameters(con, start: dt.date, end: dt.date) -> dict:
    """The working-day calendar from the earliest request decided in the year to 120 days
    past the last one decided under the 2016 rules (a 40-working-day term ends before)."""
    first = con.execute(f"SELECT min(request_date) FROM reintegration WHERE {DECIDED_IN_YEAR}",
                        {"start": start, "end": end}).fetchone()[0] or start
    last = max(first, min(end, _LAW_2022)) + dt.timedelta(days=120)
    return calendar.calendar_parameters(first, last)


def _frame(rows, columns) -> pandas.DataFrame:
    """A frame whose count columns hold ints and None (never floats or NaN)."""
    data = list(zip(*rows)) if rows else [()] * len(columns)
    return pandas.DataFrame({column: pandas.Series(values, dtype=object)
                             for column, values in zip(columns, data)}, columns=columns
                            ).astype({column: bool for column in columns if column == "suppressed"})


def _breakdown(cells, reasons, name, codes, start, end) -> pandas.DataFrame:
    """The organisation's counts of one breakdown, every code in force in the year or used."""
    chosen = cells[cells["breakdown"] == name]
    sums = chosen.groupby("category")["n"].sum()
    rows = []
    for code in codes:
        count = int(sums.get(code, 0))
        if not count and not _in_force(code, start, end):
            continue
        reason = reasons.get((f"organisation:{name}", code))
        rows.append((code, None if reason else count, reason is not None, reason))
    return _frame(rows, COUNT_COLUMNS)


def _in_force(code, start, end) -> bool:
    first, stop = IN_FORCE.get(code, (None, None))
    return (first is None or first <= end) and (stop is None or stop > start)


def _totals(totals, outcomes) -> pandas.DataFrame:
    """The organisation's requests, decisions and outcomes (a total is suppressed only by
    its own size), the returns to work (the sum of the three returned outcomes, shown only
    when each of them is: a shown sum of hidden outcomes would give away the rest) and the
    medical force majeure outcomes."""
    rows = []
    for measure, breakdown in TOTALS.items():
        found = totals[totals["grp"] == f"organisation:{breakdown}"]
        if found.empty:          # nothing counted: a shown zero
            rows.append((measure, 0, False, None))
        elif bool(found["suppressed"].iloc[0]):
            rows.append((measure, None, True, privacy.SMALL))
        else:
            rows.append((measure, int(found["size"].iloc[0]), False, None))
    returned = outcomes[outcomes["category"].isin(RETURNED_OUTCOMES)]
    if returned["suppressed"].any():
        reason = (privacy.SMALL if (returned["reason"] == privacy.SMALL).any()
                  else privacy.COMPLEMENTARY)
        rows.append(("returned", None, True, reason))
    else:
        rows.append(("returned", int(sum(returned["count"])), False, None))
    majeure = outcomes[outcomes["category"] == FORCE_MAJEURE].iloc[0]
    rows.append(("force_majeure", majeure["count"], bool(majeure["suppressed"]),
                 majeure["reason"]))
    return _frame(rows, TOTAL_COLUMNS)


def _share(part, whole) -> float | None:
    if part is None or whole is None or not whole:
        return None
    return part / whole


def _departments(cells, reasons, department) -> pandas.DataFrame:
    """One row per department: its requests, decisions and outcomes of the year."""
    names = sorted(cells["department"].unique()) if department is None else [department]
    rows = []
    for name in names:
        counts, why = [], []
        for measure, breakdown in TOTALS.items():
            reason = reasons.get((f"department:{measure}", name))
            chosen = cells[(cells["breakdown"] == breakdown) & (cells["department"] == name)]
            counts.append(None if reason else int(chosen["n"].sum()))
            why.append(reason)
        rows.append((name, *counts, *why))
    return _frame(rows, DEPARTMENT_COLUMNS)


def _legal_terms(regimes) -> pandas.DataFrame:
    known = {
        REGIME_2016: (None, _LAW_2022, TERM_WORKING_DAYS_BEFORE_2022, "working_days"),
        REGIME_2022: (_LAW_2022, None, TERM_CALENDAR_DAYS_SINCE_2022, "calendar_days"),
    }
    return pandas.DataFrame([(regime, *known[regime]) for regime in regimes],
                            columns=TERM_COLUMNS)
