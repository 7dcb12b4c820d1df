import datetime as dt
import json

import pytest

from signals.access import audit
from signals.access import control as access
from signals.cycle import actions, events
from signals.free_text import TextRefused

T0 = dt.datetime(2025, 4, 1, 8, 0, tzinfo=dt.UTC)

pytestmark = pytest.mark.usefixtures("fast_hashing")


def new_action(db_path, actor="comite", **changes):
    fields = dict(title="Workload talks in the ward", departments=["Geriatrie"],
                  indicators=["absence_rate"], level="primary", start_date="2025-03-10")
    fields |= changes
    return actions.create_action(db_path, actor, fields.pop("title"), fields.pop("departments"),
                                 fields.pop("indicators"), fields.pop("level"),
                                 fields.pop("start_date"), **fields)


def test_action_is_stored_with_defaults_and_read_back(db_path, cycle_users):
    action_id = new_action(db_path, departments=["Logistiek", "Geriatrie", "Geriatrie"],
                           indicators=["turnover_rate", "absence_rate"], now=T0)
    row = actions.get_action(db_path, "hr.lead", action_id)
    assert row["departments"] == ["Geriatrie", "Logistiek"]
    assert row["indicators"] == ["absence_rate", "turnover_rate"]      # contract order
    assert row["start_date"] == dt.date(2025, 3, 10)
    assert row["evaluation_date"] == dt.date(2026, 3, 10)             # 12 months later
    assert row["status"] == "planned"
    assert row["created_by"] == "comite" and row["created_at"] == T0


def test_evaluation_default_keeps_the_month_end_and_explicit_dates_are_checked(db_path, cycle_users):
    action_id = new_action(db_path, start_date="2024-02-29")
    assert actions.get_action(db_path, "comite", action_id)["evaluation_date"] == dt.date(2025, 2, 28)
    with pytest.raises(ValueError, match="after the start"):
        new_action(db_path, evaluation_date="2025-03-01")
    with pytest.raises(ValueError, match="start date"):
        new_action(db_path, start_date="10/03/2025")


def test_all_targets_the_organisation_alone(db_path, cycle_users):
    action_id = new_action(db_path, departments=["Geriatrie", "ALL"])
    assert actions.get_action(db_path, "comite", action_id)["departments"] == ["ALL"]
    assert list(actions.list_actions(db_path, "comite", department="Logistiek")["action_id"]) == [action_id]


@pytest.mark.parametrize("field, value", [("level", "quaternary"), ("indicators", ["mood"]),
                                          ("indicators", []), ("departments", []),
                                          ("title", "  "), ("title", "x" * 121),
                                          ("status", "evaluated")])
def test_bad_fields_are_refused(db_path, cycle_users, field, value):
    with pytest.raises(ValueError):
        new_action(db_path, **{field: value})
    assert actions.list_actions(db_path, "comite").empty


@pytest.mark.parametrize("title", ["Talk with P10136 about workload", "Coach jan.peeters@zorg.be",
                                   "Follow 85.07.30-033.28 back", "Case 3f2a9c1e7b"])
def test_titles_and_reasons_naming_a_person_are_refused(db_path, cycle_users, title):
    with pytest.raises(TextRefused):
        new_action(db_path, title=title)
    action_id = new_action(db_path)
    with pytest.raises(TextRefused):
        actions.change_status(db_path, "comite", action_id, "running", reason=title)
    assert actions.get_action(db_path, "comite", action_id)["status"] == "planned"


def test_status_changes_follow_the_transitions_and_are_kept(db_path, cycle_users):
    action_id = new_action(db_path, now=T0)
    actions.change_status(db_path, "dr.wouters", action_id, "running", "started on the ward",
                          now=T0 + dt.timedelta(days=1))
    with pytest.raises(ValueError, match="running cannot become closed"):
        actions.change_status(db_path, "comite", action_id, "closed")
    actions.change_status(db_path, "root", action_id, "evaluated", now=T0 + dt.timedelta(days=2))
    actions.change_status(db_path, "comite", action_id, "adjusted", "smaller groups",
                          now=T0 + dt.timedelta(days=3))
    history = actions.action_history(db_path, "hr.lead", action_id)
    assert list(history["old_status"]) == [None, "planned", "running", "evaluated"]
    assert list(history["new_status"]) == ["planned", "running", "evaluated", "adjusted"]
    assert list(history["role"]) == ["committee", "physician", "admin", "committee"]
    assert list(history["reason"]) == ["", "started on the ward", "", "smaller groups"]
    assert history["at"].iloc[1] == T0 + dt.timedelta(days=1)
    assert actions.get_action(db_path, "comite", action_id)["status"] == "adjusted"


