import datetime as dt
import json
import sqlite3

import pytest

from signals import access, audit

NOW = dt.datetime.now(dt.timezone.utc)


def days_ago(days: int) -> dt.datetime:
    return NOW - dt.timedelta(days=days)


def raw(db_path) -> sqlite3.Connection:
    """A plain connection, as someone with the file in hand would open it."""
    return sqlite3.connect(access.access_db_path(db_path), isolation_level=None)


def test_entries_come_newest_first_with_their_detail(db_path):
    audit.record(db_path, "hr1", "upload", {"file_name": "absences.csv", "kind": "absences",
                                            "rows_new": 120, "warnings": ["extra column"]})
    audit.record(db_path, "admin1", "setting_changed", {"setting": "min_group_size", "new": 12})
    log = audit.entries(db_path)
    assert list(log["action"]) == ["setting_changed", "upload"]
    assert json.loads(log["detail"].iloc[1]) == {
        "file_name": "absences.csv", "kind": "absences", "rows_new": 120, "warnings": ["extra column"]}
    assert str(log["at"].dt.tz) == "UTC"


def test_limit_and_since(db_path):
    for days in (10, 5, 1):
        audit.record(db_path, "hr1", "upload", {"days_ago": days}, now=days_ago(days))
    assert len(audit.entries(db_path, limit=2)) == 2
    recent = audit.entries(db_path, since=days_ago(6))
    assert [json.loads(d)["days_ago"] for d in recent["detail"]] == [1, 5]


@pytest.mark.parametrize("detail, message", [
    ({"password": "hunter2hunter2"}, "secret or free text"),
    ({"new_Password_hash": "x"}, "secret or free text"),
    ({"session_token": "x"}, "secret or free text"),
    ({"note": "the team lead is ..."}, "secret or free text"),
    ({"comment": "x" * 201}, "not free text"),
    ({"nested": {"a": 1}}, "number, text"),
    ({1: "x"}, "keys must be text"),
])
def test_unstructured_or_secret_details_are_refused(db_path, detail, message):
    with pytest.raises(ValueError, match=message):
        audit.record(db_path, "hr1", "upload", detail)
    assert audit.entries(db_path).empty


def test_invalid_action_is_refused(db_path):
    with pytest.raises(ValueError, match="Invalid audit action"):
        audit.record(db_path, "hr1", "DROP TABLE", {})


def test_rows_cannot_be_updated(db_path):
    audit.record(db_path, "hr1", "upload", {"rows_new": 1})
    with raw(db_path) as con, pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("UPDATE audit_log SET actor = 'someone else'")
    assert list(audit.entries(db_path)["actor"]) == ["hr1"]


def test_young_rows_cannot_be_deleted(db_path):
    audit.record(db_path, "hr1", "upload", {"rows_new": 1}, now=days_ago(700))
    with raw(db_path) as con, pytest.raises(sqlite3.DatabaseError, match="retention period"):
        con.execute("DELETE FROM audit_log")
    assert len(audit.entries(db_path)) == 1


def test_purge_deletes_only_rows_past_retention(db_path):
    for days in (900, 800, 731):
        audit.record(db_path, "hr1", "upload", {"days_ago": days}, now=days_ago(days))
    audit.record(db_path, "hr1", "upload", {"days_ago": 729}, now=days_ago(729))
    audit.record(db_path, "hr1", "upload", {"days_ago": 0})
    assert audit.purge_expired(db_path, 730, actor="admin1") == 3
    log = audit.entries(db_path)
    kept = [json.loads(d).get("days_ago") for d in log["detail"]]
    assert kept == [None, 0, 729]                  # None: the purge's own entry
    assert log["action"].iloc[0] == "audit_purged"
    assert json.loads(log["detail"].iloc[0]) == {"entries": 3, "retention_days": 730}
    assert audit.verify_chain(db_path)
    assert audit.purge_expired(db_path) == 0


def test_purge_may_not_undercut_the_retention_setting(db_path):
    audit.record(db_path, "hr1", "upload", {}, now=days_ago(400))
    with pytest.raises(ValueError, match="retention setting is 730"):
        audit.purge_expired(db_path, 365)
    assert len(audit.entries(db_path)) == 1


