"""Department names: look-alikes of ALL, and new names that look like known ones.

A name is compared after Unicode normalisation (NFKC), without invisible format
characters (zero-width spaces, joiners, direction marks) and case-folded: `ALL`
with a zero-width space or `AⅬL` is then `all`, reserved for the organisation.
A new name that differs from a stored one (or another name in the same file) only
by case, spaces, accents or invisible characters, or by one or two letters (one for
names of 4 to 7 characters, two from 8; digits must agree, so "Team 1" and "Team 2"
stay apart), gets a warning that suggests the known name. The distinct names of a
file are few; they are folded in Python and compared in DuckDB with levenshtein().
"""

from __future__ import annotations

import unicodedata

from .messages import Message
from .validation import DEPARTMENT_NAMES, create_from_lists, ident, text_column

MAX_SIMILAR_WARNINGS = 20
MAX_NAMES_COMPARED = 2000     # more distinct names than this: a generated file, no comparison
NAMES_TABLE = DEPARTMENT_NAMES


def fold(name: str) -> str:
    """NFKC, without format characters (Unicode category Cf), case-folded."""
    normal = unicodedata.normalize("NFKC", name)
    return "".join(char for char in normal if unicodedata.category(char) != "Cf").casefold()


def loose(name: str) -> str:
    """`fold`, then without accents and without spaces: what a person reads as the same."""
    decomposed = unicodedata.normalize("NFD", fold(name))
    return "".join(char for char in decomposed
                   if unicodedata.category(char) != "Mn" and not char.isspace())


def _names_columns(names: list[str]) -> dict[str, tuple[list, str]]:
    """The columns name, folded and loose, for `validation.create_from_lists`."""
    return {"name": (names, "VARCHAR"), "folded": ([fold(n) for n in names], "VARCHAR"),
            "loose": ([loose(n) for n in names], "VARCHAR")}


def stage_names(con) -> None:
    """TEMP table ingest_department_names (name, folded, loose, first_row) for the file."""
    rows = con.execute(f"SELECT {text_column('department')}, min(rowid) FROM ingest_parsed "
                       f"WHERE {text_column('department')} IS NOT NULL GROUP BY 1").fetchall()
    columns = _names_columns([row[0] for row in rows])
    columns["first_row"] = ([row[1] for row in rows], "BIGINT")
    create_from_lists(con, NAMES_TABLE, columns)


def known_names(con, tables) -> list[str]:
    """The distinct department names stored in `tables` (those that exist)."""
    present = {row[0] for row in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
    selects = [f"SELECT DISTINCT department FROM {ident(t)}" for t in tables if t in present]
    if not selects:
        return []
    return [row[0] for row in con.execute(" UNION ".join(selects)).fetchall()]


def _alike(a: str, b: str) -> str:
    """SQL: two staged names (loose forms `a`, `b`) that a person would read as one."""
    shortest = f"least(length({a}), length({b}))"
    return (f"(regexp_replace({a}, '[^0-9]', '', 'g') = regexp_replace({b}, '[^0-9]', '', 'g') "
            f"AND (levenshtein({a}, {b}) = 0 "
            f"OR (levenshtein({a}, {b}) = 1 AND {shortest} >= 4) "
            f"OR (levenshtein({a}, {b}) = 2 AND {shortest} >= 8)))")


def similar_warnings(con, known: list[str]) -> list[Message]:
    """Warnings for the file's new names that look like a known name or another new one."""
    count = con.execute(f"SELECT count(*) FROM {NAMES_TABLE}").fetchall()[0][0]
    if not count or count > MAX_NAMES_COMPARED or len(known) > MAX_NAMES_COMPARED:
        return []
    columns = _names_columns(known)
    create_from_lists(con, "ingest_known_departments",
                      {"name": columns["name"], "loose": columns["loose"]})
    rows = con.execute(f"""
        WITH new AS (SELECT * FROM {NAMES_TABLE}
                     WHERE name NOT IN (SELECT name FROM ingest_known_departments)),
        stored AS (
            SELECT n.name, n.first_row, k.name AS other, true AS stored
            FROM new n JOIN ingest_known_departments k ON {_alike('n.loose', 'k.loose')}
        ),
        pairs AS (
            SELECT * FROM stored
            UNION ALL                    -- names like no stored one: like an earlier new one?
            SELECT n.name, n.first_row, m.name AS other, false AS stored
            FROM new n JOIN new m ON m.first_row < n.first_row AND {_alike('n.loose', 'm.loose')}
            WHERE n.name NOT IN (SELECT name FROM stored) AND m.name NOT IN (SELECT name FROM stored)
        )
        SELECT l.line, p.name, p.other, p.stored FROM pairs p
        JOIN ingest_lines l ON l.row_index = p.first_row
        ORDER BY l.line, p.stored DESC, p.other LIMIT ?
    """, [MAX_SIMILAR_WARNINGS]).fetchall()
    con.execute("DROP TABLE ingest_known_departments")
    return [Message("warning.department.similar_stored" if stored
                    else "warning.department.similar_file",
                    {"line": line, "name": name, "known": other})
            for line, name, other, stored in rows]
