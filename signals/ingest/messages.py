"""The ingest's messages in Dutch (nl), French (fr), English (en) and German (de).

A message is a key plus parameters (`Message`), rendered in a language only when
shown: the command line and the CONTRACT use English, the Upload page the
reader's language. Parameters are values from the file or the settings; a
float is written as a number in the language (decimal comma in nl and fr).
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field

from ..texts.formatting import LOCALES, format_number, month_names
from ..texts.i18n import Plural, plural

DEFAULT_LANGUAGE = "en"

_EXCEL_EN = "text saved as 'CSV UTF-8' or 'CSV (comma/semicolon delimited)' from Excel"
_EXCEL_NL = "tekst, in Excel bewaard als 'CSV UTF-8' of 'CSV (gescheiden door lijstscheidingsteken)'"
_EXCEL_FR = "du texte, enregistré dans Excel en 'CSV UTF-8' ou 'CSV (séparateur : point-virgule)'"
_EXCEL_DE = "Text, in Excel gespeichert als 'CSV UTF-8' oder 'CSV (Trennzeichen-getrennt)'"

MESSAGES: dict[str, dict[str, str | Plural]] = {
    # What a cell or row should have held ("expected ...")
    "expected.required": {
        "nl": "een waarde (deze kolom is verplicht)",
        "fr": "une valeur (cette colonne est obligatoire)",
        "en": "a value (this column is required)",
        "de": "einen Wert (diese Spalte ist Pflicht)",
    },
    "expected.format.date": {
        "nl": "een datum JJJJ-MM-DD of DD/MM/JJJJ",
        "fr": "une date AAAA-MM-JJ ou JJ/MM/AAAA",
        "en": "a date YYYY-MM-DD or DD/MM/YYYY",
        "de": "ein Datum JJJJ-MM-TT oder TT/MM/JJJJ",
    },
    "expected.real_date.day": {
        "nl": "een bestaande datum: {value} bestaat niet ({month_name} heeft {days} dagen)",
        "fr": "une date qui existe : le {value} n'existe pas ({month_name} compte {days} jours)",
        "en": "a date that exists: {value} does not exist ({month_name} has {days} days)",
        "de": "ein Datum, das es gibt: {value} gibt es nicht ({month_name} hat {days} Tage)",
    },
    "expected.real_date.february": {
        "nl": "een bestaande datum: {value} bestaat niet (februari {year} heeft {days} dagen)",
        "fr": "une date qui existe : le {value} n'existe pas (février {year} compte {days} jours)",
        "en": "a date that exists: {value} does not exist (February {year} has {days} days)",
        "de": "ein Datum, das es gibt: {value} gibt es nicht (Februar {year} hat {days} Tage)",
    },
    "expected.real_date.month": {
        "nl": "een bestaande datum: {value} bestaat niet (er is geen maand {month})",
        "fr": "une date qui existe : le {value} n'existe pas (il n'y a pas de mois {month})",
        "en": "a date that exists: {value} does not exist (there is no month {month})",
        "de": "ein Datum, das es gibt: {value} gibt es nicht (es gibt keinen Monat {month})",
    },
    "expected.real_month.month": {
        "nl": "een bestaande maand: {value} bestaat niet (er is geen maand {month})",
        "fr": "un mois qui existe : {value} n'existe pas (il n'y a pas de mois {month})",
        "en": "a month that exists: {value} does not exist (there is no month {month})",
        "de": "einen Monat, den es gibt: {value} gibt es nicht (es gibt keinen Monat {month})",
    },
    "expected.format.month": {
        "nl": "een maand JJJJ-MM",
        "fr": "un mois AAAA-MM",
        "en": "a month YYYY-MM",
        "de": "einen Monat JJJJ-MM",
    },
    "expected.format.int": {
        "nl": "een geheel getal",
        "fr": "un nombre entier",
        "en": "a whole number",
        "de": "eine ganze Zahl",
    },
    "expected.format.decimal": {
        "nl": "een getal (met decimale punt of komma)",
        "fr": "un nombre (avec point ou virgule décimale)",
        "en": "a number (decimal point or comma)",
        "de": "eine Zahl (mit Dezimalpunkt oder -komma)",
    },
    "expected.range.date": {
        "nl": "een datum op of na {date}",
        "fr": "une date égale ou postérieure au {date}",
        "en": "a date on or after {date}",
        "de": "ein Datum am oder nach dem {date}",
    },
    "expected.range.month": {
        "nl": "een maand vanaf {month}",
        "fr": "un mois à partir de {month}",
        "en": "a month from {month} on",
        "de": "einen Monat ab {month}",
    },
    "expected.future.date": {
        "nl": "een datum op of voor {date} (hoogstens een jaar na vandaag)",
        "fr": "une date égale ou antérieure au {date} (un an après aujourd'hui au plus)",
        "en": "a date on or before {date} (at most one year after today)",
        "de": "ein Datum am oder vor dem {date} (höchstens ein Jahr nach heute)",
    },
    "expected.future.month": {
        "nl": "een maand tot en met {month} (hoogstens een jaar na vandaag)",
        "fr": "un mois jusqu'à {month} inclus (un an après aujourd'hui au plus)",
        "en": "a month up to {month} (at most one year after today)",
        "de": "einen Monat bis {month} (höchstens ein Jahr nach heute)",
    },
    "expected.range.int": {
        "nl": "een geheel getal van 0 of meer (een negatieve waarde ligt buiten het bereik)",
        "fr": "un nombre entier de 0 ou plus (une valeur négative est hors limites)",
        "en": "a whole number of 0 or more (a negative value is out of range)",
        "de": "eine ganze Zahl ab 0 (ein negativer Wert liegt außerhalb des Bereichs)",
    },
    "expected.range.decimal": {
        "nl": "een getal van 0 of meer (een negatieve waarde ligt buiten het bereik)",
        "fr": "un nombre de 0 ou plus (une valeur négative est hors limites)",
        "en": "a number of 0 or more (a negative value is out of range)",
        "de": "eine Zahl ab 0 (ein negativer Wert liegt außerhalb des Bereichs)",
    },
    "expected.range.int.at_least": {
        "nl": "een geheel getal van {minimum} of meer (deze waarde ligt buiten het bereik)",
        "fr": "un nombre entier de {minimum} ou plus (cette valeur est hors limites)",
        "en": "a whole number of {minimum} or more (this value is out of range)",
        "de": "eine ganze Zahl von {minimum} oder mehr (dieser Wert liegt außerhalb des Bereichs)",
    },
    "expected.range.decimal.between": {
        "nl": "een getal van {minimum} tot en met {maximum} (deze waarde ligt buiten het bereik)",
        "fr": "un nombre de {minimum} à {maximum} inclus (cette valeur est hors limites)",
        "en": "a number from {minimum} to {maximum} (this value is out of range)",
        "de": "eine Zahl von {minimum} bis {maximum} (dieser Wert liegt außerhalb des Bereichs)",
    },
    "expected.enum": {
        "nl": "een van {values}",
        "fr": "l'une des valeurs {values}",
        "en": "one of {values}",
        "de": "einen der Werte {values}",
    },
    "expected.plain_text": {
        "nl": "gewone tekst, geen rekenbladformule (een cel mag niet beginnen met =, +, - of @)",
        "fr": "du texte simple, pas une formule de tableur (une cellule ne peut pas commencer "
              "par =, +, - ou @)",
        "en": "plain text, not a spreadsheet formula (a cell must not start with =, +, - or @)",
        "de": "einfachen Text, keine Tabellenformel (eine Zelle darf nicht mit =, +, - oder @ "
              "beginnen)",
    },
    "expected.reserved_department": {
        "nl": "een afdelingsnaam anders dan ALL, dat voorbehouden is voor de hele organisatie",
        "fr": "un nom de service autre que ALL, réservé à l'ensemble de l'organisation",
        "en": "a department name other than ALL, which is reserved for the whole organisation",
        "de": "einen anderen Abteilungsnamen als ALL, der für die ganze Organisation reserviert "
              "ist",
    },
    "expected.department_length": {
        "nl": "een afdelingsnaam van hoogstens {limit} tekens (deze telt er {length})",
        "fr": "un nom de service de {limit} caractères au plus (celui-ci en compte {length})",
        "en": "a department name of at most {limit} characters (this one has {length})",
        "de": "einen Abteilungsnamen von höchstens {limit} Zeichen (dieser hat {length})",
    },
    "expected.date_order": {
        "nl": "een datum op of na de {column} {date}",
        "fr": "une date égale ou postérieure à la {column} {date}",
        "en": "a date on or after the {column} {date}",
        "de": "ein Datum am oder nach {column} {date}",
    },
    # Re-integration as the law stood on the row's dates (CONTRACT 1a); {date} is the row's date
    "expected.law.advisory_physician": {
        "nl": "een andere initiatiefnemer dan advisory_physician: sinds 2022-10-01 (KB van 11 "
              "september 2022) start de adviserend arts van het ziekenfonds geen "
              "re-integratietraject meer (verzoek van {date})",
        "fr": "un autre initiateur que advisory_physician : depuis le 2022-10-01 (AR du 11 "
              "septembre 2022), le médecin-conseil de la mutualité ne lance plus de trajet de "
              "réintégration (demande du {date})",
        "en": "an initiator other than advisory_physician: since 2022-10-01 (royal decree of 11 "
              "September 2022) the mutuality's advisory physician no longer starts a "
              "re-integration trajectory (request of {date})",
        "de": "einen anderen Initiator als advisory_physician: seit dem 2022-10-01 (K.E. vom 11. "
              "September 2022) leitet der Vertrauensarzt der Krankenkasse kein "
              "Wiedereingliederungsverfahren mehr ein (Antrag vom {date})",
    },
    "expected.law.preventive_date": {
        "nl": "een ander soort verzoek dan preventive: een preventief verzoek bestaat pas "
              "sinds 2026-01-01 (re-integratie 3.0; verzoek van {date})",
        "fr": "un autre type de demande que preventive : la demande préventive n'existe que "
              "depuis le 2026-01-01 (réintégration 3.0 ; demande du {date})",
        "en": "a request type other than preventive: a preventive request exists only since "
              "2026-01-01 (re-integration 3.0; request of {date})",
        "de": "eine andere Antragsart als preventive: einen präventiven Antrag gibt es erst seit "
              "dem 2026-01-01 (Wiedereingliederung 3.0; Antrag vom {date})",
    },
    "expected.law.preventive_initiator": {
        "nl": "initiatiefnemer worker: een preventief verzoek (sinds 2026-01-01) doet alleen "
              "de werknemer zelf",
        "fr": "l'initiateur worker : seul le travailleur lui-même fait une demande préventive "
              "(depuis le 2026-01-01)",
        "en": "initiator worker: only the worker makes a preventive request (since 2026-01-01)",
        "de": "den Initiator worker: einen präventiven Antrag (seit dem 2026-01-01) stellt nur "
              "der Arbeitnehmer selbst",
    },
    "expected.law.pre_return_initiator": {
        "nl": "initiatiefnemer worker of employer: een bezoek voor de werkhervatting vraagt "
              "de werknemer, sinds 2026-01-01 ook de werkgever",
        "fr": "l'initiateur worker ou employer : la visite de pré-reprise est demandée par le "
              "travailleur, depuis le 2026-01-01 aussi par l'employeur",
        "en": "initiator worker or employer: a pre-return visit is asked by the worker, since "
              "2026-01-01 also by the employer",
        "de": "den Initiator worker oder employer: einen Besuch vor der Wiederaufnahme der "
              "Arbeit beantragt der Arbeitnehmer, seit dem 2026-01-01 auch der Arbeitgeber",
    },
    "expected.law.pre_return_employer": {
        "nl": "initiatiefnemer worker: de werkgever vraagt een bezoek voor de werkhervatting "
              "pas sinds 2026-01-01 (re-integratie 3.0; verzoek van {date})",
        "fr": "l'initiateur worker : l'employeur ne demande une visite de pré-reprise que "
              "depuis le 2026-01-01 (réintégration 3.0 ; demande du {date})",
        "en": "initiator worker: the employer asks for a pre-return visit only since "
              "2026-01-01 (re-integration 3.0; request of {date})",
        "de": "den Initiator worker: der Arbeitgeber beantragt einen Besuch vor der "
              "Wiederaufnahme der Arbeit erst seit dem 2026-01-01 (Wiedereingliederung 3.0; "
              "Antrag vom {date})",
    },
    "expected.law.decision_type": {
        "nl": "decision pending: alleen een re-integratietraject (trajectory) krijgt een "
              "beslissing van de arbeidsarts, dit verzoek is {request_type}",
        "fr": "la décision pending : seul un trajet de réintégration (trajectory) reçoit une "
              "décision du médecin du travail, cette demande est {request_type}",
        "en": "decision pending: only a re-integration trajectory gets an occupational "
              "physician's decision, this request is {request_type}",
        "de": "die Entscheidung pending: nur ein Wiedereingliederungsverfahren (trajectory) erhält "
              "eine Entscheidung des Arbeitsmediziners, dieser Antrag ist {request_type}",
    },
    "expected.law.decision_date": {
        "nl": "een beslissingsdatum (decision_date) bij de beslissing {decision}",
        "fr": "une date de décision (decision_date) pour la décision {decision}",
        "en": "a decision_date for the decision {decision}",
        "de": "ein Entscheidungsdatum (decision_date) zur Entscheidung {decision}",
    },
    "expected.law.decision_order": {
        "nl": "een beslissingsdatum op of na de datum van het verzoek {date}",
        "fr": "une date de décision égale ou postérieure à la date de la demande {date}",
        "en": "a decision date on or after the request_date {date}",
        "de": "ein Entscheidungsdatum am oder nach dem Antragsdatum {date}",
    },
    "expected.law.no_work_decision": {
        "nl": "een andere beslissing: sinds 2022-10-01 (KB van 11 september 2022) bestaat "
              "{decision} niet meer, definitieve ongeschiktheid zonder ander werk loopt via "
              "de procedure medische overmacht (beslissing van {date})",
        "fr": "une autre décision : depuis le 2022-10-01 (AR du 11 septembre 2022), "
              "{decision} n'existe plus, l'inaptitude définitive sans autre travail passe par "
              "la procédure de force majeure médicale (décision du {date})",
        "en": "another decision: since 2022-10-01 (royal decree of 11 September 2022) "
              "{decision} no longer exists, definitive unfitness without other work goes "
              "through the medical force majeure procedure (decision of {date})",
        "de": "eine andere Entscheidung: seit dem 2022-10-01 (K.E. vom 11. September 2022) "
              "gibt es {decision} nicht mehr, endgültige Untauglichkeit ohne andere Arbeit "
              "läuft über das Verfahren der medizinischen höheren Gewalt (Entscheidung vom "
              "{date})",
    },
    "expected.law.outcome_date": {
        "nl": "een datum van de uitkomst (outcome_date) bij de uitkomst {outcome}",
        "fr": "une date d'issue (outcome_date) pour l'issue {outcome}",
        "en": "an outcome_date for the outcome {outcome}",
        "de": "ein Datum des Ergebnisses (outcome_date) zum Ergebnis {outcome}",
    },
    "expected.outcome_v1": {
        "nl": "een uitkomst van de tweede versie ({values}): {value} is een code van de "
              "eerste versie, alleen aanvaard in een bestand zonder kolom decision",
        "fr": "une issue de la deuxième version ({values}) : {value} est un code de la "
              "première version, accepté seulement dans un fichier sans colonne decision",
        "en": "an outcome of the second version ({values}): {value} is a first-version code, "
              "accepted only in a file without a decision column",
        "de": "ein Ergebnis der zweiten Version ({values}): {value} ist ein Code der ersten "
              "Version, nur in einer Datei ohne Spalte decision angenommen",
    },
    "expected.required_when": {
        "nl": "een {column} bij een {other} '{value}' (een van {values})",
        "fr": "un {column} pour un {other} '{value}' (l'une des valeurs {values})",
        "en": "a {column} for an {other} '{value}' (one of {values})",
        "de": "einen Wert für {column} bei {other} '{value}' (einer der Werte {values})",
    },
    "expected.duplicate_key": {
        "nl": "een sleutel ({columns}) die maar één keer voorkomt; deze rij herhaalt regel {line}",
        "fr": "une clé ({columns}) utilisée une seule fois ; cette ligne répète la ligne {line}",
        "en": "a key ({columns}) used once; this row repeats line {line}",
        "de": "einen Schlüssel ({columns}), der nur einmal vorkommt; diese Zeile wiederholt Zeile "
              "{line}",
    },
    "expected.malformed.fields": {
        "nl": "{fields} velden gescheiden door '{delimiter}', zoals in de kopregel",
        "fr": "{fields} champs séparés par '{delimiter}', comme dans l'en-tête",
        "en": "{fields} fields separated by '{delimiter}', as in the header",
        "de": "{fields} Felder, getrennt durch '{delimiter}', wie in der Kopfzeile",
    },
    "expected.malformed.quote": {
        "nl": 'een waarde tussen aanhalingstekens die eindigt met het sluitende aanhalingsteken (")',
        "fr": 'une valeur entre guillemets qui se termine par son guillemet fermant (")',
        "en": 'a quoted value that ends with its closing quote (")',
        "de": "einen Wert in Anführungszeichen, der mit seinem schließenden Anführungszeichen "
              "(\") endet",
    },
    "expected.malformed.other": {
        "nl": "een leesbare CSV-rij",
        "fr": "une ligne CSV lisible",
        "en": "a readable CSV row",
        "de": "eine lesbare CSV-Zeile",
    },
    "expected.header.duplicate": {
        "nl": "elke kolomnaam één keer in de kopregel ('{name}' staat er {count} keer)",
        "fr": "chaque nom de colonne une seule fois dans l'en-tête ('{name}' y figure {count} fois)",
        "en": "each column name once in the header ('{name}' appears {count} times)",
        "de": "jeden Spaltennamen nur einmal in der Kopfzeile ('{name}' kommt {count} Mal vor)",
    },
    "expected.header.missing": {
        "nl": "een kolom met de naam '{name}' in de kopregel (verplicht voor {kind})",
        "fr": "une colonne nommée '{name}' dans l'en-tête (obligatoire pour {kind})",
        "en": "a column named '{name}' in the header (required for {kind})",
        "de": "eine Spalte namens '{name}' in der Kopfzeile (Pflicht für {kind})",
    },
    "file.header.other_kind": {
        "nl": "de kolommen van een bestand '{kind_label}': deze kolommen horen niet bij "
              "'{kind_label}', ze lijken op een bestand '{other_label}' (kies die soort, of laad "
              "het bestand '{kind_label}' op)",
        "fr": "les colonnes d'un fichier « {kind_label} » : ces en-têtes ne sont pas ceux d'un "
              "fichier « {kind_label} », ils ressemblent à un fichier « {other_label} » (choisissez "
              "ce type, ou chargez le fichier « {kind_label} »)",
        "en": "the columns of the kind '{kind_label}': these headers do not look like that kind "
              "of file, they look like the kind '{other_label}' (choose that kind, or upload the "
              "'{kind_label}' file)",
        "de": "die Spalten der Art '{kind_label}': Diese Spaltennamen sehen nicht nach dieser Art "
              "von Datei aus, sondern nach der Art '{other_label}' (wählen Sie diese Art, oder "
              "laden Sie die Datei '{kind_label}' hoch)",
    },
    "file.header.no_kind": {
        "nl": "de kolommen van een bestand '{kind_label}' ({expected}): de kolommen van dit "
              "bestand passen bij geen enkele soort bestand",
        "fr": "les colonnes d'un fichier « {kind_label} » ({expected}) : les en-têtes de ce "
              "fichier ne correspondent à aucun type de fichier",
        "en": "the columns of the kind '{kind_label}' ({expected}): the headers of this file match "
              "no kind of file",
        "de": "die Spalten der Art '{kind_label}' ({expected}): Die Spaltennamen dieser Datei "
              "passen zu keiner Art von Datei",
    },
    # The file as a whole
    "file.unknown_kind": {
        "nl": "Onbekende soort bestand '{kind}'; verwacht een van {kinds}.",
        "fr": "Type de fichier inconnu '{kind}' ; attendu l'un de {kinds}.",
        "en": "Unknown kind of file '{kind}'; expected one of {kinds}.",
        "de": "Unbekannte Art von Datei '{kind}'; erwartet wird eine der Arten {kinds}.",
    },
    "file.too_large": {
        "nl": "Het bestand is {size} MB, meer dan de limiet van {limit} MB; het werd niet gelezen. "
              "Verwacht een kleiner bestand: splits het bijvoorbeeld per jaar.",
        "fr": "Le fichier fait {size} Mo, plus que la limite de {limit} Mo ; il n'a pas été lu. "
              "Attendu un fichier plus petit : divisez-le par exemple par année.",
        "en": "The file is {size} MB, larger than the limit of {limit} MB; it was not read. "
              "Expected a smaller file: split it, for example per year.",
        "de": "Die Datei ist {size} MB groß, mehr als die Grenze von {limit} MB; sie wurde nicht "
              "gelesen. Erwartet wird eine kleinere Datei: Teilen Sie sie auf, zum Beispiel pro "
              "Jahr.",
    },
    "file.too_many_columns": {
        "nl": "De kopregel heeft {columns} kolommen, meer dan de limiet van {limit}; het bestand "
              "werd niet verder gelezen. Verwacht hoogstens {limit} kolommen.",
        "fr": "L'en-tête compte {columns} colonnes, plus que la limite de {limit} ; le fichier "
              "n'a pas été lu plus loin. Attendu au plus {limit} colonnes.",
        "en": "The header has {columns} columns, more than the limit of {limit}; the file was "
              "not read further. Expected at most {limit} columns.",
        "de": "Die Kopfzeile hat {columns} Spalten, mehr als die Grenze von {limit}; die Datei "
              "wurde nicht weiter gelesen. Erwartet werden höchstens {limit} Spalten.",
    },
    "file.binary": {
        "nl": "Het bestand is geen UTF-8- of Windows-1252-tekst (het lijkt UTF-16 of een binair "
              f"bestand); verwacht {_EXCEL_NL}.",
        "fr": "Le fichier n'est pas du texte UTF-8 ou Windows-1252 (il ressemble à de l'UTF-16 ou "
              f"à un fichier binaire) ; attendu {_EXCEL_FR}.",
        "en": "The file is not UTF-8 or Windows-1252 text (it looks like UTF-16 or a binary "
              f"file); expected {_EXCEL_EN}.",
        "de": "Die Datei ist kein UTF-8- oder Windows-1252-Text (sie sieht nach UTF-16 oder einer "
              f"Binärdatei aus); erwartet wird {_EXCEL_DE}.",
    },
    "file.control_characters": {
        "nl": "Het bestand bevat stuurtekens (regel {line}), zoals een binair bestand; "
              f"verwacht {_EXCEL_NL}.",
        "fr": "Le fichier contient des caractères de contrôle (ligne {line}), comme un fichier "
              f"binaire ; attendu {_EXCEL_FR}.",
        "en": "The file contains control characters (line {line}), as a binary file does; "
              f"expected {_EXCEL_EN}.",
        "de": "Die Datei enthält Steuerzeichen (Zeile {line}), wie eine Binärdatei; "
              f"erwartet wird {_EXCEL_DE}.",
    },
    "file.not_text": {
        "nl": f"Het bestand is geen UTF-8- of Windows-1252-tekst; verwacht {_EXCEL_NL}.",
        "fr": f"Le fichier n'est pas du texte UTF-8 ou Windows-1252 ; attendu {_EXCEL_FR}.",
        "en": f"The file is not UTF-8 or Windows-1252 text; expected {_EXCEL_EN}.",
        "de": f"Die Datei ist kein UTF-8- oder Windows-1252-Text; erwartet wird {_EXCEL_DE}.",
    },
    "file.empty": {
        "nl": "Het bestand is leeg; verwacht een kopregel en rijen met gegevens.",
        "fr": "Le fichier est vide ; attendu une ligne d'en-tête et des lignes de données.",
        "en": "The file is empty; expected a header line and data rows.",
        "de": "Die Datei ist leer; erwartet werden eine Kopfzeile und Datenzeilen.",
    },
    "file.empty_header": {
        "nl": "Regel 1 is leeg; verwacht de kopregel (de kolomnamen) op regel 1.",
        "fr": "La ligne 1 est vide ; attendu l'en-tête (les noms des colonnes) en ligne 1.",
        "en": "Line 1 is empty; expected the header (the column names) on line 1.",
        "de": "Zeile 1 ist leer; erwartet wird die Kopfzeile (die Spaltennamen) in Zeile 1.",
    },
    "file.no_rows": {
        "nl": "Het bestand heeft een kopregel maar geen rijen met gegevens; verwacht minstens "
              "één rij gegevens onder de kopregel.",
        "fr": "Le fichier a un en-tête mais aucune ligne de données ; attendu au moins une "
              "ligne de données sous l'en-tête.",
        "en": "The file has a header but no data rows; expected at least one row of data below "
              "the header.",
        "de": "Die Datei hat eine Kopfzeile, aber keine Datenzeilen; erwartet wird mindestens "
              "eine Datenzeile unter der Kopfzeile.",
    },
    "file.unreadable_csv": {
        "nl": "Het bestand kon niet als CSV gelezen worden ({detail}).",
        "fr": "Le fichier n'a pas pu être lu comme CSV ({detail}).",
        "en": "The file could not be read as CSV ({detail}).",
        "de": "Die Datei konnte nicht als CSV gelesen werden ({detail}).",
    },
    "file.read_failed": {
        "nl": "Het bestand kon niet gelezen worden ({reason}).",
        "fr": "Le fichier n'a pas pu être lu ({reason}).",
        "en": "The file could not be read ({reason}).",
        "de": "Die Datei konnte nicht gelesen werden ({reason}).",
    },
    "file.store_failed": {
        "nl": "Het bewaren van het bestand is mislukt, er werd niets bewaard ({detail}).",
        "fr": "L'enregistrement du fichier a échoué, rien n'a été enregistré ({detail}).",
        "en": "Storing the file failed, nothing was stored ({detail}).",
        "de": "Das Speichern der Datei ist fehlgeschlagen, nichts wurde gespeichert ({detail}).",
    },
    # The pseudonymisation key (a configuration mistake: nothing of the file is stored)
    "key.env_not_hex": {
        "nl": "SIGNALS_PSEUDONYM_KEY is geen bruikbare sleutel: verwacht minstens 32 "
              "hexadecimale cijfers (0-9, a-f), gevonden {found}. Er werd niets bewaard.",
        "fr": "SIGNALS_PSEUDONYM_KEY n'est pas une clé utilisable : attendu au moins 32 chiffres "
              "hexadécimaux (0-9, a-f), trouvé {found}. Rien n'a été enregistré.",
        "en": "SIGNALS_PSEUDONYM_KEY is not a usable key: expected at least 32 hexadecimal "
              "digits (0-9, a-f), found {found}. Nothing was stored.",
        "de": "SIGNALS_PSEUDONYM_KEY ist kein brauchbarer Schlüssel: erwartet werden mindestens "
              "32 hexadezimale Ziffern (0-9, a-f), gefunden: {found}. Nichts wurde gespeichert.",
    },
    "key.file_too_short": {
        "nl": "Het sleutelbestand voor pseudonimisering is te kort ({size} bytes): een sleutel "
              "heeft minstens 32 hexadecimale cijfers (16 bytes). Zet het oorspronkelijke "
              "sleutelbestand terug. Er werd niets bewaard.",
        "fr": "Le fichier de clé de pseudonymisation est trop court ({size} octets) : une clé "
              "compte au moins 32 chiffres hexadécimaux (16 octets). Restaurez le fichier de clé "
              "d'origine. Rien n'a été enregistré.",
        "en": "The pseudonymisation key file is too short ({size} bytes): a key has at least "
              "32 hexadecimal digits (16 bytes). Restore the original key file. "
              "Nothing was stored.",
        "de": "Die Schlüsseldatei für die Pseudonymisierung ist zu kurz ({size} Byte): Ein "
              "Schlüssel hat mindestens 32 hexadezimale Ziffern (16 Byte). Stellen Sie die "
              "ursprüngliche Schlüsseldatei wieder her. Nichts wurde gespeichert.",
    },
    "key.file_not_hex": {
        "nl": "Het sleutelbestand voor pseudonimisering bevat geen sleutel in hexadecimale "
              "cijfers. Zet het oorspronkelijke sleutelbestand terug. Er werd niets bewaard.",
        "fr": "Le fichier de clé de pseudonymisation ne contient pas une clé en chiffres "
              "hexadécimaux. Restaurez le fichier de clé d'origine. Rien n'a été enregistré.",
        "en": "The pseudonymisation key file does not hold a key in hexadecimal digits. "
              "Restore the original key file. Nothing was stored.",
        "de": "Die Schlüsseldatei für die Pseudonymisierung enthält keinen Schlüssel in "
              "hexadezimalen Ziffern. Stellen Sie die ursprüngliche Schlüsseldatei wieder her. "
              "Nichts wurde gespeichert.",
    },
    "key.file_unreadable": {
        "nl": "Het sleutelbestand voor pseudonimisering kan niet gelezen of aangemaakt worden "
              "({reason}). Er werd niets bewaard.",
        "fr": "Le fichier de clé de pseudonymisation ne peut être lu ni créé ({reason}). "
              "Rien n'a été enregistré.",
        "en": "The pseudonymisation key file cannot be read or created ({reason}). "
              "Nothing was stored.",
        "de": "Die Schlüsseldatei für die Pseudonymisierung kann nicht gelesen oder angelegt "
              "werden ({reason}). Nichts wurde gespeichert.",
    },
    "key.mismatch": {
        "nl": "Deze databank werd gevuld met een andere pseudonimiseringssleutel (vingerafdruk "
              "{expected}; de gebruikte sleutel heeft {actual}). Zet het oorspronkelijke "
              "sleutelbestand terug of stel SIGNALS_PSEUDONYM_KEY in. Er werd niets bewaard.",
        "fr": "Cette base a été remplie avec une autre clé de pseudonymisation (empreinte "
              "{expected} ; la clé utilisée a {actual}). Restaurez le fichier de clé d'origine ou "
              "définissez SIGNALS_PSEUDONYM_KEY. Rien n'a été enregistré.",
        "en": "This database was filled with another pseudonymisation key (fingerprint "
              "{expected}; the key in use has {actual}). Restore the original key file or set "
              "SIGNALS_PSEUDONYM_KEY; see the README, 'The pseudonymisation key'. "
              "Nothing was stored.",
        "de": "Diese Datenbank wurde mit einem anderen Pseudonymisierungsschlüssel befüllt "
              "(Fingerabdruck {expected}; der verwendete Schlüssel hat {actual}). Stellen Sie die "
              "ursprüngliche Schlüsseldatei wieder her oder setzen Sie SIGNALS_PSEUDONYM_KEY; "
              "siehe README, 'The pseudonymisation key'. Nichts wurde gespeichert.",
    },
    "key.readable_by_others": {
        "nl": "Het sleutelbestand voor pseudonimisering is leesbaar voor andere gebruikers "
              "(rechten {mode}); maak het leesbaar voor de eigenaar alleen (chmod 600).",
        "fr": "Le fichier de clé de pseudonymisation est lisible par d'autres utilisateurs "
              "(droits {mode}) ; rendez-le lisible par son seul propriétaire (chmod 600).",
        "en": "The pseudonymisation key file is readable by other users (permissions {mode}); "
              "make it readable by its owner only (chmod 600).",
        "de": "Die Schlüsseldatei für die Pseudonymisierung ist für andere Benutzer lesbar "
              "(Berechtigungen {mode}); machen Sie sie nur für ihren Eigentümer lesbar (chmod "
              "600).",
    },
    "file.demo": {
        "nl": "Dit is de demodatabank: echte bestanden worden nooit gemengd met de fictieve "
              "demogegevens. Laad op in de databank van de organisatie.",
        "fr": "Ceci est la base de démonstration : les vrais fichiers ne sont jamais mêlés aux "
              "données fictives. Chargez-les dans la base de l'organisation.",
        "en": "This is the demo database: real files are never mixed with the synthetic demo "
              "data. Upload into the organisation's database instead.",
        "de": "Dies ist die Demo-Datenbank: Echte Dateien werden nie mit den synthetischen "
              "Demo-Daten vermischt. Laden Sie sie stattdessen in die Datenbank der Organisation "
              "hoch.",
    },
    # Undoing an upload (signals.undo)
    "undo.done": {              # several counts: label: number, so no plural is hedged
        "nl": "Upload {upload} ({file}) ongedaan gemaakt. Rijen verwijderd: {removed}; "
              "waarvan teruggezet op de vorige versie: {restored}.",
        "fr": "Chargement {upload} ({file}) annulé. Lignes retirées : {removed} ; "
              "dont remises dans leur version précédente : {restored}.",
        "en": "Upload {upload} ({file}) undone. Rows removed: {removed}; "
              "of these put back to their previous version: {restored}.",
        "de": "Upload {upload} ({file}) rückgängig gemacht. Entfernte Zeilen: {removed}; davon "
              "auf ihre vorherige Fassung zurückgesetzt: {restored}.",
    },
    "undo.done_left": {
        "nl": "Upload {upload} ({file}) ongedaan gemaakt. Rijen verwijderd: {removed}; "
              "waarvan teruggezet op de vorige versie: {restored}. Gebleven zoals ze zijn, "
              "omdat een latere upload ({later}) ze opnieuw wijzigde: {left}.",
        "fr": "Chargement {upload} ({file}) annulé. Lignes retirées : {removed} ; "
              "dont remises dans leur version précédente : {restored}. Laissées telles "
              "quelles, car un chargement ultérieur ({later}) les a modifiées : {left}.",
        "en": "Upload {upload} ({file}) undone. Rows removed: {removed}; "
              "of these put back to their previous version: {restored}. Left as they are, "
              "because a later upload ({later}) changed them again: {left}.",
        "de": "Upload {upload} ({file}) rückgängig gemacht. Entfernte Zeilen: {removed}; davon "
              "auf ihre vorherige Fassung zurückgesetzt: {restored}. Unverändert gelassen, weil "
              "ein späterer Upload ({later}) sie erneut geändert hat: {left}.",
    },
    "undo.unknown": {
        "nl": "Er is geen upload {upload}.",
        "fr": "Il n'y a pas de chargement {upload}.",
        "en": "There is no upload {upload}.",
        "de": "Es gibt keinen Upload {upload}.",
    },
    "undo.not_stored": {
        "nl": "Upload {upload} kan niet ongedaan gemaakt worden: er is niets van bewaard "
              "(status {status}).",
        "fr": "Le chargement {upload} ne peut pas être annulé : rien n'en est enregistré "
              "(statut {status}).",
        "en": "Upload {upload} cannot be undone: nothing of it is stored (status {status}).",
        "de": "Upload {upload} kann nicht rückgängig gemacht werden: Nichts davon ist gespeichert "
              "(Status {status}).",
    },
    "undo.too_old": {
        "nl": "Upload {upload} werd bewaard voor deze versie bijhield wat een upload wijzigt; "
              "hij kan niet ongedaan gemaakt worden.",
        "fr": "Le chargement {upload} a été enregistré avant que cette version ne garde ce "
              "qu'un chargement modifie ; il ne peut pas être annulé.",
        "en": "Upload {upload} was stored before this version kept what an upload changes; "
              "it cannot be undone.",
        "de": "Upload {upload} wurde gespeichert, bevor diese Version festhielt, was ein Upload "
              "ändert; er kann nicht rückgängig gemacht werden.",
    },
    # Warnings: the file is stored, but the reader should know
    "warning.extra_columns": {
        "nl": "Extra kolommen genegeerd: {columns}.",
        "fr": "Colonnes supplémentaires ignorées : {columns}.",
        "en": "Extra columns ignored: {columns}.",
        "de": "Zusätzliche Spalten ignoriert: {columns}.",
    },
    "warning.empty_rows": {     # a text with two forms counts `count`
        "nl": Plural("{count} lege rij genegeerd.", "{count} lege rijen genegeerd."),
        "fr": Plural("{count} ligne vide ignorée.", "{count} lignes vides ignorées."),
        "en": Plural("{count} empty row ignored.", "{count} empty rows ignored."),
        "de": Plural("{count} leere Zeile ignoriert.", "{count} leere Zeilen ignoriert."),
    },
    "warning.kept.rows": {
        "nl": Plural("{count} rij met een lege cel waar al een waarde bewaard was: de bewaarde "
                     "waarde is behouden (een lege cel wist nooit een waarde).",
                     "{count} rijen met een lege cel waar al een waarde bewaard was: de bewaarde "
                     "waarden zijn behouden (een lege cel wist nooit een waarde)."),
        "fr": Plural("{count} ligne avec une cellule vide là où une valeur était déjà "
                     "enregistrée : la valeur enregistrée est conservée (une cellule vide "
                     "n'efface jamais une valeur).",
                     "{count} lignes avec une cellule vide là où une valeur était déjà "
                     "enregistrée : les valeurs enregistrées sont conservées (une cellule vide "
                     "n'efface jamais une valeur)."),
        "en": Plural("{count} row with an empty cell where a value was already stored: the "
                     "stored value was kept (an empty cell never erases a value).",
                     "{count} rows with an empty cell where a value was already stored: the "
                     "stored values were kept (an empty cell never erases a value)."),
        "de": Plural("{count} Zeile mit einer leeren Zelle, wo bereits ein Wert gespeichert war: "
                     "Der gespeicherte Wert wurde beibehalten (eine leere Zelle löscht nie einen "
                     "Wert).",
                     "{count} Zeilen mit einer leeren Zelle, wo bereits ein Wert gespeichert war: "
                     "Die gespeicherten Werte wurden beibehalten (eine leere Zelle löscht nie "
                     "einen Wert)."),
    },
    "warning.kept.cell": {
        "nl": "Regel {line}, kolom {column}: lege cel, bewaarde waarde {value} behouden.",
        "fr": "Ligne {line}, colonne {column} : cellule vide, valeur enregistrée {value} "
              "conservée.",
        "en": "Line {line}, column {column}: empty cell, stored value {value} kept.",
        "de": "Zeile {line}, Spalte {column}: leere Zelle, gespeicherter Wert {value} beibehalten.",
    },
    "warning.kept.more": {
        "nl": Plural("En nog {count} behouden waarde.", "En nog {count} behouden waarden."),
        "fr": Plural("Et encore {count} valeur conservée.", "Et encore {count} valeurs conservées."),
        "en": Plural("And {count} more kept value.", "And {count} more kept values."),
        "de": Plural("Und {count} weiterer beibehaltener Wert.",
                     "Und {count} weitere beibehaltene Werte."),
    },
    "warning.department.similar_stored": {
        "nl": "Regel {line}: de nieuwe afdeling '{name}' lijkt op de bekende afdeling "
              "'{known}'. Bedoelt u '{known}'? Verbeter het bestand en laad het opnieuw op, "
              "anders wordt '{name}' een aparte afdeling.",
        "fr": "Ligne {line} : le nouveau service '{name}' ressemble au service connu "
              "'{known}'. S'agit-il de '{known}' ? Corrigez le fichier et chargez-le à nouveau, "
              "sinon '{name}' devient un service distinct.",
        "en": "Line {line}: the new department '{name}' looks like the known department "
              "'{known}'. Did you mean '{known}'? Correct the file and upload it again, "
              "otherwise '{name}' becomes a separate department.",
        "de": "Zeile {line}: Die neue Abteilung '{name}' ähnelt der bekannten Abteilung "
              "'{known}'. Meinten Sie '{known}'? Korrigieren Sie die Datei und laden Sie sie "
              "erneut hoch, sonst wird '{name}' eine eigene Abteilung.",
    },
    "warning.department.similar_file": {
        "nl": "Regel {line}: de afdeling '{name}' lijkt op '{known}', eerder in dit bestand. "
              "Gaat het om dezelfde afdeling?",
        "fr": "Ligne {line} : le service '{name}' ressemble à '{known}', plus haut dans ce "
              "fichier. S'agit-il du même service ?",
        "en": "Line {line}: the department '{name}' looks like '{known}', earlier in this file. "
              "Is it the same department?",
        "de": "Zeile {line}: Die Abteilung '{name}' ähnelt '{known}', weiter oben in dieser "
              "Datei. Ist es dieselbe Abteilung?",
    },
    "warning.reintegration_v1": {
        "nl": "Bestand in de eerste versie van het contract (kolom outcome met {codes}, geen "
              "kolom decision): gelezen zoals geschreven, elk verzoek is een traject; "
              "no_work_possible en definitively_unfit worden beslissingen.",
        "fr": "Fichier dans la première version du contrat (colonne outcome avec {codes}, pas "
              "de colonne decision) : lu tel qu'écrit, chaque demande est un trajet ; "
              "no_work_possible et definitively_unfit deviennent des décisions.",
        "en": "File in the contract's first version (an outcome column with {codes}, no "
              "decision column): read as written, every request is a trajectory; "
              "no_work_possible and definitively_unfit become decisions.",
        "de": "Datei in der ersten Version des Vertrags (Spalte outcome mit {codes}, keine "
              "Spalte decision): wie geschrieben gelesen, jeder Antrag ist ein "
              "Wiedereingliederungsverfahren; no_work_possible und definitively_unfit werden "
              "Entscheidungen.",
    },
    "warning.reintegration_v1.rule": {
        "nl": "Regel {line}, kolom {column} ({value}): aanvaard als eerste versie, maar het "
              "recht van die datum verwacht {rule_text}.",
        "fr": "Ligne {line}, colonne {column} ({value}) : acceptée comme première version, "
              "mais le droit de cette date attend {rule_text}.",
        "en": "Line {line}, column {column} ({value}): accepted as first version, but the law "
              "of its date expects {rule_text}.",
        "de": "Zeile {line}, Spalte {column} ({value}): als erste Version angenommen, aber das "
              "Recht dieses Datums erwartet {rule_text}.",
    },
    "warning.reintegration_v1.more": {
        "nl": Plural("En nog {count} rij die het recht van haar datum zou weigeren.",
                     "En nog {count} rijen die het recht van hun datum zou weigeren."),
        "fr": Plural("Et encore {count} ligne que le droit de sa date refuserait.",
                     "Et encore {count} lignes que le droit de leur date refuserait."),
        "en": Plural("And {count} more row the law of its date would reject.",
                     "And {count} more rows the law of their date would reject."),
        "de": Plural("Und noch {count} Zeile, die das Recht ihres Datums ablehnen würde.",
                     "Und noch {count} Zeilen, die das Recht ihres Datums ablehnen würde."),
    },
    "warning.observations.no_workforce": {
        "nl": Plural("{count} vaststelling heeft geen personeelsrij voor haar maand en afdeling "
                     "(op regel {line}): ze is bewaard, maar geeft geen cijfer tot die rij is "
                     "opgeladen.",
                     "{count} vaststellingen hebben geen personeelsrij voor hun maand en "
                     "afdeling (de eerste op regel {line}): ze zijn bewaard, maar geven geen "
                     "cijfer tot die rijen zijn opgeladen."),
        "fr": Plural("{count} constat n'a pas de ligne d'effectifs pour son mois et son service "
                     "(en ligne {line}) : il est enregistré, mais ne donne aucun taux tant que "
                     "cette ligne n'est pas chargée.",
                     "{count} constats n'ont pas de ligne d'effectifs pour leur mois et leur "
                     "service (le premier en ligne {line}) : ils sont enregistrés, mais ne "
                     "donnent aucun taux tant que ces lignes ne sont pas chargées."),
        "en": Plural("{count} observation has no workforce row for its month and department "
                     "(on line {line}): it is stored but gives no rate until that row is "
                     "uploaded.",
                     "{count} observations have no workforce row for their month and "
                     "department (the first on line {line}): they are stored but give no rate "
                     "until those rows are uploaded."),
        "de": Plural("{count} Feststellung hat keine Personalzeile für ihren Monat und ihre "
                     "Abteilung (in Zeile {line}): Sie ist gespeichert, ergibt aber keine Quote, "
                     "bis diese Zeile hochgeladen ist.",
                     "{count} Feststellungen haben keine Personalzeile für ihren Monat und ihre "
                     "Abteilung (die erste in Zeile {line}): Sie sind gespeichert, ergeben aber "
                     "keine Quote, bis diese Zeilen hochgeladen sind."),
    },
    "warning.line_numbers": {
        "nl": "De regelnummers konden niet exact bepaald worden (onevenwichtige "
              "aanhalingstekens?); ze tellen de gegevensrijen vanaf regel 2.",
        "fr": "Les numéros de ligne n'ont pas pu être établis exactement (guillemets non "
              "fermés ?) ; ils comptent les lignes de données à partir de la ligne 2.",
        "en": "Line numbers could not be matched exactly (unbalanced quotes?); they count data "
              "rows from line 2.",
        "de": "Die Zeilennummern konnten nicht genau zugeordnet werden (unvollständige "
              "Anführungszeichen?); sie zählen die Datenzeilen ab Zeile 2.",
    },
    "warning.national_number": {
        "nl": Plural("{count} employee_id-waarde lijkt op een rijksregisternummer (op regel "
                     "{line}). Ze is gepseudonimiseerd zoals elke id, maar gebruik liever een "
                     "intern personeelsnummer.",
                     "{count} employee_id-waarden lijken op een rijksregisternummer (de eerste "
                     "op regel {line}). Ze zijn gepseudonimiseerd zoals elke id, maar gebruik "
                     "liever een intern personeelsnummer."),
        "fr": Plural("{count} valeur d'employee_id ressemble à un numéro de registre national "
                     "(en ligne {line}). Elle est pseudonymisée comme tout identifiant, mais "
                     "utilisez plutôt un matricule interne du personnel.",
                     "{count} valeurs d'employee_id ressemblent à un numéro de registre national "
                     "(la première en ligne {line}). Elles sont pseudonymisées comme tout "
                     "identifiant, mais utilisez plutôt un matricule interne du personnel."),
        "en": Plural("{count} employee_id value looks like a Belgian national register number "
                     "(on line {line}). It was pseudonymised like any id, but an internal "
                     "personnel number is the better choice.",
                     "{count} employee_id values look like a Belgian national register number "
                     "(the first on line {line}). They were pseudonymised like any id, but an "
                     "internal personnel number is the better choice."),
        "de": Plural("{count} Wert von employee_id sieht aus wie eine belgische "
                     "Nationalregisternummer (in Zeile {line}). Er wurde wie jede Kennung "
                     "pseudonymisiert, aber eine interne Personalnummer ist die bessere Wahl.",
                     "{count} Werte von employee_id sehen aus wie eine belgische "
                     "Nationalregisternummer (der erste in Zeile {line}). Sie wurden wie jede "
                     "Kennung pseudonymisiert, aber eine interne Personalnummer ist die bessere "
                     "Wahl."),
    },
}


def _shown(value, lang: str) -> str:
    """A parameter as written in the language: floats get the language's decimal mark."""
    if isinstance(value, float):
        return format_number(value, lang, 0 if value.is_integer() else 1)
    return str(value)


