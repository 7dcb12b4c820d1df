"""The committee report leaves no page mostly empty (only a part's last page may be short).

Every section used to start a page: a short one (what changed since the last meeting, the
re-integration counts spilling a table onto the next page) left a page a quarter full, and
the control charts started a page of their own. Read from WeasyPrint's layout, before the
PDF is written: a page's fill is how far down the lowest line, drawing or table cell goes.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil

import pytest

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("weasyprint")

from test_report import REPORT_MONTH, small_db  # noqa: E402, F401

from signals import store  # noqa: E402
from signals.report import content, render, report_html  # noqa: E402
from signals.report.pages import page_fills, part_ends  # noqa: E402

LANGUAGES = ("nl", "fr", "de", "en")
MINIMUM_FILL = 1 / 3        # a page that is not a part's last is at least a third full
OLD_DEMO_PAGES = 12         # the demo month in Dutch when every section started a page


def short_pages(document) -> list[tuple[int, str]]:
    """(page number, fill) of every page under MINIMUM_FILL that is not a part's last."""
    return [(number, f"{fill:.0%}")
            for number, (fill, end) in enumerate(zip(page_fills(document), part_ends(document)),
                                                 start=1)
            if fill < MINIMUM_FILL and not end]


@pytest.fixture(scope="module")
def demo_reports(demo_database_file, tmp_path_factory):
    """The demo's last month in the four languages and its last whole year, laid out (the
    database read once for the month). The folder is copied: the actions and meetings are
    in the access store beside the database."""
    folder = tmp_path_factory.mktemp("pages") / "demo"
    shutil.copytree(demo_database_file.parent, folder)
    db = folder / demo_database_file.name
    with store.connect(db, read_only=True) as con:
        last = con.execute("SELECT max(month) FROM workforce").fetchone()[0]
    today = dt.date.today()
    sources = content.read_sources(db, year=last.year, detail=True)
    documents = {(lang, "month"): render.html(content.monthly(sources, last, lang, today))
                 for lang in LANGUAGES}
    documents[("nl", "year")] = report_html(db, lang="nl", year=last.year - 1)
    return {key: (document, render.layout(document)) for key, document in documents.items()}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_demo_month_has_no_mostly_empty_page(demo_reports, lang):
    html, document = demo_reports[(lang, "month")]
    assert short_pages(document) == []
    # the cover is a page of its own, the appendix starts one: three parts
    assert sum(part_ends(document)) == 3
    pages = len(document.pages)
    assert pages < OLD_DEMO_PAGES
    if lang == "nl":
        assert forced_pages(html) == 3


def test_demo_year_has_no_mostly_empty_page(demo_reports):
    html, document = demo_reports[("nl", "year")]
    assert short_pages(document) == []
    assert sum(part_ends(document)) == 3
    assert forced_pages(html) == 3


def test_pdf_has_the_pages_measured(demo_reports):
    """The fills are measured on the layout the PDF is written from."""
    _, document = demo_reports[("nl", "month")]
    reader = pypdf.PdfReader(io.BytesIO(document.write_pdf()))
    assert len(reader.pages) == len(document.pages) == len(page_fills(document))


def forced_pages(document: str) -> int:
    """The pages of the report on a page 4 m tall: only the breaks the CSS forces remain."""
    from weasyprint import CSS, HTML

    tall = CSS(string="@page { size: 210mm 4000mm; }")
    stylesheets = [CSS(filename=str(render.TEMPLATES / "report.css")), tall]
    return len(HTML(string=document, base_url=str(render.TEMPLATES)).render(
        stylesheets=stylesheets).pages)


@pytest.mark.parametrize("options", [{"month": REPORT_MONTH}, {"year": REPORT_MONTH.year - 1}])
def test_only_the_cover_and_the_appendix_start_a_page(small_db, options):
    """The sections between them flow on (here: no actions, no re-integration, no hotspot
    charts), and none of the pages is mostly empty."""
    document = report_html(small_db, lang="fr", **options)
    assert forced_pages(document) == 3
    assert short_pages(render.layout(document)) == []

