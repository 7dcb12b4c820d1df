"""Access control in the app (AppTest): login, roles and pages, sessions, audit, reviews, local mode."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
import streamlit
from literal_tables import tables_in
from streamlit import config as streamlit_config
from streamlit.testing.v1 import AppTest

from signals import config
from signals.access import audit
from signals.access import control as access
from signals.cycle import reviews
from signals.texts.i18n import text
from ui.labels import plain
from ui.navigation import PAGES_BY_KEY

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")
PASSWORD = "correct horse battery staple"
ROLE_USERS = {role: f"{role}1" for role in access.ROLES}


pytestmark = pytest.mark.usefixtures("listen_on_localhost")

@pytest.fixture
def demo_shown(demo_database_file):
    shutil.copy(demo_database_file, config.demo_db_path())


@pytest.fixture
def users(demo_shown):
    db = config.default_db_path()
    for role, name in ROLE_USERS.items():
        access.add_user(db, name, role, PASSWORD)
    return db


@pytest.fixture
def listed_pages(monkeypatch):
    """The page titles each st.navigation call lists in the menu (hidden ones left out)."""
    calls = []
    original = streamlit.navigation

    def recording_navigation(pages, **options):
        listed = [] if options.get("position") == "hidden" else \
            [page.title for page in pages if page.visibility == "visible"]
        calls.append(listed)
        return original(pages, **options)

    monkeypatch.setattr(streamlit, "navigation", recording_navigation)
    return calls


def start(lang: str = "en") -> AppTest:
    app = AppTest.from_file(APP, default_timeout=90)
    app.query_params["lang"] = lang
    app.run()
    assert not app.exception, [error.value for error in app.exception]
    return app


def log_in(app: AppTest, username: str, password: str = PASSWORD) -> AppTest:
    app.text_input(key="login_username").input(username)
    app.text_input(key="login_password").input(password)
    app.get("form_submit_button")[0].click().run()
    assert not app.exception, [error.value for error in app.exception]
    return app


def open_as(role: str, key: str, lang: str = "en") -> AppTest:
    app = log_in(start(lang), ROLE_USERS[role])
    if key != access.pages_for(role)[0]:
        app.switch_page(PAGES_BY_KEY[key].file).run()
    assert not app.exception, [error.value for error in app.exception]
    return app


def titles(app: AppTest) -> list[str]:
    return [title.value for title in app.title]


def audit_actions(db) -> list[tuple[str, str]]:
    entries = audit.entries(db, limit=None)
    return list(zip(entries["actor"], entries["action"]))


def test_anonymous_session_sees_only_the_login_page(users, listed_pages):
    app = start()
    assert titles(app) == ["Log in"]
    assert not app.metric and not app.get("plotly_chart") and not app.get("file_uploader")
    assert listed_pages[-1] == [], "no menu before login"
    for spec in PAGES_BY_KEY.values():
        with pytest.raises(ValueError):
            app.switch_page(spec.file)       # no page file is registered before login


@pytest.mark.parametrize("role", access.ROLES)
def test_each_role_sees_exactly_its_pages(users, listed_pages, role):
    app = log_in(start(), ROLE_USERS[role])
    expected = [page for page, roles in access.PAGE_ROLES.items() if role in roles]
    assert expected == access.pages_for(role)
    assert listed_pages[-1] == [text(PAGES_BY_KEY[key].title_key, "en") for key in expected]
    for key, spec in PAGES_BY_KEY.items():
        if role in access.PAGE_ROLES[key]:
            app.switch_page(spec.file).run()
            assert not app.exception and titles(app) and titles(app) != ["Not allowed"], key
        else:
            with pytest.raises(ValueError):
                app.switch_page(spec.file)   # a forbidden page's file is not even registered
    assert any(f"Logged in as {ROLE_USERS[role]}" in caption.value for caption in app.sidebar.caption)


@pytest.mark.parametrize("key", list(PAGES_BY_KEY))
def test_every_page_file_checks_the_role_itself(users, key):
    """Run without dashboard.py, or with a role that may not see it: the page refuses."""
    page_file = str(Path(APP).parent / PAGES_BY_KEY[key].file)
    alone = AppTest.from_file(page_file, default_timeout=60)
    alone.query_params["lang"] = "en"
    alone.run()
    assert titles(alone) == ["Not allowed"] and "Please log in first." in alone.error[0].value
    forbidden_role = next((role for role in access.ROLES if role not in access.PAGE_ROLES[key]),
                          None)
    if forbidden_role is None:           # a page for every role ('How the signals work')
        return
    session = access.authenticate(config.default_db_path(), ROLE_USERS[forbidden_role], PASSWORD)
    refused = AppTest.from_file(page_file, default_timeout=60)
    refused.query_params["lang"] = "en"
    refused.session_state["access_token"] = session.token
    refused.run()
    assert titles(refused) == ["Not allowed"]
    assert "Your role does not give access" in refused.error[0].value
    assert not refused.get("file_uploader") and not refused.get("plotly_chart") and not refused.metric


def test_wrong_password_then_lock_out_with_the_time_it_unlocks(users):
    app = log_in(start(), "committee1", "not the password at all")
    assert app.error[0].value == "Wrong user name or password."
    assert titles(app) == ["Log in"]
    for _ in range(access.MAX_FAILURES - 1):
        log_in(app, "committee1", "not the password at all")
    assert "Too many failed attempts for this user name from this device. Try again after" \
        in app.error[0].value
    log_in(app, "committee1")            # even the right password is refused from here meanwhile
    assert "Too many failed attempts" in app.error[0].value and titles(app) == ["Log in"]
    actions = audit_actions(users)
    assert actions.count(("committee1", "login_failed")) == access.MAX_FAILURES + 1


def login_messages(name: str) -> list[str]:
    """The messages of a run of failed logins, the unlock time masked: the two runs compared
    below may straddle a minute boundary, and the time is not what could tell names apart."""
    app = start()
    messages = []
    for _ in range(access.MAX_FAILURES + 1):
        message = log_in(app, name, "not the password at all").error[0].value
        messages.append(re.sub(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", "<time>", message))
    return messages


def test_an_unknown_user_name_gets_the_same_messages_as_a_real_one(users):
    real, unknown = login_messages("admin1"), login_messages("nobody-here")
    assert real == unknown
    assert "Wrong user name or password." in real and "locked" not in " ".join(real).lower()


def test_a_blocked_client_does_not_lock_the_user_out_elsewhere(users):
    for _ in range(access.MAX_FAILURES):
        try:
            access.authenticate(users, "admin1", "guess guess guess", client="203.0.113.66")
        except access.LoginBlocked:
            pass
    app = log_in(start(), "admin1")      # the real admin, from another client
    assert not app.error and titles(app) != ["Log in"]


def test_login_and_logout_are_audited(users):
    app = log_in(start(), "hr1")
    assert titles(app) == ["Overview for the committee"]
    app.sidebar.button(key="logout").click().run()
    assert titles(app) == ["Log in"]
    assert any("You are logged out." in info.value for info in app.info)
    assert ("hr1", "login") in audit_actions(users) and ("hr1", "logout") in audit_actions(users)
    app.switch_page("pages/screens/login.py").run()
    assert titles(app) == ["Log in"], "the old token no longer opens anything"


def test_an_expired_session_goes_back_to_the_login_page(users):
    app = log_in(start(), "committee1")
    assert titles(app) == ["Overview for the committee"]
    with sqlite3.connect(access.access_db_path(users)) as con:
        old = access.to_stamp(access.utc() - access.SESSION_IDLE_TIMEOUT - access.SESSION_REFRESH_INTERVAL)
        con.execute("UPDATE sessions SET last_seen = ?", [old])
    app.run()
    assert titles(app) == ["Log in"]
    assert any("Your session has expired" in info.value for info in app.info)


def test_physician_review_is_saved_audited_and_shown(users):
    app = open_as("physician", "hotspots")
    department = app.selectbox(key="review_department").value
    app.radio(key="review_status").set_value("under_investigation")
    app.text_area(key="review_note").input("Team meeting planned with the prevention advisor.")
    app.get("form_submit_button")[0].click().run()
    assert not app.exception
    latest = reviews.latest_reviews(users)
    assert latest[["department", "status", "reviewer"]].values.tolist() == [
        [department, "under_investigation", "physician1"]]
    assert ("physician1", "review_added") in audit_actions(users)
    ranking = tables_in(element.proto.body for element in app.get("html"))[0]
    assert ranking.loc[ranking["Department"] == department, "Follow-up"].iloc[0].startswith(
        "Under investigation")
    notes = app.dataframe[-1].value
    assert notes["Note"].tolist() == ["Team meeting planned with the prevention advisor."]


def test_other_roles_see_the_status_but_not_the_note_and_cannot_review(users):
    committee = open_as("committee", "hotspots")
    department = tables_in(e.proto.body for e in committee.get("html"))[0]["Department"].iloc[0]
    reviews.add_review(users, "physician1", department, None, "2025-01", "action_planned",
                       "Workload talk with the team leads")
    committee.run()
    assert not committee.get("text_area") and not committee.get("form"), "no review form"
    ranking = tables_in(e.proto.body for e in committee.get("html"))[0]
    assert "Action planned" in ranking["Follow-up"].iloc[0]
    shown = committee.dataframe[-1].value
    assert "Note" not in shown.columns
    assert "Workload talk" not in str(shown.values.tolist())
    with pytest.raises(PermissionError):
        reviews.add_review(users, "committee1", department, None, "2025-01", "seen")


def test_upload_records_the_user_and_is_audited(users):
    app = open_as("hr", "upload")
    data = b"month;department;headcount\n2025-01;Noord;30\n2025-02;Noord;31\n"
    app.file_uploader(key="upload_files").set_value(("staff.csv", data, "text/csv")).run()
    app.checkbox(key="upload_demo_confirm").check().run()     # the first own file replaces the demo
    [button for button in app.button if button.key.startswith("store_")][0].click().run()
    assert any("Stored: 2 rows" in message.value for message in app.success)
    assert app.dataframe[-1].value["By"].tolist() == ["hr1"], "uploaded_by in the history"
    entry = audit.entries(users, limit=1).iloc[0]
    assert (entry["actor"], entry["action"]) == ("hr1", "upload")
    assert '"file_name": "staff.csv"' in entry["detail"] and '"rows_new": 2' in entry["detail"]


def test_settings_changes_are_audited(users):
    data_page = open_as("admin", "data")
    data_page.number_input(key="min_group_size_input").set_value(12)
    data_page.get("form_submit_button")[0].click().run()
    data_page.selectbox(key="default_language_input").set_value("fr").run()
    assert not data_page.exception
    audit_page = open_as("admin", "audit")
    assert any("Chain intact" in message.value for message in audit_page.success)
    audit_page.number_input(key="retention_days_input").set_value(1000)
    audit_page.get("form_submit_button")[0].click().run()
    assert audit.retention_days(users) == 1000
    changed = audit.entries(users, limit=None)
    changed = changed[changed["action"] == "setting_changed"]["detail"].tolist()
    assert any('"setting": "min_group_size"' in d and '"new": 12' in d for d in changed)
    assert any('"setting": "default_language"' in d and '"new": "fr"' in d for d in changed)
    assert any('"setting": "audit_retention_days"' in d and '"new": 1000' in d for d in changed)
    assert "setting_changed" in audit_page.dataframe[0].value["Action"].tolist()


def test_hr_sees_the_settings_read_only(users):
    app = open_as("hr", "data")
    assert not app.get("form_submit_button") and not app.number_input
    assert any("Only an administrator" in caption.value for caption in app.caption)


def test_audit_page_reports_a_broken_chain(users):
    audit.record(users, "admin1", "export", {"rows": 1})
    with sqlite3.connect(access.access_db_path(users)) as con:
        con.execute("DROP TRIGGER audit_entries_no_update")
        con.execute("UPDATE audit_log SET actor = 'someone' WHERE action = 'export'")
    app = open_as("admin", "audit")
    assert any("Chain broken from entry" in error.value for error in app.error)


def test_audit_page_reports_newest_entries_removed_behind_its_back(users):
    # The scenario: retention 0, delete the newest entries, retention back.
    for number in range(3):
        audit.record(users, "admin1", "export", {"rows": number})
    with sqlite3.connect(access.access_db_path(users)) as con:
        con.execute("UPDATE settings SET value = '0' WHERE key = 'audit_retention_days'")
        con.execute("DELETE FROM audit_log WHERE action = 'export'")
        con.execute("UPDATE settings SET value = '730' WHERE key = 'audit_retention_days'")
    assert audit.check_chain(users).problem == "newest_missing"
    app = open_as("admin", "audit")          # the admin's login is chained after the hole
    assert not any("Chain intact" in message.value for message in app.success)
    assert any(error.value.startswith("Chain broken: entries before entry") for error in app.error)


@pytest.mark.parametrize("lang, notice", [
    ("nl", "Toegangscontrole staat uit"), ("fr", "Le contrôle d'accès est désactivé"),
    ("en", "Access control is off (local use only"),
])
@pytest.mark.parametrize("key", ["overview", "audit"])
def test_without_users_every_page_says_access_control_is_off(demo_shown, lang, notice, key):
    app = start(lang)
    if key != "overview":
        app.switch_page(PAGES_BY_KEY[key].file).run()
    assert any(notice in element.proto.body for element in app.get("html"))
    assert app.title and not app.sidebar.get("button"), "no logout without users"


def test_without_users_the_app_refuses_to_listen_on_every_interface(demo_shown):
    streamlit_config.set_option("server.address", "0.0.0.0")
    app = start()
    assert "configure users with python -m signals users add" in app.error[0].value
    assert not app.title and not app.metric
    access.add_user(config.default_db_path(), "admin1", "admin", PASSWORD)
    assert titles(start()) == ["Log in"], "with users the address is allowed"


def test_too_large_upload_gets_a_clear_message(users, monkeypatch):
    monkeypatch.setenv("SIGNALS_MAX_UPLOAD_MB", "0")      # the limit the command line uses too
    app = open_as("hr", "upload")
    app.file_uploader(key="upload_files").set_value(("big.csv", b"month;department\n", "text/csv")).run()
    assert any(f"{plain('big.csv')} is too large" in error.value for error in app.error)
    assert not [button for button in app.button if (button.key or "").startswith("store_")]


def test_busy_database_on_upload_shows_try_again(users, monkeypatch):
    import signals.ingest.loader
    from signals.store import DatabaseBusy

    def busy(*args, **options):
        raise DatabaseBusy("held by another ingest")

    monkeypatch.setattr(signals.ingest.loader, "ingest_bytes", busy)
    app = open_as("hr", "upload")
    data = b"month;department;headcount\n2025-01;Noord;30\n"
    app.file_uploader(key="upload_files").set_value(("staff.csv", data, "text/csv")).run()
    app.checkbox(key="upload_demo_confirm").check().run()
    [button for button in app.button if button.key.startswith("store_")][0].click().run()
    assert not app.exception
    assert any("busy with another import. Please try again in a minute." in e.value for e in app.error)


def local_hotspots(lang: str = "en") -> AppTest:
    app = start(lang)
    app.switch_page(PAGES_BY_KEY["hotspots"].file).run()
    assert not app.exception, [error.value for error in app.exception]
    return app


def submit_review(app: AppTest, indicator, status: str, note: str = "") -> AppTest:
    app.selectbox(key="review_indicator").set_value(indicator or "whole_department")
    app.radio(key="review_status").set_value(status)
    app.text_area(key="review_note").input(note)
    app.get("form_submit_button")[0].click().run()
    assert not app.exception, [error.value for error in app.exception]
    return app


def test_whole_department_then_indicator_review_does_not_crash(demo_shown):
    """issue 12: 'Whole department / Seen' then 'Absence rate / Under investigation' gave
    KeyError: nan and took the funnel (the rest of the page) with it."""
    app = local_hotspots()
    assert app.selectbox(key="review_indicator").options[:2] == ["Whole department", "Absence rate"]
    submit_review(app, None, "seen")
    submit_review(app, "absence_rate", "under_investigation")
    shown = app.dataframe[-1].value
    assert {"Whole department", "Absence rate"} <= set(shown["Indicator"])
    assert set(reviews.latest_reviews(config.default_db_path())["indicator"]) == {None, "absence_rate"}
    assert app.get("plotly_chart")[-1].proto is not None
    assert app.selectbox(key="hotspots_funnel_indicator").value


def test_a_note_with_an_id_is_refused_and_a_diagnosis_asks_to_confirm(demo_shown):
    app = local_hotspots()
    submit_review(app, None, "seen", "Mme Janssens (P10136) en burn-out, dépression.")
    assert any("an employee number" in error.value for error in app.error)
    assert reviews.review_history(config.default_db_path()).empty
    assert app.text_area(key="review_note").value.startswith("Mme Janssens"), "kept to rewrite"
    submit_review(app, None, "seen", "Team with burn-out complaints: workload review")
    assert reviews.review_history(config.default_db_path()).empty, "held back until confirmed"
    assert any("'burn-out'" in warning.value for warning in app.warning)
    assert app.text_area(key="review_note").value.startswith("Team with burn-out")
    app.button(key="review_save_anyway").click().run()
    assert not app.exception
    assert list(reviews.review_history(config.default_db_path())["note"]) == [
        "Team with burn-out complaints: workload review"]
    assert app.text_area(key="review_note").value == "", "cleared once saved"


def test_a_note_with_an_id_stored_in_the_data_is_refused_and_numbers_pass(
        demo_shown, demo_database_file, monkeypatch):
    """The audit: 'JDOE7' (stored) passed and 'Team van 45, 12500 uren' was refused."""
    from signals import store
    from signals.ingest.pseudonym import load_key, pseudonymise

    monkeypatch.setenv("SIGNALS_KEY_FILE", str(demo_database_file.parent / "demo.key"))
    with store.connect(config.demo_db_path()) as con:     # the copy: an id in a history table
        con.execute("INSERT INTO absences_history SELECT ?, department, start_date, end_date, "
                    "absence_type, upload_id, upload_id FROM absences LIMIT 1",
                    [pseudonymise("JDOE7", load_key())])
    app = local_hotspots("nl")
    submit_review(app, None, "seen", "Gesprek met JDOE7 over de werkdruk")
    assert any("een personeelsnummer" in error.value for error in app.error), \
        [error.value for error in app.error]
    assert reviews.review_history(config.default_db_path()).empty
    submit_review(app, None, "seen", "Team van 45, 12500 uren; verlichting volgens EN 12464")
    assert list(reviews.review_history(config.default_db_path())["note"]) == [
        "Team van 45, 12500 uren; verlichting volgens EN 12464"]
    note_key = [area.key for area in app.text_area if area.key.startswith("review_edit_note_")][0]
    app.text_area(key=note_key).input("jdoe7 gesproken").run()
    app.button(key="review_edit_save").click().run()
    assert any("een personeelsnummer" in error.value for error in app.error)
    assert list(reviews.latest_reviews(config.default_db_path())["note"]) == [
        "Team van 45, 12500 uren; verlichting volgens EN 12464"]


def test_a_review_is_edited_closed_and_deleted_on_the_page(demo_shown):
    app = local_hotspots()
    submit_review(app, None, "seen", "Team talk planned")
    app.radio(key=[r.key for r in app.radio if r.key.startswith("review_edit_status_")][0]) \
        .set_value("action_planned")
    app.button(key="review_edit_save").click().run()
    assert list(reviews.latest_reviews(config.default_db_path())["status"]) == ["action_planned"]
    app.button(key="review_edit_close").click().run()
    assert list(reviews.latest_reviews(config.default_db_path())["status"]) == ["closed"]
    app.button(key="review_edit_delete").click().run()
    assert not app.exception
    assert reviews.latest_reviews(config.default_db_path()).empty
    assert any("Follow-up deleted" in message.value for message in app.success)


def test_a_later_months_review_is_not_shown_in_an_earlier_ranking(demo_shown):
    app = local_hotspots()
    latest_month = app.selectbox(key="hotspots_month").value
    department = app.selectbox(key="review_department").value
    submit_review(app, None, "action_planned")
    assert ranking_reviews(app)[department].startswith("Action planned ("), "shown in its month"
    earlier = app.selectbox(key="hotspots_month").options[2]
    app.selectbox(key="hotspots_month").set_value(earlier).run()
    assert not app.exception
    shown = ranking_reviews(app)
    assert department in shown, "the department is ranked in the earlier month too"
    assert "Action planned" not in " ".join(shown.values()), (latest_month, earlier, department)
    assert shown[department] == text("review.none", "en")


def ranking_reviews(app: AppTest) -> dict[str, str]:
    """The ranking's review column per department."""
    ranking = next(table for table in tables_in(e.proto.body for e in app.get("html"))
                   if "Follow-up" in table.columns)
    return dict(zip(ranking["Department"], ranking["Follow-up"]))


