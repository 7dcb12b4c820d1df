"""The survey page, the re-integration evaluation and the survey block of Trends in
Streamlit's AppTest: they render in nl/fr/en, their widgets work, and a hidden survey score
or re-integration count never reaches the screen, a chart or a download."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest
from test_app import APP, open_page, rendered_text, shown_tables
from test_downloads_privacy import downloads  # noqa: F401

from signals import config
from signals.ingest.loader import ingest_bytes
from signals.texts.i18n import text
from ui.navigation import PAGES_BY_KEY

LANGS = ("nl", "fr", "en")


@pytest.fixture
def demo_shown(demo_database_file):
    shutil.copy(demo_database_file, config.demo_db_path())


@pytest.mark.parametrize("lang", LANGS)
def test_survey_page_shows_scores_and_the_change_between_two_waves(demo_shown, lang):
    app = open_page("survey", lang)
    assert [title.value for title in app.title] == [text("survey.title", lang)]
    charts = app.get("plotly_chart")
    assert len(charts) == 2, "the scores heatmap and the change chart"
    heatmap = json.dumps(json.loads(charts[0].proto.spec), ensure_ascii=False)
    for domain in ("work_organisation", "interpersonal_relations", "exhaustion"):
        assert text(f"survey.domain.{domain}", lang) in heatmap
    assert text("common.organisation", lang).split("'")[-1] in heatmap
    # the demo's second survey: a department's change, with a reading in words
    department = app.selectbox(key="survey_department")
    department.set_value(department.options[1]).run()
    assert not app.exception
    readings = {text(f"survey.change.{key}", lang) for key in
                ("worse", "better", "unclear", "no_interval", "hidden", "missing")}
    table = shown_tables(app)[0]
    assert set(table.iloc[:, -1]) <= readings and len(table) == 6


@pytest.mark.parametrize("lang", LANGS)
def test_reintegration_page_names_the_legal_terms_and_hides_small_counts(demo_shown, lang):
    app = open_page("reintegration", lang)
    assert [title.value for title in app.title] == [text("reintegration.title", lang)]
    assert [metric.label for metric in app.metric] == [
        text(f"reintegration.metric.{m}", lang)
        for m in ("requests", "decisions", "outcomes", "returned", "force_majeure")]
    captions = " ".join(caption.value for caption in app.caption)
    assert text("reintegration.term.2022", lang) in captions
    tables = shown_tables(app)
    assert len(tables) == 5
    hidden = text("suppressed.short", lang, n=10)
    assert any(hidden in set(table.iloc[:, -1]) for table in tables)
    years = app.selectbox(key="reintegration_year")
    years.set_value(2024).run()
    assert not app.exception
    assert len(app.get("plotly_chart")) == 1


def test_trends_shows_the_departments_survey_scores_next_to_its_charts(demo_shown):
    app = open_page("trends", "en")
    departments = app.multiselect(key="trends_departments")
    departments.set_value(["Chirurgie"]).run()
    assert not app.exception
    labels = [metric.label for metric in app.metric]
    assert text("survey.domain.exhaustion", "en") in labels and len(labels) == 6
    assert any("Leading indicators" in markdown.value for markdown in app.markdown)
    departments.set_value(["ALL", "Chirurgie"]).run()
    assert not app.metric, "two departments: no block"



def element_types(node) -> list[str]:
    """The types of the elements under `node`, in the order the page draws them."""
    types = []
    for child in getattr(node, "children", {}).values():
        types.append(child.type)
        types += element_types(child)
    return types


def test_on_the_projector_the_trend_chart_comes_before_the_survey_scores(demo_shown):
    """At 1280 x 800 the block of six scores pushed the chart below the first screen."""
    app = open_page("trends", "en", present="1")
    app.multiselect(key="trends_departments").set_value(["Chirurgie"]).run()
    assert not app.exception
    drawn = element_types(app.main)
    assert "metric" in drawn and "plotly_chart" in drawn
    assert drawn.index("plotly_chart") < drawn.index("metric")
    app.query_params["present"] = ""
    app.run()
    drawn = element_types(app.main)
    assert drawn.index("metric") < drawn.index("plotly_chart"), "on a screen: scores first"


# --- privacy ------------------------------------------------------------------------------

SURVEY = """date,department,domain,respondents,score,score_sd
2025-03-14,Klein,exhaustion,4,87.3,5
2025-03-14,Midden,exhaustion,12,71.9,6
2025-03-14,Groot,exhaustion,50,40,10
2025-03-14,Zorg,exhaustion,60,45,10
2026-03-13,Klein,exhaustion,30,50,5
2026-03-13,Midden,exhaustion,12,52,6
2026-03-13,Groot,exhaustion,50,41,10
2026-03-13,Zorg,exhaustion,60,44,10
"""
HIDDEN_SCORES = ("87", "72")      # Klein (4 respondents) and Midden, which protects it
HIDDEN_COUNT = "37"               # returned to the same work: it would give away the 4


def reintegration_csv() -> bytes:
    lines = ["request_id,employee_id,department,request_date,request_type,initiator,decision,"
             "decision_date,outcome,outcome_date"]
    lines += [f"Z{n},E{n},Zorg,2025-02-03,trajectory,worker,temporary_adapted_work,2025-03-03,"
              f"returned_same_work,2025-06-02" for n in range(37)]
    lines += [f"K{n},F{n},Klein,2025-02-03,trajectory,employer,definitive_adapted_work,"
              f"2025-03-03,ended_medical_force_majeure,2025-09-01" for n in range(4)]
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def small_groups():
    path = config.default_db_path()
    workforce = "month,department,headcount\n" + "".join(
        f"2025-0{m},{d},{h}\n" for m in (1, 2, 3) for d, h in
        (("Klein", 6), ("Midden", 14), ("Groot", 55), ("Zorg", 70)))
    for kind, data in (("workforce", workforce.encode()), ("survey", SURVEY.encode()),
                       ("reintegration", reintegration_csv())):
        result = ingest_bytes(path, kind, f"{kind}.csv", data)
        assert result.accepted, result.error_report()
    return path


def numbers_in(text_: str) -> set[str]:
    """Numbers standing on their own: not the digits inside a widget id's hex hash."""
    return set(re.findall(r"(?<![\w#])\d+(?:[.,]\d+)?(?![\d\w])", text_))


