import datetime as dt
import os
import sqlite3
import stat

import pytest

from signals.access import audit
from signals.access import control as access

PASSWORD = "correct horse battery"
T0 = dt.datetime(2025, 3, 10, 9, 0, tzinfo=dt.UTC)


pytestmark = pytest.mark.usefixtures("fast_hashing")

@pytest.fixture
def anna(db_path):
    return access.add_user(db_path, "anna", "physician", PASSWORD, now=T0)


def minutes(count: float) -> dt.timedelta:
    return dt.timedelta(minutes=count)


# --- the store ----------------------------------------------------------------------------

def test_access_store_sits_next_to_the_data_database(tmp_path):
    assert access.access_db_path(tmp_path / "org" / "signals.duckdb") == (
        tmp_path / "org" / "signals.access.sqlite")


def test_store_is_private_and_migrated(db_path, anna):
    path = access.access_db_path(db_path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == access.SCHEMA_VERSION
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_store_is_refused(db_path, anna):
    with sqlite3.connect(access.access_db_path(db_path)) as con:
        con.execute(f"PRAGMA user_version = {access.SCHEMA_VERSION + 1}")
    with pytest.raises(RuntimeError, match="newer than this program"):
        access.list_users(db_path)


# --- users --------------------------------------------------------------------------------

def test_password_is_stored_only_as_an_argon2_hash(db_path, anna):
    path = access.access_db_path(db_path)
    with sqlite3.connect(path) as con:
        stored = con.execute("SELECT password_hash FROM users").fetchone()[0]
    assert stored.startswith("$argon2id$")
    raw = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    assert PASSWORD.encode() not in raw


def test_usernames_are_trimmed_and_lower_case(db_path):
    user = access.add_user(db_path, "  Bert.Peeters ", "hr", PASSWORD)
    assert user.username == "bert.peeters"
    assert access.authenticate(db_path, " BERT.PEETERS", PASSWORD) is not None
    assert [u.username for u in access.list_users(db_path)] == ["bert.peeters"]


@pytest.mark.parametrize("username, role, password, message", [
    ("x", "hr", PASSWORD, "Invalid user name"),
    ("with space", "hr", PASSWORD, "Invalid user name"),
    ("carla", "boss", PASSWORD, "Unknown role"),
    ("carla", "hr", "short", "at least 12"),
    ("carla", "hr", "x" * 2000, "at most"),
    ("carlacarlacarla", "hr", "CarlaCarlaCarla", "must not be the user name"),
])
def test_invalid_users_are_refused(db_path, username, role, password, message):
    with pytest.raises(ValueError, match=message):
        access.add_user(db_path, username, role, password)
    assert not access.users_configured(db_path)


def test_duplicate_user_is_refused(db_path, anna):
    with pytest.raises(ValueError, match="already exists"):
        access.add_user(db_path, "ANNA", "hr", PASSWORD)


def test_users_configured_does_not_create_the_store(db_path):
    assert access.users_configured(db_path) is False
    assert not access.access_db_path(db_path).exists()
    access.add_user(db_path, "anna", "admin", PASSWORD)
    assert access.users_configured(db_path) is True


def test_remove_user_ends_their_sessions(db_path, anna):
    session = access.authenticate(db_path, "anna", PASSWORD)
    access.remove_user(db_path, "anna", actor="admin1")
    assert access.session_user(db_path, session.token) is None
    assert access.authenticate(db_path, "anna", PASSWORD) is None
    with pytest.raises(access.UnknownUser):
        access.remove_user(db_path, "anna")


def test_set_password_replaces_the_old_one_and_ends_sessions(db_path, anna):
    session = access.authenticate(db_path, "anna", PASSWORD)
    access.set_password(db_path, "anna", "another long secret")
    assert access.session_user(db_path, session.token) is None
    assert access.authenticate(db_path, "anna", PASSWORD) is None
    assert access.authenticate(db_path, "anna", "another long secret").role == "physician"


# --- login and lock-out -------------------------------------------------------------------

def test_wrong_password_and_unknown_user_both_fail(db_path, anna):
    assert access.authenticate(db_path, "anna", "wrong password!!", now=T0) is None
    assert access.authenticate(db_path, "nobody", PASSWORD, now=T0) is None
    log = audit.entries(db_path)
    failures = log[log["action"] == "login_failed"]
    assert sorted(failures["actor"]) == sorted(["anna", access.UNKNOWN_ACTOR])
    assert not log["actor"].str.contains("nobody").any()


def test_successful_login_returns_a_session_and_records_it(db_path, anna):
    session = access.authenticate(db_path, "anna", PASSWORD, now=T0)
    assert session.username == "anna" and session.role == "physician"
    assert len(session.token) >= 40
    assert access.get_user(db_path, "anna").last_login == T0
    with sqlite3.connect(access.access_db_path(db_path)) as con:
        stored = con.execute("SELECT token_sha256 FROM sessions").fetchone()[0]
    assert stored != session.token and len(stored) == 64
    assert "login" in set(audit.entries(db_path)["action"])


def fail(db_path, name, times, *, client="10.0.0.9", at=T0):
    for attempt in range(times):
        assert access.authenticate(db_path, name, "wrong password!!", client=client,
                                   now=at + minutes(attempt / 10)) is None


def test_five_failures_block_the_name_from_that_client_for_fifteen_minutes(db_path, anna):
    fail(db_path, "anna", access.MAX_FAILURES - 1)
    with pytest.raises(access.LoginBlocked) as blocked:
        access.authenticate(db_path, "anna", "wrong password!!", client="10.0.0.9", now=T0 + minutes(1))
    assert blocked.value.until == T0 + minutes(1 + 15)
    # Blocked: even the right password fails from that client ...
    with pytest.raises(access.LoginBlocked):
        access.authenticate(db_path, "anna", PASSWORD, client="10.0.0.9", now=T0 + minutes(15))
    assert access.blocked_clients(db_path, "anna", now=T0 + minutes(15)) == [T0 + minutes(16)]
    session = access.authenticate(db_path, "anna", PASSWORD, client="10.0.0.9", now=T0 + minutes(16))
    assert session is not None


def test_an_attacker_elsewhere_cannot_lock_the_real_user_out(db_path, anna):
    fail(db_path, "anna", access.MAX_FAILURES - 1, client="203.0.113.7")
    with pytest.raises(access.LoginBlocked):
        access.authenticate(db_path, "anna", "wrong password!!", client="203.0.113.7", now=T0 + minutes(1))
    # anna, at her own desk, logs in at once; her own typo does not count against the attacker's pair.
    assert access.authenticate(db_path, "anna", "typo typo typo!", client="10.0.0.9", now=T0 + minutes(2)) is None
    assert access.authenticate(db_path, "anna", PASSWORD, client="10.0.0.9", now=T0 + minutes(2)) is not None
    with pytest.raises(access.LoginBlocked):
        access.authenticate(db_path, "anna", PASSWORD, client="203.0.113.7", now=T0 + minutes(3))


def test_unknown_and_real_names_get_the_same_answers(db_path, anna):
    fail(db_path, "anna", access.MAX_FAILURES - 1)
    fail(db_path, "nobody", access.MAX_FAILURES - 1)
    answers = []
    for name in ("anna", "nobody"):
        with pytest.raises(access.LoginBlocked) as blocked:
            access.authenticate(db_path, name, "wrong password!!", client="10.0.0.9", now=T0 + minutes(1))
        answers.append((type(blocked.value), str(blocked.value), blocked.value.until))
    assert answers[0] == answers[1]
    assert "anna" not in answers[0][1]
    log = audit.entries(db_path, limit=None)
    assert not log["detail"].str.contains("nobody").any()
    assert not log["actor"].str.contains("nobody").any()


def test_unknown_names_cost_a_password_check_too(db_path, anna, monkeypatch):
    checked = []
    real = access._password_matches
    monkeypatch.setattr(access, "_password_matches", lambda h, p: checked.append(h) or real(h, p))
    access.authenticate(db_path, "nobody", PASSWORD, client="10.0.0.9", now=T0)
    access.authenticate(db_path, "anna", "wrong password!!", client="10.0.0.9", now=T0)
    assert checked[0] == access._dummy_hash()
    assert len(checked) == 2 and checked[1].startswith("$argon2id$") and checked[1] != checked[0]


def test_blocks_grow_for_a_pair_that_goes_on(db_path, anna):
    fail(db_path, "anna", access.MAX_FAILURES - 1)
    with pytest.raises(access.LoginBlocked) as first:
        access.authenticate(db_path, "anna", "wrong password!!", client="10.0.0.9", now=T0 + minutes(1))
    after = first.value.until
    fail(db_path, "anna", access.MAX_FAILURES - 1, at=after)
    with pytest.raises(access.LoginBlocked) as second:
        access.authenticate(db_path, "anna", "wrong password!!", client="10.0.0.9", now=after + minutes(1))
    assert second.value.until == after + minutes(1 + 30)


def test_the_failure_table_keeps_neither_names_nor_addresses(db_path, anna):
    fail(db_path, "my secret pass", 2, client="198.51.100.23")
    raw = b"".join(p.read_bytes() for p in access.access_db_path(db_path).parent.glob("signals.access*"))
    assert b"my secret pass" not in raw and b"198.51.100.23" not in raw


@pytest.fixture
def no_env_proxies(monkeypatch):
    monkeypatch.delenv("SIGNALS_TRUSTED_PROXIES", raising=False)
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)


