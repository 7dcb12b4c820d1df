"""The `survey` kind (CONTRACT.md v2): validation, the respondent-weighted ALL, suppression
per date and domain on the respondents, and a CSV that never shows a suppressed score."""

import datetime as dt
import math

import duckdb
import pytest

from signals import store
from signals.__main__ import main
from signals.ingest.loader import ingest_bytes, validate_bytes
from signals.measures.survey import survey_csv, survey_frame

SURVEY = "date,department,domain,respondents,score,score_sd\n"
WAVE = dt.date(2025, 3, 14)


def only_error(text):
    result = validate_bytes("survey", "survey.csv", (SURVEY + text).encode())
    assert not result.accepted
    assert result.error_count == 1, result.error_report()
    return result.errors[0]


def store_survey(db_path, rows: str):
    result = ingest_bytes(db_path, "survey", "survey.csv", (SURVEY + rows).encode())
    assert result.accepted, result.error_report()
    return result


def frame_rows(db_path, domain="exhaustion", min_group_size=10, suppress=True):
    with store.connect(db_path) as con:
        frame = survey_frame(con, min_group_size=min_group_size, suppress=suppress)
    chosen = frame[frame["domain"] == domain]
    return {row.department: row for row in chosen.itertuples()}


@pytest.mark.parametrize("row, column, value, expected", [
    ("2025-03-14,A,exhaustion,20,100.5,\n", "score", "100.5", "a number from 0 to 100"),
    ("2025-03-14,A,exhaustion,20,-1,\n", "score", "-1", "a number from 0 to 100"),
    ("2025-03-14,A,exhaustion,-3,50,\n", "respondents", "-3", "a whole number of 0 or more"),
    ("2025-03-14,A,exhaustion,20,50,-2\n", "score_sd", "-2", "a number of 0 or more"),
    ("2025-03-14,A,stress,20,50,\n", "domain", "stress", ("one of work_organisation, "
     "work_content, employment_conditions, working_conditions, interpersonal_relations, "
     "exhaustion")),
    ("2025-03-14,A,exhaustion,20,,\n", "score", "", "a value (this column is required)"),
    ("31/02/2025,A,exhaustion,20,50,\n", "date", "31/02/2025", "a date that exists"),
])
def test_each_survey_rule_rejects_with_line_column_value(row, column, value, expected):
    error = only_error(row)
    assert (error.line, error.column, error.value) == (2, column, value)
    assert error.expected.startswith(expected)


def test_score_bounds_are_allowed_and_the_message_reads_in_every_language():
    result = validate_bytes("survey", "s.csv", (SURVEY + "2025-03-14,A,exhaustion,20,0,\n"
                                                "2025-03-14,B,exhaustion,20,100,0\n").encode())
    assert result.accepted
    error = only_error("2025-03-14,A,exhaustion,20,101,\n")
    assert error.expected_text("nl").startswith("een getal van 0 tot en met 100")
    assert error.expected_text("fr").startswith("un nombre de 0 à 100 inclus")
    assert error.expected_text("de").startswith("eine Zahl von 0 bis 100")


def test_all_is_the_respondent_weighted_mean_with_the_pooled_deviation(db_path):
    store_survey(db_path, "2025-03-14,A,exhaustion,30,60,10\n"
                          "2025-03-14,B,exhaustion,10,40,5\n"
                          "2025-03-14,C,exhaustion,20,45,8\n")
    rows = frame_rows(db_path)
    mean = (30 * 60 + 10 * 40 + 20 * 45) / 60                      # 52.5, not (60+40+45)/3
    assert rows["ALL"].score == pytest.approx(mean)
    assert rows["ALL"].respondents == 60
    pooled = math.sqrt((30 * (100 + (60 - mean) ** 2) + 10 * (25 + (40 - mean) ** 2)
                        + 20 * (64 + (45 - mean) ** 2)) / 60)
    assert rows["ALL"].score_sd == pytest.approx(pooled)
    assert rows["B"].score == 40 and rows["B"].score_sd == 5


