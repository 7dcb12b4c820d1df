"""The dashboard's plain helpers: safe CSV downloads, funnel curves, labels, reference figures."""

from __future__ import annotations

import datetime as dt
import io
import re
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from literal_tables import read_literal_table, tables_in

from signals import store
from signals.access import control as access
from signals.definitions import INDICATOR_IDS
from signals.ingest.loader import ingest_bytes
from signals.measures.reference import REFERENCE_FIGURES, reference_for
from ui import navigation
from ui.access_control import local_time
from ui.charts import heatmap, localise_month_axis, plotly_text
from ui.data import load_upload_history
from ui.downloads import neutralise_cell, safe_csv
from ui.funnel import Z, funnel_frames
from ui.labels import SOFT_HYPHEN, breakable, change_text, display_value, indicator_name, month_ranges, plain
from ui.navigation import HOME_URL_PATH, PAGE_KEYS, visible_pages
from ui.tables import literal_table_html
from ui.widgets import first_recorded_index


@pytest.mark.parametrize("cell", ["=1+1", "+32", "-2", "@SUM(A1)", "\tx"])
def test_formula_like_text_gets_an_apostrophe(cell):
    assert neutralise_cell(cell) == "'" + cell


def test_plain_values_stay_as_they_are():
    assert neutralise_cell("Geriatrie") == "Geriatrie"
    assert neutralise_cell(-2.5) == -2.5
    assert neutralise_cell(None) is None


def test_safe_csv_neutralises_every_text_column_and_header():
    frame = pd.DataFrame({"department": ["=HYPERLINK(\"x\")", "Noord"], "value": [-1.5, 2.0],
                          "=evil": ["@me", "ok"]})
    back = pd.read_csv(io.BytesIO(safe_csv(frame)), encoding="utf-8-sig")
    assert list(back.columns) == ["department", "value", "'=evil"]
    assert back["department"].tolist() == ["'=HYPERLINK(\"x\")", "Noord"]
    assert back["value"].tolist() == [-1.5, 2.0]
    assert back["'=evil"].tolist() == ["'@me", "ok"]


def funnel_rows(organisation_value=5.0, spread=40.0, sizes=(400, 900, 2500, 10000)):
    """Rows shaped like the funnel frame of signals.alerts.detection, limits of the form value +/- z K / sqrt(n)."""
    sizes = np.array(sizes, dtype=float)
    rows = pd.DataFrame({
        "month": dt.date(2026, 1, 1), "indicator": "absence_rate",
        "department": [f"D{i}" for i in range(len(sizes))], "numerator": sizes * 0.05,
        "denominator": sizes, "value": [5.0, 9.5, 4.0, 5.5], "organisation_value": organisation_value,
        "phi": 1.0, "z": 0.0,
    })
    for level, sign in (("95", 1), ("998", 1)):
        rows[f"upper_{level}"] = organisation_value + sign * Z[level] * spread / np.sqrt(sizes)
        rows[f"lower_{level}"] = np.maximum(organisation_value - Z[level] * spread / np.sqrt(sizes), 0)
    return rows


def test_funnel_curves_pass_through_each_departments_own_limits():
    rows = funnel_rows()
    points, limits, organisation = funnel_frames(rows, dt.date(2026, 1, 1), "absence_rate")
    assert organisation == 5.0
    for row in rows.itertuples():
        curve = np.interp(row.denominator, limits["denominator"], limits["upper95"])
        assert curve == pytest.approx(row.upper_95, rel=0.02)
    assert points.set_index("department")["level"].to_dict() == {
        "D0": "ok", "D1": "alert", "D2": "ok", "D3": "ok"}


def test_funnel_without_rows_for_the_month_is_empty():
    points, limits, organisation = funnel_frames(funnel_rows(), dt.date(2025, 1, 1), "absence_rate")
    assert points.empty and limits.empty and np.isnan(organisation)


def test_suppressed_value_is_never_formatted():
    assert display_value(85.7, "absence_rate", "nl", suppressed=True, min_group_size=10) == \
        "minder dan 10 personen: niet getoond"
    assert display_value(8.57, "absence_rate", "nl") == "8,6%"
    assert display_value(float("nan"), "absence_rate", "en") == "–"


