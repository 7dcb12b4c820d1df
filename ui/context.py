"""What every page needs: language, presentation mode and the database shown."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import streamlit as st

from signals.i18n import text
from ui.data import ActiveDatabase, active_database, demo_chosen
from ui.language import current_language

CONTEXT_KEY = "page_context"


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
