"""Convert the third-party "Human Resources Data Set" (HRDataset_v14.csv) to contract files.

The data set (Huebner and Patalano, a synthetic US teaching set, one row per
employee) is not in the contract's format. This converter writes two files:

`workforce.csv`: month, department, headcount (fte and hours_worked empty)
- months from the month of the earliest DateofHire to the month of the latest
  DateofTermination (or of the latest hire, if that is later);
- a department's rows start at the month of its first hire;
- headcount = employees of the department employed on the last day of the month:
  DateofHire <= last day and (no DateofTermination or DateofTermination > last day).

`turnover.csv`: employee_id, department, date, event, reason
- employee_id = EmpID; department = Department with spaces trimmed;
- one `hire` event per employee on DateofHire;
- one `exit` event per terminated employee on DateofTermination, reason:
  TermReason "retiring"                   -> retirement
  EmploymentStatus "Voluntarily Terminated" -> voluntary
  EmploymentStatus "Terminated for Cause"   -> involuntary
  anything else                           -> other

Dates are US M/D/YYYY in the source and ISO YYYY-MM-DD in the output.
Everything else (names, addresses, birth dates, manager names, TermReason text,
performance and salary columns...) is dropped at the door: only the columns
above are read, so no name or free text is ever written.

    python -m signals.hrdataset SOURCE_CSV OUT_DIR
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

SOURCE_COLUMNS = ("EmpID", "Department", "DateofHire", "DateofTermination",
                  "EmploymentStatus", "TermReason")
RETIREMENT_TERM_REASONS = ("retiring",)
STATUS_REASONS = {
    "voluntarily terminated": "voluntary",
    "terminated for cause": "involuntary",
}


def _employees_sql() -> str:
    """One row per employee with only the columns the contract needs."""
    status_cases = " ".join(
        f"WHEN lower(trim(EmploymentStatus)) = '{status}' THEN '{reason}'"
        for status, reason in STATUS_REASONS.items()
    )
    retirement = ", ".join(f"'{reason}'" for reason in RETIREMENT_TERM_REASONS)
    return f"""
        SELECT trim(CAST(EmpID AS VARCHAR)) AS employee_id,
               trim(Department) AS department,
               strptime(trim(DateofHire), '%m/%d/%Y')::DATE AS hire_date,
               strptime(nullif(trim(DateofTermination), ''), '%m/%d/%Y')::DATE AS exit_date,
               CASE WHEN lower(trim(TermReason)) IN ({retirement}) THEN 'retirement'
                    {status_cases}
                    ELSE 'other' END AS exit_reason
        FROM read_csv($source, header = true, all_varchar = true)
    """


WORKFORCE_SQL = """
    WITH bounds AS (
        SELECT date_trunc('month', min(hire_date)) AS first_month,
               date_trunc('month', greatest(max(exit_date), max(hire_date))) AS last_month
        FROM employees
    ),
    months AS (
        SELECT month::DATE AS month, (month + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS last_day
        FROM bounds, generate_series(first_month, last_month, INTERVAL 1 MONTH) AS m(month)
    ),
    departments AS (
        SELECT department, date_trunc('month', min(hire_date))::DATE AS first_month
        FROM employees GROUP BY department
    )
    SELECT strftime(m.month, '%Y-%m') AS month,
           d.department,
           count(e.employee_id) AS headcount,
           NULL AS fte,
           NULL AS hours_worked
    FROM months m
    JOIN departments d ON m.month >= d.first_month
    LEFT JOIN employees e
           ON e.department = d.department
          AND e.hire_date <= m.last_day
          AND (e.exit_date IS NULL OR e.exit_date > m.last_day)
    GROUP BY m.month, d.department
    ORDER BY m.month, d.department
"""

TURNOVER_SQL = """
    SELECT employee_id, department, strftime(hire_date, '%Y-%m-%d') AS date,
           'hire' AS event, NULL AS reason
    FROM employees
    UNION ALL
    SELECT employee_id, department, strftime(exit_date, '%Y-%m-%d'), 'exit', exit_reason
    FROM employees WHERE exit_date IS NOT NULL
    ORDER BY date, event, employee_id
"""


def convert_hrdataset(source_csv: Path, out_dir: Path) -> dict[str, Path]:
    """Write workforce.csv and turnover.csv for `source_csv` into `out_dir`; return their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = {"workforce": out_dir / "workforce.csv", "turnover": out_dir / "turnover.csv"}
    con = duckdb.connect()
    try:
        _check_columns(con, Path(source_csv))
        con.execute(f"CREATE TEMP TABLE employees AS {_employees_sql()}", {"source": str(source_csv)})
        for kind, sql in (("workforce", WORKFORCE_SQL), ("turnover", TURNOVER_SQL)):
            frame = con.execute(sql).df()
            frame.to_csv(outputs[kind], index=False, lineterminator="\n")
    finally:
        con.close()
    return outputs


def _check_columns(con: duckdb.DuckDBPyConnection, source_csv: Path) -> None:
    """Fail with a clear message when the file is not the HR data set."""
    header = con.execute(
        "SELECT * FROM read_csv($source, header = true, all_varchar = true) LIMIT 0",
        {"source": str(source_csv)},
    ).description
    found = {column[0] for column in header}
    missing = [name for name in SOURCE_COLUMNS if name not in found]
    if missing:
        raise ValueError(f"{source_csv.name} lacks the columns {', '.join(missing)}; "
                         "is it HRDataset_v14.csv?")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m signals.hrdataset",
        description="Convert HRDataset_v14.csv to contract workforce and turnover files.",
    )
    parser.add_argument("source", type=Path, metavar="SOURCE")
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    args = parser.parse_args(argv)
    for kind, path in convert_hrdataset(args.source, args.out_dir).items():
        print(f"{kind}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
