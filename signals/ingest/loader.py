"""Ingest: validate an HR export file and store it, atomically per file.

A file is decoded and located by `csv_dialect`, validated set-based in DuckDB by
`validation`, then upserted by its kind's key in one transaction: new rows are
inserted, rows whose content changed are replaced, identical rows are left alone.
Employee ids are pseudonymised before anything is written; the original ids live
only in memory: DuckDB reads the file from an anonymous in-memory file (`memfd`,
`_in_memory_file`), never a temporary file on disk, and its TEMP tables may not
spill to disk (`temp_directory` is off during an ingest). Every attempt, accepted
or rejected, leaves a row in `uploads`.

Every message (what a cell should have held, a whole-file problem, a warning) is
a key plus parameters (`ingest_texts.Message`): English for the command line and
the upload history, the reader's language on the Upload page (`error_table`,
`warning_texts`).
"""

from __future__ import annotations

import hashlib
import math
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .. import config, store
from ..definitions import KINDS, Kind
from . import departments, pseudonym, validation
from .aliases import canonical_header
from .csv_dialect import FileProblem, check_column_count, detect_delimiter, parse_header, prepare
from .messages import DEFAULT_LANGUAGE, Message
from .validation import ident

MAX_ERRORS_KEPT = 100
MAX_KEPT_WARNINGS = 20              # stored values kept by empty cells, listed one by one
BYTES_PER_MB = config.BYTES_PER_MB
ERROR_TABLE_COLUMNS = ("file", "line", "column", "value", "expected")


@dataclass
class RowError:
    """One invalid cell or row (line 0: the file as a whole).

    `expected` is the English text (command line, CONTRACT); `expected_key` and `params`
    render it in another language with `expected_text(lang)`.
    """
    file: str
    line: int
    column: str
    value: str
    expected: str
    expected_key: str = ""
    params: dict = field(default_factory=dict)

    @classmethod
    def of(cls, file: str, line: int, column: str, value: str, message: Message) -> RowError:
        return cls(file, line, column, value, message.text(), message.key, message.params)

    def expected_text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        if not self.expected_key:
            return self.expected
        return Message(self.expected_key, self.params).text(lang)

    def describe(self) -> str:
        if self.line <= 0:
            return f"{self.file}: {self.expected}"
        where = f"{self.file}, line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: found '{_shorten(self.value)}', expected {self.expected}"


