"""What the committee report says, read from the domain and written out in one language.

`monthly(...)` and `yearly(...)` return a plain dict of texts and rows for the template
(signals.report.render): every number is already formatted, every text is still raw
(the template escapes it). Privacy: figures come from the *suppressed* indicator frame
and from the alerts chart frame (shown cells only); a suppressed cell is written as the
suppression text, never as a number; no employee id is ever read; of the physician's
notes only the collective advice meant for the committee is printed.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .. import store
from ..alerts import method
from ..alerts.detection import Evaluation, evaluate, hotspots, without_figures
from ..definitions import (
    ALL_DEPARTMENTS,
    INDICATOR_GROUPS,
    INDICATOR_IDS,
    INDICATORS,
    INDICATORS_BY_ID,
    MEASURE_INDICATOR_IDS,
    kind_label,
    source_note,
)
from ..measures.completeness import incomplete_months, missing_kinds
from ..measures.indicators import FORMULAS, blank_indicators, indicator_frame, unrecorded_indicators
from ..measures.suppression import COMPLEMENTARY
from ..texts.formatting import (
    UNIT_SUFFIXES,
    format_number,
    format_percent,
    format_value,
    month_label,
)
from ..texts.i18n import LANGUAGE_NAMES, has_text, text
from . import ReportError, charts, organisation_name
from . import texts as _texts  # noqa: F401  (declares the report's words)

CHART_MONTHS = 24
ICONS = {"ok": "●", "watch": "▲", "alert": "■", "improvement": "▼", "unjudged": "○",
         "no_data": "○", "incomplete": "◐", "suppressed": "○"}
WARNING_LEVELS = ("alert", "watch")
LEVEL_RANK = {"alert": 0, "watch": 1, "improvement": 2}


@dataclass
class Sources:
    """What one report reads, once."""
    demo: bool
    min_group_size: int
    organisation: str
    frame: pd.DataFrame           # suppressed indicators, unrecorded ones blank
    evaluation: Evaluation        # alerts, unrecorded ones without figures
    incomplete: pd.DataFrame
    months: list[dt.date]         # months with an organisation row
    cycle: dict                   # actions, history, meetings, advice (frames)
    reintegration: object = None


# --- reading -----------------------------------------------------------------------------

def read_sources(db_path: Path | str, *, actor: str | None = None,
                 organisation: str | None = None, year: int | None = None,
                 detail: bool = True) -> Sources:
    """Everything a report needs from the database and the access store. `actor` None is the
    command line's operator (who holds the files); else the app's user, whose role is checked.
    detail=False (the annual evaluation): the signals without sentences, charts or funnel."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise ReportError(f"no database at {db_path}")
    with store.connect(db_path, read_only=True) as con:
        demo, min_group_size = store.is_demo(con), store.min_group_size(con)
        name = organisation if organisation is not None else organisation_name(con)
        if not name and demo:
            from ..demo import ORGANISATION
            name = ORGANISATION
        unrecorded = unrecorded_indicators(con)
        frame = blank_indicators(indicator_frame(con, min_group_size=min_group_size),
                                 unrecorded, ("numerator", "value"))
        evaluation = without_figures(evaluate(con, min_group_size=min_group_size, detail=detail), unrecorded)
        incomplete = incomplete_months(con)
        reintegration = _reintegration(con, year, min_group_size)
    months = sorted(frame.loc[frame["department"] == ALL_DEPARTMENTS, "month"].unique())
    return Sources(demo, min_group_size, name, frame, evaluation, incomplete, months,
                   read_cycle(db_path, actor), reintegration)


def _reintegration(con, year, min_group_size):
    """The year's collective re-integration review, where the domain offers it."""
    try:
        from ..measures.reintegration_review import reintegration_review
    except ImportError:
        return None
    if year is None:
        return None
    return reintegration_review(con, year, min_group_size=min_group_size)


