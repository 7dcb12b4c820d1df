"""The committee's screens on a projector: presentation mode, numbers drawn in the
language, singular and plural, incomplete months."""

from __future__ import annotations

import json
import shutil

import pytest
from test_app import demo_shown, open_page  # noqa: F401  (a fixture and a helper)

from signals.definitions import INDICATORS
from signals.texts.formatting import plotly_separators


def figure_specs(app) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def all_french_figures(app_factory) -> list[dict]:
    """Every Plotly figure the pages build in French: trends (monthly, rolling, with the
    reference line, several departments), the heatmap, the funnel plot, the survey's grid
    and change, the re-integration outcomes and the actions' evaluation charts."""
    specs = []
    trends = app_factory("trends", "fr")
    specs += figure_specs(trends)
    trends.selectbox(key="trends_group").set_value("turnover").run()
    trends.selectbox(key="trends_indicator").set_value("turnover_rate").run()
    trends.toggle(key="trends_reference").set_value(True).run()
    departments = trends.multiselect(key="trends_departments")
    departments.set_value(["ALL", departments.options[1]]).run()
    specs += figure_specs(trends)
    trends.segmented_control(key="trends_view").set_value("rolling12").run()
    specs += figure_specs(trends)
    hotspots = app_factory("hotspots", "fr")
    specs += figure_specs(hotspots)
    hotspots.selectbox(key="hotspots_funnel_indicator").set_value("accident_frequency_rate").run()
    specs += figure_specs(hotspots)
    for key in FIGURE_PAGES:        # the survey grid and change, re-integration, action charts
        figures = figure_specs(app_factory(key, "fr"))
        assert figures, f"the {key} page draws its charts"
        specs += figures
    return specs


FIGURE_PAGES = ("survey", "reintegration", "actions")


@pytest.fixture
def demo_with_cycle(demo_shown, demo_database_file):
    """The demo with its prevention cycle (actions evaluated on a chart)."""
    from signals import config
    from signals.access import control as access

    shutil.copy(access.access_db_path(demo_database_file), access.access_db_path(config.demo_db_path()))


def test_every_french_figure_draws_decimal_commas(demo_with_cycle):
    specs = all_french_figures(open_page)
    assert len(specs) >= 11, "the pages built their charts"
    assert plotly_separators("fr") == ",\u202f"
    assert [spec["layout"].get("separators") for spec in specs] == [",\u202f"] * len(specs)


@pytest.mark.parametrize("lang, separators", [("nl", ",."), ("en", ".,")])
def test_dutch_and_english_figures_use_their_own_marks(demo_shown, lang, separators):
    specs = figure_specs(open_page("hotspots", lang)) + figure_specs(open_page("trends", lang))
    assert specs and {spec["layout"].get("separators") for spec in specs} == {separators}


def html_shown(app) -> str:
    return "\n".join(str(element.proto) for element in app.get("html"))


def present(app):
    app.sidebar.toggle(key="presentation_toggle").set_value(True).run()
    assert not app.exception, [error.value for error in app.exception]
    assert app.query_params["present"] == "1"
    return app


def test_presentation_mode_keeps_the_chosen_month(demo_shown):
    app = open_page("overview", "en")
    latest = app.header[0].value
    app.selectbox(key="overview_month").select_index(3).run()
    chosen = app.header[0].value
    assert chosen != latest
    present(app)
    assert not app.get("selectbox"), "no month control on the projector"
    assert app.header[0].value == chosen


def test_presentation_steps_overview_hotspots_trends_with_the_month(demo_shown):
    app = open_page("overview", "fr")
    app.selectbox(key="overview_month").select_index(2).run()
    chosen = app.header[0].value
    present(app)
    assert "present_previous" not in [button.key for button in app.button], "the first step"
    app.button(key="present_next").click().run()
    assert not app.exception
    assert app.title[0].value == "Points d'attention à suivre"
    assert app.header[0].value == chosen, "the hotspots of the same month"
    assert "hotspots_month" not in [box.key for box in app.selectbox]
    app.button(key="present_next_remote").click().run()      # the remote's Page Down
    assert app.title[0].value == "Tendances par service"
    assert "present_next" not in [button.key for button in app.button], "the last step"
    app.button(key="present_previous").click().run()
    assert app.title[0].value == "Points d'attention à suivre"
    app.button(key="present_previous_remote").click().run()
    assert app.title[0].value == "Vue d'ensemble pour le comité"
    assert app.header[0].value == chosen
    assert app.query_params["present"] == "1" and app.query_params["lang"] == "fr"


def test_the_projector_shows_no_access_control_banner(demo_shown):
    app = open_page("overview", "nl")
    assert "Toegangscontrole staat uit" in html_shown(app), "shown at the desk"
    present(app)
    assert "Toegangscontrole staat uit" not in html_shown(app)
    assert "DEMO" in html_shown(app), "a demo stays marked as a demo"


