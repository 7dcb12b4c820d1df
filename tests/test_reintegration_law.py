"""Re-integration as the law stood on each date (CONTRACT v2, 1a): one rejection per rule,
first-version files read as written with warnings, and the migration of stored rows."""

import datetime as dt

import duckdb
import pytest

from signals import store
from signals.ingest.loader import ingest_bytes, validate_bytes

V2 = ("request_id,employee_id,department,request_date,request_type,initiator,decision,"
      "decision_date,outcome,outcome_date\n")
V1 = "request_id,employee_id,department,request_date,initiator,outcome,outcome_date\n"


def only_error(text):
    result = validate_bytes("reintegration", "file.csv", text.encode("utf-8"))
    assert not result.accepted
    assert result.error_count == 1, result.error_report()
    return result.errors[0]


def accepted(text):
    result = validate_bytes("reintegration", "file.csv", text.encode("utf-8"))
    assert result.accepted, result.error_report()
    return result


# (row, line's column, value, words of the rule and its date in the English message)
RULES = [
    ("R1,E1,Zorg,2022-10-01,,advisory_physician,,,,", "initiator", "advisory_physician",
     ["since 2022-10-01", "royal decree of 11 September 2022", "request of 2022-10-01"]),
    ("R1,E1,Zorg,2025-12-31,preventive,worker,,,,", "request_type", "preventive",
     ["only since 2026-01-01", "request of 2025-12-31"]),
    ("R1,E1,Zorg,2026-01-05,preventive,employer,,,,", "initiator", "employer",
     ["only the worker makes a preventive request"]),
    ("R1,E1,Zorg,2026-01-05,pre_return_visit,treating_physician,,,,", "initiator",
     "treating_physician", ["initiator worker or employer"]),
    ("R1,E1,Zorg,2025-12-31,pre_return_visit,employer,,,,", "initiator", "employer",
     ["only since 2026-01-01", "request of 2025-12-31"]),
    ("R1,E1,Zorg,2026-01-05,preventive,worker,temporary_adapted_work,2026-02-01,,", "decision",
     "temporary_adapted_work", ["only a re-integration trajectory", "preventive"]),
    ("R1,E1,Zorg,2025-01-05,,worker,not_assessable,,,", "decision_date", "",
     ["a decision_date for the decision not_assessable"]),
    ("R1,E1,Zorg,2025-01-05,trajectory,worker,temporary_adapted_work,2025-01-04,,",
     "decision_date", "2025-01-04", ["on or after the request_date 2025-01-05"]),
    ("R1,E1,Zorg,2022-06-01,,employer,definitive_no_work,2022-10-01,,", "decision",
     "definitive_no_work", ["since 2022-10-01", "medical force majeure", "decision of 2022-10-01"]),
    ("R1,E1,Zorg,2022-06-01,,employer,temporary_no_work,03/10/2022,,", "decision",
     "temporary_no_work", ["since 2022-10-01", "decision of 2022-10-03"]),
    ("R1,E1,Zorg,2025-01-05,,worker,,,returned_same_work,", "outcome_date", "",
     ["an outcome_date for the outcome returned_same_work"]),
    ("R1,E1,Zorg,2025-01-05,,worker,,,adapted_work,2025-03-01", "outcome", "adapted_work",
     ["first-version code", "without a decision column"]),
]


@pytest.mark.parametrize("row, column, value, words", RULES)
def test_each_rule_of_the_law_rejects_with_line_column_value_and_date(row, column, value, words):
    error = only_error(V2 + "R0,E0,Zorg,2025-01-02,,worker,,,,\n" + row + "\n")
    assert (error.line, error.column, error.value) == (3, column, value)
    for word in words:
        assert word in error.expected, error.expected
    for lang in ("nl", "fr", "de"):
        assert error.expected_text(lang) != error.expected


@pytest.mark.parametrize("row", [
    "R1,E1,Zorg,2022-09-30,,advisory_physician,,,,",      # the day before the decree
    "R1,E1,Zorg,2026-01-01,preventive,worker,,,,",
    "R1,E1,Zorg,2026-01-01,pre_return_visit,employer,,,,",
    "R1,E1,Zorg,2025-06-01,pre_return_visit,worker,,,,",
    "R1,E1,Zorg,2022-06-01,,employer,definitive_no_work,2022-09-30,,",
    "R1,E1,Zorg,2025-01-05,trajectory,worker,definitive_adapted_work,2025-01-05,"
    "ended_medical_force_majeure,2025-09-01",
])
def test_what_the_law_of_the_date_allows_is_accepted(row):
    accepted(V2 + row + "\n")