def test_change_text_has_sign_and_unit():
    assert change_text(0.42, "absence_rate", "nl") == "+0,4 %-punt"
    assert change_text(-3, "long_term_absentees", "en") == "-3"
    assert change_text(None, "absence_rate", "en") is None
    assert change_text(0.04, "absence_rate", "fr") == "0", "a change that rounds to nothing is no change"


def test_reference_figures_keep_source_and_year_and_convert_yearly_counts():
    assert {figure.source for figure in REFERENCE_FIGURES} == {"Securex"}
    absence = reference_for("absence_rate")
    assert (absence.yearly_value, absence.year, absence.monthly_value) == (8.57, 2024, 8.57)
    outflow = reference_for("turnover_rate")
    assert outflow.year == 2023 and outflow.monthly_value == pytest.approx(17.6 / 12)
    assert reference_for("voluntary_turnover_rate").monthly_value == pytest.approx(11.0 / 12)
    assert reference_for("aggression_rate") is None


def test_page_registry_filters_by_allowed_keys():
    assert PAGE_KEYS == ("overview", "trends", "hotspots", "prediagnosis", "survey", "reintegration",
                         "upload", "data", "audit", "actions", "method")
    assert PAGE_KEYS == access.PAGES, "the registry follows the access rules' page list"
    assert [page.key for page in visible_pages(["upload", "overview", "nope"])] == ["overview", "upload"]
    assert [page.key for page in visible_pages(None)] == list(PAGE_KEYS)


class RecordedPage:
    def __init__(self, page, **options):
        self.page, self.options = page, options


@pytest.mark.parametrize("allowed", [None, ["upload", "data"]])
def test_the_first_pages_own_key_leads_to_it(monkeypatch, allowed):
    """Streamlit serves the default page at "/" only: "/overview" (or "/upload" for HR)
    must lead there, not to "Page not found"."""
    switched = []
    monkeypatch.setattr(navigation.st, "Page", RecordedPage)
    monkeypatch.setattr(navigation.st, "navigation", lambda pages, **options: pages)
    monkeypatch.setattr(navigation.st, "switch_page", switched.append)
    pages = navigation.build_navigation("nl", allowed_keys=allowed)
    home = pages[0]
    first_key = visible_pages(allowed)[0].key
    assert home.options["default"] and home.options["url_path"] == HOME_URL_PATH
    for key in (first_key, "login"):           # a bookmark of /login, once logged in
        aliases = [p for p in pages if p.options["url_path"] == key]
        assert len(aliases) == 1 and aliases[0].options["visibility"] == "hidden"
        aliases[0].page()
        assert switched.pop() == home
    paths = [p.options["url_path"] for p in pages]
    assert len(paths) == len(set(paths)) and set(PAGE_KEYS) <= set(paths)


def test_before_login_every_path_shows_the_login(monkeypatch):
    monkeypatch.setattr(navigation.st, "Page", RecordedPage)
    monkeypatch.setattr(navigation.st, "navigation", lambda pages, **options: pages)
    pages = navigation.build_navigation("nl", login=True)
    assert pages[0].options["default"] and pages[0].options["url_path"] == HOME_URL_PATH
    assert {p.options["url_path"] for p in pages[1:]} == {"login", *PAGE_KEYS}
    assert {p.page for p in pages} == {str(navigation.APP_ROOT / navigation.LOGIN_PAGE.file)}


def test_read_connection_waits_for_a_writer_in_the_same_process(db_path):
    """An upload in the app process holds a writable connection; a page's read waits for it."""
    import threading
    import time

    from signals import store
    from ui.data import read_connection

    writer = store.open_connection(db_path)
    threading.Timer(0.4, writer.close).start()
    started = time.monotonic()
    with read_connection(db_path) as con:
        assert store.schema_version(con) == store.SCHEMA_VERSION
    assert time.monotonic() - started >= 0.3


def test_upload_log_times_are_utc_and_shown_in_brussels_time(db_path):
    ingest_bytes(db_path, "absences", "jan.csv",
                 b"employee_id,department,start_date,end_date,absence_type\nE1,Zorg,2024-01-02,,\n")
    with store.connect(db_path) as con:
        stored = con.execute("SELECT epoch_us(uploaded_at) FROM uploads").fetchone()[0]
    uploaded = load_upload_history(db_path)["uploaded_at"].iloc[0]
    instant = dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(microseconds=stored)
    assert uploaded.tzinfo is None and uploaded.to_pydatetime() == instant.replace(tzinfo=None)
    brussels = instant.astimezone(ZoneInfo("Europe/Brussels"))
    assert local_time(uploaded) == brussels.strftime("%Y-%m-%d %H:%M")


