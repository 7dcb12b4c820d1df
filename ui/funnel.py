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


# Label placement: the chart is at least this wide and high in pixels (a 1280-pixel screen
# with the sidebar); labels that do not overlap there do not overlap on a wider screen.
PLOT_WIDTH_PX, PLOT_HEIGHT_PX = 740, 340
MARKER_RADIUS_PX = 8
CHARACTER_WIDTH = 0.56          # average width of a character, in font sizes
# Plotly text positions around a marker, in the order they are tried.
LABEL_POSITIONS = ("top center", "bottom center", "middle right", "middle left",
                   "top right", "top left", "bottom right", "bottom left")


def _label_box(x: float, y: float, position: str, width: float, height: float):
    """(left, top, right, bottom) in pixels of a label at `position` of a marker at (x, y)."""
    vertical, horizontal = position.split()
    gap = MARKER_RADIUS_PX + 2
    dy = {"top": -(gap + height / 2), "middle": 0.0, "bottom": gap + height / 2}[vertical]
    if horizontal == "center":
        dx = 0.0
    else:
        reach = (gap + width / 2) if vertical == "middle" else width / 2
        dx = reach if horizontal == "right" else -reach
    cx, cy = x + dx, y + dy
    return cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def label_positions(x, y, names, priority, *, x_range, y_range, font_size: int = 14,
                    line_label: tuple[float, str] | None = None) -> list:
    """A Plotly textposition per point, or None where every position would overlap another
    label, a marker or the edge: its name then shows on hover only. Points with a higher
    `priority` (signals first) are placed first. `line_label` (y, text): the label of a
    horizontal line at the right end, above the line, kept free too."""
    (x_low, x_high), (y_low, y_high) = x_range, y_range
    px = [(value - x_low) / ((x_high - x_low) or 1) * PLOT_WIDTH_PX for value in x]
    py = [(1 - (value - y_low) / ((y_high - y_low) or 1)) * PLOT_HEIGHT_PX for value in y]
    r = MARKER_RADIUS_PX
    taken = [(a - r, b - r, a + r, b + r) for a, b in zip(px, py)]
    if line_label is not None:
        line_y = (1 - (line_label[0] - y_low) / ((y_high - y_low) or 1)) * PLOT_HEIGHT_PX
        width = len(line_label[1]) * font_size * CHARACTER_WIDTH
        taken.append((PLOT_WIDTH_PX - width, line_y - font_size * 1.3, PLOT_WIDTH_PX, line_y))
    positions: list = [None] * len(px)
    for index in sorted(range(len(px)), key=lambda i: (-priority[i], py[i])):
        width = len(str(names[index])) * font_size * CHARACTER_WIDTH + 4
        height = font_size * 1.25
        for position in LABEL_POSITIONS:
            box = _label_box(px[index], py[index], position, width, height)
            inside = box[0] >= 0 and box[2] <= PLOT_WIDTH_PX and box[1] >= 0 and box[3] <= PLOT_HEIGHT_PX
            mine = taken[index]
            if inside and not any(_overlaps(box, other) for other in taken if other is not mine):
                positions[index] = position
                taken.append(box)
                break
    return positions
