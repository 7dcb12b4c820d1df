"""A file the Upload page found invalid, recorded once as rejected in the upload history.

The page validates each chosen file before anything is stored. `record_rejected` writes the
rejected file's history row and audit entry at once (as storing a rejected file does),
once per content and kind: the same bytes chosen again, or the page run again, add no row.
It never stores a row of the file (a valid one is left for the person to confirm), so the
organisation's own database gets no data and the demo organisation stays shown.
"""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

from .. import store
from ..access import audit, uploads
from . import by_role, loader


def earlier_rejection(con, sha256: str, kind: str) -> int | None:
    """The upload id of the same content already recorded as a rejected `kind`."""
    row = con.execute("""
        SELECT min(upload_id) FROM uploads
        WHERE content_sha256 = ? AND kind = ? AND status = 'rejected'
    """, [sha256, kind]).fetchone()
    return None if row[0] is None else int(row[0])


def reusable(checked, checked_role: str | None, role: str | None, kind: str,
             file_name: str) -> loader.IngestResult | None:
    """A copy of the page's rejection when it was made for this role, kind and file."""
    if (checked is None or checked.accepted or checked_role != role or checked.kind != kind
            or checked.file_name != file_name):
        return None
    return copy.copy(checked)       # the page keeps its own (the upload id is set on this one)


def record_rejected(db_path: Path | str, actor: str, kind: str, file_name: str,
                    data: bytes, checked: loader.IngestResult | None = None,
                    checked_role: str | None = None) -> int | None:
    """The history row of a rejected file for `actor`: its upload id, new or recorded before.
    None when nothing is recorded: the file is valid, not one of the role's kinds (the page
    offers only those), or the database is the demo's.

    `checked`: the page's validation of these bytes as `kind`, made for `checked_role`; when
    it is a rejection for the actor's role it is recorded as it is, so a large file is not
    read twice. Otherwise the file is checked here."""
    role = uploads.uploader_role(db_path, actor)
    if by_role.kind_refusal(role, kind, file_name) is not None:
        return None
    sha256 = hashlib.sha256(data).hexdigest()
    rule = by_role.rule_for(role, kind)
    with store.connect(db_path) as con:
        if store.is_demo(con):
            return None
        earlier = earlier_rejection(con, sha256, kind)
        if earlier is not None:
            return earlier
        try:      # the loader's own check and history row, as for a file sent to be stored
            result = reusable(checked, checked_role, role, kind, file_name)
            if result is None:
                result = loader._check(con, kind, file_name, data, rule=rule)
            if result.accepted:
                return None
            loader._record_rejection(con, result, sha256, actor)
        finally:
            loader._drop_temp_tables(con)
    if rule is not None and rule.broken:
        by_role._refused(db_path, actor, role, result, "source", rule.broken)
    else:
        audit.record_upload(db_path, actor, result)
    return result.upload_id
