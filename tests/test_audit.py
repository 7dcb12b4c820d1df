import datetime as dt
import hashlib
import json
import os
import sqlite3
import stat

import pytest

from signals.access import audit
from signals.access import control as access

NOW = dt.datetime.now(dt.UTC)


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
    from signals.ingest.loader import IngestResult, RowError

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


# --- the keyed chain and its head (issue 11, section 4) -------------------------------------

def drop_guards(con) -> None:
    """What someone with the file in hand does first."""
    con.execute("DROP TRIGGER IF EXISTS audit_entries_no_update")
    con.execute("DROP TRIGGER IF EXISTS audit_entries_keep_retention")


def test_removing_the_newest_entries_shows(db_path):
    ids = [audit.record(db_path, "hr1", "upload", {"rows_new": n}) for n in range(4)]
    with raw(db_path) as con:
        drop_guards(con)
        con.execute("DELETE FROM audit_log WHERE entry_id >= ?", [ids[2]])
    check = audit.check_chain(db_path)
    assert not check.intact
    assert (check.problem, check.entry) == ("newest_missing", ids[3])


def test_retention_zero_then_delete_the_newest_then_back_shows(db_path):
    # The scenario: the delete guard reads the retention setting, so set it to 0,
    # delete the newest entries and set it back; the guards themselves are left alone.
    for n in range(5):
        audit.record(db_path, "hr1", "login_failed", {"n": n})
    with raw(db_path) as con:
        con.execute("UPDATE settings SET value = '0' WHERE key = 'audit_retention_days'")
        con.execute("DELETE FROM audit_log WHERE entry_id > (SELECT max(entry_id) - 2 FROM audit_log)")
        con.execute("UPDATE settings SET value = '730' WHERE key = 'audit_retention_days'")
    assert len(audit.entries(db_path)) == 3
    assert audit.check_chain(db_path).problem == "newest_missing"
    assert not audit.verify_chain(db_path)


def test_a_new_entry_after_a_removal_does_not_hide_it(db_path):
    ids = [audit.record(db_path, "hr1", "upload", {"rows_new": n}) for n in range(3)]
    with raw(db_path) as con:
        drop_guards(con)
        con.execute("DELETE FROM audit_log WHERE entry_id = ?", [ids[2]])
    new_id = audit.record(db_path, "anna", "login", {"method": "password"})
    assert new_id > ids[2]                                 # the removed number is not reused
    assert audit.check_chain(db_path).problem == "entries_missing"
    assert audit.first_broken_entry(db_path) == new_id


def rechain_with_sha256(con) -> None:
    """Recompute every link as an unkeyed chain would, after changing an entry."""
    prev = audit.GENESIS_MAC
    rows = con.execute("SELECT entry_id, at, actor, action, detail FROM audit_log ORDER BY entry_id")
    for entry_id, at, actor, action, detail in rows.fetchall():
        mac = hashlib.sha256(json.dumps([prev, at, actor, action, detail]).encode()).hexdigest()
        con.execute("UPDATE audit_log SET prev_mac = ?, mac = ? WHERE entry_id = ?", [prev, mac, entry_id])
        prev = mac


def test_a_rewritten_chain_shows(db_path):
    ids = [audit.record(db_path, "hr1", "upload", {"rows_new": n}) for n in range(3)]
    with raw(db_path) as con:
        drop_guards(con)
        con.execute("UPDATE audit_log SET actor = 'someone else' WHERE entry_id = ?", [ids[1]])
        rechain_with_sha256(con)
    check = audit.check_chain(db_path)
    assert (check.intact, check.problem, check.entry) == (False, "entry_changed", ids[0])


def test_an_edited_entry_shows_even_with_its_own_link_kept(db_path):
    ids = [audit.record(db_path, "hr1", "upload", {"rows_new": n}) for n in range(3)]
    with raw(db_path) as con:
        drop_guards(con)
        con.execute("UPDATE audit_log SET detail = '{\"rows_new\": 7}' WHERE entry_id = ?", [ids[1]])
    assert audit.check_chain(db_path).entry == ids[1]


def test_a_row_slipped_in_at_the_end_shows(db_path):
    audit.record(db_path, "hr1", "upload", {"rows_new": 1})
    with raw(db_path) as con:
        last = con.execute("SELECT entry_id, mac FROM audit_log").fetchone()
        con.execute("INSERT INTO audit_log VALUES (?, '2025-01-01T00:00:00.000000Z', 'x', 'login', '{}', ?, ?)",
                    [last[0] + 1, last[1], "f" * 64])
    assert audit.check_chain(db_path).problem == "entry_changed"


