"""How well do the warning signals find real changes, and how often do they cry wolf?

Simulates an organisation of departments of 15, 30, 60 and 120 people over 36 months
with realistic Belgian noise: absence episodes 1.36 per worker per year lasting on
average about 22 calendar days (most a few days, some months: about 8.6% absence),
17.6% yearly outflow of which 11.0 points voluntary, occasional psychosocial
requests (2 per 100 workers a year), harassment complaints (1 per 100 a year) and
serious events such as a suicide attempt (0.3 per 100 a year), re-integration trajectory
requests (1.2 per 100 a year, 40% of them ending 1 to 3 months later in a decision of
definitive unfitness) and job-adaptation requests (preventive or before the return, 1 per
100 a year). Some departments get one sustained change from a random month on (absence
episodes doubled, exits tripled, psychosocial requests or harassment complaints
quadrupled, serious events five times, re-integration and job-adaptation requests
tripled); others one sustained drop (absence episodes halved, for the improvement
signals); the others none. The absences also drive long_absence_risk, frequent_absence
and relapse_rate (judged for false signals). The records go into a DuckDB file by SQL,
then the real pipeline runs (indicators.indicator_frame -> alerts.evaluate).

Reported per team size and indicator:
- found: share of changes with a signal (any level; and 'alert' only) in the change
  month or the two months after it (3 months), and within 6 months; per indicator and
  for "any of" the indicators the change touches;
- false alerts and false watches: 'alert' and 'watch' months per department-indicator-year
  in unchanged departments, over the months where the pipeline can judge (after 12 + 3
  months of history); summed over the simulated indicators and over all of them;
- improvements (level 'improvement'): found, the share of halvings with one within 6 and
  9 months; false, improvement months per department-indicator-year in unchanged
  departments, per team size, like the false alerts.

With --ceiling it prints instead what is statistically possible: the share of changes an
ideal detector finds within 3 months (a CUSUM designed for the true change, knowing the
team's true rate) at 0.25 and 0.5 false signals per department-indicator-year.

    python benchmarks/signals_eval.py [--per-size N] [--seed N] [--repeats N] [--ceiling]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from signals import store
from signals.alerts.detection import evaluate  # noqa: E402

SIZES = (15, 30, 60, 120)
MONTHS = 36
FIRST_MONTH = np.datetime64("2021-01", "M")
FIRST_TESTABLE = 15                 # 12 months of baseline + 3 left out
WARM_UP = 12                        # absences start a year earlier: long spells already run
EPISODES_PER_YEAR = 1.36
SHORT_DAYS, LONG_DAYS, LONG_SHARE = 5.0, 90.0, 0.19   # mean calendar days per episode ~ 21
EXITS_PER_YEAR = 0.176
VOLUNTARY_SHARE = 0.110 / 0.176
PSYCHOSOCIAL_PER_YEAR = 0.02
HARASSMENT_PER_YEAR = 0.01
SERIOUS_EVENTS_PER_YEAR = 0.003
TRAJECTORIES_PER_YEAR = 0.012
UNFIT_SHARE = 0.4
JOB_ADAPTATIONS_PER_YEAR = 0.01
# Indicators the simulation drives (the others stay empty, so never signal).
SIMULATED = ("absence_rate", "absence_frequency", "long_term_absentees", "turnover_rate",
             "voluntary_turnover_rate", "psychosocial_request_rate", "harassment_rate",
             "serious_event_rate", "long_absence_risk", "frequent_absence", "relapse_rate",
             "reintegration_request_rate", "job_adaptation_request_rate", "unfitness_rate")
CHANGES = {
    "absence": (2.0, ("absence_rate", "absence_frequency")),
    "exits": (3.0, ("turnover_rate", "voluntary_turnover_rate")),
    "psychosocial": (4.0, ("psychosocial_request_rate",)),
    "harassment": (4.0, ("harassment_rate",)),
    "serious_events": (5.0, ("serious_event_rate",)),
    "reintegration": (3.0, ("reintegration_request_rate", "unfitness_rate")),
    "job_adaptation": (3.0, ("job_adaptation_request_rate",)),
}
# Sustained drops, for the improvement signals (found: a month with level 'improvement').
DROPS = {"absence_halved": (0.5, ("absence_rate", "absence_frequency"))}
FACTORS = {kind: factor for kind, (factor, _) in (CHANGES | DROPS).items()}


def plan_departments(rng, per_size: int) -> pd.DataFrame:
    """Per size: `per_size` unchanged departments and `per_size` changed ones per change kind."""
    rows = []
    for size in SIZES:
        for kind in (None, *CHANGES, *DROPS):
            for index in range(per_size):
                rows.append({
                    "department": f"{kind or 'none'}-{size}-{index:02d}", "size": size,
                    "change": kind,
                    # a drop leaves 9 months to find it: the rule needs 3 low months at least
                    "change_month": (int(rng.integers(FIRST_TESTABLE, MONTHS - (
                        9 if kind in DROPS else 3))) if kind else -1),
                })
    return pd.DataFrame(rows)


def _factor(plan: pd.DataFrame, kind: str, months: np.ndarray, departments: np.ndarray) -> np.ndarray:
    """Rate multiplier of each event: the change's factor from its month on, else 1."""
    changed = (plan["change"].to_numpy() == kind)[departments]
    after = months >= plan["change_month"].to_numpy()[departments]
    return np.where(changed & after, FACTORS[kind], 1.0)


