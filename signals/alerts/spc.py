"""Statistical process control for small teams: pure numpy on [series, month] arrays.

Every function works on many series at once: arrays have one row per series
(department x indicator) and one column per month. A month that is missing or
must not be used (suppressed, no exposure) is marked False in `present`.

The model: a month's numerator y (absence days, episodes, exits, incidents) is a
count with exposure n (person-days, headcount, hours). Its expected count is
E = baseline rate x seasonal factor x n, with a Poisson (or binomial, for absence
days out of person-days) variance. Real counts are overdispersed: absence days
cluster within persons, incidents cluster in time. Laney's correction (Laney 2002,
"Improved control charts for attributes") measures that extra variation as
sigma_z, the moving-range standard deviation of the model's z-scores, and widens
the limits by it. Comparisons between teams use Spiegelhalter's funnel plot (2005)
with the multiplicative overdispersion factor phi.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import numpy as np
from scipy import special, stats
from sklearn.linear_model import PoissonRegressor

D2 = 1.128                      # mean moving range of two normal points / sigma
THREE_SIGMA_TAIL = stats.norm.sf(3.0)
TWO_SIGMA_TAIL = stats.norm.sf(2.0)
# Out-of-control months in a row after which the new level becomes the baseline: then the
# new level alone fills a baseline of 12 months beyond the 3-month gap, so the limits jump
# from the old level to the new one without a mixed baseline in between. More than a year
# at a changed level is a sustained change, no longer a signal to compare against.
REBASELINE_AFTER = 15


def moving_range_sigma(z: np.ndarray, present: np.ndarray | None = None) -> np.ndarray:
    """Laney's sigma_z per row: mean |z_t - z_(t-1)| over consecutive present months / 1.128.

    NaN where a row has no two consecutive present months.
    """
    z = np.asarray(z, dtype=float)
    if present is None:
        present = np.isfinite(z)
    pairs = present[..., 1:] & present[..., :-1]
    ranges = np.where(pairs, np.abs(np.diff(np.where(present, z, 0.0), axis=-1)), 0.0)
    count = pairs.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, ranges.sum(axis=-1) / np.maximum(count, 1) / D2, np.nan)


def individuals_baseline(values: np.ndarray, present: np.ndarray, *, window: int = 24,
                         gap: int = 3, min_months: int = 12) -> tuple[np.ndarray, np.ndarray]:
    """An individuals (XmR) chart of a level per row and month, for a measure with its own
    variation rather than a count (hours worked per FTE): (centre, sigma).

    centre: the mean of the row's present values over the `window` months before the
    `gap` most recent ones (a starting rise does not lift its own baseline); sigma: the
    mean moving range of consecutive present months there / 1.128. NaN where fewer than
    `min_months` values or no moving range.
    """
    values = np.asarray(values, dtype=float)
    present = np.asarray(present, dtype=bool) & np.isfinite(values)
    pairs = present & _shift(present, 1)
    ranges = np.where(pairs, np.abs(values - _shift(np.where(present, values, 0.0), 1,
                                                      fill=0.0)), 0.0)

    def baseline_sum(array):
        # the sum over months m - gap - window .. m - gap - 1, for every month m
        return _shift(rolling_sum(array, window), gap + 1, fill=0.0)

    count = baseline_sum(present.astype(float))
    total = baseline_sum(np.where(present, values, 0.0))
    pair_count = baseline_sum(pairs.astype(float))
    range_total = baseline_sum(ranges)
    with np.errstate(invalid="ignore", divide="ignore"):
        centre = np.where(count >= min_months, total / count, np.nan)
        sigma = np.where((count >= min_months) & (pair_count > 0),
                         range_total / pair_count / D2, np.nan)
    return centre, sigma


def model_variance(expected: np.ndarray, rate: np.ndarray, binomial) -> np.ndarray:
    """Variance of a count under the model: Poisson E, or binomial E(1 - p).

    `binomial` is one flag, or one per row (series) of `expected`.
    """
    if np.ndim(binomial) == 0:
        return expected * np.clip(1.0 - rate, 0.0, 1.0) if binomial else expected
    rows = _per_row(binomial, np.ndim(expected))
    return np.where(rows, expected * np.clip(1.0 - rate, 0.0, 1.0), expected)


def _per_row(values, ndim: int) -> np.ndarray:
    """A per-row array shaped to broadcast against an array of `ndim` dimensions."""
    values = np.asarray(values)
    return values.reshape(values.shape + (1,) * (ndim - values.ndim))


def seasonal_factors(month_of_year: np.ndarray, numerator: np.ndarray, denominator: np.ndarray,
                     min_months: int = 24) -> np.ndarray:
    """Month-of-year factors (12, mean 1) from a Poisson regression on one long series.

    Fitted on the organisation's total (ALL): rate ~ exp(month-of-year + linear trend),
    exposure as sample weight (the Poisson-regression equivalent of an offset). The
    trend term keeps a slow drift from being mistaken for season. The factors are used
    only when the month-of-year terms pass a quasi-Poisson F test against a trend-only
    model; otherwise, with under `min_months` months of history, or months of the year
    never seen, every factor is 1 (a small organisation's noise is not a season).
    """
    month_of_year = np.asarray(month_of_year)
    usable = np.isfinite(numerator) & np.isfinite(denominator) & (denominator > 0)
    months = month_of_year[usable]
    if usable.sum() < min_months or len(np.unique(months)) < 12 or numerator[usable].sum() <= 0:
        return np.ones(12)
    counts, exposure = numerator[usable], denominator[usable]
    position = np.flatnonzero(usable).astype(float)
    trend = ((position - position.mean()) / max(position.std(), 1.0))[:, None]
    one_hot = (months[:, None] == np.arange(1, 13)[None, :]).astype(float)
    rate = counts / exposure
    fits = {}
    for name, features in (("trend", trend), ("season", np.column_stack([one_hot, trend]))):
        coefficients, predicted = poisson_regression(features, rate / rate.mean(), exposure)
        fits[name] = (coefficients, _poisson_deviance(counts, predicted * rate.mean() * exposure))
    if not _season_is_significant(fits["trend"][1], fits["season"][1], len(counts)):
        return np.ones(12)
    factors = np.exp(fits["season"][0][:12])
    return factors / factors.mean()


def poisson_regression(features: np.ndarray, target: np.ndarray, weights: np.ndarray,
                       alpha: float = 1e-6) -> tuple[np.ndarray, np.ndarray]:
    """Poisson regression with log link and intercept (scikit-learn's PoissonRegressor).

    The Newton-Cholesky solver suits a dozen features on a few dozen months: about
    3 ms a fit, where the default L-BFGS takes 100 ms for the same optimum.
    Returns (coefficients without the intercept, predictions).
    """
    model = PoissonRegressor(alpha=alpha, solver="newton-cholesky", max_iter=100, tol=1e-10)
    model.fit(features, target, sample_weight=weights)
    return model.coef_, model.predict(features)


def _poisson_deviance(counts: np.ndarray, fitted: np.ndarray) -> float:
    with np.errstate(invalid="ignore", divide="ignore"):
        terms = np.where(counts > 0, counts * np.log(counts / fitted), 0.0) - (counts - fitted)
    return float(2 * terms.sum())


def _season_is_significant(trend_deviance: float, season_deviance: float, months: int,
                           level: float = 0.01) -> bool:
    """Quasi-Poisson F test: do 11 month-of-year terms explain more than noise would?

    The dispersion is the season model's deviance per residual degree of freedom, so
    overdispersed absence days do not pass for seasonality.
    """
    residual_df = months - 13
    if residual_df <= 0 or season_deviance <= 0:
        return season_deviance < trend_deviance
    f_value = ((trend_deviance - season_deviance) / 11) / (season_deviance / residual_df)
    return bool(stats.f.sf(f_value, 11, residual_df) < level)


class Baseline(NamedTuple):
    """Per series and month: deseasonalised baseline rate, Laney sigma_z, lag-1
    autocorrelation of the baseline z-scores (0 to 0.8), the baseline's count and its
    number of months."""
    rate: np.ndarray
    sigma_z: np.ndarray
    autocorrelation: np.ndarray
    count: np.ndarray
    months: np.ndarray | None = None

    def degrees_of_freedom(self) -> np.ndarray:
        """Degrees of freedom of sigma_z: months - 1, times the effective share of
        autocorrelated months for a variance, (1 - rho^2) / (1 + rho^2) for AR(1)."""
        rho2 = self.autocorrelation**2
        return np.maximum((self.months - 1) * (1 - rho2) / (1 + rho2), 1.0)

    def sum_inflation(self) -> np.ndarray:
        """Variance of a sum of autocorrelated months over that of independent ones,
        (1 + rho) / (1 - rho) for an AR(1) process."""
        return (1 + self.autocorrelation) / (1 - self.autocorrelation)

    def window_inflation(self, months: int) -> np.ndarray:
        """Variance of a sum of `months` consecutive months over that of independent ones
        for an AR(1) process: 1 + 2/m x sum over lags k of (m - k) rho^k."""
        rho = self.autocorrelation
        return 1 + 2 / months * sum((months - lag) * rho**lag for lag in range(1, months))

    def prediction_dispersion(self, expected: np.ndarray, variance_ratio: np.ndarray,
                              months: int = 1) -> np.ndarray:
        """Dispersion phi of y - E for a new month (or the sum of `months` new months, E
        their expected sum): its own noise plus the uncertainty of the baseline rate it
        is compared with (a prediction limit)."""
        with np.errstate(invalid="ignore", divide="ignore"):
            baseline_share = np.where(self.count > 0, expected / self.count, 0.0)
        own = 1.0 if months == 1 else self.window_inflation(months)
        return self.sigma_z**2 * variance_ratio * (own + self.sum_inflation() * baseline_share)


def estimation_widening(tail: float, degrees: np.ndarray) -> np.ndarray:
    """Factor on a dispersion estimated with `degrees` degrees of freedom, so that a limit
    at one-sided `tail` uses Student's t in place of the normal quantile: (t / z)^2.

    A dispersion estimated from one or two years of months is itself uncertain; limits
    that take it as known are too narrow in the far tail (with a standard deviation
    from 12 normal months, 0.6% of new months lie beyond its 3-sigma limit, not 0.135%).
    Whole degrees of freedom (rounded down, so never narrower), from a table.
    """
    table = _t_widening_table(float(tail))
    index = np.clip(np.nan_to_num(np.floor(degrees), nan=1.0), 1, len(table)).astype(int) - 1
    return table[index]


@functools.lru_cache(maxsize=32)
def _t_widening_table(tail: float, max_degrees: int = 400) -> np.ndarray:
    degrees = np.arange(1, max_degrees + 1)
    return (stats.t.isf(tail, degrees) / stats.norm.isf(tail)) ** 2


def rolling_baseline(counts: np.ndarray, exposure: np.ndarray, season: np.ndarray,
                     present: np.ndarray, *, binomial, window: int = 24, gap: int = 3,
                     min_months: int = 12, prior_events=0.0, rare=False,
                     estimated=False, exclude_out_of_control: bool = True,
                     rebaseline_after: int = REBASELINE_AFTER) -> Baseline:
    """Each series' own baseline for every month.

    `binomial`, `prior_events`, `rare` and `estimated` (see out_of_control) are one
    value for all series or one per series, so that series of several indicators go
    through one call.

    The baseline of month t is the series' history from month t - gap - window to
    t - gap - 1: up to two years, at least `min_months` present months, and not the
    `gap` most recent months, so that a rise just starting does not lift its own
    baseline. Exposure is weighted by the seasonal factor, so the rate is
    deseasonalised. `prior_events` (for rare events) keeps a spotless history from
    giving an expected count of exactly 0. sigma_z is Laney's moving-range estimate
    or, when larger, the plain standard deviation of the baseline z-scores: absence
    days are autocorrelated (a long episode runs on for months), which makes
    consecutive months alike and the moving range too small while the level still
    wanders. sigma_z is never below 1: the limits are widened for overdispersion,
    never narrowed below the count model. NaN where the history is too short.

    Limits are not recalculated with out-of-control months (NHS "Making Data Count"):
    a month beyond the upper 3-sigma limit of its own baseline (see out_of_control)
    is left out of the baseline of later months, and the window reaches further back
    by as many months, so the limits of a deteriorating team stay at its earlier
    level. After `rebaseline_after` such months in a row (missing months neither
    break nor extend the run) the new level is taken as the process: those months
    join the baseline again and the months before them leave it (a re-baseline).
    """
    series, months = counts.shape
    binomial_rows = np.broadcast_to(np.asarray(binomial, dtype=bool), (series,))
    rare_rows = np.broadcast_to(np.asarray(rare, dtype=bool), (series,))
    estimated_rows = np.broadcast_to(np.asarray(estimated, dtype=bool), (series,))
    prior_events = np.broadcast_to(np.asarray(prior_events, dtype=float), (series,))
    present_counts = np.where(present, counts, 0.0)
    weighted = np.where(present, exposure * season, 0.0)
    # Poisson series keep their plain rolling window until a month is excluded: their
    # statistics for every month come at once from running sums (_plain_poisson_windows).
    # Binomial series and series with excluded months go month by month (_WindowGatherer).
    # rate, sigma_z, autocorrelation, count, months (the fields of Baseline)
    outputs = Baseline(*(np.full((series, months), np.nan) for _ in Baseline._fields))
    poisson = np.flatnonzero(~binomial_rows)
    if poisson.size:
        plain = _plain_poisson_windows(present_counts[poisson], weighted[poisson],
                                       present[poisson], prior_events[poisson],
                                       window=window, gap=gap, min_months=min_months)
        for output, computed in zip(outputs, plain):
            output[poisson] = computed
    # a month beyond the limits of its series' plain baseline: until a series' first
    # such month, its baseline is the plain one, so these are its exclusions up to then
    plain_flags = np.zeros((series, months), dtype=bool)
    if poisson.size and exclude_out_of_control:
        plain_flags[poisson] = present[poisson] & out_of_control(
            counts[poisson], weighted[poisson], np.broadcast_to(season, counts.shape)[poisson],
            Baseline(*plain), binomial=False,
            rare=np.broadcast_to(rare_rows[poisson, None], (poisson.size, months)),
            estimated=estimated_rows[poisson, None])
    gatherer = _WindowGatherer(present_counts, weighted, present, season, binomial_rows,
                               prior_events, window, min_months)
    excluded = np.zeros((series, months), dtype=bool)
    ever_excluded = np.zeros(series, dtype=bool)
    run = np.zeros(series, dtype=int)
    run_start = np.zeros(series, dtype=int)
    for month in range(months):
        end = month - gap
        if end < min_months:
            continue
        rows = np.flatnonzero(binomial_rows | ever_excluded)
        if rows.size:
            own_months = excluded[rows, :end] if ever_excluded[rows].any() else None
            computed = gatherer.statistics(rows, end, own_months)
            for output, values in zip(outputs, computed):
                output[rows, month] = values
        if not exclude_out_of_control:
            continue
        flagged = plain_flags[:, month].copy()
        if rows.size:
            baseline = Baseline(*(output[rows, month] for output in outputs))
            flagged[rows] = present[rows, month] & out_of_control(
                counts[rows, month], weighted[rows, month], season[rows, month], baseline,
                binomial=binomial_rows[rows], rare=rare_rows[rows],
                estimated=estimated_rows[rows])
        excluded[:, month] = flagged
        ever_excluded |= flagged
        run = np.where(flagged, run + 1, np.where(present[:, month], 0, run))
        run_start = np.where(flagged & (run == 1), month, run_start)
        sustained = run >= rebaseline_after
        if sustained.any():
            columns = np.arange(months)[None, :]
            new_level = sustained[:, None] & (columns >= run_start[:, None])
            excluded = np.where(sustained[:, None], ~new_level, excluded)
            run = np.where(sustained, 0, run)
    return outputs


def _baseline_outputs(enough, base, moving_range, deviation, autocorrelation, events, used_count):
    """rate, sigma_z, autocorrelation, count, months of one baseline; NaN where too short."""
    sigma = np.fmax(np.fmax(moving_range, deviation), 1.0)
    return tuple(np.where(enough, value, np.nan)
                 for value in (base, sigma, autocorrelation, events, used_count))


class _WindowGatherer:
    """Baselines month by month for chosen series: each series' window gathered as
    [series, window] cells, so that series with excluded months get their own months."""

    def __init__(self, present_counts, weighted, present, season, binomial_rows, prior_events,
                 window: int, min_months: int):
        series, months = present_counts.shape
        self.window, self.min_months, self.empty_slot = window, min_months, months
        self.binomial_rows, self.prior_events = binomial_rows, prior_events
        # Flat copies with one more column per series, never present: where a window slot
        # has no month, its cell is that column, so the gathered cells need no masking.
        self.row_offsets = np.arange(series) * (months + 1)
        self.counts, self.weighted, self.present, self.season = (
            np.hstack([array, np.zeros((series, 1), dtype=array.dtype)]).ravel()
            for array in (present_counts, weighted, present,
                          np.broadcast_to(season, (series, months))))

    def statistics(self, rows: np.ndarray, end: int, excluded: np.ndarray | None) -> tuple:
        """The baseline of the window ending before month `end` for `rows`; `excluded`
        ([rows, end] or None: no exclusions) marks months left out of it."""
        window = self.window
        columns = np.tile(np.arange(end - window, end), (rows.size, 1))
        columns[columns < 0] = self.empty_slot
        adjacent = None                           # the plain window's months are consecutive
        if excluded is not None:
            moved = np.flatnonzero(excluded.any(axis=1))
            columns[moved] = _window_columns(excluded[moved], window, self.empty_slot)
            # consecutive calendar months only: an excluded month between two breaks the pair
            adjacent = np.ones((rows.size, window - 1))
            adjacent[moved] = np.diff(columns[moved], axis=1) == 1
        cells = self.row_offsets[rows, None] + columns
        used = self.present[cells]
        y, w = self.counts[cells], self.weighted[cells]
        binomial = np.flatnonzero(self.binomial_rows[rows])
        with np.errstate(invalid="ignore", divide="ignore"):
            events = _row_sums(y) + self.prior_events[rows]
            base = events / _row_sums(w)
            expected = base[:, None] * w
            variance = expected.copy()            # Poisson; binomial rows E (1 - p):
            variance[binomial] *= np.clip(
                1.0 - base[binomial, None] * self.season[cells[binomial]], 0.0, 1.0)
            z = (y - expected) / np.sqrt(variance)
        valid = used & (variance > 0)
        used_count = _row_sums(used.astype(float))
        moving_range, deviation, autocorrelation = _z_statistics(z, valid, adjacent)
        return _baseline_outputs(used_count >= self.min_months, base, moving_range, deviation,
                                 autocorrelation, events, used_count)


def _plain_poisson_windows(present_counts, weighted, present, prior_events, *, window: int,
                           gap: int, min_months: int, cap: float = 0.8) -> tuple:
    """The baseline of every month of Poisson series over their plain rolling window (months
    t - gap - window to t - gap - 1), the same statistics as _z_statistics, from running sums.

    With base rate b and s = sqrt(b), a month's z-score (y - b w) / sqrt(b w) is
    a / s - s c, where a = y / sqrt(w) and c = sqrt(w) do not depend on the window. So the
    sums of z, z^2 and of neighbouring products z_t z_t-1 over a window are running sums of
    a, c, their squares and neighbouring products; only the moving range, a sum of
    |z_t - z_t-1|, needs the window's cells, and those are a plain slice of months.
    Arrays are month-major inside ([month, series]): running sums go down contiguous rows.
    """
    months = present_counts.shape[1]
    present, counts, weighted = (np.ascontiguousarray(array.T)
                                 for array in (present, present_counts, weighted))
    valid = present & (weighted > 0)
    unit = valid.astype(float)
    root = np.sqrt(np.where(valid, weighted, 0.0))                   # c
    with np.errstate(invalid="ignore", divide="ignore"):
        scaled = np.where(valid, counts / root, 0.0)                 # a
    pair = unit[1:] * unit[:-1]                   # months t - 1 and t, at row t - 1
    later_a, earlier_a = scaled[1:] * pair, scaled[:-1] * pair
    later_c, earlier_c = root[1:] * pair, root[:-1] * pair
    ends = np.arange(months) - gap
    judged = ends >= min_months
    starts = np.clip(ends - window, 0, months)
    ends = np.clip(ends, 0, months)
    pair_ends = np.maximum(ends - 1, starts)

    def window_sums(cells: list[np.ndarray], last: np.ndarray) -> np.ndarray:
        """Sums of each array over rows [start, last) for every month, all in one cumsum."""
        stacked = np.stack(cells)
        running = np.zeros((len(cells), stacked.shape[1] + 1, stacked.shape[2]))
        np.cumsum(stacked, axis=1, out=running[:, 1:])
        return running[:, last] - running[:, starts]

    (events, used_count, exposure, count, sum_a, sum_c, sum_a2, valid_events,
     sum_c2) = window_sums([counts, present.astype(float), weighted, unit, scaled, root,
                            scaled * scaled, np.where(valid, counts, 0.0), root * root], ends)
    (pair_count, sum_aa, sum_ac, sum_cc, neighbour_a, neighbour_c) = window_sums(
        [pair, later_a * scaled[:-1], later_a * root[:-1] + later_c * scaled[:-1],
         later_c * root[:-1], later_a + earlier_a, later_c + earlier_c], pair_ends)
    events = events + prior_events[None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        base = events / exposure
        positive = base > 0                       # else no z-score is defined (variance 0)
        b = np.where(positive, base, 1.0)
        s = np.sqrt(b)
        count = np.where(positive, count, 0.0)
        pair_count = np.where(positive, pair_count, 0.0)
        mean = np.where(positive, (sum_a / s - s * sum_c) / np.maximum(count, 1), 0.0)
        sum_z2 = sum_a2 / b - 2 * valid_events + b * sum_c2
        squares = np.where(positive, np.maximum(sum_z2 - count * mean * mean, 0.0), 0.0)
        products = sum_aa / b - sum_ac + b * sum_cc                  # sum of z_t z_t-1
        neighbours = neighbour_a / s - s * neighbour_c               # of z_t + z_t-1
        covariance = np.where(positive, products - mean * neighbours + mean * mean * pair_count,
                              0.0)
        ranges = _plain_moving_ranges(later_a - earlier_a, later_c - earlier_c, s, starts,
                                      pair_ends, judged)
        moving_range = np.where(pair_count > 0, ranges / np.maximum(pair_count, 1) / D2, np.nan)
        deviation = np.where(count > 1, np.sqrt(squares / np.maximum(count - 1, 1)), np.nan)
        spread = squares > 1e-9 * np.maximum(count, 1)
        rho = np.clip(np.where(spread, np.nan_to_num(covariance / squares), 0.0), 0.0, cap)
    enough = judged[:, None] & (used_count >= min_months)
    return tuple(output.T for output in _baseline_outputs(
        enough, base, moving_range, deviation, rho, events, used_count))


def _plain_moving_ranges(step_a, step_c, s, starts, pair_ends, judged) -> np.ndarray:
    """Sum of |z_t - z_t-1| = |step_a / s - s step_c| over each month's window pairs
    (month-major arrays)."""
    ranges = np.zeros(s.shape)
    for month in np.flatnonzero(judged):
        first, last = starts[month], pair_ends[month]
        root = s[month]
        ranges[month] = np.abs(step_a[first:last] / root - root * step_c[first:last]).sum(axis=0)
    return ranges


def _window_columns(excluded: np.ndarray, window: int, empty: int) -> np.ndarray:
    """Per row, the columns of its last `window` months that are not excluded, oldest
    first, `empty` in the first slots where a row has fewer. Missing months count as
    calendar months, so a series without exclusions gets its plain rolling window."""
    kept = ~excluded
    from_end = np.cumsum(kept[:, ::-1], axis=1)[:, ::-1]     # kept months from here to the end
    rows, cols = np.nonzero(kept & (from_end <= window))
    columns = np.full((excluded.shape[0], window), empty)
    columns[rows, window - from_end[rows, cols]] = cols
    return columns


def out_of_control(counts: np.ndarray, weighted_exposure: np.ndarray, season: np.ndarray,
                   baseline: Baseline, *, binomial, rare, estimated=False) -> np.ndarray:
    """True where one month's count is beyond the upper 3-sigma limit of its baseline: the
    limit of the rule beyond_upper_limit (the prediction dispersion; exact quasi-Poisson
    tail for rare events, gamma tail for frequent ones; where `estimated`, the dispersion
    widened for its estimation, see estimation_widening). False where there is no baseline."""
    with np.errstate(invalid="ignore", divide="ignore"):
        expected = baseline.rate * weighted_exposure
        variance = model_variance(expected, baseline.rate * season, binomial)
        variance_ratio = np.where(expected > 0, variance / expected, 1.0)
        dispersion = baseline.prediction_dispersion(expected, variance_ratio)
    if np.any(estimated):
        widening = estimation_widening(THREE_SIGMA_TAIL, baseline.degrees_of_freedom())
        dispersion = dispersion * np.where(estimated, widening, 1.0)
    return tail_below(counts, expected, dispersion, rare, THREE_SIGMA_TAIL)


def _z_statistics(z: np.ndarray, valid: np.ndarray, adjacent: np.ndarray | None,
                  cap: float = 0.8):
    """Moving-range sigma, sample standard deviation and lag-1 autocorrelation of each row in
    one pass over the shared parts (the baseline computes them for every series and month).
    `adjacent` marks (1.0) the neighbouring cells that are consecutive months; None: all are."""
    weight = valid.astype(float)                  # masks as 0/1 factors: cheaper than where
    count = _row_sums(weight)
    values = np.where(valid, z, 0.0)              # z may be NaN where not valid
    mean = _row_sums(values) / np.maximum(count, 1)
    centred = (values - mean[:, None]) * weight
    pairs = weight[:, 1:] * weight[:, :-1]
    if adjacent is not None:
        pairs *= adjacent
    pair_count = _row_sums(pairs)
    squares = _row_sums(centred * centred)
    ranges = _row_sums(np.abs(values[:, 1:] - values[:, :-1]) * pairs)
    covariance = _row_sums(centred[:, 1:] * centred[:, :-1] * pairs)
    with np.errstate(invalid="ignore", divide="ignore"):
        moving_range = np.where(pair_count > 0, ranges / np.maximum(pair_count, 1) / D2, np.nan)
        deviation = np.where(count > 1, np.sqrt(squares / np.maximum(count - 1, 1)), np.nan)
        # z-scores that are all alike (a spotless history) have no autocorrelation: their
        # centred values are rounding noise, whose ratio would be anything up to the cap
        spread = squares > 1e-9 * np.maximum(count, 1)
        rho = np.clip(np.where(spread, np.nan_to_num(covariance / squares), 0.0), 0.0, cap)
    return moving_range, deviation, rho


def _row_sums(array: np.ndarray) -> np.ndarray:
    """Sum of each row: einsum is 2.5 times faster than .sum(axis=1) on short rows."""
    return np.einsum("ij->i", array)


def lag1_autocorrelation(z: np.ndarray, valid: np.ndarray, cap: float = 0.8) -> np.ndarray:
    """Lag-1 autocorrelation of each row's valid values over consecutive pairs, in [0, cap]."""
    return _z_statistics(z, valid, None, cap)[2]


def upper_quantile_limit(expected: np.ndarray, dispersion: np.ndarray, tail: float) -> np.ndarray:
    """Largest count still ordinary: phi x Poisson quantile of E/phi (quasi-Poisson, exact for small E).

    A count above the limit has a one-sided probability of at most `tail` under the model.
    """
    phi = np.maximum(dispersion, 1.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return phi * poisson_quantile(1.0 - tail, np.maximum(expected, 0.0) / phi)


def beyond_quantile_limit(counts: np.ndarray, expected: np.ndarray, dispersion: np.ndarray,
                          tail: float) -> np.ndarray:
    """counts > upper_quantile_limit(expected, dispersion, tail), without the quantile.

    With phi = max(dispersion, 1), m = count / phi and k the Poisson(E/phi) quantile:
    m > k exactly when P(Y <= ceil(m) - 1) >= 1 - tail (k is the smallest whole number
    with P(Y <= k) >= 1 - tail). One Poisson CDF per cell instead of a search; False
    where a number is missing.
    """
    phi = np.maximum(dispersion, 1.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        scaled = counts / phi
        mean = np.maximum(expected, 0.0) / phi
    cells = np.isfinite(mean) & np.isfinite(scaled) & (scaled > 0)
    beyond = np.zeros(np.shape(counts), dtype=bool)
    beyond[cells] = special.pdtr(np.ceil(scaled[cells]) - 1, mean[cells]) >= 1.0 - tail
    return beyond


def poisson_quantile(probability: float, mean: np.ndarray, max_steps: int = 60) -> np.ndarray:
    """Smallest k with P(Y <= k) >= probability for Y ~ Poisson(mean); NaN where mean is NaN.

    The same as scipy.stats.poisson.ppf, but ten times faster on large arrays: start
    from the Cornish-Fisher approximation and step with the Poisson CDF (a gamma
    function) until exact.
    """
    mean = np.asarray(mean, dtype=float)
    finite = np.isfinite(mean)
    mu_flat = mean[finite]                        # only the cells that have a mean
    z = stats.norm.isf(1.0 - probability)
    k = np.floor(np.maximum(0.0, mu_flat + z * np.sqrt(mu_flat) + (z * z - 1) / 6 - 1))
    # Step only the cells still moving: after the first step they are few.
    moving = np.arange(k.size)
    for _ in range(max_steps):
        moving = moving[(k[moving] > 0) & (special.pdtr(k[moving] - 1, mu_flat[moving]) >= probability)]
        if moving.size == 0:
            break
        k[moving] -= 1
    moving = np.arange(k.size)
    for _ in range(max_steps):
        moving = moving[special.pdtr(k[moving], mu_flat[moving]) < probability]
        if moving.size == 0:
            break
        k[moving] += 1
    quantile = np.full(mean.shape, np.nan)
    quantile[finite] = k
    return quantile


def upper_tail(observed: np.ndarray, expected: np.ndarray, dispersion: np.ndarray,
               rare) -> np.ndarray:
    """One-sided probability of a count at least as high as `observed`, for the model of
    the limits: quasi-Poisson for rare events (P(Y >= y) of Poisson(E/phi) at y/phi, the
    regularised gamma function, exact for whole counts), the gamma distribution with
    mean E and variance phi x E for frequent ones. NaN where E or phi is missing.
    `rare` is one flag, or one per element of the (1-D) arrays."""
    if np.ndim(rare):
        tail = np.empty(np.shape(expected))
        for flag in (True, False):
            rows = rare == flag
            tail[rows] = upper_tail(observed[rows], expected[rows], dispersion[rows], flag)
        return tail
    phi = np.maximum(np.nan_to_num(dispersion, nan=np.inf), 1e-9 if not rare else 1.0)
    mean = np.maximum(expected, 0.0) / phi
    scaled = np.maximum(observed, 0.0) / phi
    with np.errstate(invalid="ignore", divide="ignore"):
        if rare:
            tail = np.where(scaled > 0, special.gammainc(scaled, mean), 1.0)
        else:
            tail = np.where(mean > 0, special.gammaincc(mean, scaled), np.where(scaled > 0, 0.0, 1.0))
    return np.where(np.isfinite(expected) & np.isfinite(dispersion), tail, np.nan)


def tail_below(observed: np.ndarray, expected: np.ndarray, dispersion: np.ndarray, rare,
               level: float) -> np.ndarray:
    """upper_tail(...) < level, computing the tail only where it can be that small.

    A count at or below its expected value has a tail of at least 1/2 (rare events: a
    gamma's median is below its mean) or, for frequent events with a gamma shape E / phi
    of 1 or more, at least Q(1, 1) = e^-1; so for levels under e^-1 only counts above E,
    and frequent cells of smaller shape, need the special function. False where a
    number is missing.
    """
    if not level < np.exp(-1.0):
        raise ValueError(f"level {level} must be under e^-1")
    observed, expected, dispersion = np.broadcast_arrays(observed, expected, dispersion)
    rare = np.broadcast_to(rare, observed.shape)
    phi = np.maximum(np.nan_to_num(dispersion, nan=np.inf), np.where(rare, 1.0, 1e-9))
    with np.errstate(invalid="ignore", divide="ignore"):
        small_shape = ~rare & (np.maximum(expected, 0.0) / phi < 1.0)
    cells = (observed > expected) | small_shape
    tail = upper_tail(observed[cells], expected[cells], dispersion[cells], rare[cells])
    below = np.zeros(observed.shape, dtype=bool)
    below[cells] = tail < level                   # NaN (a missing number) is not below
    return below


def lower_tail(observed: np.ndarray, expected: np.ndarray, dispersion: np.ndarray,
               rare: bool) -> np.ndarray:
    """One-sided probability of a count at most as low as `observed`, the mirror of
    upper_tail: P(Y <= floor(y / phi)) of Poisson(E / phi) for rare events, the gamma
    distribution's lower tail (mean E, variance phi x E) for frequent ones. NaN where E
    or phi is missing."""
    phi = np.maximum(np.nan_to_num(dispersion, nan=np.inf), 1.0 if rare else 1e-9)
    mean = np.maximum(expected, 0.0) / phi
    scaled = np.maximum(observed, 0.0) / phi
    with np.errstate(invalid="ignore", divide="ignore"):
        if rare:
            tail = special.pdtr(np.floor(scaled), mean)
        else:
            tail = np.where(mean > 0, special.gammainc(mean, scaled), 1.0)
    return np.where(np.isfinite(expected) & np.isfinite(dispersion), tail, np.nan)


def lower_quantile_limit(expected: np.ndarray, dispersion: np.ndarray, tail: float) -> np.ndarray:
    """The bound an unusually low count is under, the mirror of upper_quantile_limit: phi x
    the smallest k with P(Y <= k) >= tail for Y ~ Poisson(E / phi), so that a count y is
    under it exactly when lower_tail(y) < tail (floor(y / phi) < k); NaN where no count is
    (even 0 is not that rare). A sentence "lower than usual (under L)" then holds for every
    count the rule flags, also between phi x (k - 1) and phi x k when phi > 1."""
    phi = np.maximum(dispersion, 1.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        quantile = poisson_quantile(tail, np.maximum(expected, 0.0) / phi)
    return np.where(quantile >= 1, phi * quantile, np.nan)


def gamma_limit(expected: np.ndarray, dispersion: np.ndarray, tail: float,
                upper: bool = True) -> np.ndarray:
    """Limit for a frequent, overdispersed count: the gamma quantile with the model's mean E
    and variance phi x E. Like Laney's limits but keeping the right skew of counts with
    a large dispersion (absence days: a few long episodes make a heavy upper tail)."""
    phi = np.maximum(dispersion, 1e-9)
    with np.errstate(invalid="ignore", divide="ignore"):
        shape = np.maximum(expected, 0.0) / phi
    limit = np.where(np.isfinite(shape), 0.0, np.nan)
    positive = np.isfinite(shape) & (shape > 0) & np.isfinite(phi)
    limit[positive] = phi[positive] * gamma_quantile(1.0 - tail if upper else tail,
                                                     shape[positive])
    return limit


def gamma_quantile(probability: float, shape: np.ndarray) -> np.ndarray:
    """Quantile of a unit-scale gamma distribution: Wilson-Hilferty's cube-root normal
    approximation where the shape is 30 or more (error under 0.2% in the 3-sigma tails),
    exact below."""
    z = stats.norm.isf(1.0 - probability)
    large = shape >= 30
    quantile = np.empty_like(shape)
    a = shape[large]
    quantile[large] = a * (1 - 1 / (9 * a) + z / np.sqrt(9 * a)) ** 3
    quantile[~large] = special.gammaincinv(shape[~large], probability)   # gamma.ppf, less overhead
    return quantile


def normal_limits(expected: np.ndarray, variance: np.ndarray, sigma_z: np.ndarray,
                  sigmas: float) -> np.ndarray:
    """Laney limit: E + sigmas x sigma_z x sqrt(model variance)."""
    return expected + sigmas * sigma_z * np.sqrt(np.maximum(variance, 0.0))


def two_of_three_beyond(values: np.ndarray, limits: np.ndarray, present: np.ndarray) -> np.ndarray:
    """True where this month is beyond its limit and so is one of the two months before it."""
    beyond = present & (values > limits)
    return beyond & (_shift(beyond, 1) | _shift(beyond, 2))


def run_above(values: np.ndarray, centre: np.ndarray, present: np.ndarray, length: int = 7) -> np.ndarray:
    """True where the last `length` months in a row (none missing) are above their centre."""
    return consecutive_count(present & (values > centre)) >= length


def run_of_increases(values: np.ndarray, present: np.ndarray, increases: int = 6) -> np.ndarray:
    """True where each of the last `increases` months rose above the month before it."""
    return increase_count(values, present) >= increases


def increase_count(values: np.ndarray, present: np.ndarray) -> np.ndarray:
    """How many months in a row, up to this one, each rose above the month before it."""
    rose = present & _shift(present, 1) & (values > _shift(values, 1, fill=np.inf))
    return consecutive_count(rose)


def consecutive_count(flags: np.ndarray) -> np.ndarray:
    """Length of the run of True ending at each month (0 where False)."""
    flags = np.asarray(flags, dtype=bool)
    counts = np.zeros(flags.shape, dtype=int)
    running = np.zeros(flags.shape[:-1], dtype=int)
    for month in range(flags.shape[-1]):
        running = np.where(flags[..., month], running + 1, 0)
        counts[..., month] = running
    return counts


def poisson_cusum(counts: np.ndarray, expected: np.ndarray, dispersion: np.ndarray,
                  present: np.ndarray, ratio: float = 2.0, threshold: float = 4.0):
    """One-sided log-likelihood-ratio CUSUM for a rise of the count by `ratio` (a doubling).

    Each month adds (y ln r - E (r - 1)) / phi: the quasi-Poisson log-likelihood ratio of
    "rate x r" against "rate as expected", divided by the dispersion phi so that
    overdispersed counts (absence days) do not look like evidence. One month adds at
    most half the threshold: a single high month is the 3-sigma rule's business, the
    CUSUM needs a sustained rise. The sum restarts at
    0 after it crosses `threshold`; by Wald's bound the mean run between false alarms
    is at least exp(threshold) months. A missing month leaves the sum unchanged.
    Returns (alarm flags, the sum, the month index where the current rise began).
    """
    phi = np.maximum(np.nan_to_num(dispersion, nan=1.0), 1.0)
    increment = (counts * np.log(ratio) - expected * (ratio - 1.0)) / phi
    increment = np.minimum(increment, threshold / 2)
    increment = np.where(present & np.isfinite(increment), increment, 0.0)
    alarms = np.zeros(counts.shape, dtype=bool)
    sums = np.zeros(counts.shape)
    began = np.full(counts.shape, -1, dtype=int)
    running = np.zeros(counts.shape[:-1])
    start = np.full(counts.shape[:-1], -1, dtype=int)
    for month in range(counts.shape[-1]):
        step = increment[..., month]
        rising_from_zero = (running <= 0) & (step > 0)
        start = np.where(rising_from_zero, month, start)
        running = np.maximum(0.0, running + step)
        alarm = running > threshold
        alarms[..., month] = alarm
        sums[..., month] = running
        began[..., month] = np.where(running > 0, start, -1)
        running = np.where(alarm, 0.0, running)
    return alarms, sums, began


def spiegelhalter_phi(z: np.ndarray, valid: np.ndarray, min_units: int = 5,
                      winsor: float = 0.05) -> np.ndarray:
    """Overdispersion factor per column: mean of the winsorised squared z-scores of the units.

    Spiegelhalter (2005), "Funnel plots for comparing institutional performance", winsorises
    10% each side; 5% here, because absence data are heavy-tailed and 10% under-estimated
    phi in the simulations (benchmarks/signals_eval.py), flagging too many teams.
    Rows are units (departments), columns are groups (indicator-months). Never below 1;
    NaN where fewer than `min_units` units are valid.
    """
    count = valid.sum(axis=0)
    phi = np.full(z.shape[1], np.nan)
    columns = count >= min_units
    if columns.any():
        used = np.where(valid, z, np.nan)[:, columns]
        ordered = np.sort(used, axis=0)               # missing values sort last
        units = count[columns]
        low = _sorted_quantile(ordered, units, winsor)
        high = _sorted_quantile(ordered, units, 1 - winsor)
        squares = np.where(valid[:, columns], np.clip(used, low, high) ** 2, 0.0)
        phi[columns] = squares.sum(axis=0) / units
    return np.where(count >= min_units, np.maximum(phi, 1.0), np.nan)


def _sorted_quantile(ordered: np.ndarray, count: np.ndarray, probability: float) -> np.ndarray:
    """Per column, the quantile of its first `count` sorted values, interpolated linearly
    between order statistics (numpy's default method)."""
    position = probability * (count - 1)
    below = np.floor(position).astype(int)
    above = np.minimum(below + 1, count - 1)
    low = np.take_along_axis(ordered, below[None, :], axis=0)[0]
    high = np.take_along_axis(ordered, above[None, :], axis=0)[0]
    return low + (position - below) * (high - low)


def rolling_sum(values: np.ndarray, window: int) -> np.ndarray:
    """Sum over the last `window` months including this one (missing months as 0)."""
    values = np.nan_to_num(np.asarray(values, dtype=float))
    cumulative = np.cumsum(values, axis=-1)
    shifted = np.concatenate(
        [np.zeros(values.shape[:-1] + (window,)), cumulative[..., :-window]], axis=-1
    )[..., : values.shape[-1]]
    return cumulative - shifted


def shifted(array: np.ndarray, months: int, fill=False) -> np.ndarray:
    """The array moved `months` later along the month axis, the first months filled."""
    return _shift(array, months, fill)


def _shift(array: np.ndarray, months: int, fill=False) -> np.ndarray:
    """The array moved `months` later along the month axis, the first months filled."""
    shifted = np.empty_like(array)
    shifted[..., :months] = fill
    shifted[..., months:] = array[..., :-months]
    return shifted
