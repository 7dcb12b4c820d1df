import datetime as dt
import json

import pandas as pd
import pytest

from signals.access import audit
from signals.access import control as access
from signals.cycle import reviews
from signals.definitions import LANGUAGES

PASSWORD = "correct horse battery"
T0 = dt.datetime(2025, 4, 1, 8, 0, tzinfo=dt.UTC)


pytestmark = pytest.mark.usefixtures("fast_hashing")

@pytest.fixture
def physician(db_path):
    access.add_user(db_path, "dr.wouters", "physician", PASSWORD)
    return "dr.wouters"


def test_latest_review_per_department_and_indicator(db_path, physician):
    first = reviews.add_review(db_path, physician, "Zorg", "absence_rate", "2025-02", "seen", now=T0)
    second = reviews.add_review(db_path, physician, "Zorg", "absence_rate", "2025-03",
                                "under_investigation", "Talk with the prevention advisor.",
                                now=T0 + dt.timedelta(days=1))
    whole = reviews.add_review(db_path, physician, "Zorg", None, "2025-03", "action_planned", now=T0)
    other = reviews.add_review(db_path, physician, "Logistiek", "aggression_rate", "2025-03", "seen")
    latest = reviews.latest_reviews(db_path)
    assert list(latest["review_id"]) == [other, whole, second]
    assert latest.set_index("review_id").loc[second, "status"] == "under_investigation"
    assert pd.isna(latest.set_index("review_id").loc[whole, "indicator"])
    history = reviews.review_history(db_path, "Zorg")
    assert list(history["review_id"]) == [whole, second, first]
    assert list(reviews.review_history(db_path, limit=1)["review_id"]) == [other]
    assert history["reviewed_at"].iloc[2] == T0


def test_no_reviews_gives_empty_frames_with_columns(db_path):
    assert list(reviews.latest_reviews(db_path).columns) == reviews.REVIEW_COLUMNS + ["reviewer_role"]
    assert reviews.review_history(db_path).empty


def test_note_newlines_become_spaces(db_path, physician):
    review_id = reviews.add_review(db_path, physician, " Zorg ", "absence_rate", "2025-03", "seen",
                                   "First line\r\nsecond line\n\tthird  ")
    row = reviews.latest_reviews(db_path).set_index("review_id").loc[review_id]
    assert row["note"] == "First line second line third"
    assert row["department"] == "Zorg"


def test_note_length_limit(db_path, physician):
    reviews.add_review(db_path, physician, "Zorg", None, "2025-03", "seen", "x" * 500)
    with pytest.raises(ValueError, match="at most 500"):
        reviews.add_review(db_path, physician, "Zorg", None, "2025-03", "seen", "x" * 501)
    assert len(reviews.review_history(db_path)) == 1


@pytest.mark.parametrize("department, indicator, month, status, message", [
    ("Zorg", "absence_rate", "2025-03", "done", "Unknown status"),
    ("Zorg", "absence_rate", "2025-03", "SEEN", "Unknown status"),
    ("Zorg", "happiness", "2025-03", "seen", "Unknown indicator"),
    ("  ", "absence_rate", "2025-03", "seen", "needs a department"),
    ("Zorg", "absence_rate", "2025-13", "seen", "Invalid month"),
    ("Zorg", "absence_rate", "03/2025", "seen", "Invalid month"),
    ("Zorg", "absence_rate", "1989-12", "seen", "Invalid month"),
])
def test_invalid_reviews_are_refused(db_path, physician, department, indicator, month, status, message):
    with pytest.raises(ValueError, match=message):
        reviews.add_review(db_path, physician, department, indicator, month, status)
    assert reviews.review_history(db_path).empty


@pytest.mark.parametrize("month", ["2025-03", "2025-03-01", dt.date(2025, 3, 31),
                                   pd.Timestamp("2025-03-01")])
def test_month_forms_are_normalised(db_path, physician, month):
    reviews.add_review(db_path, physician, "Zorg", None, month, "seen")
    assert reviews.latest_reviews(db_path)["month"].iloc[0] == "2025-03"


