"""Static tables whose cells show their text exactly as it is.

st.table renders Markdown in every cell: a value from an uploaded file such as
"[12](https://example.org)" showed as a link reading "12", "*7*" as an italic 7. The
error report must show HR the value that is in the file, and department names come
from files too. These tables escape every cell as HTML text instead and wrap long text.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

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


class _TableReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def read_literal_table(markup: str) -> pd.DataFrame:
    """The cells of a literal_table_html table as text (header row as columns): what a
    reader sees, for tests and checks."""
    reader = _TableReader()
    reader.feed(markup)
    header, *body = reader.rows
    return pd.DataFrame(body, columns=header)


def tables_in(markups) -> list[pd.DataFrame]:
    """The literal tables among HTML markups (say, the bodies of a page's st.html elements)."""
    return [read_literal_table(markup) for markup in markups
            if f'<table class="{TABLE_CLASS}">' in markup]
