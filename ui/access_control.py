"""Who is looking at the app, and what they may see: the gate every page passes.

The session token lives in st.session_state and is checked with
signals.access.session_user on every run (by the entry script and again by each
page's guard), so an expired or ended session falls back to the login page.
Without any configured user the app serves one local person with full access,
and only while it listens on localhost.
Optional single sign-on: st.login (OpenID Connect) when .streamlit/secrets.toml
has an [auth] table; the verified e-mail must belong to a configured user.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import streamlit as st

from signals import config
from signals.access import audit
from signals.access import control as access
from signals.texts.i18n import text
from ui.language import current_language

TOKEN_KEY = "access_token"
SSO_AUDITED_KEY = "access_sso_audited"
NOTICE_KEY = "access_notice"          # a message for the login page: expired, logged out, refused
LOCAL_ACTOR = "local"
LOCAL_TIME_ZONE = ZoneInfo("Europe/Brussels")


@dataclass(frozen=True)
class Viewer:
    """The person behind this browser session."""

    username: str | None = None
    role: str | None = None
    local: bool = False           # no users configured: one local person, full access
    sso: bool = False

    @property
    def logged_in(self) -> bool:
        return self.local or self.role is not None

    @property
    def actor(self) -> str:
        return self.username or LOCAL_ACTOR

    def allowed_pages(self) -> list[str]:
        if self.local:
            return list(access.PAGES)
        return access.pages_for(self.role) if self.role else []

    def may_view(self, page: str) -> bool:
        return page in self.allowed_pages()

    def may_review(self) -> bool:
        return self.local or (self.role is not None and access.can_review(self.role))

    def may_change_settings(self) -> bool:
        return self.local or (self.role is not None and access.can_change_settings(self.role))


ANONYMOUS = Viewer()


def access_db() -> Path:
    """The data database whose access store holds users, sessions, audit log and reviews."""
    return config.default_db_path()


def local_time(moment: dt.datetime) -> str:
    return access.utc(moment).astimezone(LOCAL_TIME_ZONE).strftime("%Y-%m-%d %H:%M")


# --- single sign-on -----------------------------------------------------------------------

def sso_configured() -> bool:
    """True when .streamlit/secrets.toml has an [auth] table (st.login can work)."""
    try:
        return "auth" in st.secrets
    except Exception:            # no secrets file at all: Streamlit raises its own error types
        return False


def _sso_logged_in() -> bool:
    try:
        return bool(st.user.is_logged_in)
    except Exception:            # st.user without an [auth] table
        return False


def _user_with_email(db: Path, email: str) -> access.User | None:
    return next((user for user in access.list_users(db) if user.email == email), None)


def _sso_viewer(db: Path) -> Viewer | None:
    """The configured user behind a verified SSO e-mail; None (and a notice) otherwise."""
    if not sso_configured() or not _sso_logged_in():
        return None
    email = str(st.user.get("email") or "").strip().lower()
    verified = st.user.get("email_verified", True) is not False
    role = access.role_for_sso_email(db, email) if verified else None
    user = _user_with_email(db, email) if role else None
    first_time = not st.session_state.get(SSO_AUDITED_KEY)
    st.session_state[SSO_AUDITED_KEY] = True
    if user is None:
        if first_time:
            audit.record(db, access.UNKNOWN_ACTOR, "login_failed", {"reason": "sso_unknown_email"})
        st.session_state[NOTICE_KEY] = "access.sso_refused"
        return None
    if first_time:
        audit.record(db, user.username, "login", {"method": "sso"})
    return Viewer(user.username, user.role, sso=True)


# --- the viewer of this run ---------------------------------------------------------------

def current_viewer() -> Viewer:
    """Who is looking, checked against the access store on every call (never cached)."""
    db = access_db()
    if not access.users_configured(db):
        return Viewer(LOCAL_ACTOR, None, local=True)
    token = st.session_state.get(TOKEN_KEY)
    if token:
        user = access.session_user(db, token)
        if user is not None:
            return Viewer(user.username, user.role)
        del st.session_state[TOKEN_KEY]
        st.session_state[NOTICE_KEY] = "access.session_expired"
    return _sso_viewer(db) or ANONYMOUS


def listening_allowed(viewer: Viewer) -> bool:
    """Without users the app may only listen on localhost (server.address)."""
    return access.may_listen_on(st.get_option("server.address"), users_configured=not viewer.local)


def refuse_public_listening(lang: str) -> None:
    st.error(text("access.public_refused", lang))
    st.code("python -m signals users add USERNAME --role admin", language="bash")
    st.stop()


def require_page(page: str) -> Viewer:
    """The guard at the top of every page: stop with a message unless the viewer may see it."""
    viewer = current_viewer()
    lang = current_language()
    if viewer.local and not listening_allowed(viewer):
        refuse_public_listening(lang)
    if not viewer.may_view(page):
        show_not_allowed(viewer)
        st.stop()
    return viewer


def show_not_allowed(viewer: Viewer | None = None) -> None:
    """What a forbidden page URL shows instead of the page."""
    viewer = viewer or current_viewer()
    lang = current_language()
    st.title(text("access.not_allowed_title", lang))
    st.error(text("access.not_allowed", lang) if viewer.logged_in else text("access.login_first", lang))


# --- logging in and out -------------------------------------------------------------------

def login_client() -> str:
    """Who is trying to log in, for the lock-out (see access.client_identity): the
    connection's address, or behind a trusted proxy (SIGNALS_TRUSTED_PROXIES) the hop it added."""
    try:
        peer, forwarded = st.context.ip_address, st.context.headers.get("X-Forwarded-For")
    except Exception:            # no browser connection (a bare script run)
        peer, forwarded = None, None
    # Only text counts (without a browser, e.g. under AppTest, Streamlit gives a stand-in object).
    return access.client_identity(peer if isinstance(peer, str) else None,
                                  forwarded if isinstance(forwarded, str) else None)


def log_in(username: str, password: str) -> str | None:
    """Try a password; on success keep the token and return None, else the message to show.
    Unknown and known user names get the same messages (the block's carries the time it ends)."""
    try:
        session = access.authenticate(access_db(), username, password, client=login_client())
    except access.LoginBlocked as locked:
        st.session_state[NOTICE_KEY] = None
        return text("access.locked", current_language(), until=local_time(locked.until))
    if session is None:
        return text("access.wrong_password", current_language())
    st.session_state[TOKEN_KEY] = session.token
    st.session_state[NOTICE_KEY] = None
    st.session_state[SSO_AUDITED_KEY] = False
    return None


def log_out(viewer: Viewer) -> None:
    """End the session (password or SSO); the next run shows the login page."""
    db = access_db()
    token = st.session_state.pop(TOKEN_KEY, None)
    if token:
        access.logout(db, token)
    elif viewer.sso:
        audit.record(db, viewer.actor, "logout", {"method": "sso"})
    st.session_state[NOTICE_KEY] = "access.logged_out"
    st.session_state[SSO_AUDITED_KEY] = False
    if viewer.sso:
        st.logout()


def show_account(viewer: Viewer, lang: str) -> None:
    """Sidebar: who is logged in (and the role), and the logout button."""
    st.caption(text("access.signed_in_as", lang, user=viewer.actor,
                    role=text("role." + viewer.role, lang)))
    if st.button(text("access.logout", lang), key="logout", icon=":material/logout:"):
        log_out(viewer)
        st.rerun()


def show_access_off_notice(lang: str) -> None:
    st.html(f'<div class="access-off" role="status">{text("access.off_notice", lang)}</div>')
