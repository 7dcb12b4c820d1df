"""Every interface text exists in nl, fr and en, is not empty, and keeps the same placeholders."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from signals.definitions import INDICATOR_IDS, INDICATORS, KINDS, LANGUAGES
from signals.texts.i18n import LANGUAGE_NAMES, TEXTS, Plural, plural_form, text
from signals.measures.reference import REFERENCE_FIGURES

PROJECT = Path(__file__).resolve().parent.parent
UI_SOURCES = [PROJECT / "dashboard.py", *sorted((PROJECT / "pages" / "screens").glob("*.py")),
              *sorted((PROJECT / "ui").glob("*.py"))]


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def forms(template) -> tuple[str, ...]:
    """A text's forms: itself, or its singular and plural."""
    return tuple(template) if isinstance(template, Plural) else (template,)


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_language_has_every_key(key):
    assert set(LANGUAGES) <= set(TEXTS[key])      # "de" may come before LANGUAGES has it
    for lang in LANGUAGES:
        assert all(form.strip() for form in forms(TEXTS[key][lang])), f"{key} is empty in {lang}"
    assert len({frozenset(placeholders(form)) for lang in LANGUAGES
                for form in forms(TEXTS[key][lang])}) == 1, \
        f"{key}: the languages or forms use different placeholders"
    counted = {isinstance(TEXTS[key][lang], Plural) for lang in LANGUAGES}
    assert counted == {False} or (counted == {True} and "n" in placeholders(TEXTS[key]["en"].one)), \
        f"{key}: a text with two forms has them in every language and counts n"


def test_no_text_hedges_its_plural_in_brackets():
    """'1 dienst(en)': every count names its own singular or plural form."""
    from signals.ingest.messages import MESSAGES

    hedged = re.compile(r"\w\((?:en|n|s|e|x|es)\)")
    templates = [(key, form) for table in (TEXTS, MESSAGES) for key, texts in table.items()
                 for template in texts.values() for form in forms(template)]
    assert [key for key, form in templates if hedged.search(form)] == []


@pytest.mark.parametrize("n, lang, expected", [
    (1, "nl", "1 dienst met signaal"), (3, "nl", "3 diensten met signaal"),
    (1, "fr", "1 service avec signal"), (2, "fr", "2 services avec signal"),
    (1, "en", "1 department with a signal"), (12, "en", "12 departments with a signal"),
])
def test_counted_texts_take_singular_or_plural(n, lang, expected):
    assert text("overview.departments_signalled", lang, n=n) == expected


def test_french_counts_zero_as_singular():
    assert [plural_form(n, "fr") for n in (0, 1, 2)] == ["one", "one", "other"]
    assert [plural_form(n, "nl") for n in (0, 1, 2)] == ["other", "one", "other"]


def test_language_names_and_data_texts_complete():
    assert set(LANGUAGE_NAMES) == set(LANGUAGES)
    for lang in LANGUAGES:
        for indicator in INDICATORS:
            assert indicator.names[lang].strip() and indicator.definitions[lang].strip()
        for kind in KINDS.values():
            assert kind.labels[lang].strip()
        for figure in REFERENCE_FIGURES:
            assert figure.labels[lang].strip()


def test_text_fills_placeholders_and_refuses_unknown_language():
    assert text("suppressed.value", "fr", n=10) == "moins de 10 personnes : non affiché"
    with pytest.raises(ValueError):
        text("app.title", "de")


def test_every_key_used_in_the_code_exists():
    """Literal keys passed to t(...) or text(...) in the pages and helpers are all defined."""
    used = set()
    for path in UI_SOURCES:
        used |= set(re.findall(r'\b(?:t|text)\("([a-z_]+\.[a-z_.0-9%]+)"\s*[,)]', path.read_text()))
    assert used, "the scan found the keys"
    assert sorted(used - set(TEXTS)) == []


def test_dutch_and_french_do_not_leak_english():
    """A nl or fr text equal to its English one is only allowed for words the languages share."""
    shared = {"page.trends", "hotspots.col.score", "unit.%", "unit.points", "common.indicator",
              "data.indicator", "chart.signal", "common.source", "suppressed.short",
              "heatmap.column.psychosocial_request_rate", "csv.indicator", "csv.score"}
    same = {key for key, texts in TEXTS.items()
            for lang in ("nl", "fr") if texts[lang] == texts["en"] and key not in shared}
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
               if prefix + name not in TEXTS]
    missing += [page.title_key for page in PAGES if page.title_key not in TEXTS]
    assert missing == []
