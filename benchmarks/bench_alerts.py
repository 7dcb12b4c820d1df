"""Benchmark: the warning signals against DuckDB's bare read_csv of the absences file.

500 departments x 60 months with 1,000,000 absence spells (make_large.py), loaded into a
fresh database, then timed in the same run: the bare read, alerts_csv() (indicators +
statistics + CSV, what `python -m signals alerts` does), and its parts: indicator_cells
(the indicator query, one row per month and department), the statistics for the CSV
(evaluate_cells(detail=False) + signals_csv) and, for the dashboard, the full
evaluation with sentences, chart and funnel. Goal: alerts within 5x of the read.

    .venv/bin/python benchmarks/bench_alerts.py [--out benchmarks/out] [--spells N]
        [--loader sql|ingest]
"""

from __future__ import annotations

import os

from common import bare_read_seconds, best_of, dataset_arguments, loaded_database

from signals import store
from signals.alerts.detection import alerts_csv, evaluate_cells, signals_csv
from signals.definitions import INDICATOR_IDS
from signals.measures.indicators import indicator_cells


def main(argv: list[str] | None = None) -> int:
    args = dataset_arguments(__doc__.splitlines()[0], "sql").parse_args(argv)
    with loaded_database(args) as (db_path, paths):
        with store.connect(db_path) as con:
            read_seconds, _ = bare_read_seconds(con, paths["absences"], args.repeats)
            alerts_seconds, text = best_of(args.repeats, lambda: alerts_csv(con))
            cells_seconds, cells = best_of(args.repeats, lambda: indicator_cells(con, suppress=False))
        csv_seconds, _ = best_of(args.repeats, lambda: signals_csv(
            evaluate_cells(cells, detail=False).signals))
        statistics_seconds, evaluation = best_of(args.repeats, lambda: evaluate_cells(cells))

    print(f"on {os.cpu_count()} cores")
    print(f"alerts_csv(), {len(text.splitlines()) - 1:,} signals: {alerts_seconds:.2f} s")
    print(f"  of which indicator_cells ({len(cells):,} cells x {len(INDICATOR_IDS)} indicators): {cells_seconds:.2f} s")
    print(f"  of which statistics and CSV (evaluate_cells(detail=False), signals_csv): "
          f"{csv_seconds:.2f} s")
    print(f"dashboard statistics (with sentences, {len(evaluation.chart):,} chart "
          f"rows, {len(evaluation.funnel):,} funnel rows): {statistics_seconds:.2f} s")
    ratio = alerts_seconds / read_seconds
    print(f"ratio: {ratio:.1f}x (goal: within 5x) -> {'met' if ratio <= 5 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
