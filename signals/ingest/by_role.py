"""The app's upload: a file stored for a user, only when it is one of the user's role's kinds.

`upload_bytes(db_path, actor, kind, file_name, data)` looks the actor's role up in the access
store (never trusting a role the screen passes) and refuses, before anything lands:
- a kind the role does not upload (signals.access.uploads.UPLOAD_KINDS);
- an observations row whose `source` is not the role's own, and one that would replace a
  stored (month, department, measure) another source gave (the key has no source),
  each with its file, line, column and value.
Each refusal is written to the audit log (`upload_refused`); every other upload as before
(`upload`). `undo_upload` refuses an undo of another role's upload. The command line's
ingest (the admin's tool, no user) stays `loader.ingest_path`.
"""

from __future__ import annotations

from pathlib import Path

from ..access import audit, uploads
from ..texts.catalogue import message
from . import loader
from .messages import Message
from .validation import scalar

message("upload_role.kind",
        "Your role does not upload this kind of file: {kind_label} ({kind}). It uploads: {kinds}.")
message("upload_role.no_upload", "Your user may not upload files.")
message("upload_role.source",
        "source {source}: your role uploads only its own observations (this value belongs to "
        "another source)")
message("upload_role.stored_source",
        "a month, department and measure that no other source gave: the stored row is "
        "{stored}'s, and only that source replaces it")
message("undo_role.refused", "Upload {upload} ({kind}) was made by another role; only that "
        "role undoes it.")


class UploadRefused(PermissionError):
    """An undo the actor's role may not do; `message` says why in every language."""

    def __init__(self, message: Message):
        super().__init__(message.text())
        self.message = message


class SourceRule:
    """The check loader runs on the parsed rows of an observations file: every row carries
    `source`, and none replaces another source's stored row. Keeps how many rows broke it."""

    def __init__(self, source: str):
        self.source = source
        self.broken = 0

    def __call__(self, con) -> tuple[list[tuple], int]:
        foreign = """
            SELECT l.line, 'source' AS column_name, p.source__text AS value, NULL AS stored
            FROM ingest_parsed p JOIN ingest_lines l ON l.row_index = p.rowid
            WHERE p.source IS NOT NULL AND p.source <> $source"""
        stored = """
            SELECT l.line, 'source', p.source__text, t.source
            FROM ingest_parsed p JOIN ingest_lines l ON l.row_index = p.rowid
            JOIN observations t ON t.month = p.month AND t.department = p.department
                               AND t.measure = p.measure
            WHERE p.source = $source AND t.source <> $source"""
        has_table = scalar(con, "SELECT count(*) FROM duckdb_tables() "
                                "WHERE table_name = 'observations' AND NOT temporary")
        query = foreign + (f" UNION ALL {stored}" if has_table else "")
        con.execute(f"CREATE OR REPLACE TEMP TABLE ingest_role_errors AS {query}",
                    {"source": self.source})
        self.broken = scalar(con, "SELECT count(*) FROM ingest_role_errors")
        rows = con.execute("SELECT * FROM ingest_role_errors ORDER BY line LIMIT ?",
                           [loader.MAX_ERRORS_KEPT]).fetchall()
        con.execute("DROP TABLE ingest_role_errors")
        return [(line, column, value, self._expected(stored_source))
                for line, column, value, stored_source in rows], self.broken

    def _expected(self, stored_source: str | None) -> Message:
        if stored_source is None:
            return Message("upload_role.source", {"source": self.source})
        return Message("upload_role.stored_source", {"stored": stored_source})


def rule_for(role: str | None, kind: str) -> SourceRule | None:
    source = uploads.observation_source(role)
    return SourceRule(source) if kind == "observations" and source else None


def kind_refusal(role: str | None, kind: str, file_name: str) -> loader.IngestResult | None:
    """The rejected result when `role` may not upload `kind` at all, else None."""
    if uploads.may_upload(role, kind):
        return None
    allowed = uploads.kinds_for(role)
    key = "upload_role.kind" if allowed else "upload_role.no_upload"
    error = loader.RowError.of(file_name, 0, "", kind, Message(
        key, {"kind": kind, "kinds": ", ".join(allowed)}))
    return loader.IngestResult(file_name, kind, False, errors=[error], error_count=1)


def _refused(db_path, actor: str, role: str | None, result: loader.IngestResult, reason: str,
             rows: int = 0) -> None:
    audit.record(db_path, actor, "upload_refused", {
        "kind": result.kind, "role": role, "reason": reason, "rows": rows,
        "file_name": str(result.file_name)[:audit.MAX_DETAIL_TEXT],
        "upload_id": result.upload_id})


def upload_bytes(db_path: Path | str, actor: str, kind: str, file_name: str, data: bytes, *,
                 allow_demo: bool = False) -> loader.IngestResult:
    """Validate and store one file for `actor`, within the role's kinds and source; audited."""
    role = uploads.uploader_role(db_path, actor)
    refused = kind_refusal(role, kind, file_name)
    if refused is not None:
        _refused(db_path, actor, role, refused, "kind")
        return refused
    rule = rule_for(role, kind)
    result = loader.ingest_bytes(db_path, kind, file_name, data, uploaded_by=actor,
                                 allow_demo=allow_demo, rule=rule)
    if rule is not None and rule.broken:
        _refused(db_path, actor, role, result, "source", rule.broken)
    else:
        audit.record_upload(db_path, actor, result)
    return result


def validate_for(role: str | None, kind: str, file_name: str, data: bytes,
                 known_departments: list[str] | None = None) -> loader.IngestResult:
    """The Upload page's preview with the role's checks (stored rows are looked at on storing)."""
    return kind_refusal(role, kind, file_name) or loader.validate_bytes(
        kind, file_name, data, known_departments, rule=rule_for(role, kind))


def undo_upload(db_path: Path | str, actor: str, upload_id: int):
    """Undo an upload for `actor` and audit it: only one of the role's kinds made by the same
    role (UploadRefused otherwise, audited too); see signals.ingest.undo."""
    from .. import store
    from .undo import undo_path

    role = uploads.uploader_role(db_path, actor)
    with store.connect(db_path, read_only=True) as con:
        row = con.execute("SELECT kind, uploaded_by FROM uploads WHERE upload_id = ?",
                          [int(upload_id)]).fetchone()
    if row is not None and role != uploads.LOCAL_ROLE:
        kind, uploaded_by = row
        uploader = uploads.user_roles(db_path).get(str(uploaded_by or "").lower())
        if not uploads.may_undo(role, kind, uploader):
            audit.record(db_path, actor, "upload_refused", {
                "kind": kind, "role": role, "reason": "undo", "upload_id": int(upload_id)})
            raise UploadRefused(Message("undo_role.refused", {"upload": int(upload_id),
                                                              "kind": kind}))
    result = undo_path(db_path, upload_id, actor)
    audit.record(db_path, actor, "upload_undo", {
        "upload_id": int(upload_id), "undo_id": result.undo_id, "kind": result.kind,
        "file_name": result.file_name[:audit.MAX_DETAIL_TEXT], "removed": result.removed,
        "restored": result.restored, "left": result.left})
    return result