def test_month_ranges_join_consecutive_months():
    months = [dt.date(2010, m, 1) for m in range(4, 13)] + [
        dt.date(2011, 1, 1), dt.date(2011, 3, 1), dt.date(2012, 12, 1), dt.date(2013, 1, 1)]
    assert month_ranges(months, "nl") == "apr 2010 – jan 2011, mrt 2011, dec 2012 – jan 2013"
    assert month_ranges([], "fr") == ""


def test_literal_tables_escape_every_cell_and_show_the_index():
    frame = pd.DataFrame({"Value": ["[12](https://example.org)", "<b>x</b>", None],
                          "Count": [1, 22, 333]},
                         index=pd.Index([3, 4, 9], name="Line"))
    markup = literal_table_html(frame)
    assert "<b>x" not in markup and "&lt;b&gt;x&lt;/b&gt;" in markup
    assert markup.count("<td class=number>") == 6, "line numbers and counts right-aligned"
    shown = read_literal_table(markup)
    assert shown.columns.tolist() == ["Line", "Value", "Count"]
    assert shown.values.tolist() == [["3", "[12](https://example.org)", "1"],
                                     ["4", "<b>x</b>", "22"], ["9", "", "333"]]
    assert tables_in(["<p>no table</p>", markup])[0].equals(shown)
    assert read_literal_table(literal_table_html(frame, show_index=False)).columns.tolist() == [
        "Value", "Count"]


@pytest.mark.parametrize("typed", ["[x](https://e.org).csv", "*Zorg* & R_D", ":material/home: :red[a]",
                                   "1. report.csv", "$m^2$ <b>"])
def test_plain_text_keeps_markdown_from_forming(typed):
    shown = plain(typed)
    unescaped = re.sub(r"\\(.)", r"\1", shown).replace("\u200b", "")
    assert unescaped == typed, "the reader sees what was typed"
    assert not re.search(r"(?<!\\)[\[\]()*_$<>&]", shown), "every Markdown character escaped"
    assert ":material/" not in shown and "https://" not in shown


def test_tile_names_break_only_at_dutch_compound_joints():
    names = {i: breakable(indicator_name(i, "nl")) for i in INDICATOR_IDS}
    assert names["accident_frequency_rate"] == f"Frequentie{SOFT_HYPHEN}graad arbeids{SOFT_HYPHEN}ongevallen"
    assert names["reintegration_request_rate"] == f"Re-integratie{SOFT_HYPHEN}verzoeken"
    assert names["absence_frequency"] == "Frequentie van afwezigheid"    # no joint before a space
    assert names["psychosocial_request_rate"] == f"Psycho{SOFT_HYPHEN}sociale verzoeken"
    for i in INDICATOR_IDS:           # without the soft hyphens the names are unchanged
        assert names[i].replace(SOFT_HYPHEN, "") == indicator_name(i, "nl")
        for lang in ("fr", "en"):     # French and English break only 'psycho-social'
            name = indicator_name(i, lang)
            expected = name.replace("sycho", "sycho" + SOFT_HYPHEN)
            assert breakable(name) == expected