def test_closed_is_final_and_unknown_actions_raise(db_path, cycle_users):
    assert actions.TRANSITIONS["closed"] == ()
    action_id = new_action(db_path)
    actions.change_status(db_path, "comite", action_id, "stopped")
    actions.change_status(db_path, "comite", action_id, "closed")
    with pytest.raises(ValueError, match="allowed: none"):
        actions.change_status(db_path, "comite", action_id, "running")
    with pytest.raises(KeyError):
        actions.change_status(db_path, "comite", 999, "running")


def test_every_change_is_audited_without_free_text(db_path, cycle_users):
    action_id = new_action(db_path, signal=("2025-02", "Geriatrie", "absence_rate"))
    actions.change_status(db_path, "comite", action_id, "running", "kick-off meeting")
    actions.edit_action(db_path, "dr.wouters", action_id, title="Workload talks, two wards",
                        departments=["Geriatrie", "Revalidatie"], indicators=["absence_rate"],
                        level="secondary", start_date="2025-03-10")
    log = audit.entries(db_path, limit=None)
    log = log[log["action"].str.startswith("action_")].iloc[::-1]
    assert list(log["action"]) == ["action_created", "action_status_changed", "action_edited"]
    details = [json.loads(detail) for detail in log["detail"]]
    assert details[0]["signal_department"] == "Geriatrie" and details[0]["status"] == "planned"
    assert details[1] == {"action_id": action_id, "old_status": "planned", "new_status": "running"}
    assert details[2]["departments"] == ["Geriatrie", "Revalidatie"]
    assert "Workload" not in "".join(log["detail"]) and "kick-off" not in "".join(log["detail"])
    assert list(log["actor"]) == ["comite", "comite", "dr.wouters"]
    history = actions.action_history(db_path, "comite", action_id)
    assert list(history["new_status"]) == ["planned", "running", "running"]     # the edit kept
    assert audit.verify_chain(db_path)


def test_signal_link_both_ways(db_path, cycle_users):
    linked = new_action(db_path, signal=("2025-02-01", "Geriatrie", "absence_rate"))
    new_action(db_path, signal=("2025-02", "Logistiek", "absence_rate"))
    new_action(db_path)
    found = actions.actions_for_signal(db_path, "hr.lead", "2025-02", "Geriatrie", "absence_rate")
    assert list(found["action_id"]) == [linked]
    row = found.iloc[0]
    assert (row["signal_month"], row["signal_department"], row["signal_indicator"]) == (
        "2025-02", "Geriatrie", "absence_rate")
    assert actions.actions_for_signal(db_path, "comite", "2025-03", "Geriatrie", "absence_rate").empty


@pytest.mark.parametrize("call", [
    lambda db: new_action(db, actor="hr.lead"),
    lambda db: actions.change_status(db, "hr.lead", 1, "running"),
    lambda db: actions.edit_action(db, "hr.lead", 1, title="x", departments=["A"],
                                   indicators=["absence_rate"], level="primary",
                                   start_date="2025-01-01"),
    lambda db: new_action(db, actor="nobody"),
    lambda db: actions.list_actions(db, "nobody"),
    lambda db: actions.action_history(db, "nobody"),
    lambda db: events.add_event(db, "hr.lead", "2025-01-01", "ALL", "move", "New building"),
    lambda db: events.list_events(db, "nobody"),
])
def test_roles_are_enforced_on_direct_calls(db_path, cycle_users, call):
    action_id = new_action(db_path)
    with pytest.raises(PermissionError):
        call(db_path)
    assert actions.get_action(db_path, "comite", action_id)["status"] == "planned"
    assert len(actions.action_history(db_path, "comite")) == 1
    assert events.list_events(db_path, "comite").empty