def _month_days(rng, months: np.ndarray) -> np.ndarray:
    first = (FIRST_MONTH + months).astype("datetime64[D]")
    length = ((FIRST_MONTH + months + 1).astype("datetime64[D]") - first).astype(int)
    return first + (rng.random(len(months)) * length).astype(int)


def _events(rng, plan: pd.DataFrame, per_person_year: float, kind: str, warm_up: int = 0):
    """(department index, month index, employee index) of Poisson events per department-month,
    from `warm_up` months before the first month."""
    departments = np.repeat(np.arange(len(plan)), MONTHS + warm_up)
    months = np.tile(np.arange(-warm_up, MONTHS), len(plan))
    sizes = plan["size"].to_numpy()[departments]
    mean = sizes * per_person_year / 12 * _factor(plan, kind, months, departments)
    counts = rng.poisson(mean)
    departments, months = np.repeat(departments, counts), np.repeat(months, counts)
    employees = (rng.random(len(departments)) * plan["size"].to_numpy()[departments]).astype(int)
    return departments, months, employees


def simulate(rng, plan: pd.DataFrame) -> dict[str, pd.DataFrame]:
    names = plan["department"].to_numpy()
    workforce = pd.DataFrame({
        "month": np.repeat(FIRST_MONTH + np.arange(MONTHS), 1).astype("datetime64[D]").tolist() * len(plan),
        "department": np.repeat(names, MONTHS),
        "headcount": np.repeat(plan["size"].to_numpy(), MONTHS),
    })
    workforce["hours_worked"] = workforce["headcount"] * 140.0

    dept, month, employee = _events(rng, plan, EPISODES_PER_YEAR, "absence", WARM_UP)
    halved = _events_kept(rng, plan, dept, month, "absence_halved")
    dept, month, employee = dept[halved], month[halved], employee[halved]
    start = _month_days(rng, month)
    long_spell = rng.random(len(start)) < LONG_SHARE
    days = np.where(long_spell, rng.exponential(LONG_DAYS, len(start)),
                    rng.geometric(1 / SHORT_DAYS, len(start)))
    days = np.clip(np.round(days), 1, 365).astype(int)
    absences = pd.DataFrame({
        "employee_key": [f"{names[d]}:{e}" for d, e in zip(dept, employee)],
        "department": names[dept], "start_date": start,
        "end_date": start + days - 1, "absence_type": "illness",
    }).drop_duplicates(["employee_key", "start_date"])

    dept, month, employee = _events(rng, plan, EXITS_PER_YEAR, "exits")
    turnover = pd.DataFrame({
        "employee_key": [f"{names[d]}:x{i}" for i, d in enumerate(dept)],
        "department": names[dept], "date": _month_days(rng, month), "event": "exit",
        "reason": np.where(rng.random(len(dept)) < VOLUNTARY_SHARE, "voluntary", "end_of_contract"),
    })

    parts = []
    for kind, per_year, category in (
            ("psychosocial", PSYCHOSOCIAL_PER_YEAR, "psychosocial_informal"),
            ("harassment", HARASSMENT_PER_YEAR, "harassment"),
            ("serious_events", SERIOUS_EVENTS_PER_YEAR, "serious_event")):
        dept, month, _ = _events(rng, plan, per_year, kind)
        parts.append(pd.DataFrame({
            "incident_id": [f"{kind}-{i}" for i in range(len(dept))],
            "date": _month_days(rng, month), "department": names[dept], "category": category,
            "days_lost": 0,
        }))
    incidents = pd.concat(parts, ignore_index=True)
    return {"workforce": workforce, "absences": absences, "turnover": turnover,
            "incidents": incidents, "reintegration": _reintegration(rng, plan)}


