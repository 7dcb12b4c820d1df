"""The Upload and Data pages (AppTest): key problems, the column limit, the key file's
permissions (issue 11, 3 and 4)."""

from __future__ import annotations

import pytest
from test_app_access import ROLE_USERS, demo_shown, open_as, users  # noqa: F401 (fixtures)

from signals import config, store
from signals.access import audit
from signals.ingest import pseudonym
from signals.ingest.loader import ingest_bytes
from ui.labels import plain

pytestmark = pytest.mark.usefixtures("listen_on_localhost")

ABSENCES = b"employee_id;department;start_date;end_date;absence_type\nE1;Zorg;2024-01-02;;illness\n"


def store_button(app):
    return [button for button in app.button if (button.key or "").startswith("store_")]


def test_storing_with_a_malformed_key_says_so_plainly_and_is_in_the_history(users, monkeypatch):
    monkeypatch.setenv("SIGNALS_PSEUDONYM_KEY", "some-text")
    app = open_as("hr", "upload")
    app.file_uploader(key="upload_files").set_value(("abs.csv", ABSENCES, "text/csv")).run()
    app.checkbox(key="upload_demo_confirm").check().run()     # the first own file replaces the demo
    store_button(app)[0].click().run()
    assert not app.exception, [error.value for error in app.exception]
    errors = [error.value for error in app.error]
    assert any(plain("SIGNALS_PSEUDONYM_KEY is not a usable key") in error for error in errors), errors
    assert not [error for error in errors if "/" in error or "Traceback" in error], errors
    with store.connect(config.default_db_path(), read_only=True) as con:
        assert con.execute("SELECT file_name, status FROM uploads").fetchall() == [
            ("abs.csv", "rejected")]
    logged = audit.entries(config.default_db_path())
    uploads = logged[logged["action"] == "upload"]
    assert len(uploads) == 1 and '"accepted": false' in uploads["detail"].iloc[0]


def test_a_file_with_40000_columns_is_refused_before_preview_and_validation(users):
    header = ";".join(["employee_id", "department", "start_date"] + [f"x{i}" for i in range(39_997)])
    data = (header + "\nE1;Zorg;2024-01-02" + ";" * 39_997 + "\n").encode()
    app = open_as("hr", "upload")
    app.file_uploader(key="upload_files").set_value(("wide.csv", data, "text/csv")).run(timeout=20)
    assert not app.exception
    assert any(plain("The header has 40000 columns, more than the limit of 200") in error.value
               for error in app.error)
    assert not store_button(app) and not app.selectbox


def test_the_admin_sees_a_key_file_others_can_read(users):
    pseudonym.load_key()
    config.key_file_path().chmod(0o640)
    app = open_as("admin", "data")
    assert any("readable by other users (permissions 640)" in warning.value
               for warning in app.warning)
    config.key_file_path().chmod(0o600)
    app = open_as("admin", "data")
    assert not any("readable by other users" in warning.value for warning in app.warning)


def test_storing_with_another_valid_key_is_refused_plainly_and_recorded(users, monkeypatch):
    db = config.default_db_path()
    monkeypatch.setenv("SIGNALS_PSEUDONYM_KEY", "ab" * 32)
    workforce = b"month;department;headcount;fte;hours_worked\n2024-01;Zorg;10;9;1400\n"
    assert ingest_bytes(db, "workforce", "first.csv", workforce).accepted   # binds the key
    monkeypatch.setenv("SIGNALS_PSEUDONYM_KEY", "cd" * 32)     # valid, but not the database's
    app = open_as("hr", "upload")
    app.file_uploader(key="upload_files").set_value(("later.csv", ABSENCES, "text/csv")).run()
    store_button(app)[0].click().run()
    assert not app.exception, [error.value for error in app.exception]
    errors = [error.value for error in app.error]
    assert any(plain("This database was filled with another pseudonymisation key") in error
               for error in errors), errors
    assert not [error for error in errors
                if "/" in error or "Traceback" in error or "KeyMismatch" in error], errors
    history = app.dataframe[-1].value                    # the page's upload history
    assert ("later.csv", "rejected") in set(zip(history["File"], history["Result"])), history
    with store.connect(db, read_only=True) as con:
        assert con.execute("SELECT file_name, status FROM uploads ORDER BY upload_id").fetchall() == [
            ("first.csv", "accepted"), ("later.csv", "rejected")]
        assert con.execute("SELECT count(*) FROM absences").fetchone()[0] == 0
    logged = audit.entries(db)
    uploads = logged[logged["action"] == "upload"]
    assert len(uploads) == 1 and '"accepted": false' in uploads["detail"].iloc[0]
    assert "later.csv" in uploads["detail"].iloc[0]


def test_a_data_row_of_80000_fields_is_refused_on_the_upload_page(users):
    data = (b"employee_id;department;start_date;end_date;absence_type\nE0;Zorg;2024-01-02;;illness\n"
            + b"E1;Zorg;2024-01-03;;illness" + b";x" * 79_995 + b"\n")
    app = open_as("hr", "upload")
    app.file_uploader(key="upload_files").set_value(("wide.csv", data, "text/csv")).run(timeout=20)
    assert not app.exception, [error.value for error in app.exception]
    shown = " ".join(str(frame.value.to_dict()) for frame in app.dataframe) + " ".join(
        error.value for error in app.error)
    assert "Line 3 has 80000 fields, more than the limit of 200" in shown, shown