def test_overview_counts_departments_in_singular_and_plural(demo_shown):
    app = open_page("overview", "nl")
    captions = [caption.value for caption in app.caption]
    counted = [caption for caption in captions if "met signaal" in caption]
    assert counted, "the demo has departments with signals"
    for caption in counted:
        number = int(caption.split()[0])
        assert caption == (f"{number} dienst met signaal" if number == 1
                           else f"{number} diensten met signaal")
    assert not any("(en)" in caption for caption in captions)


@pytest.fixture
def absences_behind_workforce():
    """Workforce up to October 2025, absences up to September: October is incomplete."""
    from signals import config
    from signals.ingest.loader import ingest_bytes

    months = ("2025-07", "2025-08", "2025-09", "2025-10")
    files = {
        "workforce": ["month;department;headcount;hours_worked"] + [
            f"{month};{department};40;6000" for month in months for department in ("Noord", "Zuid")],
        "absences": ["employee_id;department;start_date;end_date;absence_type"] + [
            f"E{index};Noord;{month}-03;{month}-05;illness"
            for index, month in enumerate(months[:3])],
    }
    for kind, lines in files.items():
        result = ingest_bytes(config.default_db_path(), kind, f"{kind}.csv",
                              ("\n".join(lines) + "\n").encode())
        assert result.accepted, result.error_report()


def warnings_shown(app) -> str:
    return "\n".join(warning.value for warning in app.warning)


@pytest.mark.parametrize("key", ["overview", "hotspots"])
def test_a_month_without_its_absences_is_incomplete_not_quiet(absences_behind_workforce, key):
    app = open_page(key, "nl")
    notice = warnings_shown(app)
    assert "oktober 2025 is nog onvolledig" in notice
    assert "Afwezigheden (laatste maand: september 2025)" in notice
    assert "Afwezigheidsgraad" in notice
    assert not [s.value for s in app.success if "Geen enkele dienst" in s.value], \
        "no green 'no department signals this month'"
    assert "nog onvolledig (zie hierboven)" in "\n".join(info.value for info in app.info)
    if key == "overview":
        app.session_state["overview_group_absence"] = True      # open the theme's tiles
        app.run()
        theme = next(row for row in app.expander if row.key == "overview_group_absence")
        lights = "\n".join(str(element.proto) for element in theme.get("html"))
        from_absences = [indicator for indicator in INDICATORS if indicator.source_kind == "absences"]
        assert lights.count("signal-light signal-incomplete") == len(from_absences), \
            "every indicator computed from absences"
    app.selectbox(key=f"{key}_month").select_index(1).run()       # September
    assert "onvolledig" not in warnings_shown(app), "September is complete"


def test_trends_name_the_incomplete_months_of_the_indicator(absences_behind_workforce):
    app = open_page("trends", "en")
    assert "Not complete yet for this indicator: Oct 2025 (nothing uploaded yet for" in \
        warnings_shown(app)
    app.selectbox(key="trends_group").set_value("turnover").run()
    app.selectbox(key="trends_indicator").set_value("turnover_rate").run()
    assert "Not complete yet" not in warnings_shown(app)


def figure_constructions(source: str) -> list[tuple[int, str]]:
    """Where a source builds a Plotly figure other than through ui.charts.new_figure: a
    go.Figure(...) outside new_figure that is not a copy of a figure already built
    (go.Figure(figure), go.Figure(figure.to_dict())), plotly.express or make_subplots."""
    import ast

    tree = ast.parse(source)
    inside_new_figure = {id(node) for function in ast.walk(tree)
                         if isinstance(function, ast.FunctionDef) and function.name == "new_figure"
                         for node in ast.walk(function)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [alias.name for alias in node.names] + [getattr(node, "module", "") or ""]
            if any(name and ("plotly.express" in name or name == "make_subplots") for name in names):
                found.append((node.lineno, "plotly.express / make_subplots"))
        if not isinstance(node, ast.Call) or id(node) in inside_new_figure:
            continue
        called = ast.unparse(node.func)
        if called in ("go.Figure", "Figure", "plotly.graph_objects.Figure"):
            copy = (len(node.args) == 1 and not node.keywords
                    and ast.unparse(node.args[0]) in ("figure", "figure.to_dict()"))
            if not copy:
                found.append((node.lineno, ast.unparse(node)))
        elif called.startswith("px.") or called == "make_subplots":
            found.append((node.lineno, called))
    return found


def test_every_figure_of_the_pages_starts_in_new_figure():
    """French decimal commas everywhere a number is drawn: every chart gets its separators in
    ui.charts.new_figure, so no page or helper builds a figure another way."""
    from pathlib import Path

    project = Path(__file__).resolve().parent.parent
    sources = sorted((project / "ui").glob("*.py")) + sorted((project / "pages").rglob("*.py"))
    assert len(sources) > 20
    found = {str(path.relative_to(project)): figure_constructions(path.read_text(encoding="utf-8"))
             for path in sources}
    assert {path: places for path, places in found.items() if places} == {}
    assert figure_constructions("import plotly.graph_objects as go\ngo.Figure(data=[])\n"), \
        "the check sees a figure built by hand"
    assert figure_constructions("import plotly.express as px\npx.bar([1])\n")
