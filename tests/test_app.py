"""The dashboard pages in Streamlit's AppTest: they render, their widgets work, small groups stay hidden."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from literal_tables import tables_in
from streamlit.testing.v1 import AppTest

from signals import config, store
from signals.alerts.groups import DEFAULT_FOLLOWED
from signals.definitions import INDICATOR_GROUPS, INDICATOR_IDS, INDICATORS_BY_ID, LANGUAGES
from signals.ingest.loader import ingest_bytes
from ui.labels import plain
from ui.navigation import PAGE_KEYS, PAGES_BY_KEY

APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")
MONTHS = ("2025-01", "2025-02", "2025-03")
TINY_SHARE = "85.7"          # 6 of 7 people in the small department absent: 85.714...%


@pytest.fixture
def demo_shown(demo_database_file):
    """No real data yet: the app shows a copy of the demo organisation."""
    shutil.copy(demo_database_file, config.demo_db_path())


def workforce_csv() -> bytes:
    lines = ["month;department;headcount;hours_worked"]
    for month in MONTHS:
        for department, headcount in (("Alpha", 40), ("Beta", 35), ("Gamma", 20), ("Tiny", 7)):
            lines.append(f"{month};{department};{headcount};{headcount * 150}")
    return ("\n".join(lines) + "\n").encode()


def absences_csv() -> bytes:
    lines = ["employee_id;department;start_date;end_date;absence_type"]
    lines += [f"T{n};Tiny;01/01/2025;31/03/2025;illness" for n in range(6)]
    lines += ["A1;Alpha;06/01/2025;10/01/2025;illness", "B1;Beta;03/02/2025;05/02/2025;illness"]
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def real_data_with_small_group():
    path = config.default_db_path()
    for kind, data in (("workforce", workforce_csv()), ("absences", absences_csv())):
        result = ingest_bytes(path, kind, f"{kind}.csv", data)
        assert result.accepted, result.error_report()
    return path


def open_page(key: str, lang: str = "nl", **query) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=90)
    app.query_params["lang"] = lang
    for name, value in query.items():
        app.query_params[name] = value
    app.run()
    if key != "overview":
        app.switch_page(PAGES_BY_KEY[key].file)
        app.run()
    assert not app.exception, [error.value for error in app.exception]
    return app


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def rendered_text(app: AppTest) -> str:
    """Everything the page sent to the browser: element messages, chart specs, table cells."""
    parts = []
    for root in (app.main, app.sidebar):
        for node in _walk(root):
            proto = getattr(node, "proto", None)
            if proto is not None:
                parts.append(str(proto))
    parts += [frame.value.to_string() for frame in app.dataframe]
    return "\n".join(parts)


def shown_tables(app: AppTest) -> list:
    return tables_in(element.proto.body for element in app.get("html"))


def error_report(app: AppTest, line_header: str = "Line"):
    """The upload page's error table (the column guides of the templates are tables too)."""
    return next(table for table in shown_tables(app) if line_header in table.columns)


def demo_banner_shown(app: AppTest) -> bool:
    return any("DEMO" in str(element.proto) for element in app.get("html"))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("key", PAGE_KEYS)
def test_every_page_renders_on_the_demo(demo_shown, key, lang):
    app = open_page(key, lang)
    assert app.title, "every page has a title"
    assert demo_banner_shown(app)


def test_overview_tiles_and_month_choice(demo_shown):
    app = open_page("overview", "en")
    assert len(app.metric) == len(DEFAULT_FOLLOWED)      # the themes open on the others
    month = app.selectbox(key="overview_month")
    latest_header = app.header[0].value
    month.select_index(12).run()
    assert not app.exception
    assert app.header[0].value != latest_header
    assert "2025" in app.header[0].value or "2024" in app.header[0].value


def test_presentation_mode_hides_controls(demo_shown):
    app = open_page("overview", "nl", present="1")
    assert not app.get("selectbox"), "no month choice on the projector"
    assert not app.sidebar.get("toggle")
    assert len(app.metric) == len(DEFAULT_FOLLOWED)      # the themes open on the others
    app.button(key="exit_presentation").click().run()
    assert "present" not in app.query_params


