"""The prevention cycle: actions with their history and evaluation, context events, meetings
and the physician's collective advice (ui.actions_view)."""

from __future__ import annotations

import streamlit as st

from ui.access_control import require_page
from ui.actions_view import show_actions_page
from ui.context import page_context

viewer = require_page("actions")  # the role check, before anything is read or shown
context = page_context()

st.title(context.t("actions.title"))
show_actions_page(viewer, context.database, context.lang)
