"""'How the signals work', in plain words, in Dutch, French, English and German.

In the spirit of the NHS "Making Data Count" guides: what the expected value and the
limits are, which rules make a signal, what a watch and an alert ask of the reader,
and why a team can be hidden. The technical names (3 sigma, CUSUM, funnel plot) are
kept here, in brackets, for the reader who wants them; the other screens use the
plain words. `sections(lang)` gives (title, Markdown) pairs; `rule_rows(lang)` the
table of rules.
"""

from __future__ import annotations

from .sentences import RULE_NAMES

INTRO = {
    "nl": "Elke maand vergelijkt het dashboard elke indicator van elke dienst met **de eigen "
          "geschiedenis van die dienst**. Het vraagt twee dingen: is dit ongewoon hoog voor dit "
          "team, en stijgt het? Een signaal is een reden om te kijken en te praten, geen oordeel "
          "en geen diagnose. Het gaat altijd over een groep, nooit over een persoon.",
    "fr": "Chaque mois, le tableau de bord compare chaque indicateur de chaque service à "
          "**l'historique propre de ce service**. Il pose deux questions\u202f: est-ce "
          "inhabituellement élevé pour cette équipe, et est-ce en hausse\u202f? Un signal est une "
          "raison de regarder et d'en parler, pas un jugement ni un diagnostic. Il porte toujours "
          "sur un groupe, jamais sur une personne.",
    "en": "Every month the dashboard compares each indicator of each department with **that "
          "department's own history**. It asks two questions: is this unusually high for this "
          "team, and is it rising? A signal is a reason to look and to talk, not a judgement and "
          "not a diagnosis. It is always about a group, never about a person.",
    "de": "Jeden Monat vergleicht das Dashboard jeden Indikator jeder Abteilung mit **der eigenen "
          "Vorgeschichte dieser Abteilung**. Es stellt zwei Fragen: Ist das für dieses Team "
          "ungewöhnlich hoch, und steigt es? Ein Signal ist ein Grund, hinzusehen und darüber zu "
          "sprechen, kein Urteil und keine Diagnose. Es betrifft immer eine Gruppe, nie eine "
          "Person.",
}

