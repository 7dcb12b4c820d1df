"""End to end (system Chromium): the committee plans an action from a hotspot, changes its
status and reads its history."""

from __future__ import annotations

import shutil

import pytest
from test_e2e import CHROMIUM, PASSWORD, launch_chromium, settle, start_server

from signals.access import control as access
from signals.cycle import actions
from signals.texts.i18n import text

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="system Chromium not installed at /usr/bin/chromium"),
]
TITLE = "Teamoverleg over de planning"
REASON = "Gestart na het comité"
SLOW = 180_000          # the first hotspots run computes every signal; the machine may be busy


@pytest.fixture(scope="module")
def committee_server(tmp_path_factory, demo_database_file):
    """A real server showing the demo (with its cycle), with a committee user."""
    folder = tmp_path_factory.mktemp("e2e_actions")
    shutil.copy(demo_database_file, folder / "demo.duckdb")
    shutil.copy(access.access_db_path(demo_database_file), access.access_db_path(folder / "demo.duckdb"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SIGNALS_KEY_FILE", str(folder / "pseudonym.key"))
        patch.delenv("SIGNALS_AUDIT_KEY_FILE", raising=False)
        access.add_user(folder / "signals.duckdb", "comite1", "committee", PASSWORD)
    yield from start_server(folder)


@pytest.fixture
def page():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        tab = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
        yield tab
        browser.close()


def test_committee_plans_an_action_from_a_hotspot_and_changes_its_status(committee_server, page):
    url = committee_server["url"]
    page.goto(f"{url}/?lang=en")        # a fresh server's first deep link: README, Known limitations
    settle(page, SLOW)
    page.goto(f"{url}/hotspots?lang=en")        # the login keeps the page asked for
    settle(page, SLOW)
    page.get_by_label("User name").fill("comite1")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("User name").wait_for(state="detached", timeout=60_000)
    settle(page, SLOW)
    page.get_by_role("heading", name=text("actions.plan.title", "en")).wait_for(timeout=60_000)
    page.get_by_role("button", name=text("actions.plan.button", "en")).click()
    settle(page, SLOW)
    page.get_by_role("heading", name=text("actions.title", "en")).wait_for(timeout=60_000)
    page.get_by_text("For the signal ").wait_for(timeout=30_000)       # the form kept the signal
    page.locator(".st-key-action_title_new input").fill(TITLE)
    page.get_by_role("button", name=text("actions.form.save", "en")).click()
    settle(page, SLOW)
    page.get_by_text(text("actions.form.saved", "en")).wait_for(timeout=30_000)

    stored = actions.list_actions(committee_server["db"].with_name("demo.duckdb"), "comite1")
    row = stored[stored["title"] == TITLE].iloc[0]
    assert row["signal_month"] and row["signal_department"] in row["departments"]
    page.get_by_role("tab", name=text("actions.tab.list", "en"), exact=True).click()
    container = page.locator(f".st-key-action_{int(row['action_id'])}")
    container.get_by_text("Answers the signal: " + row["signal_department"]).wait_for(timeout=30_000)
    action_id = int(row["action_id"])
    page.locator(f".st-key-action_new_status_{action_id}").get_by_text(
        text("cycle.status.running", "en"), exact=True).click()
    page.locator(f".st-key-action_reason_{action_id} input").fill(REASON)
    container.get_by_role("button", name=text("actions.save_status", "en")).click()
    settle(page, SLOW)
    page.get_by_text(text("actions.status_changed", "en")).wait_for(timeout=30_000)
    history = page.locator(f".st-key-action_{int(row['action_id'])} table.literal-table")
    history.get_by_text(REASON).wait_for(timeout=30_000)
    assert history.get_by_text("Planned → Running").count() == 1