def test_messages_in_dutch_french_and_german_name_the_date():
    error = only_error(V2 + "R1,E1,Zorg,2023-02-01,,advisory_physician,,,,\n")
    assert "KB van 11 september 2022" in error.expected_text("nl")
    assert "2023-02-01" in error.expected_text("fr")
    assert "Vertrauensarzt" in error.expected_text("de")


def test_nl_headers_and_codes_are_read():
    text = ("verzoeknummer;werknemer_id;afdeling;datum_verzoek;soort_verzoek;initiatiefnemer;"
            "beslissing;datum_beslissing;uitkomst;datum_uitkomst\n"
            "R1;E1;Zorg;2026-02-01;preventief;werknemer;;;;\n"
            "R2;E2;Zorg;2023-02-01;traject;adviserend_arts;;;;\n")
    result = validate_bytes("reintegration", "file.csv", text.encode("utf-8"))
    assert [(e.line, e.value) for e in result.errors] == [(3, "adviserend_arts")]


def stored(db_path, columns="request_id, request_type, decision, decision_date, outcome, "
                            "outcome_date"):
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(f"SELECT {columns} FROM reintegration ORDER BY request_id").fetchall()


def test_first_version_file_is_read_as_written_with_a_warning_per_rule(db_path):
    D = dt.date
    text = (V1
            + "R1,E1,Zorg,2021-03-01,advisory_physician,no_work_possible,2021-04-01\n"
            + "R2,E2,Zorg,2023-03-01,advisory_physician,definitively_unfit,\n"
            + "R3,E3,Zorg,2023-03-01,worker,adapted_work,2023-05-01\n"
            + "R4,E4,Zorg,2023-03-01,employer,pending,\n"
            + "R5,E5,Zorg,2021-03-01,worker,stopped,\n")
    result = ingest_bytes(db_path, "reintegration", "v1.csv", text.encode("utf-8"))
    assert result.accepted, result.error_report()
    assert stored(db_path) == [
        ("R1", "trajectory", "temporary_no_work", D(2021, 4, 1), None, None),
        ("R2", "trajectory", "definitive_no_work", D(2023, 3, 1), None, None),
        ("R3", "trajectory", "pending", None, "returned_adapted_work", D(2023, 5, 1)),
        ("R4", "trajectory", "pending", None, None, None),
        ("R5", "trajectory", "pending", None, "stopped", None),
    ]
    warnings = result.warnings
    assert "first version" in warnings[0]
    rules = warnings[1:]
    # R2: the advisory physician in 2023 and a no-work decision in 2023; R5: no outcome_date
    assert len(rules) == 3, rules
    assert rules[0].startswith("Line 3, column initiator (advisory_physician)")
    assert "since 2022-10-01" in rules[0]
    assert rules[1].startswith("Line 3, column decision (definitive_no_work)")
    assert "decision of 2023-03-01" in rules[1]
    assert rules[2].startswith("Line 6, column outcome_date")
    assert "Regel 3" in result.warning_texts("nl")[1]


def test_first_version_file_keeps_the_rejections_of_section_1():
    error = only_error(V1 + "R1,E1,Zorg,2023-03-10,advisory_physician,pending,2023-03-01\n"
                       + "R2,E2,Zorg,2023-03-10,worker,pending,\n")
    assert (error.line, error.column) == (2, "outcome_date")


def test_file_without_decision_column_and_only_second_version_codes_is_judged_by_the_law():
    error = only_error(V1 + "R1,E1,Zorg,2023-03-10,advisory_physician,stopped,2023-04-01\n")
    assert (error.line, error.column) == (2, "initiator")


