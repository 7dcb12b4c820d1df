"""Dutch, French and German headers and codes, headers of another kind, and dates that do not exist."""

from __future__ import annotations

import pytest

from signals import store
from signals.definitions import KINDS
from signals.ingest.aliases import CODE_ALIASES, COLUMN_ALIASES, canonical_header, code_lookup, normalise
from signals.ingest.loader import detect_kind, ingest_bytes, validate_bytes


def test_normalise_drops_case_accents_and_separators():
    assert normalise("  Date de Début ") == "date_de_debut"
    assert normalise("Type d'absence") == "type_d_absence"
    assert normalise("Accident-du-travail") == "accident_du_travail"


def test_every_alias_names_one_column_and_one_code_per_column():
    seen: dict[str, str] = {}
    for column, names in COLUMN_ALIASES.items():
        for alias in (alias for aliases in names.values() for alias in aliases):
            assert seen.setdefault(normalise(alias), column) == column, alias
    for column, codes in CODE_ALIASES.items():
        per_column: dict[str, str] = {}
        for code, names in codes.items():
            for alias in (alias for aliases in names.values() for alias in aliases):
                assert per_column.setdefault(normalise(alias), code) == code, (column, alias)


def test_every_contract_column_and_code_has_dutch_french_and_german_names():
    for kind in KINDS.values():
        for column in kind.columns:
            assert {"nl", "fr", "de"} <= set(COLUMN_ALIASES[column.name]), column.name
            for code in column.enum:
                assert {"nl", "fr", "de"} <= set(CODE_ALIASES[column.name][code]), (column.name, code)
    # the contract's second version is in the table too
    assert {"decision", "request_type", "measure", "domain", "score_sd"} <= set(COLUMN_ALIASES)
    assert "serious_event" in CODE_ALIASES["category"]


@pytest.mark.parametrize("header, expected", [
    (["Medewerker", "Afdeling", "Begindatum", "Einddatum", "Afwezigheidstype"],
     ["employee_id", "department", "start_date", "end_date", "absence_type"]),
    (["matricule", "Département", "date_début", "Date de fin", "Type d'absence"],
     ["employee_id", "department", "start_date", "end_date", "absence_type"]),
    (["Personalnummer", "Abteilung", "Beginndatum", "Enddatum", "Abwesenheitsart"],
     ["employee_id", "department", "start_date", "end_date", "absence_type"]),
    (["werknemer_id", "DIENST", "begin datum", "remark"],
     ["employee_id", "department", "begin datum", "remark"]),
])
def test_headers_in_dutch_and_french_map_to_the_contract(header, expected):
    assert canonical_header([name.strip().lower() for name in header]) == expected


def test_code_lookup_keeps_to_the_column_enumeration():
    lookup = code_lookup("absence_type", KINDS["absences"].columns[4].enum)
    assert lookup["ziekte"] == lookup["maladie"] == "illness"
    assert lookup["arbeidsongeval"] == lookup["accident_du_travail"] == "work_accident"
    assert "lopend" not in lookup, "a code of another column"
    outcomes = code_lookup("outcome", ("pending", "stopped"))
    assert outcomes["lopend"] == outcomes["en_cours"] == "pending"
    assert "terug_zelfde_werk" not in outcomes, "only the codes the column allows"


DUTCH_ABSENCES = ("Medewerker;Afdeling;Begindatum;Einddatum;Afwezigheidstype\n"
                  "E1;Logistiek;06/01/2025;10/01/2025;Ziekte\n"
                  "E2;Logistiek;13/01/2025;;Arbeidsongeval\n"
                  "E3;Logistiek;20/01/2025;24/01/2025;beroepsziekte\n")
FRENCH_ABSENCES = ("Matricule;Service;Date de début;Date de fin;Type d'absence\n"
                   "E1;Logistique;06/01/2025;10/01/2025;Maladie\n"
                   "E2;Logistique;13/01/2025;;accident du travail\n"
                   "E3;Logistique;20/01/2025;24/01/2025;AUTRE\n")