def test_trends_widgets(demo_shown):
    app = open_page("trends", "en")
    assert len(app.get("plotly_chart")) == 1
    app.selectbox(key="trends_group").set_value("turnover").run()
    app.selectbox(key="trends_indicator").set_value("turnover_rate").run()
    app.toggle(key="trends_reference").set_value(True).run()
    chart = str(app.get("plotly_chart")[0].proto)
    assert "Securex 2023" in chart and "yearly figure divided by 12" in chart
    departments = app.multiselect(key="trends_departments")
    departments.set_value(["ALL", departments.options[1]]).run()
    assert len(app.get("plotly_chart")) == 2
    app.segmented_control(key="trends_view").set_value("rolling12").run()
    assert not app.exception
    assert "rolling 12 months" in str(app.get("plotly_chart")[0].proto)


def test_hotspots_heatmap_ranking_and_funnel(demo_shown):
    app = open_page("hotspots", "fr")
    charts = app.get("plotly_chart")
    assert len(charts) == 2, "heatmap and funnel plot"
    assert "Signaux par service et indicateur" in str(charts[0].proto)
    ranked = shown_tables(app)[0]
    assert ranked.columns[0] == "Rang" and ranked["Rang"].tolist()[:2] == ["1", "2"]
    assert len(ranked) >= 1, "the ranked list (the demo has deteriorating departments)"
    assert "Pourquoi" not in ranked.columns, "the reasons follow the table, a line each"
    assert "Pourquoi ces services" in [header.value for header in app.subheader]
    blocks = [str(block.proto) for block in app.get("html")
              if 'class=\\"attention-row' in str(block.proto)]
    assert len(blocks) == len(ranked)
    signalled = ranked.iloc[0]["Indicateurs"].count(",") + 1
    assert blocks[0].count("<li>") == signalled, "one reason line per signalling indicator"
    app.selectbox(key="hotspots_funnel_indicator").set_value("turnover_rate").run()
    assert not app.exception


def heatmap_columns(chart) -> list[str]:
    """The labels on the heatmap's x axis, one per indicator column."""
    figure = json.loads(chart.proto.spec)
    return list(figure["data"][0]["x"])


def test_the_heatmap_shows_one_theme_at_a_time_the_busiest_first(demo_shown):
    """24 indicators do not fit one heatmap at 1280 pixels: a theme control chooses the columns,
    at first the theme with the most signals of the month, each theme with its count."""
    app = open_page("hotspots", "en")
    themes = app.segmented_control(key="hotspots_group")
    assert themes.options and len(themes.options) == len(INDICATOR_GROUPS)
    first = themes.value
    columns = heatmap_columns(app.get("plotly_chart")[0])
    assert len(columns) == len(INDICATOR_GROUPS[first]) < len(INDICATOR_IDS)
    themes.set_value("turnover").run()
    assert not app.exception
    assert len(heatmap_columns(app.get("plotly_chart")[0])) == len(INDICATOR_GROUPS["turnover"])


def test_every_indicator_belongs_to_exactly_one_theme():
    grouped = [indicator for members in INDICATOR_GROUPS.values() for indicator in members]
    assert sorted(grouped) == sorted(INDICATOR_IDS)


def test_language_switch_keeps_the_choice_in_the_url(demo_shown):
    app = open_page("overview", "nl")
    assert app.title[0].value == "Overzicht voor het comité"
    app.sidebar.segmented_control(key="sidebar_language").set_value("fr").run()
    assert app.query_params["lang"] == "fr"
    assert app.title[0].value == "Vue d'ensemble pour le comité"


def test_lang_de_in_the_link_opens_the_app_in_german(demo_shown):
    """?lang=de: the German-speaking Community reads every screen in German."""
    app = open_page("overview", "de")
    assert app.title[0].value == "Übersicht für den Ausschuss"
    assert app.sidebar.segmented_control(key="sidebar_language").value == "de"
    shown = rendered_text(app)
    assert "Abwesenheitsquote" in shown and "Absence rate" not in shown
    app = open_page("hotspots", "de")
    assert app.title[0].value == "Auffälligkeiten zur Nachverfolgung"
    assert "Warum diese Abteilungen" in [header.value for header in app.subheader]


def test_settings_store_min_group_size(demo_shown):
    app = open_page("data", "en")
    app.number_input(key="min_group_size_input").set_value(12)
    app.get("form_submit_button")[0].click().run()
    assert not app.exception
    with store.connect(config.demo_db_path(), read_only=True) as con:
        assert store.min_group_size(con) == 12


