import datetime as dt

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from signals.cycle import evaluation
from signals.cycle.common import add_months

INDICATOR = "absence_frequency"
FIRST = dt.date(2023, 1, 1)
START = dt.date(2024, 1, 15)            # month 12; before = 2023, after from 2024-04
EVALUATION = dt.date(2025, 1, 15)        # after window 2024-04 .. 2024-12: 9 months


def months(count=24):
    return [add_months(FIRST, k) for k in range(count)]


def frame_of(series: dict[str, tuple], suppressed: dict[str, set] | None = None,
             all_suppressed: set | None = None) -> pd.DataFrame:
    """An indicator frame: {department: (counts, exposures)}, ALL the sums; suppressed
    rows (by month index) carry no numerator and no value, as indicator_frame gives them."""
    suppressed = suppressed or {}
    rows = []
    count = len(next(iter(series.values()))[0])
    totals = np.zeros(count), np.zeros(count)
    for department, (counts, exposures) in series.items():
        totals = totals[0] + counts, totals[1] + exposures
        for k, month in enumerate(months(count)):
            hidden = k in suppressed.get(department, set())
            rows.append((month, department, counts[k], exposures[k], hidden))
    for k, month in enumerate(months(count)):
        rows.append((month, "ALL", totals[0][k], totals[1][k], k in (all_suppressed or set())))
    frame = pd.DataFrame(rows, columns=["month", "department", "numerator", "denominator",
                                        "suppressed"])
    frame["indicator"] = INDICATOR
    frame.loc[frame["suppressed"], "numerator"] = np.nan
    frame["value"] = 100 * frame["numerator"] / frame["denominator"]
    return frame


def step(before: float, after: float, count=24, change_at=12) -> np.ndarray:
    return np.where(np.arange(count) < change_at, before, after).astype(float)


def noisy(before: float, after: float, seed: int) -> np.ndarray:
    """Poisson counts around a step (a fixed seed: the same series every run)."""
    return np.random.default_rng(seed).poisson(step(before, after)).astype(float)


def halved_team(seed=1, **kwargs) -> pd.DataFrame:
    return frame_of({"Geriatrie": (noisy(40, 20, seed), step(200, 200)),
                     "Rest": (noisy(400, 400, seed + 100), step(2000, 2000))}, **kwargs)


def test_windows_skip_the_start_up_and_stop_before_the_evaluation_month():
    before, after = evaluation.windows(START, EVALUATION, dt.date(2026, 1, 1))
    assert (before[0], before[-1], len(before)) == (dt.date(2023, 1, 1), dt.date(2023, 12, 1), 12)
    assert (after[0], after[-1], len(after)) == (dt.date(2024, 4, 1), dt.date(2024, 12, 1), 9)
    assert evaluation.windows(START, EVALUATION, dt.date(2024, 8, 1))[1][-1] == dt.date(2024, 8, 1)


def test_halved_team_against_a_flat_rest_gives_the_hand_computed_ratios():
    frame = frame_of({"Geriatrie": (step(20, 10), step(100, 100)),
                      "Rest": (step(200, 200), step(1000, 1000))})
    result = evaluation.evaluate_indicator(frame, ["Geriatrie"], INDICATOR, START, EVALUATION)
    assert (result.before_months, result.after_months) == (12, 9)
    assert result.team_before == pytest.approx(20.0)        # 100 x 240 / 1200
    assert result.team_after == pytest.approx(10.0)         # 100 x 90 / 900
    assert result.team_ratio == pytest.approx(0.5)
    assert (result.rest_before, result.rest_after, result.rest_ratio) == pytest.approx((20, 20, 1))
    assert result.effect.ratio == pytest.approx(0.5)
    assert result.effect.dispersion == pytest.approx(0, abs=1e-9)     # an exact fit
    assert (result.effect.low, result.effect.high) == pytest.approx((0.5, 0.5))
    nl = evaluation.sentence(result, "nl")
    assert nl.startswith("Frequentie van afwezigheid in Geriatrie ging van 20,0% naar "
                         "10,0% (\u221250%); in de rest van de organisatie 0%; "
                         "verschil \u221250% (95%-BI \u2212")
    assert "tot \u221250%): waarschijnlijk verbeterd." in nl    # an exact fit: no width
    assert "went from 20.0% to 10.0% (\u221250%)" in evaluation.sentence(result, "en")
    assert evaluation.sentence(result, "de").endswith(": wahrscheinlich verbessert.")
    assert "probablement amélioré" in evaluation.sentence(result, "fr")


def test_a_noisy_halving_is_a_likely_improvement():
    result = evaluation.evaluate_indicator(halved_team(), ["Geriatrie"], INDICATOR, START, EVALUATION)
    assert 0.4 < result.effect.ratio < 0.6 and result.effect.dispersion > 0
    assert result.effect.low < result.effect.ratio < result.effect.high < 1
    assert result.verdict == "likely_improvement"


