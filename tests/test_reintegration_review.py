"""The yearly re-integration evaluation (signals.measures.reintegration_review), counted by
hand on small literal data: breakdowns, legal terms per regime, small counts suppressed
and never given away by subtraction."""

import datetime as dt

import pytest

from signals import store
from signals.config import ConfigError
from signals.measures.reintegration_review import reintegration_review

D = dt.date
MINIMUM = 5


@pytest.fixture
def con(db_path):
    with store.connect(db_path) as connection:
        yield connection


def add(con, request_id, department, request_date, request_type="trajectory",
        initiator="worker", decision="pending", decision_date=None, outcome=None,
        outcome_date=None):
    con.execute("INSERT INTO reintegration VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                [request_id, "k" + request_id, department, request_date, request_type,
                 initiator, decision, decision_date, outcome, outcome_date])


def year_2025(con):
    # A: six trajectories by the worker; five decided after 30 days and back at the same work
    for number in range(5):
        add(con, f"a{number}", "A", D(2025, 3, 3), decision="temporary_adapted_work",
            decision_date=D(2025, 4, 2), outcome="returned_same_work",
            outcome_date=D(2025, 6, 1))
    add(con, "a5", "A", D(2025, 5, 5))
    # B: five trajectories (3 by the employer, 2 by the treating physician); two decided,
    # on the 49th day (within the term) and on the 50th (late), one ending in force majeure
    add(con, "b0", "B", D(2025, 2, 3), initiator="employer", decision="definitive_adapted_work",
        decision_date=D(2025, 3, 24), outcome="ended_medical_force_majeure",
        outcome_date=D(2025, 9, 1))
    add(con, "b1", "B", D(2025, 2, 3), initiator="employer", decision="definitive_adapted_work",
        decision_date=D(2025, 3, 25))
    add(con, "b2", "B", D(2025, 2, 10), initiator="employer")
    add(con, "b3", "B", D(2025, 2, 10), initiator="treating_physician")
    add(con, "b4", "B", D(2025, 2, 10), initiator="treating_physician")
    # B: five trajectories of 2024, decided in 2024, back at adapted work in 2025
    for number in range(5):
        add(con, f"o{number}", "B", D(2024, 6, 3), decision="temporary_adapted_work",
            decision_date=D(2024, 7, 1), outcome="returned_adapted_work",
            outcome_date=D(2025, 2, 1))
    # C: four pre-return visits of 2024 stopped in 2025, two new ones in 2025
    for number in range(4):
        add(con, f"c{number}", "C", D(2024, 11, 4), request_type="pre_return_visit",
            outcome="stopped", outcome_date=D(2025, 1, 15))
    add(con, "c4", "C", D(2025, 8, 1), request_type="pre_return_visit")
    add(con, "c5", "C", D(2025, 8, 2), request_type="pre_return_visit")
    # outside the year
    add(con, "x0", "A", D(2026, 1, 5), request_type="preventive")


def counts(frame):
    return {row.category: (row.count, row.reason) for row in frame.itertuples()}


def test_breakdowns_by_hand_with_small_counts_and_their_complements_hidden(con):
    year_2025(con)
    review = reintegration_review(con, 2025, min_group_size=MINIMUM)
    # 11 trajectories, 2 pre-return visits: the 2 are small, the 11 would give them away
    # (13 - 11); `preventive` is not in force in 2025 and not used, so left out
    assert counts(review.requests_by_type) == {
        "trajectory": (None, "complementary"), "pre_return_visit": (None, "small")}
    # worker 6 + 2 = 8; employer 3 and treating physician 2 hidden, together 5: enough;
    # the advisory physician's right ended in 2022
    assert counts(review.requests_by_initiator) == {
        "worker": (8, None), "treating_physician": (None, "small"),
        "employer": (None, "small")}
    # decisions of 2025: 5 temporary (A), 2 definitive (B); none not assessable (shown 0);
    # the no-work decisions ended in 2022
    assert counts(review.decisions) == {
        "temporary_adapted_work": (None, "complementary"),
        "definitive_adapted_work": (None, "small"), "not_assessable": (0, None)}
    # 30, 30, 30, 30, 30, 49 days within the 49-day term; 50 late
    assert counts(review.decision_terms) == {
        "within_term": (None, "complementary"), "late": (None, "small")}
    assert review.median_days == 30.0
    # outcomes of 2025: 5 same work (A), 5 adapted work (B, requested in 2024), 1 force
    # majeure (B), 4 stopped (C): the small ones together 5, enough
    assert counts(review.outcomes) == {
        "returned_same_work": (5, None), "returned_adapted_work": (5, None),
        "returned_other_work": (0, None), "ended_medical_force_majeure": (None, "small"),
        "ended_other": (0, None), "stopped": (None, "small")}
    totals = {row.measure: (row.count, row.reason) for row in review.totals.itertuples()}
    assert totals == {"requests": (13, None), "decisions": (7, None), "outcomes": (15, None),
                      "returned": (10, None), "force_majeure": (None, "small")}
    assert review.returned_share == pytest.approx(10 / 15)
    assert list(review.legal_terms["regime"]) == ["2022"]
    assert review.legal_terms.iloc[0]["term"] == 49
    assert not review.empty


