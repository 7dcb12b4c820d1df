"""Benchmark: full ingest of absences.csv against DuckDB's bare read_csv of the same file.

Generates the large dataset into a temporary directory, then times, in the same run:
  1. bare: CREATE TABLE ... AS SELECT * FROM read_csv(absences.csv) into a fresh database file;
  2. ingest: signals.ingest.ingest_path of the same file into another fresh database.
Prints both times and their ratio (goal: ingest within 3x of the bare read).

    python benchmarks/bench_ingest.py [--spells N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_large import write_large_dataset  # noqa: E402
from signals.ingest.loader import ingest_path  # noqa: E402


def time_bare_read(csv_path: Path, db_path: Path) -> float:
    start = time.perf_counter()
    con = duckdb.connect(str(db_path))
    con.execute("CREATE TABLE absences AS SELECT * FROM read_csv(?)", [str(csv_path)])
    con.close()
    return time.perf_counter() - start


def time_ingest(csv_path: Path, db_path: Path):
    start = time.perf_counter()
    result = ingest_path(db_path, "absences", csv_path)
    return time.perf_counter() - start, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spells", type=int, default=1_000_000)
    parser.add_argument("--departments", type=int, default=500)
    parser.add_argument("--months", type=int, default=60)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="signals-bench-") as work:
        work = Path(work)
        os.environ.setdefault("SIGNALS_KEY_FILE", str(work / "pseudonym.key"))
        start = time.perf_counter()
        paths = write_large_dataset(work / "csv", args.departments, args.months, args.spells)
        csv_path = paths["absences"]
        print(f"generated {csv_path.name}: {csv_path.stat().st_size / 1e6:.1f} MB "
              f"in {time.perf_counter() - start:.1f} s")
        bare = time_bare_read(csv_path, work / "bare.duckdb")
        print(f"bare read_csv:  {bare:6.2f} s")
        ingest, result = time_ingest(csv_path, work / "ingest.duckdb")
        print(f"full ingest:    {ingest:6.2f} s  ({result.summary()})")
        if not result.accepted:
            print(result.error_report())
            return 1
        print(f"ratio ingest / bare: {ingest / bare:.2f}x (goal: <= 3x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
