"""Paths and settings, from the environment with sensible defaults."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"

DEFAULT_MIN_GROUP_SIZE = 10
DEFAULT_MAX_UPLOAD_MB = 200.0      # Streamlit's own upload limit by default


def default_db_path() -> Path:
    """The organisation's database: SIGNALS_DB or data/signals.duckdb."""
    return Path(os.environ.get("SIGNALS_DB") or DATA_DIR / "signals.duckdb")


def demo_db_path() -> Path:
    """The demo organisation's database, kept apart from real data."""
    return Path(os.environ.get("SIGNALS_DEMO_DB") or DATA_DIR / "demo.duckdb")


def key_file_path() -> Path:
    """Where the pseudonymisation key lives: outside the database file and outside data/."""
    configured = os.environ.get("SIGNALS_KEY_FILE")
    if configured:
        return Path(configured)
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "burnout-signals" / "pseudonym.key"


def audit_key_file_path() -> Path:
    """The audit log's HMAC key: SIGNALS_AUDIT_KEY_FILE, else `audit.key` beside the
    pseudonymisation key. The chain heads live in `audit-heads/` beside it."""
    configured = os.environ.get("SIGNALS_AUDIT_KEY_FILE")
    if configured:
        return Path(configured)
    return key_file_path().parent / "audit.key"


def min_group_size() -> int:
    """Minimum group size below which figures are suppressed (SIGNALS_MIN_GROUP_SIZE)."""
    value = os.environ.get("SIGNALS_MIN_GROUP_SIZE")
    return int(value) if value else DEFAULT_MIN_GROUP_SIZE


def max_upload_mb() -> float:
    """Largest file the ingest reads, in MB of 1024 x 1024 bytes (SIGNALS_MAX_UPLOAD_MB)."""
    value = os.environ.get("SIGNALS_MAX_UPLOAD_MB")
    return float(value) if value else DEFAULT_MAX_UPLOAD_MB