def test_invalid_upload_is_reported_and_stores_nothing(demo_shown):
    app = open_page("upload", "en")
    bad = b"month,department,headcount\n2025-01,Alpha,40\n2025-02,Beta,-3\n2025/13,Gamma,5\n"
    app.file_uploader(key="upload_files").set_value(("bad.csv", bad, "text/csv")).run()
    assert not app.exception
    assert any("File rejected: 2 errors." in error.value for error in app.error)
    report = error_report(app)
    assert sorted(report["Line"].astype(int)) == [3, 4], "lines as in a spreadsheet, shown"
    assert not app.button, "no store button for an invalid file"
    assert not _has_data(config.default_db_path())
    assert demo_banner_shown(app)


def test_upload_report_shows_file_values_as_typed_not_as_markdown(demo_shown):
    """st.table rendered '[12](https://example.org)' as a link reading '12'."""
    app = open_page("upload", "en")
    bad = (b"month,department,headcount\n2025-01,Alpha,[12](https://example.org)\n"
           b"2025-02,Beta,*7*\n")
    app.file_uploader(key="upload_files").set_value(("[x](https://e.org).csv", bad, "text/csv")).run()
    assert not app.exception
    report = error_report(app)
    assert report["Value found"].tolist() == ["[12](https://example.org)", "*7*"]
    assert "<a " not in rendered_text(app).split("DEMO")[-1]
    assert app.subheader[0].value == plain("[x](https://e.org).csv")


def test_valid_upload_needs_confirmation_then_shows(demo_shown):
    app = open_page("upload", "en")
    app.file_uploader(key="upload_files").set_value(("staff.csv", workforce_csv(), "text/csv")).run()
    assert app.selectbox[0].value == "workforce", "kind recognised from the header"
    assert not _has_data(config.default_db_path()), "nothing stored before confirmation"
    store_button = [button for button in app.button if button.key.startswith("store_")][0]
    assert store_button.disabled, "the demo is replaced only once HR agreed"
    assert any("no longer the demo" in warning.value for warning in app.warning)
    app.checkbox(key="upload_demo_confirm").check().run()
    store_button = [button for button in app.button if button.key.startswith("store_")][0]
    assert not store_button.disabled
    store_button.click().run()
    assert not app.exception
    assert any("Stored: 12 rows" in message.value for message in app.success)
    assert [metric.value for metric in app.metric] == ["12", "0", "0"]
    overview = open_page("overview", "en")
    assert not demo_banner_shown(overview)
    assert overview.header[0].value == "March 2025"


def _has_data(path) -> bool:
    if not path.exists():
        return False
    with store.connect(path, read_only=True) as con:
        return store.has_data(con)


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_suppressed_group_value_never_rendered(real_data_with_small_group, key):
    app = open_page(key, "en")
    if key == "trends":
        app.multiselect(key="trends_departments").set_value(["Tiny", "Gamma"]).run()
        assert any("No figures for Tiny" in info.value for info in app.info)
    if key == "hotspots":
        app.selectbox(key="hotspots_month").set_value(dt.date(2025, 1, 1)).run()
    text = rendered_text(app)
    assert TINY_SHARE not in text and TINY_SHARE.replace(".", ",") not in text
    if key == "hotspots":
        assert "fewer than 10 people: not shown" in text
        assert "0.6%" in text, "a shown department's value does appear (the check can see values)"
    if key == "overview":
        assert not demo_banner_shown(app)


def test_indicators_of_files_never_uploaded_are_empty_not_zero(real_data_with_small_group):
    # workforce and absences only: turnover, incidents and re-integration were never uploaded
    app = open_page("overview", "nl")
    notice = " ".join(info.value for info in app.info)
    assert "In- en uitstroom" in notice and "Incidenten" in notice and "Re-integratie" in notice
    assert "Afwezigheden" not in notice
    app.session_state["overview_group_turnover"] = True         # open the theme
    app.run()
    tiles = {metric.label: metric.value for metric in app.metric}
    assert tiles["Uitstroom"] == "–" and tiles["Afwezigheidsgraad"] != "–"
    assert "Geen gegevens" in rendered_text(app)

    trends = open_page("trends", "nl")
    assert trends.selectbox(key="trends_indicator").value == "absence_rate"
    trends.selectbox(key="trends_group").set_value("turnover").run()
    assert trends.selectbox(key="trends_indicator").value == "turnover_rate"
    assert not trends.exception and not trends.get("plotly_chart")
    assert any("Uitstroom" in info.value and "nog niet opgeladen" in info.value
               for info in trends.info)

    hotspots = open_page("hotspots", "en")
    hotspots.segmented_control(key="hotspots_group").set_value("turnover").run()
    heatmap = str(hotspots.get("plotly_chart")[0].proto)
    assert "no figure: no data uploaded" in heatmap


