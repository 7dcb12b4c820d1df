"""Indicators grouped by theme on the screens (signals.alerts.groups): the overview's followed
tiles and one row per theme that opens on its tiles, the heatmap's theme choice and header,
Trends' theme then indicator, and the setting of the followed indicators (data page)."""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import streamlit as st

from signals import store
from signals.access import audit
from signals.alerts.groups import (
    DEFAULT_FOLLOWED,
    GROUPED_IDS,
    MAX_FOLLOWED,
    FollowedRefused,
    GroupLight,
    followed_indicators,
    group_lights,
    group_of,
    set_followed_indicators,
)
from signals.definitions import ALERT_LEVELS, INDICATOR_GROUPS
from signals.texts.i18n import text
from ui.access_control import access_db
from ui.data import ActiveDatabase, read_connection
from ui.figures import heatmap_cells, heatmap_figure
from ui.labels import indicator_name, level_label
from ui.prediagnosis import show_risk_analysis_setting
from ui.theme import LEVEL_ICONS
from ui.widgets import indicator_tile

TILES_PER_ROW = 5
# Markdown backgrounds of a theme's light in its row's label (tinted; icon and word carry it too)
LIGHT_BACKGROUNDS = {"alert": "red", "watch": "orange", "ok": "green", "incomplete": "orange",
                     "unjudged": "gray", "no_data": "gray"}
TRENDS_GROUP_KEY = "trends_group"
TRENDS_INDICATOR_KEY = "trends_indicator"
HOTSPOTS_GROUP_KEY = "hotspots_group"
SAVED_KEY = "followed_saved"

# A theme's row carries its light as a coloured band on the left, besides icon and word.
GROUP_CSS = """
<style>
  [class*="st-key-theme_"] [data-testid="stExpander"] details { border-left-width: 0.6rem; }
  [class*="st-key-theme_alert_"] [data-testid="stExpander"] details { border-left-color: #D55E00; }
  [class*="st-key-theme_watch_"] [data-testid="stExpander"] details { border-left-color: #E69F00; }
  [class*="st-key-theme_ok_"] [data-testid="stExpander"] details { border-left-color: #009E73; }
  [class*="st-key-theme_incomplete_"] [data-testid="stExpander"] details { border-left-color: #B07800;
    border-left-style: dashed; }
  [class*="st-key-theme_unjudged_"] [data-testid="stExpander"] details,
  [class*="st-key-theme_no_data_"] [data-testid="stExpander"] details { border-left-color: #999999;
    border-left-style: dashed; }
  [class*="st-key-theme_"] [data-testid="stExpander"] summary p { font-size: 1.2rem; }
  /* the theme's tiles as wide as the followed ones: little padding around them */
  [class*="st-key-theme_"] [data-testid="stExpanderDetails"] { padding-left: 0.5rem;
    padding-right: 0.5rem; }
</style>
"""


def read_followed(database: ActiveDatabase) -> tuple[str, ...]:
    """The committee's followed indicators of the database shown (read each run: a setting
    changes without the data changing)."""
    with read_connection(database.path) as con:
        return followed_indicators(con)


def tile_rows(indicators, organisation: pd.DataFrame, month: dt.date, levels: dict,
              signalled: dict, database: ActiveDatabase, lang: str, prefix: str) -> None:
    """Tiles of `indicators`, TILES_PER_ROW a row; `prefix` keeps their keys apart when an
    indicator shows twice (followed, and in its theme)."""
    indicators = list(indicators)
    for start in range(0, len(indicators), TILES_PER_ROW):
        columns = st.columns(TILES_PER_ROW)
        for column, indicator in zip(columns, indicators[start:start + TILES_PER_ROW]):
            with column:
                indicator_tile(indicator, organisation[organisation["indicator"] == indicator], month,
                               levels.get(indicator), lang, database.min_group_size,
                               signalled.get(indicator, 0), key=f"tile_{prefix}_{indicator}")


def group_label(group: GroupLight, lang: str) -> str:
    """'**Absence** · :red-background[■ Alert] · 3 indicators signal · 6 indicators': the
    theme's row, closed."""
    badge = f":{LIGHT_BACKGROUNDS[group.light]}-background[**{level_label(group.light, lang)}**]"
    parts = [f"**{text(f'group.{group.group}', lang)}**", badge]
    if group.signalling:
        parts.append(text("groups.signalling", lang, n=group.signalling))
    parts.append(text("groups.indicators", lang, n=len(group.indicators)))
    return " · ".join(parts)


def show_overview_indicators(database: ActiveDatabase, organisation: pd.DataFrame, month: dt.date,
                             levels: dict, signalled: dict, lang: str) -> None:
    """The followed indicators as tiles, then each theme as a row with its worst light and
    how many indicators signal; a row opens on its theme's tiles."""
    st.html(GROUP_CSS)
    followed = read_followed(database)
    st.subheader(text("groups.followed", lang))
    tile_rows(followed, organisation, month, levels, signalled, database, lang, "followed")
    st.subheader(text("groups.by_theme", lang))
    for group in group_lights(levels):
        with st.container(key=f"theme_{group.light}_{group.group}"):
            row = st.expander(group_label(group, lang), key=f"overview_group_{group.group}",
                              on_change="rerun")
            if row.open:            # drawn when opened: 24 tiles at once slow every rerun
                with row:
                    tile_rows(group.indicators, organisation, month, levels, signalled, database,
                              lang, group.group)


# Hotspots: the heatmap shows one theme at a time (all its columns do not fit a screen).

