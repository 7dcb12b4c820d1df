"""The DuckDB store: connections, schema and its migrations, settings.

Connections are short-lived: open, work, close. DuckDB lets one process write a
database file at a time, so a second writer waits here (up to `wait_seconds`) and
then gets `DatabaseBusy` with a message a person can act on. A waiting writer goes
before readers that arrive after it (a lock file beside the database).

The data folder is created 0700 and the database 0600: opening the store for writing
sets the process umask to owner-only, so the database, its `.wal` (which DuckDB
recreates after each checkpoint) and the access store are never readable by others.
A path that cannot be created or written gives `DatabaseUnusable`, one line.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from filelock import FileLock, Timeout

from . import config

SCHEMA_VERSION = 5

# Each entry migrates the schema from version (index) to (index + 1).
MIGRATIONS: list[str] = [
    """
    CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);

    CREATE SEQUENCE upload_id_seq START 1;
    CREATE TABLE uploads (
        upload_id     INTEGER PRIMARY KEY,
        file_name     VARCHAR NOT NULL,
        content_sha256 VARCHAR NOT NULL,
        kind          VARCHAR,
        status        VARCHAR NOT NULL,        -- 'accepted' or 'rejected'
        rows_total    INTEGER NOT NULL DEFAULT 0,
        rows_new      INTEGER NOT NULL DEFAULT 0,
        rows_replaced INTEGER NOT NULL DEFAULT 0,
        rows_unchanged INTEGER NOT NULL DEFAULT 0,
        error_count   INTEGER NOT NULL DEFAULT 0,
        warnings      VARCHAR[] NOT NULL DEFAULT [],
        uploaded_at   TIMESTAMPTZ NOT NULL,
        uploaded_by   VARCHAR
    );

    CREATE TABLE workforce (
        month        DATE NOT NULL,            -- first day of the month
        department   VARCHAR NOT NULL,
        headcount    INTEGER NOT NULL,
        fte          DOUBLE,
        hours_worked DOUBLE,
        upload_id    INTEGER NOT NULL,
        PRIMARY KEY (month, department)
    );

    CREATE TABLE absences (
        employee_key VARCHAR NOT NULL,         -- keyed hash of employee_id, never the id
        department   VARCHAR NOT NULL,
        start_date   DATE NOT NULL,
        end_date     DATE,                     -- NULL: still absent
        absence_type VARCHAR NOT NULL,
        upload_id    INTEGER NOT NULL,
        PRIMARY KEY (employee_key, start_date)
    );

    CREATE TABLE turnover (
        employee_key VARCHAR NOT NULL,
        department   VARCHAR NOT NULL,
        date         DATE NOT NULL,
        event        VARCHAR NOT NULL,
        reason       VARCHAR,
        upload_id    INTEGER NOT NULL,
        PRIMARY KEY (employee_key, date, event)
    );

    CREATE TABLE incidents (
        incident_id  VARCHAR PRIMARY KEY,
        date         DATE NOT NULL,
        department   VARCHAR NOT NULL,
        category     VARCHAR NOT NULL,
        days_lost    INTEGER NOT NULL,
        upload_id    INTEGER NOT NULL
    );

    CREATE TABLE reintegration (
        request_id   VARCHAR PRIMARY KEY,
        employee_key VARCHAR NOT NULL,
        department   VARCHAR NOT NULL,
        request_date DATE NOT NULL,
        initiator    VARCHAR NOT NULL,
        outcome      VARCHAR NOT NULL,
        outcome_date DATE,
        upload_id    INTEGER NOT NULL
    );
    """,
    # v2: the data tables without PRIMARY KEY indexes. The ingest is the only writer and
    # upserts by key itself (one transaction, duplicate keys in a file rejected), and
    # maintaining the index made a 1M-row upload 2x slower.
    """
    CREATE TABLE workforce_v2 (
        month DATE NOT NULL, department VARCHAR NOT NULL, headcount INTEGER NOT NULL,
        fte DOUBLE, hours_worked DOUBLE, upload_id INTEGER NOT NULL);
    CREATE TABLE absences_v2 (
        employee_key VARCHAR NOT NULL, department VARCHAR NOT NULL, start_date DATE NOT NULL,
        end_date DATE, absence_type VARCHAR NOT NULL, upload_id INTEGER NOT NULL);
    CREATE TABLE turnover_v2 (
        employee_key VARCHAR NOT NULL, department VARCHAR NOT NULL, date DATE NOT NULL,
        event VARCHAR NOT NULL, reason VARCHAR, upload_id INTEGER NOT NULL);
    CREATE TABLE incidents_v2 (
        incident_id VARCHAR NOT NULL, date DATE NOT NULL, department VARCHAR NOT NULL,
        category VARCHAR NOT NULL, days_lost INTEGER NOT NULL, upload_id INTEGER NOT NULL);
    CREATE TABLE reintegration_v2 (
        request_id VARCHAR NOT NULL, employee_key VARCHAR NOT NULL, department VARCHAR NOT NULL,
        request_date DATE NOT NULL, initiator VARCHAR NOT NULL, outcome VARCHAR NOT NULL,
        outcome_date DATE, upload_id INTEGER NOT NULL);
    """ + "".join(
        f"INSERT INTO {table}_v2 SELECT * FROM {table}; DROP TABLE {table}; "
        f"ALTER TABLE {table}_v2 RENAME TO {table};\n"
        for table in ("workforce", "absences", "turnover", "incidents", "reintegration")
    ),
    # v3: each data table's history, the versions an upload replaced (`replaced_by`), so
    # that an upload can be undone. Uploads stored before this version have none and
    # cannot be undone (meta undo_since_upload).
    "".join(
        f"CREATE TABLE {table}_history AS SELECT *, NULL::INTEGER AS replaced_by "
        f"FROM {table} LIMIT 0;\n"
        for table in ("workforce", "absences", "turnover", "incidents", "reintegration")
    ) + """
    INSERT OR REPLACE INTO meta SELECT 'undo_since_upload',
        CAST(coalesce(max(upload_id), 0) + 1 AS VARCHAR) FROM uploads;
    """,
    # v4: re-integration as the law stands (CONTRACT v2, 1a): request_type, decision and
    # decision_date; first-version outcomes rewritten as the contract reads them, in the
    # table and in its history (signals.ingest.validation.read_first_version does the same
    # for a first-version file).
    "".join(f"""
    CREATE TABLE {table}_v4 (
        request_id VARCHAR NOT NULL, employee_key VARCHAR NOT NULL, department VARCHAR NOT NULL,
        request_date DATE NOT NULL, request_type VARCHAR NOT NULL, initiator VARCHAR NOT NULL,
        decision VARCHAR NOT NULL, decision_date DATE, outcome VARCHAR, outcome_date DATE,
        upload_id INTEGER NOT NULL{extra_column});
    INSERT INTO {table}_v4
    SELECT request_id, employee_key, department, request_date, 'trajectory', initiator,
           CASE outcome WHEN 'no_work_possible' THEN 'temporary_no_work'
                        WHEN 'definitively_unfit' THEN 'definitive_no_work' ELSE 'pending' END,
           CASE WHEN outcome IN ('no_work_possible', 'definitively_unfit')
                THEN coalesce(outcome_date, request_date) END,
           CASE outcome WHEN 'adapted_work' THEN 'returned_adapted_work'
                        WHEN 'other_work' THEN 'returned_other_work'
                        WHEN 'stopped' THEN 'stopped' END,
           CASE WHEN outcome IN ('adapted_work', 'other_work', 'stopped') THEN outcome_date END,
           upload_id{extra_value}
    FROM {table};
    DROP TABLE {table};
    ALTER TABLE {table}_v4 RENAME TO {table};
    """ for table, extra_column, extra_value in (
        ("reintegration", "", ""),
        ("reintegration_history", ", replaced_by INTEGER", ", replaced_by"))),
    # v5: observations (aggregate counts per month, department and measure: never a person) and
    # survey (scores per date, department and domain) of the contract's second version,
    # with their histories.
    """
    CREATE TABLE observations (
        month DATE NOT NULL, department VARCHAR NOT NULL, measure VARCHAR NOT NULL,
        count INTEGER NOT NULL, base INTEGER, source VARCHAR NOT NULL,
        upload_id INTEGER NOT NULL);
    CREATE TABLE survey (
        date DATE NOT NULL, department VARCHAR NOT NULL, domain VARCHAR NOT NULL,
        respondents INTEGER NOT NULL, score DOUBLE NOT NULL, score_sd DOUBLE,
        upload_id INTEGER NOT NULL);
    """ + "".join(
        f"CREATE TABLE {table}_history AS SELECT *, NULL::INTEGER AS replaced_by "
        f"FROM {table} LIMIT 0;\n"
        for table in ("observations", "survey")
    ),
]

DATA_TABLES = ("workforce", "absences", "turnover", "incidents", "reintegration",
               "observations", "survey")
HISTORY_SUFFIX = "_history"


def history_table(table: str) -> str:
    """The table of the versions of `table`'s rows that uploads replaced."""
    return table + HISTORY_SUFFIX

