"""The prevention cycle on screen: the Actions page (list, form, history, evaluation, context
events, meetings and the physician's advice) and "plan an action" from a hotspot.

The cycle's records live in the access store of the database shown (the demo's own store
while the demo organisation is shown). Every write is checked twice on the server: the
viewer's role against the app's user store (`check_role`), then by the signals.cycle
function on the store it writes (which also refuses a role that may not write).
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from signals import free_text
from signals.access import control as access
from signals.cycle import actions, common, evaluation, events, meetings
from signals.definitions import ALL_DEPARTMENTS, INDICATOR_GROUPS, INDICATORS_BY_ID
from signals.measures.indicators import FORMULAS
from signals.texts.catalogue import is_declared
from signals.texts.formatting import format_value
from signals.texts.i18n import text
from ui.access_control import Viewer, access_db, local_time
from ui.charts import new_figure, unit_title
from ui.context import stored_ids
from ui.data import ActiveDatabase, load_indicators
from ui.labels import indicator_name, month_text
from ui.tables import literal_table
from ui.theme import OKABE_ITO, ORGANISATION_COLOUR

PREFILL_KEY = "actions_prefill"       # a hotspot's signal waiting for the form
DONE_KEY = "actions_done"             # a message key shown after the rerun a change makes
ERROR_KEY = "actions_error"
PICK_KEY = "actions_pick"
OPEN_KEY = "actions_open"             # an action to open in the list on the next run
CHART_HEIGHT = 330
# calm badges: (background, text, border); the word is always there, colour only adds to it
BADGE_STYLES = {
    "planned": ("#EEF2F7", "#1F3A5F", "#8AA1BF"),
    "running": ("#E3F0FA", "#004C7A", "#0072B2"),
    "evaluated": ("#E6F5EF", "#00573F", "#009E73"),
    "adjusted": ("#F7EAF2", "#6E2E55", "#CC79A7"),
    "stopped": ("#F2F2F2", "#333333", "#777777"),
    "closed": ("#F2F2F2", "#333333", "#777777"),
    "overdue": ("#FFF3D6", "#6B4A00", "#E69F00"),
    "likely_improvement": ("#E6F5EF", "#00573F", "#009E73"),
    "no_clear_change": ("#F2F2F2", "#333333", "#777777"),
    "likely_worse": ("#FFF3D6", "#6B4A00", "#E69F00"),
    "too_early": ("#F7F7F7", "#444444", "#999999"),
    "too_little_data": ("#F7F7F7", "#444444", "#999999"),
}


# --- who may do what ------------------------------------------------------------------------

def cycle_db(database: ActiveDatabase) -> Path:
    """The database whose access store holds the cycle shown: the one on screen."""
    return Path(database.path)


def may_write(viewer: Viewer) -> bool:
    return viewer.local or viewer.role in common.WRITE_ROLES


def may_see_figures(viewer: Viewer) -> bool:
    return viewer.local or viewer.role in access.COLLECTIVE_VIEW_ROLES


def may_advise(viewer: Viewer) -> bool:
    return viewer.local or viewer.role in common.ADVICE_ROLES


def may_read_advice(viewer: Viewer) -> bool:
    return viewer.local or viewer.role in common.ADVICE_READ_ROLES


def check_role(viewer: Viewer, roles=common.WRITE_ROLES, doing: str = "change the cycle") -> None:
    """PermissionError unless the viewer's role (in the app's user store) is in `roles`."""
    with access.open_store(access_db()) as con:
        common.actor_role(con, viewer.actor, frozenset(roles), doing)


# --- labels ---------------------------------------------------------------------------------

def status_label(status: str, lang: str) -> str:
    return text(f"cycle.status.{status}", lang)


def departments_label(departments, lang: str) -> str:
    if ALL_DEPARTMENTS in departments:
        return text("actions.whole_organisation", lang)
    return ", ".join(departments)


def department_option(department: str, lang: str) -> str:
    return text("actions.whole_organisation", lang) if department == ALL_DEPARTMENTS else department


def role_label(role: str, lang: str) -> str:
    if role == common.LOCAL_ROLE:
        return text("actions.role.local", lang)
    return text(f"role.{role}", lang) if is_declared(f"role.{role}") else role


def day_text(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def indicator_choices() -> list[str]:
    """Every indicator, theme by theme (INDICATOR_GROUPS order)."""
    return [indicator for members in INDICATOR_GROUPS.values() for indicator in members]


GROUP_OF = {indicator: group for group, members in INDICATOR_GROUPS.items() for indicator in members}


def indicator_choice(indicator: str, lang: str) -> str:
    return f"{text('group.' + GROUP_OF[indicator], lang)} · {indicator_name(indicator, lang)}"


def badge(kind: str, label: str) -> str:
    background, colour, border = BADGE_STYLES[kind]
    dashed = "dashed" if kind in ("too_early", "too_little_data") else "solid"
    return (f'<span class="cycle-badge cycle-badge-{kind}" style="background:{background};'
            f"color:{colour};border:1.5px {dashed} {border};border-radius:0.8rem;"
            f'padding:0.05rem 0.55rem;font-weight:600;white-space:nowrap;margin-right:0.3rem">'
            f"{html.escape(label)}</span>")


def status_badges(row, today: dt.date, lang: str) -> str:
    shown = badge(row["status"], status_label(row["status"], lang))
    if is_overdue(row, today):
        shown += " " + badge("overdue", text("actions.overdue", lang))    # may wrap between
    return shown


def is_overdue(row, today: dt.date) -> bool:
    return row["status"] in actions.OPEN_STATUSES and row["evaluation_date"] < today


def signal_text(row, lang: str) -> str | None:
    if not row.get("signal_month"):
        return None
    month = dt.date.fromisoformat(row["signal_month"] + "-01")
    return text("actions.signal", lang, department=department_option(row["signal_department"], lang),
                indicator=indicator_name(row["signal_indicator"], lang),
                month=month_text(month, lang))


# --- messages after a rerun -------------------------------------------------------------------

def done(key: str) -> None:
    st.session_state[DONE_KEY] = key
    st.rerun()


def show_messages(lang: str) -> None:
    key = st.session_state.pop(DONE_KEY, None)
    if key:
        st.success(text(key, lang))
    error = st.session_state.pop(ERROR_KEY, None)
    if error:
        st.error(error)


def error_message(error: Exception, lang: str, refusal=free_text.refusal_message) -> str:
    if isinstance(error, free_text.TextRefused):
        return refusal(error.kinds, lang)
    if isinstance(error, PermissionError):
        return text("cycle.not_allowed", lang)
    return str(error)


def attempt(change, lang: str, done_key: str, refusal=free_text.refusal_message) -> None:
    """Run a write; its refusal shows as a message (kept over the rerun), success reruns."""
    try:
        change()
    except (ValueError, PermissionError, KeyError) as error:
        st.session_state[ERROR_KEY] = error_message(error, lang, refusal)
        st.rerun()
    done(done_key)


# --- the page ---------------------------------------------------------------------------------

def show_actions_page(viewer: Viewer, database: ActiveDatabase, lang: str) -> None:
    db = cycle_db(database)
    writer = may_write(viewer)
    st.caption(text("actions.intro", lang))
    if not writer:
        st.info(text("actions.read_only", lang))
    elif database.demo:
        st.caption(text("actions.demo_store", lang))
    show_messages(lang)
    prefill = st.session_state.get(PREFILL_KEY) if writer else None
    names = [text("actions.tab.list", lang)] + ([text("actions.tab.new", lang)] if writer else []) + [
        text("actions.tab.events", lang), text("actions.tab.meetings", lang)]
    tabs = dict(zip(["list"] + (["new"] if writer else []) + ["events", "meetings"],
                    st.tabs(names, default=names[1] if prefill else None)))
    departments = department_names(database)
    with tabs["list"]:
        show_action_list(viewer, database, db, departments, lang)
    if writer:
        with tabs["new"]:
            show_new_action(viewer, db, departments, prefill, lang)
    with tabs["events"]:
        show_events(viewer, db, departments, lang)
    with tabs["meetings"]:
        show_meetings(viewer, db, lang)


def department_names(database: ActiveDatabase) -> list[str]:
    frame = load_indicators(*database.cache_key)
    return sorted(name for name in frame["department"].unique() if name != ALL_DEPARTMENTS)


# --- the list and one action ------------------------------------------------------------------

def show_action_list(viewer: Viewer, database: ActiveDatabase, db: Path, departments, lang: str) -> None:
    every = actions.list_actions(db, viewer.actor)
    if every.empty:
        st.info(text("actions.none", lang))
        return
    today = dt.date.today()
    left, middle, right = st.columns([3, 3, 2], vertical_alignment="bottom")
    listed = sorted(set(departments) | {d for ds in every["departments"] for d in ds} - {ALL_DEPARTMENTS})
    department = left.selectbox(text("actions.filter.department", lang), [None] + listed,
                                key="actions_filter_department",
                                format_func=lambda d: d or text("actions.filter.any_department", lang))
    status = middle.selectbox(text("actions.filter.status", lang), [None, *actions.STATUSES],
                              key="actions_filter_status",
                              format_func=lambda s: status_label(s, lang) if s else
                              text("actions.filter.any_status", lang))
    late = right.toggle(text("actions.filter.overdue", lang), key="actions_filter_overdue")
    shown = actions.list_actions(db, viewer.actor, department=department, status=status,
                                 overdue_on=today if late else None)
    if shown.empty:
        st.info(text("actions.none_filtered", lang))
        return
    st.caption(text("actions.count", lang, n=len(shown)))
    st.html(action_table_html(shown, today, lang))
    rows = {int(row["action_id"]): row for _, row in shown.iterrows()}
    opened = st.session_state.pop(OPEN_KEY, None)
    if opened in rows:
        st.session_state[PICK_KEY] = opened
    action_id = st.selectbox(text("actions.pick", lang), list(rows), key=PICK_KEY,
                             format_func=lambda i: f"{rows[i]['title']} · "
                                                   f"{departments_label(rows[i]['departments'], lang)}")
    show_action(viewer, database, db, rows[action_id].to_dict(), departments, today, lang)


def action_table_html(frame: pd.DataFrame, today: dt.date, lang: str) -> str:
    """The actions as a table: escaped texts, status and overdue as badges."""
    columns = ("title", "departments", "indicators", "start", "evaluation", "status")
    head = "".join(f"<th>{html.escape(text('actions.col.' + c, lang))}</th>" for c in columns)
    rows = []
    for _, row in frame.iterrows():
        cells = [row["title"], departments_label(row["departments"], lang),
                 ", ".join(indicator_name(i, lang) for i in row["indicators"]),
                 day_text(row["start_date"]), day_text(row["evaluation_date"])]
        rows.append("<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in cells)
                    + f"<td>{status_badges(row, today, lang)}</td></tr>")
    return (f'<table class="literal-table cycle-actions"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def show_action(viewer: Viewer, database: ActiveDatabase, db: Path, row: dict, departments,
                today: dt.date, lang: str) -> None:
    with st.container(border=True, key=f"action_{row['action_id']}"):
        st.html(f'<div style="font-size:1.35rem;font-weight:700">{html.escape(row["title"])}</div>'
                f"<div>{status_badges(row, today, lang)}</div>")
        details = [departments_label(row["departments"], lang),
                   ", ".join(indicator_name(i, lang) for i in row["indicators"]),
                   text(f"cycle.level.{row['level']}", lang),
                   text("actions.dates", lang, start=day_text(row["start_date"]),
                        evaluation=day_text(row["evaluation_date"]))]
        signal = signal_text(row, lang)
        st.html("<div>" + "<br>".join(html.escape(line) for line in details + ([signal] if signal else []))
                + "</div>")
        st.subheader(text("actions.evaluation", lang))
        if may_see_figures(viewer):
            show_evaluation(database, row, lang)
        else:
            st.caption(text("actions.evaluation.no_figures", lang))
        st.subheader(text("actions.history", lang))
        literal_table(history_table(actions.action_history(db, viewer.actor, row["action_id"]), lang),
                      show_index=False)
        if may_write(viewer):
            show_status_change(viewer, db, row, lang)
            with st.expander(text("actions.edit", lang)):
                show_action_form(viewer, db, departments, lang, row=row)


def history_table(history: pd.DataFrame, lang: str) -> pd.DataFrame:
    def change(old, new) -> str:
        if old is None:
            return text("actions.history.created", lang, status=status_label(new, lang))
        if old == new:
            return text("actions.history.edited", lang)
        return f"{status_label(old, lang)} → {status_label(new, lang)}"

    table = pd.DataFrame({
        "at": history["at"].map(local_time),
        "role": history["role"].map(lambda r: role_label(r, lang)),
        "change": [change(old, new) for old, new in zip(history["old_status"], history["new_status"])],
        "reason": history["reason"],
    })
    return table.rename(columns=lambda c: text("actions.history.col." + c, lang))


def show_status_change(viewer: Viewer, db: Path, row: dict, lang: str) -> None:
    allowed = actions.TRANSITIONS[row["status"]]
    if not allowed:
        st.caption(text("actions.final_status", lang))
        return
    action_id = int(row["action_id"])
    with st.form(f"action_status_{action_id}"):
        st.markdown(f"**{text('actions.change_status', lang)}**")
        new_status = st.radio(text("actions.new_status", lang), allowed, horizontal=True,
                              format_func=lambda s: status_label(s, lang),
                              key=f"action_new_status_{action_id}")
        reason = st.text_input(text("actions.reason", lang), max_chars=actions.MAX_REASON_LENGTH,
                               key=f"action_reason_{action_id}")
        if st.form_submit_button(text("actions.save_status", lang), type="primary"):
            def change():
                check_role(viewer)
                actions.change_status(db, viewer.actor, action_id, new_status, reason,
                                      stored_ids=stored_ids())
            attempt(change, lang, "actions.status_changed")


# --- the form -----------------------------------------------------------------------------------

def show_new_action(viewer: Viewer, db: Path, departments, prefill: dict | None, lang: str) -> None:
    if prefill:
        month = dt.date.fromisoformat(prefill["month"] + "-01")
        st.info(text("actions.form.from_signal", lang,
                     department=department_option(prefill["department"], lang),
                     indicator=indicator_name(prefill["indicator"], lang),
                     month=month_text(month, lang)))
        if st.button(text("actions.form.forget_signal", lang), key="actions_forget_signal"):
            st.session_state.pop(PREFILL_KEY, None)
            st.rerun()
    show_action_form(viewer, db, departments, lang, prefill=prefill)


def show_action_form(viewer: Viewer, db: Path, departments, lang: str, *, row: dict | None = None,
                     prefill: dict | None = None) -> None:
    """The form for a new action (`prefill`: a hotspot's signal) or to edit `row`."""
    suffix = str(row["action_id"]) if row else "new"
    options = [ALL_DEPARTMENTS] + sorted(set(departments) | set(row["departments"] if row else ())
                                         - {ALL_DEPARTMENTS})
    if row:
        chosen_departments, chosen_indicators = list(row["departments"]), list(row["indicators"])
    elif prefill:
        chosen_departments, chosen_indicators = [prefill["department"]], [prefill["indicator"]]
    else:
        chosen_departments, chosen_indicators = [], []
    chosen_departments = [d for d in chosen_departments if d in options]
    with st.form(f"action_form_{suffix}", clear_on_submit=row is None):
        title = st.text_input(text("actions.form.title", lang), value=row["title"] if row else "",
                              max_chars=common.MAX_TITLE_LENGTH, key=f"action_title_{suffix}")
        picked_departments = st.multiselect(
            text("actions.form.departments", lang), options, default=chosen_departments,
            format_func=lambda d: department_option(d, lang), key=f"action_departments_{suffix}",
            placeholder=text("actions.form.choose", lang))
        picked_indicators = st.multiselect(
            text("actions.form.indicators", lang), indicator_choices(), default=chosen_indicators,
            format_func=lambda i: indicator_choice(i, lang), key=f"action_indicators_{suffix}",
            placeholder=text("actions.form.choose", lang))
        left, middle, right = st.columns(3)
        level = left.selectbox(text("actions.form.level", lang), actions.LEVELS,
                               index=actions.LEVELS.index(row["level"]) if row else 0,
                               format_func=lambda v: text(f"cycle.level.{v}", lang),
                               key=f"action_level_{suffix}")
        start = middle.date_input(text("actions.form.start", lang),
                                  value=row["start_date"] if row else dt.date.today(),
                                  format="DD/MM/YYYY", key=f"action_start_{suffix}")
        evaluation_date = right.date_input(
            text("actions.form.evaluation", lang), value=row["evaluation_date"] if row else None,
            format="DD/MM/YYYY", help=text("actions.form.evaluation_help", lang),
            key=f"action_evaluation_{suffix}")
        right.caption(text("actions.form.evaluation_help", lang))
        status = None
        if row is None:
            status = st.radio(text("actions.form.status", lang), ("planned", "running"),
                              horizontal=True, format_func=lambda s: status_label(s, lang),
                              key="action_status_new")
        reason = st.text_input(text("actions.reason", lang), max_chars=actions.MAX_REASON_LENGTH,
                               key=f"action_form_reason_{suffix}")
        label = "actions.form.save_changes" if row else "actions.form.save"
        if st.form_submit_button(text(label, lang), type="primary"):
            fields = dict(title=title, departments=picked_departments, indicators=picked_indicators,
                          level=level, start_date=start, evaluation_date=evaluation_date,
                          reason=reason)
            missing = form_problem(fields, lang)
            if missing:
                st.error(missing)
            elif row:
                attempt(lambda: edit_action(viewer, db, int(row["action_id"]), fields), lang,
                        "actions.form.changed")
            else:
                attempt(lambda: create_action(viewer, db, fields, status, prefill), lang,
                        "actions.form.saved")


def form_problem(fields: dict, lang: str) -> str | None:
    """What the form lacks, in the reader's language (the domain checks it again)."""
    if not " ".join((fields["title"] or "").split()):
        return text("actions.form.need_title", lang)
    if not fields["departments"]:
        return text("actions.form.need_departments", lang)
    if not fields["indicators"]:
        return text("actions.form.need_indicators", lang)
    evaluation_date = fields["evaluation_date"]
    if fields["start_date"] is None or (evaluation_date is not None
                                        and evaluation_date <= fields["start_date"]):
        return text("actions.form.need_dates", lang)
    return None


def create_action(viewer: Viewer, db: Path, fields: dict, status: str, prefill: dict | None) -> int:
    check_role(viewer)
    signal = (prefill["month"], prefill["department"], prefill["indicator"]) if prefill else None
    fields = dict(fields)
    action_id = actions.create_action(db, viewer.actor, fields.pop("title"), fields.pop("departments"),
                                      fields.pop("indicators"), fields.pop("level"),
                                      fields.pop("start_date"), status=status, signal=signal,
                                      stored_ids=stored_ids(), **fields)
    st.session_state.pop(PREFILL_KEY, None)
    st.session_state[OPEN_KEY] = action_id        # the list opens the new action
    return action_id


def edit_action(viewer: Viewer, db: Path, action_id: int, fields: dict) -> None:
    check_role(viewer)
    actions.edit_action(db, viewer.actor, action_id, stored_ids=stored_ids(), **fields)


# --- the evaluation -------------------------------------------------------------------------------

def show_evaluation(database: ActiveDatabase, row: dict, lang: str) -> None:
    frame = load_indicators(*database.cache_key)
    if frame.empty:
        return
    latest = max(pd.to_datetime(frame["month"]).dt.date)
    for result in evaluation.evaluate_action(frame, row, latest):
        st.html(verdict_html(result, lang))
        figure = evaluation_figure(frame, row, result, latest, lang)
        if figure is not None:
            st.plotly_chart(figure, key=f"action_chart_{row['action_id']}_{result.indicator}",
                            config={"displaylogo": False})
    st.caption(text("actions.chart.caption", lang))


def verdict_html(result: evaluation.IndicatorEvaluation, lang: str) -> str:
    return (f'<div class="cycle-verdict" style="font-size:1.1rem;margin:0.3rem 0">'
            f"{badge(result.verdict, text('actions.verdict.' + result.verdict, lang))} "
            f"{html.escape(evaluation.sentence(result, lang))}</div>")


def monthly_values(frame: pd.DataFrame, departments, indicator: str) -> pd.DataFrame:
    """Per month: the team's value and the rest's (None when the month is not usable: a
    targeted row or ALL is hidden, so nothing that suppression hides is plotted)."""
    series = evaluation.monthly_series(frame, departments, indicator)
    scale = FORMULAS[indicator].scale
    usable = series["usable"].to_numpy(dtype=bool)
    rest_count = series["all_count"] - series["team_count"]
    rest_exposure = series["all_exposure"] - series["team_exposure"]

    def value(count, exposure):
        result = count if scale is None else scale * count / exposure.where(exposure > 0)
        return result.where(usable).astype(float)

    organisation = ALL_DEPARTMENTS in departments
    rest = pd.Series(np.nan, index=series.index) if organisation else value(rest_count, rest_exposure)
    rest = rest.where(rest_exposure > 0) if not organisation else rest
    return pd.DataFrame({"team": value(series["team_count"], series["team_exposure"]),
                         "rest": rest}, index=series.index)


def evaluation_figure(frame: pd.DataFrame, row: dict, result: evaluation.IndicatorEvaluation,
                      latest: dt.date, lang: str) -> go.Figure | None:
    """The team's and the rest's monthly values around the start, the windows shaded."""
    indicator, departments = result.indicator, tuple(row["departments"])
    first = result.before[0]
    last = result.after[1] if result.after else latest
    values = monthly_values(frame, departments, indicator)
    values = values[(values.index >= first) & (values.index <= max(last, first))]
    if values.empty or values.isna().all().all():
        return None
    months = list(values.index)
    unit = INDICATORS_BY_ID[indicator].unit
    figure = new_figure(lang)
    team_name = departments_label(departments, lang)
    traces = [("team", team_name, OKABE_ITO["blue"], "solid")]
    if ALL_DEPARTMENTS not in departments:
        traces.append(("rest", text("actions.chart.rest", lang), ORGANISATION_COLOUR, "dot"))
    for column, name, colour, dash in traces:
        ys = values[column].to_numpy(dtype=float)
        hover = [f"{month_text(m, lang, short=True)}: {format_value(y, unit, lang, with_unit=True)}"
                 if np.isfinite(y) else "" for m, y in zip(months, ys)]
        figure.add_trace(go.Scatter(
            x=months, y=[y if np.isfinite(y) else None for y in ys], name=name, mode="lines+markers",
            line=dict(color=colour, dash=dash, width=2.5), marker=dict(size=6),
            customdata=hover, hovertemplate="%{customdata}<extra>" + html.escape(name) + "</extra>"))
    shade(figure, result.before, "#56B4E9", text("actions.chart.before", lang))
    if result.after:
        shade(figure, result.after, "#009E73", text("actions.chart.after", lang))
    figure.add_vline(x=pd.Timestamp(row["start_date"]), line=dict(color="#333333", width=1.5, dash="dash"))
    figure.update_layout(
        title=dict(text=html.escape(text("actions.chart.title", lang,
                                         indicator=indicator_name(indicator, lang))),
                   font=dict(size=18), x=0, xanchor="left"),
        height=CHART_HEIGHT, margin=dict(l=60, r=20, t=50, b=40), template=None,
        plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF", hoverlabel=dict(font_size=15),
        font=dict(size=14, color="#111111"),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=1, xanchor="right"))
    figure.update_yaxes(title_text=unit_title(indicator, lang), rangemode="tozero",
                        gridcolor="#DDDDDD")
    figure.update_xaxes(gridcolor="#EEEEEE", tickvals=months[::3],
                        ticktext=[month_text(m, lang, short=True) for m in months[::3]])
    return figure


