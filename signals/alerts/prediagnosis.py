"""The pre-diagnosis ("Knipperlichten"): the signals of a year counted into a green, orange
or red light per department and for the organisation. A first indication, not a risk analysis.

After the FOD WASO / SPF ETCS tool "Knipperlichten psychosociale risico's": lights are
counted, then the count decides the colour. Here the lights are the dashboard's own signals.

The rule (RULE, tested at its borders in tests/test_prediagnosis.py):
- the window is the 12 months up to and including the chosen month;
- per department (and for the organisation, ALL) each indicator counts once: as an alert if
  it gave an alert in any month of the window, else as a watch if it gave a watch; other
  levels (no signal, an improvement) do not count;
- red: 2 or more indicators with an alert, or 5 or more signalling indicators;
- orange: 1 indicator with an alert, or 3 or 4 indicators with a watch;
- green: no alert and at most 2 watches;
- grey ("not judged"): no month of the window could be judged (a hidden small group, or
  too little history).
A watch is frequent by design (an early warning): with some twenty indicators a department
sees one or two a year by chance, so those alone stay green. Measured on the demo organisation
(October 2026): the organisation, Geriatrie (made to deteriorate) and Spoedgevallen red,
Chirurgie and Logistiek orange, 7 departments green.
A hidden (suppressed) cell has no level and never counts; a department with only hidden
cells is "not judged", never a colour that would say something about it.

The date and scope of the organisation's last psychosocial risk analysis are a setting in
the meta table (`risk_analysis`, `set_risk_analysis`); `risk_analysis_due` says when a
reminder is due (unknown, or more than RISK_ANALYSIS_YEARS old).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import store
from ..definitions import ALL_DEPARTMENTS
from ..free_text import StoredIds, require_no_identifiers
from ..texts.catalogue import message, plural_message

WINDOW_MONTHS = 12
RED_ALERTS = 2              # indicators with an alert
RED_SIGNALLING = 5          # indicators with an alert or a watch
ORANGE_ALERTS = 1
ORANGE_WATCHES = 3
LIGHTS = ("red", "orange", "green", "unjudged")      # worst first
RULE = {"red_alerts": RED_ALERTS, "red_signalling": RED_SIGNALLING,
        "orange_alerts": ORANGE_ALERTS, "orange_watches": ORANGE_WATCHES,
        "green_watches": ORANGE_WATCHES - 1}

RISK_ANALYSIS_YEARS = 5
RISK_DATE_KEY = "risk_analysis_date"
RISK_SCOPE_KEY = "risk_analysis_scope"
MAX_SCOPE_LENGTH = 200
EARLIEST_RISK_ANALYSIS = dt.date(1996, 8, 4)      # the Welfare Act of 4 August 1996


def window_start(month: dt.date) -> dt.date:
    """The first month of the WINDOW_MONTHS months up to and including `month`."""
    index = month.year * 12 + month.month - 1 - (WINDOW_MONTHS - 1)
    return dt.date(index // 12, index % 12 + 1, 1)


def light_for(alerts, watches):
    """The rule on counts of indicators (scalars or arrays): 'red', 'orange' or 'green'."""
    alerts, watches = np.asarray(alerts), np.asarray(watches)
    signalling = alerts + watches
    chosen = np.select(
        [(alerts >= RED_ALERTS) | (signalling >= RED_SIGNALLING),
         (alerts >= ORANGE_ALERTS) | (watches >= ORANGE_WATCHES)],
        ["red", "orange"], "green")
    return chosen.item() if chosen.ndim == 0 else chosen


def _window(chart: pd.DataFrame, month: dt.date) -> pd.DataFrame:
    """The chart's shown, judged cells of the window (a hidden cell never counts)."""
    cells = chart[(chart["month"] >= window_start(month)) & (chart["month"] <= month)]
    if "suppressed" in cells:
        cells = cells[~cells["suppressed"].astype(bool)]
    if "expected" in cells:
        cells = cells[cells["expected"].notna() | cells["level"].notna()]
    return cells


