"""The re-integration indicators of CONTRACT v2, computed by hand: trajectory requests,
job adaptation requests and definitive unfitness (dated by decision or by outcome)."""

import datetime as dt

import pytest

from signals import store
from signals.definitions import INDICATORS_BY_ID, LANGUAGES
from signals.measures.indicators import indicator_frame

D = dt.date
SEPTEMBER, OCTOBER, NOVEMBER = D(2026, 9, 1), D(2026, 10, 1), D(2026, 11, 1)
INDICATORS = ("reintegration_request_rate", "job_adaptation_request_rate", "unfitness_rate")


@pytest.fixture
def con(db_path):
    with store.connect(db_path) as connection:
        for month in (SEPTEMBER, OCTOBER, NOVEMBER):
            for department, headcount in (("Zorg", 20), ("Keuken", 12), ("Klein", 4)):
                connection.execute("INSERT INTO workforce VALUES (?, ?, ?, NULL, NULL, 1)",
                                   [month, department, headcount])
        yield connection


def add_request(con, request_id, department, request_date, request_type="trajectory",
                initiator="worker", decision="pending", decision_date=None, outcome=None,
                outcome_date=None):
    con.execute("INSERT INTO reintegration VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                [request_id, "k" + request_id, department, request_date, request_type,
                 initiator, decision, decision_date, outcome, outcome_date])


def requests(con):
    add_request(con, "t1", "Zorg", D(2026, 9, 3))
    # definitive decision in October, then force majeure in November: counted once, October
    add_request(con, "t2", "Zorg", D(2026, 9, 20), initiator="employer",
                decision="definitive_adapted_work", decision_date=D(2026, 10, 15),
                outcome="ended_medical_force_majeure", outcome_date=D(2026, 11, 20))
    # requested before the workforce months; a temporary decision, force majeure in November
    add_request(con, "t3", "Zorg", D(2026, 8, 1), decision="temporary_adapted_work",
                decision_date=D(2026, 9, 10), outcome="ended_medical_force_majeure",
                outcome_date=D(2026, 11, 5))
    add_request(con, "p1", "Zorg", D(2026, 9, 5), request_type="preventive")
    add_request(con, "p2", "Zorg", D(2026, 9, 25), request_type="pre_return_visit",
                initiator="employer")
    add_request(con, "p3", "Keuken", D(2026, 10, 2), request_type="pre_return_visit")
    add_request(con, "k1", "Keuken", D(2026, 9, 8), decision="definitive_no_work",
                decision_date=D(2026, 9, 30))
    add_request(con, "k2", "Keuken", D(2026, 9, 9), decision="temporary_no_work",
                decision_date=D(2026, 9, 30))
    add_request(con, "k3", "Klein", D(2026, 9, 10), outcome="returned_same_work",
                outcome_date=D(2026, 9, 28))


def values(frame, month, department):
    rows = frame[(frame["month"] == month) & (frame["department"] == department)]
    by_indicator = rows.set_index("indicator")
    return [(by_indicator.loc[name, "numerator"], by_indicator.loc[name, "denominator"],
             by_indicator.loc[name, "value"]) for name in INDICATORS]


def same(found, expected):
    """Lists of (numerator, denominator, value), compared to float precision."""
    flat = [number for triple in found for number in triple]
    assert flat == pytest.approx([number for triple in expected for number in triple]), found


def test_counts_and_rates_by_hand(con):
    requests(con)
    frame = indicator_frame(con, suppress=False)
    # Zorg H=20: trajectories t1, t2; job adaptation p1, p2; no unfitness in September
    same(values(frame, SEPTEMBER, "Zorg"), [(2, 20, 10.0), (2, 20, 10.0), (0, 20, 0.0)])
    # Keuken H=12: trajectories k1, k2; k1 definitively unfit (k2's no-work is temporary)
    same(values(frame, SEPTEMBER, "Keuken"),
         [(2, 12, 100 * 2 / 12), (0, 12, 0.0), (1, 12, 100 / 12)])
    same(values(frame, SEPTEMBER, "Klein"), [(1, 4, 25.0), (0, 4, 0.0), (0, 4, 0.0)])
    # ALL H=36
    same(values(frame, SEPTEMBER, "ALL"),
         [(5, 36, 500 / 36), (2, 36, 200 / 36), (1, 36, 100 / 36)])
    # t2 by its decision_date (October), not its outcome_date; p3 in Keuken
    same(values(frame, OCTOBER, "Zorg"), [(0, 20, 0.0), (0, 20, 0.0), (1, 20, 5.0)])
    same(values(frame, OCTOBER, "Keuken")[1:2], [(1, 12, 100 / 12)])
    # t3 by its outcome_date: a temporary decision does not date unfitness
    same(values(frame, NOVEMBER, "Zorg"), [(0, 20, 0.0), (0, 20, 0.0), (1, 20, 5.0)])
    same(values(frame, NOVEMBER, "ALL")[2:], [(1, 36, 100 / 36)])


def test_small_groups_are_suppressed_like_the_other_indicators(con):
    requests(con)
    frame = indicator_frame(con, min_group_size=10)
    september = frame[(frame["month"] == SEPTEMBER) & frame["indicator"].isin(INDICATORS)]
    hidden = september[september["suppressed"]]
    # Klein (H=4) is small; ALL minus Zorg would reveal it, so Keuken (smallest) goes too
    assert set(hidden["department"]) == {"Klein", "Keuken"}
    assert hidden["numerator"].isna().all() and hidden["value"].isna().all()
    all_row = values(frame, SEPTEMBER, "ALL")
    same(all_row[2:], [(1, 36, 100 / 36)])


def test_the_three_are_rare_events_with_names_in_four_languages():
    for name in INDICATORS:
        indicator = INDICATORS_BY_ID[name]
        assert indicator.rare and indicator.source_kind == "reintegration"
        for lang in LANGUAGES:
            assert indicator.name(lang).strip() and indicator.definition(lang).strip()


@pytest.mark.parametrize("indicator", INDICATORS)
def test_a_cluster_of_requests_is_a_rare_event_signal_with_its_reason(indicator):
    """Three months with 7 requests where 1 was expected: the exact count test fires, and
    the signal's reason names the indicator in every language."""
    import numpy as np
    import pandas as pd

    from signals.alerts.detection import evaluate_frame

    months = [dt.date(2023 + i // 12, i % 12 + 1, 1) for i in range(36)]
    counts = np.resize(np.array([0.0, 1.0, 0.0, 0.0, 1.0, 0.0]), 36)
    counts[30:33] = [2, 3, 2]
    team = pd.DataFrame({"month": months, "department": "Zorg", "indicator": indicator,
                         "numerator": counts, "denominator": 50.0, "headcount": 50,
                         "suppressed": False})
    frame = pd.concat([team, team.assign(department="ALL")], ignore_index=True)
    frame["value"] = 100 * frame["numerator"] / frame["denominator"]
    signals = evaluate_frame(frame).signals
    signal = signals[(signals["department"] == "Zorg")
                     & (signals["rule"] == "three_months_high")].iloc[0]
    assert signal["month"] == months[32]
    for lang in ("nl", "fr", "en"):
        assert signal[f"reason_{lang}"].startswith(INDICATORS_BY_ID[indicator].name(lang))
