"""Benchmark: the committee report (issue 16).

1. The demo organisation's monthly report (goal: under 10 s), in-process as the overview's
   button makes it, and as a whole `python -m signals report` process (imports included).
2. The annual evaluation of the benchmarks' large organisation (500 departments, 60 months,
   1M absence spells; make_large.py), goal under 60 s.

Each is timed in its parts: reading the domain (indicators, alerts, cycle, re-integration),
writing the HTML, and WeasyPrint's layout into PDF; wall and CPU seconds (the machine may
be shared: the CPU time is the steadier number), with the load average.

    .venv/bin/python benchmarks/bench_report.py [--skip-large] [--spells N] [--departments N]
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import dataset_arguments, loaded_database

from signals import store
from signals.report import content, render

PROJECT = Path(__file__).resolve().parent.parent


def timed(label: str, action):
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"  {label}: {wall:.1f} s wall, {cpu:.1f} s CPU")
    return result, wall, cpu


def report_parts(db_path: Path, lang: str, **period) -> tuple[float, float, int]:
    """Times the three parts of one report; returns (wall, CPU, pages)."""
    import io

    from pypdf import PdfReader

    year = period.get("year") or period["month"].year
    sources, w1, c1 = timed("read the domain", lambda: content.read_sources(
        db_path, year=year, detail="month" in period))
    today = dt.date.today()
    if "month" in period:
        built = content.monthly(sources, period["month"], lang, today)
    else:
        built = content.yearly(sources, period["year"], lang, today)
    document, w2, c2 = timed("HTML", lambda: render.html(built))
    pdf, w3, c3 = timed("PDF (WeasyPrint)", lambda: render.pdf(document))
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    return w1 + w2 + w3, c1 + c2 + c3, pages


def demo_month() -> None:
    from signals.demo import build_demo

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.duckdb"
        os.environ["SIGNALS_KEY_FILE"] = str(Path(folder) / "demo.key")
        build_demo(db)
        with store.connect(db, read_only=True) as con:
            month = con.execute("SELECT max(month) FROM workforce").fetchone()[0]
        print(f"demo, monthly report of {month:%Y-%m} (nl):")
        wall, cpu, pages = report_parts(db, "nl", month=month)
        print(f"  total in-process: {wall:.1f} s wall, {cpu:.1f} s CPU, {pages} pages "
              f"(goal 10 s) -> {'met' if wall < 10 else 'NOT met'}")
        out = Path(folder) / "report.pdf"
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "signals", "report", "--db", str(db),
                               "--month", f"{month:%Y-%m}", "--lang", "nl", "--out", str(out)],
                              cwd=PROJECT, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        usage = os.times()
        print(f"  python -m signals report: {seconds:.1f} s wall, "
              f"{usage.children_user + usage.children_system:.1f} s CPU, exit {done.returncode}")


def large_year(args) -> None:
    with loaded_database(args) as (db_path, _):
        with store.connect(db_path, read_only=True) as con:
            last = con.execute("SELECT max(month) FROM workforce").fetchone()[0]
            departments = con.execute("SELECT count(DISTINCT department) FROM workforce"
                                      ).fetchone()[0]
        year = last.year if last.month == 12 else last.year - 1
        print(f"large organisation ({departments} departments), annual evaluation {year} (nl):")
        wall, cpu, pages = report_parts(db_path, "nl", year=year)
        print(f"  total: {wall:.1f} s wall, {cpu:.1f} s CPU, {pages} pages "
              f"(goal 60 s) -> {'met' if wall < 60 else 'NOT met'}")


def main(argv: list[str] | None = None) -> int:
    parser = dataset_arguments(__doc__.splitlines()[0], "sql")
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--skip-demo", action="store_true")
    args = parser.parse_args(argv)
    print(f"on {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    if not args.skip_demo:
        demo_month()
    if not args.skip_large:
        large_year(args)
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
