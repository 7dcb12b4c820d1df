"""The audit log: who did what and when, append-only, a keyed hash chain, with retention.

Rows live in the access store (signals.access.store). SQLite triggers refuse any
UPDATE, and any DELETE of a row younger than the retention period (default 730
days, an admin setting). Someone with the file in hand can drop those guards, so
each row also carries an HMAC-SHA256 over its number, its content and the MAC of
the row before it, with a key that lives outside the access store (the audit key
file, `config.audit_key_file_path`, created on first use, 0600).

The *head* of the chain (the newest entry's number and MAC, how many entries the
log holds, the MAC the oldest kept entry links to, and the retention setting) is
kept in a head file beside the key, signed with the key and replaced atomically
after each commit. `check_chain` compares the log with it, so editing, inserting,
removing (the newest entries too), rewriting the chain or changing the retention
setting behind the program's back all show. Purging old entries legitimately
moves the head's anchor to the last purged MAC.

What is recorded: logins (success and failure), logouts, uploads, setting
changes, hotspot reviews and user management. The detail is a small structured
dict (a file name, a kind, counts, a user name): never a password, never free
text from an upload or a review note.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import re
import secrets
import sqlite3
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import pandas as pd

from .. import config
from .store import TIMESTAMP_FORMAT, StoreConnection, open_store, to_stamp, transaction, utc

DEFAULT_RETENTION_DAYS = 730
MIN_RETENTION_DAYS = 90
GENESIS_MAC = "0" * 64
GENESIS_HASH = GENESIS_MAC
KEY_BYTES = 32
MIN_KEY_BYTES = 16
MAX_DETAIL_TEXT = 200
ACTION_PATTERN = re.compile(r"^[a-z][a-z_]{1,49}$")
FORBIDDEN_KEY_PARTS = ("password", "secret", "token", "note")
SCALAR_TYPES = (str, int, float, bool, type(None))
UNKEYED_TABLE = "audit_log_unkeyed"
RETENTION_SETTING = "audit_retention_days"
RETENTION_MAC_SETTING = "audit_retention_mac"


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


# --- the key and the head ------------------------------------------------------------------

def load_key() -> bytes:
    """The audit key from its file (hex), created (0600) on first use."""
    path = config.audit_key_file_path()
    if not path.exists():
        try:
            return _create_key_file(path)
        except FileExistsError:
            pass                                  # another process made it just now
    key = bytes.fromhex(path.read_text(encoding="ascii").strip())
    if len(key) < MIN_KEY_BYTES:
        raise ValueError(f"The audit key file {path.name} holds fewer than {MIN_KEY_BYTES} bytes.")
    if path.stat().st_mode & 0o077:
        warnings.warn(f"The audit key file {path.name} is readable by others than its owner "
                      "(chmod 600 it): with the key, the audit log can be forged.", stacklevel=2)
    return key


def _create_key_file(path: Path) -> bytes:
    key = secrets.token_bytes(KEY_BYTES)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")
    return key


def _mac(key: bytes, *parts) -> str:
    payload = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hmac.digest(key, payload.encode("utf-8"), "sha256").hex()


def keyed_hash(*parts) -> str:
    """An HMAC of `parts` with the audit key: a value that must not be stored as such
    (e.g. the user names of failed logins, see signals.access.control)."""
    return _mac(load_key(), "keyed", *parts)


def _entry_mac(key: bytes, entry_id: int, prev_mac: str, at: str, actor: str, action: str,
               detail_json: str) -> str:
    return _mac(key, "entry", entry_id, prev_mac, at, actor, action, detail_json)


def _retention_mac(key: bytes, days: int) -> str:
    return _mac(key, "retention", int(days))


@dataclass(frozen=True)
class Head:
    """Where the chain ends and starts, and the retention setting: signed, outside the store."""

    last_id: int = 0                  # the newest entry's number
    last_mac: str = GENESIS_MAC
    entries: int = 0                  # how many entries the log holds (after purges)
    anchor_id: int = 0                # the last purged entry (0: none)
    anchor_mac: str = GENESIS_MAC     # what the oldest kept entry links to
    retention_days: int = DEFAULT_RETENTION_DAYS
    restored_id: int = 0              # the newest entry that restarted a lost head (0: none)


def head_path(con: StoreConnection) -> Path:
    """The head file of this store: in `audit-heads/` beside the audit key, named after the
    store's path (so one key folder serves several stores)."""
    name = hashlib.sha256(str(con.path).encode("utf-8")).hexdigest()[:24]
    return config.audit_key_file_path().parent / "audit-heads" / f"{name}.head"


