"""Stage 5, the committee report (issue 16): a PDF for the meeting, the minutes and the year.

content reads the domain (indicators, alerts, hotspots, the prevention cycle, the
re-integration review) and writes every figure and sentence out in one language; charts
draws the control charts as SVG; render turns that into HTML (Jinja2, escaped) and the
HTML into PDF (WeasyPrint). `report_pdf` is the one path of the command line and of the
overview's download button.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

ORGANISATION_KEY = "organisation_name"      # the admin's setting, in the database's meta
MAX_ORGANISATION_LENGTH = 120


class ReportError(Exception):
    """A report that cannot be made as asked (no data for the month, no database)."""


def clean_organisation_name(name: str | None) -> str:
    """The name on one line; ValueError when longer than MAX_ORGANISATION_LENGTH."""
    value = " ".join((name or "").split())
    if len(value) > MAX_ORGANISATION_LENGTH:
        raise ValueError(f"At most {MAX_ORGANISATION_LENGTH} characters.")
    return value


def organisation_name(con) -> str:
    """The organisation's name for the report (the admin's setting), '' when not set."""
    from ..store import get_meta

    return get_meta(con, ORGANISATION_KEY) or ""


def set_organisation_name(con, name: str) -> str:
    """Store the name (cleaned; '' clears it); returns what was stored."""
    from ..store import set_meta

    value = clean_organisation_name(name)
    set_meta(con, ORGANISATION_KEY, value)
    return value


def report_html(db_path: Path | str, *, lang: str, month: dt.date | None = None,
                year: int | None = None, actor: str | None = None,
                organisation: str | None = None, today: dt.date | None = None) -> str:
    """The report of `month` (a month's first day) or of `year`, as HTML. `actor` None is
    the command line's operator; the app passes its user (roles checked by signals.cycle)."""
    from . import content, render

    if (month is None) == (year is None):
        raise ValueError("Give a month or a year.")
    today = today or dt.date.today()
    _require_data(Path(db_path), month, year)
    sources = content.read_sources(db_path, actor=actor, organisation=organisation,
                                   year=year if year is not None else month.year,
                                   detail=month is not None)
    if month is not None:
        built = content.monthly(sources, month, lang, today)
    else:
        built = content.yearly(sources, year, lang, today)
    return render.html(built)


def _require_data(db_path: Path, month: dt.date | None, year: int | None) -> None:
    """ReportError, before any figure is computed, when the period has no workforce month."""
    from ..store import connect

    if not db_path.exists():
        raise ReportError(f"no database at {db_path}")
    with connect(db_path, read_only=True) as con:
        months = {row[0] for row in con.execute("SELECT DISTINCT month FROM workforce").fetchall()}
    if month is not None and month not in months:
        raise ReportError(f"no data for {month:%Y-%m}")
    if year is not None and not any(stored.year == year for stored in months):
        raise ReportError(f"no data for {year}")


def report_pdf(db_path: Path | str, **options) -> bytes:
    """The report as PDF bytes (see report_html for the options)."""
    from . import render

    return render.pdf(report_html(db_path, **options))
