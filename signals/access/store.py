"""The access store: the SQLite file beside the data database, its schema and transactions.

signals.access.control (users, sessions, lock-out), signals.access.audit (the keyed audit log) and
signals.cycle (reviews, actions, context events, meetings) all keep their tables here. This
module imports none of them, so the
access control and the audit log no longer import each other.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

BUSY_TIMEOUT_SECONDS = 15.0
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"   # UTC; sorts as text, matches SQLite's strftime

SCHEMA_VERSION = 5

# Each entry migrates the access store from version (index) to (index + 1).
MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE users (
            username      TEXT PRIMARY KEY,
            role          TEXT NOT NULL CHECK (role IN ('committee', 'physician', 'hr', 'admin')),
            password_hash TEXT NOT NULL,
            email         TEXT UNIQUE,
            created_at    TEXT NOT NULL,
            last_login    TEXT,
            locked_until  TEXT
        )""",
        """CREATE TABLE login_failures (
            username  TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
            failed_at TEXT NOT NULL
        )""",
        "CREATE INDEX login_failures_by_user ON login_failures (username, failed_at)",
        """CREATE TABLE sessions (
            token_sha256 TEXT PRIMARY KEY,
            username     TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
            created_at   TEXT NOT NULL,
            last_seen    TEXT NOT NULL
        )""",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "INSERT INTO settings VALUES ('audit_retention_days', '730')",
        """CREATE TABLE audit_log (
            entry_id    INTEGER PRIMARY KEY AUTOINCREMENT,
            at          TEXT NOT NULL,
            actor       TEXT NOT NULL,
            action      TEXT NOT NULL,
            detail      TEXT NOT NULL,          -- JSON object, structured, never free text
            prev_sha256 TEXT NOT NULL,
            row_sha256  TEXT NOT NULL UNIQUE
        )""",
        """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN
            SELECT RAISE(ABORT, 'the audit log is append-only');
        END""",
        """CREATE TRIGGER audit_log_keep_retention BEFORE DELETE ON audit_log
        WHEN old.at >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now',
            '-' || (SELECT value FROM settings WHERE key = 'audit_retention_days') || ' days')
        BEGIN
            SELECT RAISE(ABORT, 'audit entries younger than the retention period cannot be deleted');
        END""",
        """CREATE TABLE reviews (
            review_id   INTEGER PRIMARY KEY AUTOINCREMENT,
            department  TEXT NOT NULL,
            indicator   TEXT,                   -- NULL: the department as a whole
            month       TEXT NOT NULL,          -- YYYY-MM
            status      TEXT NOT NULL
                CHECK (status IN ('seen', 'under_investigation', 'action_planned')),
            note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
            reviewer    TEXT NOT NULL,
            reviewed_at TEXT NOT NULL
        )""",
        "CREATE INDEX reviews_by_hotspot ON reviews (department, indicator, review_id)",
    ],
    [
        # The audit log becomes keyed (HMAC): the unkeyed rows wait in audit_log_unkeyed
        # (keeping their guards) until signals.access.audit re-keys them on first use.
        "ALTER TABLE audit_log RENAME TO audit_log_unkeyed",
        """CREATE TABLE audit_log (
            entry_id INTEGER PRIMARY KEY,       -- given by signals.access.audit, never reused
            at       TEXT NOT NULL,
            actor    TEXT NOT NULL,
            action   TEXT NOT NULL,
            detail   TEXT NOT NULL,             -- JSON object, structured, never free text
            prev_mac TEXT NOT NULL,
            mac      TEXT NOT NULL UNIQUE       -- HMAC-SHA256 with the audit key (outside this file)
        )""",
        """CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_log
        BEGIN
            SELECT RAISE(ABORT, 'the audit log is append-only');
        END""",
        """CREATE TRIGGER audit_entries_keep_retention BEFORE DELETE ON audit_log
        WHEN old.at >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now',
            '-' || (SELECT value FROM settings WHERE key = 'audit_retention_days') || ' days')
        BEGIN
            SELECT RAISE(ABORT, 'audit entries younger than the retention period cannot be deleted');
        END""",
        # Failed logins count per (user name, client), both as keyed hashes: an attacker
        # elsewhere cannot lock the real user out, and a password typed as a name is not kept.
        "DROP TABLE login_failures",
        """CREATE TABLE login_failures (
            name_key      TEXT NOT NULL,
            client_key    TEXT NOT NULL,
            failed_at     TEXT NOT NULL,
            blocked_until TEXT              -- set on the failure that blocked the pair
        )""",
        "CREATE INDEX login_failures_by_pair ON login_failures (name_key, client_key, failed_at)",
        "UPDATE users SET locked_until = NULL",
    ],
    # 3: reviews can be closed, edited (updated_at) and carry a follow-up date; SQLite
    # cannot change a CHECK, so the table is rebuilt with its rows and ids.
    [
        """CREATE TABLE reviews_v2 (
            review_id   INTEGER PRIMARY KEY AUTOINCREMENT,
            department  TEXT NOT NULL,
            indicator   TEXT,                   -- NULL: the department as a whole
            month       TEXT NOT NULL,          -- YYYY-MM: shown from this month on
            status      TEXT NOT NULL
                CHECK (status IN ('seen', 'under_investigation', 'action_planned', 'closed')),
            note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
            follow_up   TEXT,                   -- YYYY-MM-DD or NULL
            reviewer    TEXT NOT NULL,
            reviewed_at TEXT NOT NULL,
            updated_at  TEXT                    -- last edit, NULL when never edited
        )""",
        """INSERT INTO reviews_v2 (review_id, department, indicator, month, status, note,
                                  reviewer, reviewed_at)
           SELECT review_id, department, indicator, month, status, note, reviewer, reviewed_at
           FROM reviews""",
        "DROP TABLE reviews",
        "ALTER TABLE reviews_v2 RENAME TO reviews",
        "CREATE INDEX reviews_by_hotspot ON reviews (department, indicator, review_id)",
    ],
    # 4: the prevention cycle (signals.cycle): actions with their status history, context
    # events, meetings and the physician's collective advice per meeting.
    [
        """CREATE TABLE actions (
            action_id         INTEGER PRIMARY KEY AUTOINCREMENT,
            title             TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
            departments       TEXT NOT NULL,        -- JSON list of names, or ["ALL"]
            indicators        TEXT NOT NULL,        -- JSON list of indicator ids
            level             TEXT NOT NULL CHECK (level IN ('primary', 'secondary', 'tertiary')),
            start_date        TEXT NOT NULL,        -- YYYY-MM-DD
            evaluation_date   TEXT NOT NULL,        -- YYYY-MM-DD
            status            TEXT NOT NULL CHECK (status IN
                ('planned', 'running', 'evaluated', 'adjusted', 'stopped', 'closed')),
            signal_month      TEXT,                 -- the signal it answers: YYYY-MM,
            signal_department TEXT,                 -- department
            signal_indicator  TEXT,                 -- and indicator (all NULL: none)
            created_by        TEXT NOT NULL,
            created_at        TEXT NOT NULL,
            updated_at        TEXT
        )""",
        "CREATE INDEX actions_by_signal ON actions (signal_department, signal_indicator, signal_month)",
        """CREATE TABLE action_history (
            entry_id   INTEGER PRIMARY KEY AUTOINCREMENT,
            action_id  INTEGER NOT NULL REFERENCES actions (action_id) ON DELETE CASCADE,
            at         TEXT NOT NULL,
            actor      TEXT NOT NULL,
            role       TEXT NOT NULL,
            old_status TEXT,                        -- NULL when the action was created
            new_status TEXT NOT NULL,
            reason     TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 200)
        )""",
        "CREATE INDEX action_history_by_action ON action_history (action_id, entry_id)",
        """CREATE TABLE context_events (
            event_id   INTEGER PRIMARY KEY AUTOINCREMENT,
            day        TEXT NOT NULL,               -- YYYY-MM-DD
            department TEXT NOT NULL,               -- a department or ALL
            kind       TEXT NOT NULL CHECK (kind IN ('reorganisation', 'move', 'new_system',
                                                     'merger', 'social_action', 'serious_incident')),
            title      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE meetings (
            meeting_id  INTEGER PRIMARY KEY AUTOINCREMENT,
            day         TEXT NOT NULL UNIQUE,       -- YYYY-MM-DD
            minutes_ref TEXT NOT NULL DEFAULT '' CHECK (length(minutes_ref) <= 200),
            created_by  TEXT NOT NULL,
            created_at  TEXT NOT NULL
        )""",
        """CREATE TABLE meeting_advice (
            meeting_id INTEGER PRIMARY KEY REFERENCES meetings (meeting_id) ON DELETE CASCADE,
            advice     TEXT NOT NULL CHECK (length(advice) <= 1000),
            author     TEXT NOT NULL,
            written_at TEXT NOT NULL
        )""",
    ],
    # 5: the role psychosocial_adviser. SQLite cannot change a CHECK, so the users table is
    # rebuilt; dropping it deletes the sessions (ON DELETE CASCADE), so they are kept aside.
    [
        """CREATE TABLE users_v2 (
            username      TEXT PRIMARY KEY,
            role          TEXT NOT NULL CHECK (role IN
                ('committee', 'physician', 'psychosocial_adviser', 'hr', 'admin')),
            password_hash TEXT NOT NULL,
            email         TEXT UNIQUE,
            created_at    TEXT NOT NULL,
            last_login    TEXT,
            locked_until  TEXT
        )""",
        "INSERT INTO users_v2 SELECT username, role, password_hash, email, created_at, "
        "last_login, locked_until FROM users",
        "CREATE TEMP TABLE sessions_kept AS SELECT * FROM sessions",
        "DROP TABLE users",
        "ALTER TABLE users_v2 RENAME TO users",
        "INSERT INTO sessions SELECT * FROM sessions_kept",
        "DROP TABLE sessions_kept",
    ],
]