def _read_head(con: StoreConnection, key: bytes) -> tuple[Head | None, str]:
    """The stored head and its state: "ok", "missing" or "invalid" (bad signature or format)."""
    path = head_path(con)
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        head = Head(**stored["head"])
        # Signed as stored: a head written before a field existed keeps its signature.
        valid = hmac.compare_digest(stored["mac"], _mac(key, "head", stored["head"]))
    except FileNotFoundError:
        return None, "missing"
    except (ValueError, TypeError, KeyError):
        return None, "invalid"
    return (head, "ok") if valid else (None, "invalid")


def _write_head(con: StoreConnection, key: bytes, head: Head) -> None:
    path = head_path(con)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    body = json.dumps({"head": asdict(head), "mac": _mac(key, "head", asdict(head))})
    temporary = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(body)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)           # atomic: a reader sees the old head or the new one


def _save_staged_head(con: StoreConnection, pending: dict) -> None:
    """After COMMIT: write the transaction's head, under the write lock and never backwards
    (another process may have committed a later entry meanwhile)."""
    key, head = pending["audit_key"], pending["audit_head"]
    con.execute("BEGIN IMMEDIATE")
    try:
        current, state = _read_head(con, key)
        if state != "ok" or head.last_id >= current.last_id:
            _write_head(con, key, head)
    except OSError as error:
        warnings.warn(f"The audit head could not be written ({error}); the next entry retries.", stacklevel=2)
    finally:
        con.execute("COMMIT")


def _stage(con: StoreConnection, key: bytes, head: Head) -> Head:
    """Make `head` the head of the running transaction, written once it commits."""
    if "audit_head" not in con.pending:
        con.after_commit.append(_save_staged_head)
    con.pending["audit_key"] = key
    con.pending["audit_head"] = head
    return head


# --- the tip of the chain --------------------------------------------------------------------

def _setting(con: sqlite3.Connection, key: str, default: str | None = None) -> str | None:
    row = con.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def _stored_retention_days(con: sqlite3.Connection) -> int:
    return int(_setting(con, RETENTION_SETTING, str(DEFAULT_RETENTION_DAYS)))


def _store_retention(con: sqlite3.Connection, key: bytes, days: int) -> None:
    con.executemany("INSERT OR REPLACE INTO settings VALUES (?, ?)",
                    [(RETENTION_SETTING, str(days)), (RETENTION_MAC_SETTING, _retention_mac(key, days))])


def _has_unkeyed(con: sqlite3.Connection) -> bool:
    return con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                       [UNKEYED_TABLE]).fetchone() is not None


ROW_COLUMNS = "entry_id, at, actor, action, detail, prev_mac, mac"


def _roll_forward(con: sqlite3.Connection, key: bytes, head: Head) -> Head:
    """The head moved over entries committed after it (a head write still to come, or lost
    in a crash): only entries that link to it and carry a valid MAC."""
    rows = con.execute(f"SELECT {ROW_COLUMNS} FROM audit_log WHERE entry_id > ? ORDER BY entry_id",
                       [head.last_id])
    for entry_id, at, actor, action, detail, prev_mac, mac in rows:
        if prev_mac != head.last_mac or mac != _entry_mac(key, entry_id, prev_mac, at, actor,
                                                          action, detail):
            break
        head = replace(head, last_id=entry_id, last_mac=mac, entries=head.entries + 1)
    return head


def _tip(con: StoreConnection, key: bytes) -> Head:
    """The head to append to, inside a write transaction; sets the store up on first use."""
    if "audit_head" in con.pending:
        return con.pending["audit_head"]
    head, state = _read_head(con, key)
    if state == "ok":
        return _roll_forward(con, key, head)
    if _has_unkeyed(con) and state == "missing":
        return _rekey(con, key)
    last = con.execute(f"SELECT {ROW_COLUMNS} FROM audit_log ORDER BY entry_id DESC LIMIT 1").fetchone()
    if last is None and state == "missing" and _setting(con, RETENTION_MAC_SETTING) is None:
        days = _stored_retention_days(con)                    # a new store
        _store_retention(con, key, days)
        head = Head(retention_days=days)
        # Written at once (we hold the write lock): a writer that comes in before this
        # transaction's head is saved must not take the new store for a lost head.
        _write_head(con, key, head)
        return _stage(con, key, head)
    return _restore_head(con, key, state)


