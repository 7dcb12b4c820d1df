"""The committee's screens in a real browser: a 1280 x 800 projector and presentation mode."""

from __future__ import annotations

import datetime as dt

import pytest
from test_e2e import CHROMIUM, SCREENSHOTS, app_server, browser, settle  # noqa: F401  (fixtures)

from signals.alerts.groups import DEFAULT_FOLLOWED
from signals.definitions import INDICATOR_IDS, LANGUAGES
from signals.texts.formatting import month_label
from signals.texts.i18n import text

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="system Chromium not installed at /usr/bin/chromium"),
]

TILE_OVERFLOW = """() => Array.from(document.querySelectorAll('[class*="st-key-tile_"]')).map(tile => {
    const parts = {name: tile.querySelector('.tile-name'),
                   value: tile.querySelector('[data-testid="stMetricValue"] div'),
                   delta: tile.querySelector('[data-testid="stMetricDelta"] div')};
    const out = {title: parts.name.textContent, wrap: getComputedStyle(parts.name).overflowWrap};
    for (const [key, element] of Object.entries(parts))
        out[key] = element ? element.scrollWidth - element.clientWidth : 0;
    return out; })"""

SMALL_TEXT = """() => { const small = []; const main = document.querySelector('[data-testid="stMain"]');
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode, element = node.parentElement;
        if (!node.textContent.trim() || element.closest('button')) continue;
        const box = element.getBoundingClientRect();
        if (!box.width || !box.height) continue;
        const size = parseFloat(getComputedStyle(element).fontSize);
        if (size < 17.9) small.push(node.textContent.trim().slice(0, 30) + ' ' + size); }
    return small; }"""


def open_at(browser, server, size, path: str):
    SCREENSHOTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport=dict(zip(("width", "height"), size)), device_scale_factor=1)
    tab = context.new_page()
    tab.goto(f"{server['url']}/{path}")
    settle(tab)
    tab.wait_for_timeout(1000)
    assert tab.locator('[data-testid="stException"]').count() == 0
    return context, tab


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tiles_fit_a_1280_screen_with_the_sidebar(app_server, browser, lang):
    context, tab = open_at(browser, app_server, (1280, 800), f"?lang={lang}")
    try:
        assert tab.locator('[data-testid="stSidebar"]').is_visible()
        themes = tab.locator('[class*="st-key-theme_"]')
        for index in range(themes.count()):          # every tile: open each theme
            themes.nth(index).locator("summary").click()
            themes.nth(index).locator('[class*="st-key-tile_"]').first.wait_for(timeout=30_000)
        settle(tab)
        tiles = tab.evaluate(TILE_OVERFLOW)
        assert len(tiles) == len(DEFAULT_FOLLOWED) + len(INDICATOR_IDS)
        assert {tile["wrap"] for tile in tiles} == {"normal"}, "words break at soft hyphens only"
        overflowing = [tile for tile in tiles if tile["name"] > 0 or tile["value"] > 0
                       or tile["delta"] > 0]
        assert overflowing == []
    finally:
        context.close()


def months_ago(count: int) -> dt.date:
    """The first of the month `count` months before this one (the demo ends last month)."""
    index = dt.date.today().year * 12 + dt.date.today().month - 1 - count
    return dt.date(index // 12, index % 12 + 1, 1)


PRESENTATION_STEPS = (("PageDown", "/hotspots", "hotspots.title"),
                      ("ArrowRight", "/trends", "trends.title"),
                      ("ArrowLeft", "/hotspots", "hotspots.title"),
                      ("PageUp", "/?", "overview.title"))
WIDE_SCROLL = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"


@pytest.mark.parametrize("lang, size", [(lang, (1920, 1080)) for lang in LANGUAGES]
                         + [("nl", (1280, 800))])
def test_presentation_keys_step_with_the_month_and_large_texts(app_server, browser, lang, size):
    chosen = months_ago(3)          # not the latest: the projector keeps it
    month = f"month={chosen:%Y-%m}"
    context, tab = open_at(browser, app_server, size, f"?lang={lang}&present=1&{month}")
    try:
        assert tab.locator(".access-off").count() == 0
        assert tab.get_by_text(text("access.off_notice", lang)).count() == 0
        tab.screenshot(path=str(SCREENSHOTS / f"present_{lang}_{size[0]}_overview.png"), full_page=True)
        blocks = tab.locator(".attention-row")
        assert blocks.count() >= 1
        first_screen = blocks.last if size == (1920, 1080) else blocks.first
        box = first_screen.bounding_box()
        assert box["y"] + box["height"] <= size[1], "the attention list on the first screen"
        assert tab.evaluate(SMALL_TEXT) == []
        for key, path, title in PRESENTATION_STEPS:
            tab.keyboard.press(key)
            tab.wait_for_timeout(500)
            settle(tab)
            assert path in tab.url and month in tab.url and "present=1" in tab.url
            assert tab.locator("h1").first.inner_text().startswith(text(title, lang))
            assert tab.evaluate(SMALL_TEXT) == [], f"{path}: texts of 18 pixels or more"
            width, shown = tab.evaluate(WIDE_SCROLL)
            assert width <= shown, f"{path}: nothing cut on the right"
            tab.screenshot(path=str(SCREENSHOTS / f"present_{lang}_{size[0]}{path.strip('/?')}.png"))
        assert tab.locator("h2").first.inner_text() == month_label(chosen, lang)
    finally:
        context.close()


DEFINITIONS_WIDTH = """(header) => {
    const table = Array.from(document.querySelectorAll('table.literal-table'))
        .find(t => Array.from(t.querySelectorAll('th')).some(th => th.textContent === header));
    const frame = table.parentElement, main = document.querySelector('[data-testid="stMain"]');
    return {table: [table.scrollWidth, table.clientWidth], frame: [frame.scrollWidth, frame.clientWidth],
            right: table.getBoundingClientRect().right, main: main.getBoundingClientRect().right,
            rows: table.querySelectorAll('tbody tr').length}; }"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_definitions_table_fits_a_1280_screen(app_server, browser, lang):
    """issue 12: the definitions table on the data page was cut on the right at 1280 x 800."""
    context, tab = open_at(browser, app_server, (1280, 800), f"data?lang={lang}")
    try:
        sizes = tab.evaluate(DEFINITIONS_WIDTH, text("data.definition", lang))
        assert sizes["rows"] == len(INDICATOR_IDS)
        assert sizes["table"][0] <= sizes["table"][1] and sizes["frame"][0] <= sizes["frame"][1], sizes
        assert sizes["right"] <= sizes["main"] <= 1280, sizes
        tab.locator("table.literal-table").last.scroll_into_view_if_needed()
        tab.screenshot(path=str(SCREENSHOTS / f"definitions_{lang}_1280.png"))
    finally:
        context.close()
