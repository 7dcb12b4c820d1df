"""Set-based validation of one HR file in DuckDB.

The file is read with every column as VARCHAR into a temporary table, each cell
is parsed once (`ingest_parsed`), and one query of UNION ALL checks lists every
invalid cell (`ingest_errors`). Nothing here loops over rows in Python. All
tables are TEMP: they never reach the database file. An error says what was
expected as a message key of `ingest_texts` plus its parameters (JSON text), so
the report can be read in nl, fr, en or de.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..config import BYTES_PER_MB, MAX_LINE_BYTES
from ..definitions import (
    ALL_DEPARTMENTS,
    EARLIEST_DATE,
    LAW_2022,
    LAW_2026,
    NO_WORK_DECISIONS,
    V1_DECISIONS,
    V1_OUTCOMES,
    Column,
    Kind,
)
from .aliases import code_lookup
from .csv_dialect import PreparedCsv
from .messages import Message

if TYPE_CHECKING:           # numpy and pandas are imported only when a file needs them
    import numpy as np
    import pandas as pd

TRIMMED = " \t\u00a0"
NO_BREAK_SPACE = "\u00a0".encode("utf-8")
INT_PATTERN = "[+-]?[0-9]{1,9}"
DECIMAL_PATTERN = "[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)"
FORMULA_CHARACTERS = "=+@-"     # a cell starting with one is read as a formula by a spreadsheet
TEXT_TYPES = ("text", "employee_id")
# A Belgian national register number: 11 digits, as 85073003328 or 85.07.30-033.28.
NATIONAL_NUMBER_PATTERN = "[0-9]{2}[-. ]?[0-9]{2}[-. ]?[0-9]{2}[-. ]?[0-9]{3}[-. ]?[0-9]{2}"

# Rules across columns, from the contract's "Rejection" list.
ORDERED_DATES = {"absences": ("start_date", "end_date"), "reintegration": ("request_date", "outcome_date")}
REQUIRED_WHEN = {"turnover": ("reason", "event", "exit")}   # reason is required when event = exit
# A file of the contract's first version: a column with first-version codes (Column.legacy)
# and without this column (CONTRACT 1a).
FIRST_VERSION_WITHOUT = {"reintegration": "decision"}
MAX_FIRST_VERSION_WARNINGS = 100

# Parameters of the range messages (`expected.range.<type>`).
RANGE_PARAMS = {"date": {"date": EARLIEST_DATE}, "month": {"month": EARLIEST_DATE[:7]},
                "int": {}, "decimal": {}}
FORMAT_TYPES = ("date", "month", "int", "decimal")
DEPARTMENT_NAMES = "ingest_department_names"    # the file's names, folded (signals.ingest.departments)
MAX_DEPARTMENT_LENGTH = 100


def latest_date(today: dt.date | None = None) -> dt.date:
    """The latest date a file may hold: one year after the day of the upload (CONTRACT)."""
    today = today or dt.date.today()
    try:
        return today.replace(year=today.year + 1)
    except ValueError:                      # 29 February
        return today.replace(year=today.year + 1, day=28)


# A cell written as a date or month whose numbers name no day of the calendar ('31/06/2025').
ISO_DATE_SHAPE = "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
CALENDAR_SHAPES = {"date": f"{ISO_DATE_SHAPE}|[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{4}}",
                   "month": "[0-9]{4}-[0-9]{1,2}"}


@dataclass
class StagedFile:
    rows: int = 0                        # data rows (empty rows not counted)
    malformed: int = 0                   # rows with too many or too few fields
    empty_rows: int = 0
    warnings: list[Message] = field(default_factory=list)
    first_version: bool = False          # read by the contract's first version (1a)


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


def create_from_lists(con, table: str, columns: dict[str, tuple[list, str]]) -> None:
    """Copy Python lists (name: (values, SQL type), all of one length) into a TEMP table,
    as list parameters: no pandas needed."""
    selects = [f"unnest(${number}::{sql_type}[]) AS {ident(name)}"
               for number, (name, (_, sql_type)) in enumerate(columns.items(), start=1)]
    con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT {', '.join(selects)}",
                [values for values, _ in columns.values()])


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
            max_line_size = {MAX_LINE_BYTES + 1},
            store_rejects = true, rejects_table = 'ingest_rejects',
            rejects_scan = 'ingest_reject_scans')"""
    # An ASCII file holds no no-break space: one quick look instead of a search.
    wide_trim = b"\t" in prepared.utf8 or (not prepared.utf8.isascii()
                                            and NO_BREAK_SPACE in prepared.utf8)
    con.execute(parse_sql(kind, prepared.header, source, wide_trim))