LOCK_MESSAGE_PARTS = ("Could not set lock", "Conflicting lock")
WRITER_WAITING_SUFFIX = ".writer-waiting.lock"   # held by a writer waiting for the file


WAIT_SECONDS = 15.0                # how long a writer waits for another one by default
PRIVATE_UMASK = 0o077


class DatabaseBusy(config.ConfigError, RuntimeError):
    """Another process is writing the database; try again shortly."""


class DatabaseUnusable(config.ConfigError):
    """The database path cannot be created, opened or written."""


def private_umask() -> None:
    """From now on this process creates files and folders for their owner only."""
    os.umask(os.umask(PRIVATE_UMASK) | PRIVATE_UMASK)


def make_private_folder(folder: Path) -> None:
    """Create `folder` (and missing parents) readable by its owner only (0700)."""
    private_umask()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)


def make_database_folder(db_path: Path) -> None:
    """The database's folder, private (0700); DatabaseUnusable when it cannot be made."""
    try:
        make_private_folder(db_path.parent)
    except OSError as error:
        raise _unusable(db_path, error) from None


def _restrict_file(path: Path) -> None:
    """A database file of ours that others can read (made before this rule) becomes 0600."""
    try:
        info = path.stat()
        if info.st_mode & PRIVATE_UMASK and info.st_uid == os.getuid():
            path.chmod(0o600)
    except (OSError, AttributeError):           # AttributeError: no getuid on Windows
        pass


