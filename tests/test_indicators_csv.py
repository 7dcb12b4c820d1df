"""The `indicators` CSV (CONTRACT.md section 3) and the command that prints it."""

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from signals import store
from signals.__main__ import main
from signals.definitions import CELL_INDICATOR_IDS
from signals.measures.indicators import indicators_csv

PROJECT_ROOT = Path(__file__).resolve().parent.parent
HEADER = "month,department,indicator,numerator,denominator,value,suppressed"


def fill(db_path):
    """March 2024 (21 working days): Zorg 20 people, Klein 4, Admin 11, hours for Zorg."""
    with store.connect(db_path) as con:
        con.execute("""INSERT INTO workforce VALUES
            ('2024-03-01', 'Zorg', 20, NULL, 3000.5, 1),
            ('2024-03-01', 'Klein', 4, NULL, NULL, 1),
            ('2024-03-01', 'Admin', 11, NULL, NULL, 1)""")
        # Zorg: Mon 4 - Fri 8 Mar (5 days) + Mon 11 - Mon 18 Mar (6 days), 2 people
        con.execute("""INSERT INTO absences VALUES
            ('z1', 'Zorg', '2024-03-04', '2024-03-08', 'illness', 1),
            ('z2', 'Zorg', '2024-03-11', '2024-03-18', 'illness', 1),
            ('k1', 'Klein', '2024-03-11', '2024-03-12', 'illness', 1)""")
        con.execute("""INSERT INTO incidents VALUES
            ('i1', '2024-03-05', 'Zorg', 'work_accident', 2, 1)""")


def parse(text):
    return list(csv.DictReader(io.StringIO(text)))


def by_key(rows):
    return {(row["department"], row["indicator"]): row for row in rows}


def test_csv_format_values_and_suppression(db_path):
    fill(db_path)
    with store.connect(db_path) as con:
        text = indicators_csv(con)
    lines = text.splitlines()
    assert lines[0] == HEADER
    assert text.endswith("\n") and "\r" not in text
    rows = parse(text)
    # 1 month x (ALL + 3 departments) x every cell indicator; ALL first, then by name
    count = len(CELL_INDICATOR_IDS)
    assert len(rows) == 4 * count
    assert [row["department"] for row in rows[::count]] == ["ALL", "Admin", "Klein", "Zorg"]
    assert [row["indicator"] for row in rows[:count]] == list(CELL_INDICATOR_IDS)
    assert {row["month"] for row in rows} == {"2024-03"}
    rows = by_key(rows)

    # Zorg: 11 days / (20 x 21 = 420) x 100 = 2.619047619... -> 6 decimals
    assert lines[1 + 3 * count] == "2024-03,Zorg,absence_rate,11,420,2.619048,false"
    # integers without '.0': 100 x 2 / 20 = 10
    assert rows[("Zorg", "absence_frequency")]["value"] == "10"
    # 1e6 x 1 / 3000.5 = 333.27778703...; denominator keeps its decimal
    assert lines[1 + 3 * count + 5] == "2024-03,Zorg,accident_frequency_rate,1,3000.5,333.277787,false"
    assert rows[("Zorg", "accident_severity_rate")]["value"] == "0.666556"   # 2000 / 3000.5

    # Klein (4) is below 10: suppressed, and Admin (11), the smallest other, with it
    assert lines[1 + 2 * count] == "2024-03,Klein,absence_rate,,84,,true"
    for department in ("Klein", "Admin"):
        for indicator in CELL_INDICATOR_IDS:
            row = rows[(department, indicator)]
            assert (row["numerator"], row["value"], row["suppressed"]) == ("", "", "true")
    # Admin reports no hours: the accident denominator is empty as well
    assert rows[("Admin", "accident_frequency_rate")]["denominator"] == ""

    # ALL (35 people) shows, Klein's 2 days included: 13 / (35 x 21 = 735)
    assert lines[1] == "2024-03,ALL,absence_rate,13,735,1.768707,false"
    assert rows[("ALL", "long_term_absentees")]["value"] == "0"
    assert rows[("ALL", "turnover_rate")]["suppressed"] == "false"


def test_csv_of_an_empty_database_is_the_header_only(db_path):
    with store.connect(db_path) as con:
        assert indicators_csv(con) == HEADER + "\n"


def test_csv_quotes_department_names_with_commas(db_path):
    with store.connect(db_path) as con:
        con.execute("INSERT INTO workforce VALUES ('2024-03-01', 'Zorg, nacht', 30, NULL, NULL, 1)")
        rows = parse(indicators_csv(con))
    assert {row["department"] for row in rows} == {"ALL", "Zorg, nacht"}


def test_cli_prints_the_csv(db_path, capsys):
    fill(db_path)
    assert main(["indicators", "--format", "csv", "--db", str(db_path)]) == 0
    printed = capsys.readouterr().out
    with store.connect(db_path) as con:
        assert printed == indicators_csv(con)


def test_python_dash_m_signals_indicators(db_path, tmp_path):
    fill(db_path)
    environment = {**os.environ, "SIGNALS_DB": str(db_path)}
    result = subprocess.run(
        [sys.executable, "-m", "signals", "indicators", "--format", "csv"],
        cwd=PROJECT_ROOT, env=environment, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == HEADER
    assert "2024-03,Klein,absence_rate,,84,,true" in lines
    assert len(lines) == 1 + 4 * len(CELL_INDICATOR_IDS)


@pytest.mark.parametrize("value, text", [
    (0.0, "0"), (30.0, "30"), (1 / 3, "0.333333"), (2 / 3, "0.666667"),
    (1234567.0000001, "1234567"), (0.1 + 0.2, "0.3"), (1e-7, "0"),
])
def test_number_formatting(db_path, value, text):
    # hours_worked carries the number into the accident denominator
    with store.connect(db_path) as con:
        con.execute("INSERT INTO workforce VALUES ('2024-03-01', 'Zorg', 30, NULL, ?, 1)", [value])
        rows = by_key(parse(indicators_csv(con)))
    assert rows[("Zorg", "accident_frequency_rate")]["denominator"] == text