def indicator_levels(chart: pd.DataFrame, month: dt.date) -> pd.DataFrame:
    """Per department and signalling indicator of the window: its level (an alert in any
    month, else a watch), and the months of its alerts and of its watches."""
    cells = _window(chart, month)
    cells = cells[cells["level"].isin(("alert", "watch"))]
    columns = ["department", "indicator", "level", "alert_months", "watch_months"]
    if cells.empty:
        return pd.DataFrame(columns=columns)
    months = (cells.sort_values("month").groupby(["department", "indicator", "level"])["month"]
              .agg(list).unstack("level").reindex(columns=["alert", "watch"]))
    result = pd.DataFrame({
        "alert_months": months["alert"].map(lambda m: m if isinstance(m, list) else []),
        "watch_months": months["watch"].map(lambda m: m if isinstance(m, list) else []),
    }).reset_index()
    result["level"] = np.where(result["alert_months"].str.len() > 0, "alert", "watch")
    return result[columns]


def prediagnosis(chart: pd.DataFrame, month: dt.date) -> pd.DataFrame:
    """One row per department judged in the window (the organisation, ALL, first): alerts
    and watches (indicators, counted apart), signalling, and the light of the rule."""
    cells = _window(chart, month)
    departments = pd.Index(cells["department"].unique(), name="department")
    levels = indicator_levels(chart, month)
    counts = (levels.assign(alert=levels["level"] == "alert", watch=levels["level"] == "watch")
              .groupby("department")[["alert", "watch"]].sum()
              .reindex(departments, fill_value=0).astype(int))
    frame = pd.DataFrame({"department": departments, "alerts": counts["alert"].to_numpy(),
                          "watches": counts["watch"].to_numpy()})
    frame["signalling"] = frame["alerts"] + frame["watches"]
    frame["light"] = light_for(frame["alerts"].to_numpy(), frame["watches"].to_numpy()) \
        if len(frame) else []
    frame["order"] = frame["light"].map(LIGHTS.index)
    frame["is_all"] = frame["department"] != ALL_DEPARTMENTS
    frame = frame.sort_values(["is_all", "order", "signalling", "department"],
                              ascending=[True, True, False, True])
    return frame.drop(columns=["order", "is_all"]).reset_index(drop=True)


def unjudged_departments(departments, judged: pd.DataFrame) -> list[str]:
    """The departments of `departments` that the pre-diagnosis could not judge."""
    return sorted(set(departments) - set(judged["department"]) - {ALL_DEPARTMENTS})


# The organisation's last psychosocial risk analysis (a setting).

@dataclass(frozen=True)
class RiskAnalysis:
    date: dt.date | None
    scope: str


class RiskAnalysisRefused(ValueError):
    """A date or scope that cannot be stored; `reason`: 'future', 'too_early', 'too_long'
    (the scope's person identifiers raise free_text.TextRefused)."""

    def __init__(self, reason: str):
        super().__init__(f"Risk analysis setting refused ({reason}).")
        self.reason = reason


def risk_analysis(con) -> RiskAnalysis:
    """The stored date and scope; (None, '') when not recorded."""
    stored = store.get_meta(con, RISK_DATE_KEY)
    try:
        date = dt.date.fromisoformat(stored) if stored else None
    except ValueError:
        date = None
    return RiskAnalysis(date, store.get_meta(con, RISK_SCOPE_KEY, "") or "")


def check_risk_analysis(date: dt.date, scope: str, today: dt.date | None = None,
                        stored: StoredIds | None = None) -> RiskAnalysis:
    """The setting as it would be stored; RiskAnalysisRefused or free_text.TextRefused (an
    id also when stored in a database of `stored`)."""
    today = today or dt.date.today()
    if date > today:
        raise RiskAnalysisRefused("future")
    if date < EARLIEST_RISK_ANALYSIS:
        raise RiskAnalysisRefused("too_early")
    scope = " ".join((scope or "").split())
    if len(scope) > MAX_SCOPE_LENGTH:
        raise RiskAnalysisRefused("too_long")
    return RiskAnalysis(date, require_no_identifiers(scope, stored))


def set_risk_analysis(con, date: dt.date, scope: str, today: dt.date | None = None,
                      other_databases=()) -> RiskAnalysis:
    """Check and store the date and scope of the last risk analysis; the scope may hold no
    employee id stored in this database or in `other_databases` (paths)."""
    checked = check_risk_analysis(date, scope, today, StoredIds(con, *other_databases))
    store.set_meta(con, RISK_DATE_KEY, checked.date.isoformat())
    store.set_meta(con, RISK_SCOPE_KEY, checked.scope)
    return checked


