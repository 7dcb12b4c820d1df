"""The pure statistics of signals.alerts.spc on hand-made series."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from signals.alerts import spc


def test_laney_sigma_z_on_a_p_chart_example():
    # 10, 14, 9, 20 defectives out of 100: p-bar = 53/400, sigma_p = sqrt(p(1-p)/100);
    # z = -0.9586, 0.2212, -1.2536, 1.9910; moving ranges 1.1798, 1.4748, 3.2446;
    # mean 1.9664 / 1.128 = 1.7433.
    counts = np.array([10.0, 14.0, 9.0, 20.0])
    p_bar = counts.sum() / 400
    z = (counts / 100 - p_bar) / np.sqrt(p_bar * (1 - p_bar) / 100)
    assert spc.moving_range_sigma(z) == pytest.approx(1.7433, abs=1e-3)


def test_moving_range_skips_pairs_across_a_missing_month():
    z = np.array([[0.0, 1.0, 100.0, 3.0, 1.0]])
    present = np.array([[True, True, False, True, True]])
    assert spc.moving_range_sigma(z, present)[0] == pytest.approx(1.5 / spc.D2)


def test_consecutive_count():
    flags = np.array([[True, True, False, True, True, True]])
    assert spc.consecutive_count(flags).tolist() == [[1, 2, 0, 1, 2, 3]]


def test_seven_in_a_row_above_centre():
    values = np.array([[5, 6, 6, 6, 6, 6, 6, 6, 4]], dtype=float)
    centre = np.full(values.shape, 5.5)
    fired = spc.run_above(values, centre, np.ones(values.shape, bool))
    assert fired.tolist() == [[False] * 7 + [True, False]]


def test_run_of_six_increases_and_not_five():
    present = np.ones((2, 8), bool)
    six = np.array([5, 5, 6, 7, 8, 9, 10, 11], dtype=float)
    five = np.array([5, 5, 6, 7, 8, 9, 10, 10], dtype=float)
    fired = spc.run_of_increases(np.vstack([six, five]), present)
    assert fired[0].tolist() == [False] * 7 + [True]
    assert not fired[1].any()


def test_two_of_three_beyond():
    values = np.array([[0, 3, 0, 3, 0, 0, 3, 0, 0]], dtype=float)
    limits = np.full(values.shape, 2.0)
    fired = spc.two_of_three_beyond(values, limits, np.ones(values.shape, bool))
    assert np.flatnonzero(fired[0]).tolist() == [3]


def test_cusum_quiet_on_expected_counts_and_fires_on_a_doubling():
    expected = np.full((2, 30), 4.0)
    counts = np.full((2, 30), 4.0)
    counts[1, 15:] = 8.0
    present = np.ones(counts.shape, bool)
    alarms, sums, began = spc.poisson_cusum(counts, expected, np.ones((2, 30)), present)
    assert not alarms[0].any()
    first_alarm = int(np.flatnonzero(alarms[1])[0])
    assert 15 <= first_alarm <= 17
    assert began[1, first_alarm] == 15


def test_cusum_false_alarm_rate_respects_wald_bound():
    rng = np.random.default_rng(7)
    expected = np.full((200, 240), 3.0)
    counts = rng.poisson(expected).astype(float)
    alarms, _, _ = spc.poisson_cusum(counts, expected, np.ones(expected.shape),
                                     np.ones(expected.shape, bool), threshold=4.0)
    assert alarms.mean() < 1 / np.exp(4.0)


def test_spiegelhalter_phi():
    rng = np.random.default_rng(3)
    valid = np.ones((400, 2), bool)
    z = np.column_stack([rng.normal(0, 1, 400), rng.normal(0, 3, 400)])
    phi = spc.spiegelhalter_phi(z, valid)
    assert phi[0] == pytest.approx(1.0, abs=0.2)
    assert phi[1] > 4.0
    assert np.isnan(spc.spiegelhalter_phi(z[:3], valid[:3])).all()


def test_seasonal_factors_recover_a_winter_peak():
    rng = np.random.default_rng(5)
    month_of_year = np.tile(np.arange(1, 13), 4)
    truth = np.where(np.isin(month_of_year, [1, 2, 12]), 1.3, 1.0)
    exposure = np.full(48, 20_000.0)
    counts = rng.poisson(0.08 * truth * exposure).astype(float)
    factors = spc.seasonal_factors(month_of_year, counts, exposure)
    expected = np.unique(truth) / truth[:12].mean()
    assert factors[0] == pytest.approx(expected[1], rel=0.05)
    assert factors[6] == pytest.approx(expected[0], rel=0.05)
    assert spc.seasonal_factors(month_of_year[:12], counts[:12], exposure[:12]).tolist() == [1.0] * 12


def test_quasi_poisson_limit_is_the_exact_tail():
    limit = spc.upper_quantile_limit(np.array([0.44]), np.array([1.0]), spc.THREE_SIGMA_TAIL)[0]
    assert stats.poisson.sf(limit, 0.44) <= spc.THREE_SIGMA_TAIL
    assert stats.poisson.sf(limit - 1, 0.44) > spc.THREE_SIGMA_TAIL


def test_baseline_leaves_out_the_most_recent_months():
    counts = np.full((1, 20), 10.0)
    counts[0, 17:] = 100.0                      # a rise in the last three months
    exposure = np.full((1, 20), 100.0)
    rate, sigma_z, autocorrelation, count, months = spc.rolling_baseline(
        counts, exposure, np.ones((1, 20)), np.ones((1, 20), bool), binomial=False)
    assert np.isnan(rate[0, :15]).all()         # fewer than 12 months of history
    assert rate[0, 19] == pytest.approx(0.1)
    assert sigma_z[0, 19] == 1.0                # never below the count model
    assert count[0, 19] == 10.0 * 16 and autocorrelation[0, 19] == 0.0
    assert months[0, 15] == 12 and months[0, 19] == 16


def test_autocorrelation_of_an_ar1_series():
    rng = np.random.default_rng(2)
    steps = rng.normal(size=(50, 40))
    ar1 = np.zeros(steps.shape)
    for month in range(1, 40):
        ar1[:, month] = 0.7 * ar1[:, month - 1] + steps[:, month]
    valid = np.ones(steps.shape, bool)
    assert np.median(spc.lag1_autocorrelation(steps, valid)) < 0.1
    assert 0.45 < np.median(spc.lag1_autocorrelation(ar1, valid)) <= 0.8


def test_overdispersion_correction_reduces_false_alarms():
    """Absence days cluster within persons: episodes are Poisson, each lasting days.
    Plain binomial limits then flag many months; Laney's limits few."""
    rng = np.random.default_rng(11)
    series, months, team, working_days = 300, 36, 30, 21
    episodes = rng.poisson(1.36 * team / 12, size=(series, months))
    days = np.array([[rng.geometric(1 / 12, size=n).clip(max=21).sum() for n in row]
                     for row in episodes], dtype=float)
    exposure = np.full(days.shape, team * working_days, dtype=float)
    present = np.ones(days.shape, bool)
    rate, sigma_z, *_ = spc.rolling_baseline(days, exposure, np.ones(days.shape), present,
                                             binomial=True)
    expected = rate * exposure
    variance = spc.model_variance(expected, rate, True)
    tested = np.isfinite(expected)
    plain = tested & (days > spc.normal_limits(expected, variance, 1.0, 3))
    laney = tested & (days > spc.normal_limits(expected, variance, sigma_z, 3))
    assert plain.sum() / tested.sum() > 0.10
    assert laney.sum() / tested.sum() < 0.02


