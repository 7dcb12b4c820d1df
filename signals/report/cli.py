"""`python -m signals report`: the committee report as a PDF file (CONTRACT.md section 3).

    report --month YYYY-MM [--lang nl|fr|en|de] --out FILE.pdf [--organisation NAME]
    report --year YYYY ...

Exit status 0 when the file is written; 2 for a mistake of the command (a malformed
month or year, a month or year without data, no database, an output file that cannot be
written), said in one line on stderr. The PDF is written to a temporary file beside
FILE and renamed, so a failed run leaves no half file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import tempfile
from pathlib import Path

from ..definitions import LANGUAGES

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def month_argument(value: str) -> dt.date:
    match = MONTH.match(value.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise argparse.ArgumentTypeError(f"invalid month {value!r}; expected YYYY-MM")
    return dt.date(int(match.group(1)), int(match.group(2)), 1)


def year_argument(value: str) -> int:
    if not re.fullmatch(r"\d{4}", value.strip()):
        raise argparse.ArgumentTypeError(f"invalid year {value!r}; expected YYYY")
    return int(value)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    period = parser.add_mutually_exclusive_group(required=True)
    period.add_argument("--month", type=month_argument, help="the month, YYYY-MM")
    period.add_argument("--year", type=year_argument, help="the annual evaluation, YYYY")
    parser.add_argument("--lang", choices=LANGUAGES, default="nl")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    parser.add_argument("--organisation", default=None,
                        help="the organisation's name on the cover (default: the admin's setting)")


def _write(path: Path, data: bytes) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=".report-", suffix=".pdf", dir=folder)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def run(args, db_path: Path) -> int:
    from . import ReportError, clean_organisation_name, report_pdf

    out = args.out
    if out.is_dir() or not (out.parent if str(out.parent) else Path(".")).is_dir():
        print(f"error: cannot write {out}: no such folder", file=sys.stderr)
        return 2
    try:
        organisation = (clean_organisation_name(args.organisation)
                        if args.organisation is not None else None)
        data = report_pdf(db_path, lang=args.lang, month=args.month, year=args.year,
                          organisation=organisation)
    except (ReportError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        _write(out, data)
    except OSError as error:
        print(f"error: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return 2
    return 0
