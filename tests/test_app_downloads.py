"""Downloads for Belgian Excel (and the plain machine CSV), the templates with their column
guide, and the demo organisation: asked before it is replaced, reachable again for training."""

from __future__ import annotations

import codecs
import io

import pandas as pd
import pytest
import streamlit
from test_app import demo_banner_shown, demo_shown, open_page, real_data_with_small_group  # noqa: F401

from signals.definitions import KINDS
from signals.ingest.loader import validate_bytes
from ui.navigation import PAGES_BY_KEY

pytestmark = pytest.mark.usefixtures("listen_on_localhost")


@pytest.fixture
def served(monkeypatch):
    """key -> (file name, bytes) of every download button the page drew."""
    buttons: dict[str, tuple[str, bytes]] = {}
    original = streamlit.download_button

    def recording_button(label, data, *args, **options):
        buttons[options.get("key")] = (options.get("file_name"), data)
        return original(label, data, *args, **options)

    monkeypatch.setattr(streamlit, "download_button", recording_button)
    return buttons


def read(data: bytes, sep: str) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), sep=sep, dtype=str, keep_default_na=False,
                       encoding="utf-8-sig")


def test_overview_download_opens_in_belgian_excel_with_a_plain_csv_next_to_it(demo_shown, served):
    open_page("overview", "nl")
    name, excel = served["download_overview"]
    assert excel.startswith(codecs.BOM_UTF8)
    header = excel[3:].decode("utf-8").splitlines()[0]
    assert header == "Maand;Indicator;Teller;Noemer;Waarde;Verborgen;Waarom verborgen"
    frame = read(excel, ";")
    values = frame["Waarde"][frame["Waarde"] != ""]
    assert values.str.contains(",").all() and not values.str.contains(r"\.").any(), \
        "decimal comma"
    assert set(frame["Verborgen"]) <= {"ja", "nee"}

    plain_name, plain = served["download_overview_plain"]
    assert plain_name == name.removesuffix(".csv") + "_plain.csv"
    assert not plain.startswith(codecs.BOM_UTF8)
    assert plain.decode("utf-8").splitlines()[0] == \
        "month,indicator,numerator,denominator,value,suppressed,suppression_reason"
    machine = read(plain, ",")
    assert pd.to_numeric(machine["value"]).notna().any()
    assert len(machine) == len(frame)


def test_every_page_download_has_a_plain_twin_and_french_headers(demo_shown, served):
    for key in ("overview", "hotspots", "data"):
        open_page(key, "fr")
    excel_keys = [key for key in served if not key.endswith("_plain")
                  and not key.startswith("download_report")]       # the PDF report: test_report
    assert {"download_overview", "download_heatmap", "download_ranking",
            "download_coverage"} <= set(excel_keys)
    for key in excel_keys:
        name, data = served[key]
        assert data.startswith(codecs.BOM_UTF8) and f"{key}_plain" in served, key
        assert ";" in data.decode("utf-8-sig").splitlines()[0], key
    heatmap = read(served["download_heatmap"][1], ";")
    assert {"Service", "Indicateur", "Valeur", "Pourquoi"} <= set(heatmap.columns)
    ranking = read(served["download_ranking"][1], ";")
    assert list(ranking.columns[:3]) == ["Rang", "Service", "Poids"]
    assert read(served["download_ranking_plain"][1], ",").columns[0] == "rank"


def test_formulas_stay_neutralised_in_both_files():
    from ui.downloads import excel_csv, machine_csv

    frame = pd.DataFrame({"department": ["=HYPERLINK(1)"], "value": [1.5]})
    assert excel_csv(frame, "nl").decode("utf-8-sig").splitlines()[1] == "'=HYPERLINK(1);1,5"
    assert machine_csv(frame).decode("utf-8").splitlines()[1] == "'=HYPERLINK(1),1.5"


def test_templates_in_french_with_their_column_guide(demo_shown, served):
    open_page("upload", "fr")
    name, template = served["template_absences"]
    assert name == "absences_template.csv" and template.startswith(codecs.BOM_UTF8)
    lines = template.decode("utf-8-sig").splitlines()
    assert lines[0] == "travailleur_id;service;date_début;date_fin;type_absence"
    assert "maladie" in lines[1]
    assert validate_bytes("absences", name, template).accepted, "the template itself is valid"
    workforce = served["template_workforce"][1].decode("utf-8-sig").splitlines()
    assert workforce[0] == "mois;service;effectif;etp;heures_prestées" and "38,5" in workforce[1]

    plain = served["template_absences_plain"][1].decode("utf-8").splitlines()
    assert plain[0] == "employee_id,department,start_date,end_date,absence_type"
    assert "illness" in plain[1]

    guide = read(served["guide_absences"][1], ";")
    assert list(guide.columns[:3]) == ["Colonne", "Nom dans le contrat", "Obligatoire"]
    row = guide[guide["Nom dans le contrat"] == "absence_type"].iloc[0]
    assert row["Obligatoire"] == "facultatif"
    assert "maladie (illness)" in row["Valeurs permises"] and "vide = maladie" in row["Valeurs permises"]
    assert row["Signification"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_template_is_valid_in_its_language(demo_shown, served, lang):
    open_page("upload", lang)
    templates = {key: data for key, (_, data) in served.items() if key.startswith("template_")}
    assert len(templates) == 2 * len(KINDS), "a template and its plain twin per kind"
    for key, data in templates.items():
        kind = key.removeprefix("template_").removesuffix("_plain")
        result = validate_bytes(kind, f"{kind}.csv", data)
        assert result.accepted and not result.warnings, (key, result.error_report())


def test_error_report_download_in_dutch(demo_shown, served):
    app = open_page("upload", "nl")
    bad = b"maand;afdeling;personeelsaantal\n2025-01;Alpha;40\n2025-02;Beta;veertig\n"
    app.file_uploader(key="upload_files").set_value(("fout.csv", bad, "text/csv")).run()
    report_key = next(key for key in served if key.startswith("report_") and
                      not key.endswith("_plain"))
    report = read(served[report_key][1], ";")
    assert list(report.columns) == ["Bestand", "Regel", "Kolom", "Gevonden waarde", "Verwacht"]
    assert report["Kolom"].tolist() == ["personeelsaantal (headcount)"]
    assert report["Gevonden waarde"].tolist() == ["veertig"]


def test_demo_stays_reachable_from_the_data_page(real_data_with_small_group, demo_shown):
    app = open_page("data", "en")
    assert not demo_banner_shown(app), "the organisation's own data is shown"
    app.toggle(key="show_demo_toggle").set_value(True).run()
    assert not app.exception
    assert demo_banner_shown(app)
    assert any("for training. Back to your own data" in str(element.proto)
               for element in app.get("html"))
    assert "the demo organisation" in app.caption[0].value
    app.switch_page(PAGES_BY_KEY["overview"].file).run()
    assert demo_banner_shown(app), "every page shows the demo in this session"
    app.switch_page(PAGES_BY_KEY["data"].file).run()
    app.toggle(key="show_demo_toggle").set_value(False).run()
    assert not demo_banner_shown(app)


def test_without_own_data_the_data_page_says_the_demo_is_shown_until_the_first_upload(demo_shown):
    app = open_page("data", "en")
    assert not app.get("toggle") or all(t.key != "show_demo_toggle" for t in app.toggle)
    assert any("until you store your first own file" in caption.value for caption in app.caption)
