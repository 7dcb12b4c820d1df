"""End to end: an action stored through the domain shows as a marker on the Trends chart and
on the overview's "since the last meeting", in a real server and the system Chromium."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from test_e2e import CHROMIUM, launch_chromium, start_server

from signals.cycle import actions, meetings
from signals.cycle.common import add_months
from signals.definitions import INDICATOR_IDS
from signals.texts.i18n import text

PROJECT = Path(__file__).resolve().parent.parent
TITLE = "Team dialogue on the night rota"
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="system Chromium not installed"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory, demo_database_file):
    """A server in local mode (no users) over a copy of the demo organisation; the database
    shown is the demo's, which holds its cycle."""
    folder = tmp_path_factory.mktemp("e2e_cycle")
    shutil.copy(demo_database_file, folder / "demo.duckdb")
    yield from start_server(folder, lang="en", shown_db="demo.duckdb")


@pytest.fixture
def page(server):
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser.new_page(viewport={"width": 1280, "height": 1400})
        browser.close()


def settled(page) -> None:
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=180_000)
    page.wait_for_function("!document.querySelector(\"[data-testid='stStatusWidget']\")",
                           timeout=180_000)


MARK_HOVERS = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .flatMap(plot => plot.data.filter(trace => trace.yaxis === 'y2')
    .map(trace => trace.name + ': ' + (trace.hovertext || []).join(' | ')))"""


def test_an_action_stored_through_the_domain_shows_on_trends_and_the_overview(server, page):
    """The demo's data end with the last full month before today: an action on the whole
    organisation, aimed at every indicator, started 5 months ago, is on whatever trend
    the page opens with; a meeting before it makes it 'started since the last meeting'."""
    today = dt.date.today()
    with pytest.MonkeyPatch.context() as patch:     # the server's audit key
        patch.setenv("SIGNALS_KEY_FILE", str(Path(server["db"]).parent / "pseudonym.key"))
        meetings.add_meeting(server["db"], "local", add_months(today, -7))
        actions.create_action(server["db"], "local", TITLE, ["ALL"], list(INDICATOR_IDS),
                              "primary", add_months(today, -5).replace(day=1), status="running")

    page.goto(f"{server['url']}/trends?lang=en")
    settled(page)
    page.wait_for_selector(".js-plotly-plot", timeout=120_000)
    marks = page.evaluate(MARK_HOVERS)
    started = [mark for mark in marks if mark.startswith(text("cycle.marks.action_start", "en"))]
    assert started and TITLE in started[0], marks
    assert page.get_by_text(text("cycle.marks.action_start", "en")).count() >= 1, "legend entry"

    page.goto(f"{server['url']}/?lang=en")
    settled(page)
    since = page.locator(".st-key-since_last_meeting")
    since.scroll_into_view_if_needed()
    started_line = text("cycle.since.started", "en", n=1, items="").split(":")[0]
    assert started_line in since.inner_text()
    assert TITLE in since.inner_text()
