"""The prevention cycle on Trends (markers of actions and events, an action's before and
after windows with its evaluation) and on the overview (since the last meeting, the
physician's collective advice), in AppTest on a copy of the demo organisation."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from signals import config, store
from signals.access import control as access
from signals.alerts.detection import evaluate, without_figures
from signals.cycle import actions, evaluation, events, meetings
from signals.cycle.common import add_months
from signals.measures.indicators import blank_indicators, indicator_frame, unrecorded_indicators
from signals.texts.i18n import text
from ui.cycle_marks import day_text
from ui.labels import ZERO_WIDTH_SPACE, indicator_name
from ui.navigation import PAGES_BY_KEY
from ui.since_meeting import department_name, shown_signals

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")
LANGS = ("nl", "fr", "en")
DEPARTMENT = "Geriatrie"
INDICATOR = "absence_rate"
PASSWORD = "correct horse battery staple"

pytestmark = pytest.mark.usefixtures("listen_on_localhost")


@pytest.fixture(scope="module")
def demo_frames(demo_database_file):
    """The demo's suppressed indicator frame and its signals, as the app computes them."""
    with store.open_connection(demo_database_file, read_only=True) as con:
        size = store.min_group_size(con)
        unrecorded = unrecorded_indicators(con)
        frame = blank_indicators(indicator_frame(con, min_group_size=size, suppress=True),
                                 unrecorded, ("numerator", "value"))
        signals = without_figures(evaluate(con, min_group_size=size), unrecorded).signals
    return frame, signals


@pytest.fixture
def demo_shown(demo_database_file):
    shutil.copy(demo_database_file, config.demo_db_path())


def latest_month(frame: pd.DataFrame) -> dt.date:
    return max(pd.to_datetime(frame["month"]).dt.date)


@pytest.fixture
def cycle_records(demo_shown, demo_frames):
    """Actions, events, a meeting and its advice in the store the app reads (local mode:
    the cycle of the database shown, here the demo's)."""
    frame, _ = demo_frames
    db = config.demo_db_path()
    latest = latest_month(frame)
    today = dt.date.today()
    meeting_day = add_months(latest, -6).replace(day=15)
    ids = {
        "dialogue": actions.create_action(
            db, "local", "Team dialogue on workload", [DEPARTMENT], [INDICATOR, "turnover_rate"],
            "primary", add_months(latest, -20).replace(day=10), status="running"),
        "training": actions.create_action(
            db, "local", "Training for team leaders", ["ALL"], [INDICATOR], "primary",
            add_months(latest, -8).replace(day=5), status="running"),
        "elsewhere": actions.create_action(
            db, "local", "Rota review in surgery", ["Chirurgie"], [INDICATOR], "secondary",
            add_months(latest, -9).replace(day=1), status="running"),
        "overdue": actions.create_action(
            db, "local", "Return-to-work talks", [DEPARTMENT], ["relapse_rate"], "tertiary",
            add_months(today, -14), evaluation_date=today - dt.timedelta(days=20),
            status="running"),
        "started": actions.create_action(
            db, "local", "Quiet room for night shifts", [DEPARTMENT], ["frequent_absence"],
            "primary", today - dt.timedelta(days=10)),
    }
    events.add_event(db, "local", add_months(latest, -14).replace(day=3), DEPARTMENT,
                     "reorganisation", "Two wards merged")
    events.add_event(db, "local", add_months(latest, -11).replace(day=20), "ALL",
                     "social_action", "National strike day")
    events.add_event(db, "local", add_months(latest, -10).replace(day=20), "Chirurgie",
                     "move", "Surgery moved to block C")
    meeting = meetings.add_meeting(db, "local", meeting_day, "PV-12")
    meetings.set_advice(db, "local", meeting, "Workload in the wards keeps rising; plan a "
                        "team dialogue before the summer.")
    return {"db": db, "ids": ids, "meeting_day": meeting_day, "today": today}


