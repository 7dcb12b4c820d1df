"""What the contract fixes: record kinds, their columns, and the indicators.

Shared by ingest, indicators, alerts, the CLI and the pages, so each fact is
written once. Texts for people (kind labels, indicator names and definitions) are
declared at the end in English; their translations are in the catalogues
(signals.texts.catalogue).
"""

from __future__ import annotations

from dataclasses import dataclass

from .texts.catalogue import message

LANGUAGES = ("nl", "fr", "en", "de")
ALL_DEPARTMENTS = "ALL"
EARLIEST_DATE = "1990-01-01"


@dataclass(frozen=True)
class Column:
    name: str
    type: str                     # 'month', 'date', 'int', 'decimal', 'text', 'enum', 'employee_id'
    required: bool = True
    enum: tuple[str, ...] = ()
    default: str | None = None    # used when an optional cell is empty
    minimum: float | None = None


@dataclass(frozen=True)
class Kind:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    table: str = ""

    def label(self, lang: str) -> str:
        return kind_label(self.name, lang)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    @property
    def required_columns(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns if column.required)


ABSENCE_TYPES = ("illness", "work_accident", "occupational_disease", "other")
TURNOVER_EVENTS = ("hire", "exit")
EXIT_REASONS = ("voluntary", "involuntary", "retirement", "end_of_contract", "other")
INCIDENT_CATEGORIES = (
    "work_accident", "commuting_accident", "near_miss", "aggression",
    "psychosocial_informal", "psychosocial_formal", "harassment", "other",
)
PSYCHOSOCIAL_CATEGORIES = ("psychosocial_informal", "psychosocial_formal", "harassment")
INITIATORS = ("worker", "treating_physician", "advisory_physician", "employer")
OUTCOMES = (
    "pending", "adapted_work", "other_work", "no_work_possible", "definitively_unfit", "stopped",
)

KINDS: dict[str, Kind] = {
    "workforce": Kind(
        "workforce",
        (
            Column("month", "month"),
            Column("department", "text"),
            Column("headcount", "int", minimum=0),
            Column("fte", "decimal", required=False, minimum=0),
            Column("hours_worked", "decimal", required=False, minimum=0),
        ),
        key=("month", "department"),
        table="workforce",
    ),
    "absences": Kind(
        "absences",
        (
            Column("employee_id", "employee_id"),
            Column("department", "text"),
            Column("start_date", "date"),
            Column("end_date", "date", required=False),
            Column("absence_type", "enum", required=False, enum=ABSENCE_TYPES, default="illness"),
        ),
        key=("employee_id", "start_date"),
        table="absences",
    ),
    "turnover": Kind(
        "turnover",
        (
            Column("employee_id", "employee_id"),
            Column("department", "text"),
            Column("date", "date"),
            Column("event", "enum", enum=TURNOVER_EVENTS),
            Column("reason", "enum", required=False, enum=EXIT_REASONS),  # required for exit
        ),
        key=("employee_id", "date", "event"),
        table="turnover",
    ),
    "incidents": Kind(
        "incidents",
        (
            Column("incident_id", "text"),
            Column("date", "date"),
            Column("department", "text"),
            Column("category", "enum", enum=INCIDENT_CATEGORIES),
            Column("days_lost", "int", required=False, default="0", minimum=0),
        ),
        key=("incident_id",),
        table="incidents",
    ),
    "reintegration": Kind(
        "reintegration",
        (
            Column("request_id", "text"),
            Column("employee_id", "employee_id"),
            Column("department", "text"),
            Column("request_date", "date"),
            Column("initiator", "enum", enum=INITIATORS),
            Column("outcome", "enum", required=False, enum=OUTCOMES, default="pending"),
            Column("outcome_date", "date", required=False),
        ),
        key=("request_id",),
        table="reintegration",
    ),
}


