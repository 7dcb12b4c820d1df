"""Who may use the app: users, passwords, sessions, lock-out, roles and pages.

Everything lives in a small SQLite file next to the data database
(`access_db_path`): `signals.duckdb` -> `signals.access.sqlite`. SQLite lets
several processes write (WAL mode, a busy timeout), so a login never waits
behind a long DuckDB ingest. The same file holds the audit log (signals.audit)
and the physician's hotspot reviews (signals.reviews).

Every public function takes the *data* database path, the one the CLI and the
pages already know, and finds the access file from it.

Roles and pages (see PAGE_ROLES):
- committee: the collective views (overview, trends, hotspots);
- physician: the collective views, and reviews hotspots (REVIEW_ROLES);
- hr: the collective views, the upload page (with its history) and the data page
  (what is loaded, gaps), without changing settings;
- admin: the data page with its settings (SETTINGS_ROLES), users and the audit log,
  not the figures.

Without any user the app runs in single-operator mode and may only listen on
localhost (`may_listen_on`).

Single sign-on (optional): Streamlit's `st.login` (OpenID Connect) identifies a
person by e-mail; `role_for_sso_email` maps that e-mail to a configured user.
It needs Authlib (`pip install "streamlit[auth]"`) and an `[auth]` table in
`.streamlit/secrets.toml` (never committed):

    [auth]
    redirect_uri = "https://signals.example.org/oauth2callback"   # app URL + /oauth2callback
    cookie_secret = "<a long random string>"
    client_id = "<from the identity provider>"
    client_secret = "<from the identity provider>"
    server_metadata_url = "https://login.microsoftonline.com/<tenant>/v2.0/.well-known/openid-configuration"

A named provider goes in `[auth.<name>]` (client_id, client_secret,
server_metadata_url) and is used with `st.login("<name>")`; `redirect_uri` and
`cookie_secret` stay in `[auth]`. Only trust `st.user.email` when the
provider has verified it (`st.user.email_verified` where the provider sends it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import os
import re
import secrets
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# signals.audit imports this module too; only module attributes are used at call time.
from . import audit

ROLES = ("committee", "physician", "hr", "admin")
PAGES = ("overview", "trends", "hotspots", "upload", "data", "audit", "method")
COLLECTIVE_VIEW_ROLES = frozenset({"committee", "physician", "hr"})
PAGE_ROLES: dict[str, set[str]] = {
    "overview": set(COLLECTIVE_VIEW_ROLES),
    "trends": set(COLLECTIVE_VIEW_ROLES),
    "hotspots": set(COLLECTIVE_VIEW_ROLES),
    "upload": {"hr"},
    "data": {"hr", "admin"},
    "audit": {"admin"},
    "method": set(ROLES),           # how the signals work: plain words, no figures
}
# Who may write hotspot reviews (and read their notes).
REVIEW_ROLES = frozenset({"physician"})
# Who may change settings (minimum group size, audit retention) and manage users.
SETTINGS_ROLES = frozenset({"admin"})

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024          # argon2 hashes anything, but not megabytes per attempt
MAX_FAILURES = 5
FAILURE_WINDOW = dt.timedelta(minutes=15)
LOCK_DURATION = dt.timedelta(minutes=15)
SESSION_IDLE_TIMEOUT = dt.timedelta(minutes=30)
SESSION_ABSOLUTE_TIMEOUT = dt.timedelta(hours=8)
SESSION_REFRESH_INTERVAL = dt.timedelta(minutes=1)   # last_seen is not rewritten on every rerun
BUSY_TIMEOUT_SECONDS = 15.0
UNKNOWN_ACTOR = "(unknown user)"

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"   # UTC; sorts as text, matches SQLite's strftime

SCHEMA_VERSION = 2

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
    # 2: reviews can be closed, edited (updated_at) and carry a follow-up date; SQLite
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
]


class AccountLocked(Exception):
    """Too many failed logins: the account refuses every password until `until`."""

    def __init__(self, username: str, until: dt.datetime):
        super().__init__(f"The account {username} is locked until {until:%H:%M} UTC "
                         "after too many failed logins.")
        self.username = username
        self.until = until


class UnknownUser(LookupError):
    """No user with that name."""


@dataclass(frozen=True)
class User:
    username: str
    role: str
    email: str | None
    created_at: dt.datetime
    last_login: dt.datetime | None
    locked_until: dt.datetime | None

    def is_locked(self, now: dt.datetime | None = None) -> bool:
        return self.locked_until is not None and utc(now) < self.locked_until


@dataclass(frozen=True)
class Session:
    """A logged-in user. Keep `token` in the browser session; only its hash is stored."""

    token: str
    user: User

    @property
    def username(self) -> str:
        return self.user.username

    @property
    def role(self) -> str:
        return self.user.role


# --- time -------------------------------------------------------------------------------

def utc(now: dt.datetime | None = None) -> dt.datetime:
    """`now` as an aware UTC datetime (the clock when None; naive values are taken as UTC)."""
    if now is None:
        return dt.datetime.now(dt.timezone.utc)
    if now.tzinfo is None:
        return now.replace(tzinfo=dt.timezone.utc)
    return now.astimezone(dt.timezone.utc)


def to_stamp(moment: dt.datetime) -> str:
    return utc(moment).strftime(TIMESTAMP_FORMAT)


def from_stamp(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    return dt.datetime.strptime(text, TIMESTAMP_FORMAT).replace(tzinfo=dt.timezone.utc)


# --- the store --------------------------------------------------------------------------

def access_db_path(db_path: Path | str) -> Path:
    """The access store that belongs to a data database: same folder, `<stem>.access.sqlite`."""
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}.access.sqlite")


@contextmanager
def open_store(db_path: Path | str) -> Iterator[sqlite3.Connection]:
    """Open (and create, private to its owner, and migrate) the access store; always closes.

    The connection is in autocommit mode: group writes with `transaction(con)`.
    """
    path = access_db_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Create the file readable by its owner only: it holds password hashes and notes.
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    con = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    try:
        con.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("PRAGMA foreign_keys = ON")
        _migrate(con)
        yield con
    finally:
        con.close()


@contextmanager
def transaction(con: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction; takes the write lock at once (BEGIN IMMEDIATE)."""
    con.execute("BEGIN IMMEDIATE")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


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