def _malformed_records(con, prepared: PreparedCsv) -> tuple[np.ndarray | None, pd.DataFrame | None]:
    """Which records DuckDB refused (a mask over the records) and their error rows;
    (None, None) when it refused none."""
    if not scalar(con, "SELECT count(*) FROM ingest_rejects"):
        return None, None
    import numpy as np
    import pandas as pd

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


def _malformed_message(error_type: str, fields: int, delimiter: str) -> tuple[str, str]:
    """The message key and JSON parameters for a row DuckDB refused."""
    if error_type in ("MISSING COLUMNS", "TOO MANY COLUMNS"):
        return "expected.malformed.fields", json.dumps({"fields": fields, "delimiter": delimiter})
    if error_type == "UNQUOTED VALUE":
        return "expected.malformed.quote", "{}"
    if error_type == "LINE SIZE OVER MAXIMUM":      # a quoted row over several lines
        return "expected.malformed.line_size", json.dumps({"limit": MAX_LINE_BYTES / BYTES_PER_MB})
    return "expected.malformed.other", "{}"


def _store_malformed(con, rejects: pd.DataFrame, prepared: PreparedCsv,
                     quote_lines: bool = True) -> tuple[int, int]:
    """Keep the refused rows as errors; whitespace-only lines count as empty rows.

    A refused line is quoted only when the kind has no employee_id: an error never
    repeats an original id (on screen, in the error report, on stderr).
    """
    if rejects is None:
        con.execute("CREATE OR REPLACE TEMP TABLE ingest_malformed (line BIGINT, value VARCHAR, "
                    "expected_key VARCHAR, params VARCHAR)")
        return 0, 0
    import pandas as pd

    blank = rejects["csv_line"].fillna("").str.strip() == ""
    malformed = rejects[~blank]
    messages = [_malformed_message(kind, len(prepared.header), prepared.delimiter)
                for kind in malformed["error_type"]]
    values = malformed["csv_line"].fillna("").str.strip()
    frame = pd.DataFrame({
        "line": malformed["line"].astype("int64"),
        "value": values if quote_lines else values.map(lambda _: ""),
        "expected_key": [key for key, _ in messages],
        "params": [params for _, params in messages],
    })
    create_from_frame(con, "ingest_malformed", frame,
                      "CAST(line AS BIGINT) AS line, CAST(value AS VARCHAR) AS value, "
                      "CAST(expected_key AS VARCHAR) AS expected_key, "
                      "CAST(params AS VARCHAR) AS params")
    return len(frame), int(blank.sum())


def _store_line_numbers(con, prepared: PreparedCsv, refused: np.ndarray | None) -> Message | None:
    """TEMP table ingest_lines (row_index, line); a warning if lines can only be estimated."""
    read_rows = scalar(con, "SELECT count(*) FROM ingest_parsed")
    if refused is None and prepared.plain_records() == read_rows:     # row i on line i + 2
        con.execute("CREATE OR REPLACE TEMP TABLE ingest_lines AS "
                    "SELECT range AS row_index, range + 2 AS line FROM range(?)", [read_rows])
        return None
    import numpy as np
    import pandas as pd

    if refused is None:
        refused = np.zeros(len(prepared.record_offsets), dtype=bool)
    lines = prepared.record_lines[~refused]
    warning = None
    if len(lines) != read_rows:
        lines = np.arange(read_rows, dtype=np.int64) + 2
        warning = Message("warning.line_numbers")
    frame = pd.DataFrame({"row_index": np.arange(read_rows, dtype=np.int64),
                          "line": lines.astype(np.int64)})
    create_from_frame(con, "ingest_lines", frame, "row_index, line")
    return warning


