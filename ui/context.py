"""What every page needs: language, presentation mode, the database shown and the month chosen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial

import streamlit as st

from signals import config
from signals.free_text import StoredIds
from signals.texts.i18n import text
from ui.data import ActiveDatabase, active_database, demo_chosen
from ui.language import current_language

CONTEXT_KEY = "page_context"
MONTH_KEY = "month"             # the URL's and the session's month: '2026-08'


@dataclass(frozen=True)
class PageContext:
    lang: str
    presenting: bool
    database: ActiveDatabase

    def t(self, key: str, **values) -> str:
        return text(key, self.lang, **values)

    def translator(self):
        return partial(text, lang=self.lang)


def is_presenting() -> bool:
    return str(st.query_params.get("present", "")) in ("1", "true", "yes")


def set_presenting(on: bool) -> None:
    if on:
        st.query_params["present"] = "1"
    elif "present" in st.query_params:
        del st.query_params["present"]


def build_context() -> PageContext:
    lang = current_language()
    context = PageContext(lang, is_presenting(),
                          active_database(text("demo.building", lang), show_demo=demo_chosen()))
    st.session_state[CONTEXT_KEY] = context
    return context


def page_context() -> PageContext:
    """The context the entry script built for this run (built here when run alone)."""
    return st.session_state.get(CONTEXT_KEY) or build_context()


def _month_key(month: dt.date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def chosen_month(months) -> dt.date:
    """The month last chosen on any page (the URL's, else the session's) when it is one of
    `months`; else the latest. Presentation mode and the next page keep it."""
    by_key = {_month_key(month): month for month in months}
    for wanted in (st.query_params.get(MONTH_KEY), st.session_state.get(MONTH_KEY)):
        if wanted in by_key:
            return by_key[wanted]
    return max(months)


def keep_month(month: dt.date) -> None:
    """Remember the month for the other pages and for the URL (a bookmark, the projector)."""
    st.session_state[MONTH_KEY] = _month_key(month)
    if st.query_params.get(MONTH_KEY) != _month_key(month):
        st.query_params[MONTH_KEY] = _month_key(month)


def month_selector(container, months: list, *, key: str, label: str, format_func,
                   presenting: bool) -> dt.date:
    """The month choice, starting from the month chosen before; in presentation mode no
    control, only that month."""
    current = chosen_month(months)
    if presenting:
        return current
    month = container.selectbox(label, months, index=list(months).index(current), key=key,
                                format_func=format_func)
    keep_month(month)
    return month


def data_paths() -> list[str]:
    """The organisation's own database and the one shown (the demo), each once."""
    shown = page_context().database
    paths = [str(config.default_db_path())] + ([str(shown.path)] if shown is not None else [])
    return list(dict.fromkeys(paths))


def stored_ids() -> StoredIds:
    """The ids stored in the organisation's data and in the database shown (the demo): a
    note is checked against both, whichever access store it is written to."""
    return StoredIds(*data_paths())