# --- roles and pages --------------------------------------------------------------------

def check_role(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"Unknown role {role!r}; expected one of {', '.join(ROLES)}.")
    return role


def pages_for(role: str) -> list[str]:
    """The page keys a role may open, in menu order."""
    check_role(role)
    return [page for page in PAGES if role in PAGE_ROLES[page]]


def can_view(role: str, page: str) -> bool:
    check_role(role)
    if page not in PAGE_ROLES:
        raise ValueError(f"Unknown page {page!r}; expected one of {', '.join(PAGES)}.")
    return role in PAGE_ROLES[page]


def can_review(role: str) -> bool:
    """May write hotspot reviews and read their notes (others see the status only)."""
    return check_role(role) in REVIEW_ROLES


def can_change_settings(role: str) -> bool:
    """May change settings and manage users (others see the data page read-only)."""
    return check_role(role) in SETTINGS_ROLES


def may_listen_on(address: str | None, users_configured: bool) -> bool:
    """Whether the app may listen on `address`: without users, only on localhost.

    An empty address (Streamlit's default: every interface) counts as public.
    """
    if users_configured:
        return True
    host = (address or "").strip().strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# --- users ------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher().hash(secrets.token_urlsafe(16))


def _password_matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def normalise_username(username: str) -> str:
    """Trimmed and lower case; letters, digits and . _ @ - (2 to 64 characters)."""
    name = (username or "").strip().lower()
    if not USERNAME_PATTERN.match(name):
        raise ValueError(
            f"Invalid user name {username!r}: use 2 to 64 letters, digits or . _ @ - "
            "(starting with a letter or digit)."
        )
    return name