def stage(con, path: str, prepared: PreparedCsv, kind: Kind) -> StagedFile:
    """Read the file into `ingest_parsed` (one row per data row, every cell parsed)."""
    _read_and_parse(con, path, prepared, kind)
    _translate_codes(con, kind)
    refused, rejects = _malformed_records(con, prepared)
    first_version = _is_first_version(con, kind, prepared.header)
    staged = StagedFile(first_version=first_version)
    staged.malformed, blank_lines = _store_malformed(
        con, rejects, prepared, quote_lines="employee_id" not in kind.column_names)
    warning = _store_line_numbers(con, prepared, refused)
    if warning:
        staged.warnings.append(warning)
    empty_rows = scalar(con, "SELECT count(*) FROM ingest_parsed WHERE is_empty")
    if empty_rows:
        con.execute("DELETE FROM ingest_parsed WHERE is_empty")   # rowids stay as they were
    staged.rows = scalar(con, "SELECT count(*) FROM ingest_parsed")
    staged.empty_rows = empty_rows + blank_lines
    if staged.empty_rows:
        staged.warnings.append(Message("warning.empty_rows", {"count": staged.empty_rows}))
    if "department" in kind.column_names:
        from .departments import stage_names  # it imports this module
        stage_names(con)
    national_numbers = _national_number_warning(con, kind)
    if national_numbers:
        staged.warnings.append(national_numbers)
    return staged


def _national_number_warning(con, kind: Kind) -> Message | None:
    """Employee ids that look like national register numbers: how many, and the first line."""
    if "employee_id" not in kind.column_names:
        return None
    text = text_column("employee_id")
    count, first_row = con.execute(f"""
        SELECT count(DISTINCT {text}), min(rowid) FROM ingest_parsed
        WHERE length({text}) BETWEEN 11 AND 15
          AND regexp_full_match({text}, '{NATIONAL_NUMBER_PATTERN}')
    """).fetchall()[0]
    if not count:
        return None
    line = scalar(con, "SELECT line FROM ingest_lines WHERE row_index = ?", [first_row])
    return Message("warning.national_number", {"count": count, "line": line})


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
        allowed = ", ".join(sql_string(value) for value in column.enum + column.legacy)
        return f"CASE WHEN lower({text}) IN ({allowed}) THEN lower({text}) END"
    return text


def _code_alias(column: Column) -> str:
    """The code a Dutch or French value stands for (aliases.normalise in SQL), else NULL."""
    text = text_column(column.name)
    normalised = f"trim(regexp_replace(lower(strip_accents({text})), '[^a-z0-9]+', '_', 'g'), '_')"
    entries = ", ".join(f"{sql_string(alias)}: {sql_string(code)}"
                        for alias, code in code_lookup(column.name,
                                                       column.enum + column.legacy).items())
    return f"(MAP {{{entries}}})[{normalised}]"


def _translate_codes(con, kind: Kind) -> None:
    """Dutch and French codes ('ziekte', 'maladie') become the contract's; only the cells that
    are not a code already are looked at, so a file in English codes pays one scan."""
    for column in kind.columns:
        if column.type == "enum":
            con.execute(f"UPDATE ingest_parsed SET {ident(column.name)} = {_code_alias(column)} "
                        f"WHERE {text_column(column.name)} IS NOT NULL "
                        f"AND {ident(column.name)} IS NULL")


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

def _params(values: dict | None = None) -> str:
    """Message parameters known before the query, as a SQL JSON text literal."""
    return sql_string(json.dumps(values or {}))


def _check(condition: str, column: str, value: str, key: str, params: str, order: int) -> str:
    return (f"SELECT rowid AS row_index, {sql_string(column)} AS column_name, "
            f"coalesce({value}, '') AS value, {sql_string(key)} AS expected_key, "
            f"CAST({params} AS VARCHAR) AS params, {order} AS column_order, "
            f"NULL::BIGINT AS repeats_row FROM ingest_parsed WHERE {condition}")


