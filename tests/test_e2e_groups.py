"""The grouped overview and the pre-diagnosis in a real browser: a theme row opens on its
tiles, a department's light opens on the indicators behind it."""

from __future__ import annotations

import pytest
from test_e2e import CHROMIUM, app_server, browser, settle  # noqa: F401  (fixtures)

from signals.alerts.groups import DEFAULT_FOLLOWED
from signals.definitions import INDICATOR_GROUPS
from signals.texts.i18n import text

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="system Chromium not installed at /usr/bin/chromium"),
]
TILES = '[class*="st-key-tile_"]'
FIRST_LOAD = 120_000        # the first page of a fresh server evaluates every signal


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    yield context.new_page()
    context.close()


def test_a_theme_row_opens_on_its_tiles(app_server, tab):
    tab.goto(f"{app_server['url']}/?lang=nl")
    settle(tab, timeout=FIRST_LOAD)
    assert tab.locator(TILES).count() == len(DEFAULT_FOLLOWED)
    row = tab.locator('[class*="st-key-theme_"][class*="_accidents"] summary')
    assert text("group.accidents", "nl") in row.inner_text()
    row.click()
    settle(tab)
    opened = tab.locator('[class*="st-key-theme_"][class*="_accidents"] ' + TILES)
    opened.first.wait_for(timeout=30_000)
    assert opened.count() == len(INDICATOR_GROUPS["accidents"])
    assert tab.locator(TILES).count() == len(DEFAULT_FOLLOWED) + len(INDICATOR_GROUPS["accidents"])
    assert tab.locator('[data-testid="stException"]').count() == 0


def test_the_prediagnosis_opens_a_departments_lights(app_server, tab):
    tab.goto(f"{app_server['url']}/prediagnosis?lang=fr")
    settle(tab, timeout=FIRST_LOAD)
    assert tab.locator("h1").first.inner_text() == text("prediagnosis.title", "fr")
    assert tab.get_by_text(text("prediagnosis.label", "fr")).is_visible()
    rows = tab.locator('[class*="st-key-light_"]')
    assert rows.count() >= 2, "the organisation and its departments"
    worst = rows.nth(1)                 # the first department: the worst light
    behind = worst.locator(".literal-table")
    assert not behind.is_visible()
    worst.locator("summary").click()
    behind.wait_for(state="visible", timeout=10_000)
    assert text("prediagnosis.col.indicator", "fr") in behind.inner_text()
