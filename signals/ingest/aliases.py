"""Dutch, French and German names for the contract's column names and codes.

HR exports from a Flemish, Walloon or East Belgian payroll system name their
columns "afdeling", "département" or "Abteilung" and write "ziekte", "maladie"
or "Krankheit". The contract's
English names stay the canonical ones (they are what is stored); this table
lists what else is accepted, in one place, so a new column or code is one more
entry. Names and codes are compared after `normalise`: trimmed, lower case,
accents dropped, and every run of spaces, hyphens, dots or apostrophes read as
one '_' ("Date de début" = "date_de_debut").

The first Dutch, French and German alias of each entry is the one the templates write.
The table also holds the columns and codes of the contract's second version
(decision, request_type, observations, survey, serious_event): a kind that is
not ingested yet simply never asks for them.
"""

from __future__ import annotations

import re
import unicodedata

# column -> language -> accepted names (the first is the one shown in that language)
COLUMN_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "month": {"nl": ("maand",), "fr": ("mois",), "de": ("monat",)},
    "department": {"nl": ("afdeling", "dienst"), "fr": ("service", "département"),
                   "de": ("abteilung", "dienst")},
    "headcount": {"nl": ("personeelsaantal", "aantal_werknemers", "personeel"),
                  "fr": ("effectif", "nombre_travailleurs", "effectifs"),
                  "de": ("personalbestand", "anzahl_arbeitnehmer", "personal")},
    "fte": {"nl": ("vte",), "fr": ("etp",), "de": ("vzä", "vollzeitäquivalente")},
    "hours_worked": {"nl": ("gewerkte_uren", "gepresteerde_uren"),
                     "fr": ("heures_prestées", "heures_travaillées"),
                     "de": ("geleistete_stunden", "arbeitsstunden", "gearbeitete_stunden")},
    "employee_id": {"nl": ("werknemer_id", "medewerker", "medewerker_id", "werknemer",
                           "personeelsnummer"),
                    "fr": ("travailleur_id", "matricule", "travailleur", "id_travailleur"),
                    "de": ("personalnummer", "arbeitnehmer_id", "mitarbeiter_id", "arbeitnehmer", "mitarbeiter")},
    "start_date": {"nl": ("begindatum", "startdatum"), "fr": ("date_début", "date_de_début"),
                   "de": ("beginndatum", "anfangsdatum", "startdatum")},
    "end_date": {"nl": ("einddatum",), "fr": ("date_fin", "date_de_fin"), "de": ("enddatum",)},
    "absence_type": {"nl": ("afwezigheidstype", "type_afwezigheid", "soort_afwezigheid"),
                     "fr": ("type_absence", "type_d_absence"),
                     "de": ("abwesenheitsart", "art_der_abwesenheit")},
    "date": {"nl": ("datum",), "fr": ("date",), "de": ("datum",)},
    "event": {"nl": ("gebeurtenis",), "fr": ("événement",), "de": ("ereignis",)},
    "reason": {"nl": ("reden",), "fr": ("motif", "raison"), "de": ("grund",)},
    "incident_id": {"nl": ("incidentnummer", "incident_nr"), "fr": ("numéro_incident", "id_incident"),
                    "de": ("vorfallnummer", "vorfall_nr")},
    "category": {"nl": ("categorie",), "fr": ("catégorie",), "de": ("kategorie",)},
    "days_lost": {"nl": ("verloren_dagen", "dagen_verloren"), "fr": ("jours_perdus",),
                  "de": ("ausfalltage", "verlorene_tage")},
    "request_id": {"nl": ("verzoeknummer", "verzoek_id", "aanvraag_id"),
                   "fr": ("numéro_demande", "id_demande", "demande_id"),
                   "de": ("antragsnummer", "antrag_id")},
    "request_date": {"nl": ("datum_verzoek", "verzoekdatum", "aanvraagdatum"),
                     "fr": ("date_demande", "date_de_la_demande"),
                     "de": ("antragsdatum", "datum_antrag")},
    "request_type": {"nl": ("soort_verzoek", "type_verzoek"), "fr": ("type_demande", "type_de_demande"),
                     "de": ("antragsart", "art_des_antrags")},
    "initiator": {"nl": ("initiatiefnemer", "aanvrager"), "fr": ("initiateur", "demandeur"),
                  "de": ("antragsteller",)},
    "decision": {"nl": ("beslissing",), "fr": ("décision",), "de": ("entscheidung",)},
    "decision_date": {"nl": ("datum_beslissing", "beslissingsdatum"),
                      "fr": ("date_décision", "date_de_décision"),
                      "de": ("entscheidungsdatum", "datum_entscheidung")},
    "outcome": {"nl": ("uitkomst", "resultaat"), "fr": ("issue", "résultat"), "de": ("ergebnis",)},
    "outcome_date": {"nl": ("datum_uitkomst", "datum_resultaat"),
                     "fr": ("date_issue", "date_résultat"),
                     "de": ("ergebnisdatum", "datum_ergebnis")},
    "measure": {"nl": ("maatstaf", "meting"), "fr": ("mesure",), "de": ("kennzahl", "messgröße")},
    "count": {"nl": ("aantal",), "fr": ("nombre",), "de": ("anzahl",)},
    "base": {"nl": ("basis", "noemer"), "fr": ("base", "dénominateur"), "de": ("basis", "nenner")},
    "source": {"nl": ("bron",), "fr": ("source",), "de": ("quelle",)},
    "domain": {"nl": ("domein",), "fr": ("domaine",), "de": ("bereich",)},
    "respondents": {"nl": ("respondenten", "deelnemers"), "fr": ("répondants",),
                    "de": ("befragte", "teilnehmer")},
    "score": {"nl": ("score",), "fr": ("score",), "de": ("punktzahl", "score")},
    "score_sd": {"nl": ("standaardafwijking", "score_sd"), "fr": ("écart_type", "score_écart_type"),
                 "de": ("standardabweichung",)},
}

