"""What the contract fixes: record kinds, their columns, and the indicators.

Shared by ingest, indicators, alerts, the CLI and the pages, so each fact is
written once. Texts for people come in Dutch (nl), French (fr), English (en) and German (de).
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
        labels={"nl": "Personeelsbestand", "fr": "Effectifs", "en": "Workforce",
                "de": "Personalbestand"},
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
        labels={"nl": "Afwezigheden", "fr": "Absences", "en": "Absences", "de": "Abwesenheiten"},
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
        labels={"nl": "In- en uitstroom", "fr": "Entrées et sorties", "en": "Turnover",
                "de": "Ein- und Austritte"},
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
        labels={"nl": "Incidenten", "fr": "Incidents", "en": "Incidents", "de": "Vorfälle"},
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
        labels={"nl": "Re-integratie", "fr": "Réintégration", "en": "Re-integration",
                "de": "Wiedereingliederung"},
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
    unit: str            # '%', 'count', 'per_million_hours', 'per_thousand_hours', 'hours_per_fte'
    source_kind: str     # the record kind that feeds the numerator
    rare: bool           # rare events: judged on counts and rolling 12-month windows


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "absence_rate",
        {"nl": "Afwezigheidsgraad", "fr": "Taux d'absentéisme", "en": "Absence rate",
         "de": "Abwesenheitsquote"},
        {
            "nl": "Werkdagen afwezigheid in de maand / (personeel x werkdagen van de maand), in %.",
            "fr": "Jours ouvrables d'absence du mois / (effectif x jours ouvrables du mois), en %.",
            "en": "Working days of absence in the month / (headcount x working days of the month), in %.",
            "de": "Arbeitstage Abwesenheit im Monat / (Personalbestand x Arbeitstage des Monats), "
                  "in %.",
        },
        "%", "absences", rare=False,
    ),
    Indicator(
        "absence_frequency",
        {"nl": "Frequentie van afwezigheid", "fr": "Fréquence des absences", "en": "Absence frequency",
         "de": "Abwesenheitshäufigkeit"},
        {
            "nl": "Afwezigheidsepisodes die in de maand beginnen, per 100 werknemers.",
            "fr": "Épisodes d'absence commençant dans le mois, pour 100 travailleurs.",
            "en": "Absence episodes starting in the month, per 100 employees.",
            "de": "Abwesenheitsperioden, die im Monat beginnen, pro 100 Arbeitnehmer.",
        },
        "%", "absences", rare=False,
    ),
    Indicator(
        "long_term_absentees",
        {"nl": "Langdurig afwezigen", "fr": "Absents de longue durée", "en": "Long-term absentees",
         "de": "Langzeitabwesende"},
        {
            "nl": "Werknemers die op de laatste dag van de maand meer dan 120 kalenderdagen afwezig zijn.",
            "fr": "Travailleurs absents depuis plus de 120 jours calendrier le dernier jour du mois.",
            "en": "Employees absent on the last day of the month for more than 120 calendar days.",
            "de": "Arbeitnehmer, die am letzten Tag des Monats seit mehr als 120 Kalendertagen "
                  "abwesend sind.",
        },
        "count", "absences", rare=True,
    ),
    Indicator(
        "turnover_rate",
        {"nl": "Uitstroom", "fr": "Taux de rotation (sorties)", "en": "Turnover rate",
         "de": "Personalabgänge"},
        {
            "nl": "Uitdiensttredingen in de maand, per 100 werknemers.",
            "fr": "Sorties du mois, pour 100 travailleurs.",
            "en": "Exits in the month, per 100 employees.",
            "de": "Austritte im Monat, pro 100 Arbeitnehmer.",
        },
        "%", "turnover", rare=True,
    ),
    Indicator(
        "voluntary_turnover_rate",
        {"nl": "Vrijwillige uitstroom", "fr": "Départs volontaires", "en": "Voluntary turnover rate",
         "de": "Freiwillige Abgänge"},
        {
            "nl": "Vrijwillige uitdiensttredingen in de maand, per 100 werknemers.",
            "fr": "Départs volontaires du mois, pour 100 travailleurs.",
            "en": "Voluntary exits in the month, per 100 employees.",
            "de": "Freiwillige Austritte im Monat, pro 100 Arbeitnehmer.",
        },
        "%", "turnover", rare=True,
    ),
    Indicator(
        "accident_frequency_rate",
        {"nl": "Frequentiegraad arbeidsongevallen", "fr": "Taux de fréquence des accidents",
         "en": "Accident frequency rate", "de": "Häufigkeitsgrad der Arbeitsunfälle"},
        {
            "nl": "Arbeidsongevallen met minstens 1 dag verlies x 1.000.000 / gepresteerde uren.",
            "fr": "Accidents du travail avec au moins 1 jour perdu x 1 000 000 / heures prestées.",
            "en": "Work accidents with at least 1 day lost x 1,000,000 / hours worked.",
            "de": "Arbeitsunfälle mit mindestens 1 Ausfalltag x 1.000.000 / geleistete "
                  "Arbeitsstunden.",
        },
        "per_million_hours", "incidents", rare=True,
    ),
    Indicator(
        "accident_severity_rate",
        {"nl": "Ernstgraad arbeidsongevallen", "fr": "Taux de gravité des accidents",
         "en": "Accident severity rate", "de": "Schweregrad der Arbeitsunfälle"},
        {
            "nl": "Verloren dagen door arbeidsongevallen x 1.000 / gepresteerde uren.",
            "fr": "Jours perdus par accidents du travail x 1 000 / heures prestées.",
            "en": "Days lost to work accidents x 1,000 / hours worked.",
            "de": "Ausfalltage durch Arbeitsunfälle x 1.000 / geleistete Arbeitsstunden.",
        },
        "per_thousand_hours", "incidents", rare=True,
    ),
    Indicator(
        "psychosocial_request_rate",
        {"nl": "Psychosociale verzoeken", "fr": "Demandes psychosociales", "en": "Psychosocial requests",
         "de": "Psychosoziale Anträge"},
        {
            "nl": "Informele en formele psychosociale verzoeken en klachten over pesterijen, per 100 werknemers.",
            "fr": "Demandes d'intervention psychosociale informelles et formelles et plaintes pour harcèlement, pour 100 travailleurs.",
            "en": "Informal and formal psychosocial requests and harassment complaints, per 100 employees.",
            "de": "Anträge auf informelle und formelle psychosoziale Intervention und Beschwerden "
                  "wegen Belästigung, pro 100 Arbeitnehmer.",
        },
        "%", "incidents", rare=True,
    ),
    Indicator(
        "aggression_rate",
        {"nl": "Agressie", "fr": "Agressions", "en": "Aggression", "de": "Aggression"},
        {
            "nl": "Incidenten van agressie in de maand, per 100 werknemers.",
            "fr": "Incidents d'agression du mois, pour 100 travailleurs.",
            "en": "Aggression incidents in the month, per 100 employees.",
            "de": "Aggressionsvorfälle im Monat, pro 100 Arbeitnehmer.",
        },
        "%", "incidents", rare=True,
    ),
    Indicator(
        "reintegration_request_rate",
        {"nl": "Re-integratieverzoeken", "fr": "Demandes de réintégration", "en": "Re-integration requests",
         "de": "Anträge auf Wiedereingliederung"},
        {
            "nl": "Verzoeken tot een re-integratietraject in de maand, per 100 werknemers.",
            "fr": "Demandes de trajet de réintégration du mois, pour 100 travailleurs.",
            "en": "Requests for a re-integration trajectory in the month, per 100 employees.",
            "de": "Anträge auf ein Wiedereingliederungsverfahren im Monat, pro 100 Arbeitnehmer.",
        },
        "%", "reintegration", rare=True,
    ),
    Indicator(
        "job_adaptation_request_rate",
        {"nl": "Verzoeken tot aanpassing van het werk", "fr": "Demandes d'adaptation du travail",
         "en": "Job adaptation requests", "de": "Anträge auf Anpassung der Arbeit"},
        {
            "nl": "Preventieve verzoeken (vanaf 2026) en verzoeken om een bezoek voor de "
                  "werkhervatting in de maand, per 100 werknemers.",
            "fr": "Demandes préventives (à partir de 2026) et demandes de visite de pré-reprise "
                  "du mois, pour 100 travailleurs.",
            "en": "Preventive requests (from 2026) and requests for a pre-return visit in the "
                  "month, per 100 employees.",
            "de": "Präventive Anträge (ab 2026) und Anträge auf einen Besuch vor der "
                  "Wiederaufnahme der Arbeit im Monat, pro 100 Arbeitnehmer.",
        },
        "%", "reintegration", rare=True,
    ),
    Indicator(
        "unfitness_rate",
        {"nl": "Definitieve ongeschiktheid", "fr": "Inaptitude définitive",
         "en": "Definitive unfitness", "de": "Endgültige Arbeitsunfähigkeit"},
        {
            "nl": "Verzoeken waarbij de arbeidsarts de werknemer in de maand definitief "
                  "ongeschikt verklaarde voor het overeengekomen werk, of die eindigden in "
                  "medische overmacht, per 100 werknemers.",
            "fr": "Demandes où le médecin du travail a déclaré le travailleur définitivement "
                  "inapte au travail convenu dans le mois, ou qui ont pris fin pour force "
                  "majeure médicale, pour 100 travailleurs.",
            "en": "Requests where the occupational physician found the worker definitively "
                  "unfit for the agreed work in the month, or that ended in medical force "
                  "majeure, per 100 employees.",
            "de": "Anträge, bei denen der Arbeitsmediziner den Arbeitnehmer im Monat endgültig "
                  "für die vereinbarte Arbeit untauglich erklärte oder die mit medizinischer "
                  "höherer Gewalt endeten, pro 100 Arbeitnehmer.",
        },
        "%", "reintegration", rare=True,
    ),
    Indicator(
        "harassment_rate",
        {"nl": "Pesterijen", "fr": "Harcèlement", "en": "Harassment", "de": "Belästigung"},
        {
            "nl": "Klachten over pesterijen (geweld, pesterijen, ongewenst seksueel gedrag) in de maand, per 100 werknemers.",
            "fr": "Plaintes pour harcèlement (violence, harcèlement moral ou sexuel) du mois, pour 100 travailleurs.",
            "en": "Harassment complaints (violence, bullying, sexual harassment) in the month, per 100 employees.",
            "de": "Beschwerden wegen Belästigung (Gewalt, Mobbing, sexuelle Belästigung) im Monat, je 100 Arbeitnehmer.",
        },
        "%", "incidents", rare=True,
    ),
    Indicator(
        "serious_event_rate",
        {"nl": "Ernstige voorvallen", "fr": "Événements graves", "en": "Serious events",
         "de": "Schwerwiegende Ereignisse"},
        {
            "nl": "Ernstige voorvallen (zoals een zelfmoordpoging) in de maand, per 100 werknemers.",
            "fr": "Événements graves (comme une tentative de suicide) du mois, pour 100 travailleurs.",
            "en": "Serious events (such as a suicide attempt) in the month, per 100 employees.",
            "de": "Schwerwiegende Ereignisse (etwa ein Suizidversuch) im Monat, je 100 Arbeitnehmer.",
        },
        "%", "incidents", rare=True,
    ),
    Indicator(
        "work_accident_rate",
        {"nl": "Arbeidsongevallen", "fr": "Accidents du travail", "en": "Work accidents",
         "de": "Arbeitsunfälle"},
        {
            "nl": "Arbeidsongevallen met minstens 1 dag verlies in de maand, per 100 werknemers (ook zonder gepresteerde uren).",
            "fr": "Accidents du travail avec au moins 1 jour perdu du mois, pour 100 travailleurs (même sans heures prestées).",
            "en": "Work accidents with at least 1 day lost in the month, per 100 employees (also without hours worked).",
            "de": "Arbeitsunfälle mit mindestens 1 Ausfalltag im Monat, je 100 Arbeitnehmer (auch ohne geleistete Stunden).",
        },
        "%", "incidents", rare=True,
    ),
    Indicator(
        "long_absence_risk",
        {"nl": "Risico op langdurige afwezigheid", "fr": "Risque d'absence de longue durée",
         "en": "Long absence risk", "de": "Risiko langer Abwesenheit"},
        {
            "nl": "Werknemers met meer dan 100 kalenderdagen afwezigheid in de 12 maanden tot het einde van de maand, per 100 werknemers.",
            "fr": "Travailleurs avec plus de 100 jours calendrier d'absence dans les 12 mois jusqu'à la fin du mois, pour 100 travailleurs.",
            "en": "Employees with more than 100 calendar days of absence in the 12 months to the end of the month, per 100 employees.",
            "de": "Arbeitnehmer mit mehr als 100 Kalendertagen Abwesenheit in den 12 Monaten bis zum Monatsende, je 100 Arbeitnehmer.",
        },
        "%", "absences", rare=True,
    ),
    Indicator(
        "frequent_absence",
        {"nl": "Frequente afwezigheid", "fr": "Absences fréquentes", "en": "Frequent absence",
         "de": "Häufige Abwesenheit"},
        {
            "nl": "Werknemers met 3 of meer afwezigheidsepisodes die beginnen in de 12 maanden tot het einde van de maand, per 100 werknemers.",
            "fr": "Travailleurs avec 3 épisodes d'absence ou plus commençant dans les 12 mois jusqu'à la fin du mois, pour 100 travailleurs.",
            "en": "Employees with 3 or more absence episodes starting in the 12 months to the end of the month, per 100 employees.",
            "de": "Arbeitnehmer mit 3 oder mehr Abwesenheitsepisoden, die in den 12 Monaten bis zum Monatsende beginnen, je 100 Arbeitnehmer.",
        },
        "%", "absences", rare=True,
    ),
    Indicator(
        "relapse_rate",
        {"nl": "Herval", "fr": "Rechutes", "en": "Relapses", "de": "Rückfälle"},
        {
            "nl": "Afwezigheidsepisodes die in de maand beginnen binnen 56 dagen na het einde van een vorige episode van meer dan 28 dagen, per 100 werknemers.",
            "fr": "Épisodes d'absence commençant dans le mois au plus 56 jours après la fin d'un épisode précédent de plus de 28 jours, pour 100 travailleurs.",
            "en": "Absence episodes starting in the month at most 56 days after the end of a previous episode of more than 28 days, per 100 employees.",
            "de": "Abwesenheitsepisoden, die im Monat höchstens 56 Tage nach dem Ende einer vorherigen Episode von mehr als 28 Tagen beginnen, je 100 Arbeitnehmer.",
        },
        "%", "absences", rare=True,
    ),
    Indicator(
        "hours_per_fte",
        {"nl": "Gewerkte uren per VTE", "fr": "Heures prestées par ETP", "en": "Hours worked per FTE",
         "de": "Geleistete Stunden je VZÄ"},
        {
            "nl": "Gepresteerde uren van de maand / voltijdse equivalenten: een maat voor werkdruk en bezetting.",
            "fr": "Heures prestées du mois / équivalents temps plein : une mesure de la charge de travail et des effectifs.",
            "en": "Hours worked in the month / full-time equivalents: a measure of workload and staffing.",
            "de": "Geleistete Stunden des Monats / Vollzeitäquivalente: ein Maß für Arbeitsbelastung und Personalbesetzung.",
        },
        "hours_per_fte", "workforce", rare=False,
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
    "de": "Hoher Gesundheitsrat, Gutachten über Burn-out und Arbeit, 'Früherkennung': kollektive "
          "Signale.",
}
