"""The report's content as HTML (Jinja2, autoescape on) and as PDF (WeasyPrint).

Why WeasyPrint: the layout is HTML and CSS, which the project already writes for the app,
with CSS Paged Media for what a printed report needs (page size, running footers with
page numbers, a table of contents with page numbers, rows that do not split, a header
row repeated on every page); it draws inline SVG as vectors and embeds subsets of the
fonts it uses (DejaVu Sans), all in-process without a browser. ReportLab would need every
table and flow laid out in Python; Typst a separate binary.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ..texts.i18n import text

TEMPLATES = Path(__file__).resolve().parent / "templates"
MONTH_SECTIONS = ("glance", "since", "hotspots", "actions", "reintegration", "appendix")
YEAR_SECTIONS = ("year_figures", "year_signals", "actions", "reintegration", "appendix")
SECTION_TITLES = {"glance": "report.section.glance", "since": "report.section.since",
                  "hotspots": "report.section.hotspots", "actions": "report.section.actions",
                  "reintegration": "report.section.reintegration",
                  "appendix": "report.section.appendix",
                  "year_figures": "report.section.year_figures",
                  "year_signals": "report.section.year_signals"}


@cache
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES),
                       autoescape=select_autoescape(["html"], default=True),
                       trim_blocks=True, lstrip_blocks=True)


def _sections(content: dict) -> list[dict]:
    """The sections present, numbered: actions and re-integration only where there are any."""
    ids = MONTH_SECTIONS if content["kind"] == "month" else YEAR_SECTIONS
    present = [section for section in ids
               if section not in ("actions", "reintegration") or content.get(section)]
    return [{"id": section, "number": number,
             "title": text(SECTION_TITLES[section], content["lang"])}
            for number, section in enumerate(present, start=1)]


def _mark_safe(content: dict) -> dict:
    """The pieces built as markup (charts, the method's paragraphs) pass unescaped."""
    if content.get("hotspots"):
        for chart in content["hotspots"]["charts"]:
            chart["svg"] = Markup(chart["svg"])
    appendix = content["appendix"]
    appendix["intro"] = Markup(appendix["intro"])
    for section in appendix["sections"]:
        section["html"] = Markup(section["html"])
    return content


def html(content: dict) -> str:
    lang = content["lang"]

    def t(key: str, **values) -> str:
        return text(key, lang, **values)

    return environment().get_template("report.html").render(
        c=_mark_safe(content), t=t, sections=_sections(content))


def layout(document: str):
    """The HTML laid out into pages (a weasyprint Document), before it is written."""
    from weasyprint import CSS, HTML

    stylesheet = CSS(filename=str(TEMPLATES / "report.css"))
    return HTML(string=document, base_url=str(TEMPLATES)).render(stylesheets=[stylesheet])


def pdf(document: str) -> bytes:
    return layout(document).write_pdf()
