"""Ingest: each rejection rule on its own, with the exact line, column and value reported."""

import duckdb
import pytest

from signals import store
from signals.__main__ import main
from signals.config import MAX_LINE_BYTES
from signals.ingest.loader import MAX_ERRORS_KEPT, column_problem, ingest_bytes, ingest_path, validate_bytes

ABSENCES = "employee_id,department,start_date,end_date,absence_type\n"
WORKFORCE = "month,department,headcount,fte,hours_worked\n"
TURNOVER = "employee_id,department,date,event,reason\n"
INCIDENTS = "incident_id,date,department,category,days_lost\n"
REINTEGRATION = "request_id,employee_id,department,request_date,initiator,outcome,outcome_date\n"


def only_error(kind, text):
    result = validate_bytes(kind, "file.csv", text.encode("utf-8"))
    assert not result.accepted
    assert result.error_count == 1, result.error_report()
    return result.errors[0]


def where(error):
    return error.line, error.column, error.value


def test_missing_required_column_is_named():
    error = only_error("absences", "employee_id,department,end_date\nE1,Zorg,2024-01-01\n")
    assert where(error) == (1, "start_date", "")
    assert "start_date" in error.expected


def test_duplicate_header_names():
    result = validate_bytes("absences", "file.csv",
                            b"employee_id,department,start_date,Department\nE1,Zorg,2024-01-01,Zorg\n")
    assert [where(e) for e in result.errors] == [(1, "department", "department")]
    assert "once" in result.errors[0].expected


def test_missing_required_cell():
    error = only_error("absences", ABSENCES + "E1,Zorg,2024-01-01,,\nE2,,2024-01-01,,\n")
    assert where(error) == (3, "department", "")
    assert "required" in error.expected


@pytest.mark.parametrize("kind, text, expected_where, expected_text", [
    ("absences", ABSENCES + "E1,Zorg,2024-02-30,,\n", (2, "start_date", "2024-02-30"),
     "a date that exists: 2024-02-30 does not exist (February 2024 has 29 days)"),
    ("absences", ABSENCES + "E1,Zorg,31/31/2024,,\n", (2, "start_date", "31/31/2024"),
     "a date that exists: 31/31/2024 does not exist (there is no month 31)"),
    ("absences", ABSENCES + "E1,Zorg,2024/01/05,,\n", (2, "start_date", "2024/01/05"),
     "a date YYYY-MM-DD or DD/MM/YYYY"),
    ("workforce", WORKFORCE + "2024-13,Zorg,12,,\n", (2, "month", "2024-13"),
     "a month that exists: 2024-13 does not exist (there is no month 13)"),
    ("workforce", WORKFORCE + "2024/01,Zorg,12,,\n", (2, "month", "2024/01"), "a month YYYY-MM"),
    ("workforce", WORKFORCE + "2024-01,Zorg,12.5,,\n", (2, "headcount", "12.5"), "a whole number"),
    ("workforce", WORKFORCE + "2024-01,Zorg,12,abc,\n", (2, "fte", "abc"), "a number"),
    ("incidents", INCIDENTS + "I1,2024-01-01,Zorg,fire,\n", (2, "category", "fire"), "one of work_accident"),
    ("absences", ABSENCES + "E1,Zorg,2024-01-01,,flu\n", (2, "absence_type", "flu"), "one of illness"),
])
def test_unparsable_or_unknown_value(kind, text, expected_where, expected_text):
    error = only_error(kind, text)
    assert where(error) == expected_where
    assert error.expected.startswith(expected_text)


@pytest.mark.parametrize("kind, text, expected_where", [
    ("workforce", WORKFORCE + "2024-01,Zorg,-1,,\n", (2, "headcount", "-1")),
    ("workforce", "month;department;headcount;fte\n2024-01;Zorg;3;-0,5\n", (2, "fte", "-0,5")),
    ("workforce", WORKFORCE + "2024-01,Zorg,3,,-10\n", (2, "hours_worked", "-10")),
    ("incidents", INCIDENTS + "I1,2024-01-01,Zorg,work_accident,-2\n", (2, "days_lost", "-2")),
])
def test_negative_number_is_a_range_error(kind, text, expected_where):
    error = only_error(kind, text)
    assert where(error) == expected_where
    assert "0 or more" in error.expected and "negative" in error.expected


@pytest.mark.parametrize("kind, text, expected_where", [
    ("absences", ABSENCES + "E1,Zorg,31/12/1989,,\n", (2, "start_date", "31/12/1989")),
    ("workforce", WORKFORCE + "1989-12,Zorg,3,,\n", (2, "month", "1989-12")),
    ("reintegration", REINTEGRATION + "R1,E1,Zorg,1985-01-01,worker,,\n", (2, "request_date", "1985-01-01")),
])
def test_date_before_1990(kind, text, expected_where):
    error = only_error(kind, text)
    assert where(error) == expected_where
    assert "1990" in error.expected


