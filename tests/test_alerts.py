"""Warning signals on hand-made indicator frames: each rule, suppression, CSV, hotspots."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from signals.alerts import detection as alerts
from signals.alerts.detection import Evaluation, evaluate_frame, hotspots, signals_csv
from signals.alerts.sentences import rule_name
from signals.definitions import CELL_INDICATOR_IDS, LANGUAGES
from signals.texts.formatting import format_number

MONTHS = [dt.date(2021 + i // 12, i % 12 + 1, 1) for i in range(36)]
# A clean series of absence episodes for a team of 50 (about 6 a month), period 5 so
# that it does not look like a season.
CLEAN = np.resize(np.array([6.0, 7.0, 5.0, 8.0, 4.0]), 36)


def make_frame(series: dict, indicator: str = "absence_frequency", headcount: int = 50,
               suppressed: dict | None = None, exposure: dict | None = None) -> pd.DataFrame:
    """An indicator frame (the shape of indicators.indicator_frame, suppress=False) for
    {department: monthly numerators}, with ALL as the sum of the departments."""
    suppressed = suppressed or {}
    exposure = exposure or {}
    parts = []
    for department, numerators in series.items():
        denominators = exposure.get(department, np.full(len(MONTHS), float(headcount)))
        flags = np.zeros(len(MONTHS), bool)
        flags[list(suppressed.get(department, []))] = True
        parts.append(pd.DataFrame({
            "month": MONTHS, "department": department, "indicator": indicator,
            "numerator": np.asarray(numerators, float), "denominator": denominators,
            "headcount": headcount, "suppressed": flags,
        }))
    frame = pd.concat(parts, ignore_index=True)
    total = frame.groupby("month", as_index=False)[["numerator", "denominator", "headcount"]].sum()
    total = total.assign(department="ALL", indicator=indicator, suppressed=False)
    frame = pd.concat([frame, total], ignore_index=True)
    scale = 1e6 if indicator == "accident_frequency_rate" else 100.0
    frame["value"] = scale * frame["numerator"] / frame["denominator"]
    return frame


def fired(evaluation: Evaluation, department: str, rule: str) -> list[int]:
    """Month indexes where the rule fired for the department."""
    rows = evaluation.signals[(evaluation.signals["department"] == department)
                              & (evaluation.signals["rule"] == rule)]
    return sorted(MONTHS.index(month) for month in rows["month"])


def test_clean_series_fires_nothing():
    evaluation = evaluate_frame(make_frame({"Team": CLEAN}))
    assert evaluation.signals.empty
    assert evaluation.chart["level"].isna().all()
    assert len(evaluation.chart) == 2 * 36


def test_one_spike_fires_the_three_sigma_rule():
    series = CLEAN.copy()
    series[30] = 20
    evaluation = evaluate_frame(make_frame({"Team": series}))
    assert fired(evaluation, "Team", "beyond_upper_limit") == [30]
    row = evaluation.chart[(evaluation.chart["department"] == "Team")
                           & (evaluation.chart["month"] == MONTHS[30])].iloc[0]
    assert row["level"] == "alert" and row["rule"] == "beyond_upper_limit"
    assert row["value"] > row["upper_limit"] > row["watch_limit"] > row["expected"] > row["lower_limit"]
    assert "20 " not in row["reason_en"] and "40.0%" in row["reason_en"]


def test_seven_months_above_centre():
    series = CLEAN.copy()
    series[25] = 4
    series[26:33] = 8
    evaluation = evaluate_frame(make_frame({"Team": series}))
    assert fired(evaluation, "Team", "run_above_centre")[0] == 32
    assert fired(evaluation, "Team", "beyond_upper_limit") == []


def test_six_increases():
    series = CLEAN.copy()
    series[24:31] = [4, 5, 6, 7, 8, 9, 10]
    evaluation = evaluate_frame(make_frame({"Team": series}))
    assert fired(evaluation, "Team", "run_of_increases") == [30]
    assert fired(evaluation, "Team", "beyond_upper_limit") == []


def test_two_of_three_beyond_two_sigma():
    clean = evaluate_frame(make_frame({"Team": CLEAN})).chart.set_index(["department", "month"])
    series = CLEAN.copy()
    for month in (28, 30):                      # between the 2- and 3-sigma limits
        limits = clean.loc[("Team", MONTHS[month]), ["watch_limit", "upper_limit"]]
        series[month] = np.floor(limits.mean() * 50 / 100)
        assert limits["watch_limit"] < series[month] * 2 < limits["upper_limit"]
    evaluation = evaluate_frame(make_frame({"Team": series}))
    assert fired(evaluation, "Team", "two_of_three_high") == [30]
    assert fired(evaluation, "Team", "beyond_upper_limit") == []


def test_sustained_shift_fires_cusum():
    series = CLEAN.copy()
    series[20:] = CLEAN[20:] * 1.7
    evaluation = evaluate_frame(make_frame({"Team": series}))
    months = fired(evaluation, "Team", "cusum_shift")
    assert months and 20 <= months[0] <= 25
    first = evaluation.signals[(evaluation.signals["rule"] == "cusum_shift")
                               & (evaluation.signals["department"] == "Team")].iloc[0]
    run = first["months_in_row"]
    assert first["since"] == MONTHS[months[0] - run + 1] and run >= 2
    assert first["since"].strftime("since %B %Y") in first["reason_en"]


def peers(count: int = 8) -> dict:
    return {f"Team {i}": np.roll(CLEAN, i) for i in range(count)}


def test_funnel_outlier_against_the_organisation():
    series = peers() | {"Outlier": CLEAN * 2.5}
    evaluation = evaluate_frame(make_frame(series))
    outliers = evaluation.signals[evaluation.signals["rule"] == "funnel_outlier"]
    assert set(outliers["department"]) == {"Outlier"}
    funnel = evaluation.funnel
    assert "ALL" not in set(funnel["department"])
    latest = funnel[(funnel["month"] == MONTHS[-1]) & (funnel["department"] == "Outlier")].iloc[0]
    assert latest["value"] > latest["upper_998"] > latest["upper_95"] > latest["organisation_value"]
    assert latest["phi"] >= 1.0
    signal = outliers[outliers["month"] == MONTHS[-1]].iloc[0]
    assert signal["value"] == pytest.approx(latest["value"])          # the 12-month values
    assert signal["expected"] == pytest.approx(latest["organisation_value"])
    assert signal["upper_limit"] == pytest.approx(latest["upper_998"])
    assert "over the last 12 months" in signal["reason_en"]


def test_suppressed_rows_never_emit_and_cannot_be_derived():
    cells = [10, 11, 12, 30]
    small = CLEAN.copy()
    small[30] = 40
    series = peers() | {"Small": small}
    frame = make_frame(series, suppressed={"Small": cells})
    changed = frame.copy()
    hidden = (changed["department"] == "Small") & changed["suppressed"]
    changed.loc[hidden, "numerator"] = 1.0
    changed.loc[hidden, "value"] = 2.0
    first, second = evaluate_frame(frame), evaluate_frame(changed)
    for table in ("chart", "signals", "funnel"):
        one = getattr(first, table)
        two = getattr(second, table)
        one = one[one["department"] != "ALL"].reset_index(drop=True)
        two = two[two["department"] != "ALL"].reset_index(drop=True)
        pd.testing.assert_frame_equal(one, two)
        small_rows = one[one["department"] == "Small"]
        assert not set(small_rows["month"]) & {MONTHS[i] for i in cells}, table
    assert fired(first, "Small", "beyond_upper_limit") == []


def test_suppressed_all_row_emits_nothing():
    frame = make_frame({"Team": CLEAN})
    frame.loc[frame["department"] == "ALL", "suppressed"] = True
    evaluation = evaluate_frame(frame)
    assert "ALL" not in set(evaluation.chart["department"])


def test_accident_rates_need_100000_hours():
    accidents = np.zeros(36)
    accidents[30] = 4
    small_hours = {"Team": np.full(36, 5_000.0)}
    large_hours = {"Team": np.full(36, 20_000.0)}
    quiet = evaluate_frame(make_frame({"Team": accidents}, "accident_frequency_rate",
                                      exposure=small_hours))
    loud = evaluate_frame(make_frame({"Team": accidents}, "accident_frequency_rate",
                                     exposure=large_hours))
    assert quiet.signals.empty
    assert fired(loud, "Team", "beyond_upper_limit") == [30]


def test_rare_events_are_not_judged_on_runs():
    exits = np.resize(np.array([0.0, 1.0, 0.0, 0.0, 2.0, 0.0]), 36)
    exits[24:36] = 1.0                               # twelve months with one exit each
    evaluation = evaluate_frame(make_frame({"Team": exits}, "turnover_rate"))
    assert not set(evaluation.signals["rule"]) & {"run_above_centre", "run_of_increases",
                                                  "two_of_three_high"}


def test_signals_csv_format_and_order():
    signals = pd.DataFrame({
        "month": [dt.date(2024, 3, 1), dt.date(2024, 2, 1), dt.date(2024, 3, 1)],
        "department": ["B", "B", "A"],
        "indicator": ["turnover_rate", "absence_rate", "absence_rate"],
        "level": ["alert", "watch", "alert"],
        "rule": ["beyond_upper_limit", "run_above_centre", "cusum_shift"],
        "value": [0.1 + 0.2, 12.0, 1 / 3],
        "expected": [0.1, np.nan, 2.5e-7],
        "upper_limit": [-0.0000001, 1e6, 8.25],
    })
    assert signals_csv(signals).splitlines() == [
        "month,department,indicator,level,rule,value,expected,upper_limit",
        "2024-02,B,absence_rate,watch,run_above_centre,12,,1000000",
        "2024-03,A,absence_rate,alert,cusum_shift,0.333333,0,8.25",
        "2024-03,B,turnover_rate,alert,beyond_upper_limit,0.3,0.1,0",
    ]


def test_hotspots_rank_alerts_first_then_longest_running():
    month = dt.date(2024, 3, 1)
    chart = pd.DataFrame({
        "month": [month] * 6 + [dt.date(2024, 2, 1)],
        "department": ["Watcher", "Older", "Newer", "Newer", "ALL", "Quiet", "Past"],
        "indicator": ["absence_rate", "turnover_rate", "absence_rate", "turnover_rate",
                      "absence_rate", "absence_rate", "absence_rate"],
        "value": [5.0, 2.0, 6.0, 1.0, 4.0, 3.0, 5.0],
        "level": ["watch", "alert", "alert", None, "alert", None, "alert"],
        "since": [dt.date(2023, 1, 1), dt.date(2023, 6, 1), dt.date(2024, 3, 1), None,
                  dt.date(2024, 3, 1), None, dt.date(2024, 2, 1)],
        "reason_nl": ["w", "o", "n", None, "a", None, "p"],
        "reason_fr": ["w", "o", "n", None, "a", None, "p"],
        "reason_en": ["w", "o", "n", None, "a", None, "p"],
        "reason_de": ["w", "o", "n", None, "a", None, "p"],
    })
    signals = pd.DataFrame({
        "month": [month] * 3,
        "department": ["Watcher", "Older", "Newer"],
        "indicator": ["absence_rate", "turnover_rate", "absence_rate"],
        "since": [dt.date(2023, 1, 1), dt.date(2023, 6, 1), dt.date(2024, 3, 1)],
    })
    table = hotspots(Evaluation(chart=chart, signals=signals, funnel=pd.DataFrame()))
    assert table["department"].tolist() == ["Older", "Newer", "Watcher"]
    assert table["rank"].tolist() == [1, 2, 3]
    assert table.iloc[0]["indicators"] == ["turnover_rate"]
    assert table.iloc[2][["score", "alerts", "watches"]].tolist() == [1, 0, 1]
    assert np.isnan(table.iloc[0]["trend_per_month"]).all()     # one month: no trend
    assert table.iloc[0]["reason_en"] == "o"
    assert hotspots(Evaluation(chart, signals, pd.DataFrame()), dt.date(2024, 2, 1))[
        "department"].tolist() == ["Past"]


def test_hotspot_reasons_have_a_line_per_indicator_beside_its_level():
    month = dt.date(2024, 3, 1)
    chart = pd.DataFrame({
        "month": [month] * 3,
        "department": ["Both"] * 3,
        "indicator": ["turnover_rate", "absence_rate", "aggression_rate"],
        "value": [2.0, 6.0, 1.0],
        "level": ["watch", "alert", None],
        "since": [dt.date(2024, 3, 1), dt.date(2024, 1, 1), None],
        **{column: ["exits up.", "absence up.", None] for column in alerts.REASON_COLUMNS},
    })
    signals = pd.DataFrame({"month": [month] * 2, "department": ["Both"] * 2,
                            "indicator": ["absence_rate", "turnover_rate"],
                            "since": [dt.date(2024, 1, 1), dt.date(2024, 3, 1)]})
    row = hotspots(Evaluation(chart, signals, pd.DataFrame())).iloc[0]
    assert row["indicators"] == ["absence_rate", "turnover_rate"]     # contract order
    assert row["levels"] == ["alert", "watch"]
    for column in alerts.REASON_COLUMNS:
        assert row[column].splitlines() == ["absence up.", "exits up."]
    assert (row["score"], row["since"]) == (4, dt.date(2024, 1, 1))


def test_rules_have_names_in_every_language():
    assert set(alerts.RULES) == set(alerts.RULE_ORDER) == set(alerts.RULE_LEVEL)
    names = {(rule, lang): rule_name(rule, lang) for rule in alerts.RULES for lang in LANGUAGES}
    assert all(names.values())
    for lang in LANGUAGES:
        assert len({names[rule, lang] for rule in alerts.RULES}) == len(alerts.RULES), lang


@pytest.mark.parametrize("size", [0, 1])
def test_tiny_frames_do_not_fail(size):
    frame = make_frame({"Team": CLEAN}).head(size)
    evaluation = evaluate_frame(frame)
    assert evaluation.signals.empty


def test_no_run_rules_on_an_autocorrelated_series():
    wandering = np.repeat(np.resize(np.array([4.0, 8.0, 5.0, 9.0]), 9), 4)  # blocks of 4 months
    series = wandering.copy()
    series[25] = 4
    series[26:33] = 9
    evaluation = evaluate_frame(make_frame({"Team": series}))
    assert fired(evaluation, "Team", "run_above_centre") == []


def raised(months: list[float], start: int = 30) -> np.ndarray:
    series = CLEAN.copy()
    series[start:start + len(months)] = months
    return series


def test_three_high_months_fire_the_three_month_alert_with_their_values():
    evaluation = evaluate_frame(make_frame({"Team": raised([12, 12, 12])}))
    assert fired(evaluation, "Team", "three_months_high") == [32]
    assert fired(evaluation, "Team", "beyond_upper_limit") == []     # no single month is
    signal = evaluation.signals[evaluation.signals["rule"] == "three_months_high"].iloc[0]
    assert signal["level"] == "alert"
    assert signal["value"] == pytest.approx(100 * 36 / 150)          # the 3 months together
    assert signal["expected"] < signal["upper_limit"] < signal["value"]
    assert "over the last 3 months 24.0%" in signal["reason_en"]


def test_a_moderate_three_month_rise_is_a_watch():
    evaluation = evaluate_frame(make_frame({"Team": raised([10, 10, 10])}))
    assert fired(evaluation, "Team", "three_months_raised") == [32]
    assert fired(evaluation, "Team", "three_months_high") == []
    rows = evaluation.signals[evaluation.signals["rule"] == "three_months_raised"]
    assert set(rows["level"]) == {"watch"}


def test_the_cusum_watches_a_month_before_it_alerts():
    evaluation = evaluate_frame(make_frame({"Team": raised([10, 10, 10])}))
    assert fired(evaluation, "Team", "cusum_early") == [31]
    assert fired(evaluation, "Team", "cusum_shift") == [32]
    row = evaluation.chart[(evaluation.chart["department"] == "Team")
                           & (evaluation.chart["month"] == MONTHS[31])].iloc[0]
    assert row["level"] == "watch" and row["rule"] == "cusum_early"
    assert "possibly a rise above the expected level" in row["reason_en"]
    assert (row["since"], row["months_in_row"]) == (MONTHS[31], 1)


def test_a_modest_rise_below_every_limit_fires_nothing():
    evaluation = evaluate_frame(make_frame({"Team": raised([9, 9, 9])}))
    assert evaluation.signals.empty


EXITS = np.resize(np.array([0.0, 1.0, 0.0, 0.0, 1.0, 0.0]), 36)    # 0.33 a month in a team of 50


def test_clean_rare_series_fires_nothing():
    assert evaluate_frame(make_frame({"Team": EXITS}, "turnover_rate")).signals.empty


def test_three_months_of_exits_fire_the_exact_count_test():
    exits = EXITS.copy()
    exits[30:33] = [2, 3, 2]                   # 7 where 1 was expected, no month beyond 3 sigma
    evaluation = evaluate_frame(make_frame({"Team": exits}, "turnover_rate"))
    assert fired(evaluation, "Team", "three_months_high") == [32]
    assert fired(evaluation, "Team", "beyond_upper_limit") == []
    signal = evaluation.signals[evaluation.signals["rule"] == "three_months_high"].iloc[0]
    assert signal["value"] == pytest.approx(100 * 7 / 150)


def test_a_stock_gets_neither_cusum_nor_three_month_rules():
    absentees = np.resize(np.array([2.0, 3.0, 2.0, 1.0, 2.0]), 36)
    absentees[28:] = 5
    evaluation = evaluate_frame(make_frame({"Team": absentees}, "long_term_absentees"))
    assert not set(evaluation.signals["rule"]) & {"cusum_shift", "cusum_early", "three_months_high",
                                                  "three_months_raised"}


def test_without_detail_the_csv_is_the_same():
    series = peers() | {"Outlier": CLEAN * 2.5, "Rising": raised([10, 12, 11])}
    for indicator in ("absence_frequency", "turnover_rate", "absence_rate"):
        frame = make_frame(series, indicator)
        full, lean = evaluate_frame(frame), evaluate_frame(frame, detail=False)
        assert len(full.signals) > 0
        assert signals_csv(lean.signals) == signals_csv(full.signals)
        assert lean.chart.empty and lean.funnel.empty


def test_csv_numbers_in_bulk_match_one_by_one():
    values = [0.1 + 0.2, 12.0, 1 / 3, -2.5, -1e-7, 2.5e-7, 1e6, float("nan"), None]
    assert list(alerts.format_csv_numbers([np.nan if v is None else v for v in values])) == [
        "0.3", "12", "0.333333", "-2.5", "0", "0", "1000000", "", ""]
    assert alerts.format_csv_number(None) == "" and len(alerts.format_csv_numbers([])) == 0


def _trend_chart(series: dict[str, np.ndarray]) -> pd.DataFrame:
    """A chart of absence rates over the last 12 of MONTHS, each department flagged in the
    last month with a one-sentence reason per language."""
    months = MONTHS[-12:]
    parts = [pd.DataFrame({
        "month": months, "department": department, "indicator": "absence_rate",
        "value": values, "level": [None] * 11 + ["alert"], "since": [None] * 11 + [months[-1]],
        **{f"reason_{lang}": [None] * 11 + [f"{department} {lang}."] for lang in LANGUAGES},
    }) for department, values in series.items()]
    return pd.concat(parts, ignore_index=True)


def test_robust_trend_of_a_rising_series_and_a_flat_noisy_one():
    rng = np.random.default_rng(12)
    months = np.arange(12)
    rising = 8 + 0.8 * months + rng.normal(0, 1.0, 12)
    rising[4] += 12                                  # one extreme month does not hide it
    flat = 8 + rng.normal(0, 2.0, 12)
    flat[11] += 10                                   # nor does a last-month spike make a trend
    slope, clear = alerts.robust_trend(months, rising)
    assert slope == pytest.approx(0.8, abs=0.2) and clear
    assert not alerts.robust_trend(months, flat)[1]
    assert not alerts.robust_trend(months, 20 - 0.5 * months)[1]


def test_flat_noise_rarely_passes_for_a_trend():
    rng = np.random.default_rng(13)
    months = np.arange(12)
    rising = [alerts.robust_trend(months, 8 + rng.normal(0, 2.0, 12))[1] for _ in range(300)]
    assert np.mean(rising) < 0.05


def test_hotspots_say_when_a_signal_is_rising():
    rng = np.random.default_rng(21)
    months = np.arange(12)
    chart = _trend_chart({"Rising": 9 + 0.8 * months + rng.normal(0, 0.4, 12),
                          "Flat": 9 + rng.normal(0, 1.5, 12)})
    table = hotspots(Evaluation(chart, pd.DataFrame(columns=["month", "department",
                                                              "indicator", "since"]),
                                pd.DataFrame())).set_index("department")
    slope = table.loc["Rising", "trend_per_month"][0]
    assert slope == pytest.approx(0.8, abs=0.1)
    number = {lang: format_number(slope, lang, 1) for lang in ("nl", "fr", "en")}
    assert number["nl"] == number["fr"] == number["en"].replace(".", ",")
    assert table.loc["Rising", "reason_en"] == (
        f"Rising en; rising by {number['en']} points a month over 12 months.")
    assert table.loc["Rising", "reason_nl"] == (
        f"Rising nl; stijgt met {number['nl']} procentpunt per maand over 12 maanden.")
    assert table.loc["Rising", "reason_fr"] == (
        f"Rising fr\u202f; en hausse de {number['fr']} point par mois sur 12 mois.")
    assert table.loc["Rising", "reason_de"] == (
        f"Rising de; steigt um {number['nl']} Prozentpunkte pro Monat über 12 Monate.")
    assert abs(table.loc["Flat", "trend_per_month"][0]) < 0.4
    assert [table.loc["Flat", f"reason_{lang}"] for lang in ("nl", "fr", "en", "de")] == [
        "Flat nl.", "Flat fr.", "Flat en.", "Flat de."]


def test_hotspot_trend_needs_nine_months_shown():
    chart = _trend_chart({"Short": 5 + np.arange(12.0)})
    chart.loc[chart.index[:4], "value"] = np.nan          # suppressed months
    table = hotspots(Evaluation(chart, pd.DataFrame(columns=["month", "department",
                                                              "indicator", "since"]),
                                pd.DataFrame()))
    assert np.isnan(table.loc[0, "trend_per_month"][0])
    assert table.loc[0, "reason_en"] == "Short en."


def test_evaluate_from_cells_equals_evaluate_from_the_long_frame(demo_database_file):
    """evaluate(con) takes the indicator query's row per cell; evaluate_frame the long
    frame. Both must give the same chart, signals and funnel."""
    from signals import store
    from signals.measures.indicators import indicator_cells, indicator_frame

    with store.connect(demo_database_file, read_only=True) as con:
        cells = indicator_cells(con, suppress=False)
        frame = indicator_frame(con, suppress=False)
        # the measure rates (observations) are not cells: evaluate adds them from their rows
        from_cells = alerts.evaluate(con)
    from_frame = evaluate_frame(frame)
    assert len(from_cells.signals) > 0 and len(cells) * len(CELL_INDICATOR_IDS) < len(frame)
    for part in ("chart", "signals", "funnel"):
        pd.testing.assert_frame_equal(getattr(from_cells, part), getattr(from_frame, part))


TEXT_WITHOUT_CR = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\r"),
                          max_size=8)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(TEXT_WITHOUT_CR, st.text(alphabet=',"\n ab', max_size=5)), max_size=6))
def test_csv_text_writes_what_pandas_writes(rows):
    columns = {"first": np.array([a for a, _ in rows], dtype=object),
               "se,cond": np.array([b for _, b in rows], dtype=object)}
    expected = pd.DataFrame(columns).to_csv(index=False, lineterminator="\n")
    assert alerts.csv_text(columns) == expected


def test_csv_text_quotes_a_carriage_return():
    """Unlike pandas with a newline line end, as RFC 4180 asks."""
    assert alerts.csv_text({"a": np.array(["x\ry"], dtype=object)}) == 'a\n"x\ry"\n'
