"""Every text of the dashboard in Dutch (nl), French (fr), English (en) and German (de).

`text(key, lang, **values)` returns the text with `{placeholders}` filled in. A text
that counts something has two forms (`Plural`), chosen by its count `n`.
Indicator names and definitions live in signals.definitions, signal sentences in
signals.alerts; this module holds the interface's own words.
"""

from __future__ import annotations

from typing import NamedTuple

from ..definitions import LANGUAGES


class Plural(NamedTuple):
    """A text in its singular ('1 dienst') and plural ('3 diensten') form. A later move to
    gettext gives each language its own plural rules; until then plural_form decides."""
    one: str
    other: str


def plural_form(n, lang: str) -> str:
    """'one' or 'other': French counts 0 and 1 as singular ('0 service'), Dutch and English
    only 1."""
    whole = abs(int(n))
    return "one" if whole == 1 or (lang == "fr" and whole == 0) else "other"


def plural(n, lang: str, forms: Plural | str) -> str:
    """The form of `forms` for the count `n` (a plain text is its own form)."""
    if isinstance(forms, str):
        return forms
    return forms.one if plural_form(n, lang) == "one" else forms.other


LANGUAGE_NAMES = {"nl": "Nederlands", "fr": "Français", "en": "English", "de": "Deutsch"}

