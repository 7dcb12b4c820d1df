"""Write a large, realistic set of HR export files (the five contract kinds).

Used by the ingest benchmark and by anyone who needs volume: 500 departments over
60 months with about a million absence spells by default. Generation is
vectorised with numpy, so a million spells take seconds, not minutes.

    python benchmarks/make_large.py OUT_DIR [--departments N] [--months N] [--spells N] [--seed N]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

FIRST_MONTH = np.datetime64("2020-01", "M")
UNIT_NAMES = (
    "Zorg", "Logistiek", "Onthaal", "Administratie", "Productie", "Onderhoud",
    "Finance", "ICT", "Keuken", "Schoonmaak", "Verkoop", "Magazijn",
)
ABSENCE_TYPES = ("illness", "work_accident", "occupational_disease", "other")
ABSENCE_TYPE_WEIGHTS = (0.90, 0.04, 0.01, 0.05)
EXIT_REASONS = ("voluntary", "involuntary", "retirement", "end_of_contract", "other")
EXIT_REASON_WEIGHTS = (0.45, 0.15, 0.10, 0.25, 0.05)
INCIDENT_CATEGORIES = (
    "work_accident", "commuting_accident", "near_miss", "aggression",
    "psychosocial_informal", "psychosocial_formal", "harassment", "other",
)
INCIDENT_WEIGHTS = (0.30, 0.10, 0.20, 0.15, 0.10, 0.04, 0.03, 0.08)
INITIATORS = ("worker", "treating_physician", "advisory_physician", "employer")
OUTCOMES = ("pending", "adapted_work", "other_work", "no_work_possible", "definitively_unfit", "stopped")


def department_names(count: int) -> np.ndarray:
    return np.array([f"{UNIT_NAMES[i % len(UNIT_NAMES)]} {i + 1:03d}" for i in range(count)])


def _iso(days: np.ndarray) -> np.ndarray:
    """datetime64[D] -> 'YYYY-MM-DD' strings."""
    return np.datetime_as_string(days, unit="D")


def _employee_ids(indexes: np.ndarray) -> np.ndarray:
    return np.char.add("E", np.char.zfill(indexes.astype(str), 6))


def _choice(rng: np.random.Generator, values, weights, size: int) -> np.ndarray:
    return rng.choice(np.array(values), size=size, p=np.array(weights) / sum(weights))


def _workforce(rng, names: np.ndarray, months: int):
    """One row per department x month; returns the frame and the base headcounts."""
    base = rng.integers(12, 140, size=len(names))
    month_index = np.tile(np.arange(months), len(names))
    dept_index = np.repeat(np.arange(len(names)), months)
    drift = rng.integers(-2, 3, size=len(month_index))
    headcount = np.clip(base[dept_index] + drift, 10, 150)
    fte = np.round(headcount * rng.uniform(0.75, 0.95, size=len(headcount)), 1)
    hours = np.round(fte * rng.uniform(125, 150, size=len(fte)), 1)
    frame = pd.DataFrame({
        "month": np.datetime_as_string(FIRST_MONTH + month_index, unit="M"),
        "department": names[dept_index],
        "headcount": headcount,
        "fte": fte,
        "hours_worked": hours,
    })
    return frame, base


def _employees(base: np.ndarray) -> np.ndarray:
    """Department index of every employee (employee index = position)."""
    return np.repeat(np.arange(len(base)), base)


def _absences(rng, names, employee_dept, months: int, spells: int) -> pd.DataFrame:
    first_day = FIRST_MONTH.astype("datetime64[D]")
    last_day = (FIRST_MONTH + months).astype("datetime64[D]") - 1
    span = int((last_day - first_day).astype(int)) + 1
    # Oversample, then keep one spell per (employee, start date): the file's key.
    draw = int(spells * 1.05) + 100
    employee = rng.integers(0, len(employee_dept), size=draw)
    start = rng.integers(0, span, size=draw)
    unique = np.unique(employee.astype(np.int64) * span + start)
    unique = rng.permutation(unique)[:spells]
    employee, start = unique // span, unique % span
    length = np.minimum(rng.geometric(0.25, size=len(start)), 400)
    long_spell = rng.random(len(start)) < 0.02
    length[long_spell] += rng.integers(60, 300, size=int(long_spell.sum()))
    start_day = first_day + start
    end_day = np.minimum(start_day + length - 1, last_day)
    end_text = _iso(end_day).astype(object)
    # Spells still running at the end of the period stay open (empty end_date).
    runs_past_end = start_day + length - 1 > last_day
    recent_and_open = (rng.random(len(start)) < 0.05) & (start_day > last_day - 60)
    still_running = runs_past_end | recent_and_open
    end_text[still_running] = ""
    return pd.DataFrame({
        "employee_id": _employee_ids(employee),
        "department": names[employee_dept[employee]],
        "start_date": _iso(start_day),
        "end_date": end_text,
        "absence_type": _choice(rng, ABSENCE_TYPES, ABSENCE_TYPE_WEIGHTS, len(start)),
    })


def _month_days(rng, month_index: np.ndarray) -> np.ndarray:
    """A random day inside each given month."""
    first = (FIRST_MONTH + month_index).astype("datetime64[D]")
    days_in_month = ((FIRST_MONTH + month_index + 1).astype("datetime64[D]") - first).astype(int)
    return first + (rng.random(len(month_index)) * days_in_month).astype(int)


def _turnover(rng, names, employee_dept, months: int) -> pd.DataFrame:
    count = int(len(employee_dept) * 0.012 * months)  # about 14% a year each way
    employee = rng.integers(0, len(employee_dept), size=count)
    day = _month_days(rng, rng.integers(0, months, size=count))
    event = np.where(rng.random(count) < 0.5, "hire", "exit")
    reason = _choice(rng, EXIT_REASONS, EXIT_REASON_WEIGHTS, count).astype(object)
    reason[event == "hire"] = ""
    frame = pd.DataFrame({
        "employee_id": _employee_ids(employee),
        "department": names[employee_dept[employee]],
        "date": _iso(day),
        "event": event,
        "reason": reason,
    })
    return frame.drop_duplicates(["employee_id", "date", "event"])


def _incidents(rng, names, months: int) -> pd.DataFrame:
    per_cell = rng.poisson(0.6, size=len(names) * months)
    cell = np.repeat(np.arange(len(per_cell)), per_cell)
    dept, month = cell // months, cell % months
    category = _choice(rng, INCIDENT_CATEGORIES, INCIDENT_WEIGHTS, len(cell))
    days_lost = np.where(
        np.isin(category, ["work_accident", "commuting_accident"]),
        rng.poisson(4, size=len(cell)), 0,
    )
    return pd.DataFrame({
        "incident_id": np.char.add("INC-", np.char.zfill(np.arange(1, len(cell) + 1).astype(str), 7)),
        "date": _iso(_month_days(rng, month)),
        "department": names[dept],
        "category": category,
        "days_lost": days_lost,
    })


def _reintegration(rng, names, employee_dept, months: int) -> pd.DataFrame:
    count = max(1, int(len(employee_dept) * 0.0015 * months))
    employee = rng.integers(0, len(employee_dept), size=count)
    request_day = _month_days(rng, rng.integers(0, months, size=count))
    outcome = rng.choice(np.array(OUTCOMES), size=count)
    outcome_day = request_day + rng.integers(14, 120, size=count)
    outcome_text = _iso(outcome_day).astype(object)
    outcome_text[outcome == "pending"] = ""
    return pd.DataFrame({
        "request_id": np.char.add("RI-", np.char.zfill(np.arange(1, count + 1).astype(str), 6)),
        "employee_id": _employee_ids(employee),
        "department": names[employee_dept[employee]],
        "request_date": _iso(request_day),
        "initiator": rng.choice(np.array(INITIATORS), size=count),
        "outcome": outcome,
        "outcome_date": outcome_text,
    })


def write_large_dataset(out_dir, departments: int = 500, months: int = 60,
                        absence_spells: int = 1_000_000, seed: int = 1) -> dict[str, Path]:
    """Write the five kinds as CSV files into out_dir; return {kind: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    names = department_names(departments)
    workforce, base = _workforce(rng, names, months)
    employee_dept = _employees(base)
    frames = {
        "workforce": workforce,
        "absences": _absences(rng, names, employee_dept, months, absence_spells),
        "turnover": _turnover(rng, names, employee_dept, months),
        "incidents": _incidents(rng, names, months),
        "reintegration": _reintegration(rng, names, employee_dept, months),
    }
    paths = {}
    for kind, frame in frames.items():
        paths[kind] = out_dir / f"{kind}.csv"
        frame.to_csv(paths[kind], index=False)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--departments", type=int, default=500)
    parser.add_argument("--months", type=int, default=60)
    parser.add_argument("--spells", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    paths = write_large_dataset(args.out_dir, args.departments, args.months, args.spells, args.seed)
    for kind, path in paths.items():
        print(f"{kind}: {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
