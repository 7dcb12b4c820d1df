"""The warning signals in words, in every language (English source declared here).

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

from ..definitions import INDICATORS_BY_ID, LANGUAGES, indicator_name
from ..texts import formatting
from ..texts.catalogue import message, plural_message, template
from ..texts.formatting import MISSING, UNIT_SUFFIXES, format_number
from .runs import ordinal, run_phrase  # noqa: F401 (ordinal: kept importable here)

RULE_IDS = ("beyond_upper_limit", "cusum_shift", "three_months_high", "three_months_raised",
            "cusum_early", "funnel_outlier", "two_of_three_high", "run_above_centre",
            "run_of_increases")


def rule_name(rule: str, lang: str) -> str:
    """'Above the alert limit': a rule's short name."""
    return template(f"rule.{rule}", lang)


# The rules' names are "rule.<rule>"; a sentence is a head ("sentence.head", or
# "sentence.rise" for the CUSUM rules), "sentence.colon" and the rule's clause
# ("sentence.clause.<rule>", for a level such as hours per FTE "sentence.level_clause.<rule>"
# where it has one); the 3-month rules ("sentence.window") and the comparison with
# the organisation ("sentence.funnel") are whole sentences. French sets a narrow no-break
# space before ':' and ';'.
# Texts (English source): translations in signals/texts/locale/<lang>/LC_MESSAGES/messages.po.
message("rule.beyond_upper_limit", "Above the alert limit")
message("rule.cusum_shift", "Sustained rise")
message("rule.three_months_high", "Last 3 months clearly above expected")
message("rule.three_months_raised", "Last 3 months above expected")
message("rule.cusum_early", "Possible rise")
message("rule.funnel_outlier", "Higher than the rest of the organisation")
message("rule.two_of_three_high", "2 of 3 months above the watch limit")
message("rule.run_above_centre", "7 months in a row above expected")
message("rule.run_of_increases", "6 increases in a row")
message("sentence.head", "{name} {value}, expected {expected}")
message("sentence.clause.beyond_upper_limit",
        "above the alert limit {upper} for a team of {headcount}")
message("sentence.clause.two_of_three_high",
        "2 of the last 3 months above the watch limit (now {watch})")
message("sentence.clause.run_above_centre", "at least 7 months running above the expected level")
message("sentence.clause.run_of_increases", "risen at least 6 times running")
message("sentence.clause.cusum_shift", "a sustained rise above the expected level")
message("sentence.clause.cusum_early", "possibly a rise above the expected level")
message("sentence.level_clause.beyond_upper_limit",
        "above the alert limit {upper} given this team's usual month-to-month variation")
message("sentence.level_clause.two_of_three_high",
        "2 of the last 3 months above the watch limit (now {watch}) given this team's usual "
        "month-to-month variation")
message("sentence.colon", ": ")
message("sentence.semicolon", "; ")
message("sentence.window",
        "{name} over the last 3 months {value}, expected {expected}: above the limit {upper} for "
        "a team of {headcount}")
message("sentence.rise",
        "{name} over the last {rise_months} months {rise_value}, expected {rise_expected}")
message("sentence.funnel",
        "{name} over the last 12 months {rolling} against {organisation} in the organisation: "
        "above the limit {funnel_limit} for a team of this size")
plural_message("sentence.trend.percent",
               "rising by {slope} points a month over 12 months",
               "rising by {slope} points a month over 12 months")
message("sentence.trend.other", "rising by {slope} a month over 12 months")


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
    quotes_upper = facts["rule"].isin(("beyond_upper_limit", *_WINDOW_RULES)).to_numpy()
    formatted = {
        **_told_apart({"value": facts["value"], "upper": facts["upper_limit"],
                       "expected": facts["expected"]}, unit, quotes_upper),
        "watch": format_values(facts["watch_limit"], unit),
        "headcount": format_values(facts["headcount"], "count"),
        **_told_apart({"rolling": facts["rolling_value"], "funnel_limit": facts["funnel_limit"],
                       "organisation": facts["organisation_value"]}, funnel_unit,
                      (facts["rule"] == "funnel_outlier").to_numpy()),
        "rise_value": _with_unit(format_values(_column(facts, "rise_value"), unit), unit),
        "rise_expected": format_values(_column(facts, "rise_expected"), unit),
    }
    formatted["value"] = _with_unit(formatted["value"], unit)
    rise_months = [_whole(value) for value in _column(facts, "rise_months")]
    rules = list(facts["rule"])
    runs = list(zip(facts["since"], [_whole(value) for value in facts["months_in_row"]]))
    result = {}
    for lang in LANGUAGES:
        tails = {run: run_phrase(*run, lang) for run in set(runs)
                 if isinstance(run[0], dt.date)}
        name = indicator_name(indicator, lang)
        colon, semicolon = template("sentence.colon", lang), template("sentence.semicolon", lang)
        forms = {name: template(f"sentence.{name}", lang)
                 for name in ("funnel", "window", "rise", "head")}
        clauses = {rule: template(f"sentence.clause.{rule}", lang) for rule in _CLAUSE_RULES}
        if unit == "hours_per_fte":      # a level: judged on the team's own variation
            clauses |= {rule: template(f"sentence.level_clause.{rule}", lang)
                        for rule in _LEVEL_CLAUSE_RULES}
        texts = []
        for row, rule in enumerate(rules):
            words = {key: column[lang][row] for key, column in formatted.items()}
            words.update(name=name)
            if rule == "funnel_outlier":
                text = forms["funnel"].format(**words)
            elif rule in _WINDOW_RULES:
                text = forms["window"].format(**words)
            elif rule in _CUSUM_RULES and rise_months[row] > 1:
                text = (forms["rise"].format(**words, rise_months=rise_months[row])
                        + colon + clauses[rule].format(**words))
            else:
                text = forms["head"].format(**words) + colon + clauses[rule].format(**words)
            if runs[row] in tails:
                text += semicolon + tails[runs[row]]
            texts.append(text + ".")
        result[f"reason_{lang}"] = texts
    return result


