"""End to end: a real `streamlit run dashboard.py` driven by the system Chromium.

Screenshots of every page (1920x1080, nl and fr) land in screenshots/ (git-ignored).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from signals import store
from signals.access import control as access
from signals.texts.i18n import text
from ui.navigation import PAGE_KEYS, PAGES_BY_KEY

CHROMIUM = Path("/usr/bin/chromium")
PROJECT = Path(__file__).resolve().parent.parent
SCREENSHOTS = PROJECT / "screenshots"
VIEWPORT = {"width": 1920, "height": 1080}
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="system Chromium not installed at /usr/bin/chromium"),
]

VALID_WORKFORCE = (
    "month;department;headcount;hours_worked\n"
    + "".join(f"2025-0{m};{d};{h};{h * 150}\n" for m in (1, 2, 3) for d, h in (("Noord", 30), ("Zuid", 25)))
).encode()
INVALID_WORKFORCE = b"month,department,headcount\n2025-01,Noord,30\n2025-02,Zuid,-3\n"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError("streamlit did not become healthy")


PASSWORD = "correct horse battery staple"


def start_server(folder: Path, *, lang: str = "nl", timeout: float = 60, shown_db: str = "signals.duckdb"):
    """`streamlit run dashboard.py` on a free port over the databases in `folder` (the port in
    SIGNALS_E2E_PORT when the runner chose one). Yields its url and the database `shown_db`."""
    env = dict(os.environ, SIGNALS_DB=str(folder / "signals.duckdb"),
               SIGNALS_DEMO_DB=str(folder / "demo.duckdb"),
               SIGNALS_KEY_FILE=str(folder / "pseudonym.key"), SIGNALS_LANG=lang)
    env.pop("SIGNALS_PSEUDONYM_KEY", None)
    port = int(os.environ.get("SIGNALS_E2E_PORT", "0")) or free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, timeout=timeout)
        yield {"url": url, "db": folder / shown_db}
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:          # a loaded machine: do not leave it running
            process.kill()
            process.wait(timeout=60)


def launch_chromium(playwright):
    """The system Chromium, headless, with the flags this machine needs."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])


@pytest.fixture(scope="module")
def app_server(tmp_path_factory, demo_database_file):
    """A real server without users (local mode), its databases and key in a temporary folder."""
    folder = tmp_path_factory.mktemp("e2e")
    shutil.copy(demo_database_file, folder / "demo.duckdb")
    yield from start_server(folder)


@pytest.fixture(scope="module")
def secured_server(tmp_path_factory, demo_database_file):
    """A real server with one user per role."""
    folder = tmp_path_factory.mktemp("e2e_users")
    shutil.copy(demo_database_file, folder / "demo.duckdb")
    with pytest.MonkeyPatch.context() as patch:     # the server's keys, audit key included
        patch.setenv("SIGNALS_KEY_FILE", str(folder / "pseudonym.key"))
        patch.delenv("SIGNALS_AUDIT_KEY_FILE", raising=False)
        for role in access.ROLES:
            access.add_user(folder / "signals.duckdb", f"{role}1", role, PASSWORD)
    yield from start_server(folder)


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
    tab = context.new_page()
    yield tab
    context.close()


def settle(tab, timeout: float = 30_000) -> None:
    """Wait until the script run is over and charts had a moment to draw."""
    tab.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]',
                          timeout=timeout)
    tab.wait_for_selector("h1", timeout=timeout)
    tab.wait_for_timeout(800)


def open_page(tab, server, key: str, lang: str, extra: str = "") -> None:
    path = "" if key == PAGE_KEYS[0] else key      # the default page lives at the root URL
    tab.goto(f"{server['url']}/{path}?lang={lang}{extra}")
    settle(tab)
    assert tab.locator('[data-testid="stException"]').count() == 0


def has_data(path: Path) -> bool:
    if not path.exists():
        return False
    with store.connect(path, read_only=True) as con:
        return store.has_data(con)


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_every_page_renders_with_screenshots(app_server, page, lang):
    SCREENSHOTS.mkdir(exist_ok=True)
    for key in PAGE_KEYS:
        open_page(page, app_server, key, lang)
        assert page.get_by_text("DEMO ·").count() == 1, f"{key}: the DEMO banner"
        page.screenshot(path=str(SCREENSHOTS / f"{lang}_{key}.png"))
        tall_screenshot(page, SCREENSHOTS / f"{lang}_{key}_tall.png")
    open_page(page, app_server, "overview", lang, "&present=1")
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    page.screenshot(path=str(SCREENSHOTS / f"{lang}_overview_presentation.png"))


