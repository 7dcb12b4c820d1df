"""Signals of the indicators of contract v2: hours per FTE on an individuals chart, the
12-month employee counts as stocks, the new rare events as counts."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from signals.alerts import spc
from signals.alerts.detection import evaluate_frame

MONTHS = [dt.date(2021 + i // 12, i % 12 + 1, 1) for i in range(36)]


def frame_of(indicator: str, numerators, denominators, headcount: int = 20) -> pd.DataFrame:
    """One department 'Team' and its ALL (the same numbers), unsuppressed."""
    numerators = np.asarray(numerators, float)
    denominators = np.asarray(denominators, float)
    scale = 1.0 if indicator == "hours_per_fte" else 100.0
    parts = [pd.DataFrame({
        "month": MONTHS[:len(numerators)], "department": department, "indicator": indicator,
        "numerator": numerators, "denominator": denominators,
        "value": scale * numerators / denominators, "headcount": headcount, "suppressed": False,
    }) for department in ("ALL", "Team")]
    return pd.concat(parts, ignore_index=True)


def team_signals(evaluation, rule=None):
    rows = evaluation.signals[evaluation.signals["department"] == "Team"]
    if rule is not None:
        rows = rows[rows["rule"] == rule]
    return rows


def test_individuals_baseline_by_hand():
    # 150, 152, 150, ...: the 24 months before the last 3 have mean 151 and 23 moving
    # ranges of 2, so sigma = 2 / 1.128
    values = np.resize([150.0, 152.0], 28)[None, :]
    centre, sigma = spc.individuals_baseline(values, np.ones(values.shape, bool))
    assert centre[0, 27] == pytest.approx(151.0)
    assert sigma[0, 27] == pytest.approx(2 / 1.128)
    assert np.isnan(centre[0, 14])          # 11 months before the gap: too few


def test_hours_per_fte_alert_on_the_teams_own_variation():
    # 20 FTE working 3000 or 3040 hours (150 or 152 an FTE), then 3200 (160): above
    # 151 + 3 x 2 / 1.128 = 156.32
    hours = np.resize([3000.0, 3040.0], 28)
    hours[27] = 3200.0
    evaluation = evaluate_frame(frame_of("hours_per_fte", hours, np.full(28, 20.0)))
    alert = team_signals(evaluation, "beyond_upper_limit")
    assert list(alert["month"]) == [MONTHS[27]]
    assert alert.iloc[0]["expected"] == pytest.approx(151.0)
    assert alert.iloc[0]["upper_limit"] == pytest.approx(151.0 + 6 / 1.128)
    assert "usual month-to-month variation" in alert.iloc[0]["reason_en"]
    assert "160.0 hours per FTE" in alert.iloc[0]["reason_en"]
    assert not evaluation.funnel["indicator"].eq("hours_per_fte").any()


def test_hours_per_fte_within_its_variation_is_no_signal():
    # 155 an FTE is within 156.32, though a count model on 3100 hours would not say so
    hours = np.resize([3000.0, 3040.0], 28)
    hours[27] = 3100.0
    evaluation = evaluate_frame(frame_of("hours_per_fte", hours, np.full(28, 20.0)))
    assert team_signals(evaluation).empty
    chart = evaluation.chart[(evaluation.chart["department"] == "Team")
                             & (evaluation.chart["month"] == MONTHS[27])]
    assert chart.iloc[0]["upper_limit"] == pytest.approx(151.0 + 6 / 1.128)


@pytest.mark.parametrize("indicator", ["long_absence_risk", "frequent_absence"])
def test_twelve_month_employee_counts_are_stocks(indicator):
    # the same 3 of 30 people counted month after month from month 24: a stock gets no
    # CUSUM and no 3-month rule (they would add the same people up as new evidence)
    numerators = np.zeros(36)
    numerators[:24] = np.resize([1.0, 0.0, 1.0], 24)
    numerators[24:] = 3.0
    evaluation = evaluate_frame(frame_of(indicator, numerators, np.full(36, 30.0), 30))
    rules = set(team_signals(evaluation)["rule"])
    assert not rules & {"cusum_shift", "cusum_early", "three_months_high",
                        "three_months_raised"}


@pytest.mark.parametrize("indicator", ["harassment_rate", "serious_event_rate",
                                       "work_accident_rate", "relapse_rate"])
def test_new_rare_events_are_judged_as_counts(indicator):
    # none for 30 months, then 4 in a month in a team of 20: beyond the exact
    # quasi-Poisson limit of a rare count; the reason names the indicator
    numerators = np.zeros(31)
    numerators[30] = 4.0
    evaluation = evaluate_frame(frame_of(indicator, numerators, np.full(31, 20.0)))
    alert = team_signals(evaluation, "beyond_upper_limit")
    assert list(alert["month"]) == [MONTHS[30]]
    for lang in ("nl", "fr", "en"):
        assert alert.iloc[0][f"reason_{lang}"]