def read_cycle(db_path: Path, actor: str | None) -> dict:
    """Actions, their history, meetings and the collective advice. The app's user reads them
    through signals.cycle (roles checked there); the command line's operator directly."""
    from ..access import control as access
    from ..cycle import actions as cycle_actions
    from ..cycle import meetings

    empty = {"actions": pd.DataFrame(columns=cycle_actions.ACTION_COLUMNS),
             "history": pd.DataFrame(columns=cycle_actions.HISTORY_COLUMNS),
             "meetings": pd.DataFrame(columns=meetings.MEETING_COLUMNS),
             "advice": pd.DataFrame(columns=meetings.ADVICE_COLUMNS)}
    if not access.access_db_path(db_path).exists():
        return empty
    if actor is not None:
        result = {"actions": cycle_actions.list_actions(db_path, actor),
                  "history": cycle_actions.action_history(db_path, actor),
                  "meetings": meetings.list_meetings(db_path, actor)}
        try:
            result["advice"] = meetings.list_advice(db_path, actor)
        except PermissionError:
            result["advice"] = empty["advice"]
        return result
    return _operator_cycle(db_path, empty)


def _operator_cycle(db_path: Path, empty: dict) -> dict:
    from ..access import control as access
    from ..cycle import actions as cycle_actions
    from ..cycle import common, meetings

    with access.open_store(db_path) as con:
        actions = con.execute(f"SELECT {', '.join(cycle_actions.ACTION_COLUMNS)} FROM actions"
                              " ORDER BY start_date DESC, action_id DESC").fetchall()
        history = con.execute(f"SELECT {', '.join(cycle_actions.HISTORY_COLUMNS)}"
                              " FROM action_history ORDER BY entry_id").fetchall()
        meeting_rows = con.execute(f"SELECT {', '.join(meetings.MEETING_COLUMNS)} FROM meetings"
                                   " ORDER BY day").fetchall()
        advice_rows = con.execute(
            "SELECT a.meeting_id, m.day, a.advice, a.author, a.written_at FROM meeting_advice a"
            " JOIN meetings m USING (meeting_id) ORDER BY m.day").fetchall()
    result = dict(empty)
    result["actions"] = cycle_actions._frame(actions)
    history_frame = pd.DataFrame(history, columns=cycle_actions.HISTORY_COLUMNS)
    result["history"] = common.stamps_to_datetimes(history_frame, ("at",))
    for key, rows, columns in (("meetings", meeting_rows, meetings.MEETING_COLUMNS),
                               ("advice", advice_rows, meetings.ADVICE_COLUMNS)):
        frame = pd.DataFrame(rows, columns=columns)
        frame["day"] = [dt.date.fromisoformat(value) for value in frame["day"]]
        result[key] = frame
    return result


# --- words and numbers -------------------------------------------------------------------

def month_text(month: dt.date, lang: str, short: bool = False) -> str:
    return month_label(month, lang, short=short)


def day_text(day: dt.date, lang: str) -> str:
    from babel.dates import format_date

    from ..texts.formatting import LOCALES
    return format_date(day, "long", locale=LOCALES[lang])


def level_label(level: str, lang: str) -> str:
    key = f"level.{level}"
    if has_text(key):
        return text(key, lang)
    return text(f"report.level.{level}", lang) if has_text(f"report.level.{level}") else level


def suppressed_text(lang: str, min_group_size: int, reason=None, short: bool = False) -> str:
    if reason == COMPLEMENTARY:
        return text("suppressed.complementary_short" if short else "suppressed.complementary", lang)
    return text("suppressed.short" if short else "suppressed.value", lang, n=min_group_size)


def value_text(value, indicator: str, lang: str) -> str:
    return format_value(None if value is None or pd.isna(value) else float(value),
                        INDICATORS_BY_ID[indicator].unit, lang)


def cell_text(row, indicator: str, lang: str, min_group_size: int, short: bool = True) -> str:
    """A frame row's value, or why it is not shown."""
    if row is None:
        return "–"
    if bool(row["suppressed"]):
        return suppressed_text(lang, min_group_size, row.get("suppression_reason"), short)
    return value_text(row["value"], indicator, lang)


