"""The Upload page in AppTest: several files stored at once with a summary, rejected files
in the history, and the undo of an upload with its confirmation."""

from __future__ import annotations

import json

from test_app import (  # noqa: F401  (demo_shown: a fixture)
    absences_csv,
    demo_banner_shown,
    demo_shown,
    open_page,
    shown_tables,
    workforce_csv,
)

from signals import config, store
from signals.access import audit
from ui.labels import plain

BAD = b"month,department,headcount\n2025-01,Alpha,40\n2025-02,Beta,-3\n2025/13,Gamma,5\n"


def history(path):
    with store.connect(path, read_only=True) as con:
        return con.execute("SELECT file_name, status FROM uploads ORDER BY upload_id").fetchall()


def three_files(app):
    app.file_uploader(key="upload_files").set_value([
        ("staff.csv", workforce_csv(), "text/csv"), ("bad.csv", BAD, "text/csv"),
        ("absences.csv", absences_csv(), "text/csv")]).run()
    app.checkbox(key="upload_demo_confirm").check().run()     # the first own files replace the demo
    assert not app.exception, [e.value for e in app.exception]


def summary_table(app):
    """The batch summary (the templates' column guides are tables too)."""
    return next(table for table in shown_tables(app) if "File" in table.columns)


def test_several_files_get_a_summary_and_one_store_all_button(demo_shown):
    app = open_page("upload", "en")
    three_files(app)
    summary = summary_table(app)
    assert summary["File"].tolist() == ["staff.csv", "bad.csv", "absences.csv"]
    assert summary["Result"].tolist() == ["valid, not stored yet", "rejected", "valid, not stored yet"]
    assert summary["Errors"].astype(int).tolist() == [0, 2, 0]
    assert "Stored: 0 · valid, not stored yet: 2 · rejected: 1 · warnings: 0." in app.error[0].value
    assert [b.key for b in app.button if b.key.startswith("store")] == ["store_all"]
    assert [e.label for e in app.expander if e.label.startswith("Details")] == [
        "Details: " + plain(name) for name in ("staff.csv", "bad.csv", "absences.csv")]
    assert all(not e.proto.expanded for e in app.expander if e.label.startswith("Details"))

    assert history(config.default_db_path()) == [("bad.csv", "rejected")], \
        "the rejected file is in the history at once"
    app.button(key="store_all").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert history(config.default_db_path()) == [
        ("bad.csv", "rejected"), ("staff.csv", "accepted"), ("absences.csv", "accepted")]
    summary = summary_table(app)
    assert summary["Result"].tolist() == ["stored", "rejected", "stored"]
    assert "Stored: 2 · valid, not stored yet: 0 · rejected: 1" in app.error[0].value
    assert not [b for b in app.button if b.key.startswith("store")], "nothing left to store"
    shown_history = app.dataframe[-1].value
    assert shown_history["Result"].tolist() == ["accepted", "accepted", "rejected"]   # newest first
    uploads = [json.loads(row) for row in audit.entries(config.default_db_path())["detail"]]
    assert sorted(u["accepted"] for u in uploads) == [False, True, True]


WORSE = b"month,department,headcount\n2025-13,Alpha,40\n"


def upload_audited() -> list[dict]:
    entries = audit.entries(config.default_db_path())
    return [json.loads(row) for row in entries[entries["action"] == "upload"]["detail"]]


def test_a_rejected_file_is_in_the_history_once_and_the_demo_stays(demo_shown):
    app = open_page("upload", "en")
    app.file_uploader(key="upload_files").set_value(("bad.csv", BAD, "text/csv")).run()
    assert not app.exception, [e.value for e in app.exception]
    assert any("File rejected: 2 errors." in error.value for error in app.error)
    assert "Recorded in the upload history as rejected." in [c.value for c in app.caption]
    assert not [c for c in app.checkbox if c.key == "upload_demo_confirm"], \
        "no question about replacing the demo: a rejected file does not replace it"
    assert history(config.default_db_path()) == [("bad.csv", "rejected")]
    shown = app.dataframe[-1].value
    assert shown[["File", "Result"]].values.tolist() == [["bad.csv", "rejected"]]
    app.run()
    app.selectbox(key=next(s.key for s in app.selectbox if s.key.startswith("upload_kind_"))) \
        .set_value("workforce").run()                         # widgets rerun the page
    assert history(config.default_db_path()) == [("bad.csv", "rejected")], "not on every rerun"
    assert [(u["file_name"], u["accepted"]) for u in upload_audited()] == [("bad.csv", False)]
    assert demo_banner_shown(app), "a rejected file is not the organisation's data"
    assert demo_banner_shown(open_page("overview", "en"))

    again = open_page("upload", "en")                         # the same bytes, another session
    again.file_uploader(key="upload_files").set_value(("bad again.csv", BAD, "text/csv")).run()
    assert not again.exception
    assert any("File rejected: 2 errors." in error.value for error in again.error)
    assert history(config.default_db_path()) == [("bad.csv", "rejected")], "one row per content"
    assert len(upload_audited()) == 1