def test_only_a_physician_may_review(db_path, physician):
    access.add_user(db_path, "hr1", "hr", PASSWORD)
    with pytest.raises(PermissionError):
        reviews.add_review(db_path, "hr1", "Zorg", None, "2025-03", "seen")
    with pytest.raises(PermissionError):
        reviews.add_review(db_path, "stranger", "Zorg", None, "2025-03", "seen")
    reviews.add_review(db_path, " DR.Wouters ", "Zorg", None, "2025-03", "seen")
    assert list(reviews.review_history(db_path)["reviewer"]) == ["dr.wouters"]


def test_without_users_the_local_operator_reviews(db_path):
    reviews.add_review(db_path, "local", "Zorg", None, "2025-03", "seen")
    assert list(reviews.review_history(db_path)["reviewer"]) == ["local"]


def test_reviews_are_audited_without_their_note(db_path, physician):
    review_id = reviews.add_review(db_path, physician, "Zorg", "absence_rate", "2025-03",
                                   "action_planned", "Workload analysis with the team.")
    log = audit.entries(db_path)
    entry = log[log["action"] == "review_added"].iloc[0]
    assert entry["actor"] == physician
    assert json.loads(entry["detail"]) == {
        "review_id": review_id, "department": "Zorg", "indicator": "absence_rate",
        "month": "2025-03", "status": "action_planned", "follow_up": None}
    assert not log["detail"].str.contains("Workload").any()


def test_every_status_has_labels_in_every_language():
    labels = {(status, lang): reviews.status_label(status, lang)
              for status in reviews.REVIEW_STATUSES for lang in LANGUAGES}
    assert all(label.strip() for label in labels.values())
    assert len(set(labels.values())) > len(reviews.REVIEW_STATUSES)   # translated, not English


def test_whole_department_reviews_have_none_not_nan_as_indicator(db_path, physician):
    """pandas 3 turned the NULL indicator into NaN next to a named one: 'KeyError: nan'."""
    reviews.add_review(db_path, physician, "Zorg", None, "2025-03", "seen")
    reviews.add_review(db_path, physician, "Zorg", "absence_rate", "2025-03", "under_investigation")
    for frame in (reviews.latest_reviews(db_path), reviews.review_history(db_path)):
        assert sorted(frame["indicator"], key=str) == [None, "absence_rate"] or \
            list(frame["indicator"]).count(None) == 1
        assert all(value is None or isinstance(value, str) for value in frame["indicator"])
        assert all(value is None for value in frame["follow_up"])


def test_a_review_shows_from_its_month_on(db_path, physician):
    reviews.add_review(db_path, physician, "Zorg", "absence_rate", "2025-08", "seen")
    october = reviews.add_review(db_path, physician, "Zorg", "absence_rate", "2025-10",
                                 "action_planned")
    assert reviews.latest_reviews(db_path, month="2025-07").empty
    assert list(reviews.latest_reviews(db_path, month="2025-08")["status"]) == ["seen"]
    assert list(reviews.latest_reviews(db_path, month="2025-09")["status"]) == ["seen"]
    assert list(reviews.latest_reviews(db_path, month=dt.date(2025, 10, 1))["review_id"]) == [october]
    assert list(reviews.latest_reviews(db_path)["review_id"]) == [october]


def test_edit_close_and_delete_a_review_are_audited(db_path, physician):
    review_id = reviews.add_review(db_path, physician, "Zorg", None, "2025-03", "seen",
                                   "Team talk", follow_up="2025-05-15", now=T0)
    row = reviews.latest_reviews(db_path).iloc[0]
    assert row["follow_up"] == "2025-05-15" and pd.isna(row["updated_at"])
    reviews.edit_review(db_path, physician, review_id, status="action_planned",
                        note="Workload review with the team", follow_up=dt.date(2025, 6, 1),
                        now=T0 + dt.timedelta(days=2))
    row = reviews.latest_reviews(db_path).iloc[0]
    assert (row["status"], row["note"], row["follow_up"]) == (
        "action_planned", "Workload review with the team", "2025-06-01")
    assert row["updated_at"] == T0 + dt.timedelta(days=2)
    reviews.close_review(db_path, physician, review_id)
    row = reviews.latest_reviews(db_path).iloc[0]
    assert (row["status"], row["note"], row["follow_up"]) == (
        "closed", "Workload review with the team", "2025-06-01")
    reviews.delete_review(db_path, physician, review_id)
    assert reviews.review_history(db_path).empty
    actions = list(audit.entries(db_path, limit=None)["action"])
    assert actions.count("review_edited") == 2 and "review_deleted" in actions
    with pytest.raises(KeyError):
        reviews.delete_review(db_path, physician, review_id)
    with pytest.raises(KeyError):
        reviews.edit_review(db_path, physician, review_id, status="seen")


