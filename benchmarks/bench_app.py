"""Dashboard speed on the demo organisation: page loads and interactions.

Goals: first page load under 3 s, interactions under 300 ms.

    .venv/bin/python benchmarks/bench_app.py [--browser] [--repeat 5]

1. AppTest (in process): each page's first run on a fresh cache, then a warm run,
   then typical interactions (choose a month, an indicator, departments, a view).
2. With --browser: a real `streamlit run` and the system Chromium; the time from
   navigation until the script run is over and the title is drawn, cold and warm.
Results are printed and written to benchmarks/out/bench_app.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
APP = str(PROJECT / "dashboard.py")
OUT = PROJECT / "benchmarks" / "out"


def prepare_environment(folder: Path) -> float:
    """Point the app at an empty real database and a freshly built demo; return the build time."""
    os.environ["SIGNALS_DB"] = str(folder / "signals.duckdb")
    os.environ["SIGNALS_DEMO_DB"] = str(folder / "demo.duckdb")
    os.environ["SIGNALS_KEY_FILE"] = str(folder / "pseudonym.key")
    from signals.demo import build_demo

    started = time.perf_counter()
    build_demo(folder / "demo.duckdb")
    return time.perf_counter() - started


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def new_app(page_file: str | None):
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params["lang"] = "nl"
    app.run()
    if page_file:
        app.switch_page(page_file)
        app.run()
    assert not app.exception, [error.value for error in app.exception]
    return app


def bench_apptest(repeat: int) -> dict:
    import streamlit as st

    from ui.navigation import PAGES

    results = {"first_load_s": {}, "warm_load_s": {}, "interaction_ms": {}}
    import_started = time.perf_counter()
    new_app(None)
    results["process_first_run_s"] = time.perf_counter() - import_started
    for spec in PAGES:
        page_file = None if spec.key == "overview" else spec.file
        st.cache_data.clear()
        results["first_load_s"][spec.key] = timed(lambda page_file=page_file: new_app(page_file))
        results["warm_load_s"][spec.key] = statistics.median(
            timed(lambda page_file=page_file: new_app(page_file)) for _ in range(repeat))

    def interaction(name, page_file, act):
        app = new_app(page_file)
        samples = []
        for index in range(repeat):
            samples.append(timed(lambda index=index: act(app, index).run()))
            assert not app.exception, [error.value for error in app.exception]
        results["interaction_ms"][name] = 1000 * statistics.median(samples)

    interaction("overview: choose a month", None,
                lambda app, i: app.selectbox(key="overview_month").select_index(1 + i % 6))
    interaction("trends: choose an indicator", "pages/screens/trends.py",
                lambda app, i: app.selectbox(key="trends_indicator").select_index((i + 1) % 10))
    interaction("trends: rolling 12 months / monthly", "pages/screens/trends.py",
                lambda app, i: app.segmented_control(key="trends_view").set_value(
                    "rolling12" if i % 2 == 0 else "monthly"))
    interaction("trends: add a department", "pages/screens/trends.py",
                lambda app, i: app.multiselect(key="trends_departments").set_value(
                    app.multiselect(key="trends_departments").options[1:3 + i % 2]))
    interaction("hotspots: choose a month", "pages/screens/hotspots.py",
                lambda app, i: app.selectbox(key="hotspots_month").select_index(1 + i % 6))
    interaction("hotspots: funnel indicator", "pages/screens/hotspots.py",
                lambda app, i: app.selectbox(key="hotspots_funnel_indicator").select_index((i + 1) % 10))
    return results


def bench_browser(repeat: int) -> dict:
    import socket
    import subprocess
    import urllib.request

    from playwright.sync_api import sync_playwright

    from ui.navigation import PAGES

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", APP, "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--server.fileWatcherType", "none"],
        cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    results = {"cold_s": {}, "warm_s": {}}
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            tab = browser.new_page(viewport={"width": 1920, "height": 1080})

            def load(path: str) -> float:
                started = time.perf_counter()
                tab.goto(f"{url}/{path}?lang=nl")
                tab.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
                tab.wait_for_selector("h1")
                return time.perf_counter() - started

            for spec in PAGES:
                path = "" if spec.key == "overview" else spec.key
                results["cold_s"][spec.key] = load(path)
                results["warm_s"][spec.key] = statistics.median(load(path) for _ in range(repeat))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", action="store_true", help="also time a real server in Chromium")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        report = {"demo_build_s": prepare_environment(Path(folder))}
        report["apptest"] = bench_apptest(args.repeat)
        if args.browser:
            report["browser"] = bench_browser(args.repeat)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "bench_app.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
