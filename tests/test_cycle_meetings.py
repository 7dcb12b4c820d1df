import datetime as dt
import json

import pandas as pd
import pytest

from signals.access import audit
from signals.cycle import actions, meetings
from signals.free_text import TextRefused

UTC = dt.UTC

pytestmark = pytest.mark.usefixtures("fast_hashing")


def test_meetings_are_stored_once_per_day_with_their_minutes(db_path, cycle_users):
    later = meetings.add_meeting(db_path, "comite", "2025-04-22", "PV-2025-04")
    earlier = meetings.add_meeting(db_path, "root", dt.date(2025, 1, 20))
    listed = meetings.list_meetings(db_path, "hr.lead")
    assert list(listed["meeting_id"]) == [earlier, later]
    assert list(listed["minutes_ref"]) == ["", "PV-2025-04"]
    with pytest.raises(ValueError, match="already a meeting"):
        meetings.add_meeting(db_path, "comite", "2025-04-22")
    with pytest.raises(TextRefused):
        meetings.add_meeting(db_path, "comite", "2025-05-01", "ask an.peeters@zorg.be")
    with pytest.raises(PermissionError):
        meetings.add_meeting(db_path, "hr.lead", "2025-05-01")
    assert [json.loads(d)["day"] for d in audit.entries(db_path, limit=None)
            .query("action == 'meeting_added'")["detail"]] == ["2025-01-20", "2025-04-22"]


def test_the_physician_writes_the_advice_the_committee_reads(db_path, cycle_users):
    meeting = meetings.add_meeting(db_path, "comite", "2025-04-22")
    meetings.set_advice(db_path, "dr.wouters", meeting, "Workload in the wards\nkeeps rising.")
    meetings.set_advice(db_path, "dr.wouters", meeting, "Workload in the wards keeps rising; "
                        "plan a team dialogue.")
    advice = meetings.list_advice(db_path, "comite")
    assert list(advice["advice"]) == ["Workload in the wards keeps rising; plan a team dialogue."]
    assert advice["day"].iloc[0] == dt.date(2025, 4, 22)
    assert len(meetings.list_advice(db_path, "hr.lead")) == 1
    for writer in ("comite", "hr.lead", "root"):
        with pytest.raises(PermissionError):
            meetings.set_advice(db_path, writer, meeting, "Another advice.")
    with pytest.raises(PermissionError):
        meetings.list_advice(db_path, "root")
    with pytest.raises(KeyError):
        meetings.set_advice(db_path, "dr.wouters", 99, "An advice.")
    logged = audit.entries(db_path, limit=None).query("action == 'advice_written'")
    assert len(logged) == 2 and "Workload" not in "".join(logged["detail"])


@pytest.mark.parametrize("advice, kind", [
    ("Follow up P10136 in the ward", "employee_id"),
    ("Follow up 7c3e9a01b2d4f6e8 in the ward", "pseudonym"),
    ("Ask marie.dubois@zorg.be", "email"),
    ("Case 85.07.30-033.28", "national_number"),
])
def test_advice_identifying_a_person_is_refused_with_a_clear_message(db_path, cycle_users, advice, kind):
    meeting = meetings.add_meeting(db_path, "comite", "2025-04-22")
    with pytest.raises(TextRefused) as refused:
        meetings.set_advice(db_path, "dr.wouters", meeting, advice)
    assert refused.value.kinds == (kind,)
    assert meetings.list_advice(db_path, "comite").empty
    message = meetings.advice_refusal_message(refused.value.kinds, "nl")
    assert message.startswith("Advies niet bewaard: het bevat een ")
    assert "never about a person" in meetings.advice_refusal_message(refused.value.kinds, "en")


def test_empty_or_long_advice_is_refused(db_path, cycle_users):
    meeting = meetings.add_meeting(db_path, "comite", "2025-04-22")
    with pytest.raises(ValueError, match="empty"):
        meetings.set_advice(db_path, "dr.wouters", meeting, "  \n ")
    with pytest.raises(ValueError, match="at most 1000"):
        meetings.set_advice(db_path, "dr.wouters", meeting, "x" * 1001)


def signal_rows(rows):
    return pd.DataFrame(rows, columns=["month", "department", "indicator", "level", "rule"])


