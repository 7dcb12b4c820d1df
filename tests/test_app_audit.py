"""The Audit log page (AppTest): a lost or replaced chain head never reads "Chain intact"."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from signals import config
from signals.access import audit
from signals.access import control as access
from signals.texts.i18n import text
from ui.navigation import PAGES_BY_KEY

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")
PASSWORD = "correct horse battery staple"

pytestmark = pytest.mark.usefixtures("listen_on_localhost")


@pytest.fixture
def admin_db(demo_database_file):
    shutil.copy(demo_database_file, config.demo_db_path())
    db = config.default_db_path()
    access.add_user(db, "admin1", "admin", PASSWORD)
    return db


def audit_page(lang: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=90)
    app.query_params["lang"] = lang
    app.run()
    app.text_input(key="login_username").input("admin1")
    app.text_input(key="login_password").input(PASSWORD)
    app.get("form_submit_button")[0].click().run()
    if access.pages_for("admin")[0] != "audit":
        app.switch_page(PAGES_BY_KEY["audit"].file).run()
    assert not app.exception, [error.value for error in app.exception]
    return app


def remove_head_and_newest(db) -> None:
    """Remove the newest entries and the head file: the next entry restarts the head."""
    with access.open_store(db) as con:
        head_file = audit.head_path(con)
    with sqlite3.connect(access.access_db_path(db)) as con:
        con.execute("DROP TRIGGER audit_entries_keep_retention")
        con.execute("DELETE FROM audit_log WHERE action = 'export'")
    head_file.unlink()


@pytest.mark.parametrize("lang", ["nl", "fr", "en", "de"])
def test_a_restarted_head_is_reported_not_intact(admin_db, lang):
    for number in range(3):
        audit.record(admin_db, "admin1", "export", {"rows": number})
    remove_head_and_newest(admin_db)
    app = audit_page(lang)                   # the login restarts the head
    restart = audit.check_chain(admin_db).entry
    assert audit.check_chain(admin_db).problem == "head_restored"
    chain_ok = text("audit.chain_ok", lang, n=0).split(":")[0]
    assert not any(chain_ok in message.value for message in app.success)
    assert [error.value for error in app.error] == [text("audit.head_restored", lang, entry=restart)]
    assert str(restart) in app.error[0].value
