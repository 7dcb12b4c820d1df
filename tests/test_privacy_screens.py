"""Small groups on the screens: a department hidden to protect another says so (not "fewer
than N people"), and the minimum group size cannot be set below 5 in the app."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
from test_app import open_page, real_data_with_small_group, rendered_text  # noqa: F401
from test_downloads_privacy import downloads  # noqa: F401

from signals import config, store
from ui.charts import heatmap
from ui.labels import display_value

pytestmark = pytest.mark.usefixtures("listen_on_localhost")

# In real_data_with_small_group Tiny (7) is small, and Gamma (20), the smallest other
# department, is hidden so that ALL minus Alpha and Beta does not give Tiny.
PROTECTING = {"nl": "verborgen om een andere groep te beschermen",
              "fr": "masqué pour protéger un autre groupe",
              "en": "hidden to protect another group"}


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_a_value_hidden_to_protect_another_group_says_so(lang):
    shown = display_value(12.5, "absence_rate", lang, suppressed=True, min_group_size=10,
                          reason="complementary")
    assert shown == PROTECTING[lang]
    small = display_value(12.5, "absence_rate", lang, suppressed=True, min_group_size=10,
                          reason="small")
    assert "10" in small and small != shown


def test_heatmap_cells_name_the_reason():
    table = pd.DataFrame({
        "department": ["Gamma", "Tiny", "Alpha"], "indicator": ["absence_rate"] * 3,
        "value": [None, None, 2.0], "suppressed": [True, True, False],
        "suppression_reason": ["complementary", "small", None], "level": [None] * 3})
    figure = heatmap(table, "en", 10)
    cells = dict(zip(figure.data[0].y, figure.data[0].text))
    hovers = dict(zip(figure.data[0].y, figure.data[0].hovertext))
    assert cells["Gamma"][0] == "hidden" and "hidden to protect another group" in hovers["Gamma"][0]
    assert cells["Tiny"][0] == "< 10" and "fewer than 10 people" in hovers["Tiny"][0]


def test_trends_caption_says_why_months_are_hidden(real_data_with_small_group):  # noqa: F811
    app = open_page("trends", "en")
    app.multiselect(key="trends_departments").set_value(["Gamma"]).run()
    captions = [caption.value for caption in app.caption]
    assert any(caption.startswith("Hidden to protect another group: ") for caption in captions)
    assert not any("Fewer than 10 people" in caption for caption in captions)
    app.multiselect(key="trends_departments").set_value(["Tiny"]).run()
    assert any("Fewer than 10 people" in caption.value for caption in app.caption)


def test_hotspots_heatmap_labels_the_protecting_department(real_data_with_small_group):  # noqa: F811
    app = open_page("hotspots", "en")
    app.selectbox(key="hotspots_month").set_value(dt.date(2025, 1, 1)).run()
    # the figure travels as JSON: '·' and '<br>' escaped
    text = (rendered_text(app).replace("\\", "").replace("u00b7", "·")
            .replace("u003cbru003e", "<br>"))
    assert "Gamma · Absence rate<br>hidden to protect another group" in text
    assert "Tiny · Absence rate<br>fewer than 10 people: not shown" in text


def test_settings_refuse_a_minimum_below_five(real_data_with_small_group):  # noqa: F811
    app = open_page("data", "en")
    field = app.number_input(key="min_group_size_input")
    assert field.min == config.MIN_GROUP_SIZE_FLOOR == 5
    field.set_value(12)
    app.get("form_submit_button")[0].click().run()
    with store.connect(config.default_db_path(), read_only=True) as con:
        assert store.min_group_size(con) == 12


@pytest.mark.parametrize("value", ["0", "abc"])
def test_app_refuses_an_environment_minimum_below_five(real_data_with_small_group,  # noqa: F811
                                                      monkeypatch, value):
    from streamlit.testing.v1 import AppTest
    from test_app import APP

    monkeypatch.setenv("SIGNALS_MIN_GROUP_SIZE", value)
    app = AppTest.from_file(APP, default_timeout=90)
    app.query_params["lang"] = "en"
    app.run()
    assert not app.exception
    assert any("must be a whole number of at least 5" in error.value for error in app.error)
    assert "Alpha" not in rendered_text(app)


def ingest_lines(path, files: dict[str, list[str]]):
    """Store each kind's lines (header first) as one accepted upload; the database's path."""
    from signals.ingest.loader import ingest_bytes

    for kind, lines in files.items():
        result = ingest_bytes(path, kind, f"{kind}.csv", ("\n".join(lines) + "\n").encode())
        assert result.accepted, result.error_report()
    return path


# Issue 11, variant 1, January to March: Klein (6 people) gives hours, Groot (12) does not;
# Klein has two lost-time accidents.
VARIANT_ONE_WORKFORCE = ["month;department;headcount;hours_worked"] + [
    f"{month};{figures}" for month in ("2025-01", "2025-02", "2025-03")
    for figures in ("Klein;6;900", "Groot;12;")]
INCIDENTS_HEADER = ["incident_id;date;department;category;days_lost"]
KLEIN_ACCIDENTS = ["I1;2025-01-08;Klein;work_accident;13", "I2;2025-02-11;Klein;work_accident;17"]


@pytest.fixture
def small_team_with_hours():
    """Issue 11: Klein (6) gives hours, Groot (12) does not; Klein has lost-time accidents."""

    return ingest_lines(config.default_db_path(), {
        "workforce": VARIANT_ONE_WORKFORCE,
        "incidents": INCIDENTS_HEADER + KLEIN_ACCIDENTS + ["I3;2025-01-09;Groot;aggression;0"],
    })


def test_overview_download_hides_all_of_the_accident_rates(small_team_with_hours,
                                                          downloads):  # noqa: F811
    served, _ = downloads
    app = open_page("overview", "en")
    assert not app.exception
    data = next(data for key, _, data in served if key == "download_overview_plain")
    figures = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    accidents = figures[figures["indicator"].isin(["accident_frequency_rate",
                                                   "accident_severity_rate"])]
    assert len(accidents) == 6
    assert (accidents["suppressed"] == "True").all()
    assert (accidents["numerator"] == "").all() and (accidents["value"] == "").all()
    # Klein's rates (13 days / 900 hours: 14.44 per 1000 hours; 1 accident: 1111.1 per
    # million hours) appear nowhere on the page or in the file
    text, csv_text = rendered_text(app), data.decode("utf-8-sig")
    for form in ("14.4", "14,4", "1111", "1.111", "1,111", "18.8", "18,8"):
        assert form not in text and form not in csv_text, form


@pytest.fixture
def audit_case():
    """Issue 11, the audit: A (6) gives no hours; B (12), C (30), D (40) do. ALL of the work
    accidents adds 7 a month, ALL of the accident rates 4 (those giving hours): the accident
    rates' ALL is hidden to protect A (7 - 4 would be A's 3)."""

    path = config.default_db_path()
    months = ("2025-01", "2025-02", "2025-03")
    sizes = (("A", 6, ""), ("B", 12, "1800"), ("C", 30, "4500"), ("D", 40, "6000"))
    incidents = ["incident_id;date;department;category;days_lost"]
    for month in months:
        incidents += [f"I{month}{n};{month}-12;{department};work_accident;2"
                      for n, department in enumerate("AAABCCD")]
    files = {"workforce": ["month;department;headcount;hours_worked"]
             + [f"{month};{name};{size};{hours}" for month in months
                for name, size, hours in sizes],
             "incidents": incidents}
    return ingest_lines(path, files)


def served_csv(served, key: str) -> pd.DataFrame:
    """The last file served under `key` (the page's latest run)."""
    data = next(data for served_key, _, data in reversed(served) if served_key == key)
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", sep=None, engine="python",
                       dtype=str, keep_default_na=False)


