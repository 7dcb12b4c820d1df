"""Command line: python -m signals COMMAND --db PATH ... (see shared CONTRACT.md, section 3)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from . import config
from .definitions import KINDS


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", type=Path, default=None,
        help="database file (default: $SIGNALS_DB or data/signals.duckdb)",
    )


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m signals",
        description="Collective warning signals for burn-out prevention.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    ingest = commands.add_parser("ingest", help="validate and store HR export files")
    _add_db(ingest)
    ingest.add_argument("--kind", required=True, choices=sorted(KINDS))
    ingest.add_argument("files", nargs="+", type=Path, metavar="FILE")

    for name, help_text in (("indicators", "all indicators"), ("alerts", "the warning signals")):
        sub = commands.add_parser(name, help=help_text)
        _add_db(sub)
        sub.add_argument("--format", choices=["csv"], default="csv")

    demo = commands.add_parser("demo", help="fill the database with a synthetic organisation")
    _add_db(demo)
    demo.add_argument("--seed", type=int, default=2024)

    users = commands.add_parser("users", help="manage the app's users")
    _add_db(users)
    users.add_argument("action", choices=["add", "remove", "list", "passwd"])
    users.add_argument("username", nargs="?")
    users.add_argument("--role", choices=["committee", "physician", "hr", "admin"])
    return parser


def _db_path(args) -> Path:
    return args.db if args.db is not None else config.default_db_path()


def _run_ingest(args) -> int:
    from .ingest import ingest_path

    rejected = 0
    for path in args.files:
        result = ingest_path(_db_path(args), args.kind, path, uploaded_by=getpass.getuser())
        if result.accepted:
            print(result.summary())
            for warning in result.warnings:
                print(f"  warning: {warning}")
        else:
            rejected += 1
            print(result.error_report(), file=sys.stderr)
    return 1 if rejected else 0


def _run_indicators(args) -> int:
    from .indicators import indicators_csv
    from .store import connect

    with connect(_db_path(args)) as con:
        sys.stdout.write(indicators_csv(con))
    return 0


def _run_alerts(args) -> int:
    from .alerts import alerts_csv
    from .store import connect

    with connect(_db_path(args)) as con:
        sys.stdout.write(alerts_csv(con))
    return 0


def _run_demo(args) -> int:
    from .demo import build_demo

    summary = build_demo(_db_path(args), seed=args.seed)
    print(summary)
    return 0


def _run_users(args) -> int:
    from .users import run_users_command

    return run_users_command(_db_path(args), args.action, args.username, args.role)


COMMANDS = {
    "ingest": _run_ingest,
    "indicators": _run_indicators,
    "alerts": _run_alerts,
    "demo": _run_demo,
    "users": _run_users,
}


def main(argv: list[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    from .pseudonym import KeyMismatch
    from .store import DatabaseBusy

    try:
        return COMMANDS[args.command](args)
    except (config.ConfigError, DatabaseBusy, KeyMismatch, FileNotFoundError,
            PermissionError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
