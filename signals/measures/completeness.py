"""Incomplete months: the workforce of a month is stored, a record kind is not (yet).

HR often uploads the workforce of October before October's absences. The indicators of
October then count the absences up to September only, and a quiet month would read as
"no department signals". A month is incomplete for a kind when:

- the kind was uploaded for earlier months (its table holds rows; a kind never uploaded
  is "unrecorded", see indicators.unrecorded_indicators), and
- the month has workforce rows and comes after the kind's latest month.

A kind's latest month is that of its latest event date: absences by start date (an
export written in September holds end dates to come), re-integration requests by request
date, turnover and incidents by their date. A rare kind with truly nothing in the last
month (no accident in October) also reads as incomplete: the screens say "nothing stored
yet", which is true, rather than a reassurance nobody can check.

A kind never uploaded leaves every month without it (`unrecorded_kinds`): its indicators
are shown as not known, and no month reads as a quiet "no department signals"
(`month_complete`).
"""

from __future__ import annotations

import datetime as dt

import pandas

from ..definitions import INDICATORS_BY_ID

# The date that places a stored row of each kind in a month.
EVENT_DATES = {
    "absences": "start_date",
    "turnover": "date",
    "incidents": "date",
    "reintegration": "request_date",
}


def incomplete_months(con) -> pandas.DataFrame:
    """One row per incomplete month and missing kind: month, kind, last_month (the kind's
    latest month), ordered by month and kind. Empty when every month is complete."""
    latest = " UNION ALL ".join(
        f"SELECT '{kind}' AS kind, max(date_trunc('month', {column}))::DATE AS last_month "
        f"FROM {kind}"
        for kind, column in EVENT_DATES.items()
    )
    rows = con.execute(f"""
        WITH latest AS ({latest}),
        months AS (SELECT DISTINCT month FROM workforce)
        SELECT months.month, latest.kind, latest.last_month
        FROM months JOIN latest ON latest.last_month IS NOT NULL AND months.month > latest.last_month
        ORDER BY months.month, latest.kind
    """).fetchall()            # dates as datetime.date, like the indicators' months
    return pandas.DataFrame(rows, columns=["month", "kind", "last_month"])


def missing_kinds(incomplete: pandas.DataFrame, month: dt.date) -> dict[str, dt.date]:
    """The kinds missing in `month` with each one's latest month (empty: the month is complete)."""
    rows = incomplete[incomplete["month"] == month]
    return dict(zip(rows["kind"], rows["last_month"]))


def unrecorded_kinds(unrecorded_indicators) -> tuple[str, ...]:
    """The record kinds (those of EVENT_DATES) never uploaded at all, from the indicators
    whose records were never uploaded (indicators.unrecorded_indicators). No month is
    complete without them: a quiet month then reads as incomplete, never as "no signal"."""
    kinds = {INDICATORS_BY_ID[indicator].source_kind for indicator in unrecorded_indicators}
    return tuple(kind for kind in EVENT_DATES if kind in kinds)


def month_complete(incomplete: pandas.DataFrame, unrecorded_indicators, month: dt.date) -> bool:
    """Whether every record kind is stored for `month`: none behind, none never uploaded."""
    return not missing_kinds(incomplete, month) and not unrecorded_kinds(unrecorded_indicators)
