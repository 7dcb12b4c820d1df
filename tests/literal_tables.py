"""Reading back ui.tables' literal tables: the cells as a reader sees them, for tests."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd

from ui.tables import TABLE_CLASS


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
    reader sees."""
    reader = _TableReader()
    reader.feed(markup)
    header, *body = reader.rows
    return pd.DataFrame(body, columns=header)


def tables_in(markups) -> list[pd.DataFrame]:
    """The literal tables among HTML markups (say, the bodies of a page's st.html elements)."""
    return [read_literal_table(markup) for markup in markups
            if f'<table class="{TABLE_CLASS}">' in markup]