def test_only_a_physician_may_edit_or_delete(db_path, physician):
    review_id = reviews.add_review(db_path, physician, "Zorg", None, "2025-03", "seen")
    access.add_user(db_path, "hr1", "hr", PASSWORD)
    with pytest.raises(PermissionError):
        reviews.edit_review(db_path, "hr1", review_id, status="closed")
    with pytest.raises(PermissionError):
        reviews.delete_review(db_path, "hr1", review_id)
    assert list(reviews.review_history(db_path)["status"]) == ["seen"]


@pytest.mark.parametrize("note", [
    "Mme Janssens (P10136) en burn-out, dépression.",
    "Contact: jan.peeters@example.be",
    "RRN 85.07.30-033.28 seen",
    "rijksregister 85073003328",
    "code a3f9c2d1e4b5a6c7d8e9f0a1b2c3d4e5",
])
def test_notes_that_identify_a_person_are_refused(db_path, physician, note):
    with pytest.raises(ValueError, match="may not identify a person"):
        reviews.add_review(db_path, physician, "Zorg", None, "2025-03", "seen", note)
    review_id = reviews.add_review(db_path, physician, "Zorg", None, "2025-03", "seen", "ok")
    with pytest.raises(ValueError, match="may not identify a person"):
        reviews.edit_review(db_path, physician, review_id, status="seen", note=note)
    assert list(reviews.review_history(db_path)["note"]) == ["ok"]


def test_a_version_1_store_is_migrated_with_its_reviews(db_path):
    import sqlite3

    path = access.access_db_path(db_path)
    with sqlite3.connect(path) as con:
        for statement in access.MIGRATIONS[0]:
            con.execute(statement)
        con.execute("INSERT INTO reviews (department, indicator, month, status, note, reviewer,"
                    " reviewed_at) VALUES ('Zorg', NULL, '2025-03', 'seen', 'n', 'local', ?)",
                    [access.to_stamp(T0)])
        con.execute("PRAGMA user_version = 1")
    con.close()
    review_id = reviews.add_review(db_path, "local", "Zorg", "absence_rate", "2025-04", "closed",
                                   follow_up="2025-06-01")
    history = reviews.review_history(db_path)
    assert list(history["review_id"]) == [review_id, 1]
    assert history.set_index("review_id").loc[1, "note"] == "n"
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == access.SCHEMA_VERSION
    con.close()


def store_ids(db_path, *ids):
    """Upload absences for these employee ids into the data database at `db_path`."""
    from signals.ingest.loader import ingest_bytes

    rows = "".join(f"{employee},Zorg,2025-01-{day:02d},,illness\n"
                   for day, employee in enumerate(ids, start=6))
    data = "employee_id,department,start_date,end_date,absence_type\n" + rows
    assert ingest_bytes(db_path, "absences", "abs.csv", data.encode()).accepted


def test_notes_are_checked_against_the_ids_in_the_data(db_path, physician):
    """The audit's four examples: ordinary numbers pass, stored ids of any shape do not."""
    store_ids(db_path, "JDOE7", "4711")
    for note in ("Team van 45, 12500 uren", "Verlichting volgens EN 12464", "Gesprek JDOE8"):
        reviews.add_review(db_path, physician, "Zorg", None, "2025-03", "seen", note)
    review_id = int(reviews.review_history(db_path)["review_id"].iloc[0])
    for note in ("Gesprek met JDOE7", "dossier 4711 besproken"):
        with pytest.raises(ValueError, match="may not identify a person"):
            reviews.add_review(db_path, physician, "Zorg", None, "2025-03", "seen", note)
        with pytest.raises(ValueError, match="may not identify a person"):
            reviews.edit_review(db_path, physician, review_id, status="seen", note=note)
    assert len(reviews.review_history(db_path)) == 3
    # a note saved before the id was uploaded can still be closed
    reviews.close_review(db_path, physician, review_id)
