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


def _holds_text(values) -> bool:
    return (values.dtype == object or pd.api.types.is_string_dtype(values)
            or isinstance(values.dtype, pd.CategoricalDtype))


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells, column names and index labels cannot start a formula."""
    safe = frame.copy()
    safe.columns = [neutralise_cell(str(column)) for column in safe.columns]
    for position in range(safe.shape[1]):
        values = safe.iloc[:, position]
        if _holds_text(values):
            safe.isetitem(position, values.astype(object).map(neutralise_cell))
    if not isinstance(safe.index, pd.MultiIndex) and _holds_text(safe.index):
        safe.index = safe.index.map(neutralise_cell)
    safe.index.names = [neutralise_cell(name) for name in safe.index.names]
    return safe


def safe_csv(frame: pd.DataFrame, sep: str = ",") -> bytes:
    """The frame as UTF-8 CSV (with BOM, for Excel) with formula-like text neutralised.

    Every download of the app goes through here (tests/test_downloads_privacy.py checks it).
    """
    return neutralised(frame).to_csv(index=False, sep=sep).encode("utf-8-sig")


def safe_dataframe(frame: pd.DataFrame, **options):
    """st.dataframe for every table of the app. Its toolbar's own "Download as CSV" writes
    the cells exactly as shown (Streamlit neutralises nothing, and the toolbar cannot be
    turned off), so formula-like text is neutralised before it is shown, as in downloads."""
    return st.dataframe(neutralised(frame), **options)


def download_csv(label: str, frame: pd.DataFrame, file_name: str, key: str, sep: str = ",") -> None:
    st.download_button(label, data=safe_csv(frame, sep), file_name=file_name, mime="text/csv",
                       key=key, icon=":material/download:", on_click="ignore")
