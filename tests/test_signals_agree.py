"""issue 12: on the demo, every sentence, hotspot heading, chart point, heatmap cell and
alerts CSV row agrees on 'since', 'months in a row' and 'this month'
(signals.alerts.runs defines them once)."""

from __future__ import annotations

import datetime as dt
import io
import re

import pandas as pd
import pytest

from signals import store
from signals.alerts.detection import alerts_csv, evaluate, hotspots
from signals.alerts.runs import run_phrase
from signals.definitions import LANGUAGES
from ui.charts import heatmap


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
            assert len(re.findall(r"\b(sinds|depuis|since)\b", sentence)) <= 1, sentence


def test_this_month_is_only_the_new_signal_phrase(demo):
    evaluation, _ = demo
    reasons = evaluation.signals
    for lang, words in (("nl", "deze maand"), ("fr", "ce mois-ci"), ("en", "this month")):
        with_words = reasons[f"reason_{lang}"].str.contains(words)
        assert (reasons.loc[with_words, "months_in_row"] == 1).all()
        assert reasons.loc[with_words, f"reason_{lang}"].map(
            lambda text, words=words: text.count(words) == 1 and re.search(words + r"[ .;]*$", text)
            is not None or "; " in text).all()


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
