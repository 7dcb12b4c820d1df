"""Plotly chart builders: one look for every chart (Okabe-Ito, large fonts, markers and labels)."""

from __future__ import annotations

import html
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from signals.definitions import INDICATORS_BY_ID
from signals.measures.reference import ReferenceFigure
from signals.texts.formatting import format_value, plotly_separators
from signals.texts.i18n import text
from ui.funnel import label_positions
from ui.improvements import heatmap_improvement, improvement_markers
from ui.labels import (
    display_value,
    indicator_name,
    is_missing,
    level_label,
    month_text,
    suppressed_short,
    suppressed_text,
)
from ui.theme import (
    LEVEL_COLOURS,
    LEVEL_ICONS,
    OKABE_ITO,
    ORGANISATION_COLOUR,
    SERIES_COLOURS,
    SUPPRESSED_COLOUR,
    level_of,
)

FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=17, color="#111111")
# A distinct marker per signal rule; rules not listed get a fallback symbol.
FUNNEL_POINT_NAMES = {"ok": "chart.funnel_within", "watch": "chart.funnel_above_95",
                      "alert": "chart.funnel_above_998"}
RULE_SYMBOLS = ("diamond", "triangle-up", "square", "star", "x", "cross", "hexagon", "pentagon")


def unit_title(indicator: str, lang: str) -> str:
    return text("unit." + INDICATORS_BY_ID[indicator].unit, lang)


def new_figure(lang: str, data=None) -> go.Figure:
    """Every chart starts here: its numbers (ticks, texts, hovers) drawn with the language's
    decimal and thousands marks (8,6 in nl and fr)."""
    return go.Figure(data=data, layout=dict(separators=plotly_separators(lang)))


# The legend sits under the chart in two columns and the figure grows with it, so the
# plotting area keeps the full width and PLOT_HEIGHT pixels, its month axis in view.
PLOT_HEIGHT = 340
TOP_MARGIN = 70
LEGEND_COLUMNS = 2
PROJECTOR_FONT = 18     # the smallest text on a projector
HEATMAP_TOP = 160       # the heatmap's title and its angled column headings (14 pixels)


LEGEND_COLUMN_CHARACTERS = 48      # longer names get the legend's full width, one a row


def legend_names(figure: go.Figure) -> list[str]:
    return [trace.name for trace in figure.data
            if trace.type == "scatter" and trace.name and trace.showlegend is not False]


def place_legend(figure: go.Figure, *, font_size: int, x_title: bool,
                 height: int | None = None) -> None:
    """The legend under the tick labels (and the x-axis title), in LEGEND_COLUMNS columns;
    the figure `height` (default: PLOT_HEIGHT plus what is around it) holds it all."""
    names = legend_names(figure)
    columns = LEGEND_COLUMNS if max(map(len, names), default=0) <= LEGEND_COLUMN_CHARACTERS else 1
    rows = math.ceil(len(names) / columns)
    under_axis = round(2.9 * font_size) + (round(2.1 * font_size) if x_title else 0)
    bottom = under_axis + rows * round(1.6 * font_size) + 10
    top = figure.layout.margin.t or TOP_MARGIN
    height = height or top + PLOT_HEIGHT + bottom
    figure.update_layout(
        height=height, margin=dict(b=bottom),
        legend=dict(orientation="h", yanchor="top", x=0, y=-under_axis / (height - top - bottom),
                    entrywidth=1 / columns, entrywidthmode="fraction",
                    font=dict(size=font_size)),
    )


def _base_layout(figure: go.Figure, title: str, y_title: str, height: int | None = None,
                 x_title: bool = False) -> go.Figure:
    figure.update_layout(
        # the title at the figure's top, not amid a tall margin (the heatmap's column headings)
        title=dict(text=title, font=dict(size=21), yref="container", y=1, yanchor="top",
                   pad=dict(t=14)),
        font=FONT, template=None,       # no template: building it costs ~80 ms
        plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF", colorway=SERIES_COLOURS,
        margin=dict(l=70, r=30, t=TOP_MARGIN),
        hoverlabel=dict(font_size=15),
    )
    place_legend(figure, font_size=15, x_title=x_title, height=height)
    figure.update_yaxes(title_text=y_title, rangemode="tozero", gridcolor="#DDDDDD",
                        tickfont=dict(size=15, color="#111"))
    figure.update_xaxes(tickfont=dict(size=15, color="#111"), gridcolor="#EEEEEE")
    return figure


