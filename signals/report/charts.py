"""Control charts as inline SVG: vector graphics, sharp on paper and on a projector.

Written directly (no plotting library): a chart is a few polylines and markers, and every
text in it is escaped here. The data are the rows of the alerts chart frame
(signals.alerts.detection), which holds shown cells only: a suppressed month is a gap.
Colours and markers are the app's (ui.theme): Okabe-Ito, and a shape for every level so
that nothing rests on colour alone.
"""

from __future__ import annotations

import datetime as dt
import math
from html import escape

from ..texts.formatting import format_value, month_label

# The app's palette (ui.theme imports Streamlit, which signals/ may not).
BLUE = "#0072B2"
ORANGE = "#E69F00"
VERMILLION = "#D55E00"
GREEN = "#009E73"
GREY = "#555555"
MARKERS = {"watch": ("triangle", ORANGE), "alert": ("square", VERMILLION),
           "improvement": ("triangle_down", GREEN)}

WIDTH, HEIGHT = 340, 150
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 8, 22


def _is_number(value) -> bool:
    return value is not None and isinstance(value, (int, float)) and math.isfinite(value)


def _ticks(low: float, high: float, count: int = 4) -> list[float]:
    """About `count` round ticks from low to high."""
    span = high - low or abs(high) or 1.0
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.ceil(low / step) * step
    return [first + k * step for k in range(int((high - first) / step + 1e-9) + 1)]


def _path(points: list[tuple[float, float] | None]) -> str:
    """An SVG path through the points, broken where a point is None (a hidden month)."""
    parts, pen_down = [], False
    for point in points:
        if point is None:
            pen_down = False
            continue
        parts.append(f"{'L' if pen_down else 'M'}{point[0]:.1f},{point[1]:.1f}")
        pen_down = True
    return " ".join(parts)


def _marker(shape: str, colour: str, x: float, y: float, size: float = 4.2) -> str:
    if shape == "square":
        return (f'<rect x="{x - size:.1f}" y="{y - size:.1f}" width="{2 * size:.1f}" '
                f'height="{2 * size:.1f}" fill="{colour}" stroke="#000" stroke-width="0.5"/>')
    direction = 1 if shape == "triangle" else -1
    points = [(x, y - direction * size * 1.2), (x - size, y + direction * size),
              (x + size, y + direction * size)]
    return (f'<polygon points="{" ".join(f"{px:.1f},{py:.1f}" for px, py in points)}" '
            f'fill="{colour}" stroke="#000" stroke-width="0.5"/>')


def control_chart(rows: list[dict], unit: str, lang: str, actions: list[tuple[dt.date, str]] = (),
                  label: str = "") -> str:
    """An SVG control chart of `rows` (dicts with month, value, expected, watch_limit,
    upper_limit, level, in month order); `actions` (month, label) draw a vertical marker."""
    months = [row["month"] for row in rows]
    if not months:
        return ""
    numbers = [row.get(name) for row in rows
               for name in ("value", "expected", "watch_limit", "upper_limit")]
    numbers = [float(value) for value in numbers if _is_number(value)]
    if not numbers:
        return ""
    low, high = min(0.0, min(numbers)), max(numbers)
    high = high * 1.08 if high > 0 else 1.0
    ticks = _ticks(low, high)
    high = max(high, ticks[-1])
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    index = {month: k for k, month in enumerate(months)}
    step = plot_w / max(len(months) - 1, 1)

    def x_of(month) -> float:
        return LEFT + index[month] * step

    def y_of(value: float) -> float:
        return TOP + plot_h * (1 - (value - low) / (high - low))

    def line(name: str) -> list:
        return [(x_of(row["month"]), y_of(float(row[name]))) if _is_number(row.get(name)) else None
                for row in rows]

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'width="{WIDTH}" height="{HEIGHT}" class="chart" role="img" '
             f'aria-label="{escape(label)}" font-family="DejaVu Sans" font-size="8.5">']
    for tick in ticks:
        y = y_of(tick)
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="#DDDDDD" stroke-width="0.6"/>')
        parts.append(f'<text x="{LEFT - 4}" y="{y + 3:.1f}" text-anchor="end" fill="#333">'
                     f'{escape(format_value(tick, unit, lang))}</text>')
    for month in months:
        if month.month in (1, 7):
            parts.append(f'<text x="{x_of(month):.1f}" y="{HEIGHT - 6}" text-anchor="middle" '
                         f'fill="#333">{escape(month_label(month, lang, short=True))}</text>')
            parts.append(f'<line x1="{x_of(month):.1f}" x2="{x_of(month):.1f}" '
                         f'y1="{TOP + plot_h}" y2="{TOP + plot_h + 3}" stroke="#333"/>')
    for month, code in actions:
        if month in index:
            x = x_of(month)
            parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{TOP + plot_h}" '
                         f'stroke="{BLUE}" stroke-width="1" stroke-dasharray="1,2"/>')
            parts.append(f'<text x="{x + 2:.1f}" y="{TOP + 8}" fill="{BLUE}" '
                         f'font-weight="bold">{escape(code)}</text>')
    styles = (("upper_limit", VERMILLION, "5,3", 1.1), ("watch_limit", ORANGE, "1.5,2", 1.2),
              ("expected", "#000000", "4,3", 1.0))
    for name, colour, dash, width in styles:
        path = _path(line(name))
        if path:
            parts.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="{width}" '
                         f'stroke-dasharray="{dash}"/>')
    values = line("value")
    parts.append(f'<path d="{_path(values)}" fill="none" stroke="{BLUE}" stroke-width="1.8"/>')
    for row, point in zip(rows, values):
        if point is None:
            continue
        marker = MARKERS.get(row.get("level"))
        if marker:
            parts.append(_marker(*marker, *point))
        else:
            parts.append(f'<circle cx="{point[0]:.1f}" cy="{point[1]:.1f}" r="1.8" fill="{BLUE}"/>')
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" '
                 f'stroke="#333" stroke-width="0.8"/>')
    parts.append("</svg>")
    return "".join(parts)
