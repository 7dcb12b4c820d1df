"""From a heatmap cell on the hotspots page to that department's trend.

The hotspots page puts the clicked (department, indicator) in the session and switches
to the trends page; the trends page takes it, once, as its choice of indicator and
departments (setting the widgets' state before they are drawn).
"""

from __future__ import annotations

import streamlit as st

from signals.definitions import INDICATOR_IDS

REQUEST_KEY = "trends_requested"
TRENDS_FILE = "pages/screens/trends.py"


def clicked_cell(selection) -> tuple[str, str] | None:
    """(department, indicator) of the first clicked heatmap cell, from st.plotly_chart's
    selection (the cells' customdata), or None."""
    points = (selection or {}).get("points") or []
    for point in points:
        data = point.get("customdata")
        if isinstance(data, (list, tuple)) and len(data) >= 2 and data[1] in INDICATOR_IDS:
            return str(data[0]), str(data[1])
    return None


def open_trend(department: str, indicator: str) -> None:
    """Switch to the trends page showing `department` for `indicator`."""
    st.session_state[REQUEST_KEY] = (department, indicator)
    st.switch_page(TRENDS_FILE)


def open_requested_trend(departments) -> bool:
    """On the trends page: apply a pending request to its widgets; True when one was applied."""
    requested = st.session_state.pop(REQUEST_KEY, None)
    if not requested:
        return False
    department, indicator = requested
    if department not in departments or indicator not in INDICATOR_IDS:
        return False
    st.session_state["trends_indicator"] = indicator
    st.session_state["trends_departments"] = [department]
    return True