@pytest.mark.parametrize(("count", "every"), [(6, 1), (18, 3), (36, 6), (42, 12), (108, 24)])
def test_month_axis_keeps_at_most_6_level_ticks(count, every):
    months = [dt.date(2010 + m // 12, m % 12 + 1, 1) for m in range(count)]
    figure = go.Figure()
    localise_month_axis(figure, months, "nl")
    ticks = [pd.Timestamp(value).date() for value in figure.layout.xaxis.tickvals]
    assert 2 <= len(ticks) <= 6 and figure.layout.xaxis.tickangle == 0
    assert all((tick.year * 12 + tick.month - 1) % every == 0 for tick in ticks)
    assert ticks[1].year * 12 + ticks[1].month - (ticks[0].year * 12 + ticks[0].month) == every


def test_department_names_show_in_charts_as_typed():
    """Plotly reads <b>, <a href>, <br> in texts: a department name must not."""
    table = pd.DataFrame({"department": ["<b>R&D</b>"], "indicator": ["absence_rate"],
                          "value": [4.0], "suppressed": [False], "level": ["watch"],
                          "reason_en": ["Absence rate 4.0%"]})
    cells = heatmap(table, "en", 10).data[0]
    assert list(cells.y) == ["&lt;b&gt;R&amp;D&lt;/b&gt;"]
    assert cells.hovertext[0][0].startswith("&lt;b&gt;R&amp;D&lt;/b&gt; · Absence rate<br>")
    assert plotly_text("Zorg <65 & 65+") == "Zorg &lt;65 &amp; 65+"


def test_heatmap_cell_without_a_figure_is_uncoloured_not_green():
    table = pd.DataFrame({"department": ["Zorg", "Zorg"],
                          "indicator": ["absence_rate", "turnover_rate"],
                          "value": [np.nan, 1.5], "suppressed": [False, False],
                          "level": [None, None]})
    cells = heatmap(table, "en", 10).data[0]
    assert np.isnan(cells.z[0][0]) and cells.z[0][1] == 0
    assert cells.text[0][0] == "–" and "no figure" in cells.hovertext[0][0]


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_heatmap_headings_are_short_and_the_hover_names_the_indicator_in_full(lang):
    """Ten angled headings side by side fit a 1280-pixel screen only if short."""
    table = pd.DataFrame({"department": ["Zorg"] * len(INDICATOR_IDS), "indicator": INDICATOR_IDS,
                          "value": [1.0] * len(INDICATOR_IDS),
                          "suppressed": [False] * len(INDICATOR_IDS),
                          "level": [None] * len(INDICATOR_IDS)})
    cells = heatmap(table, lang, 10).data[0]
    assert len(set(cells.x)) == len(INDICATOR_IDS)
    for heading in cells.x:
        lines = heading.split("<br>")
        assert len(lines) <= 2 and max(map(len, lines)) <= 14, heading
    for indicator, hover in zip(INDICATOR_IDS, cells.hovertext[0]):
        assert indicator_name(indicator, lang) in hover


def test_indicator_choices_open_on_the_first_recorded_indicator():
    assert first_recorded_index(()) == 0
    assert first_recorded_index(("absence_rate", "absence_frequency", "long_term_absentees")) == 3
    assert first_recorded_index(tuple(INDICATOR_IDS)) == 0      # nothing recorded: the first


def test_heatmap_hover_says_why_a_cell_signals():
    table = pd.DataFrame({"department": ["Zorg", "Zorg"],
                          "indicator": ["absence_rate", "turnover_rate"],
                          "value": [12.0, 0.0], "suppressed": [False, False],
                          "level": [None, "watch"],
                          "reason_en": [None, "Turnover over 12 months 3.1%, above the funnel limit"]})
    hover = heatmap(table, "en", 10).data[0].hovertext[0]
    assert "funnel limit" in hover[1] and "0.0" in hover[1]
    assert "<br>" in hover[0] and "funnel" not in hover[0]


def test_the_cached_heatmap_has_the_same_text_as_its_cached_copy(demo_database_file):
    """A first visit's heatmap and the copy the cache gives later must be the same JSON:
    the chart's element id hashes it, and a changed id swallowed the first click."""
    import pickle

    import plotly.io as pio

    from signals.alerts.detection import evaluate
    from ui.charts import heatmap
    from ui.figures import stable_figure

    with store.connect(demo_database_file, read_only=True) as con:
        chart = evaluate(con).chart
    cells = chart[(chart["month"] == max(chart["month"])) & (chart["department"] != "ALL")]
    figure = stable_figure(heatmap(cells.assign(suppressed=False), "en", 10))
    copy = pickle.loads(pickle.dumps(figure))
    assert pio.to_json(figure, validate=False) == pio.to_json(copy, validate=False)


def test_german_survey_domains_break_at_their_joints():
    """At 1280 pixels six score tiles share a row: 'Lebensbedingungen' ran into the next
    tile's title until it could break after 'Lebens'."""
    from ui.survey_view import domain_name

    assert breakable(domain_name("working_conditions", "de")) == \
        f"Lebens{SOFT_HYPHEN}bedingungen bei der Arbeit"
    assert breakable(domain_name("work_organisation", "de")) == f"Arbeits{SOFT_HYPHEN}organisation"
