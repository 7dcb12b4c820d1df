"""The `users` command: python -m signals users add|remove|list|passwd [USERNAME] [--role ROLE].

Passwords are asked twice with getpass on a terminal; when stdin is not a
terminal (scripts, tests) one line is read from it. `list` never shows hashes.
Exit status 0 on success, 1 with a message on stderr otherwise.
"""

from __future__ import annotations

import getpass
import sqlite3
import sys
from pathlib import Path

from . import control as access


def _cli_actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _read_password() -> str:
    """A new password: twice on a terminal, one line from a pipe."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("New password: ")
    if getpass.getpass("Repeat the password: ") != first:
        raise ValueError("The two passwords differ.")
    return first


def _format_moment(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "never"


def _print_users(db_path: Path) -> None:
    users = access.list_users(db_path)
    if not users:
        print("No users yet: the app only listens on localhost until one is added.")
        return
    rows = [("USERNAME", "ROLE", "STATE", "LAST LOGIN")]
    for user in users:
        blocked = access.blocked_clients(db_path, user.username)
        state = (f"locked until {_format_moment(blocked[-1])} for {len(blocked)} client(s)"
                 if blocked else "active")
        rows.append((user.username, user.role, state, _format_moment(user.last_login)))
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for row in rows:
        print("  ".join(value.ljust(width) for value, width in zip(row, widths)) + "  " + row[3])


def _require_username(action: str, username: str | None) -> str:
    if not username:
        raise ValueError(f"'users {action}' needs a USERNAME.")
    return username


def _add(db_path: Path, username: str | None, role: str | None) -> str:
    username = access.normalise_username(_require_username("add", username))
    if role is None:
        raise ValueError(f"'users add' needs --role ({', '.join(access.ROLES)}).")
    access.check_role(role)
    user = access.add_user(db_path, username, role, _read_password(), actor=_cli_actor())
    return f"User {user.username} added with role {user.role}."


def _remove(db_path: Path, username: str | None) -> str:
    name = access.normalise_username(_require_username("remove", username))
    access.remove_user(db_path, name, actor=_cli_actor())
    return f"User {name} removed."


def _passwd(db_path: Path, username: str | None) -> str:
    name = access.normalise_username(_require_username("passwd", username))
    access.get_user(db_path, name)          # fail before asking for a password
    access.set_password(db_path, name, _read_password(), actor=_cli_actor())
    return f"Password of {name} changed; their sessions were ended."


def run_users_command(db_path: Path | str, action: str, username: str | None,
                      role: str | None) -> int:
    """Run one `users` action against the access store of `db_path`; returns the exit status."""
    db_path = Path(db_path)
    try:
        if action == "list":
            _print_users(db_path)
            return 0
        if action == "add":
            message = _add(db_path, username, role)
        elif action == "remove":
            message = _remove(db_path, username)
        elif action == "passwd":
            message = _passwd(db_path, username)
        else:
            raise ValueError(f"Unknown action {action!r}; expected add, remove, list or passwd.")
    except (ValueError, access.UnknownUser) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except sqlite3.OperationalError as error:
        print(f"error: the user store is busy or unreadable ({error}); try again.", file=sys.stderr)
        return 1
    print(message)
    return 0
