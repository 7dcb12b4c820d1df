"""Ingest hygiene: the reserved department ALL, the size limit, ids like national numbers."""

import pytest

from signals import store
from signals.ingest.loader import ingest_bytes, ingest_path, validate_bytes

ABSENCES = "employee_id,department,start_date,end_date,absence_type\n"
WORKFORCE = "month,department,headcount,fte,hours_worked\n"
MB = 1024 * 1024


# --- department ALL -----------------------------------------------------------------------

@pytest.mark.parametrize("kind, text, expected_where", [
    ("workforce", WORKFORCE + "2024-01,Zorg,12,,\n2024-01,ALL,30,,\n", (3, "department", "ALL")),
    ("workforce", WORKFORCE + "2024-01, all ,12,,\n", (2, "department", "all")),
    ("absences", ABSENCES + "E1,All,2024-01-02,,\n", (2, "department", "All")),
    ("absences", "employee_id;department;start_date\nE1;\u00a0aLL\t;2024-01-02\n",
     (2, "department", "aLL")),
])
def test_department_all_is_rejected(kind, text, expected_where):
    result = validate_bytes(kind, "file.csv", text.encode())
    assert not result.accepted and result.error_count == 1
    error = result.errors[0]
    assert (error.line, error.column, error.value) == expected_where
    assert error.expected == ("a department name other than ALL, which is reserved for the "
                              "whole organisation")
    assert "ALL" in error.expected_text("nl") and "ALL" in error.expected_text("fr")


def test_names_that_only_contain_all_are_fine():
    text = WORKFORCE + "2024-01,Allround,12,,\n2024-01,ALL IN,3,,\n2024-01,Hall,4,,\n"
    assert validate_bytes("workforce", "file.csv", text.encode()).accepted


# --- size limit ---------------------------------------------------------------------------

def padded_file(size: int) -> bytes:
    """A valid absences file of at most `size` bytes, short of it by less than a row."""
    row_size = len("E0000000,Zorg,2024-01-02,,\n")
    rows = [f"E{i:07d},Zorg,2024-01-02,,\n" for i in range((size - len(ABSENCES)) // row_size)]
    return (ABSENCES + "".join(rows)).encode()


def test_file_over_the_limit_is_refused_before_parsing(monkeypatch, db_path):
    monkeypatch.setenv("SIGNALS_MAX_UPLOAD_MB", "1")
    data = b"\x00binary, never parsed" + b"x" * int(1.2 * MB)
    result = ingest_bytes(db_path, "absences", "big.csv", data)
    assert not result.accepted and result.error_count == 1
    assert result.error_report() == (
        "big.csv rejected: 1 error\n"
        "big.csv: The file is 1.3 MB, larger than the limit of 1 MB; it was not read. "
        "Expected a smaller file: split it, for example per year.")
    assert result.error_table("nl")["expected"][0].startswith(
        "Het bestand is 1,3 MB, meer dan de limiet van 1 MB")
    with store.connect(db_path) as con:
        assert con.execute("SELECT status, error_count FROM uploads").fetchall() == [("rejected", 1)]
        assert con.execute("SELECT count(*) FROM absences").fetchone()[0] == 0


def test_file_within_the_limit_is_read(monkeypatch, db_path):
    monkeypatch.setenv("SIGNALS_MAX_UPLOAD_MB", "1")
    data = padded_file(MB)
    assert MB - 30 < len(data) <= MB
    result = ingest_bytes(db_path, "absences", "fits.csv", data)
    assert result.accepted, result.error_report()


def test_file_on_disk_over_the_limit_is_not_read(monkeypatch, tmp_path, db_path):
    monkeypatch.setenv("SIGNALS_MAX_UPLOAD_MB", "0.5")
    path = tmp_path / "big.csv"
    path.write_bytes(padded_file(MB))
    result = ingest_path(db_path, "absences", path)
    assert not result.accepted
    assert "The file is 1 MB, larger than the limit of 0.5 MB" in result.errors[0].expected
    assert not db_path.exists()


def test_default_limit_is_200_mb(monkeypatch):
    from signals import config
    monkeypatch.delenv("SIGNALS_MAX_UPLOAD_MB", raising=False)
    assert config.max_upload_mb() == 200


# --- ids that look like national register numbers ------------------------------------------

NATIONAL_NUMBERS = ["85.07.30-033.28", "85073003328", "90 02 11 123 45", "01.01.01-001.01"]


def test_national_number_ids_get_a_warning_without_the_number(db_path):
    text = ABSENCES + "E1,Zorg,2024-01-02,,\n" + "".join(
        f"{number},Zorg,2024-01-{day:02d},,\n" for day, number in enumerate(NATIONAL_NUMBERS, 3))
    result = ingest_bytes(db_path, "absences", "abs.csv", text.encode())
    assert result.accepted
    assert result.warnings == [
        "4 employee_id values look like a Belgian national register number (the first on "
        "line 3). They were pseudonymised like any id, but an internal personnel number is the "
        "better choice."]
    assert "rijksregisternummer" in result.warning_texts("nl")[0]
    assert "registre national" in result.warning_texts("fr")[0]


@pytest.mark.parametrize("employee_id", ["E85073003328", "8507300332", "850730033281",
                                         "85-07-30-033-2", "INT-00012345"])
def test_other_ids_get_no_warning(employee_id):
    text = ABSENCES + f"{employee_id},Zorg,2024-01-02,,\n"
    result = validate_bytes("absences", "abs.csv", text.encode())
    assert result.accepted and result.warnings == []


def test_no_digit_string_of_a_national_number_reaches_the_database(db_path):
    absences = ABSENCES + "".join(f"{number},Zorg,2024-01-{day:02d},,\n"
                                  for day, number in enumerate(NATIONAL_NUMBERS, 2))
    turnover = "employee_id,department,date,event,reason\n" + "".join(
        f"{number},Zorg,2024-02-01,exit,voluntary\n" for number in NATIONAL_NUMBERS)
    for kind, text in (("absences", absences), ("turnover", turnover)):
        assert ingest_bytes(db_path, kind, f"{kind}.csv", text.encode()).accepted
    # A rejected file's ids must not linger either.
    rejected = absences + "85.07.30-033.28,Zorg,not a date,,\n"
    assert not ingest_bytes(db_path, "absences", "bad.csv", rejected.encode()).accepted

    digit_strings = set(NATIONAL_NUMBERS) | {
        "".join(c for c in number if c.isdigit()) for number in NATIONAL_NUMBERS}
    with store.connect(db_path) as con:
        columns = con.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE data_type IN ('VARCHAR', 'VARCHAR[]') AND table_schema = 'main'").fetchall()
        for table, column in columns:
            text = f'CAST("{column}" AS VARCHAR)'
            for digits in digit_strings:
                found = con.execute(f'SELECT count(*) FROM "{table}" WHERE contains({text}, ?)',
                                    [digits]).fetchone()[0]
                assert found == 0, (table, column, digits)
        assert con.execute("SELECT count(DISTINCT employee_key) FROM absences").fetchone()[0] == 4
    database_bytes = b"".join(path.read_bytes() for path in db_path.parent.glob(db_path.name + "*")
                              if path.is_file())
    for digits in digit_strings:
        assert digits.encode() not in database_bytes
