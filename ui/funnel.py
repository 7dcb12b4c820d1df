"""Funnel plot data from the alerts funnel frame: the departments' points and smooth limits.

The alerts give each department its own limits at its own denominator. Both count
models there (Poisson and binomial) give limits of the form
organisation value +/- z x K / sqrt(denominator), so K is read back from the
department rows and the curves are drawn over the whole range of sizes.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

Z = {"95": 1.959964, "998": 3.090232}
CURVE_POINTS = 120


def funnel_frames(funnel: pd.DataFrame, month, indicator: str):
    """(points, limits, organisation value) for one month and indicator; empty points if none."""
    rows = funnel[(funnel["month"] == month) & (funnel["indicator"] == indicator)]
    rows = rows[np.isfinite(rows["upper_95"].astype(float)) & (rows["denominator"] > 0)]
    if rows.empty:
        return rows, pd.DataFrame(), math.nan
    organisation_value = float(rows["organisation_value"].iloc[0])
    spread = ((rows["upper_95"] - rows["organisation_value"]) * np.sqrt(rows["denominator"])
              / Z["95"]).median()
    low, high = rows["denominator"].min(), rows["denominator"].max()
    sizes = np.geomspace(max(low * 0.6, 1e-9), high * 1.2, CURVE_POINTS)
    limits = pd.DataFrame({"denominator": sizes})
    for level, z in Z.items():
        limits[f"upper{level}"] = organisation_value + z * spread / np.sqrt(sizes)
        limits[f"lower{level}"] = np.maximum(organisation_value - z * spread / np.sqrt(sizes), 0.0)
    points = rows[["department", "numerator", "denominator", "value", "organisation_value",
                   "lower_998", "lower_95", "upper_95", "upper_998", "z"]].copy()
    points["level"] = np.where(rows["value"] > rows["upper_998"], "alert",
                               np.where(rows["value"] > rows["upper_95"], "watch", "ok"))
    return points.reset_index(drop=True), limits, organisation_value
