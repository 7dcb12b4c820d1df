"""Overview and Hotspots: a month reads as a green "no signal" only when every record kind
is stored for it; with only the workforce uploaded it reads as incomplete."""

from __future__ import annotations

import pytest
from test_app import MONTHS, open_page, workforce_csv

from signals import config
from signals.ingest.loader import ingest_bytes

NO_SIGNAL = "No department gives a signal this month."
INCOMPLETE = "March 2025 is not complete yet (see above)."


def store_files(files: dict[str, bytes]) -> None:
    for kind, data in files.items():
        result = ingest_bytes(config.default_db_path(), kind, f"{kind}.csv", data)
        assert result.accepted, result.error_report()


def csv(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def every_kind() -> dict[str, bytes]:
    """A quiet record of each kind in each month (too little history for any signal)."""
    return {
        "workforce": workforce_csv(),
        "absences": csv(["employee_id;department;start_date;end_date;absence_type"] + [
            f"A{n};Alpha;{month}-03;{month}-04;illness" for n, month in enumerate(MONTHS)]),
        "turnover": csv(["employee_id;department;date;event;reason"] + [
            f"T{n};Beta;{month}-05;hire;" for n, month in enumerate(MONTHS)]),
        "incidents": csv(["incident_id;date;department;category;days_lost"] + [
            f"I{n};{month}-10;Gamma;near_miss;0" for n, month in enumerate(MONTHS)]),
        "reintegration": csv(["request_id;employee_id;department;request_date;initiator"] + [
            f"R{n};E{n};Alpha;{month}-15;worker" for n, month in enumerate(MONTHS)]),
    }


def shown(elements) -> str:
    return "\n".join(element.value for element in elements)


@pytest.mark.parametrize("key", ["overview", "hotspots"])
def test_a_month_with_only_the_workforce_is_incomplete_not_green(key):
    store_files({"workforce": workforce_csv()})
    app = open_page(key, "en")
    assert "No files uploaded yet for: Absences" in shown(app.info)
    assert NO_SIGNAL not in shown(app.success), "no green 'no signal' on a month missing kinds"
    assert INCOMPLETE in shown(app.info)


@pytest.mark.parametrize("key", ["overview", "hotspots"])
def test_a_complete_quiet_month_stays_green(key):
    store_files(every_kind())
    app = open_page(key, "en")
    assert NO_SIGNAL in shown(app.success)
    assert INCOMPLETE not in shown(app.info)