def normalise_email(email: str | None) -> str | None:
    if email is None or not email.strip():
        return None
    value = email.strip().lower()
    if not EMAIL_PATTERN.match(value):
        raise ValueError(f"Invalid e-mail address {email!r}.")
    return value


def check_password_policy(password: str, username: str = "") -> None:
    """Raise ValueError when a new password is too short, too long or the user name."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"The password must have at least {MIN_PASSWORD_LENGTH} characters.")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValueError(f"The password may have at most {MAX_PASSWORD_LENGTH} characters.")
    if username and password.strip().lower() == username:
        raise ValueError("The password must not be the user name.")


def _user_from_row(row) -> User:
    username, role, email, created_at, last_login, locked_until = row
    return User(username, role, email, from_stamp(created_at), from_stamp(last_login),
                from_stamp(locked_until))


USER_COLUMNS = "username, role, email, created_at, last_login, locked_until"


def _require_user(con: sqlite3.Connection, username: str) -> User:
    row = con.execute(f"SELECT {USER_COLUMNS} FROM users WHERE username = ?", [username]).fetchone()
    if row is None:
        raise UnknownUser(f"No user named {username!r}.")
    return _user_from_row(row)


def users_configured(db_path: Path | str) -> bool:
    """True when at least one user exists (then the app asks everyone to log in)."""
    if not access_db_path(db_path).exists():
        return False
    with open_store(db_path) as con:
        return con.execute("SELECT count(*) FROM users").fetchone()[0] > 0


def list_users(db_path: Path | str) -> list[User]:
    """All users by name (never their password hashes)."""
    with open_store(db_path) as con:
        rows = con.execute(f"SELECT {USER_COLUMNS} FROM users ORDER BY username").fetchall()
    return [_user_from_row(row) for row in rows]


def get_user(db_path: Path | str, username: str) -> User:
    """One user; raises UnknownUser."""
    with open_store(db_path) as con:
        return _require_user(con, normalise_username(username))


def add_user(db_path: Path | str, username: str, role: str, password: str, *,
             email: str | None = None, actor: str = "system",
             now: dt.datetime | None = None) -> User:
    """Create a user; raises ValueError for a bad name, role, e-mail, password or duplicate."""
    name = normalise_username(username)
    check_role(role)
    email = normalise_email(email)
    check_password_policy(password, name)
    password_hash = _hasher().hash(password)
    with open_store(db_path) as con, transaction(con):
        if con.execute("SELECT 1 FROM users WHERE username = ?", [name]).fetchone():
            raise ValueError(f"A user named {name!r} already exists.")
        if email and con.execute("SELECT 1 FROM users WHERE email = ?", [email]).fetchone():
            raise ValueError(f"Another user already has the e-mail address {email}.")
        con.execute(
            "INSERT INTO users (username, role, password_hash, email, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [name, role, password_hash, email, to_stamp(utc(now))],
        )
        audit.append(con, actor, "user_added", {"username": name, "role": role}, now=now)
        return _require_user(con, name)


def remove_user(db_path: Path | str, username: str, *, actor: str = "system") -> None:
    """Delete a user and their sessions; raises UnknownUser."""
    name = normalise_username(username)
    with open_store(db_path) as con, transaction(con):
        user = _require_user(con, name)
        con.execute("DELETE FROM users WHERE username = ?", [name])
        audit.append(con, actor, "user_removed", {"username": name, "role": user.role})


def set_password(db_path: Path | str, username: str, password: str, *,
                 actor: str = "system") -> None:
    """Replace a password; ends the user's sessions and lifts a lock-out."""
    name = normalise_username(username)
    check_password_policy(password, name)
    password_hash = _hasher().hash(password)
    with open_store(db_path) as con, transaction(con):
        _require_user(con, name)
        con.execute(
            "UPDATE users SET password_hash = ?, locked_until = NULL WHERE username = ?",
            [password_hash, name],
        )
        con.execute("DELETE FROM login_failures WHERE username = ?", [name])
        con.execute("DELETE FROM sessions WHERE username = ?", [name])
        audit.append(con, actor, "password_changed", {"username": name})


