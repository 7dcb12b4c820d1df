"""CSV downloads that are safe to open in a spreadsheet."""

from __future__ import annotations

import pandas as pd
import streamlit as st

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """A text cell starting like a formula gets a leading apostrophe (CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_csv(frame: pd.DataFrame, sep: str = ",") -> bytes:
    """The frame as UTF-8 CSV (with BOM, for Excel) with formula-like text neutralised.

    Every download of the app goes through here (tests/test_downloads_privacy.py checks it).
    """
    safe = frame.copy()
    safe.columns = [neutralise_cell(str(column)) for column in safe.columns]
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise_cell)
    return safe.to_csv(index=False, sep=sep).encode("utf-8-sig")


def download_csv(label: str, frame: pd.DataFrame, file_name: str, key: str, sep: str = ",") -> None:
    st.download_button(label, data=safe_csv(frame, sep), file_name=file_name, mime="text/csv",
                       key=key, icon=":material/download:", on_click="ignore")