def shade(figure: go.Figure, window: tuple[dt.date, dt.date], colour: str, label: str) -> None:
    """A window of months shaded, from its first month's start to its last month's end."""
    start = pd.Timestamp(window[0]) - pd.Timedelta(days=15)
    end = pd.Timestamp(window[1]) + pd.Timedelta(days=15)
    figure.add_vrect(x0=start, x1=end, fillcolor=colour, opacity=0.12, line_width=0, layer="below",
                     annotation_text=html.escape(label), annotation_position="top left",
                     annotation_font=dict(size=13, color="#333333"))


# --- context events -----------------------------------------------------------------------------

def show_events(viewer: Viewer, db: Path, departments, lang: str) -> None:
    st.caption(text("actions.events.intro", lang))
    listed = events.list_events(db, viewer.actor)
    if listed.empty:
        st.info(text("actions.events.none", lang))
    else:
        table = pd.DataFrame({
            "day": listed["day"].map(day_text),
            "department": listed["department"].map(lambda d: department_option(d, lang)),
            "kind": listed["kind"].map(lambda k: text(f"cycle.event.{k}", lang)),
            "title": listed["title"],
        }).iloc[::-1]
        literal_table(table.rename(columns=lambda c: text("actions.events.col." + c, lang)),
                      show_index=False)
    if not may_write(viewer):
        return
    with st.form("event_form", clear_on_submit=True):
        st.markdown(f"**{text('actions.events.add', lang)}**")
        left, middle, right = st.columns(3)
        day = left.date_input(text("actions.events.day", lang), value=dt.date.today(),
                              format="DD/MM/YYYY", key="event_day")
        department = middle.selectbox(text("actions.events.department", lang),
                                      [ALL_DEPARTMENTS] + list(departments), key="event_department",
                                      format_func=lambda d: department_option(d, lang))
        kind = right.selectbox(text("actions.events.kind", lang), events.KINDS, key="event_kind",
                               format_func=lambda k: text(f"cycle.event.{k}", lang))
        title = st.text_input(text("actions.events.title", lang), max_chars=common.MAX_TITLE_LENGTH,
                              key="event_title")
        if st.form_submit_button(text("actions.events.save", lang), type="primary"):
            def add():
                check_role(viewer)
                events.add_event(db, viewer.actor, day, department, kind, title,
                                 stored_ids=stored_ids())
            attempt(add, lang, "actions.events.saved")
    if not listed.empty:
        with st.expander(text("actions.events.delete", lang)):
            rows = {int(r["event_id"]): r for _, r in listed.iterrows()}
            event_id = st.selectbox(text("actions.events.delete", lang), list(rows),
                                    key="event_delete_id", label_visibility="collapsed",
                                    format_func=lambda i: f"{day_text(rows[i]['day'])} · "
                                                          f"{department_option(rows[i]['department'], lang)}"
                                                          f" · {rows[i]['title']}")
            if st.button(text("actions.events.delete_button", lang), key="event_delete"):
                def delete():
                    check_role(viewer)
                    events.delete_event(db, viewer.actor, event_id)
                attempt(delete, lang, "actions.events.deleted")


