"""Ingest: storing — upsert counts, atomicity, history, demo refusal, privacy, the CLI."""

import datetime as dt
import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from signals import config, store
from signals.definitions import ABSENCE_TYPES
from signals.ingest.loader import ingest_bytes

ABSENCES = "employee_id,department,start_date,end_date,absence_type\n"


def table_contents(db_path):
    with store.connect(db_path) as con:
        return {table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
                for table in store.DATA_TABLES}


def uploads(db_path):
    with store.connect(db_path) as con:
        return con.execute(
            "SELECT upload_id, file_name, content_sha256, kind, status, rows_total, rows_new, "
            "rows_replaced, rows_unchanged, error_count, warnings, uploaded_by FROM uploads "
            "ORDER BY upload_id").fetchall()


def test_reupload_changes_nothing_and_closing_file_replaces_the_open_spell(db_path):
    first = (ABSENCES + "E1,Zorg,2024-01-02,,\nE2,Zorg,2024-01-03,2024-01-05,illness\n").encode()
    result = ingest_bytes(db_path, "absences", "jan.csv", first)
    assert (result.rows_new, result.rows_replaced, result.rows_unchanged) == (2, 0, 0)
    before = table_contents(db_path)

    again = ingest_bytes(db_path, "absences", "jan.csv", first)
    assert (again.rows_new, again.rows_replaced, again.rows_unchanged) == (0, 0, 2)
    assert table_contents(db_path) == before            # not rewritten: upload ids kept too

    closing = (ABSENCES + "E1,Zorg,02/01/2024,2024-01-20,\n").encode()
    closed = ingest_bytes(db_path, "absences", "feb.csv", closing)
    assert (closed.rows_new, closed.rows_replaced, closed.rows_unchanged) == (0, 1, 0)
    with store.connect(db_path) as con:
        rows = con.execute("SELECT strftime(end_date, '%Y-%m-%d'), upload_id FROM absences "
                           "ORDER BY start_date").fetchall()
    assert rows == [("2024-01-20", closed.upload_id), ("2024-01-05", result.upload_id)]


def test_a_file_with_one_bad_row_stores_nothing(db_path):
    good = "".join(f"E{i},Dept {i % 7},2024-01-{i % 28 + 1:02d},,\n" for i in range(5000))
    ingest_bytes(db_path, "absences", "base.csv", (ABSENCES + good[:20000]).encode())
    before = table_contents(db_path)
    rows = [f"N{i},Dept {i % 7},2024-02-{i % 28 + 1:02d},,other\n" for i in range(5000)]
    rows[4321] = "N4321,Dept 1,2024-02-31,,\n"
    result = ingest_bytes(db_path, "absences", "big.csv", (ABSENCES + "".join(rows)).encode())
    assert not result.accepted
    assert [(e.line, e.column, e.value) for e in result.errors] == [(4323, "start_date", "2024-02-31")]
    assert table_contents(db_path) == before
    assert uploads(db_path)[-1][4:10] == ("rejected", 5000, 0, 0, 0, 1)


def test_every_attempt_is_in_the_upload_history(db_path):
    good = (ABSENCES.replace("\n", ",note\n") + "E1,Zorg,2024-01-02,,,x\n").encode()
    bad = (ABSENCES + "E1,Zorg,2024-01-32,,\n").encode()
    ingest_bytes(db_path, "absences", "good.csv", good, uploaded_by="hr1")
    ingest_bytes(db_path, "absences", "bad.csv", bad, uploaded_by="hr2")
    history = uploads(db_path)
    assert history == [
        (1, "good.csv", hashlib.sha256(good).hexdigest(), "absences", "accepted", 1, 1, 0, 0, 0,
         ["Extra columns ignored: note."], "hr1"),
        (2, "bad.csv", hashlib.sha256(bad).hexdigest(), "absences", "rejected", 1, 0, 0, 0, 1, [], "hr2"),
    ]
    with store.connect(db_path) as con:
        assert store.data_version(con) == 1


