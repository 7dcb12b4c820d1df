"""The committee's screens on a projector: presentation mode, numbers drawn in the
language, singular and plural, incomplete months."""

from __future__ import annotations

import json

import pytest

from signals.formatting import plotly_separators
from test_app import demo_shown, open_page  # noqa: F401  (a fixture and a helper)


def figure_specs(app) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def all_french_figures(app_factory) -> list[dict]:
    """Every Plotly figure the pages build in French: trends (monthly, rolling, with the
    reference line, several departments), the heatmap and the funnel plot."""
    specs = []
    trends = app_factory("trends", "fr")
    specs += figure_specs(trends)
    trends.selectbox(key="trends_indicator").set_value("turnover_rate").run()
    trends.toggle(key="trends_reference").set_value(True).run()
    departments = trends.multiselect(key="trends_departments")
    departments.set_value(["ALL", departments.options[1]]).run()
    specs += figure_specs(trends)
    trends.segmented_control(key="trends_view").set_value("rolling12").run()
    specs += figure_specs(trends)
    hotspots = app_factory("hotspots", "fr")
    specs += figure_specs(hotspots)
    hotspots.selectbox(key="hotspots_funnel_indicator").set_value("accident_frequency_rate").run()
    specs += figure_specs(hotspots)
    return specs


def test_every_french_figure_draws_decimal_commas(demo_shown):
    specs = all_french_figures(open_page)
    assert len(specs) >= 7, "the pages built their charts"
    assert plotly_separators("fr") == ",\u202f"
    assert [spec["layout"].get("separators") for spec in specs] == [",\u202f"] * len(specs)


@pytest.mark.parametrize("lang, separators", [("nl", ",\u202f"), ("en", ".,")])
def test_dutch_and_english_figures_use_their_own_marks(demo_shown, lang, separators):
    specs = figure_specs(open_page("hotspots", lang)) + figure_specs(open_page("trends", lang))
    assert specs and {spec["layout"].get("separators") for spec in specs} == {separators}
