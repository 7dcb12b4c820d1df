"""The converter for the third-party HR data set (skipped when the shared file is absent)."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from signals import store
from signals.ingest.hrdataset import convert_hrdataset

REPOSITORY = Path(__file__).resolve().parents[1]
SOURCE = REPOSITORY.parent / "shared" / "realdata" / "HRDataset_v14.csv"

pytestmark = pytest.mark.skipif(not SOURCE.exists(), reason="shared HRDataset_v14.csv not present")


def _source_rows() -> list[dict[str, str]]:
    with SOURCE.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _us_date(text: str) -> dt.date | None:
    text = text.strip()
    return dt.datetime.strptime(text, "%m/%d/%Y").date() if text else None


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, Path]:
    return convert_hrdataset(SOURCE, tmp_path_factory.mktemp("hrdataset"))


def test_writes_contract_columns(converted):
    assert set(converted) == {"workforce", "turnover"}
    workforce_header = _read(converted["workforce"])[0].keys()
    turnover_header = _read(converted["turnover"])[0].keys()
    assert workforce_header == {"month", "department", "headcount", "fte", "hours_worked"}
    assert turnover_header == {"employee_id", "department", "date", "event", "reason"}


def test_names_and_free_text_never_written(converted):
    rows = _source_rows()
    written_text = converted["workforce"].read_text() + converted["turnover"].read_text()
    written_cells = {cell for kind in converted for row in _read(converted[kind]) for cell in row.values()}
    surnames = {row["Employee_Name"].split(",")[0].strip() for row in rows}
    free_texts = {row["TermReason"].strip() for row in rows} | {row["ManagerName"].strip() for row in rows}
    assert not [name for name in surnames if name in written_text]
    assert not free_texts & written_cells


def test_headcount_of_a_sample_month_matches_the_source(converted):
    last_day = dt.date(2015, 6, 30)
    expected = Counter(
        row["Department"].strip()
        for row in _source_rows()
        if _us_date(row["DateofHire"]) <= last_day
        and (_us_date(row["DateofTermination"]) is None or _us_date(row["DateofTermination"]) > last_day)
    )
    found = {row["department"]: int(row["headcount"])
             for row in _read(converted["workforce"]) if row["month"] == "2015-06"}
    assert sum(expected.values()) > 100
    assert {name: count for name, count in found.items() if count} == dict(expected)


def test_every_hire_and_exit_with_mapped_reasons(converted):
    rows = _source_rows()
    events = _read(converted["turnover"])
    assert sum(event["event"] == "hire" for event in events) == len(rows)
    reasons = Counter(event["reason"] for event in events if event["event"] == "exit")
    retiring = sum(row["TermReason"].strip() == "retiring" for row in rows)
    statuses = Counter(row["EmploymentStatus"].strip() for row in rows)
    assert retiring > 0
    assert reasons == Counter({
        "retirement": retiring,
        # Every retiree in this data set left voluntarily.
        "voluntary": statuses["Voluntarily Terminated"] - retiring,
        "involuntary": statuses["Terminated for Cause"],
    })


def test_converted_files_are_accepted_by_ingest(converted, db_path):
    ingest_bytes = pytest.importorskip("signals.ingest.loader").ingest_bytes

    for kind in ("workforce", "turnover"):
        path = converted[kind]
        result = ingest_bytes(db_path, kind, path.name, path.read_bytes(), uploaded_by="test")
        assert result.accepted, result.error_report()
        assert result.rows_new == len(_read(path))
    with store.connect(db_path, read_only=True) as con:
        stored = con.execute(
            "SELECT headcount FROM workforce WHERE month = DATE '2015-06-01' AND department = 'Production'"
        ).fetchone()[0]
    production = {row["department"]: int(row["headcount"]) for row in _read(converted["workforce"])
                  if row["month"] == "2015-06"}["Production"]
    assert stored == production


def test_command_line_entry_point(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "signals.hrdataset", str(SOURCE), str(tmp_path / "out")],
        cwd=REPOSITORY, capture_output=True, text=True, timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    assert (tmp_path / "out" / "workforce.csv").exists()
    assert (tmp_path / "out" / "turnover.csv").exists()
