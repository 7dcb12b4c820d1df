"""Corrections: an empty cell never erases a stored value, uploads can be undone, dates
far ahead are refused, department names close to known ones are warned about."""

import datetime as dt

import pytest

from signals import store
from signals.ingest.loader import MAX_KEPT_WARNINGS, ingest_bytes
from signals.measures.indicators import indicator_frame

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
    assert result.warnings[0].startswith(f"{MAX_KEPT_WARNINGS + 5} rows with an empty cell")
    assert len(result.warnings) == MAX_KEPT_WARNINGS + 2
    assert result.warnings[-1] == "And 5 more kept values."
    with store.connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM absences WHERE end_date IS NULL").fetchone()[0] == 0


# --- undo ----------------------------------------------------------------------------------

def test_undoing_the_latest_upload_restores_every_table_exactly(db_path):
    from signals.ingest.undo import undo_path

    store_months(db_path)
    assert ingest_bytes(db_path, "absences", "june.csv", june_file()).accepted
    before = all_tables(db_path)
    figures = organisation_absence(db_path)
    later = (june_file({0: "2024-07-01", 1: "2024-06-20"})
             + b"N1,Logistiek,2024-08-01,,work_accident\nN2,Productie,2024-09-02,2024-09-03,\n")
    update = ingest_bytes(db_path, "absences", "fix.csv", later)
    assert (update.rows_new, update.rows_replaced) == (2, 2)
    assert all_tables(db_path) != before

    result = undo_path(db_path, update.upload_id, actor="hr1")
    assert (result.removed, result.restored, result.left) == (4, 2, 0)
    assert all_tables(db_path) == before
    assert organisation_absence(db_path) == figures
    with store.connect(db_path) as con:
        statuses = con.execute("SELECT upload_id, status, uploaded_by FROM uploads "
                               "ORDER BY upload_id").fetchall()
        assert store.data_version(con) == result.undo_id > update.upload_id
    assert statuses[-2:] == [(update.upload_id, "undone", None), (result.undo_id, "undo", "hr1")]


def test_undoing_an_older_upload_leaves_the_rows_a_later_one_changed(db_path):
    from signals.ingest.undo import undo_path

    assert ingest_bytes(db_path, "absences", "base.csv", june_file()).accepted
    older = ingest_bytes(db_path, "absences", "older.csv",
                         june_file({i: "2024-06-28" for i in range(4)}))
    assert older.rows_replaced == 4
    newer = ingest_bytes(db_path, "absences", "newer.csv",
                         (ABSENCES + "E0,Productie,2024-06-03,2024-06-29,\n").encode())
    assert newer.rows_replaced == 1

    result = undo_path(db_path, older.upload_id)
    assert (result.removed, result.restored, result.left) == (3, 3, 1)
    assert result.left_by == [newer.upload_id]
    assert len(result.left_keys) == 1 and "start_date 2024-06-03" in result.left_keys[0]
    assert "E0" not in result.summary() and "changed them again: 1" in result.summary()
    with store.connect(db_path) as con:
        ends = con.execute("SELECT strftime(end_date, '%Y-%m-%d') FROM absences "
                           "ORDER BY start_date").fetchall()
    assert ends == [("2024-06-29",)] + [(None,)] * 9


def three_corrections(db_path):
    """u1: ten open absences; u2 closes E0 and E1 on 06-28; u3 closes E0 on 06-29."""
    first = ingest_bytes(db_path, "absences", "u1.csv", june_file())
    after_first = all_tables(db_path)
    second = ingest_bytes(db_path, "absences", "u2.csv",
                          june_file({0: "2024-06-28", 1: "2024-06-28"}))
    third = ingest_bytes(db_path, "absences", "u3.csv",
                         (ABSENCES + "E0,Productie,2024-06-03,2024-06-29,\n").encode())
    assert (second.rows_replaced, third.rows_replaced) == (2, 1)
    return first, second, third, after_first


def stored_ends(db_path):
    """(start_date, end_date, status of the upload that owns the row) of E0 and E1."""
    with store.connect(db_path) as con:
        return con.execute("""
            SELECT strftime(a.start_date, '%m-%d'), strftime(a.end_date, '%m-%d'), u.status
            FROM absences a JOIN uploads u USING (upload_id)
            WHERE a.start_date <= DATE '2024-06-04' ORDER BY a.start_date""").fetchall()


