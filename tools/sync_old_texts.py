"""Bring texts written in the old dictionary format into the gettext catalogues.

    python tools/sync_old_texts.py OLD_TREE

OLD_TREE is another checkout whose `signals/` still holds the texts as Python dictionaries
(`{"nl": ..., "fr": ..., "en": ..., "de": ...}`, counted texts as `Plural(one, other)`). Its
modules are imported from OLD_TREE (as the package `oldsignals`), never from this tree. Each
text gets the same key as in the migration (KEYS below); every (key, language) the catalogues
lack is added: an unknown key gets its English declaration (`message(...)` next to the key
that precedes it in the old dictionary) and its translations, an unknown language a new
`.po`. Then `pybabel extract`, `update` and `compile` run as in the README. Texts the
catalogues already have are left alone; a changed English text is reported, not applied.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import PYTHON_FORMAT
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "signals" / "texts" / "locale"
POT = LOCALE / "messages.pot"
SOURCE_LANGUAGE = "en"
OLD_PACKAGE = "oldsignals"


@dataclass(frozen=True)
class Text:
    """One text of the old format: its key, target module and forms per language."""
    key: str
    target: str                                     # the module of this tree that declares it
    forms: dict[str, tuple[str, ...]]               # language -> (text,) or (one, other)


class Counted(tuple):
    """A singular and a plural, for texts the old format counted by hand."""

    def __new__(cls, one: str, other: str):
        return super().__new__(cls, (one, other))

    one = property(lambda self: self[0])
    other = property(lambda self: self[1])


def _forms(value) -> tuple[str, ...]:
    """An old text: a string, or a Plural (a named tuple with `one` and `other`)."""
    if isinstance(value, str):
        return (value,)
    return (value.one, value.other)


def _languages(texts: dict) -> dict[str, tuple[str, ...]]:
    forms = {lang: _forms(value) for lang, value in texts.items() if isinstance(lang, str)
             and len(lang) == 2 and isinstance(value, (str, tuple))}
    if SOURCE_LANGUAGE in forms:
        forms[SOURCE_LANGUAGE] = tuple(map(no_printf_look, forms[SOURCE_LANGUAGE]))
    return forms


def no_printf_look(english: str) -> str:
    """'99.8% limit' with a no-break space after the '%': gettext tools read '% li' or
    '% of' as a printf placeholder, flag the message python-format and then refuse every
    translation without one. The screen shows the same words."""
    while found := PYTHON_FORMAT.search(english):
        if english[found.start() + 1] != " ":
            raise SystemExit(f"The English text {english!r} reads as a printf placeholder.")
        english = english[:found.start() + 1] + "\u00a0" + english[found.start() + 2:]
    return english


# The deterministic mapping from the old dictionaries to keys: (old module, reader, target).
# A reader takes the old module and yields (key, {lang: value}); a missing attribute yields
# nothing (a tree that is already converted).
def _flat(attribute: str, prefix: str = "", rename=str):
    def read(module):
        for name, texts in getattr(module, attribute, {}).items():
            yield prefix + rename(name), texts
    return read


def _single(attribute: str, key: str):
    def read(module):
        if hasattr(module, attribute):
            yield key, getattr(module, attribute)
    return read


def _method_sections(module):
    for name, section in getattr(module, "SECTIONS", {}).items():
        yield f"method.section.{name}.title", section["title"]
        yield f"method.section.{name}.text", {k: v for k, v in section.items() if k != "title"}


def _trend(module):
    """The French trend chose 'point' or 'points' by hand ({points}): a counted text now."""
    for unit, texts in getattr(module, "_TREND", {}).items():
        if unit == "%":
            yield "sentence.trend.percent", {
                lang: Counted(text.replace("{points}", "point"), text.replace("{points}", "points"))
                for lang, text in texts.items()}
        else:
            yield f"sentence.trend.{unit}", texts


def _kinds(module):
    for name, kind in getattr(module, "KINDS", {}).items():
        if getattr(kind, "labels", None):
            yield f"kind.{name}", kind.labels


def _indicators(module):
    for indicator in getattr(module, "INDICATORS", ()):
        if getattr(indicator, "names", None):
            yield f"indicator.{indicator.id}.name", indicator.names
            yield f"indicator.{indicator.id}.definition", indicator.definitions


def _references(module):
    for figure in getattr(module, "REFERENCE_FIGURES", ()):
        if getattr(figure, "labels", None):
            yield f"reference.{figure.indicator}", figure.labels


def _required(module):
    names = {True: "yes", False: "no"}
    for name, texts in getattr(module, "REQUIRED", {}).items():
        yield f"guide.required.{names.get(name, name)}", texts


def _kind_meanings(module):
    for (kind, column), texts in getattr(module, "KIND_MEANINGS", {}).items():
        yield f"guide.meaning.{kind}.{column}", texts


def _free_text_messages(module):
    """The refusal and warning were f-strings; read them with the list as a placeholder."""
    if not hasattr(module, "KIND_NAMES") or not hasattr(module, "refusal_message"):
        return
    for name, function, marker in (("free_text.refused", "refusal_message", "found"),
                                   ("free_text.diagnosis", "warning_message", "found")):
        texts = {}
        for lang in module.KIND_NAMES["email"]:
            saved = module.KIND_NAMES
            module.KIND_NAMES = {"x": {lang: f"{{{marker}}}"}}
            try:
                made = getattr(module, function)(["x"] if function == "refusal_message"
                                                 else ["{found}"], lang)
            finally:
                module.KIND_NAMES = saved
            made = re.sub(r"[«'„\"“]\{found\}[»'“\"”]", "{found}", made)
            texts[lang] = made
        yield name, texts


KEYS = (
    ("definitions", _kinds, "signals/definitions.py"),
    ("definitions", _indicators, "signals/definitions.py"),
    ("definitions", _single("SOURCE", "definitions.source"), "signals/definitions.py"),
    ("texts.i18n", _flat("TEXTS"), "signals/texts/i18n.py"),
    ("ingest.messages", _flat("MESSAGES"), "signals/ingest/messages.py"),
    ("ingest.templates", _flat("GUIDE_HEADERS", "guide.header."), "signals/ingest/templates.py"),
    ("ingest.templates", _required, "signals/ingest/templates.py"),
    ("ingest.templates", _flat("FORMATS", "guide.format."), "signals/ingest/templates.py"),
    ("ingest.templates", _flat("RANGE_FORMATS", "guide.range."), "signals/ingest/templates.py"),
    ("ingest.templates", _single("DEFAULT", "guide.default"), "signals/ingest/templates.py"),
    ("ingest.templates", _flat("MEANINGS", "guide.meaning."), "signals/ingest/templates.py"),
    ("ingest.templates", _kind_meanings, "signals/ingest/templates.py"),
    ("alerts.sentences", _flat("RULE_NAMES", "rule."), "signals/alerts/sentences.py"),
    ("alerts.sentences", _single("_HEAD", "sentence.head"), "signals/alerts/sentences.py"),
    ("alerts.sentences", _flat("_CLAUSES", "sentence.clause."), "signals/alerts/sentences.py"),
    ("alerts.sentences", _flat("_LEVEL_CLAUSES", "sentence.level_clause."),
     "signals/alerts/sentences.py"),
    ("alerts.sentences", _single("COLON", "sentence.colon"), "signals/alerts/sentences.py"),
    ("alerts.sentences", _single("SEMICOLON", "sentence.semicolon"), "signals/alerts/sentences.py"),
    ("alerts.sentences", _single("_WINDOW_SENTENCE", "sentence.window"),
     "signals/alerts/sentences.py"),
    ("alerts.sentences", _single("_RISE_HEAD", "sentence.rise"), "signals/alerts/sentences.py"),
    ("alerts.sentences", _single("_FUNNEL_SENTENCE", "sentence.funnel"),
     "signals/alerts/sentences.py"),
    ("alerts.sentences", _trend, "signals/alerts/sentences.py"),
    ("alerts.runs", _single("_FIRST", "run.first"), "signals/alerts/runs.py"),
    ("alerts.runs", _single("_RUN", "run.ongoing"), "signals/alerts/runs.py"),
    ("alerts.method", _single("INTRO", "method.intro"), "signals/alerts/method.py"),
    ("alerts.method", _method_sections, "signals/alerts/method.py"),
    ("alerts.method", _flat("RULE_EXPLANATIONS", "method.rule."), "signals/alerts/method.py"),
    ("alerts.method", _flat("HEADERS", "method.header."), "signals/alerts/method.py"),
    ("cycle.reviews", _flat("STATUS_LABELS", "review_status."), "signals/cycle/reviews.py"),
    ("measures.reference", _references, "signals/measures/reference.py"),
    ("free_text", _flat("KIND_NAMES", "free_text.kind."), "signals/free_text.py"),
    ("free_text", _free_text_messages, "signals/free_text.py"),
)


def import_old_package(old_tree: Path):
    """OLD_TREE/signals as the package `oldsignals` (relative imports stay inside it)."""
    for name in [name for name in sys.modules if name.split(".")[0] == OLD_PACKAGE]:
        del sys.modules[name]
    init = old_tree / "signals" / "__init__.py"
    spec = importlib.util.spec_from_file_location(
        OLD_PACKAGE, init, submodule_search_locations=[str(init.parent)])
    package = importlib.util.module_from_spec(spec)
    sys.modules[OLD_PACKAGE] = package
    spec.loader.exec_module(package)
    return package


def old_texts(old_tree: Path) -> list[Text]:
    """Every text of the old tree, in the order of its dictionaries."""
    import_old_package(old_tree)
    texts, seen = [], {}
    for module_name, read, target in KEYS:
        try:
            module = importlib.import_module(f"{OLD_PACKAGE}.{module_name}")
        except ModuleNotFoundError as missing:
            if not (missing.name or "").startswith(OLD_PACKAGE):
                raise
            continue
        for key, values in read(module):
            forms = _languages(values)
            if key in seen and seen[key] != forms:
                raise SystemExit(f"Two old texts map to the key {key!r}.")
            if key not in seen and SOURCE_LANGUAGE in forms:
                seen[key] = forms
                texts.append(Text(key, target, forms))
    return texts


# Declarations: `message(...)` / `plural_message(...)` calls at module level.
def declaration_nodes(path: Path) -> dict[str, ast.Call]:
    """key -> its declaring call in `path`."""
    found = {}
    for node in ast.parse(path.read_text("utf-8")).body:
        call = node.value if isinstance(node, ast.Expr) else None
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                and call.func.id in ("message", "plural_message")
                and isinstance(call.args[0], ast.Constant)):
            found[call.args[0].value] = call
    return found


def declarations(path: Path) -> dict[str, int]:
    """key -> last line of its declaration in `path`."""
    return {key: call.end_lineno for key, call in declaration_nodes(path).items()}


def update_english(texts: list[Text]) -> list[str]:
    """Rewrite the declarations whose English the old tree changed (its translations then
    come in as missing ones)."""
    changed = []
    for target in dict.fromkeys(text.target for text in texts):
        path = ROOT / target
        nodes = declaration_nodes(path)
        lines = path.read_text("utf-8").splitlines(keepends=True)
        for text in sorted((t for t in texts if t.target == target and t.key in nodes),
                           key=lambda t: -nodes[t.key].lineno):
            call = nodes[text.key]
            english = tuple(arg.value for arg in call.args[1:])
            if english != text.forms[SOURCE_LANGUAGE]:
                source = declaration(text.key, text.forms[SOURCE_LANGUAGE])
                lines[call.lineno - 1:call.end_lineno] = source.splitlines(keepends=True)
                changed.append(text.key)
        path.write_text("".join(lines), "utf-8")
    return changed


ANCHOR = "# Texts (English source):"


def _literal(text: str) -> str:
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\u202f", "\\u202f").replace("\u00a0", "\\u00a0").replace("\u00ad", "\\u00ad"))
    return f'"{escaped}"'


def _pieces(text: str, width: int) -> list[str]:
    """`text` cut after spaces into literals of at most about `width` characters."""
    pieces, current = [], ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and len(_literal(candidate + " ")) > width:
            pieces.append(current + " ")
            current = word
        else:
            current = candidate
    pieces.append(current)
    return [_literal(piece) for piece in pieces]


def declaration(key: str, forms: tuple[str, ...]) -> str:
    """The Python source of a declaration, wrapped under 100 characters."""
    function = "message" if len(forms) == 1 else "plural_message"
    one_line = f"{function}({_literal(key)}, {', '.join(map(_literal, forms))})"
    if len(one_line) <= 99:
        return one_line + "\n"
    indent = " " * (len(function) + 1)
    lines = [f"{function}({_literal(key)},"]
    for number, form in enumerate(forms):
        pieces = _pieces(form, 99 - len(indent))
        for index, piece in enumerate(pieces):
            last = index == len(pieces) - 1
            end = (")" if number == len(forms) - 1 else ",") if last else ""
            lines.append(indent + piece + end)
    return "\n".join(lines) + "\n"


def declare(texts: list[Text]) -> list[str]:
    """Add the declarations of unknown keys to their modules, next to the key before them."""
    added = []
    by_target: dict[str, list[Text]] = {}
    for text in texts:
        by_target.setdefault(text.target, []).append(text)
    for target, group in by_target.items():
        path = ROOT / target
        known = declarations(path)
        lines = path.read_text("utf-8").splitlines(keepends=True)
        previous_line = None
        for text in group:
            if text.key in known:
                previous_line = known[text.key]
                continue
            if previous_line is None:
                previous_line = next(number for number, line in enumerate(lines, 1)
                                     if line.startswith(ANCHOR))
            source = declaration(text.key, text.forms[SOURCE_LANGUAGE]).splitlines(keepends=True)
            lines[previous_line:previous_line] = source
            known = {key: line + (len(source) if line > previous_line else 0)
                     for key, line in known.items()}
            previous_line += len(source)
            known[text.key] = previous_line
            added.append(text.key)
        path.write_text("".join(lines), "utf-8")
    return added


def pybabel(*arguments: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *arguments])


def extract() -> None:
    LOCALE.mkdir(parents=True, exist_ok=True)
    pybabel("extract", "-F", str(ROOT / "babel.cfg"), "--no-location",
            "-o", str(POT), str(ROOT))


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "messages.po"


def languages(texts: list[Text]) -> list[str]:
    return sorted({lang for text in texts for lang in text.forms} - {SOURCE_LANGUAGE})


def add_languages(texts: list[Text]) -> list[str]:
    """A new `.po` (from the template) for each language that has none yet."""
    added = [lang for lang in languages(texts) if not po_path(lang).exists()]
    for lang in added:
        pybabel("init", "-i", str(POT), "-d", str(LOCALE), "-l", lang, "-w", "100")
    return added


def translate(texts: list[Text]) -> dict[str, int]:
    """Fill every (key, language) the `.po` files lack; a new language gets its `.po`."""
    filled = {}
    for lang in languages(texts):
        with po_path(lang).open("rb") as handle:
            catalog = read_po(handle)
        count = 0
        for text in texts:
            english = text.forms[SOURCE_LANGUAGE]
            entry = catalog.get(english[0] if len(english) == 1 else english, context=text.key)
            if entry is None or lang not in text.forms:
                continue
            missing = (not any(entry.string) if isinstance(entry.string, tuple)
                       else not entry.string)
            if missing or entry.fuzzy:
                forms = text.forms[lang]
                if entry.pluralizable:
                    entry.string = tuple(forms) if len(forms) == catalog.num_plurals else (
                        tuple(forms[:1]) + (forms[-1],) * (catalog.num_plurals - 1))
                else:
                    entry.string = forms[0]
                entry.flags.discard("fuzzy")
                count += 1
        with po_path(lang).open("wb") as handle:
            write_po(handle, catalog, omit_header=False, ignore_obsolete=True, width=100)
        filled[lang] = count
    return filled


def update() -> None:
    pybabel("update", "-i", str(POT), "-d", str(LOCALE), "--no-fuzzy-matching",
            "--ignore-obsolete", "-w", "100")


def compile_all() -> None:
    pybabel("compile", "-d", str(LOCALE))


def changed_english(texts: list[Text]) -> list[str]:
    """Keys whose English in the old tree differs from the declaration here."""
    with POT.open("rb") as handle:
        template = read_po(handle)
    changed = []
    for message in template:
        text = next((t for t in texts if t.key == message.context), None)
        if text is None:
            continue
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        if tuple(english) != text.forms[SOURCE_LANGUAGE]:
            changed.append(message.context)
    return changed


def use_root(root: Path) -> None:
    """Write into the checkout at `root` (tests use a copy)."""
    global ROOT, LOCALE, POT
    ROOT = root
    LOCALE = root / "signals" / "texts" / "locale"
    POT = LOCALE / "messages.pot"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old_tree", type=Path, metavar="OLD_TREE")
    parser.add_argument("--update-english", action="store_true",
                        help="also take the old tree's English where it changed (and then its "
                             "translations of those texts)")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="the tree to write into (default: this checkout)")
    args = parser.parse_args(argv)
    use_root(args.root.resolve())
    texts = old_texts(args.old_tree.resolve())
    print(f"{len(texts)} texts in the old format")
    if args.update_english:
        for key in update_english(texts):
            print(f"English updated from the old tree: {key}")
    added = declare(texts)
    print(f"{len(added)} new keys declared")
    extract()
    for lang in add_languages(texts):
        print(f"new language: {lang}")
    update()
    filled = translate(texts)
    compile_all()
    print("translations added: " + ", ".join(f"{lang} {n}" for lang, n in filled.items()))
    for key in changed_english(texts):
        print(f"English differs in the old tree (kept this tree's): {key}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