def test_a_change_everywhere_is_not_credited_to_the_action():
    frame = frame_of({"Geriatrie": (noisy(40, 20, 5), step(200, 200)),
                      "Rest": (noisy(400, 200, 6), step(2000, 2000))})
    result = evaluation.evaluate_indicator(frame, ["Geriatrie"], INDICATOR, START, EVALUATION)
    assert result.team_ratio < 0.6 and result.rest_ratio < 0.6
    assert 0.8 < result.effect.ratio < 1.2 and result.effect.low < 1 < result.effect.high
    assert result.verdict == "no_clear_change"


def test_a_rise_is_likely_worse():
    frame = frame_of({"Geriatrie": (noisy(40, 80, 7), step(200, 200)),
                      "Rest": (noisy(400, 400, 8), step(2000, 2000))})
    result = evaluation.evaluate_indicator(frame, ["Geriatrie"], INDICATOR, START, EVALUATION)
    assert 1.7 < result.effect.ratio < 2.3 and result.verdict == "likely_worse"


def test_the_organisation_is_judged_on_its_own_quasi_poisson_ratio():
    rng = np.random.default_rng(3)
    counts = rng.poisson(step(50, 40)).astype(float)
    exposure = np.full(24, 500.0)
    frame = frame_of({"A": (counts, exposure)})
    result = evaluation.evaluate_indicator(frame, ["ALL"], INDICATOR, START, EVALUATION)
    before, after = counts[:12], counts[15:24]
    ratio = (after.sum() / 4500) / (before.sum() / 6000)
    fitted = np.concatenate([np.full(12, before.mean()), np.full(9, after.mean())])
    observed = np.concatenate([before, after])
    phi = np.sum((observed - fitted) ** 2 / fitted) / (21 - 2)
    residuals = (observed - fitted) / np.sqrt(fitted)
    r = min(max(np.sum(residuals[1:] * residuals[:-1]) / np.sum(residuals ** 2), 0), 0.8)
    inflation = (1 + r) / (1 - r)
    half = stats.t.ppf(0.975, 19) * np.sqrt(phi * inflation * (1 / before.sum() + 1 / after.sum()))
    assert result.effect.ratio == pytest.approx(ratio)
    assert result.effect.dispersion == pytest.approx(phi)
    assert result.effect.low == pytest.approx(ratio * np.exp(-half))
    assert result.effect.high == pytest.approx(ratio * np.exp(half))
    assert result.rest_ratio is None
    assert "zonder vergelijkingsgroep" in evaluation.sentence(result, "nl")
    assert "in de organisatie ging van" in evaluation.sentence(result, "nl")


def test_several_departments_are_one_team():
    frame = frame_of({"A": (step(10, 5), step(50, 50)), "B": (step(10, 5), step(50, 50)),
                      "Rest": (step(200, 200), step(1000, 1000))})
    result = evaluation.evaluate_indicator(frame, ["A", "B"], INDICATOR, START, EVALUATION)
    assert result.team_before == pytest.approx(20.0) and result.effect.ratio == pytest.approx(0.5)


@pytest.mark.parametrize("latest, verdict", [(dt.date(2024, 8, 1), "too_early"),
                                             (dt.date(2024, 9, 1), "likely_improvement")])
def test_five_months_after_is_too_early_six_is_judged(latest, verdict):
    result = evaluation.evaluate_indicator(halved_team(), ["Geriatrie"], INDICATOR, START, EVALUATION,
                                           latest_month=latest)
    assert result.verdict == verdict
    if verdict == "too_early":
        assert result.effect is None and result.team_before is None
        assert "te vroeg om te oordelen" in evaluation.sentence(result, "nl")


@pytest.mark.parametrize("hidden, verdict", [(set(range(6)), "likely_improvement"),
                                             (set(range(7)), "too_little_data"),
                                             ({15, 16, 17}, "likely_improvement"),
                                             ({15, 16, 17, 18}, "too_little_data")])
def test_suppressed_months_are_not_usable(hidden, verdict):
    """6 of 12 usable before and 6 of 9 after are enough; one fewer is too little data."""
    result = evaluation.evaluate_indicator(halved_team(suppressed={"Geriatrie": hidden}), ["Geriatrie"],
                                           INDICATOR, START, EVALUATION)
    assert result.verdict == verdict
    if verdict == "too_little_data":
        assert (result.team_before, result.team_after, result.effect) == (None, None, None)
        assert "te weinig gegevens" in evaluation.sentence(result, "nl")


