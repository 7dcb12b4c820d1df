"""Real processes against one DuckDB file: two ingests at once, and a crash mid-ingest;
and several processes writing the audit log of the access store at once.

DuckDB lets one process write a file at a time; store.connect waits for the lock
and otherwise ends with DatabaseBusy (exit status 2 on the command line). Neither
case may lose or corrupt data. These tests start `python -m signals ingest`
processes on large generated files (benchmarks/make_large.py).
"""

import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from signals import store
from signals.access import audit
from signals.access import control as access

INGEST_MISSING = importlib.util.find_spec("signals.ingest.loader") is None
needs_ingest = pytest.mark.skipif(
    INGEST_MISSING, reason="signals.ingest.loader (ingest_path) is not there yet")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ABSENCE_SPELLS = 400_000          # about 4 s to ingest: long enough to overlap and to crash
DEPARTMENTS, MONTHS = 200, 24


@pytest.fixture(scope="module")
def large_files(tmp_path_factory) -> dict[str, Path]:
    spec = importlib.util.spec_from_file_location(
        "make_large", PROJECT_ROOT / "benchmarks" / "make_large.py")
    make_large = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_large)
    return make_large.write_large_dataset(
        tmp_path_factory.mktemp("large"), DEPARTMENTS, MONTHS, ABSENCE_SPELLS, seed=7)


def start_ingest(db_path: Path, kind: str, path: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "signals", "ingest", "--kind", kind, str(path), "--db", str(db_path)],
        cwd=PROJECT_ROOT, env=os.environ.copy(), text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def data_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle) - 1


def stored(db_path: Path) -> dict[str, int]:
    """Rows per table and accepted uploads per kind, read from a fresh read-only connection."""
    with store.connect(db_path, read_only=True) as con:
        counts = {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("workforce", "absences")}
        uploads = dict(con.execute(
            "SELECT kind, count(*) FROM uploads WHERE status = 'accepted' GROUP BY kind").fetchall())
    return {**counts, **{f"uploads_{kind}": count for kind, count in uploads.items()}}


@needs_ingest
def test_two_ingests_at_once_both_land_or_one_is_told_busy(db_path, large_files):
    runs = {
        "absences": start_ingest(db_path, "absences", large_files["absences"]),
        "workforce": start_ingest(db_path, "workforce", large_files["workforce"]),
    }
    outcomes = {kind: (*process.communicate(timeout=180), process.returncode)
                for kind, process in runs.items()}
    for kind, (_, err, code) in outcomes.items():
        assert "Traceback" not in err, err
        assert code in (0, 2), f"{kind}: exit {code}\n{err}"
        if code == 2:
            assert "busy" in err
    assert any(code == 0 for _, _, code in outcomes.values())

    counts = stored(db_path)
    for kind, (_, _, code) in outcomes.items():
        expected = data_lines(large_files[kind]) if code == 0 else 0
        assert counts[kind] == expected, kind
        assert counts.get(f"uploads_{kind}", 0) == (1 if code == 0 else 0)


@needs_ingest
def test_killed_ingest_leaves_previous_data_intact(db_path, large_files):
    first = start_ingest(db_path, "workforce", large_files["workforce"])
    assert first.wait(timeout=120) == 0, first.stderr.read()
    before = stored(db_path)
    assert before["workforce"] == data_lines(large_files["workforce"])
    baseline_size = db_path.stat().st_size

    crashing = start_ingest(db_path, "absences", large_files["absences"])
    # The store phase writes its new blocks into the file before COMMIT: kill -9 as
    # soon as the file grows, in the middle of the write transaction.
    deadline = time.monotonic() + 180
    while crashing.poll() is None and db_path.stat().st_size <= baseline_size:
        assert time.monotonic() < deadline, "the ingest never started writing"
        time.sleep(0.01)
    assert crashing.poll() is None, "the ingest finished before it could be killed"
    crashing.send_signal(signal.SIGKILL)
    assert crashing.wait(timeout=30) == -signal.SIGKILL

    after = stored(db_path)
    assert after["workforce"] == before["workforce"]
    assert after.get("uploads_workforce") == 1
    # All or nothing: the killed file is either wholly absent or (had COMMIT won the race) whole.
    assert after["absences"] in (0, data_lines(large_files["absences"]))
    assert after.get("uploads_absences", 0) == (1 if after["absences"] else 0)

    # Still a healthy, writable database: a new upload goes in afterwards.
    again = start_ingest(db_path, "workforce", large_files["workforce"])
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert "0 new" in out and "0 replaced" in out
    with store.connect(db_path) as con:
        con.execute("CHECKPOINT")
    assert stored(db_path)["uploads_workforce"] == 2


