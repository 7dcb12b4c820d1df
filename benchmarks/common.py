"""What the speed benchmarks share: the large data set, loading it, timing, the bare read."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_large import write_large_dataset  # noqa: E402

from signals import store

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
    # the large file is in the contract's first version: read as its 1a says
    "reintegration": """INSERT INTO reintegration BY NAME
        SELECT request_id, md5(employee_id) AS employee_key, department, request_date,
               'trajectory' AS request_type, initiator,
               CASE outcome WHEN 'no_work_possible' THEN 'temporary_no_work'
                            WHEN 'definitively_unfit' THEN 'definitive_no_work'
                            ELSE 'pending' END AS decision,
               CASE WHEN outcome IN ('no_work_possible', 'definitively_unfit')
                    THEN coalesce(outcome_date, request_date) END AS decision_date,
               CASE outcome WHEN 'adapted_work' THEN 'returned_adapted_work'
                            WHEN 'other_work' THEN 'returned_other_work'
                            WHEN 'stopped' THEN 'stopped' END AS outcome,
               CASE WHEN outcome IN ('adapted_work', 'other_work', 'stopped')
                    THEN outcome_date END AS outcome_date, 5 AS upload_id
        FROM read_csv(?, header = true)""",
}


def load_with_sql(db_path: Path, paths: dict[str, Path]) -> None:
    """INSERT ... FROM read_csv with an md5 in place of the keyed pseudonym (fast setup)."""
    with store.connect(db_path) as con:
        for kind in KIND_ORDER:
            con.execute(SQL_LOADERS[kind], [str(paths[kind])])


def load_with_ingest(db_path: Path, paths: dict[str, Path]) -> None:
    """The real path: signals.ingest.loader, validation and pseudonyms included."""
    from signals.ingest.loader import ingest_path

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


def dataset_arguments(description: str, loader_default: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    parser.add_argument("--departments", type=int, default=500)
    parser.add_argument("--months", type=int, default=60)
    parser.add_argument("--spells", type=int, default=1_000_000)
    parser.add_argument("--loader", choices=["ingest", "sql"], default=loader_default)
    parser.add_argument("--repeats", type=int, default=3)
    return parser


@contextmanager
def loaded_database(args) -> Iterator[tuple[Path, dict[str, Path]]]:
    """Generate the large data set, load it into a fresh database; yield its path and the files."""
    seconds, paths = timed(lambda: write_large_dataset(
        args.out, args.departments, args.months, args.spells, seed=1))
    print(f"generated files: {seconds:.1f} s")
    with tempfile.TemporaryDirectory() as work_dir:
        db_path = Path(work_dir) / "bench.duckdb"
        loader = load_with_ingest if args.loader == "ingest" else load_with_sql
        seconds, _ = timed(lambda: loader(db_path, paths))
        print(f"loaded with {args.loader}: {seconds:.1f} s")
        yield db_path, paths


def bare_read_seconds(con, csv_path: Path, repeats: int) -> tuple[float, int]:
    """DuckDB's own read_csv of the file into a table, nothing in Python: the yardstick."""
    seconds, _ = best_of(repeats, lambda: con.execute(
        "CREATE OR REPLACE TEMP TABLE absences_read AS "
        "SELECT * FROM read_csv(?, header = true)", [str(csv_path)]))
    rows = con.execute("SELECT count(*) FROM absences_read").fetchone()[0]
    print(f"read_csv({csv_path.name}), {rows:,} rows into a table: {seconds:.2f} s")
    return seconds, rows