def overview_reasons(served, lang: str) -> tuple[dict, dict]:
    """{indicator: reason} of the Overview's Excel (in words) and plain (codes) downloads,
    over every month; one reason per indicator."""
    from signals.texts.i18n import text

    excel = served_csv(served, "download_overview")
    assert text("csv.suppression_reason", lang) in excel.columns
    plain = served_csv(served, "download_overview_plain")
    in_words = excel.groupby(text("csv.indicator", lang))[
        text("csv.suppression_reason", lang)].agg(set)
    codes = plain.groupby("indicator")["suppression_reason"].agg(set)
    assert all(len(reasons) == 1 for reasons in [*in_words, *codes])
    return ({name: next(iter(reasons)) for name, reasons in in_words.items()},
            {name: next(iter(reasons)) for name, reasons in codes.items()})


ACCIDENT_RATES = ("accident_frequency_rate", "accident_severity_rate")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_overview_download_says_the_total_is_hidden_to_protect_a_group(audit_case, downloads,
                                                                    lang):  # noqa: F811
    from signals.texts.i18n import text

    served, _ = downloads
    assert not open_page("overview", lang).exception
    in_words, codes = overview_reasons(served, lang)
    for indicator in ACCIDENT_RATES:
        assert codes[indicator] == "complementary"
        assert in_words[indicator] == PROTECTING[lang]
    assert codes["work_accident_rate"] == ""          # shown: 7 accidents of 88 people
    assert sum(reason != "" for reason in codes.values()) == len(ACCIDENT_RATES)
    assert text("csv.suppression_small", lang) not in in_words.values()


