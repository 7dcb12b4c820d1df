"""End to end: the psychosocial adviser logs in, is offered its own kinds on the Upload page
(not workforce) and stores a survey file (a real server and the system Chromium)."""

from __future__ import annotations

import shutil

import pytest
from test_e2e import (  # noqa: F401  (fixtures)
    CHROMIUM,
    PASSWORD,
    PROJECT,
    SCREENSHOTS,
    browser,
    page,
    start_server,
    tall_screenshot,
)

from signals import store
from signals.access import control as access

SURVEY = (b"date;department;domain;respondents;score;score_sd\n"
          b"2025-10-15;Noord;work_organisation;31;58,5;12,4\n"
          b"2025-10-15;Zuid;exhaustion;14;47;\n")
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="system Chromium not installed at /usr/bin/chromium"),
]


WAIT = 180_000                   # ms: the machine may be shared and loaded


def settle(tab) -> None:
    """As test_e2e.settle, with patience for a loaded machine."""
    tab.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]',
                          timeout=WAIT)
    tab.wait_for_selector("h1", timeout=WAIT)
    tab.wait_for_timeout(800)


def log_in(tab, username: str) -> None:
    tab.get_by_label("User name").fill(username)
    tab.get_by_label("Password", exact=True).fill(PASSWORD)
    tab.get_by_role("button", name="Log in").click()
    tab.get_by_label("User name").wait_for(state="detached", timeout=WAIT)
    settle(tab)


def upload(tab, name: str, data: bytes) -> None:
    tab.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": data}])
    tab.wait_for_timeout(500)
    settle(tab)


@pytest.fixture(scope="module")
def adviser_server(tmp_path_factory, demo_database_file):
    """A real server with an adviser and an HR user, over the demo."""
    folder = tmp_path_factory.mktemp("e2e_adviser")
    shutil.copy(demo_database_file, folder / "demo.duckdb")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SIGNALS_KEY_FILE", str(folder / "pseudonym.key"))
        patch.delenv("SIGNALS_AUDIT_KEY_FILE", raising=False)
        for name, role in (("adviser1", "psychosocial_adviser"), ("hr1", "hr")):
            access.add_user(folder / "signals.duckdb", name, role, PASSWORD)
    yield from start_server(folder, lang="en", timeout=WAIT / 1000)


def open_upload_as(tab, server, username: str) -> None:
    tab.goto(f"{server['url']}/?lang=en")
    settle(tab)
    log_in(tab, username)
    tab.locator('[data-testid="stSidebarNav"] a', has_text="Upload").click()
    settle(tab)
    tab.get_by_role("heading", name="Upload").first.wait_for(timeout=WAIT)


def offered_kinds(tab) -> list[str]:
    """The options of the file's kind choice, read from its opened list."""
    tab.locator('[data-testid="stSelectbox"]').first.click()
    options = tab.get_by_role("option")
    options.first.wait_for(timeout=10_000)
    shown = [option.strip() for option in options.all_inner_texts()]
    tab.keyboard.press("Escape")
    return shown


def test_the_adviser_uploads_a_survey_and_is_not_offered_workforce(adviser_server, page):
    open_upload_as(page, adviser_server, "adviser1")
    page.get_by_text("As prevention adviser for psychosocial aspects you upload: Incidents, "
                     "Observations, Survey.").wait_for(timeout=WAIT)
    upload(page, "survey.csv", SURVEY)
    page.get_by_text("File is valid: 2 rows. Not stored yet.").wait_for(timeout=WAIT)
    assert offered_kinds(page) == ["Incidents", "Observations", "Survey"]
    page.get_by_text("I understand: the demo will no longer be shown").click()
    settle(page)
    page.get_by_role("button", name="Store").click()
    page.get_by_text("Stored: 2 rows.").wait_for(timeout=WAIT)
    with store.connect(adviser_server["db"], read_only=True) as con:
        assert con.execute("SELECT count(*) FROM survey").fetchone()[0] == 2
    assert page.locator('[data-testid="stException"]').count() == 0
    SCREENSHOTS.mkdir(exist_ok=True)
    tall_screenshot(page, SCREENSHOTS / "en_upload_adviser.png")


def test_hr_is_offered_the_personnel_kinds_but_not_the_survey(adviser_server, page):
    open_upload_as(page, adviser_server, "hr1")
    upload(page, "survey.csv", SURVEY)
    page.get_by_text("which your role does not upload").wait_for(timeout=WAIT)
    assert offered_kinds(page) == ["Workforce", "Absences", "Turnover", "Incidents",
                                   "Re-integration", "Observations"]
    assert page.get_by_role("button", name="Store").count() == 0