def test_a_follow_up_date_set_in_the_form_is_in_the_review_table(demo_shown):
    import datetime as dt

    app = local_hotspots()
    department = app.selectbox(key="review_department").value
    day = dt.date.today() + dt.timedelta(days=30)
    app.date_input(key="review_follow_up").set_value(day)
    submit_review(app, None, "under_investigation", "Talk with the team leader")
    assert list(reviews.latest_reviews(config.default_db_path())["follow_up"]) == [day.isoformat()]
    table = app.dataframe[-1].value
    [row] = table.to_dict("records")
    assert row["Department"] == department and row["Status"] == "Under investigation"
    assert row["Follow up on"] == f"{day.day} {day:%B} {day.year}", "the date in words"


def test_an_edited_note_with_a_diagnosis_word_asks_to_confirm(demo_shown):
    app = local_hotspots()
    submit_review(app, None, "seen", "Team talk planned")
    note_key = [area.key for area in app.text_area if area.key.startswith("review_edit_note_")][0]
    app.text_area(key=note_key).input("Several burn-out complaints in the team")
    app.button(key="review_edit_save").click().run()
    assert list(reviews.latest_reviews(config.default_db_path())["note"]) == ["Team talk planned"]
    assert any("'burn-out'" in warning.value for warning in app.warning)
    app.button(key="review_edit_save_anyway").click().run()
    assert not app.exception
    assert list(reviews.latest_reviews(config.default_db_path())["note"]) == [
        "Several burn-out complaints in the team"]