def test_retention_is_configurable_and_guards_deletes(db_path):
    assert audit.retention_days(db_path) == audit.DEFAULT_RETENTION_DAYS == 730
    audit.record(db_path, "hr1", "upload", {}, now=days_ago(400))
    with pytest.raises(ValueError, match="at least 90"):
        audit.set_retention_days(db_path, 30)
    audit.set_retention_days(db_path, 365, actor="admin1")
    assert audit.retention_days(db_path) == 365
    assert audit.purge_expired(db_path) == 1
    log = audit.entries(db_path)
    assert list(log["action"]) == ["audit_purged", "setting_changed"]
    assert audit.verify_chain(db_path)


def test_purge_keeps_a_run_that_an_older_row_follows(db_path):
    # Rows are removed oldest-id first and only up to the first young one, so the
    # chain never gets a hole, even when an old timestamp came in late.
    audit.record(db_path, "hr1", "upload", {"n": 1}, now=days_ago(900))
    audit.record(db_path, "hr1", "upload", {"n": 2}, now=days_ago(10))
    audit.record(db_path, "hr1", "upload", {"n": 3}, now=days_ago(800))
    assert audit.purge_expired(db_path) == 1
    assert audit.verify_chain(db_path)


def test_chain_is_intact_after_normal_use(db_path):
    for number in range(5):
        audit.record(db_path, "hr1", "upload", {"n": number})
    assert audit.verify_chain(db_path)
    assert audit.first_broken_entry(db_path) is None


def test_chain_detects_a_tampered_row(db_path):
    ids = [audit.record(db_path, "hr1", "upload", {"rows_new": n}) for n in range(4)]
    with raw(db_path) as con:           # someone with the file drops the guard
        con.execute("DROP TRIGGER audit_entries_no_update")
        con.execute("UPDATE audit_log SET detail = '{\"rows_new\": 99}' WHERE entry_id = ?", [ids[2]])
    assert not audit.verify_chain(db_path)
    assert audit.first_broken_entry(db_path) == ids[2]


def test_chain_detects_a_removed_row(db_path):
    ids = [audit.record(db_path, "hr1", "upload", {"rows_new": n}) for n in range(4)]
    with raw(db_path) as con:
        con.execute("DROP TRIGGER audit_entries_keep_retention")
        con.execute("DELETE FROM audit_log WHERE entry_id = ?", [ids[1]])
    assert audit.first_broken_entry(db_path) == ids[2]


def test_chain_detects_removal_of_the_oldest_row(db_path):
    ids = [audit.record(db_path, "hr1", "upload", {"rows_new": n}) for n in range(2)]
    with raw(db_path) as con:
        con.execute("DROP TRIGGER audit_entries_keep_retention")
        con.execute("DELETE FROM audit_log WHERE entry_id = ?", [ids[0]])
    assert not audit.verify_chain(db_path)


def test_uploads_are_audited_with_counts_but_not_the_values_in_errors(db_path):
    from signals.ingest import IngestResult, RowError

    result = IngestResult("absences 2025-03.csv", "absences", accepted=False, rows_total=3,
                          error_count=1, warnings=["extra column 'name' ignored"],
                          errors=[RowError("absences 2025-03.csv", 2, "end_date", "Jan Peeters",
                                           "a date")])
    audit.record_upload(db_path, "hr1", result)
    entry = audit.entries(db_path).iloc[0]
    assert (entry["actor"], entry["action"]) == ("hr1", "upload")
    assert json.loads(entry["detail"]) == {
        "file_name": "absences 2025-03.csv", "kind": "absences", "accepted": False,
        "rows_total": 3, "rows_new": 0, "rows_replaced": 0, "rows_unchanged": 0,
        "error_count": 1, "warnings": 1, "upload_id": None}
    assert "Peeters" not in entry["detail"]


def test_user_management_and_logins_are_audited_without_passwords(db_path):
    password = "a very long secret 42"
    access.add_user(db_path, "anna", "hr", password, actor="cli:root")
    session = access.authenticate(db_path, "anna", password)
    access.authenticate(db_path, "anna", "wrong wrong wrong")
    access.logout(db_path, session.token)
    access.remove_user(db_path, "anna", actor="cli:root")
    log = audit.entries(db_path).iloc[::-1]
    assert list(log["action"]) == ["user_added", "login", "login_failed", "logout", "user_removed"]
    assert list(log["actor"]) == ["cli:root", "anna", "anna", "anna", "cli:root"]
    assert not log["detail"].str.contains("secret").any()
    assert audit.verify_chain(db_path)