def _column_checks(column: Column, order: int) -> list[str]:
    text, typed, name = text_column(column.name), ident(column.name), column.name
    checks = []
    # An original employee id is never quoted in an error: its line and column say where.
    shown = "NULL" if column.type == "employee_id" else text
    if column.required:
        checks.append(_check(f"{text} IS NULL", name, text, "expected.required", _params(), order))
    if column.type in FORMAT_TYPES:
        checks.append(_check(f"{text} IS NOT NULL AND {typed} IS NULL{_not_calendar(column)}",
                             name, text, f"expected.format.{column.type}", _params(), order))
    if column.type in CALENDAR_SHAPES:
        checks += _calendar_checks(column, order)
    if column.type == "enum":
        checks.append(_check(f"{text} IS NOT NULL AND {typed} IS NULL", name, text,
                             "expected.enum", _params({"values": ", ".join(column.enum)}), order))
    if column.type in ("date", "month"):
        checks.append(_check(f"{typed} < DATE '{EARLIEST_DATE}'", name, text,
                             f"expected.range.{column.type}", _params(RANGE_PARAMS[column.type]),
                             order))
    if column.type in ("date", "month"):
        latest = latest_date()
        shown = latest.isoformat() if column.type == "date" else latest.isoformat()[:7]
        checks.append(_check(f"{typed} > DATE '{latest.isoformat()}'", name, text,
                             f"expected.future.{column.type}", _params({column.type: shown}),
                             order))
    if column.minimum is not None:
        key, params = range_message(column)
        outside = f"{typed} < {column.minimum}"
        if column.maximum is not None:
            outside += f" OR {typed} > {column.maximum}"
        checks.append(_check(outside, name, text, key, _params(params), order))
    if column.type in TEXT_TYPES:
        checks.append(_check(_starts_like_formula(text), name, shown,
                             "expected.plain_text", _params(), order))
    if name == "department":
        # 'ALL' is the whole organisation's row of the indicators, also written 'AⅬL' or
        # with a zero-width space (compared folded: signals.ingest.departments).
        reserved = sql_string(ALL_DEPARTMENTS.casefold())
        checks.append(_check(f"{text} IN (SELECT name FROM {DEPARTMENT_NAMES} "
                             f"WHERE folded = {reserved})", name, text,
                             "expected.reserved_department", _params(), order))
        checks.append(_check(f"length({text}) > {MAX_DEPARTMENT_LENGTH}", name,
                             f"left({text}, 60) || '…'", "expected.department_length",
                             f"json_object('limit', {MAX_DEPARTMENT_LENGTH}, "
                             f"'length', length({text}))", order))
    return checks


def _starts_like_formula(text: str) -> str:
    """SQL: the cell starts with a formula character (as regexp '^[=+@-]', without a regexp:
    prefix tests DuckDB can also answer from a column's statistics)."""
    return "(" + " OR ".join(f"starts_with({text}, {sql_string(character)})"
                             for character in FORMULA_CHARACTERS) + ")"
def range_message(column: Column) -> tuple[str, dict]:
    """The message key and parameters of a number outside its column's range: 0 or more
    (the common case), `minimum` or more (a base > 0), or `minimum` to `maximum` (a score)."""
    if column.maximum is not None:
        return (f"expected.range.{column.type}.between",
                {"minimum": _plain_number(column.minimum), "maximum": _plain_number(column.maximum)})
    if column.minimum:
        return f"expected.range.{column.type}.at_least", {"minimum": _plain_number(column.minimum)}
    return f"expected.range.{column.type}", dict(RANGE_PARAMS[column.type])


def _plain_number(value: float) -> int | float:
    """1.0 as 1 (shown without decimals in every language), other values unchanged."""
    return int(value) if float(value).is_integer() else value


def _calendar_parts(column: Column) -> tuple[str, str, str]:
    """SQL for the year, month and day a date-shaped cell writes (month cells: day 1)."""
    text = text_column(column.name)
    if column.type == "month":
        return (f"TRY_CAST(split_part({text}, '-', 1) AS INTEGER)",
                f"TRY_CAST(split_part({text}, '-', 2) AS INTEGER)", "1")
    iso = f"regexp_full_match({text}, '{ISO_DATE_SHAPE}')"
    parts = [f"split_part({text}, '-', {n})" for n in (1, 2, 3)]
    belgian = [f"split_part({text}, '/', {n})" for n in (3, 2, 1)]
    return tuple(f"TRY_CAST(CASE WHEN {iso} THEN {a} ELSE {b} END AS INTEGER)"
                 for a, b in zip(parts, belgian))


def _not_calendar(column: Column) -> str:
    """Cells written as a date (or month) that does not exist get their own message."""
    if column.type not in CALENDAR_SHAPES:
        return ""
    return f" AND NOT regexp_full_match({text_column(column.name)}, '{CALENDAR_SHAPES[column.type]}')"