@pytest.mark.parametrize("probability", [0.001, 0.025, 0.5, 0.97725, 0.99865, 0.999])
def test_poisson_quantile_matches_scipy(probability):
    means = np.concatenate([[0.0, 1e-6, 0.3, 1.0, 2.0, np.nan], np.geomspace(0.01, 5000, 400)])
    expected = stats.poisson.ppf(probability, means)
    np.testing.assert_array_equal(spc.poisson_quantile(probability, means), expected)


def test_gamma_quantile_matches_scipy():
    shapes = np.geomspace(0.05, 5000, 200)
    for probability in (spc.THREE_SIGMA_TAIL, 0.5, 1 - spc.THREE_SIGMA_TAIL):
        np.testing.assert_allclose(spc.gamma_quantile(probability, shapes),
                                   stats.gamma.ppf(probability, shapes), rtol=2e-3)


def test_upper_tail_is_the_exact_poisson_and_gamma_tail():
    counts = np.array([0.0, 1.0, 3.0, 7.0, 12.0])
    expected = np.full(5, 2.5)
    ones = np.ones(5)
    np.testing.assert_allclose(spc.upper_tail(counts, expected, ones, rare=True),
                               stats.poisson.sf(counts - 1, 2.5))
    dispersion = np.full(5, 3.0)
    np.testing.assert_allclose(spc.upper_tail(counts, expected * 10, dispersion, rare=False),
                               stats.gamma.sf(counts, 25 / 3, scale=3.0))
    assert np.isnan(spc.upper_tail(counts, np.full(5, np.nan), ones, rare=True)).all()


