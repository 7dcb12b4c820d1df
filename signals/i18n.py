"""Every text of the dashboard in Dutch (nl), French (fr) and English (en).

`text(key, lang, **values)` returns the text with `{placeholders}` filled in.
Indicator names and definitions live in signals.definitions, signal sentences in
signals.alerts; this module holds the interface's own words.
"""

from __future__ import annotations

from .definitions import LANGUAGES

LANGUAGE_NAMES = {"nl": "Nederlands", "fr": "Français", "en": "English"}

TEXTS: dict[str, dict[str, str]] = {
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
    "common.since": {"nl": "sinds {month}", "fr": "depuis {month}", "en": "since {month}"},
    "common.save": {"nl": "Opslaan", "fr": "Enregistrer", "en": "Save"},
    "common.source": {"nl": "Bron", "fr": "Source", "en": "Source"},
    "common.download_figures": {"nl": "Cijfers downloaden (CSV)", "fr": "Télécharger les chiffres (CSV)",
                                "en": "Download the figures (CSV)"},
    # Suppression of small groups
    "suppressed.value": {"nl": "minder dan {n} personen: niet getoond",
                         "fr": "moins de {n} personnes : non affiché",
                         "en": "fewer than {n} people: not shown"},
    "suppressed.short": {"nl": "< {n}", "fr": "< {n}", "en": "< {n}"},   # a heatmap cell: narrow
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
    "overview.departments_signalled": {"nl": "{n} dienst(en) met signaal",
                                       "fr": "{n} service(s) avec signal",
                                       "en": "{n} department(s) with a signal"},
    "overview.attention": {"nl": "Diensten die aandacht vragen", "fr": "Services qui demandent de l'attention",
                           "en": "Departments that need attention"},
    "overview.no_attention": {"nl": "Geen enkele dienst geeft deze maand een signaal.",
                              "fr": "Aucun service ne donne de signal ce mois-ci.",
                              "en": "No department gives a signal this month."},
    # Trends
    "trends.title": {"nl": "Trends per dienst", "fr": "Tendances par service", "en": "Trends by department"},
    "trends.departments": {"nl": "Diensten", "fr": "Services", "en": "Departments"},
    "trends.unrecorded": {
        "nl": "Geen cijfers voor {indicator}: de bestanden waarop het steunt zijn nog niet opgeladen.",
        "fr": "Pas de chiffres pour {indicator} : les fichiers dont il dépend n'ont pas encore "
              "été chargés.",
        "en": "No figures for {indicator}: the files it is based on have not been uploaded yet.",
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
        "nl": "● geen signaal · ▲ opvolgen · ■ alarm · grijs: minder dan {n} personen, niet "
              "getoond · –: geen cijfer. Het cijfer is dat van de maand; een signaal kan op "
              "meerdere maanden steunen (wijs de cel aan voor de reden).",
        "fr": "● pas de signal · ▲ à suivre · ■ alerte · gris : moins de {n} personnes, non "
              "affiché · – : pas de chiffre. Le chiffre est celui du mois ; un signal peut "
              "porter sur plusieurs mois (survolez la cellule pour la raison).",
        "en": "● no signal · ▲ watch · ■ alert · grey: fewer than {n} people, not shown · "
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
        "nl": "De redenen van de {n} andere diensten staan in de CSV van de rangschikking.",
        "fr": "Les raisons des {n} autres services sont dans le CSV du classement.",
        "en": "The reasons of the {n} other departments are in the ranking's CSV.",
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
    "upload.rejected": {"nl": "Bestand geweigerd: {n} fout(en). Er is niets bewaard.",
                        "fr": "Fichier refusé : {n} erreur(s). Rien n'a été enregistré.",
                        "en": "File rejected: {n} error(s). Nothing was stored."},
    "upload.more_errors": {"nl": "En nog {n} fout(en).", "fr": "Et encore {n} erreur(s).",
                           "en": "And {n} more error(s)."},
    "upload.download_report": {"nl": "Foutenrapport downloaden (CSV)", "fr": "Télécharger le rapport d'erreurs (CSV)",
                               "en": "Download the error report (CSV)"},
    "upload.valid": {"nl": "Bestand in orde: {rows} rijen. Nog niet bewaard.",
                     "fr": "Fichier valide : {rows} lignes. Pas encore enregistré.",
                     "en": "File is valid: {rows} rows. Not stored yet."},
    "upload.confirm": {"nl": "Bewaren", "fr": "Enregistrer", "en": "Store"},
    "upload.stored": {"nl": "Bewaard: {rows} rijen.", "fr": "Enregistré : {rows} lignes.",
                      "en": "Stored: {rows} rows."},
    "upload.rows_new": {"nl": "Nieuwe rijen", "fr": "Nouvelles lignes", "en": "New rows"},
    "upload.rows_replaced": {"nl": "Vervangen rijen", "fr": "Lignes remplacées", "en": "Replaced rows"},
    "upload.rows_unchanged": {"nl": "Ongewijzigde rijen", "fr": "Lignes inchangées", "en": "Unchanged rows"},
    "upload.history": {"nl": "Eerdere uploads", "fr": "Chargements précédents", "en": "Upload history"},
    "upload.no_history": {"nl": "Nog niets opgeladen.", "fr": "Rien n'a encore été chargé.",
                          "en": "Nothing uploaded yet."},
    "upload.error.file": {"nl": "Bestand", "fr": "Fichier", "en": "File"},
    "upload.error.line": {"nl": "Regel", "fr": "Ligne", "en": "Line"},
    "upload.error.column": {"nl": "Kolom", "fr": "Colonne", "en": "Column"},
    "upload.error.value": {"nl": "Gevonden waarde", "fr": "Valeur trouvée", "en": "Value found"},
    "upload.error.expected": {"nl": "Verwacht", "fr": "Attendu", "en": "Expected"},
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
    # Data and settings
    "data.title": {"nl": "Gegevens en instellingen", "fr": "Données et paramètres", "en": "Data and settings"},
    "data.database_demo": {"nl": "Getoond: de demo-organisatie.", "fr": "Affiché : l'organisation de démonstration.",
                           "en": "Shown: the demo organisation."},
    "data.database_real": {"nl": "Getoond: de gegevens van uw organisatie.",
                           "fr": "Affiché : les données de votre organisation.",
                           "en": "Shown: your organisation's data."},
    "data.coverage": {"nl": "Opgeladen maanden en soorten", "fr": "Mois et types chargés",
                      "en": "Months and kinds loaded"},
    "data.span": {"nl": "Van {first} tot {last} ({months} maanden).", "fr": "De {first} à {last} ({months} mois).",
                  "en": "From {first} to {last} ({months} months)."},
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
        "nl": "Dit account is vergrendeld na te veel mislukte pogingen, tot {until}. Probeer daarna opnieuw "
              "of vraag de beheerder het te ontgrendelen.",
        "fr": "Ce compte est verrouillé après trop de tentatives échouées, jusqu'à {until}. Réessayez ensuite "
              "ou demandez à l'administrateur de le déverrouiller.",
        "en": "This account is locked after too many failed attempts, until {until}. Try again then "
              "or ask the administrator to unlock it.",
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
    """The text for `key` in `lang`, with `{placeholders}` filled from `values`."""
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}; expected one of {LANGUAGES}.")
    template = TEXTS[key][lang]
    return template.format(**values) if values else template
