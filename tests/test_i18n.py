"""Every text is declared in English and translated in each language's catalogue: complete,
not fuzzy, the same placeholders, real plural forms; the compiled catalogues and the
template are current."""

from __future__ import annotations

import io
import re
import string
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from signals.definitions import (
    INDICATOR_IDS,
    INDICATORS,
    KINDS,
    LANGUAGES,
    indicator_definition,
    indicator_name,
    kind_label,
    source_note,
)
from signals.measures.reference import REFERENCE_FIGURES
from signals.texts import catalogue
from signals.texts.i18n import LANGUAGE_NAMES, has_text, text

PROJECT = Path(__file__).resolve().parent.parent
UI_SOURCES = [PROJECT / "dashboard.py", *sorted((PROJECT / "pages" / "screens").glob("*.py")),
              *sorted((PROJECT / "ui").glob("*.py"))]
TRANSLATED = [lang for lang in LANGUAGES if lang != catalogue.SOURCE_LANGUAGE]
POT = catalogue.LOCALE_DIR / "messages.pot"


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def forms(value) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, (tuple, list)) else (value,)


def read(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def po_path(lang: str) -> Path:
    return catalogue.LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"


def po_messages(lang: str) -> list:
    return [message for message in read(po_path(lang)) if message.id]


def entries(catalog) -> set[tuple[str, tuple[str, ...]]]:
    return {(message.context, forms(message.id)) for message in catalog if message.id}


def test_the_template_is_current(tmp_path):
    """`pybabel extract` finds exactly the committed template's messages, and every text the
    code declares (a declaration it cannot see would never be translated)."""
    fresh = tmp_path / "messages.pot"
    CommandLineInterface().run(["pybabel", "-q", "extract", "-F", str(PROJECT / "babel.cfg"),
                                "--no-location", "-o", str(fresh), str(PROJECT)])
    assert entries(read(fresh)) == entries(read(POT))
    declared = {(key, tuple(form for form in source if form is not None))
                for key, source in catalogue.declared().items()}
    assert declared == entries(read(POT))


@pytest.mark.parametrize("lang", TRANSLATED)
def test_each_language_has_every_message(lang):
    assert {(context, msgid) for context, msgid in entries(read(po_path(lang)))} \
        == entries(read(POT))
    catalog = read(po_path(lang))
    for message in catalog:
        if not message.id:
            continue
        assert "fuzzy" not in message.flags, f"{message.context} is fuzzy in {lang}"
        translated = forms(message.string)
        assert len(translated) == (catalog.num_plurals if message.pluralizable else 1)
        assert all(form.strip() for form in translated), f"{message.context} is empty in {lang}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_are_the_templates_in_every_form(lang):
    for message in po_messages(lang):
        expected = set().union(*map(placeholders, forms(message.id)))
        assert all(placeholders(form) == expected for form in forms(message.id)), message.context
        for form in forms(message.string):
            assert placeholders(form) == expected, f"{message.context} in {lang}: {form!r}"


def test_counted_texts_count_n_and_nothing_is_printf():
    """A counted text shows its count; no message reads as a printf '%' placeholder (tools
    would flag it python-format and refuse translations without one)."""
    for message in read(POT):
        if message.pluralizable:
            assert placeholders(message.id[1]), message.context
        assert "python-format" not in message.flags, message.context


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_compiled_catalogues_are_current(lang):
    """The committed .mo is the .po compiled (pybabel compile -d signals/texts/locale)."""
    compiled = io.BytesIO()
    write_mo(compiled, read(po_path(lang)))
    assert compiled.getvalue() == po_path(lang).with_suffix(".mo").read_bytes(), \
        "run: pybabel compile -d signals/texts/locale"


def test_plural_rules_come_from_each_catalogue():
    assert read(po_path("fr")).plural_expr == "(n > 1)"
    assert read(po_path("nl")).plural_expr == "(n != 1)"
    assert read(po_path("de")).plural_expr == "(n != 1)"


@pytest.mark.parametrize("n, lang, expected", [
    (1, "nl", "1 dienst met signaal"), (3, "nl", "3 diensten met signaal"),
    (0, "nl", "0 diensten met signaal"),
    (0, "fr", "0 service avec signal"), (1, "fr", "1 service avec signal"),
    (2, "fr", "2 services avec signal"),
    (1, "en", "1 department with a signal"), (12, "en", "12 departments with a signal"),
    (0, "en", "0 departments with a signal"),
    (1, "de", "1 Abteilung mit Signal"), (0, "de", "0 Abteilungen mit Signal"),
])
def test_counted_texts_take_singular_or_plural(n, lang, expected):
    assert text("overview.departments_signalled", lang, n=n) == expected


def test_an_unknown_key_fails_loudly():
    with pytest.raises(KeyError, match="no.such.key"):
        text("no.such.key", "en")
    assert not has_text("no.such.key")


def test_no_text_hedges_its_plural_in_brackets():
    """'1 dienst(en)': every count names its own singular or plural form."""
    hedged = re.compile(r"\w\((?:en|n|s|e|x|es)\)")
    found = [(message.context, form) for lang in TRANSLATED for message in po_messages(lang)
             for form in forms(message.id) + forms(message.string)]
    assert [key for key, form in found if hedged.search(form)] == []


def test_language_names_and_data_texts_complete():
    assert set(LANGUAGE_NAMES) == set(LANGUAGES)
    for lang in LANGUAGES:
        for indicator in INDICATORS:
            assert indicator_name(indicator.id, lang).strip()
            assert indicator_definition(indicator.id, lang).strip()
        for kind in KINDS:
            assert kind_label(kind, lang).strip()
        for figure in REFERENCE_FIGURES:
            assert figure.label(lang).strip()
        assert source_note(lang).strip()


def test_text_fills_placeholders_and_refuses_unknown_language():
    assert text("suppressed.value", "fr", n=10) == "moins de 10 personnes : non affiché"
    with pytest.raises(ValueError):
        text("app.title", "it")


def test_every_key_used_in_the_code_exists():
    """Literal keys passed to t(...) or text(...) in the pages and helpers are all defined."""
    used = set()
    for path in UI_SOURCES:
        used |= set(re.findall(r'\b(?:t|text)\("([a-z_]+\.[a-z_.0-9%]+)"\s*[,)]', path.read_text()))
    assert used, "the scan found the keys"
    assert sorted(key for key in used if not has_text(key)) == []


INTERFACE = {"app", "page", "method", "sidebar", "presentation", "demo", "error", "overview",
             "trends", "hotspots", "upload", "data", "audit", "review", "chart", "heatmap",
             "common", "unit", "level", "status", "history", "csv", "suppressed"}


def test_dutch_and_french_do_not_leak_english():
    """A nl or fr text equal to its English one is only allowed for words the languages share."""
    shared = {"page.trends", "hotspots.col.score", "unit.%", "unit.points", "common.indicator",
              "data.indicator", "chart.signal", "common.source", "suppressed.short",
              "heatmap.column.psychosocial_request_rate", "csv.indicator", "csv.score"}
    same = {message.context for lang in ("nl", "fr") for message in po_messages(lang)
            if message.string == message.id and message.context.split(".")[0] in INTERFACE
            and message.context not in shared}
    assert sorted(same) == []


def test_key_families_built_at_run_time_are_complete():
    from ui.navigation import PAGES
    from ui.upload import ERROR_COLUMNS

    families = {
        "unit.": {indicator.unit for indicator in INDICATORS},
        "level.": {"ok", "watch", "alert", "unjudged"},
        "status.": {"accepted", "rejected", "undone", "undo"},
        "chart.view_": {"monthly", "rolling12"},
        "upload.error.": set(ERROR_COLUMNS),
        "heatmap.column.": set(INDICATOR_IDS),
        "hotspots.col.": {"rank", "department", "score", "alerts", "watches", "indicators", "since",
                          "reason"},
        "history.": {"uploaded_at", "file_name", "kind", "status", "rows_total", "rows_new",
                     "rows_replaced", "rows_unchanged", "error_count", "uploaded_by"},
    }
    missing = [prefix + name for prefix, names in families.items() for name in names
               if not has_text(prefix + name)]
    missing += [page.title_key for page in PAGES if not has_text(page.title_key)]
    assert missing == []
