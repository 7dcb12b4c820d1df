"""CSV downloads that open cleanly in Belgian Excel, and safe to open in a spreadsheet.

Every download button of the app is `download_csv`: the main button writes the
file as Excel on a Belgian PC reads it (';' between fields, decimal comma, UTF-8
with BOM, headers in the screen's language, yes/no in words); a small second
button gives the plain machine CSV (',' and '.', the contract's column names, no
BOM). Both go through `safe_csv`, which neutralises spreadsheet formulas.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from signals.texts.i18n import has_text, text

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
EXCEL = {"sep": ";", "decimal": ",", "bom": True}
MACHINE = {"sep": ",", "decimal": ".", "bom": False}


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


def safe_csv(frame: pd.DataFrame, sep: str = ",", decimal: str = ".", bom: bool = True) -> bytes:
    """The frame as UTF-8 CSV with formula-like text neutralised (BOM for Excel).

    Every download of the app goes through here (tests/test_downloads_privacy.py checks it).
    """
    csv = neutralised(frame).to_csv(index=False, sep=sep, decimal=decimal)
    return csv.encode("utf-8-sig" if bom else "utf-8")


def safe_dataframe(frame: pd.DataFrame, **options):
    """st.dataframe for every table of the app. Its toolbar's own "Download as CSV" writes
    the cells exactly as shown (Streamlit neutralises nothing, and the toolbar cannot be
    turned off), so formula-like text is neutralised before it is shown, as in downloads."""
    return st.dataframe(neutralised(frame), **options)


def column_label(name: str, lang: str) -> str:
    """A column's header in the language ('reason_nl' is the reason); unknown names stay."""
    key = "csv." + ("reason" if name.startswith("reason_") else name)
    return text(key, lang) if has_text(key) else name


def _yes_no(value, lang: str):
    if isinstance(value, bool):
        return text("csv.yes" if value else "csv.no", lang)
    return value


# Coded cells written as words in the Excel download: column -> {code: text key}.
CODED_COLUMNS = {"suppression_reason": {"small": "csv.suppression_small",
                                        "complementary": "suppressed.complementary"}}


def excel_frame(frame: pd.DataFrame, lang: str, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """The frame with headers in the language, booleans and codes in words."""
    shown = frame.copy()
    for column, keys in CODED_COLUMNS.items():
        if column in shown.columns:
            shown[column] = shown[column].map(
                lambda code, keys=keys: text(keys[code], lang) if code in keys else code)
    for column in shown.columns:
        if pd.api.types.is_bool_dtype(shown[column]) or shown[column].map(
                lambda value: isinstance(value, bool)).any():
            shown[column] = shown[column].map(lambda value: _yes_no(value, lang))
    labels = labels or {}
    shown.columns = [labels.get(column, column_label(str(column), lang)) for column in shown.columns]
    return shown


def excel_csv(frame: pd.DataFrame, lang: str, labels: dict[str, str] | None = None) -> bytes:
    """For Belgian Excel: ';', decimal comma, UTF-8 with BOM, headers in `lang`."""
    return safe_csv(excel_frame(frame, lang, labels), **EXCEL)


def machine_csv(frame: pd.DataFrame) -> bytes:
    """For another program: ',', decimal point, UTF-8, the frame's own column names."""
    return safe_csv(frame, **MACHINE)


def download_csv(label: str, frame: pd.DataFrame, file_name: str, key: str, lang: str,
                 labels: dict[str, str] | None = None,
                 machine_frame: pd.DataFrame | None = None) -> None:
    """The Excel download (`key`) and, next to it, the plain machine CSV (`key`_plain).

    `labels` overrides headers of the Excel file; `machine_frame` replaces the frame in the
    machine file (a template's English names and codes)."""
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        st.download_button(label, data=excel_csv(frame, lang, labels), file_name=file_name,
                           mime="text/csv", key=key, icon=":material/download:", on_click="ignore",
                           help=text("download.excel_help", lang))
        plain = machine_frame if machine_frame is not None else frame
        st.download_button(text("download.plain", lang), data=machine_csv(plain),
                           file_name=file_name.removesuffix(".csv") + "_plain.csv",
                           mime="text/csv", key=f"{key}_plain", type="tertiary", on_click="ignore",
                           help=text("download.plain_help", lang))
