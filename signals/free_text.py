"""Checks on the few free texts the dashboard keeps (the physician's notes, later the
collective advice): they describe a team and an approach, never a person.

`check_text(text)` finds what must be refused (something that identifies a person:
an employee id as in the files or as stored, an e-mail address, a Belgian national
register number) and what deserves a warning (a word from a short list of diagnoses,
in Dutch, French, English and German). The caller refuses the first and asks to confirm the
second. Patterns are deliberately wide: a refused note is rewritten in a moment, a
stored name or diagnosis cannot be taken back.

Employee ids are recognised in two ways. Against the data: every id-like token of the
text (letters and digits, 3 to 20 characters, at least one digit) is hashed with the
pseudonymisation key exactly as the ingest hashes employee_id, and the text is refused
when a hash is stored (`StoredIds`, one query over every table with an employee_key);
a stored pseudonym, or 8 characters or more of it, is refused the same way. By pattern
(always, and alone when there is no database or no key): ids written as letters glued to
digits ('P10136', 'EMP-0042') or a number after a word such as 'personeelsnummer'. A
number in a sentence ('12500 uren', 'EN 12464', a year) is no longer refused by the
pattern alone.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .texts.catalogue import message, template

# What identifies a person: refused. Order = the order of the messages.
IDENTIFIER_PATTERNS: dict[str, re.Pattern] = {
    "email": re.compile(r"[^\s@<>()\[\],;:]+@[^\s@<>()\[\],;:]+\.[A-Za-z]{2,}"),
    # YY.MM.DD-XXX.CC, 11 digits, with or without the usual dots, dash, spaces or slashes;
    # only numbers whose check digits are right count (`_is_national_number`)
    "national_number": re.compile(
        r"(?<![\d.,])\d{2}[ ./-]?\d{2}[ ./-]?\d{2}[ ./-]?\d{3}[ ./-]?\d{2}(?![\d]|[.,]\d)"),
    # a stored pseudonym (signals.ingest.pseudonym: 32 hex digits) or a part of it
    "pseudonym": re.compile(r"(?<![0-9A-Za-z])(?=[0-9A-Fa-f]*\d)(?=[0-9A-Fa-f]*[A-Fa-f])"
                            r"[0-9A-Fa-f]{8,}(?![0-9A-Za-z])"),
    # an id as in the HR files: letters glued to digits ('P10136', 'E00123', 'EMP-0042'),
    # not a norm ('EN12464', 'ISO45001'); or a number after a word that names an id
    # ('personeelsnummer 104332', 'matricule: 4711'). A bare number is left to StoredIds.
    "employee_id": re.compile(
        r"(?<![0-9A-Za-z])(?:(?!(?:ISO|EN|NBN|DIN|IEC|NEN)[-_ ]?\d)[A-Za-z]{1,4}[-_]?\d{3,}"
        r"|(?:personeelsnummer|personeelsnr|werknemersnummer|stamnummer|matricule|"
        r"personalnummer|mitarbeiternummer|employee (?:id|number)|n°|nr)\.?\s*:?\s*#?\d{3,})"
        r"(?![0-9A-Za-z]|[.,]\d)", re.IGNORECASE),
}

# Diagnoses and medical conditions (accents and case ignored; a word may have any ending
# after these stems, e.g. 'depressief', 'dépressive', 'depressed').
DIAGNOSIS_STEMS: dict[str, tuple[str, ...]] = {
    "nl": ("burn-out", "burnout", "depressie", "depressief", "angststoornis", "paniekaanval",
           "ptss", "bipolair", "zelfmoord", "suicid", "verslaving", "alcoholis", "kanker",
           "overspann", "psychose", "schizofren", "eetstoornis", "diagnose"),
    "fr": ("burn-out", "epuisement professionnel", "depression", "depressi", "trouble anxieux",
           "crise d'angoisse", "tspt", "bipolaire", "suicid", "addiction", "alcoolis", "cancer",
           "psychose", "schizophren", "trouble alimentaire", "diagnostic"),
    "en": ("burn-out", "burnout", "depression", "depressed", "anxiety disorder", "panic attack",
           "ptsd", "bipolar", "suicid", "addiction", "alcoholi", "cancer", "psychosis",
           "schizophreni", "eating disorder", "diagnos"),
    "de": ("burn-out", "burnout", "depression", "depressiv", "angststorung", "panikattacke",
           "ptbs", "bipolar", "suizid", "selbstmord", "sucht", "alkoholsucht", "alkoholi",
           "alkoholkrank", "krebs", "psychose", "schizophren", "essstorung", "diagnos"),
}


@dataclass(frozen=True)
class TextCheck:
    """`refused`: the kinds of identifier found (IDENTIFIER_PATTERNS keys), in order;
    `warnings`: the diagnosis words found, as written in the text."""
    refused: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.refused and not self.warnings


class TextRefused(ValueError):
    """A text that identifies a person; `kinds` says what was found (never the text)."""

    def __init__(self, kinds: tuple[str, ...]):
        super().__init__("The text may not identify a person: it contains "
                         + ", ".join(kind_name(kind, "en") for kind in kinds) + ".")
        self.kinds = kinds


def kind_name(kind: str, lang: str) -> str:
    """'an e-mail address': a kind of person identifier, in words."""
    return template(f"free_text.kind.{kind}", lang)


# "free_text.kind.<kind>"; the refusal "free_text.refused" and the warning
# "free_text.diagnosis", each with {found}.
# Texts (English source): translations in signals/texts/locale/<lang>/LC_MESSAGES/messages.po.
message("free_text.kind.email", "an e-mail address")
message("free_text.kind.national_number", "a national register number")
message("free_text.kind.pseudonym", "a pseudonymised employee code")
message("free_text.kind.employee_id", "an employee number")
message("free_text.refused",
        "Not saved: the text contains {found}. Describe the team and the approach, never a "
        "person.")
message("free_text.diagnosis",
        "The text mentions {found}. Notes are about the team, never about a person's diagnosis. "
        "Save anyway?")


def _fold_char(char: str) -> str:
    base = [c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)]
    return ((base[0] if base else char).lower() or char)[0]


def _folded(text: str) -> str:
    """Lower case without accents ('Dépression' -> 'depression'), same length as `text`."""
    return "".join(map(_fold_char, text))


_STEMS = sorted({stem for stems in DIAGNOSIS_STEMS.values() for stem in stems}, key=len,
                reverse=True)
_DIAGNOSIS = re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(s) for s in _STEMS) + r")[a-z-]*")


def _is_national_number(written: str) -> bool:
    """Whether 11 digits have a national register number's check digits: 97 minus the
    first nine modulo 97, with 2 in front of them for people born from 2000 on."""
    digits = re.sub(r"\D", "", written)
    base, check = int(digits[:9]), int(digits[9:])
    return check in (97 - base % 97, 97 - (2_000_000_000 + base) % 97)


def _pattern_kinds(text: str) -> tuple[list[str], str]:
    """The kinds found by pattern, and the text without what they matched."""
    found, rest = [], text or ""
    for kind, pattern in IDENTIFIER_PATTERNS.items():
        matches = [match for match in pattern.finditer(rest)
                   if kind != "national_number" or _is_national_number(match.group())]
        if matches:
            found.append(kind)
            for match in reversed(matches):    # an e-mail's digits are not an id as well
                rest = rest[:match.start()] + " " + rest[match.end():]
    return found, rest


def identifiers_in(text: str, stored: StoredIds | None = None) -> tuple[str, ...]:
    """The kinds of person identifier in `text` (each kind once, in IDENTIFIER_PATTERNS'
    order); with `stored`, also the ids and pseudonyms stored in the data."""
    found, rest = _pattern_kinds(text)
    if stored is not None:
        found += stored.kinds_in(rest)
    return tuple(kind for kind in IDENTIFIER_PATTERNS if kind in found)


# --- ids against the data ---------------------------------------------------------------

# A token that may be an employee id: letters and digits, joined by - _ . or /.
_TOKEN = re.compile(r"[^\W_]+(?:[-_./][^\W_]+)*")
_PART = re.compile(r"[^\W_]+")
MIN_ID_LENGTH, MAX_ID_LENGTH = 3, 20
MIN_PSEUDONYM_PART = 8                  # the screens show 8 characters of a pseudonym at least
PSEUDONYM_LENGTH = 32


def id_candidates(text: str) -> list[str]:
    """The tokens of `text` that may be an employee id as written in the files (the ingest
    only trims an id, so a token is hashed as it is; its upper and lower case too)."""
    tokens = set()
    for match in _TOKEN.finditer(text or ""):
        tokens.add(match.group())
        tokens.update(_PART.findall(match.group()))
    candidates = {variant for token in tokens
                  if MIN_ID_LENGTH <= len(token) <= MAX_ID_LENGTH
                  and any(char.isdigit() for char in token)
                  for variant in (token, token.upper(), token.lower())}
    return sorted(candidates)


def pseudonym_candidates(text: str) -> list[str]:
    """The tokens of `text` that may be a stored pseudonym or a part of it, in lower case."""
    return sorted({token.lower() for token in _PART.findall(text or "")
                   if MIN_PSEUDONYM_PART <= len(token) <= PSEUDONYM_LENGTH
                   and all(char in "0123456789abcdefABCDEF" for char in token)})


def configured_key() -> bytes | None:
    """The pseudonymisation key when one is configured (SIGNALS_PSEUDONYM_KEY or an existing
    key file), else None: this check never creates a key, and an unusable key is no key."""
    from .config import key_file_path
    from .ingest import pseudonym

    try:
        if os.environ.get("SIGNALS_PSEUDONYM_KEY") or key_file_path().exists():
            return pseudonym.load_key()
    except pseudonym.KeyProblem:
        pass
    return None


def _key_tables(con) -> list[str]:
    """The tables (data and history) that hold an employee_key column."""
    rows = con.execute("SELECT table_name FROM duckdb_columns() WHERE column_name = "
                       "'employee_key' AND schema_name = 'main' AND NOT internal AND "
                       "table_name IN (SELECT table_name FROM duckdb_tables()) "
                       "ORDER BY table_name").fetchall()
    return [row[0] for row in rows]


def stored_kinds(con, text: str, key: bytes | None) -> list[str]:
    """'employee_id' when a token of `text`, hashed with `key`, is a stored employee_key;
    'pseudonym' when a token is 8 characters or more of one. One query over every table
    with an employee_key. Without a key (none configured, or not this database's key)
    the ids cannot be hashed: the caller's patterns are then the only check for them."""
    from .ingest import pseudonym
    from .store import get_meta

    tables = _key_tables(con)
    prefixes = pseudonym_candidates(text)
    if key is not None and get_meta(con, "key_fingerprint") not in (None,
                                                                     pseudonym.fingerprint(key)):
        key = None
    hashes = [pseudonym.pseudonymise(token, key) for token in id_candidates(text)] if key else []
    if not tables or not (hashes or prefixes):
        return []
    stored = " UNION ALL ".join(f'SELECT employee_key FROM "{table}"' for table in tables)
    is_id, is_pseudonym = con.execute(f"""
        WITH stored AS ({stored})
        SELECT EXISTS (SELECT 1 FROM stored
                       WHERE employee_key IN (SELECT unnest($hashes::VARCHAR[]))),
               EXISTS (SELECT 1 FROM stored
                       JOIN (SELECT unnest($prefixes::VARCHAR[]) AS prefix) p
                       ON starts_with(stored.employee_key, p.prefix))
    """, {"hashes": hashes, "prefixes": prefixes}).fetchall()[0]
    return [kind for kind, found in (("pseudonym", is_pseudonym), ("employee_id", is_id))
            if found]


class StoredIds:
    """The employee ids and pseudonyms stored in data databases (paths or open DuckDB
    connections), for `identifiers_in(text, stored)`. A path without a database holds none;
    `key` is the configured pseudonymisation key unless given."""

    def __init__(self, *databases, key: bytes | None = None):
        self.databases = [database for database in databases if database is not None]
        self.key = key if key is not None else configured_key()
        self._found: dict[str, list[str]] = {}     # a text checked twice is looked up once

    def kinds_in(self, text: str) -> list[str]:
        if text not in self._found:
            self._found[text] = [kind for database in self.databases
                                 for kind in self._kinds_in(database, text)]
        return list(self._found[text])

    def _kinds_in(self, database, text: str) -> list[str]:
        if not isinstance(database, (str, Path)):
            return stored_kinds(database, text, self.key)
        if not Path(database).exists():
            return []
        from .store import connect

        with connect(database, read_only=True) as con:
            return stored_kinds(con, text, self.key)


def stored_ids_at(db_path, given: StoredIds | None = None) -> StoredIds:
    """`given`, else the ids stored in the data database at `db_path` (the cycle's records
    live in the access store beside it)."""
    return given if given is not None else StoredIds(db_path)


def diagnosis_words(text: str) -> tuple[str, ...]:
    """The words of `text` from the diagnosis list, as written, each once."""
    text = text or ""
    folded = _folded(text)
    words = [text[match.start():match.end()] for match in _DIAGNOSIS.finditer(folded)]
    return tuple(dict.fromkeys(words))


def check_text(text: str, stored: StoredIds | None = None) -> TextCheck:
    """What to refuse and what to warn about in a free text (see the module docstring)."""
    return TextCheck(identifiers_in(text, stored), diagnosis_words(text))


def require_no_identifiers(text: str, stored: StoredIds | None = None) -> str:
    """`text` unchanged, or TextRefused when it holds a person identifier."""
    kinds = identifiers_in(text, stored)
    if kinds:
        raise TextRefused(kinds)
    return text


def refusal_message(kinds, lang: str) -> str:
    """'The note contains an e-mail address: ...' in the language, for the screen."""
    found = ", ".join(kind_name(kind, lang) for kind in kinds)
    return template("free_text.refused", lang).format(found=found)


def warning_message(words, lang: str) -> str:
    """The diagnosis-word warning in the language."""
    quotes = {"fr": "«{}»", "de": "„{}“"}.get(lang, "'{}'")
    found = ", ".join(quotes.format(word) for word in words)
    return template("free_text.diagnosis", lang).format(found=found)