# --- meetings and the physician's advice ------------------------------------------------------------

def show_meetings(viewer: Viewer, db: Path, lang: str) -> None:
    listed = meetings.list_meetings(db, viewer.actor)
    advice = meetings.list_advice(db, viewer.actor) if may_read_advice(viewer) else None
    if listed.empty:
        st.info(text("actions.meetings.none", lang))
    else:
        by_meeting = {} if advice is None else dict(zip(advice["meeting_id"], advice["advice"]))
        table = pd.DataFrame({
            "day": listed["day"].map(day_text),
            "minutes_ref": listed["minutes_ref"],
        })
        if advice is not None:
            table["advice"] = [by_meeting.get(i, text("actions.advice.none", lang))
                               for i in listed["meeting_id"]]
        literal_table(table.iloc[::-1].rename(
            columns=lambda c: text("actions.meetings.col." + c, lang)), show_index=False)
    if may_write(viewer):
        with st.form("meeting_form", clear_on_submit=True):
            st.markdown(f"**{text('actions.meetings.add', lang)}**")
            left, right = st.columns([1, 2])
            day = left.date_input(text("actions.meetings.day", lang), value=dt.date.today(),
                                  format="DD/MM/YYYY", key="meeting_day")
            reference = right.text_input(text("actions.meetings.minutes_ref", lang),
                                         max_chars=meetings.MAX_MINUTES_REF_LENGTH,
                                         key="meeting_minutes_ref")
            if st.form_submit_button(text("actions.meetings.save", lang), type="primary"):
                def add():
                    check_role(viewer)
                    meetings.add_meeting(db, viewer.actor, day, reference)
                attempt(add, lang, "actions.meetings.saved")
    if listed.empty:
        return
    if may_advise(viewer):
        show_advice_form(viewer, db, listed, advice, lang)
    elif may_write(viewer):
        st.caption(text("actions.advice.physician_only", lang))


