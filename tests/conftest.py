"""Shared fixtures: every test gets its own database and pseudonymisation key."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path, monkeypatch):
    """Keep tests away from the user's key file and database."""
    monkeypatch.setenv("SIGNALS_KEY_FILE", str(tmp_path / "keys" / "pseudonym.key"))
    monkeypatch.setenv("SIGNALS_DB", str(tmp_path / "signals.duckdb"))
    monkeypatch.setenv("SIGNALS_DEMO_DB", str(tmp_path / "demo.duckdb"))
    monkeypatch.delenv("SIGNALS_PSEUDONYM_KEY", raising=False)
    monkeypatch.delenv("SIGNALS_MIN_GROUP_SIZE", raising=False)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "signals.duckdb"


@pytest.fixture(scope="session")
def demo_database_file(tmp_path_factory):
    """The demo organisation, built once per test session (with its own key); copy it, don't write it."""
    from signals.demo import build_demo

    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SIGNALS_KEY_FILE", str(folder / "demo.key"))
        build_demo(folder / "demo.duckdb")
    return folder / "demo.duckdb"


@pytest.fixture
def fast_hashing(monkeypatch):
    """Cheap argon2 parameters: tests that hash many passwords use this."""
    from argon2 import PasswordHasher

    from signals.access import control as access
    hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(access, "_hasher", lambda: hasher)


@pytest.fixture
def cycle_users(db_path):
    """One user per role for the prevention cycle's tests: comite, dr.wouters, hr.lead, root."""
    from signals.access import control as access
    for name, role in (("comite", "committee"), ("dr.wouters", "physician"), ("hr.lead", "hr"),
                       ("root", "admin")):
        access.add_user(db_path, name, role, "correct horse battery")


@pytest.fixture
def listen_on_localhost():
    """As .streamlit/config.toml says, whatever folder the tests run from."""
    from streamlit import config as streamlit_config

    before = streamlit_config.get_option("server.address")
    streamlit_config.set_option("server.address", "localhost")
    yield
    streamlit_config.set_option("server.address", before)