def _events_kept(rng, plan: pd.DataFrame, departments: np.ndarray, months: np.ndarray,
                 kind: str) -> np.ndarray:
    """Which events stay where a drop (DROPS) thins them: each with the drop's factor."""
    return rng.random(len(departments)) < _factor(plan, kind, months, departments)


def _reintegration(rng, plan: pd.DataFrame) -> pd.DataFrame:
    """Trajectory requests (UNFIT_SHARE of them decided definitive unfitness 1-3 months
    later) and job-adaptation requests, as the re-integration table holds them."""
    names = plan["department"].to_numpy()
    parts = []
    for per_year, types in ((TRAJECTORIES_PER_YEAR, ("trajectory",)),
                            (JOB_ADAPTATIONS_PER_YEAR, ("preventive", "pre_return_visit"))):
        kind = "job_adaptation" if len(types) > 1 else "reintegration"
        dept, month, employee = _events(rng, plan, per_year, kind)
        request = _month_days(rng, month)
        unfit = (rng.random(len(dept)) < UNFIT_SHARE) & (types[0] == "trajectory")
        decided = request + rng.integers(30, 90, len(dept)).astype("timedelta64[D]")
        parts.append(pd.DataFrame({
            "request_id": [f"{kind}-{i}" for i in range(len(dept))],
            "employee_key": [f"{names[d]}:r{e}" for d, e in zip(dept, employee)],
            "department": names[dept], "request_date": request,
            "request_type": rng.choice(types, len(dept)), "initiator": "worker",
            "decision": np.where(unfit, "definitive_no_work", "temporary_adapted_work"),
            "decision_date": decided,
            "outcome": np.where(unfit, "ended_medical_force_majeure", "returned_adapted_work"),
            "outcome_date": decided + np.timedelta64(14, "D"),
        }))
    return pd.concat(parts, ignore_index=True)


def load(db_path: Path, tables: dict[str, pd.DataFrame]) -> None:
    with store.connect(db_path) as con:
        for table, frame in tables.items():
            con.register("frame", frame.assign(upload_id=1))
            columns = ", ".join(
                "NULL" if name == "fte" else name
                for name in con.execute(f"SELECT * FROM {table} LIMIT 0").fetch_df().columns
            )
            con.execute(f"INSERT INTO {table} SELECT {columns} FROM frame")
            con.unregister("frame")


