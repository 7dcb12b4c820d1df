"""Upload helpers: preview of a CSV, validation remembered per file, the error report frame."""

from __future__ import annotations

import hashlib
import io

import pandas as pd
import streamlit as st

PREVIEW_ROWS = 8
# The largest file the Upload page takes; .streamlit/config.toml server.maxUploadSize says the same.
MAX_UPLOAD_MEGABYTES = 200
VALIDATION_KEY = "upload_validations"
STORED_KEY = "upload_stored"
ERROR_COLUMNS = ("file", "line", "column", "value", "expected")


def too_large(data: bytes) -> bool:
    return len(data) > MAX_UPLOAD_MEGABYTES * 1024 * 1024


def size_in_megabytes(data: bytes) -> str:
    return f"{len(data) / (1024 * 1024):.0f}"


def content_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def preview_frame(data: bytes) -> pd.DataFrame | None:
    """The first rows as text, delimiter sniffed; None when the file cannot be read as CSV."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return pd.read_csv(io.BytesIO(data), sep=None, engine="python", nrows=PREVIEW_ROWS,
                               dtype=str, keep_default_na=False, encoding=encoding)
        except UnicodeDecodeError:
            continue
        except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError):
            return None
    return None


def validation_for(kind: str, file_name: str, data: bytes):
    """Validate once per (content, kind, name) in this session: widgets rerun the page often."""
    from signals.ingest import validate_bytes

    cache = st.session_state.setdefault(VALIDATION_KEY, {})
    key = (content_id(data), kind, file_name)
    if key not in cache:
        cache[key] = validate_bytes(kind, file_name, data)
    return cache[key]


def remember_stored(data: bytes, kind: str, result) -> None:
    st.session_state.setdefault(STORED_KEY, {})[(content_id(data), kind)] = result


def stored_result(data: bytes, kind: str):
    return st.session_state.get(STORED_KEY, {}).get((content_id(data), kind))