def v1_schema_database(path):
    """A database as today's main made it: the first three migrations, run by hand."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")
    for version, migration in enumerate(store.MIGRATIONS[:3]):
        con.execute(migration.replace("CREATE TABLE meta (key VARCHAR PRIMARY KEY, "
                                      "value VARCHAR NOT NULL);", "") if version == 0
                    else migration)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', '3')")
    return con


def test_migration_converts_stored_first_version_rows_and_their_history(tmp_path):
    D = dt.date
    path = tmp_path / "old.duckdb"
    con = v1_schema_database(path)
    rows = [("R1", "k1", "Zorg", D(2021, 3, 1), "advisory_physician", "no_work_possible",
             D(2021, 4, 1), 1),
            ("R2", "k2", "Zorg", D(2021, 3, 1), "worker", "definitively_unfit", None, 1),
            ("R3", "k3", "Zorg", D(2021, 3, 1), "employer", "adapted_work", D(2021, 5, 1), 1),
            ("R4", "k4", "Zorg", D(2021, 3, 1), "worker", "other_work", D(2021, 5, 2), 1),
            ("R5", "k5", "Zorg", D(2021, 3, 1), "worker", "pending", None, 1),
            ("R6", "k6", "Zorg", D(2021, 3, 1), "worker", "stopped", D(2021, 6, 1), 1)]
    con.executemany("INSERT INTO reintegration VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.execute("INSERT INTO reintegration_history VALUES "
                "('R3', 'k3', 'Zorg', DATE '2021-03-01', 'employer', 'definitively_unfit', "
                "NULL, 1, 2)")
    con.close()
    with store.connect(path) as migrated:
        assert store.schema_version(migrated) == store.SCHEMA_VERSION
        converted = migrated.execute(
            "SELECT request_id, request_type, initiator, decision, decision_date, outcome, "
            "outcome_date FROM reintegration ORDER BY request_id").fetchall()
        history = migrated.execute(
            "SELECT request_id, decision, decision_date, outcome, replaced_by "
            "FROM reintegration_history").fetchall()
    assert converted == [
        ("R1", "trajectory", "advisory_physician", "temporary_no_work", D(2021, 4, 1), None, None),
        ("R2", "trajectory", "worker", "definitive_no_work", D(2021, 3, 1), None, None),
        ("R3", "trajectory", "employer", "pending", None, "returned_adapted_work", D(2021, 5, 1)),
        ("R4", "trajectory", "worker", "pending", None, "returned_other_work", D(2021, 5, 2)),
        ("R5", "trajectory", "worker", "pending", None, None, None),
        ("R6", "trajectory", "worker", "pending", None, "stopped", D(2021, 6, 1)),
    ]
    assert history == [("R3", "definitive_no_work", D(2021, 3, 1), None, 2)]


def test_second_version_file_is_stored_and_an_empty_cell_keeps_a_decision(db_path):
    first = V2 + "R1,E1,Zorg,2025-01-05,,worker,definitive_adapted_work,2025-02-01,,\n"
    later = V2 + "R1,E1,Zorg,2025-01-05,,worker,,,returned_adapted_work,2025-03-01\n"
    assert ingest_bytes(db_path, "reintegration", "a.csv", first.encode()).accepted
    assert ingest_bytes(db_path, "reintegration", "b.csv", later.encode()).accepted
    assert stored(db_path) == [("R1", "trajectory", "definitive_adapted_work",
                                dt.date(2025, 2, 1), "returned_adapted_work", dt.date(2025, 3, 1))]


@pytest.mark.parametrize("lang", ["nl", "fr", "en", "de"])
def test_the_template_of_every_language_is_a_valid_second_version_file(lang):
    from signals.ingest.templates import guide_frame, template_frame

    frame = template_frame("reintegration", lang)
    accepted(frame.to_csv(sep=";", index=False))
    assert list(guide_frame("reintegration", "en")["contract_name"]) == [
        "request_id", "employee_id", "department", "request_date", "request_type", "initiator",
        "decision", "decision_date", "outcome", "outcome_date"]


@pytest.mark.parametrize("end_month", [dt.date(2024, 6, 1), dt.date(2026, 11, 1)])
def test_the_demo_follows_the_law_of_each_date(end_month):
    from signals.demo import demo_files, generate_demo

    organisation = generate_demo(end_month=end_month)
    requests = organisation.reintegration
    since_2022 = requests["request_date"] >= "2022-10-01"
    since_2026 = requests["request_date"] >= "2026-01-01"
    kind = requests["request_type"]
    assert not (since_2022 & (requests["initiator"] == "advisory_physician")).any()
    assert not (~since_2026 & (kind == "preventive")).any()
    assert (requests.loc[kind == "preventive", "initiator"] == "worker").all()
    assert not (~since_2026 & (kind == "pre_return_visit")
                & (requests["initiator"] == "employer")).any()
    no_work = requests["decision"].isin(["temporary_no_work", "definitive_no_work"])
    assert not (no_work & (requests["decision_date"] >= "2022-10-01")).any()
    assert (requests["outcome"] == "ended_medical_force_majeure").any()
    # about as many trajectories as before (40 in three years for some 800 people)
    assert 25 <= (kind == "trajectory").sum() <= 70
    if end_month.year == 2024:     # the window starts in 2021: the old rules show too
        assert (~since_2022 & (requests["initiator"] == "advisory_physician")).any()
        assert no_work.any()
    else:
        assert (kind == "preventive").any() and (since_2026 & (kind == "pre_return_visit")
                                                 & (requests["initiator"] == "employer")).any()
    for demo_file in demo_files(organisation):
        if demo_file.kind == "reintegration":
            result = validate_bytes("reintegration", demo_file.file_name, demo_file.data)
            assert result.accepted, result.error_report()
            assert not any("first version" in warning for warning in result.warnings)