def test_departments_hide_small_counts_and_the_one_that_would_reveal_them(con):
    year_2025(con)
    review = reintegration_review(con, 2025, min_group_size=MINIMUM)
    rows = {row.department: row for row in review.departments.itertuples()}
    assert list(rows) == ["A", "B", "C"]
    # requests A 6, B 5, C 2: C small, B (smallest shown) hides it from 13 - 6
    assert [(rows[name].requests, rows[name].requests_reason) for name in "ABC"] == [
        (6, None), (None, "complementary"), (None, "small")]
    # decisions A 5, B 2, C 0: the zero stays shown
    assert [(rows[name].decisions, rows[name].decisions_reason) for name in "ABC"] == [
        (None, "complementary"), (None, "small"), (0, None)]
    # outcomes A 5, B 6, C 4
    assert [(rows[name].outcomes, rows[name].outcomes_reason) for name in "ABC"] == [
        (None, "complementary"), (6, None), (None, "small")]
    one = reintegration_review(con, 2025, min_group_size=MINIMUM, department="B")
    assert list(one.departments["department"]) == ["B"]
    assert one.departments.iloc[0]["outcomes"] == 6
    assert one.departments.iloc[0]["requests"] is None


def test_a_larger_minimum_hides_more_and_never_a_shown_total_minus_shown_parts(con):
    year_2025(con)
    review = reintegration_review(con, 2025, min_group_size=10)
    # outcomes 15: every category below 10 -> all hidden; the total itself stays shown
    assert all(count is None or count == 0 for count in review.outcomes["count"])
    totals = dict(zip(review.totals["measure"], review.totals["count"], strict=True))
    assert totals["outcomes"] == 15 and totals["requests"] == 13
    assert totals["decisions"] is None           # 7 < 10: the total itself
    assert totals["returned"] is None and review.returned_share is None
    assert review.median_days is None            # its count of decisions is hidden
    for frame in (review.requests_by_type, review.requests_by_initiator, review.outcomes):
        hidden = frame[frame["suppressed"]]
        assert hidden.empty or set(hidden["reason"]) <= {"small", "complementary"}


def test_legal_terms_per_regime_by_the_request_date(con):
    # before 2022-10-01: 40 working days; 2022-09-01 + 40 working days = 2022-10-27
    for number in range(5):
        add(con, f"w{number}", "A", D(2022, 9, 1), decision="temporary_adapted_work",
            decision_date=D(2022, 10, 27))
        add(con, f"l{number}", "A", D(2022, 9, 1), decision="temporary_adapted_work",
            decision_date=D(2022, 10, 28))
    # since then: 49 calendar days; 2022-10-03 + 49 = 2022-11-21
    for number in range(5):
        add(con, f"n{number}", "A", D(2022, 10, 3), decision="temporary_adapted_work",
            decision_date=D(2022, 11, 21))
        add(con, f"m{number}", "A", D(2022, 10, 3), decision="temporary_adapted_work",
            decision_date=D(2022, 11, 22))
    review = reintegration_review(con, 2022, min_group_size=MINIMUM)
    assert counts(review.decision_terms) == {"within_term": (10, None), "late": (10, None)}
    # days 56 x5, 57 x5, 49 x5, 50 x5: the median of 20 is (50 + 56) / 2
    assert review.median_days == 53.0
    terms = review.legal_terms
    assert list(zip(terms["regime"], terms["term"], terms["unit"], strict=True)) == [
        ("2016", 40, "working_days"), ("2022", 49, "calendar_days")]
    # in 2022 both the old and the new codes could be used
    assert set(review.decisions["category"]) == {
        "temporary_adapted_work", "temporary_no_work", "definitive_adapted_work",
        "definitive_no_work", "not_assessable"}
    assert "advisory_physician" in set(review.requests_by_initiator["category"])


def test_a_year_without_records_is_empty_and_shows_zeros(con):
    review = reintegration_review(con, 2019, min_group_size=MINIMUM)
    assert review.empty
    assert set(review.totals["count"]) == {0}
    assert review.departments.empty and review.legal_terms.empty
    assert review.returned_share is None and review.median_days is None


def test_the_minimum_never_goes_below_the_floor(con):
    with pytest.raises(ConfigError):
        reintegration_review(con, 2025, min_group_size=3)