@pytest.mark.parametrize("peer, forwarded, client", [
    ("203.0.113.7", "10.1.1.1", "203.0.113.7"),       # a direct peer: its address, the header ignored
    (None, None, "local"),                            # Streamlit hides a loopback peer
    ("2001:db8:1:2:a:b:c:d", None, "2001:db8:1:2::/64"),
    ("::ffff:203.0.113.7", None, "203.0.113.7"),
])
def test_client_identity(no_env_proxies, peer, forwarded, client):
    assert access.client_identity(peer, forwarded) == client


@pytest.mark.parametrize("peer, forwarded", [
    (None, "6.6.6.6"),                      # a local connection with a made-up header
    (None, "6.6.6.6, 198.51.100.23"),
    ("6.6.6.6", "6.6.6.6"),                 # ... as Streamlit's server hands it on (it trusts loopback)
    ("198.51.100.23", "6.6.6.6, 198.51.100.23"),
])
def test_a_forwarded_header_from_an_untrusted_peer_never_names_the_client(no_env_proxies, peer, forwarded):
    # Whatever the header says, one client: an attacker cannot rotate through it.
    assert access.client_identity(peer, forwarded) == "forwarded"


def test_forged_hops_from_a_remote_peer_change_nothing(no_env_proxies, monkeypatch):
    monkeypatch.setenv("SIGNALS_TRUSTED_PROXIES", "127.0.0.1")
    for forwarded in ("1.1.1.1", "1.1.1.1, 2.2.2.2", "6.6.6.6, 9.9.9.9"):
        assert access.client_identity("6.6.6.6", forwarded) == "6.6.6.6"