TEXTS: dict[str, dict[str, str | Plural]] = {
    # Application and navigation
    "app.title": {"nl": "Signalen burn-outpreventie", "fr": "Signaux de prévention du burn-out",
                  "en": "Burn-out prevention signals", "de": "Signale zur Burn-out-Prävention"},
    "page.overview": {"nl": "Overzicht", "fr": "Vue d'ensemble", "en": "Overview",
                      "de": "Übersicht"},
    "page.trends": {"nl": "Trends", "fr": "Tendances", "en": "Trends", "de": "Trends"},
    "page.hotspots": {"nl": "Aandachtspunten", "fr": "Points d'attention", "en": "Hotspots",
                      "de": "Auffälligkeiten"},
    "page.upload": {"nl": "Gegevens opladen", "fr": "Charger des données", "en": "Upload",
                    "de": "Daten hochladen"},
    "page.data": {"nl": "Gegevens en instellingen", "fr": "Données et paramètres",
                  "en": "Data and settings", "de": "Daten und Einstellungen"},
    "page.method": {"nl": "Hoe de signalen werken", "fr": "Comment fonctionnent les signaux",
                    "en": "How the signals work", "de": "So funktionieren die Signale"},
    "method.title": {"nl": "Hoe de signalen werken", "fr": "Comment fonctionnent les signaux",
                     "en": "How the signals work", "de": "So funktionieren die Signale"},
    "sidebar.language": {"nl": "Taal", "fr": "Langue", "en": "Language", "de": "Sprache"},
    "sidebar.presentation": {"nl": "Presentatiemodus", "fr": "Mode présentation",
                             "en": "Presentation mode", "de": "Präsentationsmodus"},
    "sidebar.presentation_help": {
        "nl": "Verbergt de zijbalk en de keuzes, voor de projector. Ook via ?present=1 in de link.",
        "fr": "Masque la barre latérale et les choix, pour le projecteur. Aussi via ?present=1 dans le lien.",
        "en": "Hides the sidebar and the controls, for the projector. Also with ?present=1 in the link.",
        "de": "Blendet die Seitenleiste und die Auswahlfelder aus, für den Projektor. Auch mit "
              "?present=1 im Link.",
    },
    "presentation.exit": {"nl": "Presentatiemodus verlaten", "fr": "Quitter le mode présentation",
                          "en": "Leave presentation mode", "de": "Präsentationsmodus verlassen"},
    "demo.banner": {
        "nl": "Fictieve demo-organisatie. Laad uw eigen gegevens op om ze hier te zien.",
        "fr": "Organisation de démonstration fictive. Chargez vos propres données pour les voir ici.",
        "en": "Fictitious demo organisation. Upload your own data to see it here.",
        "de": "Fiktive Demo-Organisation. Laden Sie Ihre eigenen Daten hoch, um sie hier zu sehen.",
    },
    "demo.banner_chosen": {
        "nl": "Fictieve demo-organisatie, voor opleiding. Uw eigen gegevens terug: Gegevens en "
              "instellingen.",
        "fr": "Organisation de démonstration fictive, pour la formation. Revenir à vos données : "
              "Données et paramètres.",
        "en": "Fictitious demo organisation, for training. Back to your own data: Data and settings.",
        "de": "Fiktive Demo-Organisation, für Schulungen. Zurück zu Ihren eigenen Daten: Daten "
              "und Einstellungen.",
    },
    "demo.building": {
        "nl": "De demo-organisatie wordt een eerste keer aangemaakt (ongeveer een halve minuut)…",
        "fr": "L'organisation de démonstration est créée une première fois (environ une demi-minute)…",
        "en": "Building the demo organisation for the first time (about half a minute)…",
        "de": "Die Demo-Organisation wird zum ersten Mal erstellt (etwa eine halbe Minute)…",
    },
    "error.busy": {
        "nl": "De databank is bezig met een andere import. Probeer het over een minuut opnieuw.",
        "fr": "La base de données est occupée par un autre import. Réessayez dans une minute.",
        "en": "The database is busy with another import. Please try again in a minute.",
        "de": "Die Datenbank ist mit einem anderen Import beschäftigt. Versuchen Sie es in einer "
              "Minute erneut.",
    },
    "error.min_group_size": {
        "nl": "De minimale groepsgrootte (SIGNALS_MIN_GROUP_SIZE) moet een geheel getal van "
              "minstens {n} zijn. Er worden geen cijfers getoond tot dat is rechtgezet.",
        "fr": "La taille minimale de groupe (SIGNALS_MIN_GROUP_SIZE) doit être un nombre entier "
              "d'au moins {n}. Aucun chiffre n'est affiché avant sa correction.",
        "en": "The minimum group size (SIGNALS_MIN_GROUP_SIZE) must be a whole number of at "
              "least {n}. No figures are shown until it is corrected.",
        "de": "Die Mindestgruppengröße (SIGNALS_MIN_GROUP_SIZE) muss eine ganze Zahl von "
              "mindestens {n} sein. Bis zur Korrektur werden keine Zahlen angezeigt.",
    },
    # Common words
    "common.month": {"nl": "Maand", "fr": "Mois", "en": "Month", "de": "Monat"},
    "common.indicator": {"nl": "Indicator", "fr": "Indicateur", "en": "Indicator",
                         "de": "Indikator"},
    "common.organisation": {"nl": "Hele organisatie", "fr": "Toute l'organisation",
                            "en": "Whole organisation", "de": "Ganze Organisation"},
    "common.no_data": {"nl": "Nog geen gegevens.", "fr": "Pas encore de données.",
                       "en": "No data yet.", "de": "Noch keine Daten."},
    "common.unrecorded": {
        "nl": "Nog geen bestanden opgeladen voor: {kinds}. De indicatoren die erop steunen "
              "blijven leeg (–), niet nul: {indicators}.",
        "fr": "Aucun fichier chargé pour : {kinds}. Les indicateurs qui en dépendent restent "
              "vides (–), pas à zéro : {indicators}.",
        "en": "No files uploaded yet for: {kinds}. The indicators based on them stay empty (–), "
              "not zero: {indicators}.",
        "de": "Noch keine Dateien hochgeladen für: {kinds}. Die Indikatoren, die darauf beruhen, "
              "bleiben leer (–), nicht null: {indicators}.",
    },
    "common.unobserved": {
        "nl": "Nog geen vaststellingen opgeladen voor deze maatstaven; ze blijven leeg (–), "
              "niet nul: {indicators}.",
        "fr": "Aucun constat chargé pour ces mesures ; elles restent vides (–), pas à zéro : "
              "{indicators}.",
        "en": "No observations uploaded yet for these measures; they stay empty (–), not zero: "
              "{indicators}.",
        "de": "Noch keine Feststellungen für diese Messgrößen hochgeladen; sie bleiben leer (–), "
              "nicht null: {indicators}.",
    },
    "common.incomplete": {
        "nl": "{month} is nog onvolledig: nog niets opgeladen voor {kinds}. De indicatoren die "
              "erop steunen kunnen te laag liggen en krijgen nog geen oordeel: {indicators}.",
        "fr": "{month} est encore incomplet : rien n'a encore été chargé pour {kinds}. Les "
              "indicateurs qui en dépendent peuvent être trop bas et ne sont pas encore jugés : "
              "{indicators}.",
        "en": "{month} is not complete yet: nothing uploaded yet for {kinds}. The indicators "
              "based on them may be too low and are not judged yet: {indicators}.",
        "de": "{month} ist noch unvollständig: noch nichts hochgeladen für {kinds}. Die "
              "Indikatoren, die darauf beruhen, können zu niedrig sein und werden noch nicht "
              "beurteilt: {indicators}.",
    },
    "common.incomplete_kind": {"nl": "{kind} (laatste maand: {last})",
                               "fr": "{kind} (dernier mois : {last})",
                               "en": "{kind} (latest month: {last})",
                               "de": "{kind} (letzter Monat: {last})"},
    "common.since": {"nl": "sinds {month}", "fr": "depuis {month}", "en": "since {month}",
                     "de": "seit {month}"},
    "common.save": {"nl": "Opslaan", "fr": "Enregistrer", "en": "Save", "de": "Speichern"},
    "common.source": {"nl": "Bron", "fr": "Source", "en": "Source", "de": "Quelle"},
    "common.download_figures": {"nl": "Cijfers downloaden (Excel)",
                                "fr": "Télécharger les chiffres (Excel)",
                                "en": "Download the figures (Excel)",
                                "de": "Zahlen herunterladen (Excel)"},
    # Downloads: for Belgian Excel, or plain CSV for another program
    "download.excel_help": {
        "nl": "CSV voor Excel in België: puntkomma's, decimale komma, kolomnamen in het Nederlands.",
        "fr": "CSV pour Excel en Belgique : points-virgules, virgule décimale, en-têtes en français.",
        "en": "CSV for Excel in Belgium: semicolons, decimal comma, headers in English.",
        "de": "CSV für Excel in Belgien: Semikolons, Dezimalkomma, Spaltennamen auf Deutsch.",
    },
    "download.plain": {"nl": "Gewone CSV", "fr": "CSV brut", "en": "Plain CSV",
                       "de": "Einfache CSV"},
    "download.plain_help": {
        "nl": "Gewone CSV voor andere programma's: komma's, decimale punt, kolomnamen van het contract.",
        "fr": "CSV brut pour d'autres programmes : virgules, point décimal, noms de colonnes du contrat.",
        "en": "Plain CSV for other programs: commas, decimal point, the contract's column names.",
        "de": "Einfache CSV für andere Programme: Kommas, Dezimalpunkt, die Spaltennamen des "
              "Vertrags.",
    },
    "csv.yes": {"nl": "ja", "fr": "oui", "en": "yes", "de": "ja"},
    "csv.no": {"nl": "nee", "fr": "non", "en": "no", "de": "nein"},
    "csv.month": {"nl": "Maand", "fr": "Mois", "en": "Month", "de": "Monat"},
    "csv.department": {"nl": "Afdeling", "fr": "Service", "en": "Department", "de": "Abteilung"},
    "csv.indicator": {"nl": "Indicator", "fr": "Indicateur", "en": "Indicator", "de": "Indikator"},
    "csv.numerator": {"nl": "Teller", "fr": "Numérateur", "en": "Numerator", "de": "Zähler"},
    "csv.denominator": {"nl": "Noemer", "fr": "Dénominateur", "en": "Denominator", "de": "Nenner"},
    "csv.value": {"nl": "Waarde", "fr": "Valeur", "en": "Value", "de": "Wert"},
    "csv.suppressed": {"nl": "Verborgen", "fr": "Masqué", "en": "Hidden", "de": "Verborgen"},
    "csv.suppression_reason": {"nl": "Waarom verborgen", "fr": "Raison du masquage",
                               "en": "Why hidden", "de": "Warum verborgen"},
    "csv.suppression_small": {"nl": "kleine groep", "fr": "petit groupe", "en": "small group",
                              "de": "kleine Gruppe"},
    "csv.expected": {"nl": "Verwachte waarde", "fr": "Valeur attendue", "en": "Expected value",
                     "de": "Erwarteter Wert"},
    "csv.watch_limit": {"nl": "Grens opvolgen", "fr": "Limite de vigilance", "en": "Watch limit",
                        "de": "Warngrenze"},
    "csv.upper_limit": {"nl": "Bovengrens", "fr": "Limite supérieure", "en": "Upper limit",
                        "de": "Obergrenze"},
    "csv.lower_limit": {"nl": "Ondergrens", "fr": "Limite inférieure", "en": "Lower limit",
                        "de": "Untergrenze"},
    "csv.rolling12_value": {"nl": "Waarde over 12 maanden", "fr": "Valeur sur 12 mois",
                            "en": "12-month value", "de": "Wert über 12 Monate"},
    "csv.level": {"nl": "Niveau", "fr": "Niveau", "en": "Level", "de": "Stufe"},
    "csv.rule": {"nl": "Regel", "fr": "Règle", "en": "Rule", "de": "Regel"},
    "csv.reason": {"nl": "Waarom", "fr": "Pourquoi", "en": "Why", "de": "Warum"},
    "csv.organisation_value": {"nl": "Waarde organisatie", "fr": "Valeur de l'organisation",
                               "en": "Organisation value", "de": "Wert der Organisation"},
    "csv.lower_998": {"nl": "Ondergrens 99,8 %", "fr": "Limite inférieure 99,8 %",
                      "en": "Lower limit 99.8%", "de": "Untergrenze 99,8 %"},
    "csv.lower_95": {"nl": "Ondergrens 95 %", "fr": "Limite inférieure 95 %", "en": "Lower limit 95%",
                     "de": "Untergrenze 95 %"},
    "csv.upper_95": {"nl": "Bovengrens 95 %", "fr": "Limite supérieure 95 %", "en": "Upper limit 95%",
                     "de": "Obergrenze 95 %"},
    "csv.upper_998": {"nl": "Bovengrens 99,8 %", "fr": "Limite supérieure 99,8 %",
                      "en": "Upper limit 99.8%", "de": "Obergrenze 99,8 %"},
    "csv.z": {"nl": "Afwijking (z)", "fr": "Écart (z)", "en": "Deviation (z)",
              "de": "Abweichung (z)"},
    "csv.rank": {"nl": "Rang", "fr": "Rang", "en": "Rank", "de": "Rang"},
    "csv.score": {"nl": "Score", "fr": "Score", "en": "Score", "de": "Punktzahl"},
    "csv.alerts": {"nl": "Alarmen", "fr": "Alertes", "en": "Alerts", "de": "Alarme"},
    "csv.watches": {"nl": "Opvolgen", "fr": "À suivre", "en": "Watches", "de": "Beobachten"},
    "csv.indicators": {"nl": "Indicatoren", "fr": "Indicateurs", "en": "Indicators",
                       "de": "Indikatoren"},
    "csv.since": {"nl": "Sinds", "fr": "Depuis", "en": "Since", "de": "Seit"},
    "csv.review": {"nl": "Opvolging", "fr": "Suivi", "en": "Follow-up", "de": "Nachverfolgung"},
    "csv.kind": {"nl": "Soort", "fr": "Type", "en": "Kind", "de": "Art"},
    "csv.rows": {"nl": "Rijen", "fr": "Lignes", "en": "Rows", "de": "Zeilen"},
    # Suppression of small groups
    "suppressed.value": {"nl": "minder dan {n} personen: niet getoond",
                         "fr": "moins de {n} personnes : non affiché",
                         "en": "fewer than {n} people: not shown",
                         "de": "weniger als {n} Personen: nicht angezeigt"},
    "suppressed.short": {"nl": "< {n}", "fr": "< {n}", "en": "< {n}",
                         "de": "< {n}"},   # a heatmap cell: narrow
    # a group large enough itself, hidden so that the organisation's total minus the shown
    # groups does not reveal a small one (signals.privacy, COMPLEMENTARY)
    "suppressed.complementary": {"nl": "verborgen om een andere groep te beschermen",
                                 "fr": "masqué pour protéger un autre groupe",
                                 "en": "hidden to protect another group",
                                 "de": "verborgen, um eine andere Gruppe zu schützen"},
    # a heatmap cell: as narrow as "< {n}" (the caption under the heatmap spells it out)
    "suppressed.complementary_short": {"nl": "verb.", "fr": "masqué", "en": "hidden",
                                       "de": "verb."},
    # Heatmap column headings: short, at most two lines ("\n") of 14 characters, so ten
    # angled headings fit side by side on a 1280-pixel screen; the hover names in full.
    "heatmap.column.absence_rate": {"nl": "Afwezigheid", "fr": "Absentéisme",
                                    "en": "Absence rate", "de": "Abwesenheit"},
    "heatmap.column.absence_frequency": {"nl": "Frequentie\nafwezigheid",
                                         "fr": "Fréquence\nabsences", "en": "Absence\nfrequency",
                                         "de": "Abwesenheits-\nhäufigkeit"},
    "heatmap.column.long_term_absentees": {"nl": "Langdurig\nafwezig", "fr": "Absents\nlongue durée",
                                           "en": "Long-term\nabsent", "de": "Langzeit-\nabwesend"},
    "heatmap.column.turnover_rate": {"nl": "Uitstroom", "fr": "Sorties", "en": "Turnover",
                                     "de": "Abgänge"},
    "heatmap.column.voluntary_turnover_rate": {"nl": "Vrijwillige\nuitstroom",
                                               "fr": "Départs\nvolontaires",
                                               "en": "Voluntary\nturnover",
                                               "de": "Freiwillige\nAbgänge"},
    "heatmap.column.accident_frequency_rate": {"nl": "Ongevallen\nfrequentie",
                                               "fr": "Accidents\nfréquence",
                                               "en": "Accident\nfrequency",
                                               "de": "Unfall-\nhäufigkeit"},
    "heatmap.column.accident_severity_rate": {"nl": "Ongevallen\nernst", "fr": "Accidents\ngravité",
                                              "en": "Accident\nseverity", "de": "Unfall-\nschwere"},
    "heatmap.column.psychosocial_request_rate": {"nl": "Psycho-\nsociaal", "fr": "Psycho-\nsocial",
                                                 "en": "Psycho-\nsocial", "de": "Psycho-\nsozial"},
    "heatmap.column.aggression_rate": {"nl": "Agressie", "fr": "Agressions", "en": "Aggression",
                                       "de": "Aggression"},
    "heatmap.column.back_complaints_rate": {"nl": "Rug-\nklachten", "fr": "Plaintes\nde dos",
                                           "en": "Back\ncomplaints", "de": "Rücken-\nbeschwerden"},
    "heatmap.column.psychological_complaints_rate": {
        "nl": "Psychische\nklachten", "fr": "Plaintes\npsycho.", "en": "Psychological\ncomplaints",
        "de": "Psychische\nBeschwerden"},
    "heatmap.column.presenteeism_rate": {"nl": "Presenteïsme", "fr": "Présentéisme",
                                         "en": "Presenteeism", "de": "Präsentismus"},
    "heatmap.column.quality_incidents_rate": {"nl": "Kwaliteits-\nincidenten",
                                              "fr": "Incidents\nqualité", "en": "Quality\nincidents",
                                              "de": "Qualitäts-\nvorfälle"},
    "heatmap.column.complaints_rate": {"nl": "Klachten", "fr": "Plaintes", "en": "Complaints",
                                       "de": "Beschwerden"},
    "heatmap.column.reintegration_request_rate": {"nl": "Re-integratie", "fr": "Réintégration",
                                                  "en": "Re-integration",
                                                  "de": "Wieder-\neingliederung"},
    "heatmap.column.job_adaptation_request_rate": {"nl": "Aanpassing\nwerk",
                                                   "fr": "Adaptation\ntravail",
                                                   "en": "Job\nadaptation",
                                                   "de": "Anpassung\nArbeit"},
    "heatmap.column.unfitness_rate": {"nl": "Definitief\nongeschikt", "fr": "Inaptitude\ndéfinitive",
                                      "en": "Definitive\nunfitness",
                                      "de": "Endgültig\nuntauglich"},
    "heatmap.column.harassment_rate": {"nl": "Pesterijen", "fr": "Harcèlement", "en": "Harassment",
                                       "de": "Belästigung"},
    "heatmap.column.serious_event_rate": {"nl": "Ernstige\nvoorvallen", "fr": "Événements\ngraves",
                                          "en": "Serious\nevents", "de": "Schwere\nEreignisse"},
    "heatmap.column.work_accident_rate": {"nl": "Arbeids-\nongevallen", "fr": "Accidents\ndu travail",
                                          "en": "Work\naccidents", "de": "Arbeits-\nunfälle"},
    "heatmap.column.long_absence_risk": {"nl": "Risico lang\nafwezig", "fr": "Risque\nlongue absence",
                                         "en": "Long absence\nrisk", "de": "Risiko lange\nAbwesenheit"},
    "heatmap.column.frequent_absence": {"nl": "Frequent\nafwezig", "fr": "Absences\nfréquentes",
                                        "en": "Frequent\nabsence", "de": "Häufig\nabwesend"},
    "heatmap.column.relapse_rate": {"nl": "Herval", "fr": "Rechutes", "en": "Relapses",
                                    "de": "Rückfälle"},
    "heatmap.column.hours_per_fte": {"nl": "Uren\nper VTE", "fr": "Heures\npar ETP",
                                     "en": "Hours\nper FTE", "de": "Stunden\nje VZÄ"},
    "heatmap.judged": {"nl": "{n} mnd", "fr": "{n} mois", "en": "{n} mo", "de": "{n} Mon."},
    "heatmap.this_month": {"nl": "deze maand {value}", "fr": "ce mois-ci {value}",
                           "en": "this month {value}", "de": "dieser Monat {value}"},
    "heatmap.no_figure": {"nl": "geen cijfer: geen gegevens opgeladen of geen gewerkte uren",
                          "fr": "pas de chiffre : aucune donnée chargée ou pas d'heures prestées",
                          "en": "no figure: no data uploaded or no hours worked",
                          "de": "keine Zahl: keine Daten hochgeladen oder keine geleisteten "
                                "Stunden"},
    # Signal levels
    "level.ok": {"nl": "Geen signaal", "fr": "Pas de signal", "en": "No signal",
                 "de": "Kein Signal"},
    "level.watch": {"nl": "Opvolgen", "fr": "À suivre", "en": "Watch", "de": "Beobachten"},
    "level.alert": {"nl": "Alarm", "fr": "Alerte", "en": "Alert", "de": "Alarm"},
    "level.unjudged": {"nl": "Te weinig historiek", "fr": "Historique insuffisant",
                       "en": "Too little history", "de": "Zu wenig Vorgeschichte"},
    "level.no_data": {"nl": "Geen gegevens", "fr": "Pas de données", "en": "No data",
                      "de": "Keine Daten"},
    "level.incomplete": {"nl": "Maand onvolledig", "fr": "Mois incomplet", "en": "Month incomplete",
                         "de": "Monat unvollständig"},
    # Units
    "unit.%": {"nl": "%", "fr": "%", "en": "%", "de": "%"},
    "unit.count": {"nl": "aantal personen", "fr": "nombre de personnes", "en": "number of people",
                   "de": "Anzahl Personen"},
    "unit.per_million_hours": {"nl": "per miljoen gewerkte uren", "fr": "par million d'heures prestées",
                               "en": "per million hours worked",
                               "de": "pro Million Arbeitsstunden"},
    "unit.per_thousand_hours": {"nl": "dagen per 1.000 gewerkte uren",
                                "fr": "jours pour 1 000 heures prestées",
                                "en": "days per 1,000 hours worked",
                                "de": "Tage pro 1.000 Arbeitsstunden"},
    "unit.hours_per_fte": {"nl": "gewerkte uren per VTE", "fr": "heures prestées par ETP",
                           "en": "hours worked per FTE", "de": "geleistete Stunden je VZÄ"},
    "unit.points": {"nl": "%-punt", "fr": "pt", "en": "pt", "de": "Pp."},
    # Overview
    "overview.title": {"nl": "Overzicht voor het comité", "fr": "Vue d'ensemble pour le comité",
                       "en": "Overview for the committee", "de": "Übersicht für den Ausschuss"},
    "overview.vs": {"nl": "t.o.v. {month}", "fr": "par rapport à {month}", "en": "vs {month}",
                    "de": "ggü. {month}"},
    "overview.departments_signalled": {
        "nl": Plural("{n} dienst met signaal", "{n} diensten met signaal"),
        "fr": Plural("{n} service avec signal", "{n} services avec signal"),
        "en": Plural("{n} department with a signal", "{n} departments with a signal"),
        "de": Plural("{n} Abteilung mit Signal", "{n} Abteilungen mit Signal"),
    },
    "overview.attention": {"nl": "Diensten die aandacht vragen", "fr": "Services qui demandent de l'attention",
                           "en": "Departments that need attention",
                           "de": "Abteilungen, die Aufmerksamkeit brauchen"},
    "overview.no_attention": {"nl": "Geen enkele dienst geeft deze maand een signaal.",
                              "fr": "Aucun service ne donne de signal ce mois-ci.",
                              "en": "No department gives a signal this month.",
                              "de": "Keine Abteilung gibt in diesem Monat ein Signal."},
    "overview.no_attention_incomplete": {
        "nl": "Geen enkele dienst geeft een signaal in de cijfers die al volledig zijn; {month} "
              "is nog onvolledig (zie hierboven).",
        "fr": "Aucun service ne donne de signal dans les chiffres déjà complets ; {month} est "
              "encore incomplet (voir plus haut).",
        "en": "No department gives a signal in the figures that are complete; {month} is not "
              "complete yet (see above).",
        "de": "Keine Abteilung gibt ein Signal in den Zahlen, die schon vollständig sind; {month} "
              "ist noch unvollständig (siehe oben).",
    },
    # Trends
    "trends.title": {"nl": "Trends per dienst", "fr": "Tendances par service", "en": "Trends by department",
                     "de": "Trends pro Abteilung"},
    "trends.departments": {"nl": "Diensten", "fr": "Services", "en": "Departments",
                           "de": "Abteilungen"},
    "trends.unrecorded": {
        "nl": "Geen cijfers voor {indicator}: de bestanden waarop het steunt zijn nog niet opgeladen.",
        "fr": "Pas de chiffres pour {indicator} : les fichiers dont il dépend n'ont pas encore "
              "été chargés.",
        "en": "No figures for {indicator}: the files it is based on have not been uploaded yet.",
        "de": "Keine Zahlen für {indicator}: Die Dateien, auf denen er beruht, sind noch nicht "
              "hochgeladen.",
    },
    "trends.incomplete": {
        "nl": "Nog onvolledig voor deze indicator: {months} (nog niets opgeladen voor {kinds}).",
        "fr": "Encore incomplet pour cet indicateur : {months} (rien n'a encore été chargé pour "
              "{kinds}).",
        "en": "Not complete yet for this indicator: {months} (nothing uploaded yet for {kinds}).",
        "de": "Noch unvollständig für diesen Indikator: {months} (noch nichts hochgeladen für "
              "{kinds}).",
    },
    "trends.view": {"nl": "Weergave", "fr": "Affichage", "en": "View", "de": "Ansicht"},
    "trends.reference": {"nl": "Belgisch referentiecijfer tonen", "fr": "Afficher la référence belge",
                         "en": "Show the Belgian reference figure",
                         "de": "Belgische Vergleichszahl anzeigen"},
    "trends.no_series": {"nl": "Geen cijfers voor {department}.", "fr": "Pas de chiffres pour {department}.",
                         "en": "No figures for {department}.",
                         "de": "Keine Zahlen für {department}."},
    "trends.pick_department": {"nl": "Kies minstens één dienst.", "fr": "Choisissez au moins un service.",
                               "en": "Choose at least one department.",
                               "de": "Wählen Sie mindestens eine Abteilung."},
    "trends.suppressed_months": {
        "nl": "Minder dan {n} personen, niet getoond: {months}.",
        "fr": "Moins de {n} personnes, non affiché : {months}.",
        "en": "Fewer than {n} people, not shown: {months}.",
        "de": "Weniger als {n} Personen, nicht angezeigt: {months}.",
    },
    "trends.complementary_months": {
        "nl": "Verborgen om een andere groep te beschermen: {months}.",
        "fr": "Masqué pour protéger un autre groupe : {months}.",
        "en": "Hidden to protect another group: {months}.",
        "de": "Verborgen, um eine andere Gruppe zu schützen: {months}.",
    },
    # Charts
    "chart.view_monthly": {"nl": "per maand", "fr": "par mois", "en": "monthly", "de": "pro Monat"},
    "chart.view_rolling12": {"nl": "voortschrijdend 12 maanden", "fr": "12 mois glissants",
                             "en": "rolling 12 months", "de": "gleitende 12 Monate"},
    "chart.expected": {"nl": "Verwacht voor dit team", "fr": "Attendu pour cette équipe",
                       "en": "Expected for this team", "de": "Erwartet für dieses Team"},
    "chart.watch_limit": {"nl": "Waarschuwingsgrens (ongewoon)", "fr": "Limite de vigilance (inhabituel)",
                          "en": "Watch limit (unusual)", "de": "Warngrenze (ungewöhnlich)"},
    "chart.upper_limit": {"nl": "Alarmgrens (zeer ongewoon)", "fr": "Limite d'alerte (très inhabituel)",
                          "en": "Alert limit (very unusual)",
                          "de": "Alarmgrenze (sehr ungewöhnlich)"},
    "chart.lower_limit": {"nl": "Ondergrens (zeer ongewoon laag)",
                          "fr": "Limite inférieure (très inhabituellement bas)",
                          "en": "Lower limit (very unusually low)",
                          "de": "Untergrenze (ungewöhnlich niedrig)"},
    "chart.hover_limits": {
        "nl": "verwacht {expected} · waarschuwingsgrens {watch} · alarmgrens {upper}",
        "fr": "attendu {expected} · limite de vigilance {watch} · limite d'alerte {upper}",
        "en": "expected {expected} · watch limit {watch} · alert limit {upper}",
        "de": "erwartet {expected} · Warngrenze {watch} · Alarmgrenze {upper}",
    },
    "chart.hover_rule": {"nl": "Regel: {rule}", "fr": "Règle : {rule}", "en": "Rule: {rule}",
                         "de": "Regel: {rule}"},
    "chart.limits_from": {"nl": "grenzen vanaf {month}", "fr": "limites à partir de {month}",
                          "en": "limits from {month}", "de": "Grenzen ab {month}"},
    "trends.limits_from": {
        "nl": "Grenzen vanaf {month}: ze hebben minstens 12 maanden voorgeschiedenis van de dienst "
              "nodig (de 3 meest recente maanden niet meegeteld, zodat een beginnende stijging haar "
              "eigen verwachting niet optrekt).",
        "fr": "Limites à partir de {month} : elles demandent au moins 12 mois d'historique du "
              "service (sans les 3 mois les plus récents, pour qu'une hausse naissante ne relève "
              "pas sa propre valeur attendue).",
        "en": "Limits from {month}: they need at least 12 months of the department's history "
              "(leaving out the 3 most recent months, so that a starting rise does not lift its "
              "own expected value).",
        "de": "Grenzen ab {month}: Sie brauchen mindestens 12 Monate Vorgeschichte der Abteilung "
              "(ohne die 3 jüngsten Monate, damit ein beginnender Anstieg seinen eigenen "
              "erwarteten Wert nicht anhebt).",
    },
    "trends.no_limits": {
        "nl": "Nog geen grenzen: ze hebben minstens 12 maanden voorgeschiedenis van de dienst nodig.",
        "fr": "Pas encore de limites : elles demandent au moins 12 mois d'historique du service.",
        "en": "No limits yet: they need at least 12 months of the department's history.",
        "de": "Noch keine Grenzen: Sie brauchen mindestens 12 Monate Vorgeschichte der Abteilung.",
    },
    "chart.organisation": {"nl": "Hele organisatie", "fr": "Toute l'organisation", "en": "Whole organisation",
                           "de": "Ganze Organisation"},
    "chart.signal": {"nl": "Signaal: {rule}", "fr": "Signal : {rule}", "en": "Signal: {rule}",
                     "de": "Signal: {rule}"},
    "chart.funnel_95": {"nl": "Grens 95 %", "fr": "Limite 95 %", "en": "95% limit",
                        "de": "Grenze 95 %"},
    "chart.funnel_998": {"nl": "Grens 99,8 %", "fr": "Limite 99,8 %", "en": "99.8% limit",
                         "de": "Grenze 99,8 %"},
    "chart.funnel_within": {"nl": "Binnen de grenzen", "fr": "Dans les limites", "en": "Within the limits",
                            "de": "Innerhalb der Grenzen"},
    "chart.funnel_above_95": {"nl": "Boven de grens van 95 %", "fr": "Au-dessus de la limite de 95 %",
                              "en": "Above the 95% limit", "de": "Über der Grenze von 95 %"},
    "chart.funnel_above_998": {"nl": "Boven de grens van 99,8 %", "fr": "Au-dessus de la limite de 99,8 %",
                               "en": "Above the 99.8% limit", "de": "Über der Grenze von 99,8 %"},
    "chart.funnel_x": {"nl": "Grootte van de dienst over 12 maanden ({unit})",
                       "fr": "Taille du service sur 12 mois ({unit})",
                       "en": "Size of the department over 12 months ({unit})",
                       "de": "Größe der Abteilung über 12 Monate ({unit})"},
    "chart.funnel_size.days": {"nl": "werkdagen van het personeel", "fr": "jours ouvrables du personnel",
                               "en": "staff working days", "de": "Arbeitstage des Personals"},
    "chart.funnel_size.people": {"nl": "werknemers, per maand opgeteld",
                                 "fr": "travailleurs, additionnés par mois",
                                 "en": "employees, added up month by month",
                                 "de": "Arbeitnehmer, Monat für Monat addiert"},
    "chart.funnel_size.hours": {"nl": "gewerkte uren", "fr": "heures prestées", "en": "hours worked",
                                "de": "geleistete Arbeitsstunden"},
    "chart.rolling12_to": {"nl": "12 maanden tot {month}", "fr": "12 mois jusqu'à {month}",
                           "en": "12 months to {month}", "de": "12 Monate bis {month}"},
    "reference.monthly_conversion": {"nl": "jaarcijfer gedeeld door 12", "fr": "chiffre annuel divisé par 12",
                                     "en": "yearly figure divided by 12",
                                     "de": "Jahreszahl geteilt durch 12"},
    # Hotspots
    "hotspots.title": {"nl": "Aandachtspunten voor de arbeidsgeneesheer",
                       "fr": "Points d'attention pour le médecin du travail",
                       "en": "Hotspots for the occupational physician",
                       "de": "Auffälligkeiten für den Arbeitsmediziner"},
    "hotspots.heatmap_title": {"nl": "Signalen per dienst en indicator",
                               "fr": "Signaux par service et indicateur",
                               "en": "Signals by department and indicator",
                               "de": "Signale nach Abteilung und Indikator"},
    "hotspots.heatmap_help": {
        "nl": "● geen signaal · ▲ opvolgen · ■ alarm · grijs, niet getoond: < {n}: minder dan "
              "{n} personen; verb.: verborgen om een andere groep te beschermen · –: geen "
              "cijfer. Het cijfer is dat van de maand; een signaal kan op meerdere maanden "
              "steunen (wijs de cel aan voor de reden).",
        "fr": "● pas de signal · ▲ à suivre · ■ alerte · gris, non affiché : < {n} : moins de "
              "{n} personnes ; masqué : pour protéger un autre groupe · – : pas de chiffre. "
              "Le chiffre est celui du mois ; un signal peut porter sur plusieurs mois "
              "(survolez la cellule pour la raison).",
        "en": "● no signal · ▲ watch · ■ alert · grey, not shown: < {n}: fewer than {n} "
              "people; hidden: to protect another group · "
              "–: no figure. The figure is the month's; a signal can rest on several months "
              "(point at the cell for the reason).",
        "de": "● kein Signal · ▲ beobachten · ■ Alarm · grau, nicht angezeigt: < {n}: weniger als "
              "{n} Personen; verb.: verborgen, um eine andere Gruppe zu schützen · –: keine Zahl. "
              "Die Zahl ist die des Monats; ein Signal kann auf mehreren Monaten beruhen (zeigen "
              "Sie auf die Zelle für den Grund).",
    },
    "hotspots.heatmap_order": {
        "nl": "Diensten met signalen bovenaan; {shown} van de {total} diensten getoond.",
        "fr": "Services avec signaux en haut ; {shown} services sur {total} affichés.",
        "en": "Departments with signals at the top; {shown} of {total} departments shown.",
        "de": "Abteilungen mit Signalen oben; {shown} von {total} Abteilungen angezeigt.",
    },
    "hotspots.heatmap_click": {
        "nl": "Een signaal over meerdere maanden toont het cijfer van die maanden (bv. «3 mnd»). "
              "Klik op een vak om de trend van die dienst te openen.",
        "fr": "Un signal sur plusieurs mois montre le chiffre de ces mois (p. ex. « 3 mois »). "
              "Cliquez sur une case pour ouvrir la tendance de ce service.",
        "en": "A signal judged on several months shows the figure of those months (e.g. '3 mo'). "
              "Click a cell to open that department's trend.",
        "de": "Ein Signal über mehrere Monate zeigt die Zahl dieser Monate (z. B. '3 Mon.'). "
              "Klicken Sie auf eine Zelle, um den Trend dieser Abteilung zu öffnen.",
    },
    "hotspots.show_all": {"nl": "Alle {n} diensten tonen", "fr": "Afficher les {n} services",
                          "en": "Show all {n} departments", "de": "Alle {n} Abteilungen anzeigen"},
    "hotspots.ranking": {"nl": "Rangschikking van de diensten", "fr": "Classement des services",
                         "en": "Departments ranked", "de": "Rangfolge der Abteilungen"},
    "hotspots.col.rank": {"nl": "Rang", "fr": "Rang", "en": "Rank", "de": "Rang"},
    "hotspots.col.department": {"nl": "Dienst", "fr": "Service", "en": "Department",
                                "de": "Abteilung"},
    "hotspots.col.score": {"nl": "Gewicht", "fr": "Poids", "en": "Weight", "de": "Gewicht"},
    "hotspots.weight_help": {"nl": "Gewicht: 3 per alarm en 1 per opvolgen; de zwaarste eerst.",
                             "fr": "Poids\u202f: 3 par alerte et 1 par point à suivre\u202f; le plus lourd d'abord.",
                             "en": "Weight: 3 per alert and 1 per watch; the heaviest first.",
                             "de": "Gewicht: 3 pro Alarm und 1 pro Beobachten; das schwerste "
                                   "zuerst."},
    "hotspots.col.alerts": {"nl": "Alarmen", "fr": "Alertes", "en": "Alerts", "de": "Alarme"},
    "hotspots.col.watches": {"nl": "Opvolgen", "fr": "À suivre", "en": "Watches",
                             "de": "Beobachten"},
    "hotspots.col.indicators": {"nl": "Indicatoren", "fr": "Indicateurs", "en": "Indicators",
                                "de": "Indikatoren"},
    "hotspots.col.since": {"nl": "Sinds", "fr": "Depuis", "en": "Since", "de": "Seit"},
    "hotspots.col.reason": {"nl": "Waarom", "fr": "Pourquoi", "en": "Why", "de": "Warum"},
    "hotspots.why": {"nl": "Waarom deze diensten", "fr": "Pourquoi ces services",
                     "en": "Why these departments", "de": "Warum diese Abteilungen"},
    "hotspots.why_more": {
        "nl": Plural("De redenen van de {n} andere dienst staan in de CSV van de rangschikking.",
                     "De redenen van de {n} andere diensten staan in de CSV van de rangschikking."),
        "fr": Plural("Les raisons de {n} autre service sont dans le CSV du classement.",
                     "Les raisons des {n} autres services sont dans le CSV du classement."),
        "en": Plural("The reasons of the {n} other department are in the ranking's CSV.",
                     "The reasons of the {n} other departments are in the ranking's CSV."),
        "de": Plural("Die Gründe der {n} anderen Abteilung stehen in der CSV der Rangfolge.",
                     "Die Gründe der {n} anderen Abteilungen stehen in der CSV der Rangfolge."),
    },
    "hotspots.funnel": {"nl": "Diensten vergeleken (trechterdiagram)",
                        "fr": "Services comparés (graphique en entonnoir)",
                        "en": "Departments compared (funnel plot)",
                        "de": "Abteilungen im Vergleich (Trichterdiagramm)"},
    "hotspots.funnel_help": {
        "nl": "Een kleine dienst schommelt meer door toeval: de grenzen worden breder naarmate de dienst kleiner is. "
              "Een punt buiten de grenzen wijkt meer af dan toeval verklaart.",
        "fr": "Un petit service varie davantage par hasard : les limites s'élargissent quand le service est petit. "
              "Un point hors des limites s'écarte plus que le hasard ne l'explique.",
        "en": "A small department varies more by chance: the limits widen as the department gets smaller. "
              "A point outside the limits differs more than chance explains.",
        "de": "Eine kleine Abteilung schwankt stärker durch Zufall: Die Grenzen werden weiter, je "
              "kleiner die Abteilung ist. Ein Punkt außerhalb der Grenzen weicht stärker ab, als "
              "der Zufall erklärt.",
    },
    "hotspots.no_funnel": {"nl": "Geen vergelijking mogelijk voor deze maand en indicator.",
                           "fr": "Pas de comparaison possible pour ce mois et cet indicateur.",
                           "en": "No comparison possible for this month and indicator.",
                           "de": "Für diesen Monat und diesen Indikator ist kein Vergleich "
                                 "möglich."},
    # Upload
    "upload.title": {"nl": "Gegevens opladen (HR)", "fr": "Charger des données (RH)", "en": "Upload data (HR)",
                     "de": "Daten hochladen (Personalabteilung)"},
    "upload.intro": {
        "nl": "Sleep één of meer CSV-bestanden hierheen. Niets wordt bewaard zolang een bestand fouten bevat "
              "en u het niet bevestigt.",
        "fr": "Déposez un ou plusieurs fichiers CSV ici. Rien n'est enregistré tant qu'un fichier contient des "
              "erreurs et que vous ne l'avez pas confirmé.",
        "en": "Drop one or more CSV files here. Nothing is stored while a file has errors and until you confirm it.",
        "de": "Legen Sie hier eine oder mehrere CSV-Dateien ab. Solange eine Datei Fehler hat und "
              "bis Sie bestätigen, wird nichts gespeichert.",
    },
    "upload.templates": {"nl": "Sjablonen per soort bestand", "fr": "Modèles par type de fichier",
                         "en": "Templates per kind of file", "de": "Vorlagen pro Art von Datei"},
    "upload.templates_help": {
        "nl": "Per soort: wat elke kolom betekent, of ze verplicht is en welke waarden mogen. "
              "Kolomnamen en waarden mogen in het Nederlands, Frans of Engels; het sjabloon opent "
              "in Excel, vul het in en bewaar het als CSV.",
        "fr": "Par type : ce que signifie chaque colonne, si elle est obligatoire et quelles valeurs "
              "sont permises. En-têtes et valeurs en français, néerlandais ou anglais ; le modèle "
              "s'ouvre dans Excel, remplissez-le et enregistrez-le en CSV.",
        "en": "Per kind: what each column means, whether it is required and which values are "
              "allowed. Headers and values may be in English, Dutch or French; the template opens "
              "in Excel: fill it in and save it as CSV.",
        "de": "Pro Art: was jede Spalte bedeutet, ob sie Pflicht ist und welche Werte zulässig "
              "sind. Spaltennamen und Werte dürfen auf Englisch, Niederländisch, Französisch oder "
              "Deutsch sein; die Vorlage öffnet sich in Excel: Füllen Sie sie aus und speichern "
              "Sie sie als CSV.",
    },
    "upload.download_template": {"nl": "Sjabloon (Excel)", "fr": "Modèle (Excel)",
                                 "en": "Template (Excel)", "de": "Vorlage (Excel)"},
    "upload.download_guide": {"nl": "Uitleg per kolom (Excel)", "fr": "Guide des colonnes (Excel)",
                              "en": "Column guide (Excel)", "de": "Spaltenleitfaden (Excel)"},
    "upload.demo_replaced": {
        "nl": "U toont nu de demo-organisatie. Zodra u een eigen bestand bewaart, toont de app uw "
              "gegevens en niet langer de demo. De demo blijft bereikbaar voor opleidingen via "
              "Gegevens en instellingen.",
        "fr": "L'organisation de démonstration est affichée. Dès que vous enregistrez un fichier à "
              "vous, l'application affiche vos données et plus la démo. La démo reste accessible "
              "pour les formations via Données et paramètres.",
        "en": "The demo organisation is shown. As soon as you store a file of your own, the app "
              "shows your data and no longer the demo. The demo stays available for training "
              "under Data and settings.",
        "de": "Die Demo-Organisation wird angezeigt. Sobald Sie eine eigene Datei speichern, "
              "zeigt die App Ihre Daten und nicht mehr die Demo. Die Demo bleibt für Schulungen "
              "unter Daten und Einstellungen verfügbar.",
    },
    "upload.demo_confirm": {
        "nl": "Ik begrijp het: de demo wordt niet meer getoond",
        "fr": "J'ai compris : la démo ne sera plus affichée",
        "en": "I understand: the demo will no longer be shown",
        "de": "Ich verstehe: Die Demo wird nicht mehr angezeigt",
    },
    "upload.drop": {"nl": "CSV-bestanden", "fr": "Fichiers CSV", "en": "CSV files",
                    "de": "CSV-Dateien"},
    "upload.button": {"nl": "Bestanden kiezen", "fr": "Choisir des fichiers", "en": "Choose files",
                      "de": "Dateien auswählen"},
    "upload.limits": {"nl": "CSV, hoogstens {limit} MB per bestand", "fr": "CSV, {limit} Mo au plus par fichier",
                      "en": "CSV, at most {limit} MB per file",
                      "de": "CSV, höchstens {limit} MB pro Datei"},
    "upload.kind": {"nl": "Soort gegevens", "fr": "Type de données", "en": "Kind of data",
                    "de": "Art der Daten"},
    "upload.detected": {"nl": "Herkend aan de kolommen: {kind}.", "fr": "Reconnu aux colonnes : {kind}.",
                        "en": "Recognised from the columns: {kind}.",
                        "de": "An den Spalten erkannt: {kind}."},
    "upload.not_detected": {"nl": "Soort niet herkend aan de kolommen: kies ze zelf.",
                            "fr": "Type non reconnu aux colonnes : choisissez-le vous-même.",
                            "en": "Kind not recognised from the columns: choose it yourself.",
                            "de": "Art an den Spalten nicht erkannt: Wählen Sie sie selbst."},
    "upload.preview": {"nl": "Eerste regels", "fr": "Premières lignes", "en": "First lines",
                       "de": "Erste Zeilen"},
    "upload.rejected": {
        "nl": Plural("Bestand geweigerd: {n} fout. Er is niets bewaard.",
                     "Bestand geweigerd: {n} fouten. Er is niets bewaard."),
        "fr": Plural("Fichier refusé : {n} erreur. Rien n'a été enregistré.",
                     "Fichier refusé : {n} erreurs. Rien n'a été enregistré."),
        "en": Plural("File rejected: {n} error. Nothing was stored.",
                     "File rejected: {n} errors. Nothing was stored."),
        "de": Plural("Datei abgelehnt: {n} Fehler. Nichts wurde gespeichert.",
                     "Datei abgelehnt: {n} Fehler. Nichts wurde gespeichert."),
    },
    "upload.more_errors": {"nl": Plural("En nog {n} fout.", "En nog {n} fouten."),
                           "fr": Plural("Et encore {n} erreur.", "Et encore {n} erreurs."),
                           "en": Plural("And {n} more error.", "And {n} more errors."),
                           "de": Plural("Und {n} weiterer Fehler.", "Und {n} weitere Fehler.")},
    "upload.download_report": {"nl": "Foutenrapport downloaden (Excel)", "fr": "Télécharger le rapport d'erreurs (Excel)",
                               "en": "Download the error report (Excel)",
                               "de": "Fehlerbericht herunterladen (Excel)"},
    "upload.valid": {"nl": "Bestand in orde: {rows} rijen. Nog niet bewaard.",
                     "fr": "Fichier valide : {rows} lignes. Pas encore enregistré.",
                     "en": "File is valid: {rows} rows. Not stored yet.",
                     "de": "Datei ist gültig: {rows} Zeilen. Noch nicht gespeichert."},
    "upload.confirm": {"nl": "Bewaren", "fr": "Enregistrer", "en": "Store", "de": "Speichern"},
    "upload.stored": {"nl": "Bewaard: {rows} rijen.", "fr": "Enregistré : {rows} lignes.",
                      "en": "Stored: {rows} rows.", "de": "Gespeichert: {rows} Zeilen."},
    "upload.store_all": {"nl": "Alle geldige bestanden bewaren", "fr": "Enregistrer tous les fichiers valides",
                         "en": "Store all valid files", "de": "Alle gültigen Dateien speichern"},
    "upload.summary": {"nl": "Overzicht van de gekozen bestanden", "fr": "Résumé des fichiers choisis",
                       "en": "Summary of the chosen files",
                       "de": "Übersicht der gewählten Dateien"},
    "upload.summary_counts": {   # several counts: label: number, so no plural is hedged
        "nl": "Bewaard: {stored} · in orde, nog niet bewaard: {valid} · geweigerd: {rejected} · "
              "waarschuwingen: {warnings}.",
        "fr": "Enregistrés : {stored} · valides, pas encore enregistrés : {valid} · "
              "refusés : {rejected} · avertissements : {warnings}.",
        "en": "Stored: {stored} · valid, not stored yet: {valid} · rejected: {rejected} · "
              "warnings: {warnings}.",
        "de": "Gespeichert: {stored} · gültig, noch nicht gespeichert: {valid} · abgelehnt: "
              "{rejected} · Warnungen: {warnings}.",
    },
    "upload.store_all_note": {
        "nl": "Geweigerde bestanden worden niet bewaard; ze komen als geweigerd in de geschiedenis.",
        "fr": "Les fichiers refusés ne sont pas enregistrés ; ils figurent comme refusés dans l'historique.",
        "en": "Rejected files are not stored; they appear in the history as rejected.",
        "de": "Abgelehnte Dateien werden nicht gespeichert; sie erscheinen im Verlauf als "
              "abgelehnt.",
    },
    "upload.details": {"nl": "Meer over {file}", "fr": "Détails : {file}", "en": "Details: {file}",
                       "de": "Details: {file}"},
    "upload.result.valid": {"nl": "in orde, nog niet bewaard", "fr": "valide, pas encore enregistré",
                            "en": "valid, not stored yet", "de": "gültig, noch nicht gespeichert"},
    "upload.result.stored": {"nl": "bewaard", "fr": "enregistré", "en": "stored",
                             "de": "gespeichert"},
    "upload.result.rejected": {"nl": "geweigerd", "fr": "refusé", "en": "rejected",
                               "de": "abgelehnt"},
    "upload.col.file": {"nl": "Bestand", "fr": "Fichier", "en": "File", "de": "Datei"},
    "upload.col.kind": {"nl": "Soort", "fr": "Type", "en": "Kind", "de": "Art"},
    "upload.col.result": {"nl": "Resultaat", "fr": "Résultat", "en": "Result", "de": "Ergebnis"},
    "upload.col.rows": {"nl": "Rijen", "fr": "Lignes", "en": "Rows", "de": "Zeilen"},
    "upload.col.warnings": {"nl": "Waarschuwingen", "fr": "Avertissements", "en": "Warnings",
                            "de": "Warnungen"},
    "upload.col.errors": {"nl": "Fouten", "fr": "Erreurs", "en": "Errors", "de": "Fehler"},
    "upload.rows_new": {"nl": "Nieuwe rijen", "fr": "Nouvelles lignes", "en": "New rows",
                        "de": "Neue Zeilen"},
    "upload.rows_replaced": {"nl": "Vervangen rijen", "fr": "Lignes remplacées", "en": "Replaced rows",
                             "de": "Ersetzte Zeilen"},
    "upload.rows_unchanged": {"nl": "Ongewijzigde rijen", "fr": "Lignes inchangées", "en": "Unchanged rows",
                              "de": "Unveränderte Zeilen"},
    "upload.history": {"nl": "Eerdere uploads", "fr": "Chargements précédents", "en": "Upload history",
                       "de": "Verlauf der Uploads"},
    "upload.no_history": {"nl": "Nog niets opgeladen.", "fr": "Rien n'a encore été chargé.",
                          "en": "Nothing uploaded yet.", "de": "Noch nichts hochgeladen."},
    "upload.undo_title": {"nl": "Een upload ongedaan maken", "fr": "Annuler un chargement",
                          "en": "Undo an upload", "de": "Einen Upload rückgängig machen"},
    "upload.undo_intro": {
        "nl": "Ongedaan maken verwijdert de rijen die een upload toevoegde en zet de rijen die hij verving terug. "
              "Rijen die een latere upload opnieuw wijzigde, blijven zoals ze zijn.",
        "fr": "Annuler retire les lignes qu'un chargement a ajoutées et remet celles qu'il a remplacées. "
              "Les lignes modifiées depuis par un chargement ultérieur restent telles quelles.",
        "en": "Undoing removes the rows an upload added and puts back the rows it replaced. "
              "Rows that a later upload changed again stay as they are.",
        "de": "Rückgängig machen entfernt die Zeilen, die ein Upload hinzugefügt hat, und stellt "
              "die Zeilen wieder her, die er ersetzt hat. Zeilen, die ein späterer Upload erneut "
              "geändert hat, bleiben, wie sie sind.",
    },
    "upload.undo_row": {"nl": "nr. {id} · {file} · {kind} · {time}", "fr": "n° {id} · {file} · {kind} · {time}",
                        "en": "#{id} · {file} · {kind} · {time}",
                        "de": "#{id} · {file} · {kind} · {time}"},
    "upload.undo": {"nl": "Ongedaan maken", "fr": "Annuler", "en": "Undo",
                    "de": "Rückgängig machen"},
    "upload.undo_confirm_text": {
        "nl": "Upload #{id} ({file}) echt ongedaan maken? De cijfers worden herberekend.",
        "fr": "Vraiment annuler le chargement n° {id} ({file}) ? Les chiffres seront recalculés.",
        "en": "Really undo upload #{id} ({file})? The figures will be recomputed.",
        "de": "Upload #{id} ({file}) wirklich rückgängig machen? Die Zahlen werden neu berechnet.",
    },
    "upload.undo_confirm": {"nl": "Ja, ongedaan maken", "fr": "Oui, annuler", "en": "Yes, undo",
                            "de": "Ja, rückgängig machen"},
    "upload.undo_cancel": {"nl": "Niet ongedaan maken", "fr": "Ne pas annuler", "en": "Don't undo",
                           "de": "Nicht rückgängig machen"},
    "upload.undo_left": {"nl": "Gebleven rijen (latere uploads): {keys}", "fr": "Lignes restées (chargements "
                         "ultérieurs) : {keys}", "en": "Rows left (later uploads): {keys}",
                         "de": "Verbliebene Zeilen (spätere Uploads): {keys}"},
    "upload.undo_none": {"nl": "Geen upload om ongedaan te maken.", "fr": "Aucun chargement à annuler.",
                         "en": "No upload to undo.", "de": "Kein Upload zum Rückgängigmachen."},
    "upload.error.file": {"nl": "Bestand", "fr": "Fichier", "en": "File", "de": "Datei"},
    "upload.error.line": {"nl": "Regel", "fr": "Ligne", "en": "Line", "de": "Zeile"},
    "upload.error.column": {"nl": "Kolom", "fr": "Colonne", "en": "Column", "de": "Spalte"},
    "upload.error.value": {"nl": "Gevonden waarde", "fr": "Valeur trouvée", "en": "Value found",
                           "de": "Gefundener Wert"},
    "upload.error.expected": {"nl": "Verwacht", "fr": "Attendu", "en": "Expected",
                              "de": "Erwartet"},
    "history.upload_id": {"nl": "Nr.", "fr": "N°", "en": "No.", "de": "Nr."},
    "history.uploaded_at": {"nl": "Tijdstip", "fr": "Moment", "en": "Time", "de": "Zeitpunkt"},
    "history.file_name": {"nl": "Bestand", "fr": "Fichier", "en": "File", "de": "Datei"},
    "history.kind": {"nl": "Soort", "fr": "Type", "en": "Kind", "de": "Art"},
    "history.status": {"nl": "Resultaat", "fr": "Résultat", "en": "Result", "de": "Ergebnis"},
    "history.rows_total": {"nl": "Rijen", "fr": "Lignes", "en": "Rows", "de": "Zeilen"},
    "history.rows_new": {"nl": "Nieuw", "fr": "Nouvelles", "en": "New", "de": "Neu"},
    "history.rows_replaced": {"nl": "Vervangen", "fr": "Remplacées", "en": "Replaced",
                              "de": "Ersetzt"},
    "history.rows_unchanged": {"nl": "Ongewijzigd", "fr": "Inchangées", "en": "Unchanged",
                               "de": "Unverändert"},
    "history.error_count": {"nl": "Fouten", "fr": "Erreurs", "en": "Errors", "de": "Fehler"},
    "history.uploaded_by": {"nl": "Door", "fr": "Par", "en": "By", "de": "Von"},
    "status.accepted": {"nl": "aanvaard", "fr": "accepté", "en": "accepted", "de": "angenommen"},
    "status.rejected": {"nl": "geweigerd", "fr": "refusé", "en": "rejected", "de": "abgelehnt"},
    "status.undone": {"nl": "ongedaan gemaakt", "fr": "annulé", "en": "undone",
                      "de": "rückgängig gemacht"},
    "status.undo": {"nl": "ongedaan maken", "fr": "annulation", "en": "undo",
                    "de": "Rückgängigmachung"},
    # Data and settings
    "data.title": {"nl": "Gegevens en instellingen", "fr": "Données et paramètres", "en": "Data and settings",
                   "de": "Daten und Einstellungen"},
    "data.database_demo": {"nl": "Getoond: de demo-organisatie.", "fr": "Affiché : l'organisation de démonstration.",
                           "en": "Shown: the demo organisation.",
                           "de": "Angezeigt: die Demo-Organisation."},
    "data.database_real": {"nl": "Getoond: de gegevens van uw organisatie.",
                           "fr": "Affiché : les données de votre organisation.",
                           "en": "Shown: your organisation's data.",
                           "de": "Angezeigt: die Daten Ihrer Organisation."},
    "data.demo": {"nl": "Demo-organisatie", "fr": "Organisation de démonstration",
                  "en": "Demo organisation", "de": "Demo-Organisation"},
    "data.demo_until_upload": {
        "nl": "De fictieve demo-organisatie wordt getoond tot u uw eerste eigen bestand bewaart.",
        "fr": "L'organisation fictive de démonstration est affichée jusqu'à ce que vous enregistriez "
              "votre premier fichier.",
        "en": "The fictitious demo organisation is shown until you store your first own file.",
        "de": "Die fiktive Demo-Organisation wird angezeigt, bis Sie Ihre erste eigene Datei "
              "speichern.",
    },
    "data.demo_toggle": {"nl": "Toon de demo-organisatie (voor opleiding)",
                         "fr": "Afficher l'organisation de démonstration (pour la formation)",
                         "en": "Show the demo organisation (for training)",
                         "de": "Die Demo-Organisation anzeigen (für Schulungen)"},
    "data.demo_toggle_help": {
        "nl": "Alleen in deze sessie: alle pagina's tonen de fictieve demo met de demobalk. Uw "
              "gegevens blijven ongewijzigd; zet de schakelaar uit om ze weer te zien.",
        "fr": "Dans cette session seulement : toutes les pages affichent la démo fictive avec son "
              "bandeau. Vos données restent intactes ; désactivez pour les revoir.",
        "en": "In this session only: every page shows the fictitious demo with its banner. Your "
              "data stays as it is; switch off to see it again.",
        "de": "Nur in dieser Sitzung: Jede Seite zeigt die fiktive Demo mit ihrem Hinweisbanner. "
              "Ihre Daten bleiben, wie sie sind; schalten Sie aus, um sie wieder zu sehen.",
    },
    "data.coverage": {"nl": "Opgeladen maanden en soorten", "fr": "Mois et types chargés",
                      "en": "Months and kinds loaded", "de": "Geladene Monate und Arten"},
    "data.span": {"nl": Plural("Van {first} tot {last} ({n} maand).",
                               "Van {first} tot {last} ({n} maanden)."),
                  "fr": Plural("De {first} à {last} ({n} mois).", "De {first} à {last} ({n} mois)."),
                  "en": Plural("From {first} to {last} ({n} month).",
                               "From {first} to {last} ({n} months)."),
                  "de": Plural("Von {first} bis {last} ({n} Monat).",
                               "Von {first} bis {last} ({n} Monate).")},
    "data.gaps": {"nl": "{kind}: geen rijen in {months}.", "fr": "{kind} : aucune ligne en {months}.",
                  "en": "{kind}: no rows in {months}.", "de": "{kind}: keine Zeilen in {months}."},
    "data.rare_gaps": {
        "nl": "Sommige maanden zonder rijen voor {kinds}: dat kan kloppen, deze gebeurtenissen zijn zeldzaam.",
        "fr": "Certains mois sans ligne pour {kinds} : cela peut être normal, ces événements sont rares.",
        "en": "Some months without rows for {kinds}: that can be right, these events are rare.",
        "de": "Einige Monate ohne Zeilen für {kinds}: Das kann stimmen, diese Ereignisse sind "
              "selten.",
    },
    "data.coverage_help": {
        "nl": "Aantal rijen per maand (personeel: per maand; andere soorten: volgens hun datum).",
        "fr": "Nombre de lignes par mois (effectifs : par mois ; autres types : selon leur date).",
        "en": "Rows per month (workforce: by month; other kinds: by their date).",
        "de": "Zeilen pro Monat (Personalbestand: nach Monat; andere Arten: nach ihrem Datum).",
    },
    "data.min_group_size": {"nl": "Minimale groepsgrootte", "fr": "Taille minimale de groupe",
                            "en": "Minimum group size", "de": "Mindestgruppengröße"},
    "data.min_group_size_help": {
        "nl": "Een dienst met minder dan {n} personen in een maand wordt niet getoond, om niemand herkenbaar te maken.",
        "fr": "Un service de moins de {n} personnes au cours d'un mois n'est pas affiché, pour que personne ne soit reconnaissable.",
        "en": "A department with fewer than {n} people in a month is not shown, so that nobody can be recognised.",
        "de": "Eine Abteilung mit weniger als {n} Personen in einem Monat wird nicht angezeigt, "
              "damit niemand erkannt werden kann.",
    },
    "data.min_group_size_refused": {
        "nl": "Niet opgeslagen: de minimale groepsgrootte is minstens {n}.",
        "fr": "Non enregistré : la taille minimale de groupe est d'au moins {n}.",
        "en": "Not saved: the minimum group size is at least {n}.",
        "de": "Nicht gespeichert: Die Mindestgruppengröße ist mindestens {n}.",
    },
    "data.language": {"nl": "Taal", "fr": "Langue", "en": "Language", "de": "Sprache"},
    "data.definitions": {"nl": "Definities van de indicatoren", "fr": "Définitions des indicateurs",
                         "en": "Definitions of the indicators",
                         "de": "Definitionen der Indikatoren"},
    "data.indicator": {"nl": "Indicator", "fr": "Indicateur", "en": "Indicator", "de": "Indikator"},
    "data.definition": {"nl": "Definitie", "fr": "Définition", "en": "Definition",
                        "de": "Definition"},
    "data.unit": {"nl": "Eenheid", "fr": "Unité", "en": "Unit", "de": "Einheit"},
    "data.read_only": {
        "nl": "Alleen een beheerder kan de instellingen wijzigen.",
        "fr": "Seul un administrateur peut modifier les paramètres.",
        "en": "Only an administrator can change the settings.",
        "de": "Nur ein Administrator kann die Einstellungen ändern.",
    },
    "data.default_language": {"nl": "Standaardtaal voor iedereen", "fr": "Langue par défaut pour tous",
                              "en": "Default language for everyone",
                              "de": "Standardsprache für alle"},
    "data.default_language_help": {
        "nl": "De taal waarin de app opent voor wie nog geen taal koos.",
        "fr": "La langue dans laquelle l'application s'ouvre pour qui n'a pas encore choisi.",
        "en": "The language the app opens in for anyone who has not chosen one yet.",
        "de": "Die Sprache, in der sich die App für alle öffnet, die noch keine Sprache gewählt "
              "haben.",
    },
    "data.saved": {"nl": "Opgeslagen.", "fr": "Enregistré.", "en": "Saved.", "de": "Gespeichert."},
    # Access control
    "page.login": {"nl": "Aanmelden", "fr": "Connexion", "en": "Log in", "de": "Anmelden"},
    "page.audit": {"nl": "Auditlogboek", "fr": "Journal d'audit", "en": "Audit log",
                   "de": "Audit-Protokoll"},
    "role.committee": {"nl": "comité", "fr": "comité", "en": "committee", "de": "Ausschuss"},
    "role.physician": {"nl": "arbeidsgeneesheer", "fr": "médecin du travail", "en": "occupational physician",
                       "de": "Arbeitsmediziner"},
    "role.hr": {"nl": "personeelsdienst", "fr": "ressources humaines", "en": "human resources",
                "de": "Personalabteilung"},
    "role.admin": {"nl": "beheerder", "fr": "administrateur", "en": "administrator",
                   "de": "Administrator"},
    "access.off_notice": {
        "nl": "Toegangscontrole staat uit (alleen lokaal gebruik op deze computer).",
        "fr": "Le contrôle d'accès est désactivé (usage local uniquement, sur cet ordinateur).",
        "en": "Access control is off (local use only, on this computer).",
        "de": "Die Zugangskontrolle ist ausgeschaltet (nur lokale Nutzung, auf diesem Computer).",
    },
    "access.public_refused": {
        "nl": "Geweigerd: zonder gebruikers mag de app alleen op localhost luisteren, niet op het netwerk. "
              "Maak eerst gebruikers aan met python -m signals users add ..., of start de app met "
              "--server.address localhost.",
        "fr": "Refusé : sans utilisateurs, l'application ne peut écouter que sur localhost, pas sur le réseau. "
              "Créez d'abord des utilisateurs avec python -m signals users add ..., ou démarrez l'application "
              "avec --server.address localhost.",
        "en": "Refused: without users the app may only listen on localhost, not on the network. "
              "First configure users with python -m signals users add ..., or start the app with "
              "--server.address localhost.",
        "de": "Abgelehnt: Ohne Benutzer darf die App nur auf localhost lauschen, nicht im "
              "Netzwerk. Legen Sie zuerst Benutzer an mit python -m signals users add ..., oder "
              "starten Sie die App mit --server.address localhost.",
    },
    "access.not_allowed_title": {"nl": "Geen toegang", "fr": "Accès refusé", "en": "Not allowed",
                                 "de": "Kein Zugang"},
    "access.not_allowed": {
        "nl": "Uw rol geeft geen toegang tot deze pagina. Kies een pagina in het menu.",
        "fr": "Votre rôle ne donne pas accès à cette page. Choisissez une page dans le menu.",
        "en": "Your role does not give access to this page. Choose a page in the menu.",
        "de": "Ihre Rolle gibt keinen Zugang zu dieser Seite. Wählen Sie eine Seite im Menü.",
    },
    "access.login_first": {"nl": "Meld u eerst aan.", "fr": "Connectez-vous d'abord.",
                           "en": "Please log in first.", "de": "Bitte melden Sie sich zuerst an."},
    "access.wrong_password": {
        "nl": "Gebruikersnaam of wachtwoord klopt niet.",
        "fr": "Nom d'utilisateur ou mot de passe incorrect.",
        "en": "Wrong user name or password.",
        "de": "Benutzername oder Passwort ist falsch.",
    },
    "access.locked": {
        "nl": "Te veel mislukte pogingen voor deze gebruikersnaam vanaf dit toestel. Probeer opnieuw na "
              "{until}, of meld u aan vanaf uw gewone werkplek.",
        "fr": "Trop de tentatives échouées pour ce nom d'utilisateur depuis cet appareil. Réessayez après "
              "{until}, ou connectez-vous depuis votre poste habituel.",
        "en": "Too many failed attempts for this user name from this device. Try again after {until}, "
              "or log in from your usual workstation.",
        "de": "Zu viele fehlgeschlagene Versuche für diesen Benutzernamen von diesem Gerät aus. "
              "Versuchen Sie es nach {until} erneut, oder melden Sie sich von Ihrem gewohnten "
              "Arbeitsplatz aus an.",
    },
    "access.session_expired": {
        "nl": "Uw sessie is verlopen. Meld u opnieuw aan.",
        "fr": "Votre session a expiré. Reconnectez-vous.",
        "en": "Your session has expired. Please log in again.",
        "de": "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.",
    },
    "access.logged_out": {"nl": "U bent afgemeld.", "fr": "Vous êtes déconnecté.",
                          "en": "You are logged out.", "de": "Sie sind abgemeldet."},
    "access.sso_refused": {
        "nl": "Dit e-mailadres hoort bij geen enkele gebruiker van deze app. Vraag de beheerder om toegang.",
        "fr": "Cette adresse e-mail ne correspond à aucun utilisateur de l'application. Demandez l'accès à "
              "l'administrateur.",
        "en": "This e-mail address belongs to no user of this app. Ask the administrator for access.",
        "de": "Diese E-Mail-Adresse gehört zu keinem Benutzer dieser App. Bitten Sie den "
              "Administrator um Zugang.",
    },
    "access.signed_in_as": {"nl": "Aangemeld als {user} ({role})", "fr": "Connecté : {user} ({role})",
                            "en": "Logged in as {user} ({role})",
                            "de": "Angemeldet als {user} ({role})"},
    "access.logout": {"nl": "Afmelden", "fr": "Se déconnecter", "en": "Log out", "de": "Abmelden"},
    "login.title": {"nl": "Aanmelden", "fr": "Connexion", "en": "Log in", "de": "Anmelden"},
    "login.intro": {
        "nl": "Deze app toont collectieve signalen van uw organisatie. Meld u aan met uw eigen account.",
        "fr": "Cette application montre les signaux collectifs de votre organisation. Connectez-vous avec "
              "votre propre compte.",
        "en": "This app shows your organisation's collective signals. Log in with your own account.",
        "de": "Diese App zeigt die kollektiven Signale Ihrer Organisation. Melden Sie sich mit "
              "Ihrem eigenen Konto an.",
    },
    "login.username": {"nl": "Gebruikersnaam", "fr": "Nom d'utilisateur", "en": "User name",
                       "de": "Benutzername"},
    "login.password": {"nl": "Wachtwoord", "fr": "Mot de passe", "en": "Password",
                       "de": "Passwort"},
    "login.submit": {"nl": "Aanmelden", "fr": "Se connecter", "en": "Log in", "de": "Anmelden"},
    "login.sso": {"nl": "Aanmelden via uw organisatie", "fr": "Se connecter via votre organisation",
                  "en": "Sign in with your organisation", "de": "Über Ihre Organisation anmelden"},
    # Audit log page
    "audit.title": {"nl": "Auditlogboek", "fr": "Journal d'audit", "en": "Audit log",
                    "de": "Audit-Protokoll"},
    "audit.chain_ok": {
        "nl": "Keten intact: geen enkele van de {n} regels is gewijzigd of verwijderd buiten de app.",
        "fr": "Chaîne intacte : aucune des {n} entrées n'a été modifiée ou supprimée hors de l'application.",
        "en": "Chain intact: none of the {n} entries was changed or removed outside the app.",
        "de": "Kette intakt: Keiner der {n} Einträge wurde außerhalb der App geändert oder "
              "entfernt.",
    },
    "audit.chain_broken": {
        "nl": "Keten verbroken vanaf regel {entry}: het logboek is buiten de app gewijzigd.",
        "fr": "Chaîne rompue à partir de l'entrée {entry} : le journal a été modifié hors de l'application.",
        "en": "Chain broken from entry {entry} on: the log was changed outside the app.",
        "de": "Kette unterbrochen ab Eintrag {entry}: Das Protokoll wurde außerhalb der App "
              "geändert.",
    },
    "audit.chain_missing": {
        "nl": "Keten verbroken: vóór regel {entry} zijn regels verwijderd of ingevoegd buiten de app.",
        "fr": "Chaîne rompue : avant l'entrée {entry}, des entrées ont été supprimées ou insérées hors de "
              "l'application.",
        "en": "Chain broken: entries before entry {entry} were removed or inserted outside the app.",
        "de": "Kette unterbrochen: Vor Eintrag {entry} wurden Einträge außerhalb der App entfernt "
              "oder eingefügt.",
    },
    "audit.chain_newest_missing": {
        "nl": "Keten verbroken: de nieuwste regels (tot regel {entry}) zijn verwijderd buiten de app.",
        "fr": "Chaîne rompue : les entrées les plus récentes (jusqu'à l'entrée {entry}) ont été supprimées "
              "hors de l'application.",
        "en": "Chain broken: the newest entries (up to entry {entry}) were removed outside the app.",
        "de": "Kette unterbrochen: Die neuesten Einträge (bis Eintrag {entry}) wurden außerhalb "
              "der App entfernt.",
    },
    "audit.chain_count": {
        "nl": "Keten verbroken: het aantal regels tot regel {entry} klopt niet met de kop van de keten.",
        "fr": "Chaîne rompue : le nombre d'entrées jusqu'à l'entrée {entry} ne correspond pas à la tête "
              "de la chaîne.",
        "en": "Chain broken: the number of entries up to entry {entry} does not match the chain's head.",
        "de": "Kette unterbrochen: Die Zahl der Einträge bis Eintrag {entry} stimmt nicht mit dem "
              "Kopf der Kette überein.",
    },
    "audit.head_missing": {
        "nl": "De kop van de keten (het bestand naast de auditsleutel) ontbreekt: het logboek kan niet "
              "gecontroleerd worden. Werd de databank verplaatst zonder de sleutelmap?",
        "fr": "La tête de la chaîne (le fichier à côté de la clé d'audit) est absente : le journal ne peut "
              "pas être vérifié. La base a-t-elle été déplacée sans le dossier des clés ?",
        "en": "The chain's head (the file beside the audit key) is missing: the log cannot be checked. "
              "Was the database moved without the key folder?",
        "de": "Der Kopf der Kette (die Datei neben dem Audit-Schlüssel) fehlt: Das Protokoll kann "
              "nicht geprüft werden. Wurde die Datenbank ohne den Schlüsselordner verschoben?",
    },
    "audit.head_invalid": {
        "nl": "De kop van de keten is gewijzigd of onleesbaar: het logboek kan niet gecontroleerd worden.",
        "fr": "La tête de la chaîne a été modifiée ou est illisible : le journal ne peut pas être vérifié.",
        "en": "The chain's head was changed or cannot be read: the log cannot be checked.",
        "de": "Der Kopf der Kette wurde geändert oder ist unlesbar: Das Protokoll kann nicht "
              "geprüft werden.",
    },
    "audit.unkeyed_entries": {
        "nl": "Er staan niet-ondertekende auditregels in de databank die de app niet schreef.",
        "fr": "La base contient des entrées d'audit non signées que l'application n'a pas écrites.",
        "en": "The database holds unsigned audit entries that the app did not write.",
        "de": "Die Datenbank enthält nicht signierte Audit-Einträge, die die App nicht "
              "geschrieben hat.",
    },
    "audit.retention_changed": {
        "nl": "De bewaartermijn in de databank is buiten de app gewijzigd; de app houdt de laatst "
              "ingestelde waarde aan. Sla de bewaartermijn opnieuw op om dit te herstellen.",
        "fr": "La durée de conservation dans la base a été modifiée hors de l'application ; l'application "
              "garde la dernière valeur réglée. Enregistrez à nouveau la durée pour corriger.",
        "en": "The retention period in the database was changed outside the app; the app keeps the last "
              "value set. Save the retention period again to repair it.",
        "de": "Die Aufbewahrungsfrist in der Datenbank wurde außerhalb der App geändert; die App "
              "behält den zuletzt eingestellten Wert bei. Speichern Sie die Aufbewahrungsfrist "
              "erneut, um dies zu beheben.",
    },
    "audit.retention": {"nl": "Bewaartermijn (dagen)", "fr": "Durée de conservation (jours)",
                        "en": "Retention period (days)", "de": "Aufbewahrungsfrist (Tage)"},
    "audit.retention_help": {
        "nl": "Regels jonger dan deze termijn kunnen niet gewist worden (minstens {min} dagen).",
        "fr": "Les entrées plus récentes que cette durée ne peuvent pas être effacées (au moins {min} jours).",
        "en": "Entries younger than this cannot be deleted (at least {min} days).",
        "de": "Einträge, die jünger sind als diese Frist, können nicht gelöscht werden "
              "(mindestens {min} Tage).",
    },
    "audit.entries": {"nl": "Laatste regels", "fr": "Dernières entrées", "en": "Latest entries",
                      "de": "Letzte Einträge"},
    "audit.no_entries": {"nl": "Nog geen regels.", "fr": "Pas encore d'entrées.", "en": "No entries yet.",
                         "de": "Noch keine Einträge."},
    "audit.col.entry_id": {"nl": "Nr.", "fr": "N°", "en": "No.", "de": "Nr."},
    "audit.col.at": {"nl": "Tijdstip", "fr": "Moment", "en": "Time", "de": "Zeitpunkt"},
    "audit.col.actor": {"nl": "Wie", "fr": "Qui", "en": "Who", "de": "Wer"},
    "audit.col.action": {"nl": "Handeling", "fr": "Action effectuée", "en": "Action",
                         "de": "Handlung"},
    "audit.col.detail": {"nl": "Gegevens", "fr": "Détails", "en": "Details", "de": "Details"},
    # Hotspot reviews
    "review.title": {"nl": "Opvolging door de arbeidsgeneesheer", "fr": "Suivi par le médecin du travail",
                     "en": "Follow-up by the occupational physician",
                     "de": "Nachverfolgung durch den Arbeitsmediziner"},
    "review.department": {"nl": "Dienst", "fr": "Service", "en": "Department", "de": "Abteilung"},
    "review.indicator": {"nl": "Indicator (of de hele dienst)", "fr": "Indicateur (ou tout le service)",
                         "en": "Indicator (or the whole department)",
                         "de": "Indikator (oder die ganze Abteilung)"},
    "review.whole_department": {"nl": "Hele dienst", "fr": "Tout le service", "en": "Whole department",
                                "de": "Ganze Abteilung"},
    "review.status": {"nl": "Stand van zaken", "fr": "Statut", "en": "Status", "de": "Stand"},
    "review.note": {"nl": "Korte notitie", "fr": "Note courte", "en": "Short note",
                    "de": "Kurze Notiz"},
    "review.note_help": {
        "nl": "Over de collectieve situatie en de aanpak. Nooit namen, initialen of diagnoses.",
        "fr": "Sur la situation collective et l'approche. Jamais de noms, d'initiales ni de diagnostics.",
        "en": "About the collective situation and the approach. Never names, initials or diagnoses.",
        "de": "Über die kollektive Lage und das Vorgehen. Nie Namen, Initialen oder Diagnosen.",
    },
    "review.save": {"nl": "Opvolging bewaren", "fr": "Enregistrer le suivi", "en": "Save the follow-up",
                    "de": "Nachverfolgung speichern"},
    "review.saved": {"nl": "Opvolging bewaard.", "fr": "Suivi enregistré.", "en": "Follow-up saved.",
                     "de": "Nachverfolgung gespeichert."},
    "review.latest": {"nl": "Laatste opvolging per dienst", "fr": "Dernier suivi par service",
                      "en": "Latest follow-up per department",
                      "de": "Letzte Nachverfolgung pro Abteilung"},
    "review.none": {"nl": "nog niet opgevolgd", "fr": "pas encore suivi", "en": "not followed up yet",
                    "de": "noch nicht nachverfolgt"},
    "review.col.department": {"nl": "Dienst", "fr": "Service", "en": "Department",
                              "de": "Abteilung"},
    "review.col.month": {"nl": "Maand", "fr": "Mois", "en": "Month", "de": "Monat"},
    "review.col.status": {"nl": "Stand van zaken", "fr": "Statut", "en": "Status", "de": "Stand"},
    "review.col.note": {"nl": "Notitie", "fr": "Remarque", "en": "Note", "de": "Notiz"},
    "review.col.reviewer": {"nl": "Door", "fr": "Par", "en": "By", "de": "Von"},
    "review.col.reviewed_at": {"nl": "Op", "fr": "Le", "en": "On", "de": "Am"},
    "review.col.follow_up": {"nl": "Opvolgen op", "fr": "À revoir le", "en": "Follow up on",
                             "de": "Wiedervorlage am"},
    "review.follow_up": {"nl": "Opvolgen op (optioneel)", "fr": "À revoir le (facultatif)",
                         "en": "Follow up on (optional)", "de": "Wiedervorlage am (optional)"},
    "review.save_anyway": {"nl": "Toch bewaren", "fr": "Enregistrer quand même", "en": "Save anyway",
                           "de": "Trotzdem speichern"},
    "review.manage": {"nl": "Een opvolging wijzigen, afsluiten of wissen",
                      "fr": "Modifier, clôturer ou supprimer un suivi",
                      "en": "Edit, close or delete a follow-up",
                      "de": "Eine Nachverfolgung ändern, abschließen oder löschen"},
    "review.pick": {"nl": "Opvolging", "fr": "Suivi", "en": "Follow-up", "de": "Nachverfolgung"},
    "review.update": {"nl": "Wijzigingen bewaren", "fr": "Enregistrer les modifications",
                      "en": "Save the changes", "de": "Änderungen speichern"},
    "review.close": {"nl": "Afsluiten", "fr": "Clôturer", "en": "Close", "de": "Abschließen"},
    "review.delete": {"nl": "Wissen", "fr": "Supprimer", "en": "Delete", "de": "Löschen"},
    "review.updated": {"nl": "Opvolging gewijzigd.", "fr": "Suivi modifié.", "en": "Follow-up changed.",
                       "de": "Nachverfolgung geändert."},
    "review.deleted": {"nl": "Opvolging gewist.", "fr": "Suivi supprimé.", "en": "Follow-up deleted.",
                       "de": "Nachverfolgung gelöscht."},
    "review.from_month": {
        "nl": "Een opvolging geldt vanaf haar maand: de lijst toont de opvolgingen tot en met {month}.",
        "fr": "Un suivi vaut à partir de son mois : la liste montre les suivis jusqu'à {month} inclus.",
        "en": "A follow-up counts from its month on: the list shows those up to and including {month}.",
        "de": "Eine Nachverfolgung gilt ab ihrem Monat: Die Liste zeigt die Nachverfolgungen bis "
              "einschließlich {month}.",
    },
    "hotspots.col.review": {"nl": "Opvolging", "fr": "Suivi", "en": "Follow-up",
                            "de": "Nachverfolgung"},
    # The prevention cycle: actions, their evaluation, meetings (signals.cycle)
    "cycle.verdict.likely_improvement": {"nl": "waarschijnlijk verbeterd", "fr": "probablement amélioré",
                                         "en": "likely improved", "de": "wahrscheinlich verbessert"},
    "cycle.verdict.no_clear_change": {"nl": "geen duidelijke verandering", "fr": "pas de changement net",
                                      "en": "no clear change", "de": "keine deutliche Veränderung"},
    "cycle.verdict.likely_worse": {"nl": "waarschijnlijk verslechterd", "fr": "probablement dégradé",
                                   "en": "likely worse", "de": "wahrscheinlich verschlechtert"},
    "cycle.verdict.too_early": {"nl": "te vroeg", "fr": "trop tôt", "en": "too early", "de": "zu früh"},
    "cycle.verdict.too_little_data": {"nl": "te weinig gegevens", "fr": "trop peu de données",
                                      "en": "too little data", "de": "zu wenige Daten"},
    "cycle.evaluation.sentence": {
        "nl": "{indicator} in {department} ging van {before} naar {after} ({team_change}); in de rest "
              "van de organisatie {rest_change}; verschil {effect} (95%-BI {low} tot {high}): {verdict}.",
        "fr": "{indicator} dans {department} : de {before} à {after} ({team_change}) ; dans le "
              "reste de l'organisation {rest_change} ; écart {effect} (IC à 95\u00a0% {low} à {high}) : {verdict}.",
        "en": "{indicator} in {department} went from {before} to {after} ({team_change}); in the rest "
              "of the organisation {rest_change}; difference {effect} (95% CI {low} to {high}): {verdict}.",
        "de": "{indicator} in {department} ging von {before} auf {after} ({team_change}); im Rest der "
              "Organisation {rest_change}; Unterschied {effect} (95-%-KI {low} bis {high}): {verdict}.",
    },
    "cycle.evaluation.sentence_organisation": {
        "nl": "{indicator} in {department} ging van {before} naar {after} ({effect}, 95%-BI {low} tot "
              "{high}), zonder vergelijkingsgroep: {verdict}.",
        "fr": "{indicator} dans {department} : de {before} à {after} ({effect}, IC à 95\u00a0% {low} à "
              "{high}), sans groupe de comparaison : {verdict}.",
        "en": "{indicator} in {department} went from {before} to {after} ({effect}, 95% CI {low} to "
              "{high}), without a comparison group: {verdict}.",
        "de": "{indicator} in {department} ging von {before} auf {after} ({effect}, 95-%-KI {low} bis "
              "{high}), ohne Vergleichsgruppe: {verdict}.",
    },
    "cycle.evaluation.organisation": {"nl": "de organisatie", "fr": "l'organisation",
                                      "en": "the organisation", "de": "der Organisation"},
    "cycle.evaluation.too_early": {
        "nl": "{indicator} in {department}: te vroeg om te oordelen; er zijn minstens {minimum} maanden "
              "na de opstart nodig.",
        "fr": "{indicator} dans {department} : trop tôt pour juger ; il faut au moins {minimum} mois "
              "après le démarrage.",
        "en": "{indicator} in {department}: too early to judge; at least {minimum} months after the "
              "start-up are needed.",
        "de": "{indicator} in {department}: zu früh für ein Urteil; mindestens {minimum} Monate nach "
              "dem Anlauf sind nötig.",
    },
    "cycle.evaluation.too_little_data": {
        "nl": "{indicator} in {department}: te weinig gegevens om te oordelen (minder dan {minimum} "
              "bruikbare maanden voor of na, een kleine groep of te weinig gevallen).",
        "fr": "{indicator} dans {department} : trop peu de données pour juger (moins de {minimum} mois "
              "utilisables avant ou après, petit groupe ou trop peu de cas).",
        "en": "{indicator} in {department}: too little data to judge (fewer than {minimum} usable "
              "months before or after, a small group or too few cases).",
        "de": "{indicator} in {department}: zu wenige Daten für ein Urteil (weniger als {minimum} "
              "nutzbare Monate davor oder danach, eine kleine Gruppe oder zu wenige Fälle).",
    },
    "cycle.status.planned": {"nl": "Gepland", "fr": "Planifiée", "en": "Planned", "de": "Geplant"},
    "cycle.status.running": {"nl": "Lopend", "fr": "En cours", "en": "Running", "de": "Laufend"},
    "cycle.status.evaluated": {"nl": "Geëvalueerd", "fr": "Évaluée", "en": "Evaluated",
                               "de": "Bewertet"},
    "cycle.status.adjusted": {"nl": "Bijgestuurd", "fr": "Ajustée", "en": "Adjusted", "de": "Angepasst"},
    "cycle.status.stopped": {"nl": "Stopgezet", "fr": "Arrêtée", "en": "Stopped", "de": "Abgebrochen"},
    "cycle.status.closed": {"nl": "Afgesloten", "fr": "Clôturée", "en": "Closed", "de": "Abgeschlossen"},
    "cycle.level.primary": {"nl": "Primaire preventie", "fr": "Prévention primaire",
                            "en": "Primary prevention", "de": "Primärprävention"},
    "cycle.level.secondary": {"nl": "Secundaire preventie", "fr": "Prévention secondaire",
                              "en": "Secondary prevention", "de": "Sekundärprävention"},
    "cycle.level.tertiary": {"nl": "Tertiaire preventie", "fr": "Prévention tertiaire",
                             "en": "Tertiary prevention", "de": "Tertiärprävention"},
    "cycle.event.reorganisation": {"nl": "Reorganisatie", "fr": "Réorganisation",
                                   "en": "Reorganisation", "de": "Umstrukturierung"},
    "cycle.event.move": {"nl": "Verhuis", "fr": "Déménagement", "en": "Move", "de": "Umzug"},
    "cycle.event.new_system": {"nl": "Nieuw systeem of nieuwe software",
                               "fr": "Nouveau système ou logiciel",
                               "en": "New system or software", "de": "Neues System oder neue Software"},
    "cycle.event.merger": {"nl": "Fusie", "fr": "Fusion", "en": "Merger", "de": "Fusion"},
    "cycle.event.social_action": {"nl": "Staking of andere sociale actie",
                                  "fr": "Grève ou autre action sociale",
                                  "en": "Strike or other social action",
                                  "de": "Streik oder andere soziale Aktion"},
    "cycle.event.serious_incident": {"nl": "Ernstig incident", "fr": "Incident grave",
                                     "en": "Serious incident", "de": "Schwerer Vorfall"},
    "cycle.transition_refused": {
        "nl": "Een actie met status «{old}» kan niet naar «{new}» gaan.",
        "fr": "Une action au statut « {old} » ne peut pas passer à « {new} ».",
        "en": "An action that is '{old}' cannot become '{new}'.",
        "de": "Eine Maßnahme im Status „{old}“ kann nicht zu „{new}“ wechseln.",
    },
    "cycle.not_allowed": {
        "nl": "Uw rol mag acties, gebeurtenissen en vergaderingen alleen lezen.",
        "fr": "Votre rôle peut seulement consulter les actions, événements et réunions.",
        "en": "Your role may only read actions, events and meetings.",
        "de": "Ihre Rolle darf Maßnahmen, Ereignisse und Sitzungen nur lesen.",
    },
    "cycle.advice_refused": {
        "nl": "Advies niet bewaard: het bevat {found}. Een collectief advies gaat over teams, nooit over "
              "een persoon.",
        "fr": "Avis non enregistré : il contient {found}. Un avis collectif porte sur des équipes, "
              "jamais sur une personne.",
        "en": "Advice not saved: it contains {found}. A collective advice is about teams, never "
              "about a person.",
        "de": "Stellungnahme nicht gespeichert: sie enthält {found}. Eine kollektive Stellungnahme "
              "betrifft Teams, nie eine Person.",
    },
    "upload.too_large": {
        "nl": "{file} is te groot ({size} MB): hoogstens {limit} MB per bestand. Splits het bestand, "
              "bijvoorbeeld per jaar.",
        "fr": "{file} est trop volumineux ({size} Mo) : {limit} Mo au plus par fichier. Divisez le fichier, "
              "par exemple par année.",
        "en": "{file} is too large ({size} MB): at most {limit} MB per file. Split the file, "
              "for example by year.",
        "de": "{file} ist zu groß ({size} MB): höchstens {limit} MB pro Datei. Teilen Sie die "
              "Datei auf, zum Beispiel nach Jahr.",
    },
}


def text(key: str, lang: str, **values) -> str:
    """The text for `key` in `lang`, with `{placeholders}` filled from `values`; a text with
    two forms takes the one for the count `n`."""
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}; expected one of {LANGUAGES}.")
    template = TEXTS[key][lang]
    if isinstance(template, Plural):
        template = plural(values["n"], lang, template)
    return template.format(**values) if values else template