def theme_counts(database: ActiveDatabase, month) -> dict[str, tuple[int, int]]:
    """(alerts, watches) of the month's department cells per theme (hidden cells never count)."""
    cells = heatmap_cells(*database.cache_key, month)
    shown = cells[cells["level"].isin(ALERT_LEVELS) & ~cells["suppressed"]]
    return {group: (int(((shown["level"] == "alert") & shown["indicator"].isin(members)).sum()),
                    int(((shown["level"] == "watch") & shown["indicator"].isin(members)).sum()))
            for group, members in INDICATOR_GROUPS.items()}


def theme_selector(database: ActiveDatabase, month, lang: str) -> str:
    """The theme of the heatmap, each labelled with its strongest light's icon and its number
    of signals; at first the theme with the most signals."""
    counts = theme_counts(database, month)
    groups = list(INDICATOR_GROUPS)
    busiest = max(groups, key=lambda group: sum(counts[group]))       # ties: the first

    def label(group: str) -> str:
        alerts, watches = counts[group]
        name = text(f"group.{group}", lang)
        if not alerts + watches:
            return name
        return f"{LEVEL_ICONS['alert' if alerts else 'watch']} {name} · {alerts + watches}"

    chosen = st.segmented_control(text("hotspots.group", lang), groups, format_func=label,
                                  default=busiest, key=HOTSPOTS_GROUP_KEY)
    return chosen or busiest


def theme_heatmap(database: ActiveDatabase, month, lang: str, rows, group: str):
    """The heatmap of one theme, its name and indicators in the title (the group's header)."""
    figure = heatmap_figure(*database.cache_key, month, lang, rows, INDICATOR_GROUPS[group])
    title = f"{text('hotspots.heatmap_title', lang)} · {text(f'group.{group}', lang)}"
    figure.update_layout(title_text=html.escape(title))
    return figure


# Trends: a theme, then an indicator of it.

def _first_recorded(indicators, unrecorded) -> str:
    return next((indicator for indicator in indicators if indicator not in unrecorded), indicators[0])


def _theme_changed(unrecorded: tuple[str, ...]) -> None:
    group = st.session_state.get(TRENDS_GROUP_KEY)
    if group in INDICATOR_GROUPS:
        st.session_state[TRENDS_INDICATOR_KEY] = _first_recorded(INDICATOR_GROUPS[group], unrecorded)


def theme_indicator_selector(theme_area, indicator_area, unrecorded: tuple[str, ...],
                             lang: str) -> str:
    """A theme, then an indicator within it; the theme follows an indicator set from elsewhere
    (a heatmap cell clicked). At first the first indicator with records."""
    state = st.session_state
    wanted = state.get(TRENDS_INDICATOR_KEY)
    if wanted not in GROUPED_IDS:
        wanted = _first_recorded(GROUPED_IDS, unrecorded)
        state[TRENDS_INDICATOR_KEY] = wanted
    if state.get(TRENDS_GROUP_KEY) != group_of(wanted):
        state[TRENDS_GROUP_KEY] = group_of(wanted)
    group = theme_area.selectbox(text("hotspots.group", lang), list(INDICATOR_GROUPS),
                                 key=TRENDS_GROUP_KEY, on_change=_theme_changed, args=(unrecorded,),
                                 format_func=lambda g: text(f"group.{g}", lang))
    return indicator_area.selectbox(text("common.indicator", lang), INDICATOR_GROUPS[group],
                                    key=TRENDS_INDICATOR_KEY,
                                    format_func=lambda i: indicator_name(i, lang))


# The setting (data page): which indicators the committee follows on the overview.

def show_followed_setting(viewer, database: ActiveDatabase, lang: str) -> None:
    """The followed indicators; the admin changes them (checked, audit-logged), others read."""
    st.subheader(text("groups.setting_title", lang))
    st.write(text("groups.setting_help", lang, n=MAX_FOLLOWED))
    if st.session_state.pop(SAVED_KEY, False):
        st.success(text("groups.setting_saved", lang))
    current = read_followed(database)
    if not viewer.may_change_settings():
        st.write(", ".join(indicator_name(indicator, lang) for indicator in current))
        st.caption(text("data.read_only", lang))
        return
    with st.form("followed_form", border=False):
        chosen = st.multiselect(text("groups.setting_label", lang), list(GROUPED_IDS),
                                default=list(current), key="followed_input",
                                format_func=lambda i: f"{text(f'group.{group_of(i)}', lang)} · "
                                                      f"{indicator_name(i, lang)}")
        save, default = st.columns([1, 3])
        if save.form_submit_button(text("common.save", lang), type="primary", key="followed_save"):
            save_followed(viewer, database, chosen, current, lang)
        if default.form_submit_button(text("groups.setting_default", lang), key="followed_default"):
            save_followed(viewer, database, DEFAULT_FOLLOWED, current, lang)


def save_followed(viewer, database: ActiveDatabase, chosen, current, lang: str) -> None:
    try:
        with store.connect(database.path) as con:
            stored = set_followed_indicators(con, chosen)
    except FollowedRefused as refused:
        st.error(text(f"groups.refused.{refused.reason}", lang, n=MAX_FOLLOWED))
        return
    except store.DatabaseBusy:
        st.error(text("error.busy", lang))
        return
    audit.record(access_db(), viewer.actor, "setting_changed",
                 {"setting": "followed_indicators", "old": list(current), "new": list(stored),
                  "demo": database.demo})
    st.session_state[SAVED_KEY] = True
    del st.session_state["followed_input"]          # the form shows what was stored
    st.rerun()


def show_committee_settings(viewer, database: ActiveDatabase, lang: str) -> None:
    """The data page's settings for the committee's screens: the followed indicators and the
    last psychosocial risk analysis (the pre-diagnosis reminds of it)."""
    show_followed_setting(viewer, database, lang)
    show_risk_analysis_setting(viewer, database, lang)
