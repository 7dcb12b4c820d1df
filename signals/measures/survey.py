"""Survey scores (the `survey` kind of CONTRACT.md): not monthly indicators.

Per survey date, department and domain: the score (0-100, higher = more risk), the
respondents and the score's standard deviation. `ALL` per date and domain is the
respondent-weighted mean of the departments' scores; its standard deviation is the
pooled one (within and between departments) where every department gives one.

Suppression is the contract's "Small groups" rule per survey date and domain, with the
respondents in place of H (suppression.suppression_tables, keys date and domain): a
suppressed row shows no score and no standard deviation.
"""

from __future__ import annotations

import pandas

from .. import store
from ..definitions import ALL_DEPARTMENTS
from . import suppression as privacy

SURVEY_COLUMNS = ("date", "department", "domain", "respondents", "score", "score_sd",
                  "suppressed", "suppression_reason")
SURVEY_CSV_HEADER = ("date", "department", "domain", "respondents", "score", "score_sd",
                     "suppressed")

MEMBERS_SQL = f"""
    SELECT date, domain, '{privacy.TOTAL_ALL}' AS total, department AS member,
           respondents AS size
    FROM survey
"""

RESULT_SQL = """
WITH organisation AS (
    -- the respondent-weighted mean; the pooled deviation: sqrt(sum n (sd^2 + (m - M)^2) / N)
    SELECT date, domain, sum(respondents) AS respondents,
           CASE WHEN sum(respondents) > 0
                THEN sum(respondents * score) / sum(respondents) END AS score,
           bool_and(score_sd IS NOT NULL) AS every_sd
    FROM survey GROUP BY date, domain
),
with_all AS (
    SELECT date, department, domain, respondents, score, score_sd FROM survey
    UNION ALL
    SELECT o.date, '{all}', o.domain, o.respondents, o.score,
           CASE WHEN o.every_sd AND o.respondents > 0
                THEN sqrt(sum(s.respondents * (s.score_sd ^ 2 + (s.score - o.score) ^ 2))
                          / o.respondents) END
    FROM organisation AS o JOIN survey AS s USING (date, domain)
    GROUP BY o.date, o.domain, o.respondents, o.score, o.every_sd
),
reasons AS (
    SELECT date, domain, member AS department, reason FROM {hidden}
    UNION ALL
    SELECT date, domain, '{all}', '{small}' FROM {totals} WHERE suppressed
)
SELECT c.date, c.department, c.domain, c.respondents::BIGINT AS respondents,
       CASE WHEN $suppress AND r.reason IS NOT NULL THEN NULL ELSE c.score END AS score,
       CASE WHEN $suppress AND r.reason IS NOT NULL THEN NULL ELSE c.score_sd END AS score_sd,
       r.reason IS NOT NULL AS suppressed, r.reason AS suppression_reason
FROM with_all AS c
LEFT JOIN reasons AS r USING (date, domain, department)
ORDER BY c.date, c.department <> '{all}', c.department, c.domain
"""


def survey_frame(con, *, min_group_size: int | None = None,
                 suppress: bool = True) -> pandas.DataFrame:
    """One row per survey date, department and domain, `ALL` included (SURVEY_COLUMNS);
    suppressed rows carry no score and no score_sd unless suppress=False."""
    exists = con.execute("SELECT count(*) FROM information_schema.tables "
                         "WHERE table_name = 'survey'").fetchone()[0]
    if not exists:
        return pandas.DataFrame(columns=SURVEY_COLUMNS)
    if min_group_size is None:
        min_group_size = store.min_group_size(con)
    with privacy.suppression_tables(con, f"({MEMBERS_SQL})", min_group_size,
                                    keys=("date", "domain")) as tables:
        frame = con.execute(RESULT_SQL.format(
            all=ALL_DEPARTMENTS, hidden=tables.hidden, totals=tables.totals,
            small=privacy.SMALL), {"suppress": suppress}).df()
    frame["date"] = pandas.to_datetime(frame["date"]).dt.date
    frame["suppression_reason"] = frame["suppression_reason"].astype(object).where(
        frame["suppressed"], None)
    return frame[list(SURVEY_COLUMNS)]


def survey_csv(con) -> str:
    """The survey scores as CSV (SURVEY_CSV_HEADER), suppression applied: a suppressed row
    has empty score and score_sd. Numbers to 6 decimals, dates YYYY-MM-DD."""
    frame = survey_frame(con)
    text = pandas.DataFrame({
        "date": [day.isoformat() for day in frame["date"]],
        "department": frame["department"],
        "domain": frame["domain"],
        "respondents": frame["respondents"].astype("int64").astype(str),
        "score": frame["score"].map(_number),
        "score_sd": frame["score_sd"].map(_number),
        "suppressed": frame["suppressed"].map({True: "true", False: "false"}),
    }, columns=list(SURVEY_CSV_HEADER))
    return text.to_csv(index=False, lineterminator="\n")


def _number(value) -> str:
    """Rounded to 6 decimals without trailing zeros; '' when missing."""
    if value is None or pandas.isna(value):
        return ""
    return f"{round(float(value), 6):.6f}".rstrip("0").rstrip(".")
