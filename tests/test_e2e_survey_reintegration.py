"""End to end: the survey page and the re-integration evaluation in a real browser, over the
demo organisation (which has two surveys and re-integration records)."""

from __future__ import annotations

import shutil

import pytest
from test_e2e import CHROMIUM, browser, page, settle, start_server  # noqa: F401

from signals.texts.i18n import text

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="system Chromium not installed at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory, demo_database_file):
    folder = tmp_path_factory.mktemp("e2e_survey")
    shutil.copy(demo_database_file, folder / "demo.duckdb")
    yield from start_server(folder)


def open_page(tab, server, key: str, lang: str) -> None:
    """The page, waited for generously: the first run of a page builds its caches."""
    tab.goto(f"{server['url']}/{key}?lang={lang}")
    settle(tab, timeout=180_000)
    assert tab.locator('[data-testid="stException"]').count() == 0


def visible_text(tab) -> str:
    return tab.locator('[data-testid="stMain"]').inner_text()


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_survey_page_shows_the_grid_and_the_change(demo_server, page, lang):  # noqa: F811
    open_page(page, demo_server, "survey", lang)
    assert page.locator("h1").first.inner_text() == text("survey.title", lang)
    page.locator(".js-plotly-plot").nth(1).wait_for(timeout=30_000)
    assert page.locator(".js-plotly-plot").count() == 2
    grid = page.locator(".js-plotly-plot").first.inner_text()
    assert text("common.organisation", lang) in grid
    assert text("suppressed.short", lang, n=10) in grid, "a small department says why"
    shown = visible_text(page)
    assert text("survey.change_title", lang) in shown
    assert page.locator("table.literal-table tbody tr").count() == 6, "one row per domain"


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_reintegration_page_shows_the_year(demo_server, page, lang):  # noqa: F811
    open_page(page, demo_server, "reintegration", lang)
    assert page.locator("h1").first.inner_text() == text("reintegration.title", lang)
    shown = visible_text(page)
    assert text("reintegration.term.2022", lang) in shown
    assert text("reintegration.metric.requests", lang) in shown
    assert page.locator("table.literal-table").count() >= 4
    page.locator(".js-plotly-plot").first.wait_for(timeout=30_000)
    assert text("suppressed.short", lang, n=10) in shown
