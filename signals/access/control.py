"""Who may use the app: users, passwords, sessions, lock-out, roles and pages.

Everything lives in a small SQLite file next to the data database
(`access_db_path`): `signals.duckdb` -> `signals.access.sqlite`. SQLite lets
several processes write (WAL mode, a busy timeout), so a login never waits
behind a long DuckDB ingest. The same file holds the audit log (signals.access.audit)
and the physician's hotspot reviews (signals.cycle.reviews); its schema and transactions
are in signals.access.store (re-exported here), which imports neither module.

Lock-out: failed logins count per (user name, client), for unknown names alike;
see `authenticate`.

Every public function takes the *data* database path, the one the CLI and the
pages already know, and finds the access file from it.

Roles and pages (see PAGE_ROLES):
- committee: the collective views (overview, trends, hotspots, prediagnosis);
- physician: the collective views, and reviews hotspots (REVIEW_ROLES);
- psychosocial_adviser (the prevention adviser for psychosocial aspects): the collective
  views, reviews hotspots like the physician, uploads incidents, its observations and the
  survey;
- hr: the collective views, the upload page (with its history) and the data page
  (what is loaded, gaps), without changing settings;
- upload: each role only its own kinds (signals.access.uploads: UPLOAD_KINDS);
- admin: the data page with its settings (SETTINGS_ROLES), users and the audit log,
  not the figures;
- actions (the prevention cycle): every role; committee, physician and admin write
  (signals.cycle.common), admin without the evaluation figures.

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
import re
import secrets
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from . import audit, clients
from .store import (  # noqa: F401  (re-exported: callers use access.open_store etc.)
    BUSY_TIMEOUT_SECONDS,
    MIGRATIONS,
    SCHEMA_VERSION,
    TIMESTAMP_FORMAT,
    access_db_path,
    from_stamp,
    open_store,
    to_stamp,
    transaction,
    utc,
)
from .uploads import UPLOAD_ROLES

ROLES = ("committee", "physician", "psychosocial_adviser", "hr", "admin")
PAGES = ("overview", "trends", "hotspots", "prediagnosis", "survey", "reintegration", "upload",
         "data", "audit", "actions", "method")
COLLECTIVE_VIEW_ROLES = frozenset({"committee", "physician", "psychosocial_adviser", "hr"})
PAGE_ROLES: dict[str, set[str]] = {
    "overview": set(COLLECTIVE_VIEW_ROLES),
    "trends": set(COLLECTIVE_VIEW_ROLES),
    "hotspots": set(COLLECTIVE_VIEW_ROLES),
    "prediagnosis": set(COLLECTIVE_VIEW_ROLES),     # a first indication, not a risk analysis
    "survey": set(COLLECTIVE_VIEW_ROLES),
    "reintegration": set(COLLECTIVE_VIEW_ROLES),    # collective figures, small counts hidden
    "upload": set(UPLOAD_ROLES),    # each role its own kinds (signals.access.uploads)
    "data": {"hr", "admin"},
    "audit": {"admin"},
    "actions": {"committee", "physician", "psychosocial_adviser", "hr", "admin"},   # READ_ROLES
    "method": set(ROLES),           # how the signals work: plain words, no figures
}
# Who may write hotspot reviews (and read their notes).
REVIEW_ROLES = frozenset({"physician", "psychosocial_adviser"})
# Who may change settings (minimum group size, audit retention) and manage users.
SETTINGS_ROLES = frozenset({"admin"})

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024          # argon2 hashes anything, but not megabytes per attempt
MAX_FAILURES = 5                                # per (user name, client) ...
FAILURE_WINDOW = dt.timedelta(minutes=15)       # ... within this window block the pair
LOCK_DURATION = dt.timedelta(minutes=15)        # for this long, doubled for each earlier block
BLOCK_MEMORY = dt.timedelta(days=1)             # of the pair within this memory,
MAX_LOCK_DURATION = dt.timedelta(days=1)        # up to this
SESSION_IDLE_TIMEOUT = dt.timedelta(minutes=30)
SESSION_ABSOLUTE_TIMEOUT = dt.timedelta(hours=8)
SESSION_REFRESH_INTERVAL = dt.timedelta(minutes=1)   # last_seen is not rewritten on every rerun
UNKNOWN_ACTOR = "(unknown user)"

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class LoginBlocked(Exception):
    """Too many failed logins for this user name from this client: every password is
    refused from there until `until`. Said alike for known and unknown names."""

    def __init__(self, until: dt.datetime):
        super().__init__(f"Too many failed logins from this client; try again after "
                         f"{until:%H:%M} UTC.")
        self.until = until


AccountLocked = LoginBlocked        # the former name


class UnknownUser(LookupError):
    """No user with that name."""


@dataclass(frozen=True)
class User:
    username: str
    role: str
    email: str | None
    created_at: dt.datetime
    last_login: dt.datetime | None


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
    username, role, email, created_at, last_login = row
    return User(username, role, email, from_stamp(created_at), from_stamp(last_login))


USER_COLUMNS = "username, role, email, created_at, last_login"   # locked_until: unused since v2


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
            "UPDATE users SET password_hash = ? WHERE username = ?", [password_hash, name],
        )
        con.execute("DELETE FROM login_failures WHERE name_key = ?",
                    [audit.keyed_hash("login-name", name)])
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
    """Lift the blocks of this user name, from every client, before they run out (for the admin)."""
    name = normalise_username(username)
    with open_store(db_path) as con, transaction(con):
        _require_user(con, name)
        con.execute("DELETE FROM login_failures WHERE name_key = ?",
                    [audit.keyed_hash("login-name", name)])
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


def client_identity(peer_ip: str | None, forwarded_for: str | None = None) -> str:
    """The client a login attempt comes from, for the lock-out: an IPv4 address or an IPv6
    /64; X-Forwarded-For only through a proxy in SIGNALS_TRUSTED_PROXIES (signals.access.clients)."""
    return clients.client_identity(peer_ip, forwarded_for)


def _pair_keys(name: str, client: str) -> tuple[str, str]:
    """The (user name, client) pair as keyed hashes: a password typed as a user name, or an
    address, is never stored as such."""
    return (audit.keyed_hash("login-name", name), audit.keyed_hash("login-client", client))


def _blocked_until(con: sqlite3.Connection, pair: tuple[str, str], now: dt.datetime) -> dt.datetime | None:
    until = con.execute(
        "SELECT max(blocked_until) FROM login_failures "
        "WHERE name_key = ? AND client_key = ? AND blocked_until > ?", [*pair, to_stamp(now)]
    ).fetchone()[0]
    return from_stamp(until)


def _block_duration(con: sqlite3.Connection, pair: tuple[str, str], now: dt.datetime) -> dt.timedelta:
    """LOCK_DURATION, doubled for each earlier block of the pair in the last BLOCK_MEMORY."""
    earlier = con.execute(
        "SELECT count(*) FROM login_failures WHERE name_key = ? AND client_key = ? "
        "AND blocked_until IS NOT NULL AND failed_at > ?", [*pair, to_stamp(now - BLOCK_MEMORY)]
    ).fetchone()[0]
    return min(LOCK_DURATION * 2 ** min(earlier, 16), MAX_LOCK_DURATION)


def _record_failure(con: sqlite3.Connection, pair: tuple[str, str], actor: str, reason: str,
                    now: dt.datetime) -> dt.datetime | None:
    """Count a failed login of the pair; block the pair at MAX_FAILURES. Returns the block's end."""
    con.execute("DELETE FROM login_failures WHERE failed_at <= ? AND blocked_until IS NULL",
                [to_stamp(now - FAILURE_WINDOW)])
    con.execute("DELETE FROM login_failures WHERE failed_at <= ?", [to_stamp(now - BLOCK_MEMORY)])
    failures = 1 + con.execute(
        "SELECT count(*) FROM login_failures WHERE name_key = ? AND client_key = ? "
        "AND blocked_until IS NULL", pair
    ).fetchone()[0]
    until = now + _block_duration(con, pair, now) if failures >= MAX_FAILURES else None
    if until is not None:      # a fresh count after the block; the block row is remembered
        con.execute("DELETE FROM login_failures WHERE name_key = ? AND client_key = ? "
                    "AND blocked_until IS NULL", pair)
    con.execute("INSERT INTO login_failures VALUES (?, ?, ?, ?)",
                [*pair, to_stamp(now), to_stamp(until) if until else None])
    detail = {"reason": reason, "failures": failures}
    if until is not None:
        detail["blocked_minutes"] = round((until - now).total_seconds() / 60)
    audit.append(con, actor, "login_failed", detail, now=now)
    return until