def score(plan: pd.DataFrame, chart: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame,
                                                            pd.DataFrame]:
    """(detection per size and indicator, false alerts, watches and improvements per size and
    indicator, improvements found per size and indicator)."""
    chart = chart[chart["department"] != "ALL"].copy()
    chart["month_index"] = [(m.year - 2021) * 12 + m.month - 1 for m in chart["month"]]
    chart = chart.merge(plan, on="department")
    signalled = chart[chart["level"].notna()]

    found = []
    for kind, (_, indicators) in CHANGES.items():
        for indicator in (*indicators, "any of " + "/".join(indicators)):
            changed = plan[plan["change"] == kind]
            judged = indicators if indicator.startswith("any of ") else (indicator,)
            rows = signalled[signalled["indicator"].isin(judged) & (signalled["change"] == kind)]
            delay = rows["month_index"] - rows["change_month"]
            rows = rows[delay >= 0].assign(delay=delay[delay >= 0])
            first_any = rows.groupby("department")["delay"].min()
            first_alert = rows[rows["level"] == "alert"].groupby("department")["delay"].min()
            for size in SIZES:
                names = changed.loc[changed["size"] == size, "department"]
                any_delay = first_any.reindex(names)
                alert_delay = first_alert.reindex(names)
                found.append({
                    "change": kind, "indicator": indicator, "size": size, "changes": len(names),
                    "found_3m": (any_delay <= 2).mean(), "alert_3m": (alert_delay <= 2).mean(),
                    "found_6m": (any_delay <= 5).mean(), "alert_6m": (alert_delay <= 5).mean(),
                })

    quiet = chart[(chart["change"].isna()) & (chart["month_index"] >= FIRST_TESTABLE)]
    false = quiet.groupby(["size", "indicator"]).agg(
        months=("month_index", "size"),
        alerts=("level", lambda levels: int((levels == "alert").sum())),
        watches=("level", lambda levels: int((levels == "watch").sum())),
        improvements=("improvement", lambda rules: int(rules.notna().sum())),
    ).reset_index()
    false["alerts_per_year"] = false["alerts"] / false["months"] * 12
    false["watches_per_year"] = false["watches"] / false["months"] * 12
    false["improvements_per_year"] = false["improvements"] / false["months"] * 12
    return pd.DataFrame(found), false, _improvements_found(plan, chart)


def _improvements_found(plan: pd.DataFrame, chart: pd.DataFrame) -> pd.DataFrame:
    """Per drop (DROPS), indicator and size: the share of dropped departments with an
    improvement within 6 and 9 months of the drop (the rule needs 3 low months at least)."""
    improved = chart[chart["improvement"].notna()]
    rows = []
    for kind, (_, indicators) in DROPS.items():
        dropped = plan[plan["change"] == kind]
        for indicator in (*indicators, "any of " + "/".join(indicators)):
            judged = indicators if indicator.startswith("any of ") else (indicator,)
            hits = improved[improved["indicator"].isin(judged) & (improved["change"] == kind)]
            delay = hits["month_index"] - hits["change_month"]
            first = hits[delay >= 0].assign(delay=delay[delay >= 0]).groupby("department")["delay"].min()
            for size in SIZES:
                names = dropped.loc[dropped["size"] == size, "department"]
                delays = first.reindex(names)
                rows.append({"change": kind, "indicator": indicator, "size": size,
                             "changes": len(names), "found_6m": (delays <= 5).mean(),
                             "found_9m": (delays <= 8).mean()})
    return pd.DataFrame(rows)


def run(per_size: int, seed: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, float]:
    rng = np.random.default_rng(seed)
    plan = plan_departments(rng, per_size)
    tables = simulate(rng, plan)
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "eval.duckdb"
        load(db_path, tables)
        started = time.perf_counter()
        with store.connect(db_path) as con:
            evaluation = evaluate(con)
        seconds = time.perf_counter() - started
    found, false, improved = score(plan, evaluation.chart)
    return found, false, improved, seconds


def _ideal_cusum(counts: np.ndarray, mean: float, ratio: float, threshold: float) -> np.ndarray:
    """Signal months of a Poisson CUSUM with the true baseline mean and change ratio."""
    running = np.zeros(counts.shape[0])
    fired = np.zeros(counts.shape, dtype=bool)
    step = counts * np.log(ratio) - mean * (ratio - 1)
    for month in range(counts.shape[1]):
        running = np.maximum(0.0, running + step[:, month])
        fired[:, month] = running > threshold
        running = np.where(fired[:, month], 0.0, running)
    return fired


