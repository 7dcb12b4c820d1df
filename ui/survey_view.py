"""The survey scores on screen: cached loading, the department x domain heatmap, the change
between two waves, the CSV frames, and the leading-indicator block of the department view.

Every figure here comes from survey.survey_frame with suppression applied: a hidden cell
has no score to draw, hover or download.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from babel.dates import format_date

from signals.definitions import ALL_DEPARTMENTS, SURVEY_DOMAINS
from signals.texts.formatting import format_number, locale_of
from signals.texts.i18n import text
from ui.charts import FONT, new_figure, plotly_text, projector_fonts
from ui.data import read_connection
from ui.labels import COMPOUND_JOINTS, breakable, suppressed_short, suppressed_text
from ui.theme import SUPPRESSED_COLOUR
from ui.widgets import wrapping_metric_labels_css

# Low risk pale, high risk orange-red: black text stays readable on every cell (contrast
# above 5:1), and the order shows in greyscale too.
SCORE_SCALE = [[0.0, "#FFF7E6"], [0.5, "#FDBB84"], [1.0, "#E34A33"]]
CELL_HEIGHT = 46
HEATMAP_TOP = 115


@st.cache_data(show_spinner=False, max_entries=8)
def load_survey(path: str, version: int, min_group_size: int) -> pd.DataFrame:
    """Every survey row, ALL included, small groups suppressed (survey.survey_frame)."""
    from signals.measures.survey import survey_frame

    with read_connection(path) as con:
        return survey_frame(con, min_group_size=min_group_size, suppress=True)


def domain_name(domain: str, lang: str) -> str:
    return text(f"survey.domain.{domain}", lang)


def department_name(department: str, lang: str) -> str:
    return text("common.organisation", lang) if department == ALL_DEPARTMENTS else department


def date_text(day, lang: str) -> str:
    """A survey date in the language: '14 juli 2024'."""
    return format_date(day, format="long", locale=locale_of(lang))


def score_text(value, lang: str) -> str:
    return format_number(value, lang, 0)


def _ordered_departments(rows: pd.DataFrame) -> list[str]:
    others = sorted(d for d in rows["department"].unique() if d != ALL_DEPARTMENTS)
    return ([ALL_DEPARTMENTS] if (rows["department"] == ALL_DEPARTMENTS).any() else []) + others


def scores_heatmap(rows: pd.DataFrame, lang: str, min_group_size: int, title: str) -> go.Figure:
    """Departments (the organisation first) x domains of one survey date: the score in each
    cell, coloured by it; hidden cells grey with why, never a number."""
    departments = _ordered_departments(rows)
    domains = [d for d in SURVEY_DOMAINS if d in set(rows["domain"])]
    grid = rows.set_index(["department", "domain"])
    shape = (len(departments), len(domains))
    scores, hidden = np.full(shape, np.nan), np.full(shape, np.nan)
    cell_text = [[""] * len(domains) for _ in departments]
    hidden_text = [[""] * len(domains) for _ in departments]
    hover = [[""] * len(domains) for _ in departments]
    for i, department in enumerate(departments):
        name = plotly_text(department_name(department, lang))
        for j, domain in enumerate(domains):
            if (department, domain) not in grid.index:
                continue
            cell = grid.loc[(department, domain)]
            if bool(cell["suppressed"]):
                reason = cell["suppression_reason"]
                hidden[i, j] = 0
                hidden_text[i][j] = suppressed_short(lang, min_group_size, reason)
                hover[i][j] = (f"{name} · {domain_name(domain, lang)}<br>"
                               f"{suppressed_text(lang, min_group_size, reason)}")
                continue
            scores[i, j] = cell["score"]
            cell_text[i][j] = score_text(cell["score"], lang)
            hover[i][j] = text("survey.hover_score", lang, department=name,
                               domain=domain_name(domain, lang),
                               score=score_text(cell["score"], lang),
                               respondents=int(cell["respondents"]))
    y = [plotly_text(department_name(d, lang)) for d in departments]
    x = [wrapped(domain_name(d, lang)) for d in domains]
    common = dict(x=x, y=y, xgap=3, ygap=3, showscale=False, hoverinfo="text",
                  hovertext=hover, texttemplate="%{text}")
    figure = new_figure(lang, [
        go.Heatmap(z=hidden, colorscale=[[0, SUPPRESSED_COLOUR], [1, SUPPRESSED_COLOUR]],
                   text=hidden_text, textfont=dict(size=15, color="#333333"), **common),
        go.Heatmap(z=scores, zmin=0, zmax=100, colorscale=SCORE_SCALE,
                   text=cell_text, textfont=dict(size=17, color="#111111"), **common),
    ])
    figure.update_layout(
        title=dict(text=title, font=dict(size=21), yref="container", y=1, yanchor="top",
                   pad=dict(t=14)),
        font=FONT, template=None, plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF",
        height=max(300, CELL_HEIGHT * len(departments) + HEATMAP_TOP + 20),
        margin=dict(l=160, r=20, t=HEATMAP_TOP, b=20), hoverlabel=dict(font_size=15),
        showlegend=False, dragmode=False)
    figure.update_yaxes(autorange="reversed", tickfont=dict(size=16, color="#111"))
    figure.update_xaxes(side="top", tickangle=0, tickfont=dict(size=15, color="#111"))
    return figure


def wrapped(name: str, width: int = 14) -> str:
    """A domain name on lines of about `width` characters (<br>), for a narrow column."""
    lines, line = [], ""
    words = [part for word in name.split() for part in (
        COMPOUND_JOINTS.sub(r"\1-\n", word, count=1).split("\n") if len(word) > width
        else [word])]
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join(lines + [line])


def projector_heatmap(figure: go.Figure) -> go.Figure:
    """charts.projector_fonts, keeping this grid's own top margin (its headings are level)."""
    shown = projector_fonts(figure)
    shown.update_layout(height=figure.layout.height + 30, margin_t=HEATMAP_TOP + 30)
    return shown


