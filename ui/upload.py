"""Upload helpers: preview of a CSV, validation remembered per file, the error report frame."""

from __future__ import annotations

import hashlib
import io

import pandas as pd
import streamlit as st

from signals import config
from signals.texts.formatting import format_number

PREVIEW_ROWS = 8
MULTIPART_MARGIN_BYTES = 1024 * 1024       # the form's own framing around the file


def keep_uploads_in_memory() -> None:
    """Streamlit's server (Starlette) spools an uploaded file over 1 MB to a temporary file
    on disk while it parses the request: keep every file up to the upload limit in memory,
    so an export's original ids never touch disk on their way in."""
    from starlette.formparsers import MultiPartParser

    wanted = config.MAX_UPLOAD_BYTES + MULTIPART_MARGIN_BYTES
    if MultiPartParser.spool_max_size < wanted:
        MultiPartParser.spool_max_size = wanted


keep_uploads_in_memory()       # before the Upload page's file_uploader can receive a file
VALIDATION_KEY = "upload_validations"
STORED_KEY = "upload_stored"
RECORDED_KEY = "upload_rejections_recorded"
ERROR_COLUMNS = ("file", "line", "column", "value", "expected")


def too_large(data: bytes) -> bool:
    """Over the one upload limit the command line applies too (signals.config)."""
    return len(data) > config.max_upload_bytes()


def upload_limit_megabytes(lang: str) -> str:
    """The limit as the language writes it ('0,5' in nl and fr)."""
    limit = config.max_upload_mb()
    return format_number(limit, lang, 0 if float(limit).is_integer() else 1)


def size_in_megabytes(data: bytes, lang: str) -> str:
    return format_number(len(data) / config.BYTES_PER_MB, lang, 0)


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


def validation_for(kind: str, file_name: str, data: bytes, known_departments: tuple = (),
                   role: str | None = None):
    """Validate once per (content, kind, name, stored department names, role) in this session:
    widgets rerun the page often. With `role`, the role's kinds and source are checked too."""
    from signals.ingest.by_role import validate_for
    from signals.ingest.loader import validate_bytes

    cache = st.session_state.setdefault(VALIDATION_KEY, {})
    key = (content_id(data), kind, file_name, hash(known_departments), role)
    if key not in cache:
        cache[key] = (validate_for(role, kind, file_name, data, list(known_departments))
                      if role else validate_bytes(kind, file_name, data, list(known_departments)))
    return cache[key]


def remember_stored(data: bytes, kind: str, result) -> None:
    st.session_state.setdefault(STORED_KEY, {})[(content_id(data), kind)] = result


def stored_result(data: bytes, kind: str):
    return st.session_state.get(STORED_KEY, {}).get((content_id(data), kind))


def rejection_recorded(data: bytes, kind: str) -> bool:
    """Whether this session already had a rejected file's history row written (or found)."""
    return (content_id(data), kind) in st.session_state.get(RECORDED_KEY, set())


def remember_rejection(data: bytes, kind: str, result, upload_id: int | None) -> None:
    """Once per content and kind: with its history row, the rejected `result` is shown as
    stored (rejected) from now on, and "Store all valid files" leaves it alone."""
    st.session_state.setdefault(RECORDED_KEY, set()).add((content_id(data), kind))
    if upload_id is not None:
        result.upload_id = upload_id
        remember_stored(data, kind, result)


def chosen_kind(index: int, uploaded, detected: str | None, kinds: list[str]) -> str:
    """The kind chosen for a file in its selectbox, else the detected one (even one not in
    `kinds`: another role's kind, which the server refuses and the page says so), else the
    first of `kinds`."""
    key = f"upload_kind_{index}_{uploaded.file_id}"
    return st.session_state.get(key) or detected or kinds[0]


def summary_frame(rows: list[dict], t) -> pd.DataFrame:
    """One row per chosen file: file, kind, result, rows, warnings, errors (labels in `t`)."""
    columns = ("file", "kind", "result", "rows", "warnings", "errors")
    frame = pd.DataFrame(rows, columns=list(columns))
    return frame.rename(columns=lambda c: t("upload.col." + c))


def undo_pending_key() -> str:
    return "upload_undo_pending"


def forget_stored(upload_id: int) -> None:
    """An undone upload's file may be stored again: drop what this session remembered of it."""
    stored = st.session_state.get(STORED_KEY, {})
    for key in [key for key, result in stored.items() if result.upload_id == upload_id]:
        del stored[key]
