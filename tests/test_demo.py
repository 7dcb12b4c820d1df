"""The demo hospital: calibration, story lines, Excel dialect, storing through ingest."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from signals import demo, store
from signals.ingest.loader import ingest_bytes
from signals.measures.indicators import indicator_frame

REPOSITORY = Path(__file__).resolve().parents[1]
END_MONTH = dt.date(2025, 11, 1)
DAY_PATTERN = re.compile(r"^\d{2}/\d{2}/\d{4}$")


@pytest.fixture(scope="module")
def organisation() -> demo.DemoOrganisation:
    return demo.generate_demo(2024, END_MONTH)


@pytest.fixture(scope="module")
def built(demo_database_file, tmp_path_factory):
    """A copy of the session's demo database (built by conftest with build_demo's defaults)."""
    folder = tmp_path_factory.mktemp("demo_copy")
    shutil.copy(demo_database_file, folder / "demo.duckdb")
    return {"db": folder / "demo.duckdb", "key_file": demo_database_file.parent / "demo.key"}


@pytest.fixture(scope="module")
def indicators(built) -> pd.DataFrame:
    with store.connect(built["db"], read_only=True) as con:
        return indicator_frame(con, suppress=False)


def _rate(frame: pd.DataFrame, department: str, indicator: str, months=None) -> float:
    """100 x summed numerators / summed denominators over the chosen months."""
    rows = frame[(frame["department"] == department) & (frame["indicator"] == indicator)]
    rows = rows.sort_values("month")
    if months is not None:
        rows = rows.iloc[months]
    return 100 * rows["numerator"].sum() / rows["denominator"].sum()


def _worker_years(frame: pd.DataFrame) -> float:
    rows = frame[(frame["department"] == "ALL") & (frame["indicator"] == "turnover_rate")]
    return rows["headcount"].sum() / 12


def _count(frame: pd.DataFrame, department: str, indicator: str, months: slice) -> float:
    rows = frame[(frame["department"] == department) & (frame["indicator"] == indicator)]
    return rows.sort_values("month")["numerator"].iloc[months].sum()


def _table_contents(db_path: Path) -> dict[str, list[tuple]]:
    with store.connect(db_path, read_only=True) as con:
        return {table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
                for table in store.DATA_TABLES}


# --- generation -----------------------------------------------------------------------

def test_three_years_ending_at_the_last_full_month():
    months = demo.report_months(dt.date(2025, 11, 17))
    assert len(months) == 36
    assert str(months[0]) == "2022-11" and str(months[-1]) == "2025-10"


def test_same_seed_same_files_other_seed_other_files(organisation):
    again = demo.demo_files(demo.generate_demo(2024, END_MONTH))
    assert demo.demo_files(organisation) == again
    assert demo.demo_files(demo.generate_demo(7, END_MONTH)) != again


def test_departments_from_tiny_to_large(organisation):
    nominal = {department.name: department.size for department in demo.DEPARTMENTS}
    assert 12 <= len(nominal) <= 14
    assert min(nominal.values()) == 6 and max(nominal.values()) == 150
    sizes = organisation.workforce.groupby("department")["headcount"].agg(["min", "max"])
    assert sizes["max"].max() <= 150
    assert sizes.loc[demo.TINY, "max"] < 10
    assert (sizes.drop(index=demo.TINY)["min"] >= 10).all()


def test_files_are_belgian_excel_exports(organisation):
    files = demo.demo_files(organisation)
    assert {demo_file.kind for demo_file in files} == set(demo.KIND_ORDER)
    for demo_file in files:
        text = demo_file.data.decode(demo.FILE_ENCODINGS[demo_file.kind])
        header, first_row = text.split("\r\n")[:2]
        assert header.count(";") == len(demo.HEADERS[demo_file.kind]) - 1
        cells = dict(zip(header.lower().lstrip("\ufeff").split(";"), first_row.split(";")))
        for column in ("start_date", "date", "request_date"):
            if column in cells:
                assert DAY_PATTERN.match(cells[column]), (demo_file.file_name, cells[column])
        if demo_file.kind == "workforce":
            assert "." not in text and re.search(r";\d+,\d+;", text)   # decimal comma
    workforce = next(f for f in files if f.kind == "workforce").data
    absences = b"".join(f.data for f in files if f.kind == "absences")
    assert workforce.startswith(b"\xef\xbb\xbf")
    assert "Diëtetiek".encode("cp1252") in absences


def test_absences_have_the_realistic_quirks(organisation):
    absences = organisation.absences
    length = (absences["end_date"] - absences["start_date"]).dt.days + 1
    assert absences["end_date"].isna().sum() > 0                       # still absent
    assert (length > 120).sum() > 5                                    # long spells
    assert set(absences["absence_type"]) >= {"illness", "work_accident"}
    by_employee = absences.sort_values(["employee_id", "start_date"])
    previous_end = by_employee.groupby("employee_id")["end_date"].shift()
    assert (by_employee["start_date"] == previous_end + pd.Timedelta(days=1)).sum() > 5   # back to back
    assert (by_employee["start_date"] <= previous_end).sum() > 5                           # overlapping
    winter = absences["start_date"].dt.month.isin([12, 1, 2]).mean()
    summer = absences["start_date"].dt.month.isin([6, 7, 8]).mean()
    assert winter > summer * 1.2


def test_employee_ids_and_exit_reasons(organisation):
    assert organisation.absences["employee_id"].str.fullmatch(r"E\d{5}").all()
    exits = organisation.turnover[organisation.turnover["event"] == "exit"]
    hires = organisation.turnover[organisation.turnover["event"] == "hire"]
    assert exits["reason"].notna().all() and hires["reason"].isna().all()
    assert 0.8 < len(hires) / len(exits) < 1.1
    assert organisation.reintegration["initiator"].nunique() >= 3
    assert (organisation.reintegration["outcome"] != "pending").any()
    aggression = organisation.incidents[organisation.incidents["category"] == "aggression"]
    assert aggression["department"].value_counts().index[0] in ("Spoedgevallen", "Psychiatrie")


# --- stored through ingest ------------------------------------------------------------

def test_database_is_marked_demo(built):
    with store.connect(built["db"], read_only=True) as con:
        assert store.is_demo(con)
        assert con.execute("SELECT count(DISTINCT month) FROM workforce").fetchone()[0] == 36
        assert con.execute("SELECT count(DISTINCT department) FROM workforce").fetchone()[0] == 13


def test_calibrated_on_securex(indicators):
    worker_years = _worker_years(indicators)
    episodes = indicators.query("department == 'ALL' and indicator == 'absence_frequency'")["numerator"].sum()
    assert 7.5 <= _rate(indicators, "ALL", "absence_rate") <= 9.5
    assert 1.1 <= episodes / worker_years <= 1.6
    assert 15 <= 12 * _rate(indicators, "ALL", "turnover_rate") <= 20
    assert 9 <= 12 * _rate(indicators, "ALL", "voluntary_turnover_rate") <= 13


def test_deteriorating_department_gets_worse(indicators):
    first_year, last_half_year = slice(0, 12), slice(-6, None)
    department = demo.DETERIORATING
    assert (_rate(indicators, department, "absence_rate", last_half_year)
            > 1.3 * _rate(indicators, department, "absence_rate", first_year))
    # Per month, the last nine against the first twenty-seven.
    for indicator in ("turnover_rate", "psychosocial_request_rate"):
        assert (_count(indicators, department, indicator, slice(-9, None)) / 9
                > 1.5 * _count(indicators, department, indicator, slice(0, 27)) / 27)


def test_recovering_department_back_to_normal(indicators):
    department = demo.RECOVERING
    before = _rate(indicators, department, "absence_rate", slice(0, 12))
    after = _rate(indicators, department, "absence_rate", slice(-12, None))
    assert after < 0.7 * before
    assert after < 1.2 * _rate(indicators, "ALL", "absence_rate", slice(-12, None))


def test_tiny_team_always_suppressed(built):
    with store.connect(built["db"], read_only=True) as con:
        shown = indicator_frame(con)
    tiny = shown[shown["department"] == demo.TINY]
    assert len(tiny) > 0 and (tiny["headcount"] < 10).all()
    assert tiny["suppressed"].all() and tiny["value"].isna().all()


def test_rerun_from_the_command_line_changes_nothing(built):
    before = _table_contents(built["db"])
    environment = dict(os.environ, SIGNALS_KEY_FILE=str(built["key_file"]))
    completed = subprocess.run(
        [sys.executable, "-m", "signals", "demo", "--db", str(built["db"])],
        cwd=REPOSITORY, env=environment, capture_output=True, text=True, timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    kind_lines = [line for line in completed.stdout.splitlines() if " rows in " in line]
    assert "DEMO data" in completed.stdout and "13 departments, 36 months" in completed.stdout
    assert len(kind_lines) == len(demo.KIND_ORDER)
    assert all("(0 new, 0 replaced" in line for line in kind_lines)
    assert _table_contents(built["db"]) == before


def test_database_with_real_data_is_refused(db_path):
    real = b"month;department;headcount\r\n2025-01;Boekhouding;12\r\n"
    assert ingest_bytes(db_path, "workforce", "real.csv", real).accepted
    with pytest.raises(ValueError, match="real data"):
        demo.build_demo(db_path, end_month=END_MONTH)
    with store.connect(db_path, read_only=True) as con:
        assert not store.is_demo(con)
        assert con.execute("SELECT count(*) FROM workforce").fetchone()[0] == 1


def test_demo_from_another_seed_replaces_the_old_demo(db_path):
    with store.connect(db_path) as con:
        store.set_meta(con, "dataset", "demo")
        store.set_meta(con, "demo_signature", "seed=1;months=2020-01..2022-12")
        con.execute("INSERT INTO workforce VALUES (DATE '2020-01-01', 'Oud', 50, NULL, NULL, 1)")
    demo._prepare_database(db_path, "seed=2;months=2020-01..2022-12")
    with store.connect(db_path, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM workforce").fetchone()[0] == 0
        assert store.get_meta(con, "demo_signature") == "seed=2;months=2020-01..2022-12"
        assert store.is_demo(con)


@pytest.fixture
def demo_cycle(demo_database_file, tmp_path):
    """A copy of the session's demo database with its access store (the demo's cycle)."""
    from signals.access import control as access

    shutil.copy(demo_database_file, tmp_path / "demo.duckdb")
    shutil.copy(access.access_db_path(demo_database_file), access.access_db_path(tmp_path / "demo.duckdb"))
    return tmp_path / "demo.duckdb"


def test_demo_has_a_prevention_cycle_for_every_screen(demo_cycle):
    from signals.alerts.detection import evaluate
    from signals.cycle import actions, evaluation, events, meetings

    listed = actions.list_actions(demo_cycle, "demo")
    assert sorted(listed["status"]) == ["evaluated", "running", "running"]
    with store.connect(demo_cycle, read_only=True) as con:
        frame = indicator_frame(con, suppress=True)
        signals = evaluate(con).signals
    last = max(pd.to_datetime(frame["month"]).dt.date)
    evaluated = listed[listed["status"] == "evaluated"].iloc[0]
    assert evaluated["departments"] == [demo.RECOVERING]
    verdicts = [result.verdict for result in evaluation.evaluate_action(frame, evaluated)]
    assert verdicts == ["likely_improvement"], "the recovering department's action has a verdict"
    linked = listed[listed["signal_month"].notna()].iloc[0]
    assert linked["departments"] == [demo.DETERIORATING]
    flagged = signals[(pd.to_datetime(signals["month"]).dt.date == last)
                      & (signals["department"] == linked["signal_department"])
                      & (signals["indicator"] == linked["signal_indicator"])]
    assert linked["signal_month"] == f"{last:%Y-%m}" and flagged["level"].isin(["alert", "watch"]).any()
    assert len(actions.overdue(listed, dt.date.today())) == 1
    assert len(events.list_events(demo_cycle, "demo")) == 3
    assert len(meetings.list_meetings(demo_cycle, "demo")) == 2
    assert len(meetings.list_advice(demo_cycle, "demo")) == 2


def test_demo_cycle_is_added_once(demo_cycle):
    from signals.access import audit
    from signals.cycle import actions

    before = actions.action_history(demo_cycle, "demo"), len(audit.entries(demo_cycle, limit=None))
    demo.add_demo_cycle(demo_cycle, demo.report_months())
    after = actions.action_history(demo_cycle, "demo"), len(audit.entries(demo_cycle, limit=None))
    pd.testing.assert_frame_equal(before[0], after[0])
    assert before[1] == after[1]
