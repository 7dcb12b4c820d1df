"""The pre-diagnosis ("Knipperlichten"): the rule at its borders, the 12-month window, hidden
cells and the organisation; the last risk analysis setting."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from signals import store
from signals.alerts import prediagnosis as pre
from signals.definitions import ALL_DEPARTMENTS, INDICATOR_IDS
from signals.free_text import TextRefused

MONTH = dt.date(2026, 10, 1)


@pytest.mark.parametrize(("alerts", "watches", "light"), [
    (0, 0, "green"), (0, 2, "green"),                  # a watch or two: chance
    (0, 3, "orange"), (0, 4, "orange"), (1, 0, "orange"), (1, 3, "orange"),
    (0, 5, "red"), (1, 4, "red"), (2, 0, "red"), (3, 1, "red"),
])
def test_the_rule_at_its_borders(alerts, watches, light):
    assert pre.light_for(alerts, watches) == light


def test_the_rule_on_arrays():
    assert list(pre.light_for([0, 1, 2], [2, 0, 0])) == ["green", "orange", "red"]


def cell(department, indicator, month, level, **extra):
    return {"month": month, "department": department, "indicator": indicator, "level": level,
            "expected": 1.0, **extra}


def months_back(n: int) -> dt.date:
    index = MONTH.year * 12 + MONTH.month - 1 - n
    return dt.date(index // 12, index % 12 + 1, 1)


def chart_of(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["month", "department", "indicator", "level", "expected"])


def test_window_is_twelve_months_up_to_the_month():
    assert pre.window_start(MONTH) == dt.date(2025, 11, 1)
    assert pre.window_start(dt.date(2026, 1, 1)) == dt.date(2025, 2, 1)


def test_each_indicator_counts_once_alert_before_watch():
    a, b, c = INDICATOR_IDS[:3]
    rows = [cell("Noord", a, months_back(m), "watch") for m in range(6)]     # 6 watches: 1 indicator
    rows += [cell("Noord", b, months_back(1), "watch"), cell("Noord", b, months_back(2), "alert")]
    rows += [cell("Noord", c, months_back(0), None)]
    result = pre.prediagnosis(chart_of(rows), MONTH).set_index("department")
    assert result.loc["Noord", ["alerts", "watches", "signalling"]].tolist() == [1, 1, 2]
    assert result.loc["Noord", "light"] == "orange"
    levels = pre.indicator_levels(chart_of(rows), MONTH).set_index("indicator")
    assert levels.loc[b, "level"] == "alert"
    assert levels.loc[b, "alert_months"] == [months_back(2)]
    assert levels.loc[b, "watch_months"] == [months_back(1)]
    assert len(levels.loc[a, "watch_months"]) == 6


def test_months_outside_the_window_do_not_count():
    a, b = INDICATOR_IDS[:2]
    rows = [cell("Noord", a, months_back(12), "alert"), cell("Noord", b, months_back(-1), "alert"),
            cell("Noord", a, months_back(11), None)]
    result = pre.prediagnosis(chart_of(rows), MONTH).set_index("department")
    assert result.loc["Noord", "light"] == "green"
    assert result.loc["Noord", "signalling"] == 0


def test_improvement_and_no_signal_do_not_count():
    rows = [cell("Noord", indicator, MONTH, "improvement") for indicator in INDICATOR_IDS[:6]]
    result = pre.prediagnosis(chart_of(rows), MONTH)
    assert result["signalling"].tolist() == [0] and result["light"].tolist() == ["green"]


def test_suppressed_cells_never_count_and_an_unjudged_department_gets_no_colour():
    rows = [cell("Klein", indicator, MONTH, "alert", suppressed=True) for indicator in INDICATOR_IDS[:3]]
    rows += [cell("Noord", INDICATOR_IDS[0], MONTH, None, suppressed=False)]
    chart = pd.DataFrame(rows)
    result = pre.prediagnosis(chart, MONTH)
    assert "Klein" not in set(result["department"])
    assert pre.indicator_levels(chart, MONTH).empty
    assert pre.unjudged_departments(["Klein", "Noord", ALL_DEPARTMENTS], result) == ["Klein"]


def test_cells_without_an_expected_value_are_not_judged():
    rows = [{"month": MONTH, "department": "Nieuw", "indicator": INDICATOR_IDS[0], "level": None,
             "expected": None}]
    assert pre.prediagnosis(pd.DataFrame(rows), MONTH).empty


def test_the_organisation_comes_first_then_the_worst():
    a, b, c = INDICATOR_IDS[:3]
    rows = [cell("Zuid", a, MONTH, "alert"), cell("Zuid", b, MONTH, "alert"),
            cell(ALL_DEPARTMENTS, c, MONTH, None),
            cell("Noord", a, MONTH, None), cell("Oost", a, MONTH, "alert")]
    result = pre.prediagnosis(chart_of(rows), MONTH)
    assert result["department"].tolist() == [ALL_DEPARTMENTS, "Zuid", "Oost", "Noord"]
    assert result["light"].tolist() == ["green", "red", "orange", "green"]


def test_risk_analysis_setting(db_path):
    with store.connect(db_path) as con:
        assert pre.risk_analysis(con) == pre.RiskAnalysis(None, "")
        saved = pre.set_risk_analysis(con, dt.date(2022, 3, 1), "  whole   organisation ")
        assert saved.scope == "whole organisation"
        assert pre.risk_analysis(con) == pre.RiskAnalysis(dt.date(2022, 3, 1), "whole organisation")


@pytest.mark.parametrize(("date", "scope", "reason"), [
    (dt.date(2030, 1, 1), "", "future"), (dt.date(1990, 1, 1), "", "too_early"),
    (dt.date(2022, 1, 1), "x" * (pre.MAX_SCOPE_LENGTH + 1), "too_long"),
])
def test_risk_analysis_refusals(db_path, date, scope, reason):
    with store.connect(db_path) as con, pytest.raises(pre.RiskAnalysisRefused) as refused:
        pre.set_risk_analysis(con, date, scope, today=dt.date(2026, 11, 1))
    assert refused.value.reason == reason


def test_risk_analysis_scope_with_a_person_is_refused_and_not_stored(db_path):
    with store.connect(db_path) as con:
        with pytest.raises(TextRefused):
            pre.set_risk_analysis(con, dt.date(2022, 1, 1), "team of jan.peeters@example.be")
        assert pre.risk_analysis(con).date is None



def own_data_with_employee(path, employee_id: str) -> None:
    from signals.ingest.loader import ingest_bytes

    workforce = b"month,department,headcount\n2025-01,Alpha,40\n"
    absences = (f"employee_id,department,start_date,end_date\n"
                f"{employee_id},Alpha,2025-01-06,2025-01-10\n").encode()
    for kind, data in (("workforce", workforce), ("absences", absences)):
        assert ingest_bytes(path, kind, f"{kind}.csv", data).accepted


def test_risk_analysis_scope_with_a_stored_employee_id_is_refused(tmp_path):
    """x12y looks like no id to the patterns; stored in the data (here or in the other
    database: the organisation's own while the demo is shown), it is refused."""
    own, shown = tmp_path / "own" / "signals.duckdb", tmp_path / "shown" / "signals.duckdb"
    own.parent.mkdir()
    shown.parent.mkdir()
    own_data_with_employee(own, "x12y")
    own_data_with_employee(shown, "q77z")
    with store.connect(own) as con:
        with pytest.raises(TextRefused):
            pre.set_risk_analysis(con, dt.date(2022, 1, 1), "interviews with x12y")
        assert pre.risk_analysis(con).date is None
    with store.connect(shown) as con:
        assert pre.set_risk_analysis(con, dt.date(2022, 1, 1), "interviews with x12y").scope
        with pytest.raises(TextRefused):
            pre.set_risk_analysis(con, dt.date(2022, 1, 1), "interviews with x12y",
                                  other_databases=[str(own)])
        assert pre.risk_analysis(con).scope == "interviews with x12y", "the earlier one stays"

def test_reminder_after_five_years_or_when_unknown():
    today = dt.date(2026, 11, 30)
    assert pre.risk_analysis_due(None, today)
    assert not pre.risk_analysis_due(dt.date(2021, 11, 30), today)
    assert pre.risk_analysis_due(dt.date(2021, 11, 29), today)
    assert not pre.risk_analysis_due(dt.date(2024, 2, 29), dt.date(2029, 2, 28))