def test_demo_database_refuses_real_files(db_path):
    with store.connect(db_path) as con:
        store.set_meta(con, "dataset", "demo")
    data = (ABSENCES + "E1,Zorg,2024-01-02,,\n").encode()
    refused = ingest_bytes(db_path, "absences", "abs.csv", data)
    assert not refused.accepted and "demo database" in refused.error_report()
    assert table_contents(db_path)["absences"] == [] and uploads(db_path) == []
    assert ingest_bytes(db_path, "absences", "abs.csv", data, allow_demo=True).accepted


def test_other_pseudonymisation_key_is_refused_and_stores_nothing(db_path, monkeypatch):
    assert ingest_bytes(db_path, "absences", "a.csv", (ABSENCES + "E1,Zorg,2024-01-02,,\n").encode()).accepted
    before = table_contents(db_path)
    monkeypatch.setenv("SIGNALS_PSEUDONYM_KEY", "cd" * 32)
    result = ingest_bytes(db_path, "absences", "b.csv", (ABSENCES + "E2,Zorg,2024-01-02,,\n").encode())
    assert not result.accepted and result.config_problem
    assert "another pseudonymisation key" in result.errors[0].expected
    assert table_contents(db_path) == before
    assert [(row[1], row[4]) for row in uploads(db_path)][-1] == ("b.csv", "rejected")


def test_no_original_employee_id_reaches_the_database(db_path):
    ids = [f"SECRET-ID-{i:04d}" for i in range(300)]
    absences = ABSENCES + "".join(f"{e},Zorg,2024-01-{i % 28 + 1:02d},,\n" for i, e in enumerate(ids))
    turnover = "employee_id,department,date,event,reason\n" + "".join(
        f"{e},Zorg,2024-02-01,exit,voluntary\n" for e in ids[:50])
    reintegration = ("request_id,employee_id,department,request_date,initiator\n"
                     + "".join(f"R{i},{e},Zorg,2024-03-01,worker\n" for i, e in enumerate(ids[:20])))
    for kind, text in (("absences", absences), ("turnover", turnover), ("reintegration", reintegration)):
        assert ingest_bytes(db_path, kind, f"{kind}.csv", text.encode()).accepted
    # A rejected file's ids must not linger either.
    assert not ingest_bytes(db_path, "absences", "bad.csv", (absences + "SECRET-ID-9999,Zorg,x,,\n").encode()).accepted
    with store.connect(db_path) as con:
        columns = con.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE data_type = 'VARCHAR' AND table_schema = 'main'").fetchall()
        for table, column in columns:
            found = con.execute(f'SELECT count(*) FROM "{table}" WHERE "{column}" LIKE \'%SECRET-ID%\'').fetchone()[0]
            assert found == 0, (table, column)
        assert con.execute("SELECT count(DISTINCT employee_key) FROM absences").fetchone()[0] == 300
    database_bytes = b"".join(path.read_bytes() for path in db_path.parent.glob(db_path.name + "*")
                              if path.is_file())
    assert b"SECRET-ID" not in database_bytes


def test_same_person_links_across_files(db_path):
    ingest_bytes(db_path, "absences", "a.csv", (ABSENCES + "E7,Zorg,2024-01-02,,\n").encode())
    ingest_bytes(db_path, "turnover", "t.csv",
                 b"employee_id,department,date,event,reason\nE7,Zorg,2024-03-01,exit,retirement\n")
    with store.connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM absences JOIN turnover USING (employee_key)").fetchone()[0] == 1


absence_rows = st.lists(
    st.tuples(
        st.integers(0, 40),                                   # employee
        st.sampled_from(["Zorg", "Logistiek", "Kinésithérapie"]),
        st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2026, 1, 1)),  # +400 days: not a year ahead
        st.one_of(st.none(), st.integers(0, 400)),           # spell length, None = open
        st.one_of(st.none(), st.sampled_from(ABSENCE_TYPES)),
        st.booleans(),                                        # day-first date format
    ),
    min_size=1, max_size=40, unique_by=lambda row: (row[0], row[2]),
)


