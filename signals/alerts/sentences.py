"""The warning signals in words, in Dutch, French, English and German.

One sentence per signal, for a prevention committee member: the indicator, its
value this month and what was expected, why it is a signal, and since when the
signal runs (signals.alerts.runs defines "since", "months in a row" and "this month"
once), e.g. "Absence rate 9.8%, expected 5.1%: above the alert limit 8.9% for a team
of 32; signal for the third month in a row, since March 2024."
Numbers follow signals.texts.formatting (the locale's marks: 8,6% in nl, 8.6% in en).
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from ..definitions import INDICATORS_BY_ID, LANGUAGES
from ..texts import formatting
from ..texts.formatting import MISSING, UNIT_SUFFIXES, format_number
from .runs import ordinal, run_phrase  # noqa: F401 (ordinal: kept importable here)

RULE_NAMES = {
    "beyond_upper_limit": {
        "nl": "Boven de alarmgrens", "fr": "Au-dessus de la limite d'alerte",
        "en": "Above the alert limit",
        "de": "Über der Alarmgrenze",
    },
    "cusum_shift": {
        "nl": "Aanhoudende stijging", "fr": "Hausse persistante",
        "en": "Sustained rise",
        "de": "Anhaltender Anstieg",
    },
    "three_months_high": {
        "nl": "Laatste 3 maanden duidelijk hoger dan verwacht",
        "fr": "3 derniers mois nettement au-dessus de l'attendu",
        "en": "Last 3 months clearly above expected",
        "de": "Letzte 3 Monate deutlich über dem Erwarteten",
    },
    "three_months_raised": {
        "nl": "Laatste 3 maanden hoger dan verwacht",
        "fr": "3 derniers mois au-dessus de l'attendu",
        "en": "Last 3 months above expected",
        "de": "Letzte 3 Monate über dem Erwarteten",
    },
    "cusum_early": {
        "nl": "Mogelijke stijging", "fr": "Hausse possible",
        "en": "Possible rise",
        "de": "Möglicher Anstieg",
    },
    "funnel_outlier": {
        "nl": "Hoger dan de rest van de organisatie", "fr": "Plus élevé que le reste de l'organisation",
        "en": "Higher than the rest of the organisation",
        "de": "Höher als der Rest der Organisation",
    },
    "two_of_three_high": {
        "nl": "2 van 3 maanden boven de waarschuwingsgrens",
        "fr": "2 mois sur 3 au-dessus de la limite de vigilance",
        "en": "2 of 3 months above the watch limit",
        "de": "2 von 3 Monaten über der Warngrenze",
    },
    "run_above_centre": {
        "nl": "7 maanden op rij boven verwachting", "fr": "7 mois de suite au-dessus de l'attendu",
        "en": "7 months in a row above expected",
        "de": "7 Monate in Folge über dem Erwarteten",
    },
    "run_of_increases": {
        "nl": "6 stijgingen op rij", "fr": "6 hausses de suite", "en": "6 increases in a row",
        "de": "6 Anstiege in Folge",
    },
}

_HEAD = {
    "nl": "{name} {value}, verwacht {expected}",
    "fr": "{name} {value}, attendu {expected}",
    "en": "{name} {value}, expected {expected}",
    "de": "{name} {value}, erwartet {expected}",
}
_CLAUSES = {
    "beyond_upper_limit": {
        "nl": "boven de alarmgrens {upper} voor een team van {headcount}",
        "fr": "au-dessus de la limite d'alerte {upper} pour une équipe de {headcount}",
        "en": "above the alert limit {upper} for a team of {headcount}",
        "de": "über der Alarmgrenze {upper} für ein Team von {headcount}",
    },
    "two_of_three_high": {
        "nl": "2 van de laatste 3 maanden boven de waarschuwingsgrens (nu {watch})",
        "fr": "2 des 3 derniers mois au-dessus de la limite de vigilance (actuellement {watch})",
        "en": "2 of the last 3 months above the watch limit (now {watch})",
        "de": "2 der letzten 3 Monate über der Warngrenze (jetzt {watch})",
    },
    "run_above_centre": {
        "nl": "minstens 7 maanden na elkaar boven het verwachte niveau",
        "fr": "au moins 7 mois d'affilée au-dessus du niveau attendu",
        "en": "at least 7 months running above the expected level",
        "de": "mindestens 7 Monate in Folge über dem erwarteten Niveau",
    },
    "run_of_increases": {
        "nl": "minstens 6 keer na elkaar gestegen",
        "fr": "en hausse au moins 6 fois d'affilée",
        "en": "risen at least 6 times running",
        "de": "mindestens 6 Mal in Folge gestiegen",
    },
    "cusum_shift": {
        "nl": "een aanhoudende stijging boven het verwachte niveau",
        "fr": "une hausse persistante au-dessus du niveau attendu",
        "en": "a sustained rise above the expected level",
        "de": "ein anhaltender Anstieg über das erwartete Niveau",
    },
    "cusum_early": {
        "nl": "mogelijk een stijging boven het verwachte niveau",
        "fr": "peut-être une hausse au-dessus du niveau attendu",
        "en": "possibly a rise above the expected level",
        "de": "möglicherweise ein Anstieg über das erwartete Niveau",
    },
}
# French sets a narrow no-break space before ':' and ';'.
COLON = {"nl": ": ", "fr": "\u202f: ", "en": ": ", "de": ": "}
SEMICOLON = {"nl": "; ", "fr": "\u202f; ", "en": "; ", "de": "; "}
# The 3-month rules quote the value of the last 3 months together, not this month's.
_WINDOW_SENTENCE = {
    "nl": "{name} over de laatste 3 maanden {value}, verwacht {expected}: boven de grens "
          "{upper} voor een team van {headcount}",
    "fr": "{name} sur les 3 derniers mois {value}, attendu {expected}\u202f: au-dessus de la "
          "limite {upper} pour une équipe de {headcount}",
    "en": "{name} over the last 3 months {value}, expected {expected}: above the limit "
          "{upper} for a team of {headcount}",
    "de": "{name} über die letzten 3 Monate {value}, erwartet {expected}: über der Grenze {upper} "
          "für ein Team von {headcount}",
}
# The CUSUM rules quote the months since the rise began (this month alone can be low).
_RISE_HEAD = {
    "nl": "{name} over de laatste {rise_months} maanden {rise_value}, verwacht {rise_expected}",
    "fr": "{name} sur les {rise_months} derniers mois {rise_value}, attendu {rise_expected}",
    "en": "{name} over the last {rise_months} months {rise_value}, expected {rise_expected}",
    "de": "{name} über die letzten {rise_months} Monate {rise_value}, erwartet {rise_expected}",
}
# The comparison with the organisation quotes 12-month values, not this month's.
_FUNNEL_SENTENCE = {
    "nl": "{name} over de laatste 12 maanden {rolling} tegenover {organisation} in de "
          "organisatie: boven de grens {funnel_limit} voor een team van deze grootte",
    "fr": "{name} sur les 12 derniers mois {rolling} contre {organisation} dans "
          "l'organisation\u202f: au-dessus de la limite {funnel_limit} pour une équipe de cette "
          "taille",
    "en": "{name} over the last 12 months {rolling} against {organisation} in the "
          "organisation: above the limit {funnel_limit} for a team of this size",
    "de": "{name} über die letzten 12 Monate {rolling} gegenüber {organisation} in der "
          "Organisation: über der Grenze {funnel_limit} für ein Team dieser Größe",
}


def format_values(values, unit: str) -> dict[str, list[str]]:
    """Many values in one unit, per language; the same text as formatting.format_value,
    without a Babel call per value (sentences are built in bulk)."""
    return formatting.format_values(values, unit, LANGUAGES)


def _with_unit(texts: dict[str, list[str]], unit: str) -> dict[str, list[str]]:
    """Hour-based rates get their unit's words after the value ('25,3 per miljoen gewerkte uren')."""
    if unit not in UNIT_SUFFIXES:
        return texts
    return {lang: [text if text == MISSING else f"{text} {UNIT_SUFFIXES[unit][lang]}"
                   for text in column] for lang, column in texts.items()}


