"""Each role uploads only its own kinds, and observations only with its own source: the mapping
(signals.access.uploads) and the server's refusals (signals.ingest.by_role), called directly."""

from __future__ import annotations

import json

import pytest

from signals import store
from signals.access import audit, uploads
from signals.access import control as access
from signals.cycle import actions, common, reviews
from signals.definitions import KINDS, OBSERVATION_SOURCES
from signals.free_text import TextRefused
from signals.ingest import by_role
from signals.ingest.loader import ingest_bytes, ingest_path

PASSWORD = "correct horse battery"
USERS = {"hr.lead": "hr", "dr.wouters": "physician", "pa.peeters": "psychosocial_adviser",
         "comite": "committee", "root": "admin"}
OBSERVATIONS = "month,department,measure,count,base,source\n"
SURVEY = ("date;department;domain;respondents;score\n"
          "2025-10-15;Alpha;work_organisation;31;58,5\n2025-10-15;Beta;exhaustion;14;47\n")
INCIDENTS = "incident_id,date,department,category\nINC-1,2025-03-04,Alpha,aggression\n"
WORKFORCE = "month,department,headcount\n2025-03,Alpha,40\n"


@pytest.fixture
def users(db_path, fast_hashing):
    for name, role in USERS.items():
        access.add_user(db_path, name, role, PASSWORD)
    return db_path