def test_a_dutch_file_is_stored_with_the_contract_codes(db_path):
    result = ingest_bytes(db_path, "absences", "afwezigheden.csv", DUTCH_ABSENCES.encode())
    assert result.accepted, result.error_report()
    assert result.warnings == [], "Dutch names are no extra columns"
    with store.connect(db_path, read_only=True) as con:
        types = con.execute("SELECT absence_type FROM absences ORDER BY start_date").fetchall()
    assert [row[0] for row in types] == ["illness", "work_accident", "occupational_disease"]


GERMAN_WORKFORCE = ("Monat;Abteilung;Personalbestand;VZÄ;Geleistete Stunden\n"
                    "2025-01;Buchhaltung;12;10,5;1596\n")
GERMAN_TURNOVER = ("Personalnummer;Abteilung;Datum;Ereignis;Grund\n"
                   "E1;Buchhaltung;31/01/2025;Austritt;Ruhestand\n"
                   "E2;Buchhaltung;01/02/2025;Eintritt;\n")


def test_a_german_file_from_eupen_is_stored_with_the_contract_codes(db_path):
    """HR in the German-speaking Community exports German headers and codes."""
    for kind, name, data in (("workforce", "personal.csv", GERMAN_WORKFORCE),
                             ("turnover", "abgaenge.csv", GERMAN_TURNOVER)):
        assert detect_kind(data.encode("cp1252")) == kind
        result = ingest_bytes(db_path, kind, name, data.encode("cp1252"))
        assert result.accepted, result.error_report()
        assert result.warnings == [], "German names are no extra columns"
    with store.connect(db_path, read_only=True) as con:
        assert con.execute("SELECT headcount, fte, hours_worked FROM workforce").fetchone() == (
            12, 10.5, 1596)
        events = con.execute("SELECT event, reason FROM turnover ORDER BY date").fetchall()
    assert events == [("exit", "retirement"), ("hire", None)]


def test_a_french_file_in_windows_1252_is_stored(db_path):
    result = ingest_bytes(db_path, "absences", "absences.csv", FRENCH_ABSENCES.encode("cp1252"))
    assert result.accepted, result.error_report()
    with store.connect(db_path, read_only=True) as con:
        types = con.execute("SELECT absence_type FROM absences ORDER BY start_date").fetchall()
    assert [row[0] for row in types] == ["illness", "work_accident", "other"]


def test_french_turnover_and_dutch_incidents_codes():
    turnover = ("travailleur;département;date;événement;motif\n"
                "E1;Vente;2025-01-31;sortie;démission\nE2;Vente;2025-02-01;Entrée;\n")
    assert validate_bytes("turnover", "t.csv", turnover.encode()).accepted
    incidents = ("incidentnummer;datum;afdeling;categorie;verloren dagen\n"
                 "I1;2025-01-08;Zorg;agressie;0\nI2;2025-01-09;Zorg;Bijna-ongeval;\n")
    assert validate_bytes("incidents", "i.csv", incidents.encode()).accepted


def test_an_unknown_code_still_lists_the_contract_values():
    bad = DUTCH_ABSENCES.replace("Ziekte", "griep")
    result = validate_bytes("absences", "a.csv", bad.encode())
    assert not result.accepted
    assert result.errors[0].expected == "one of illness, work_accident, occupational_disease, other"


def test_kind_is_detected_from_dutch_and_french_headers():
    assert detect_kind(DUTCH_ABSENCES.encode()) == "absences"
    assert detect_kind(b"Maand;Afdeling;Personeelsaantal\n2025-01;A;3\n") == "workforce"
    assert detect_kind(b"mois;service;effectif\n2025-01;A;3\n") == "workforce"


