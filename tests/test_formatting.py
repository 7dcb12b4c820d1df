"""Numbers, percentages and months through Babel's locale data (issue 13, "Translations")."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

import numpy as np
import pytest
from babel.dates import format_date
from babel.numbers import format_decimal
from babel.numbers import format_percent as babel_percent
from hypothesis import given, settings
from hypothesis import strategies as st

from signals.texts.formatting import (
    LOCALES,
    format_many,
    format_number,
    format_percent,
    format_value,
    format_values,
    month_label,
    month_names,
    plotly_separators,
)

LANGS = ("nl", "fr", "de", "en")
NNBSP, NBSP = "\u202f", "\u00a0"


def test_each_language_has_its_belgian_locale():
    assert LOCALES == {"nl": "nl_BE", "fr": "fr_BE", "de": "de_BE", "en": "en"}


@pytest.mark.parametrize("lang, expected", [
    ("nl", ["1.234,5", "0,0", "-1.234,5", "1.234.567,0"]),
    ("fr", [f"1{NNBSP}234,5", "0,0", f"-1{NNBSP}234,5", f"1{NNBSP}234{NNBSP}567,0"]),
    ("de", ["1.234,5", "0,0", "-1.234,5", "1.234.567,0"]),
    ("en", ["1,234.5", "0.0", "-1,234.5", "1,234,567.0"]),
])
def test_numbers_follow_the_locale(lang, expected):
    values = [1234.5, 0.0, -1234.5, 1234567]
    assert [format_number(value, lang) for value in values] == expected
    assert format_many(values, lang) == expected
    assert [format_number(value, lang, 0) for value in values] == [
        format_decimal(value, format="#,##0", locale=LOCALES[lang]) for value in values]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("value", [None, math.nan, math.inf, -math.inf])
def test_unknown_figures_show_a_dash(lang, value):
    assert format_number(value, lang) == format_percent(value, lang) == "–"
    assert format_many([value], lang) == format_many([value], lang, percent=True) == ["–"]


@pytest.mark.parametrize("lang, expected", [
    ("nl", ["8,6%", "0,0%", "-3,5%", "1.234,5%"]),
    ("fr", [f"8,6{NBSP}%", f"0,0{NBSP}%", f"-3,5{NBSP}%", f"1{NNBSP}234,5{NBSP}%"]),
    ("de", [f"8,6{NBSP}%", f"0,0{NBSP}%", f"-3,5{NBSP}%", f"1.234,5{NBSP}%"]),
    ("en", ["8.6%", "0.0%", "-3.5%", "1,234.5%"]),
])
def test_percentages_follow_the_locale(lang, expected):
    values = [8.57, 0.0, -3.5, 1234.5]          # already in percent: 8.57 is 8.57 %
    assert [format_percent(value, lang) for value in values] == expected
    assert format_many(values, lang, percent=True) == expected
    assert format_percent(8.57, lang, 0) == babel_percent(0.09, locale=LOCALES[lang])


def test_values_in_their_units():
    assert format_value(10.0, "count", "de") == "10"
    assert format_value(0.156, "per_thousand_hours", "de") == "0,16"
    assert format_value(1234.56, "per_million_hours", "fr") == f"1{NNBSP}234,6"
    assert format_value(8.57, "%", "en") == "8.6%"
    assert format_values([8.57, None], "%", LANGS)["fr"] == [f"8,6{NBSP}%", "–"]


@pytest.mark.parametrize("lang, long, short, names", [
    ("nl", "maart 2024", "mrt 2024", ("januari", "december")),
    ("fr", "mars 2024", "mars 2024", ("janvier", "décembre")),
    ("de", "März 2024", "März 2024", ("Januar", "Dezember")),
    ("en", "March 2024", "Mar 2024", ("January", "December")),
])
def test_months_follow_the_locale(lang, long, short, names):
    march = dt.date(2024, 3, 1)
    assert month_label(march, lang) == long == format_date(march, "MMMM y", locale=LOCALES[lang])
    assert month_label(march, lang, short=True) == short
    assert (month_names(lang)[0], month_names(lang)[11]) == names


def test_abbreviated_months_as_each_locale_writes_them():
    february, june = dt.date(2024, 2, 1), dt.date(2024, 6, 1)
    assert [month_label(february, lang, short=True) for lang in LANGS] == [
        "feb 2024", "févr. 2024", "Feb. 2024", "Feb 2024"]
    assert month_label(june, "de", short=True) == "Juni 2024"


def test_plotly_separators_come_from_the_locale():
    assert [plotly_separators(lang) for lang in LANGS] == [",.", "," + NNBSP, ",.", ".,"]


def babel_text(value: float, lang: str, decimals: int, percent: bool) -> str:
    """Babel's own output for one value, given its exact value (see formatting's docstring)."""
    places = "." + "0" * decimals if decimals else ""
    locale = LOCALES[lang]
    if percent:
        pattern = {"nl": "#,##0{}%", "en": "#,##0{}%"}.get(lang, "#,##0{}\u00a0%").format(places)
        return babel_percent(Decimal(value).scaleb(-2), format=pattern, locale=locale)
    return format_decimal(Decimal(value), format="#,##0" + places, locale=locale)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("decimals", [0, 1, 2, 3])
@pytest.mark.parametrize("percent", [False, True])
def test_bulk_path_agrees_with_babel_on_random_values(lang, decimals, percent):
    rng = np.random.default_rng(13)
    values = np.concatenate([
        rng.uniform(-100, 100, 300),
        rng.lognormal(3, 4, 300) * rng.choice([-1, 1], 300),        # 1e-5 up to 1e10
        np.round(rng.uniform(-50, 50, 200), decimals + 1),            # ties such as 0.25, 8.35
        rng.integers(-10**7, 10**7, 100).astype(float),
    ])
    expected = [babel_text(value, lang, decimals, percent) for value in values]
    assert format_many(values, lang, decimals, percent=percent) == expected
    one = format_percent if percent else format_number
    assert [one(value, lang, decimals) for value in values] == expected


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
       st.sampled_from(LANGS), st.integers(0, 3), st.booleans())
def test_bulk_path_agrees_with_babel_on_any_value(value, lang, decimals, percent):
    assert format_many([value], lang, decimals, percent=percent) == [
        babel_text(value, lang, decimals, percent)]


def test_upload_sizes_are_written_in_the_language(monkeypatch):
    from signals import config
    from ui.upload import size_in_megabytes, upload_limit_megabytes

    monkeypatch.setenv("SIGNALS_MAX_UPLOAD_MB", "0.5")
    assert [upload_limit_megabytes(lang) for lang in LANGS] == ["0,5", "0,5", "0,5", "0.5"]
    monkeypatch.setattr(config, "BYTES_PER_MB", 1)
    assert size_in_megabytes(b"x" * 1500, "fr") == f"1{NNBSP}500"
    assert size_in_megabytes(b"x" * 1500, "en") == "1,500"
