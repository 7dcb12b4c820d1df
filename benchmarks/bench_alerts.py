"""Benchmark: the warning signals against DuckDB's bare read_csv of the absences file.

500 departments x 60 months with 1,000,000 absence spells (make_large.py), loaded into a
fresh database, then timed in the same run: the bare read, alerts_csv() (indicators +
statistics + CSV, what `python -m signals alerts` does), and its parts: indicator_frame,
the statistics for the CSV (evaluate_frame(detail=False) + signals_csv) and, for the
dashboard, the full evaluation with sentences, chart and funnel. Goal: alerts within 5x
of the read.

    .venv/bin/python benchmarks/bench_alerts.py [--out benchmarks/out] [--spells N]
        [--loader sql|ingest]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_indicators import best_of, load_with_ingest, load_with_sql, timed  # noqa: E402
from make_large import write_large_dataset  # noqa: E402

from signals import store  # noqa: E402
from signals.alerts import alerts_csv, evaluate_frame, signals_csv  # noqa: E402
from signals.indicators import indicator_frame  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    parser.add_argument("--departments", type=int, default=500)
    parser.add_argument("--months", type=int, default=60)
    parser.add_argument("--spells", type=int, default=1_000_000)
    parser.add_argument("--loader", choices=["ingest", "sql"], default="sql")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)

    seconds, paths = timed(lambda: write_large_dataset(
        args.out, args.departments, args.months, args.spells, seed=1))
    print(f"generated files: {seconds:.1f} s")

    with tempfile.TemporaryDirectory() as work_dir:
        db_path = Path(work_dir) / "bench.duckdb"
        loader = load_with_ingest if args.loader == "ingest" else load_with_sql
        seconds, _ = timed(lambda: loader(db_path, paths))
        print(f"loaded with {args.loader}: {seconds:.1f} s")

        with store.connect(db_path) as con:
            read_seconds, _ = best_of(args.repeats, lambda: con.execute(
                "CREATE OR REPLACE TEMP TABLE absences_read AS "
                "SELECT * FROM read_csv(?, header = true)", [str(paths["absences"])]))
            rows = con.execute("SELECT count(*) FROM absences_read").fetchone()[0]
            alerts_seconds, text = best_of(args.repeats, lambda: alerts_csv(con))
            frame_seconds, frame = best_of(args.repeats, lambda: indicator_frame(con, suppress=False))
        csv_seconds, _ = best_of(args.repeats, lambda: signals_csv(
            evaluate_frame(frame, detail=False).signals))
        statistics_seconds, evaluation = best_of(args.repeats, lambda: evaluate_frame(frame))

    print(f"read_csv(absences.csv), {rows:,} rows into a table: {read_seconds:.2f} s")
    print(f"alerts_csv(), {len(text.splitlines()) - 1:,} signals: {alerts_seconds:.2f} s")
    print(f"  of which indicator_frame ({len(frame):,} rows): {frame_seconds:.2f} s")
    print(f"  of which statistics and CSV (evaluate_frame(detail=False), signals_csv): "
          f"{csv_seconds:.2f} s")
    print(f"dashboard statistics (evaluate_frame with sentences, {len(evaluation.chart):,} chart "
          f"rows, {len(evaluation.funnel):,} funnel rows): {statistics_seconds:.2f} s")
    ratio = alerts_seconds / read_seconds
    print(f"ratio: {ratio:.1f}x (goal: within 5x) -> {'met' if ratio <= 5 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