def test_window_inflation_of_autocorrelated_months():
    baseline = spc.Baseline(*(np.array([[value]]) for value in (0.1, 1.0, 0.5, 100.0)))
    assert baseline.window_inflation(3)[0, 0] == pytest.approx(1 + 2 / 3 * (2 * 0.5 + 0.25))
    independent = baseline._replace(autocorrelation=np.array([[0.0]]))
    assert independent.window_inflation(3)[0, 0] == 1.0
    assert independent.prediction_dispersion(np.array([[30.0]]), 1.0, 3)[0, 0] == pytest.approx(1.3)


def _step_series(step_month: int, months: int = 48, low: float = 10.0, high: float = 40.0):
    """Absence episodes of a team of 100: noisy around `low` a month, `high` from the step on."""
    rng = np.random.default_rng(4)
    counts = rng.poisson(low, size=(1, months)).astype(float)
    counts[0, step_month:] = rng.poisson(high, size=months - step_month)
    return counts, np.full((1, months), 100.0)


def _upper_limits(counts, exposure, **options):
    present = np.ones(counts.shape, bool)
    season = np.ones(counts.shape)
    baseline = spc.rolling_baseline(counts, exposure, season, present, binomial=False, **options)
    expected = baseline.rate * exposure
    phi = baseline.prediction_dispersion(expected, 1.0)
    return spc.gamma_limit(expected, phi, spc.THREE_SIGMA_TAIL), baseline


def test_limits_do_not_follow_a_step_up_for_a_year():
    counts, exposure = _step_series(step_month=24)
    limits, _ = _upper_limits(counts, exposure)
    before = limits[0, 23]
    after = limits[0, 24:36]
    assert (counts[0, 24:36] > after).all()                   # every month stays flagged
    assert np.abs(after - before).max() < 0.15 * before       # the limit stays at its level
    chasing, _ = _upper_limits(counts, exposure, exclude_out_of_control=False)
    assert chasing[0, 35] > 1.5 * before                      # as it did before


def test_a_sustained_new_level_becomes_the_baseline():
    counts, exposure = _step_series(step_month=18, months=60)
    limits, baseline = _upper_limits(counts, exposure)
    last_old = 18 + spc.REBASELINE_AFTER - 1
    assert (counts[0, 18:last_old + 1] > limits[0, 18:last_old + 1]).all()
    assert baseline.rate[0, last_old] == pytest.approx(counts[0, :18].mean() / 100)
    # from the next month on, the new level alone (12 months beyond the 3-month gap)
    new = slice(18, last_old - 2)
    assert baseline.rate[0, last_old + 1] == pytest.approx(counts[0, new].mean() / 100)
    assert (counts[0, last_old + 1:] < limits[0, last_old + 1:]).mean() > 0.9


