"""The `alerts` command end to end on a database filled by SQL."""

from __future__ import annotations

from signals import store
from signals.__main__ import main
from signals.alerts import alerts_csv, evaluate

HEADCOUNTS = {"Keuken": 40, "Onthaal": 60, "Tiny": 5, "Zorg": 40}
MONTHS = 30
SPIKE_MONTH = 28                # 2024-05


def fill(db_path) -> None:
    with store.connect(db_path) as con:
        con.execute("""
            INSERT INTO workforce
            SELECT (DATE '2022-01-01' + to_months(m))::DATE, d.name, d.headcount, NULL,
                   d.headcount * 140.0, 1
            FROM range(?) AS t(m), (SELECT unnest(?) AS name, unnest(?) AS headcount) AS d
        """, [MONTHS, list(HEADCOUNTS), list(HEADCOUNTS.values())])
        # One exit every other month everywhere; eight in Zorg in the spike month and
        # in Tiny (suppressed, so never shown) too.
        con.execute("""
            INSERT INTO turnover
            SELECT 'k-' || d || '-' || m || '-' || i, d,
                   (DATE '2022-01-01' + to_months(m) + INTERVAL 9 DAY)::DATE, 'exit', 'voluntary', 1
            FROM (SELECT unnest(?) AS d), range(?) AS t(m), range(8) AS r(i)
            WHERE i < CASE WHEN m = ? AND d IN ('Zorg', 'Tiny') THEN 8 ELSE m % 2 END
        """, [list(HEADCOUNTS), MONTHS, SPIKE_MONTH])


def test_alerts_command_prints_the_contract_csv(db_path, capsys):
    fill(db_path)
    assert main(["alerts", "--db", str(db_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "month,department,indicator,level,rule,value,expected,upper_limit"
    rows = [line.split(",") for line in lines[1:]]
    assert ["2024-05", "Zorg", "turnover_rate", "alert", "beyond_upper_limit", "20"] in [
        row[:6] for row in rows]
    assert {row[1] for row in rows} <= {"Zorg", "Onthaal", "ALL"}   # Tiny and its complement hidden
    assert all(row[3] in ("watch", "alert") for row in rows)


def test_alerts_csv_matches_evaluation(db_path):
    fill(db_path)
    with store.connect(db_path) as con:
        text = alerts_csv(con)
        evaluation = evaluate(con)
    assert len(text.splitlines()) == len(evaluation.signals) + 1
    assert not {"Tiny", "Keuken"} & set(evaluation.chart["department"])
    assert not {"Tiny", "Keuken"} & set(evaluation.funnel["department"])


def test_empty_database_gives_the_header_only(db_path, capsys):
    assert main(["alerts", "--db", str(db_path)]) == 0
    assert capsys.readouterr().out == "month,department,indicator,level,rule,value,expected,upper_limit\n"
