"""issue 12: on the demo, every sentence, hotspot heading, trend chart point (hover and legend),
heatmap cell, alerts CSV row and the hotspots page's downloads agree on 'since', 'months in a
row' and 'this month' (signals.alerts.runs defines them once)."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil

import numpy as np
import pandas as pd
import pytest
from test_app import open_page
from test_app_downloads import read, served  # noqa: F401  (fixture)

from signals import config, store
from signals.alerts.detection import alerts_csv, evaluate, hotspots
from signals.alerts.runs import run_phrase
from signals.alerts.sentences import rule_name
from signals.definitions import ALL_DEPARTMENTS, LANGUAGES, indicator_name
from signals.texts.catalogue import template
from signals.texts.formatting import month_label
from signals.texts.i18n import text
from ui.charts import control_chart, heatmap
from ui.rules import rule_names

# one 'since' per sentence, in every language
SINCE = re.compile(r"\b(sinds|depuis|since|seit)\b")
# the new-signal phrase (signals.alerts.runs 'run.first') in every language
THIS_MONTH = {"nl": "deze maand", "fr": "ce mois-ci", "en": "this month", "de": "in diesem Monat"}


@pytest.fixture(scope="module")
def demo(demo_database_file):
    con = store.open_connection(demo_database_file, read_only=True)
    try:
        evaluation = evaluate(con)
        csv = pd.read_csv(io.StringIO(alerts_csv(con)))
    finally:
        con.close()
    csv["month"] = pd.to_datetime(csv["month"]).dt.date
    return evaluation, csv


def month_number(month: dt.date) -> int:
    return month.year * 12 + month.month


def signal_months(csv: pd.DataFrame) -> dict[tuple[str, str], set[int]]:
    return {key: set(map(month_number, rows["month"]))
            for key, rows in csv.groupby(["department", "indicator"])}


def test_since_and_months_in_a_row_match_the_csv_rows(demo):
    evaluation, csv = demo
    months = signal_months(csv)
    flagged = evaluation.chart[evaluation.chart["level"].notna()]
    assert len(flagged) > 100
    for row in flagged.itertuples():
        present = months[(row.department, row.indicator)]
        last, first = month_number(row.month), month_number(row.since)
        assert last - first + 1 == row.months_in_row
        assert set(range(first, last + 1)) <= present, "a CSV row for every month of the run"
        assert first - 1 not in present, "the run starts at 'since'"


def test_every_sentence_ends_with_the_same_run(demo):
    evaluation, _ = demo
    flagged = evaluation.chart[evaluation.chart["level"].notna()]
    for row in flagged.to_dict("records"):
        for lang in LANGUAGES:
            sentence = row[f"reason_{lang}"]
            tail = run_phrase(row["since"], row["months_in_row"], lang)
            assert sentence.removesuffix(".").endswith(tail) or f"{tail}\u202f; " in sentence \
                or f"{tail}; " in sentence, (sentence, tail)
            # one 'since' per sentence, the run's
            assert len(SINCE.findall(sentence)) == (row["months_in_row"] > 1), sentence


@pytest.mark.parametrize("lang", LANGUAGES)
def test_this_month_is_only_the_new_signal_phrase(demo, lang):
    """'This month' is said once, by a new run's phrase ('new signal this month', or
    'improved this month'), at the end of the sentence or before a trend's semicolon; every
    new run says it, and no quoted number is called this month's (issue 12: '(18,1% deze
    maand)' where 18,1% was the limit)."""
    evaluation, _ = demo
    reasons = evaluation.signals
    words = THIS_MONTH[lang]
    with_words = reasons[f"reason_{lang}"].str.contains(words)
    assert with_words.any()
    assert (reasons.loc[with_words, "months_in_row"] == 1).all()
    assert (with_words | (reasons["months_in_row"] > 1)).all(), "a new run says so"
    for sentence, level in zip(reasons.loc[with_words, f"reason_{lang}"],
                               reasons.loc[with_words, "level"]):
        phrase = template("sentence.improvement_first" if level == "improvement"
                          else "run.first", lang)
        assert sentence.count(words) == 1, sentence
        assert (sentence.endswith(phrase + ".")
                or re.search(re.escape(phrase) + "\u202f?; ", sentence) is not None), sentence


@pytest.mark.parametrize("months_back", [0, 2, 5])
def test_hotspot_headings_and_lines_agree(demo, months_back):
    evaluation, csv = demo
    month = sorted(evaluation.chart["month"].unique())[-1 - months_back]
    table = hotspots(evaluation, month)
    chart = evaluation.chart[evaluation.chart["month"] == month].set_index(
        ["department", "indicator"])
    assert not table.empty
    for row in table.itertuples():
        sinces = [chart.loc[(row.department, indicator), "since"] for indicator in row.indicators]
        assert row.since == min(sinces)
        lines = row.reason_nl.splitlines()
        for indicator, line in zip(row.indicators, lines):
            cell = chart.loc[(row.department, indicator)]
            assert run_phrase(cell["since"], cell["months_in_row"], "nl") in line
        assert any(run_phrase(row.since, chart.loc[(row.department, indicator), "months_in_row"],
                              "nl") in line for indicator, line in zip(row.indicators, lines)), \
            "the heading's month is the first month of one of its lines"


