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
    legacy: tuple[str, ...] = ()  # codes of the contract's first version, read as it says
    maximum: float | None = None  # inclusive; None: no upper bound


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
    "psychosocial_informal", "psychosocial_formal", "harassment", "serious_event", "other",
)
PSYCHOSOCIAL_CATEGORIES = ("psychosocial_informal", "psychosocial_formal", "harassment")
INITIATORS = ("worker", "treating_physician", "employer", "advisory_physician")
REQUEST_TYPES = ("trajectory", "pre_return_visit", "preventive")
JOB_ADAPTATION_TYPES = ("preventive", "pre_return_visit")
DECISIONS = (
    "pending", "temporary_adapted_work", "temporary_no_work", "definitive_adapted_work",
    "definitive_no_work", "not_assessable",
)
NO_WORK_DECISIONS = ("temporary_no_work", "definitive_no_work")
DEFINITIVE_DECISIONS = ("definitive_adapted_work", "definitive_no_work")
OUTCOMES = (
    "returned_same_work", "returned_adapted_work", "returned_other_work",
    "ended_medical_force_majeure", "ended_other", "stopped",
)
FORCE_MAJEURE_OUTCOME = "ended_medical_force_majeure"
# The first version's outcome codes and what each became (CONTRACT 1a): an outcome, a
# decision, or nothing (pending). `stopped` is a code of both versions.
OUTCOMES_V1 = (
    "pending", "adapted_work", "other_work", "no_work_possible", "definitively_unfit", "stopped",
)
V1_OUTCOMES = {"adapted_work": "returned_adapted_work", "other_work": "returned_other_work",
               "stopped": "stopped"}
V1_DECISIONS = {"no_work_possible": "temporary_no_work", "definitively_unfit": "definitive_no_work"}
# The dates the law of re-integration changed (CONTRACT 1a; README "Re-integration").
LAW_2022 = "2022-10-01"     # royal decree of 11 September 2022 (BS 20-09-2022)
LAW_2026 = "2026-01-01"     # "re-integration 3.0" (royal decree, BS 30-12-2025)
# Aggregate observations (counts, never a person) and psychosocial survey domains.
MEASURES = (
    "back_complaints", "psychological_complaints", "presenteeism", "quality_incidents",
    "complaints",
)
OBSERVATION_SOURCES = ("occupational_physician", "psychosocial_adviser", "hr", "committee")
SURVEY_DOMAINS = (
    "work_organisation", "work_content", "employment_conditions", "working_conditions",
    "interpersonal_relations", "exhaustion",
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
            Column("request_type", "enum", required=False, enum=REQUEST_TYPES,
                   default="trajectory"),
            Column("initiator", "enum", enum=INITIATORS),
            Column("decision", "enum", required=False, enum=DECISIONS, default="pending"),
            Column("decision_date", "date", required=False),
            Column("outcome", "enum", required=False, enum=OUTCOMES,
                   legacy=tuple(code for code in OUTCOMES_V1 if code not in OUTCOMES)),
            Column("outcome_date", "date", required=False),
        ),
        key=("request_id",),
        table="reintegration",
    ),
    "observations": Kind(
        "observations",
        (
            Column("month", "month"),
            Column("department", "text"),
            Column("measure", "enum", enum=MEASURES),
            Column("count", "int", minimum=0),
            Column("base", "int", required=False, minimum=1),   # empty: that month's H
            Column("source", "enum", enum=OBSERVATION_SOURCES),
        ),
        key=("month", "department", "measure"),
        table="observations",
    ),
    "survey": Kind(
        "survey",
        (
            Column("date", "date"),
            Column("department", "text"),
            Column("domain", "enum", enum=SURVEY_DOMAINS),
            Column("respondents", "int", minimum=0),
            Column("score", "decimal", minimum=0, maximum=100),
            Column("score_sd", "decimal", required=False, minimum=0),
        ),
        key=("date", "department", "domain"),
        table="survey",
    ),
}


@dataclass(frozen=True)
class Indicator:
    id: str
    unit: str            # '%', 'count', 'per_million_hours', 'per_thousand_hours', 'hours_per_fte'
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
    Indicator(
        "job_adaptation_request_rate",
        "%", "reintegration", rare=True,
    ),
    Indicator(
        "unfitness_rate",
        "%", "reintegration", rare=True,
    ),
    Indicator(
        "harassment_rate",
        "%", "incidents", rare=True,
    ),
    Indicator(
        "serious_event_rate",
        "%", "incidents", rare=True,
    ),
    Indicator(
        "work_accident_rate",
        "%", "incidents", rare=True,
    ),
    Indicator(
        "long_absence_risk",
        "%", "absences", rare=True,
    ),
    Indicator(
        "frequent_absence",
        "%", "absences", rare=True,
    ),
    Indicator(
        "relapse_rate",
        "%", "absences", rare=True,
    ),
    Indicator(
        "hours_per_fte",
        "hours_per_fte", "workforce", rare=False,
    ),
)


