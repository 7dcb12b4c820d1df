"""The `alerts` command end to end on a database filled by SQL."""

from __future__ import annotations

from signals import store
from signals.__main__ import main
from signals.alerts.detection import alerts_csv, evaluate

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


def fill_teams(db_path, teams: dict[str, tuple[int, bool]], spiking: tuple[str, ...]) -> None:
    """{team: (headcount, gives hours)}; one exit every other month, eight in the spiking
    teams in SPIKE_MONTH, and a lost-time accident a month in every team."""
    names = list(teams)
    with store.connect(db_path) as con:
        con.execute("""
            INSERT INTO workforce
            SELECT (DATE '2022-01-01' + to_months(m))::DATE, d.name, d.headcount, NULL,
                   CASE WHEN d.hours THEN d.headcount * 140.0 END, 1
            FROM range(?) AS t(m),
                 (SELECT unnest(?) AS name, unnest(?) AS headcount, unnest(?) AS hours) AS d
        """, [MONTHS, names, [size for size, _ in teams.values()],
              [hours for _, hours in teams.values()]])
        con.execute("""
            INSERT INTO turnover
            SELECT 'k-' || d || '-' || m || '-' || i, d,
                   (DATE '2022-01-01' + to_months(m) + INTERVAL 9 DAY)::DATE, 'exit', 'voluntary', 1
            FROM (SELECT unnest(?) AS d), range(?) AS t(m), range(8) AS r(i)
            WHERE i < CASE WHEN m = ? AND list_contains(?, d) THEN 8 ELSE m % 2 END
        """, [names, MONTHS, SPIKE_MONTH, list(spiking)])
        con.execute("""
            INSERT INTO incidents
            SELECT 'a-' || d || '-' || m, (DATE '2022-01-01' + to_months(m) + INTERVAL 4 DAY)::DATE,
                   d, 'work_accident', 2, 1
            FROM (SELECT unnest(?) AS d), range(?) AS t(m)
        """, [names, MONTHS])


def test_no_signal_on_a_team_hidden_to_protect_another(db_path, capsys):
    # Klein (6) beside Leeg (headcount 0): Zorg, the smallest other team with people,
    # hides Klein from ALL, so its spike must not show (before: an alert on Zorg)
    fill_teams(db_path, {"Klein": (6, True), "Leeg": (0, True), "Onthaal": (60, True),
                         "Zorg": (40, True)}, spiking=("Zorg",))
    with store.connect(db_path) as con:
        evaluation = evaluate(con)
    for table in (evaluation.signals, evaluation.chart, evaluation.funnel):
        assert not {"Klein", "Leeg", "Zorg"} & set(table["department"])
    assert main(["alerts", "--db", str(db_path)]) == 0
    rows = [line.split(",") for line in capsys.readouterr().out.splitlines()[1:]]
    assert {row[1] for row in rows} <= {"Onthaal", "ALL"}


def test_no_signal_on_all_when_all_is_suppressed(db_path, capsys):
    fill_teams(db_path, {"Een": (4, True), "Twee": (5, True)}, spiking=("Een", "Twee"))
    with store.connect(db_path) as con:
        evaluation = evaluate(con)
    assert evaluation.signals.empty and evaluation.chart.empty
    assert main(["alerts", "--db", str(db_path)]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == []


def test_all_of_the_accident_rates_hidden_when_few_give_hours(db_path):
    # Klein (6) alone gives hours: ALL's accident rates would be Klein's
    fill_teams(db_path, {"Klein": (6, True), "Groot": (12, False), "Zorg": (40, False)},
               spiking=("Zorg",))
    with store.connect(db_path) as con:
        evaluation = evaluate(con)
    organisation = evaluation.chart[evaluation.chart["department"] == "ALL"]
    assert not {"accident_frequency_rate", "accident_severity_rate"} & set(organisation["indicator"])
    assert "turnover_rate" in set(organisation["indicator"])
    assert not {"Klein", "Groot"} & set(evaluation.chart["department"])