def projector_fonts(figure: go.Figure) -> go.Figure:
    """A copy of `figure` with no text under PROJECTOR_FONT pixels (presentation mode):
    title, ticks, axis titles, legend, hover, annotations and the texts in the chart."""
    figure = go.Figure(figure)
    size = PROJECTOR_FONT
    figure.update_layout(font_size=size + 1, title_font_size=size + 6, hoverlabel_font_size=size,
                         legend_font_size=size)
    figure.update_xaxes(tickfont_size=size, title_font_size=size)
    figure.update_yaxes(tickfont_size=size, title_font_size=size)
    figure.update_annotations(font_size=size)
    figure.update_traces(textfont_size=size, selector=lambda trace: "textfont" in trace)
    if any(trace.type == "heatmap" for trace in figure.data):     # larger angled headings
        extra = round(HEATMAP_TOP * (size / 14 - 1))
        figure.update_layout(height=figure.layout.height + extra, margin_t=HEATMAP_TOP + extra)
    else:
        place_legend(figure, font_size=size, x_title=bool(figure.layout.xaxis.title.text))
    return figure


def rule_symbols(rules) -> dict[str, str]:
    """A stable marker symbol per rule id."""
    ordered = sorted({rule for rule in rules if isinstance(rule, str)})
    return {rule: RULE_SYMBOLS[index % len(RULE_SYMBOLS)] for index, rule in enumerate(ordered)}


# Ticks ('janv. 2025', about 80 pixels) that stay level and apart on a chart half a
# 1280-pixel screen wide; a dense axis turned them sideways, under the legend.
MAX_MONTH_TICKS = 6
TICK_STEPS = (1, 3, 6, 12, 24, 60)      # months between ticks


def localise_month_axis(figure: go.Figure, months, lang: str) -> None:
    """Month ticks in the interface language ('mrt 2025'): every 1, 3, 6, 12 or more
    months, so that years of history keep their labels level and apart."""
    months = sorted(set(months))
    every = next((step for step in TICK_STEPS if len(months) <= step * MAX_MONTH_TICKS),
                 TICK_STEPS[-1])
    ticks = [month for month in months if (month.year * 12 + month.month - 1) % every == 0]
    figure.update_xaxes(tickmode="array", tickvals=[pd.Timestamp(m) for m in ticks],
                        ticktext=[month_text(m, lang, short=True) for m in ticks], tickangle=0)


def plotly_text(value) -> str:
    """A name from a file (a department) for a Plotly text, which reads a few HTML tags
    (<b>, <a href>, <br>): shown as typed."""
    return html.escape(str(value), quote=False)


def _line(x, y, name, colour, dash="solid", width=2.5, mode="lines", **extra) -> go.Scatter:
    return go.Scatter(x=x, y=y, name=name, mode=mode, line=dict(color=colour, dash=dash, width=width),
                      connectgaps=False, **extra)


def with_gaps(series: pd.DataFrame, all_months) -> pd.DataFrame:
    """The series over every month, a missing (suppressed) month as an empty row: a gap in the line."""
    months = sorted(set(series["month"]) | set(all_months))
    return series.set_index("month").reindex(months).rename_axis("month").reset_index()