def test_end_date_before_start_date():
    error = only_error("absences", ABSENCES + "E1,Zorg,2024-03-10,2024-03-09,\n")
    assert where(error) == (2, "end_date", "2024-03-09")
    assert error.expected == "a date on or after the start_date 2024-03-10"


def test_outcome_date_before_request_date():
    error = only_error("reintegration", REINTEGRATION + "R1,E1,Zorg,2024-03-10,worker,stopped,01/03/2024\n")
    assert where(error) == (2, "outcome_date", "01/03/2024")


def test_exit_without_reason():
    error = only_error("turnover", TURNOVER + "E1,Zorg,2024-01-31,hire,\nE2,Zorg,2024-01-31,EXIT,\n")
    assert where(error) == (3, "reason", "")
    assert "exit" in error.expected


def test_same_key_twice_reports_the_later_line_and_the_first():
    text = ABSENCES + "E1,Zorg,2024-01-05,,\nE2,Zorg,2024-01-05,,\n E1 ,Zorg,05/01/2024,2024-01-09,\n"
    error = only_error("absences", text)
    assert where(error) == (4, "employee_id, start_date", "05/01/2024"), "never the original id"
    assert error.expected.endswith("this row repeats line 2")


def test_header_without_data_rows():
    error = only_error("incidents", INCIDENTS + "\n")
    assert "no data rows" in error.describe()


@pytest.mark.parametrize("row, expected_line", [
    ("I1,2024-01-01,Zorg\n", 2),                                  # too few fields
    ("I1,2024-01-01,Zorg,other,0,surplus\n", 2),                  # too many fields
])
def test_wrong_number_of_fields(row, expected_line):
    error = only_error("incidents", INCIDENTS + row + "I2,2024-01-02,Zorg,other,0\n")
    assert error.line == expected_line
    assert error.value == row.strip()
    assert error.expected == "5 fields separated by ',', as in the header"


@pytest.mark.parametrize("kind, text, expected_where", [
    ("incidents", INCIDENTS + 'I1,2024-01-01,"=HYPERLINK(""http://x"")",other,0\n',
     (2, "department", '=HYPERLINK("http://x")')),
    ("incidents", INCIDENTS + "+I1,2024-01-01,Zorg,other,0\n", (2, "incident_id", "+I1")),
    ("absences", ABSENCES + "@E1,Zorg,2024-01-01,,\n", (2, "employee_id", "")),   # id not quoted
    ("absences", ABSENCES + "-E1,Zorg,2024-01-01,,\n", (2, "employee_id", "")),
])
def test_formula_like_text_cell(kind, text, expected_where):
    error = only_error(kind, text)
    assert where(error) == expected_where
    assert "formula" in error.expected


@pytest.mark.parametrize("data", [
    (INCIDENTS + "I1,2024-01-01,Zorg,other,0\n").encode("utf-16"),
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    b"incident_id,date,department,category\nI1,2024-01-01,Zo\x81rg,other\n",   # 0x81: not cp1252
])
def test_bytes_that_are_not_text_are_refused(data):
    result = validate_bytes("incidents", "file.csv", data)
    assert not result.accepted and result.error_count == 1
    assert "not UTF-8 or Windows-1252" in result.error_report() or "control characters" in result.error_report()


def test_error_list_is_cut_after_100_with_the_count():
    text = INCIDENTS + "".join(f"I{i},2024-01-01,Zorg,fire,0\n" for i in range(150))
    result = validate_bytes("incidents", "inc.csv", text.encode("utf-8"))
    assert result.error_count == 150 and len(result.errors) == MAX_ERRORS_KEPT
    report = result.error_report().splitlines()
    assert report[0] == "inc.csv rejected: 150 errors"
    assert report[1] == ("inc.csv, line 2, column category: found 'fire', expected one of "
                         "work_accident, commuting_accident, near_miss, aggression, psychosocial_informal, "
                         "psychosocial_formal, harassment, serious_event, other")
    assert report[-1] == "... and 50 more errors"
    assert len(report) == 102


def test_all_errors_of_a_row_are_reported_in_column_order():
    result = validate_bytes("absences", "abs.csv", (ABSENCES + "=E1,Zorg,2024-99-01,xx,flu\n").encode())
    assert [e.column for e in result.errors] == ["employee_id", "start_date", "end_date", "absence_type"]


def test_unknown_kind_and_missing_file(tmp_path, db_path):
    assert not validate_bytes("salaries", "s.csv", b"a\n1\n").accepted
    result = ingest_path(db_path, "absences", tmp_path / "missing.csv")
    assert not result.accepted
    assert result.error_report() == ("missing.csv rejected: 1 error\n"
                                     "missing.csv: The file could not be read (No such file or directory).")
    assert not db_path.exists()


# --- a line longer than the reader takes -------------------------------------------------

INCIDENT = "I1,2024-01-01,Zorg,other,0\n"
LONG_LINE_HINT = ("more than the limit of 2 MB for one line; the file was not read. Such a line "
                  "usually holds a huge pasted text in a cell, or its line breaks are missing")