def test_an_isolated_spike_stays_out_of_the_baseline():
    counts, exposure = _step_series(step_month=48)
    counts[0, 20] = 60.0
    _, kept = _upper_limits(counts, exposure)
    _, absorbed = _upper_limits(counts, exposure, exclude_out_of_control=False)
    assert kept.sigma_z[0, 30] < absorbed.sigma_z[0, 30]
    assert kept.rate[0, 30] < absorbed.rate[0, 30]


def test_a_clean_series_keeps_its_baseline():
    rng = np.random.default_rng(9)
    counts = rng.poisson(8.0, size=(200, 40)).astype(float)
    exposure = np.full(counts.shape, 80.0)
    present = rng.random(counts.shape) > 0.05
    season = np.ones(counts.shape)
    options = dict(binomial=False, rare=False)
    plain = spc.rolling_baseline(counts, exposure, season, present, exclude_out_of_control=False,
                                 **options)
    controlled = spc.rolling_baseline(counts, exposure, season, present, **options)
    unchanged = np.all(np.isclose(plain.rate, controlled.rate, equal_nan=True), axis=1)
    assert unchanged.mean() > 0.95            # only series with a chance 3-sigma month differ
    for got, want in zip(controlled, plain):
        np.testing.assert_allclose(got[unchanged], want[unchanged], equal_nan=True)


def test_out_of_control_uses_the_three_sigma_tail():
    baseline = spc.Baseline(*(np.full(3, value) for value in (0.1, 1.0, 0.0, 1e9)))
    limit = spc.upper_quantile_limit(np.array([10.0]), np.array([1.0]), spc.THREE_SIGMA_TAIL)[0]
    counts = np.array([10.0, limit, limit + 1])
    flags = spc.out_of_control(counts, np.full(3, 100.0), np.ones(3), baseline,
                               binomial=False, rare=True)
    assert flags.tolist() == [False, False, True]


def test_estimation_widening_is_student_t_over_normal():
    widening = spc.estimation_widening(spc.THREE_SIGMA_TAIL, np.array([1.0, 11.0, 11.9, 23.0, 1e6]))
    expected_11 = (stats.t.isf(spc.THREE_SIGMA_TAIL, 11) / stats.norm.isf(spc.THREE_SIGMA_TAIL)) ** 2
    assert widening[1] == pytest.approx(expected_11) and widening[2] == widening[1]  # rounded down
    assert widening[0] > widening[1] > widening[3] > widening[4] > 1.0
    assert widening[4] == pytest.approx(1.0, abs=0.02)
    assert spc.estimation_widening(spc.TWO_SIGMA_TAIL, np.array([11.0]))[0] < widening[1]


def test_estimated_dispersion_keeps_the_three_sigma_false_alarm_rate():
    """Overdispersed counts (gamma-Poisson, phi = 9) judged on 12-24 months of their own
    history: taking the estimated dispersion as known more than doubles the 0.135% tail;
    Student's t brings it back to about nominal."""
    rng = np.random.default_rng(5)
    counts = rng.poisson(rng.gamma(25.0, 8.0, (4000, 30))).astype(float)
    exposure, season = np.full(counts.shape, 1000.0), np.ones(counts.shape)
    present = np.ones(counts.shape, bool)
    rates = {}
    for estimated in (False, True):
        baseline = spc.rolling_baseline(counts, exposure, season, present, binomial=False,
                                        estimated=estimated, exclude_out_of_control=False)
        flags = spc.out_of_control(counts, exposure, season, baseline, binomial=False,
                                   rare=False, estimated=estimated)
        rates[estimated] = flags[:, 15:].mean() / spc.THREE_SIGMA_TAIL
    assert rates[False] > 1.8
    assert 0.4 < rates[True] < 1.5