_OTHER = {"nl": ("andere", "ander", "overige"), "fr": ("autre", "autres"),
          "de": ("sonstige", "andere", "sonstiges")}
_WORK_ACCIDENT = {"nl": ("arbeidsongeval",), "fr": ("accident_du_travail", "accident_de_travail"),
                  "de": ("arbeitsunfall",)}
_PENDING = {"nl": ("lopend", "in_behandeling"), "fr": ("en_cours", "en_attente"),
            "de": ("laufend", "in_bearbeitung")}
_STOPPED = {"nl": ("gestopt", "stopgezet"), "fr": ("arrêté", "arrêt"),
            "de": ("abgebrochen", "beendet")}

# column -> code -> language -> accepted codes (the first is the one shown in that language)
CODE_ALIASES: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "absence_type": {
        "illness": {"nl": ("ziekte",), "fr": ("maladie",), "de": ("krankheit",)},
        "work_accident": _WORK_ACCIDENT,
        "occupational_disease": {"nl": ("beroepsziekte",), "fr": ("maladie_professionnelle",),
                                 "de": ("berufskrankheit",)},
        "other": _OTHER,
    },
    "event": {
        "hire": {"nl": ("indiensttreding", "instroom", "aanwerving"),
                 "fr": ("entrée", "embauche", "engagement"), "de": ("eintritt", "einstellung")},
        "exit": {"nl": ("uitdiensttreding", "uitstroom", "vertrek"), "fr": ("sortie", "départ"),
                 "de": ("austritt", "abgang")},
    },
    "reason": {
        "voluntary": {"nl": ("vrijwillig",), "fr": ("volontaire", "démission"),
                      "de": ("freiwillig", "eigenkündigung")},
        "involuntary": {"nl": ("onvrijwillig", "ontslag"), "fr": ("involontaire", "licenciement"),
                        "de": ("unfreiwillig", "entlassung")},
        "retirement": {"nl": ("pensioen", "pensionering"), "fr": ("retraite", "pension"),
                       "de": ("ruhestand", "pension", "rente")},
        "end_of_contract": {"nl": ("einde_contract", "einde_overeenkomst"),
                            "fr": ("fin_de_contrat", "fin_contrat"),
                            "de": ("vertragsende", "ende_des_vertrags")},
        "other": _OTHER,
    },
    "category": {
        "work_accident": _WORK_ACCIDENT,
        "commuting_accident": {"nl": ("ongeval_op_de_weg", "arbeidswegongeval"),
                               "fr": ("accident_sur_le_chemin", "accident_de_trajet"),
                               "de": ("wegeunfall",)},
        "near_miss": {"nl": ("bijna_ongeval",), "fr": ("presque_accident", "quasi_accident"),
                      "de": ("beinaheunfall",)},
        "aggression": {"nl": ("agressie",), "fr": ("agression",), "de": ("aggression",)},
        "psychosocial_informal": {"nl": ("psychosociaal_informeel",), "fr": ("psychosocial_informel",),
                                  "de": ("psychosozial_informell",)},
        "psychosocial_formal": {"nl": ("psychosociaal_formeel",), "fr": ("psychosocial_formel",),
                                "de": ("psychosozial_formell",)},
        "harassment": {"nl": ("pesterijen", "grensoverschrijdend_gedrag", "intimidatie"),
                       "fr": ("harcèlement",), "de": ("belästigung", "mobbing")},
        "serious_event": {"nl": ("ernstige_gebeurtenis",), "fr": ("événement_grave",),
                          "de": ("schweres_ereignis",)},
        "other": _OTHER,
    },
    "request_type": {
        "trajectory": {"nl": ("traject", "re_integratietraject"), "fr": ("trajet", "trajet_de_réintégration"),
                       "de": ("wiedereingliederungsverfahren", "wiedereingliederungsplan",
                              "verfahren")},
        "pre_return_visit": {"nl": ("bezoek_voor_werkhervatting",), "fr": ("visite_de_pré_reprise",),
                             "de": ("besuch_vor_wiederaufnahme",)},
        "preventive": {"nl": ("preventief",), "fr": ("préventif",), "de": ("präventiv",)},
    },
    "initiator": {
        "worker": {"nl": ("werknemer",), "fr": ("travailleur",), "de": ("arbeitnehmer",)},
        "treating_physician": {"nl": ("behandelend_arts", "behandelende_arts"),
                               "fr": ("médecin_traitant",), "de": ("behandelnder_arzt",)},
        "advisory_physician": {"nl": ("adviserend_arts", "adviserend_geneesheer"),
                               "fr": ("médecin_conseil",),
                               "de": ("beratender_arzt", "vertrauensarzt")},
        "employer": {"nl": ("werkgever",), "fr": ("employeur",), "de": ("arbeitgeber",)},
    },
    "decision": {
        "pending": _PENDING,
        "temporary_adapted_work": {"nl": ("tijdelijk_aangepast_werk",), "fr": ("travail_adapté_temporaire",),
                                   "de": ("vorübergehend_angepasste_arbeit",)},
        "temporary_no_work": {"nl": ("tijdelijk_geen_werk",), "fr": ("pas_de_travail_temporaire",),
                              "de": ("vorübergehend_keine_arbeit",)},
        "definitive_adapted_work": {"nl": ("definitief_aangepast_werk",), "fr": ("travail_adapté_définitif",),
                                    "de": ("endgültig_angepasste_arbeit",)},
        "definitive_no_work": {"nl": ("definitief_geen_werk",), "fr": ("pas_de_travail_définitif",),
                               "de": ("endgültig_keine_arbeit",)},
        "not_assessable": {"nl": ("niet_beoordeelbaar",), "fr": ("non_évaluable", "pas_évaluable"),
                           "de": ("nicht_beurteilbar",)},
    },
    "outcome": {
        # the contract's first version
        "pending": _PENDING,
        "adapted_work": {"nl": ("aangepast_werk",), "fr": ("travail_adapté",),
                         "de": ("angepasste_arbeit",)},
        "other_work": {"nl": ("ander_werk",), "fr": ("autre_travail",), "de": ("andere_arbeit",)},
        "no_work_possible": {"nl": ("geen_werk_mogelijk",), "fr": ("aucun_travail_possible",),
                             "de": ("keine_arbeit_möglich",)},
        "definitively_unfit": {"nl": ("definitief_ongeschikt",), "fr": ("définitivement_inapte",),
                               "de": ("endgültig_untauglich",)},
        "stopped": _STOPPED,
        # the second version
        "returned_same_work": {"nl": ("terug_zelfde_werk",), "fr": ("reprise_même_travail",),
                               "de": ("rückkehr_gleiche_arbeit",)},
        "returned_adapted_work": {"nl": ("terug_aangepast_werk",), "fr": ("reprise_travail_adapté",),
                                  "de": ("rückkehr_angepasste_arbeit",)},
        "returned_other_work": {"nl": ("terug_ander_werk",), "fr": ("reprise_autre_travail",),
                                "de": ("rückkehr_andere_arbeit",)},
        "ended_medical_force_majeure": {"nl": ("medische_overmacht",), "fr": ("force_majeure_médicale",),
                                        "de": ("medizinische_höhere_gewalt",)},
        "ended_other": {"nl": ("anders_beëindigd",), "fr": ("fin_autre",),
                        "de": ("anders_beendet",)},
    },
    "measure": {
        "back_complaints": {"nl": ("rugklachten",), "fr": ("plaintes_de_dos", "maux_de_dos"),
                            "de": ("rückenbeschwerden",)},
        "psychological_complaints": {"nl": ("psychische_klachten",), "fr": ("plaintes_psychologiques",),
                                     "de": ("psychische_beschwerden",)},
        "presenteeism": {"nl": ("presenteïsme",), "fr": ("présentéisme",), "de": ("präsentismus",)},
        "quality_incidents": {"nl": ("kwaliteitsincidenten",), "fr": ("incidents_de_qualité",),
                              "de": ("qualitätsvorfälle",)},
        "complaints": {"nl": ("klachten",), "fr": ("plaintes",), "de": ("beschwerden",)},
    },
    "source": {
        "occupational_physician": {"nl": ("arbeidsarts", "arbeidsgeneesheer"), "fr": ("médecin_du_travail",),
                                   "de": ("arbeitsmediziner", "arbeitsarzt")},
        "psychosocial_adviser": {"nl": ("preventieadviseur_psychosociaal",),
                                 "fr": ("conseiller_en_prévention_psychosocial", "conseiller_psychosocial"),
                                 "de": ("präventionsberater_psychosoziale_aspekte",
                                        "psychosozialer_präventionsberater")},
        "hr": {"nl": ("personeelsdienst",), "fr": ("rh", "ressources_humaines"),
               "de": ("personalabteilung",)},
        "committee": {"nl": ("comité", "comité_pbw"), "fr": ("comité", "cppt"),
                      "de": ("ausschuss", "ags")},
    },
    "domain": {
        "work_organisation": {"nl": ("arbeidsorganisatie",), "fr": ("organisation_du_travail",),
                              "de": ("arbeitsorganisation",)},
        "work_content": {"nl": ("arbeidsinhoud",), "fr": ("contenu_du_travail",),
                         "de": ("arbeitsinhalt",)},
        "employment_conditions": {"nl": ("arbeidsvoorwaarden",),
                                  "fr": ("conditions_de_travail", "conditions_d_emploi"),
                                  "de": ("arbeitsbedingungen", "beschäftigungsbedingungen")},
        "working_conditions": {"nl": ("arbeidsomstandigheden",), "fr": ("conditions_de_vie_au_travail",),
                               "de": ("lebensbedingungen_bei_der_arbeit", "arbeitsumfeld")},
        "interpersonal_relations": {"nl": ("interpersoonlijke_relaties",), "fr": ("relations_interpersonnelles",),
                                    "de": ("zwischenmenschliche_beziehungen",)},
        "exhaustion": {"nl": ("uitputting",), "fr": ("épuisement",), "de": ("erschöpfung",)},
    },
}

