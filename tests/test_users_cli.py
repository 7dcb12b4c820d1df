import os
import subprocess
import sys
from pathlib import Path

import pytest

from signals.access import control as access

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery"


def users(db_path, *args, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "signals", "users", *args, "--db", str(db_path)],
        input=stdin, capture_output=True, text=True, cwd=PROJECT_ROOT, env=os.environ.copy(),
        timeout=60,
    )


def test_add_list_passwd_remove(db_path):
    added = users(db_path, "add", "Anna", "--role", "physician", stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    assert "anna" in added.stdout and "physician" in added.stdout
    assert access.authenticate(db_path, "anna", PASSWORD) is not None

    listed = users(db_path, "list")
    assert listed.returncode == 0
    header, row = listed.stdout.splitlines()
    assert header.split() == ["USERNAME", "ROLE", "STATE", "LAST", "LOGIN"]
    assert row.split()[:3] == ["anna", "physician", "active"]
    assert row.endswith(" UTC") and "never" not in row      # the login just above
    assert "$argon2" not in listed.stdout and PASSWORD not in listed.stdout

    changed = users(db_path, "passwd", "anna", stdin="a brand new passphrase\n")
    assert changed.returncode == 0, changed.stderr
    assert access.authenticate(db_path, "anna", PASSWORD) is None
    assert access.authenticate(db_path, "anna", "a brand new passphrase") is not None

    removed = users(db_path, "remove", "ANNA")
    assert removed.returncode == 0, removed.stderr
    assert access.list_users(db_path) == []
    assert "No users yet" in users(db_path, "list").stdout


def test_list_shows_a_locked_account_and_never_logged_in(db_path):
    access.add_user(db_path, "bert", "hr", PASSWORD)
    access.add_user(db_path, "carla", "admin", PASSWORD)
    for _ in range(access.MAX_FAILURES - 1):
        access.authenticate(db_path, "bert", "wrong password!!")
    with pytest.raises(access.AccountLocked):
        access.authenticate(db_path, "bert", "wrong password!!")
    rows = users(db_path, "list").stdout.splitlines()[1:]
    assert rows[0].split()[:4] == ["bert", "hr", "locked", "until"]
    assert rows[0].endswith("never")
    assert rows[1].split() == ["carla", "admin", "active", "never"]


@pytest.mark.parametrize("args, stdin, message", [
    (["add", "dora"], PASSWORD, "needs --role"),
    (["add", "--role", "hr"], PASSWORD, "needs a USERNAME"),
    (["add", "dora", "--role", "hr"], "too short\n", "at least 12"),
    (["add", "d o r a", "--role", "hr"], PASSWORD, "Invalid user name"),
    (["remove", "nobody"], "", "No user named"),
    (["passwd", "nobody"], PASSWORD, "No user named"),
    (["passwd"], PASSWORD, "needs a USERNAME"),
])
def test_errors_exit_1_with_a_message(db_path, args, stdin, message):
    result = users(db_path, *args, stdin=stdin)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_duplicate_add_fails(db_path):
    assert users(db_path, "add", "dora", "--role", "hr", stdin=PASSWORD).returncode == 0
    again = users(db_path, "add", "DORA", "--role", "admin", stdin=PASSWORD)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert access.get_user(db_path, "dora").role == "hr"


def test_unknown_role_is_refused_by_the_parser(db_path):
    result = users(db_path, "add", "dora", "--role", "boss", stdin=PASSWORD)
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_cli_actions_are_audited_as_the_cli_user(db_path):
    from signals.access import audit
    users(db_path, "add", "erik", "--role", "committee", stdin=PASSWORD)
    entry = audit.entries(db_path).iloc[0]
    assert entry["action"] == "user_added" and entry["actor"].startswith("cli")
