import os
import stat

import duckdb
import pytest

from signals import pseudonym, store


def test_new_database_gets_current_schema(db_path):
    with store.connect(db_path) as con:
        assert store.schema_version(con) == store.SCHEMA_VERSION
        tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert set(store.DATA_TABLES) | {"meta", "uploads"} <= tables


def test_reopening_does_not_migrate_twice(db_path):
    with store.connect(db_path) as con:
        store.set_meta(con, "probe", "kept")
    with store.connect(db_path) as con:
        assert store.get_meta(con, "probe") == "kept"
        assert store.schema_version(con) == store.SCHEMA_VERSION


def test_newer_schema_is_refused(db_path):
    with store.connect(db_path) as con:
        store.set_meta(con, "schema_version", str(store.SCHEMA_VERSION + 1))
    with pytest.raises(RuntimeError, match="newer than this program"):
        store.open_connection(db_path)


def test_read_only_on_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        store.open_connection(tmp_path / "missing.duckdb", read_only=True)


def test_key_file_created_private_and_stable():
    key = pseudonym.load_key()
    path = pseudonym.config.key_file_path()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert pseudonym.load_key() == key
    assert pseudonym.pseudonymise("E1", key) == pseudonym.pseudonymise("E1", key)
    assert pseudonym.pseudonymise("E1", key) != pseudonym.pseudonymise("E2", key)


def test_operator_key_and_mismatch(db_path, monkeypatch):
    with store.connect(db_path) as con:
        pseudonym.check_key(con, pseudonym.load_key())
    monkeypatch.setenv("SIGNALS_PSEUDONYM_KEY", "ab" * 32)
    with store.connect(db_path) as con:
        with pytest.raises(pseudonym.KeyMismatch, match="another pseudonymisation key"):
            pseudonym.check_key(con, pseudonym.load_key())