def test_heatmap_puts_departments_with_signals_first_and_draws_a_limited_number(demo_shown):
    from ui.data import load_hotspots, load_indicators
    from ui.figures import heatmap_figure, heatmap_order

    path = config.demo_db_path()
    with store.open_connection(path, read_only=True) as con:
        key = (str(path), store.data_version(con), store.min_group_size(con))
    month = max(load_indicators(*key)["month"])
    order = heatmap_order(*key, month)
    ranked = load_hotspots(*key, month)["department"].tolist()
    assert ranked, "the demo has departments with signals"
    assert order[:len(ranked)] == ranked
    assert order[len(ranked):] == sorted(order[len(ranked):])
    assert list(heatmap_figure(*key, month, "en", 3).data[0].y) == order[:3]
    assert list(heatmap_figure(*key, month, "en", None).data[0].y) == order


def test_first_start_builds_the_demo_once(demo_database_file, monkeypatch):
    """No real data and no demo yet: the app builds the demo (here: copies the session's build)."""
    import signals.demo

    built = []

    def build_demo_copy(path, **options):
        built.append(Path(path))
        shutil.copy(demo_database_file, path)
        return "copied"

    monkeypatch.setattr(signals.demo, "build_demo", build_demo_copy)
    app = open_page("overview", "en")
    assert built == [config.demo_db_path()]
    assert demo_banner_shown(app) and len(app.metric) == len(DEFAULT_FOLLOWED)
    open_page("trends", "en")
    assert len(built) == 1, "built once, then reused"


@pytest.mark.parametrize("lang, title, words", [
    ("nl", "Hoe de signalen werken", ("verwachte waarde", "Opvolgen", "aanvullende onderdrukking",
                                      "CUSUM", "3 sigma")),
    ("fr", "Comment fonctionnent les signaux", ("valeur attendue", "suppression complémentaire",
                                                "CUSUM", "3 sigma")),
    ("en", "How the signals work", ("expected value", "complementary suppression", "CUSUM",
                                    "3 sigma", "at least 12 months")),
    ("de", "So funktionieren die Signale", ("erwartete Wert", "komplementäre Unterdrückung",
                                            "Präventionsberater", "CUSUM", "3 Sigma")),
])
def test_the_how_the_signals_work_page(demo_shown, lang, title, words):
    app = open_page("method", lang)
    assert app.title[0].value == title
    shown = rendered_text(app)
    for word in words:
        assert word in shown, word
    rules = tables_in(element.proto.body for element in app.get("html"))[0]
    assert len(rules) == 10, "the nine warning rules and the improvement"


