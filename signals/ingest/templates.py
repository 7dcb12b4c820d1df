"""Templates for HR: per kind, example rows and a guide that explains every column.

The template of a language writes its headers and codes in that language (the
names `aliases` accepts); the English one is the contract's own. The guide says
per column what it means, whether it is required, its format and its allowed
values, in nl, fr, en or de. Both are plain tables of text; ui/downloads writes them.
"""

from __future__ import annotations

import pandas as pd

from ..definitions import EARLIEST_DATE, KINDS, Column, Kind
from ..texts.catalogue import is_declared, message, template
from .aliases import CODE_ALIASES, COLUMN_ALIASES, code_name, column_name
from .loader import TEMPLATE_ROWS
from .validation import range_message

GUIDE_COLUMNS = ("column", "contract_name", "required", "format", "allowed_values", "meaning",
                 "also_accepted")

# "guide.header.<column>"; "guide.required.yes", ".no" and ".reason" (turnover's reason);
# "guide.format.<type>", or "guide.range.<validation range message>" for another range than
# "0 or more"; "guide.default"; "guide.meaning.<column>", or
# "guide.meaning.<kind>.<column>" where a kind gives a column its own meaning.
# Texts (English source): translations in signals/texts/locale/<lang>/LC_MESSAGES/messages.po.
message("guide.header.column", "Column")
message("guide.header.contract_name", "Contract name")
message("guide.header.required", "Required")
message("guide.header.format", "Format")
message("guide.header.allowed_values", "Allowed values")
message("guide.header.meaning", "Meaning")
message("guide.header.also_accepted", "Also accepted as header")
message("guide.required.yes", "required")
message("guide.required.no", "optional")
message("guide.required.reason", "required for exit")
message("guide.format.month", "month YYYY-MM, from {month} on")
message("guide.format.date", "date YYYY-MM-DD or DD/MM/YYYY, from {date} on")
message("guide.format.int", "whole number, 0 or more")
message("guide.format.decimal", "number, 0 or more (decimal comma or point)")
message("guide.format.text", "text")
message("guide.format.employee_id",
        "internal personnel number (pseudonymised; no name or national register number)")
message("guide.format.enum", "one of the allowed values (any case)")
message("guide.range.expected.range.int.at_least", "whole number, {minimum} or more")
message("guide.range.expected.range.decimal.between",
        "number from {minimum} to {maximum} (decimal comma or point)")
message("guide.default", "empty = {value}")
message("guide.meaning.month", "The month the row is about.")
message("guide.meaning.department",
        "The department, written the same way in every file (not 'ALL').")
message("guide.meaning.headcount",
        "Number of employees of the department that month (people, not FTE).")
message("guide.meaning.fte", "Full-time equivalents of the department that month.")
message("guide.meaning.hours_worked",
        "Hours actually worked that month (for the accident frequency and severity rates).")
message("guide.meaning.employee_id", "Who: the personnel number, to link one person's records.")
message("guide.meaning.start_date", "First day of the absence.")
message("guide.meaning.end_date", "Last day of the absence; empty = still absent.")
message("guide.meaning.absence_type", "Kind of absence (no diagnosis).")
message("guide.meaning.date", "The date of the event.")
message("guide.meaning.event", "Hire or exit.")
message("guide.meaning.reason", "Reason for the exit.")
message("guide.meaning.incident_id",
        "Your own number for the incident (a later file with the same number replaces it).")
message("guide.meaning.category", "Kind of incident.")
message("guide.meaning.days_lost", "Days lost because of the incident; empty = 0.")
message("guide.meaning.request_id", "Your own number for the re-integration request.")
message("guide.meaning.request_date", "Date of the request.")
message("guide.meaning.request_type",
        "Trajectory, pre-return visit or preventive request (from 2026-01-01, by the worker "
        "only).")
message("guide.meaning.initiator",
        "Who made the request (advisory_physician only before 2022-10-01; the employer asks for a "
        "pre-return visit only from 2026).")
message("guide.meaning.decision",
        "The occupational physician's decision on a trajectory (no work only before 2022-10-01).")
message("guide.meaning.decision_date",
        "Date of the decision; required with a decision, not before the request date.")
message("guide.meaning.outcome", "How the request ended; empty = still running.")
message("guide.meaning.outcome_date",
        "Date of the outcome; required with an outcome, not before the request date.")
message("guide.meaning.measure", "What is counted (never a person's diagnosis).")
message("guide.meaning.count", "Number of cases observed that month in the department (no names).")
message("guide.meaning.base",
        "How many people the count is out of (e.g. the employees seen); empty = that month's "
        "headcount.")
