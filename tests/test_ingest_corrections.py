"""Corrections: an empty cell never erases a stored value, uploads can be undone, dates
far ahead are refused, department names close to known ones are warned about."""

import datetime as dt

import pytest

from signals import store
from signals.indicators import indicator_frame
from signals.ingest import MAX_KEPT_WARNINGS, ingest_bytes

ABSENCES = "employee_id,department,start_date,end_date,absence_type\n"
WORKFORCE = "month,department,headcount,fte,hours_worked\n"
MONTHS = ["2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11"]


def all_tables(db_path):
    """Every data table and its history, rows sorted: the database as undo must restore it."""
    with store.connect(db_path) as con:
        tables = store.DATA_TABLES + tuple(store.history_table(t) for t in store.DATA_TABLES)
        return {table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
                for table in tables}


def organisation_absence(db_path):
    with store.connect(db_path) as con:
        frame = indicator_frame(con, min_group_size=5)
    rows = frame[(frame["department"] == "ALL")
                 & frame["indicator"].isin(["absence_rate", "long_term_absentees"])]
    return sorted(zip(rows["month"].astype(str), rows["indicator"], rows["value"].round(9)))


def june_file(closed: dict[int, str] | None = None) -> bytes:
    """Ten absences starting in June; `closed` gives some of them an end date."""
    closed = closed or {}
    rows = "".join(f"E{i},Productie,2024-06-{i + 3:02d},{closed.get(i, '')},\n" for i in range(10))
    return (ABSENCES + rows).encode()


def store_months(db_path):
    workforce = "".join(f"{month},Productie,40,38,6000\n" for month in MONTHS)
    assert ingest_bytes(db_path, "workforce", "workforce.csv", (WORKFORCE + workforce).encode()).accepted


def test_reuploading_june_after_later_files_closed_its_spells_changes_no_figure(db_path):
    store_months(db_path)
    assert ingest_bytes(db_path, "absences", "june.csv", june_file()).accepted
    # July to November close seven of the ten spells
    for index, month in enumerate(MONTHS[1:]):
        ends = {i: f"{month}-0{2 + i % 5}" for i in range(7) if i % 5 == index}
        if ends:
            assert ingest_bytes(db_path, "absences", f"{month}.csv", june_file(ends)).accepted
    before = organisation_absence(db_path)
    with store.connect(db_path) as con:
        closed = con.execute("SELECT count(*) FROM absences WHERE end_date IS NOT NULL").fetchone()[0]
    assert closed == 7

    corrected = ingest_bytes(db_path, "absences", "june-corrected.csv", june_file())
    assert corrected.accepted
    assert organisation_absence(db_path) == before
    assert (corrected.rows_replaced, corrected.rows_unchanged) == (0, 10)
    kept = [w for w in corrected.warnings if "stored value" in w and w.startswith("Line")]
    assert len(kept) == 7
    assert kept[0] == "Line 2, column end_date: empty cell, stored value 2024-07-02 kept."


def test_a_different_value_replaces_and_an_empty_one_keeps_every_optional_column(db_path):
    first = WORKFORCE + "2024-06,Productie,40,38.5,6000\n2024-06,Logistiek,12,11,1800\n"
    assert ingest_bytes(db_path, "workforce", "a.csv", first.encode()).accepted
    second = WORKFORCE + "2024-06,Productie,41,,\n2024-06,Logistiek,12,10,\n"
    result = ingest_bytes(db_path, "workforce", "b.csv", second.encode())
    assert (result.rows_new, result.rows_replaced, result.rows_unchanged) == (0, 2, 0)
    with store.connect(db_path) as con:
        rows = con.execute("SELECT department, headcount, fte, hours_worked FROM workforce "
                           "ORDER BY department").fetchall()
    assert rows == [("Logistiek", 12, 10.0, 1800.0), ("Productie", 41, 38.5, 6000.0)]
    assert "Line 2, column fte: empty cell, stored value 38.5 kept." in result.warnings

    incidents = "incident_id,date,department,category,days_lost\n"
    assert ingest_bytes(db_path, "incidents", "i.csv",
                        (incidents + "I1,2024-06-03,Productie,work_accident,4\n").encode()).accepted
    again = ingest_bytes(db_path, "incidents", "i2.csv",
                         (incidents + "I1,2024-06-03,Productie,work_accident,\n").encode())
    assert again.rows_unchanged == 1 and any("days_lost" in w for w in again.warnings)
    turnover = "employee_id,department,date,event,reason\n"
    assert ingest_bytes(db_path, "turnover", "t.csv",
                        (turnover + "E1,Productie,2024-06-30,hire,\n").encode()).accepted
    with store.connect(db_path) as con:
        assert con.execute("SELECT days_lost FROM incidents").fetchall() == [(4,)]


def test_kept_value_warnings_are_cut_with_a_count(db_path):
    rows = "".join(f"E{i},Productie,2024-06-01,2024-06-28,\n" for i in range(MAX_KEPT_WARNINGS + 5))
    assert ingest_bytes(db_path, "absences", "a.csv", (ABSENCES + rows).encode()).accepted
    reopened = rows.replace("2024-06-28", "")
    result = ingest_bytes(db_path, "absences", "b.csv", (ABSENCES + reopened).encode())
    assert result.warnings[0].startswith(f"{MAX_KEPT_WARNINGS + 5} row(s) with an empty cell")
    assert len(result.warnings) == MAX_KEPT_WARNINGS + 2
    assert result.warnings[-1] == "And 5 more kept value(s)."
    with store.connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM absences WHERE end_date IS NULL").fetchone()[0] == 0