SECTIONS = {
    "expected": {
        "title": {"nl": "De verwachte waarde", "fr": "La valeur attendue", "en": "The expected value",
                  "de": "Der erwartete Wert"},
        "nl": "De **verwachte waarde** (de zwarte streepjeslijn) is wat dit team gewoonlijk haalt: "
              "het gemiddelde van de 12 tot 24 vorige maanden van de dienst, aangepast aan het "
              "seizoen (zo is griep in de winter geen verrassing) en aan het aantal mensen of "
              "gewerkte uren van de maand. De 3 meest recente maanden tellen niet mee, zodat een "
              "beginnende stijging haar eigen verwachting niet optrekt. Maanden die al ver boven "
              "de grens lagen, tellen ook niet mee: de verwachting loopt niet mee met een team "
              "dat achteruitgaat.",
        "fr": "La **valeur attendue** (la ligne noire en tirets) est ce que cette équipe atteint "
              "habituellement\u202f: la moyenne des 12 à 24 mois précédents du service, corrigée "
              "pour la saison (la grippe en hiver n'est pas une surprise) et pour le nombre de "
              "personnes ou d'heures prestées du mois. Les 3 mois les plus récents ne comptent pas, "
              "pour qu'une hausse naissante ne relève pas sa propre attente. Les mois déjà bien "
              "au-dessus de la limite ne comptent pas non plus\u202f: l'attente ne suit pas une "
              "équipe qui se dégrade.",
        "en": "The **expected value** (the black dashed line) is what this team usually shows: "
              "the average of the department's previous 12 to 24 months, adjusted for the season "
              "(flu in winter is no surprise) and for the month's number of people or hours "
              "worked. The 3 most recent months do not count, so that a starting rise does not "
              "lift its own expectation. Months already far above the limit do not count either: "
              "the expectation does not follow a team that is getting worse.",
        "de": "Der **erwartete Wert** (die schwarze gestrichelte Linie) ist das, was dieses Team "
              "gewöhnlich zeigt: der Durchschnitt der 12 bis 24 vorherigen Monate der Abteilung, "
              "angepasst an die Jahreszeit (Grippe im Winter ist keine Überraschung) und an die "
              "Zahl der Personen oder der geleisteten Arbeitsstunden des Monats. Die 3 jüngsten "
              "Monate zählen nicht mit, damit ein beginnender Anstieg seinen eigenen "
              "Erwartungswert nicht anhebt. Monate, die schon weit über der Grenze lagen, zählen "
              "ebenfalls nicht: Der Erwartungswert folgt keinem Team, dem es schlechter geht.",
    },
    "limits": {
        "title": {"nl": "De grenzen", "fr": "Les limites", "en": "The limits", "de": "Die Grenzen"},
        "nl": "Cijfers schommelen altijd een beetje, zeker in kleine teams. De **grenzen** tonen "
              "hoe ver een maand door toeval alleen kan afwijken. De **waarschuwingsgrens** (oranje "
              "stippellijn) wordt door toeval ongeveer 1 maand op 45 overschreden, de "
              "**alarmgrens** (rode streepjeslijn) ongeveer 1 maand op 740 (technisch: 2 en 3 "
              "sigma, met een correctie voor extra spreiding). Kleine teams hebben bredere "
              "grenzen. Grenzen hebben **minstens 12 maanden geschiedenis** van de dienst nodig, "
              "vóór de 3 recentste maanden: ze beginnen dus pas in de 16e maand met gegevens; "
              "de trendgrafiek toont waar ze beginnen.",
        "fr": "Les chiffres varient toujours un peu, surtout dans les petites équipes. Les "
              "**limites** montrent jusqu'où un mois peut s'écarter par le seul hasard. La "
              "**limite de vigilance** (pointillé orange) est dépassée par hasard environ 1 mois "
              "sur 45, la **limite d'alerte** (tirets rouges) environ 1 mois sur 740 (en termes "
              "techniques\u202f: 2 et 3 sigma, corrigés pour une dispersion supplémentaire). Les "
              "petites équipes ont des limites plus larges. Les limites demandent **au moins 12 "
              "mois d'historique** du service, avant les 3 mois les plus récents\u202f: elles "
              "commencent donc au 16e mois de données\u202f; le graphique de tendance montre "
              "où elles commencent.",
        "en": "Figures always move a little, especially in small teams. The **limits** show how "
              "far a month can stray by chance alone. The **watch limit** (orange dotted line) is "
              "crossed by chance about 1 month in 45, the **alert limit** (red dashed line) about "
              "1 month in 740 (technically: 2 and 3 sigma, corrected for extra spread). Small "
              "teams have wider limits. Limits need **at least 12 months of the department's "
              "history** before the 3 most recent months: so they start in the 16th month with "
              "data; the trend chart shows where they start.",
        "de": "Zahlen schwanken immer ein wenig, besonders in kleinen Teams. Die **Grenzen** "
              "zeigen, wie weit ein Monat allein durch Zufall abweichen kann. Die **Warngrenze** "
              "(orange gepunktete Linie) wird durch Zufall etwa 1 Monat von 45 überschritten, die "
              "**Alarmgrenze** (rote gestrichelte Linie) etwa 1 Monat von 740 (technisch: 2 und 3 "
              "Sigma, korrigiert für zusätzliche Streuung). Kleine Teams haben weitere Grenzen. "
              "Grenzen brauchen **mindestens 12 Monate Vorgeschichte der Abteilung** vor den 3 "
              "jüngsten Monaten: Sie beginnen also im 16. Monat mit Daten; die Trendgrafik zeigt, "
              "wo sie beginnen.",
    },
    "levels": {
        "title": {"nl": "Opvolgen en alarm", "fr": "À suivre et alerte", "en": "Watch and alert",
                  "de": "Beobachten und Alarm"},
        "nl": "▲ **Opvolgen**: iets beweegt; hou het in het oog en kijk volgende maand opnieuw. "
              "Door toeval alleen krijgt een dienst hoogstens ongeveer één zo'n signaal per "
              "indicator om de twee jaar.\n\n"
              "■ **Alarm**: zeer ongewoon voor dit team; bespreek het met de dienst en de "
              "preventieadviseur. Door toeval alleen hoogstens ongeveer één per indicator om de "
              "vier jaar.\n\n"
              "**Sinds** is de eerste maand van de huidige ononderbroken reeks maanden met een "
              "signaal voor die dienst en indicator; **maanden op rij** is het aantal maanden in "
              "die reeks; **deze maand** is de gekozen maand, en de waarde van deze maand is de "
              "waarde, nooit een grens.",
        "fr": "▲ **À suivre**\u202f: quelque chose bouge\u202f; gardez-le à l'œil et regardez à "
              "nouveau le mois prochain. Par le seul hasard, un service reçoit au plus environ un "
              "tel signal par indicateur tous les deux ans.\n\n"
              "■ **Alerte**\u202f: très inhabituel pour cette équipe\u202f; parlez-en avec le service "
              "et le conseiller en prévention. Par le seul hasard, au plus environ une par "
              "indicateur tous les quatre ans.\n\n"
              "**Depuis** est le premier mois de la série ininterrompue actuelle de mois avec un "
              "signal pour ce service et cet indicateur\u202f; **mois consécutifs** est le nombre "
              "de mois de cette série\u202f; **ce mois-ci** est le mois choisi, et la valeur de ce "
              "mois est la valeur, jamais une limite.",
        "en": "▲ **Watch**: something is moving; keep an eye on it and look again next month. By "
              "chance alone a department gets at most about one such signal per indicator every "
              "two years.\n\n"
              "■ **Alert**: very unusual for this team; discuss it with the department and the "
              "prevention adviser. By chance alone at most about one per indicator every four "
              "years.\n\n"
              "**Since** is the first month of the current uninterrupted run of months with a "
              "signal for that department and indicator; **months in a row** is the number of "
              "months in that run; **this month** is the month chosen, and this month's value is "
              "the value, never a limit.",
        "de": "▲ **Beobachten**: Etwas bewegt sich; behalten Sie es im Auge und sehen Sie "
              "nächsten Monat wieder nach. Allein durch Zufall erhält eine Abteilung höchstens "
              "etwa ein solches Signal pro Indikator alle zwei Jahre.\n\n■ **Alarm**: Sehr "
              "ungewöhnlich für dieses Team; besprechen Sie es mit der Abteilung und dem "
              "Präventionsberater. Allein durch Zufall höchstens etwa eines pro Indikator alle "
              "vier Jahre.\n\n**Seit** ist der erste Monat der aktuellen ununterbrochenen Folge "
              "von Monaten mit einem Signal für diese Abteilung und diesen Indikator; **Monate in "
              "Folge** ist die Zahl der Monate dieser Folge; **dieser Monat** ist der gewählte "
              "Monat, und der Wert dieses Monats ist der Wert, nie eine Grenze.",
    },
    "hidden": {
        "title": {"nl": "Waarom een team verborgen kan zijn", "fr": "Pourquoi une équipe peut être masquée",
                  "en": "Why a team can be hidden", "de": "Warum ein Team verborgen sein kann"},
        "nl": "In een kleine groep kan een cijfer naar een persoon wijzen (\"de enige "
              "afwezige in een team van 6\"). Daarom toont het dashboard geen cijfer van een "
              "groep kleiner dan de minimale groepsgrootte (standaard 10), en rekent het er ook "
              "niet mee. Soms moet ook een **tweede dienst** verborgen worden: anders kan "
              "iemand het verborgen cijfer terugrekenen door de andere diensten af te trekken van "
              "het totaal van de organisatie (aanvullende onderdrukking). Een verborgen vak is "
              "dus geen fout en geen nul.",
        "fr": "Dans un petit groupe, un chiffre peut désigner une personne (\"le seul absent "
              "d'une équipe de 6\"). Le tableau de bord ne montre donc aucun chiffre d'un groupe "
              "plus petit que la taille minimale (10 par défaut), et n'en tient pas compte. "
              "Parfois un **deuxième service** doit aussi être masqué\u202f: sinon on pourrait "
              "retrouver le chiffre masqué en soustrayant les autres services du total de "
              "l'organisation (suppression complémentaire). Une case masquée n'est donc ni une "
              "erreur ni un zéro.",
        "en": "In a small group a figure can point at a person (\"the only one absent in a team "
              "of 6\"). So the dashboard shows no figure of a group smaller than the minimum group "
              "size (10 by default), and does not compute with it. Sometimes a **second "
              "department** must be hidden as well: otherwise someone could work the hidden "
              "figure out by subtracting the other departments from the organisation's total "
              "(complementary suppression). A hidden cell is neither a mistake nor a zero.",
        "de": "In einer kleinen Gruppe kann eine Zahl auf eine Person zeigen (\"die einzige "
              "Abwesende in einem Team von 6\"). Deshalb zeigt das Dashboard keine Zahl einer "
              "Gruppe, die kleiner ist als die Mindestgruppengröße (standardmäßig 10), und "
              "rechnet nicht mit ihr. Manchmal muss auch eine **zweite Abteilung** verborgen "
              "werden: Sonst könnte jemand die verborgene Zahl ermitteln, indem er die anderen "
              "Abteilungen vom Gesamtwert der Organisation abzieht (komplementäre Unterdrückung). "
              "Eine verborgene Zelle ist weder ein Fehler noch eine Null.",
    },
}