def test_since_the_last_meeting_on_a_small_scenario(db_path, cycle_users):
    meetings.add_meeting(db_path, "comite", "2025-01-20")
    meetings.add_meeting(db_path, "comite", "2025-04-22")
    march, june = dt.date(2025, 3, 1), dt.date(2025, 6, 1)
    signals = signal_rows([
        (march, "Geriatrie", "absence_rate", "alert", "beyond_upper_limit"),
        (march, "Logistiek", "turnover_rate", "watch", "three_months_raised"),
        (march, "Zorg", "aggression_rate", "alert", "funnel_outlier"),
        (march, "Zorg", "aggression_rate", "watch", "seven_above"),
        (dt.date(2025, 4, 1), "Keuken", "absence_rate", "watch", "seven_above"),
        (june, "Geriatrie", "absence_rate", "watch", "seven_above"),
        (june, "Logistiek", "turnover_rate", "watch", "three_months_raised"),
        (june, "Keuken", "absence_frequency", "watch", "seven_above"),
        (june, "Keuken", "absence_frequency", "alert", "cusum_shift"),
        (june, "Logistiek", "absence_rate", "improvement", "below_lower_limit"),
    ])
    started = actions.create_action(db_path, "comite", "Team dialogue", ["Geriatrie"],
                                    ["absence_rate"], "primary", "2025-05-01")
    late = actions.create_action(db_path, "comite", "Rota change", ["Zorg"], ["absence_rate"],
                                 "secondary", "2024-06-01", evaluation_date="2025-06-15",
                                 status="running")
    due = actions.create_action(db_path, "comite", "Quiet room", ["Keuken"], ["absence_rate"],
                                "primary", "2024-08-01", evaluation_date="2025-08-15")
    done = actions.create_action(db_path, "comite", "Coaching", ["Logistiek"], ["turnover_rate"],
                                 "tertiary", "2024-01-01", status="running")
    early = actions.create_action(db_path, "comite", "Training", ["Zorg"], ["aggression_rate"],
                                  "primary", "2024-01-01", status="running")
    actions.change_status(db_path, "comite", early, "evaluated",
                          now=dt.datetime(2025, 3, 1, tzinfo=UTC))
    actions.change_status(db_path, "comite", done, "evaluated",
                          now=dt.datetime(2025, 5, 2, tzinfo=UTC))

    result = meetings.since_last_meeting_in_store(db_path, "hr.lead", signals, dt.date(2025, 7, 1))
    assert result.meeting == dt.date(2025, 4, 22)
    assert (result.meeting_month, result.latest_month) == (march, june)
    assert result.new_signals[["department", "indicator", "level"]].values.tolist() == [
        ["Keuken", "absence_frequency", "alert"]]
    assert result.ended_signals[["department", "indicator", "level"]].values.tolist() == [
        ["Zorg", "aggression_rate", "alert"]]
    assert result.improvements[["department", "indicator"]].values.tolist() == [
        ["Logistiek", "absence_rate"]]
    assert list(result.started["action_id"]) == [started]
    assert list(result.overdue["action_id"]) == [late]
    assert list(result.due["action_id"]) == [due]
    assert list(result.evaluations["action_id"]) == [done]


def test_a_meeting_held_today_compares_with_the_one_before(db_path, cycle_users):
    meetings.add_meeting(db_path, "comite", "2025-01-20")
    meetings.add_meeting(db_path, "comite", "2025-04-22")
    listed = meetings.list_meetings(db_path, "comite")
    assert meetings.previous_meeting(listed, dt.date(2025, 4, 22)) == dt.date(2025, 1, 20)
    assert meetings.previous_meeting(listed, dt.date(2025, 1, 20)) is None


def test_without_a_previous_meeting_every_current_signal_is_new(db_path, cycle_users):
    signals = signal_rows([(dt.date(2025, 6, 1), "Zorg", "absence_rate", "watch", "seven_above")])
    result = meetings.since_last_meeting_in_store(db_path, "comite", signals, dt.date(2025, 7, 1))
    assert result.meeting is None
    assert list(result.new_signals["department"]) == ["Zorg"]
    assert result.ended_signals.empty and result.started.empty and result.evaluations.empty
    with pytest.raises(PermissionError):
        meetings.since_last_meeting_in_store(db_path, "nobody", signals, dt.date(2025, 7, 1))


def test_advice_is_checked_against_the_ids_in_the_data(db_path, cycle_users):
    from signals.ingest.loader import ingest_bytes

    data = "employee_id,department,start_date,end_date,absence_type\n4711,Zorg,2025-01-06,,illness\n"
    assert ingest_bytes(db_path, "absences", "abs.csv", data.encode()).accepted
    meeting = meetings.add_meeting(db_path, "comite", "2025-04-22")
    with pytest.raises(TextRefused) as refused:
        meetings.set_advice(db_path, "dr.wouters", meeting, "Follow up 4711 in the ward")
    assert refused.value.kinds == ("employee_id",)
    meetings.set_advice(db_path, "dr.wouters", meeting, "Team van 45, 12500 uren; EN 12464")
    assert len(meetings.list_advice(db_path, "comite")) == 1
