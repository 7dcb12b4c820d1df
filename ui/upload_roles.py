"""The Upload page per role: which kinds the viewer uploads, which uploads they may undo.

The rules (and these texts) live in signals.access.uploads, and the server applies them in
signals.ingest.by_role; this module only shows them.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from signals.access import uploads
from signals.texts.i18n import text
from ui.access_control import Viewer, access_db
from ui.labels import kind_label


def upload_role(viewer: Viewer) -> str | None:
    """The role the viewer uploads as (uploads.LOCAL_ROLE for the local operator)."""
    return uploads.LOCAL_ROLE if viewer.local else viewer.role


def show_role_kinds(role: str | None, kinds: list[str], lang: str) -> None:
    """'As psychosocial adviser you upload: incidents, observations, survey.' (not for the
    local operator, who uploads everything)."""
    if role == uploads.LOCAL_ROLE or not role:
        return
    names = ", ".join(kind_label(kind, lang) for kind in kinds)
    st.info(text("upload.your_kinds", lang, role=text("role." + role, lang), kinds=names),
            icon=":material/upload_file:")
    source = uploads.observation_source(role)
    if source and "observations" in kinds:
        st.caption(text("upload.your_source", lang, source=source))


def undoable_for(viewer: Viewer, history: pd.DataFrame) -> set[int]:
    """The upload ids of `history` the viewer's role may undo (its own kinds, by its role)."""
    role = upload_role(viewer)
    roles = uploads.user_roles(access_db())
    return {int(row.upload_id) for row in history.itertuples()
            if uploads.may_undo(role, row.kind, roles.get(str(row.uploaded_by or "").lower()))}
