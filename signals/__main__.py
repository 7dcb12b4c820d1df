"""Command line: python -m signals COMMAND --db PATH ... (see shared CONTRACT.md, section 3).

Exit status: 0 done; 1 a file was rejected for its content (`ingest`); 2 a configuration
mistake (an unknown command or --kind, a missing file, an unusable key or database),
said in one line on stderr, never a traceback. `ingest` handles every file it is given
and exits 2 if any file met a configuration mistake, else 1 if any was rejected.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from . import config
from .definitions import KINDS


class Parser(argparse.ArgumentParser):
    """argparse that says a mistake in one line (no usage block) and exits 2."""

    def error(self, message: str):
        self.exit(2, f"error: {message} (see {self.prog} --help)\n")


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", type=Path, default=None,
        help="database file (default: $SIGNALS_DB or data/signals.duckdb)",
    )


def _build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="python -m signals",
        description="Collective warning signals for burn-out prevention.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    ingest = commands.add_parser("ingest", help="validate and store HR export files")
    _add_db(ingest)
    ingest.add_argument("--kind", required=True, choices=sorted(KINDS))
    ingest.add_argument("files", nargs="+", type=Path, metavar="FILE")

    for name, help_text in (("indicators", "all indicators"), ("alerts", "the warning signals"),
                            ("survey", "the survey scores per date, department and domain")):
        sub = commands.add_parser(name, help=help_text)
        _add_db(sub)
        sub.add_argument("--format", choices=["csv"], default="csv")

    demo = commands.add_parser("demo", help="fill the database with a synthetic organisation")
    _add_db(demo)
    demo.add_argument("--seed", type=int, default=2024)

    uploads = commands.add_parser("uploads", help="the upload history; undo an upload")
    _add_db(uploads)
    uploads.add_argument("action", choices=["list", "undo"])
    uploads.add_argument("upload_id", nargs="?", type=int, metavar="ID")

    _add_report(commands)

    users = commands.add_parser("users", help="manage the app's users")
    _add_db(users)
    users.add_argument("action", choices=["add", "remove", "list", "passwd"])
    users.add_argument("username", nargs="?")
    users.add_argument("--role", choices=["committee", "physician", "psychosocial_adviser", "hr",
                                                "admin"])
    return parser


def _add_report(commands) -> None:
    from .report.cli import add_arguments

    report = commands.add_parser("report", help="the prevention committee's report (PDF)")
    _add_db(report)
    add_arguments(report)


def _db_path(args) -> Path:
    return args.db if args.db is not None else config.default_db_path()


def _warn_about_key_file() -> None:
    from .ingest.pseudonym import key_file_warning

    warning = key_file_warning()
    if warning:
        print(f"warning: {warning.text()}", file=sys.stderr)


def _ingest_one(args, path: Path) -> int:
    """Ingest one file; its exit status: 0 stored, 1 rejected, 2 a configuration mistake."""
    from .ingest.loader import ingest_path

    if not path.is_file():
        reason = "no such file" if not path.exists() else "not a file"
        print(f"error: {path}: {reason}", file=sys.stderr)
        return 2
    try:
        result = ingest_path(_db_path(args), args.kind, path, uploaded_by=getpass.getuser())
    except config.ConfigError as error:
        print(f"error: {path.name}: {error.line()}", file=sys.stderr)
        return 2
    if result.accepted:
        print(result.summary())
        for warning in result.warnings:
            print(f"  warning: {warning}")
        return 0
    if result.config_problem:                  # the key: the operator's mistake, said once
        error = result.errors[0]
        where = f" ({config.key_file_path()})" if error.expected_key.startswith("key.file") else ""
        print(f"error: {path.name}: {error.expected}{where}", file=sys.stderr)
        return 2
    print(result.error_report(), file=sys.stderr)
    return 1


def _run_ingest(args) -> int:
    _warn_about_key_file()
    return max(_ingest_one(args, path) for path in args.files)


def _run_indicators(args) -> int:
    from .measures.indicators import indicators_csv
    from .store import connect

    with connect(_db_path(args)) as con:
        sys.stdout.write(indicators_csv(con))
    return 0


def _run_alerts(args) -> int:
    from .alerts.detection import alerts_csv
    from .store import connect

    with connect(_db_path(args)) as con:
        sys.stdout.write(alerts_csv(con))
    return 0


def _run_survey(args) -> int:
    from .measures.survey import survey_csv
    from .store import connect

    with connect(_db_path(args)) as con:
        sys.stdout.write(survey_csv(con))
    return 0


def _run_demo(args) -> int:
    from .demo import build_demo

    summary = build_demo(_db_path(args), seed=args.seed)
    print(summary)
    return 0


def _run_uploads(args) -> int:
    from .ingest.undo import run_uploads_command

    return run_uploads_command(_db_path(args), args.action, args.upload_id, getpass.getuser())


def _run_report(args) -> int:
    from .report.cli import run

    return run(args, _db_path(args))


def _run_users(args) -> int:
    from .access.users import run_users_command

    return run_users_command(_db_path(args), args.action, args.username, args.role)


COMMANDS = {
    "ingest": _run_ingest,
    "indicators": _run_indicators,
    "alerts": _run_alerts,
    "survey": _run_survey,
    "demo": _run_demo,
    "uploads": _run_uploads,
    "users": _run_users,
    "report": _run_report,
}


def main(argv: list[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    from .ingest.pseudonym import KeyMismatch
    from .store import DatabaseBusy

    try:
        return COMMANDS[args.command](args)
    except config.ConfigError as error:
        print(f"error: {error.line()}", file=sys.stderr)
        return 2
    except (DatabaseBusy, KeyMismatch, FileNotFoundError, PermissionError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