def sentences(indicator: str, facts: pd.DataFrame) -> dict[str, list[str]]:
    """One sentence per row of `facts` in every language: {'reason_nl': [...], ...}.

    `facts` has a column `rule` and the numbers the sentences quote: value, expected,
    upper_limit, watch_limit, headcount, rolling_value, organisation_value, funnel_limit,
    and the run of signalled months: since (date) and months_in_row (signals.alerts.runs).
    """
    unit = INDICATORS_BY_ID[indicator].unit
    funnel_unit = "%" if unit == "count" else unit  # the funnel of a count is per 100 employees
    formatted = {
        "value": _with_unit(format_values(facts["value"], unit), unit),
        "expected": format_values(facts["expected"], unit),
        "upper": format_values(facts["upper_limit"], unit),
        "watch": format_values(facts["watch_limit"], unit),
        "headcount": format_values(facts["headcount"], "count"),
        "rolling": format_values(facts["rolling_value"], funnel_unit),
        "organisation": format_values(facts["organisation_value"], funnel_unit),
        "funnel_limit": format_values(facts["funnel_limit"], funnel_unit),
        "rise_value": _with_unit(format_values(_column(facts, "rise_value"), unit), unit),
        "rise_expected": format_values(_column(facts, "rise_expected"), unit),
    }
    rise_months = [_whole(value) for value in _column(facts, "rise_months")]
    rules = list(facts["rule"])
    runs = list(zip(facts["since"], [_whole(value) for value in facts["months_in_row"]]))
    result = {}
    for lang in LANGUAGES:
        tails = {run: run_phrase(*run, lang) for run in set(runs)
                 if isinstance(run[0], dt.date)}
        name = INDICATORS_BY_ID[indicator].names[lang]
        texts = []
        for row, rule in enumerate(rules):
            words = {key: column[lang][row] for key, column in formatted.items()}
            words.update(name=name)
            if rule == "funnel_outlier":
                text = _FUNNEL_SENTENCE[lang].format(**words)
            elif rule in _WINDOW_RULES:
                text = _WINDOW_SENTENCE[lang].format(**words)
            elif rule in _CUSUM_RULES and rise_months[row] > 1:
                text = (_RISE_HEAD[lang].format(**words, rise_months=rise_months[row])
                        + COLON[lang] + _CLAUSES[rule][lang].format(**words))
            else:
                text = (_HEAD[lang].format(**words) + COLON[lang]
                        + _CLAUSES[rule][lang].format(**words))
            if runs[row] in tails:
                text += SEMICOLON[lang] + tails[runs[row]]
            texts.append(text + ".")
        result[f"reason_{lang}"] = texts
    return result


