"""The warning signals in words, in Dutch, French and English.

One sentence per signal, for a prevention committee member: the indicator, its
value and what was expected, why it is a signal, and for how long it has been
above average, e.g. "Absence rate 9.8%, expected 5.1%: above the upper limit 8.9%
for a team of 32; 3rd month in a row above average."
Numbers follow signals.formatting (8,6 % in nl/fr, 8.6% in en).
"""

from __future__ import annotations

import datetime as dt
import math

from .definitions import INDICATORS_BY_ID, LANGUAGES
from .formatting import format_number, format_value, month_label

RULE_NAMES = {
    "beyond_upper_limit": {
        "nl": "Boven de bovengrens", "fr": "Au-dessus de la limite supérieure",
        "en": "Above the upper limit",
    },
    "cusum_shift": {
        "nl": "Aanhoudende stijging (CUSUM)", "fr": "Hausse persistante (CUSUM)",
        "en": "Sustained rise (CUSUM)",
    },
    "funnel_outlier": {
        "nl": "Hoger dan de rest van de organisatie", "fr": "Plus élevé que le reste de l'organisation",
        "en": "Higher than the rest of the organisation",
    },
    "two_of_three_high": {
        "nl": "2 van 3 maanden boven de waarschuwingsgrens",
        "fr": "2 mois sur 3 au-dessus du seuil de vigilance",
        "en": "2 of 3 months above the warning limit",
    },
    "run_above_centre": {
        "nl": "7 maanden op rij boven verwachting", "fr": "7 mois de suite au-dessus de l'attendu",
        "en": "7 months in a row above expected",
    },
    "run_of_increases": {
        "nl": "6 stijgingen op rij", "fr": "6 hausses de suite", "en": "6 increases in a row",
    },
}

_HEAD = {
    "nl": "{name} {value}, verwacht {expected}",
    "fr": "{name} {value}, attendu {expected}",
    "en": "{name} {value}, expected {expected}",
}
_CLAUSES = {
    "beyond_upper_limit": {
        "nl": "boven de bovengrens {upper} voor een team van {headcount}",
        "fr": "au-dessus de la limite supérieure {upper} pour une équipe de {headcount}",
        "en": "above the upper limit {upper} for a team of {headcount}",
    },
    "two_of_three_high": {
        "nl": "2 van de laatste 3 maanden boven de waarschuwingsgrens ({watch} deze maand)",
        "fr": "2 des 3 derniers mois au-dessus du seuil de vigilance ({watch} ce mois-ci)",
        "en": "2 of the last 3 months above the warning limit ({watch} this month)",
    },
    "run_above_centre": {
        "nl": "{above} maanden op rij boven het verwachte niveau",
        "fr": "{above} mois de suite au-dessus du niveau attendu",
        "en": "{above} months in a row above the expected level",
    },
    "run_of_increases": {
        "nl": "{increases} maanden op rij gestegen",
        "fr": "en hausse {increases} mois de suite",
        "en": "risen {increases} months in a row",
    },
    "cusum_shift": {
        "nl": "een aanhoudende stijging sinds {rise_month}",
        "fr": "une hausse persistante depuis {rise_month}",
        "en": "a sustained rise since {rise_month}",
    },
    "funnel_outlier": {
        "nl": "over 12 maanden {rolling} tegenover {organisation} in de organisatie, "
              "boven de grens {funnel_limit} voor een team van deze grootte",
        "fr": "sur 12 mois {rolling} contre {organisation} dans l'organisation, "
              "au-dessus de la limite {funnel_limit} pour une équipe de cette taille",
        "en": "over 12 months {rolling} against {organisation} in the organisation, "
              "above the limit {funnel_limit} for a team of this size",
    },
}
_RUN_TAIL = {
    "nl": "{ordinal} maand op rij boven het gemiddelde",
    "fr": "{ordinal} mois consécutif au-dessus de la moyenne",
    "en": "{ordinal} month in a row above average",
}
_ENGLISH_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                     "eighth", "ninth", "tenth", "eleventh", "twelfth")


def ordinal(number: int, lang: str) -> str:
    """3 -> 'third' (en), '3e' (nl), '3e' (fr)."""
    if lang == "en":
        return _ENGLISH_ORDINALS[number - 1] if 1 <= number <= 12 else f"{number}th"
    return f"{number}e"


def _number(value, lang: str) -> str:
    return format_number(value, lang, 0)


def reason(lang: str, indicator: str, rule: str, facts: dict) -> str:
    """The sentence for one fired rule. `facts` holds the numbers the sentence quotes:
    value, expected, upper_limit, watch_limit, headcount, above (months in a row above
    expected), increases, rise_month (date), rolling_value, organisation_value, funnel_limit.
    """
    unit = INDICATORS_BY_ID[indicator].unit
    funnel_unit = "%" if unit == "count" else unit  # the funnel of a count is per 100 employees
    rise_month = facts.get("rise_month")
    words = {
        "name": INDICATORS_BY_ID[indicator].names[lang],
        "value": format_value(facts.get("value"), unit, lang),
        "expected": format_value(facts.get("expected"), unit, lang),
        "upper": format_value(facts.get("upper_limit"), unit, lang),
        "watch": format_value(facts.get("watch_limit"), unit, lang),
        "headcount": _number(facts.get("headcount"), lang),
        "above": facts.get("above", 0),
        "increases": facts.get("increases", 0),
        "rise_month": month_label(rise_month, lang) if isinstance(rise_month, dt.date) else "–",
        "rolling": format_value(facts.get("rolling_value"), funnel_unit, lang),
        "organisation": format_value(facts.get("organisation_value"), funnel_unit, lang),
        "funnel_limit": format_value(facts.get("funnel_limit"), funnel_unit, lang),
    }
    sentence = _HEAD[lang].format(**words) + ": " + _CLAUSES[rule][lang].format(**words)
    above = facts.get("above", 0)
    if rule != "run_above_centre" and isinstance(above, (int, float)) and not math.isnan(above) \
            and above >= 2:
        sentence += "; " + _RUN_TAIL[lang].format(ordinal=ordinal(int(above), lang))
    return sentence + "."


def reasons(indicator: str, rule: str, facts: dict) -> dict[str, str]:
    """The sentence in every language: {'reason_nl': ..., 'reason_fr': ..., 'reason_en': ...}."""
    return {f"reason_{lang}": reason(lang, indicator, rule, facts) for lang in LANGUAGES}
