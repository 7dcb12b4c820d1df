"""Benchmark: indicator_frame() against DuckDB's bare read_csv of the absences file.

500 departments x 60 months with 1,000,000 absence spells (make_large.py), loaded into
a fresh database, then timed in the same run. Goal: indicators within 5x of the read.

    .venv/bin/python benchmarks/bench_indicators.py [--out benchmarks/out] [--spells N]
        [--loader ingest|sql]

--loader ingest uses signals.ingest (the real path); sql loads with INSERT ... FROM
read_csv and an md5 hash in place of the keyed pseudonym (same shape, faster setup).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_large import write_large_dataset  # noqa: E402

from signals import store  # noqa: E402
from signals.indicators import indicator_frame  # noqa: E402

KIND_ORDER = ("workforce", "absences", "turnover", "incidents", "reintegration")

SQL_LOADERS = {
    "workforce": """INSERT INTO workforce
        SELECT strptime(month, '%Y-%m')::DATE, department, headcount, fte, hours_worked, 1
        FROM read_csv(?, header = true, all_varchar = false,
                      types = {'month': 'VARCHAR'})""",
    "absences": """INSERT INTO absences
        SELECT md5(employee_id), department, start_date, end_date,
               coalesce(absence_type, 'illness'), 2
        FROM read_csv(?, header = true)""",
    "turnover": """INSERT INTO turnover
        SELECT md5(employee_id), department, date, event, reason, 3
        FROM read_csv(?, header = true)""",
    "incidents": """INSERT INTO incidents
        SELECT incident_id, date, department, category, coalesce(days_lost, 0), 4
        FROM read_csv(?, header = true)""",
    "reintegration": """INSERT INTO reintegration
        SELECT request_id, md5(employee_id), department, request_date, initiator,
               coalesce(outcome, 'pending'), outcome_date, 5
        FROM read_csv(?, header = true)""",
}


def load_with_sql(db_path: Path, paths: dict[str, Path]) -> None:
    with store.connect(db_path) as con:
        for kind in KIND_ORDER:
            con.execute(SQL_LOADERS[kind], [str(paths[kind])])


def load_with_ingest(db_path: Path, paths: dict[str, Path]) -> None:
    from signals.ingest import ingest_path

    for kind in KIND_ORDER:
        result = ingest_path(db_path, kind, paths[kind], uploaded_by="benchmark")
        if not result.accepted:
            raise SystemExit(result.error_report())


def timed(action) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def best_of(repeats: int, action) -> tuple[float, object]:
    runs = [timed(action) for _ in range(repeats)]
    return min(runs, key=lambda run: run[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    parser.add_argument("--departments", type=int, default=500)
    parser.add_argument("--months", type=int, default=60)
    parser.add_argument("--spells", type=int, default=1_000_000)
    parser.add_argument("--loader", choices=["ingest", "sql"], default="ingest")
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
            spells = con.execute("SELECT count(*) FROM absences").fetchone()[0]
            # the bare read: parse every column into a DuckDB table, nothing in Python
            read_seconds, _ = best_of(args.repeats, lambda: con.execute(
                "CREATE OR REPLACE TEMP TABLE absences_read AS "
                "SELECT * FROM read_csv(?, header = true)", [str(paths["absences"])]))
            rows = con.execute("SELECT count(*) FROM absences_read").fetchone()[0]
            frame_seconds, frame = best_of(args.repeats, lambda: indicator_frame(con))

    print(f"absence spells stored: {spells:,}")
    print(f"read_csv(absences.csv), {rows:,} rows into a table: {read_seconds:.2f} s")
    print(f"indicator_frame(), {len(frame):,} rows: {frame_seconds:.2f} s")
    ratio = frame_seconds / read_seconds
    print(f"ratio: {ratio:.1f}x (goal: within 5x) -> {'met' if ratio <= 5 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