def long_incident(length: int) -> str:
    """A valid data row of `length` characters (line break not counted): a huge pasted id."""
    rest = ",2024-01-01,Zorg,other,0"
    return "I" + "x" * (length - len(rest) - 1) + rest


@pytest.mark.parametrize("text, line, size", [
    (INCIDENTS + INCIDENT + long_incident(3_000_000) + "\n" + INCIDENT.replace("I1", "I2"),
     3, "2.9"),                                                   # in the middle
    (INCIDENTS + INCIDENT + long_incident(3_000_000), 3, "2.9"),     # at the end, no line break
    (INCIDENTS + long_incident(40_000_000) + "\n", 2, "38.2"),      # was "no data rows"
    (INCIDENTS + INCIDENT + long_incident(40_000_000) + "\n" + INCIDENT.replace("I1", "I2"),
     3, "38.2"),                                                  # was skipped, the file accepted
    (INCIDENTS.strip() + ",note " + "y" * 3_000_000 + "\n" + INCIDENT, 1, "2.9"),   # the header
])
def test_a_line_over_the_limit_is_named_with_its_length(text, line, size):
    result = validate_bytes("incidents", "notes.csv", text.encode())
    assert not result.accepted and result.error_count == 1 and result.rows_total == 0
    assert result.errors[0].describe() == (
        f"notes.csv: Line {line} is {size} MB long, {LONG_LINE_HINT} (the rows run together on "
        f"one line). Expected lines of at most 2 MB: look at line {line}.")
    assert result.error_table("nl")["expected"][0].startswith(f"Regel {line} is {size.replace('.', ',')} MB lang")


def test_the_limit_is_exact_and_counts_utf8_bytes():
    at_limit = validate_bytes("incidents", "a.csv", (INCIDENTS + long_incident(MAX_LINE_BYTES)).encode())
    assert at_limit.accepted and at_limit.rows_total == 1           # DuckDB reads it whole
    over = validate_bytes("incidents", "b.csv", (INCIDENTS + long_incident(MAX_LINE_BYTES + 1)).encode())
    assert over.errors[0].expected.startswith("Line 2 is 2.1 MB long")      # rounded up
    # 'é' is two bytes in UTF-8 (one in Windows-1252): the reader counts what DuckDB reads
    accents = INCIDENTS + long_incident(MAX_LINE_BYTES // 2 + 100).replace("x", "é")
    for data in (accents.encode("utf-8"), accents.encode("cp1252")):
        assert validate_bytes("incidents", "c.csv", data).errors[0].expected.startswith("Line 2 is 2.1 MB")


def test_a_long_header_with_many_delimiters_is_named_on_the_upload_page_too():
    header = INCIDENTS.strip() + "," * 300 + '"' + "z" * 3_000_000 + '"'
    problem = column_problem((header + "\n" + INCIDENT).encode())
    assert problem is not None and problem.text().startswith("Line 1 is 2.9 MB long")
    cell = validate_bytes("incidents", "c.csv", (INCIDENTS.strip() + ',"' + "z" * 200_000 + '"\n'
                                                 + INCIDENT.strip() + ",\n").encode())
    assert cell.accepted, cell.error_report()       # a 200 KB header cell: csv's own limit was 128 KB


def test_a_quoted_row_over_the_limit_on_short_lines_is_named():
    note = '"' + "a pasted note\n" * 200_000 + '"'
    text = INCIDENTS + INCIDENT + f"I9,2024-01-01,{note},other,0\n" + INCIDENT.replace("I1", "I2")
    result = validate_bytes("incidents", "notes.csv", text.encode())
    assert not result.accepted
    assert [(error.line, error.column) for error in result.errors] == [(3, "")]
    assert result.errors[0].expected.startswith("a row of at most 2 MB: this one runs on over "
                                                "several lines")


def test_a_long_line_leaves_the_database_as_it_was(db_path, tmp_path, capsys):
    assert ingest_bytes(db_path, "incidents", "first.csv", (INCIDENTS + INCIDENT).encode()).accepted

    def stored():
        with duckdb.connect(str(db_path), read_only=True) as con:
            return con.execute("SELECT * FROM incidents ORDER BY ALL").fetchall()

    before = stored()
    text = (INCIDENTS + INCIDENT.replace("0\n", "5\n") + long_incident(3_000_000) + "\n"
            + INCIDENT.replace("I1", "I2"))
    result = ingest_bytes(db_path, "incidents", "notes.csv", text.encode())
    assert not result.accepted and result.errors[0].expected.startswith("Line 3 is 2.9 MB long")
    assert stored() == before
    path = tmp_path / "notes.csv"
    path.write_text(text, encoding="utf-8")
    assert main(["ingest", "--db", str(db_path), "--kind", "incidents", str(path)]) == 1
    assert f"notes.csv: Line 3 is 2.9 MB long, {LONG_LINE_HINT}" in capsys.readouterr().err
    assert stored() == before
    with store.connect(db_path, read_only=True) as con:
        assert con.execute("SELECT status, rows_total FROM uploads ORDER BY upload_id").fetchall() == [
            ("accepted", 1), ("rejected", 0), ("rejected", 0)]