def _calendar_checks(column: Column, order: int) -> list[str]:
    """'31/06/2025', '2025-02-29', '2025-13-01': the date does not exist, and why.

    Only the rows that did not parse are taken apart (a subquery), not the whole file."""
    text, typed, name = text_column(column.name), ident(column.name), column.name
    year, month, _ = _calendar_parts(column)
    key = (f"CASE WHEN NOT coalesce(month BETWEEN 1 AND 12, false) "
           f"THEN 'expected.real_{column.type}.month' "
           f"WHEN month = 2 THEN 'expected.real_date.february' ELSE 'expected.real_date.day' END")
    days = "CASE WHEN month BETWEEN 1 AND 12 THEN day(last_day(make_date(year, month, 1))) END"
    return [f"""
        SELECT row_index, {sql_string(name)} AS column_name, value, {key} AS expected_key,
               CAST(json_object('value', value, 'year', year, 'month', month, 'days', {days})
                    AS VARCHAR) AS params, {order} AS column_order, NULL::BIGINT AS repeats_row
        FROM (SELECT row_index, value, {year.replace(text, 'value')} AS year,
                     {month.replace(text, 'value')} AS month
              FROM (SELECT rowid AS row_index, {text} AS value FROM ingest_parsed
                    WHERE {text} IS NOT NULL AND {typed} IS NULL)
              WHERE regexp_full_match(value, '{CALENDAR_SHAPES[column.type]}'))
    """]


def _cross_column_checks(kind: Kind, orders: dict[str, int]) -> list[str]:
    checks = []
    if kind.name in ORDERED_DATES:
        first, later = ORDERED_DATES[kind.name]
        params = f"json_object('column', {sql_string(first)}, 'date', strftime({ident(first)}, '%Y-%m-%d'))"
        checks.append(_check(f"{ident(later)} < {ident(first)}", later, text_column(later),
                             "expected.date_order", params, orders[later]))
    if kind.name in REQUIRED_WHEN:
        column, other, value = REQUIRED_WHEN[kind.name]
        enum = next(c.enum for c in kind.columns if c.name == column)
        params = _params({"column": column, "other": other, "value": value, "values": ", ".join(enum)})
        checks.append(_check(f"{ident(other)} = {sql_string(value)} AND {text_column(column)} IS NULL",
                             column, text_column(column), "expected.required_when", params,
                             orders[column]))
    return checks


def _duplicate_key_check(kind: Kind, orders: dict[str, int]) -> str:
    """Rows whose key an earlier row already used (a hash aggregate, no sort of the file).

    The value shown is the key without its employee_id (the message names both lines)."""
    keys = ", ".join(ident(name) for name in kind.key)
    present = " AND ".join(f"{ident(name)} IS NOT NULL" for name in kind.key)
    shown = " || ', ' || ".join(f"p.{text_column(name)}" for name in kind.key
                                if name != "employee_id") or "''"
    columns = ", ".join(kind.key)
    return f"""
        SELECT p.rowid AS row_index, {sql_string(columns)} AS column_name, {shown} AS value,
               'expected.duplicate_key' AS expected_key, {_params({"columns": columns})} AS params,
               {orders[kind.key[0]]} AS column_order, d.first_row AS repeats_row
        FROM ingest_parsed p
        JOIN (SELECT {keys}, min(rowid) AS first_row FROM ingest_parsed WHERE {present}
              GROUP BY {keys} HAVING count(*) > 1) d USING ({keys})
        WHERE p.rowid > d.first_row
    """


def errors_sql(kind: Kind, first_version: bool = False) -> str:
    """SQL creating `ingest_errors`: one row per invalid cell or row of the staged file.
    A first-version file is not judged by the law of its dates (CONTRACT 1a): it warns."""
    orders = {column.name: index for index, column in enumerate(kind.columns)}
    checks = [check for column in kind.columns for check in _column_checks(column, orders[column.name])]
    checks += _cross_column_checks(kind, orders)
    if not first_version:
        checks += _legacy_code_checks(kind, orders)
        checks += [_check(condition, column, text_column(column), key, params, orders[column])
                   for condition, column, key, params in law_rules(kind)]
    checks.append(_duplicate_key_check(kind, orders))
    return f"""
        CREATE OR REPLACE TEMP TABLE ingest_errors AS
        WITH checks AS ({" UNION ALL ".join(checks)})
        SELECT l.line, c.column_name, c.value, c.expected_key, c.params,
               r.line AS repeats_line, c.column_order
        FROM checks c JOIN ingest_lines l USING (row_index)
        LEFT JOIN ingest_lines r ON r.row_index = c.repeats_row
        UNION ALL
        SELECT line, '' AS column_name, value, expected_key, params, NULL AS repeats_line,
               -1 AS column_order
        FROM ingest_malformed
    """


