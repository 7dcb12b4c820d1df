"""Does the action evaluation (signals.cycle.evaluation) keep its promises?

Simulates a team of 30, 60 or 120 people inside an organisation of 600 others, over the
12 months before an action and the 12 months after its start (evaluation date = start
+ 12 months, so the after window is months 3 to 11 after the start: 9 months). The
indicator is the absence frequency (absence episodes starting per 100 workers), with
Belgian levels: 1.36 episodes per worker per year, a winter peak (+25% in January,
-25% in July) that every department shares, and month-to-month extra-Poisson noise
(a gamma factor with a 15% coefficient of variation, drawn apart for the team and for
the rest; --ar1 RHO makes the team's noise autocorrelated from month to month, as absence
days and long-term absentees are, which the model does not allow for). From the start month on,
the team's rate is multiplied by 1 (no effect),
0.8 (-20%) or 0.6 (-40%). Each simulation goes through evaluation.windows and
evaluation.judge (the statistics of evaluate_indicator without building a frame; the
tests cover the frame's path; --frames runs the whole evaluate_indicator, slower).

Reported per cell: the coverage of the 95% interval (true ratio 1, 0.8 or 0.6 inside
it; goal 93-97%), the share called "likely improvement" (with no effect: the false
rate, goal at most 5%; with -40%: the evaluation's power after 12 months), "likely
worse", and "too little data".

    python benchmarks/eval_actions.py [--simulations N] [--seed N] [--frames] [--cv CV] [--ar1 RHO]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from signals.cycle import evaluation  # noqa: E402
from signals.cycle.common import add_months  # noqa: E402

TEAM_SIZES = (30, 60, 120)
EFFECTS = (0.0, -0.2, -0.4)
REST_SIZE = 600
EPISODES_PER_MONTH = 1.36 / 12
SEASON_AMPLITUDE = 0.25
MONTHLY_CV = 0.15
INDICATOR = "absence_frequency"
FIRST_MONTH = dt.date(2023, 1, 1)
START = dt.date(2024, 1, 15)             # month 12 of the series
MONTHS = 24
FRAMES = False
AR1 = 0.0


def _windows() -> tuple[np.ndarray, np.ndarray]:
    """Which of the 24 months the evaluation uses, and which of those are after."""
    before, after = evaluation.windows(START, add_months(START, 12), add_months(FIRST_MONTH, 23))
    months = [add_months(FIRST_MONTH, k) for k in range(MONTHS)]
    used = np.array([month in before + after for month in months])
    return used, np.array([month in after for month in months])[used]


USED, IS_AFTER = _windows()


def _frame(team_counts, rest_counts, team_size: int) -> pd.DataFrame:
    months = [add_months(FIRST_MONTH, k) for k in range(MONTHS)]
    rows = {"month": months * 3,
            "department": ["Team"] * MONTHS + ["Rest"] * MONTHS + ["ALL"] * MONTHS,
            "numerator": np.concatenate([team_counts, rest_counts, team_counts + rest_counts]),
            "denominator": np.repeat([team_size, REST_SIZE, team_size + REST_SIZE], MONTHS)}
    frame = pd.DataFrame(rows)
    frame["indicator"] = INDICATOR
    frame["value"] = 100 * frame["numerator"] / frame["denominator"]
    frame["suppressed"] = False
    return frame


def simulate(rng: np.random.Generator, team_size: int, effect: float):
    month_of_year = np.array([(FIRST_MONTH.month - 1 + k) % 12 for k in range(MONTHS)])
    season = 1 + SEASON_AMPLITUDE * np.cos(2 * np.pi * month_of_year / 12)
    shape = 1 / MONTHLY_CV ** 2
    after_start = np.arange(MONTHS) >= 12
    team_rate = EPISODES_PER_MONTH * season * np.where(after_start, 1 + effect, 1.0)
    team = rng.poisson(team_size * team_rate * _team_noise(rng, shape))
    rest = rng.poisson(REST_SIZE * EPISODES_PER_MONTH * season * rng.gamma(shape, 1 / shape, MONTHS))
    if FRAMES:
        result = evaluation.evaluate_indicator(_frame(team, rest, team_size), ["Team"], INDICATOR,
                                               START, add_months(START, 12))
        return result.verdict, result.effect
    used = int(USED.sum())
    return evaluation.judge(team[USED], np.full(used, float(team_size)), rest[USED],
                            np.full(used, float(REST_SIZE)), IS_AFTER)


def _team_noise(rng: np.random.Generator, shape: float) -> np.ndarray:
    """Mean-one month factors with the coefficient of variation MONTHLY_CV; AR(1) on the log
    scale when AR1 > 0."""
    if AR1 <= 0:
        return rng.gamma(shape, 1 / shape, MONTHS)
    sigma = np.sqrt(np.log(1 + MONTHLY_CV ** 2))
    log_factor = np.empty(MONTHS)
    log_factor[0] = rng.normal(0, sigma)
    for k in range(1, MONTHS):
        log_factor[k] = AR1 * log_factor[k - 1] + rng.normal(0, sigma * np.sqrt(1 - AR1 ** 2))
    return np.exp(log_factor - sigma ** 2 / 2)


def run_cell(rng, team_size: int, effect: float, simulations: int) -> dict:
    truth = 1 + effect
    verdicts, covered = [], []
    for _ in range(simulations):
        verdict, effect_found = simulate(rng, team_size, effect)
        verdicts.append(verdict)
        if effect_found is not None:
            covered.append(effect_found.low <= truth <= effect_found.high)
    verdicts = pd.Series(verdicts)
    return {"team": team_size, "effect": f"{effect:+.0%}", "simulations": simulations,
            "coverage": float(np.mean(covered)) if covered else float("nan"),
            "likely_improvement": float((verdicts == "likely_improvement").mean()),
            "likely_worse": float((verdicts == "likely_worse").mean()),
            "too_little_data": float((verdicts == "too_little_data").mean())}


def main() -> None:
    global FRAMES, AR1, MONTHLY_CV
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--simulations", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--frames", action="store_true",
                        help="run evaluate_indicator on a frame per simulation (slower)")
    parser.add_argument("--cv", type=float, default=MONTHLY_CV,
                        help="coefficient of variation of the month-to-month extra noise")
    parser.add_argument("--ar1", type=float, default=0.0,
                        help="month-to-month autocorrelation of the team's noise (e.g. 0.5)")
    args = parser.parse_args()
    FRAMES, AR1, MONTHLY_CV = args.frames, args.ar1, args.cv
    rng = np.random.default_rng(args.seed)
    began = time.perf_counter()
    rows = [run_cell(rng, size, effect, args.simulations)
            for size in TEAM_SIZES for effect in EFFECTS]
    table = pd.DataFrame(rows)
    with pd.option_context("display.float_format", "{:.3f}".format, "display.width", 120):
        print(table.to_string(index=False))
    print(f"{time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
