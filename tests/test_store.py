import datetime as dt
import os
import stat

import duckdb
import pytest

from signals import store
from signals.ingest import pseudonym


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


def test_version_1_database_keeps_its_rows_through_the_migration(db_path):
    """A database made with schema 1 (primary keys) migrates to 2 with every row kept."""
    con = duckdb.connect(str(db_path))
    con.execute(store.MIGRATIONS[0])
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO workforce VALUES (DATE '2024-01-01', 'Zorg', 30, 28.5, 4000, 1)")
    con.execute("INSERT INTO absences VALUES ('k1', 'Zorg', DATE '2024-01-08', NULL, 'illness', 1)")
    con.close()
    with store.connect(db_path) as con:
        assert store.schema_version(con) == store.SCHEMA_VERSION
        assert con.execute("SELECT * FROM workforce").fetchall() == [
            (dt.date(2024, 1, 1), "Zorg", 30, 28.5, 4000.0, 1)]
        assert con.execute("SELECT count(*) FROM absences WHERE end_date IS NULL").fetchone()[0] == 1
        with pytest.raises(duckdb.ConstraintException):
            con.execute("INSERT INTO absences VALUES (NULL, 'Zorg', DATE '2024-01-08', NULL, 'illness', 1)")