def test_beyond_quantile_limit_is_the_count_above_the_exact_limit():
    rng = np.random.default_rng(3)
    expected = rng.uniform(0.0, 20.0, 5000)
    dispersion = rng.choice([0.5, 1.0, 1.7, 3.0], 5000)
    counts = rng.poisson(expected * 1.5).astype(float)
    limit = spc.upper_quantile_limit(expected, dispersion, spc.THREE_SIGMA_TAIL)
    beyond = spc.beyond_quantile_limit(counts, expected, dispersion, spc.THREE_SIGMA_TAIL)
    assert beyond.any()
    np.testing.assert_array_equal(beyond, counts > limit)
    # a count equal to its limit is not beyond it; missing numbers never are
    assert not spc.beyond_quantile_limit(limit[:50], expected[:50], dispersion[:50],
                                         spc.THREE_SIGMA_TAIL).any()
    assert not spc.beyond_quantile_limit(np.array([5.0]), np.array([np.nan]), np.array([1.0]),
                                         spc.THREE_SIGMA_TAIL).any()


def _random_poisson_series(seed: int):
    rng = np.random.default_rng(seed)
    series, months = 40, 50
    exposure = rng.uniform(20.0, 4000.0, (series, 1)) * rng.uniform(0.8, 1.2, (series, months))
    rate = rng.choice([0.0, 1e-4, 0.01, 0.2], (series, 1))      # spotless to frequent
    counts = rng.poisson(rate * exposure * rng.gamma(1.5, 1 / 1.5, (series, months)))
    present = rng.random((series, months)) > rng.choice([0.0, 0.1, 0.6], (series, 1))
    season = np.broadcast_to(rng.uniform(0.8, 1.2, 12)[np.arange(months) % 12], (series, months))
    weighted = np.where(present, exposure * season, 0.0)
    prior = rng.choice([0.0, 0.5], series)
    return np.where(present, counts, 0.0), weighted, present, season, prior


@pytest.mark.parametrize("seed", range(5))
def test_plain_windows_by_running_sums_equal_month_by_month_windows(seed):
    counts, weighted, present, season, prior = _random_poisson_series(seed)
    series, months = counts.shape
    options = {"window": 24, "gap": 3, "min_months": 12}
    plain = spc._plain_poisson_windows(counts, weighted, present, prior, **options)
    gatherer = spc._WindowGatherer(counts, weighted, present, season, np.zeros(series, bool),
                                   prior, options["window"], options["min_months"])
    for month in range(months):
        end = month - options["gap"]
        if end < options["min_months"]:
            assert all(np.isnan(output[:, month]).all() for output in plain)
            continue
        by_month = gatherer.statistics(np.arange(series), end, None)
        for from_sums, gathered in zip(plain, by_month):
            np.testing.assert_allclose(from_sums[:, month], gathered, rtol=1e-9, atol=1e-12)


def test_tail_below_is_the_upper_tail_under_the_level():
    rng = np.random.default_rng(4)
    cells = 20_000
    expected = rng.choice([0.001, 0.05, 0.5, 3.0, 40.0, 900.0], cells) * rng.uniform(0.5, 2, cells)
    expected[rng.random(cells) < 0.02] = np.nan
    dispersion = rng.choice([0.3, 1.0, 2.5, 40.0, np.nan], cells, p=[0.2, 0.3, 0.3, 0.18, 0.02])
    observed = rng.poisson(np.nan_to_num(expected) * rng.choice([0.5, 1.0, 3.0], cells))
    observed = observed.astype(float)
    rare = rng.random(cells) < 0.5
    for level in (spc.THREE_SIGMA_TAIL, 0.001, 0.02, 0.3):
        exact = spc.upper_tail(observed, expected, dispersion, rare) < level
        np.testing.assert_array_equal(spc.tail_below(observed, expected, dispersion, rare, level),
                                      exact)
        assert exact.any() and not exact.all()
    with pytest.raises(ValueError):
        spc.tail_below(observed, expected, dispersion, rare, 0.4)