def control_chart(series: pd.DataFrame, organisation: pd.DataFrame, indicator: str, lang: str, *,
                  department: str, view: str = "monthly", rule_names: dict[str, str] | None = None,
                  reference: ReferenceFigure | None = None, min_group_size: int = 10) -> go.Figure:
    """The department's value with centre line, 2- and 3-sigma limits, signals and ALL alongside.

    `series` and `organisation` are rows of the alerts chart frame (one per month) for the
    department and for ALL. `view` 'rolling12' draws the rolling 12-month values instead.
    """
    rule_names = rule_names or {}
    figure = new_figure(lang)
    series = with_gaps(series, organisation["month"])
    organisation = organisation.sort_values("month")
    months = pd.to_datetime(series["month"])
    value_column = "rolling12_value" if view == "rolling12" else "value"

    if view == "monthly":
        figure.add_trace(_line(months, series["upper_limit"], text("chart.upper_limit", lang),
                               OKABE_ITO["vermillion"], dash="dash", width=2))
        figure.add_trace(_line(months, series["watch_limit"], text("chart.watch_limit", lang),
                               OKABE_ITO["orange"], dash="dot", width=2))
        if series["lower_limit"].notna().any():
            figure.add_trace(_line(months, series["lower_limit"], text("chart.lower_limit", lang),
                                   OKABE_ITO["sky_blue"], dash="dash", width=1.5))
        figure.add_trace(_line(months, series["expected"], text("chart.expected", lang),
                               OKABE_ITO["black"], dash="longdash", width=2))

    figure.add_trace(_line(pd.to_datetime(organisation["month"]), organisation[value_column],
                           text("chart.organisation", lang), ORGANISATION_COLOUR, dash="dashdot",
                           width=2, mode="lines+markers", marker=dict(symbol="circle-open", size=7)))
    # a signalled month explains itself on the line too: its point lies under the marker
    hover = [
        signal_hover(row, indicator, lang, rule_names.get(row["rule"], row["rule"]))
        if view == "monthly" and not is_missing(row["level"])
        else f"{month_text(row['month'], lang)}<br>{display_value(row[value_column], indicator, lang)}"
        for row in series.to_dict("records")
    ]
    department = plotly_text(department)
    figure.add_trace(_line(months, series[value_column], department, OKABE_ITO["blue"], width=3.5,
                           mode="lines+markers", marker=dict(size=8), hovertext=hover,
                           hoverinfo="text"))

    if view == "monthly":
        _add_signal_markers(figure, series, indicator, lang, rule_names)
        if (marks := improvement_markers(series, indicator, lang)) is not None:
            figure.add_trace(marks)
        _add_limits_start(figure, series, lang)
    if reference is not None:
        _add_reference(figure, reference, view, lang)

    localise_month_axis(figure, series["month"], lang)
    view_title = text("chart.view_" + view, lang)
    title = f"{indicator_name(indicator, lang)} · {department} · {view_title}"
    return _base_layout(figure, title, unit_title(indicator, lang))


def signal_hover(row, indicator: str, lang: str, rule_name: str) -> str:
    """A signal point's hover: level and month, the value, what was expected and the limits,
    the rule in plain words and the sentence (with since when the signal runs)."""
    def shown(name):
        return display_value(row.get(name), indicator, lang, with_unit=False)

    limits = text("chart.hover_limits", lang, expected=shown("expected"),
                  watch=shown("watch_limit"), upper=shown("upper_limit"))
    reason = row.get(f"reason_{lang}")
    return (f"<b>{level_label(row['level'], lang)}</b> · {month_text(row['month'], lang)}<br>"
            f"{display_value(row['value'], indicator, lang)}<br>{limits}<br>"
            f"{text('chart.hover_rule', lang, rule=rule_name)}"
            + (f"<br>{_wrap(reason)}" if not is_missing(reason) else ""))


def limits_start(series: pd.DataFrame):
    """The first month with limits (None when there are none yet)."""
    with_limits = series.loc[series["upper_limit"].notna(), "month"]
    return min(with_limits) if len(with_limits) else None


def _add_limits_start(figure: go.Figure, series: pd.DataFrame, lang: str) -> None:
    """A dotted line where the limits start: before it the team's history is too short."""
    first = limits_start(series)
    if first is None or first == min(series["month"]):
        return
    figure.add_vline(x=pd.Timestamp(first), line=dict(color="#777777", width=1.5, dash="dot"))
    figure.add_annotation(x=pd.Timestamp(first), y=1, yref="paper", yanchor="bottom",
                          xanchor="left", showarrow=False, font=dict(size=14, color="#444444"),
                          text=text("chart.limits_from", lang,
                                    month=month_text(first, lang, short=True)))