def test_all_has_no_deviation_when_a_department_gives_none(db_path):
    store_survey(db_path, "2025-03-14,A,exhaustion,30,60,10\n2025-03-14,B,exhaustion,10,40,\n")
    rows = frame_rows(db_path)
    assert rows["ALL"].score == pytest.approx(55.0) and math.isnan(rows["ALL"].score_sd)


def test_small_and_complementary_suppression_per_date_and_domain(db_path):
    store_survey(db_path, "2025-03-14,A,exhaustion,4,80,9\n"
                          "2025-03-14,B,exhaustion,12,50,9\n"
                          "2025-03-14,C,exhaustion,20,40,9\n"
                          "2025-03-14,A,work_content,15,70,9\n"
                          "2025-03-14,B,work_content,15,50,9\n")
    rows = frame_rows(db_path)
    assert rows["A"].suppressed and rows["A"].suppression_reason == "small"
    assert rows["B"].suppressed and rows["B"].suppression_reason == "complementary"
    assert math.isnan(rows["A"].score) and math.isnan(rows["B"].score_sd)
    assert not rows["C"].suppressed and not rows["ALL"].suppressed
    assert rows["ALL"].score == pytest.approx((4 * 80 + 12 * 50 + 20 * 40) / 36)
    # the other domain of the same date is judged on its own respondents
    other = frame_rows(db_path, "work_content")
    assert not other["A"].suppressed and not other["B"].suppressed
    # suppress=False (never shown) keeps the figure for computations
    assert frame_rows(db_path, suppress=False)["A"].score == 80


def test_survey_csv_and_command_never_show_a_suppressed_score(db_path, capsys):
    store_survey(db_path, "2025-03-14,A,exhaustion,4,80,9\n2025-03-14,B,exhaustion,12,50,9\n"
                          "2025-03-14,C,exhaustion,20,40,9\n")
    with store.connect(db_path) as con:
        text = survey_csv(con)
    lines = text.splitlines()
    assert lines[0] == "date,department,domain,respondents,score,score_sd,suppressed"
    assert "2025-03-14,A,exhaustion,4,,,true" in lines
    assert "2025-03-14,B,exhaustion,12,,,true" in lines
    assert "2025-03-14,C,exhaustion,20,40,9,false" in lines
    assert "80" not in text and ",50," not in text
    assert main(["survey", "--db", str(db_path)]) == 0
    assert capsys.readouterr().out == text


def test_survey_is_not_a_monthly_indicator(db_path):
    from signals.measures.indicators import indicator_frame

    ingest_bytes(db_path, "workforce", "wf.csv", b"month,department,headcount\n2025-03,A,40\n")
    store_survey(db_path, "2025-03-14,A,exhaustion,30,60,10\n")
    with store.connect(db_path) as con:
        frame = indicator_frame(con, min_group_size=5)
    assert not frame["indicator"].str.contains("exhaustion|survey|score").any()


def test_a_database_of_the_previous_schema_gains_both_kinds_with_history(db_path):
    con = duckdb.connect(str(db_path))
    for version in range(store.SCHEMA_VERSION - 1):
        con.execute(store.MIGRATIONS[version])
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                [str(store.SCHEMA_VERSION - 1)])
    con.close()
    with store.connect(db_path) as con:
        assert store.schema_version(con) == store.SCHEMA_VERSION
        for table in ("observations", "survey"):
            assert table in store.DATA_TABLES
            columns = store.table_columns(con, store.history_table(table))
            assert "replaced_by" in columns and "upload_id" in columns
    store_survey(db_path, "2025-03-14,A,exhaustion,30,60,10\n")
    corrected = ingest_bytes(db_path, "survey", "again.csv",
                             (SURVEY + "2025-03-14,A,exhaustion,30,62,10\n").encode())
    assert corrected.rows_replaced == 1
    with store.connect(db_path) as con:
        assert con.execute("SELECT score FROM survey_history").fetchall() == [(60.0,)]