def test_single_operator_mode_may_write(db_path):
    action_id = new_action(db_path, actor="")
    history = actions.action_history(db_path, "")
    assert history["role"].tolist() == ["local"]
    assert actions.get_action(db_path, "", action_id)["created_by"] == "local"


def test_filters_and_overdue(db_path, cycle_users):
    late = new_action(db_path, start_date="2024-01-01")
    actions.change_status(db_path, "comite", late, "running")
    done = new_action(db_path, start_date="2024-01-01")
    actions.change_status(db_path, "comite", done, "running")
    actions.change_status(db_path, "comite", done, "evaluated")
    fresh = new_action(db_path, start_date="2025-03-01", departments=["Logistiek"])
    today = dt.date(2025, 6, 1)
    assert list(actions.list_actions(db_path, "comite", overdue_on=today)["action_id"]) == [late]
    assert list(actions.list_actions(db_path, "comite", status="evaluated")["action_id"]) == [done]
    assert list(actions.list_actions(db_path, "comite", department="Logistiek")["action_id"]) == [fresh]
    assert actions.list_actions(db_path, "comite", overdue_on=dt.date(2025, 1, 1)).empty


def test_context_events_are_stored_audited_and_filtered(db_path, cycle_users):
    ward = events.add_event(db_path, "comite", "2025-02-03", "Geriatrie", "reorganisation",
                            "Two wards merged into one", now=T0)
    whole = events.add_event(db_path, "dr.wouters", "2025-01-15", "ALL", "social_action",
                             "National strike day")
    events.add_event(db_path, "root", "2025-01-20", "Logistiek", "move", "New warehouse")
    listed = events.list_events(db_path, "hr.lead", department="Geriatrie")
    assert list(listed["event_id"]) == [whole, ward]
    assert listed["day"].iloc[1] == dt.date(2025, 2, 3)
    with pytest.raises(ValueError, match="Unknown kind"):
        events.add_event(db_path, "comite", "2025-02-03", "ALL", "party", "Summer party")
    with pytest.raises(TextRefused):
        events.add_event(db_path, "comite", "2025-02-03", "ALL", "serious_incident",
                         "Incident with E00123")
    events.delete_event(db_path, "comite", ward)
    assert ward not in set(events.list_events(db_path, "comite")["event_id"])
    logged = list(audit.entries(db_path, limit=None)["action"])
    assert logged.count("context_event_added") == 3 and "context_event_deleted" in logged


def test_store_migrates_from_version_3(db_path, cycle_users):
    from signals.access.store import MIGRATIONS

    path = access.access_db_path(db_path)
    import sqlite3

    with sqlite3.connect(path) as con:
        for statement in ("DROP TABLE action_history", "DROP TABLE actions",
                          "DROP TABLE context_events", "DROP TABLE meeting_advice",
                          "DROP TABLE meetings"):
            con.execute(statement)
        con.execute("PRAGMA user_version = 3")
    assert len(MIGRATIONS) == access.SCHEMA_VERSION
    new_action(db_path)
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == access.SCHEMA_VERSION
    assert len(actions.list_actions(db_path, "comite")) == 1


def test_titles_and_reasons_are_checked_against_the_ids_in_the_data(db_path, cycle_users):
    from signals.ingest.loader import ingest_bytes

    data = "employee_id,department,start_date,end_date,absence_type\nJDOE7,Zorg,2025-01-06,,illness\n"
    assert ingest_bytes(db_path, "absences", "abs.csv", data.encode()).accepted
    with pytest.raises(TextRefused):
        new_action(db_path, title="Talk with JDOE7 about workload")
    action_id = new_action(db_path, title="Team van 45, 12500 uren: lighting to EN 12464")
    with pytest.raises(TextRefused):
        actions.change_status(db_path, "comite", action_id, "running", reason="jdoe7 asked")
    with pytest.raises(TextRefused):
        events.add_event(db_path, "comite", "2025-03-01", "Zorg", "move", "JDOE7 moved")
    assert actions.get_action(db_path, "comite", action_id)["status"] == "planned"
