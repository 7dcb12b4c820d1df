"""Improvements on the screens: a calm hollow ring on the trend chart, ◇ on the heatmap, never
a hotspot; in the chart builders and on the demo's recovering department in AppTest."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
from test_alerts import make_frame
from test_alerts_improvement import HALVED
from test_app import open_page, shown_tables

from signals import config
from signals.alerts.detection import evaluate_frame
from signals.demo import RECOVERING
from signals.texts.i18n import text
from ui.charts import control_chart, heatmap
from ui.theme import IMPROVEMENT_COLOUR, IMPROVEMENT_ICON, LEVEL_COLOURS


@pytest.fixture
def demo_shown(demo_database_file):
    """No real data yet: the app shows a copy of the demo organisation."""
    shutil.copy(demo_database_file, config.demo_db_path())


def improvement_traces(figure: dict, lang: str) -> list[dict]:
    return [trace for trace in figure["data"] if trace.get("name") == text("chart.improvement", lang)]


def test_the_trend_chart_rings_the_improved_months():
    chart = evaluate_frame(make_frame({"Team": HALVED}, headcount=100)).chart
    series, organisation = (chart[chart["department"] == name] for name in ("Team", "ALL"))
    figure = control_chart(series, organisation, "absence_frequency", "en",
                           department="Team").to_plotly_json()
    [ring] = improvement_traces(figure, "en")
    improved = series[series["improvement"].notna()]
    assert len(ring["x"]) == len(improved) > 0
    assert ring["marker"]["symbol"] == "circle-open"
    assert ring["marker"]["color"] == IMPROVEMENT_COLOUR
    assert IMPROVEMENT_COLOUR not in (LEVEL_COLOURS["watch"], LEVEL_COLOURS["alert"])
    assert "clearly lower than this team's usual level" in ring["hovertext"][0]
    assert not [trace for trace in figure["data"] if str(trace.get("name", "")).startswith("Signal")]
    rolling = control_chart(series, organisation, "absence_frequency", "en", department="Team",
                            view="rolling12").to_plotly_json()
    assert not improvement_traces(rolling, "en"), "the mark belongs to the monthly view"


def test_the_heatmap_marks_an_improvement_calmly_and_a_warning_wins():
    cells = pd.DataFrame({
        "department": ["Better", "Both"], "indicator": "absence_frequency",
        "value": [4.0, 9.0], "suppressed": False, "level": [None, "watch"],
        "rule": [None, "two_of_three_high"], "reason_en": [None, "A watch."],
        "improvement": ["durable_drop", "durable_drop"],
        "improvement_reason_en": ["Lower for 6 months.", "Lower for 6 months."],
    })
    figure = heatmap(cells, "en", 10).to_plotly_json()
    texts = [row[0] for row in figure["data"][0]["text"]]
    assert texts[0].startswith(IMPROVEMENT_ICON) and texts[1].startswith("▲")
    hover = [row[0] for row in figure["data"][0]["hovertext"]]
    assert "Improvement" in hover[0] and "Lower for 6 months." in hover[0]
    assert "Lower for 6 months." not in hover[1]
    assert figure["data"][0]["z"][0][0] == 0, "coloured as no signal, not as a warning"


def test_trends_show_the_mark_for_the_demo_recovering_team(demo_shown):
    app = open_page("trends", "en")
    app.selectbox(key="trends_indicator").set_value("absence_frequency").run()
    app.multiselect(key="trends_departments").set_value([RECOVERING]).run()
    assert not app.exception
    figure = json.loads(app.get("plotly_chart")[0].proto.spec)
    [ring] = improvement_traces(figure, "en")
    assert ring["x"] and ring["marker"]["symbol"] == "circle-open"
    assert "Improvement" in ring["hovertext"][0]


def test_the_heatmap_marks_the_demo_recovering_team_that_is_no_hotspot(demo_shown):
    app = open_page("hotspots", "nl")
    app.segmented_control(key="hotspots_group").set_value("absence").run()
    assert not app.exception
    figure = json.loads(app.get("plotly_chart")[0].proto.spec)
    row = figure["data"][0]["y"].index(RECOVERING)
    cells = figure["data"][0]["text"][row]
    # its only marks this month are improvements: no watch or alert, so no rank either
    assert any(cell.startswith(IMPROVEMENT_ICON) for cell in cells)
    assert not any(cell.startswith(("▲", "■")) for cell in cells)
    ranked = shown_tables(app)[0]
    departments = ranked.iloc[:, 1].tolist()
    assert "Geriatrie" in departments and RECOVERING not in departments