@pytest.mark.parametrize("key", ["overview", "trends", "hotspots"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_screens_use_plain_words_not_technical_terms(demo_shown, key, lang):
    """issue 12: '3 sigma', 'CUSUM', 'Score' and 'Noemer over 12 maanden' stay on the
    'How the signals work' page."""
    shown = rendered_text(open_page(key, lang))
    for term in ("sigma", "CUSUM", "Score", "Noemer", "Dénominateur", "Denominator"):
        assert term not in shown, (key, lang, term)


def latest_signal(department: str, indicator: str) -> dict:
    """The demo's newest signalled month of a department's indicator, from the alerts stage."""
    from signals.alerts.detection import evaluate

    with store.connect(config.demo_db_path(), read_only=True) as con:
        chart = evaluate(con, min_group_size=store.min_group_size(con)).chart
    rows = chart[(chart["department"] == department) & (chart["indicator"] == indicator)
                 & chart["level"].notna()]
    assert not rows.empty, "the trends page opens on a department with a signal"
    return rows.sort_values("month").iloc[-1].to_dict()


def test_trend_signal_points_explain_themselves_and_limits_say_when_they_start(demo_shown):
    from signals.alerts.sentences import rule_name
    from signals.texts.formatting import format_value, month_label

    app = open_page("trends", "en")
    figure = json.loads(app.get("plotly_chart")[0].proto.spec)
    [department] = app.multiselect(key="trends_departments").value
    indicator = app.selectbox(key="trends_indicator").value
    point = latest_signal(department, indicator)
    unit = INDICATORS_BY_ID[indicator].unit

    def shown(name):
        return format_value(float(point[name]), unit, "en", with_unit=True)

    month = pd.Timestamp(point["month"])
    markers = [trace for trace in figure["data"]
               if trace.get("name") == f"Signal: {rule_name(point['rule'], 'en')}"]
    assert len(markers) == 1, "one marker trace per rule"
    hovers = dict(zip((pd.Timestamp(x) for x in markers[0]["x"]), markers[0]["hovertext"]))
    lines = hovers[month].split("<br>")
    level = {"alert": "■ Alert", "watch": "▲ Watch"}[point["level"]]
    assert lines[:4] == [
        f"<b>{level}</b> · {month_label(month.date(), 'en')}",
        shown("value"),
        f"expected {shown('expected')} · watch limit {shown('watch_limit')} · "
        f"alert limit {shown('upper_limit')}",
        f"Rule: {rule_name(point['rule'], 'en')}",
    ]
    assert "limits from " in json.dumps(figure), "a mark where the limits start"
    captions = [caption.value for caption in app.caption]
    assert any(caption.startswith("Limits from ") and "at least 12 months" in caption
               for caption in captions), captions


def test_a_clicked_heatmap_cell_opens_that_trend(demo_shown):
    from ui.trend_links import REQUEST_KEY, clicked_cell

    app = open_page("hotspots", "en")
    heatmap_spec = app.get("plotly_chart")[0].proto.spec
    assert '"customdata"' in heatmap_spec
    selection = {"points": [{"customdata": ["Apotheek", "absence_rate"], "x": "Absence"}]}
    assert clicked_cell(selection) == ("Apotheek", "absence_rate")
    assert clicked_cell({"points": []}) is None
    app.session_state[REQUEST_KEY] = ("Apotheek", "turnover_rate")
    app.switch_page(PAGES_BY_KEY["trends"].file).run()
    assert not app.exception
    assert app.multiselect(key="trends_departments").value == ["Apotheek"]
    assert app.selectbox(key="trends_indicator").value == "turnover_rate"
    assert app.selectbox(key="trends_group").value == "turnover", "the theme follows the cell"
    assert not app.warning, "no 'default value and Session State' warning"
    app.run()                                   # the request is used once
    assert app.multiselect(key="trends_departments").value == ["Apotheek"]


def test_measures_never_observed_are_named_apart_from_kinds_never_uploaded(demo_shown):
    # the demo's physician and adviser count three measures; quality incidents and complaints
    # were never observed: not known (–), and not "no observations file uploaded"
    app = open_page("overview", "en")
    notices = [info.value for info in app.info]
    assert any(notice.startswith("No observations uploaded yet for these measures")
               and "Quality incidents" in notice and "Complaints" in notice
               for notice in notices)
    assert not any("Observations" in notice for notice in notices
                   if notice.startswith("No files uploaded yet"))
    app.session_state["overview_group_observations"] = True     # open the theme
    app.run()
    tiles = {metric.label: metric.value for metric in app.metric}
    assert tiles["Quality incidents"] == "–" and tiles["Back complaints"] != "–"


def tile_captions(app: AppTest, indicator: str, lang: str) -> list[str]:
    """The captions of the one overview tile that shows `indicator` (its metric's label)."""
    from ui.labels import indicator_name

    name = indicator_name(indicator, lang)
    tiles = [node for node in _walk(app.main) if getattr(node, "children", None)
             and [metric.label for metric in node.get("metric")] == [name]]
    assert tiles, f"a tile of {indicator}"
    return [caption.value for caption in min(tiles, key=lambda tile: len(list(_walk(tile))))
            .get("caption")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_accident_rates_carry_their_unit_on_the_tile_and_the_trend_axis(demo_shown, lang):
    """issue 12: '12,3' of what? The frequency rate is per million hours worked."""
    from signals.texts.i18n import text

    unit = text("unit.per_million_hours", lang)
    app = open_page("overview", lang)
    app.session_state["overview_group_accidents"] = True        # open the theme's tiles
    app.run()
    captions = tile_captions(app, "accident_frequency_rate", lang)
    assert captions[0] == unit, "the unit under the number"
    trends = open_page("trends", lang)
    trends.selectbox(key="trends_group").set_value("accidents").run()
    trends.selectbox(key="trends_indicator").set_value("accident_frequency_rate").run()
    specs = [json.loads(chart.proto.spec) for chart in trends.get("plotly_chart")]
    assert specs and {spec["layout"]["yaxis"]["title"]["text"] for spec in specs} == {unit}