def _derived(params: dict, lang: str) -> dict:
    """Words a parameter stands for in the language: a kind's label, a month's name."""
    from ..definitions import KINDS

    derived = {}
    for name in ("kind", "other"):
        if params.get(name) in KINDS:
            labels = KINDS[params[name]].labels
            derived[f"{name}_label"] = labels.get(lang, labels[DEFAULT_LANGUAGE])
    rule = params.get("rule")
    if isinstance(rule, str) and rule in MESSAGES:       # a warning quoting an error's text
        derived["rule_text"] = render(rule, lang, {name: value for name, value in params.items()
                                                   if name != "rule"})
    month = params.get("month")
    if isinstance(month, int) and 1 <= month <= 12:
        derived["month_name"] = month_names(lang if lang in LOCALES else DEFAULT_LANGUAGE)[month - 1]
    return derived


def render(key: str, lang: str, params: dict | None = None) -> str:
    """The message `key` in `lang` (English when the language is unknown)."""
    templates = MESSAGES[key]
    template = plural((params or {}).get("count", 0), lang,
                      templates.get(lang, templates[DEFAULT_LANGUAGE]))
    values = {name: _shown(value, lang) for name, value in (params or {}).items()}
    return template.format(**values, **_derived(params or {}, lang))


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True)
class Message:
    """A message to render later in the reader's language."""
    key: str
    params: dict = field(default_factory=dict)

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return render(self.key, lang, self.params)