def absence_csv(rows) -> bytes:
    lines = []
    for employee, department, start, length, kind, day_first in rows:
        end = "" if length is None else (start + dt.timedelta(days=length)).isoformat()
        start_text = start.strftime("%d/%m/%Y") if day_first else start.isoformat()
        lines.append(f"E{employee},{department},{start_text},{end},{kind or ''}\n")
    return (ABSENCES + "".join(lines)).encode("cp1252")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=absence_rows)
def test_ingesting_the_same_valid_file_twice_is_idempotent(rows):
    data = absence_csv(rows)
    with tempfile.TemporaryDirectory() as work:
        db = Path(work) / "prop.duckdb"
        first = ingest_bytes(db, "absences", "abs.csv", data)
        assert first.accepted, first.error_report()
        assert first.rows_new == len(rows)
        before = table_contents(db)
        second = ingest_bytes(db, "absences", "abs.csv", data)
        assert (second.rows_new, second.rows_replaced, second.rows_unchanged) == (0, 0, len(rows))
        assert table_contents(db) == before


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first_rows=absence_rows, second_rows=absence_rows)
def test_overlapping_uploads_keep_one_row_per_key(first_rows, second_rows):
    """The tables have no primary-key index: the ingest itself keeps keys unique."""
    with tempfile.TemporaryDirectory() as work:
        db = Path(work) / "prop.duckdb"
        for rows in (first_rows, second_rows, first_rows):
            assert ingest_bytes(db, "absences", "abs.csv", absence_csv(rows)).accepted
        keys = {(f"E{row[0]}", row[2]) for row in first_rows + second_rows}
        with store.connect(db) as con:
            stored, distinct = con.execute(
                "SELECT count(*), count(DISTINCT (employee_key, start_date)) FROM absences").fetchone()
        assert stored == distinct == len(keys)


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "signals", *args], capture_output=True, text=True,
                          cwd=config.PROJECT_ROOT, timeout=120)


def test_cli_ingest_exit_codes_and_streams(tmp_path, db_path):
    good = tmp_path / "good.csv"
    good.write_bytes((ABSENCES + "E1,Zorg,2024-01-02,,\n").encode())
    bad = tmp_path / "bad.csv"
    bad.write_bytes((ABSENCES + "E2,Zorg,2024-02-30,,\n").encode())
    later = tmp_path / "later.csv"
    later.write_bytes((ABSENCES + "E3,Zorg,2024-03-01,,\nE4,Zorg,2024-03-02,,\n").encode())

    mixed = run_cli("ingest", "--db", str(db_path), "--kind", "absences",
                    str(good), str(bad), str(tmp_path / "missing.csv"), str(later))
    assert mixed.returncode == 2, "a missing file is a mistake of the command, exit 2"
    assert mixed.stdout.splitlines() == [
        "good.csv: 1 row, 1 new, 0 replaced, 0 unchanged, 0 warnings",
        "later.csv: 2 rows, 2 new, 0 replaced, 0 unchanged, 0 warnings",
    ]
    assert ("bad.csv, line 2, column start_date: found '2024-02-30', expected a date that "
            "exists: 2024-02-30 does not exist (February 2024 has 29 days)") in mixed.stderr
    assert f"error: {tmp_path / 'missing.csv'}: no such file\n" in mixed.stderr
    assert "Traceback" not in mixed.stderr

    rejected = run_cli("ingest", "--db", str(db_path), "--kind", "absences", str(bad), str(later))
    assert rejected.returncode == 1 and "later.csv: 2 rows, 0 new" in rejected.stdout

    clean = run_cli("ingest", "--db", str(db_path), "--kind", "absences", str(good))
    assert clean.returncode == 0 and clean.stderr == ""
    assert clean.stdout == "good.csv: 1 row, 0 new, 0 replaced, 1 unchanged, 0 warnings\n"