def ceiling(seed: int, series: int = 4000) -> pd.DataFrame:
    """Best share of changes found within 3 months for a false-signal budget per year."""
    rng = np.random.default_rng(seed)
    kinds = {"absence episodes": (EPISODES_PER_YEAR, 2.0), "exits": (EXITS_PER_YEAR, 3.0),
             "voluntary exits": (EXITS_PER_YEAR * VOLUNTARY_SHARE, 3.0),
             "psychosocial": (PSYCHOSOCIAL_PER_YEAR, 4.0),
             "harassment": (HARASSMENT_PER_YEAR, 4.0),
             "serious events": (SERIOUS_EVENTS_PER_YEAR, 5.0)}
    rows = []
    for kind, (per_year, ratio) in kinds.items():
        for size in SIZES:
            mean = size * per_year / 12
            quiet = rng.poisson(mean, (series, 120)).astype(float)
            changed = np.hstack([rng.poisson(mean, (series, 24)),
                                 rng.poisson(mean * ratio, (series, 3))]).astype(float)
            row = {"change": kind, "size": size}
            for budget in (0.25, 0.5):
                found = [_ideal_cusum(changed, mean, ratio, h)[:, 24:].any(axis=1).mean()
                         for h in np.linspace(0.05, 8, 80)
                         if _ideal_cusum(quiet, mean, ratio, h)[:, 24:].mean() * 12 <= budget]
                row[f"found_3m_at_{budget}"] = max(found, default=0.0)
            rows.append(row)
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-size", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--ceiling", action="store_true")
    args = parser.parse_args(argv)
    if args.ceiling:
        print("Best possible share found within 3 months, at 0.25 / 0.5 false signals a year:")
        print(ceiling(args.seed).round(2).to_string(index=False))
        return 0
    founds, falses, improveds = [], [], []
    for repeat in range(args.repeats):
        found, false, improved, seconds = run(args.per_size, args.seed + repeat)
        print(f"run {repeat + 1}: evaluate() took {seconds:.1f} s", file=sys.stderr)
        founds.append(found)
        falses.append(false)
        improveds.append(improved)
    found = pd.concat(founds).groupby(["change", "indicator", "size"], sort=False).apply(
        lambda g: pd.Series({
            "changes": g["changes"].sum(),
            **{c: np.average(g[c], weights=g["changes"]) for c in ("found_3m", "alert_3m",
                                                                    "found_6m", "alert_6m")},
        }), include_groups=False).reset_index()
    false = pd.concat(falses).groupby(["size", "indicator"])[
        ["months", "alerts", "watches", "improvements"]].sum()
    for column in ("alerts", "watches", "improvements"):
        false[f"{column}_per_year"] = false[column] / false["months"] * 12
    improved = pd.concat(improveds).groupby(["change", "indicator", "size"], sort=False).apply(
        lambda g: pd.Series({
            "changes": g["changes"].sum(),
            **{c: np.average(g[c], weights=g["changes"]) for c in ("found_6m", "found_9m")},
        }), include_groups=False).reset_index()
    pd.set_option("display.width", 160)
    print("Changes found (share of changed departments with a signal within 3 / 6 months):")
    print(found.round(2).to_string(index=False))
    print("\nFalse signals in unchanged departments, per department-indicator-year:")
    print(false.reset_index().round(3).to_string(index=False))
    print()
    for label, rows in (("simulated indicators", false[false.index.get_level_values(
            "indicator").isin(SIMULATED)]), ("all indicators", false)):
        alerts = rows["alerts"].sum() / rows["months"].sum() * 12
        watches = rows["watches"].sum() / rows["months"].sum() * 12
        print(f"{label}, all sizes: {alerts:.3f} false alerts and {watches:.3f} false watches "
              "per department-indicator-year")
    print("\nImprovements found (share of halved departments with one within 6 / 9 months):")
    print(improved.round(2).to_string(index=False))
    print("\nFalse improvements in unchanged departments, per department-indicator-year:")
    per_size = false.groupby(level="size")[["months", "improvements"]].sum()
    per_size["improvements_per_year"] = per_size["improvements"] / per_size["months"] * 12
    print(per_size.reset_index().round(4).to_string(index=False))
    rows = false[false.index.get_level_values("indicator").isin(SIMULATED)]
    print(f"simulated indicators, all sizes: "
          f"{rows['improvements'].sum() / rows['months'].sum() * 12:.4f} false improvements "
          "per department-indicator-year")
    return 0


if __name__ == "__main__":
    sys.exit(main())
