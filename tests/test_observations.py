"""The `observations` kind and its `<measure>_rate` indicators (CONTRACT.md v2): validation,
storage with corrections and undo, hand-computed rates, ALL, suppression per measure."""

import datetime as dt

import pytest

from signals import store
from signals.definitions import KINDS, MEASURE_INDICATOR_IDS
from signals.ingest.loader import ingest_bytes, validate_bytes
from signals.ingest.messages import Message
from signals.ingest.undo import undo_path
from signals.measures.indicators import indicator_frame, indicators_csv

OBSERVATIONS = "month,department,measure,count,base,source\n"
WORKFORCE = "month,department,headcount\n"
MARCH = dt.date(2025, 3, 1)


def only_error(text):
    result = validate_bytes("observations", "obs.csv", (OBSERVATIONS + text).encode())
    assert not result.accepted
    assert result.error_count == 1, result.error_report()
    return result.errors[0]


def store_workforce(db_path, rows: str):
    assert ingest_bytes(db_path, "workforce", "wf.csv", (WORKFORCE + rows).encode()).accepted


def store_observations(db_path, rows: str, name="obs.csv"):
    result = ingest_bytes(db_path, "observations", name, (OBSERVATIONS + rows).encode())
    assert result.accepted, result.error_report()
    return result


def rows_of(db_path, indicator, month=MARCH, min_group_size=10):
    with store.connect(db_path) as con:
        frame = indicator_frame(con, min_group_size=min_group_size)
    chosen = frame[(frame["indicator"] == indicator) & (frame["month"] == month)]
    return {row.department: row for row in chosen.itertuples()}


# --- validation ------------------------------------------------------------------------

@pytest.mark.parametrize("row, column, value, expected", [
    ("2025-03,A,back_complaints,3,0,hr\n", "base", "0", "a whole number of 1 or more"),
    ("2025-03,A,back_complaints,-1,,hr\n", "count", "-1", "a whole number of 0 or more"),
    ("2025-03,A,back_complaints,2.5,,hr\n", "count", "2.5", "a whole number"),
    ("2025-03,A,burnout,3,,hr\n", "measure", "burnout", ("one of back_complaints, "
     "psychological_complaints, presenteeism, quality_incidents, complaints")),
    ("2025-03,A,back_complaints,3,,doctor\n", "source", "doctor",
     "one of occupational_physician, psychosocial_adviser, hr, committee"),
    ("2025-03,A,back_complaints,,,hr\n", "count", "", "a value (this column is required)"),
    ("1989-12,A,back_complaints,3,,hr\n", "month", "1989-12", "a month from 1990-01 on"),
])
def test_each_observation_rule_rejects_with_line_column_value(row, column, value, expected):
    error = only_error(row)
    assert (error.line, error.column, error.value) == (2, column, value)
    assert error.expected.startswith(expected)


def test_base_range_message_in_every_language():
    message = Message("expected.range.int.at_least", {"minimum": 1})
    assert message.text("nl").startswith("een geheel getal van 1 of meer")
    assert message.text("fr").startswith("un nombre entier de 1 ou plus")
    assert message.text("de").startswith("eine ganze Zahl von 1 oder mehr")


def test_same_month_department_and_measure_twice_is_refused():
    error = only_error("2025-03,A,presenteeism,3,,hr\n2025-03,A,presenteeism,4,,hr\n")
    assert (error.line, error.column) == (3, "month, department, measure")


def test_dutch_and_german_headers_and_codes_are_read():
    dutch = "maand;afdeling;maatstaf;aantal;basis;bron\n2025-03;A;rugklachten;3;;arbeidsarts\n"
    german = ("month;department;Messgröße;Anzahl;Basis;Quelle\n"
              "2025-03;A;Rückenbeschwerden;3;;Arbeitsmediziner\n")
    for text in (dutch, german):
        result = validate_bytes("observations", "obs.csv", text.encode())
        assert result.accepted, result.error_report()


def test_an_observation_has_no_person_column():
    names = KINDS["observations"].column_names
    assert "employee_id" not in names
    assert all(column.type != "text" or column.name == "department"
               for column in KINDS["observations"].columns)