def set_email(db_path: Path | str, username: str, email: str | None, *,
              actor: str = "system") -> None:
    """Set or clear (None) the e-mail address used for single sign-on."""
    name = normalise_username(username)
    email = normalise_email(email)
    with open_store(db_path) as con, transaction(con):
        _require_user(con, name)
        taken = con.execute(
            "SELECT 1 FROM users WHERE email = ? AND username <> ?", [email, name]
        ).fetchone()
        if email and taken:
            raise ValueError(f"Another user already has the e-mail address {email}.")
        con.execute("UPDATE users SET email = ? WHERE username = ?", [email, name])
        audit.append(con, actor, "email_changed", {"username": name, "has_email": email is not None})


def unlock_user(db_path: Path | str, username: str, *, actor: str = "system") -> None:
    """Lift a lock-out before it runs out (for the admin)."""
    name = normalise_username(username)
    with open_store(db_path) as con, transaction(con):
        _require_user(con, name)
        con.execute("UPDATE users SET locked_until = NULL WHERE username = ?", [name])
        con.execute("DELETE FROM login_failures WHERE username = ?", [name])
        audit.append(con, actor, "user_unlocked", {"username": name})


def role_for_sso_email(db_path: Path | str, email: str | None) -> str | None:
    """The role of the configured user with this (SSO-verified) e-mail, else None."""
    try:
        email = normalise_email(email)
    except ValueError:
        return None
    if email is None or not access_db_path(db_path).exists():
        return None
    with open_store(db_path) as con:
        row = con.execute("SELECT role FROM users WHERE email = ?", [email]).fetchone()
    return row[0] if row else None


# --- login and sessions -----------------------------------------------------------------

def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _record_failure(con: sqlite3.Connection, user: User, now: dt.datetime) -> dt.datetime | None:
    """Count a wrong password; lock the account at MAX_FAILURES. Returns the lock's end."""
    con.execute("INSERT INTO login_failures VALUES (?, ?)", [user.username, to_stamp(now)])
    con.execute(
        "DELETE FROM login_failures WHERE username = ? AND failed_at <= ?",
        [user.username, to_stamp(now - FAILURE_WINDOW)],
    )
    failures = con.execute(
        "SELECT count(*) FROM login_failures WHERE username = ?", [user.username]
    ).fetchone()[0]
    if failures < MAX_FAILURES:
        audit.append(con, user.username, "login_failed",
                     {"reason": "wrong_password", "failures": failures}, now=now)
        return None
    until = now + LOCK_DURATION
    con.execute("UPDATE users SET locked_until = ? WHERE username = ?", [to_stamp(until), user.username])
    con.execute("DELETE FROM login_failures WHERE username = ?", [user.username])
    audit.append(con, user.username, "login_failed",
                 {"reason": "wrong_password", "failures": failures, "locked": True}, now=now)
    return until


def _start_session(con: sqlite3.Connection, user: User, now: dt.datetime) -> str:
    token = secrets.token_urlsafe(32)
    con.execute("INSERT INTO sessions VALUES (?, ?, ?, ?)",
                [_token_digest(token), user.username, to_stamp(now), to_stamp(now)])
    con.execute("DELETE FROM login_failures WHERE username = ?", [user.username])
    con.execute("UPDATE users SET last_login = ?, locked_until = NULL WHERE username = ?",
                [to_stamp(now), user.username])
    # Sessions of anyone that ran out are dropped here, so the table stays small.
    con.execute("DELETE FROM sessions WHERE last_seen <= ? OR created_at <= ?",
                [to_stamp(now - SESSION_IDLE_TIMEOUT), to_stamp(now - SESSION_ABSOLUTE_TIMEOUT)])
    audit.append(con, user.username, "login", {"method": "password"}, now=now)
    return token


