"""Privacy on the screens: a team below the minimum size never shows its value or numerator,
not in a chart's hover data, a table, a hotspot text nor a downloaded CSV; every download goes
through ui.downloads.safe_csv (formulas neutralised)."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
import streamlit
from test_app import open_page, rendered_text

import ui.downloads
from signals import config, store
from signals.ingest.loader import ingest_bytes
from signals.measures.indicators import indicator_frame
from ui.downloads import column_label
from ui.navigation import PAGE_KEYS

MONTHS = ("2025-01", "2025-02", "2025-03")
SIZES = (("Alpha", 40), ("Beta", 35), ("Gamma", 20), ("Tiny", 7))
HIDDEN = ("Tiny", "Gamma")     # Tiny is small; Gamma, the smallest other, hides it from ALL minus the rest


pytestmark = pytest.mark.usefixtures("listen_on_localhost")

def csv_bytes(lines) -> bytes:
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def small_team():
    path = config.default_db_path()
    workforce = ["month;department;headcount;hours_worked"] + [
        f"{month};{department};{size};{size * 150}" for month in MONTHS for department, size in SIZES]
    absences = ["employee_id;department;start_date;end_date"]
    absences += [f"T{n};Tiny;01/01/2025;31/03/2025" for n in range(6)]
    absences += [f"G{n};Gamma;13/01/2025;23/01/2025" for n in range(3)]
    absences += ["A1;Alpha;06/01/2025;10/01/2025", "B1;Beta;03/02/2025;05/02/2025"]
    incidents = ["incident_id;date;department;category", "I1;2025-01-08;Tiny;aggression",
                 "I2;2025-02-11;Tiny;aggression", "I3;2025-01-09;Alpha;aggression"]
    for kind, lines in (("workforce", workforce), ("absences", absences), ("incidents", incidents)):
        result = ingest_bytes(path, kind, f"{kind}.csv", csv_bytes(lines))
        assert result.accepted, result.error_report()
    return path


def hidden_figures(path) -> pd.DataFrame:
    """The unsuppressed values and numerators of the hidden teams (the ones never to show)."""
    with store.connect(path, read_only=True) as con:
        frame = indicator_frame(con, min_group_size=10, suppress=False)
    rows = frame[frame["department"].isin(HIDDEN) & (frame["numerator"] > 0)]
    assert len(rows) >= 6 and (rows["value"] > 1).all()
    return rows


@pytest.fixture
def downloads(monkeypatch):
    """Every download button's bytes, and every output of safe_csv."""
    served, made = [], []
    original_button, original_safe_csv = streamlit.download_button, ui.downloads.safe_csv

    def recording_button(label, data, *args, **options):
        served.append((options.get("key"), options.get("file_name"), data))
        return original_button(label, data, *args, **options)

    def recording_safe_csv(frame, *args, **options):
        made.append(original_safe_csv(frame, *args, **options))
        return made[-1]

    monkeypatch.setattr(streamlit, "download_button", recording_button)
    monkeypatch.setattr(ui.downloads, "safe_csv", recording_safe_csv)
    return served, made


def show_hidden_teams(app, key):
    """Widgets set so the page would show the hidden teams if anything leaked."""
    if key == "trends":
        app.multiselect(key="trends_departments").set_value(list(HIDDEN)).run()
    if key in ("hotspots",):
        app.selectbox(key="hotspots_month").set_value(dt.date(2025, 1, 1)).run()
    return app


def number_forms(value: float) -> list[str]:
    """How a value could appear: a full float in chart JSON, or rounded in a text (. or ,)."""
    forms = [repr(float(value))[:6]]
    for decimals in (1, 2):
        rounded = f"{value:.{decimals}f}"
        forms += [rounded, rounded.replace(".", ",")]
    return forms


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_no_screen_or_download_shows_a_hidden_team(small_team, downloads, key):
    served, made = downloads
    app = show_hidden_teams(open_page(key, "en"), key)
    assert not app.exception
    shown = rendered_text(app)
    served_text = "\n".join(data.decode("utf-8-sig") for _, _, data in served
                            if isinstance(data, bytes))
    reports = [report_text(data()) for _, _, data in served if callable(data)]   # the PDFs
    for row in hidden_figures(small_team).itertuples():
        for form in number_forms(row.value):
            if form.rstrip("0").rstrip(".,") in ("", "0"):
                continue
            assert f"{form}" not in shown or key == "audit", (row.department, row.indicator, form)
            assert f",{form}" not in served_text and f";{form}" not in served_text, (row, form)
            assert all(form not in report for report in reports), (row, form)
    for _, file_name, data in served:
        if callable(data):              # the committee report (PDF), checked above
            continue
        assert any(data == safe for safe in made), f"{file_name} did not go through safe_csv"
        check_csv_hides_hidden_teams(data)


def report_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def check_csv_hides_hidden_teams(data: bytes) -> None:
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", sep=None, engine="python", dtype=str)
    # the Excel files have their headers in the screen's language (here English)
    frame = frame.rename(columns={column_label(name, "en"): name for name in
                                  ("department", "value", "numerator", "rolling12_value")})
    if "department" not in frame.columns:
        return
    hidden = frame[frame["department"].isin(HIDDEN)]
    for column in ("value", "numerator", "rolling12_value"):
        if column in hidden.columns:
            assert hidden[column].isna().all(), f"{column} of a hidden team in a download"


def test_every_page_offers_its_downloads_through_safe_csv(small_team, downloads):
    served, made = downloads
    for key in PAGE_KEYS:
        show_hidden_teams(open_page(key, "en"), key)
    keys = {key for key, _, _ in served}
    assert {"download_overview", "download_heatmap"} <= keys
    assert {f"template_{kind}" for kind in ("workforce", "absences")} <= keys
    assert all(data in made for _, _, data in served if not callable(data))   # PDFs: not CSV
