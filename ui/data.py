"""Which database the app shows, and cached reads from it.

The real database is shown as soon as it holds data; until then the demo
organisation (built on first start). HR or the administrator can switch a
session back to the demo for training (the data page's toggle, SHOW_DEMO_KEY). Every cached read
is keyed on the database
path, its data version and the minimum group size, so an upload (from the app or
the CLI) shows on every page without a restart. Connections are opened briefly,
read-only, and closed: a CLI ingest may be writing at the same time.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st
from filelock import FileLock

from signals import config, store

KIND_DATE_COLUMNS = {
    "workforce": "month",
    "absences": "start_date",
    "turnover": "date",
    "incidents": "date",
    "reintegration": "request_date",
    "observations": "month",
    "survey": "date",
}


@dataclass(frozen=True)
class ActiveDatabase:
    path: str
    demo: bool
    version: int
    min_group_size: int

    @property
    def cache_key(self) -> tuple[str, int, int]:
        return (self.path, self.version, self.min_group_size)


def file_state(path: Path) -> tuple:
    """A cheap fingerprint of a DuckDB file and its write-ahead log: changes whenever data lands."""
    states = []
    for candidate in (path, Path(str(path) + ".wal")):
        try:
            stat = candidate.stat()
            states.append((stat.st_mtime_ns, stat.st_size))
        except FileNotFoundError:
            states.append(None)
    return tuple(states)


def _describe(path: Path) -> ActiveDatabase | None:
    """The database at `path` if it exists and holds data, else None (re-read only when it changed)."""
    if not path.exists():
        return None
    return _describe_state(str(path), file_state(path))


@contextmanager
def read_connection(path: Path | str, wait_seconds: float = 15.0):
    """A short read-only connection. While an upload in this same process holds a writable
    connection, DuckDB refuses a read-only one ("different configuration"): wait for it."""
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            con = store.open_connection(path, read_only=True, wait_seconds=wait_seconds)
            break
        except duckdb.ConnectionException as error:
            if "different configuration" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    try:
        yield con
    finally:
        con.close()


@st.cache_data(show_spinner=False, max_entries=16)
def _describe_state(path: str, state: tuple) -> ActiveDatabase | None:
    with read_connection(path) as con:
        try:
            if not store.has_data(con):
                return None
        except duckdb.CatalogException:      # a file without our schema yet
            return None
        return ActiveDatabase(path, store.is_demo(con), store.data_version(con),
                              store.min_group_size(con))


def ensure_demo_database(building_message: str = "") -> Path:
    """Build the demo organisation once; a file lock keeps two sessions from racing
    (and a second session from reading a demo that is still being built)."""
    path = config.demo_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path) + ".lock"):
        if _describe(path) is None:
            from signals.demo import build_demo

            with st.spinner(building_message):
                build_demo(path)
    return path


SHOW_DEMO_KEY = "show_demo_organisation"


def real_database_has_data() -> bool:
    """Whether the organisation's own database holds data (then the demo is no longer shown)."""
    return _describe(config.default_db_path()) is not None


def demo_chosen() -> bool:
    """This session asked for the demo organisation (for training), though real data exists."""
    return bool(st.session_state.get(SHOW_DEMO_KEY, False))


def active_database(building_message: str = "", show_demo: bool = False) -> ActiveDatabase:
    """The real database when it holds data and the demo was not asked for, else the demo
    organisation (built on first use)."""
    real = _describe(config.default_db_path())
    if real is not None and not show_demo:
        return ActiveDatabase(real.path, False, real.version, real.min_group_size)
    demo = _describe(ensure_demo_database(building_message))
    return ActiveDatabase(demo.path, True, demo.version, demo.min_group_size)


@st.cache_data(show_spinner=False, max_entries=8)
def load_indicators(path: str, version: int, min_group_size: int) -> pd.DataFrame:
    """All indicators, small groups suppressed, those of files never uploaded blank."""
    from signals.measures.indicators import blank_indicators, indicator_frame

    with read_connection(path) as con:
        frame = indicator_frame(con, min_group_size=min_group_size, suppress=True)
    return blank_indicators(frame, load_unrecorded(path, version), ("numerator", "value"))


@st.cache_data(show_spinner=False, max_entries=8)
def load_evaluation(path: str, version: int, min_group_size: int):
    """The alerts evaluation (chart, signals, funnel frames)."""
    from signals.alerts.detection import evaluate, without_figures

    with read_connection(path) as con:
        evaluation = evaluate(con, min_group_size=min_group_size)
    return without_figures(evaluation, load_unrecorded(path, version))


@st.cache_data(show_spinner=False, max_entries=8)
def load_unrecorded(path: str, version: int) -> tuple[str, ...]:
    """Indicators whose records were never uploaded: shown as not known, with a notice."""
    from signals.measures.indicators import unrecorded_indicators

    with read_connection(path) as con:
        return unrecorded_indicators(con)


@st.cache_data(show_spinner=False, max_entries=8)
def load_incomplete(path: str, version: int) -> pd.DataFrame:
    """Months whose workforce is stored but another kind not yet (signals.measures.completeness)."""
    from signals.measures.completeness import incomplete_months

    with read_connection(path) as con:
        return incomplete_months(con)


@st.cache_data(show_spinner=False, max_entries=32)
def load_hotspots(path: str, version: int, min_group_size: int, month) -> pd.DataFrame:
    """Departments ranked by their signals in `month` (None: the latest month)."""
    from signals.alerts.detection import hotspots

    return hotspots(load_evaluation(path, version, min_group_size), month=month)


@st.cache_data(show_spinner=False, max_entries=8)
def load_coverage(path: str, version: int) -> pd.DataFrame:
    """Rows per month and record kind, over every month from the first to the last."""
    selects = " UNION ALL ".join(
        f"SELECT '{kind}' AS kind, date_trunc('month', {column}) AS month, count(*) AS rows "
        f"FROM {kind} GROUP BY ALL"
        for kind, column in KIND_DATE_COLUMNS.items()
    )
    query = f"""
        WITH counts AS ({selects}),
        span AS (SELECT min(month) AS first_month, max(month) AS last_month FROM counts),
        months AS (
            SELECT unnest(generate_series(first_month, last_month, INTERVAL 1 MONTH)) AS month
            FROM span WHERE first_month IS NOT NULL
        ),
        kinds AS (SELECT unnest(?) AS kind)
        SELECT months.month::DATE AS month, kinds.kind, coalesce(counts.rows, 0) AS rows
        FROM months CROSS JOIN kinds
        LEFT JOIN counts ON counts.month = months.month AND counts.kind = kinds.kind
        ORDER BY month, kinds.kind
    """
    with read_connection(path) as con:
        return con.execute(query, [list(KIND_DATE_COLUMNS)]).df()


def load_upload_history(path: Path | str) -> pd.DataFrame:
    """The upload log of a database (not cached: it changes with rejected uploads too)."""
    if not Path(path).exists():
        return pd.DataFrame()
    with read_connection(path) as con:
        if store.schema_version(con) == 0:
            return pd.DataFrame()
        # UTC as a plain TIMESTAMP: DuckDB's .df() of a TIMESTAMPTZ calls a pandas API
        # deprecated in pandas 3.1
        return con.execute(
            """
            SELECT upload_id, timezone('UTC', uploaded_at) AS uploaded_at, file_name, kind, status,
                   rows_total,
                   rows_new, rows_replaced, rows_unchanged, error_count, uploaded_by
            FROM uploads ORDER BY upload_id DESC LIMIT 200
            """
        ).df()