# --- storage, corrections, undo ----------------------------------------------------------

def test_observation_without_workforce_row_is_stored_with_a_warning_and_no_rate(db_path):
    store_workforce(db_path, "2025-03,A,20\n")
    result = store_observations(db_path, "2025-03,A,back_complaints,2,,hr\n"
                                         "2025-03,B,back_complaints,1,,hr\n"
                                         "2025-04,A,back_complaints,1,,hr\n")
    assert result.rows_new == 3
    assert any("2 observations have no workforce row" in warning and "line 3" in warning
               for warning in result.warnings)
    with store.connect(db_path) as con:
        frame = indicator_frame(con, min_group_size=5)
    measure = frame[frame["indicator"] == "back_complaints_rate"]
    assert sorted(zip(measure["month"], measure["department"])) == [(MARCH, "A"), (MARCH, "ALL")]


def test_reupload_is_idempotent_empty_base_keeps_the_stored_one_and_undo_restores(db_path):
    store_workforce(db_path, "2025-03,A,20\n")
    first = "2025-03,A,presenteeism,3,15,occupational_physician\n"
    store_observations(db_path, first)
    again = store_observations(db_path, first, "again.csv")
    assert (again.rows_new, again.rows_replaced, again.rows_unchanged) == (0, 0, 1)

    kept = store_observations(db_path, "2025-03,A,presenteeism,3,,occupational_physician\n",
                              "no-base.csv")
    assert kept.rows_unchanged == 1
    assert any("column base: empty cell, stored value 15 kept" in w for w in kept.warnings)
    assert rows_of(db_path, "presenteeism_rate", min_group_size=5)["A"].denominator == 15

    corrected = store_observations(db_path, "2025-03,A,presenteeism,6,15,occupational_physician\n",
                                   "corrected.csv")
    assert corrected.rows_replaced == 1
    assert rows_of(db_path, "presenteeism_rate", min_group_size=5)["A"].value == pytest.approx(40.0)

    undo_path(db_path, corrected.upload_id)
    assert rows_of(db_path, "presenteeism_rate", min_group_size=5)["A"].value == pytest.approx(20.0)


# --- rates -------------------------------------------------------------------------------

def test_rates_with_and_without_base_and_all_over_departments_that_have_it(db_path):
    store_workforce(db_path, "2025-03,A,40\n2025-03,B,25\n2025-03,C,30\n2025-03,D,0\n")
    store_observations(db_path, "2025-03,A,back_complaints,3,,occupational_physician\n"
                                "2025-03,B,back_complaints,2,20,occupational_physician\n"
                                "2025-03,D,back_complaints,0,,occupational_physician\n")
    rows = rows_of(db_path, "back_complaints_rate")
    assert set(rows) == {"ALL", "A", "B", "D"}             # C has no observation: no row
    assert (rows["A"].numerator, rows["A"].denominator) == (3, 40)     # base empty: H
    assert rows["A"].value == pytest.approx(100 * 3 / 40)
    assert (rows["B"].numerator, rows["B"].denominator) == (2, 20)     # the base given
    assert rows["B"].value == pytest.approx(10.0)
    # ALL: counts and bases of A, B and D only (C's 30 people are not in it)
    assert (rows["ALL"].numerator, rows["ALL"].denominator) == (5, 60)
    assert rows["ALL"].value == pytest.approx(100 * 5 / 60)
    assert rows["D"].suppressed                               # base 0, below the minimum
    assert not rows["ALL"].suppressed and not rows["A"].suppressed


def test_every_measure_gets_its_own_indicator_in_contract_order(db_path):
    store_workforce(db_path, "2025-03,A,40\n")
    store_observations(db_path, "".join(f"2025-03,A,{indicator[:-5]},1,,hr\n"
                                        for indicator in reversed(MEASURE_INDICATOR_IDS)))
    with store.connect(db_path) as con:
        frame = indicator_frame(con, min_group_size=5)
    department = frame[frame["department"] == "A"]
    assert list(department["indicator"])[-5:] == list(MEASURE_INDICATOR_IDS)
    assert department["value"].iloc[-5:].tolist() == pytest.approx([2.5] * 5)


