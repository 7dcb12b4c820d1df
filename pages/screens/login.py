"""Login: user name and password, or single sign-on when it is configured."""

from __future__ import annotations

import streamlit as st

from signals.texts.i18n import text
from ui.access_control import NOTICE_KEY, log_in, sso_configured
from ui.language import current_language

lang = current_language()


def t(key: str, **values) -> str:
    return text(key, lang, **values)


_, middle, _ = st.columns([1, 2, 1])
with middle:
    st.title(t("login.title"))
    st.write(t("login.intro"))
    notice = st.session_state.get(NOTICE_KEY)
    if notice == "access.sso_refused":
        st.error(t(notice))
    elif notice:
        st.info(t(notice))
    with st.form("login_form", clear_on_submit=True):
        username = st.text_input(t("login.username"), key="login_username", autocomplete="username")
        password = st.text_input(t("login.password"), type="password", key="login_password",
                                 autocomplete="current-password")
        submitted = st.form_submit_button(t("login.submit"), type="primary", width="stretch")
    if submitted:
        problem = log_in(username, password)
        if problem is None:
            st.rerun()
        st.error(problem)
    if sso_configured():
        st.divider()
        if st.button(t("login.sso"), key="login_sso", icon=":material/badge:", width="stretch"):
            st.login()