@dataclass(frozen=True)
class Indicator:
    id: str
    unit: str            # '%', 'count', 'per_million_hours', 'per_thousand_hours'
    source_kind: str     # the record kind that feeds the numerator
    rare: bool           # rare events: judged on counts and rolling 12-month windows

    def name(self, lang: str) -> str:
        return indicator_name(self.id, lang)

    def definition(self, lang: str) -> str:
        return indicator_definition(self.id, lang)


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "absence_rate",
        "%", "absences", rare=False,
    ),
    Indicator(
        "absence_frequency",
        "%", "absences", rare=False,
    ),
    Indicator(
        "long_term_absentees",
        "count", "absences", rare=True,
    ),
    Indicator(
        "turnover_rate",
        "%", "turnover", rare=True,
    ),
    Indicator(
        "voluntary_turnover_rate",
        "%", "turnover", rare=True,
    ),
    Indicator(
        "accident_frequency_rate",
        "per_million_hours", "incidents", rare=True,
    ),
    Indicator(
        "accident_severity_rate",
        "per_thousand_hours", "incidents", rare=True,
    ),
    Indicator(
        "psychosocial_request_rate",
        "%", "incidents", rare=True,
    ),
    Indicator(
        "aggression_rate",
        "%", "incidents", rare=True,
    ),
    Indicator(
        "reintegration_request_rate",
        "%", "reintegration", rare=True,
    ),
)

INDICATOR_IDS = tuple(indicator.id for indicator in INDICATORS)
INDICATORS_BY_ID = {indicator.id: indicator for indicator in INDICATORS}

INDICATOR_CSV_HEADER = (
    "month", "department", "indicator", "numerator", "denominator", "value", "suppressed",
)
ALERT_CSV_HEADER = (
    "month", "department", "indicator", "level", "rule", "value", "expected", "upper_limit",
)
ALERT_LEVELS = ("watch", "alert")

# Where the collective signals come from (shown with every definition): "definitions.source".


def kind_label(kind: str, lang: str) -> str:
    """'Absences' / 'Afwezigheden': the record kind's name for people."""
    return _text(f"kind.{kind}", lang)


def indicator_name(indicator: str, lang: str) -> str:
    """'Absence rate' / 'Afwezigheidsgraad'."""
    return _text(f"indicator.{indicator}.name", lang)


def indicator_definition(indicator: str, lang: str) -> str:
    """How the indicator is computed, in words."""
    return _text(f"indicator.{indicator}.definition", lang)


def source_note(lang: str) -> str:
    """Where the collective signals come from."""
    return _text("definitions.source", lang)


def _text(key: str, lang: str) -> str:
    from .texts.i18n import text

    return text(key, lang)


# Texts (English source): translations in signals/texts/locale/<lang>/LC_MESSAGES/messages.po.
message("kind.workforce", "Workforce")
message("kind.absences", "Absences")
message("kind.turnover", "Turnover")
message("kind.incidents", "Incidents")
message("kind.reintegration", "Re-integration")
message("indicator.absence_rate.name", "Absence rate")
message("indicator.absence_rate.definition",
        "Working days of absence in the month / (headcount x working days of the month), in %.")
message("indicator.absence_frequency.name", "Absence frequency")
message("indicator.absence_frequency.definition",
        "Absence episodes starting in the month, per 100 employees.")
message("indicator.long_term_absentees.name", "Long-term absentees")
message("indicator.long_term_absentees.definition",
        "Employees absent on the last day of the month for more than 120 calendar days.")
message("indicator.turnover_rate.name", "Turnover rate")
message("indicator.turnover_rate.definition", "Exits in the month, per 100 employees.")
message("indicator.voluntary_turnover_rate.name", "Voluntary turnover rate")
message("indicator.voluntary_turnover_rate.definition",
        "Voluntary exits in the month, per 100 employees.")
message("indicator.accident_frequency_rate.name", "Accident frequency rate")
message("indicator.accident_frequency_rate.definition",
        "Work accidents with at least 1 day lost x 1,000,000 / hours worked.")
message("indicator.accident_severity_rate.name", "Accident severity rate")
message("indicator.accident_severity_rate.definition",
        "Days lost to work accidents x 1,000 / hours worked.")
message("indicator.psychosocial_request_rate.name", "Psychosocial requests")
message("indicator.psychosocial_request_rate.definition",
        "Informal and formal psychosocial requests and harassment complaints, per 100 employees.")
message("indicator.aggression_rate.name", "Aggression")
message("indicator.aggression_rate.definition",
        "Aggression incidents in the month, per 100 employees.")
message("indicator.reintegration_request_rate.name", "Re-integration requests")
message("indicator.reintegration_request_rate.definition",
        "Re-integration requests in the month, per 100 employees.")
message("definitions.source",
        "Belgian Superior Health Council, advice on burn-out and work, 'Early detection': "
        "collective signals.")