_WINDOW_RULES = ("three_months_high", "three_months_raised")
_CUSUM_RULES = ("cusum_shift", "cusum_early")


def _column(facts: pd.DataFrame, name: str):
    """A column of `facts`, or NaN for each row when absent (rise_* are optional)."""
    return facts[name] if name in facts else [math.nan] * len(facts)


def _whole(value) -> int:
    return int(value) if value is not None and math.isfinite(value) else 0


def reason(lang: str, indicator: str, rule: str, facts: dict) -> str:
    """The sentence for one fired rule (see `sentences` for the facts it quotes)."""
    return reasons(indicator, rule, facts)[f"reason_{lang}"]


def reasons(indicator: str, rule: str, facts: dict) -> dict[str, str]:
    """The sentence in every language: {'reason_nl': ..., 'reason_fr': ..., 'reason_en': ...}."""
    row = {name: facts.get(name, math.nan) for name in _FACT_NAMES} | {"rule": rule}
    row["since"] = facts.get("since")
    table = pd.DataFrame([row])
    return {column: texts[0] for column, texts in sentences(indicator, table).items()}


_FACT_NAMES = ("value", "expected", "upper_limit", "watch_limit", "headcount", "months_in_row",
               "rolling_value", "organisation_value", "funnel_limit", "rise_value",
               "rise_expected", "rise_months")


# A clear upward trend over the last 12 months, added to a hotspot's sentence.
_TREND = {
    "%": {
        "nl": "stijgt met {slope} procentpunt per maand over 12 maanden",
        "fr": "en hausse de {slope} {points} par mois sur 12 mois",
        "en": "rising by {slope} points a month over 12 months",
        "de": "steigt um {slope} Prozentpunkte pro Monat über 12 Monate",
    },
    "other": {
        "nl": "stijgt met {slope} per maand over 12 maanden",
        "fr": "en hausse de {slope} par mois sur 12 mois",
        "en": "rising by {slope} a month over 12 months",
        "de": "steigt um {slope} pro Monat über 12 Monate",
    },
}
_TREND_DECIMALS = {"%": 1, "count": 1, "per_thousand_hours": 2, "per_million_hours": 1}


def trend_phrase(slope: float, unit: str, lang: str) -> str:
    """'rising by 0.8 points a month over 12 months' for a slope in the indicator's unit
    per month; small slopes get the decimals to show their first digit (0.04, not 0.0)."""
    decimals = _TREND_DECIMALS[unit]
    if 0 < slope < 1:
        decimals = min(max(decimals, math.ceil(-math.log10(slope))), 3)
    number = format_number(slope, lang, decimals)
    points = "point" if slope < 2 else "points"          # French: plural from 2
    template = _TREND["%" if unit == "%" else "other"][lang]
    return template.format(slope=number, points=points)


def with_trend(sentence: str, slope: float, unit: str, lang: str) -> str:
    """The sentence with the trend phrase added before its final full stop."""
    return sentence.removesuffix(".") + SEMICOLON[lang] + trend_phrase(slope, unit, lang) + "."
