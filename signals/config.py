"""Paths and settings, from the environment with sensible defaults."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"

DEFAULT_MIN_GROUP_SIZE = 10
MIN_GROUP_SIZE_FLOOR = 5           # the contract: configurable, never below 5
# The one upload limit of the app and the command line: 200 MiB. Streamlit's
# server.maxUploadSize (.streamlit/config.toml) is 210: its browser side counts
# 1,000,000 bytes per MB except on Windows, so 210 lets every browser send 200 MiB,
# and the Upload page then refuses anything above this limit with the CLI's message.
BYTES_PER_MB = 1024 * 1024
MAX_UPLOAD_BYTES = 200 * BYTES_PER_MB          # 209,715,200 bytes
DEFAULT_MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / BYTES_PER_MB
# More columns than this and a file is refused before anything else is read.
MAX_COLUMNS = 200
# A longer line (or quoted row over several lines) is refused with its line number; DuckDB
# reads lines up to this long (its own default, 2,000,000 bytes, is a little shorter).
MAX_LINE_BYTES = 2 * BYTES_PER_MB


class ConfigError(Exception):
    """A configuration mistake: one line a person can act on (`text`), never a traceback.

    `where` (a path) is for the command line only; the app never shows server paths.
    """

    def __init__(self, text: str, where: str = ""):
        super().__init__(text)
        self.text = text
        self.where = where

    def line(self) -> str:
        """The one-line message of the command line."""
        return f"{self.text} ({self.where})" if self.where else self.text


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
    """Largest file the app and the command line take, in MB of 1024 x 1024 bytes
    (SIGNALS_MAX_UPLOAD_MB can lower it; Streamlit lets no more than 200 MiB through)."""
    value = os.environ.get("SIGNALS_MAX_UPLOAD_MB")
    if not value:
        return DEFAULT_MAX_UPLOAD_MB
    try:
        limit = float(value)
    except ValueError:
        limit = -1.0
    if not 0 <= limit <= DEFAULT_MAX_UPLOAD_MB:
        raise ConfigError(f"SIGNALS_MAX_UPLOAD_MB must be a number of MB from 0 to "
                          f"{DEFAULT_MAX_UPLOAD_MB:g}; it is '{value}'.")
    return limit


def max_upload_bytes() -> int:
    return int(max_upload_mb() * BYTES_PER_MB)