def _restore_head(con: StoreConnection, key: bytes, state: str) -> Head:
    """The head file is gone or unreadable while the log has entries (the database moved
    without it, or the key folder was lost): start a new head at the log's end, and say so
    in the log. The check then vouches only for what follows."""
    count, first_id, last_id = con.execute(
        "SELECT count(*), min(entry_id), max(entry_id) FROM audit_log").fetchone()
    first_prev = con.execute("SELECT prev_mac FROM audit_log WHERE entry_id = ?", [first_id]).fetchone()
    last_mac = con.execute("SELECT mac FROM audit_log WHERE entry_id = ?", [last_id]).fetchone()
    head = Head(last_id=last_id or 0, last_mac=last_mac[0] if last_mac else GENESIS_MAC,
                entries=count, anchor_id=(first_id or 1) - 1,
                anchor_mac=first_prev[0] if first_prev else GENESIS_MAC,
                retention_days=_stored_retention_days(con))
    _store_retention(con, key, head.retention_days)
    _stage(con, key, head)
    head = _append_row(con, key, head, "system", "audit_head_restored",
                       {"head": state, "entries": count}, utc())
    # The new head remembers it for good: the check reports it even after a purge.
    return _stage(con, key, replace(head, restored_id=head.last_id))


# --- migration from the unkeyed chain -------------------------------------------------------

