"""Chart layout on a 1280-pixel screen and a projector: the legend keeps the plot's size,
funnel names never overlap, no chart text under 18 pixels in presentation mode."""

from __future__ import annotations

import itertools

import duckdb
import pytest

from signals.alerts.detection import evaluate
from signals.definitions import ALL_DEPARTMENTS
from ui.charts import PLOT_HEIGHT, PROJECTOR_FONT, control_chart, funnel_plot, heatmap, legend_names, projector_fonts
from ui.funnel import MARKER_RADIUS_PX, _label_box, _overlaps, funnel_frames, label_positions
from ui.rules import rule_names


@pytest.fixture(scope="module")
def demo_figures(demo_database_file):
    """The demo's trend (with its signals), heatmap and funnel figures, in French."""
    with duckdb.connect(str(demo_database_file), read_only=True) as con:
        evaluation = evaluate(con, min_group_size=10)
    chart, month = evaluation.chart, max(evaluation.chart["month"])
    department = chart[chart["level"].notna() & (chart["department"] != ALL_DEPARTMENTS)] \
        ["department"].iloc[0]
    of = chart[chart["indicator"] == "absence_rate"]
    trend = control_chart(of[of["department"] == department], of[of["department"] == ALL_DEPARTMENTS],
                          "absence_rate", "fr", department=department, rule_names=rule_names("fr"))
    cells = chart[(chart["month"] == month) & (chart["department"] != ALL_DEPARTMENTS)] \
        .assign(suppressed=False)[["department", "indicator", "value", "suppressed", "level"]]
    points, limits, organisation = funnel_frames(evaluation.funnel, month, "absence_rate")
    funnel = funnel_plot(points, "absence_rate", "fr", organisation_value=organisation,
                         limits=limits, month_title="octobre 2026")
    return {"trend": trend, "heatmap": heatmap(cells, "fr", 10), "funnel": funnel}


def plot_height(figure) -> float:
    return figure.layout.height - figure.layout.margin.t - figure.layout.margin.b


def test_the_legend_grows_the_figure_not_squeezes_the_plot(demo_figures):
    for name in ("trend", "funnel"):
        figure = demo_figures[name]
        assert len(legend_names(figure)) >= 4
        assert plot_height(figure) == PLOT_HEIGHT, name
        assert figure.layout.legend.orientation == "h" and figure.layout.legend.y < 0, \
            "under the chart: the plot keeps the full width"
        bigger = projector_fonts(figure)
        assert plot_height(bigger) == PLOT_HEIGHT and bigger.layout.height > figure.layout.height


def font_sizes(node, path=""):
    """Every font size in a figure's JSON, with where it is."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "size" and "font" in path.rsplit(".", 1)[-1]:
                yield path, value
            yield from font_sizes(value, f"{path}.{key}")
    elif isinstance(node, list):
        for item in node:
            yield from font_sizes(item, path)


@pytest.mark.parametrize("name", ["trend", "heatmap", "funnel"])
def test_projector_figures_have_no_text_under_18_pixels(demo_figures, name):
    small = [(path, size) for path, size in font_sizes(demo_figures[name].to_plotly_json())
             if size < PROJECTOR_FONT]
    assert small, "the desk's figures use smaller texts"
    sizes = list(font_sizes(projector_fonts(demo_figures[name]).to_plotly_json()))
    assert sizes and [(path, size) for path, size in sizes if size < PROJECTOR_FONT] == []


def test_funnel_names_never_overlap_each_other_or_a_marker():
    # twelve departments crowded around the organisation's value, two of them signalled
    x = [5000, 6000, 7000, 7500, 8000, 9000, 9500, 10000, 11000, 12000, 12500, 30000]
    y = [7.0, 7.5, 6.8, 7.2, 7.9, 6.5, 7.1, 7.4, 6.9, 7.6, 7.0, 12.0]
    names = [f"Department {letter}" for letter in "ABCDEFGHIJKL"]
    priority = [0] * 10 + [1, 2]
    positions = label_positions(x, y, names, priority, x_range=(3000, 36000), y_range=(0, 20),
                                font_size=18)
    assert positions[-1] and positions[-2], "the signalled departments are named"
    assert None in positions, "a crowded chart leaves some names to the hover"
    px = [(v - 3000) / 33000 * 740 for v in x]
    py = [(1 - v / 20) * 340 for v in y]
    boxes = [_label_box(a, b, position, len(name) * 18 * 0.56 + 4, 18 * 1.25)
             for a, b, position, name in zip(px, py, positions, names) if position]
    r = MARKER_RADIUS_PX
    markers = [(a - r, b - r, a + r, b + r) for a, b in zip(px, py)]
    assert not any(_overlaps(one, other) for one, other in itertools.combinations(boxes, 2))
    assert not any(_overlaps(box, marker) for box in boxes for marker in markers)


def test_funnel_figure_names_only_the_placed_points(demo_figures):
    texts = [text for trace in demo_figures["funnel"].data if trace.mode == "markers+text"
             for text in trace.text]
    assert any(texts), "named points"
    assert all(isinstance(text, str) for text in texts)