# Each rule in plain words, with its technical name.
RULE_EXPLANATIONS = {
    "beyond_upper_limit": {
        "nl": "Deze maand boven de alarmgrens (3 sigma).",
        "fr": "Ce mois-ci au-dessus de la limite d'alerte (3 sigma).",
        "en": "This month above the alert limit (3 sigma).",
        "de": "Dieser Monat über der Alarmgrenze (3 Sigma).",
    },
    "cusum_shift": {
        "nl": "Maand na maand een beetje te hoog, opgeteld tot het duidelijk is: een aanhoudende "
              "stijging (CUSUM, ontworpen om een verdubbeling te vinden).",
        "fr": "Mois après mois un peu trop haut, cumulé jusqu'à ce que ce soit clair\u202f: une "
              "hausse persistante (CUSUM, conçu pour détecter un doublement).",
        "en": "Month after month a little too high, added up until it is clear: a sustained rise "
              "(CUSUM, designed to find a doubling).",
        "de": "Monat für Monat etwas zu hoch, aufsummiert, bis es deutlich ist: ein anhaltender "
              "Anstieg (CUSUM, ausgelegt, um eine Verdopplung zu finden).",
    },
    "three_months_high": {
        "nl": "De laatste 3 maanden samen duidelijk boven wat verwacht werd (kans door toeval 0,1 %).",
        "fr": "Les 3 derniers mois ensemble nettement au-dessus de l'attendu (probabilité par "
              "hasard 0,1 %).",
        "en": "The last 3 months together clearly above what was expected (chance 0.1%).",
        "de": "Die letzten 3 Monate zusammen deutlich über dem Erwarteten (Zufall 0,1 %).",
    },
    "funnel_outlier": {
        "nl": "Over 12 maanden hoger dan de rest van de organisatie, rekening houdend met de "
              "grootte van de dienst (trechterdiagram, grens 99,8 %).",
        "fr": "Sur 12 mois plus élevé que le reste de l'organisation, compte tenu de la taille du "
              "service (graphique en entonnoir, limite 99,8 %).",
        "en": "Over 12 months higher than the rest of the organisation, allowing for the "
              "department's size (funnel plot, 99.8% limit).",
        "de": "Über 12 Monate höher als der Rest der Organisation, unter Berücksichtigung der "
              "Größe der Abteilung (Trichterdiagramm, Grenze 99,8 %).",
    },
    "three_months_raised": {
        "nl": "De laatste 3 maanden samen boven wat verwacht werd (kans door toeval 2 %).",
        "fr": "Les 3 derniers mois ensemble au-dessus de l'attendu (probabilité par hasard 2 %).",
        "en": "The last 3 months together above what was expected (chance 2%).",
        "de": "Die letzten 3 Monate zusammen über dem Erwarteten (Zufall 2 %).",
    },
    "cusum_early": {
        "nl": "Dezelfde optelsom halfweg: mogelijk begint een stijging (CUSUM).",
        "fr": "Le même cumul à mi-chemin\u202f: une hausse commence peut-être (CUSUM).",
        "en": "The same running sum halfway: a rise may be starting (CUSUM).",
        "de": "Dieselbe laufende Summe auf halbem Weg: Ein Anstieg könnte beginnen (CUSUM).",
    },
    "two_of_three_high": {
        "nl": "2 van de laatste 3 maanden boven de waarschuwingsgrens (2 sigma).",
        "fr": "2 des 3 derniers mois au-dessus de la limite de vigilance (2 sigma).",
        "en": "2 of the last 3 months above the watch limit (2 sigma).",
        "de": "2 der letzten 3 Monate über der Warngrenze (2 Sigma).",
    },
    "run_above_centre": {
        "nl": "7 maanden na elkaar boven de verwachte waarde (een reeks, 'run').",
        "fr": "7 mois d'affilée au-dessus de la valeur attendue (une série, «\u202frun\u202f»).",
        "en": "7 months running above the expected value (a run).",
        "de": "7 Monate in Folge über dem erwarteten Wert (eine Serie).",
    },
    "run_of_increases": {
        "nl": "6 keer na elkaar gestegen (een trend).",
        "fr": "En hausse 6 fois d'affilée (une tendance).",
        "en": "Risen 6 times running (a trend).",
        "de": "6 Mal in Folge gestiegen (ein Trend).",
    },
}