@pytest.mark.parametrize("peer, forwarded, client", [
    (None, "6.6.6.6, 198.51.100.23", "198.51.100.23"),           # the hop the local proxy added
    ("198.51.100.23", "6.6.6.6, 198.51.100.23", "198.51.100.23"),  # as Streamlit's server gives it
    ("10.0.0.5", "6.6.6.6, 198.51.100.23", "198.51.100.23"),       # a proxy on another host
    ("10.0.0.5", "198.51.100.23, 10.0.0.6", "198.51.100.23"),      # two proxies in a row
    ("10.0.0.5", "2001:db8::1, 2001:db8::2", "2001:db8::/64"),
    ("10.0.0.5", "not an address, 10.0.0.6", "10.0.0.6"),          # stops at the last proxy
    ("10.0.0.5", None, "10.0.0.5"),
])
def test_forwarded_hops_count_through_trusted_proxies(no_env_proxies, monkeypatch, peer, forwarded, client):
    monkeypatch.setenv("SIGNALS_TRUSTED_PROXIES", "127.0.0.1, ::1, 10.0.0.0/24")
    assert access.client_identity(peer, forwarded) == client


def test_a_wrong_trusted_proxy_is_ignored_with_a_warning(no_env_proxies, monkeypatch):
    monkeypatch.setenv("SIGNALS_TRUSTED_PROXIES", "proxy.example, 10.0.0.5")
    with pytest.warns(UserWarning, match="proxy.example"):
        assert access.client_identity("10.0.0.5", "198.51.100.23") == "198.51.100.23"


