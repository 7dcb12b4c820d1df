"""Numbers, percentages and months as people read them in nl, fr and en.

Dutch and French write a decimal comma and a space before '%' ("8,6 %");
English writes "8.6%". Thousands are grouped with a thin space (nl/fr: a dot is
ambiguous next to a decimal comma) or a comma (en).
"""

from __future__ import annotations

import datetime as dt
import math

MONTH_NAMES = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
MONTH_ABBREVIATIONS = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
           "nov.", "déc."),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
THIN_SPACE = "\u202f"


def format_number(value: float | int | None, lang: str, decimals: int = 1) -> str:
    """1234.56 -> '1 234,6' (nl, fr) or '1,234.6' (en); None or NaN -> '–'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", THIN_SPACE).replace(".", ",")


def plotly_separators(lang: str) -> str:
    """Plotly's `separators` (decimal mark, then thousands mark) as format_number writes them:
    ',\u202f' in nl and fr, '.,' in en."""
    return ".," if lang == "en" else "," + THIN_SPACE


def format_percent(value: float | None, lang: str, decimals: int = 1) -> str:
    """8.57 -> '8,6 %' (nl, fr) or '8.6%' (en)."""
    number = format_number(value, lang, decimals)
    if number == "–":
        return number
    return f"{number}%" if lang == "en" else f"{number}{THIN_SPACE}%"


# Rates per hours worked mean nothing without their unit ("12,3" of what?).
UNIT_SUFFIXES = {
    "per_million_hours": {"nl": "per miljoen gewerkte uren", "fr": "par million d'heures prestées",
                          "en": "per million hours worked"},
    "per_thousand_hours": {"nl": "dagen per 1.000 gewerkte uren",
                           "fr": "jours pour 1 000 heures prestées",
                           "en": "days per 1,000 hours worked"},
    "hours_per_fte": {"nl": "uren per VTE", "fr": "heures par ETP", "en": "hours per FTE",
                      "de": "Stunden je VZÄ"},
}


def format_value(value: float | None, unit: str, lang: str, with_unit: bool = False) -> str:
    """A value in its indicator's unit (see definitions.Indicator.unit); `with_unit` adds
    the words of an hour-based unit ('12,3 per miljoen gewerkte uren')."""
    if unit == "%":
        return format_percent(value, lang, 1)
    if unit == "count":
        return format_number(value, lang, 0)
    number = format_number(value, lang, 2 if unit == "per_thousand_hours" else 1)
    if with_unit and number != "–":
        return f"{number} {UNIT_SUFFIXES[unit][lang]}"
    return number


def month_label(month: dt.date, lang: str, short: bool = False) -> str:
    """date(2024, 3, 1) -> 'maart 2024' / 'mars 2024' / 'March 2024' ('mrt 2024' short)."""
    names = MONTH_ABBREVIATIONS if short else MONTH_NAMES
    return f"{names[lang][month.month - 1]} {month.year}"
