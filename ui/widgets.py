"""Page building blocks shared by several pages: indicator tiles, signal lights, notes."""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import streamlit as st

from signals.definitions import INDICATOR_IDS, INDICATORS_BY_ID, kind_label
from signals.measures.completeness import missing_kinds
from signals.texts.i18n import text
from ui.data import ActiveDatabase, load_incomplete, load_unrecorded
from ui.labels import (
    breakable,
    change_text,
    display_value,
    indicator_name,
    level_label,
    month_text,
    reason_column,
    unit_words,
)
from ui.theme import LEVEL_ICONS, level_of


def wrapping_metric_labels_css(key: str, font_px: int | None = None) -> str:
    """CSS for the metrics inside the container `key`: labels wrap onto a second line instead
    of ending in '…' in narrow columns (a 1280-pixel projector), optionally at `font_px`."""
    labels = f".st-key-{key} [data-testid='stMetricLabel']"
    css = (f"{labels} * {{ white-space: normal !important; overflow: visible !important; "
           "text-overflow: clip !important; height: auto !important; "
           "overflow-wrap: normal !important; word-break: normal !important; } "
           f"{labels} {{ min-height: 2.7em; align-items: flex-start; }} ")
    if font_px:
        css += f"{labels} p {{ font-size: {font_px}px !important; }}"
    return f"<style>{css}</style>"


def signal_light(level, lang: str, detail: str = "") -> None:
    """A light with icon and text (never colour alone)."""
    mapped = level_of(level)
    extra = f" · {html.escape(detail)}" if detail else ""
    st.html(f'<span class="signal-light signal-{mapped}">{html.escape(level_label(level, lang))}'
            f'{extra}</span>')


def month_value(series: pd.DataFrame, month: dt.date):
    """(value, suppressed, suppression reason) of one month in a frame indexed by month;
    (None, False, None) if absent."""
    if month not in series.index:
        return None, False, None
    row = series.loc[month]
    return row["value"], bool(row["suppressed"]), row.get("suppression_reason")


def year_before(month: dt.date) -> dt.date:
    return month.replace(year=month.year - 1)


def indicator_tile(indicator: str, history: pd.DataFrame, month: dt.date, level, lang: str,
                   min_group_size: int, departments_signalled: int, key: str | None = None) -> None:
    """One organisation indicator: value, change against a year before, 12-month sparkline, light.
    `key` (starting with 'tile_') tells apart two tiles of one indicator."""
    series = history.set_index("month").sort_index()
    value, suppressed, reason = month_value(series, month)
    before, before_suppressed, before_reason = month_value(series, year_before(month))
    change = None
    if not suppressed and not before_suppressed and value is not None and before is not None:
        change = value - before
    window = series.loc[(series.index > year_before(month)) & (series.index <= month)]
    sparkline = window.loc[~window["suppressed"], "value"].dropna().round(3).tolist()
    name = indicator_name(indicator, lang)
    # a row of tiles, one height; the key lets the CSS size the texts to the tile's width
    with st.container(border=True, height="stretch", key=key or f"tile_{indicator}"):
        st.html(f'<div class="tile-name" lang="{lang}">{html.escape(breakable(name))}</div>')
        st.metric(
            name,
            display_value(value, indicator, lang, suppressed=suppressed,
                          min_group_size=min_group_size, reason=reason, with_unit=False),
            delta=change_text(change, indicator, lang),
            delta_color="blue",     # direction by arrow and sign; the light carries the judgement
            chart_data=sparkline if len(sparkline) > 1 else None,
            label_visibility="collapsed",
        )
        unit = unit_words(indicator, lang)
        if unit:                        # the number alone fits the tile; its unit goes below
            st.caption(unit)
        if before is not None or before_suppressed:
            last_year = display_value(before, indicator, lang, suppressed=before_suppressed,
                                      min_group_size=min_group_size, reason=before_reason,
                                      with_unit=False)
            st.caption(f"{month_text(year_before(month), lang, short=True)}: {last_year}")
        signal_light(level, lang)
        if departments_signalled:
            st.caption(text("overview.departments_signalled", lang, n=departments_signalled))