@dataclass
class IngestResult:
    file_name: str
    kind: str
    accepted: bool
    rows_total: int = 0
    rows_new: int = 0
    rows_replaced: int = 0
    rows_unchanged: int = 0
    warnings: list[str] = field(default_factory=list)       # English: CLI, upload history
    errors: list[RowError] = field(default_factory=list)    # at most MAX_ERRORS_KEPT
    error_count: int = 0                                     # all errors, including those cut
    upload_id: int | None = None
    warning_messages: list[Message] = field(default_factory=list)
    config_problem: bool = False        # refused for the key, not for the file's content

    def __post_init__(self):
        if self.warning_messages and not self.warnings:
            self.warnings = self.warning_texts(DEFAULT_LANGUAGE)

    def add_warnings(self, messages: list[Message]) -> None:
        if not self.warning_messages and self.warnings:     # built from plain texts
            self.warnings = self.warnings + [message.text() for message in messages]
            return
        self.warning_messages = self.warning_messages + messages
        self.warnings = self.warning_texts(DEFAULT_LANGUAGE)

    def warning_texts(self, lang: str) -> list[str]:
        """The warnings in `lang` (as given when built from plain texts)."""
        if not self.warning_messages:
            return list(self.warnings)
        return [message.text(lang) for message in self.warning_messages]

    def error_table(self, lang: str):
        """The kept errors as a table (pandas): file, line, column, value, expected (in `lang`)."""
        import pandas as pd  # a slow import the command line's ingest does without

        rows = [(error.file, error.line, error.column, error.value, error.expected_text(lang))
                for error in self.errors]
        return pd.DataFrame(rows, columns=list(ERROR_TABLE_COLUMNS))

    def summary(self) -> str:
        return (f"{self.file_name}: {_count(self.rows_total, 'row')}, {self.rows_new} new, "
                f"{self.rows_replaced} replaced, {self.rows_unchanged} unchanged, "
                f"{_count(len(self.warnings), 'warning')}")

    def error_report(self) -> str:
        lines = [f"{self.file_name} rejected: {_count(self.error_count, 'error')}"]
        lines += [error.describe() for error in self.errors]
        if self.error_count > len(self.errors):
            lines.append(f"... and {_count(self.error_count - len(self.errors), 'more error')}")
        return "\n".join(lines)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _shorten(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else value[:limit - 3] + "..."


def _file_error(file_name: str, key: str, line: int = 0, column: str = "", value: str = "",
                **params) -> RowError:
    return RowError.of(file_name, line, column, value, Message(key, params))


def _rejected(file_name: str, kind: str, errors: list[RowError], **counts) -> IngestResult:
    return IngestResult(file_name, kind, False, errors=errors[:MAX_ERRORS_KEPT],
                        error_count=counts.pop("error_count", len(errors)), **counts)


# --- header ------------------------------------------------------------------------------

def _required_share(kind: Kind, header: list[str]) -> float:
    """The share of the kind's required columns that the header has."""
    return len(set(kind.required_columns) & set(header)) / len(kind.required_columns)


def _wrong_kind_error(file_name: str, kind: Kind, header: list[str]) -> RowError | None:
    """A header that fits another kind better, or no kind at all: one error saying so, in
    place of a list of every column the chosen kind misses."""
    share = _required_share(kind, header)
    others = [other for other in KINDS.values() if other.name != kind.name]
    best = max(others, key=lambda other: _required_share(other, header))
    best_share = _required_share(best, header)
    if best_share >= 0.5 and best_share > share:
        return _file_error(file_name, "file.header.other_kind", 1, value=", ".join(header),
                           kind=kind.name, other=best.name)
    if share < 0.5:
        return _file_error(file_name, "file.header.no_kind", 1, value=", ".join(header),
                           kind=kind.name, columns=", ".join(name for name in header if name),
                           expected=", ".join(kind.required_columns))
    return None


def _header_errors(file_name: str, kind: Kind, header: list[str]) -> list[RowError]:
    errors = []
    named = [name for name in header if name]
    for name in sorted({name for name in named if named.count(name) > 1}):
        errors.append(_file_error(file_name, "expected.header.duplicate", 1, name, name,
                                  name=name, count=named.count(name)))
    if not set(kind.required_columns) <= set(header):
        wrong_kind = _wrong_kind_error(file_name, kind, header)
        if wrong_kind:
            return errors + [wrong_kind]
    for name in kind.required_columns:
        if name not in header:
            errors.append(_file_error(file_name, "expected.header.missing", 1, name, "",
                                      name=name, kind=kind.name))
    return errors


def _header_warnings(kind: Kind, header: list[str]) -> list[Message]:
    extra = [name for name in header if name and name not in kind.column_names]
    return [Message("warning.extra_columns", {"columns": ", ".join(extra)})] if extra else []


def max_upload_bytes() -> int:
    return config.max_upload_bytes()


def _too_large(file_name: str, size: int) -> RowError | None:
    """A file over the upload limit, refused before any of it is parsed."""
    limit = config.max_upload_mb()
    if size <= max_upload_bytes():
        return None
    shown = math.ceil(size / BYTES_PER_MB * 10) / 10     # rounded up: never shown as within
    return _file_error(file_name, "file.too_large", size=float(shown), limit=float(limit))


# --- validation --------------------------------------------------------------------------

@contextmanager
def _in_memory_file(data: bytes):
    """A path DuckDB can read whose content lives in memory only: an anonymous memfd
    (Linux). It never reaches a disk and is gone with the process, however it ends."""
    if not hasattr(os, "memfd_create"):
        raise config.ConfigError("Reading a file needs Linux's in-memory files (memfd_create); "
                                 "original ids are never written to a temporary file.")
    fd = os.memfd_create("signals-ingest", os.MFD_CLOEXEC)
    try:
        view, written = memoryview(data), 0
        while written < len(data):
            written += os.write(fd, view[written:])
        yield f"/proc/self/fd/{fd}"
    finally:
        os.close(fd)


def _keep_in_memory(con) -> None:
    """No spilling of the connection's TEMP tables (original ids) to a temp folder on disk:
    a file too large for memory is refused as unreadable instead."""
    try:
        con.execute("SET temp_directory = ''")
    except duckdb.Error:       # this database already spilled once in this process
        pass


def _error_kind(error: Exception) -> str:
    """DuckDB's kind of error, without its detail (which can quote a line of the file)."""
    return str(error).split(":", 1)[0].strip() or type(error).__name__


def column_problem(data: bytes) -> Message | None:
    """The message when the file has more than MAX_COLUMNS columns (for the Upload page)."""
    try:
        check_column_count(data)
    except FileProblem as problem:
        return problem.problem
    return None


def _check(con, kind_name: str, file_name: str, data: bytes,
           known_departments: list[str] | None = None, rule=None) -> IngestResult:
    """Validate the file into the connection's TEMP tables; accepted=True when valid.

    New department names are compared with `known_departments` (default: those stored in
    the connection's database). `rule(con)`, when given, checks the parsed rows further
    (the uploader's role, signals.ingest.by_role) and returns ([(line, column, value,
    Message)], how many rows break it)."""
    kind = KINDS.get(kind_name)
    if kind is None:
        return _rejected(file_name, kind_name, [_file_error(
            file_name, "file.unknown_kind", kind=kind_name, kinds=", ".join(sorted(KINDS)))])
    too_large = _too_large(file_name, len(data))
    if too_large:
        return _rejected(file_name, kind_name, [too_large])
    try:
        prepared = prepare(data)            # the column count first, then the rest
    except FileProblem as problem:
        return _rejected(file_name, kind_name, [RowError.of(
            file_name, 0, problem.column, problem.value, problem.problem)])
    written = dict(zip(canonical_header(prepared.header), prepared.header))
    prepared.header = canonical_header(prepared.header)     # Dutch and French names too
    errors = _header_errors(file_name, kind, prepared.header)
    if errors:
        return _rejected(file_name, kind_name, errors)
    warnings = _header_warnings(kind, prepared.header)
    _keep_in_memory(con)
    try:
        with _in_memory_file(prepared.utf8) as path:
            staged = validation.stage(con, path, prepared, kind)
        rows, count = validation.find_errors(con, kind, MAX_ERRORS_KEPT, staged.first_version)
        if staged.first_version and count == 0:
            staged.warnings += validation.read_first_version(con, kind)
        if known_departments is None:
            known_departments = departments.known_names(con, store.DATA_TABLES)
        staged.warnings += departments.similar_warnings(con, known_departments)
        broken, broken_count = rule(con) if rule else ([], 0)
    except duckdb.Error as error:
        return _rejected(file_name, kind_name, [_file_error(
            file_name, "file.unreadable_csv", detail=_error_kind(error))])
    warnings += staged.warnings
    errors = [RowError.of(file_name, line, _as_written(column, written), value, expected)
              for line, column, value, expected in rows + broken][:MAX_ERRORS_KEPT]
    count += broken_count
    if staged.rows == 0 and count == 0:
        errors, count = [_file_error(file_name, "file.no_rows")], 1
    result = IngestResult(file_name, kind_name, count == 0, rows_total=staged.rows,
                          warning_messages=warnings, errors=errors, error_count=count)
    return result


def _as_written(column: str, written: dict[str, str]) -> str:
    """A column named as in the file when it used a Dutch or French name: 'begindatum (start_date)'."""
    if written.get(column, column) == column:
        return column
    return f"{written[column]} ({column})"


def validate_bytes(kind: str, file_name: str, data: bytes,
                   known_departments: list[str] | None = None, *, rule=None) -> IngestResult:
    """Validate only (for a preview): nothing is stored. accepted=True means valid.
    `known_departments` (see `known_departments`) gives the warnings about look-alike names;
    `rule` as in `_check`."""
    con = duckdb.connect()
    try:
        return _check(con, kind, file_name, data, known_departments or [], rule)
    finally:
        con.close()


def known_departments(db_path) -> list[str]:
    """The department names stored in the database (none when it does not exist yet)."""
    if not Path(db_path).exists():
        return []
    with store.connect(db_path, read_only=True) as con:
        return departments.known_names(con, store.DATA_TABLES)


# --- storing -----------------------------------------------------------------------------

def _stored_columns(kind: Kind) -> list[str]:
    return ["employee_key" if name == "employee_id" else name for name in kind.column_names]


def _stored_key(kind: Kind) -> list[str]:
    return ["employee_key" if name == "employee_id" else name for name in kind.key]


def _pseudonymise_ids(con, kind: Kind) -> None:
    """Create TEMP table ingest_pseudonyms (employee_id, employee_key) for the file's ids,
    hashed by DuckDB (`pseudonym.pseudonym_sql`)."""
    if "employee_id" not in kind.column_names:
        return
    key_sql, parameters = pseudonym.pseudonym_sql("employee_id", pseudonym.load_key())
    con.execute(f"CREATE OR REPLACE TEMP TABLE ingest_pseudonyms AS "
                f"SELECT employee_id, {key_sql} AS employee_key "
                f"FROM (SELECT DISTINCT employee_id FROM ingest_parsed)", parameters)


def _kept_value(column) -> str:
    """SQL: the stored value as text, when an empty optional cell keeps it (else NULL).

    A stored value equal to what the empty cell means anyway (NULL, or the default)
    is not worth a warning."""
    name = ident(column.name)
    default = "NULL" if column.default is None else (
        column.default if column.type == "int" else validation.sql_string(column.default))
    return (f"CASE WHEN n.{name} IS NULL AND t.{name} IS DISTINCT FROM {default} "
            f"THEN {{'column': {validation.sql_string(column.name)}, "
            f"'value': CAST(t.{name} AS VARCHAR)}} END")


def _stored_name(column) -> str:
    return "employee_key" if column.type == "employee_id" else column.name


def _merged_value(column) -> str:
    """SQL: the value to store. An empty optional cell never erases a stored value
    (CONTRACT: dialect); on a new row it takes the column's default."""
    name = ident(_stored_name(column))
    if column.required:
        return f"n.{name}"
    default = "" if column.default is None else (
        ", " + (column.default if column.type == "int" else validation.sql_string(column.default)))
    return f"coalesce(n.{name}, t.{name}{default})"


def _classify_rows(con, kind: Kind) -> None:
    """TEMP table ingest_classified: the file's rows as they will be stored (pseudonyms,
    stored values kept where a cell is empty, defaults, canonical values), each with status
    new, replaced or unchanged, its row index and the stored values it kept."""
    values = ["i.rowid AS ingest_row"]
    for column in kind.columns:
        values.append("p.employee_key" if column.type == "employee_id"
                      else f"{ident(column.name)}")
    join = ("JOIN ingest_pseudonyms p USING (employee_id)"
            if "employee_id" in kind.column_names else "")
    key = _stored_key(kind)
    content = [column for column in kind.columns if column.name not in kind.key]
    on = " AND ".join(f"n.{ident(name)} = t.{ident(name)}" for name in key)
    merged = ", ".join(f"{_merged_value(column)} AS {ident(_stored_name(column))}"
                       for column in content)
    same = " AND ".join(f"{_merged_value(column)} IS NOT DISTINCT FROM "
                        f"t.{ident(_stored_name(column))}" for column in content)
    optional = [column for column in kind.columns if not column.required]
    kept = ", ".join(_kept_value(column) for column in optional)
    keys = ", ".join(f"n.{ident(name)}" for name in key)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE ingest_classified AS
        WITH n AS (SELECT {', '.join(values)} FROM ingest_parsed i {join})
        SELECT n.ingest_row, {keys}, {merged},
               CASE WHEN t.{ident(key[0])} IS NULL THEN 'new'
                    WHEN {same or 'true'} THEN 'unchanged' ELSE 'replaced' END AS status,
               CASE WHEN t.{ident(key[0])} IS NULL THEN []
                    ELSE list_filter([{kept}], lambda x: x IS NOT NULL) END AS kept
        FROM n LEFT JOIN {kind.table} t ON {on}
    """)


def _kept_warnings(con) -> list[Message]:
    """One warning per stored value an empty cell kept (line, column, value), cut after
    MAX_KEPT_WARNINGS with a count of the rest; a headline with the number of rows first."""
    rows = validation.scalar(con, "SELECT count(*) FROM ingest_classified WHERE len(kept) > 0")
    if not rows:
        return []
    cells = con.execute("""
        WITH k AS (SELECT ingest_row, unnest(kept) AS cell FROM ingest_classified
                   WHERE len(kept) > 0)
        SELECT l.line, k.cell['column'], k.cell['value'], count(*) OVER () AS total
        FROM k JOIN ingest_lines l ON l.row_index = k.ingest_row
        ORDER BY l.line, k.cell['column'] LIMIT ?
    """, [MAX_KEPT_WARNINGS]).fetchall()
    warnings = [Message("warning.kept.rows", {"count": rows})]
    warnings += [Message("warning.kept.cell", {"line": line, "column": column, "value": value})
                 for line, column, value, _ in cells]
    total = cells[0][3] if cells else 0
    if total > len(cells):
        warnings.append(Message("warning.kept.more", {"count": total - len(cells)}))
    return warnings


def _without_workforce_warnings(con, kind: Kind) -> list[Message]:
    """Observations of a (month, department) with no workforce row: stored, but no rate
    (CONTRACT section 2); one warning with their number and the first line."""
    if kind.name != "observations":
        return []
    count, first_line = con.execute("""
        SELECT count(*), min(l.line) FROM ingest_classified c
        JOIN ingest_lines l ON l.row_index = c.ingest_row
        WHERE NOT EXISTS (SELECT 1 FROM workforce w
                          WHERE w.month = c.month AND w.department = c.department)
    """).fetchall()[0]
    if not count:
        return []
    return [Message("warning.observations.no_workforce", {"count": count, "line": first_line})]


def _upsert(con, kind: Kind, upload_id: int) -> dict[str, int]:
    key = _stored_key(kind)
    columns = ", ".join(ident(name) for name in _stored_columns(kind))
    matches = " AND ".join(f"{kind.table}.{ident(name)} = c.{ident(name)}" for name in key)
    # The versions this upload replaces, kept so that it can be undone (store.undo_upload).
    con.execute(f"INSERT INTO {store.history_table(kind.table)} BY NAME "
                f"SELECT {kind.table}.*, ? AS replaced_by FROM {kind.table} "
                f"JOIN ingest_classified c ON {matches} WHERE c.status = 'replaced'",
                [upload_id])
    con.execute(f"DELETE FROM {kind.table} USING ingest_classified c "
                f"WHERE c.status = 'replaced' AND {matches}")
    con.execute(f"INSERT INTO {kind.table} ({columns}, upload_id) "
                f"SELECT {columns}, ? FROM ingest_classified WHERE status <> 'unchanged'",
                [upload_id])
    counts = dict(con.execute(
        "SELECT status, count(*) FROM ingest_classified GROUP BY status").fetchall())
    return {f"rows_{status}": counts.get(status, 0) for status in ("new", "replaced", "unchanged")}


def _record_upload(con, result: IngestResult, sha256: str, uploaded_by: str | None,
                   upload_id: int | None = None) -> int:
    if upload_id is None:
        upload_id = validation.scalar(con, "SELECT nextval('upload_id_seq')")
    con.execute("""
        INSERT INTO uploads (upload_id, file_name, content_sha256, kind, status, rows_total,
            rows_new, rows_replaced, rows_unchanged, error_count, warnings, uploaded_at, uploaded_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?)
    """, [upload_id, result.file_name, sha256, result.kind,
          "accepted" if result.accepted else "rejected", result.rows_total, result.rows_new,
          result.rows_replaced, result.rows_unchanged, result.error_count, result.warnings,
          uploaded_by])
    return upload_id


def _store(con, kind: Kind, result: IngestResult, sha256: str, uploaded_by: str | None) -> None:
    """Write the validated file and its history row in one transaction."""
    _pseudonymise_ids(con, kind)
    con.execute("BEGIN TRANSACTION")
    try:
        pseudonym.check_key(con, pseudonym.load_key())
        upload_id = validation.scalar(con, "SELECT nextval('upload_id_seq')")
        _classify_rows(con, kind)
        for name, count in _upsert(con, kind, upload_id).items():
            setattr(result, name, count)
        result.add_warnings(_kept_warnings(con))
        result.add_warnings(_without_workforce_warnings(con, kind))
        result.upload_id = _record_upload(con, result, sha256, uploaded_by, upload_id)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _record_rejection(con, result: IngestResult, sha256: str, uploaded_by: str | None) -> None:
    """The rejected attempt's history row, in its own small transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        result.upload_id = _record_upload(con, result, sha256, uploaded_by)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _drop_temp_tables(con) -> None:
    validation.drop_staging(con)
    for table in ("ingest_pseudonyms", "ingest_classified"):
        con.execute(f"DROP TABLE IF EXISTS {table}")


def ingest_bytes(db_path, kind: str, file_name: str, data: bytes, *,
                 uploaded_by: str | None = None, allow_demo: bool = False,
                 rule=None) -> IngestResult:
    """Validate and store one file atomically; a rejected file changes no data row.
    `rule` checks the rows further before anything is stored (see `_check`)."""
    sha256 = hashlib.sha256(data).hexdigest()
    with store.connect(db_path) as con:
        if store.is_demo(con) and not allow_demo:
            return _rejected(file_name, kind, [_file_error(file_name, "file.demo")])
        try:
            result = _check(con, kind, file_name, data, rule=rule)
            if result.accepted:
                try:
                    _store(con, KINDS[kind], result, sha256, uploaded_by)
                except pseudonym.KeyProblem as problem:     # recorded as a failed upload
                    result = _rejected(file_name, kind, [RowError.of(
                        file_name, 0, "", "", problem.message)], rows_total=result.rows_total,
                        config_problem=True)
                except duckdb.Error as error:
                    result = _rejected(file_name, kind, [_file_error(
                        file_name, "file.store_failed", detail=_error_kind(error)
                    )], rows_total=result.rows_total)
            if not result.accepted:
                _record_rejection(con, result, sha256, uploaded_by)
        finally:
            _drop_temp_tables(con)
    return result


def ingest_path(db_path, kind: str, path: Path, *, uploaded_by: str | None = None,
                allow_demo: bool = False) -> IngestResult:
    """Ingest a file from disk; a missing, unreadable or too large file gives a rejected
    result (a file over the limit is not even read, so it has no upload history row)."""
    path = Path(path)
    try:
        too_large = _too_large(path.name, path.stat().st_size)
        if too_large:
            return _rejected(path.name, kind, [too_large])
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return _rejected(path.name, kind, [_file_error(path.name, "file.read_failed",
                                                       reason=reason)])
    return ingest_bytes(db_path, kind, path.name, data, uploaded_by=uploaded_by,
                        allow_demo=allow_demo)


# --- helpers for the Upload page ----------------------------------------------------------

def detect_kind(data: bytes) -> str | None:
    """The kind whose columns the header matches best (None when nothing fits)."""
    try:
        first_line = data[:65536].decode("utf-8-sig", errors="replace").splitlines()[0]
    except IndexError:
        return None
    header = set(canonical_header(parse_header(first_line, detect_delimiter(first_line))))

    def score(kind: Kind) -> tuple[bool, int, float]:
        matched = len(header & set(kind.column_names))
        return (set(kind.required_columns) <= header, matched, matched / len(kind.columns))

    best = max(KINDS.values(), key=score)
    all_required, matched, _ = score(best)
    return best.name if all_required or matched >= 2 else None


TEMPLATE_ROWS = {
    "workforce": [["2024-01", "Verpleging A", "42", "38,5", "5600"],
                  ["2024-01", "Logistiek", "18", "17", "2450,5"]],
    "absences": [["E1042", "Verpleging A", "2024-01-08", "2024-01-19", "illness"],
                 ["E2077", "Logistiek", "15/01/2024", "", "work_accident"]],
    "turnover": [["E1042", "Verpleging A", "2024-01-31", "exit", "voluntary"],
                 ["E3001", "Logistiek", "2024-02-01", "hire", ""]],
    "incidents": [["INC-2024-001", "2024-01-12", "Logistiek", "work_accident", "3"],
                  ["INC-2024-002", "2024-01-20", "Verpleging A", "aggression", "0"]],
    "reintegration": [["RI-2025-01", "E2077", "Logistiek", "2025-01-22", "trajectory", "worker",
                       "temporary_adapted_work", "2025-02-19", "returned_adapted_work",
                       "2025-03-04"],
                      ["RI-2026-02", "E1042", "Verpleging A", "2026-02-05", "preventive",
                       "worker", "", "", "", ""]],
    "observations": [["2024-01", "Verpleging A", "back_complaints", "3", "40",
                      "occupational_physician"],
                     ["2024-01", "Logistiek", "psychological_complaints", "1", "",
                      "psychosocial_adviser"]],
    "survey": [["2023-10-15", "Verpleging A", "work_organisation", "31", "58,5", "12,4"],
               ["2023-10-15", "Logistiek", "exhaustion", "14", "47", ""]],
}


def template_csv(kind: str) -> str:
    """Header and two realistic example rows, ';'-delimited as Belgian Excel writes it."""
    rows = [list(KINDS[kind].column_names)] + TEMPLATE_ROWS[kind]
    return "".join(";".join(row) + "\n" for row in rows)
