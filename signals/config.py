"""Paths and settings, from the environment with sensible defaults."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"

DEFAULT_MIN_GROUP_SIZE = 10
MIN_GROUP_SIZE_FLOOR = 5           # the contract: configurable, never below 5
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


class ConfigError(ValueError):
    """A setting that cannot be used; its message is one line for the user."""


def check_min_group_size(value) -> int:
    """`value` as a minimum group size: a whole number of at least MIN_GROUP_SIZE_FLOOR.

    Anything else raises ConfigError: a lower minimum would quietly turn small-group
    suppression off, so it is refused rather than raised to the floor.
    """
    text = str(value).strip()
    try:
        number = int(text)
    except ValueError:
        raise ConfigError(f"The minimum group size must be a whole number of at least "
                          f"{MIN_GROUP_SIZE_FLOOR}, not {text[:40]!r}.") from None
    if number < MIN_GROUP_SIZE_FLOOR:
        raise ConfigError(f"The minimum group size must be at least {MIN_GROUP_SIZE_FLOOR} "
                          f"(got {number}): smaller groups could be recognised.")
    return number


def min_group_size() -> int:
    """Minimum group size below which figures are suppressed (SIGNALS_MIN_GROUP_SIZE);
    ConfigError when it is set to something below MIN_GROUP_SIZE_FLOOR or not a number."""
    value = os.environ.get("SIGNALS_MIN_GROUP_SIZE")
    if value is None or not value.strip():
        return DEFAULT_MIN_GROUP_SIZE
    try:
        return check_min_group_size(value)
    except ConfigError as error:
        raise ConfigError(f"SIGNALS_MIN_GROUP_SIZE: {error}") from None


def max_upload_mb() -> float:
    """Largest file the ingest reads, in MB of 1024 x 1024 bytes (SIGNALS_MAX_UPLOAD_MB)."""
    value = os.environ.get("SIGNALS_MAX_UPLOAD_MB")
    return float(value) if value else DEFAULT_MAX_UPLOAD_MB
