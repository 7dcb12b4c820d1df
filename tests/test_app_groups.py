"""The grouped indicators and the pre-diagnosis in Streamlit's AppTest: the overview's followed
tiles and theme rows, Trends' theme then indicator, the settings, the pre-diagnosis page."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from test_app import TINY_SHARE, demo_shown, open_page, real_data_with_small_group, rendered_text  # noqa: F401

from signals import config, store
from signals.access import audit
from signals.alerts import prediagnosis as pre
from signals.alerts.groups import DEFAULT_FOLLOWED, FOLLOWED_KEY, worst_light
from signals.definitions import INDICATOR_GROUPS
from signals.texts.i18n import text
from ui.labels import level_label

LIGHT_CLASSES = ("alert", "watch", "incomplete", "unjudged", "no_data", "ok")


def theme_rows(app):
    return [expander for expander in app.expander if str(expander.key).startswith("overview_group_")]


def tile_lights(block) -> list[str]:
    """The lights of the tiles in `block`, from their signal-light spans."""
    lights = []
    for element in block.get("html"):
        body = element.proto.body
        if "signal-light" in body:
            lights.append(next(light for light in LIGHT_CLASSES if f"signal-{light}" in body))
    return lights


def test_overview_shows_the_followed_tiles_and_each_theme_with_its_worst_light(demo_shown):
    app = open_page("overview", "en")
    assert len(app.metric) == len(DEFAULT_FOLLOWED)
    rows = theme_rows(app)
    assert [row.key for row in rows] == [f"overview_group_{group}" for group in INDICATOR_GROUPS]
    assert text("group.absence", "en") in rows[0].label
    assert text("overview.attention", "en") in [header.value for header in app.subheader], \
        "the attention list stays"
    app.session_state["overview_group_absence"] = True       # open the theme
    app.run()
    assert not app.exception
    assert len(app.metric) == len(DEFAULT_FOLLOWED) + len(INDICATOR_GROUPS["absence"])
    opened = theme_rows(app)[0]
    lights = tile_lights(opened)
    assert len(lights) == len(INDICATOR_GROUPS["absence"])
    assert level_label(worst_light(lights), "en") in opened.label, "the row says its worst tile"


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_overview_themes_and_reminder_in_each_language(demo_shown, lang):
    app = open_page("overview", lang)
    assert text("groups.followed", lang) in [header.value for header in app.subheader]
    labels = " ".join(row.label for row in theme_rows(app))
    assert all(text(f"group.{group}", lang) in labels for group in INDICATOR_GROUPS)
    assert text("prediagnosis.risk_line_unknown", lang) in " ".join(c.value for c in app.caption)


def test_trends_pick_a_theme_then_an_indicator_of_it(demo_shown):
    app = open_page("trends", "en")
    themes = app.selectbox(key="trends_group")
    assert list(themes.options) == [text(f"group.{group}", "en") for group in INDICATOR_GROUPS]
    themes.set_value("accidents").run()
    assert not app.exception
    indicators = app.selectbox(key="trends_indicator")
    assert len(indicators.options) == len(INDICATOR_GROUPS["accidents"])
    assert indicators.value == INDICATOR_GROUPS["accidents"][0]


def test_the_heatmap_names_its_theme(demo_shown):
    app = open_page("hotspots", "en")
    theme = app.segmented_control(key="hotspots_group").value
    title = json.loads(app.get("plotly_chart")[0].proto.spec)["layout"]["title"]["text"]
    assert title.endswith(f"· {text(f'group.{theme}', 'en')}")


def audited(setting: str) -> list[str]:
    entries = audit.entries(config.default_db_path(), limit=None)
    return [detail for action, detail in zip(entries["action"], entries["detail"])
            if action == "setting_changed" and f'"setting": "{setting}"' in detail]


def test_the_followed_indicators_setting_is_checked_stored_audited_and_shown(demo_shown):
    app = open_page("data", "en")
    app.multiselect(key="followed_input").set_value([])
    app.button(key="followed_save").click().run()
    assert text("groups.refused.empty", "en") in [error.value for error in app.error]
    chosen = ["absence_rate", "harassment_rate", "hours_per_fte"]
    app.multiselect(key="followed_input").set_value(chosen)
    app.button(key="followed_save").click().run()
    assert not app.exception
    assert text("groups.setting_saved", "en") in [message.value for message in app.success]
    with store.connect(config.demo_db_path(), read_only=True) as con:
        assert store.get_meta(con, FOLLOWED_KEY) == ",".join(chosen)
    assert any(json.loads(d)["new"] == chosen for d in audited("followed_indicators"))
    overview = open_page("overview", "en")
    assert len(overview.metric) == len(chosen)
    app.button(key="followed_default").click().run()
    assert app.multiselect(key="followed_input").value == list(DEFAULT_FOLLOWED)


def test_the_risk_analysis_setting_refuses_names_and_ends_the_reminder(demo_shown):
    app = open_page("data", "en")
    recent = dt.date.today().replace(day=1) - dt.timedelta(days=400)
    app.date_input(key="risk_analysis_date").set_value(recent)
    app.text_input(key="risk_analysis_scope").set_value("care units, asked by piet.peeters@example.be")
    app.button(key="risk_analysis_save").click().run()
    assert any("e-mail address" in error.value for error in app.error)
    with store.connect(config.demo_db_path(), read_only=True) as con:
        assert pre.risk_analysis(con).date is None, "refused: nothing stored"
    app.text_input(key="risk_analysis_scope").set_value("care units")
    app.button(key="risk_analysis_save").click().run()
    assert not app.exception and text("prediagnosis.setting_saved", "en") in [s.value for s in app.success]
    assert any(f'"new": "{recent.isoformat()}"' in d and "care units" not in d
               for d in audited("risk_analysis")), "the log keeps the date, not the words"
    page = open_page("prediagnosis", "en")
    assert not page.warning, "no reminder for a recent risk analysis"
    assert "care units" in " ".join(caption.value for caption in page.caption)
    overview = open_page("overview", "en")
    assert text("prediagnosis.risk_line_unknown", "en") not in " ".join(c.value for c in overview.caption)


def department_rows(app):
    return [expander for expander in app.expander if str(expander.key).startswith("prediagnosis_")]


@pytest.mark.parametrize(("lang", "label"), [
    ("nl", "Voordiagnose, geen risicoanalyse"), ("fr", "Pré-diagnostic, pas une analyse des risques"),
    ("en", "Pre-diagnosis, not a risk analysis")])
def test_prediagnosis_page_in_each_language(demo_shown, lang, label):
    app = open_page("prediagnosis", lang)
    assert app.title[0].value == text("prediagnosis.title", lang)
    assert label in rendered_text(app)
    assert text("prediagnosis.risk_unknown", lang) in [warning.value for warning in app.warning]
    rows = department_rows(app)
    assert rows and text("common.organisation", lang) in rows[0].label, "the organisation first"
    lights = [next(light for light in pre.LIGHTS if text(f"prediagnosis.light.{light}", lang) in row.label)
              for row in rows[1:]]
    assert lights == sorted(lights, key=pre.LIGHTS.index), "the worst departments first"
    behind = rows[1]        # its lights one click away: which indicators, which months
    assert text("prediagnosis.col.indicator", lang) in str(behind.get("html")[0].proto) \
        or text("prediagnosis.no_signals", lang) in " ".join(c.value for c in behind.caption)


def test_prediagnosis_never_shows_a_hidden_department(real_data_with_small_group):
    app = open_page("prediagnosis", "en")
    assert not app.exception
    assert all("Tiny" not in row.label for row in department_rows(app))
    assert TINY_SHARE not in rendered_text(app)
