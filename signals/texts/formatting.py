"""Numbers, percentages and months as people read them, from Babel's locale data (CLDR).

Each language of the app has one locale (LOCALES): Belgian Dutch, French and German
write "1.234,5" / "1 234,5" / "1.234,5" and English "1,234.5"; the percent sign follows
the locale's pattern ("8,6%" nl, "8,6 %" fr and de, "8.6%" en). One figure goes through
Babel's format_decimal / format_percent / format_date; many figures (sentences built in
bulk) through `format_many`, which applies the same locale symbols to Python's own
formatting and gives the same text (tests/test_formatting.py checks it on random values).

A float is given to Babel as its exact value (Decimal(value)), so it rounds as Python,
DuckDB and Plotly's hovers round it: 0.15 is 0.1499999... and shows as 0,1.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from numbers import Integral

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

# The Babel locale of each language of the app ("de": the German-speaking Community).
LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "de": "de_BE", "en": "en"}
MISSING = "–"                      # a figure that is unknown (None, NaN, infinite)


def locale_of(lang: str) -> Locale:
    return _locale(LOCALES[lang])


@cache
def _locale(name: str) -> Locale:
    return Locale.parse(name)


def is_missing(value) -> bool:
    return value is None or not math.isfinite(value)


def exact(value) -> Decimal:
    """The exact value of a number (a float's binary value, not its shortest repr)."""
    return Decimal(int(value)) if isinstance(value, Integral) else Decimal(float(value))


def _integer_pattern(pattern: str) -> str:
    """'#,##0.###' -> '#,##0': the positive pattern without its fraction."""
    return pattern.split(";")[0].split(".")[0]


def _with_decimals(pattern: str, decimals: int) -> str:
    """'#,##0\u00a0%' -> '#,##0.0\u00a0%': exactly `decimals` digits after the mark."""
    positive = pattern.split(";")[0]
    if decimals == 0:
        return positive
    return re.sub(r"0(?![0-9])", "0." + "0" * decimals, positive, count=1)


@cache
def decimal_pattern(lang: str, decimals: int) -> str:
    return _with_decimals(_integer_pattern(locale_of(lang).decimal_formats[None].pattern), decimals)


@cache
def percent_pattern(lang: str, decimals: int) -> str:
    return _with_decimals(locale_of(lang).percent_formats[None].pattern, decimals)


def format_number(value: float | None, lang: str, decimals: int = 1) -> str:
    """1234.56 -> '1.234,6' (nl, de), '1\u202f234,6' (fr), '1,234.6' (en); None, NaN -> '–'."""
    if is_missing(value):
        return MISSING
    return babel_numbers.format_decimal(exact(value), format=decimal_pattern(lang, decimals),
                                        locale=LOCALES[lang])


def format_percent(value: float | None, lang: str, decimals: int = 1) -> str:
    """A value already in percent: 8.57 -> '8,6%' (nl), '8,6\u00a0%' (fr, de), '8.6%' (en)."""
    if is_missing(value):
        return MISSING
    return babel_numbers.format_percent(exact(value).scaleb(-2),
                                        format=percent_pattern(lang, decimals), locale=LOCALES[lang])


@dataclass(frozen=True)
class NumberSymbols:
    """What a locale writes around Python's '-1,234.5': its marks and the percent affixes."""
    decimal: str
    group: str
    minus: str
    percent_affixes: tuple[tuple[str, str], tuple[str, str]]   # (positive, negative)

    @property
    def marks(self) -> tuple[str, str, str]:
        return self.group, self.decimal, self.minus

    @property
    def table(self) -> dict[int, str]:
        """str.translate's table from Python's marks to the locale's."""
        return str.maketrans({",": self.group, ".": self.decimal, "-": self.minus})


def _affixes(text: str) -> tuple[str, str]:
    """'-7\u00a0%' -> ('-', '\u00a0%'): what a locale writes before and after the digit 7."""
    before, _, after = text.partition("7")
    return before, after


@cache
def number_symbols(lang: str) -> NumberSymbols:
    """The locale's symbols, read from Babel's data (and its output for the percent sign)."""
    symbols = locale_of(lang).number_symbols["latn"]
    sevens = (babel_numbers.format_percent(Decimal(sign * 7).scaleb(-2), locale=LOCALES[lang],
                                           format=percent_pattern(lang, 0)) for sign in (1, -1))
    return NumberSymbols(decimal=symbols["decimal"], group=symbols["group"],
                         minus=symbols["minusSign"], percent_affixes=tuple(map(_affixes, sevens)))


def plotly_separators(lang: str) -> str:
    """Plotly's `separators` (decimal mark, then thousands mark) from the locale:
    ',.' in nl and de, ',\u202f' in fr, '.,' in en."""
    symbols = number_symbols(lang)
    return symbols.decimal + symbols.group


def python_texts(values, decimals: int) -> list[str]:
    """Python's '-1,234.5' for each value ('–' for None, NaN, infinite): the common first
    step of format_many, done once for all languages."""
    import numpy as np  # here, not at the top: the ingest command loads no numpy

    spec = f",.{decimals}f"
    floats = np.asarray(values, dtype=float).tolist()
    return [format(value, spec) if math.isfinite(value) else MISSING for value in floats]


def localised(texts: list[str], lang: str, percent: bool = False) -> list[str]:
    """python_texts in the locale's marks (and its percent pattern with `percent`)."""
    symbols = number_symbols(lang)
    table = symbols.table
    if not percent:
        if symbols.marks == (",", ".", "-"):
            return list(texts)
        return [text if text == MISSING else text.translate(table) for text in texts]
    (plus_before, plus_after), (minus_before, minus_after) = symbols.percent_affixes
    return [text if text == MISSING
            else minus_before + text[1:].translate(table) + minus_after if text[0] == "-"
            else plus_before + text.translate(table) + plus_after
            for text in texts]


def format_many(values, lang: str, decimals: int = 1, percent: bool = False) -> list[str]:
    """Many values as format_number (or format_percent with `percent`) writes each,
    without a Babel call per value: Python formats, the locale's symbols are put in (the
    four locales group digits by three from 1000 on, as Python does; tests check it)."""
    return localised(python_texts(values, decimals), lang, percent)


# Rates per hours worked mean nothing without their unit ("12,3" of what?).
UNIT_SUFFIXES = {
    "per_million_hours": {"nl": "per miljoen gewerkte uren", "fr": "par million d'heures prestées",
                          "en": "per million hours worked",
                          "de": "pro Million Arbeitsstunden"},
    "per_thousand_hours": {"nl": "dagen per 1.000 gewerkte uren",
                           "fr": "jours pour 1 000 heures prestées",
                           "en": "days per 1,000 hours worked",
                           "de": "Tage pro 1.000 Arbeitsstunden"},
    "hours_per_fte": {"nl": "uren per VTE", "fr": "heures par ETP", "en": "hours per FTE",
                      "de": "Stunden je VZÄ"},
}
UNIT_DECIMALS = {"%": 1, "count": 0, "per_thousand_hours": 2, "per_million_hours": 1,
                 "hours_per_fte": 1}


def format_value(value: float | None, unit: str, lang: str, with_unit: bool = False) -> str:
    """A value in its indicator's unit (see definitions.Indicator.unit); `with_unit` adds
    the words of an hour-based unit ('12,3 per miljoen gewerkte uren')."""
    if unit == "%":
        return format_percent(value, lang, UNIT_DECIMALS[unit])
    number = format_number(value, lang, UNIT_DECIMALS[unit])
    if with_unit and unit in UNIT_SUFFIXES and number != MISSING:
        return f"{number} {UNIT_SUFFIXES[unit][lang]}"
    return number


def format_values(values, unit: str, langs) -> dict[str, list[str]]:
    """Many values in one unit, per language: format_value's text (without unit words)."""
    texts, percent = python_texts(values, UNIT_DECIMALS[unit]), unit == "%"
    done: dict[tuple, list[str]] = {}        # languages that write numbers alike share a list
    result = {}
    for lang in langs:
        symbols = number_symbols(lang)
        key = (symbols.marks, symbols.percent_affixes if percent else None)
        if key not in done:
            done[key] = localised(texts, lang, percent)
        result[lang] = done[key]
    return result


def month_names(lang: str) -> tuple[str, ...]:
    """The twelve month names as the locale writes them alone ('maart', 'mars', 'März')."""
    names = babel_dates.get_month_names("wide", context="stand-alone", locale=LOCALES[lang])
    return tuple(names[month] for month in range(1, 13))


@lru_cache(maxsize=4096)
def month_label(month: dt.date, lang: str, short: bool = False) -> str:
    """date(2024, 3, 1) -> 'maart 2024' / 'mars 2024' / 'März 2024' / 'March 2024';
    short: 'mrt 2024' / 'mars 2024' / 'März 2024' / 'Mar 2024' (the locale's yMMM)."""
    locale = locale_of(lang)
    pattern = locale.datetime_skeletons["yMMM" if short else "yMMMM"]
    return babel_dates.format_date(month, pattern, locale=locale)
