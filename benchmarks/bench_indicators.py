"""Benchmark: indicator_frame() against DuckDB's bare read_csv of the absences file.

500 departments x 60 months with 1,000,000 absence spells (make_large.py), loaded into
a fresh database, then timed in the same run. Goal: indicators within 5x of the read.

    .venv/bin/python benchmarks/bench_indicators.py [--out benchmarks/out] [--spells N]
        [--loader ingest|sql]

--loader ingest uses signals.ingest.loader (the real path); sql loads with INSERT ... FROM
read_csv and an md5 hash in place of the keyed pseudonym (same shape, faster setup).
"""

from __future__ import annotations

from common import bare_read_seconds, best_of, dataset_arguments, loaded_database

from signals import store
from signals.measures.calendar import calendar_sql
from signals.measures.episodes import asof_join_settings, employee_window_query
from signals.measures.indicators import ABSENCE_SQL, _query_parameters, indicator_frame


def employee_window_seconds(con, repeats: int) -> float:
    """The employee-window counts timed apart, episodes included (they are built for them)."""
    query = employee_window_query(ABSENCE_SQL.format(calendar=calendar_sql()))
    parameters = _query_parameters(con, suppress=False)
    del parameters["suppress"]          # not used by these CTEs
    with asof_join_settings(con):
        seconds, _ = best_of(repeats, lambda: con.execute(query, parameters).fetchall())
    return seconds


def main(argv: list[str] | None = None) -> int:
    args = dataset_arguments(__doc__.splitlines()[0], "ingest").parse_args(argv)
    with loaded_database(args) as (db_path, paths), store.connect(db_path) as con:
        spells = con.execute("SELECT count(*) FROM absences").fetchone()[0]
        print(f"absence spells stored: {spells:,}")
        read_seconds, _ = bare_read_seconds(con, paths["absences"], args.repeats)
        frame_seconds, frame = best_of(args.repeats, lambda: indicator_frame(con))
        window_seconds = employee_window_seconds(con, args.repeats)
    print(f"indicator_frame(), {len(frame):,} rows: {frame_seconds:.2f} s")
    print(f"  the employee-window indicators alone (long_absence_risk, frequent_absence, "
          f"relapse_rate, with the episodes they need): {window_seconds:.2f} s "
          f"({window_seconds / read_seconds:.1f}x the read)")
    ratio = frame_seconds / read_seconds
    print(f"ratio: {ratio:.1f}x (goal: within 5x) -> {'met' if ratio <= 5 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
