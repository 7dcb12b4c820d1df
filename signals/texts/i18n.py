"""Every text of the dashboard in Dutch (nl), French (fr) and English (en).

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


LANGUAGE_NAMES = {"nl": "Nederlands", "fr": "Français", "en": "English"}

TEXTS: dict[str, dict[str, str | Plural]] = {
    # Application and navigation
    "app.title": {"nl": "Signalen burn-outpreventie", "fr": "Signaux de prévention du burn-out",
                  "en": "Burn-out prevention signals"},
    "page.overview": {"nl": "Overzicht", "fr": "Vue d'ensemble", "en": "Overview"},
    "page.trends": {"nl": "Trends", "fr": "Tendances", "en": "Trends"},
    "page.hotspots": {"nl": "Aandachtspunten", "fr": "Points d'attention", "en": "Hotspots"},
    "page.upload": {"nl": "Gegevens opladen", "fr": "Charger des données", "en": "Upload"},
    "page.data": {"nl": "Gegevens en instellingen", "fr": "Données et paramètres",
                  "en": "Data and settings"},
    "page.method": {"nl": "Hoe de signalen werken", "fr": "Comment fonctionnent les signaux",
                    "en": "How the signals work"},
    "method.title": {"nl": "Hoe de signalen werken", "fr": "Comment fonctionnent les signaux",
                     "en": "How the signals work"},
    "sidebar.language": {"nl": "Taal", "fr": "Langue", "en": "Language"},
    "sidebar.presentation": {"nl": "Presentatiemodus", "fr": "Mode présentation",
                             "en": "Presentation mode"},
    "sidebar.presentation_help": {
        "nl": "Verbergt de zijbalk en de keuzes, voor de projector. Ook via ?present=1 in de link.",
        "fr": "Masque la barre latérale et les choix, pour le projecteur. Aussi via ?present=1 dans le lien.",
        "en": "Hides the sidebar and the controls, for the projector. Also with ?present=1 in the link.",
    },
    "presentation.exit": {"nl": "Presentatiemodus verlaten", "fr": "Quitter le mode présentation",
                          "en": "Leave presentation mode"},
    "demo.banner": {
        "nl": "Fictieve demo-organisatie. Laad uw eigen gegevens op om ze hier te zien.",
        "fr": "Organisation de démonstration fictive. Chargez vos propres données pour les voir ici.",
        "en": "Fictitious demo organisation. Upload your own data to see it here.",
    },
    "demo.banner_chosen": {
        "nl": "Fictieve demo-organisatie, voor opleiding. Uw eigen gegevens terug: Gegevens en "
              "instellingen.",
        "fr": "Organisation de démonstration fictive, pour la formation. Revenir à vos données : "
              "Données et paramètres.",
        "en": "Fictitious demo organisation, for training. Back to your own data: Data and settings.",
    },
    "demo.building": {
        "nl": "De demo-organisatie wordt een eerste keer aangemaakt (ongeveer een halve minuut)…",
        "fr": "L'organisation de démonstration est créée une première fois (environ une demi-minute)…",
        "en": "Building the demo organisation for the first time (about half a minute)…",
    },
    "error.busy": {
        "nl": "De databank is bezig met een andere import. Probeer het over een minuut opnieuw.",
        "fr": "La base de données est occupée par un autre import. Réessayez dans une minute.",
        "en": "The database is busy with another import. Please try again in a minute.",
    },
    "error.min_group_size": {
        "nl": "De minimale groepsgrootte (SIGNALS_MIN_GROUP_SIZE) moet een geheel getal van "
              "minstens {n} zijn. Er worden geen cijfers getoond tot dat is rechtgezet.",
        "fr": "La taille minimale de groupe (SIGNALS_MIN_GROUP_SIZE) doit être un nombre entier "
              "d'au moins {n}. Aucun chiffre n'est affiché avant sa correction.",
        "en": "The minimum group size (SIGNALS_MIN_GROUP_SIZE) must be a whole number of at "
              "least {n}. No figures are shown until it is corrected.",
    },
    # Common words
    "common.month": {"nl": "Maand", "fr": "Mois", "en": "Month"},
    "common.indicator": {"nl": "Indicator", "fr": "Indicateur", "en": "Indicator"},
    "common.organisation": {"nl": "Hele organisatie", "fr": "Toute l'organisation",
                            "en": "Whole organisation"},
    "common.no_data": {"nl": "Nog geen gegevens.", "fr": "Pas encore de données.",
                       "en": "No data yet."},
    "common.unrecorded": {
        "nl": "Nog geen bestanden opgeladen voor: {kinds}. De indicatoren die erop steunen "
              "blijven leeg (–), niet nul: {indicators}.",
        "fr": "Aucun fichier chargé pour : {kinds}. Les indicateurs qui en dépendent restent "
              "vides (–), pas à zéro : {indicators}.",
        "en": "No files uploaded yet for: {kinds}. The indicators based on them stay empty (–), "
              "not zero: {indicators}.",
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
    },
    "common.incomplete_kind": {"nl": "{kind} (laatste maand: {last})",
                               "fr": "{kind} (dernier mois : {last})",
                               "en": "{kind} (latest month: {last})"},
    "common.since": {"nl": "sinds {month}", "fr": "depuis {month}", "en": "since {month}"},
    "common.save": {"nl": "Opslaan", "fr": "Enregistrer", "en": "Save"},
    "common.source": {"nl": "Bron", "fr": "Source", "en": "Source"},
    "common.download_figures": {"nl": "Cijfers downloaden (Excel)",
                                "fr": "Télécharger les chiffres (Excel)",
                                "en": "Download the figures (Excel)"},
    # Downloads: for Belgian Excel, or plain CSV for another program
    "download.excel_help": {
        "nl": "CSV voor Excel in België: puntkomma's, decimale komma, kolomnamen in het Nederlands.",
        "fr": "CSV pour Excel en Belgique : points-virgules, virgule décimale, en-têtes en français.",
        "en": "CSV for Excel in Belgium: semicolons, decimal comma, headers in English.",
    },
    "download.plain": {"nl": "Gewone CSV", "fr": "CSV brut", "en": "Plain CSV"},
    "download.plain_help": {
        "nl": "Gewone CSV voor andere programma's: komma's, decimale punt, kolomnamen van het contract.",
        "fr": "CSV brut pour d'autres programmes : virgules, point décimal, noms de colonnes du contrat.",
        "en": "Plain CSV for other programs: commas, decimal point, the contract's column names.",
    },
    "csv.yes": {"nl": "ja", "fr": "oui", "en": "yes"},
    "csv.no": {"nl": "nee", "fr": "non", "en": "no"},
    "csv.month": {"nl": "Maand", "fr": "Mois", "en": "Month"},
    "csv.department": {"nl": "Afdeling", "fr": "Service", "en": "Department"},
    "csv.indicator": {"nl": "Indicator", "fr": "Indicateur", "en": "Indicator"},
    "csv.numerator": {"nl": "Teller", "fr": "Numérateur", "en": "Numerator"},
    "csv.denominator": {"nl": "Noemer", "fr": "Dénominateur", "en": "Denominator"},
    "csv.value": {"nl": "Waarde", "fr": "Valeur", "en": "Value"},
    "csv.suppressed": {"nl": "Verborgen", "fr": "Masqué", "en": "Hidden"},
    "csv.suppression_reason": {"nl": "Waarom verborgen", "fr": "Raison du masquage",
                               "en": "Why hidden"},
    "csv.suppression_small": {"nl": "kleine groep", "fr": "petit groupe", "en": "small group"},
    "csv.expected": {"nl": "Verwachte waarde", "fr": "Valeur attendue", "en": "Expected value"},
    "csv.watch_limit": {"nl": "Grens opvolgen", "fr": "Limite de vigilance", "en": "Watch limit"},
    "csv.upper_limit": {"nl": "Bovengrens", "fr": "Limite supérieure", "en": "Upper limit"},
    "csv.lower_limit": {"nl": "Ondergrens", "fr": "Limite inférieure", "en": "Lower limit"},
    "csv.rolling12_value": {"nl": "Waarde over 12 maanden", "fr": "Valeur sur 12 mois",
                            "en": "12-month value"},
    "csv.level": {"nl": "Niveau", "fr": "Niveau", "en": "Level"},
    "csv.rule": {"nl": "Regel", "fr": "Règle", "en": "Rule"},
    "csv.reason": {"nl": "Waarom", "fr": "Pourquoi", "en": "Why"},
    "csv.organisation_value": {"nl": "Waarde organisatie", "fr": "Valeur de l'organisation",
                               "en": "Organisation value"},
    "csv.lower_998": {"nl": "Ondergrens 99,8 %", "fr": "Limite inférieure 99,8 %",
                      "en": "Lower limit 99.8%"},
    "csv.lower_95": {"nl": "Ondergrens 95 %", "fr": "Limite inférieure 95 %", "en": "Lower limit 95%"},
    "csv.upper_95": {"nl": "Bovengrens 95 %", "fr": "Limite supérieure 95 %", "en": "Upper limit 95%"},
    "csv.upper_998": {"nl": "Bovengrens 99,8 %", "fr": "Limite supérieure 99,8 %",
                      "en": "Upper limit 99.8%"},
    "csv.z": {"nl": "Afwijking (z)", "fr": "Écart (z)", "en": "Deviation (z)"},
    "csv.rank": {"nl": "Rang", "fr": "Rang", "en": "Rank"},
    "csv.score": {"nl": "Score", "fr": "Score", "en": "Score"},
    "csv.alerts": {"nl": "Alarmen", "fr": "Alertes", "en": "Alerts"},
    "csv.watches": {"nl": "Opvolgen", "fr": "À suivre", "en": "Watches"},
    "csv.indicators": {"nl": "Indicatoren", "fr": "Indicateurs", "en": "Indicators"},
    "csv.since": {"nl": "Sinds", "fr": "Depuis", "en": "Since"},
    "csv.review": {"nl": "Opvolging", "fr": "Suivi", "en": "Follow-up"},
    "csv.kind": {"nl": "Soort", "fr": "Type", "en": "Kind"},
    "csv.rows": {"nl": "Rijen", "fr": "Lignes", "en": "Rows"},
    # Suppression of small groups
    "suppressed.value": {"nl": "minder dan {n} personen: niet getoond",
                         "fr": "moins de {n} personnes : non affiché",
                         "en": "fewer than {n} people: not shown"},
    "suppressed.short": {"nl": "< {n}", "fr": "< {n}", "en": "< {n}"},   # a heatmap cell: narrow
    # a group large enough itself, hidden so that the organisation's total minus the shown
    # groups does not reveal a small one (signals.privacy, COMPLEMENTARY)
    "suppressed.complementary": {"nl": "verborgen om een andere groep te beschermen",
                                 "fr": "masqué pour protéger un autre groupe",
                                 "en": "hidden to protect another group"},
    # a heatmap cell: as narrow as "< {n}" (the caption under the heatmap spells it out)
    "suppressed.complementary_short": {"nl": "verb.", "fr": "masqué", "en": "hidden"},
    # Heatmap column headings: short, at most two lines ("\n") of 14 characters, so ten
    # angled headings fit side by side on a 1280-pixel screen; the hover names in full.
    "heatmap.column.absence_rate": {"nl": "Afwezigheid", "fr": "Absentéisme",
                                    "en": "Absence rate"},
    "heatmap.column.absence_frequency": {"nl": "Frequentie\nafwezigheid",
                                         "fr": "Fréquence\nabsences", "en": "Absence\nfrequency"},
    "heatmap.column.long_term_absentees": {"nl": "Langdurig\nafwezig", "fr": "Absents\nlongue durée",
                                           "en": "Long-term\nabsent"},
    "heatmap.column.turnover_rate": {"nl": "Uitstroom", "fr": "Sorties", "en": "Turnover"},
    "heatmap.column.voluntary_turnover_rate": {"nl": "Vrijwillige\nuitstroom",
                                               "fr": "Départs\nvolontaires",
                                               "en": "Voluntary\nturnover"},
    "heatmap.column.accident_frequency_rate": {"nl": "Ongevallen\nfrequentie",
                                               "fr": "Accidents\nfréquence",
                                               "en": "Accident\nfrequency"},
    "heatmap.column.accident_severity_rate": {"nl": "Ongevallen\nernst", "fr": "Accidents\ngravité",
                                              "en": "Accident\nseverity"},
    "heatmap.column.psychosocial_request_rate": {"nl": "Psycho-\nsociaal", "fr": "Psycho-\nsocial",
                                                 "en": "Psycho-\nsocial"},
    "heatmap.column.aggression_rate": {"nl": "Agressie", "fr": "Agressions", "en": "Aggression"},
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
                                                  "en": "Re-integration"},
    "heatmap.judged": {"nl": "{n} mnd", "fr": "{n} mois", "en": "{n} mo"},
    "heatmap.this_month": {"nl": "deze maand {value}", "fr": "ce mois-ci {value}",
                           "en": "this month {value}"},
    "heatmap.no_figure": {"nl": "geen cijfer: geen gegevens opgeladen of geen gewerkte uren",
                          "fr": "pas de chiffre : aucune donnée chargée ou pas d'heures prestées",
                          "en": "no figure: no data uploaded or no hours worked"},
    # Signal levels
    "level.ok": {"nl": "Geen signaal", "fr": "Pas de signal", "en": "No signal"},
    "level.watch": {"nl": "Opvolgen", "fr": "À suivre", "en": "Watch"},
    "level.alert": {"nl": "Alarm", "fr": "Alerte", "en": "Alert"},
    "level.unjudged": {"nl": "Te weinig historiek", "fr": "Historique insuffisant",
                       "en": "Too little history"},
    "level.no_data": {"nl": "Geen gegevens", "fr": "Pas de données", "en": "No data"},
    "level.incomplete": {"nl": "Maand onvolledig", "fr": "Mois incomplet", "en": "Month incomplete"},
    # Units
    "unit.%": {"nl": "%", "fr": "%", "en": "%"},
    "unit.count": {"nl": "aantal personen", "fr": "nombre de personnes", "en": "number of people"},
    "unit.per_million_hours": {"nl": "per miljoen gewerkte uren", "fr": "par million d'heures prestées",
                               "en": "per million hours worked"},
    "unit.per_thousand_hours": {"nl": "dagen per 1.000 gewerkte uren",
                                "fr": "jours pour 1 000 heures prestées",
                                "en": "days per 1,000 hours worked"},
    "unit.points": {"nl": "%-punt", "fr": "pt", "en": "pt"},
    # Overview
    "overview.title": {"nl": "Overzicht voor het comité", "fr": "Vue d'ensemble pour le comité",
                       "en": "Overview for the committee"},
    "overview.vs": {"nl": "t.o.v. {month}", "fr": "par rapport à {month}", "en": "vs {month}"},
    "overview.departments_signalled": {
        "nl": Plural("{n} dienst met signaal", "{n} diensten met signaal"),
        "fr": Plural("{n} service avec signal", "{n} services avec signal"),
        "en": Plural("{n} department with a signal", "{n} departments with a signal"),
    },
    "overview.attention": {"nl": "Diensten die aandacht vragen", "fr": "Services qui demandent de l'attention",
                           "en": "Departments that need attention"},
    "overview.no_attention": {"nl": "Geen enkele dienst geeft deze maand een signaal.",
                              "fr": "Aucun service ne donne de signal ce mois-ci.",
                              "en": "No department gives a signal this month."},
    "overview.no_attention_incomplete": {
        "nl": "Geen enkele dienst geeft een signaal in de cijfers die al volledig zijn; {month} "
              "is nog onvolledig (zie hierboven).",
        "fr": "Aucun service ne donne de signal dans les chiffres déjà complets ; {month} est "
              "encore incomplet (voir plus haut).",
        "en": "No department gives a signal in the figures that are complete; {month} is not "
              "complete yet (see above).",
    },
    # Trends
    "trends.title": {"nl": "Trends per dienst", "fr": "Tendances par service", "en": "Trends by department"},
    "trends.departments": {"nl": "Diensten", "fr": "Services", "en": "Departments"},
    "trends.unrecorded": {
        "nl": "Geen cijfers voor {indicator}: de bestanden waarop het steunt zijn nog niet opgeladen.",
        "fr": "Pas de chiffres pour {indicator} : les fichiers dont il dépend n'ont pas encore "
              "été chargés.",
        "en": "No figures for {indicator}: the files it is based on have not been uploaded yet.",
    },
    "trends.incomplete": {
        "nl": "Nog onvolledig voor deze indicator: {months} (nog niets opgeladen voor {kinds}).",
        "fr": "Encore incomplet pour cet indicateur : {months} (rien n'a encore été chargé pour "
              "{kinds}).",
        "en": "Not complete yet for this indicator: {months} (nothing uploaded yet for {kinds}).",
    },
    "trends.view": {"nl": "Weergave", "fr": "Affichage", "en": "View"},
    "trends.reference": {"nl": "Belgisch referentiecijfer tonen", "fr": "Afficher la référence belge",
                         "en": "Show the Belgian reference figure"},
    "trends.no_series": {"nl": "Geen cijfers voor {department}.", "fr": "Pas de chiffres pour {department}.",
                         "en": "No figures for {department}."},
    "trends.pick_department": {"nl": "Kies minstens één dienst.", "fr": "Choisissez au moins un service.",
                               "en": "Choose at least one department."},
    "trends.suppressed_months": {
        "nl": "Minder dan {n} personen, niet getoond: {months}.",
        "fr": "Moins de {n} personnes, non affiché : {months}.",
        "en": "Fewer than {n} people, not shown: {months}.",
    },
    "trends.complementary_months": {
        "nl": "Verborgen om een andere groep te beschermen: {months}.",
        "fr": "Masqué pour protéger un autre groupe : {months}.",
        "en": "Hidden to protect another group: {months}.",
    },
    # Charts
    "chart.view_monthly": {"nl": "per maand", "fr": "par mois", "en": "monthly"},
    "chart.view_rolling12": {"nl": "voortschrijdend 12 maanden", "fr": "12 mois glissants",
                             "en": "rolling 12 months"},
    "chart.expected": {"nl": "Verwacht voor dit team", "fr": "Attendu pour cette équipe",
                       "en": "Expected for this team"},
    "chart.watch_limit": {"nl": "Waarschuwingsgrens (ongewoon)", "fr": "Limite de vigilance (inhabituel)",
                          "en": "Watch limit (unusual)"},
    "chart.upper_limit": {"nl": "Alarmgrens (zeer ongewoon)", "fr": "Limite d'alerte (très inhabituel)",
                          "en": "Alert limit (very unusual)"},
    "chart.lower_limit": {"nl": "Ondergrens (zeer ongewoon laag)",
                          "fr": "Limite inférieure (très inhabituellement bas)",
                          "en": "Lower limit (very unusually low)"},
    "chart.hover_limits": {
        "nl": "verwacht {expected} · waarschuwingsgrens {watch} · alarmgrens {upper}",
        "fr": "attendu {expected} · limite de vigilance {watch} · limite d'alerte {upper}",
        "en": "expected {expected} · watch limit {watch} · alert limit {upper}",
    },
    "chart.hover_rule": {"nl": "Regel: {rule}", "fr": "Règle : {rule}", "en": "Rule: {rule}"},
    "chart.limits_from": {"nl": "grenzen vanaf {month}", "fr": "limites à partir de {month}",
                          "en": "limits from {month}"},
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
    },
    "trends.no_limits": {
        "nl": "Nog geen grenzen: ze hebben minstens 12 maanden voorgeschiedenis van de dienst nodig.",
        "fr": "Pas encore de limites : elles demandent au moins 12 mois d'historique du service.",
        "en": "No limits yet: they need at least 12 months of the department's history.",
    },
    "chart.organisation": {"nl": "Hele organisatie", "fr": "Toute l'organisation", "en": "Whole organisation"},
    "chart.signal": {"nl": "Signaal: {rule}", "fr": "Signal : {rule}", "en": "Signal: {rule}"},
    "chart.funnel_95": {"nl": "Grens 95 %", "fr": "Limite 95 %", "en": "95% limit"},
    "chart.funnel_998": {"nl": "Grens 99,8 %", "fr": "Limite 99,8 %", "en": "99.8% limit"},
    "chart.funnel_within": {"nl": "Binnen de grenzen", "fr": "Dans les limites", "en": "Within the limits"},
    "chart.funnel_above_95": {"nl": "Boven de grens van 95 %", "fr": "Au-dessus de la limite de 95 %",
                              "en": "Above the 95% limit"},
    "chart.funnel_above_998": {"nl": "Boven de grens van 99,8 %", "fr": "Au-dessus de la limite de 99,8 %",
                               "en": "Above the 99.8% limit"},
    "chart.funnel_x": {"nl": "Grootte van de dienst over 12 maanden ({unit})",
                       "fr": "Taille du service sur 12 mois ({unit})",
                       "en": "Size of the department over 12 months ({unit})"},
    "chart.funnel_size.days": {"nl": "werkdagen van het personeel", "fr": "jours ouvrables du personnel",
                               "en": "staff working days"},
    "chart.funnel_size.people": {"nl": "werknemers, per maand opgeteld",
                                 "fr": "travailleurs, additionnés par mois",
                                 "en": "employees, added up month by month"},
    "chart.funnel_size.hours": {"nl": "gewerkte uren", "fr": "heures prestées", "en": "hours worked"},
    "chart.rolling12_to": {"nl": "12 maanden tot {month}", "fr": "12 mois jusqu'à {month}",
                           "en": "12 months to {month}"},
    "reference.monthly_conversion": {"nl": "jaarcijfer gedeeld door 12", "fr": "chiffre annuel divisé par 12",
                                     "en": "yearly figure divided by 12"},
    # Hotspots
    "hotspots.title": {"nl": "Aandachtspunten voor de arbeidsgeneesheer",
                       "fr": "Points d'attention pour le médecin du travail",
                       "en": "Hotspots for the occupational physician"},
    "hotspots.heatmap_title": {"nl": "Signalen per dienst en indicator",
                               "fr": "Signaux par service et indicateur",
                               "en": "Signals by department and indicator"},
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
    },
    "hotspots.heatmap_order": {
        "nl": "Diensten met signalen bovenaan; {shown} van de {total} diensten getoond.",
        "fr": "Services avec signaux en haut ; {shown} services sur {total} affichés.",
        "en": "Departments with signals at the top; {shown} of {total} departments shown.",
    },
    "hotspots.heatmap_click": {
        "nl": "Een signaal over meerdere maanden toont het cijfer van die maanden (bv. «3 mnd»). "
              "Klik op een vak om de trend van die dienst te openen.",
        "fr": "Un signal sur plusieurs mois montre le chiffre de ces mois (p. ex. « 3 mois »). "
              "Cliquez sur une case pour ouvrir la tendance de ce service.",
        "en": "A signal judged on several months shows the figure of those months (e.g. '3 mo'). "
              "Click a cell to open that department's trend.",
    },
    "hotspots.show_all": {"nl": "Alle {n} diensten tonen", "fr": "Afficher les {n} services",
                          "en": "Show all {n} departments"},
    "hotspots.ranking": {"nl": "Rangschikking van de diensten", "fr": "Classement des services",
                         "en": "Departments ranked"},
    "hotspots.col.rank": {"nl": "Rang", "fr": "Rang", "en": "Rank"},
    "hotspots.col.department": {"nl": "Dienst", "fr": "Service", "en": "Department"},
    "hotspots.col.score": {"nl": "Gewicht", "fr": "Poids", "en": "Weight"},
    "hotspots.weight_help": {"nl": "Gewicht: 3 per alarm en 1 per opvolgen; de zwaarste eerst.",
                             "fr": "Poids\u202f: 3 par alerte et 1 par point à suivre\u202f; le plus lourd d'abord.",
                             "en": "Weight: 3 per alert and 1 per watch; the heaviest first."},
    "hotspots.col.alerts": {"nl": "Alarmen", "fr": "Alertes", "en": "Alerts"},
    "hotspots.col.watches": {"nl": "Opvolgen", "fr": "À suivre", "en": "Watches"},
    "hotspots.col.indicators": {"nl": "Indicatoren", "fr": "Indicateurs", "en": "Indicators"},
    "hotspots.col.since": {"nl": "Sinds", "fr": "Depuis", "en": "Since"},
    "hotspots.col.reason": {"nl": "Waarom", "fr": "Pourquoi", "en": "Why"},
    "hotspots.why": {"nl": "Waarom deze diensten", "fr": "Pourquoi ces services",
                     "en": "Why these departments"},
    "hotspots.why_more": {
        "nl": Plural("De redenen van de {n} andere dienst staan in de CSV van de rangschikking.",
                     "De redenen van de {n} andere diensten staan in de CSV van de rangschikking."),
        "fr": Plural("Les raisons de {n} autre service sont dans le CSV du classement.",
                     "Les raisons des {n} autres services sont dans le CSV du classement."),
        "en": Plural("The reasons of the {n} other department are in the ranking's CSV.",
                     "The reasons of the {n} other departments are in the ranking's CSV."),
    },
    "hotspots.funnel": {"nl": "Diensten vergeleken (trechterdiagram)",
                        "fr": "Services comparés (graphique en entonnoir)",
                        "en": "Departments compared (funnel plot)"},
    "hotspots.funnel_help": {
        "nl": "Een kleine dienst schommelt meer door toeval: de grenzen worden breder naarmate de dienst kleiner is. "
              "Een punt buiten de grenzen wijkt meer af dan toeval verklaart.",
        "fr": "Un petit service varie davantage par hasard : les limites s'élargissent quand le service est petit. "
              "Un point hors des limites s'écarte plus que le hasard ne l'explique.",
        "en": "A small department varies more by chance: the limits widen as the department gets smaller. "
              "A point outside the limits differs more than chance explains.",
    },
    "hotspots.no_funnel": {"nl": "Geen vergelijking mogelijk voor deze maand en indicator.",
                           "fr": "Pas de comparaison possible pour ce mois et cet indicateur.",
                           "en": "No comparison possible for this month and indicator."},
    # Upload
    "upload.title": {"nl": "Gegevens opladen (HR)", "fr": "Charger des données (RH)", "en": "Upload data (HR)"},
    "upload.intro": {
        "nl": "Sleep één of meer CSV-bestanden hierheen. Niets wordt bewaard zolang een bestand fouten bevat "
              "en u het niet bevestigt.",
        "fr": "Déposez un ou plusieurs fichiers CSV ici. Rien n'est enregistré tant qu'un fichier contient des "
              "erreurs et que vous ne l'avez pas confirmé.",
        "en": "Drop one or more CSV files here. Nothing is stored while a file has errors and until you confirm it.",
    },
    "upload.templates": {"nl": "Sjablonen per soort bestand", "fr": "Modèles par type de fichier",
                         "en": "Templates per kind of file"},
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
    },
    "upload.download_template": {"nl": "Sjabloon (Excel)", "fr": "Modèle (Excel)",
                                 "en": "Template (Excel)"},
    "upload.download_guide": {"nl": "Uitleg per kolom (Excel)", "fr": "Guide des colonnes (Excel)",
                              "en": "Column guide (Excel)"},
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
    },
    "upload.demo_confirm": {
        "nl": "Ik begrijp het: de demo wordt niet meer getoond",
        "fr": "J'ai compris : la démo ne sera plus affichée",
        "en": "I understand: the demo will no longer be shown",
    },
    "upload.drop": {"nl": "CSV-bestanden", "fr": "Fichiers CSV", "en": "CSV files"},
    "upload.button": {"nl": "Bestanden kiezen", "fr": "Choisir des fichiers", "en": "Choose files"},
    "upload.limits": {"nl": "CSV, hoogstens {limit} MB per bestand", "fr": "CSV, {limit} Mo au plus par fichier",
                      "en": "CSV, at most {limit} MB per file"},
    "upload.kind": {"nl": "Soort gegevens", "fr": "Type de données", "en": "Kind of data"},
    "upload.detected": {"nl": "Herkend aan de kolommen: {kind}.", "fr": "Reconnu aux colonnes : {kind}.",
                        "en": "Recognised from the columns: {kind}."},
    "upload.not_detected": {"nl": "Soort niet herkend aan de kolommen: kies ze zelf.",
                            "fr": "Type non reconnu aux colonnes : choisissez-le vous-même.",
                            "en": "Kind not recognised from the columns: choose it yourself."},
    "upload.preview": {"nl": "Eerste regels", "fr": "Premières lignes", "en": "First lines"},
    "upload.rejected": {
        "nl": Plural("Bestand geweigerd: {n} fout. Er is niets bewaard.",
                     "Bestand geweigerd: {n} fouten. Er is niets bewaard."),
        "fr": Plural("Fichier refusé : {n} erreur. Rien n'a été enregistré.",
                     "Fichier refusé : {n} erreurs. Rien n'a été enregistré."),
        "en": Plural("File rejected: {n} error. Nothing was stored.",
                     "File rejected: {n} errors. Nothing was stored."),
    },
    "upload.more_errors": {"nl": Plural("En nog {n} fout.", "En nog {n} fouten."),
                           "fr": Plural("Et encore {n} erreur.", "Et encore {n} erreurs."),
                           "en": Plural("And {n} more error.", "And {n} more errors.")},
    "upload.download_report": {"nl": "Foutenrapport downloaden (Excel)", "fr": "Télécharger le rapport d'erreurs (Excel)",
                               "en": "Download the error report (Excel)"},
    "upload.valid": {"nl": "Bestand in orde: {rows} rijen. Nog niet bewaard.",
                     "fr": "Fichier valide : {rows} lignes. Pas encore enregistré.",
                     "en": "File is valid: {rows} rows. Not stored yet."},
    "upload.confirm": {"nl": "Bewaren", "fr": "Enregistrer", "en": "Store"},
    "upload.stored": {"nl": "Bewaard: {rows} rijen.", "fr": "Enregistré : {rows} lignes.",
                      "en": "Stored: {rows} rows."},
    "upload.store_all": {"nl": "Alle geldige bestanden bewaren", "fr": "Enregistrer tous les fichiers valides",
                         "en": "Store all valid files"},
    "upload.summary": {"nl": "Overzicht van de gekozen bestanden", "fr": "Résumé des fichiers choisis",
                       "en": "Summary of the chosen files"},
    "upload.summary_counts": {   # several counts: label: number, so no plural is hedged
        "nl": "Bewaard: {stored} · in orde, nog niet bewaard: {valid} · geweigerd: {rejected} · "
              "waarschuwingen: {warnings}.",
        "fr": "Enregistrés : {stored} · valides, pas encore enregistrés : {valid} · "
              "refusés : {rejected} · avertissements : {warnings}.",
        "en": "Stored: {stored} · valid, not stored yet: {valid} · rejected: {rejected} · "
              "warnings: {warnings}.",
    },
    "upload.store_all_note": {
        "nl": "Geweigerde bestanden worden niet bewaard; ze komen als geweigerd in de geschiedenis.",
        "fr": "Les fichiers refusés ne sont pas enregistrés ; ils figurent comme refusés dans l'historique.",
        "en": "Rejected files are not stored; they appear in the history as rejected.",
    },
    "upload.details": {"nl": "Meer over {file}", "fr": "Détails : {file}", "en": "Details: {file}"},
    "upload.result.valid": {"nl": "in orde, nog niet bewaard", "fr": "valide, pas encore enregistré",
                            "en": "valid, not stored yet"},
    "upload.result.stored": {"nl": "bewaard", "fr": "enregistré", "en": "stored"},
    "upload.result.rejected": {"nl": "geweigerd", "fr": "refusé", "en": "rejected"},
    "upload.col.file": {"nl": "Bestand", "fr": "Fichier", "en": "File"},
    "upload.col.kind": {"nl": "Soort", "fr": "Type", "en": "Kind"},
    "upload.col.result": {"nl": "Resultaat", "fr": "Résultat", "en": "Result"},
    "upload.col.rows": {"nl": "Rijen", "fr": "Lignes", "en": "Rows"},
    "upload.col.warnings": {"nl": "Waarschuwingen", "fr": "Avertissements", "en": "Warnings"},
    "upload.col.errors": {"nl": "Fouten", "fr": "Erreurs", "en": "Errors"},
    "upload.rows_new": {"nl": "Nieuwe rijen", "fr": "Nouvelles lignes", "en": "New rows"},
    "upload.rows_replaced": {"nl": "Vervangen rijen", "fr": "Lignes remplacées", "en": "Replaced rows"},
    "upload.rows_unchanged": {"nl": "Ongewijzigde rijen", "fr": "Lignes inchangées", "en": "Unchanged rows"},
    "upload.history": {"nl": "Eerdere uploads", "fr": "Chargements précédents", "en": "Upload history"},
    "upload.no_history": {"nl": "Nog niets opgeladen.", "fr": "Rien n'a encore été chargé.",
                          "en": "Nothing uploaded yet."},
    "upload.undo_title": {"nl": "Een upload ongedaan maken", "fr": "Annuler un chargement",
                          "en": "Undo an upload"},
    "upload.undo_intro": {
        "nl": "Ongedaan maken verwijdert de rijen die een upload toevoegde en zet de rijen die hij verving terug. "
              "Rijen die een latere upload opnieuw wijzigde, blijven zoals ze zijn.",
        "fr": "Annuler retire les lignes qu'un chargement a ajoutées et remet celles qu'il a remplacées. "
              "Les lignes modifiées depuis par un chargement ultérieur restent telles quelles.",
        "en": "Undoing removes the rows an upload added and puts back the rows it replaced. "
              "Rows that a later upload changed again stay as they are.",
    },
    "upload.undo_row": {"nl": "nr. {id} · {file} · {kind} · {time}", "fr": "n° {id} · {file} · {kind} · {time}",
                        "en": "#{id} · {file} · {kind} · {time}"},
    "upload.undo": {"nl": "Ongedaan maken", "fr": "Annuler", "en": "Undo"},
    "upload.undo_confirm_text": {
        "nl": "Upload #{id} ({file}) echt ongedaan maken? De cijfers worden herberekend.",
        "fr": "Vraiment annuler le chargement n° {id} ({file}) ? Les chiffres seront recalculés.",
        "en": "Really undo upload #{id} ({file})? The figures will be recomputed.",
    },
    "upload.undo_confirm": {"nl": "Ja, ongedaan maken", "fr": "Oui, annuler", "en": "Yes, undo"},
    "upload.undo_cancel": {"nl": "Niet ongedaan maken", "fr": "Ne pas annuler", "en": "Don't undo"},
    "upload.undo_left": {"nl": "Gebleven rijen (latere uploads): {keys}", "fr": "Lignes restées (chargements "
                         "ultérieurs) : {keys}", "en": "Rows left (later uploads): {keys}"},
    "upload.undo_none": {"nl": "Geen upload om ongedaan te maken.", "fr": "Aucun chargement à annuler.",
                         "en": "No upload to undo."},
    "upload.error.file": {"nl": "Bestand", "fr": "Fichier", "en": "File"},
    "upload.error.line": {"nl": "Regel", "fr": "Ligne", "en": "Line"},
    "upload.error.column": {"nl": "Kolom", "fr": "Colonne", "en": "Column"},
    "upload.error.value": {"nl": "Gevonden waarde", "fr": "Valeur trouvée", "en": "Value found"},
    "upload.error.expected": {"nl": "Verwacht", "fr": "Attendu", "en": "Expected"},
    "history.upload_id": {"nl": "Nr.", "fr": "N°", "en": "No."},
    "history.uploaded_at": {"nl": "Tijdstip", "fr": "Moment", "en": "Time"},
    "history.file_name": {"nl": "Bestand", "fr": "Fichier", "en": "File"},
    "history.kind": {"nl": "Soort", "fr": "Type", "en": "Kind"},
    "history.status": {"nl": "Resultaat", "fr": "Résultat", "en": "Result"},
    "history.rows_total": {"nl": "Rijen", "fr": "Lignes", "en": "Rows"},
    "history.rows_new": {"nl": "Nieuw", "fr": "Nouvelles", "en": "New"},
    "history.rows_replaced": {"nl": "Vervangen", "fr": "Remplacées", "en": "Replaced"},
    "history.rows_unchanged": {"nl": "Ongewijzigd", "fr": "Inchangées", "en": "Unchanged"},
    "history.error_count": {"nl": "Fouten", "fr": "Erreurs", "en": "Errors"},
    "history.uploaded_by": {"nl": "Door", "fr": "Par", "en": "By"},
    "status.accepted": {"nl": "aanvaard", "fr": "accepté", "en": "accepted"},
    "status.rejected": {"nl": "geweigerd", "fr": "refusé", "en": "rejected"},
    "status.undone": {"nl": "ongedaan gemaakt", "fr": "annulé", "en": "undone"},
    "status.undo": {"nl": "ongedaan maken", "fr": "annulation", "en": "undo"},
    # Data and settings
    "data.title": {"nl": "Gegevens en instellingen", "fr": "Données et paramètres", "en": "Data and settings"},
    "data.database_demo": {"nl": "Getoond: de demo-organisatie.", "fr": "Affiché : l'organisation de démonstration.",
                           "en": "Shown: the demo organisation."},
    "data.database_real": {"nl": "Getoond: de gegevens van uw organisatie.",
                           "fr": "Affiché : les données de votre organisation.",
                           "en": "Shown: your organisation's data."},
    "data.demo": {"nl": "Demo-organisatie", "fr": "Organisation de démonstration",
                  "en": "Demo organisation"},
    "data.demo_until_upload": {
        "nl": "De fictieve demo-organisatie wordt getoond tot u uw eerste eigen bestand bewaart.",
        "fr": "L'organisation fictive de démonstration est affichée jusqu'à ce que vous enregistriez "
              "votre premier fichier.",
        "en": "The fictitious demo organisation is shown until you store your first own file.",
    },
    "data.demo_toggle": {"nl": "Toon de demo-organisatie (voor opleiding)",
                         "fr": "Afficher l'organisation de démonstration (pour la formation)",
                         "en": "Show the demo organisation (for training)"},
    "data.demo_toggle_help": {
        "nl": "Alleen in deze sessie: alle pagina's tonen de fictieve demo met de demobalk. Uw "
              "gegevens blijven ongewijzigd; zet de schakelaar uit om ze weer te zien.",
        "fr": "Dans cette session seulement : toutes les pages affichent la démo fictive avec son "
              "bandeau. Vos données restent intactes ; désactivez pour les revoir.",
        "en": "In this session only: every page shows the fictitious demo with its banner. Your "
              "data stays as it is; switch off to see it again.",
    },
    "data.coverage": {"nl": "Opgeladen maanden en soorten", "fr": "Mois et types chargés",
                      "en": "Months and kinds loaded"},
    "data.span": {"nl": Plural("Van {first} tot {last} ({n} maand).",
                               "Van {first} tot {last} ({n} maanden)."),
                  "fr": Plural("De {first} à {last} ({n} mois).", "De {first} à {last} ({n} mois)."),
                  "en": Plural("From {first} to {last} ({n} month).",
                               "From {first} to {last} ({n} months).")},
    "data.gaps": {"nl": "{kind}: geen rijen in {months}.", "fr": "{kind} : aucune ligne en {months}.",
                  "en": "{kind}: no rows in {months}."},
    "data.rare_gaps": {
        "nl": "Sommige maanden zonder rijen voor {kinds}: dat kan kloppen, deze gebeurtenissen zijn zeldzaam.",
        "fr": "Certains mois sans ligne pour {kinds} : cela peut être normal, ces événements sont rares.",
        "en": "Some months without rows for {kinds}: that can be right, these events are rare.",
    },
    "data.coverage_help": {
        "nl": "Aantal rijen per maand (personeel: per maand; andere soorten: volgens hun datum).",
        "fr": "Nombre de lignes par mois (effectifs : par mois ; autres types : selon leur date).",
        "en": "Rows per month (workforce: by month; other kinds: by their date).",
    },
    "data.min_group_size": {"nl": "Minimale groepsgrootte", "fr": "Taille minimale de groupe",
                            "en": "Minimum group size"},
    "data.min_group_size_help": {
        "nl": "Een dienst met minder dan {n} personen in een maand wordt niet getoond, om niemand herkenbaar te maken.",
        "fr": "Un service de moins de {n} personnes au cours d'un mois n'est pas affiché, pour que personne ne soit reconnaissable.",
        "en": "A department with fewer than {n} people in a month is not shown, so that nobody can be recognised.",
    },
    "data.min_group_size_refused": {
        "nl": "Niet opgeslagen: de minimale groepsgrootte is minstens {n}.",
        "fr": "Non enregistré : la taille minimale de groupe est d'au moins {n}.",
        "en": "Not saved: the minimum group size is at least {n}.",
    },
    "data.language": {"nl": "Taal", "fr": "Langue", "en": "Language"},
    "data.definitions": {"nl": "Definities van de indicatoren", "fr": "Définitions des indicateurs",
                         "en": "Definitions of the indicators"},
    "data.indicator": {"nl": "Indicator", "fr": "Indicateur", "en": "Indicator"},
    "data.definition": {"nl": "Definitie", "fr": "Définition", "en": "Definition"},
    "data.unit": {"nl": "Eenheid", "fr": "Unité", "en": "Unit"},
    "data.read_only": {
        "nl": "Alleen een beheerder kan de instellingen wijzigen.",
        "fr": "Seul un administrateur peut modifier les paramètres.",
        "en": "Only an administrator can change the settings.",
    },
    "data.default_language": {"nl": "Standaardtaal voor iedereen", "fr": "Langue par défaut pour tous",
                              "en": "Default language for everyone"},
    "data.default_language_help": {
        "nl": "De taal waarin de app opent voor wie nog geen taal koos.",
        "fr": "La langue dans laquelle l'application s'ouvre pour qui n'a pas encore choisi.",
        "en": "The language the app opens in for anyone who has not chosen one yet.",
    },
    "data.saved": {"nl": "Opgeslagen.", "fr": "Enregistré.", "en": "Saved."},
    # Access control
    "page.login": {"nl": "Aanmelden", "fr": "Connexion", "en": "Log in"},
    "page.audit": {"nl": "Auditlogboek", "fr": "Journal d'audit", "en": "Audit log"},
    "role.committee": {"nl": "comité", "fr": "comité", "en": "committee"},
    "role.physician": {"nl": "arbeidsgeneesheer", "fr": "médecin du travail", "en": "occupational physician"},
    "role.hr": {"nl": "personeelsdienst", "fr": "ressources humaines", "en": "human resources"},
    "role.admin": {"nl": "beheerder", "fr": "administrateur", "en": "administrator"},
    "access.off_notice": {
        "nl": "Toegangscontrole staat uit (alleen lokaal gebruik op deze computer).",
        "fr": "Le contrôle d'accès est désactivé (usage local uniquement, sur cet ordinateur).",
        "en": "Access control is off (local use only, on this computer).",
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
    },
    "access.not_allowed_title": {"nl": "Geen toegang", "fr": "Accès refusé", "en": "Not allowed"},
    "access.not_allowed": {
        "nl": "Uw rol geeft geen toegang tot deze pagina. Kies een pagina in het menu.",
        "fr": "Votre rôle ne donne pas accès à cette page. Choisissez une page dans le menu.",
        "en": "Your role does not give access to this page. Choose a page in the menu.",
    },
    "access.login_first": {"nl": "Meld u eerst aan.", "fr": "Connectez-vous d'abord.",
                           "en": "Please log in first."},
    "access.wrong_password": {
        "nl": "Gebruikersnaam of wachtwoord klopt niet.",
        "fr": "Nom d'utilisateur ou mot de passe incorrect.",
        "en": "Wrong user name or password.",
    },
    "access.locked": {
        "nl": "Te veel mislukte pogingen voor deze gebruikersnaam vanaf dit toestel. Probeer opnieuw na "
              "{until}, of meld u aan vanaf uw gewone werkplek.",
        "fr": "Trop de tentatives échouées pour ce nom d'utilisateur depuis cet appareil. Réessayez après "
              "{until}, ou connectez-vous depuis votre poste habituel.",
        "en": "Too many failed attempts for this user name from this device. Try again after {until}, "
              "or log in from your usual workstation.",
    },
    "access.session_expired": {
        "nl": "Uw sessie is verlopen. Meld u opnieuw aan.",
        "fr": "Votre session a expiré. Reconnectez-vous.",
        "en": "Your session has expired. Please log in again.",
    },
    "access.logged_out": {"nl": "U bent afgemeld.", "fr": "Vous êtes déconnecté.",
                          "en": "You are logged out."},
    "access.sso_refused": {
        "nl": "Dit e-mailadres hoort bij geen enkele gebruiker van deze app. Vraag de beheerder om toegang.",
        "fr": "Cette adresse e-mail ne correspond à aucun utilisateur de l'application. Demandez l'accès à "
              "l'administrateur.",
        "en": "This e-mail address belongs to no user of this app. Ask the administrator for access.",
    },
    "access.signed_in_as": {"nl": "Aangemeld als {user} ({role})", "fr": "Connecté : {user} ({role})",
                            "en": "Logged in as {user} ({role})"},
    "access.logout": {"nl": "Afmelden", "fr": "Se déconnecter", "en": "Log out"},
    "login.title": {"nl": "Aanmelden", "fr": "Connexion", "en": "Log in"},
    "login.intro": {
        "nl": "Deze app toont collectieve signalen van uw organisatie. Meld u aan met uw eigen account.",
        "fr": "Cette application montre les signaux collectifs de votre organisation. Connectez-vous avec "
              "votre propre compte.",
        "en": "This app shows your organisation's collective signals. Log in with your own account.",
    },
    "login.username": {"nl": "Gebruikersnaam", "fr": "Nom d'utilisateur", "en": "User name"},
    "login.password": {"nl": "Wachtwoord", "fr": "Mot de passe", "en": "Password"},
    "login.submit": {"nl": "Aanmelden", "fr": "Se connecter", "en": "Log in"},
    "login.sso": {"nl": "Aanmelden via uw organisatie", "fr": "Se connecter via votre organisation",
                  "en": "Sign in with your organisation"},
    # Audit log page
    "audit.title": {"nl": "Auditlogboek", "fr": "Journal d'audit", "en": "Audit log"},
    "audit.chain_ok": {
        "nl": "Keten intact: geen enkele van de {n} regels is gewijzigd of verwijderd buiten de app.",
        "fr": "Chaîne intacte : aucune des {n} entrées n'a été modifiée ou supprimée hors de l'application.",
        "en": "Chain intact: none of the {n} entries was changed or removed outside the app.",
    },
    "audit.chain_broken": {
        "nl": "Keten verbroken vanaf regel {entry}: het logboek is buiten de app gewijzigd.",
        "fr": "Chaîne rompue à partir de l'entrée {entry} : le journal a été modifié hors de l'application.",
        "en": "Chain broken from entry {entry} on: the log was changed outside the app.",
    },
    "audit.chain_missing": {
        "nl": "Keten verbroken: vóór regel {entry} zijn regels verwijderd of ingevoegd buiten de app.",
        "fr": "Chaîne rompue : avant l'entrée {entry}, des entrées ont été supprimées ou insérées hors de "
              "l'application.",
        "en": "Chain broken: entries before entry {entry} were removed or inserted outside the app.",
    },
    "audit.chain_newest_missing": {
        "nl": "Keten verbroken: de nieuwste regels (tot regel {entry}) zijn verwijderd buiten de app.",
        "fr": "Chaîne rompue : les entrées les plus récentes (jusqu'à l'entrée {entry}) ont été supprimées "
              "hors de l'application.",
        "en": "Chain broken: the newest entries (up to entry {entry}) were removed outside the app.",
    },
    "audit.chain_count": {
        "nl": "Keten verbroken: het aantal regels tot regel {entry} klopt niet met de kop van de keten.",
        "fr": "Chaîne rompue : le nombre d'entrées jusqu'à l'entrée {entry} ne correspond pas à la tête "
              "de la chaîne.",
        "en": "Chain broken: the number of entries up to entry {entry} does not match the chain's head.",
    },
    "audit.head_missing": {
        "nl": "De kop van de keten (het bestand naast de auditsleutel) ontbreekt: het logboek kan niet "
              "gecontroleerd worden. Werd de databank verplaatst zonder de sleutelmap?",
        "fr": "La tête de la chaîne (le fichier à côté de la clé d'audit) est absente : le journal ne peut "
              "pas être vérifié. La base a-t-elle été déplacée sans le dossier des clés ?",
        "en": "The chain's head (the file beside the audit key) is missing: the log cannot be checked. "
              "Was the database moved without the key folder?",
    },
    "audit.head_invalid": {
        "nl": "De kop van de keten is gewijzigd of onleesbaar: het logboek kan niet gecontroleerd worden.",
        "fr": "La tête de la chaîne a été modifiée ou est illisible : le journal ne peut pas être vérifié.",
        "en": "The chain's head was changed or cannot be read: the log cannot be checked.",
    },
    "audit.unkeyed_entries": {
        "nl": "Er staan niet-ondertekende auditregels in de databank die de app niet schreef.",
        "fr": "La base contient des entrées d'audit non signées que l'application n'a pas écrites.",
        "en": "The database holds unsigned audit entries that the app did not write.",
    },
    "audit.retention_changed": {
        "nl": "De bewaartermijn in de databank is buiten de app gewijzigd; de app houdt de laatst "
              "ingestelde waarde aan. Sla de bewaartermijn opnieuw op om dit te herstellen.",
        "fr": "La durée de conservation dans la base a été modifiée hors de l'application ; l'application "
              "garde la dernière valeur réglée. Enregistrez à nouveau la durée pour corriger.",
        "en": "The retention period in the database was changed outside the app; the app keeps the last "
              "value set. Save the retention period again to repair it.",
    },
    "audit.retention": {"nl": "Bewaartermijn (dagen)", "fr": "Durée de conservation (jours)",
                        "en": "Retention period (days)"},
    "audit.retention_help": {
        "nl": "Regels jonger dan deze termijn kunnen niet gewist worden (minstens {min} dagen).",
        "fr": "Les entrées plus récentes que cette durée ne peuvent pas être effacées (au moins {min} jours).",
        "en": "Entries younger than this cannot be deleted (at least {min} days).",
    },
    "audit.entries": {"nl": "Laatste regels", "fr": "Dernières entrées", "en": "Latest entries"},
    "audit.no_entries": {"nl": "Nog geen regels.", "fr": "Pas encore d'entrées.", "en": "No entries yet."},
    "audit.col.entry_id": {"nl": "Nr.", "fr": "N°", "en": "No."},
    "audit.col.at": {"nl": "Tijdstip", "fr": "Moment", "en": "Time"},
    "audit.col.actor": {"nl": "Wie", "fr": "Qui", "en": "Who"},
    "audit.col.action": {"nl": "Handeling", "fr": "Action effectuée", "en": "Action"},
    "audit.col.detail": {"nl": "Gegevens", "fr": "Détails", "en": "Details"},
    # Hotspot reviews
    "review.title": {"nl": "Opvolging door de arbeidsgeneesheer", "fr": "Suivi par le médecin du travail",
                     "en": "Follow-up by the occupational physician"},
    "review.department": {"nl": "Dienst", "fr": "Service", "en": "Department"},
    "review.indicator": {"nl": "Indicator (of de hele dienst)", "fr": "Indicateur (ou tout le service)",
                         "en": "Indicator (or the whole department)"},
    "review.whole_department": {"nl": "Hele dienst", "fr": "Tout le service", "en": "Whole department"},
    "review.status": {"nl": "Stand van zaken", "fr": "Statut", "en": "Status"},
    "review.note": {"nl": "Korte notitie", "fr": "Note courte", "en": "Short note"},
    "review.note_help": {
        "nl": "Over de collectieve situatie en de aanpak. Nooit namen, initialen of diagnoses.",
        "fr": "Sur la situation collective et l'approche. Jamais de noms, d'initiales ni de diagnostics.",
        "en": "About the collective situation and the approach. Never names, initials or diagnoses.",
    },
    "review.save": {"nl": "Opvolging bewaren", "fr": "Enregistrer le suivi", "en": "Save the follow-up"},
    "review.saved": {"nl": "Opvolging bewaard.", "fr": "Suivi enregistré.", "en": "Follow-up saved."},
    "review.latest": {"nl": "Laatste opvolging per dienst", "fr": "Dernier suivi par service",
                      "en": "Latest follow-up per department"},
    "review.none": {"nl": "nog niet opgevolgd", "fr": "pas encore suivi", "en": "not followed up yet"},
    "review.col.department": {"nl": "Dienst", "fr": "Service", "en": "Department"},
    "review.col.month": {"nl": "Maand", "fr": "Mois", "en": "Month"},
    "review.col.status": {"nl": "Stand van zaken", "fr": "Statut", "en": "Status"},
    "review.col.note": {"nl": "Notitie", "fr": "Remarque", "en": "Note"},
    "review.col.reviewer": {"nl": "Door", "fr": "Par", "en": "By"},
    "review.col.reviewed_at": {"nl": "Op", "fr": "Le", "en": "On"},
    "review.col.follow_up": {"nl": "Opvolgen op", "fr": "À revoir le", "en": "Follow up on"},
    "review.follow_up": {"nl": "Opvolgen op (optioneel)", "fr": "À revoir le (facultatif)",
                         "en": "Follow up on (optional)"},
    "review.save_anyway": {"nl": "Toch bewaren", "fr": "Enregistrer quand même", "en": "Save anyway"},
    "review.manage": {"nl": "Een opvolging wijzigen, afsluiten of wissen",
                      "fr": "Modifier, clôturer ou supprimer un suivi",
                      "en": "Edit, close or delete a follow-up"},
    "review.pick": {"nl": "Opvolging", "fr": "Suivi", "en": "Follow-up"},
    "review.update": {"nl": "Wijzigingen bewaren", "fr": "Enregistrer les modifications",
                      "en": "Save the changes"},
    "review.close": {"nl": "Afsluiten", "fr": "Clôturer", "en": "Close"},
    "review.delete": {"nl": "Wissen", "fr": "Supprimer", "en": "Delete"},
    "review.updated": {"nl": "Opvolging gewijzigd.", "fr": "Suivi modifié.", "en": "Follow-up changed."},
    "review.deleted": {"nl": "Opvolging gewist.", "fr": "Suivi supprimé.", "en": "Follow-up deleted."},
    "review.from_month": {
        "nl": "Een opvolging geldt vanaf haar maand: de lijst toont de opvolgingen tot en met {month}.",
        "fr": "Un suivi vaut à partir de son mois : la liste montre les suivis jusqu'à {month} inclus.",
        "en": "A follow-up counts from its month on: the list shows those up to and including {month}.",
    },
    "hotspots.col.review": {"nl": "Opvolging", "fr": "Suivi", "en": "Follow-up"},
    "upload.too_large": {
        "nl": "{file} is te groot ({size} MB): hoogstens {limit} MB per bestand. Splits het bestand, "
              "bijvoorbeeld per jaar.",
        "fr": "{file} est trop volumineux ({size} Mo) : {limit} Mo au plus par fichier. Divisez le fichier, "
              "par exemple par année.",
        "en": "{file} is too large ({size} MB): at most {limit} MB per file. Split the file, "
              "for example by year.",
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
