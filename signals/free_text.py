"""Checks on the few free texts the dashboard keeps (the physician's notes, later the
collective advice): they describe a team and an approach, never a person.

`check_text(text)` finds what must be refused (something that identifies a person:
an employee id as in the files or as stored, an e-mail address, a Belgian national
register number) and what deserves a warning (a word from a short list of diagnoses,
in Dutch, French, English and German). The caller refuses the first and asks to confirm the
second. Patterns are deliberately wide: a refused note is rewritten in a moment, a
stored name or diagnosis cannot be taken back.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# What identifies a person: refused. Order = the order of the messages.
IDENTIFIER_PATTERNS: dict[str, re.Pattern] = {
    "email": re.compile(r"[^\s@<>()\[\],;:]+@[^\s@<>()\[\],;:]+\.[A-Za-z]{2,}"),
    # YY.MM.DD-XXX.CC, 11 digits, with or without the usual dots, dash, spaces or slashes
    "national_number": re.compile(
        r"(?<![\d.,])\d{2}[ ./-]?\d{2}[ ./-]?\d{2}[ ./-]?\d{3}[ ./-]?\d{2}(?![\d]|[.,]\d)"),
    # a stored pseudonym (signals.ingest.pseudonym: 32 hex digits) or a part of it
    "pseudonym": re.compile(r"(?<![0-9A-Za-z])(?=[0-9A-Fa-f]*\d)(?=[0-9A-Fa-f]*[A-Fa-f])"
                            r"[0-9A-Fa-f]{8,}(?![0-9A-Za-z])"),
    # an id as in the HR files: letters then digits ('P10136', 'E00123', 'EMP-0042'),
    # or a bare number of 5 digits or more (a year, a percentage or 'ISO 45001' stays allowed)
    "employee_id": re.compile(r"(?<![0-9A-Za-z])(?<!ISO )(?:[A-Za-z]{1,4}[-_]?\d{3,}|\d{5,})"
                              r"(?![0-9A-Za-z]|[.,]\d)"),
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
           "ptbs", "bipolar", "suizid", "selbstmord", "sucht", "alkoholi", "alkoholkrank", "krebs",
           "psychose", "schizophren", "essstorung", "diagnos"),
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
                         + ", ".join(KIND_NAMES[kind]["en"] for kind in kinds) + ".")
        self.kinds = kinds


KIND_NAMES = {
    "email": {"nl": "een e-mailadres", "fr": "une adresse e-mail", "en": "an e-mail address",
              "de": "eine E-Mail-Adresse"},
    "national_number": {"nl": "een rijksregisternummer", "fr": "un numéro de registre national",
                        "en": "a national register number", "de": "eine Nationalregisternummer"},
    "pseudonym": {"nl": "een gepseudonimiseerde personeelscode",
                  "fr": "un code de travailleur pseudonymisé",
                  "en": "a pseudonymised employee code",
                  "de": "einen pseudonymisierten Personalcode"},
    "employee_id": {"nl": "een personeelsnummer", "fr": "un numéro de travailleur",
                    "en": "an employee number", "de": "eine Personalnummer"},
}


def _fold_char(char: str) -> str:
    base = [c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)]
    return ((base[0] if base else char).lower() or char)[0]


def _folded(text: str) -> str:
    """Lower case without accents ('Dépression' -> 'depression'), same length as `text`."""
    return "".join(map(_fold_char, text))


_STEMS = sorted({stem for stems in DIAGNOSIS_STEMS.values() for stem in stems}, key=len,
                reverse=True)
_DIAGNOSIS = re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(s) for s in _STEMS) + r")[a-z-]*")


def identifiers_in(text: str) -> tuple[str, ...]:
    """The kinds of person identifier in `text` (each kind once)."""
    found, rest = [], text or ""
    for kind, pattern in IDENTIFIER_PATTERNS.items():
        if pattern.search(rest):
            found.append(kind)
            rest = pattern.sub(" ", rest)       # an e-mail's digits are not an id as well
    return tuple(found)


def diagnosis_words(text: str) -> tuple[str, ...]:
    """The words of `text` from the diagnosis list, as written, each once."""
    text = text or ""
    folded = _folded(text)
    words = [text[match.start():match.end()] for match in _DIAGNOSIS.finditer(folded)]
    return tuple(dict.fromkeys(words))


def check_text(text: str) -> TextCheck:
    """What to refuse and what to warn about in a free text (see the module docstring)."""
    return TextCheck(identifiers_in(text), diagnosis_words(text))


def require_no_identifiers(text: str) -> str:
    """`text` unchanged, or TextRefused when it holds a person identifier."""
    kinds = identifiers_in(text)
    if kinds:
        raise TextRefused(kinds)
    return text


def refusal_message(kinds, lang: str) -> str:
    """'The note contains an e-mail address: ...' in the language, for the screen."""
    found = ", ".join(KIND_NAMES[kind][lang] for kind in kinds)
    return {
        "nl": f"Niet bewaard: de tekst bevat {found}. Beschrijf het team en de aanpak, nooit een persoon.",
        "fr": f"Non enregistré\u202f: le texte contient {found}. Décrivez l'équipe et "
              "l'approche, jamais une personne.",
        "en": f"Not saved: the text contains {found}. Describe the team and the approach, "
              "never a person.",
        "de": f"Nicht gespeichert: Der Text enthält {found}. Beschreiben Sie das Team und das "
              "Vorgehen, nie eine Person.",
    }[lang]


def warning_message(words, lang: str) -> str:
    """The diagnosis-word warning in the language."""
    quotes = {"fr": "«{}»", "de": "„{}“"}.get(lang, "'{}'")
    found = ", ".join(quotes.format(word) for word in words)
    return {
        "nl": f"De tekst noemt {found}. Notities gaan over het team, nooit over de diagnose "
              "van een persoon. Toch bewaren?",
        "fr": f"Le texte mentionne {found}. Les notes portent sur l'équipe, jamais sur le "
              "diagnostic d'une personne. Enregistrer quand même\u202f?",
        "en": f"The text mentions {found}. Notes are about the team, never about a person's "
              "diagnosis. Save anyway?",
        "de": f"Der Text nennt {found}. Notizen betreffen das Team, nie die Diagnose einer Person. "
              "Trotzdem speichern?",
    }[lang]