HEADERS = {
    "rule": {"nl": "Regel", "fr": "Règle", "en": "Rule", "de": "Regel"},
    "level": {"nl": "Niveau", "fr": "Niveau", "en": "Level", "de": "Stufe"},
    "meaning": {"nl": "Wat het betekent", "fr": "Ce que cela veut dire", "en": "What it means",
                "de": "Was es bedeutet"},
    "rules_title": {"nl": "De regels", "fr": "Les règles", "en": "The rules", "de": "Die Regeln"},
    "rules_intro": {
        "nl": "Een signaal ontstaat wanneer één van deze regels afgaat. Zeldzame gebeurtenissen "
              "(ongevallen, agressie, verzoeken, uitstroom) worden op aantallen en op 12 maanden "
              "beoordeeld; een ongevallengraad pas vanaf 100.000 gewerkte uren in 12 maanden.",
        "fr": "Un signal naît quand l'une de ces règles se déclenche. Les événements rares "
              "(accidents, agressions, demandes, sorties) sont jugés sur des nombres et sur 12 "
              "mois\u202f; un taux d'accidents seulement à partir de 100 000 heures prestées sur 12 mois.",
        "en": "A signal comes from one of these rules. Rare events (accidents, aggression, "
              "requests, exits) are judged on counts and on 12 months; an accident rate only from "
              "100,000 hours worked in 12 months on.",
        "de": "Ein Signal entsteht aus einer dieser Regeln. Seltene Ereignisse (Unfälle, "
              "Aggression, Anträge, Abgänge) werden nach Anzahlen und über 12 Monate beurteilt; "
              "eine Unfallrate erst ab 100.000 geleisteten Arbeitsstunden in 12 Monaten.",
    },
    "source": {
        "nl": "Naar de aanpak van NHS England, \"Making Data Count\" (statistische procescontrole).",
        "fr": "D'après l'approche de NHS England, «\u202fMaking Data Count\u202f» (maîtrise "
              "statistique des processus).",
        "en": "After NHS England's \"Making Data Count\" approach (statistical process control).",
        "de": "Nach dem Ansatz \"Making Data Count\" von NHS England (statistische "
              "Prozesslenkung).",
    },
}


def sections(lang: str) -> list[tuple[str, str]]:
    """(title, Markdown) of each section, in reading order."""
    return [(section["title"][lang], section[lang]) for section in SECTIONS.values()]


def rule_rows(lang: str) -> list[dict[str, str]]:
    """The rules, strongest first: name, level and meaning, in the language."""
    from .detection import RULE_LEVEL, RULE_ORDER

    return [{"rule": RULE_NAMES[rule][lang], "level": RULE_LEVEL[rule],
             "meaning": RULE_EXPLANATIONS[rule][lang]} for rule in RULE_ORDER]