def test_headers_of_another_kind_say_which_kind_they_look_like():
    result = validate_bytes("workforce", "a.csv", DUTCH_ABSENCES.encode())
    assert result.error_count == 1, "one sentence, not a list of missing workforce columns"
    error = result.errors[0]
    assert (error.line, error.expected_key) == (1, "file.header.other_kind")
    assert "they look like the kind 'Absences'" in error.expected
    assert "ze lijken op een bestand 'Afwezigheden'" in error.expected_text("nl")
    assert "ils ressemblent à un fichier « Absences »" in error.expected_text("fr")


def test_headers_of_no_kind_say_so():
    result = validate_bytes("workforce", "x.csv", b"foo;bar;baz\n1;2;3\n")
    assert [error.expected_key for error in result.errors] == ["file.header.no_kind"]
    assert "match no kind of file" in result.errors[0].expected
    assert "passen bij geen enkele soort bestand" in result.errors[0].expected_text("nl")


def test_a_file_of_the_right_kind_missing_one_column_still_names_it():
    result = validate_bytes("workforce", "w.csv", b"month;department;fte\n2025-01;A;3\n")
    assert [(error.expected_key, error.column) for error in result.errors] == [
        ("expected.header.missing", "headcount")]


ABSENCES = "employee_id,department,start_date,end_date,absence_type\n"


@pytest.mark.parametrize("value, nl, en", [
    ("31/06/2025", "31/06/2025 bestaat niet (juni heeft 30 dagen)",
     "31/06/2025 does not exist (June has 30 days)"),
    ("2025-02-29", "2025-02-29 bestaat niet (februari 2025 heeft 28 dagen)",
     "2025-02-29 does not exist (February 2025 has 28 days)"),
    ("2025-13-01", "2025-13-01 bestaat niet (er is geen maand 13)",
     "2025-13-01 does not exist (there is no month 13)"),
    ("31/4/2025", "31/4/2025 bestaat niet (april heeft 30 dagen)",
     "31/4/2025 does not exist (April has 30 days)"),
])
def test_a_date_that_does_not_exist_says_so(value, nl, en):
    result = validate_bytes("absences", "a.csv", f"{ABSENCES}E1,Zorg,{value},,\n".encode())
    assert [(e.line, e.column, e.value) for e in result.errors] == [(2, "start_date", value)]
    assert en in result.errors[0].expected
    assert nl in result.errors[0].expected_text("nl")
    assert "n'existe pas" in result.errors[0].expected_text("fr")


def test_a_leap_day_exists_and_a_month_13_does_not():
    assert validate_bytes("absences", "a.csv", f"{ABSENCES}E1,Zorg,29/02/2024,,\n".encode()).accepted
    result = validate_bytes("workforce", "w.csv", b"month,department,headcount\n2025-13,A,4\n")
    assert "2025-13 does not exist (there is no month 13)" in result.errors[0].expected


def test_errors_name_the_column_as_the_file_wrote_it():
    data = b"Medewerker;Afdeling;Begindatum\nE1;Zorg;31/06/2025\n"
    error = validate_bytes("absences", "a.csv", data).errors[0]
    assert (error.line, error.column) == (2, "begindatum (start_date)")


def test_readme_lists_the_alias_table_as_the_code_has_it():
    from pathlib import Path

    from signals.ingest.templates import alias_table_markdown

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert alias_table_markdown() in readme


def test_french_survey_domains_follow_the_belgian_law_s_french_names():
    """Belgian law's French: 'conditions de travail' is arbeidsvoorwaarden, 'conditions de
    vie au travail' is arbeidsomstandigheden (codex art. I.2-1)."""
    domains = code_lookup("domain", KINDS["survey"].columns[2].enum)
    assert domains["conditions_de_travail"] == domains["arbeidsvoorwaarden"] == "employment_conditions"
    assert domains["conditions_de_vie_au_travail"] == domains["arbeidsomstandigheden"] == "working_conditions"