def tall_screenshot(tab, path: Path) -> None:
    """The whole page (Streamlit scrolls inside the app, so grow the window instead)."""
    tab.set_viewport_size({"width": VIEWPORT["width"], "height": 3200})
    tab.wait_for_timeout(800)
    tab.screenshot(path=str(path))
    tab.set_viewport_size(VIEWPORT)


def upload(tab, name: str, data: bytes) -> None:
    tab.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": data}])
    tab.wait_for_timeout(500)
    settle(tab)


def test_invalid_upload_shows_report_and_changes_nothing(app_server, page):
    open_page(page, app_server, "upload", "en")
    upload(page, "bad.csv", INVALID_WORKFORCE)
    page.get_by_text("File rejected: 1 error. Nothing was stored.").wait_for(timeout=20_000)
    report = page.locator("table.literal-table", has_text="Value found")   # not a column guide
    assert report.locator("th").first.inner_text() == "Line", "the line column is shown"
    assert report.locator("tbody tr").first.locator("td").all_inner_texts()[:3] == [
        "3", "headcount", "-3"], "line 3, as in a spreadsheet"
    assert page.get_by_role("button", name="Store").count() == 0
    SCREENSHOTS.mkdir(exist_ok=True)
    tall_screenshot(page, SCREENSHOTS / "en_upload_rejected.png")
    assert not has_data(app_server["db"])


def test_valid_upload_lands_and_shows_on_the_overview(app_server, page):
    open_page(page, app_server, "upload", "en")
    upload(page, "staff.csv", VALID_WORKFORCE)
    page.get_by_text("File is valid: 6 rows. Not stored yet.").wait_for(timeout=20_000)
    assert not has_data(app_server["db"]), "nothing stored before confirmation"
    assert page.get_by_role("button", name="Store").is_disabled(), "the demo is not replaced unasked"
    page.get_by_text("I understand: the demo will no longer be shown").click()
    settle(page)
    page.get_by_role("button", name="Store").click()
    page.get_by_text("Stored: 6 rows.").wait_for(timeout=30_000)
    assert has_data(app_server["db"])
    open_page(page, app_server, "overview", "en")
    assert page.get_by_text("DEMO ·").count() == 0
    assert page.locator("h2", has_text="March 2025").count() == 1
    tall_screenshot(page, SCREENSHOTS / "en_overview_real_data.png")


def log_in(tab, username: str) -> None:
    tab.get_by_label("User name").fill(username)
    tab.get_by_label("Password", exact=True).fill(PASSWORD)
    tab.get_by_role("button", name="Log in").click()
    # The rerun may start late on a loaded machine: wait until the login form has gone.
    tab.get_by_label("User name").wait_for(state="detached", timeout=60_000)
    settle(tab)


def test_first_request_to_a_page_url_goes_through_the_entry_script(secured_server, page):
    """Straight to /hotspots on a fresh server: the login, never the page itself."""
    page.goto(f"{secured_server['url']}/hotspots?lang=en")
    settle(page)
    assert page.locator("h1").first.inner_text() == "Log in"
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 0
    page.goto(f"{secured_server['url']}/?lang=en")     # the root URL: no 'page not found' dialog
    settle(page)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "en_login.png"))


@pytest.mark.parametrize("bookmark", ["overview", "login"])
def test_a_bookmark_of_the_first_page_leads_to_it_after_login(secured_server, page, bookmark):
    """/overview and the login page are served at /: a bookmark of either used to end in
    'Page not found'. (The server's very first visit to a deep link still gets that dialog,
    from Streamlit itself: README, "Known limitations". So the server is visited once before.)"""
    page.goto(f"{secured_server['url']}/?lang=en")
    settle(page)
    page.goto(f"{secured_server['url']}/{bookmark}?lang=en")
    settle(page)
    assert page.get_by_text("Page not found").count() == 0
    log_in(page, "physician1")
    page.get_by_text("Overview for the committee").wait_for(timeout=20_000)
    settle(page)
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.parametrize("role", access.ROLES)
def test_each_role_logs_in_and_sees_its_pages(secured_server, page, role):
    page.goto(f"{secured_server['url']}/?lang=en")
    settle(page)
    log_in(page, f"{role}1")
    menu = page.locator('[data-testid="stSidebarNav"] a')
    expected = [text(PAGES_BY_KEY[key].title_key, "en") for key in access.pages_for(role)]
    assert [link.inner_text().split("\n")[-1].strip() for link in menu.all()] == expected
    assert page.get_by_text(f"Logged in as {role}1").count() == 1
    assert page.locator('[data-testid="stException"]').count() == 0
    if role == "admin":
        page.get_by_role("link", name="Audit log").click()
        page.get_by_text("Chain intact").wait_for(timeout=20_000)
        settle(page)
        tall_screenshot(page, SCREENSHOTS / "en_audit.png")


