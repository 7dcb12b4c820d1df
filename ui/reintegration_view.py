"""The yearly re-integration evaluation on screen: cached loading, tables in plain words,
the outcomes chart and the download. Every number comes from
measures.reintegration_review with suppression applied: a hidden count is None there, and
here it is words ('fewer than 10 people: not shown'), never a number, a bar or a hover."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from signals.measures.suppression import SMALL
from signals.texts.formatting import format_number, format_percent
from signals.texts.i18n import text
from ui.charts import FONT, new_figure
from ui.data import read_connection
from ui.labels import is_complementary, suppressed_short, suppressed_text
from ui.theme import OKABE_ITO

RETURNED_COLOUR = OKABE_ITO["bluish_green"]
OTHER_COLOUR = OKABE_ITO["blue"]


@st.cache_data(show_spinner=False, max_entries=16)
def load_review(path: str, version: int, min_group_size: int, year: int):
    from signals.measures.reintegration_review import reintegration_review

    with read_connection(path) as con:
        return reintegration_review(con, year, min_group_size=min_group_size)


@st.cache_data(show_spinner=False, max_entries=8)
def load_years(path: str, version: int) -> list[int]:
    """The years with a request, a decision or an outcome, latest first."""
    with read_connection(path) as con:
        rows = con.execute("""
            SELECT DISTINCT year FROM (
                SELECT year(request_date) AS year FROM reintegration
                UNION SELECT year(decision_date) FROM reintegration WHERE decision_date IS NOT NULL
                UNION SELECT year(outcome_date) FROM reintegration WHERE outcome_date IS NOT NULL)
            ORDER BY year DESC
        """).fetchall()
    return [int(row[0]) for row in rows]


def count_text(count, reason, lang: str, min_group_size: int) -> str:
    """A count, or why it is not shown ('< 10', or hidden to protect another group)."""
    if count is None or pd.isna(count):
        if is_complementary(reason):
            return suppressed_text(lang, min_group_size, reason)
        return suppressed_short(lang, min_group_size, reason)
    return format_number(count, lang, 0)


def default_year_index(years: list[int], today: dt.date) -> int:
    """The last full year: the evaluation looks back on a year; the running one if alone."""
    return next((index for index, year in enumerate(years) if year < today.year), 0)


def count_table(frame: pd.DataFrame, breakdown: str, lang: str, min_group_size: int) -> pd.DataFrame:
    """A breakdown as two columns a reader understands: what, and how many."""
    return pd.DataFrame({
        text("reintegration.column.what", lang): [
            text(f"reintegration.{breakdown}.{code}", lang) for code in frame["category"]],
        text("reintegration.column.count", lang): [
            count_text(count, reason, lang, min_group_size)
            for count, reason in zip(frame["count"], frame["reason"], strict=True)],
    })


def all_small(frame: pd.DataFrame) -> pd.Series:
    """Departments whose every figure is hidden for its own small size."""
    return ((frame["requests_reason"] == SMALL) & (frame["decisions_reason"] == SMALL)
            & (frame["outcomes_reason"] == SMALL))


def department_table(frame: pd.DataFrame, lang: str, min_group_size: int) -> pd.DataFrame:
    """The departments with at least one figure to show (all_small ones are named apart)."""
    frame = frame[~all_small(frame)]
    table = pd.DataFrame({text("reintegration.column.department", lang): frame["department"]})
    for measure in ("requests", "decisions", "outcomes"):
        table[text(f"reintegration.column.{measure}", lang)] = [
            count_text(count, reason, lang, min_group_size)
            for count, reason in zip(frame[measure], frame[f"{measure}_reason"], strict=True)]
    return table


def outcomes_figure(outcomes: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """Horizontal bars of the shown outcomes; a hidden one has no bar, only its words."""
    from signals.measures.reintegration_review import RETURNED_OUTCOMES

    names = [text(f"reintegration.outcome.{code}", lang) for code in outcomes["category"]]
    counts = [None if count is None or pd.isna(count) else int(count)
              for count in outcomes["count"]]
    labels = [format_number(count, lang, 0) if count is not None
              else text("reintegration.hidden", lang) for count in counts]
    colours = [RETURNED_COLOUR if code in RETURNED_OUTCOMES else OTHER_COLOUR
               for code in outcomes["category"]]
    figure = new_figure(lang, go.Bar(
        x=[count or 0 for count in counts], y=names, orientation="h", text=labels,
        textposition="outside", cliponaxis=False, marker_color=colours,
        hovertext=[f"{name}: {label}" for name, label in zip(names, labels, strict=True)],
        hoverinfo="text", showlegend=False))
    figure.update_layout(
        title=dict(text=title, font=dict(size=21), yref="container", y=1, yanchor="top",
                   pad=dict(t=14)),
        font=FONT, template=None, plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF",
        height=max(280, 52 * len(names) + 130), margin=dict(l=230, r=110, t=70, b=50),
        hoverlabel=dict(font_size=15), dragmode=False, bargap=0.35)
    figure.update_xaxes(title_text=text("reintegration.outcomes_axis", lang), rangemode="tozero",
                        gridcolor="#DDDDDD", tickfont=dict(size=15, color="#111"))
    figure.update_yaxes(autorange="reversed", tickfont=dict(size=16, color="#111"))
    return figure


def share_text(share, lang: str) -> str | None:
    return None if share is None else text("reintegration.share", lang,
                                           share=format_percent(100 * share, lang, 0))


SECTIONS = ("request_type", "initiator", "decision", "decision_term", "outcome")


def review_download(review) -> pd.DataFrame:
    """Every figure of the review in one long table (the machine file): hidden counts empty,
    with why."""
    frames = {"request_type": review.requests_by_type, "initiator": review.requests_by_initiator,
              "decision": review.decisions, "decision_term": review.decision_terms,
              "outcome": review.outcomes}
    parts = [frame.assign(section=section) for section, frame in frames.items()]
    parts.append(review.totals.rename(columns={"measure": "category"}).assign(section="total"))
    for measure in ("requests", "decisions", "outcomes"):
        departments = review.departments
        parts.append(pd.DataFrame({
            "section": f"department_{measure}", "category": departments["department"],
            "count": departments[measure], "suppressed": departments[f"{measure}_reason"].notna(),
            "reason": departments[f"{measure}_reason"]}))
    table = pd.concat(parts, ignore_index=True)
    table.insert(0, "year", review.year)
    table = table[["year", "section", "category", "count", "suppressed", "reason"]]
    table["count"] = table["count"].astype("Int64")
    return table.rename(columns={"reason": "suppression_reason"})


def readable_download(review, lang: str) -> pd.DataFrame:
    """The same in the language: sections and categories in words."""
    table = review_download(review)
    def words(row):
        section, code = row["section"], row["category"]
        if section.startswith("department_"):
            return code
        return text(f"reintegration.{section}.{code}", lang)
    table["category"] = [words(row) for _, row in table.iterrows()]
    table["section"] = [text("reintegration.section." + (
        "department" if section.startswith("department_") else section), lang)
        + (f" ({text('reintegration.column.' + section.removeprefix('department_'), lang)})"
           if section.startswith("department_") else "")
        for section in table["section"]]
    return table


def download_labels(lang: str) -> dict[str, str]:
    return {"year": text("reintegration.year", lang),
            "section": text("reintegration.column.section", lang),
            "category": text("reintegration.column.what", lang),
            "count": text("reintegration.column.count", lang),
            "suppressed": text("csv.suppressed", lang),
            "suppression_reason": text("csv.suppression_reason", lang)}
