"""The gettext catalogues behind every text: English source declared in Python, translations in
`signals/texts/locale/<lang>/LC_MESSAGES/messages.po` (compiled to `.mo`).

A module declares its English texts with marker calls that `pybabel extract` finds
(babel.cfg): `message("page.overview", "Overview")` and
`plural_message("overview.departments", "{n} department", "{n} departments")`. The key
becomes the entry's msgctxt, the English its msgid. `template(key, lang, n)` gives the text in
a language (pgettext / npgettext, with each catalogue's own Plural-Forms); a missing
translation falls back to the English. No dependency on the rest of the package.
"""

from __future__ import annotations

import gettext
from functools import cache, partial
from importlib import import_module
from pathlib import Path
from typing import NamedTuple

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"

# The modules that declare texts; imported once, on the first look-up.
DECLARING_MODULES = (
    ".definitions",
    ".access.uploads",
    ".texts.i18n",
    ".ingest.messages",
    ".ingest.by_role",
    ".ingest.templates",
    ".alerts.sentences",
    ".alerts.runs",
    ".alerts.method",
    ".alerts.groups",
    ".alerts.prediagnosis",
    ".cycle.reviews",
    ".cycle.screen_texts",
    ".cycle.page_texts",
    ".measures.reference",
    ".free_text",
    ".report.texts",
    ".texts.survey_reintegration",
)
PACKAGE = __name__.split(".")[0]


class Source(NamedTuple):
    """A declared English text: one form, or a singular and a plural (`other`)."""
    one: str
    other: str | None = None

    @property
    def counted(self) -> bool:
        return self.other is not None


DECLARED: dict[str, Source] = {}


def _declare(key: str, source: Source) -> None:
    if DECLARED.get(key, source) != source:
        raise ValueError(f"Text key {key!r} is declared twice with different English.")
    DECLARED[key] = source


def message(key: str, english: str) -> str:
    """Declare the English text of `key` (pybabel keyword `message:1c,2`); returns the key."""
    _declare(key, Source(english))
    return key


def plural_message(key: str, one: str, other: str) -> str:
    """Declare a counted English text (`plural_message:1c,2,3`); returns the key."""
    _declare(key, Source(one, other))
    return key


@cache
def declared() -> dict[str, Source]:
    """Every declared text, after importing the declaring modules."""
    for name in DECLARING_MODULES:
        import_module(name, PACKAGE)
    return DECLARED


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of `lang` (English and unknown languages: the source itself)."""
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if lang == SOURCE_LANGUAGE or not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def source(key: str) -> Source:
    """The English declaration of `key`; KeyError names an unknown key."""
    try:
        return DECLARED[key]
    except KeyError:
        try:
            return declared()[key]
        except KeyError:
            raise KeyError(f"No text is declared with key {key!r}.") from None


def is_declared(key: str) -> bool:
    """Whether a text is declared under `key`."""
    return key in DECLARED or key in declared()


@cache
def _entry(key: str, lang: str):
    """The text of `key` in `lang`, or for a counted text its chooser of the form by count."""
    english = source(key)
    if not english.counted:
        return translations(lang).pgettext(key, english.one)
    return partial(translations(lang).npgettext, key, english.one, english.other)


def template(key: str, lang: str, n=None) -> str:
    """The unfilled text of `key` in `lang`; a counted text takes the form for the count `n`."""
    entry = _entry(key, lang)
    if isinstance(entry, str):
        return entry
    if n is None:
        raise ValueError(f"The text {key!r} counts something: give its count n.")
    return entry(abs(int(n)))