def find_errors(con, kind: Kind, limit: int,
                first_version: bool = False) -> tuple[list[tuple], int]:
    """The first `limit` errors (line, column, value, expected Message) in file order, and
    their count."""
    con.execute(errors_sql(kind, first_version))
    count = scalar(con, "SELECT count(*) FROM ingest_errors")
    rows = con.execute(
        "SELECT line, column_name, value, expected_key, params, repeats_line FROM ingest_errors "
        "ORDER BY line, column_order, column_name, expected_key LIMIT ?", [limit]
    ).fetchall()
    return [(line, column, value, _expected(key, params, repeats_line))
            for line, column, value, key, params, repeats_line in rows], count


def _expected(key: str, params: str, repeats_line: int | None) -> Message:
    values = json.loads(params)
    if repeats_line is not None:
        values["line"] = repeats_line
    return Message(key, values)


# --- re-integration as the law stood (CONTRACT 1a) --------------------------------------

def _code_list(codes) -> str:
    return "(" + ", ".join(sql_string(code) for code in codes) + ")"


def _date_params(column: str, **others: str) -> str:
    """JSON parameters: {date} = the row's `column` as YYYY-MM-DD, plus SQL expressions."""
    extra = "".join(f", {sql_string(name)}, {value}" for name, value in others.items())
    return f"json_object('date', strftime({ident(column)}, '%Y-%m-%d'){extra})"


def law_rules(kind: Kind) -> list[tuple[str, str, str, str]]:
    """Every rule of section 1a as (condition on ingest_parsed, column, message key, JSON
    parameters): a row meeting the condition breaks the law of its dates. An empty
    request_type is a trajectory, an empty decision pending (their defaults)."""
    if kind.name != "reintegration":
        return []
    request_type, decision = "coalesce(request_type, 'trajectory')", "coalesce(decision, 'pending')"
    after_2022, before_2026 = f"DATE '{LAW_2022}'", f"DATE '{LAW_2026}'"
    return [
        (f"initiator = 'advisory_physician' AND request_date >= {after_2022}", "initiator",
         "expected.law.advisory_physician", _date_params("request_date")),
        (f"{request_type} = 'preventive' AND request_date < {before_2026}", "request_type",
         "expected.law.preventive_date", _date_params("request_date")),
        (f"{request_type} = 'preventive' AND initiator <> 'worker'", "initiator",
         "expected.law.preventive_initiator", "'{}'"),
        (f"{request_type} = 'pre_return_visit' AND initiator NOT IN ('worker', 'employer')",
         "initiator", "expected.law.pre_return_initiator", "'{}'"),
        (f"{request_type} = 'pre_return_visit' AND initiator = 'employer' "
         f"AND request_date < {before_2026}", "initiator", "expected.law.pre_return_employer",
         _date_params("request_date")),
        (f"{decision} <> 'pending' AND {request_type} <> 'trajectory'", "decision",
         "expected.law.decision_type", f"json_object('request_type', {request_type})"),
        # an unreadable date has its own error
        (f"{decision} <> 'pending' AND decision_date IS NULL "
         f"AND {text_column('decision_date')} IS NULL", "decision_date",
         "expected.law.decision_date", f"json_object('decision', {decision})"),
        ("decision_date < request_date", "decision_date", "expected.law.decision_order",
         _date_params("request_date")),
        (f"decision IN {_code_list(NO_WORK_DECISIONS)} AND decision_date >= {after_2022}",
         "decision", "expected.law.no_work_decision",
         _date_params("decision_date", decision="decision")),
        (f"outcome IS NOT NULL AND outcome_date IS NULL "
         f"AND {text_column('outcome_date')} IS NULL", "outcome_date",
         "expected.law.outcome_date", "json_object('outcome', outcome)"),
    ]


