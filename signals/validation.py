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


# --- reading ---------------------------------------------------------------------------

def _read_file(con, path: str, prepared: PreparedCsv) -> None:
    columns = ", ".join(f"'f{i}': 'VARCHAR'" for i in range(len(prepared.header)))
    for table in ("ingest_rejects", "ingest_reject_scans", "ingest_read"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    con.execute(f"""
        CREATE TEMP TABLE ingest_read AS SELECT * FROM read_csv({sql_string(path)},
            columns = {{{columns}}}, header = false, skip = 1, auto_detect = false,
            delim = {sql_string(prepared.delimiter)}, quote = '"', escape = '"',
            store_rejects = true, rejects_table = 'ingest_rejects',
            rejects_scan = 'ingest_reject_scans')
    """)


def _malformed_records(con, prepared: PreparedCsv) -> tuple[np.ndarray, pd.DataFrame]:
    """Which records DuckDB refused (a mask over the records) and their error rows."""
    rejects = con.execute("""
        SELECT line_byte_position AS position, any_value(error_type) AS error_type,
               any_value(csv_line) AS csv_line
        FROM ingest_rejects GROUP BY line_byte_position ORDER BY line_byte_position
    """).df()
    refused = np.zeros(len(prepared.record_offsets), dtype=bool)
    if rejects.empty:
        return refused, rejects.assign(line=pd.Series(dtype="int64"))
    # DuckDB's position may point one byte into the record: take the record that holds it.
    index = np.searchsorted(prepared.record_offsets, rejects["position"].to_numpy(), "right") - 1
    index = np.clip(index, 0, max(len(refused) - 1, 0))
    refused[index] = True
    rejects["line"] = prepared.record_lines[index] if len(refused) else 2
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
    con.execute("CREATE OR REPLACE TEMP TABLE ingest_malformed AS SELECT * FROM frame")
    return len(frame), int(blank.sum())


def _attach_line_numbers(con, prepared: PreparedCsv, refused: np.ndarray) -> str | None:
    """Give each read row its line number; a warning if they can only be estimated."""
    read_rows = con.execute("SELECT count(*) FROM ingest_read").fetchone()[0]
    lines = prepared.record_lines[~refused]
    warning = None
    if len(lines) != read_rows:
        lines = np.arange(read_rows, dtype=np.int64) + 2
        warning = ("Line numbers could not be matched exactly (unbalanced quotes?); "
                   "they count data rows from line 2.")
    line_frame = pd.DataFrame({"line": lines.astype(np.int64)})
    con.execute("""
        CREATE OR REPLACE TEMP TABLE ingest_lined AS
        SELECT l.line, r.* FROM ingest_read r POSITIONAL JOIN line_frame l
    """)
    con.execute("DROP TABLE ingest_read")
    return warning


def stage(con, path: str, prepared: PreparedCsv, kind: Kind) -> StagedFile:
    """Read the file into `ingest_parsed` (one row per data row, every cell parsed)."""
    _read_file(con, path, prepared)
    refused, rejects = _malformed_records(con, prepared)
    staged = StagedFile()
    staged.malformed, blank_lines = _store_malformed(con, rejects, prepared)
    warning = _attach_line_numbers(con, prepared, refused)
    if warning:
        staged.warnings.append(warning)
    con.execute(parse_sql(kind, prepared.header))
    con.execute("DROP TABLE ingest_lined")
    staged.rows = con.execute("SELECT count(*) FROM ingest_parsed").fetchone()[0]
    empty_rows = con.execute("SELECT count(*) FROM ingest_empty_rows").fetchone()[0]
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


def parse_sql(kind: Kind, header: list[str]) -> str:
    """SQL creating `ingest_parsed` (line, <col>__text, <col>) and `ingest_empty_rows`."""
    trim = sql_string(TRIMMED)
    fields = [f"f{i}" for i in range(len(header))]
    texts = []
    for column in kind.columns:
        source = f"f{header.index(column.name)}" if column.name in header else "NULL"
        texts.append(f"nullif(trim({source}, {trim}), '') AS {text_column(column.name)}")
    all_empty = " AND ".join(f"nullif(trim({name}, {trim}), '') IS NULL" for name in fields) or "true"
    typed = ", ".join(f"{_typed(column)} AS {ident(column.name)}" for column in kind.columns)
    return f"""
        CREATE OR REPLACE TEMP TABLE ingest_empty_rows AS
            SELECT line FROM ingest_lined WHERE {all_empty};
        CREATE OR REPLACE TEMP TABLE ingest_parsed AS
        WITH texts AS (
            SELECT line, {", ".join(texts)} FROM ingest_lined WHERE NOT ({all_empty})
        )
        SELECT *, {typed} FROM texts;
    """


# --- checks ------------------------------------------------------------------------------

def _check(condition: str, column: str, value: str, expected: str, order: int) -> str:
    return (f"SELECT line, {sql_string(column)} AS column_name, coalesce({value}, '') AS value, "
            f"{expected} AS expected, {order} AS column_order FROM ingest_parsed WHERE {condition}")


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
    keys = ", ".join(ident(name) for name in kind.key)
    present = " AND ".join(f"{ident(name)} IS NOT NULL" for name in kind.key)
    shown = " || ', ' || ".join(text_column(name) for name in kind.key)
    columns = ", ".join(kind.key)
    return f"""
        SELECT line, {sql_string(columns)} AS column_name, value,
               'a key (' || {sql_string(columns)} || ') used once; this row repeats line '
                   || first_line AS expected,
               {orders[kind.key[0]]} AS column_order
        FROM (SELECT line, {shown} AS value, min(line) OVER (PARTITION BY {keys}) AS first_line
              FROM ingest_parsed WHERE {present})
        WHERE line > first_line
    """


def errors_sql(kind: Kind) -> str:
    """SQL creating `ingest_errors`: one row per invalid cell or row of the staged file."""
    orders = {column.name: index for index, column in enumerate(kind.columns)}
    checks = [check for column in kind.columns for check in _column_checks(column, orders[column.name])]
    checks += _cross_column_checks(kind, orders)
    checks.append(_duplicate_key_check(kind, orders))
    checks.append("SELECT line, '' AS column_name, value, expected, -1 AS column_order "
                  "FROM ingest_malformed")
    return "CREATE OR REPLACE TEMP TABLE ingest_errors AS\n" + "\nUNION ALL\n".join(checks)


def find_errors(con, kind: Kind, limit: int) -> tuple[list[tuple], int]:
    """The first `limit` errors (line, column, value, expected) in file order, and their count."""
    con.execute(errors_sql(kind))
    count = con.execute("SELECT count(*) FROM ingest_errors").fetchone()[0]
    rows = con.execute(
        "SELECT line, column_name, value, expected FROM ingest_errors "
        "ORDER BY line, column_order, column_name, expected LIMIT ?", [limit]
    ).fetchall()
    return rows, count


def drop_staging(con) -> None:
    for table in ("ingest_read", "ingest_lined", "ingest_parsed", "ingest_empty_rows",
                  "ingest_errors", "ingest_malformed", "ingest_rejects", "ingest_reject_scans"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