def _add_signal_markers(figure: go.Figure, series: pd.DataFrame, indicator: str, lang: str,
                        rule_names: dict[str, str]) -> None:
    signalled = series[series["level"].notna()]
    symbols = rule_symbols(series["rule"])
    for rule, rows in signalled.groupby("rule"):
        hover = [signal_hover(row, indicator, lang, rule_names.get(rule, rule))
                 for row in rows.to_dict("records")]
        colours = [LEVEL_COLOURS[level_of(level)] for level in rows["level"]]
        figure.add_trace(go.Scatter(
            x=pd.to_datetime(rows["month"]), y=rows["value"], mode="markers",
            name=text("chart.signal", lang, rule=rule_names.get(rule, rule)),
            marker=dict(symbol=symbols.get(rule, "diamond"), size=17, color=colours,
                        line=dict(color="#000000", width=1.5)),
            hovertext=hover, hoverinfo="text",
        ))


def _wrap(sentence: str, width: int = 60) -> str:
    """Lines of at most `width` characters, broken at plain spaces only: a no-break space
    ('9,8\u00a0%', French '\u202f;') keeps its two sides together and stays as it is."""
    words, lines, current = [word for word in str(sentence).split(" ") if word], [], ""
    for word in words:
        if current and len(current) + len(word) + 1 > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    lines.append(current)
    return "<br>".join(lines)


def reference_label(reference: ReferenceFigure, view: str, lang: str) -> str:
    label = f"{reference.label(lang)} ({reference.source} {reference.year})"
    if reference.converted:
        label += f" · {text('reference.monthly_conversion', lang)}"
    return label


def _add_reference(figure: go.Figure, reference: ReferenceFigure, view: str, lang: str) -> None:
    figure.add_hline(
        y=reference.monthly_value, line=dict(color=OKABE_ITO["reddish_purple"], width=2.5,
                                               dash="dot"),
        annotation=dict(text=reference_label(reference, view, lang), font=dict(size=14),
                        bgcolor="rgba(255,255,255,0.85)"),
        annotation_position="top left",
    )


# Rules judged on several months: a cell quotes the value they judged, not this month's
# (a '▲ 0,0 %' for a 3-month signal read as a warning about nothing). The CUSUM rules
# are judged on the months since the rise began (rise_months).
JUDGED_MONTHS = {"three_months_high": 3, "three_months_raised": 3, "funnel_outlier": 12}
CUSUM_RULES = ("cusum_shift", "cusum_early")


def judged_months(cell) -> int | None:
    """The months a cell's signal was judged on, when more than this month alone."""
    rule = cell.get("rule")
    if rule in CUSUM_RULES:
        months = cell.get("rise_months")
        return int(months) if not is_missing(months) and months > 1 else None
    return JUDGED_MONTHS.get(rule)


def signal_cell_value(cell, indicator: str, lang: str) -> str:
    """A heatmap cell's figure: this month's value, or for a signal judged on several
    months that window's value with '3 mo' / '12 mo'."""
    months = judged_months(cell)
    if months is None or is_missing(cell.get("signal_value")) or level_of(cell["level"]) == "ok":
        return display_value(cell["value"], indicator, lang, with_unit=False)
    unit = INDICATORS_BY_ID[indicator].unit
    if unit == "count" and cell.get("rule") == "funnel_outlier":
        unit = "%"                                     # a count's funnel is per 100 employees
    shown = format_value(float(cell["signal_value"]), unit, lang)
    return f"{shown}<br>{text('heatmap.judged', lang, n=months)}"   # two lines: a cell is narrow