def leaked(found: set[str], hidden: tuple[str, ...]) -> set[str]:
    """The hidden values among the numbers found, rounded (87) or not (87.3, 87,3)."""
    return {number for number in found
            if re.split(r"[.,]", number)[0] in hidden}


@pytest.mark.parametrize("lang", LANGS)
def test_a_hidden_survey_score_never_shows(small_groups, downloads, lang):  # noqa: F811
    served, _ = downloads
    app = open_page("survey", lang)
    app.selectbox(key="survey_date").set_value(app.selectbox(key="survey_date").options[1]).run()
    for department in ("Klein", "Midden"):
        app.selectbox(key="survey_department").set_value(department).run()
        assert not app.exception
        assert not leaked(numbers_in(rendered_text(app)), HIDDEN_SCORES)
    heatmap = json.loads(app.get("plotly_chart")[0].proto.spec)
    cells = [cell for trace in heatmap["data"] for row in trace.get("text", []) for cell in row]
    assert text("suppressed.short", lang, n=10) in cells
    assert text("suppressed.complementary_short", lang) in cells
    files = [data.decode("utf-8-sig") for key, _, data in served if "survey" in key]
    assert len(files) >= 4
    for data in files:
        assert not leaked(numbers_in(data), HIDDEN_SCORES), data


@pytest.mark.parametrize("lang", LANGS)
def test_a_hidden_reintegration_count_never_shows(small_groups, downloads, lang):  # noqa: F811
    served, _ = downloads
    app = open_page("reintegration", lang)
    screen = rendered_text(app)
    assert "41" in numbers_in(screen), "the year's requests are shown"
    assert not leaked(numbers_in(screen), (HIDDEN_COUNT,))
    files = [data.decode("utf-8-sig") for key, _, data in served if "reintegration" in key]
    assert len(files) == 2
    for data in files:
        assert "41" in numbers_in(data)
        assert not leaked(numbers_in(data), (HIDDEN_COUNT,)), data


def test_trends_block_never_shows_a_hidden_score(small_groups):
    app = AppTest.from_file(APP, default_timeout=90)
    app.query_params["lang"] = "en"
    app.run()
    app.switch_page(PAGES_BY_KEY["trends"].file).run()
    app.multiselect(key="trends_departments").set_value(["Midden"]).run()
    assert not app.exception
    assert [metric.value for metric in app.metric] == ["52"]
    app.multiselect(key="trends_departments").set_value(["Klein"]).run()
    assert [metric.value for metric in app.metric] == ["50"]
    assert not leaked(numbers_in(rendered_text(app)), HIDDEN_SCORES)


def test_on_the_projector_both_pages_have_no_controls(demo_shown):
    survey = open_page("survey", "nl", present="1")
    assert not survey.get("selectbox")
    assert len(survey.get("plotly_chart")) == 2, "the grid and the last two surveys' change"
    reintegration = open_page("reintegration", "nl", present="1")
    assert not reintegration.get("selectbox")
    assert reintegration.header[0].value.isdigit(), "the year it shows"
