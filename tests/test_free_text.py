"""The free-text check: person identifiers refused, diagnosis words warned about."""

from __future__ import annotations

import pytest

from signals import free_text
from signals.ingest.pseudonym import pseudonymise


@pytest.mark.parametrize("note, kinds", [
    ("Mme Janssens (P10136) en burn-out", ("employee_id",)),
    ("E00123 and EMP-0042 were absent", ("employee_id",)),
    ("personeelsnummer 104332", ("employee_id",)),
    ("mail naar jan.peeters@firma.be", ("email",)),
    ("85.07.30-033.61", ("national_number",)),
    ("85073003361", ("national_number",)),
    ("RRN 85 07 30 033 61", ("national_number",)),
    ("85/07/30-033/61 en a.b@c.org", ("email", "national_number")),
])
def test_identifiers_are_found(note, kinds):
    assert free_text.check_text(note).refused == kinds
    with pytest.raises(free_text.TextRefused):
        free_text.require_no_identifiers(note)


def test_a_stored_pseudonym_and_a_part_of_it_are_found():
    stored = pseudonymise("P10136", b"k" * 32)
    assert free_text.identifiers_in(f"about {stored}") == ("pseudonym",)
    assert free_text.identifiers_in(f"about {stored[:10]}") == ("pseudonym",)


@pytest.mark.parametrize("note", [
    "Workload review with the team in 2026, 45 people, 12,5 % absence",
    "Afwezigheid 21,1 % sinds 2026-10: gesprek met de leidinggevende op 12/11",
    "Audit ISO 45001 gepland; 3 teams, 100.000 uren",
    "Réunion avec l'équipe le 3 mars, charge de travail élevée",
])
def test_collective_notes_pass(note):
    assert free_text.check_text(note).ok


def test_diagnosis_words_are_warned_about_in_three_languages():
    check = free_text.check_text("Burn-out, Depressieve klachten, DÉPRESSION, anxiety disorder")
    assert check.refused == ()
    assert check.warnings == ("Burn-out", "Depressieve", "DÉPRESSION", "anxiety disorder")
    assert free_text.check_text("épuisement professionnel").warnings == ("épuisement professionnel",)


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_messages_exist_in_every_language(lang):
    assert "P10136" not in free_text.refusal_message(("employee_id", "email"), lang)
    assert "burn-out" in free_text.warning_message(("burn-out",), lang)