def test_overview_download_says_the_total_is_too_small(small_team_with_hours,
                                                      downloads):  # noqa: F811
    from signals.texts.i18n import text

    served, _ = downloads
    assert not open_page("overview", "en").exception
    in_words, codes = overview_reasons(served, "en")
    for indicator in ACCIDENT_RATES:            # only Klein (6) gives hours
        assert codes[indicator] == "small"
        assert in_words[indicator] == text("csv.suppression_small", "en")
    assert PROTECTING["en"] not in in_words.values()


def test_heatmap_download_names_each_reason(real_data_with_small_group,  # noqa: F811
                                            downloads):  # noqa: F811
    from signals.texts.i18n import text

    served, _ = downloads
    app = open_page("hotspots", "en")
    app.selectbox(key="hotspots_month").set_value(dt.date(2025, 1, 1)).run()
    plain = served_csv(served, "download_heatmap_plain")
    excel = served_csv(served, "download_heatmap")
    codes = plain.groupby("department")["suppression_reason"].agg(set).to_dict()
    assert codes == {"Alpha": {""}, "Beta": {""}, "Gamma": {"complementary"}, "Tiny": {"small"}}
    words = excel.groupby(text("csv.department", "en"))[
        text("csv.suppression_reason", "en")].agg(set).to_dict()
    assert words == {"Alpha": {""}, "Beta": {""}, "Gamma": {PROTECTING["en"]},
                     "Tiny": {text("csv.suppression_small", "en")}}


@pytest.fixture
def small_team_with_hours_then_both():
    """Variant 1 for three months (Klein, 6, gives hours; Groot, 12, does not), then a
    month where Groot gives hours too: the organisation's accident rates show again."""

    return ingest_lines(config.default_db_path(), {
        "workforce": VARIANT_ONE_WORKFORCE + ["2025-04;Klein;6;900", "2025-04;Groot;12;1800"],
        "incidents": INCIDENTS_HEADER + KLEIN_ACCIDENTS + ["I3;2025-04-09;Groot;work_accident;4"],
    })


def test_trends_download_hides_all_of_the_accident_rates(small_team_with_hours_then_both,
                                                        downloads):  # noqa: F811
    # issue 11, variant 1: the organisation's accident rates in the Trends download show
    # April only (Klein and Groot give hours: 18 people), never January to March (Klein's)
    served, _ = downloads
    app = open_page("trends", "en")
    for indicator in ACCIDENT_RATES:
        app.selectbox(key="trends_group").set_value("accidents").run()
        app.selectbox(key="trends_indicator").set_value(indicator).run()
        app.multiselect(key="trends_departments").set_value(["ALL"]).run()
        assert not app.exception
        figures = served_csv(served, "download_ALL_plain")
        assert set(figures["indicator"]) == {indicator}
        shown = figures[figures["value"] != ""]
        assert list(shown["month"]) == ["2025-04-01"], indicator
        assert shown["numerator"].astype(float).tolist() == [
            1 if indicator == "accident_frequency_rate" else 4]
        for column in ("value", "numerator", "rolling12_value"):
            assert (figures.loc[figures["month"] < "2025-04", column] == "").all(), column
        captions = [caption.value for caption in app.caption]
        assert "Fewer than 10 people, not shown: Jan 2025 – Mar 2025." in captions, captions
        text, csv_text = rendered_text(app), "\n".join(
            data.decode("utf-8-sig") for _, _, data in served if isinstance(data, bytes))
        # Klein's rates: 13 and 17 days per 900 hours, 1 accident per 900 hours
        for form in ("14.44", "14,44", "18.88", "18,88", "18.89", "18,89", "1111.1", "1111,1",
                     "1,111.1", "1.111,1"):
            assert form not in text and form not in csv_text, (indicator, form)