def test_the_it_department_of_the_demo_agrees(demo):
    """issue 12's first case: '21 months in a row' under a heading 'since Oct 2026' and a
    CSV with only the October row."""
    evaluation, csv = demo
    month = max(evaluation.chart["month"])
    row = hotspots(evaluation, month).set_index("department").loc["IT"]
    rows = csv[(csv["department"] == "IT") & (csv["indicator"] == row["indicators"][0])]
    run = evaluation.chart[(evaluation.chart["department"] == "IT")
                           & (evaluation.chart["month"] == month)
                           & (evaluation.chart["indicator"] == row["indicators"][0])].iloc[0]
    in_run = rows[rows["month"] >= run["since"]]
    assert len(in_run) == run["months_in_row"]
    assert row["since"] == run["since"]
    assert "21" not in row["reason_nl"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_signal_cell_shows_a_zero_value(demo, lang):
    """issue 12: the Geriatrie psychosocial cell read '▲ 0,0 %' (a 3-month signal)."""
    evaluation, _ = demo
    chart = evaluation.chart
    for month in sorted(chart["month"].unique())[-6:]:
        cells = chart[(chart["month"] == month) & (chart["department"] != "ALL")].assign(
            suppressed=False)
        figure = heatmap(cells, lang, 10)
        texts = [cell for row in figure.data[0].text for cell in row]
        zero = [cell for cell in texts if re.fullmatch(r"[▲■] 0([.,]0+)?\s?%?", cell)]
        assert not zero, (month, zero)


def flagged_series(evaluation):
    """(department, indicator, the department's chart rows, ALL's) for every department-indicator
    (ALL too) with a signal in some month: what the Trends page charts."""
    chart = evaluation.chart
    flagged = chart[chart["level"].notna()]
    for (department, indicator), _ in flagged.groupby(["department", "indicator"]):
        of_indicator = chart[chart["indicator"] == indicator]
        yield (department, indicator, of_indicator[of_indicator["department"] == department],
               of_indicator[of_indicator["department"] == ALL_DEPARTMENTS])


def hover_text(hover: str) -> str:
    """The hover as read: its line breaks are spaces."""
    return hover.replace("<br>", " ")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_trend_chart_hover_and_legend_agree_with_the_sentence_and_the_csv(demo, lang):
    """The figure the Trends page draws (ui.charts.control_chart with ui.rules.rule_names):
    each signal point's hover carries the cell's sentence, its run phrase and its 'since'
    month, which is the first CSV row of the run; the legend names the same rules, by the
    same names, as the CSV rows and the hovers."""
    evaluation, csv = demo
    names = rule_names(lang)
    rules_in_csv = {key: set(rows["rule"]) for key, rows in
                    csv.groupby(["department", "indicator", "month"])}
    first_of_run = signal_months(csv)
    charted = 0
    for department, indicator, series, organisation in flagged_series(evaluation):
        label = text("common.organisation", lang) if department == ALL_DEPARTMENTS else department
        figure = control_chart(series, organisation, indicator, lang, department=label,
                               rule_names=names)
        signalled = series[series["level"].notna()].set_index("month")
        legend = {trace.name: trace for trace in figure.data
                  if trace.mode == "markers" and trace.name.startswith(
                      text("chart.signal", lang, rule="").strip())}
        assert set(legend) == {text("chart.signal", lang, rule=rule_name(rule, lang))
                               for rule in signalled["rule"]}, (department, indicator)
        line = [trace for trace in figure.data if trace.name == label][-1]  # after ALL's
        line_hover = dict(zip(pd.to_datetime(line.x).date, line.hovertext))
        for rule in set(signalled["rule"]):
            trace = legend[text("chart.signal", lang, rule=rule_name(rule, lang))]
            for month, hover in zip(pd.to_datetime(trace.x).date, trace.hovertext):
                cell = signalled.loc[month]
                assert cell["rule"] == rule
                assert rule in rules_in_csv[(department, indicator, month)], "a CSV row, same rule"
                shown = hover_text(hover)
                assert text("chart.hover_rule", lang, rule=names[rule]) in shown
                assert cell[f"reason_{lang}"] in shown, (shown, cell[f"reason_{lang}"])
                assert run_phrase(cell["since"], cell["months_in_row"], lang) in shown
                if cell["months_in_row"] > 1:
                    assert month_label(cell["since"], lang) in shown
                    assert month_number(cell["since"]) - 1 not in first_of_run[
                        (department, indicator)], "the run's first CSV row is 'since'"
                assert line_hover[month] == hover, "the line's point says the same"
                charted += 1
    assert charted == len(evaluation.chart["level"].dropna())


@pytest.mark.usefixtures("listen_on_localhost")
def test_hotspots_page_downloads_agree(demo, demo_database_file, served):
    """The ranking download's 'since' is the heading's month (in the plain file as YYYY-MM,
    its indicators as codes), the first month of one of its lines' runs, and each line's
    run is the chart's; the heatmap download's sentences too."""
    evaluation, csv = demo
    shutil.copy(demo_database_file, config.demo_db_path())
    open_page("hotspots", "nl")
    month = max(evaluation.chart["month"])
    chart = evaluation.chart[evaluation.chart["month"] == month].set_index(
        ["department", "indicator"])
    expected = hotspots(evaluation, month).set_index("department")
    for key, sep in (("download_ranking", ";"), ("download_ranking_plain", ",")):
        ranking = read(served[key][1], sep)
        ranking.columns = ["rank", "department", "score", "alerts", "watches", "indicators",
                           "since", "review", "reason"]
        assert len(ranking) == len(expected) and len(ranking) > 3
        for row in ranking.itertuples():
            wanted = expected.loc[row.department]
            if key == "download_ranking":       # for a person: the month in words
                assert row.since == month_label(wanted["since"], "nl", short=True), key
            else:                               # for another program: YYYY-MM and codes
                assert row.since == wanted["since"].strftime("%Y-%m"), key
                assert row.indicators.split(" ") == list(wanted["indicators"]), key
            runs = [chart.loc[(row.department, indicator)] for indicator in wanted["indicators"]]
            assert wanted["since"] == min(cell["since"] for cell in runs)
            for cell in runs:
                assert run_phrase(cell["since"], cell["months_in_row"], "nl") in row.reason
    heatmap_rows = read(served["download_heatmap"][1], ";")
    heatmap_rows.columns = ["department", "indicator", "value", "suppressed",
                            "suppression_reason", "level", "rule", "reason"]
    with_reason = heatmap_rows[heatmap_rows["reason"] != ""]
    assert len(with_reason) > 3
    names = {indicator_name(indicator, "nl"): indicator
             for indicator in evaluation.chart["indicator"].unique()}
    for row in with_reason.itertuples():
        cell = chart.loc[(row.department, names.get(row.indicator, row.indicator))]
        assert row.reason == cell["reason_nl"]
        assert run_phrase(cell["since"], cell["months_in_row"], "nl") in row.reason


QUOTED_LIMIT_RULES = ("beyond_upper_limit", "three_months_high", "three_months_raised",
                      "durable_drop")


def quoted_value_and_limit(sentence: str, indicator: str) -> tuple[str, str]:
    """The value and the limit an English sentence quotes ('... 9.8%, expected ...: above
    the alert limit 8.6% ...', '... (under 13.1%) ...')."""
    head = sentence.split(", expected")[0].removeprefix(indicator_name(indicator, "en"))
    value = re.search(r"[\d.,]*\d%?", head.split(" months ")[-1]).group()
    limit = re.search(r"(?:above the (?:alert )?limit|\(under) ([\d.,]*\d%?)", sentence).group(1)
    return value, limit


def test_a_value_and_the_limit_it_crossed_read_differently(demo):
    """'Harassment over the last 3 months 0.1% ... above the limit 0.1%' contradicted itself;
    an improvement read '1.0% ... clearly lower than usual (under 0.0%)'."""
    evaluation, _ = demo
    signals = evaluation.signals[evaluation.signals["rule"].isin(QUOTED_LIMIT_RULES)]
    improvements = signals["level"] == "improvement"
    assert improvements.any() and (~improvements).any()
    assert (signals.loc[improvements, "value"] < signals.loc[improvements, "upper_limit"]).all()
    assert (signals.loc[~improvements, "value"] > signals.loc[~improvements, "upper_limit"]).all()
    for row in signals.itertuples():
        value, limit = quoted_value_and_limit(row.reason_en, row.indicator)
        assert value != limit, row.reason_en
        number = float(value.rstrip("%").replace(",", ""))
        assert round(number, 6) == round(row.value, len(value.rstrip("%").partition(".")[2])), \
            "the value found is the value"


def test_every_count_the_improvement_rule_flags_is_under_the_limit_it_quotes():
    """spc.lower_quantile_limit is the bound a flagged count is under (lower_tail < tail),
    also between phi x (k - 1) and phi x k when the dispersion phi is over 1."""
    from signals.alerts import spc

    expected = np.repeat([2.0, 8.0, 30.0, 120.0], 4)
    dispersion = np.tile([1.0, 1.7, 3.0, 6.5], 4)
    limit = spc.lower_quantile_limit(expected, dispersion, 0.01)
    for row in range(len(expected)):
        counts = np.arange(0, 4 * expected[row], 0.25)
        flagged = spc.lower_tail(counts, np.full(counts.size, expected[row]),
                                 np.full(counts.size, dispersion[row]), True) < 0.01
        assert (flagged == (counts < limit[row])).all() if np.isfinite(limit[row]) \
            else not flagged.any()