AUDIT_WRITER = """
import sys
from signals.access import audit
for number in range(int(sys.argv[2])):
    audit.record(sys.argv[1], "writer" + sys.argv[3], "upload", {"n": number})
"""


def test_parallel_audit_writers_keep_one_unbroken_chain(db_path):
    writers, per_writer = 4, 40
    processes = [
        subprocess.Popen([sys.executable, "-c", AUDIT_WRITER, str(db_path), str(per_writer), str(w)],
                         cwd=PROJECT_ROOT, env=os.environ.copy(), stderr=subprocess.PIPE, text=True)
        for w in range(writers)
    ]
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    log = audit.entries(db_path, limit=None)
    assert len(log) == writers * per_writer
    assert log.groupby("actor").size().to_dict() == {f"writer{w}": per_writer for w in range(writers)}
    assert audit.verify_chain(db_path)
    # The head file never went backwards: it names the newest entry, so removing it shows.
    with access.open_store(db_path) as con:
        head, state = audit._read_head(con, audit.load_key())
    assert state == "ok" and (head.last_id, head.entries) == (log["entry_id"].max(), len(log))


@needs_ingest
def test_reading_like_the_app_while_a_command_line_ingest_runs(db_path, large_files):
    """The app reads with short read-only connections; an ingest in another process writes.

    Each read either waits for the writer and gets the indicators, or gets the clear
    DatabaseBusy message; the ingest itself waits for the readers and lands whole.
    """
    from signals.measures.indicators import indicator_frame

    seed = start_ingest(db_path, "workforce", large_files["workforce"])
    assert seed.wait(timeout=120) == 0
    writer = start_ingest(db_path, "absences", large_files["absences"])
    reads, busy = 0, 0
    while writer.poll() is None:
        try:
            with store.connect(db_path, read_only=True, wait_seconds=5) as con:
                assert len(indicator_frame(con)) > 0
                time.sleep(0.2)                     # hold the file like a page render does
            reads += 1
        except store.DatabaseBusy as error:
            assert "try again" in str(error)
            busy += 1
    out, err = writer.communicate(timeout=180)
    assert writer.returncode == 0, err
    assert reads + busy > 0
    assert stored(db_path)["absences"] == data_lines(large_files["absences"])


HOLD_A_READ = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("open", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def test_a_waiting_writer_goes_before_readers_that_come_after_it(db_path):
    from concurrent.futures import ThreadPoolExecutor

    with store.connect(db_path):
        pass                                         # the file and its schema
    holder = subprocess.Popen([sys.executable, "-c", HOLD_A_READ, str(db_path), "2"],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "open"
    with ThreadPoolExecutor(max_workers=1) as pool:
        writer = pool.submit(store.open_connection, db_path, wait_seconds=30)
        time.sleep(0.3)                              # the writer waits for the holder now
        # DuckDB would let this read share the file with the holder; it queues instead
        with pytest.raises(store.DatabaseBusy):
            store.open_connection(db_path, read_only=True, wait_seconds=0.5)
        writer.result(timeout=30).close()
    assert holder.wait(timeout=30) == 0
    with store.connect(db_path, read_only=True) as con:   # and reads go on afterwards
        assert con.execute("SELECT 1").fetchone() == (1,)