READINGS = ("worse", "better", "unclear", "no_interval", "hidden", "missing")


def change_reading(row) -> str:
    """What a change says, in a word: clear (up or down), maybe chance, or why none."""
    if bool(row["suppressed"]):
        return "hidden"
    if pd.isna(row["change"]):
        return "missing"
    if pd.isna(row["low"]):
        return "no_interval"
    if bool(row["clear"]):
        return "worse" if row["change"] > 0 else "better"
    return "unclear"


def change_figure(rows: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """One department's change per domain: a point, and its 95% interval where known."""
    rows = rows.set_index("domain").reindex([d for d in SURVEY_DOMAINS if d in set(rows["domain"])])
    shown = rows[rows["change"].notna()]
    names = [domain_name(d, lang) for d in shown.index]
    readings = [change_reading(row) for _, row in shown.iterrows()]
    colours = [{"worse": "#B30000", "better": "#1B7837"}.get(r, "#555555") for r in readings]
    hover = [text("survey.hover_change", lang, domain=domain_name(d, lang),
                  change=format_number(row["change"], lang, 1),
                  low=format_number(row["low"], lang, 1), high=format_number(row["high"], lang, 1))
             if not pd.isna(row["low"]) else
             f"{domain_name(d, lang)}: {format_number(row['change'], lang, 1)}"
             for d, row in shown.iterrows()]
    plus = (shown["high"] - shown["change"]).to_numpy(dtype=float)
    minus = (shown["change"] - shown["low"]).to_numpy(dtype=float)
    figure = new_figure(lang, go.Scatter(
        x=shown["change"], y=names, mode="markers", marker=dict(size=16, color=colours),
        error_x=dict(type="data", array=np.nan_to_num(plus), arrayminus=np.nan_to_num(minus),
                     thickness=3, width=8, color="#555555"),
        hovertext=hover, hoverinfo="text", showlegend=False))
    figure.add_vline(x=0, line=dict(color="#111111", width=1.5))
    figure.update_layout(
        title=dict(text=title, font=dict(size=21), yref="container", y=1, yanchor="top",
                   pad=dict(t=14)),
        font=FONT, template=None, plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF",
        height=max(260, 58 * len(names) + 140), margin=dict(l=220, r=30, t=70, b=70),
        hoverlabel=dict(font_size=15), dragmode=False)
    figure.update_xaxes(title_text=text("survey.change_axis", lang), zeroline=False,
                        gridcolor="#DDDDDD", tickfont=dict(size=15, color="#111"))
    figure.update_yaxes(autorange="reversed", tickfont=dict(size=16, color="#111"))
    return figure


SCORE_COLUMNS = ("date", "department", "domain", "respondents", "score", "score_sd",
                 "suppressed", "suppression_reason")
CHANGE_COLUMNS = ("department", "domain", "respondents_first", "score_first",
                  "respondents_second", "score_second", "change", "low", "high", "reading",
                  "suppressed", "suppression_reason")


def column_labels(lang: str, columns) -> dict[str, str]:
    """Headers of the survey downloads in the language (csv.* for the shared ones)."""
    shared = {"suppressed": "csv.suppressed", "suppression_reason": "csv.suppression_reason"}
    return {column: text(shared.get(column, f"survey.column.{column}"), lang)
            for column in columns}


def scores_download(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every survey row with domains named; hidden rows keep no score and no deviation."""
    shown = frame[list(SCORE_COLUMNS)].copy()
    shown.loc[shown["suppressed"], ["score", "score_sd"]] = np.nan
    shown["department"] = shown["department"].map(lambda d: department_name(d, lang))
    shown["domain"] = shown["domain"].map(lambda d: domain_name(d, lang))
    return shown


def change_download(change: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The changes, the organisation first and domains in the questionnaire's order."""
    order = {domain: index for index, domain in enumerate(SURVEY_DOMAINS)}
    shown = change.assign(
        _other=change["department"] != ALL_DEPARTMENTS,
        _domain=change["domain"].map(order)).sort_values(
        ["_other", "department", "_domain"]).drop(columns=["_other", "_domain"])
    shown["reading"] = [text(f"survey.change.{change_reading(row)}", lang)
                        for _, row in shown.iterrows()]
    shown["department"] = shown["department"].map(lambda d: department_name(d, lang))
    shown["domain"] = shown["domain"].map(lambda d: domain_name(d, lang))
    return shown[list(CHANGE_COLUMNS)]


def change_table(change: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One department's changes as a reader sees them: numbers in the language, the
    interval as 'from to', a reading in words; hidden scores stay empty."""
    shown = change_download(change, lang)
    table = pd.DataFrame({"domain": shown["domain"]})
    for column, decimals in (("score_first", 0), ("score_second", 0), ("change", 1),
                             ("low", 1), ("high", 1)):
        table[column] = [format_number(value, lang, decimals) if not pd.isna(value) else ""
                         for value in shown[column]]
    table["reading"] = shown["reading"]
    return table


LEADING_KEY = "survey_leading_block"
# Domain names wrap instead of ending in '…' in the block's narrow columns; readable from the
# back of the room, as every text on the projector (18 px).
LEADING_CSS = wrapping_metric_labels_css(LEADING_KEY, font_px=18)


def show_leading_block(database, department: str, lang: str) -> None:
    """The department's latest survey scores, each with its change since the survey
    before: the leading indicators next to the lagging ones (Trends, one department)."""
    from signals.measures.survey_change import survey_change

    frame = load_survey(*database.cache_key)
    if frame.empty:
        return
    dates = sorted(frame["date"].unique())
    mine = frame[frame["department"] == department]
    if mine.empty:
        st.caption(text("survey.leading_none", lang, department=department_name(department, lang)))
        return
    latest = max(mine["date"])
    before = [d for d in dates if d < latest]
    change = (survey_change(frame, before[-1], latest) if before else pd.DataFrame())
    change = change[change["department"] == department].set_index("domain") if before else change
    rows = mine[mine["date"] == latest].set_index("domain")
    with st.container(border=True, key=LEADING_KEY):
        st.html(LEADING_CSS)
        st.markdown(f"**{text('survey.leading_title', lang, date=date_text(latest, lang))}**")
        columns = st.columns(len(rows.index), vertical_alignment="bottom")   # scores in one row
        for column, domain in zip(columns, [d for d in SURVEY_DOMAINS if d in rows.index]):
            cell = rows.loc[domain]
            if bool(cell["suppressed"]):
                column.metric(breakable(domain_name(domain, lang)), "–",
                              help=suppressed_text(lang, database.min_group_size,
                                                   cell["suppression_reason"]))
                continue
            delta = None
            if before and domain in change.index and not pd.isna(change.loc[domain, "change"]):
                delta = format_number(change.loc[domain, "change"], lang, 1)
                if change.loc[domain, "change"] > 0:
                    delta = "+" + delta
            column.metric(breakable(domain_name(domain, lang)), score_text(cell["score"], lang),
                          delta=delta, delta_color="inverse")
        st.caption(text("survey.leading_help", lang, date=date_text(before[-1], lang))
                   if before else text("survey.leading_help_one", lang))