def _unusable(path: Path, error: Exception) -> DatabaseUnusable:
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        reason = "a file stands where its folder should be"
    elif isinstance(error, OSError):
        reason = error.strerror or type(error).__name__
    else:
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        reason = re.sub(r'\s*"[^"]*"', "", first_line).removeprefix("IO Error: ")
    reason = reason.rstrip(".!")
    return DatabaseUnusable(f"The database {path.name} cannot be created or written: {reason}.",
                            str(path))


def _is_lock_error(error: Exception) -> bool:
    return any(part in str(error) for part in LOCK_MESSAGE_PARTS)


def open_connection(path: Path | str | None = None, *, read_only: bool = False,
                    wait_seconds: float | None = None) -> duckdb.DuckDBPyConnection:
    """Open the database, waiting while another process holds its lock.

    A writable connection also creates the file (0600, in a 0700 folder) and brings its
    schema up to date. A read-only connection on a missing file raises FileNotFoundError.
    """
    path = Path(path) if path is not None else config.default_db_path()
    wait_seconds = WAIT_SECONDS if wait_seconds is None else wait_seconds
    if read_only and not path.exists():
        raise FileNotFoundError(f"No database at {path}")
    if not read_only:
        make_database_folder(path)
    deadline = time.monotonic() + wait_seconds
    # A writer holds this lock while it waits for the file; readers pass through it, so
    # new reads queue behind a waiting writer and a stream of short reads (the app's
    # pages) cannot starve an upload.
    queue = FileLock(str(path) + WRITER_WAITING_SUFFIX)
    try:
        queue.acquire(timeout=max(deadline - time.monotonic(), 0.0))
    except Timeout as error:
        raise _busy(path) from error
    except OSError as error:                      # a read-only folder: no writer either
        if not read_only:
            raise _unusable(path, error) from None
    try:
        if read_only:
            queue.release()
        con = _connect_waiting(path, read_only, deadline)
    finally:
        queue.release()
    if not read_only:
        _check_database_file(con, path)
        _restrict_file(path)
        migrate(con)
    return con