def stored_rows(db_path, table: str) -> int:
    if not db_path.exists():
        return 0
    with store.connect(db_path, read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def refusals(db_path) -> list[dict]:
    log = audit.entries(db_path)
    return [json.loads(detail) for detail in log[log["action"] == "upload_refused"]["detail"]]


# --- the mapping ---------------------------------------------------------------------------

def test_each_role_uploads_its_own_kinds():
    assert uploads.kinds_for("hr") == ("workforce", "absences", "turnover", "incidents",
                                       "reintegration", "observations")
    assert uploads.kinds_for("physician") == ("observations",)
    assert uploads.kinds_for("psychosocial_adviser") == ("incidents", "observations", "survey")
    assert uploads.kinds_for("committee") == ("observations",)
    assert uploads.kinds_for("admin") == () and uploads.kinds_for(None) == ()
    assert uploads.kinds_for(uploads.LOCAL_ROLE) == tuple(KINDS)


def test_every_kind_has_an_uploader_and_every_source_its_role():
    offered = {kind for kinds in uploads.UPLOAD_KINDS.values() for kind in kinds}
    assert offered == set(KINDS)
    assert set(uploads.OBSERVATION_SOURCES.values()) == set(OBSERVATION_SOURCES)
    assert set(uploads.UPLOAD_ROLES) <= set(access.ROLES)
    assert access.PAGE_ROLES["upload"] == set(uploads.UPLOAD_ROLES)
    assert uploads.observation_source("physician") == "occupational_physician"


def test_the_adviser_role_sees_the_collective_views_reviews_and_reads_actions():
    role = "psychosocial_adviser"
    assert role in access.ROLES and role in access.COLLECTIVE_VIEW_ROLES
    assert access.pages_for(role) == ["overview", "trends", "hotspots", "prediagnosis", "survey",
                                      "reintegration", "upload", "actions", "method"]
    assert access.can_review(role) and not access.can_change_settings(role)
    assert role in common.READ_ROLES and role in common.ADVICE_READ_ROLES
    assert role not in common.WRITE_ROLES


def test_undo_is_for_the_role_that_uploaded():
    assert uploads.may_undo("hr", "incidents", "hr")
    assert not uploads.may_undo("hr", "incidents", "psychosocial_adviser")
    assert not uploads.may_undo("physician", "observations", "committee")
    assert not uploads.may_undo("physician", "workforce", "physician")
    assert uploads.may_undo(uploads.LOCAL_ROLE, "workforce", None)


# --- the server's refusals ------------------------------------------------------------------

def test_a_kind_of_another_role_is_refused_before_anything_lands_and_audited(users):
    result = by_role.upload_bytes(users, "pa.peeters", "workforce", "staff.csv", WORKFORCE.encode())
    assert not result.accepted and result.error_count == 1
    error = result.errors[0]
    assert (error.file, error.line, error.value) == ("staff.csv", 0, "workforce")
    assert error.expected == ("Your role does not upload this kind of file: Workforce (workforce). "
                              "It uploads: incidents, observations, survey.")
    assert error.expected_text("nl") != error.expected, "translated for the Upload page"
    assert stored_rows(users, "uploads") == 0, "not even a history row"
    assert refusals(users) == [{"kind": "workforce", "role": "psychosocial_adviser",
                                "reason": "kind", "rows": 0, "file_name": "staff.csv",
                                "upload_id": None}]


def test_the_admin_and_an_unknown_user_upload_nothing(users):
    for actor in ("root", "someone-else"):
        result = by_role.upload_bytes(users, actor, "incidents", "inc.csv", INCIDENTS.encode())
        assert not result.accepted
        assert result.errors[0].expected == "Your user may not upload files."
    assert stored_rows(users, "incidents") == 0


def test_an_observation_with_another_source_is_refused_with_line_column_and_value(users):
    rows = ("2025-03,Alpha,psychological_complaints,2,,psychosocial_adviser\n"
            "2025-03,Beta,back_complaints,3,,occupational_physician\n"
            "2025-03,Gamma,complaints,1,,hr\n")
    result = by_role.upload_bytes(users, "pa.peeters", "observations", "obs.csv",
                                  (OBSERVATIONS + rows).encode())
    assert not result.accepted and result.error_count == 2
    assert [(e.file, e.line, e.column, e.value) for e in result.errors] == [
        ("obs.csv", 3, "source", "occupational_physician"), ("obs.csv", 4, "source", "hr")]
    assert result.errors[0].expected.startswith("source psychosocial_adviser: your role uploads "
                                                "only its own observations")
    assert stored_rows(users, "observations") == 0
    assert [(r["reason"], r["rows"]) for r in refusals(users)] == [("source", 2)]


def test_a_dutch_header_and_code_are_named_as_written(users):
    content = "maand;afdeling;maatstaf;aantal;basis;bron\n2025-03;Alpha;klachten;1;;personeelsdienst\n"
    result = by_role.upload_bytes(users, "dr.wouters", "observations", "obs.csv", content.encode())
    assert not result.accepted
    error = result.errors[0]
    assert (error.line, error.column, error.value) == (2, "bron (source)", "personeelsdienst")


def test_no_role_replaces_the_observation_another_source_gave(users):
    row = "2025-03,Alpha,psychological_complaints,2,,occupational_physician\n"
    stored = by_role.upload_bytes(users, "dr.wouters", "observations", "dr.csv",
                                  (OBSERVATIONS + row).encode())
    assert stored.accepted
    mine = "2025-03,Alpha,psychological_complaints,5,,psychosocial_adviser\n"
    result = by_role.upload_bytes(users, "pa.peeters", "observations", "pa.csv",
                                  (OBSERVATIONS + mine).encode())
    assert not result.accepted
    assert (result.errors[0].line, result.errors[0].value) == (2, "psychosocial_adviser")
    assert "the stored row is occupational_physician's" in result.errors[0].expected
    with store.connect(users, read_only=True) as con:
        assert con.execute("SELECT count, source FROM observations").fetchall() == [
            (2, "occupational_physician")]
    again = by_role.upload_bytes(users, "dr.wouters", "observations", "dr2.csv",
                                 (OBSERVATIONS + row.replace(",2,", ",3,")).encode())
    assert again.accepted and again.rows_replaced == 1, "the source itself corrects its row"


def test_the_adviser_stores_its_own_kinds_and_each_upload_is_audited(users):
    for kind, content in (("survey", SURVEY), ("incidents", INCIDENTS), (
            "observations", OBSERVATIONS + "2025-03,Alpha,complaints,1,,psychosocial_adviser\n")):
        result = by_role.upload_bytes(users, "pa.peeters", kind, f"{kind}.csv", content.encode())
        assert result.accepted, result.error_report()
    assert stored_rows(users, "survey") == 2 and stored_rows(users, "incidents") == 1
    log = audit.entries(users)
    uploaded = log[(log["action"] == "upload") & (log["actor"] == "pa.peeters")]
    assert sorted(json.loads(d)["kind"] for d in uploaded["detail"]) == [
        "incidents", "observations", "survey"]


def test_the_preview_applies_the_same_rules():
    refused = by_role.validate_for("physician", "survey", "s.csv", SURVEY.encode())
    assert not refused.accepted and refused.errors[0].value == "survey"
    content = (OBSERVATIONS + "2025-03,Alpha,complaints,1,,committee\n").encode()
    assert not by_role.validate_for("physician", "observations", "o.csv", content).accepted
    assert by_role.validate_for("committee", "observations", "o.csv", content).accepted


def test_without_users_the_local_operator_uploads_everything(db_path):
    content = (OBSERVATIONS + "2025-03,Alpha,complaints,1,,committee\n").encode()
    assert by_role.upload_bytes(db_path, "local", "observations", "o.csv", content).accepted
    assert by_role.upload_bytes(db_path, "local", "workforce", "w.csv", WORKFORCE.encode()).accepted


def test_the_command_line_ingest_keeps_every_kind_and_source(users, tmp_path):
    path = tmp_path / "obs.csv"
    path.write_text(OBSERVATIONS + "2025-03,Alpha,complaints,1,,committee\n"
                    "2025-03,Beta,complaints,1,,hr\n", encoding="utf-8")
    assert ingest_path(users, "observations", path).accepted
    assert ingest_bytes(users, "workforce", "w.csv", WORKFORCE.encode()).accepted


def test_undo_of_another_roles_upload_is_refused_and_audited(users):
    incidents = by_role.upload_bytes(users, "pa.peeters", "incidents", "inc.csv", INCIDENTS.encode())
    with pytest.raises(by_role.UploadRefused, match="made by another role"):
        by_role.undo_upload(users, "hr.lead", incidents.upload_id)
    assert stored_rows(users, "incidents") == 1
    assert refusals(users)[-1]["reason"] == "undo"
    undone = by_role.undo_upload(users, "pa.peeters", incidents.upload_id)
    assert undone.removed == 1 and stored_rows(users, "incidents") == 0
    assert "upload_undo" in set(audit.entries(users)["action"])


# --- notes and actions -----------------------------------------------------------------------

def test_the_adviser_writes_notes_with_the_same_refusals_and_its_role_shows(users):
    review_id = reviews.add_review(users, "pa.peeters", "Alpha", None, "2025-03", "seen",
                                   "Several informal requests about workload this quarter.")
    with pytest.raises(TextRefused):
        reviews.add_review(users, "pa.peeters", "Alpha", None, "2025-03", "seen",
                           "Talked to jan.peeters@example.org")
    with pytest.raises(PermissionError):
        reviews.add_review(users, "comite", "Alpha", None, "2025-03", "seen", "")
    reviews.add_review(users, "dr.wouters", "Beta", None, "2025-03", "seen", "")
    latest = reviews.latest_reviews(users).set_index("review_id")
    assert latest.loc[review_id, "reviewer_role"] == "psychosocial_adviser"
    assert reviews.review_history(users)["reviewer_role"].tolist() == [
        "physician", "psychosocial_adviser"]


def test_the_adviser_reads_actions_but_does_not_write_them(users):
    action = actions.create_action(users, "comite", "Workload talks", ["Alpha"],
                                   ["absence_rate"], "primary", "2025-04-01")
    assert action in actions.list_actions(users, "pa.peeters")["action_id"].tolist()
    with pytest.raises(PermissionError):
        actions.create_action(users, "pa.peeters", "Other", ["Alpha"], ["absence_rate"],
                              "primary", "2025-04-01")


def test_a_store_of_the_previous_version_takes_the_new_role_and_keeps_its_sessions(
        db_path, fast_hashing):
    import sqlite3

    path = access.access_db_path(db_path)
    with sqlite3.connect(path) as con:
        for migration in access.MIGRATIONS[:-1]:
            for statement in migration:
                con.execute(statement)
        con.execute(f"PRAGMA user_version = {access.SCHEMA_VERSION - 1}")
    con.close()
    access.add_user(db_path, "comite", "committee", PASSWORD)      # migrates first
    session = access.authenticate(db_path, "comite", PASSWORD)
    with sqlite3.connect(path) as con:
        con.execute(f"PRAGMA user_version = {access.SCHEMA_VERSION - 1}")   # migrate once more
    con.close()
    access.add_user(db_path, "pa.peeters", "psychosocial_adviser", PASSWORD)
    assert access.session_user(db_path, session.token).username == "comite", "session kept"
    assert access.get_user(db_path, "pa.peeters").role == "psychosocial_adviser"


def test_the_users_command_adds_an_adviser(db_path):
    from test_users_cli import users as users_command

    added = users_command(db_path, "add", "pa.peeters", "--role", "psychosocial_adviser",
                          stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    assert access.get_user(db_path, "pa.peeters").role == "psychosocial_adviser"
    missing = users_command(db_path, "add", "other")
    assert "psychosocial_adviser" in missing.stderr, "the roles are listed"