# --- time -------------------------------------------------------------------------------

def utc(now: dt.datetime | None = None) -> dt.datetime:
    """`now` as an aware UTC datetime (the clock when None; naive values are taken as UTC)."""
    if now is None:
        return dt.datetime.now(dt.UTC)
    if now.tzinfo is None:
        return now.replace(tzinfo=dt.UTC)
    return now.astimezone(dt.UTC)


def to_stamp(moment: dt.datetime) -> str:
    return utc(moment).strftime(TIMESTAMP_FORMAT)


def from_stamp(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    return dt.datetime.strptime(text, TIMESTAMP_FORMAT).replace(tzinfo=dt.UTC)


# --- the store --------------------------------------------------------------------------

def access_db_path(db_path: Path | str) -> Path:
    """The access store that belongs to a data database: same folder, `<stem>.access.sqlite`."""
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}.access.sqlite")


class StoreConnection(sqlite3.Connection):
    """A connection that runs callbacks after its transaction commits (see `transaction`).

    `pending` is scratch space for the running transaction (signals.access.audit keeps the
    new chain head there); it is cleared when the transaction ends either way.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.path: Path | None = None
        self.after_commit: list[Callable[[StoreConnection, dict], None]] = []
        self.pending: dict = {}

    def _reset(self) -> None:
        self.after_commit = []
        self.pending = {}


def _use_wal(con: sqlite3.Connection) -> None:
    """Write-ahead logging (kept in the file once set). Switching to it needs the file to
    itself, and SQLite then answers 'database is locked' at once, without waiting for the busy
    timeout: several processes opening a new store together retry until it is done."""
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while con.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        try:
            con.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@contextmanager
def open_store(db_path: Path | str) -> Iterator[StoreConnection]:
    """Open (and create, private to its owner, and migrate) the access store; always closes.

    The connection is in autocommit mode: group writes with `transaction(con)`.
    """
    path = access_db_path(db_path)
    from ..store import make_database_folder  # the data folder: 0700, files owner-only

    make_database_folder(Path(db_path))
    # Create the file readable by its owner only: it holds password hashes and notes.
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    con = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None,
                          factory=StoreConnection)
    con.path = path.resolve()
    try:
        con.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        _use_wal(con)
        con.execute("PRAGMA foreign_keys = ON")
        _migrate(con)
        yield con
    finally:
        con.close()


@contextmanager
def transaction(con: StoreConnection) -> Iterator[StoreConnection]:
    """One write transaction; takes the write lock at once (BEGIN IMMEDIATE).

    After COMMIT the connection's `after_commit` callbacks run, given the transaction's
    `pending` dict (nothing runs after a rollback).
    """
    con.execute("BEGIN IMMEDIATE")
    con._reset()
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        con._reset()
        raise
    con.execute("COMMIT")
    callbacks, pending = con.after_commit, con.pending
    con._reset()
    for callback in callbacks:
        callback(con, pending)


def _user_version(con: sqlite3.Connection) -> int:
    return con.execute("PRAGMA user_version").fetchone()[0]


def _migrate(con: sqlite3.Connection) -> None:
    if _user_version(con) == SCHEMA_VERSION:
        return
    with transaction(con):
        current = _user_version(con)      # another process may have migrated meanwhile
        if current > SCHEMA_VERSION:
            raise RuntimeError(
                f"The access store has schema version {current}, newer than this program "
                f"({SCHEMA_VERSION}). Update the program."
            )
        for version in range(current, SCHEMA_VERSION):
            for statement in MIGRATIONS[version]:
                con.execute(statement)
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

