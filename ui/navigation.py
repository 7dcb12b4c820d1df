"""The one registry of pages: key -> file, title text key, icon.

`build_navigation(lang, allowed_keys)` builds the navigation from it. Pages outside
`allowed_keys` are not listed; their URLs stay registered, hidden, on a page that
says "not allowed" (and each page file checks the role itself too). Before login
(`login=True`) every URL shows the login page, and the URL is kept, so the person
lands on the page they asked for once logged in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from signals.texts.i18n import text

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
    PageSpec("survey", "pages/screens/survey.py", "page.survey", ":material/quiz:"),
    PageSpec("reintegration", "pages/screens/reintegration.py", "page.reintegration",
             ":material/work_history:"),
    PageSpec("upload", "pages/screens/upload.py", "page.upload", ":material/upload_file:"),
    PageSpec("data", "pages/screens/data_settings.py", "page.data", ":material/settings:"),
    PageSpec("audit", "pages/screens/audit.py", "page.audit", ":material/policy:"),
    PageSpec("actions", "pages/screens/actions.py", "page.actions", ":material/task_alt:"),
    PageSpec("method", "pages/screens/method.py", "page.method", ":material/help:"),
)
LOGIN_PAGE = PageSpec("login", "pages/screens/login.py", "page.login", ":material/login:")
PAGE_KEYS = tuple(page.key for page in PAGES)
PAGES_BY_KEY = {page.key: page for page in PAGES}


def visible_pages(allowed_keys=None) -> list[PageSpec]:
    """The registry filtered to the allowed keys (None: every page), in registry order."""
    if allowed_keys is None:
        return list(PAGES)
    allowed = set(allowed_keys)
    return [page for page in PAGES if page.key in allowed]


# Streamlit serves the default page at "/" only. Its own path is this internal name, so
# that its key ("/overview", a bookmark, a link) can lead there instead of "Page not found".
HOME_URL_PATH = "home"


def _login_pages(lang: str) -> list:
    """The login page at "/" and at every page's own path (the page shows after login)."""
    login_file = str(APP_ROOT / LOGIN_PAGE.file)
    title = text(LOGIN_PAGE.title_key, lang)
    return [st.Page(login_file, title=title, icon=LOGIN_PAGE.icon, url_path=HOME_URL_PATH,
                    default=True)] + [
        st.Page(login_file, title=title, url_path=spec.key, visibility="hidden")
        for spec in (LOGIN_PAGE, *PAGES)
    ]


def _forbidden_page(spec: PageSpec, lang: str):
    from ui.access_control import show_not_allowed

    return st.Page(show_not_allowed, title=text("access.not_allowed_title", lang),
                   url_path=spec.key, visibility="hidden")


def _home_alias(home, spec: PageSpec, lang: str):
    return st.Page(lambda: st.switch_page(home), title=text(spec.title_key, lang),
                   url_path=spec.key, visibility="hidden")


# Presentation mode steps through these pages, in this order (those the viewer may see).
PRESENTATION_STEPS = ("overview", "hotspots", "trends")


def page_key(page, allowed_keys=None) -> str | None:
    """The registry key of a page st.navigation returned (the default page is the first
    allowed one); None for a page outside the registry."""
    allowed = visible_pages(allowed_keys)
    if page.url_path in ("", HOME_URL_PATH):
        return allowed[0].key if allowed else None
    return page.url_path if page.url_path in PAGES_BY_KEY else None


def presentation_neighbours(current: str | None, allowed_keys=None) -> tuple[str | None, str | None]:
    """(previous, next) page keys of the presentation around `current`."""
    allowed = {spec.key for spec in visible_pages(allowed_keys)}
    steps = [key for key in PRESENTATION_STEPS if key in allowed]
    if current not in steps:
        return None, steps[0] if steps else None
    index = steps.index(current)
    return (steps[index - 1] if index > 0 else None,
            steps[index + 1] if index + 1 < len(steps) else None)


def build_navigation(lang: str, allowed_keys=None, *, hidden: bool = False, login: bool = False):
    """st.navigation over the allowed pages (or the login page); returns the page to run."""
    if login:
        return st.navigation(_login_pages(lang), position="hidden")
    allowed = visible_pages(allowed_keys)
    pages = [
        st.Page(str(APP_ROOT / spec.file), title=text(spec.title_key, lang), icon=spec.icon,
                url_path=HOME_URL_PATH if index == 0 else spec.key, default=index == 0)
        for index, spec in enumerate(allowed)
    ]
    if allowed:      # the first page's own path, and /login once logged in, lead to it
        pages += [_home_alias(pages[0], spec, lang) for spec in (allowed[0], LOGIN_PAGE)]
    pages += [_forbidden_page(spec, lang) for spec in PAGES if spec not in allowed]
    return st.navigation(pages, position="hidden" if hidden else "sidebar")
