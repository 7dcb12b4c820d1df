"""End to end: an action stored through the domain shows as a marker on the Trends chart and
on the overview's "since the last meeting", in a real server and the system Chromium."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from test_e2e import CHROMIUM, wait_until_healthy

from signals.cycle import actions, meetings
from signals.cycle.common import add_months
from signals.definitions import INDICATOR_IDS
from signals.texts.i18n import text

PROJECT = Path(__file__).resolve().parent.parent
PORTS = range(8651, 8660)
TITLE = "Team dialogue on the night rota"
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="system Chromium not installed"),
]


def port_in_range() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in the range")


@pytest.fixture(scope="module")
def server(tmp_path_factory, demo_database_file):
    """A server in local mode (no users) over a copy of the demo organisation."""
    folder = tmp_path_factory.mktemp("e2e_cycle")
    shutil.copy(demo_database_file, folder / "demo.duckdb")
    env = dict(os.environ, SIGNALS_DB=str(folder / "signals.duckdb"),
               SIGNALS_DEMO_DB=str(folder / "demo.duckdb"),
               SIGNALS_KEY_FILE=str(folder / "pseudonym.key"))
    env.pop("SIGNALS_PSEUDONYM_KEY", None)
    port = port_in_range()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process)
        yield {"url": url, "db": folder / "demo.duckdb"}   # the database shown holds its cycle
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def page(server):
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
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