def heatmap(table: pd.DataFrame, lang: str, min_group_size: int) -> go.Figure:
    """Departments x indicators coloured by signal level, with the value and level in each cell.

    `table` has columns department, indicator, value, suppressed, level and, optionally,
    suppression_reason and the signal's reason_<lang> (shown on hover).
    """
    names = dict(zip(table["department"].map(plotly_text), table["department"]))
    table = table.assign(department=table["department"].map(plotly_text))
    departments = list(dict.fromkeys(table["department"]))
    indicators = list(dict.fromkeys(table["indicator"]))
    grid = table.set_index(["department", "indicator"])
    z, cell_text, hover = [], [], []
    for department in departments:
        z_row, text_row, hover_row = [], [], []
        for indicator in indicators:
            if (department, indicator) not in grid.index:
                z_row.append(np.nan)
                text_row.append("")
                hover_row.append("")
                continue
            cell = grid.loc[(department, indicator)]
            if bool(cell["suppressed"]):
                reason = cell.get("suppression_reason")
                z_row.append(-1)
                text_row.append(suppressed_short(lang, min_group_size, reason))
                hover_row.append(f"{department} · {indicator_name(indicator, lang)}<br>"
                                 f"{suppressed_text(lang, min_group_size, reason)}")
                continue
            if is_missing(cell["value"]):   # no figure (nothing uploaded, no hours): no colour
                z_row.append(np.nan)
                text_row.append("–")
                hover_row.append(f"{department} · {indicator_name(indicator, lang)}<br>"
                                 f"{text('heatmap.no_figure', lang)}")
                continue
            level = level_of(cell["level"])
            z_row.append({"ok": 0, "watch": 1, "alert": 2}[level])
            value = display_value(cell["value"], indicator, lang)
            # an improvement: a calm mark and its sentence, only where no watch or alert
            icon, better = (heatmap_improvement(cell, lang) if level == "ok" else None) or (
                LEVEL_ICONS[level], "")
            text_row.append(f"{icon} {signal_cell_value(cell, indicator, lang)}")
            # why: a signal may be judged on 3 or 12 months while this month's value is low
            reason = cell.get(f"reason_{lang}")
            why = f"<br>{_wrap(reason)}" if level != "ok" and not is_missing(reason) else ""
            if judged_months(cell) and level != "ok":
                value = text("heatmap.this_month", lang, value=value)
            hover_row.append(f"{department} · {indicator_name(indicator, lang)}<br>"
                             f"{value} · {level_label(level, lang)}{why}{better}")
        z.append(z_row)
        cell_text.append(text_row)
        hover.append(hover_row)
    colours = [SUPPRESSED_COLOUR, "#CDEBDD", "#F6D38A", "#E9955F"]
    bands = [0.0, 0.25, 0.5, 0.75, 1.0]     # z -1, 0, 1, 2 sit in the middle of a band
    scale = [pair for index, colour in enumerate(colours)
             for pair in ([bands[index], colour], [bands[index + 1], colour])]
    figure = new_figure(lang, go.Heatmap(
        z=z, x=[text(f"heatmap.column.{i}", lang).replace("\n", "<br>") for i in indicators],
        y=departments, text=cell_text,
        texttemplate="%{text}", textfont=dict(size=14, color="#111111"), hovertext=hover,
        hoverinfo="text", colorscale=scale, zmin=-1.5, zmax=2.5, showscale=False, xgap=3, ygap=3,
    ))
    columns = [text(f"heatmap.column.{i}", lang).replace("\n", "<br>") for i in indicators]
    figure.add_trace(click_targets(grid.index, names, dict(zip(indicators, columns))))
    figure = _base_layout(figure, text("hotspots.heatmap_title", lang), "",
                          height=max(420, 46 * len(departments) + HEATMAP_TOP + 30))
    figure.update_layout(showlegend=False, clickmode="event+select", dragmode=False)
    figure.update_yaxes(autorange="reversed", rangemode="normal", tickfont=dict(size=16, color="#111"))
    # angled: even the short headings are wider than a column on a 1280-pixel screen
    figure.update_xaxes(side="top", tickangle=-45, tickfont=dict(size=14, color="#111"))
    # room for the title (at the top) and the angled headings under it
    figure.update_layout(margin=dict(l=150, r=20, t=HEATMAP_TOP, b=20))
    return figure


def funnel_label_positions(points: pd.DataFrame, limits: pd.DataFrame,
                           line_label: tuple[float, str] | None = None) -> list:
    """Where each department's name goes around its point (None: hover only); signals first.
    Placed for the projector's font, so that the names stay apart there too."""
    y_high = max(limits[["upper998", "upper95"]].max().max(), points["value"].max()) * 1.05
    priority = points["level"].map({"alert": 2, "watch": 1}).fillna(0).tolist()
    return label_positions(points["denominator"].tolist(), points["value"].tolist(),
                           points["department"].tolist(), priority, font_size=PROJECTOR_FONT,
                           line_label=line_label,
                           x_range=(limits["denominator"].min(), limits["denominator"].max()),
                           y_range=(0.0, y_high))


