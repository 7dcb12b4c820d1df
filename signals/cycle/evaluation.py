"""Did an action help? Before and after, against the rest of the organisation (issue 15).

Per action and targeted indicator:
- before: the 12 months before the start month (at least 6 usable);
- after: from the 3rd month after the start month (the first months are the action's
  own start-up) up to the month before the evaluation date's month, or the latest month
  of the data when earlier (at least 6 usable to judge; fewer calendar months: too early);
- the team = the targeted departments together; the rest = ALL minus the team, month by
  month. For an action on the whole organisation there is no rest: its own before/after.

The statistic (the README says why): a quasi-Poisson GLM on month-level counts with the
exposure as offset, difference-in-differences with a fixed effect per calendar month:

    log E[count(group, month)] = log exposure + group + month + effect x team x after

The month effects take whatever hits every department alike (winter, a new absence
policy, a short month); exp(effect) is the team's after/before rate ratio divided by the
rest's. The dispersion is the Pearson statistic over its residual degrees of freedom (not
floored at 1: with about 20 degrees of freedom a floor made the small teams' intervals
cover 98%, see benchmarks/eval_actions.py); the 95% interval uses Student's t on those
degrees of freedom, which carries the dispersion's own uncertainty. Months are not
independent where the same long absences count month after month (absence days,
long-term absentees): the variance is multiplied by (1 + r) / (1 - r) for a positive
lag-1 autocorrelation r of the team's residuals (at most 0.8). From about 20 months r is
underestimated, so this corrects only part of it (README, benchmarks/eval_actions.py --ar1).

Verdict: `likely_improvement` when the whole interval is below 1 (every indicator here
is better when lower), `likely_worse` when above, `no_clear_change` otherwise;
`too_early` when the after window has fewer than 6 calendar months yet;
`too_little_data` when fewer than 6 usable months remain on either side (suppressed
months are not usable), or the team has fewer than MIN_EVENTS events in all or none on
one side (no finite estimate).

Small groups: the input is the *suppressed* indicator frame
(signals.measures.indicators.indicator_frame). A month is usable only when every
targeted department's row and the ALL row are shown; an unusable month is left out of
the team *and* the rest. So every figure this module returns is a sum of shown monthly
figures, and the rest (ALL minus the team) a difference of two shown ones: no
subtraction of two results (before/after, team/rest, two actions) can give a value that
suppression hides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from ..definitions import ALL_DEPARTMENTS, INDICATORS_BY_ID
from ..measures.indicators import FORMULAS
from ..texts import formatting
from ..texts.catalogue import template
from .common import add_months, month_start

BEFORE_MONTHS = 12
SKIP_MONTHS = 3            # the after window starts with the 3rd month after the start month
MIN_MONTHS = 6
MIN_EVENTS = 10            # team events, before and after together
CONFIDENCE = 0.95
VERDICTS = ("likely_improvement", "no_clear_change", "likely_worse", "too_early",
            "too_little_data")
MAX_ITERATIONS = 50
MAX_AUTOCORRELATION = 0.8


@dataclass(frozen=True)
class Effect:
    """exp(effect) with its interval; `dispersion` the quasi-Poisson scale, `df` its
    degrees of freedom."""
    ratio: float
    low: float
    high: float
    dispersion: float
    df: int


@dataclass(frozen=True)
class IndicatorEvaluation:
    indicator: str
    departments: tuple[str, ...]
    verdict: str
    before: tuple[dt.date, dt.date]          # first and last month of each window
    after: tuple[dt.date, dt.date] | None
    before_months: int                        # usable months
    after_months: int
    team_before: float | None = None         # in the indicator's unit
    team_after: float | None = None
    team_ratio: float | None = None
    rest_before: float | None = None
    rest_after: float | None = None
    rest_ratio: float | None = None
    effect: Effect | None = None


# --- windows -------------------------------------------------------------------------------

def windows(start: dt.date, evaluation_date: dt.date,
            latest_month: dt.date | None) -> tuple[list[dt.date], list[dt.date]]:
    """The before months and the after months (calendar months, usable or not)."""
    first = month_start(start)
    before = [add_months(first, -k) for k in range(BEFORE_MONTHS, 0, -1)]
    last = add_months(month_start(evaluation_date), -1)
    if latest_month is not None:
        last = min(last, month_start(latest_month))
    after, month = [], add_months(first, SKIP_MONTHS)
    while month <= last:
        after.append(month)
        month = add_months(month, 1)
    return before, after


# --- the series ------------------------------------------------------------------------------

def monthly_series(frame: pd.DataFrame, departments, indicator: str) -> pd.DataFrame:
    """Per month of the (suppressed) indicator frame: team and ALL numerator and
    denominator, and `usable` (every targeted row and ALL shown, exposures above 0)."""
    rows = frame[frame["indicator"] == indicator]
    team = [ALL_DEPARTMENTS] if ALL_DEPARTMENTS in departments else list(departments)
    wanted = rows[rows["department"].isin(team + [ALL_DEPARTMENTS])]
    months = pd.to_datetime(wanted["month"]).dt.date
    wanted = wanted.assign(month=months.to_numpy(),
                           shown=(~wanted["suppressed"].astype(bool)
                                  & wanted["numerator"].notna() & (wanted["denominator"] > 0)))
    pivot = wanted.pivot_table(index="month", columns="department",
                               values=["numerator", "denominator", "shown"],
                               aggfunc="first", dropna=False)
    result = pd.DataFrame(index=pivot.index)

    def column(name, department):
        key = (name, department)
        return pivot[key] if key in pivot.columns else pd.Series(np.nan, index=pivot.index)

    shown = pd.concat([column("shown", d).eq(True) for d in team + [ALL_DEPARTMENTS]],
                      axis=1).all(axis=1)
    result["team_count"] = sum(column("numerator", d).astype(float) for d in team)
    result["team_exposure"] = sum(column("denominator", d).astype(float) for d in team)
    result["all_count"] = column("numerator", ALL_DEPARTMENTS).astype(float)
    result["all_exposure"] = column("denominator", ALL_DEPARTMENTS).astype(float)
    result["usable"] = shown.to_numpy()
    return result


# --- the model -----------------------------------------------------------------------------

def _poisson_fit(X: np.ndarray, y: np.ndarray, offset: np.ndarray):
    """Poisson GLM by iteratively reweighted least squares: (beta, mu, X'WX)."""
    mu = y + 0.5
    eta = np.log(mu)
    deviance = np.inf
    for _ in range(MAX_ITERATIONS):
        z = eta - offset + (y - mu) / mu
        weighted = X.T * mu
        beta = np.linalg.lstsq(weighted @ X, weighted @ z, rcond=None)[0]
        eta = np.clip(X @ beta + offset, -700, 700)
        mu = np.exp(eta)
        new = 2 * np.sum(np.where(y > 0, y * np.log(np.where(y > 0, y, 1) / mu), 0) - (y - mu))
        if abs(new - deviance) < 1e-9 * (1 + abs(new)):
            break
        deviance = new
    return beta, mu, (X.T * mu) @ X


def effect_model(team_count, team_exposure, rest_count, rest_exposure, after) -> Effect | None:
    """exp(effect) of the module docstring with its 95% interval; None when it cannot be
    estimated. Without a rest (rest_count None): the team's own after/before ratio."""
    after = np.asarray(after, dtype=bool)
    team_count = np.asarray(team_count, dtype=float)
    team_exposure = np.asarray(team_exposure, dtype=float)
    if rest_count is None:
        y, exposure = team_count, team_exposure
        X = np.column_stack([np.ones(len(y)), after])
    else:
        months = len(team_count)
        y = np.concatenate([team_count, np.asarray(rest_count, dtype=float)])
        exposure = np.concatenate([team_exposure, np.asarray(rest_exposure, dtype=float)])
        is_team = np.repeat([1.0, 0.0], months)
        month_effects = np.vstack([np.eye(months), np.eye(months)])
        X = np.column_stack([is_team, month_effects, is_team * np.tile(after, 2)])
        # a month without any event says nothing about the effect (and has no finite fit)
        empty = np.tile((team_count + y[months:]) == 0, 2)
        keep_columns = np.concatenate([[True], ~empty[:months], [True]])
        X, y, exposure = X[~empty][:, keep_columns], y[~empty], exposure[~empty]
    df = len(y) - X.shape[1]
    if df < 1:
        return None
    beta, mu, information = _poisson_fit(X, y, np.log(exposure))
    try:
        covariance = np.linalg.inv(information)
    except np.linalg.LinAlgError:
        return None
    dispersion = float(np.sum((y - mu) ** 2 / mu)) / df
    team_rows = X[:, 0] == 1 if rest_count is not None else np.ones(len(y), dtype=bool)
    inflation = autocorrelation_inflation((y - mu)[team_rows] / np.sqrt(mu[team_rows]))
    se = float(np.sqrt(dispersion * inflation * covariance[-1, -1]))
    if not np.isfinite(se) or not np.isfinite(beta[-1]):
        return None
    half = stats.t.ppf(0.5 + CONFIDENCE / 2, df) * se
    return Effect(float(np.exp(beta[-1])), float(np.exp(beta[-1] - half)),
                  float(np.exp(beta[-1] + half)), dispersion, df)


def autocorrelation_inflation(residuals: np.ndarray) -> float:
    """(1 + r) / (1 - r) for the lag-1 autocorrelation r of the team's residuals in month
    order when positive (the variance of a window mean of AR(1) months), else 1; r at
    most MAX_AUTOCORRELATION."""
    if len(residuals) < 3 or not np.any(residuals):
        return 1.0
    r = float(np.sum(residuals[1:] * residuals[:-1]) / np.sum(residuals ** 2))
    r = min(max(r, 0.0), MAX_AUTOCORRELATION)
    return (1 + r) / (1 - r)


def verdict_of(effect: Effect) -> str:
    if effect.high < 1:
        return "likely_improvement"
    if effect.low > 1:
        return "likely_worse"
    return "no_clear_change"


# --- one action ------------------------------------------------------------------------------

def _level(indicator: str, count: float, exposure: float, months: int) -> float:
    """A window's value in the indicator's unit: scale x count / exposure, or for a count
    indicator (long-term absentees) the mean per month."""
    scale = FORMULAS[indicator].scale
    return count / months if scale is None else scale * count / exposure


def evaluate_indicator(frame: pd.DataFrame, departments, indicator: str, start,
                       evaluation_date, latest_month: dt.date | None = None) -> IndicatorEvaluation:
    """The evaluation of one targeted indicator (see the module docstring). `frame` is the
    suppressed indicator frame; `latest_month` defaults to its last month."""
    departments = tuple(departments)
    if latest_month is None and not frame.empty:
        latest_month = max(pd.to_datetime(frame["month"]).dt.date)
    before, after = windows(start, evaluation_date, latest_month)
    span = (before[0], before[-1]), ((after[0], after[-1]) if after else None)
    if len(after) < MIN_MONTHS:
        return IndicatorEvaluation(indicator, departments, "too_early", *span, 0, 0)
    series = monthly_series(frame, departments, indicator)
    series = series[series.index.isin(before + after) & series["usable"]]
    is_after = np.isin(series.index.to_numpy(), np.array(after, dtype=object))
    organisation = ALL_DEPARTMENTS in departments
    rest_count = None if organisation else (series["all_count"] - series["team_count"]).to_numpy()
    rest_exposure = (None if organisation
                     else (series["all_exposure"] - series["team_exposure"]).to_numpy())
    verdict, effect = judge(series["team_count"].to_numpy(), series["team_exposure"].to_numpy(),
                            rest_count, rest_exposure, is_after)
    counts = int((~is_after).sum()), int(is_after.sum())
    if effect is None:
        return IndicatorEvaluation(indicator, departments, verdict, *span, *counts)

    def levels(count, exposure):
        return (_level(indicator, count[~is_after].sum(), exposure[~is_after].sum(), counts[0]),
                _level(indicator, count[is_after].sum(), exposure[is_after].sum(), counts[1]))

    team = levels(series["team_count"].to_numpy(), series["team_exposure"].to_numpy())
    rest = (None, None) if organisation else levels(rest_count, rest_exposure)
    return IndicatorEvaluation(
        indicator, departments, verdict, *span, *counts,
        team_before=_float(team[0]), team_after=_float(team[1]), team_ratio=_ratio(*team),
        rest_before=_float(rest[0]), rest_after=_float(rest[1]), rest_ratio=_ratio(*rest),
        effect=effect)


def judge(team_count, team_exposure, rest_count, rest_exposure, is_after
          ) -> tuple[str, Effect | None]:
    """The verdict and the effect on the usable months of both windows (arrays; rest None
    for the organisation): too_little_data (with no effect) below MIN_MONTHS usable months
    on a side, MIN_EVENTS team events, or without a team event on a side."""
    is_after = np.asarray(is_after, dtype=bool)
    team_count = np.asarray(team_count, dtype=float)
    months = (~is_after).sum(), is_after.sum()
    events = team_count[~is_after].sum(), team_count[is_after].sum()
    if min(months) < MIN_MONTHS or sum(events) < MIN_EVENTS or min(events) == 0:
        return "too_little_data", None
    if rest_count is not None and ((np.asarray(rest_exposure) <= 0).any()
                                   or (np.asarray(rest_count) < 0).any()):
        return "too_little_data", None
    effect = effect_model(team_count, team_exposure, rest_count, rest_exposure, is_after)
    if effect is None:
        return "too_little_data", None
    return verdict_of(effect), effect


def _float(value) -> float | None:
    return None if value is None else float(value)


def _ratio(before: float | None, after: float | None) -> float | None:
    if before is None or after is None or before == 0:
        return None
    return float(after / before)


def evaluate_action(frame: pd.DataFrame, action, latest_month: dt.date | None = None
                    ) -> list[IndicatorEvaluation]:
    """One evaluation per targeted indicator of `action` (a row or dict of
    signals.cycle.actions.list_actions)."""
    return [evaluate_indicator(frame, action["departments"], indicator, action["start_date"],
                               action["evaluation_date"], latest_month)
            for indicator in action["indicators"]]


# --- the sentence ----------------------------------------------------------------------------

MINUS = "\u2212"


def _text(key: str, lang: str, **values) -> str:
    return template(key, lang).format(**values)


def signed_percent(ratio: float, lang: str) -> str:
    """A ratio as a change: 0.69 -> '−31 %' (nl, fr, de) or '−31%' (en)."""
    change = (ratio - 1) * 100
    rounded = round(change)
    sign = MINUS if rounded < 0 else ("+" if rounded > 0 else "")
    return sign + formatting.format_percent(abs(rounded), lang, 0)


def _department_label(departments, lang: str) -> str:
    if ALL_DEPARTMENTS in departments:
        return _text("cycle.evaluation.organisation", lang)
    return ", ".join(departments)


def sentence(evaluation: IndicatorEvaluation, lang: str) -> str:
    """One sentence in `lang` ('Absence rate in Geriatrie went from 14.2% to 9.8% (−31%); ...')."""
    indicator = INDICATORS_BY_ID[evaluation.indicator]
    values = {"indicator": indicator.name(lang),
              "department": _department_label(evaluation.departments, lang)}
    if evaluation.verdict == "too_early":
        return _text("cycle.evaluation.too_early", lang, **values, minimum=MIN_MONTHS)
    if evaluation.verdict == "too_little_data":
        return _text("cycle.evaluation.too_little_data", lang, **values, minimum=MIN_MONTHS)
    effect = evaluation.effect
    values |= {
        "before": formatting.format_value(evaluation.team_before, indicator.unit, lang),
        "after": formatting.format_value(evaluation.team_after, indicator.unit, lang),
        "team_change": signed_percent(evaluation.team_ratio, lang)
        if evaluation.team_ratio is not None else "–",
        "effect": signed_percent(effect.ratio, lang),
        "low": signed_percent(effect.low, lang), "high": signed_percent(effect.high, lang),
        "verdict": _text(f"cycle.verdict.{evaluation.verdict}", lang),
    }
    if evaluation.rest_ratio is None and ALL_DEPARTMENTS in evaluation.departments:
        return _text("cycle.evaluation.sentence_organisation", lang, **values)
    values["rest_change"] = (signed_percent(evaluation.rest_ratio, lang)
                             if evaluation.rest_ratio is not None else "–")
    return _text("cycle.evaluation.sentence", lang, **values)
