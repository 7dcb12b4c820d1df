"""Incomplete months: workforce stored, another kind not yet."""

from __future__ import annotations

import datetime as dt

from signals import store
from signals.ingest.loader import ingest_bytes
from signals.measures.completeness import incomplete_months, missing_kinds

MONTHS = ("2025-07", "2025-08", "2025-09", "2025-10")


def store_file(db_path, kind: str, lines: list[str]) -> None:
    result = ingest_bytes(db_path, kind, f"{kind}.csv", ("\n".join(lines) + "\n").encode())
    assert result.accepted, result.error_report()


def workforce(months=MONTHS) -> list[str]:
    return ["month;department;headcount;hours_worked"] + [
        f"{month};{department};30;4500" for month in months for department in ("Noord", "Zuid")]


# per kind: its header and one row per month (index: the row's number)
KIND_ROWS = {
    "absences": ("employee_id;department;start_date;end_date;absence_type",
                 "E{index};Noord;{month}-03;{month}-05;illness"),
    "incidents": ("incident_id;date;department;category;days_lost",
                  "I{index};{month}-10;Zuid;near_miss;0"),
    "turnover": ("employee_id;department;date;event;reason", "T{index};Zuid;{month}-12;hire;"),
    "reintegration": ("request_id;employee_id;department;request_date;initiator",
                      "R{index};E{index};Noord;{month}-15;worker"),
}


def store_rows(db_path, kind: str, months) -> None:
    """A file of `kind` with one row per month of `months`, stored."""
    header, row = KIND_ROWS[kind]
    store_file(db_path, kind, [header] + [row.format(index=index, month=month)
                                          for index, month in enumerate(months)])


def test_workforce_ahead_of_absences_makes_the_month_incomplete(db_path):
    store_file(db_path, "workforce", workforce())
    store_rows(db_path, "absences", MONTHS[:3])           # up to September
    store_rows(db_path, "incidents", MONTHS)              # up to October
    with store.connect(db_path, read_only=True) as con:
        incomplete = incomplete_months(con)
    assert incomplete.values.tolist() == [[dt.date(2025, 10, 1), "absences", dt.date(2025, 9, 1)]]
    assert missing_kinds(incomplete, dt.date(2025, 10, 1)) == {"absences": dt.date(2025, 9, 1)}
    assert missing_kinds(incomplete, dt.date(2025, 9, 1)) == {}


def test_several_kinds_and_months_behind(db_path):
    store_file(db_path, "workforce", workforce())
    store_rows(db_path, "absences", MONTHS[:2])           # up to August
    store_rows(db_path, "incidents", MONTHS[:3])          # up to September
    with store.connect(db_path, read_only=True) as con:
        incomplete = incomplete_months(con)
    assert missing_kinds(incomplete, dt.date(2025, 9, 1)) == {"absences": dt.date(2025, 8, 1)}
    assert missing_kinds(incomplete, dt.date(2025, 10, 1)) == {
        "absences": dt.date(2025, 8, 1), "incidents": dt.date(2025, 9, 1)}


def test_kinds_up_to_date_or_never_uploaded_leave_the_months_complete(db_path):
    store_file(db_path, "workforce", workforce())
    store_rows(db_path, "absences", MONTHS)               # up to October
    # no incidents, turnover or re-integration file at all: "unrecorded", not incomplete
    with store.connect(db_path, read_only=True) as con:
        assert incomplete_months(con).empty


def completeness(db_path):
    from signals.measures.completeness import month_complete, unrecorded_kinds
    from signals.measures.indicators import unrecorded_indicators

    with store.connect(db_path, read_only=True) as con:
        incomplete, unrecorded = incomplete_months(con), unrecorded_indicators(con)
    return unrecorded_kinds(unrecorded), month_complete(incomplete, unrecorded, dt.date(2025, 10, 1))


def test_a_kind_never_uploaded_leaves_no_month_complete(db_path):
    store_file(db_path, "workforce", workforce())                    # workforce only
    assert completeness(db_path) == (("absences", "turnover", "incidents", "reintegration"), False)
    store_rows(db_path, "absences", MONTHS)
    store_rows(db_path, "incidents", MONTHS)
    assert completeness(db_path) == (("turnover", "reintegration"), False)
    store_rows(db_path, "turnover", MONTHS)
    store_rows(db_path, "reintegration", MONTHS)
    assert completeness(db_path) == ((), True)