def test_a_batch_of_rejected_files_is_recorded_without_a_store_button(demo_shown):
    app = open_page("upload", "en")
    app.file_uploader(key="upload_files").set_value([
        ("bad.csv", BAD, "text/csv"), ("worse.csv", WORSE, "text/csv")]).run()
    assert not app.exception, [e.value for e in app.exception]
    assert summary_table(app)["Result"].tolist() == ["rejected", "rejected"]
    assert history(config.default_db_path()) == [("bad.csv", "rejected"), ("worse.csv", "rejected")]
    assert not [b for b in app.button if b.key.startswith("store")], "nothing to store"
    app.run()
    assert len(history(config.default_db_path())) == 2
    assert app.dataframe[-1].value["File"].tolist() == ["worse.csv", "bad.csv"]
    assert sorted(u["file_name"] for u in upload_audited()) == ["bad.csv", "worse.csv"]
    assert demo_banner_shown(app)


def test_undo_asks_for_confirmation_then_restores_and_is_audited(demo_shown):
    app = open_page("upload", "en")
    app.file_uploader(key="upload_files").set_value(("staff.csv", workforce_csv(), "text/csv")).run()
    app.checkbox(key="upload_demo_confirm").check().run()
    [b for b in app.button if b.key.startswith("store_")][0].click().run()
    upload_id = history_ids()[-1]
    assert f"undo_{upload_id}" in [b.key for b in app.button]

    app.button(key=f"undo_{upload_id}").click().run()
    assert not app.exception
    assert any(plain(f"Really undo upload #{upload_id} (staff.csv)?") in w.value for w in app.warning)
    assert has_rows(), "nothing undone before the confirmation"
    app.button(key="undo_cancel").click().run()
    assert has_rows() and "undo_confirm" not in [b.key for b in app.button]

    app.button(key=f"undo_{upload_id}").click().run()
    app.button(key="undo_confirm").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert not has_rows()
    assert any(plain(f"Upload {upload_id} (staff.csv) undone. Rows removed: 12") in s.value
               for s in app.success)
    assert f"undo_{upload_id}" not in [b.key for b in app.button], "an undone upload has no button"
    assert [b for b in app.button if b.key.startswith("store_")], "the file may be stored again"
    assert app.dataframe[-1].value["Result"].tolist()[:2] == ["undo", "undone"]
    entries = audit.entries(config.default_db_path())
    undo_entry = entries[entries["action"] == "upload_undo"]
    assert json.loads(undo_entry["detail"].iloc[0])["upload_id"] == upload_id


def history_ids():
    with store.connect(config.default_db_path(), read_only=True) as con:
        return [row[0] for row in con.execute("SELECT upload_id FROM uploads ORDER BY 1").fetchall()]


def has_rows() -> bool:
    with store.connect(config.default_db_path(), read_only=True) as con:
        return con.execute("SELECT count(*) FROM workforce").fetchone()[0] > 0


def test_a_rejected_file_is_read_once(demo_shown, monkeypatch):
    """The history row of a rejected file reuses the page's validation: a large file is not
    read a second time to record it."""
    from signals.ingest import loader

    checks = []
    real_check = loader._check
    monkeypatch.setattr(loader, "_check", lambda *a, **k: checks.append(a[1]) or real_check(*a, **k))
    app = open_page("upload", "en")
    app.file_uploader(key="upload_files").set_value(("bad.csv", BAD, "text/csv")).run()
    assert not app.exception, [e.value for e in app.exception]
    assert history(config.default_db_path()) == [("bad.csv", "rejected")]
    assert checks == ["workforce"], "validated once, for the page and the history"
    with store.connect(config.default_db_path(), read_only=True) as con:
        assert con.execute("SELECT error_count FROM uploads").fetchone()[0] == 2


def test_a_rejection_made_for_another_role_is_checked_again(tmp_path, monkeypatch):
    """The page's result is reused only when made for the actor's role, kind and file."""
    from signals.ingest import loader, rejections

    monkeypatch.setenv("SIGNALS_DB", str(tmp_path / "signals.duckdb"))
    page_result = loader.validate_bytes("workforce", "bad.csv", BAD)
    role = rejections.uploads.uploader_role(config.default_db_path(), "someone")
    assert rejections.reusable(page_result, role, role, "workforce", "bad.csv") is not None
    for other in (("other role", role, "workforce", "bad.csv"),
                  (role, role, "absences", "bad.csv"), (role, role, "workforce", "b.csv")):
        assert rejections.reusable(page_result, *other) is None
    valid = loader.validate_bytes("workforce", "staff.csv", workforce_csv())
    assert rejections.reusable(valid, role, role, "workforce", "staff.csv") is None