_SEPARATORS = re.compile(r"[^a-z0-9]+")


def normalise(name: str) -> str:
    """'  Date de Début ' -> 'date_de_debut': the form names and codes are compared in."""
    decomposed = unicodedata.normalize("NFKD", str(name).strip().lower())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SEPARATORS.sub("_", plain).strip("_")


def _header_lookup() -> dict[str, str]:
    lookup = {normalise(column): column for column in COLUMN_ALIASES}
    for column, names in COLUMN_ALIASES.items():
        for aliases in names.values():
            for alias in aliases:
                lookup.setdefault(normalise(alias), column)
    return lookup


HEADER_LOOKUP = _header_lookup()


def canonical_column(name: str) -> str:
    """The contract's name for a header cell, or the cell itself (trimmed, lower case)."""
    return HEADER_LOOKUP.get(normalise(name), name.strip().lower())


def canonical_header(header: list[str]) -> list[str]:
    return [canonical_column(name) if name else name for name in header]


def code_lookup(column: str, allowed: tuple[str, ...]) -> dict[str, str]:
    """Normalised accepted value -> code, for the codes `allowed` in `column`."""
    lookup = {normalise(code): code for code in allowed}
    for code, names in CODE_ALIASES.get(column, {}).items():
        if code not in allowed:
            continue
        for aliases in names.values():
            for alias in aliases:
                lookup.setdefault(normalise(alias), code)
    return lookup


def column_name(column: str, lang: str) -> str:
    """The header a template in `lang` writes for `column` (English: the contract's name)."""
    return COLUMN_ALIASES.get(column, {}).get(lang, (column,))[0]


def code_name(column: str, code: str, lang: str) -> str:
    """The value a template in `lang` writes for `code`."""
    return CODE_ALIASES.get(column, {}).get(code, {}).get(lang, (code,))[0]
