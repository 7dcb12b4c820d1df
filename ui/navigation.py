"""The one registry of pages: key -> file, title text key, icon.

`build_navigation(lang, allowed_keys)` builds the navigation from it; role-based
access control plugs in by passing the keys a user may see.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from signals.i18n import text

APP_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class PageSpec:
    key: str
    file: str
    title_key: str
    icon: str


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "pages/screens/overview.py", "page.overview", ":material/dashboard:"),
    PageSpec("trends", "pages/screens/trends.py", "page.trends", ":material/show_chart:"),
    PageSpec("hotspots", "pages/screens/hotspots.py", "page.hotspots", ":material/grid_on:"),
    PageSpec("upload", "pages/screens/upload.py", "page.upload", ":material/upload_file:"),
    PageSpec("data", "pages/screens/data_settings.py", "page.data", ":material/settings:"),
)
PAGE_KEYS = tuple(page.key for page in PAGES)
PAGES_BY_KEY = {page.key: page for page in PAGES}


def visible_pages(allowed_keys=None) -> list[PageSpec]:
    """The registry filtered to the allowed keys (None: every page), in registry order."""
    if allowed_keys is None:
        return list(PAGES)
    allowed = set(allowed_keys)
    return [page for page in PAGES if page.key in allowed]


def build_navigation(lang: str, allowed_keys=None, *, hidden: bool = False):
    """st.navigation over the allowed pages; returns the page to run."""
    pages = [
        st.Page(str(APP_ROOT / spec.file), title=text(spec.title_key, lang), icon=spec.icon,
                url_path=spec.key, default=index == 0)
        for index, spec in enumerate(visible_pages(allowed_keys))
    ]
    return st.navigation(pages, position="hidden" if hidden else "sidebar")
