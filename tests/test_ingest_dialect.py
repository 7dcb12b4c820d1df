"""Ingest: each CSV dialect feature on its own, as Excel on a Belgian PC writes files."""

import datetime as dt

import pytest

from signals import store
from signals.definitions import KINDS
from signals.ingest.loader import detect_kind, ingest_bytes, template_csv, validate_bytes


def rows_of(db_path, table, columns):
    with store.connect(db_path) as con:
        return con.execute(f"SELECT {columns} FROM {table} ORDER BY ALL").fetchall()


def accepted(result):
    assert result.accepted, result.error_report()
    return result


def test_semicolon_with_decimal_comma(db_path):
    data = b"month;department;headcount;fte;hours_worked\n2024-01;Zorg A;42;38,5;5600,25\n"
    accepted(ingest_bytes(db_path, "workforce", "wf.csv", data))
    assert rows_of(db_path, "workforce", "month, department, headcount, fte, hours_worked") == [
        (dt.date(2024, 1, 1), "Zorg A", 42, 38.5, 5600.25)]


def test_comma_with_decimal_point(db_path):
    data = b"month,department,headcount,fte,hours_worked\n2024-02,Logistiek,18,17.5,2450.5\n"
    accepted(ingest_bytes(db_path, "workforce", "wf.csv", data))
    assert rows_of(db_path, "workforce", "fte, hours_worked") == [(17.5, 2450.5)]


def test_utf8_byte_order_mark(db_path):
    data = "\ufeffincident_id,date,department,category\nI1,2024-01-03,Zorg,near_miss\n"
    accepted(ingest_bytes(db_path, "incidents", "inc.csv", data.encode("utf-8")))
    assert rows_of(db_path, "incidents", "incident_id") == [("I1",)]


def test_windows_1252_accents_in_department_names(db_path):
    data = "month;department;headcount\n2024-01;Kinésithérapie;12\n2024-01;Logistiek België;15\n"
    accepted(ingest_bytes(db_path, "workforce", "wf.csv", data.encode("cp1252")))
    assert rows_of(db_path, "workforce", "department") == [("Kinésithérapie",), ("Logistiek België",)]


def test_date_formats_iso_day_first_and_short(db_path):
    data = (b"employee_id,department,start_date,end_date\n"
            b"E1,Zorg,2024-03-05,2024-03-07\nE2,Zorg,05/03/2024,07/03/2024\nE3,Zorg,5/3/2024,7/3/2024\n")
    accepted(ingest_bytes(db_path, "absences", "abs.csv", data))
    assert {row for row in rows_of(db_path, "absences", "start_date, end_date")} == {
        (dt.date(2024, 3, 5), dt.date(2024, 3, 7))}


def test_padded_upper_case_headers_enums_and_text(db_path):
    data = (b" Employee_ID ; DEPARTMENT;Start_Date ;ABSENCE_TYPE\n"
            b"  E1 ;  Zorg A  ; 2024-01-02 ; Work_Accident \n")
    accepted(ingest_bytes(db_path, "absences", "abs.csv", data))
    assert rows_of(db_path, "absences", "department, absence_type") == [("Zorg A", "work_accident")]


def test_extra_column_is_ignored_with_a_warning(db_path):
    data = b"incident_id,date,department,category,comment\nI1,2024-01-03,Zorg,near_miss,loose cable\n"
    result = accepted(ingest_bytes(db_path, "incidents", "inc.csv", data))
    assert result.warnings == ["Extra columns ignored: comment."]
    assert result.summary() == "inc.csv: 1 row, 1 new, 0 replaced, 0 unchanged, 1 warning"


def test_empty_optional_cells_and_defaults(db_path):
    accepted(ingest_bytes(db_path, "absences", "abs.csv",
                          b"employee_id,department,start_date,end_date,absence_type\nE1,Zorg,2024-01-02,,\n"))
    accepted(ingest_bytes(db_path, "incidents", "inc.csv",
                          b"incident_id,date,department,category,days_lost\nI1,2024-01-03,Zorg,aggression,\n"))
    accepted(ingest_bytes(db_path, "reintegration", "ri.csv",
                          b"request_id,employee_id,department,request_date,initiator,outcome,outcome_date\n"
                          b"R1,E1,Zorg,2024-02-01,worker,,\n"))
    accepted(ingest_bytes(db_path, "workforce", "wf.csv",
                          b"month,department,headcount,fte,hours_worked\n2024-01,Zorg,12,,\n"))
    assert rows_of(db_path, "absences", "end_date, absence_type") == [(None, "illness")]
    assert rows_of(db_path, "incidents", "days_lost") == [(0,)]
    # contract v2: an empty request_type is a trajectory, an empty decision pending, an
    # empty outcome no outcome yet
    assert rows_of(db_path, "reintegration", "request_type, decision, outcome, outcome_date") == [
        ("trajectory", "pending", None, None)]
    assert rows_of(db_path, "workforce", "fte, hours_worked") == [(None, None)]


def test_windows_line_ends_blank_and_empty_rows(db_path):
    data = (b"incident_id;date;department;category\r\nI1;2024-01-03;Zorg;near_miss\r\n\r\n;;;\r\n"
            b"I2;2024-01-04;Zorg;other\r\n")
    result = accepted(ingest_bytes(db_path, "incidents", "inc.csv", data))
    assert result.rows_total == 2
    assert result.warnings == ["1 empty row ignored."]   # a blank line is no row at all


def test_quoted_value_over_two_lines_keeps_spreadsheet_line_numbers():
    data = (b'incident_id,date,department,category\n'
            b'I1,2024-01-03,"Zorg\nnacht",near_miss\n'
            b'I2,2024-02-30,Zorg,near_miss\n')
    result = validate_bytes("incidents", "inc.csv", data)
    assert [(e.line, e.column, e.value) for e in result.errors] == [(4, "date", "2024-02-30")]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_template_is_valid_and_detected(kind):
    template = template_csv(kind)
    assert template.splitlines()[0] == ";".join(KINDS[kind].column_names)
    result = accepted(validate_bytes(kind, f"{kind}.csv", template.encode("utf-8")))
    assert result.rows_total == 2
    assert detect_kind(template.encode("utf-8")) == kind


def test_detect_kind_without_a_matching_header():
    assert detect_kind(b"name,salary\nAn,3000\n") is None
    assert detect_kind(b"") is None
    assert detect_kind(b" Employee_ID ;Department;DATE;event\n") == "turnover"


def test_tabs_and_no_break_spaces_around_values_are_trimmed(db_path):
    data = "incident_id;date;department;category\nI1;\t2024-01-03 ;\u00a0Zorg A\t;near_miss\u00a0\n"
    accepted(ingest_bytes(db_path, "incidents", "inc.csv", data.encode("cp1252")))
    assert rows_of(db_path, "incidents", "date, department, category") == [
        (dt.date(2024, 1, 3), "Zorg A", "near_miss")]