def test_rotating_ipv6_addresses_within_a_64_stays_one_client(db_path, anna, no_env_proxies):
    for number in range(1, access.MAX_FAILURES + 1):       # a new address for every attempt
        client = access.client_identity(f"2001:db8:0:7::{number:x}")
        try:
            access.authenticate(db_path, "anna", "wrong password!!", client=client,
                                now=T0 + minutes(number / 10))
        except access.LoginBlocked:
            assert number == access.MAX_FAILURES
    with pytest.raises(access.LoginBlocked):
        access.authenticate(db_path, "anna", PASSWORD, client=access.client_identity("2001:db8:0:7::99"),
                            now=T0 + minutes(1))
    other = access.client_identity("2001:db8:0:8::1")      # the next /64: another client
    assert access.authenticate(db_path, "anna", PASSWORD, client=other, now=T0 + minutes(1))


def test_failures_spread_over_more_than_the_window_do_not_lock(db_path, anna):
    for attempt in range(access.MAX_FAILURES - 1):
        access.authenticate(db_path, "anna", "wrong password!!", now=T0 + minutes(attempt))
    assert access.authenticate(db_path, "anna", "wrong password!!", now=T0 + minutes(16)) is None
    assert access.authenticate(db_path, "anna", PASSWORD, now=T0 + minutes(17)) is not None


def test_a_successful_login_resets_the_failure_count(db_path, anna):
    for attempt in range(access.MAX_FAILURES - 1):
        access.authenticate(db_path, "anna", "wrong password!!", now=T0 + minutes(attempt))
    assert access.authenticate(db_path, "anna", PASSWORD, now=T0 + minutes(5)) is not None
    for attempt in range(access.MAX_FAILURES - 1):
        assert access.authenticate(db_path, "anna", "wrong password!!", now=T0 + minutes(6 + attempt)) is None


def test_admin_can_unlock(db_path, anna):
    for _ in range(access.MAX_FAILURES - 1):
        access.authenticate(db_path, "anna", "wrong password!!", now=T0)
    with pytest.raises(access.LoginBlocked):
        access.authenticate(db_path, "anna", "wrong password!!", now=T0)
    access.unlock_user(db_path, "anna", actor="root")
    assert access.authenticate(db_path, "anna", PASSWORD, now=T0 + minutes(1)) is not None


# --- sessions -----------------------------------------------------------------------------

def test_session_expires_after_thirty_idle_minutes(db_path, anna):
    session = access.authenticate(db_path, "anna", PASSWORD, now=T0)
    assert access.session_user(db_path, session.token, now=T0 + minutes(29)).username == "anna"
    # That use refreshed it: another 29 minutes later it still lives.
    assert access.session_user(db_path, session.token, now=T0 + minutes(58)) is not None
    assert access.session_user(db_path, session.token, now=T0 + minutes(88)) is None
    # Once expired, it stays gone.
    assert access.session_user(db_path, session.token, now=T0 + minutes(59)) is None


def test_session_expires_eight_hours_after_login_even_when_used(db_path, anna):
    session = access.authenticate(db_path, "anna", PASSWORD, now=T0)
    for step in range(1, 24):          # every 20 minutes up to 7 h 40
        assert access.session_user(db_path, session.token, now=T0 + minutes(20 * step)) is not None
    assert access.session_user(db_path, session.token, now=T0 + dt.timedelta(hours=8)) is None


def test_logout_ends_the_session(db_path, anna):
    session = access.authenticate(db_path, "anna", PASSWORD)
    other = access.authenticate(db_path, "anna", PASSWORD)
    access.logout(db_path, session.token)
    assert access.session_user(db_path, session.token) is None
    assert access.session_user(db_path, other.token) is not None
    access.logout(db_path, session.token)                 # twice: no error
    access.logout(db_path, None)
    assert access.session_user(db_path, "made-up-token") is None
    assert access.session_user(db_path, "") is None
    assert "logout" in set(audit.entries(db_path)["action"])


