"""Undo an upload: put back the rows it replaced and remove the rows it added.

Every accepted upload keeps what it changed: the rows it wrote carry its `upload_id`,
and the versions it replaced sit in the table's history (`<table>_history`, with
`replaced_by` = the upload). Undoing an upload, in one transaction:

- removes every row that still carries its `upload_id`, and puts back for those keys the
  newest older version of an upload not undone (the latest upload is so undone exactly;
  a version an undone upload wrote never comes back);
- leaves the rows a later upload changed again (their key and the later upload are
  reported; employees by their pseudonym, never an original id);
- marks the upload `undone` and records the undo itself in the upload history
  (status `undo`), so the figures' caches see new data.

Uploads stored before the history existed (schema version 3) cannot be undone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import store
from ..definitions import KINDS
from .messages import Message
from .validation import ident, scalar

MAX_LEFT_SHOWN = 20
PSEUDONYM_SHOWN = 8          # characters of a pseudonym shown to tell rows apart


class UndoRefused(ValueError):
    """This upload cannot be undone; `message` says why (in nl, fr, en or de)."""

    def __init__(self, message: Message):
        super().__init__(message.text())
        self.message = message


@dataclass
class UndoResult:
    upload_id: int
    file_name: str
    kind: str
    removed: int = 0             # rows the upload had written that are gone again
    restored: int = 0            # of which a replaced version was put back
    left: int = 0                # rows a later upload changed: kept as they are
    left_keys: list[str] = field(default_factory=list)   # at most MAX_LEFT_SHOWN
    left_by: list[int] = field(default_factory=list)     # the later uploads
    undo_id: int | None = None

    def message(self) -> Message:
        params = {"file": self.file_name, "upload": self.upload_id, "removed": self.removed,
                  "restored": self.restored}
        if not self.left:
            return Message("undo.done", params)
        return Message("undo.done_left", {**params, "left": self.left,
                                          "later": ", ".join(map(str, self.left_by))})

    def summary(self) -> str:
        lines = [self.message().text()]
        lines += [f"  left: {key}" for key in self.left_keys]
        if self.left > len(self.left_keys):
            lines.append(f"  ... and {self.left - len(self.left_keys)} more")
        return "\n".join(lines)


def _stored_key(kind_name: str) -> list[str]:
    return ["employee_key" if name == "employee_id" else name for name in KINDS[kind_name].key]


def _upload(con, upload_id: int) -> tuple[str, str, str]:
    row = con.execute("SELECT file_name, kind, status FROM uploads WHERE upload_id = ?",
                      [upload_id]).fetchall()
    if not row:
        raise UndoRefused(Message("undo.unknown", {"upload": upload_id}))
    return row[0]


def check_undoable(con, upload_id: int) -> tuple[str, str]:
    """(file name, kind) of an upload that can be undone, else UndoRefused."""
    file_name, kind, status = _upload(con, upload_id)
    if status != "accepted" or kind not in KINDS:
        raise UndoRefused(Message("undo.not_stored", {"upload": upload_id, "status": status}))
    since = int(store.get_meta(con, "undo_since_upload", "1"))
    if upload_id < since:
        raise UndoRefused(Message("undo.too_old", {"upload": upload_id}))
    return file_name, kind


def undoable_ids(con) -> set[int]:
    """The uploads the history may offer to undo."""
    since = int(store.get_meta(con, "undo_since_upload", "1"))
    rows = con.execute("SELECT upload_id FROM uploads WHERE status = 'accepted' "
                       "AND upload_id >= ?", [since]).fetchall()
    return {row[0] for row in rows}


def _describe_key(names: list[str], values: tuple) -> str:
    parts = []
    for name, value in zip(names, values):
        shown = str(value)[:PSEUDONYM_SHOWN] + "…" if name == "employee_key" else str(value)
        parts.append(f"{'employee' if name == 'employee_key' else name} {shown}")
    return ", ".join(parts)


def _left_rows(con, table: str, key: list[str], upload_id: int) -> tuple[int, list[str], list[int]]:
    """Rows the upload wrote that a later upload replaced: count, first keys, later uploads."""
    history = store.history_table(table)
    keys = ", ".join(ident(name) for name in key)
    count = scalar(con, f"SELECT count(*) FROM (SELECT DISTINCT {keys} FROM {history} "
                        f"WHERE upload_id = ?)", [upload_id])
    if not count:
        return 0, [], []
    rows = con.execute(f"SELECT DISTINCT {keys} FROM {history} WHERE upload_id = ? "
                       f"ORDER BY ALL LIMIT ?", [upload_id, MAX_LEFT_SHOWN]).fetchall()
    later = con.execute(f"SELECT DISTINCT replaced_by FROM {history} WHERE upload_id = ? "
                        f"ORDER BY 1", [upload_id]).fetchall()
    return count, [_describe_key(key, row) for row in rows], [row[0] for row in later]


def _restore(con, table: str, key: list[str], upload_id: int) -> tuple[int, int]:
    """Remove the rows the upload still owns and put back, for each, the newest older
    version a live upload wrote: never one of an undone upload (undoing an older upload
    first leaves its version in the history, replaced by the newer one)."""
    history = store.history_table(table)
    on = " AND ".join(f"h.{ident(name)} = t.{ident(name)}" for name in key)
    keys = ", ".join(f"h.{ident(name)}" for name in key)
    columns = ", ".join(f"h.{ident(name)}" for name in store.table_columns(con, table))
    con.execute(f"""CREATE OR REPLACE TEMP TABLE undo_restore AS
        SELECT {columns} FROM {history} h JOIN {table} t ON {on}
        WHERE t.upload_id = ? AND h.upload_id < ?
          AND h.upload_id NOT IN (SELECT upload_id FROM uploads WHERE status = 'undone')
        QUALIFY row_number() OVER (PARTITION BY {keys} ORDER BY h.upload_id DESC) = 1""",
                [upload_id, upload_id])
    removed = scalar(con, f"SELECT count(*) FROM {table} WHERE upload_id = ?", [upload_id])
    # The restored version and those after it (of undone uploads, or of this one) leave
    # the history: the key's history is again what it was before they were written.
    key_columns = ", ".join(f"t.{ident(name)}" for name in key)
    restored_on = " AND ".join(f"r.{ident(name)} = t.{ident(name)}" for name in key)
    matches = " AND ".join(f"{history}.{ident(name)} = k.{ident(name)}" for name in key)
    con.execute(f"""DELETE FROM {history} USING (
            SELECT {key_columns}, coalesce(r.upload_id, -1) AS since FROM {table} t
            LEFT JOIN undo_restore r ON {restored_on} WHERE t.upload_id = ?) k
        WHERE {matches} AND {history}.upload_id >= k.since""", [upload_id])
    con.execute(f"DELETE FROM {table} WHERE upload_id = ?", [upload_id])
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM undo_restore")
    restored = scalar(con, "SELECT count(*) FROM undo_restore")
    con.execute("DROP TABLE undo_restore")
    return removed, restored


def _record_undo(con, result: UndoResult, actor: str | None) -> int:
    undo_id = scalar(con, "SELECT nextval('upload_id_seq')")
    con.execute("UPDATE uploads SET status = 'undone' WHERE upload_id = ?", [result.upload_id])
    con.execute("""
        INSERT INTO uploads (upload_id, file_name, content_sha256, kind, status, rows_total,
            rows_new, rows_replaced, rows_unchanged, error_count, warnings, uploaded_at, uploaded_by)
        VALUES (?, ?, '', ?, 'undo', ?, 0, ?, ?, 0, ?, now(), ?)
    """, [undo_id, result.file_name, result.kind, result.removed, result.restored, result.left,
          [result.message().text()], actor])
    return undo_id


def undo_upload(con, upload_id: int, actor: str | None = None) -> UndoResult:
    """Undo one accepted upload atomically (see the module docstring); UndoRefused when it
    cannot be undone."""
    con.execute("BEGIN TRANSACTION")
    try:
        file_name, kind = check_undoable(con, upload_id)
        table, key = KINDS[kind].table, _stored_key(kind)
        result = UndoResult(upload_id, file_name, kind)
        result.left, result.left_keys, result.left_by = _left_rows(con, table, key, upload_id)
        result.removed, result.restored = _restore(con, table, key, upload_id)
        result.undo_id = _record_undo(con, result, actor)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return result


def undo_path(db_path, upload_id: int, actor: str | None = None) -> UndoResult:
    with store.connect(db_path) as con:
        return undo_upload(con, upload_id, actor)


# --- command line: python -m signals uploads list|undo ID ----------------------------------

HISTORY_COLUMNS = ("upload_id", "uploaded_at", "file_name", "kind", "status", "rows_total",
                   "rows_new", "rows_replaced", "rows_unchanged", "error_count", "uploaded_by")


def history_csv(con) -> str:
    """The upload history as CSV (UTC times), newest first."""
    import csv
    import io

    rows = con.execute(f"""
        SELECT upload_id, strftime(timezone('UTC', uploaded_at), '%Y-%m-%dT%H:%M:%SZ'),
               {", ".join(HISTORY_COLUMNS[2:])} FROM uploads ORDER BY upload_id DESC""").fetchall()
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(HISTORY_COLUMNS)
    writer.writerows(rows)
    return output.getvalue()


def run_uploads_command(db_path, action: str, upload_id: int | None, actor: str | None) -> int:
    import sys

    if action == "list":
        with store.connect(db_path, read_only=True) as con:
            sys.stdout.write(history_csv(con))
        return 0
    if upload_id is None:
        print("error: give the ID of the upload to undo (see 'uploads list')", file=sys.stderr)
        return 2
    try:
        result = undo_path(db_path, upload_id, actor)
    except UndoRefused as refused:
        print(f"error: {refused}", file=sys.stderr)
        return 1
    print(result.summary())
    return 0