def _legacy_code_checks(kind: Kind, orders: dict[str, int]) -> list[str]:
    """A first-version code in a file of the second version."""
    checks = []
    for column in kind.columns:
        if column.legacy:
            params = _params({"values": ", ".join(column.enum)})
            checks.append(_check(f"{ident(column.name)} IN {_code_list(column.legacy)}",
                                 column.name, text_column(column.name),
                                 "expected.outcome_v1", f"json_merge_patch({params}, "
                                 f"json_object('value', {ident(column.name)}))",
                                 orders[column.name]))
    return checks


def _is_first_version(con, kind: Kind, header: list[str]) -> bool:
    """A file without the second version's marking column whose legacy column holds a
    first-version code (a code of both versions, like stopped, decides nothing)."""
    marker = FIRST_VERSION_WITHOUT.get(kind.name)
    legacy = [column for column in kind.columns if column.legacy]
    if marker is None or marker in header or not legacy:
        return False
    condition = " OR ".join(f"{ident(column.name)} IN {_code_list(column.legacy)}"
                            for column in legacy)
    return bool(scalar(con, f"SELECT EXISTS (SELECT 1 FROM ingest_parsed WHERE {condition})"))


def read_first_version(con, kind: Kind) -> list[Message]:
    """Rewrite a valid first-version file's rows as the contract says (1a), then warn about
    each row the law of its dates would reject (line, column, rule), the first
    MAX_FIRST_VERSION_WARNINGS of them, after a headline."""
    outcome = "CASE outcome " + " ".join(
        f"WHEN {sql_string(old)} THEN {sql_string(new)}" for old, new in V1_OUTCOMES.items())
    outcome += " WHEN 'pending' THEN NULL " + " ".join(
        f"WHEN {sql_string(old)} THEN NULL" for old in V1_DECISIONS) + " ELSE outcome END"
    decision = "CASE outcome " + " ".join(
        f"WHEN {sql_string(old)} THEN {sql_string(new)}" for old, new in V1_DECISIONS.items()) + " END"
    becomes_decision = f"outcome IN {_code_list(V1_DECISIONS)}"
    # every SET expression reads the row as it was
    con.execute(f"""
        UPDATE ingest_parsed SET
            request_type = 'trajectory',
            decision = {decision},
            decision_date = CASE WHEN {becomes_decision} THEN coalesce(outcome_date, request_date) END,
            outcome_date = CASE WHEN {becomes_decision} OR outcome = 'pending' THEN NULL
                                ELSE outcome_date END,
            outcome = {outcome}
    """)
    orders = {column.name: index for index, column in enumerate(kind.columns)}
    rules = [f"SELECT rowid AS row_index, {sql_string(column)} AS column_name, "
             f"CAST({ident(column)} AS VARCHAR) AS value, {sql_string(key)} AS rule, "
             f"CAST({params} AS VARCHAR) AS params, {orders[column]} AS column_order "
             f"FROM ingest_parsed WHERE {condition}"
             for condition, column, key, params in law_rules(kind)]
    rows = con.execute(f"""
        SELECT l.line, r.column_name, coalesce(r.value, ''), r.rule, r.params,
               count(*) OVER () AS total
        FROM ({" UNION ALL ".join(rules)}) r JOIN ingest_lines l USING (row_index)
        ORDER BY l.line, r.column_order, r.rule LIMIT ?
    """, [MAX_FIRST_VERSION_WARNINGS]).fetchall()
    codes = ", ".join(next(column.legacy for column in kind.columns if column.legacy))
    warnings = [Message("warning.reintegration_v1", {"codes": codes})]
    warnings += [Message("warning.reintegration_v1.rule",
                         {**json.loads(params), "line": line, "column": column, "value": value,
                          "rule": rule})
                 for line, column, value, rule, params, _ in rows]
    total = rows[0][5] if rows else 0
    if total > len(rows):
        warnings.append(Message("warning.reintegration_v1.more", {"count": total - len(rows)}))
    return warnings


def drop_staging(con) -> None:
    for table in ("ingest_parsed", "ingest_lines", "ingest_errors", "ingest_malformed", "ingest_rejects",
                  "ingest_reject_scans", DEPARTMENT_NAMES):
        con.execute(f"DROP TABLE IF EXISTS {table}")
