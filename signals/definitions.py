"""What the contract fixes: record kinds, their columns, and the indicators.

Shared by ingest, indicators, alerts, the CLI and the pages, so each fact is
written once. Texts for people come in Dutch (nl), French (fr) and English (en).
"""

from __future__ import annotations

from dataclasses import dataclass, field

LANGUAGES = ("nl", "fr", "en")
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
    maximum: float | None = None  # inclusive; None: no upper bound


@dataclass(frozen=True)
class Kind:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    table: str = ""
    labels: dict[str, str] = field(default_factory=dict)

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
INITIATORS = ("worker", "treating_physician", "advisory_physician", "employer")
OUTCOMES = (
    "pending", "adapted_work", "other_work", "no_work_possible", "definitively_unfit", "stopped",
)
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
        labels={"nl": "Personeelsbestand", "fr": "Effectifs", "en": "Workforce"},
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
        labels={"nl": "Afwezigheden", "fr": "Absences", "en": "Absences"},
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
        labels={"nl": "In- en uitstroom", "fr": "Entrées et sorties", "en": "Turnover"},
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
        labels={"nl": "Incidenten", "fr": "Incidents", "en": "Incidents"},
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
        labels={"nl": "Re-integratie", "fr": "Réintégration", "en": "Re-integration"},
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
        labels={"nl": "Vaststellingen", "fr": "Constats", "en": "Observations",
                "de": "Feststellungen"},
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
        labels={"nl": "Bevraging", "fr": "Enquête", "en": "Survey", "de": "Befragung"},
    ),
}


@dataclass(frozen=True)
class Indicator:
    id: str
    names: dict[str, str]
    definitions: dict[str, str]
    unit: str            # '%', 'count', 'per_million_hours', 'per_thousand_hours'
    source_kind: str     # the record kind that feeds the numerator
    rare: bool           # rare events: judged on counts and rolling 12-month windows


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "absence_rate",
        {"nl": "Afwezigheidsgraad", "fr": "Taux d'absentéisme", "en": "Absence rate"},
        {
            "nl": "Werkdagen afwezigheid in de maand / (personeel x werkdagen van de maand), in %.",
            "fr": "Jours ouvrables d'absence du mois / (effectif x jours ouvrables du mois), en %.",
            "en": "Working days of absence in the month / (headcount x working days of the month), in %.",
        },
        "%", "absences", rare=False,
    ),
    Indicator(
        "absence_frequency",
        {"nl": "Frequentie van afwezigheid", "fr": "Fréquence des absences", "en": "Absence frequency"},
        {
            "nl": "Afwezigheidsepisodes die in de maand beginnen, per 100 werknemers.",
            "fr": "Épisodes d'absence commençant dans le mois, pour 100 travailleurs.",
            "en": "Absence episodes starting in the month, per 100 employees.",
        },
        "%", "absences", rare=False,
    ),
    Indicator(
        "long_term_absentees",
        {"nl": "Langdurig afwezigen", "fr": "Absents de longue durée", "en": "Long-term absentees"},
        {
            "nl": "Werknemers die op de laatste dag van de maand meer dan 120 kalenderdagen afwezig zijn.",
            "fr": "Travailleurs absents depuis plus de 120 jours calendrier le dernier jour du mois.",
            "en": "Employees absent on the last day of the month for more than 120 calendar days.",
        },
        "count", "absences", rare=True,
    ),
    Indicator(
        "turnover_rate",
        {"nl": "Uitstroom", "fr": "Taux de rotation (sorties)", "en": "Turnover rate"},
        {
            "nl": "Uitdiensttredingen in de maand, per 100 werknemers.",
            "fr": "Sorties du mois, pour 100 travailleurs.",
            "en": "Exits in the month, per 100 employees.",
        },
        "%", "turnover", rare=True,
    ),
    Indicator(
        "voluntary_turnover_rate",
        {"nl": "Vrijwillige uitstroom", "fr": "Départs volontaires", "en": "Voluntary turnover rate"},
        {
            "nl": "Vrijwillige uitdiensttredingen in de maand, per 100 werknemers.",
            "fr": "Départs volontaires du mois, pour 100 travailleurs.",
            "en": "Voluntary exits in the month, per 100 employees.",
        },
        "%", "turnover", rare=True,
    ),
    Indicator(
        "accident_frequency_rate",
        {"nl": "Frequentiegraad arbeidsongevallen", "fr": "Taux de fréquence des accidents",
         "en": "Accident frequency rate"},
        {
            "nl": "Arbeidsongevallen met minstens 1 dag verlies x 1.000.000 / gepresteerde uren.",
            "fr": "Accidents du travail avec au moins 1 jour perdu x 1 000 000 / heures prestées.",
            "en": "Work accidents with at least 1 day lost x 1,000,000 / hours worked.",
        },
        "per_million_hours", "incidents", rare=True,
    ),
    Indicator(
        "accident_severity_rate",
        {"nl": "Ernstgraad arbeidsongevallen", "fr": "Taux de gravité des accidents",
         "en": "Accident severity rate"},
        {
            "nl": "Verloren dagen door arbeidsongevallen x 1.000 / gepresteerde uren.",
            "fr": "Jours perdus par accidents du travail x 1 000 / heures prestées.",
            "en": "Days lost to work accidents x 1,000 / hours worked.",
        },
        "per_thousand_hours", "incidents", rare=True,
    ),
    Indicator(
        "psychosocial_request_rate",
        {"nl": "Psychosociale verzoeken", "fr": "Demandes psychosociales", "en": "Psychosocial requests"},
        {
            "nl": "Informele en formele psychosociale verzoeken en klachten over pesterijen, per 100 werknemers.",
            "fr": "Demandes d'intervention psychosociale informelles et formelles et plaintes pour harcèlement, pour 100 travailleurs.",
            "en": "Informal and formal psychosocial requests and harassment complaints, per 100 employees.",
        },
        "%", "incidents", rare=True,
    ),
    Indicator(
        "aggression_rate",
        {"nl": "Agressie", "fr": "Agressions", "en": "Aggression"},
        {
            "nl": "Incidenten van agressie in de maand, per 100 werknemers.",
            "fr": "Incidents d'agression du mois, pour 100 travailleurs.",
            "en": "Aggression incidents in the month, per 100 employees.",
        },
        "%", "incidents", rare=True,
    ),
    Indicator(
        "reintegration_request_rate",
        {"nl": "Re-integratieverzoeken", "fr": "Demandes de réintégration", "en": "Re-integration requests"},
        {
            "nl": "Verzoeken tot re-integratie in de maand, per 100 werknemers.",
            "fr": "Demandes de réintégration du mois, pour 100 travailleurs.",
            "en": "Re-integration requests in the month, per 100 employees.",
        },
        "%", "reintegration", rare=True,
    ),
)


