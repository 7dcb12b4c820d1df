"""Improvement signals: a team clearly and durably better than its own baseline (level
'improvement'), the low-side mirror of the warning rules; on hand-made indicator frames."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from test_alerts import CLEAN, MONTHS, make_frame

from signals.alerts.detection import (
    IMPROVEMENT_LEVEL,
    IMPROVEMENT_REASON_COLUMNS,
    IMPROVEMENT_RULE,
    evaluate_frame,
    hotspots,
    signals_csv,
)
from signals.alerts.method import rule_rows
from signals.definitions import LANGUAGES

# ~12 absence episodes a month in a team of 100, halved from month 26 on and staying there.
HALVED_FROM = 26
HALVED = CLEAN * 2
HALVED[HALVED_FROM:] = [5, 6, 4, 6, 5, 6, 4, 5, 6, 5]


def improvement_months(evaluation, department: str = "Team") -> list[int]:
    rows = evaluation.signals[(evaluation.signals["department"] == department)
                              & (evaluation.signals["level"] == IMPROVEMENT_LEVEL)]
    return sorted(MONTHS.index(month) for month in rows["month"])


def test_a_clear_durable_drop_is_an_improvement():
    evaluation = evaluate_frame(make_frame({"Team": HALVED}, headcount=100))
    months = improvement_months(evaluation)
    # from the month the drop has lasted long enough, and every month after while it holds
    assert months and months == list(range(months[0], 36))
    assert HALVED_FROM + 2 <= months[0] <= HALVED_FROM + 5
    row = evaluation.signals[evaluation.signals["level"] == IMPROVEMENT_LEVEL].iloc[-1]
    assert row["rule"] == IMPROVEMENT_RULE
    assert row["value"] < row["upper_limit"] < row["expected"]   # under the lower limit crossed
    assert row["value"] == pytest.approx(100 * HALVED[30:].sum() / 600)   # the last 6 months
    assert not evaluation.signals["level"].isin(["watch", "alert"]).any()


def test_the_chart_carries_the_improvement_apart_from_the_warning_level():
    evaluation = evaluate_frame(make_frame({"Team": HALVED}, headcount=100))
    team = evaluation.chart[evaluation.chart["department"] == "Team"]
    improved = team[team["improvement"].notna()]
    assert len(improved) == len(improvement_months(evaluation))
    assert set(improved["improvement"]) == {IMPROVEMENT_RULE}
    assert team["level"].isna().all(), "level keeps meaning watch or alert"
    assert improved["improvement_reason_en"].str.contains("clearly lower").all()
    assert hotspots(evaluation).empty, "an improvement never ranks a department"


def test_noise_gives_next_to_no_improvement():
    rng = np.random.default_rng(7)
    series = {f"T{index:03d}": rng.poisson(6.0, 36).astype(float) for index in range(150)}
    signals = evaluate_frame(make_frame(series, headcount=50), detail=False).signals
    signals = signals[signals["department"] != "ALL"]
    judged_years = 150 * (36 - 15) / 12
    improvements = (signals["level"] == IMPROVEMENT_LEVEL).sum() / judged_years
    alerts = (signals["level"] == "alert").sum() / judged_years
    assert improvements <= 0.03, "about one improvement per indicator in 30 years at most"
    assert improvements <= max(alerts, 0.01), "no noisier than the high side"


def test_clean_series_gets_no_improvement():
    assert evaluate_frame(make_frame({"Team": CLEAN})).signals.empty


@pytest.mark.parametrize("dip", [[0.0], [0.0, 0.0], [2.0, 1.0]])
def test_a_short_dip_is_no_improvement(dip):
    series = CLEAN.copy()
    series[28:28 + len(dip)] = dip
    evaluation = evaluate_frame(make_frame({"Team": series}))
    assert improvement_months(evaluation) == []


def test_suppressed_months_never_get_an_improvement():
    hidden = [31, 32]
    evaluation = evaluate_frame(make_frame({"Team": HALVED}, headcount=100,
                                           suppressed={"Team": hidden}))
    months = improvement_months(evaluation)
    # no suppressed month, and no month whose 6 judged months hold a suppressed one
    assert not set(months) & set(range(hidden[0], hidden[-1] + 6))
    chart = evaluation.chart[evaluation.chart["department"] == "Team"]
    assert not set(MONTHS.index(month) for month in chart["month"]) & set(hidden)


def test_a_watch_or_alert_in_the_same_month_wins():
    # a team far above the organisation that halves: better than its own past, yet over
    # 12 months still beyond the organisation's funnel limit (an alert)
    team = np.full(36, 20.0)
    team[24:] = [11, 12, 10, 12, 11, 12, 10, 11, 12, 11, 12, 11]
    low = np.resize(np.array([3.0, 4, 2, 3, 4, 3]), 36)
    alone = evaluate_frame(make_frame({"Team": team, **{f"O{i}": low for i in range(6)}}))
    assert improvement_months(alone), "without an alert the drop is an improvement"
    crowded = evaluate_frame(make_frame({"Team": team, **{f"O{i:02d}": low for i in range(20)}}))
    assert improvement_months(crowded) == []
    chart = crowded.chart[crowded.chart["department"] == "Team"]
    assert (chart.loc[chart["month"] >= MONTHS[24], "level"] == "alert").all()
    assert chart["improvement"].isna().all()


def test_only_where_lower_is_better():
    requests = np.resize(np.array([4.0, 5.0, 3.0, 4.0, 6.0, 4.0]), 36)   # team of 400
    requests[24:] = 0.0
    evaluation = evaluate_frame(make_frame({"Team": requests}, "job_adaptation_request_rate",
                                           headcount=400))
    assert improvement_months(evaluation) == [], "fewer job-adaptation requests: no improvement"
    exits = evaluate_frame(make_frame({"Team": requests}, "turnover_rate", headcount=400))
    assert improvement_months(exits), "fewer exits: an improvement"


def test_the_csv_has_the_level_improvement():
    evaluation = evaluate_frame(make_frame({"Team": HALVED}, headcount=100), detail=False)
    lines = signals_csv(evaluation.signals).splitlines()
    rows = [line.split(",") for line in lines[1:] if ",Team," in line]
    assert rows and all(row[3:5] == ["improvement", "durable_drop"] for row in rows)
    value, expected, limit = map(float, rows[-1][5:8])
    assert value < limit < expected
    full = evaluate_frame(make_frame({"Team": HALVED}, headcount=100))
    assert signals_csv(full.signals) == signals_csv(evaluation.signals)


def test_the_sentence_in_every_language():
    evaluation = evaluate_frame(make_frame({"Team": HALVED}, headcount=100))
    improved = evaluation.chart[(evaluation.chart["department"] == "Team")
                                & evaluation.chart["improvement"].notna()]
    first, second = improved.iloc[0], improved.iloc[1]
    texts = {lang: second[column] for lang, column in zip(LANGUAGES, IMPROVEMENT_REASON_COLUMNS)}
    assert len(set(texts.values())) == len(LANGUAGES)
    assert texts["en"].startswith("Absence frequency over the last 6 months ")
    assert "improved for the second month in a row, since" in texts["en"]
    assert "both in the last 3 months and in the 3 before" in texts["en"]
    assert "verbeterd" in texts["nl"] and "," in texts["nl"].split("maanden ")[1][:6]
    assert "amélioration" in texts["fr"] and "\u202f:" in texts["fr"]
    assert "verbessert" in texts["de"]
    assert first["improvement_reason_en"].endswith("improved this month.")
    assert all(text.endswith(".") for text in texts.values())


def test_the_method_page_lists_the_improvement_rule():
    for lang in LANGUAGES:
        rows = pd.DataFrame(rule_rows(lang))
        row = rows[rows["level"] == IMPROVEMENT_LEVEL]
        assert len(row) == 1 and row["meaning"].iloc[0] and row["rule"].iloc[0]