def show_advice_form(viewer: Viewer, db: Path, listed: pd.DataFrame, advice, lang: str) -> None:
    written = {} if advice is None else dict(zip(advice["meeting_id"], advice["advice"]))
    days = dict(zip(listed["meeting_id"].astype(int), listed["day"]))
    choices = sorted(days, key=lambda i: days[i], reverse=True)
    st.markdown(f"**{text('actions.advice.write', lang)}**")
    meeting_id = st.selectbox(text("actions.advice.meeting", lang), choices, key="advice_meeting",
                              format_func=lambda i: day_text(days[i]))
    with st.form(f"advice_form_{meeting_id}"):
        advice_text = st.text_area(text("actions.advice.text", lang), value=written.get(meeting_id, ""),
                                   max_chars=meetings.MAX_ADVICE_LENGTH, key=f"advice_text_{meeting_id}")
        if st.form_submit_button(text("actions.advice.save", lang), type="primary"):
            def save():
                check_role(viewer, common.ADVICE_ROLES, "write the collective advice")
                meetings.set_advice(db, viewer.actor, meeting_id, advice_text,
                                    stored_ids=stored_ids())
            attempt(save, lang, "actions.advice.saved", refusal=meetings.advice_refusal_message)


# --- plan an action from a hotspot ----------------------------------------------------------------