def unit_words(indicator: str, lang: str) -> str:
    return UNIT_SUFFIXES.get(INDICATORS_BY_ID[indicator].unit, {}).get(lang, "")


def markdown_html(source: str) -> str:
    """The method page's small Markdown (paragraphs, **bold**) as safe HTML."""
    paragraphs = [html.escape(part) for part in source.split("\n\n")]
    return "".join("<p>" + re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", part) + "</p>"
                   for part in paragraphs)


def month_ranges(months, lang: str) -> str:
    """'apr 2026 – jun 2026, sep 2026': runs of consecutive months as one range."""
    runs: list[list[dt.date]] = []
    for month in sorted(set(months)):
        number = month.year * 12 + month.month
        if runs and number - (runs[-1][-1].year * 12 + runs[-1][-1].month) == 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    return ", ".join(month_text(run[0], lang, True) if len(run) == 1 else
                     f"{month_text(run[0], lang, True)} – {month_text(run[-1], lang, True)}"
                     for run in runs)


def add_months(month: dt.date, count: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


# --- common parts --------------------------------------------------------------------------

def _complete_up_to(sources: Sources, until: dt.date) -> dt.date | None:
    incomplete = set(sources.incomplete["month"])
    complete = [month for month in sources.months if month <= until and month not in incomplete]
    return max(complete) if complete else None


def cover(sources: Sources, lang: str, *, title: str, period: str, until: dt.date,
          today: dt.date) -> dict:
    complete = _complete_up_to(sources, until)
    missing = missing_kinds(sources.incomplete, until)
    return {
        "title": title,
        "organisation": sources.organisation or text("report.organisation_unnamed", lang),
        "period": period,
        "complete": text("report.complete_up_to", lang,
                         month=month_text(complete, lang) if complete else "–"),
        "incomplete": text("report.incomplete_month", lang, month=month_text(until, lang),
                           kinds=", ".join(kind_label(kind, lang) for kind in missing))
        if missing else "",
        "generated": text("report.generated_on", lang, day=day_text(today, lang)),
        "language": text("report.language", lang, language=LANGUAGE_NAMES[lang]),
        "privacy": text("report.privacy", lang, n=sources.min_group_size),
        "demo": sources.demo,
        "demo_note": text("report.demo_note", lang),
    }


def appendix(sources: Sources, lang: str) -> dict:
    definitions = [{"name": indicator.name(lang), "definition": indicator.definition(lang),
                    "unit": text("unit." + indicator.unit, lang)} for indicator in INDICATORS]
    return {
        "definitions": definitions,
        "source": text("report.appendix.source", lang, source=source_note(lang)),
        "intro": markdown_html(method.intro(lang)),
        "sections": [{"title": title, "html": markdown_html(body)}
                     for title, body in method.sections(lang)],
        "rules": [{"rule": row["rule"], "level": level_label(row["level"], lang),
                   "icon": ICONS[row["level"]], "meaning": row["meaning"]}
                  for row in method.rule_rows(lang)],
        "rules_intro": method.header("rules_intro", lang),
        "rules_source": method.header("source", lang),
        "rule_headers": {name: method.header(name, lang) for name in ("rule", "level", "meaning",
                                                                      "rules_title")},
        "suppression": text("report.appendix.suppression_text", lang, n=sources.min_group_size),
    }


def _action_code(action_id) -> str:
    return f"A{int(action_id)}"


def _targets(departments, lang: str) -> str:
    return ", ".join(text("common.organisation", lang) if name == ALL_DEPARTMENTS else str(name)
                     for name in departments)


def actions_section(sources: Sources, lang: str, first: dt.date, last: dt.date,
                    latest_month: dt.date) -> list[dict]:
    """The actions running at some time from `first` to `last` (month starts), with the
    evaluation of each targeted indicator on the suppressed frame."""
    from ..cycle.evaluation import evaluate_action, sentence

    actions = sources.cycle["actions"]
    if actions.empty:
        return []
    end = add_months(last, 1)
    rows = []
    for action in actions.sort_values(["start_date", "action_id"]).to_dict("records"):
        if action["start_date"] >= end:
            continue
        ended = action["status"] in ("closed", "stopped") and action["updated_at"].date() < first
        if ended:
            continue
        evaluations = evaluate_action(sources.frame, action, latest_month)
        rows.append({
            "code": _action_code(action["action_id"]),
            "title": action["title"],
            "targets": _targets(action["departments"], lang),
            "indicators": ", ".join(INDICATORS_BY_ID[i].name(lang) for i in action["indicators"]),
            "level": text(f"cycle.level.{action['level']}", lang),
            "status": text(f"cycle.status.{action['status']}", lang),
            "dates": f"{day_text(action['start_date'], lang)} · "
                     f"{day_text(action['evaluation_date'], lang)}",
            "evaluations": [sentence(evaluation, lang) for evaluation in evaluations],
        })
    return rows


def _action_months(actions: pd.DataFrame) -> dict[tuple[str, str], list[tuple[dt.date, str]]]:
    """(department, indicator) -> [(start month, code)]; an action on ALL marks every department."""
    marks: dict[tuple[str, str], list] = {}
    for action in actions.to_dict("records"):
        start = dt.date(action["start_date"].year, action["start_date"].month, 1)
        for department in action["departments"]:
            for indicator in action["indicators"]:
                marks.setdefault((department, indicator), []).append(
                    (start, _action_code(action["action_id"])))
    return marks


# --- the monthly report --------------------------------------------------------------------

def _organisation_rows(sources: Sources, month: dt.date, lang: str) -> list[dict]:
    frame = sources.frame
    organisation = frame[frame["department"] == ALL_DEPARTMENTS]
    now = organisation[organisation["month"] == month].set_index("indicator")
    before = organisation[organisation["month"] == add_months(month, -12)].set_index("indicator")
    chart = sources.evaluation.chart
    judged = chart[(chart["month"] == month) & (chart["department"] == ALL_DEPARTMENTS)]
    judged = judged.set_index("indicator")
    incomplete = missing_kinds(sources.incomplete, month)
    rows = []
    for indicator in INDICATOR_IDS:
        if indicator not in now.index:
            continue
        row = now.loc[indicator]
        last_year = before.loc[indicator] if indicator in before.index else None
        level, reason = _organisation_level(row, judged.loc[indicator] if indicator in judged.index
                                            else None, indicator, incomplete, lang)
        rows.append({
            "name": INDICATORS_BY_ID[indicator].name(lang),
            "unit": unit_words(indicator, lang),
            "value": cell_text(row, indicator, lang, sources.min_group_size),
            "last_year": cell_text(last_year, indicator, lang, sources.min_group_size),
            "level": level, "icon": ICONS.get(level, "●"), "label": level_label(level, lang),
            "reason": reason,
        })
    return rows


def _organisation_level(row, judged, indicator: str, incomplete: dict, lang: str):
    """(level, one-line reason) of the organisation's indicator, as the overview's tiles."""
    if bool(row["suppressed"]):
        key = ("report.reason.suppressed_complementary"
               if row.get("suppression_reason") == COMPLEMENTARY else "report.reason.suppressed")
        return "suppressed", text(key, lang)
    if pd.isna(row["value"]):
        return "no_data", text("report.reason.no_data", lang)
    level = judged["level"] if judged is not None else None
    if level is not None and not pd.isna(level):
        return level, str(judged[f"reason_{lang}"])
    improved = judged.get("improvement") if judged is not None else None
    if isinstance(improved, str):        # the low side, where the alerts give it apart
        return "improvement", str(judged.get(f"improvement_reason_{lang}") or "")
    if INDICATORS_BY_ID[indicator].source_kind in incomplete:
        return "incomplete", text("report.reason.incomplete", lang)
    if judged is None or pd.isna(judged["expected"]):
        return "unjudged", text("report.reason.unjudged", lang)
    return "ok", text("report.reason.ok", lang,
                      expected=value_text(judged["expected"], indicator, lang))


def _strongest(levels) -> str:
    return min(levels, key=lambda level: LEVEL_RANK.get(level, 9))


def _ranking(sources: Sources, month: dt.date, lang: str) -> list[dict]:
    ranked = hotspots(sources.evaluation, month=month)
    rows = []
    for row in ranked.to_dict("records"):
        reasons = str(row[f"reason_{lang}"]).splitlines()
        level = _strongest(row["levels"])
        rows.append({
            "rank": int(row["rank"]), "department": str(row["department"]),
            "level": level, "icon": ICONS.get(level, "●"), "label": level_label(level, lang),
            "since": month_text(row["since"], lang, short=True) if row["since"] else "",
            "reasons": [{"level": indicator_level, "icon": ICONS.get(indicator_level, "●"),
                         "text": reason}
                        for indicator_level, reason in zip(row["levels"], reasons)],
            "pairs": list(zip(row["indicators"], row["levels"])),
        })
    return rows


def _attention(ranking: list[dict], lang: str) -> list[str]:
    lines = []
    for row in ranking:
        counts = {}
        for _, level in row["pairs"]:
            counts[level] = counts.get(level, 0) + 1
        levels = ", ".join(f"{ICONS.get(level, '●')} {count} {level_label(level, lang).lower()}"
                           for level, count in sorted(counts.items(),
                                                      key=lambda item: LEVEL_RANK.get(item[0], 9)))
        lines.append({"rank": row["rank"], "text": text(
            "report.attention_row", lang, department=row["department"], n=len(row["pairs"]),
            levels=levels)})
    return lines


def _charts(sources: Sources, month: dt.date, ranking: list[dict], lang: str) -> list[dict]:
    chart = sources.evaluation.chart
    first = add_months(month, -(CHART_MONTHS - 1))
    departments = [row["department"] for row in ranking]
    window = chart[(chart["month"] >= first) & (chart["month"] <= month)
                   & chart["department"].isin(departments)]
    series = {key: rows for key, rows in window.groupby(["department", "indicator"], sort=False)}
    marks = _action_months(sources.cycle["actions"])
    result = []
    for row in ranking:
        department = row["department"]
        for indicator, _ in row["pairs"]:
            rows = series.get((department, indicator))
            if rows is None:
                continue
            rows = rows.sort_values("month")
            improved = rows["improvement"] if "improvement" in rows else [None] * len(rows)
            points = [{"month": m, "value": v, "expected": e, "watch_limit": w, "upper_limit": u,
                       "level": lvl if isinstance(lvl, str)
                       else ("improvement" if isinstance(better, str) else None)}
                      for m, v, e, w, u, lvl, better in zip(
                          rows["month"], rows["value"], rows["expected"], rows["watch_limit"],
                          rows["upper_limit"], rows["level"], improved)]
            actions = marks.get((department, indicator), []) + marks.get(
                (ALL_DEPARTMENTS, indicator), [])
            name = INDICATORS_BY_ID[indicator].name(lang)
            caption = text("report.chart.caption", lang, department=department, indicator=name)
            result.append({"caption": caption, "unit": unit_words(indicator, lang),
                           "svg": charts.control_chart(points, INDICATORS_BY_ID[indicator].unit,
                                                       lang, actions, caption)})
    return result


def _signal_lines(cells: pd.DataFrame, lang: str) -> list[dict]:
    return [{"icon": ICONS.get(level, "●"), "level": level,
             "text": f"{_targets([department], lang)} · {INDICATORS_BY_ID[indicator].name(lang)} "
                     f"({level_label(level, lang).lower()})"}
            for department, indicator, level in zip(cells["department"], cells["indicator"],
                                                    cells["level"])]


def _action_lines(actions: pd.DataFrame, lang: str, with_date: str = "") -> list[dict]:
    lines = []
    for action in actions.to_dict("records"):
        extra = f" · {day_text(action[with_date], lang)}" if with_date else ""
        lines.append({"icon": "", "level": "",
                      "text": f"{_action_code(action['action_id'])} {action['title']} "
                              f"({_targets(action['departments'], lang)}){extra}"})
    return lines


def since_section(sources: Sources, month: dt.date, today: dt.date, lang: str) -> dict:
    from ..cycle.meetings import since_last_meeting

    cycle = sources.cycle
    signals = sources.evaluation.signals
    since = since_last_meeting(signals, cycle["actions"], cycle["history"], cycle["meetings"],
                               today, latest_month=month)
    if since.meeting is not None:
        intro = text("report.since.meeting", lang, day=day_text(since.meeting, lang),
                     then=month_text(since.meeting_month, lang), now=month_text(month, lang))
    else:
        intro = text("report.since.no_meeting", lang, now=month_text(month, lang))
    evaluated_ids = set(since.evaluations["action_id"]) if not since.evaluations.empty else set()
    actions = cycle["actions"]
    evaluated = actions[actions["action_id"].isin(evaluated_ids)] if len(actions) else actions
    groups = [
        ("report.since.new", _signal_lines(since.new_signals, lang)),
        ("report.since.ended", _signal_lines(since.ended_signals, lang)),
        ("report.since.improvements", _signal_lines(since.improvements, lang)),
        ("report.since.started", _action_lines(since.started, lang, "start_date")),
        ("report.since.due", _action_lines(since.due, lang, "evaluation_date")),
        ("report.since.overdue", _action_lines(since.overdue, lang, "evaluation_date")),
        ("report.since.evaluations", _action_lines(evaluated, lang)),
    ]
    advice = cycle["advice"]
    advice = advice[[day <= today for day in advice["day"]]] if not advice.empty else advice
    latest_advice = None
    if not advice.empty:
        last = advice.sort_values("day").iloc[-1]
        latest_advice = {"heading": text("report.since.advice", lang,
                                         day=day_text(last["day"], lang)),
                         "text": str(last["advice"])}
    return {"intro": intro, "none": text("report.since.none", lang),
            "groups": [{"title": text(key, lang), "lines": lines} for key, lines in groups],
            "advice": latest_advice}


def monthly(sources: Sources, month: dt.date, lang: str, today: dt.date) -> dict:
    """The monthly report's content (issue 16's seven sections, in order)."""
    if month not in sources.months:
        raise ReportError(f"no data for {month:%Y-%m}")
    ranking = _ranking(sources, month, lang)
    actions = actions_section(sources, lang, month, month, month)
    return {
        "kind": "month", "lang": lang,
        "footer": text("report.footer_month", lang, month=month_text(month, lang)),
        "cover": cover(sources, lang, title=text("report.title_month", lang),
                       period=text("report.period_month", lang, month=month_text(month, lang)),
                       until=month, today=today),
        "glance": {"intro": text("report.glance.intro", lang, month=month_text(month, lang)),
                   "rows": _organisation_rows(sources, month, lang),
                   "attention": _attention(ranking, lang),
                   "attention_none": text("report.attention_none", lang)},
        "since": since_section(sources, month, today, lang),
        "hotspots": {"intro": text("report.hotspots.intro", lang, month=month_text(month, lang)),
                     "none": text("report.hotspots.none", lang, month=month_text(month, lang)),
                     "ranking": ranking, "charts": _charts(sources, month, ranking, lang),
                     "legend": text("report.chart.legend", lang)},
        "actions": actions,
        "reintegration": _reintegration_content(sources, month, lang),
        "appendix": appendix(sources, lang),
        "year": None,
    }


def _reintegration_content(sources: Sources, month: dt.date, lang: str):
    """Section 6: the year's collective re-integration review (signals.measures.
    reintegration_review, small counts already suppressed there), where records exist."""
    review = sources.reintegration
    if review is None or review.empty:
        return None
    minimum = sources.min_group_size

    def count(value, reason) -> str:
        if value is None or pd.isna(value):
            return suppressed_text(lang, minimum, reason, short=True)
        return format_number(float(value), lang, 0)

    def breakdown(frame: pd.DataFrame, name: str) -> dict:
        return {"title": text(f"reintegration.section.{name}", lang),
                "headers": [text("reintegration.column.what", lang),
                            text("reintegration.column.count", lang)],
                "rows": [[text(f"reintegration.{name}.{category}", lang), count(n, reason)]
                         for category, n, reason in zip(frame["category"], frame["count"],
                                                        frame["reason"])]}

    totals = {"title": text("reintegration.section.total", lang),
              "headers": [text("reintegration.column.what", lang),
                          text("reintegration.column.count", lang)],
              "rows": [[text(f"reintegration.total.{measure}", lang), count(n, reason)]
                       for measure, n, reason in zip(review.totals["measure"],
                                                     review.totals["count"],
                                                     review.totals["reason"])]}
    if review.returned_share is not None:
        totals["rows"].append([text("reintegration.metric.returned", lang),
                               text("reintegration.share", lang, share=format_percent(
                                   100 * review.returned_share, lang, 0))])
    tables = [totals] + [breakdown(frame, name) for frame, name in (
        (review.requests_by_type, "request_type"), (review.requests_by_initiator, "initiator"),
        (review.decisions, "decision"), (review.decision_terms, "decision_term"),
        (review.outcomes, "outcome")) if not frame.empty]
    departments = review.departments
    if not departments.empty:
        tables.append({
            "title": text("reintegration.section.department", lang),
            "headers": [text("reintegration.column.department", lang)]
            + [text(f"reintegration.column.{measure}", lang) for measure in
               ("requests", "decisions", "outcomes")],
            "rows": [[str(row["department"])] + [count(row[measure], row[f"{measure}_reason"])
                                                 for measure in ("requests", "decisions",
                                                                 "outcomes")]
                     for row in departments.to_dict("records")]})
    notes = [text(f"reintegration.term.{regime}", lang) for regime in review.legal_terms["regime"]]
    if review.median_days is not None:
        notes.append(text("reintegration.median", lang,
                          days=format_number(review.median_days, lang, 0)))
    notes.append(text("reintegration.returned_note", lang))
    last = max(m for m in sources.months if m.year == month.year)
    return {"intro": text("report.reintegration.intro", lang, month=month_text(last, lang),
                          n=minimum),
            "tables": tables, "notes": notes}


# --- the yearly report ---------------------------------------------------------------------

def _scale(indicator: str):
    if indicator in MEASURE_INDICATOR_IDS:
        return 100.0
    return FORMULAS[indicator].scale


def year_values(frame: pd.DataFrame, year: int) -> pd.DataFrame:
    """Per department and indicator: the year's value over its shown months (sum of
    numerators over sum of denominators x scale; counts: the mean per shown month) and the
    number of shown months. Hidden months count nowhere."""
    months = pd.to_datetime(frame["month"])
    rows = frame[(months.dt.year == year)]
    shown = rows[~rows["suppressed"].astype(bool) & rows["numerator"].notna()]
    grouped = shown.groupby(["department", "indicator"], sort=False).agg(
        numerator=("numerator", "sum"), denominator=("denominator", "sum"),
        months=("month", "nunique")).reset_index()
    scale = grouped["indicator"].map({indicator: _scale(indicator) for indicator in INDICATOR_IDS})
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = scale.astype(float) * grouped["numerator"] / grouped["denominator"].where(
            grouped["denominator"] > 0)
    grouped["value"] = rate.where(scale.notna(), grouped["numerator"] / grouped["months"])
    present = rows[["department", "indicator"]].drop_duplicates()
    return present.merge(grouped, on=["department", "indicator"], how="left")


def _year_tables(sources: Sources, year: int, lang: str) -> list[dict]:
    values = year_values(sources.frame, year)
    hidden = text("report.year.hidden", lang)
    departments = sorted(set(values["department"]) - {ALL_DEPARTMENTS})
    order = [ALL_DEPARTMENTS] + departments
    lookup = {(d, i): v for d, i, v in zip(values["department"], values["indicator"],
                                           values["value"])}
    present = set(lookup)
    tables = []
    for group, indicators in INDICATOR_GROUPS.items():
        indicators = [i for i in indicators if any((d, i) in present for d in order)]
        if not indicators:
            continue
        rows = []
        for department in order:
            if not any((department, i) in present for i in indicators):
                continue
            cells = []
            for indicator in indicators:
                if (department, indicator) not in present:
                    cells.append("")
                    continue
                value = lookup[(department, indicator)]
                cells.append(hidden if pd.isna(value) else value_text(value, indicator, lang))
            label = text("common.organisation", lang) if department == ALL_DEPARTMENTS \
                else department
            rows.append({"department": label, "organisation": department == ALL_DEPARTMENTS,
                         "cells": cells})
        tables.append({"title": text(f"group.{group}", lang),
                       "headers": [INDICATORS_BY_ID[i].name(lang) for i in indicators],
                       "rows": rows})
    return tables


def _year_signals(sources: Sources, year: int, lang: str) -> list[dict]:
    """Per department (the organisation first) and indicator: the months of the year with a
    signal, counted by their strongest level (signals are emitted for shown cells only)."""
    signals = sources.evaluation.signals
    months = pd.to_datetime(signals["month"])
    warnings = signals["level"].isin(("alert", "watch")).to_numpy()   # not the improvements
    flagged = signals[(months.dt.year == year).to_numpy() & warnings]
    if flagged.empty:
        return []
    flagged = flagged.assign(level_rank=flagged["level"].map(LEVEL_RANK).fillna(9))
    flagged = flagged.sort_values("level_rank").drop_duplicates(["month", "department",
                                                                 "indicator"])
    flagged = flagged.assign(rank=flagged["indicator"].map(INDICATOR_IDS.index),
                             organisation=flagged["department"] != ALL_DEPARTMENTS)
    rows = []
    for (_, department, _), cells in flagged.groupby(["organisation", "department", "rank"],
                                                     sort=True):
        indicator = cells["indicator"].iloc[0]
        counts = cells["level"].value_counts()
        levels = ", ".join(f"{ICONS.get(level, '●')} {int(counts[level])}"
                           for level in sorted(counts.index, key=lambda x: LEVEL_RANK.get(x, 9)))
        rows.append({"department": text("common.organisation", lang)
                     if department == ALL_DEPARTMENTS else department,
                     "indicator": INDICATORS_BY_ID[indicator].name(lang),
                     "levels": levels, "months": month_ranges(cells["month"], lang)})
    return rows


def yearly(sources: Sources, year: int, lang: str, today: dt.date) -> dict:
    """The annual evaluation: the year's figures per department and for the organisation,
    the months with signals, the year's actions with their evaluations."""
    in_year = [month for month in sources.months if month.year == year]
    if not in_year:
        raise ReportError(f"no data for {year}")
    last = max(in_year)
    return {
        "kind": "year", "lang": lang,
        "footer": text("report.footer_year", lang, year=year),
        "cover": cover(sources, lang, title=text("report.title_year", lang),
                       period=text("report.period_year", lang, year=year), until=last,
                       today=today),
        "glance": None, "since": None, "hotspots": None,
        "year": {"figures_intro": text("report.year.figures_intro", lang),
                 "tables": _year_tables(sources, year, lang),
                 "signals_intro": text("report.year.signals_intro", lang, year=year),
                 "signals_none": text("report.year.signals_none", lang, year=year),
                 "signals": _year_signals(sources, year, lang)},
        "actions": actions_section(sources, lang, dt.date(year, 1, 1), last, last),
        "reintegration": _reintegration_content(sources, last, lang),
        "appendix": appendix(sources, lang),
    }
