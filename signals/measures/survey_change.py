"""The change of the survey scores between two waves, with its 95% uncertainty.

Input: survey.survey_frame (suppression applied). Per department and domain present in
either wave: both scores, the change (second minus first; higher = more risk, so a
positive change is a worsening) and, where both waves give a standard deviation, the 95%
interval of the change: the difference of two means of independent samples (the
respondents are anonymous and differ between waves), its standard error
sqrt(sd1^2 / n1 + sd2^2 / n2), the interval change +- 1.96 standard errors. A change is
`clear` when its interval leaves out 0.

A cell suppressed in either wave has no change and no interval (suppressed, with the
reason of the wave that hides it): a difference never brings back a hidden score.
"""

from __future__ import annotations

import numpy
import pandas

Z_95 = 1.959963984540054
KEYS = ("department", "domain")
CHANGE_COLUMNS = ("department", "domain", "respondents_first", "score_first",
                  "respondents_second", "score_second", "change", "standard_error",
                  "low", "high", "clear", "suppressed", "suppression_reason")


def survey_change(frame: pandas.DataFrame, first, second) -> pandas.DataFrame:
    """CHANGE_COLUMNS for the waves dated `first` and `second` (dates of frame["date"])."""
    columns = [*KEYS, "respondents", "score", "score_sd", "suppressed", "suppression_reason"]
    merged = frame.loc[frame["date"] == first, columns].merge(
        frame.loc[frame["date"] == second, columns], on=list(KEYS), how="outer",
        suffixes=("_first", "_second"))
    if merged.empty:
        return pandas.DataFrame(columns=CHANGE_COLUMNS)
    hidden_first = merged["suppressed_first"].fillna(False).astype(bool).to_numpy()
    hidden_second = merged["suppressed_second"].fillna(False).astype(bool).to_numpy()
    suppressed = hidden_first | hidden_second
    score_first = _numbers(merged["score_first"], hidden_first)
    score_second = _numbers(merged["score_second"], hidden_second)
    change = numpy.where(suppressed, numpy.nan, score_second - score_first)
    error = numpy.sqrt(_variance_of_mean(merged, "first") + _variance_of_mean(merged, "second"))
    error = numpy.where(numpy.isnan(change), numpy.nan, error)
    low, high = change - Z_95 * error, change + Z_95 * error
    reason = merged["suppression_reason_first"].where(
        hidden_first, merged["suppression_reason_second"].where(hidden_second, None))
    result = pandas.DataFrame({
        "department": merged["department"], "domain": merged["domain"],
        "respondents_first": merged["respondents_first"].astype("Int64"),
        "score_first": score_first,
        "respondents_second": merged["respondents_second"].astype("Int64"),
        "score_second": score_second,
        "change": change, "standard_error": error, "low": low, "high": high,
        "clear": (low > 0) | (high < 0),
        "suppressed": suppressed,
        "suppression_reason": reason.astype(object).where(suppressed, None),
    })
    return result.sort_values(list(KEYS), ignore_index=True)[list(CHANGE_COLUMNS)]


def _numbers(values: pandas.Series, suppressed: numpy.ndarray) -> numpy.ndarray:
    """Scores as floats, NaN where missing or suppressed."""
    numbers = pandas.to_numeric(values, errors="coerce").to_numpy(dtype=float)
    return numpy.where(suppressed, numpy.nan, numbers)


def _variance_of_mean(merged: pandas.DataFrame, wave: str) -> numpy.ndarray:
    """sd^2 / n of one wave; NaN where the deviation is not given or n is 0."""
    sd = pandas.to_numeric(merged[f"score_sd_{wave}"], errors="coerce").to_numpy(dtype=float)
    n = pandas.to_numeric(merged[f"respondents_{wave}"], errors="coerce").to_numpy(dtype=float)
    with numpy.errstate(divide="ignore", invalid="ignore"):
        return numpy.where(n > 0, sd ** 2 / n, numpy.nan)