def _old_row_hash(prev_hash: str, at: str, actor: str, action: str, detail_json: str) -> str:
    payload = json.dumps([prev_hash, at, actor, action, detail_json], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _rekey(con: StoreConnection, key: bytes) -> Head:
    """Re-key the entries of an unkeyed (version 1) log, once, and say so in the log
    (with whether their old chain was intact)."""
    rows = con.execute(f"SELECT entry_id, at, actor, action, detail, prev_sha256, row_sha256 "
                       f"FROM {UNKEYED_TABLE} ORDER BY entry_id").fetchall()
    expected, first_broken = _setting(con, "audit_chain_anchor", GENESIS_MAC), None
    head = Head(anchor_id=rows[0][0] - 1 if rows else 0, retention_days=_stored_retention_days(con))
    head = replace(head, last_id=head.anchor_id)
    for entry_id, at, actor, action, detail, prev_hash, row_hash in rows:
        if first_broken is None and (prev_hash != expected or
                                     row_hash != _old_row_hash(prev_hash, at, actor, action, detail)):
            first_broken = entry_id
        expected = row_hash
        head = _insert(con, key, head, entry_id, at, actor, action, detail)
    con.execute(f"DROP TABLE {UNKEYED_TABLE}")
    con.execute("DELETE FROM settings WHERE key = 'audit_chain_anchor'")
    _store_retention(con, key, head.retention_days)
    _stage(con, key, head)
    if not rows:
        return head
    return _append_row(con, key, head, "system", "audit_rekeyed",
                       {"entries": len(rows), "old_chain_intact": first_broken is None,
                        "old_first_broken": first_broken}, utc())


# --- writing -----------------------------------------------------------------------------

def _insert(con: sqlite3.Connection, key: bytes, head: Head, entry_id: int, at: str, actor: str,
            action: str, detail_json: str) -> Head:
    mac = _entry_mac(key, entry_id, head.last_mac, at, actor, action, detail_json)
    con.execute(f"INSERT INTO audit_log ({ROW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [entry_id, at, actor, action, detail_json, head.last_mac, mac])
    return replace(head, last_id=entry_id, last_mac=mac, entries=head.entries + 1)


def _append_row(con: StoreConnection, key: bytes, tip: Head, actor: str, action: str,
                detail: dict, now: dt.datetime | None) -> Head:
    # A number never used before, even when entries were removed or rows slipped in.
    highest = con.execute("SELECT max(entry_id) FROM audit_log").fetchone()[0] or 0
    detail_json = json.dumps(detail, sort_keys=True, ensure_ascii=False)
    head = _insert(con, key, tip, max(highest, tip.last_id) + 1, to_stamp(utc(now)), actor, action,
                   detail_json)
    return _stage(con, key, head)


def append(con: StoreConnection, actor: str, action: str, detail: dict, *,
           now: dt.datetime | None = None) -> int:
    """Add one entry on an open access-store connection, inside the caller's transaction
    (the head file follows when it commits).

    Use `record` unless the entry must commit together with another change.
    """
    if not ACTION_PATTERN.match(action):
        raise ValueError(f"Invalid audit action {action!r}.")
    check_detail(detail)
    if not con.in_transaction:
        with transaction(con):
            return append(con, actor, action, detail, now=now)
    key = load_key()
    actor = str(actor or "system")[:MAX_DETAIL_TEXT]
    return _append_row(con, key, _tip(con, key), actor, action, detail, now).last_id


def record(db_path: Path | str, actor: str, action: str, detail: dict | None = None, *,
           now: dt.datetime | None = None) -> int:
    """Append one entry, e.g. record(db, "anna", "upload", {"file_name": "abs.csv",
    "kind": "absences", "rows_new": 120}). Returns the entry id."""
    with open_store(db_path) as con, transaction(con):
        return append(con, actor, action, detail or {}, now=now)


@contextmanager
def _open(db_path: Path | str) -> Iterator[tuple[StoreConnection, bytes]]:
    """The store and the key; sets the audit log up (head, re-keying) on its first use."""
    with open_store(db_path) as con:
        key = load_key()
        _, state = _read_head(con, key)
        if state == "missing" and (_has_unkeyed(con) or _log_is_empty(con)):
            with transaction(con):
                _tip(con, key)
        yield con, key


def _log_is_empty(con: sqlite3.Connection) -> bool:
    return con.execute("SELECT 1 FROM audit_log LIMIT 1").fetchone() is None


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
        params.append(to_stamp(since))
    query += " ORDER BY entry_id DESC"
    if limit is not None:
        query += " LIMIT ?"
        params.append(int(limit))
    with _open(db_path) as (con, _):
        rows = con.execute(query, params).fetchall()
    frame = pd.DataFrame(rows, columns=["entry_id", "at", "actor", "action", "detail"])
    frame["at"] = pd.to_datetime(frame["at"], format=TIMESTAMP_FORMAT, utc=True)
    return frame


# --- checking ------------------------------------------------------------------------------

@dataclass(frozen=True)
class ChainCheck:
    """What `check_chain` found. `problem` (None when intact) is one of:
    head_missing, head_invalid, unkeyed_entries, entry_changed (at `entry`),
    entries_missing (before `entry`), newest_missing (up to `entry`), count_mismatch,
    retention_changed, head_restored (the head was lost and restarted at `entry`: what
    came before it cannot be vouched for, e.g. removed newest entries)."""

    intact: bool
    entries: int                  # entries in the log
    problem: str | None = None
    entry: int | None = None


def _walk(con: sqlite3.Connection, key: bytes, head: Head, count: int) -> ChainCheck:
    """Every entry's MAC and link, from the head's anchor to (at least) the head's entry."""
    expected_prev, position, reached = head.anchor_mac, 0, head.entries == 0
    for entry_id, at, actor, action, detail, prev_mac, mac in con.execute(
            f"SELECT {ROW_COLUMNS} FROM audit_log ORDER BY entry_id"):
        if mac != _entry_mac(key, entry_id, prev_mac, at, actor, action, detail):
            return ChainCheck(False, count, "entry_changed", entry_id)
        if prev_mac != expected_prev or entry_id <= head.anchor_id:
            return ChainCheck(False, count, "entries_missing", entry_id)
        expected_prev, position = mac, position + 1
        if entry_id == head.last_id:
            if mac != head.last_mac:
                return ChainCheck(False, count, "entry_changed", entry_id)
            if position != head.entries:
                return ChainCheck(False, count, "count_mismatch", entry_id)
            reached = True
    if not reached:
        return ChainCheck(False, count, "newest_missing", head.last_id)
    return ChainCheck(True, count)


def _retention_intact(con: sqlite3.Connection, key: bytes, head: Head) -> bool:
    value = _setting(con, RETENTION_SETTING)
    mac = _setting(con, RETENTION_MAC_SETTING) or ""
    return (value == str(head.retention_days)
            and hmac.compare_digest(mac, _retention_mac(key, head.retention_days)))


def _check(con: sqlite3.Connection, key: bytes) -> ChainCheck:
    count = con.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    head, state = _read_head(con, key)
    if state != "ok":
        if state == "missing" and count == 0:
            return ChainCheck(True, 0)
        return ChainCheck(False, count, "head_" + state)
    if _has_unkeyed(con):
        return ChainCheck(False, count, "unkeyed_entries")
    walked = _walk(con, key, head, count)
    if walked.intact and not _retention_intact(con, key, head):
        return ChainCheck(False, count, "retention_changed")
    restored = _restored_at(con, head)
    if walked.intact and restored:
        return ChainCheck(False, count, "head_restored", restored)
    return walked


def _restored_at(con: sqlite3.Connection, head: Head) -> int:
    """The newest entry that restarted a lost head: as the head remembers it, or as the
    (checked) log says it (a head restarted before heads remembered it)."""
    logged = con.execute("SELECT max(entry_id) FROM audit_log WHERE action = 'audit_head_restored' "
                         "AND actor = 'system'").fetchone()[0]
    return max(head.restored_id, logged or 0)


def check_chain(db_path: Path | str) -> ChainCheck:
    """Whether the log is exactly what this program wrote: no entry changed, inserted,
    removed (at the end too) or re-chained, the retention setting as set, all checked
    against the head file."""
    with _open(db_path) as (con, key):
        return _check(con, key)


def first_broken_entry(db_path: Path | str) -> int | None:
    """The entry where the chain breaks, or None if intact (0 when the problem is not one
    entry: a missing head, a changed retention setting)."""
    check = check_chain(db_path)
    return None if check.intact else (check.entry or 0)


def verify_chain(db_path: Path | str) -> bool:
    """True when no entry was changed, inserted or removed outside this module."""
    return check_chain(db_path).intact


# --- retention -----------------------------------------------------------------------------

def _signed_retention(con: StoreConnection, key: bytes) -> int:
    head, state = _read_head(con, key)
    return head.retention_days if state == "ok" else _stored_retention_days(con)


def retention_days(db_path: Path | str) -> int:
    """How long entries are kept (the admin setting, default 730 days), as the head signs it:
    a value changed in the store behind the program's back does not count."""
    with _open(db_path) as (con, key):
        return _signed_retention(con, key)


def set_retention_days(db_path: Path | str, days: int, *, actor: str = "system") -> None:
    """Change the retention period (at least MIN_RETENTION_DAYS); audited and signed."""
    days = int(days)
    if days < MIN_RETENTION_DAYS:
        raise ValueError(f"Audit entries must be kept at least {MIN_RETENTION_DAYS} days.")
    with _open(db_path) as (con, key), transaction(con):
        tip = _tip(con, key)
        _store_retention(con, key, days)
        _stage(con, key, replace(tip, retention_days=days))
        append(con, actor, "setting_changed",
               {"setting": RETENTION_SETTING, "old": tip.retention_days, "new": days})


def purge_expired(db_path: Path | str, retention_days: int | None = None, *,
                  actor: str = "system") -> int:
    """Delete the entries older than the retention period; returns how many.

    `retention_days` defaults to the setting and may not be shorter than it. Only the
    oldest run of entries goes (all older than the cut-off), and only from an intact
    chain (a broken one is evidence): the last purged MAC becomes the head's anchor.
    """
    with _open(db_path) as (con, key), transaction(con):
        tip = _tip(con, key)
        check = _check(con, key)
        # A restarted head is a finding to show, not a broken chain: the log since is checked.
        if not check.intact and check.problem != "head_restored":
            raise ValueError(f"The audit chain is not intact ({check.problem}); nothing is purged.")
        days = tip.retention_days if retention_days is None else int(retention_days)
        if days < tip.retention_days:
            raise ValueError(f"The retention setting is {tip.retention_days} days; change it before "
                             "purging entries younger than that.")
        cutoff = to_stamp(utc() - dt.timedelta(days=days))
        # The last entry before the first one to keep (or the very last when none is kept).
        last = con.execute(
            """SELECT entry_id, mac FROM audit_log
               WHERE entry_id < coalesce((SELECT min(entry_id) FROM audit_log WHERE at >= ?),
                                         (SELECT max(entry_id) + 1 FROM audit_log))
               ORDER BY entry_id DESC LIMIT 1""", [cutoff]
        ).fetchone()
        if last is None:
            return 0
        deleted = con.execute("DELETE FROM audit_log WHERE entry_id <= ?", [last[0]]).rowcount
        _stage(con, key, replace(tip, entries=tip.entries - deleted, anchor_id=last[0],
                                 anchor_mac=last[1]))
        append(con, actor, "audit_purged", {"entries": deleted, "retention_days": days})
    return deleted