# --- roles and pages ----------------------------------------------------------------------

EXPECTED_PAGES = {
    "committee": ["overview", "trends", "hotspots", "prediagnosis", "survey", "reintegration",
                  "upload", "actions", "method"],
    "physician": ["overview", "trends", "hotspots", "prediagnosis", "survey", "reintegration",
                  "upload", "actions", "method"],
    "psychosocial_adviser": ["overview", "trends", "hotspots", "prediagnosis", "survey",
                             "reintegration", "upload", "actions", "method"],
    "hr": ["overview", "trends", "hotspots", "prediagnosis", "survey", "reintegration", "upload",
           "data", "actions", "method"],
    "admin": ["data", "audit", "actions", "method"],
}


@pytest.mark.parametrize("role", access.ROLES)
@pytest.mark.parametrize("page", access.PAGES)
def test_role_page_matrix(role, page):
    assert access.can_view(role, page) is (page in EXPECTED_PAGES[role])


@pytest.mark.parametrize("role", access.ROLES)
def test_pages_for_lists_the_role_pages_in_menu_order(role):
    assert access.pages_for(role) == EXPECTED_PAGES[role]


def test_every_page_has_roles_only_the_physician_reviews_only_the_admin_sets():
    assert set(access.PAGE_ROLES) == set(access.PAGES)
    assert all(access.PAGE_ROLES[page] <= set(access.ROLES) for page in access.PAGES)
    assert [role for role in access.ROLES if access.can_review(role)] == [
        "physician", "psychosocial_adviser"]
    assert [role for role in access.ROLES if access.can_change_settings(role)] == ["admin"]


@pytest.mark.parametrize("call", [
    lambda: access.pages_for("boss"),
    lambda: access.can_view("boss", "overview"),
    lambda: access.can_view("Admin", "audit"),
    lambda: access.can_review("boss"),
    lambda: access.can_change_settings("boss"),
    lambda: access.can_view("admin", "secret-page"),
])
def test_unknown_role_or_page_is_rejected(call):
    with pytest.raises(ValueError, match="Unknown"):
        call()


@pytest.mark.parametrize("address, users, allowed", [
    ("127.0.0.1", False, True),
    ("::1", False, True),
    ("[::1]", False, True),
    ("localhost", False, True),
    ("LOCALHOST", False, True),
    ("127.0.0.2", False, True),
    ("0.0.0.0", False, False),
    ("::", False, False),
    ("", False, False),
    (None, False, False),
    ("192.168.1.20", False, False),
    ("signals.example.org", False, False),
    ("0.0.0.0", True, True),
    ("192.168.1.20", True, True),
])
def test_without_users_the_app_only_listens_on_localhost(address, users, allowed):
    assert access.may_listen_on(address, users) is allowed


# --- single sign-on -----------------------------------------------------------------------

def test_sso_email_maps_to_the_configured_role(db_path, anna):
    assert access.role_for_sso_email(db_path, "anna@example.org") is None
    access.set_email(db_path, "anna", "Anna@Example.org")
    assert access.role_for_sso_email(db_path, " anna@example.ORG ") == "physician"
    assert access.role_for_sso_email(db_path, "other@example.org") is None
    assert access.role_for_sso_email(db_path, None) is None
    assert access.role_for_sso_email(db_path, "not an address") is None
    access.set_email(db_path, "anna", None)
    assert access.role_for_sso_email(db_path, "anna@example.org") is None


def test_an_email_belongs_to_one_user(db_path, anna):
    access.add_user(db_path, "bert", "hr", PASSWORD, email="bert@example.org")
    with pytest.raises(ValueError, match="already has"):
        access.set_email(db_path, "anna", "BERT@example.org")


def test_sso_without_a_store_is_none(tmp_path):
    assert access.role_for_sso_email(tmp_path / "none.duckdb", "a@example.org") is None