def test_a_forbidden_url_is_refused(secured_server, page):
    """Asked for /audit, logged in as committee: 'not allowed', never the audit log (the
    committee uploads its own observations, so /upload is no longer forbidden to it)."""
    page.goto(f"{secured_server['url']}/?lang=en")     # not the server's first session on a
    settle(page)                                         # direct link (pages/README.md)
    page.goto(f"{secured_server['url']}/audit?lang=en")
    settle(page)
    log_in(page, "committee1")
    assert page.locator("h1").first.inner_text() == "Not allowed"
    assert page.locator('[data-testid="stDataFrame"]').count() == 0
    page.goto(f"{secured_server['url']}/upload?lang=en")
    settle(page)
    log_in(page, "hr1")
    assert page.locator('[data-testid="stFileUploader"]').count() == 1


def test_without_users_the_pages_say_access_control_is_off(app_server, page):
    open_page(page, app_server, "hotspots", "en")
    assert page.get_by_text("Access control is off (local use only").count() == 1


def test_direct_links_open_without_a_page_not_found_dialog(app_server, browser):
    """A bookmarked /trends opens the trends page, with no 'Page not found' dialog.

    Streamlit shows that dialog only for the very first session after a server
    start (pages/README.md); the module's server has served sessions before.
    """
    for key in ("trends", "hotspots"):
        context = browser.new_context(viewport=VIEWPORT)
        tab = context.new_page()
        open_page(tab, app_server, key, "en")
        assert tab.get_by_text("Page not found").count() == 0, key
        assert tab.locator("h1").count() >= 1, key
        context.close()


@pytest.fixture
def fresh_demo_server(tmp_path_factory, demo_database_file):
    """A server of its own over the demo: other tests of this module store files in
    app_server, after which its hotspots show those few departments instead of the demo."""
    folder = tmp_path_factory.mktemp("e2e_demo")
    shutil.copy(demo_database_file, folder / "demo.duckdb")
    yield from start_server(folder)


def click_heatmap_cell(page, row: int) -> str:
    """Click the first indicator's cell in the heatmap's given row; return that row's label."""
    heatmap = page.locator(".js-plotly-plot").first
    heatmap.scroll_into_view_if_needed()
    page.wait_for_timeout(4000)      # Plotly draws again once its width is known
    ticks = heatmap.locator(".ytick text").all()
    points = heatmap.locator(".scatterlayer .trace").last.locator("path.point")
    columns = points.count() // len(ticks)
    box = points.nth(row * columns).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2

    def distance(tick):
        tick_box = tick.bounding_box()
        return abs(tick_box["y"] + tick_box["height"] / 2 - y)

    department = min(ticks, key=distance).text_content()
    page.mouse.click(x, y)
    return department


def test_clicking_a_heatmap_cell_opens_that_department_s_trend(fresh_demo_server, page):
    """issue 12: a heatmap cell leads to its department's trend (Streamlit reports clicks on
    points, so the cells carry invisible points; see ui.charts.click_targets)."""
    page.set_viewport_size({"width": 1280, "height": 800})
    # through the menu: a first visit of /hotspots by its URL may put Streamlit's 'Page not
    # found' dialog (README, known limitations) over the chart, and a click only closes it
    open_page(page, fresh_demo_server, "overview", "en")
    page.locator('[data-testid="stSidebarNav"] a', has_text="Hotspots").click()
    page.wait_for_selector("h1:has-text('Hotspots')")
    settle(page)
    trends = "h1:has-text('Trends by department')"
    # on a loaded machine a click can be lost (CI lost one, 1 run in 3; the cause is not
    # known); like a person, the test then clicks the cell again
    for attempt in range(3):
        department = click_heatmap_cell(page, row=2)
        try:
            page.wait_for_selector(trends, timeout=20_000)
            break
        except pytest.importorskip("playwright.sync_api").TimeoutError:
            assert attempt < 2, "three clicks on a heatmap cell did not open its trend"
            assert page.locator(trends).count() == 0
            settle(page)
    settle(page)
    chosen = page.locator('[data-testid="stMultiSelect"]').first.inner_text()
    assert department in chosen
    title = page.locator(".js-plotly-plot .gtitle").first.text_content()
    assert title.startswith(f"Absence rate · {department}")