message("guide.meaning.source",
        "Who counted: occupational physician, psychosocial prevention adviser, HR or the "
        "committee.")
message("guide.meaning.domain", "Domain of the risk analysis (as in the FOD WASO questionnaire).")
message("guide.meaning.respondents", "Number of the department's employees who answered.")
message("guide.meaning.score", "Mean score from 0 to 100; higher = more risk.")
message("guide.meaning.score_sd", "Standard deviation of the scores (optional).")
message("guide.meaning.survey.date", "Date of the survey.")
message("guide.meaning.incidents.date", "The date of the incident.")
message("guide.meaning.turnover.date", "Date of the hire or exit.")


def _decimal_text(value: str, excel: bool) -> str:
    return value.replace(".", ",") if excel else value.replace(",", ".")


def template_frame(kind: str, lang: str, excel: bool = True) -> pd.DataFrame:
    """Header and example rows as text: in `lang` for Excel (decimal comma), or the contract's
    own names and codes for a machine (`excel=False`: decimal point, English)."""
    spec = KINDS[kind]
    shown_lang = lang if excel else "en"
    rows = []
    for example in TEMPLATE_ROWS[kind]:
        row = []
        for column, value in zip(spec.columns, example):
            if column.type == "enum" and value:
                value = code_name(column.name, value, shown_lang)
            elif column.type == "decimal":
                value = _decimal_text(value, excel)
            row.append(value)
        rows.append(row)
    headers = [column_name(column.name, shown_lang) for column in spec.columns]
    return pd.DataFrame(rows, columns=headers, dtype=str)


def _allowed(column: Column, lang: str) -> str:
    if column.type != "enum":
        return ""
    shown = []
    for code in column.enum:
        local = code_name(column.name, code, lang)
        shown.append(code if local == code else f"{local} ({code})")
    text = ", ".join(shown)
    if column.default:
        default = code_name(column.name, column.default, lang)
        text += "; " + template("guide.default", lang).format(value=default)
    return text


def _also_accepted(column: Column) -> str:
    names = [column.name] + [alias for aliases in COLUMN_ALIASES.get(column.name, {}).values()
                             for alias in aliases]
    return ", ".join(dict.fromkeys(names))


def _required(kind: Kind, column: Column, lang: str) -> str:
    if kind.name == "turnover" and column.name == "reason":
        return template("guide.required.reason", lang)
    return template("guide.required." + ("yes" if column.required else "no"), lang)


def _format(column: Column, lang: str) -> str:
    key, params = range_message(column) if column.minimum is not None else ("", {})
    if is_declared(f"guide.range.{key}"):       # another range than "0 or more"
        return template(f"guide.range.{key}", lang).format(**params)
    return template(f"guide.format.{column.type}", lang).format(date=EARLIEST_DATE,
                                                                  month=EARLIEST_DATE[:7])


def _meaning(kind: Kind, column: Column, lang: str) -> str:
    for key in (f"guide.meaning.{kind.name}.{column.name}", f"guide.meaning.{column.name}"):
        if is_declared(key):
            return template(key, lang)
    return ""


def guide_frame(kind: str, lang: str) -> pd.DataFrame:
    """One row per column of the kind: what it means, required or not, format, allowed values."""
    spec = KINDS[kind]
    rows = [{
        "column": column_name(column.name, lang),
        "contract_name": column.name,
        "required": _required(spec, column, lang),
        "format": _format(column, lang),
        "allowed_values": _allowed(column, lang),
        "meaning": _meaning(spec, column, lang),
        "also_accepted": _also_accepted(column),
    } for column in spec.columns]
    return pd.DataFrame(rows, columns=list(GUIDE_COLUMNS))


def guide_labels(lang: str) -> dict[str, str]:
    return {name: template(f"guide.header.{name}", lang) for name in GUIDE_COLUMNS}


def _names(names: dict[str, tuple[str, ...]]) -> str:
    return " | ".join(", ".join(names[lang]) for lang in ("nl", "fr", "de"))


def alias_table_markdown() -> str:
    """The README's table of accepted Dutch, French and German names (kept in step by a test)."""
    lines = ["| contract name | Dutch | French | German |", "|---|---|---|---|"]
    for column, names in COLUMN_ALIASES.items():
        lines.append(f"| `{column}` | {_names(names)} |")
    for column, codes in CODE_ALIASES.items():
        for code, names in codes.items():
            lines.append(f"| `{column}` = `{code}` | {_names(names)} |")
    return "\n".join(lines)
