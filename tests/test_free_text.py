"""The free-text check: person identifiers refused, diagnosis words warned about."""

from __future__ import annotations

import pytest

from signals import free_text, store
from signals.ingest.loader import ingest_bytes
from signals.ingest.pseudonym import load_key, pseudonymise


@pytest.mark.parametrize("note, kinds", [
    ("Mme Janssens (P10136) en burn-out", ("employee_id",)),
    ("E00123 and EMP-0042 were absent", ("employee_id",)),
    ("personeelsnummer 104332", ("employee_id",)),
    ("mail naar jan.peeters@firma.be", ("email",)),
    ("85.07.30-033.28", ("national_number",)),
    ("85073003328", ("national_number",)),
    ("RRN 85 07 30 033 28", ("national_number",)),
    ("05.01.01-123.85", ("national_number",)),          # born in 2005: 2 before the digits
    ("85/07/30-033/28 en a.b@c.org", ("email", "national_number")),
    ("matricule: 4711", ("employee_id",)),
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
    "Team van 45, 12500 uren",
    "12500 heures, 12500 Stunden, 12500 hours in 2025 (12 %)",
    "Verlichting volgens EN 12464, NBN EN 12464-1 en ISO 45001",
    "85.07.30-033.61 is not a national register number: its check digits are wrong",
])
def test_collective_notes_pass(note):
    assert free_text.check_text(note).ok


def test_diagnosis_words_are_warned_about_in_three_languages():
    check = free_text.check_text("Burn-out, Depressieve klachten, DÉPRESSION, anxiety disorder")
    assert check.refused == ()
    assert check.warnings == ("Burn-out", "Depressieve", "DÉPRESSION", "anxiety disorder")
    assert free_text.check_text("épuisement professionnel").warnings == ("épuisement professionnel",)


def test_diagnosis_words_are_warned_about_in_german():
    check = free_text.check_text("Verdacht auf Depression, Angststörung und Suizidgedanken; "
                                 "zwei Mitarbeiter depressiv, Alkoholsucht, Krebs")
    assert check.refused == ()
    assert check.warnings == ("Depression", "Angststörung", "Suizidgedanken", "depressiv",
                              "Alkoholsucht", "Krebs")
    assert free_text.check_text("Teamgespräch über die Arbeitsbelastung").ok


@pytest.mark.parametrize("lang", ["nl", "fr", "en", "de"])
def test_messages_exist_in_every_language(lang):
    assert "P10136" not in free_text.refusal_message(("employee_id", "email"), lang)
    assert "burn-out" in free_text.warning_message(("burn-out",), lang)


# --- ids against the data ------------------------------------------------------------------

ABSENCES = "employee_id,department,start_date,end_date,absence_type\n"


@pytest.fixture
def stored(db_path):
    """A database with the ids JDOE7 and 4711 (absences) stored by the ingest."""
    data = ABSENCES + "JDOE7,Zorg,2025-01-06,2025-01-10,illness\n4711,Zorg,2025-02-03,,illness\n"
    assert ingest_bytes(db_path, "absences", "abs.csv", data.encode()).accepted
    return free_text.StoredIds(db_path)


@pytest.mark.parametrize("note", ["Gesprek met JDOE7 gepland", "JDOE7.", "over jdoe7",
                                  "dossier 4711 besproken", "Team (4711)"])
def test_an_original_id_stored_in_the_data_is_refused(stored, note):
    assert free_text.identifiers_in(note) == ()             # no pattern knows these ids
    assert free_text.identifiers_in(note, stored) == ("employee_id",)
    with pytest.raises(free_text.TextRefused):
        free_text.require_no_identifiers(note, stored)


@pytest.mark.parametrize("note", ["Gesprek met JDOE8 gepland", "Team van 45, 12500 uren",
                                  "EN 12464", "4712 uren overuren"])
def test_the_same_tokens_not_stored_pass(stored, note):
    assert free_text.check_text(note, stored).ok


def test_a_part_of_a_stored_pseudonym_is_refused(db_path, stored):
    with store.connect(db_path, read_only=True) as con:
        keys = [row[0] for row in con.execute("SELECT employee_key FROM absences").fetchall()]
    assert pseudonymise("JDOE7", load_key()) in keys
    for key in keys:
        for part in (key, key[:8], key[:12].upper()):
            assert free_text.identifiers_in(f"code {part} besproken", stored) == ("pseudonym",)
    # eight digits of nothing stored: a count, not a pseudonym
    assert free_text.identifiers_in("12345678 euro", stored) == ()


def test_an_all_digit_part_of_a_stored_pseudonym_is_refused(db_path, stored):
    """The pattern needs a digit and a letter; the data knows every stored pseudonym."""
    with store.connect(db_path) as con:
        con.execute("INSERT INTO turnover VALUES ('12345678901234567890123456789012', 'Zorg', "
                    "'2025-01-01', 'hire', NULL, 1)")
    assert free_text.identifiers_in("code 123456789 besproken") == ()
    assert free_text.identifiers_in("code 123456789 besproken", stored) == ("pseudonym",)


def test_without_a_key_the_patterns_still_check(db_path, stored, tmp_path, monkeypatch):
    monkeypatch.setenv("SIGNALS_KEY_FILE", str(tmp_path / "elsewhere" / "none.key"))
    keyless = free_text.StoredIds(db_path)
    assert keyless.key is None
    assert free_text.identifiers_in("Gesprek met JDOE7", keyless) == ()
    assert free_text.identifiers_in("Gesprek met P10136", keyless) == ("employee_id",)
    assert not (tmp_path / "elsewhere").exists()            # the check created no key


def test_another_databases_key_hashes_nothing(db_path, stored):
    other = free_text.StoredIds(db_path, key=b"o" * 32)
    assert free_text.identifiers_in("Gesprek met JDOE7", other) == ()


def test_a_missing_database_holds_no_ids(tmp_path):
    nowhere = free_text.StoredIds(tmp_path / "missing.duckdb")
    assert free_text.identifiers_in("JDOE7 en P10136", nowhere) == ("employee_id",)
    assert not (tmp_path / "missing.duckdb").exists()