def hotspot_block(row, lang: str) -> None:
    """A ranked department (a row of signals.alerts.hotspots): rank, name, level and since,
    then each signalling indicator on its own line, with its level's icon and the reason."""
    level = "alert" if row.alerts else "watch"
    heading = [level_label(level, lang)]
    if row.since is not None:
        heading.append(text("common.since", lang, month=month_text(row.since, lang, short=True)))
    reasons = str(getattr(row, reason_column(lang))).splitlines()
    lines = "".join(
        f'<li><span class="icon-{indicator_level}">{LEVEL_ICONS[indicator_level]}</span> '
        f'{html.escape(reason)}</li>'
        for indicator_level, reason in zip(row.levels, reasons)
    )
    st.html(
        f'<div class="attention-row"><b>{row.rank}. {html.escape(str(row.department))}</b> · '
        f'{html.escape(" · ".join(heading))}<ul class="reasons">{lines}</ul></div>'
    )


def unrecorded_notice(database: ActiveDatabase, lang: str) -> tuple[str, ...]:
    """Say which record kinds were never uploaded and which indicators stay empty for it;
    returns those indicators."""
    unrecorded = load_unrecorded(database.path, database.version)
    if not unrecorded:
        return unrecorded
    kinds = [kind for kind in dict.fromkeys(INDICATORS_BY_ID[i].source_kind for i in unrecorded)
             if all(i in unrecorded for i in INDICATOR_IDS
                    if INDICATORS_BY_ID[i].source_kind == kind)]
    never_uploaded = [i for i in unrecorded if INDICATORS_BY_ID[i].source_kind in kinds]
    if never_uploaded:
        st.info(text("common.unrecorded", lang,
                     kinds=", ".join(kind_label(kind, lang) for kind in kinds),
                     indicators=", ".join(indicator_name(i, lang) for i in never_uploaded)))
    unobserved = [i for i in unrecorded if i not in never_uploaded]   # measures never observed
    if unobserved:
        st.info(text("common.unobserved", lang,
                     indicators=", ".join(indicator_name(i, lang) for i in unobserved)))
    return unrecorded


def incomplete_notice(database: ActiveDatabase, month: dt.date, lang: str) -> tuple[str, ...]:
    """Say that `month` is not complete yet, which kinds are missing and which indicators
    rest on them; returns those indicators (empty: the month is complete)."""
    missing = missing_kinds(load_incomplete(database.path, database.version), month)
    if not missing:
        return ()
    affected = tuple(indicator for indicator in INDICATOR_IDS
                     if INDICATORS_BY_ID[indicator].source_kind in missing)
    kinds = ", ".join(text("common.incomplete_kind", lang, kind=kind_label(kind, lang),
                           last=month_text(last, lang)) for kind, last in missing.items())
    st.warning(text("common.incomplete", lang, month=month_text(month, lang), kinds=kinds,
                    indicators=", ".join(indicator_name(i, lang) for i in affected)),
               icon=":material/hourglass_top:")
    return affected


def incomplete_months_of(database: ActiveDatabase, indicator: str) -> dict[dt.date, dt.date]:
    """The months not complete yet for `indicator`'s records, each with its kind's latest month."""
    incomplete = load_incomplete(database.path, database.version)
    rows = incomplete[incomplete["kind"] == INDICATORS_BY_ID[indicator].source_kind]
    return dict(zip(rows["month"], rows["last_month"]))


def first_recorded_index(unrecorded: tuple[str, ...]) -> int:
    """Position in INDICATOR_IDS of the first indicator with records: an indicator choice's
    default, so a page does not open on an empty one."""
    return next((index for index, indicator in enumerate(INDICATOR_IDS)
                 if indicator not in unrecorded), 0)
