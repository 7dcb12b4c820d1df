"""The ingest's messages: English source declared here, translations in the catalogues.

A message is a key plus parameters (`Message`), rendered in a language only when
shown: the command line and the CONTRACT use English, the Upload page the
reader's language. Parameters are values from the file or the settings; a
float is written as a number in the language (decimal comma in nl and fr).
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field

from ..texts.catalogue import is_declared, message, plural_message, template
from ..texts.formatting import LOCALES, format_number, month_names

DEFAULT_LANGUAGE = "en"

# Texts (English source): translations in signals/texts/locale/<lang>/LC_MESSAGES/messages.po.
message("expected.required", "a value (this column is required)")
message("expected.format.date", "a date YYYY-MM-DD or DD/MM/YYYY")
message("expected.real_date.day",
        "a date that exists: {value} does not exist ({month_name} has {days} days)")
message("expected.real_date.february",
        "a date that exists: {value} does not exist (February {year} has {days} days)")
message("expected.real_date.month",
        "a date that exists: {value} does not exist (there is no month {month})")
message("expected.real_month.month",
        "a month that exists: {value} does not exist (there is no month {month})")
message("expected.format.month", "a month YYYY-MM")
message("expected.format.int", "a whole number")
message("expected.format.decimal", "a number (decimal point or comma)")
message("expected.range.date", "a date on or after {date}")
message("expected.range.month", "a month from {month} on")
message("expected.future.date", "a date on or before {date} (at most one year after today)")
message("expected.future.month", "a month up to {month} (at most one year after today)")
message("expected.range.int", "a whole number of 0 or more (a negative value is out of range)")
message("expected.range.decimal", "a number of 0 or more (a negative value is out of range)")
message("expected.range.int.at_least",
        "a whole number of {minimum} or more (this value is out of range)")
message("expected.range.decimal.between",
        "a number from {minimum} to {maximum} (this value is out of range)")
message("expected.enum", "one of {values}")
message("expected.plain_text",
        "plain text, not a spreadsheet formula (a cell must not start with =, +, - or @)")
message("expected.reserved_department",
        "a department name other than ALL, which is reserved for the whole organisation")
message("expected.department_length",
        "a department name of at most {limit} characters (this one has {length})")
message("expected.date_order", "a date on or after the {column} {date}")
message("expected.law.advisory_physician",
        "an initiator other than advisory_physician: since 2022-10-01 (royal decree of 11 "
        "September 2022) the mutuality's advisory physician no longer starts a re-integration "
        "trajectory (request of {date})")
message("expected.law.preventive_date",
        "a request type other than preventive: a preventive request exists only since 2026-01-01 "
        "(re-integration 3.0; request of {date})")
message("expected.law.preventive_initiator",
        "initiator worker: only the worker makes a preventive request (since 2026-01-01)")
message("expected.law.pre_return_initiator",
        "initiator worker or employer: a pre-return visit is asked by the worker, since "
        "2026-01-01 also by the employer")
message("expected.law.pre_return_employer",
        "initiator worker: the employer asks for a pre-return visit only since 2026-01-01 "
        "(re-integration 3.0; request of {date})")
message("expected.law.decision_type",
        "decision pending: only a re-integration trajectory gets an occupational physician's "
        "decision, this request is {request_type}")
message("expected.law.decision_date", "a decision_date for the decision {decision}")
message("expected.law.decision_order", "a decision date on or after the request_date {date}")
message("expected.law.no_work_decision",
        "another decision: since 2022-10-01 (royal decree of 11 September 2022) {decision} no "
        "longer exists, definitive unfitness without other work goes through the medical force "
        "majeure procedure (decision of {date})")
message("expected.law.outcome_date", "an outcome_date for the outcome {outcome}")
message("expected.outcome_v1",
        "an outcome of the second version ({values}): {value} is a first-version code, accepted "
        "only in a file without a decision column")
message("expected.required_when", "a {column} for an {other} '{value}' (one of {values})")
message("expected.duplicate_key", "a key ({columns}) used once; this row repeats line {line}")
message("expected.malformed.fields",
        "{fields} fields separated by '{delimiter}', as in the header")
message("expected.malformed.quote", "a quoted value that ends with its closing quote (\")")
message("expected.malformed.other", "a readable CSV row")
message("expected.malformed.line_size",
        "a row of at most {limit} MB: this one runs on over several lines, as a quoted value with "
        "line breaks does. Most likely a quote character (\") opens a value that is never closed, "
        "or a cell holds a huge pasted text")
message("expected.header.duplicate",
        "each column name once in the header ('{name}' appears {count} times)")
message("expected.header.missing", "a column named '{name}' in the header (required for {kind})")
message("file.header.other_kind",
        "the columns of the kind '{kind_label}': these headers do not look like that kind of "
        "file, they look like the kind '{other_label}' (choose that kind, or upload the "
        "'{kind_label}' file)")
message("file.header.no_kind",
        "the columns of the kind '{kind_label}' ({expected}): the headers of this file match no "
        "kind of file")
message("file.unknown_kind", "Unknown kind of file '{kind}'; expected one of {kinds}.")
message("file.too_large",
        "The file is {size} MB, larger than the limit of {limit} MB; it was not read. Expected a "
        "smaller file: split it, for example per year.")
message("file.too_many_columns",
        "The header has {columns} columns, more than the limit of {limit}; the file was not read "
        "further. Expected at most {limit} columns.")
message("file.record_too_many_fields",
        "Line {line} has {fields} fields, more than the limit of {limit}; the file was not read "
        "further. Expected at most {limit} fields on a line (one per column of the header).")
plural_message("file.rows_too_many_fields",
               "{count} line has more fields than the {columns} columns of the header (line "
               "{line}, {fields} fields), too many to read; the file was not read further. "
               "Expected {columns} fields on each line, as in the header.",
               "{count} lines have more fields than the {columns} columns of the header (the "
               "first: line {line}, {fields} fields), too many to read; the file was not read "
               "further. Expected {columns} fields on each line, as in the header.")
message("file.line_too_long",
        "Line {line} is {size} MB long, more than the limit of {limit} MB for one line; the file "
        "was not read. Such a line usually holds a huge pasted text in a cell, or its line breaks "
        "are missing (the rows run together on one line). Expected lines of at most {limit} MB: "
        "look at line {line}.")
message("file.binary",
        "The file is not UTF-8 or Windows-1252 text (it looks like UTF-16 or a binary file); "
        "expected text saved as 'CSV UTF-8' or 'CSV (comma/semicolon delimited)' from Excel.")
message("file.control_characters",
        "The file contains control characters (line {line}), as a binary file does; expected text "
        "saved as 'CSV UTF-8' or 'CSV (comma/semicolon delimited)' from Excel.")
message("file.not_text",
        "The file is not UTF-8 or Windows-1252 text; expected text saved as 'CSV UTF-8' or 'CSV "
        "(comma/semicolon delimited)' from Excel.")
message("file.empty", "The file is empty; expected a header line and data rows.")
message("file.empty_header", "Line 1 is empty; expected the header (the column names) on line 1.")
message("file.no_rows",
        "The file has a header but no data rows; expected at least one row of data below the "
        "header.")
message("file.unreadable_csv", "The file could not be read as CSV ({detail}).")
message("file.read_failed", "The file could not be read ({reason}).")
message("file.store_failed", "Storing the file failed, nothing was stored ({detail}).")
message("key.env_not_hex",
        "SIGNALS_PSEUDONYM_KEY is not a usable key: expected at least 32 hexadecimal digits (0-9, "
        "a-f), found {found}. Nothing was stored.")
message("key.file_too_short",
        "The pseudonymisation key file is too short ({size} bytes): a key has at least 32 "
        "hexadecimal digits (16 bytes). Restore the original key file. Nothing was stored.")
message("key.file_not_hex",
        "The pseudonymisation key file does not hold a key in hexadecimal digits. Restore the "
        "original key file. Nothing was stored.")
message("key.file_unreadable",
        "The pseudonymisation key file cannot be read or created ({reason}). Nothing was stored.")
message("key.mismatch",
        "This database was filled with another pseudonymisation key (fingerprint {expected}; the "
        "key in use has {actual}). Restore the original key file or set SIGNALS_PSEUDONYM_KEY; "
        "see the README, 'The pseudonymisation key'. Nothing was stored.")
message("key.readable_by_others",
        "The pseudonymisation key file is readable by other users (permissions {mode}); make it "
        "readable by its owner only (chmod 600).")
message("file.demo",
        "This is the demo database: real files are never mixed with the synthetic demo data. "
        "Upload into the organisation's database instead.")
message("undo.done",
        "Upload {upload} ({file}) undone. Rows removed: {removed}; of these put back to their "
        "previous version: {restored}.")
message("undo.done_left",
        "Upload {upload} ({file}) undone. Rows removed: {removed}; of these put back to their "
        "previous version: {restored}. Left as they are, because a later upload ({later}) changed "
        "them again: {left}.")
message("undo.unknown", "There is no upload {upload}.")
message("undo.not_stored",
        "Upload {upload} cannot be undone: nothing of it is stored (status {status}).")
message("undo.too_old",
        "Upload {upload} was stored before this version kept what an upload changes; it cannot be "
        "undone.")
message("warning.extra_columns", "Extra columns ignored: {columns}.")
plural_message("warning.empty_rows", "{count} empty row ignored.", "{count} empty rows ignored.")
plural_message("warning.kept.rows",
               "{count} row with an empty cell where a value was already stored: the stored value "
               "was kept (an empty cell never erases a value).",
               "{count} rows with an empty cell where a value was already stored: the stored "
               "values were kept (an empty cell never erases a value).")
message("warning.kept.cell",
        "Line {line}, column {column}: empty cell, stored value {value} kept.")
plural_message("warning.kept.more",
               "And {count} more kept value.",
               "And {count} more kept values.")
message("warning.department.similar_stored",
        "Line {line}: the new department '{name}' looks like the known department '{known}'. Did "
        "you mean '{known}'? Correct the file and upload it again, otherwise '{name}' becomes a "
        "separate department.")
message("warning.department.similar_file",
        "Line {line}: the department '{name}' looks like '{known}', earlier in this file. Is it "
        "the same department?")
message("warning.reintegration_v1",
        "File in the contract's first version (an outcome column with {codes}, no decision "
        "column): read as written, every request is a trajectory; no_work_possible and "
        "definitively_unfit become decisions.")
message("warning.reintegration_v1.rule",
        "Line {line}, column {column} ({value}): accepted as first version, but the law of its "
        "date expects {rule_text}.")
plural_message("warning.reintegration_v1.more",
               "And {count} more row the law of its date would reject.",
               "And {count} more rows the law of their date would reject.")
plural_message("warning.observations.no_workforce",
               "{count} observation has no workforce row for its month and department (on line "
               "{line}): it is stored but gives no rate until that row is uploaded.",
               "{count} observations have no workforce row for their month and department (the "
               "first on line {line}): they are stored but give no rate until those rows are "
               "uploaded.")
message("warning.line_numbers",
        "Line numbers could not be matched exactly (unbalanced quotes?); they count data rows "
        "from line 2.")
plural_message("warning.national_number",
               "{count} employee_id value looks like a Belgian national register number (on line "
               "{line}). It was pseudonymised like any id, but an internal personnel number is "
               "the better choice.",
               "{count} employee_id values look like a Belgian national register number (the "
               "first on line {line}). They were pseudonymised like any id, but an internal "
               "personnel number is the better choice.")


def _shown(value, lang: str) -> str:
    """A parameter as written in the language: floats get the language's decimal mark."""
    if isinstance(value, float):
        return format_number(value, lang, 0 if value.is_integer() else 1)
    return str(value)


def _derived(params: dict, lang: str) -> dict:
    """Words a parameter stands for in the language: a kind's label, a month's name."""
    from ..definitions import KINDS, kind_label

    derived = {}
    for name in ("kind", "other"):
        if params.get(name) in KINDS:
            derived[f"{name}_label"] = kind_label(params[name], lang)
    rule = params.get("rule")
    if isinstance(rule, str) and is_declared(rule):     # a warning quoting an error's text
        derived["rule_text"] = render(rule, lang, {name: value for name, value in params.items()
                                                   if name != "rule"})
    month = params.get("month")
    if isinstance(month, int) and 1 <= month <= 12:
        derived["month_name"] = month_names(lang if lang in LOCALES else DEFAULT_LANGUAGE)[month - 1]
    return derived


def render(key: str, lang: str, params: dict | None = None) -> str:
    """The message `key` in `lang` (English when the language is unknown)."""
    params = params or {}
    form = template(key, lang, params.get("count", 0))
    values = {name: _shown(value, lang) for name, value in params.items()}
    return form.format(**values, **_derived(params, lang))


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True)
class Message:
    """A message to render later in the reader's language."""
    key: str
    params: dict = field(default_factory=dict)

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return render(self.key, lang, self.params)
