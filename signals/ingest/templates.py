"""Templates for HR: per kind, example rows and a guide that explains every column.

The template of a language writes its headers and codes in that language (the
names `aliases` accepts); the English one is the contract's own. The guide says
per column what it means, whether it is required, its format and its allowed
values, in nl, fr, en or de. Both are plain tables of text; ui/downloads writes them.
"""

from __future__ import annotations

import pandas as pd

from .aliases import COLUMN_ALIASES, CODE_ALIASES, code_name, column_name
from ..definitions import EARLIEST_DATE, KINDS, Column, Kind
from .loader import TEMPLATE_ROWS
from .validation import range_message

GUIDE_COLUMNS = ("column", "contract_name", "required", "format", "allowed_values", "meaning",
                 "also_accepted")

GUIDE_HEADERS = {
    "column": {"nl": "Kolom", "fr": "Colonne", "en": "Column", "de": "Spalte"},
    "contract_name": {"nl": "Naam in het contract", "fr": "Nom dans le contrat", "en": "Contract name",
                      "de": "Name im Vertrag"},
    "required": {"nl": "Verplicht", "fr": "Obligatoire", "en": "Required", "de": "Pflicht"},
    "format": {"nl": "Vorm", "fr": "Format", "en": "Format", "de": "Format"},
    "allowed_values": {"nl": "Toegelaten waarden", "fr": "Valeurs permises", "en": "Allowed values",
                       "de": "Zulässige Werte"},
    "meaning": {"nl": "Betekenis", "fr": "Signification", "en": "Meaning", "de": "Bedeutung"},
    "also_accepted": {"nl": "Ook aanvaard als kolomnaam", "fr": "Aussi accepté comme en-tête",
                      "en": "Also accepted as header", "de": "Auch als Spaltenname akzeptiert"},
}

REQUIRED = {
    True: {"nl": "verplicht", "fr": "obligatoire", "en": "required", "de": "Pflicht"},
    False: {"nl": "optioneel", "fr": "facultatif", "en": "optional", "de": "optional"},
    "reason": {"nl": "verplicht bij exit (uitdiensttreding)", "fr": "obligatoire pour exit (sortie)",
               "en": "required for exit", "de": "Pflicht bei exit (Austritt)"},
}

FORMATS = {
    "month": {"nl": "maand JJJJ-MM, vanaf {month}", "fr": "mois AAAA-MM, à partir de {month}",
              "en": "month YYYY-MM, from {month} on", "de": "Monat JJJJ-MM, ab {month}"},
    "date": {"nl": "datum JJJJ-MM-DD of DD/MM/JJJJ, vanaf {date}",
             "fr": "date AAAA-MM-JJ ou JJ/MM/AAAA, à partir du {date}",
             "en": "date YYYY-MM-DD or DD/MM/YYYY, from {date} on",
             "de": "Datum JJJJ-MM-TT oder TT/MM/JJJJ, ab {date}"},
    "int": {"nl": "geheel getal, 0 of meer", "fr": "nombre entier, 0 ou plus",
            "en": "whole number, 0 or more", "de": "ganze Zahl, 0 oder mehr"},
    "decimal": {"nl": "getal, 0 of meer (decimale komma of punt)",
                "fr": "nombre, 0 ou plus (virgule ou point décimal)",
                "en": "number, 0 or more (decimal comma or point)",
                "de": "Zahl, 0 oder mehr (Dezimalkomma oder -punkt)"},
    "text": {"nl": "tekst", "fr": "texte", "en": "text", "de": "Text"},
    "employee_id": {"nl": "intern personeelsnummer (gepseudonimiseerd; geen naam of "
                          "rijksregisternummer)",
                    "fr": "matricule interne (pseudonymisé ; ni nom ni numéro de registre "
                          "national)",
                    "en": "internal personnel number (pseudonymised; no name or national "
                          "register number)",
                    "de": "interne Personalnummer (pseudonymisiert; kein Name und keine "
                          "Nationalregisternummer)"},
    "enum": {"nl": "een van de toegelaten waarden (hoofdletters maken niet uit)",
             "fr": "l'une des valeurs permises (majuscules indifférentes)",
             "en": "one of the allowed values (any case)",
             "de": "einer der zulässigen Werte (Groß- oder Kleinschreibung egal)"},
}