def open_page(key: str, lang: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params["lang"] = lang
    app.run()
    if key != "overview":
        app.switch_page(PAGES_BY_KEY[key].file).run()
    assert not app.exception, [error.value for error in app.exception]
    return app


def open_trend(lang: str) -> AppTest:
    app = open_page("trends", lang)
    app.selectbox(key="trends_indicator").set_value(INDICATOR).run()
    app.multiselect(key="trends_departments").set_value([DEPARTMENT]).run()
    assert not app.exception, [error.value for error in app.exception]
    return app


def figure_of(app: AppTest, index: int = 0) -> dict:
    return json.loads(app.get("plotly_chart")[index].proto.spec)


def traces_named(figure: dict, key: str, lang: str) -> list[dict]:
    return [trace for trace in figure["data"] if trace.get("name") == text(key, lang)]


@pytest.mark.parametrize("lang", LANGS)
def test_trend_shows_action_starts_evaluations_and_events_with_their_titles(cycle_records, lang):
    figure = figure_of(open_trend(lang))
    starts = traces_named(figure, "cycle.marks.action_start", lang)
    planned = traces_named(figure, "cycle.marks.evaluation", lang)
    happened = traces_named(figure, "cycle.marks.event", lang)
    assert len(starts) == len(planned) == len(happened) == 1, "one legend entry per kind"
    start_hover = " ".join(starts[0]["hovertext"])
    assert "Team dialogue on workload" in start_hover
    assert "Training for team leaders" in start_hover, "an action on ALL shows on every department"
    assert "Rota review in surgery" not in start_hover, "another department's action does not"
    assert "Return-to-work talks" not in start_hover, "an action aimed at another indicator"
    assert "Team dialogue on workload" in " ".join(planned[0]["hovertext"])
    event_hover = " ".join(happened[0]["hovertext"])
    assert "Two wards merged" in event_hover and "National strike day" in event_hover
    assert text("cycle.event.social_action", lang) in event_hover
    assert "Surgery moved to block C" not in event_hover
    symbols = {trace["marker"]["symbol"] for trace in starts + planned + happened}
    assert len(symbols) == 3, "a distinct symbol per kind"
    assert all(trace["yaxis"] == "y2" for trace in starts + planned + happened)
    assert not figure["layout"].get("shapes") or all(
        shape["type"] == "line" for shape in figure["layout"]["shapes"]), "nothing shaded yet"


def test_the_organisation_chart_shows_only_the_organisations_records(cycle_records):
    app = open_page("trends", "en")
    app.selectbox(key="trends_indicator").set_value(INDICATOR).run()
    app.multiselect(key="trends_departments").set_value(["ALL"]).run()
    figure = figure_of(app)
    hovers = " ".join(" ".join(trace.get("hovertext") or []) for trace in figure["data"]
                      if trace.get("yaxis") == "y2")
    assert "Training for team leaders" in hovers and "National strike day" in hovers
    assert "Team dialogue on workload" not in hovers and "Two wards merged" not in hovers


@pytest.mark.parametrize("lang", LANGS)
def test_choosing_an_action_shades_its_windows_and_shows_its_evaluation(
        cycle_records, demo_frames, lang):
    frame, _ = demo_frames
    app = open_trend(lang)
    choice = app.selectbox(key=f"trends_action_{DEPARTMENT}_{INDICATOR}")
    assert set(choice.options) == {
        text("cycle.marks.option", lang, title=title, day=day_text(day, lang))
        for title, day in (("Team dialogue on workload", add_months(latest_month(frame), -20)
                            .replace(day=10)),
                           ("Training for team leaders", add_months(latest_month(frame), -8)
                            .replace(day=5)))}
    choice.set_value(cycle_records["ids"]["dialogue"]).run()
    assert not app.exception, [error.value for error in app.exception]
    action = actions.get_action(cycle_records["db"], "local", cycle_records["ids"]["dialogue"])
    expected = evaluation.evaluate_indicator(frame, action["departments"], INDICATOR,
                                             action["start_date"], action["evaluation_date"])
    assert expected.verdict not in ("too_early", "too_little_data")
    sentence = evaluation.sentence(expected, lang)
    assert sentence in [unescaped(box.proto.body) for box in [*app.info, *app.success, *app.warning]]
    shapes = figure_of(app)["layout"]["shapes"]
    shaded = [shape for shape in shapes if shape["type"] == "rect"]
    assert len(shaded) == 2
    before, after = sorted(shaded, key=lambda shape: shape["x0"])
    assert pd.Timestamp(before["x0"]) < pd.Timestamp(expected.before[0]) < pd.Timestamp(before["x1"])
    assert pd.Timestamp(after["x0"]) < pd.Timestamp(expected.after[0])
    assert pd.Timestamp(after["x1"]) > pd.Timestamp(expected.after[1])
    assert pd.Timestamp(before["x1"]) < pd.Timestamp(action["start_date"]) < pd.Timestamp(after["x0"])


def expected_since(demo_frames, records) -> meetings.SinceLastMeeting:
    frame, signals = demo_frames
    return meetings.since_last_meeting_in_store(records["db"], "local",
                                                shown_signals(signals, frame), records["today"])


def unescaped(markdown: str) -> str:
    """Text as ui.labels.plain wrote it, without its escapes."""
    return markdown.replace("\\", "").replace(ZERO_WIDTH_SPACE, "")


def since_text(app: AppTest) -> str:
    return "\n".join(unescaped(element.proto.body) for element in app.markdown)


@pytest.mark.parametrize("lang", LANGS)
def test_overview_lists_what_changed_since_the_last_meeting_and_the_advice(
        cycle_records, demo_frames, lang):
    since = expected_since(demo_frames, cycle_records)
    assert len(since.new_signals) > 0, "the demo has new signals since the meeting's month"
    app = open_page("overview", lang)
    assert any(text("cycle.since.title", lang, day=day_text(cycle_records["meeting_day"], lang))
               in unescaped(header.value) for header in app.subheader)
    body = since_text(app)
    alerts_first = since.new_signals["level"].map({"alert": 0}).fillna(1)
    first = since.new_signals.iloc[alerts_first.argsort(kind="stable")].iloc[0]
    assert text("cycle.since.new_signals", lang, n=len(since.new_signals), items="").split(":")[0] \
        in body
    assert text("cycle.since.cell", lang, indicator=indicator_name(first["indicator"], lang),
                department=department_name(first["department"], lang)) in body
    assert text("cycle.since.started", lang, n=1, items="").split(":")[0] in body
    assert "Quiet room for night shifts" in body
    overdue = len(since.overdue)
    assert "Return-to-work talks" in set(since.overdue["title"])
    assert text("cycle.since.overdue", lang, n=overdue, items="").split(":")[0] in body
    assert "Return-to-work talks" in body
    assert "Workload in the wards keeps rising" in body
    byline = text("cycle.advice.byline", lang, day=day_text(cycle_records["meeting_day"], lang),
                  role=text("role.physician", lang))
    assert byline in [unescaped(caption.value) for caption in app.caption]


def test_overview_without_a_meeting_says_how_to_add_one(demo_shown):
    app = open_page("overview", "en")
    assert text("cycle.since.no_meeting", "en") in [info.value for info in app.info]
    assert not app.get("stVerticalBlockBorderWrapper") or "Collective advice" not in since_text(app)


def test_committee_hr_and_physician_read_the_advice_signed_by_role_not_by_name(
        demo_shown, demo_frames, fast_hashing):
    for name, role in (("dr.peeters", "physician"), ("comite1", "committee"), ("hr1", "hr")):
        access.add_user(config.default_db_path(), name, role, PASSWORD)
    shown = config.demo_db_path()       # no data of its own yet: the demo and its cycle shown
    meeting = meetings.add_meeting(shown, "comite1", dt.date.today() - dt.timedelta(days=30))
    meetings.set_advice(shown, "dr.peeters", meeting, "Plan a team dialogue in the wards.")
    for user in ("comite1", "hr1", "dr.peeters"):
        app = open_page("overview", "en")
        app.text_input(key="login_username").input(user)
        app.text_input(key="login_password").input(PASSWORD)
        app.get("form_submit_button")[0].click().run()
        assert not app.exception
        body = since_text(app)
        assert "Plan a team dialogue in the wards." in body, user
        captions = " ".join(caption.value for caption in app.main.caption)
        assert "occupational physician" in captions and "dr.peeters" not in body + captions


def test_marks_outside_the_charts_months_are_left_out_and_titles_are_escaped():
    from ui.cycle_marks import marks_between

    def action(title, start, evaluation):
        return {"action_id": 1, "title": title, "departments": ["ALL"], "indicators": [INDICATOR],
                "start_date": start, "evaluation_date": evaluation}

    records = pd.DataFrame([action("<b>Early</b> talks", dt.date(2023, 12, 31), dt.date(2024, 6, 1)),
                            action("Late plan", dt.date(2025, 3, 31), dt.date(2026, 3, 31))])
    events_frame = pd.DataFrame([{"day": dt.date(2025, 3, 31), "kind": "move",
                                  "title": "Moved", "department": "ALL"}])
    marks = marks_between(records, events_frame, dt.date(2024, 1, 1), dt.date(2025, 3, 1), "en")
    assert [(mark.kind, mark.day) for mark in marks] == [
        ("evaluation", dt.date(2024, 6, 1)), ("start", dt.date(2025, 3, 31)),
        ("event", dt.date(2025, 3, 31))]
    assert "&lt;b&gt;Early&lt;/b&gt; talks" in marks[0].hover, "a title is shown as typed"
    assert "31 March 2026" in marks[1].hover, "a start says when its evaluation is planned"


def test_long_lists_name_the_first_and_count_the_rest():
    from ui.since_meeting import named

    assert named(["A", "B", "C"], "en", 8) == "A, B, C"
    assert named(["A", "B", "C"], "en", 2) == "A, B and 1 more"
    assert named(list("ABCDE"), "fr", 2) == "A, B et 3 autres"


def test_a_signal_of_a_suppressed_cell_is_never_listed():
    month = dt.date(2025, 1, 1)
    cells = {"month": [month] * 3, "department": ["A", "B", "C"], "indicator": [INDICATOR] * 3}
    signals = pd.DataFrame(cells | {"level": ["alert", "alert", "watch"]})
    indicators = pd.DataFrame(cells | {"suppressed": [False, True, False]})
    assert shown_signals(signals, indicators)["department"].tolist() == ["A", "C"]