def test_complementary_suppression_of_a_measure_on_its_base(db_path):
    # the headcounts are all large: only the bases make groups small
    store_workforce(db_path, "2025-03,A,50\n2025-03,B,50\n2025-03,C,50\n")
    store_observations(db_path, "2025-03,A,presenteeism,1,6,hr\n"
                                "2025-03,B,presenteeism,2,12,hr\n"
                                "2025-03,C,presenteeism,3,15,hr\n"
                                "2025-03,A,complaints,1,,hr\n")
    rows = rows_of(db_path, "presenteeism_rate")
    assert rows["A"].suppressed and rows["A"].suppression_reason == "small"
    # ALL - B - C would give A's 1 out of 6: the smallest other base (B, 12) is hidden too
    assert rows["B"].suppressed and rows["B"].suppression_reason == "complementary"
    assert not rows["C"].suppressed and rows["C"].value == pytest.approx(20.0)
    assert not rows["ALL"].suppressed and rows["ALL"].value == pytest.approx(100 * 6 / 33)
    for department in ("A", "B"):
        assert rows[department].numerator != rows[department].numerator    # NaN: not shown
    # another measure of the same cell follows its own base (A's H of 50): shown
    assert not rows_of(db_path, "complaints_rate")["A"].suppressed
    # and the workforce cell itself stays shown for the other indicators
    assert not rows_of(db_path, "absence_rate")["A"].suppressed

    with store.connect(db_path) as con:
        text = indicators_csv(con)
    assert "2025-03,A,presenteeism_rate,,6,,true" in text
    assert "2025-03,B,presenteeism_rate,,12,,true" in text
    assert "2025-03,C,presenteeism_rate,3,15,20,false" in text


def test_all_of_a_measure_is_suppressed_when_its_bases_together_are_small(db_path):
    store_workforce(db_path, "2025-03,A,50\n2025-03,B,50\n")
    store_observations(db_path, "2025-03,A,presenteeism,1,4,hr\n2025-03,B,presenteeism,1,4,hr\n")
    rows = rows_of(db_path, "presenteeism_rate")
    assert rows["ALL"].suppressed and rows["A"].suppressed and rows["B"].suppressed


def test_a_clear_rise_of_a_measure_gives_a_signal(db_path):
    months = [f"{year}-{month:02d}" for year in (2023, 2024, 2025) for month in range(1, 13)]
    store_workforce(db_path, "".join(f"{month},A,60\n{month},B,60\n" for month in months))
    counts = [1, 0, 1, 2, 1, 0, 1, 1, 0, 2, 1, 1] * 2 + [1, 0, 1, 1, 2, 1, 0, 1, 1, 8, 9, 10]
    store_observations(db_path, "".join(
        f"{month},A,back_complaints,{count},,occupational_physician\n"
        f"{month},B,back_complaints,{index % 2},,occupational_physician\n"
        for index, (month, count) in enumerate(zip(months, counts))))
    from signals.alerts.detection import evaluate

    with store.connect(db_path) as con:
        signals = evaluate(con, min_group_size=10).signals
    rise = signals[(signals["indicator"] == "back_complaints_rate")
                   & (signals["department"] == "A") & (signals["level"] == "alert")]
    assert dt.date(2025, 12, 1) in set(rise["month"])
    assert rise["reason_en"].str.contains("Back complaints").all()
    assert signals[(signals["indicator"] == "back_complaints_rate")
                   & (signals["department"] == "B")].empty


def test_a_measure_never_observed_is_not_known_on_the_screens(db_path):
    from signals.measures.indicators import unrecorded_indicators

    store_workforce(db_path, "2025-03,A,40\n")
    with store.connect(db_path) as con:
        assert set(MEASURE_INDICATOR_IDS) <= set(unrecorded_indicators(con))
    store_observations(db_path, "2025-03,A,presenteeism,1,,hr\n")
    with store.connect(db_path) as con:
        unrecorded = unrecorded_indicators(con)
    assert "presenteeism_rate" not in unrecorded
    assert set(MEASURE_INDICATOR_IDS) - {"presenteeism_rate"} <= set(unrecorded)