def hotspot_actions(viewer: Viewer, database: ActiveDatabase, ranked: pd.DataFrame, month,
                    lang: str) -> None:
    """On the hotspots page: the actions planned for this month's signals, and (for a role
    that may write) "Plan an action for this signal", which opens the Actions form."""
    if ranked.empty:
        return
    db = cycle_db(database)
    month_key = f"{month.year:04d}-{month.month:02d}"
    st.subheader(text("actions.plan.title", lang))
    signals_ = [(row.department, indicator) for row in ranked.itertuples(index=False)
                for indicator in row.indicators]
    # one read for every signal of the month (actions_for_signal per signal, in one go)
    stored = actions.list_actions(db, viewer.actor)
    stored = stored[stored["signal_month"] == month_key]
    linked = [(d, i, stored[(stored["signal_department"] == d) & (stored["signal_indicator"] == i)])
              for d, i in signals_]
    linked = [(d, i, found) for d, i, found in linked if not found.empty]
    if linked:
        st.caption(text("actions.plan.linked", lang, month=month_text(month, lang)))
        today = dt.date.today()
        lines = [f"<li><b>{html.escape(d)} · {html.escape(indicator_name(i, lang))}</b>: "
                 f"{html.escape(row['title'])} {status_badges(row, today, lang)}</li>"
                 for d, i, found in linked for _, row in found.iterrows()]
        st.html(f'<ul class="cycle-linked">{"".join(lines)}</ul>')
    else:
        st.caption(text("actions.plan.none", lang))
    if not may_write(viewer):
        return
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    chosen = left.selectbox(text("actions.plan.signal", lang), signals_, key="plan_signal",
                            format_func=lambda s: f"{s[0]} · {indicator_name(s[1], lang)}")
    if right.button(text("actions.plan.button", lang), key="plan_action", icon=":material/add_task:"):
        plan_action(month_key, *chosen)


def plan_action(month_key: str, department: str, indicator: str) -> None:
    """Keep the signal for the Actions form and open it."""
    from ui.navigation import APP_ROOT, PAGES_BY_KEY

    st.session_state[PREFILL_KEY] = {"month": month_key, "department": department,
                                     "indicator": indicator}
    st.switch_page(str(APP_ROOT / PAGES_BY_KEY["actions"].file))