# One indicator per `observations` measure: 100 x count / base (H where the base is empty),
# only for the (month, department) rows that have that observation (measures.observations).
MEASURE_INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "back_complaints_rate",
        {
            "nl": "Rugklachten",
            "fr": "Plaintes de dos",
            "en": "Back complaints",
            "de": "Rückenbeschwerden",
        },
        {
            "nl": "Vastgestelde rugklachten in de maand, per 100 personen van de opgegeven basis (het personeel als de basis leeg is); alleen waar een vaststelling is opgeladen.",
            "fr": "Plaintes de dos constatées du mois, pour 100 personnes de la base indiquée (l'effectif si la base est vide) ; seulement là où un constat a été chargé.",
            "en": "Back complaints observed in the month, per 100 people of the base given (the headcount where the base is empty); only where an observation was uploaded.",
            "de": "Festgestellte Rückenbeschwerden im Monat, je 100 Personen der angegebenen Basis (der Personalbestand, wenn die Basis leer ist); nur wo eine Feststellung hochgeladen wurde.",
        },
        "%", "observations", rare=True,
    ),
    Indicator(
        "psychological_complaints_rate",
        {
            "nl": "Psychische klachten",
            "fr": "Plaintes psychologiques",
            "en": "Psychological complaints",
            "de": "Psychische Beschwerden",
        },
        {
            "nl": "Vastgestelde psychische klachten in de maand, per 100 personen van de opgegeven basis (het personeel als de basis leeg is); alleen waar een vaststelling is opgeladen.",
            "fr": "Plaintes psychologiques constatées du mois, pour 100 personnes de la base indiquée (l'effectif si la base est vide) ; seulement là où un constat a été chargé.",
            "en": "Psychological complaints observed in the month, per 100 people of the base given (the headcount where the base is empty); only where an observation was uploaded.",
            "de": "Festgestellte psychische Beschwerden im Monat, je 100 Personen der angegebenen Basis (der Personalbestand, wenn die Basis leer ist); nur wo eine Feststellung hochgeladen wurde.",
        },
        "%", "observations", rare=True,
    ),
    Indicator(
        "presenteeism_rate",
        {
            "nl": "Presenteïsme",
            "fr": "Présentéisme",
            "en": "Presenteeism",
            "de": "Präsentismus",
        },
        {
            "nl": "Vastgesteld presenteïsme (ziek aan het werk) in de maand, per 100 personen van de opgegeven basis (het personeel als de basis leeg is); alleen waar een vaststelling is opgeladen.",
            "fr": "Présentéisme constaté (au travail malgré la maladie) du mois, pour 100 personnes de la base indiquée (l'effectif si la base est vide) ; seulement là où un constat a été chargé.",
            "en": "Presenteeism observed (at work while ill) in the month, per 100 people of the base given (the headcount where the base is empty); only where an observation was uploaded.",
            "de": "Festgestellter Präsentismus (krank bei der Arbeit) im Monat, je 100 Personen der angegebenen Basis (der Personalbestand, wenn die Basis leer ist); nur wo eine Feststellung hochgeladen wurde.",
        },
        "%", "observations", rare=True,
    ),
    Indicator(
        "quality_incidents_rate",
        {
            "nl": "Kwaliteitsincidenten",
            "fr": "Incidents de qualité",
            "en": "Quality incidents",
            "de": "Qualitätsvorfälle",
        },
        {
            "nl": "Kwaliteitsincidenten in de maand, per 100 personen van de opgegeven basis (het personeel als de basis leeg is); alleen waar een vaststelling is opgeladen.",
            "fr": "Incidents de qualité du mois, pour 100 personnes de la base indiquée (l'effectif si la base est vide) ; seulement là où un constat a été chargé.",
            "en": "Quality incidents in the month, per 100 people of the base given (the headcount where the base is empty); only where an observation was uploaded.",
            "de": "Qualitätsvorfälle im Monat, je 100 Personen der angegebenen Basis (der Personalbestand, wenn die Basis leer ist); nur wo eine Feststellung hochgeladen wurde.",
        },
        "%", "observations", rare=True,
    ),
    Indicator(
        "complaints_rate",
        {
            "nl": "Klachten",
            "fr": "Plaintes",
            "en": "Complaints",
            "de": "Beschwerden",
        },
        {
            "nl": "Klachten van cliënten, patiënten of collega's in de maand, per 100 personen van de opgegeven basis (het personeel als de basis leeg is); alleen waar een vaststelling is opgeladen.",
            "fr": "Plaintes de clients, patients ou collègues du mois, pour 100 personnes de la base indiquée (l'effectif si la base est vide) ; seulement là où un constat a été chargé.",
            "en": "Complaints from clients, patients or colleagues in the month, per 100 people of the base given (the headcount where the base is empty); only where an observation was uploaded.",
            "de": "Beschwerden von Kunden, Patienten oder Kollegen im Monat, je 100 Personen der angegebenen Basis (der Personalbestand, wenn die Basis leer ist); nur wo eine Feststellung hochgeladen wurde.",
        },
        "%", "observations", rare=True,
    ),
)
MEASURE_INDICATOR_IDS = tuple(indicator.id for indicator in MEASURE_INDICATORS)
# The indicators computed for every workforce cell (measures.indicators.FORMULAS).
CELL_INDICATOR_IDS = tuple(indicator.id for indicator in INDICATORS)
INDICATORS = INDICATORS + MEASURE_INDICATORS

INDICATOR_IDS = tuple(indicator.id for indicator in INDICATORS)
INDICATORS_BY_ID = {indicator.id: indicator for indicator in INDICATORS}

INDICATOR_CSV_HEADER = (
    "month", "department", "indicator", "numerator", "denominator", "value", "suppressed",
)
ALERT_CSV_HEADER = (
    "month", "department", "indicator", "level", "rule", "value", "expected", "upper_limit",
)
ALERT_LEVELS = ("watch", "alert")

# Where the collective signals come from (shown with every definition).
SOURCE = {
    "nl": "Hoge Gezondheidsraad, advies over burn-out en werk, 'Vroege detectie': collectieve signalen.",
    "fr": "Conseil Supérieur de la Santé, avis sur le burn-out et le travail, 'Détection précoce' : signaux collectifs.",
    "en": "Belgian Superior Health Council, advice on burn-out and work, 'Early detection': collective signals.",
}