def _start_session(con: sqlite3.Connection, user: User, pair: tuple[str, str], now: dt.datetime) -> str:
    token = secrets.token_urlsafe(32)
    con.execute("INSERT INTO sessions VALUES (?, ?, ?, ?)",
                [_token_digest(token), user.username, to_stamp(now), to_stamp(now)])
    con.execute("DELETE FROM login_failures WHERE name_key = ? AND client_key = ? "
                "AND blocked_until IS NULL", pair)
    con.execute("UPDATE users SET last_login = ? WHERE username = ?", [to_stamp(now), user.username])
    # Sessions of anyone that ran out are dropped here, so the table stays small.
    con.execute("DELETE FROM sessions WHERE last_seen <= ? OR created_at <= ?",
                [to_stamp(now - SESSION_IDLE_TIMEOUT), to_stamp(now - SESSION_ABSOLUTE_TIMEOUT)])
    audit.append(con, user.username, "login", {"method": "password"}, now=now)
    return token


def authenticate(db_path: Path | str, username: str, password: str, *, client: str = "local",
                 now: dt.datetime | None = None) -> Session | None:
    """Check a password and start a session.

    Returns the Session, or None for a wrong name or password (the two are not told
    apart). Failures count per (user name, `client`; see `client_identity`), for known and
    unknown names alike: after MAX_FAILURES within FAILURE_WINDOW that pair is blocked
    (LoginBlocked, even for the right password) for LOCK_DURATION, doubled for each
    earlier block of the pair in the last BLOCK_MEMORY. The same name from another client
    is not blocked, so an attacker cannot lock the real user out. Every attempt costs one
    password-hash check (a dummy one for an unknown name) and is audited (an unknown name
    is not written down: people sometimes type their password into the name field).
    """
    now = utc(now)
    name = (username or "").strip().lower()[:MAX_PASSWORD_LENGTH]
    pair = _pair_keys(name, str(client or "local"))
    with open_store(db_path) as con:
        row = con.execute(
            f"SELECT {USER_COLUMNS}, password_hash FROM users WHERE username = ?", [name]
        ).fetchone()
        password_hash = row[-1] if row else _dummy_hash()      # the same work for every name
        correct = _password_matches(password_hash, password) and row is not None
        actor = name if row else UNKNOWN_ACTOR
        with transaction(con):
            # Read the block inside the write lock: a parallel attempt may have set it.
            blocked = _blocked_until(con, pair, now)
            if blocked is not None:
                audit.append(con, actor, "login_failed", {"reason": "blocked"}, now=now)
            elif not correct:
                reason = "wrong_password" if row else "unknown_user"
                blocked = _record_failure(con, pair, actor, reason, now)
                if blocked is None:
                    return None
            else:
                user = _require_user(con, name)
                if _hasher().check_needs_rehash(password_hash):
                    con.execute("UPDATE users SET password_hash = ? WHERE username = ?",
                                [_hasher().hash(password), name])
                token = _start_session(con, user, pair, now)
                return Session(token, _require_user(con, name))
    raise LoginBlocked(blocked)


def blocked_clients(db_path: Path | str, username: str, *,
                    now: dt.datetime | None = None) -> list[dt.datetime]:
    """When each client blocked for this user name may try again (for the admin)."""
    name_key = audit.keyed_hash("login-name", normalise_username(username))
    with open_store(db_path) as con:
        rows = con.execute(
            "SELECT max(blocked_until) FROM login_failures WHERE name_key = ? AND blocked_until > ? "
            "GROUP BY client_key ORDER BY 1", [name_key, to_stamp(utc(now))]
        ).fetchall()
    return [from_stamp(until) for (until,) in rows]


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