def authenticate(db_path: Path | str, username: str, password: str, *,
                 now: dt.datetime | None = None) -> Session | None:
    """Check a password and start a session.

    Returns the Session, or None for a wrong name or password (the two are not told
    apart). Raises AccountLocked while the account is locked: after MAX_FAILURES
    wrong passwords within FAILURE_WINDOW it refuses even the right password for
    LOCK_DURATION. Every attempt is audited (an unknown name is not written down:
    people sometimes type their password into the name field).
    """
    now = utc(now)
    name = (username or "").strip().lower()
    with open_store(db_path) as con:
        row = con.execute(
            f"SELECT {USER_COLUMNS}, password_hash FROM users WHERE username = ?", [name]
        ).fetchone()
        if row is None:
            _password_matches(_dummy_hash(), password)     # same work as for a real user
            with transaction(con):
                audit.append(con, UNKNOWN_ACTOR, "login_failed", {"reason": "unknown_user"}, now=now)
            return None
        user, password_hash = _user_from_row(row[:-1]), row[-1]
        correct = _password_matches(password_hash, password)
        with transaction(con):
            # Read the lock again inside the write lock: a parallel attempt may have set it.
            user = _require_user(con, name)
            if user.is_locked(now):
                audit.append(con, name, "login_failed", {"reason": "locked"}, now=now)
                locked_until = user.locked_until
            elif not correct:
                locked_until = _record_failure(con, user, now)
                if locked_until is None:
                    return None
            else:
                if _hasher().check_needs_rehash(password_hash):
                    con.execute("UPDATE users SET password_hash = ? WHERE username = ?",
                                [_hasher().hash(password), name])
                token = _start_session(con, user, now)
                return Session(token, _require_user(con, name))
    raise AccountLocked(name, locked_until)


def session_user(db_path: Path | str, token: str | None, *,
                 now: dt.datetime | None = None) -> User | None:
    """The user of a live session, else None.

    A session ends after SESSION_IDLE_TIMEOUT without use or SESSION_ABSOLUTE_TIMEOUT
    after login. Each call counts as use (refreshing last_seen at most once a minute).
    """
    if not token:
        return None
    now = utc(now)
    digest = _token_digest(token)
    with open_store(db_path) as con:
        row = con.execute(
            "SELECT created_at, last_seen, username FROM sessions WHERE token_sha256 = ?", [digest]
        ).fetchone()
        if row is None:
            return None
        created_at, last_seen, username = from_stamp(row[0]), from_stamp(row[1]), row[2]
        expired = (now - last_seen >= SESSION_IDLE_TIMEOUT
                   or now - created_at >= SESSION_ABSOLUTE_TIMEOUT)
        if expired:
            with transaction(con):
                con.execute("DELETE FROM sessions WHERE token_sha256 = ?", [digest])
            return None
        if now - last_seen >= SESSION_REFRESH_INTERVAL:
            with transaction(con):
                con.execute("UPDATE sessions SET last_seen = ? WHERE token_sha256 = ?",
                            [to_stamp(now), digest])
        return _require_user(con, username)


def logout(db_path: Path | str, token: str | None) -> None:
    """End a session (a no-op for an unknown or expired token)."""
    if not token:
        return
    with open_store(db_path) as con, transaction(con):
        digest = _token_digest(token)
        row = con.execute("SELECT username FROM sessions WHERE token_sha256 = ?", [digest]).fetchone()
        if row is None:
            return
        con.execute("DELETE FROM sessions WHERE token_sha256 = ?", [digest])
        audit.append(con, row[0], "logout", {})