def test_undoing_an_older_then_the_newer_upload_never_restores_an_undone_version(db_path):
    from signals.ingest.undo import undo_path

    first, second, third, after_first = three_corrections(db_path)
    result = undo_path(db_path, second.upload_id)
    assert (result.removed, result.restored, result.left) == (1, 1, 1)
    assert result.left_by == [third.upload_id]
    assert stored_ends(db_path) == [("06-03", "06-29", "accepted"), ("06-04", None, "accepted")]
    result = undo_path(db_path, third.upload_id)
    # u2 is undone: its 06-28 is never put back; u1's open absence is, as if neither existed
    assert (result.removed, result.restored, result.left) == (1, 1, 0)
    assert stored_ends(db_path) == [("06-03", None, "accepted"), ("06-04", None, "accepted")]
    assert all_tables(db_path) == after_first
    result = undo_path(db_path, first.upload_id)
    assert (result.removed, result.restored, result.left) == (10, 0, 0)
    assert all_tables(db_path)["absences"] == []


def test_undoing_the_newer_then_the_older_upload_restores_each_step(db_path):
    from signals.ingest.undo import undo_path

    first, second, third, after_first = three_corrections(db_path)
    result = undo_path(db_path, third.upload_id)
    assert (result.removed, result.restored, result.left) == (1, 1, 0)
    assert stored_ends(db_path) == [("06-03", "06-28", "accepted"), ("06-04", "06-28", "accepted")]
    result = undo_path(db_path, second.upload_id)
    assert (result.removed, result.restored, result.left) == (2, 2, 0)
    assert all_tables(db_path) == after_first and first.accepted


def test_undo_refuses_what_holds_no_data_and_changes_nothing(db_path):
    from signals.ingest.undo import UndoRefused, undo_path

    stored = ingest_bytes(db_path, "absences", "a.csv", june_file())
    rejected = ingest_bytes(db_path, "absences", "b.csv", (ABSENCES + "E1,X,2024-02-31,,\n").encode())
    before = all_tables(db_path)
    for upload_id in (rejected.upload_id, 99):
        with pytest.raises(UndoRefused):
            undo_path(db_path, upload_id)
    undo_path(db_path, stored.upload_id)
    with pytest.raises(UndoRefused, match="nothing of it is stored"):
        undo_path(db_path, stored.upload_id)
    assert all_tables(db_path)["absences"] == [] and before["absences"]


