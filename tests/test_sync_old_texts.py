"""tools/sync_old_texts.py brings texts of the old dictionary format into the catalogues: a new
key gets its English declaration next to its neighbour and its translations, a new language
its .po; what the catalogues already hold stays."""

from __future__ import annotations

import gettext
import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent

OLD_I18N = '''
from typing import NamedTuple


class Plural(NamedTuple):
    one: str
    other: str


TEXTS = {
    "page.overview": {"nl": "Overzicht", "fr": "Vue d'ensemble", "en": "Overview",
                      "de": "Übersicht"},
    "page.actions": {"nl": "Acties", "fr": "Actions", "en": "Actions", "de": "Maßnahmen"},
    "page.trends": {"nl": "Trends", "fr": "Tendances", "en": "Trends", "de": "Trends"},
    "actions.count": {"nl": Plural("{n} actie", "{n} acties"),
                      "fr": Plural("{n} action", "{n} actions"),
                      "en": Plural("{n} action", "{n} actions"),
                      "de": Plural("{n} Maßnahme", "{n} Maßnahmen")},
}
'''


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("sync_old_texts",
                                                  PROJECT / "tools" / "sync_old_texts.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["sync_old_texts"] = module
    spec.loader.exec_module(module)
    yield module
    module.use_root(PROJECT)


@pytest.fixture(scope="module")
def synced(tool, tmp_path_factory):
    """A copy of this tree after syncing an old tree with two new keys and German."""
    root = tmp_path_factory.mktemp("tree")
    shutil.copytree(PROJECT / "signals", root / "signals",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT / "babel.cfg", root / "babel.cfg")
    old = tmp_path_factory.mktemp("old")
    (old / "signals" / "texts").mkdir(parents=True)
    (old / "signals" / "__init__.py").write_text("")
    (old / "signals" / "texts" / "__init__.py").write_text("")
    (old / "signals" / "texts" / "i18n.py").write_text(OLD_I18N)
    assert tool.main([str(old), "--root", str(root)]) == 0
    return root


def catalogue(root: Path, lang: str) -> gettext.GNUTranslations:
    path = root / "signals" / "texts" / "locale" / lang / "LC_MESSAGES" / "messages.mo"
    with path.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def test_a_new_key_is_declared_next_to_the_key_before_it(synced):
    lines = (synced / "signals" / "texts" / "i18n.py").read_text("utf-8").splitlines()
    overview = lines.index('message("page.overview", "Overview")')
    assert lines[overview + 1] == 'message("page.actions", "Actions")'
    assert 'plural_message("actions.count", "{n} action", "{n} actions")' in lines


def test_new_keys_and_a_new_language_are_translated_and_compiled(synced):
    german, dutch = catalogue(synced, "de"), catalogue(synced, "nl")
    assert german.pgettext("page.actions", "Actions") == "Maßnahmen"
    assert german.pgettext("page.overview", "Overview") == "Übersicht"
    assert dutch.pgettext("page.actions", "Actions") == "Acties"
    assert [dutch.npgettext("actions.count", "{n} action", "{n} actions", n)
            for n in (1, 3)] == ["{n} actie", "{n} acties"]
    assert [catalogue(synced, "fr").npgettext("actions.count", "{n} action", "{n} actions", n)
            for n in (0, 2)] == ["{n} action", "{n} actions"]


def test_existing_translations_stay_and_other_languages_get_only_what_they_lack(synced):
    """German is known for three keys only: the rest of its .po is empty, not English."""
    dutch = catalogue(synced, "nl")
    assert dutch.pgettext("page.overview", "Overview") == "Overzicht"
    assert dutch.pgettext("app.title", "Burn-out prevention signals") == "Signalen burn-outpreventie"
    po = (synced / "signals" / "texts" / "locale" / "de" / "LC_MESSAGES" / "messages.po")
    assert 'msgctxt "app.title"' in po.read_text("utf-8")
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in po.read_text("utf-8")


def test_an_english_percent_never_reads_as_a_printf_placeholder(tool):
    assert tool.no_printf_look("Above the 99.8% limit, 5% of") == \
        "Above the 99.8%\u00a0limit, 5%\u00a0of"
    assert tool.no_printf_look("chance 0.1%).") == "chance 0.1%)."


def test_update_english_takes_a_changed_text_and_its_translations(tool, synced, tmp_path):
    root = tmp_path / "tree"
    shutil.copytree(synced, root)
    old = tmp_path / "old"
    (old / "signals" / "texts").mkdir(parents=True)
    (old / "signals" / "__init__.py").write_text("")
    (old / "signals" / "texts" / "__init__.py").write_text("")
    (old / "signals" / "texts" / "i18n.py").write_text(
        'TEXTS = {"page.trends": {"nl": "Trendlijnen", "fr": "Courbes", "en": "Trend lines", '
        '"de": "Verläufe"}}\n')
    assert tool.main([str(old), "--root", str(root), "--update-english"]) == 0
    source = (root / "signals" / "texts" / "i18n.py").read_text("utf-8")
    assert 'message("page.trends", "Trend lines")' in source
    assert 'message("page.trends", "Trends")' not in source
    assert catalogue(root, "fr").pgettext("page.trends", "Trend lines") == "Courbes"
