"""The helpers behind the survey and re-integration screens: names that fit, the year shown
first, readings of a change, and downloads without a hidden figure."""

import datetime as dt

import numpy as np
import pandas as pd

from signals.measures.suppression import COMPLEMENTARY, SMALL
from ui.reintegration_view import all_small, count_text, default_year_index
from ui.survey_view import change_reading, scores_download, wrapped


def test_domain_names_wrap_at_spaces_and_dutch_and_german_compound_joints():
    assert wrapped("Arbeidsomstandigheden") == "Arbeids-<br>omstandigheden"
    assert wrapped("Arbeitsorganisation") == "Arbeits-<br>organisation"
    assert wrapped("Conditions de vie au travail") == "Conditions de<br>vie au travail"
    assert wrapped("Exhaustion") == "Exhaustion"


def test_the_last_full_year_comes_first_and_the_running_one_when_alone():
    today = dt.date(2026, 3, 1)
    assert default_year_index([2026, 2025, 2024], today) == 1
    assert default_year_index([2026], today) == 0
    assert default_year_index([2024, 2023], today) == 0


def test_a_hidden_count_reads_as_words_never_as_a_number():
    assert count_text(None, SMALL, "nl", 10) == "< 10"
    assert count_text(None, COMPLEMENTARY, "en", 10) == "hidden to protect another group"
    assert count_text(1234, None, "nl", 10) == "1.234"


def test_departments_hidden_in_every_figure_are_told_apart():
    frame = pd.DataFrame({"department": ["A", "B", "C"],
                          "requests_reason": [SMALL, SMALL, None],
                          "decisions_reason": [SMALL, None, None],
                          "outcomes_reason": [SMALL, SMALL, None]})
    assert list(all_small(frame)) == [True, False, False]


def row(**values):
    base = {"suppressed": False, "change": 2.0, "low": 0.5, "high": 3.5, "clear": True}
    return pd.Series({**base, **values})


def test_a_change_is_read_in_words():
    assert change_reading(row()) == "worse"
    assert change_reading(row(change=-2.0, low=-3.5, high=-0.5)) == "better"
    assert change_reading(row(low=-1.0, clear=False)) == "unclear"
    assert change_reading(row(low=np.nan, high=np.nan, clear=False)) == "no_interval"
    assert change_reading(row(change=np.nan, suppressed=True)) == "hidden"
    assert change_reading(row(change=np.nan, low=np.nan)) == "missing"


def test_the_scores_download_keeps_no_score_of_a_hidden_row():
    frame = pd.DataFrame({
        "date": [dt.date(2025, 3, 14)] * 2, "department": ["ALL", "Klein"],
        "domain": ["exhaustion"] * 2, "respondents": [60, 4], "score": [45.0, 87.3],
        "score_sd": [10.0, 5.0], "suppressed": [False, True],
        "suppression_reason": [None, SMALL]})
    shown = scores_download(frame, "en")
    assert shown["score"].tolist()[0] == 45.0 and np.isnan(shown["score"].tolist()[1])
    assert np.isnan(shown["score_sd"].tolist()[1])
    assert shown["department"].tolist() == ["Whole organisation", "Klein"]
    assert shown["domain"].tolist() == ["Exhaustion"] * 2
