"""The audit log: who did what and when, append-only, hash-chained, with retention.

Rows live in the access store (see signals.access). SQLite triggers refuse any
UPDATE, and any DELETE of a row younger than the retention period (default
730 days, an admin setting). Each row carries the sha256 of the row before it,
so a row changed or removed behind the program's back shows in `verify_chain`.

What is recorded: logins (success and failure), logouts, uploads, setting
changes, hotspot reviews and user management. The detail is a small structured
dict (a file name, a kind, counts, a user name): never a password, never free
text from an upload or a review note.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3
from pathlib import Path

import pandas as pd

# signals.access imports this module too; only module attributes are used at call time.
from . import access

DEFAULT_RETENTION_DAYS = 730
MIN_RETENTION_DAYS = 90
GENESIS_HASH = "0" * 64
MAX_DETAIL_TEXT = 200
ACTION_PATTERN = re.compile(r"^[a-z][a-z_]{1,49}$")
FORBIDDEN_KEY_PARTS = ("password", "secret", "token", "note")
SCALAR_TYPES = (str, int, float, bool, type(None))


def _check_value(key: str, value) -> None:
    values = value if isinstance(value, (list, tuple)) else [value]
    for item in values:
        if not isinstance(item, SCALAR_TYPES):
            raise ValueError(f"Audit detail {key!r} must be a number, text, or a list of them.")
        if isinstance(item, str) and len(item) > MAX_DETAIL_TEXT:
            raise ValueError(f"Audit detail {key!r} is longer than {MAX_DETAIL_TEXT} characters: "
                             "the audit log takes structured facts, not free text.")


def check_detail(detail: dict) -> None:
    """Raise ValueError unless `detail` is a flat dict of short structured values."""
    if not isinstance(detail, dict):
        raise ValueError("Audit detail must be a dict.")
    for key, value in detail.items():
        if not isinstance(key, str):
            raise ValueError("Audit detail keys must be text.")
        if any(part in key.lower() for part in FORBIDDEN_KEY_PARTS):
            raise ValueError(f"Audit detail {key!r} looks like a secret or free text; not recorded.")
        _check_value(key, value)


def _row_hash(prev_hash: str, at: str, actor: str, action: str, detail_json: str) -> str:
    payload = json.dumps([prev_hash, at, actor, action, detail_json], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _setting(con: sqlite3.Connection, key: str, default: str) -> str:
    row = con.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def _stored_retention_days(con: sqlite3.Connection) -> int:
    return int(_setting(con, "audit_retention_days", str(DEFAULT_RETENTION_DAYS)))


def _chain_anchor(con: sqlite3.Connection) -> str:
    """The hash the oldest kept row points to: the genesis, or the last purged row."""
    return _setting(con, "audit_chain_anchor", GENESIS_HASH)


def append(con: sqlite3.Connection, actor: str, action: str, detail: dict, *,
           now: dt.datetime | None = None) -> int:
    """Add one entry on an open access-store connection, inside the caller's transaction.

    Use `record` unless the entry must commit together with another change.
    """
    if not ACTION_PATTERN.match(action):
        raise ValueError(f"Invalid audit action {action!r}.")
    check_detail(detail)
    actor = str(actor or "system")[:MAX_DETAIL_TEXT]
    at = access.to_stamp(access.utc(now))
    detail_json = json.dumps(detail, sort_keys=True, ensure_ascii=False)
    last = con.execute(
        "SELECT row_sha256 FROM audit_log ORDER BY entry_id DESC LIMIT 1"
    ).fetchone()
    prev_hash = last[0] if last else _chain_anchor(con)
    cursor = con.execute(
        "INSERT INTO audit_log (at, actor, action, detail, prev_sha256, row_sha256) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [at, actor, action, detail_json, prev_hash, _row_hash(prev_hash, at, actor, action, detail_json)],
    )
    return cursor.lastrowid


def record(db_path: Path | str, actor: str, action: str, detail: dict | None = None, *,
           now: dt.datetime | None = None) -> int:
    """Append one entry, e.g. record(db, "anna", "upload", {"file_name": "abs.csv",
    "kind": "absences", "rows_new": 120}). Returns the entry id."""
    with access.open_store(db_path) as con, access.transaction(con):
        return append(con, actor, action, detail or {}, now=now)


UPLOAD_FIELDS = ("kind", "accepted", "rows_total", "rows_new", "rows_replaced",
                 "rows_unchanged", "error_count", "upload_id")


def record_upload(db_path: Path | str, actor: str, result) -> int:
    """Audit an upload from its ingest result: file name, kind and counts only.

    The error list is left out on purpose: it quotes values found in the file.
    """
    detail = {name: getattr(result, name) for name in UPLOAD_FIELDS}
    detail["file_name"] = str(result.file_name)[:MAX_DETAIL_TEXT]
    detail["warnings"] = len(result.warnings)
    return record(db_path, actor, "upload", detail)


def entries(db_path: Path | str, limit: int | None = 500,
            since: dt.datetime | None = None) -> pd.DataFrame:
    """The newest entries first (at most `limit`, from `since` on), for the admin page.

    Columns: entry_id, at (UTC), actor, action, detail (JSON text).
    """
    query = "SELECT entry_id, at, actor, action, detail FROM audit_log"
    params: list = []
    if since is not None:
        query += " WHERE at >= ?"
        params.append(access.to_stamp(since))
    query += " ORDER BY entry_id DESC"
    if limit is not None:
        query += " LIMIT ?"
        params.append(int(limit))
    with access.open_store(db_path) as con:
        rows = con.execute(query, params).fetchall()
    frame = pd.DataFrame(rows, columns=["entry_id", "at", "actor", "action", "detail"])
    frame["at"] = pd.to_datetime(frame["at"], format=access.TIMESTAMP_FORMAT, utc=True)
    return frame


def first_broken_entry(db_path: Path | str) -> int | None:
    """The id of the first entry whose hash or link does not match, or None if intact."""
    with access.open_store(db_path) as con:
        expected_prev = _chain_anchor(con)
        cursor = con.execute(
            "SELECT entry_id, at, actor, action, detail, prev_sha256, row_sha256 "
            "FROM audit_log ORDER BY entry_id"
        )
        for entry_id, at, actor, action, detail, prev_hash, row_hash in cursor:
            if prev_hash != expected_prev or row_hash != _row_hash(prev_hash, at, actor, action, detail):
                return entry_id
            expected_prev = row_hash
    return None


def verify_chain(db_path: Path | str) -> bool:
    """True when no entry was changed, inserted or removed outside this module."""
    return first_broken_entry(db_path) is None


def retention_days(db_path: Path | str) -> int:
    """How long entries are kept (the admin setting, default 730 days)."""
    with access.open_store(db_path) as con:
        return _stored_retention_days(con)


def set_retention_days(db_path: Path | str, days: int, *, actor: str = "system") -> None:
    """Change the retention period (at least MIN_RETENTION_DAYS); audited."""
    days = int(days)
    if days < MIN_RETENTION_DAYS:
        raise ValueError(f"Audit entries must be kept at least {MIN_RETENTION_DAYS} days.")
    with access.open_store(db_path) as con, access.transaction(con):
        old = _stored_retention_days(con)
        con.execute("INSERT OR REPLACE INTO settings VALUES ('audit_retention_days', ?)", [str(days)])
        append(con, actor, "setting_changed",
               {"setting": "audit_retention_days", "old": old, "new": days})


def purge_expired(db_path: Path | str, retention_days: int | None = None, *,
                  actor: str = "system") -> int:
    """Delete the entries older than the retention period; returns how many.

    `retention_days` defaults to the setting and may not be shorter than it.
    Only the oldest run of entries goes (all older than the cut-off), so the
    chain stays whole: the last purged hash becomes the anchor of the rest.
    """
    with access.open_store(db_path) as con, access.transaction(con):
        kept_days = _stored_retention_days(con)
        days = kept_days if retention_days is None else int(retention_days)
        if days < kept_days:
            raise ValueError(f"The retention setting is {kept_days} days; change it before "
                             "purging entries younger than that.")
        cutoff = access.to_stamp(access.utc() - dt.timedelta(days=days))
        # The last entry before the first one to keep (or the very last when none is kept).
        last = con.execute(
            """SELECT entry_id, row_sha256 FROM audit_log
               WHERE entry_id < coalesce((SELECT min(entry_id) FROM audit_log WHERE at >= ?),
                                         (SELECT max(entry_id) + 1 FROM audit_log))
               ORDER BY entry_id DESC LIMIT 1""", [cutoff]
        ).fetchone()
        if last is None:
            return 0
        deleted = con.execute("DELETE FROM audit_log WHERE entry_id <= ?", [last[0]]).rowcount
        con.execute("INSERT OR REPLACE INTO settings VALUES ('audit_chain_anchor', ?)", [last[1]])
        append(con, actor, "audit_purged", {"entries": deleted, "retention_days": days})
    return deleted
