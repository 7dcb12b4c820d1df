"""The committee's PDF report (issue 16): read back with pypdf.

A small organisation of 14 months with a department of 4 people ("Klein") whose turnover is
unique (3 exits of 4: 75%) and the department hidden to protect it ("Zorg & <Co>", 35 people,
13 exits in one month: 37.1%): neither value may appear anywhere. Department names with
HTML and an action title with a spreadsheet formula print literally.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("weasyprint")

from test_app import open_page, real_data_with_small_group  # noqa: E402, F401

from signals import store  # noqa: E402
from signals.definitions import ALL_DEPARTMENTS, INDICATORS_BY_ID  # noqa: E402
from signals.ingest.loader import ingest_path  # noqa: E402
from signals.measures.indicators import indicators_csv, unrecorded_indicators  # noqa: E402
from signals.report import report_html, report_pdf, set_organisation_name  # noqa: E402
from signals.texts.formatting import UNIT_SUFFIXES, format_value  # noqa: E402
from signals.texts.i18n import text  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent
MONTHS = [dt.date(2025 + (k // 12), k % 12 + 1, 1) for k in range(14)]    # 2025-01 .. 2026-02
REPORT_MONTH = MONTHS[-1]
HTML_NAME = "<b>x</b>"
FORMULA = '=HYPERLINK("http://example.org","y")'    # refused in files; an action title may hold it
COMPLEMENT = "Zorg & <Co>"
SIZES = {HTML_NAME: 40, COMPLEMENT: 35, "Klein": 4, "Groot": 50, "Midden": 45}


def write(path: Path, header: str, rows: list[str]) -> Path:
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@pytest.fixture
def small_db(tmp_path, db_path) -> Path:
    workforce = [f"{month:%Y-%m},{quoted(name)},{size},{size},{size * 150}"
                 for month in MONTHS for name, size in SIZES.items()]
    turnover = []
    for k, month in enumerate(MONTHS):          # one ordinary exit a month in the large ones
        for name in ("Groot", "Midden", HTML_NAME):
            turnover.append(f"E{name[:2]}{k},{quoted(name)},{month:%Y-%m}-10,exit,voluntary")
    # the values that must never show: Klein 3 of 4 (75%), the complement 13 of 35 (37.1%)
    turnover += [f"K{n},Klein,{REPORT_MONTH:%Y-%m}-12,exit,involuntary" for n in range(3)]
    turnover += [f"H{n},{quoted(COMPLEMENT)},{REPORT_MONTH:%Y-%m}-14,exit,voluntary"
                 for n in range(13)]
    absences = [f"A{k},Groot,{month:%Y-%m}-03,{month:%Y-%m}-06" for k, month in enumerate(MONTHS)]
    for kind, header, rows in (
            ("workforce", "month,department,headcount,fte,hours_worked", workforce),
            ("turnover", "employee_id,department,date,event,reason", turnover),
            ("absences", "employee_id,department,start_date,end_date", absences)):
        result = ingest_path(db_path, kind, write(tmp_path / f"{kind}.csv", header, rows))
        assert result.accepted, result.error_report()
    return db_path


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def flat(words: str) -> str:
    """Text without line breaks or doubled spaces (pypdf breaks lines where the PDF does);
    the narrow and no-break spaces of French numbers as plain spaces."""
    return " ".join(words.replace("\u202f", " ").replace("\xa0", " ").split())


@pytest.mark.parametrize("lang", ["nl", "fr", "en", "de"])
def test_headings_in_each_language(small_db, lang):
    pages, words = pdf_text(report_pdf(small_db, lang=lang, month=REPORT_MONTH))
    words = flat(words)
    for key in ("report.title_month", "report.section.glance", "report.section.since",
                "report.section.hotspots", "report.section.appendix", "report.contents"):
        assert text(key, lang) in words, key
    # no actions and no re-integration data: those sections are left out, not empty
    assert text("report.section.actions", lang) not in words
    assert text("report.section.reintegration", lang) not in words
    assert 3 <= pages <= 12


def test_organisation_values_match_the_indicators_command(small_db):
    pages, words = pdf_text(report_pdf(small_db, lang="fr", month=REPORT_MONTH))
    with store.connect(small_db, read_only=True) as con:
        csv = indicators_csv(con)
        unrecorded = unrecorded_indicators(con)     # incidents, re-integration: never uploaded
    # the page of "at a glance": after the cover's contents, before the next section
    heading = text("report.section.glance", "fr")
    glance = flat(words.split(f"1. {heading}")[2].split(text("report.section.since", "fr"))[0])
    checked = 0
    for line in csv.splitlines()[1:]:
        month, department, indicator, _, _, value, suppressed = line.split(",")
        if month != f"{REPORT_MONTH:%Y-%m}" or department != ALL_DEPARTMENTS or not value:
            continue
        assert suppressed == "false"
        unit = INDICATORS_BY_ID[indicator].unit
        # as the screens: a kind never uploaded is not known ("–"), not 0
        shown = "–" if indicator in unrecorded else format_value(float(value), unit, "fr")
        name = " ".join([INDICATORS_BY_ID[indicator].name("fr"),
                         UNIT_SUFFIXES.get(unit, {}).get("fr", "")])
        assert flat(f"{name} {shown}") in glance, (indicator, shown)
        checked += 1
    assert checked >= 15 and len(unrecorded) < checked


def test_no_suppressed_value_anywhere(small_db):
    """Klein (4 people: 75% turnover) and the department hidden to protect it (37.1%) show
    no figure, in the month's report nor in the year's, in any language format."""
    for options in ({"month": REPORT_MONTH}, {"year": 2026}, {"year": 2025}):
        for lang in ("nl", "en"):
            document = report_html(small_db, lang=lang, **options)
            for secret in ("75,0", "75.0", "37,1", "37.1", "75 %", "75%"):
                assert secret not in document, (options, lang, secret)
    _, words = pdf_text(report_pdf(small_db, lang="nl", year=2026))
    words = flat(words)
    assert "Klein" in words and text("report.year.hidden", "nl") in words
    for secret in ("75,0", "37,1"):
        assert secret not in words


def test_organisation_figure_hidden_to_protect_another_group_says_so(db_path):
    """Issue 11, the audit's case: A (6 people) gives no hours, B, C, D do. ALL of the
    accident rates (4 accidents over those giving hours) minus ALL of the work accidents
    (7 over everyone) would give A's 3: the accident rates' ALL is hidden to protect A, and
    the report says so in their rows (not "the organisation's group is too small")."""
    june = dt.date(2024, 6, 1)
    with store.connect(db_path) as con:
        for department, size, hours in (("A", 6, None), ("B", 12, 1800.0), ("C", 30, 4500.0),
                                        ("D", 40, 6000.0)):
            con.execute("INSERT INTO workforce VALUES (?, ?, ?, NULL, ?, 1)",
                        [june, department, size, hours])
        for number, department in enumerate("AAABCCD"):
            con.execute("INSERT INTO incidents VALUES (?, ?, ?, 'work_accident', 2, 1)",
                        [f"i{number}", dt.date(2024, 6, 12), department])
    for lang in ("en", "nl"):
        _, words = pdf_text(report_pdf(db_path, lang=lang, month=june))
        glance = flat(words.split(text("report.section.glance", lang))[2])
        protected = text("report.reason.suppressed_complementary", lang)
        for indicator in ("accident_frequency_rate", "accident_severity_rate"):
            row = glance.split(INDICATORS_BY_ID[indicator].name(lang), 1)[1][:400]
            assert text("suppressed.complementary_short", lang) in row, (lang, indicator)
            assert protected in row.replace("- ", "-"), (lang, indicator)
        assert text("report.reason.suppressed", lang) not in glance
        # 4 per 12,300 hours: 325.2 per million hours, 8 days: 0.65 per 1,000 hours
        for secret in ("325,2", "325.2", "0,65", "0.65"):
            assert secret not in words, (lang, secret)
        assert flat(format_value(100 * 7 / 88, "%", lang)) in glance   # ALL's work accidents


def test_names_from_files_print_literally(small_db):
    document = report_html(small_db, lang="en", year=2026)
    assert "<b>x</b>" not in document and "&lt;b&gt;x&lt;/b&gt;" in document
    _, words = pdf_text(report_pdf(small_db, lang="en", year=2026))
    assert HTML_NAME in words


def test_actions_section_only_with_actions_and_escaped(small_db):
    from signals.cycle.actions import create_action

    create_action(small_db, "local", "<i>Werkdruk</i> & planning", ["Groot"],
                  ["absence_rate"], "primary", "2025-06-01")
    create_action(small_db, "local", FORMULA, [HTML_NAME], ["turnover_rate"], "secondary",
                  "2025-09-01")
    _, words = pdf_text(report_pdf(small_db, lang="en", month=REPORT_MONTH))
    words = flat(words)
    assert text("report.section.actions", "en") in words
    assert "A1 · <i>Werkdruk</i> & planning" in words
    assert f"A2 · {FORMULA}" in words and HTML_NAME in words


def test_demo_watermark_and_organisation_name(small_db):
    _, words = pdf_text(report_pdf(small_db, lang="en", month=REPORT_MONTH))
    assert "DEMO" not in words and text("report.organisation_unnamed", "en") in flat(words)
    with store.connect(small_db) as con:
        store.set_meta(con, "dataset", "demo")
        set_organisation_name(con, "  Stad   Eupen  ")
    pages, words = pdf_text(report_pdf(small_db, lang="de", month=REPORT_MONTH))
    assert words.count(text("report.demo", "de")) >= pages       # on every page
    assert "Stad Eupen" in words


def test_cli_writes_the_pdf_and_says_mistakes_with_status_2(small_db, tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "signals", "report", "--db", str(small_db),
                               *args], capture_output=True, text=True, cwd=PROJECT)

    out = tmp_path / "report.pdf"
    done = run("--month", f"{REPORT_MONTH:%Y-%m}", "--lang", "en", "--out", str(out),
               "--organisation", "CLI name")
    assert done.returncode == 0, done.stderr
    assert "CLI name" in pdf_text(out.read_bytes())[1]
    for args in (["--month", "2026-13", "--out", str(out)],          # not a month
                 ["--month", "2019-01", "--out", str(out)],          # no data
                 ["--year", "2019", "--out", str(out)],
                 ["--month", "2026-02", "--year", "2026", "--out", str(out)],
                 ["--month", "2026-02", "--out", str(tmp_path / "no" / "r.pdf")],
                 ["--month", "2026-02"]):                           # --out missing
        failed = run(*args)
        assert failed.returncode == 2, args
        assert failed.stderr.startswith("error:") and "Traceback" not in failed.stderr
    assert not (tmp_path / "no").exists()


def test_demo_month_report(demo_database_file, tmp_path):
    """The one demo render: charts for every signalled pair, a sane page count."""
    import shutil

    db = tmp_path / "demo.duckdb"
    shutil.copy(demo_database_file, db)
    from signals.alerts.detection import evaluate, hotspots
    with store.connect(db, read_only=True) as con:
        ranked = hotspots(evaluate(con))
        month = max(evaluate(con).chart["month"])
    pairs = sum(len(levels) for levels in ranked["levels"])
    document = report_html(db, lang="nl", month=month)
    assert document.count('class="chart"') == pairs > 0
    pages, words = pdf_text(report_pdf(db, lang="nl", month=month))
    assert 5 <= pages <= 25
    assert ranked["department"].iloc[0] in words
    # the demo has re-integration records this year: section 6, its counts as the domain gives
    assert text("report.section.reintegration", "nl") in flat(words)
    assert text("reintegration.total.requests", "nl") in words


# --- the screens: the overview's button and the data page's setting --------------------------

@pytest.fixture
def served_reports(monkeypatch):
    """key -> (file name, data) of every download button the page drew."""
    import streamlit

    buttons: dict = {}
    original = streamlit.download_button

    def recording_button(label, data, *args, **options):
        buttons[options.get("key")] = (options.get("file_name"), data)
        return original(label, data, *args, **options)

    monkeypatch.setattr(streamlit, "download_button", recording_button)
    return buttons


@pytest.mark.usefixtures("listen_on_localhost")
def test_overview_button_gives_the_same_report(real_data_with_small_group, served_reports):
    open_page("overview", "fr")
    name, make = served_reports["download_report"]
    assert name.endswith("_fr.pdf") and callable(make)     # made only when clicked
    pages, words = pdf_text(make())
    assert text("report.title_month", "fr") in flat(words)
    assert "Tiny" not in words                    # 7 people: never named with a figure
    year_name, make_year = served_reports["download_report_year"]
    assert text("report.title_year", "fr") in flat(pdf_text(make_year())[1])


@pytest.mark.usefixtures("listen_on_localhost")
def test_organisation_name_is_an_admin_setting(real_data_with_small_group, db_path):
    from signals.report import organisation_name

    app = open_page("data", "en")
    app.text_input(key="organisation_name_input").input("CPAS de <Liège>")
    submit = next(button for button in app.get("form_submit_button")
                  if button.form_id == "organisation_name_form")
    submit.click().run()
    with store.connect(db_path, read_only=True) as con:
        assert organisation_name(con) == "CPAS de <Liège>"
    _, words = pdf_text(report_pdf(db_path, lang="fr", month=dt.date(2025, 3, 1)))
    assert "CPAS de <Liège>" in words
