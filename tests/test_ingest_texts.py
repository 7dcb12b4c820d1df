"""Ingest messages in nl, fr and en: complete templates, a translated error table, warnings."""

import re
from pathlib import Path

import pytest

from signals.ingest import messages as ingest_texts
from signals.definitions import LANGUAGES
from signals.ingest.loader import validate_bytes
from signals.texts.i18n import Plural
from signals.ingest.messages import MESSAGES, Message, placeholders, render
from signals.ingest.validation import FORMAT_TYPES, RANGE_PARAMS

SIGNALS = Path(ingest_texts.__file__).parent
ABSENCES = "employee_id,department,start_date,end_date,absence_type\n"


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_nl_fr_en_with_the_same_placeholders(key):
    templates = MESSAGES[key]
    assert set(LANGUAGES) <= set(templates)       # "de" may come before LANGUAGES has it
    forms = [form for template in templates.values()
             for form in (template if isinstance(template, Plural) else (template,))]
    assert all(text.strip() for text in forms)
    assert len({frozenset(placeholders(form)) for form in forms}) == 1


def keys_written_in(path: Path) -> set[str]:
    return set(re.findall(r'"((?:expected|file|warning)\.[a-z_.]+[a-z])"', path.read_text("utf-8")))


def test_every_key_the_ingest_uses_has_a_template():
    used = set()
    for name in ("loader.py", "validation.py", "csv_dialect.py"):
        used |= keys_written_in(SIGNALS / name)
    used |= {f"expected.format.{kind}" for kind in FORMAT_TYPES}
    used |= {f"expected.range.{kind}" for kind in RANGE_PARAMS}
    assert len(used) > 25
    assert used <= set(MESSAGES), used - set(MESSAGES)


def test_numbers_are_written_in_the_language():
    message = Message("file.too_large", {"size": 1.5, "limit": 1.0})
    assert message.text("en").startswith("The file is 1.5 MB, larger than the limit of 1 MB")
    assert message.text("nl").startswith("Het bestand is 1,5 MB, meer dan de limiet van 1 MB")
    assert render("warning.empty_rows", "xx", {"count": 2}) == "2 empty rows ignored."
    assert render("warning.empty_rows", "nl", {"count": 1}) == "1 lege rij genegeerd."
    assert render("warning.empty_rows", "fr", {"count": 3}) == "3 lignes vides ignorées."


BAD_FILE = (ABSENCES
            + "E1,Zorg,2024-02-30,,\n"                 # line 2: no such date
            + "E2,Zorg,2024-03-10,2024-03-09,flu\n"    # line 3: end before start, unknown type
            + "E3,,1989-12-31,,\n"                     # line 4: no department, before 1990
            + "E2,Zorg,10/03/2024,,\n"                 # line 5: repeats line 3's key
            + "E4,Zorg\n").encode()                    # line 6: too few fields


def test_dutch_error_table_of_a_bad_file():
    result = validate_bytes("absences", "afw.csv", BAD_FILE)
    table = result.error_table("nl")
    assert list(table.columns) == ["file", "line", "column", "value", "expected"]
    assert table.drop(columns="file").values.tolist() == [
        [2, "start_date", "2024-02-30",
         "een bestaande datum: 2024-02-30 bestaat niet (februari 2024 heeft 29 dagen)"],
        [3, "end_date", "2024-03-09", "een datum op of na de start_date 2024-03-10"],
        [3, "absence_type", "flu", "een van illness, work_accident, occupational_disease, other"],
        [4, "department", "", "een waarde (deze kolom is verplicht)"],
        [4, "start_date", "1989-12-31", "een datum op of na 1990-01-01"],
        [5, "employee_id, start_date", "10/03/2024",
         "een sleutel (employee_id, start_date) die maar één keer voorkomt; deze rij herhaalt regel 3"],
        [6, "", "", "5 velden gescheiden door ',', zoals in de kopregel"],
    ]
    assert set(table["file"]) == {"afw.csv"}


def test_english_error_table_matches_the_command_line_texts():
    result = validate_bytes("absences", "afw.csv", BAD_FILE)
    assert result.error_table("en")["expected"].tolist() == [e.expected for e in result.errors]
    french = result.error_table("fr")["expected"].tolist()
    assert french[0] == "une date qui existe : le 2024-02-30 n'existe pas (février 2024 compte 29 jours)"
    assert len(set(french) & set(result.error_table("en")["expected"])) == 0


def test_german_error_table_of_a_bad_file():
    """HR in Eupen reads why a file was rejected in German, with German month names."""
    result = validate_bytes("absences", "abw.csv", BAD_FILE)
    german = result.error_table("de")["expected"].tolist()
    assert german[0] == ("ein Datum, das es gibt: 2024-02-30 gibt es nicht "
                         "(Februar 2024 hat 29 Tage)")
    assert german[3] == "einen Wert (diese Spalte ist Pflicht)"
    assert german[-1] == "5 Felder, getrennt durch ',', wie in der Kopfzeile"
    june = validate_bytes("absences", "a.csv", f"{ABSENCES}E1,Zorg,31/06/2025,,\n".encode())
    assert "31/06/2025 gibt es nicht (Juni hat 30 Tage)" in june.errors[0].expected_text("de")
    assert render("warning.empty_rows", "de", {"count": 1}) == "1 leere Zeile ignoriert."
    assert render("warning.empty_rows", "de", {"count": 3}) == "3 leere Zeilen ignoriert."


def test_whole_file_problems_are_translated():
    header_only = validate_bytes("absences", "leeg.csv", ABSENCES.encode())
    assert header_only.error_table("nl")["expected"].tolist() == [
        "Het bestand heeft een kopregel maar geen rijen met gegevens; verwacht minstens één rij "
        "gegevens onder de kopregel."]
    missing = validate_bytes("absences", "a.csv", b"employee_id,department\nE1,Zorg\n")
    assert missing.error_table("fr")["expected"].tolist() == [
        "une colonne nommée 'start_date' dans l'en-tête (obligatoire pour absences)"]
    binary = validate_bytes("absences", "a.csv", b"\x00\x01binary")
    assert binary.error_table("nl")["expected"][0].startswith("Het bestand is geen UTF-8")
    assert binary.errors[0].describe().startswith("a.csv: The file is not UTF-8")


def test_warnings_in_each_language_and_english_for_the_history():
    data = (ABSENCES.replace("\n", ",opmerking\n") + "E1,Zorg,2024-01-02,,,x\n\n,,,,,\n").encode()
    result = validate_bytes("absences", "a.csv", data)
    assert result.accepted
    assert result.warnings == ["Extra columns ignored: opmerking.", "1 empty row ignored."]
    assert result.warning_texts("en") == result.warnings
    assert result.warning_texts("nl") == ["Extra kolommen genegeerd: opmerking.",
                                          "1 lege rij genegeerd."]
    assert result.warning_texts("fr") == ["Colonnes supplémentaires ignorées : opmerking.",
                                          "1 ligne vide ignorée."]


def test_a_valid_file_has_an_empty_error_table():
    result = validate_bytes("absences", "a.csv", (ABSENCES + "E1,Zorg,2024-01-02,,\n").encode())
    table = result.error_table("nl")
    assert table.empty and list(table.columns) == ["file", "line", "column", "value", "expected"]
    assert result.warning_texts("nl") == []
