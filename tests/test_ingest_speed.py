"""Ingest as a user runs it: what the command does not need, it does not pay for.

The command-line ingest imports neither pandas, numpy nor pyarrow (half a second of a
process), a plain file (no quotes, no blank lines, every row read) gets its line
numbers without counting them (the counted way stays for the other files), and DuckDB
hashes the ids with the same keyed hash as `pseudonym.pseudonymise`.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from signals import store
from signals.ingest import pseudonym
from signals.ingest.csv_dialect import prepare
from signals.ingest.loader import ingest_bytes, validate_bytes

PROJECT_ROOT = Path(__file__).resolve().parent.parent
HEAVY_MODULES = ("pandas", "numpy", "pyarrow", "scipy")

# Runs the command in-process, then names the heavy modules it imported.
RUN_INGEST = f"""
import runpy, sys
sys.argv = ["signals", "ingest", "--db", sys.argv[1], "--kind", "absences", sys.argv[2]]
try:
    runpy.run_module("signals", run_name="__main__")
except SystemExit as done:
    status = done.code
print("status", status)
print("imported", ",".join(m for m in {HEAVY_MODULES!r} if m in sys.modules))
"""


def run_ingest_command(tmp_path, data: bytes) -> list[str]:
    source = tmp_path / "abs.csv"
    source.write_bytes(data)
    process = subprocess.run([sys.executable, "-c", RUN_INGEST, str(tmp_path / "cli.duckdb"),
                              str(source)], capture_output=True, text=True, cwd=PROJECT_ROOT,
                             env=dict(os.environ), timeout=120)
    return process.stdout.splitlines()[-2:]


def test_the_ingest_command_imports_no_pandas_numpy_or_pyarrow(tmp_path):
    data = (b"employee_id,department,start_date,end_date,absence_type\n"
            b"E1,Zorg,2024-01-08,2024-01-19,illness\nE2,Zorg,2024-02-01,,\n")
    assert run_ingest_command(tmp_path, data) == ["status 0", "imported "]


def test_a_rejected_file_is_reported_without_them_too(tmp_path):
    data = (b"employee_id,department,start_date,end_date,absence_type\n"
            b"E1,Zorg,2024-13-08,2024-01-19,illness\n")
    assert run_ingest_command(tmp_path, data) == ["status 1", "imported "]


@pytest.mark.parametrize("body", [
    b"h,i\n1,2\n3,4\n",
    b"h,i\n1,2\n3,4",
    b"h,i\n   \n3,4\n",                # a line of spaces is a record (an empty row)
    b"h,i\n",
    b"h,i",
    b"h,i\n1,2\n\n3,4\n",              # a blank line: counted
    b'h,i\n"a\nb",2\n3,4\n',           # a quoted value over two lines: counted
    b"h,i\n1,2\n\n",
])
def test_plain_record_count_agrees_with_the_counted_lines(body):
    prepared = prepare(body)
    counted = [int(line) for line in prepared.record_lines]
    plain = prepared.plain_records()
    if b'"' in body or b"\n\n" in body:
        assert plain is None
    else:
        assert counted == list(range(2, plain + 2))


def test_line_numbers_after_a_refused_row_in_a_plain_file():
    data = (b"incident_id,date,department,category\n"
            b"I1,2024-01-03,Zorg,near_miss,extra\n"
            b"I2,2024-02-30,Zorg,near_miss\n")
    result = validate_bytes("incidents", "inc.csv", data)
    assert [(e.line, e.column) for e in result.errors] == [(2, ""), (3, "date")]


def test_line_numbers_after_a_blank_line_and_a_quoted_value(db_path):
    data = (b"incident_id,date,department,category\n"
            b'I1,2024-01-03,"Zorg\nnacht",near_miss\n\n'
            b"I2,2024-02-30,Zorg,near_miss\n")
    result = ingest_bytes(db_path, "incidents", "inc.csv", data)
    assert [(e.line, e.column, e.value) for e in result.errors] == [(5, "date", "2024-02-30")]


def test_a_plain_file_gets_its_lines_without_numpy(tmp_path):
    """The line of an error in a plain file, from a process that never loaded numpy."""
    data = (b"employee_id,department,start_date,end_date,absence_type\n"
            b"E1,Zorg,2024-01-08,2024-01-19,illness\n"
            b"E2,Zorg,2024-01-08,2024-01-03,illness\n")
    source = tmp_path / "abs.csv"
    source.write_bytes(data)
    process = subprocess.run(
        [sys.executable, "-m", "signals", "ingest", "--db", str(tmp_path / "x.duckdb"),
         "--kind", "absences", str(source)],
        capture_output=True, text=True, cwd=PROJECT_ROOT, env=dict(os.environ), timeout=120)
    assert process.returncode == 1
    assert "abs.csv, line 3, column end_date: found '2024-01-03'" in process.stderr


@pytest.mark.parametrize("key_bytes", [16, 32, 64, 65, 100])
def test_duckdb_hashes_ids_as_the_python_pseudonym(key_bytes):
    """HMAC-SHA256 in SQL, for keys shorter than, as long as and longer than a block."""
    import duckdb

    key = bytes(range(key_bytes))
    ids = ["E1", "é€😀x", " a ", "E" * 200, "O'Neil", "85.07.30-033.28"]
    expression, parameters = pseudonym.pseudonym_sql("id", key)
    rows = duckdb.connect().execute(
        f"SELECT id, {expression} FROM (SELECT unnest(?::VARCHAR[]) AS id)",
        parameters + [ids]).fetchall()
    assert rows == [(value, pseudonym.pseudonymise(value, key)) for value in ids]


def test_stored_keys_are_the_python_pseudonyms(db_path, monkeypatch):
    key = bytes(range(70))                  # an operator's key longer than a block
    monkeypatch.setenv("SIGNALS_PSEUDONYM_KEY", key.hex())
    data = ("employee_id,department,start_date\nÉ1,Zorg,2024-01-08\nE2,Zorg,2024-01-09\n"
            "É1,Zorg,2024-02-01\n").encode()
    assert ingest_bytes(db_path, "absences", "abs.csv", data).accepted
    with store.connect(db_path) as con:
        stored = con.execute("SELECT employee_key FROM absences ORDER BY start_date").fetchall()
    assert [row[0] for row in stored] == [pseudonym.pseudonymise(value, key)
                                          for value in ("É1", "E2", "É1")]


@pytest.mark.parametrize("department, formula", [
    ("=A1", True), ("+32 2 555", True), ("-x", True), ("@SUM(A1)", True), ("  =A1", True),
    ("A=1", False), ("é+", False), ("x-", False), ("'=A1", False),
])
def test_formula_start_is_checked_without_a_regexp(department, formula):
    data = f"incident_id,date,department,category\nI1,2024-01-03,{department},other\n"
    result = validate_bytes("incidents", "inc.csv", data.encode("utf-8"))
    found = [e.expected_key for e in result.errors if e.column == "department"]
    assert found == (["expected.plain_text"] if formula else [])
