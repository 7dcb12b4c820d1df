"""The change of survey scores between two waves (signals.measures.survey_change), by hand:
difference of means, its 95% interval from sd/sqrt(n) of each wave, and no change where a
wave hides its score."""

import datetime as dt
import math

import pytest

from signals import store
from signals.ingest.loader import ingest_bytes
from signals.measures.survey import survey_frame
from signals.measures.survey_change import survey_change

FIRST, SECOND = dt.date(2024, 3, 1), dt.date(2025, 3, 1)
ROWS = """date,department,domain,respondents,score,score_sd
2024-03-01,A,exhaustion,40,50,10
2024-03-01,B,exhaustion,20,40,10
2024-03-01,C,exhaustion,4,70,5
2024-03-01,D,exhaustion,12,45,8
2025-03-01,A,exhaustion,50,56,12
2025-03-01,B,exhaustion,25,42,10
2025-03-01,C,exhaustion,30,60,5
2025-03-01,D,exhaustion,12,47,8
2024-03-01,A,work_content,40,30,
2025-03-01,A,work_content,50,33,
"""


@pytest.fixture
def change(db_path):
    result = ingest_bytes(db_path, "survey", "survey.csv", ROWS.encode())
    assert result.accepted, result.error_report()
    with store.connect(db_path) as con:
        frame = survey_frame(con, min_group_size=10)
    rows = survey_change(frame, FIRST, SECOND)
    return {(row.department, row.domain): row for row in rows.itertuples()}


def test_change_and_its_95_percent_interval_by_hand(change):
    a = change[("A", "exhaustion")]
    assert (a.score_first, a.score_second, a.change) == (50.0, 56.0, 6.0)
    error = math.sqrt(10 ** 2 / 40 + 12 ** 2 / 50)          # sqrt(5.38)
    assert a.standard_error == pytest.approx(error)
    assert (a.low, a.high) == pytest.approx((6 - 1.959964 * error, 6 + 1.959964 * error))
    assert a.clear and not a.suppressed
    # B: 2 points with a standard error of sqrt(5 + 4) = 3: the interval holds 0
    b = change[("B", "exhaustion")]
    assert (b.change, b.standard_error) == pytest.approx((2.0, 3.0))
    assert (b.low, b.high) == pytest.approx((2 - 1.959964 * 3, 2 + 1.959964 * 3))
    assert not b.clear


def test_without_a_deviation_the_change_has_no_interval(change):
    row = change[("A", "work_content")]
    assert row.change == 3.0
    assert math.isnan(row.standard_error) and math.isnan(row.low) and not row.clear


def test_a_wave_that_hides_a_score_hides_the_change(change):
    # wave 1: C has 4 respondents (small); D (12, the smallest shown) protects it
    c, d = change[("C", "exhaustion")], change[("D", "exhaustion")]
    assert (c.suppressed, c.suppression_reason, d.suppressed, d.suppression_reason) == (
        True, "small", True, "complementary")
    for row in (c, d):
        assert math.isnan(row.change) and math.isnan(row.score_first)
        assert math.isnan(row.low) and math.isnan(row.high)
    # the second wave's own score stays: it is shown in that wave
    assert (c.score_second, d.score_second) == (60.0, 47.0)


def test_the_organisation_changes_by_its_respondent_weighted_means(change):
    row = change[("ALL", "exhaustion")]
    first = (40 * 50 + 20 * 40 + 4 * 70 + 12 * 45) / 76
    second = (50 * 56 + 25 * 42 + 30 * 60 + 12 * 47) / 117
    assert row.change == pytest.approx(second - first)
    assert row.standard_error > 0 and not row.suppressed


def test_no_common_wave_gives_an_empty_table(db_path):
    with store.connect(db_path) as con:
        frame = survey_frame(con, min_group_size=10)
    assert survey_change(frame, FIRST, SECOND).empty