def test_a_changed_retention_setting_shows_and_does_not_count(db_path):
    audit.record(db_path, "hr1", "upload", {})
    with raw(db_path) as con:
        con.execute("UPDATE settings SET value = '90' WHERE key = 'audit_retention_days'")
    assert audit.check_chain(db_path).problem == "retention_changed"
    assert audit.retention_days(db_path) == 730                # the signed value
    audit.set_retention_days(db_path, 400, actor="admin1")     # the admin sets it again: audited
    assert audit.verify_chain(db_path) and audit.retention_days(db_path) == 400


def test_an_older_signed_retention_setting_put_back_shows(db_path):
    audit.set_retention_days(db_path, 90, actor="admin1")
    with raw(db_path) as con:
        old = dict(con.execute("SELECT key, value FROM settings WHERE key LIKE 'audit_retention%'"))
    audit.set_retention_days(db_path, 730, actor="admin1")
    with raw(db_path) as con:
        con.executemany("UPDATE settings SET value = ? WHERE key = ?", [(v, k) for k, v in old.items()])
    assert audit.check_chain(db_path).problem == "retention_changed"


def head_files(tmp_path):
    return list((tmp_path / "keys" / "audit-heads").glob("*.head"))


def test_key_and_head_live_outside_the_store_readable_by_their_owner_only(db_path, tmp_path):
    audit.record(db_path, "hr1", "upload", {})
    key_file = tmp_path / "keys" / "audit.key"
    [head] = head_files(tmp_path)
    for path in (key_file, head):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("signals.access*"))
    assert key_file.read_text().strip().encode() not in stored
    assert json.loads(head.read_text())["head"]["entries"] == 1


def test_a_removed_head_shows(db_path, tmp_path):
    audit.record(db_path, "hr1", "upload", {})
    head_files(tmp_path)[0].unlink()
    assert audit.check_chain(db_path).problem == "head_missing"


def test_a_removed_head_never_reads_intact_again(db_path, tmp_path):
    # Remove the newest entries and the head: the next entry restarts the head, and the
    # check keeps saying so (it used to read "Chain intact" from then on).
    ids = [audit.record(db_path, "hr1", "upload", {"n": n}) for n in range(4)]
    with raw(db_path) as con:
        drop_guards(con)
        con.execute("DELETE FROM audit_log WHERE entry_id >= ?", [ids[2]])
    head_files(tmp_path)[0].unlink()
    audit.record(db_path, "anna", "login", {"method": "password"})
    restored = audit.entries(db_path, limit=None)
    [restart] = restored.loc[restored["action"] == "audit_head_restored", "entry_id"]
    check = audit.check_chain(db_path)
    assert (check.intact, check.problem, check.entry) == (False, "head_restored", restart)
    assert not audit.verify_chain(db_path) and audit.first_broken_entry(db_path) == restart
    for n in range(3):                                 # later entries do not wash it out
        audit.record(db_path, "hr1", "upload", {"n": n})
    assert audit.check_chain(db_path).problem == "head_restored"


def test_a_replaced_head_is_restarted_and_reported(db_path, tmp_path):
    audit.record(db_path, "hr1", "upload", {})
    head_files(tmp_path)[0].write_text('{"head": {"last_id": 1}, "mac": "0"}')
    assert audit.check_chain(db_path).problem == "head_invalid"
    audit.record(db_path, "hr1", "upload", {})
    log = audit.entries(db_path, limit=None)
    assert json.loads(log.loc[log["action"] == "audit_head_restored", "detail"].iloc[0])["head"] == "invalid"
    assert audit.check_chain(db_path).problem == "head_restored"


def test_a_restarted_head_does_not_block_purging_and_stays_reported(db_path, tmp_path):
    audit.record(db_path, "hr1", "upload", {"n": 1}, now=days_ago(900))
    head_files(tmp_path)[0].unlink()
    audit.record(db_path, "hr1", "upload", {"n": 2})            # restarts the head
    restart = audit.check_chain(db_path).entry
    assert audit.purge_expired(db_path, 850) == 1      # a restart is a finding, not a break
    assert (audit.check_chain(db_path).problem, audit.check_chain(db_path).entry) == ("head_restored", restart)
    with access.open_store(db_path) as con:            # the signed head remembers it for good
        head, _ = audit._read_head(con, audit.load_key())
    assert head.restored_id == restart


def test_a_wiped_log_with_its_head_is_not_a_new_store(db_path, tmp_path):
    audit.record(db_path, "hr1", "upload", {})
    with raw(db_path) as con:
        drop_guards(con)
        con.execute("DELETE FROM audit_log")
    head_files(tmp_path)[0].unlink()
    assert audit.check_chain(db_path).problem == "head_restored"


def test_a_first_entry_needs_no_restart(db_path):
    audit.record(db_path, "hr1", "upload", {})
    assert audit.verify_chain(db_path)
    assert "audit_head_restored" not in set(audit.entries(db_path)["action"])


