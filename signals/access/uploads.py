"""Who uploads what: each role only the kinds of records that are its own.

- hr: the personnel kinds (workforce, absences, turnover, incidents, reintegration) and
  observations with source `hr`;
- physician: observations with source `occupational_physician`;
- psychosocial_adviser: incidents (the requests it receives), observations with source
  `psychosocial_adviser`, and the survey;
- committee: observations with source `committee` (CONTRACT lists that source);
- admin: none in the app (the command line's ingest is the admin's tool, without a user).

An observations row must carry the uploading role's own source, and may not replace a
stored row of (month, department, measure) that another source gave (the table's key has
no source). Without any user configured (single-operator mode on localhost) the local
operator uploads everything. Checked on the server by signals.ingest.by_role; the Upload
page offers only these kinds.
"""

from __future__ import annotations

from pathlib import Path

from ..definitions import KINDS
from ..texts.catalogue import message
from .store import access_db_path, open_store

PERSONNEL_KINDS = ("workforce", "absences", "turnover", "incidents", "reintegration")
UPLOAD_KINDS: dict[str, tuple[str, ...]] = {
    "hr": PERSONNEL_KINDS + ("observations",),
    "physician": ("observations",),
    "psychosocial_adviser": ("incidents", "observations", "survey"),
    "committee": ("observations",),
}
OBSERVATION_SOURCES: dict[str, str] = {
    "hr": "hr",
    "physician": "occupational_physician",
    "psychosocial_adviser": "psychosocial_adviser",
    "committee": "committee",
}
UPLOAD_ROLES = frozenset(UPLOAD_KINDS)
LOCAL_ROLE = "local"          # no users configured: the one local operator

# The Upload page's words about them (ui/upload_roles.py).
message("upload.your_kinds", "As {role} you upload: {kinds}.")
message("upload.your_source",
        "Your observations carry the source {source}; rows with another source are refused, "
        "and so is a row that would replace another source's.")
message("upload.choose_kind", "Choose one of your kinds")
message("upload.detected_not_yours",
        "This looks like a file of {kind}, which your role does not upload: choose one of your "
        "kinds, or pass the file on to whoever uploads it.")


def kinds_for(role: str | None) -> tuple[str, ...]:
    """The kinds `role` uploads (every kind for the local operator, none for others)."""
    if role == LOCAL_ROLE:
        return tuple(KINDS)
    return UPLOAD_KINDS.get(role or "", ())


def may_upload(role: str | None, kind: str) -> bool:
    return kind in kinds_for(role)


def observation_source(role: str | None) -> str | None:
    """The one `source` the role's observations rows carry (None: any, the local operator)."""
    return OBSERVATION_SOURCES.get(role or "")


def may_undo(role: str | None, kind: str, uploader_role: str | None) -> bool:
    """A role undoes the uploads of its own kinds made by its own role (HR does not undo the
    adviser's incidents, the physician not the committee's observations)."""
    if role == LOCAL_ROLE:
        return True
    return may_upload(role, kind) and uploader_role == role


def user_roles(db_path: Path | str) -> dict[str, str]:
    """{user name: role} of the configured users (empty without users)."""
    if not access_db_path(db_path).exists():
        return {}
    with open_store(db_path) as con:
        return dict(con.execute("SELECT username, role FROM users").fetchall())


def uploader_role(db_path: Path | str, actor: str | None) -> str | None:
    """The role `actor` uploads as: LOCAL_ROLE without users, else the user's role (None for
    an unknown user)."""
    roles = user_roles(db_path)
    if not roles:
        return LOCAL_ROLE
    return roles.get((actor or "").strip().lower())