def test_a_month_hidden_for_all_is_left_out_of_the_team_and_the_rest():
    """Month 0 is odd (a spike in the team and the rest); hidden for ALL, it counts nowhere, so
    no before figure includes it and none can be subtracted to reveal it."""
    team, rest = step(20, 10), step(200, 200)
    team[0], rest[0] = 80, 500
    frame = frame_of({"Geriatrie": (team, step(100, 100)), "Rest": (rest, step(1000, 1000))},
                     all_suppressed={0})
    result = evaluation.evaluate_indicator(frame, ["Geriatrie"], INDICATOR, START, EVALUATION)
    assert result.before_months == 11
    assert result.team_before == pytest.approx(20.0) and result.rest_before == pytest.approx(20.0)
    assert result.effect.ratio == pytest.approx(0.5)


def test_too_few_events_is_too_little_data():
    frame = frame_of({"Geriatrie": (step(0.5, 0.25) * (np.arange(24) % 2),  step(10, 10)),
                      "Rest": (step(200, 200), step(1000, 1000))})
    frame["numerator"] = frame["numerator"].round()
    result = evaluation.evaluate_indicator(frame, ["Geriatrie"], INDICATOR, START, EVALUATION)
    assert result.verdict == "too_little_data"


def test_evaluate_action_gives_one_result_per_indicator():
    frame = halved_team()
    action = {"departments": ["Geriatrie"], "indicators": [INDICATOR, "absence_rate"],
              "start_date": START, "evaluation_date": EVALUATION}
    results = evaluation.evaluate_action(frame, action)
    assert [r.indicator for r in results] == [INDICATOR, "absence_rate"]
    assert [r.verdict for r in results] == ["likely_improvement", "too_little_data"]


def test_autocorrelated_residuals_widen_the_interval():
    assert evaluation.autocorrelation_inflation(np.array([1.0, -1, 1, -1, 1])) == 1.0
    assert evaluation.autocorrelation_inflation(np.zeros(5)) == 1.0
    smooth = np.array([2.0, 2, 1, 1, -1, -1, -2, -2])                   # r = 13 / 20
    assert evaluation.autocorrelation_inflation(smooth) == pytest.approx(1.65 / 0.35)
    flat = np.ones(10)                                                   # r = 9 / 10, capped
    assert evaluation.autocorrelation_inflation(flat) == pytest.approx(1.8 / 0.2)
    mild = np.array([1.0, 1, -1, -1, 1, 1, -1, -1])
    assert evaluation.autocorrelation_inflation(mild) == pytest.approx((1 + 1 / 8) / (1 - 1 / 8))


def test_signed_percent_in_each_language():
    assert evaluation.signed_percent(0.69, "nl") == "\u221231%"
    assert evaluation.signed_percent(1.034, "en") == "+3%"
    assert evaluation.signed_percent(1.0, "fr") == "0\u00a0%"


def test_the_demo_organisation_evaluates_from_the_real_indicator_frame(demo_database_file):
    """The suppressed frame as indicator_frame gives it (dates, flags, NaN) goes through, and
    a department's suppressed rows keep it from being judged."""
    from signals import store
    from signals.measures.indicators import indicator_frame

    with store.connect(demo_database_file, read_only=True) as con:
        frame = indicator_frame(con)
    last = max(frame["month"])
    start = add_months(last, -15)
    rows = frame[frame["indicator"] == "absence_rate"]
    shown = rows[rows["department"] != "ALL"].groupby("department")["suppressed"].sum()
    department = shown.index[shown == 0][0]
    result = evaluation.evaluate_indicator(frame, [department], "absence_rate", start,
                                           add_months(start, 12))
    assert result.verdict in ("likely_improvement", "no_clear_change", "likely_worse")
    assert (result.before_months, result.after_months) == (12, 9)
    assert result.team_before == pytest.approx(
        100 * rows[(rows["department"] == department)
                   & rows["month"].between(add_months(start, -12), add_months(start, -1))]
        .pipe(lambda r: r["numerator"].sum() / r["denominator"].sum()))
    for lang in ("nl", "fr", "en", "de"):
        assert department in evaluation.sentence(result, lang)
    hidden = rows[rows["suppressed"] & (rows["department"] != "ALL")]
    assert not hidden.empty, "the demo has a small department"
    small = hidden["department"].value_counts().index[0]
    month = hidden[hidden["department"] == small]["month"].min()
    judged = evaluation.evaluate_indicator(frame, [small], "absence_rate",
                                           add_months(month, -3), add_months(month, 9))
    assert judged.after_months <= 8         # its hidden month is in the after window, not used


def test_cycle_texts_exist_in_every_language_with_the_same_placeholders():
    import string

    from signals.definitions import LANGUAGES
    from signals.texts import catalogue

    keys = [key for key in catalogue.declared() if key.startswith("cycle.")]
    assert {f"cycle.verdict.{verdict}" for verdict in evaluation.VERDICTS} <= set(keys)
    for key in keys:
        texts = {lang: catalogue.template(key, lang, 2) for lang in LANGUAGES}
        names = {lang: {name for _, name, _, _ in string.Formatter().parse(texts[lang]) if name}
                 for lang in LANGUAGES}
        assert len({frozenset(found) for found in names.values()}) == 1, key