# Columns with another range than "0 or more" (validation.range_message).
RANGE_FORMATS = {
    "expected.range.int.at_least": {
        "nl": "geheel getal, {minimum} of meer", "fr": "nombre entier, {minimum} ou plus",
        "en": "whole number, {minimum} or more", "de": "ganze Zahl, {minimum} oder mehr"},
    "expected.range.decimal.between": {
        "nl": "getal van {minimum} tot {maximum} (decimale komma of punt)",
        "fr": "nombre de {minimum} à {maximum} (virgule ou point décimal)",
        "en": "number from {minimum} to {maximum} (decimal comma or point)",
        "de": "Zahl von {minimum} bis {maximum} (Dezimalkomma oder -punkt)"},
}

DEFAULT = {"nl": "leeg = {value}", "fr": "vide = {value}", "en": "empty = {value}",
           "de": "leer = {value}"}

MEANINGS = {
    "month": {"nl": "De maand waarover de rij gaat.", "fr": "Le mois concerné par la ligne.",
              "en": "The month the row is about.", "de": "Der Monat, um den es in der Zeile geht."},
    "department": {"nl": "De afdeling of dienst, zoals in alle bestanden geschreven (niet 'ALL').",
                   "fr": "Le service, écrit de la même façon dans tous les fichiers (pas « ALL »).",
                   "en": "The department, written the same way in every file (not 'ALL').",
                   "de": "Die Abteilung, in jeder Datei gleich geschrieben (nicht 'ALL')."},
    "headcount": {"nl": "Aantal werknemers van de afdeling in die maand (personen, geen VTE).",
                  "fr": "Nombre de travailleurs du service ce mois-là (personnes, pas des ETP).",
                  "en": "Number of employees of the department that month (people, not FTE).",
                  "de": "Zahl der Arbeitnehmer der Abteilung in diesem Monat (Personen, keine "
                        "VZÄ)."},
    "fte": {"nl": "Voltijdse equivalenten van de afdeling in die maand.",
            "fr": "Équivalents temps plein du service ce mois-là.",
            "en": "Full-time equivalents of the department that month.",
            "de": "Vollzeitäquivalente der Abteilung in diesem Monat."},
    "hours_worked": {"nl": "Werkelijk gepresteerde uren in die maand (voor de frequentie- en "
                           "ernstgraad van arbeidsongevallen).",
                     "fr": "Heures réellement prestées ce mois-là (pour les taux de fréquence et "
                           "de gravité des accidents).",
                     "en": "Hours actually worked that month (for the accident frequency and "
                           "severity rates).",
                     "de": "In diesem Monat tatsächlich geleistete Arbeitsstunden (für den "
                           "Häufigkeits- und den Schweregrad der Arbeitsunfälle)."},
    "employee_id": {"nl": "Wie: het personeelsnummer, om afwezigheden van dezelfde persoon te "
                          "koppelen.",
                    "fr": "Qui : le matricule, pour relier les absences d'une même personne.",
                    "en": "Who: the personnel number, to link one person's records.",
                    "de": "Wer: die Personalnummer, um die Daten einer Person zu verknüpfen."},
    "start_date": {"nl": "Eerste dag van de afwezigheid.", "fr": "Premier jour de l'absence.",
                   "en": "First day of the absence.", "de": "Erster Tag der Abwesenheit."},
    "end_date": {"nl": "Laatste dag van de afwezigheid; leeg = nog afwezig.",
                 "fr": "Dernier jour de l'absence ; vide = toujours absent.",
                 "en": "Last day of the absence; empty = still absent.",
                 "de": "Letzter Tag der Abwesenheit; leer = noch abwesend."},
    "absence_type": {"nl": "Soort afwezigheid (geen diagnose).",
                     "fr": "Type d'absence (pas de diagnostic).",
                     "en": "Kind of absence (no diagnosis).",
                     "de": "Art der Abwesenheit (keine Diagnose)."},
    "date": {"nl": "De datum van de gebeurtenis.", "fr": "La date de l'événement.",
             "en": "The date of the event.", "de": "Das Datum des Ereignisses."},
    "event": {"nl": "Indiensttreding (hire) of uitdiensttreding (exit).",
              "fr": "Entrée (hire) ou sortie (exit).", "en": "Hire or exit.",
              "de": "Eintritt oder Austritt."},
    "reason": {"nl": "Reden van de uitdiensttreding.", "fr": "Motif de la sortie.",
               "en": "Reason for the exit.", "de": "Grund für den Austritt."},
    "incident_id": {"nl": "Eigen nummer van het incident (een later bestand met hetzelfde nummer "
                          "vervangt het).",
                    "fr": "Numéro propre de l'incident (un fichier ultérieur avec le même numéro "
                          "le remplace).",
                    "en": "Your own number for the incident (a later file with the same number "
                          "replaces it).",
                    "de": "Ihre eigene Nummer für den Vorfall (eine spätere Datei mit derselben "
                          "Nummer ersetzt ihn)."},
    "category": {"nl": "Soort incident.", "fr": "Type d'incident.", "en": "Kind of incident.",
                 "de": "Art des Vorfalls."},
    "days_lost": {"nl": "Verloren kalenderdagen door het incident; leeg = 0.",
                  "fr": "Jours perdus à cause de l'incident ; vide = 0.",
                  "en": "Days lost because of the incident; empty = 0.",
                  "de": "Durch den Vorfall verlorene Tage; leer = 0."},
    "request_id": {"nl": "Eigen nummer van het re-integratieverzoek.",
                   "fr": "Numéro propre de la demande de réintégration.",
                   "en": "Your own number for the re-integration request.",
                   "de": "Ihre eigene Nummer für den Antrag auf Wiedereingliederung."},
    "request_date": {"nl": "Datum van het verzoek.", "fr": "Date de la demande.",
                     "en": "Date of the request.", "de": "Datum des Antrags."},
    "request_type": {"nl": "Traject (trajectory), bezoek voor de werkhervatting "
                           "(pre_return_visit) of preventief verzoek (preventive, vanaf "
                           "2026-01-01, alleen door de werknemer).",
                     "fr": "Trajet (trajectory), visite de pré-reprise (pre_return_visit) ou "
                           "demande préventive (preventive, à partir du 2026-01-01, par le "
                           "travailleur seulement).",
                     "en": "Trajectory, pre-return visit or preventive request (from "
                           "2026-01-01, by the worker only).",
                     "de": "Wiedereingliederungsverfahren (trajectory), Besuch vor der "
                           "Wiederaufnahme (pre_return_visit) oder präventiver Antrag "
                           "(preventive, ab dem 2026-01-01, nur durch den Arbeitnehmer)."},
    "initiator": {"nl": "Wie het verzoek deed (advisory_physician alleen voor 2022-10-01; de "
                        "werkgever vraagt een bezoek voor de werkhervatting pas vanaf 2026).",
                  "fr": "Qui a fait la demande (advisory_physician seulement avant le "
                        "2022-10-01 ; l'employeur ne demande une visite de pré-reprise qu'à "
                        "partir de 2026).",
                  "en": "Who made the request (advisory_physician only before 2022-10-01; the "
                        "employer asks for a pre-return visit only from 2026).",
                  "de": "Wer den Antrag stellte (advisory_physician nur vor dem 2022-10-01; der "
                        "Arbeitgeber beantragt einen Besuch vor der Wiederaufnahme erst ab 2026)."},
    "decision": {"nl": "Beslissing van de arbeidsarts over een traject (geen werk mogelijk "
                       "alleen voor 2022-10-01).",
                 "fr": "Décision du médecin du travail sur un trajet (pas de travail possible "
                       "seulement avant le 2022-10-01).",
                 "en": "The occupational physician's decision on a trajectory (no work only "
                       "before 2022-10-01).",
                 "de": "Entscheidung des Arbeitsmediziners über ein Wiedereingliederungsverfahren "
                       "(keine Arbeit nur vor dem 2022-10-01)."},
    "decision_date": {"nl": "Datum van de beslissing; verplicht bij een beslissing, niet voor "
                            "de datum van het verzoek.",
                      "fr": "Date de la décision ; obligatoire avec une décision, pas avant la "
                            "date de la demande.",
                      "en": "Date of the decision; required with a decision, not before the "
                            "request date.",
                      "de": "Datum der Entscheidung; Pflicht bei einer Entscheidung, nicht vor "
                            "dem Antragsdatum."},
    "outcome": {"nl": "Hoe het verzoek afliep; leeg = nog lopend.",
                "fr": "Comment la demande s'est terminée ; vide = toujours en cours.",
                "en": "How the request ended; empty = still running.",
                "de": "Wie der Antrag endete; leer = noch laufend."},
    "outcome_date": {"nl": "Datum van de uitkomst; verplicht bij een uitkomst, niet voor de "
                           "datum van het verzoek.",
                     "fr": "Date de l'issue ; obligatoire avec une issue, pas avant la date de "
                           "la demande.",
                     "en": "Date of the outcome; required with an outcome, not before the "
                           "request date.",
                     "de": "Datum des Ergebnisses; Pflicht bei einem Ergebnis, nicht vor dem "
                           "Antragsdatum."},
    "measure": {"nl": "Wat geteld is (geen diagnose van een persoon).",
                "fr": "Ce qui est compté (pas le diagnostic d'une personne).",
                "en": "What is counted (never a person's diagnosis).",
                "de": "Was gezählt wird (nie die Diagnose einer Person)."},
    "count": {"nl": "Aantal vastgestelde gevallen in die maand en afdeling (geen namen).",
              "fr": "Nombre de cas constatés ce mois-là dans le service (pas de noms).",
              "en": "Number of cases observed that month in the department (no names).",
              "de": "Zahl der festgestellten Fälle in diesem Monat und dieser Abteilung (keine "
                    "Namen)."},
    "base": {"nl": "Op hoeveel personen het aantal betrekking heeft (bv. de geziene werknemers); "
                   "leeg = het personeel van die maand.",
             "fr": "Sur combien de personnes porte le nombre (p. ex. les travailleurs vus) ; "
                   "vide = l'effectif du mois.",
             "en": "How many people the count is out of (e.g. the employees seen); empty = "
                   "that month's headcount.",
             "de": "Auf wie viele Personen sich die Zahl bezieht (z. B. die gesehenen "
                   "Arbeitnehmer); leer = der Personalbestand des Monats."},
    "source": {"nl": "Wie telde: arbeidsarts, preventieadviseur psychosociale aspecten, "
                     "personeelsdienst of comité.",
               "fr": "Qui a compté : médecin du travail, conseiller en prévention aspects "
                     "psychosociaux, RH ou comité.",
               "en": "Who counted: occupational physician, psychosocial prevention adviser, HR "
                     "or the committee.",
               "de": "Wer gezählt hat: Arbeitsmediziner, Präventionsberater für psychosoziale "
                     "Aspekte, Personalabteilung oder Ausschuss."},
    "domain": {"nl": "Domein van de risicoanalyse (zoals de vragenlijst van de FOD WASO).",
               "fr": "Domaine de l'analyse des risques (comme le questionnaire du SPF ETCS).",
               "en": "Domain of the risk analysis (as in the FOD WASO questionnaire).",
               "de": "Bereich der Risikoanalyse (wie im Fragebogen des FÖD BASK)."},
    "respondents": {"nl": "Aantal werknemers van de afdeling dat antwoordde.",
                    "fr": "Nombre de travailleurs du service qui ont répondu.",
                    "en": "Number of the department's employees who answered.",
                    "de": "Zahl der Arbeitnehmer der Abteilung, die geantwortet haben."},
    "score": {"nl": "Gemiddelde score van 0 tot 100; hoger = meer risico.",
              "fr": "Score moyen de 0 à 100 ; plus haut = plus de risque.",
              "en": "Mean score from 0 to 100; higher = more risk.",
              "de": "Mittlere Punktzahl von 0 bis 100; höher = mehr Risiko."},
    "score_sd": {"nl": "Standaardafwijking van de scores (optioneel).",
                 "fr": "Écart type des scores (facultatif).",
                 "en": "Standard deviation of the scores (optional).",
                 "de": "Standardabweichung der Punktzahlen (optional)."},
}
KIND_MEANINGS = {
    ("survey", "date"): {"nl": "Datum van de bevraging.", "fr": "Date de l'enquête.",
                         "en": "Date of the survey.", "de": "Datum der Befragung."},
    ("incidents", "date"): {"nl": "De datum van het incident.", "fr": "La date de l'incident.",
                            "en": "The date of the incident.", "de": "Das Datum des Vorfalls."},
    ("turnover", "date"): {"nl": "Datum van in- of uitdiensttreding.",
                           "fr": "Date d'entrée ou de sortie.", "en": "Date of the hire or exit.",
                           "de": "Datum des Eintritts oder Austritts."},
}


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
        text += "; " + DEFAULT[lang].format(value=code_name(column.name, column.default, lang))
    return text


def _also_accepted(column: Column) -> str:
    names = [column.name] + [alias for aliases in COLUMN_ALIASES.get(column.name, {}).values()
                             for alias in aliases]
    return ", ".join(dict.fromkeys(names))


def _required(kind: Kind, column: Column, lang: str) -> str:
    if kind.name == "turnover" and column.name == "reason":
        return REQUIRED["reason"][lang]
    return REQUIRED[column.required][lang]


def _format(column: Column, lang: str) -> str:
    key, params = range_message(column) if column.minimum is not None else ("", {})
    if key in RANGE_FORMATS:
        return RANGE_FORMATS[key][lang].format(**params)
    return FORMATS[column.type][lang].format(date=EARLIEST_DATE, month=EARLIEST_DATE[:7])


def _meaning(kind: Kind, column: Column, lang: str) -> str:
    return KIND_MEANINGS.get((kind.name, column.name), MEANINGS.get(column.name, {})).get(lang, "")


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
    return {name: GUIDE_HEADERS[name][lang] for name in GUIDE_COLUMNS}


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
