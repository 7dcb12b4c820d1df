"""The Actions page and "plan an action" from a hotspot (AppTest), and what its evaluation
chart may show."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from test_app_access import APP, PASSWORD, ROLE_USERS, log_in

from signals import config, demo, store
from signals.access import control as access
from signals.cycle import actions, evaluation, events, meetings
from signals.definitions import ALL_DEPARTMENTS
from signals.measures.indicators import indicator_frame
from signals.texts.i18n import text
from ui import actions_view
from ui.access_control import Viewer
from ui.labels import indicator_name
from ui.navigation import PAGES_BY_KEY

pytestmark = pytest.mark.usefixtures("listen_on_localhost", "fast_hashing")
ACTIONS_FILE = PAGES_BY_KEY["actions"].file
HOTSPOTS_FILE = PAGES_BY_KEY["hotspots"].file
EVALUATED = "Werkdrukoverleg en vaste invalpool"       # the demo's evaluated action


@pytest.fixture
def demo_shown(demo_database_file):
    """The demo organisation with its prevention cycle (its own access store)."""
    shutil.copy(demo_database_file, config.demo_db_path())
    shutil.copy(access.access_db_path(demo_database_file), access.access_db_path(config.demo_db_path()))
    return config.demo_db_path()


@pytest.fixture
def users(demo_shown):
    for role, name in ROLE_USERS.items():
        access.add_user(config.default_db_path(), name, role, PASSWORD)
    return demo_shown


def open_as(role: str, lang: str, page: str = ACTIONS_FILE) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params["lang"] = lang
    app.run()
    log_in(app, ROLE_USERS[role])
    app.switch_page(page).run()
    assert not app.exception, [error.value for error in app.exception]
    return app


def html_text(app: AppTest) -> str:
    """The text of every st.html block, tags removed, as a reader sees it."""
    bodies = [element.proto.body for element in app.get("html")]
    return html.unescape(re.sub(r"<[^>]+>", " ", "\n".join(bodies)))


def submit(app: AppTest, label: str) -> AppTest:
    button = next(b for b in app.get("form_submit_button") if b.proto.label == label)
    button.click().run()
    assert not app.exception, [error.value for error in app.exception]
    return app


def demo_frame(db) -> pd.DataFrame:
    with store.connect(db, read_only=True) as con:
        return indicator_frame(con, min_group_size=store.min_group_size(con), suppress=True)


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_committee_creates_an_action_changes_its_status_sees_history_and_evaluation(users, lang):
    app = open_as("committee", lang)
    shown = html_text(app)
    assert EVALUATED in shown and text("actions.overdue", lang) in shown   # the demo's cycle
    app.text_input(key="action_title_new").input("Herverdeling van de weekenddiensten")
    app.multiselect(key="action_departments_new").select("Spoedgevallen")
    app.multiselect(key="action_indicators_new").select("absence_rate")
    submit(app, text("actions.form.save", lang))
    assert text("actions.form.saved", lang) in [s.value for s in app.success]
    stored = actions.list_actions(users, "committee1", department="Spoedgevallen")
    assert stored["title"].tolist() == ["Herverdeling van de weekenddiensten"]
    action_id = int(stored["action_id"].iloc[0])
    assert app.selectbox(key=actions_view.PICK_KEY).value == action_id     # the new action opens

    app.radio(key=f"action_new_status_{action_id}").set_value("running")
    app.text_input(key=f"action_reason_{action_id}").input("Akkoord op het comité")
    submit(app, text("actions.save_status", lang))
    assert text("actions.status_changed", lang) in [s.value for s in app.success]
    history = actions.action_history(users, "hr1", action_id)
    assert history["new_status"].tolist() == ["planned", "running"]
    # the demo's own store has no users: it keeps the single operator's role
    assert history["role"].tolist() == ["local", "local"]
    shown = html_text(app)
    change = f"{text('cycle.status.planned', lang)} → {text('cycle.status.running', lang)}"
    assert change in shown and "Akkoord op het comité" in shown
    assert actions_view.role_label("local", lang) in shown

    # the demo's evaluated action: its verdict, sentence and chart
    rows = actions.list_actions(users, "committee1")
    evaluated = int(rows.loc[rows["title"] == EVALUATED, "action_id"].iloc[0])
    app.selectbox(key=actions_view.PICK_KEY).set_value(evaluated).run()
    assert not app.exception
    result = evaluation.evaluate_action(demo_frame(users),
                                        rows[rows["action_id"] == evaluated].iloc[0].to_dict())[0]
    assert result.verdict == "likely_improvement"
    shown = html_text(app)
    assert evaluation.sentence(result, lang) in shown
    assert text("actions.verdict.likely_improvement", lang) in shown
    charts = [chart for chart in app.get("plotly_chart")
              if f"action_chart_{evaluated}_" in str(chart.proto)]
    assert len(charts) == 1


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_hr_reads_without_any_form_and_the_domain_refuses_it(users, lang):
    app = open_as("hr", lang)
    assert text("actions.read_only", lang) in [info.value for info in app.info]
    assert EVALUATED in html_text(app)
    assert not app.get("form_submit_button") and not app.text_input and not app.text_area
    assert text("actions.tab.new", lang) not in [tab.label for tab in app.tabs]
    hr = Viewer(ROLE_USERS["hr"], "hr")
    with pytest.raises(PermissionError):
        actions_view.check_role(hr)
    with pytest.raises(PermissionError):
        actions.create_action(config.default_db_path(), hr.actor, "Titel", ["Geriatrie"],
                              ["absence_rate"], "primary", "2026-01-01")
    with pytest.raises(PermissionError):
        events.add_event(config.default_db_path(), hr.actor, "2026-01-01", ALL_DEPARTMENTS,
                         "move", "Verhuis")


def test_admin_writes_but_sees_no_evaluation_figures(users):
    app = open_as("admin", "en")
    assert app.get("form_submit_button")
    assert not app.get("plotly_chart")
    assert text("actions.evaluation.no_figures", "en") in [c.value for c in app.caption]


def test_plan_an_action_from_a_hotspot_links_both_ways(users):
    app = open_as("committee", "en", HOTSPOTS_FILE)
    months = sorted(demo_frame(users)["month"].unique())
    month_key = pd.Timestamp(months[-1]).strftime("%Y-%m")
    choice = app.selectbox(key="plan_signal").value         # the first signal of the month
    app.button(key="plan_action").click().run()
    assert not app.exception, [error.value for error in app.exception]
    assert app.session_state[actions_view.PREFILL_KEY] == {
        "month": month_key, "department": choice[0], "indicator": choice[1]}
    app.switch_page(ACTIONS_FILE).run()        # AppTest does not follow st.switch_page itself
    assert app.multiselect(key="action_departments_new").value == [choice[0]]
    assert app.multiselect(key="action_indicators_new").value == [choice[1]]
    app.text_input(key="action_title_new").input("Terugkeergesprekken na afwezigheid")
    submit(app, text("actions.form.save", "en"))
    linked = actions.actions_for_signal(users, "committee1", month_key, *choice)
    assert "Terugkeergesprekken na afwezigheid" in linked["title"].tolist()
    signal = f"{choice[0]} · {indicator_name(choice[1], 'en')}"
    assert f"Answers the signal: {signal}" in html_text(app)
    app.switch_page(HOTSPOTS_FILE).run()
    shown = html_text(app)
    assert signal in shown and "Terugkeergesprekken na afwezigheid" in shown


def test_hr_cannot_plan_from_a_hotspot_but_sees_the_linked_actions(users):
    app = open_as("hr", "en", HOTSPOTS_FILE)
    assert not [b for b in app.button if b.key == "plan_action"]
    assert "Teamgesprekken en herverdeling van de nachtdiensten" in html_text(app)


def test_events_and_meetings_with_the_physicians_advice(users):
    app = open_as("committee", "nl")
    submit(app, text("actions.form.save", "nl"))           # an empty form: said in Dutch
    assert text("actions.form.need_title", "nl") in [e.value for e in app.error]
    app = open_as("committee", "en")
    app.date_input(key="event_day").set_value(dt.date(2026, 5, 4))
    app.selectbox(key="event_kind").set_value("move")
    app.text_input(key="event_title").input("Verhuis naar blok C")
    submit(app, text("actions.events.save", "en"))
    assert "Verhuis naar blok C" in html_text(app)
    assert text("actions.advice.physician_only", "en") in [c.value for c in app.caption]

    app = open_as("physician", "en")
    app.text_area(key=next(a.key for a in app.text_area)).input("Contact: dr.x@example.org")
    submit(app, text("actions.advice.save", "en"))
    refused = meetings.advice_refusal_message(("email",), "en")
    assert refused in [e.value for e in app.error]
    key = next(a.key for a in app.text_area)
    app.text_area(key=key).input("Aandacht voor de nachtdiensten in Geriatrie.")
    submit(app, text("actions.advice.save", "en"))
    advice = meetings.list_advice(users, "physician1")
    assert "Aandacht voor de nachtdiensten in Geriatrie." in advice["advice"].tolist()
    assert "Aandacht voor de nachtdiensten in Geriatrie." in html_text(app)


def test_no_suppressed_figure_in_the_evaluation_chart_or_sentence(demo_shown):
    frame = demo_frame(demo_shown)
    rows = actions.list_actions(demo_shown, "local")
    row = rows[rows["title"] == EVALUATED].iloc[0].to_dict()
    department, indicator = row["departments"][0], row["indicators"][0]
    months = sorted(pd.to_datetime(frame["month"]).dt.date.unique())
    hidden = evaluation.windows(row["start_date"], row["evaluation_date"], months[-1])[0][3]
    cell = ((frame["department"] == department) & (frame["indicator"] == indicator)
            & (pd.to_datetime(frame["month"]).dt.date == hidden))
    secret = float(frame.loc[cell, "value"].iloc[0])
    # the month hidden for a small group; its figures stay in the frame to prove none is used
    frame.loc[cell, "suppressed"] = True
    result = evaluation.evaluate_action(frame, row, months[-1])[0]
    figure = actions_view.evaluation_figure(frame, row, result, months[-1], "en")
    for trace in figure.data:
        at = list(trace.x).index(hidden)
        assert trace.y[at] is None and trace.customdata[at] == ""
    values = actions_view.monthly_values(frame, row["departments"], indicator)
    assert np.isnan(values.loc[hidden]).all()
    assert f"{secret:.1f}" not in "".join(str(t.customdata) for t in figure.data)
    # the window figures in the sentence leave the hidden month out
    shown = evaluation.evaluate_action(demo_frame(demo_shown), row, months[-1])[0]
    assert result.before_months == shown.before_months - 1
    assert result.team_before != shown.team_before


def test_an_action_on_a_hidden_team_shows_no_figure(users):
    actions.create_action(users, "local", "Kleine ploeg", [demo.TINY], ["absence_rate"], "primary",
                          "2025-01-01")
    app = open_as("committee", "en")
    rows = actions.list_actions(users, "committee1")
    tiny = int(rows.loc[rows["title"] == "Kleine ploeg", "action_id"].iloc[0])
    app.selectbox(key=actions_view.PICK_KEY).set_value(tiny).run()
    assert text("actions.verdict.too_little_data", "en") in html_text(app)
    assert not [c for c in app.get("plotly_chart") if f"action_chart_{tiny}_" in str(c.proto)]


def test_while_the_demo_is_shown_a_title_with_an_own_employee_id_is_refused(users):
    """The organisation's own data holds employee x12y (an id no pattern recognises); a
    committee member looking at the demo for training may not write it into an event's title
    either, though the event goes to the demo's store."""
    from signals.ingest.loader import ingest_bytes
    from signals.texts.i18n import text as say
    from ui.data import SHOW_DEMO_KEY

    own = config.default_db_path()
    workforce = b"month,department,headcount\n2025-01,Alpha,40\n"
    absences = b"employee_id,department,start_date,end_date\nx12y,Alpha,2025-01-06,2025-01-10\n"
    for kind, data in (("workforce", workforce), ("absences", absences)):
        assert ingest_bytes(own, kind, f"{kind}.csv", data).accepted
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params["lang"] = "en"
    app.run()
    log_in(app, ROLE_USERS["committee"])
    app.session_state[SHOW_DEMO_KEY] = True
    app.switch_page(ACTIONS_FILE).run()
    assert not app.exception, [error.value for error in app.exception]
    app.date_input(key="event_day").set_value(dt.date(2026, 5, 4))
    app.text_input(key="event_title").input("Gesprek met x12y over blok C")
    submit(app, say("actions.events.save", "en"))
    refused = [e.value for e in app.error if "employee" in e.value.lower()]
    assert refused, [e.value for e in app.error]
    assert not events.list_events(users, "committee1")["title"].str.contains("x12y").any()
