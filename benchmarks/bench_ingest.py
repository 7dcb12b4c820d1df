"""Benchmark: full ingest of absences.csv against DuckDB's bare read_csv of the same file.

Generates the large dataset into a temporary directory, then times, in the same run:
  1. bare: CREATE TABLE ... AS SELECT * FROM read_csv(absences.csv) into a fresh database file;
  2. ingest: signals.ingest.ingest_path of the same file into another fresh database.
Then the same as a user runs it, whole processes (interpreter start and imports included):
`python -c <bare read>` against `python -m signals ingest --kind absences FILE`, taken in
turns, --repeats times each; the medians of wall time (and of the processes' CPU time, which
says more on a busy machine) and their ratio, with the load average around the run.
Goal for both readings: ingest within 3x of the bare read.

    python benchmarks/bench_ingest.py [--spells N] [--repeats N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_large import write_large_dataset  # noqa: E402

from signals.ingest.loader import ingest_path  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BARE_READ = """import sys, duckdb
con = duckdb.connect(sys.argv[2])
con.execute("CREATE TABLE absences AS SELECT * FROM read_csv(?)", [sys.argv[1]])
con.close()
"""


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


def _time_process(command: list[str], db_path: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, all threads) of one process on a fresh database."""
    for leftover in db_path.parent.glob(db_path.name + "*"):
        leftover.unlink()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{command[1:3]} failed ({done.returncode}): {done.stderr[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def time_processes(csv_path: Path, work: Path, repeats: int) -> dict[str, list[tuple[float, float]]]:
    """The bare read and the command-line ingest as whole processes, taken in turns."""
    bare_db, ingest_db = work / "bare-process.duckdb", work / "ingest-process.duckdb"
    commands = {
        "bare": ([sys.executable, "-c", BARE_READ, str(csv_path), str(bare_db)], bare_db),
        "ingest": ([sys.executable, "-m", "signals", "ingest", "--db", str(ingest_db),
                    "--kind", "absences", str(csv_path)], ingest_db),
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, (command, db_path) in commands.items():
            times[name].append(_time_process(command, db_path))
    return times


def report_processes(times: dict[str, list[tuple[float, float]]], load: tuple) -> None:
    medians = {name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
               for name, runs in times.items()}
    for name, runs in times.items():
        walls = " ".join(f"{w:.2f}" for w, _ in runs)
        print(f"process {name:6s} wall median {medians[name][0]:6.2f} s, CPU median "
              f"{medians[name][1]:6.2f} s  (walls: {walls})")
    wall_ratio = medians["ingest"][0] / medians["bare"][0]
    cpu_ratio = medians["ingest"][1] / medians["bare"][1]
    print(f"process ratio ingest / bare: wall {wall_ratio:.2f}x, CPU {cpu_ratio:.2f}x (goal: <= 3x); "
          f"load average before {load[0]:.2f}, after {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} CPUs")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spells", type=int, default=1_000_000)
    parser.add_argument("--departments", type=int, default=500)
    parser.add_argument("--months", type=int, default=60)
    parser.add_argument("--repeats", type=int, default=5,
                        help="whole-process runs of each (default 5; 0: skip that reading)")
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
        if args.repeats > 0:
            load = os.getloadavg()
            report_processes(time_processes(csv_path, work, args.repeats), load)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