def risk_analysis_due(date: dt.date | None, today: dt.date | None = None) -> bool:
    """True when the last risk analysis is unknown or more than RISK_ANALYSIS_YEARS old."""
    if date is None:
        return True
    today = today or dt.date.today()
    try:
        limit = date.replace(year=date.year + RISK_ANALYSIS_YEARS)
    except ValueError:                      # 29 February
        limit = date.replace(year=date.year + RISK_ANALYSIS_YEARS, day=28)
    return today > limit


# Texts (English source): translations in signals/texts/locale/<lang>/LC_MESSAGES/messages.po.
message("page.prediagnosis", "Pre-diagnosis")
message("prediagnosis.title", "Pre-diagnosis (warning lights)")
message("prediagnosis.label", "Pre-diagnosis, not a risk analysis")
message("prediagnosis.intro",
        "The signals of the last 12 months up to {month}, counted per department into a green, "
        "orange or red light: a first indication of where psychosocial risks may play, to talk "
        "about in the committee. It does not replace the risk analysis with the prevention "
        "adviser for psychosocial aspects.")
message("prediagnosis.rule",
        "Each indicator counts once: as an alert if it gave an alert in one of the 12 months, "
        "else as a watch. **Red**: {red_alerts} or more indicators with an alert, or "
        "{red_signalling} or more signalling. **Orange**: {orange_alerts} with an alert, or "
        "{orange_watches} or more with a watch. **Green**: no alert and at most {green_watches} "
        "watches. Hidden small groups never count.")
message("prediagnosis.light.red", "Red")
message("prediagnosis.light.orange", "Orange")
message("prediagnosis.light.green", "Green")
message("prediagnosis.light.unjudged", "Not judged")
message("prediagnosis.col.indicator", "Indicator")
message("prediagnosis.col.level", "Level")
message("prediagnosis.col.alert_months", "Months with an alert")
message("prediagnosis.col.watch_months", "Months with a watch")
message("prediagnosis.organisation", "The organisation as a whole")
message("prediagnosis.departments", "Departments")
message("prediagnosis.behind", "Which indicators signalled, and when")
message("prediagnosis.no_signals", "No indicator signalled in these 12 months.")
plural_message("prediagnosis.unjudged",
               "Not judged (too few people or too little history): {n} department, {names}.",
               "Not judged (too few people or too little history): {n} departments, {names}.")
message("prediagnosis.summary", "{alerts} with an alert · {watches} with a watch")
message("prediagnosis.risk_unknown",
        "The date of the organisation's last psychosocial risk analysis is not recorded. A risk "
        "analysis is the step after this pre-diagnosis (the admin records it on the data page).")
message("prediagnosis.risk_old",
        "The last psychosocial risk analysis ({date}) is more than {years} years old: plan a new "
        "one with the prevention adviser for psychosocial aspects.")
message("prediagnosis.risk_line_unknown", "Last psychosocial risk analysis: not recorded.")
message("prediagnosis.risk_line_old",
        "Last psychosocial risk analysis: {date}, more than {years} years ago.")
message("prediagnosis.risk_recorded", "Last psychosocial risk analysis: {date} · {scope}")
message("prediagnosis.setting_title", "Last psychosocial risk analysis")
message("prediagnosis.setting_help",
        "Its date and scope (for example 'whole organisation' or 'care departments'), without "
        "names. The pre-diagnosis and the overview remind when it is unknown or more than "
        "{years} years old.")
message("prediagnosis.setting_date", "Date of the risk analysis")
message("prediagnosis.setting_scope", "Scope")
message("prediagnosis.setting_saved", "Saved.")
message("prediagnosis.refused.future", "Not saved: the date lies in the future.")
message("prediagnosis.refused.too_early", "Not saved: the date lies before the Welfare Act of 1996.")
message("prediagnosis.refused.too_long", "Not saved: the scope is longer than {n} characters.")
message("method.section.prediagnosis.title", "The pre-diagnosis")
message("method.section.prediagnosis.text",
        "The pre-diagnosis page counts the signals of the last 12 months per department, after "
        "the FOD WASO's \"Knipperlichten\": each indicator once, as an alert if it gave an alert in "
        "one of the months, else as a watch. Red: 2 or more indicators with an alert, or 5 or more "
        "signalling. Orange: 1 with an alert, or 3 or 4 with a watch. Green: no alert and at most "
        "2 watches: with some twenty indicators, a watch or two a year happen by chance. Hidden "
        "small groups never count. It is a first indication to talk about, **not a risk "
        "analysis**.")