# One indicator per `observations` measure: 100 x count / base (H where the base is empty),
# only for the (month, department) rows that have that observation (measures.observations).
MEASURE_INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "back_complaints_rate",
        "%", "observations", rare=True,
    ),
    Indicator(
        "psychological_complaints_rate",
        "%", "observations", rare=True,
    ),
    Indicator(
        "presenteeism_rate",
        "%", "observations", rare=True,
    ),
    Indicator(
        "quality_incidents_rate",
        "%", "observations", rare=True,
    ),
    Indicator(
        "complaints_rate",
        "%", "observations", rare=True,
    ),
)
MEASURE_INDICATOR_IDS = tuple(indicator.id for indicator in MEASURE_INDICATORS)
# The indicators computed for every workforce cell (measures.indicators.FORMULAS).
CELL_INDICATOR_IDS = tuple(indicator.id for indicator in INDICATORS)
INDICATORS = INDICATORS + MEASURE_INDICATORS

INDICATOR_IDS = tuple(indicator.id for indicator in INDICATORS)
INDICATORS_BY_ID = {indicator.id: indicator for indicator in INDICATORS}

# The indicators by the HGR's themes of collective signals ("Vroege detectie"): screens show
# one theme at a time where all of them do not fit (the heatmap).
INDICATOR_GROUPS: dict[str, tuple[str, ...]] = {
    "absence": ("absence_rate", "absence_frequency", "long_term_absentees", "long_absence_risk",
                "frequent_absence", "relapse_rate"),
    "turnover": ("turnover_rate", "voluntary_turnover_rate"),
    "accidents": ("accident_frequency_rate", "accident_severity_rate", "work_accident_rate",
                  "aggression_rate", "serious_event_rate"),
    "psychosocial": ("psychosocial_request_rate", "harassment_rate"),
    "reintegration": ("reintegration_request_rate", "job_adaptation_request_rate", "unfitness_rate"),
    "observations": MEASURE_INDICATOR_IDS,
    "workload": ("hours_per_fte",),
}

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
message("kind.observations", "Observations")
message("kind.survey", "Survey")
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
        "Requests for a re-integration trajectory in the month, per 100 employees.")
message("indicator.job_adaptation_request_rate.name", "Job adaptation requests")
message("indicator.job_adaptation_request_rate.definition",
        "Preventive requests (from 2026) and requests for a pre-return visit in the month, per "
        "100 employees.")
message("indicator.unfitness_rate.name", "Definitive unfitness")
message("indicator.unfitness_rate.definition",
        "Requests where the occupational physician found the worker definitively unfit for the "
        "agreed work in the month, or that ended in medical force majeure, per 100 employees.")
message("indicator.harassment_rate.name", "Harassment")
message("indicator.harassment_rate.definition",
        "Harassment complaints (violence, bullying, sexual harassment) in the month, per 100 "
        "employees.")
message("indicator.serious_event_rate.name", "Serious events")
message("indicator.serious_event_rate.definition",
        "Serious events (such as a suicide attempt) in the month, per 100 employees.")
message("indicator.work_accident_rate.name", "Work accidents")
message("indicator.work_accident_rate.definition",
        "Work accidents with at least 1 day lost in the month, per 100 employees (also without "
        "hours worked).")
message("indicator.long_absence_risk.name", "Long absence risk")
message("indicator.long_absence_risk.definition",
        "Employees with more than 100 calendar days of absence in the 12 months to the end of the "
        "month, per 100 employees.")
message("indicator.frequent_absence.name", "Frequent absence")
message("indicator.frequent_absence.definition",
        "Employees with 3 or more absence episodes starting in the 12 months to the end of the "
        "month, per 100 employees.")
message("indicator.relapse_rate.name", "Relapses")
message("indicator.relapse_rate.definition",
        "Absence episodes starting in the month at most 56 days after the end of a previous "
        "episode of more than 28 days, per 100 employees.")
message("indicator.hours_per_fte.name", "Hours worked per FTE")
message("indicator.hours_per_fte.definition",
        "Hours worked in the month / full-time equivalents: a measure of workload and staffing.")
message("indicator.back_complaints_rate.name", "Back complaints")
message("indicator.back_complaints_rate.definition",
        "Back complaints observed in the month, per 100 people of the base given (the headcount "
        "where the base is empty); only where an observation was uploaded.")
message("indicator.psychological_complaints_rate.name", "Psychological complaints")
message("indicator.psychological_complaints_rate.definition",
        "Psychological complaints observed in the month, per 100 people of the base given (the "
        "headcount where the base is empty); only where an observation was uploaded.")
message("indicator.presenteeism_rate.name", "Presenteeism")
message("indicator.presenteeism_rate.definition",
        "Presenteeism observed (at work while ill) in the month, per 100 people of the base given "
        "(the headcount where the base is empty); only where an observation was uploaded.")
message("indicator.quality_incidents_rate.name", "Quality incidents")
message("indicator.quality_incidents_rate.definition",
        "Quality incidents in the month, per 100 people of the base given (the headcount where "
        "the base is empty); only where an observation was uploaded.")
message("indicator.complaints_rate.name", "Complaints")
message("indicator.complaints_rate.definition",
        "Complaints from clients, patients or colleagues in the month, per 100 people of the base "
        "given (the headcount where the base is empty); only where an observation was uploaded.")
message("definitions.source",
        "Belgian Superior Health Council, advice on burn-out and work, 'Early detection': "
        "collective signals.")