def _check_database_file(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """DuckDB opens some other files (a CSV) as a database in memory: nothing written to it
    would last, so refuse it as a mistake of the path."""
    stored_at = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchall()[0][0]
    if stored_at is None:
        con.close()
        raise DatabaseUnusable(f"The database {path.name} cannot be created or written: it is "
                               "not a DuckDB database file.", str(path))


def _connect_waiting(path: Path, read_only: bool, deadline: float) -> duckdb.DuckDBPyConnection:
    """duckdb.connect, retried while another process holds the file, until `deadline`."""
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as error:
            if not _is_lock_error(error):
                if isinstance(error, duckdb.IOException) and not read_only:
                    raise _unusable(path, error) from None
                raise
            if time.monotonic() >= deadline:
                raise _busy(path) from error
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def _busy(path: Path) -> DatabaseBusy:
    return DatabaseBusy(f"The database {path.name} is busy with another upload or import. "
                        "Please try again in a minute.")


@contextmanager
def connect(path: Path | str | None = None, *, read_only: bool = False,
            wait_seconds: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """Context manager around `open_connection` that always closes."""
    con = open_connection(path, read_only=read_only, wait_seconds=wait_seconds)
    try:
        yield con
    finally:
        con.close()


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchone()[0]
    if not exists:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Apply every migration above the database's version, each in one transaction."""
    current = schema_version(con)
    if current > SCHEMA_VERSION:
        raise RuntimeError(
            f"This database has schema version {current}, newer than this program "
            f"({SCHEMA_VERSION}). Update the program."
        )
    for version in range(current, SCHEMA_VERSION):
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(MIGRATIONS[version])
            con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version + 1)]
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    if current < SCHEMA_VERSION:
        _sync_history_columns(con)


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    return dict(con.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_name = ? ORDER BY ordinal_position", [table]).fetchall())


def _sync_history_columns(con: duckdb.DuckDBPyConnection) -> None:
    """A column a later migration adds to a data table is added to its history too."""
    for table in DATA_TABLES:
        history = table_columns(con, history_table(table))
        for name, data_type in table_columns(con, table).items():
            if history and name not in history:
                con.execute(f'ALTER TABLE {history_table(table)} ADD COLUMN "{name}" {data_type}')


def get_meta(con: duckdb.DuckDBPyConnection, key: str, default: str | None = None) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


def is_demo(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the database holds the synthetic demo organisation."""
    return get_meta(con, "dataset") == "demo"


def min_group_size(con: duckdb.DuckDBPyConnection) -> int:
    """The configured minimum group size: the database setting, else the environment.

    A setting stored below the floor (by a version that allowed it) counts as the floor:
    suppression never runs with fewer than config.MIN_GROUP_SIZE_FLOOR.
    """
    value = get_meta(con, "min_group_size")
    if not value:
        return config.min_group_size()
    try:
        return max(int(value), config.MIN_GROUP_SIZE_FLOOR)
    except ValueError:
        return config.DEFAULT_MIN_GROUP_SIZE


def set_min_group_size(con: duckdb.DuckDBPyConnection, value) -> int:
    """Store the minimum group size setting; config.ConfigError below the floor."""
    number = config.check_min_group_size(value)
    set_meta(con, "min_group_size", str(number))
    return number


def data_version(con: duckdb.DuckDBPyConnection) -> int:
    """Changes whenever data lands or an upload is undone: the id of the last accepted
    upload or undo (0 if none)."""
    row = con.execute(
        "SELECT coalesce(max(upload_id), 0) FROM uploads WHERE status IN ('accepted', 'undo')"
    ).fetchone()
    return int(row[0])


def has_data(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute("SELECT count(*) FROM workforce").fetchone()[0] > 0