def test_a_forged_head_shows(db_path, tmp_path):
    for n in range(3):
        audit.record(db_path, "hr1", "upload", {"n": n})
    [head] = head_files(tmp_path)
    stored = json.loads(head.read_text())
    stored["head"]["entries"] = 2
    head.write_text(json.dumps(stored))
    assert audit.check_chain(db_path).problem == "head_invalid"


def test_the_oldest_kept_entry_after_a_purge_is_checked_against_the_head(db_path):
    audit.record(db_path, "hr1", "upload", {"n": 1}, now=days_ago(900))
    kept = [audit.record(db_path, "hr1", "upload", {"n": n}, now=days_ago(800 - n)) for n in (2, 3)]
    audit.record(db_path, "hr1", "upload", {"n": 4})
    assert audit.purge_expired(db_path, 850) == 1
    assert audit.verify_chain(db_path)
    with raw(db_path) as con:                      # an old entry, but younger than the retention
        drop_guards(con)
        con.execute("DELETE FROM audit_log WHERE entry_id = ?", [kept[0]])
    assert audit.check_chain(db_path).problem == "entries_missing"
    with pytest.raises(ValueError, match="not intact"):
        audit.purge_expired(db_path, 850)          # a broken chain is evidence: nothing purged


# --- the migration from the unkeyed (version 1) log ------------------------------------------

def version_1_store(db_path, details, *, break_at: int | None = None) -> None:
    """An access store as the previous version wrote it, with an unkeyed sha256 chain."""
    path = access.access_db_path(db_path)
    with sqlite3.connect(path, isolation_level=None) as con:
        for statement in access.MIGRATIONS[0]:
            con.execute(statement)
        con.execute("PRAGMA user_version = 1")
        prev = audit.GENESIS_MAC
        for number, detail in enumerate(details, start=1):
            at = access.to_stamp(days_ago(10 - number))
            detail_json = json.dumps(detail)
            row = hashlib.sha256(json.dumps([prev, at, "hr1", "upload", detail_json]).encode()).hexdigest()
            if number == break_at:
                detail_json = json.dumps({"edited": True})
            con.execute("INSERT INTO audit_log (at, actor, action, detail, prev_sha256, row_sha256) "
                        "VALUES (?, 'hr1', 'upload', ?, ?, ?)", [at, detail_json, prev, row])
            prev = row


def test_an_unkeyed_log_is_re_keyed_once_and_says_so(db_path):
    version_1_store(db_path, [{"n": n} for n in range(3)])
    assert audit.verify_chain(db_path)
    log = audit.entries(db_path, limit=None)
    assert list(log["action"]) == ["audit_rekeyed", "upload", "upload", "upload"]
    assert json.loads(log["detail"].iloc[0]) == {"entries": 3, "old_chain_intact": True,
                                                 "old_first_broken": None}
    audit.record(db_path, "hr1", "upload", {"n": 3})
    assert list(audit.entries(db_path, limit=None)["action"]).count("audit_rekeyed") == 1
    assert audit.verify_chain(db_path)


def test_re_keying_notes_an_old_chain_that_was_already_broken(db_path):
    version_1_store(db_path, [{"n": n} for n in range(3)], break_at=2)
    detail = json.loads(audit.entries(db_path).iloc[0]["detail"])
    assert (detail["old_chain_intact"], detail["old_first_broken"]) == (False, 2)


def test_an_unkeyed_table_slipped_in_later_is_not_re_keyed(db_path):
    audit.record(db_path, "hr1", "upload", {})
    with raw(db_path) as con:
        con.execute("CREATE TABLE audit_log_unkeyed (entry_id INTEGER PRIMARY KEY, at TEXT, actor TEXT, "
                    "action TEXT, detail TEXT, prev_sha256 TEXT, row_sha256 TEXT)")
        con.execute("INSERT INTO audit_log_unkeyed VALUES (99, 'x', 'x', 'login', '{}', 'x', 'x')")
    audit.record(db_path, "hr1", "upload", {})
    assert audit.check_chain(db_path).problem == "unkeyed_entries"
    assert 99 not in set(audit.entries(db_path)["entry_id"])


def test_the_access_module_and_the_audit_log_do_not_import_each_other():
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(audit))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                for alias in node.names} | {node.module for node in ast.walk(tree)
                                            if isinstance(node, ast.ImportFrom)}
    assert "access" not in imported


def test_a_short_or_shared_audit_key_is_refused_or_warned(db_path, tmp_path):
    key_file = tmp_path / "keys" / "audit.key"
    key_file.parent.mkdir(parents=True)
    key_file.write_text("abcd\n")
    with pytest.raises(ValueError, match="fewer than 16 bytes"):
        audit.record(db_path, "hr1", "upload", {})
    key_file.write_text("ab" * 32 + "\n")
    key_file.chmod(0o644)
    with pytest.warns(UserWarning, match="readable by others"):
        audit.record(db_path, "hr1", "upload", {})