_WINDOW_RULES = ("three_months_high", "three_months_raised")
_CUSUM_RULES = ("cusum_shift", "cusum_early")
_CLAUSE_RULES = ("beyond_upper_limit", "two_of_three_high", "run_above_centre",
                 "run_of_increases", "cusum_shift", "cusum_early")
_LEVEL_CLAUSE_RULES = ("beyond_upper_limit", "two_of_three_high")


# A value and the limit it crossed must not read alike ('0.1% ... above the limit 0.1%'):
# such a row gets up to MORE_DECIMALS more decimals, for all the numbers it quotes together.
MORE_DECIMALS = 3


def _told_apart(values: dict[str, pd.Series], unit: str, rows) -> dict[str, dict[str, list[str]]]:
    """Each of `values` (the value first, then the limit it crossed, then the others)
    formatted per language (format_values); in the `rows` (a boolean mask) where the value
    and the limit read alike, all of them with the fewest more decimals that tell them apart."""
    texts = {name: format_values(column, unit) for name, column in values.items()}
    value, limit = list(values)[:2]
    same = [row for row, quoted in enumerate(rows) if quoted
            and texts[value]["en"][row] == texts[limit]["en"][row] != MISSING]
    if same:                                    # lists, to change single texts below
        texts = {name: {lang: list(texts[name][lang]) for lang in LANGUAGES} for name in texts}
    for row in same:
        numbers = [float(column.iloc[row]) for column in values.values()]
        for extra in range(1, MORE_DECIMALS + 1):
            decimals = formatting.UNIT_DECIMALS[unit] + extra
            wider = {lang: formatting.format_many(numbers, lang, decimals, percent=unit == "%")
                     for lang in LANGUAGES}
            if wider["en"][0] != wider["en"][1]:
                for position, name in enumerate(values):
                    for lang in LANGUAGES:
                        texts[name][lang][row] = wider[lang][position]
                break
    return texts


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


# A clear upward trend over the last 12 months, added to a hotspot's sentence:
# "sentence.trend.percent" or "sentence.trend.other".
_TREND_DECIMALS = {"%": 1, "count": 1, "per_thousand_hours": 2, "per_million_hours": 1,
                   "hours_per_fte": 1}


def trend_phrase(slope: float, unit: str, lang: str) -> str:
    """'rising by 0.8 points a month over 12 months' for a slope in the indicator's unit
    per month; small slopes get the decimals to show their first digit (0.04, not 0.0)."""
    decimals = _TREND_DECIMALS[unit]
    if 0 < slope < 1:
        decimals = min(max(decimals, math.ceil(-math.log10(slope))), 3)
    number = format_number(slope, lang, decimals)
    if unit == "%":      # counted by its whole points: French says '1,5 point', '2,3 points'
        return template("sentence.trend.percent", lang, int(slope)).format(slope=number)
    return template("sentence.trend.other", lang).format(slope=number)


def with_trend(sentence: str, slope: float, unit: str, lang: str) -> str:
    """The sentence with the trend phrase added before its final full stop."""
    return sentence.removesuffix(".") + template("sentence.semicolon", lang) + trend_phrase(slope, unit, lang) + "."


# Improvements (level 'improvement', the rule "rule.durable_drop"): one sentence, the window's
# value against its expected value, "sentence.improvement", and the run of improved months,
# "sentence.improvement_first" or "sentence.improvement_ongoing".
message("rule.durable_drop", "Durably lower than usual")
message("sentence.improvement",
        "{name} over the last {months} months {value}, expected {expected}: clearly lower than "
        "this team's usual level (under {lower}), both in the last {half} months and in the "
        "{half} before")
message("sentence.improvement_first", "improved this month")
message("sentence.improvement_ongoing", "improved for the {ordinal} month in a row, since {since}")
# the screens' words for it: the level, and the trend chart's legend (ui.improvements)
message("level.improvement", "Improvement")
message("chart.improvement", "Improvement: durably lower than usual")


def improvement_sentences(indicator: str, facts: pd.DataFrame, months: int,
                          half: int) -> dict[str, list[str]]:
    """One sentence per improvement in every language: {'reason_nl': [...], ...}.

    `facts`: value and expected (the last `months` months together, in the indicator's
    unit), upper_limit (the lower limit the rule crossed), since and months_in_row.
    """
    unit = INDICATORS_BY_ID[indicator].unit
    formatted = _told_apart({"value": facts["value"], "lower": facts["upper_limit"],
                             "expected": facts["expected"]}, unit, [True] * len(facts))
    formatted["value"] = _with_unit(formatted["value"], unit)
    runs = list(zip(facts["since"], [_whole(value) for value in facts["months_in_row"]]))
    result = {}
    for lang in LANGUAGES:
        form = template("sentence.improvement", lang)
        semicolon = template("sentence.semicolon", lang)
        first, ongoing = (template(f"sentence.improvement_{name}", lang)
                          for name in ("first", "ongoing"))
        texts = []
        for row, (since, run) in enumerate(runs):
            words = {key: column[lang][row] for key, column in formatted.items()}
            tail = (first if run <= 1 else ongoing.format(
                ordinal=ordinal(run, lang), since=formatting.month_label(since, lang)))
            texts.append(form.format(name=indicator_name(indicator, lang), months=months,
                                     half=half, **words) + semicolon + tail + ".")
        result[f"reason_{lang}"] = texts
    return result
