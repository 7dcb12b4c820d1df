"""Stage 1, ingest: a monthly CSV from HR or a prevention service becomes stored rows.

Dialect and encoding (csv_dialect), header and code aliases (aliases), validation with
precise messages (validation, messages), pseudonymisation at the door (pseudonym), the
all-or-nothing load into DuckDB (loader), undo, templates, look-alike department names and
the importer for third-party HR data (hrdataset).
"""