def click_targets(cells, names: dict[str, str], columns: dict[str, str]) -> go.Scatter:
    """Invisible points on the heatmap's cells: Streamlit reports clicks on points, not on
    heatmap cells, so a click on a cell selects its point, whose customdata is
    [department, indicator] (ui.trend_links opens that trend)."""
    departments, indicators = zip(*cells) if len(cells) else ((), ())
    return go.Scatter(
        x=[columns[i] for i in indicators], y=list(departments), mode="markers",
        marker=dict(size=34, symbol="square", color="rgba(0,0,0,0)"),
        customdata=[[names[d], i] for d, i in zip(departments, indicators)],
        hoverinfo="none", showlegend=False,
        selected=dict(marker=dict(opacity=1)), unselected=dict(marker=dict(opacity=1)),
    )


def funnel_size(indicator: str) -> str:
    """What the funnel's x axis counts for an indicator: working days, people or hours."""
    if indicator == "absence_rate":
        return "days"
    if INDICATORS_BY_ID[indicator].unit in ("per_million_hours", "per_thousand_hours"):
        return "hours"
    return "people"


def funnel_plot(points: pd.DataFrame, indicator: str, lang: str, *, organisation_value: float,
                limits: pd.DataFrame, month_title: str) -> go.Figure:
    """Each department's rolling 12-month value against its size, with 95% and 99.8% limits.

    `points`: department, denominator, value, level. `limits`: denominator, lower/upper 95
    and 99.8 columns (lower95, upper95, lower998, upper998), sorted by denominator.
    """
    figure = new_figure(lang)
    for column, name_key, colour, dash in (
        ("upper998", "chart.funnel_998", OKABE_ITO["vermillion"], "dash"),
        ("upper95", "chart.funnel_95", OKABE_ITO["orange"], "dot"),
    ):
        figure.add_trace(_line(limits["denominator"], limits[column], text(name_key, lang), colour,
                               dash=dash, width=2))
    for column, colour, dash in (("lower95", OKABE_ITO["orange"], "dot"),
                                 ("lower998", OKABE_ITO["vermillion"], "dash")):
        figure.add_trace(_line(limits["denominator"], limits[column], "", colour, dash=dash,
                               width=2, showlegend=False, hoverinfo="skip"))
    if not math.isnan(organisation_value):
        figure.add_hline(y=organisation_value, line=dict(color=OKABE_ITO["black"], width=2),
                         annotation=dict(text=text("chart.organisation", lang), font=dict(size=14)),
                         annotation_position="top right")
    line_label = (None if math.isnan(organisation_value)
                  else (organisation_value, text("chart.organisation", lang)))
    points = points.assign(label_position=funnel_label_positions(points, limits, line_label))
    for level in ("ok", "watch", "alert"):
        rows = points[points["level"].map(level_of) == level]
        if rows.empty:
            continue
        figure.add_trace(go.Scatter(
            x=rows["denominator"], y=rows["value"], mode="markers+text",
            # a name that would overlap another stays on hover only
            text=[plotly_text(d) if isinstance(p, str) else ""
                  for d, p in zip(rows["department"], rows["label_position"])],
            textposition=[p if isinstance(p, str) else "top center" for p in rows["label_position"]],
            textfont=dict(size=14),
            name=text(FUNNEL_POINT_NAMES[level], lang),
            marker=dict(size=15, color=LEVEL_COLOURS[level], line=dict(color="#000", width=1.2),
                        symbol={"ok": "circle", "watch": "triangle-up", "alert": "square"}[level]),
            hovertext=[f"{plotly_text(d)}<br>{display_value(v, indicator, lang)}" for d, v in
                       zip(rows["department"], rows["value"])],
            hoverinfo="text",
        ))
    title = f"{indicator_name(indicator, lang)} · {text('chart.rolling12_to', lang, month=month_title)}"
    figure = _base_layout(figure, title, unit_title(indicator, lang), x_title=True)
    figure.update_xaxes(title_text=text("chart.funnel_x", lang,
                                        unit=text(f"chart.funnel_size.{funnel_size(indicator)}", lang)))
    return figure