def test_undo_is_atomic(db_path, monkeypatch):
    from signals.ingest import undo
    first = ingest_bytes(db_path, "absences", "a.csv", june_file())
    second = ingest_bytes(db_path, "absences", "b.csv", june_file({1: "2024-06-30"}))
    before = all_tables(db_path)

    def broken(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(undo, "_record_undo", broken)
    with pytest.raises(RuntimeError):
        undo.undo_path(db_path, second.upload_id)
    assert all_tables(db_path) == before and first.accepted


def test_a_version_2_database_migrates_and_its_old_uploads_are_not_undoable(db_path):
    import duckdb

    from signals.ingest.undo import UndoRefused, undo_path

    con = duckdb.connect(str(db_path))
    for migration in store.MIGRATIONS[:2]:
        con.execute(migration)
    con.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    con.execute("INSERT INTO uploads (upload_id, file_name, content_sha256, kind, status, "
                "uploaded_at) VALUES (1, 'old.csv', '', 'absences', 'accepted', now())")
    con.execute("SELECT nextval('upload_id_seq')")
    con.execute("INSERT INTO absences VALUES ('k1', 'Zorg', DATE '2024-01-02', NULL, 'illness', 1)")
    con.close()
    new = ingest_bytes(db_path, "absences", "new.csv", june_file())
    with store.connect(db_path) as con:
        assert store.schema_version(con) == store.SCHEMA_VERSION
    with pytest.raises(UndoRefused, match="stored before"):
        undo_path(db_path, 1)
    assert undo_path(db_path, new.upload_id).removed == 10
    assert all_tables(db_path)["absences"] == [("k1", "Zorg", dt.date(2024, 1, 2), None, "illness", 1)]


def test_cli_lists_uploads_and_undoes_one(tmp_path, db_path):
    import subprocess
    import sys

    def run(*args):
        return subprocess.run([sys.executable, "-m", "signals", *args, "--db", str(db_path)],
                              capture_output=True, text=True)

    ingest_bytes(db_path, "absences", "june.csv", june_file())
    update = ingest_bytes(db_path, "absences", "july.csv", june_file({2: "2024-07-04"}))
    listed = run("uploads", "list")
    assert listed.returncode == 0
    assert listed.stdout.splitlines()[0].startswith("upload_id,uploaded_at,file_name,kind,status")
    assert listed.stdout.splitlines()[1].startswith(f"{update.upload_id},")

    undone = run("uploads", "undo", str(update.upload_id))
    assert undone.returncode == 0, undone.stderr
    assert undone.stdout.startswith(f"Upload {update.upload_id} (july.csv) undone. Rows removed: 1")
    again = run("uploads", "undo", str(update.upload_id))
    assert again.returncode == 1 and "cannot be undone" in again.stderr
    assert "Traceback" not in again.stderr
    assert ",undone," in run("uploads", "list").stdout


# --- dates far ahead -----------------------------------------------------------------------

def test_months_and_dates_more_than_a_year_ahead_are_refused_in_every_language(db_path):
    from signals.ingest.validation import latest_date

    latest = latest_date()
    after = latest + dt.timedelta(days=1)
    next_month = (latest.replace(day=1) + dt.timedelta(days=32)).strftime("%Y-%m")
    workforce = (WORKFORCE + f"2024-06,A,12,,\n9999-12,A,12,,\n{next_month},A,12,,\n"
                 f"{latest:%Y-%m},A,12,,\n1989-12,A,12,,\n")
    result = ingest_bytes(db_path, "workforce", "w.csv", workforce.encode())
    assert not result.accepted
    assert [(e.line, e.column, e.value) for e in result.errors] == [
        (3, "month", "9999-12"), (4, "month", next_month), (6, "month", "1989-12")]
    assert result.errors[0].describe() == (
        f"w.csv, line 3, column month: found '9999-12', expected a month up to "
        f"{latest:%Y-%m} (at most one year after today)")
    assert "(hoogstens een jaar na vandaag)" in result.errors[0].expected_text("nl")
    assert "(un an après aujourd'hui au plus)" in result.errors[0].expected_text("fr")

    absences = ABSENCES + f"E1,A,{latest:%d/%m/%Y},,\nE2,A,2024-01-01,{after:%Y-%m-%d},\n"
    refused = ingest_bytes(db_path, "absences", "a.csv", absences.encode())
    assert [(e.line, e.column) for e in refused.errors] == [(3, "end_date")]
    assert f"a date on or before {latest:%Y-%m-%d}" in refused.errors[0].expected
    with store.connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM workforce").fetchone()[0] == 0


# --- department names ----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["ALL", "all", "A\u200bLL", "A\u216cL", "\uff21\uff2c\uff2c", "ALL\u2060"])
def test_names_that_read_as_all_are_refused_like_all(db_path, name):
    result = ingest_bytes(db_path, "workforce", "w.csv", (WORKFORCE + f"2024-06,{name},12,,\n").encode())
    assert not result.accepted
    assert [(e.line, e.column, e.value) for e in result.errors] == [(2, "department", name)]
    assert "reserved for the whole organisation" in result.errors[0].expected


def test_a_very_long_department_name_is_refused_with_its_length(db_path):
    long_name = "Productie" * 1200
    result = ingest_bytes(db_path, "workforce", "w.csv",
                          (WORKFORCE + f"2024-06,{long_name},12,,\n2024-06,{'x' * 100},12,,\n").encode())
    assert [(e.line, e.column) for e in result.errors] == [(2, "department")]
    error = result.errors[0]
    assert len(error.value) == 61 and error.value.endswith("…")
    assert error.expected == "a department name of at most 100 characters (this one has 10800)"
    assert "hoogstens 100 tekens (deze telt er 10800)" in error.expected_text("nl")


def test_a_new_name_like_a_known_one_gets_a_warning_with_the_known_name(db_path):
    from signals.ingest.loader import known_departments, validate_bytes

    known = WORKFORCE + "2024-06,Verpakking,40,,\n2024-06,Productielijn 1,30,,\n2024-06,Team 1,12,,\n"
    assert ingest_bytes(db_path, "workforce", "a.csv", known.encode()).warnings == []
    file = (WORKFORCE + "2024-07,Verpakking,40,,\n2024-07,verpakking,1,,\n"
            "2024-07,Productie lijn 1,30,,\n2024-07,Team 2,12,,\n2024-07,Verpakkinq,3,,\n"
            "2024-07,Lógistiek,5,,\n2024-07,Logistiek,5,,\n2024-07,Onderhoud\u200b,5,,\n")
    preview = validate_bytes("workforce", "b.csv", file.encode(), known_departments(db_path))
    expected = [
        "Line 3: the new department 'verpakking' looks like the known department 'Verpakking'. "
        "Did you mean 'Verpakking'? Correct the file and upload it again, otherwise "
        "'verpakking' becomes a separate department.",
        "Line 4: the new department 'Productie lijn 1' looks like the known department "
        "'Productielijn 1'.",
        "Line 6: the new department 'Verpakkinq' looks like the known department 'Verpakking'.",
        "Line 8: the department 'Logistiek' looks like 'Lógistiek', earlier in this file.",
    ]
    warnings = preview.warnings
    assert len(warnings) == 4 and preview.accepted
    for text, warning in zip(expected, warnings):
        assert warning.startswith(text)
    assert not any("Team" in warning or "Onderhoud" in warning for warning in warnings)
    stored = ingest_bytes(db_path, "workforce", "b.csv", file.encode())
    assert stored.warnings == warnings
    assert "Bedoelt u 'Verpakking'?" in stored.warning_texts("nl")[0]
