"""The sentences of the warning signals, in nl/fr/en, with the right number format."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from signals.alerts.sentences import RULE_IDS, format_values, ordinal, reason, reasons, trend_phrase, with_trend
from signals.definitions import INDICATOR_IDS, LANGUAGES, indicator_name
from signals.texts.formatting import format_value

FACTS = {
    "value": 9.84, "expected": 5.12, "upper_limit": 8.6, "watch_limit": 7.4, "headcount": 32,
    "months_in_row": 3, "since": dt.date(2024, 1, 1),
    "rolling_value": 8.6, "organisation_value": 5.5, "funnel_limit": 7.25,
}


@pytest.mark.parametrize("rule", sorted(RULE_IDS))
@pytest.mark.parametrize("indicator", INDICATOR_IDS)
def test_every_sentence_exists_in_every_language(rule, indicator):
    sentences = reasons(indicator, rule, FACTS)
    assert set(sentences) == {f"reason_{lang}" for lang in LANGUAGES}
    for lang in LANGUAGES:
        text = sentences[f"reason_{lang}"]
        assert text.startswith(indicator_name(indicator, lang))
        assert "{" not in text and "nan" not in text.lower() and text.endswith(".")
    assert len(set(sentences.values())) == len(LANGUAGES)


def test_percentages_follow_the_language():
    english = reason("en", "absence_rate", "beyond_upper_limit", FACTS)
    dutch = reason("nl", "absence_rate", "beyond_upper_limit", FACTS)
    french = reason("fr", "absence_rate", "beyond_upper_limit", FACTS)
    assert english == ("Absence rate 9.8%, expected 5.1%: above the alert limit 8.6% "
                       "for a team of 32; signal for the third month in a row, since January 2024.")
    assert "9,8%" in dutch and "8,6%" in dutch          # CLDR nl_BE: no space before %
    assert "3e maand op rij met een signaal, sinds januari 2024" in dutch
    assert "3e mois consécutif avec un signal, depuis janvier 2024" in french
    assert "9,8\u00a0%" in french and "équipe de 32" in french   # fr_BE: a no-break space


@pytest.mark.parametrize("rule", ["beyond_upper_limit", "three_months_high", "funnel_outlier"])
def test_french_sets_a_narrow_no_break_space_before_colon_and_semicolon(rule):
    french = reason("fr", "absence_rate", rule, FACTS)
    assert "\u202f: " in french and "\u202f; " in french
    assert not re.search(r"[^\u202f][:;] ", french), french
    assert "\u202f" not in reason("en", "absence_rate", rule, FACTS)


def test_counts_and_hour_rates_use_their_units():
    assert "Long-term absentees 10, expected 5:" in reason(
        "en", "long_term_absentees", "beyond_upper_limit", FACTS)
    assert "0,16" in reason("nl", "accident_severity_rate", "beyond_upper_limit",
                            FACTS | {"value": 0.156})
    assert "25.3 per million hours worked, expected 10.0:" in reason(
        "en", "accident_frequency_rate", "beyond_upper_limit", FACTS | {"value": 25.3, "expected": 10})
    assert "0,16 dagen per 1.000 gewerkte uren" in reason(
        "nl", "accident_severity_rate", "beyond_upper_limit", FACTS | {"value": 0.156})


def test_a_first_signalled_month_says_new_this_month():
    text = reason("en", "absence_rate", "beyond_upper_limit",
                  FACTS | {"months_in_row": 1, "since": dt.date(2024, 3, 1)})
    assert text.endswith("; new signal this month.") and "in a row" not in text
    assert reason("nl", "absence_rate", "cusum_shift", FACTS | {"months_in_row": 1}).endswith(
        "nieuw signaal deze maand.")


def test_this_month_never_labels_a_limit():
    """issue 12: '(18,1 % deze maand)' quoted the warning limit as if it were the value."""
    for lang, words in (("nl", "deze maand"), ("fr", "ce mois-ci"), ("en", "this month")):
        text = reason(lang, "absence_rate", "two_of_three_high", FACTS)
        assert words not in text
        assert format_value(FACTS["watch_limit"], "%", lang) in text


ORDINAL_NUMBERS = (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112, 113)


@pytest.mark.parametrize("lang, expected", [
    ("en", ["first", "second", "third", "fourth", "eleventh", "twelfth", "13th", "21st", "22nd",
            "23rd", "101st", "111th", "112th", "113th"]),
    ("nl", ["1e", "2e", "3e", "4e", "11e", "12e", "13e", "21e", "22e", "23e", "101e", "111e",
            "112e", "113e"]),
    ("fr", ["1er", "2e", "3e", "4e", "11e", "12e", "13e", "21e", "22e", "23e", "101e", "111e",
            "112e", "113e"]),
    ("de", ["1.", "2.", "3.", "4.", "11.", "12.", "13.", "21.", "22.", "23.", "101.", "111.",
            "112.", "113."]),
])
def test_ordinals(lang, expected):
    """issue 12: 'signal for the 21th month in a row' (the demo's IT case)."""
    assert [ordinal(n, lang) for n in ORDINAL_NUMBERS] == expected


def test_french_first_agrees_with_its_noun():
    assert ordinal(1, "fr") == "1er" and ordinal(1, "fr", feminine=True) == "1re"
    assert ordinal(21, "fr", feminine=True) == "21e"


@pytest.mark.parametrize("lang, words", [("en", "signal for the 21st month in a row"),
                                         ("nl", "21e maand op rij"), ("fr", "21e mois consécutif"),
                                         ("de", "21. Monat in Folge")])
def test_the_21_month_run_reads_right(lang, words):
    sentence = reason(lang, "absence_rate", "beyond_upper_limit", FACTS | {"months_in_row": 21})
    assert words in sentence
    assert "21th" not in sentence


def test_a_german_sentence_reads_as_in_the_german_speaking_community():
    assert reason("de", "absence_rate", "beyond_upper_limit", FACTS) == (
        "Abwesenheitsquote 9,8\u00a0%, erwartet 5,1\u00a0%: über der Alarmgrenze 8,6\u00a0% "
        "für ein Team von 32; 3. Monat in Folge mit einem Signal, seit Januar 2024.")
    assert reason("de", "reintegration_request_rate", "cusum_shift",
                  FACTS | {"months_in_row": 1}).startswith("Anträge auf Wiedereingliederung ")


@pytest.mark.parametrize("unit", ["%", "count", "per_million_hours", "per_thousand_hours"])
def test_bulk_formatting_matches_formatting_module(unit):
    values = [0.0, 0.04, 8.57, 1234.5678, 1e6 / 3, float("nan"), None, -2.5]
    bulk = format_values(values, unit)
    for lang in LANGUAGES:
        assert bulk[lang] == [format_value(value, unit, lang) for value in values]


def test_trend_phrase_in_every_language():
    assert trend_phrase(0.8, "%", "en") == "rising by 0.8 points a month over 12 months"
    assert trend_phrase(0.8, "%", "nl") == "stijgt met 0,8 procentpunt per maand over 12 maanden"
    assert trend_phrase(0.8, "%", "fr") == "en hausse de 0,8 point par mois sur 12 mois"
    assert trend_phrase(2.5, "%", "fr") == "en hausse de 2,5 points par mois sur 12 mois"


def test_trend_phrase_numbers_follow_the_unit():
    assert "0,04 procentpunt" in trend_phrase(0.04, "%", "nl")       # not 0,0
    assert trend_phrase(1234.5, "per_million_hours", "en") == (
        "rising by 1,234.5 a month over 12 months")
    assert "1\u202f234,5 par mois" in trend_phrase(1234.5, "per_million_hours", "fr")
    assert "0,5 per maand" in trend_phrase(0.5, "count", "nl")


def test_trend_goes_before_the_full_stop():
    sentence = reason("en", "absence_rate", "beyond_upper_limit", FACTS | {"months_in_row": 1})
    extended = with_trend(sentence, 0.8, "%", "en")
    assert extended == sentence[:-1] + "; rising by 0.8 points a month over 12 months."


def test_a_value_and_its_limit_never_read_alike():
    """issue 12: '0.1% ... above the limit 0.1%': more decimals where rounding hides the gap,
    for the numbers quoted together, in every language."""
    facts = FACTS | {"value": 8.64, "upper_limit": 8.6, "expected": 5.123}
    english = reason("en", "absence_rate", "beyond_upper_limit", facts)
    assert english.startswith("Absence rate 8.64%, expected 5.12%: above the alert limit 8.60%")
    assert "8,64\u00a0%" in reason("fr", "absence_rate", "beyond_upper_limit", facts)
    window = reason("nl", "absence_rate", "three_months_raised",
                    FACTS | {"value": 0.1277, "upper_limit": 0.0968, "expected": 0.02})
    assert "0,13%, verwacht 0,02%: boven de grens 0,10%" in window
    # one apart at one decimal: as before
    assert "9.8%" in reason("en", "absence_rate", "beyond_upper_limit", FACTS)


def test_an_improvement_reads_under_its_limit():
    from signals.alerts.sentences import improvement_sentences

    facts = pd.DataFrame({"value": [1.04, 3.0], "expected": [10.15, 12.4], "upper_limit": [1.0, 2.9],
                          "since": [dt.date(2026, 10, 1)] * 2, "months_in_row": [1, 1]})
    english = improvement_sentences("presenteeism_rate", facts, 6, 3)["reason_en"]
    assert "6 months 1.04%, expected 10.15%" in english[0] and "(under 1.00%)" in english[0]
    assert "6 months 3.0%, expected 12.4%" in english[1] and "(under 2.9%)" in english[1]
