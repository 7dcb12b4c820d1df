"""Static tables whose cells show their text exactly as it is.

st.table renders Markdown in every cell: a value from an uploaded file such as
"[12](https://example.org)" showed as a link reading "12", "*7*" as an italic 7. The
error report must show HR the value that is in the file, and department names come
from files too. These tables escape every cell as HTML text instead and wrap long text.
"""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

TABLE_CLASS = "literal-table"


def _cell(value) -> str:
    return "" if pd.api.types.is_scalar(value) and pd.isna(value) else str(value)


def literal_table_html(frame: pd.DataFrame, *, show_index: bool = True) -> str:
    """`frame` as an HTML table (the index as its first column when `show_index`);
    numbers right-aligned, everything escaped."""
    columns = ([frame.index.name or ""] if show_index else []) + [str(c) for c in frame.columns]
    numeric = ([pd.api.types.is_numeric_dtype(frame.index)] if show_index else []) + [
        pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]
    rows = []
    for label, values in zip(frame.index, frame.itertuples(index=False, name=None)):
        cells = ([label] if show_index else []) + list(values)
        rows.append("<tr>" + "".join(
            f'<td{" class=number" if is_number else ""}>{html.escape(_cell(cell))}</td>'
            for cell, is_number in zip(cells, numeric)) + "</tr>")
    head = "".join(f"<th>{html.escape(name)}</th>" for name in columns)
    return (f'<table class="{TABLE_CLASS}"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def literal_table(frame: pd.DataFrame, *, show_index: bool = True) -> None:
    st.html(literal_table_html(frame, show_index=show_index))
