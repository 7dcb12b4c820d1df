"""Set-based validation of one HR file in DuckDB.

The file is read with every column as VARCHAR into a temporary table, each cell
is parsed once (`ingest_parsed`), and one query of UNION ALL checks lists every
invalid cell (`ingest_errors`). Nothing here loops over rows in Python. All
tables are TEMP: they never reach the database file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .csv_dialect import PreparedCsv
from .definitions import EARLIEST_DATE, Column, Kind

TRIMMED = " \t\u00a0"
NO_BREAK_SPACE = "\u00a0".encode("utf-8")
INT_PATTERN = "[+-]?[0-9]{1,9}"
DECIMAL_PATTERN = "[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)"
FORMULA_START = "^[=+@-]"
TEXT_TYPES = ("text", "employee_id")

# Rules across columns, from the contract's "Rejection" list.
ORDERED_DATES = {"absences": ("start_date", "end_date"), "reintegration": ("request_date", "outcome_date")}
REQUIRED_WHEN = {"turnover": ("reason", "event", "exit")}   # reason is required when event = exit

EXPECTED_FORMAT = {
    "date": "a date YYYY-MM-DD or DD/MM/YYYY",
    "month": "a month YYYY-MM",
    "int": "a whole number",
    "decimal": "a number (decimal point or comma)",
}
EXPECTED_RANGE = {
    "date": f"a date on or after {EARLIEST_DATE}",
    "month": f"a month from {EARLIEST_DATE[:7]} on",
    "int": "a whole number of 0 or more (a negative value is out of range)",
    "decimal": "a number of 0 or more (a negative value is out of range)",
}
EXPECTED_REQUIRED = "a value (this column is required)"
EXPECTED_PLAIN_TEXT = "plain text, not a spreadsheet formula (a cell must not start with =, +, - or @)"


@dataclass
class StagedFile:
    rows: int = 0                        # data rows (empty rows not counted)
    malformed: int = 0                   # rows with too many or too few fields
    empty_rows: int = 0
    warnings: list[str] = field(default_factory=list)


def sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def text_column(name: str) -> str:
    """The trimmed text of a cell, NULL when empty."""
    return ident(name + "__text")


def scalar(con, sql: str, parameters=None):
    """The single value of a query, fully fetched (DuckDB 2.0 refuses some calls while a
    result is still open)."""
    return con.execute(sql, parameters or []).fetchall()[0][0]


def create_from_frame(con, table: str, frame: pd.DataFrame, columns: str) -> None:
    """Copy a pandas frame into a TEMP table (registered explicitly, not found by name)."""
    con.register("ingest_frame", frame)
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT {columns} FROM ingest_frame")
    finally:
        con.unregister("ingest_frame")


# --- reading ---------------------------------------------------------------------------

def _read_and_parse(con, path: str, prepared: PreparedCsv, kind: Kind) -> None:
    """One pass: read every field as VARCHAR and parse it into `ingest_parsed`.

    The table keeps the file's row order, so its rowid is the row's position among
    the rows DuckDB accepted; `ingest_lines` turns that position into a line number.
    """
    columns = ", ".join(f"'f{i}': 'VARCHAR'" for i in range(len(prepared.header)))
    for table in ("ingest_rejects", "ingest_reject_scans", "ingest_parsed"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    source = f"""read_csv({sql_string(path)},
            columns = {{{columns}}}, header = false, skip = 1, auto_detect = false,
            delim = {sql_string(prepared.delimiter)}, quote = '"', escape = '"',
            store_rejects = true, rejects_table = 'ingest_rejects',
            rejects_scan = 'ingest_reject_scans')"""
    wide_trim = b"\t" in prepared.utf8 or NO_BREAK_SPACE in prepared.utf8
    con.execute(parse_sql(kind, prepared.header, source, wide_trim))


def _malformed_records(con, prepared: PreparedCsv) -> tuple[np.ndarray, pd.DataFrame]:
    """Which records DuckDB refused (a mask over the records) and their error rows."""
    rejects = con.execute("""
        SELECT line_byte_position AS position, any_value(error_type) AS error_type,
               any_value(csv_line) AS csv_line
        FROM ingest_rejects GROUP BY line_byte_position ORDER BY line_byte_position
    """).df()
    refused = np.zeros(len(prepared.record_offsets), dtype=bool)
    if rejects.empty or not len(refused):
        return refused, rejects.assign(line=pd.Series(dtype="int64"))
    # DuckDB's position may point one byte into the record: take the record that holds it.
    index = np.searchsorted(prepared.record_offsets, rejects["position"].to_numpy(), "right") - 1
    index = np.clip(index, 0, len(refused) - 1)
    refused[index] = True
    rejects["line"] = prepared.record_lines[index]
    return refused, rejects


def _error_for_malformed(error_type: str, fields: int, delimiter: str) -> str:
    if error_type in ("MISSING COLUMNS", "TOO MANY COLUMNS"):
        return f"{fields} fields separated by '{delimiter}', as in the header"
    if error_type == "UNQUOTED VALUE":
        return 'a quoted value that ends with its closing quote (")'
    return "a readable CSV row"


def _store_malformed(con, rejects: pd.DataFrame, prepared: PreparedCsv) -> tuple[int, int]:
    """Keep the refused rows as errors; whitespace-only lines count as empty rows."""
    blank = rejects["csv_line"].fillna("").str.strip() == ""
    malformed = rejects[~blank]
    frame = pd.DataFrame({
        "line": malformed["line"].astype("int64"),
        "value": malformed["csv_line"].fillna("").str.strip(),
        "expected": [_error_for_malformed(kind, len(prepared.header), prepared.delimiter)
                     for kind in malformed["error_type"]],
    })
    create_from_frame(con, "ingest_malformed", frame,
                      "CAST(line AS BIGINT) AS line, CAST(value AS VARCHAR) AS value, "
                      "CAST(expected AS VARCHAR) AS expected")
    return len(frame), int(blank.sum())


def _store_line_numbers(con, prepared: PreparedCsv, refused: np.ndarray) -> str | None:
    """TEMP table ingest_lines (row_index, line); a warning if lines can only be estimated."""
    read_rows = scalar(con, "SELECT count(*) FROM ingest_parsed")
    lines = prepared.record_lines[~refused]
    warning = None
    if len(lines) != read_rows:
        lines = np.arange(read_rows, dtype=np.int64) + 2
        warning = ("Line numbers could not be matched exactly (unbalanced quotes?); "
                   "they count data rows from line 2.")
    frame = pd.DataFrame({"row_index": np.arange(read_rows, dtype=np.int64),
                          "line": lines.astype(np.int64)})
    create_from_frame(con, "ingest_lines", frame, "row_index, line")
    return warning


def stage(con, path: str, prepared: PreparedCsv, kind: Kind) -> StagedFile:
    """Read the file into `ingest_parsed` (one row per data row, every cell parsed)."""
    _read_and_parse(con, path, prepared, kind)
    refused, rejects = _malformed_records(con, prepared)
    staged = StagedFile()
    staged.malformed, blank_lines = _store_malformed(con, rejects, prepared)
    warning = _store_line_numbers(con, prepared, refused)
    if warning:
        staged.warnings.append(warning)
    empty_rows = scalar(con, "SELECT count(*) FROM ingest_parsed WHERE is_empty")
    if empty_rows:
        con.execute("DELETE FROM ingest_parsed WHERE is_empty")   # rowids stay as they were
    staged.rows = scalar(con, "SELECT count(*) FROM ingest_parsed")
    staged.empty_rows = empty_rows + blank_lines
    if staged.empty_rows:
        staged.warnings.append(f"{staged.empty_rows} empty row(s) ignored.")
    return staged


# --- parsing -----------------------------------------------------------------------------

def _typed(column: Column) -> str:
    text = text_column(column.name)
    if column.type == "date":
        return (f"CAST(coalesce(try_strptime({text}, '%Y-%m-%d'), "
                f"try_strptime({text}, '%d/%m/%Y')) AS DATE)")
    if column.type == "month":
        return f"CAST(try_strptime({text}, '%Y-%m') AS DATE)"
    if column.type == "int":
        return f"CASE WHEN regexp_full_match({text}, '{INT_PATTERN}') THEN CAST({text} AS BIGINT) END"
    if column.type == "decimal":
        return (f"CASE WHEN regexp_full_match({text}, '{DECIMAL_PATTERN}') "
                f"THEN CAST(replace({text}, ',', '.') AS DOUBLE) END")
    if column.type == "enum":
        allowed = ", ".join(sql_string(value) for value in column.enum)
        return f"CASE WHEN lower({text}) IN ({allowed}) THEN lower({text}) END"
    return text


def _trimmed(field_name: str, wide: bool) -> str:
    """Trim spaces; tabs and no-break spaces too when the file holds any (a slower trim)."""
    trimmed = f"trim({field_name}, {sql_string(TRIMMED)})" if wide else f"trim({field_name})"
    return f"nullif({trimmed}, '')"


def parse_sql(kind: Kind, header: list[str], source: str, wide_trim: bool = True) -> str:
    """SQL creating `ingest_parsed` from `source`: <col>__text, <col> and is_empty per row."""
    texts = []
    for column in kind.columns:
        field_name = f"f{header.index(column.name)}" if column.name in header else "NULL"
        texts.append(f"{_trimmed(field_name, wide_trim)} AS {text_column(column.name)}")
    extra_fields = [f"f{i}" for i, name in enumerate(header) if name not in kind.column_names]
    extras_empty = " AND ".join(f"{_trimmed(name, wide_trim)} IS NULL" for name in extra_fields)
    empty = " AND ".join(f"{text_column(column.name)} IS NULL" for column in kind.columns)
    typed = ", ".join(f"{_typed(column)} AS {ident(column.name)}" for column in kind.columns)
    return f"""
        CREATE TEMP TABLE ingest_parsed AS
        WITH texts AS (SELECT {", ".join(texts)}, {extras_empty or "true"} AS extras_empty
                       FROM {source})
        SELECT * EXCLUDE (extras_empty), {typed}, {empty} AND extras_empty AS is_empty FROM texts
    """


# --- checks ------------------------------------------------------------------------------

def _check(condition: str, column: str, value: str, expected: str, order: int) -> str:
    return (f"SELECT rowid AS row_index, {sql_string(column)} AS column_name, "
            f"coalesce({value}, '') AS value, {expected} AS expected, {order} AS column_order, "
            f"NULL::BIGINT AS repeats_row FROM ingest_parsed WHERE {condition}")


def _column_checks(column: Column, order: int) -> list[str]:
    text, typed, name = text_column(column.name), ident(column.name), column.name
    checks = []
    if column.required:
        checks.append(_check(f"{text} IS NULL", name, text, sql_string(EXPECTED_REQUIRED), order))
    if column.type in EXPECTED_FORMAT:
        checks.append(_check(f"{text} IS NOT NULL AND {typed} IS NULL", name, text,
                             sql_string(EXPECTED_FORMAT[column.type]), order))
    if column.type == "enum":
        expected = "one of " + ", ".join(column.enum)
        checks.append(_check(f"{text} IS NOT NULL AND {typed} IS NULL", name, text,
                             sql_string(expected), order))
    if column.type in ("date", "month"):
        checks.append(_check(f"{typed} < DATE '{EARLIEST_DATE}'", name, text,
                             sql_string(EXPECTED_RANGE[column.type]), order))
    if column.minimum is not None:
        checks.append(_check(f"{typed} < {column.minimum}", name, text,
                             sql_string(EXPECTED_RANGE[column.type]), order))
    if column.type in TEXT_TYPES:
        checks.append(_check(f"regexp_matches({text}, '{FORMULA_START}')", name, text,
                             sql_string(EXPECTED_PLAIN_TEXT), order))
    return checks


def _cross_column_checks(kind: Kind, orders: dict[str, int]) -> list[str]:
    checks = []
    if kind.name in ORDERED_DATES:
        first, later = ORDERED_DATES[kind.name]
        expected = (f"'a date on or after the {first} ' || strftime({ident(first)}, '%Y-%m-%d')")
        checks.append(_check(f"{ident(later)} < {ident(first)}", later, text_column(later),
                             expected, orders[later]))
    if kind.name in REQUIRED_WHEN:
        column, other, value = REQUIRED_WHEN[kind.name]
        enum = next(c.enum for c in kind.columns if c.name == column)
        expected = f"a {column} for an {other} '{value}' (one of {', '.join(enum)})"
        checks.append(_check(f"{ident(other)} = {sql_string(value)} AND {text_column(column)} IS NULL",
                             column, text_column(column), sql_string(expected), orders[column]))
    return checks


def _duplicate_key_check(kind: Kind, orders: dict[str, int]) -> str:
    """Rows whose key an earlier row already used (a hash aggregate, no sort of the file)."""
    keys = ", ".join(ident(name) for name in kind.key)
    present = " AND ".join(f"{ident(name)} IS NOT NULL" for name in kind.key)
    shown = " || ', ' || ".join(f"p.{text_column(name)}" for name in kind.key)
    columns = ", ".join(kind.key)
    return f"""
        SELECT p.rowid AS row_index, {sql_string(columns)} AS column_name, {shown} AS value,
               {sql_string(f"a key ({columns}) used once")} AS expected,
               {orders[kind.key[0]]} AS column_order, d.first_row AS repeats_row
        FROM ingest_parsed p
        JOIN (SELECT {keys}, min(rowid) AS first_row FROM ingest_parsed WHERE {present}
              GROUP BY {keys} HAVING count(*) > 1) d USING ({keys})
        WHERE p.rowid > d.first_row
    """


def errors_sql(kind: Kind) -> str:
    """SQL creating `ingest_errors`: one row per invalid cell or row of the staged file."""
    orders = {column.name: index for index, column in enumerate(kind.columns)}
    checks = [check for column in kind.columns for check in _column_checks(column, orders[column.name])]
    checks += _cross_column_checks(kind, orders)
    checks.append(_duplicate_key_check(kind, orders))
    return f"""
        CREATE OR REPLACE TEMP TABLE ingest_errors AS
        WITH checks AS ({" UNION ALL ".join(checks)})
        SELECT l.line, c.column_name, c.value,
               c.expected || coalesce('; this row repeats line ' || r.line, '') AS expected,
               c.column_order
        FROM checks c JOIN ingest_lines l USING (row_index)
        LEFT JOIN ingest_lines r ON r.row_index = c.repeats_row
        UNION ALL
        SELECT line, '' AS column_name, value, expected, -1 AS column_order FROM ingest_malformed
    """


def find_errors(con, kind: Kind, limit: int) -> tuple[list[tuple], int]:
    """The first `limit` errors (line, column, value, expected) in file order, and their count."""
    con.execute(errors_sql(kind))
    count = scalar(con, "SELECT count(*) FROM ingest_errors")
    rows = con.execute(
        "SELECT line, column_name, value, expected FROM ingest_errors "
        "ORDER BY line, column_order, column_name, expected LIMIT ?", [limit]
    ).fetchall()
    return rows, count


def drop_staging(con) -> None:
    for table in ("ingest_parsed", "ingest_lines", "ingest_errors", "ingest_malformed", "ingest_rejects", "ingest_reject_scans"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
