"""The psychosocial adviser in the app (AppTest): its pages, its hotspot notes with its role,
and the Upload page offering each role only its own kinds, in nl, fr and en."""

from __future__ import annotations

import pytest
from test_app import error_report, shown_tables
from test_app_access import ROLE_USERS, audit_actions, demo_shown, open_as, users  # noqa: F401

from signals import config, store
from signals.access import uploads
from signals.cycle import reviews
from signals.definitions import KINDS
from signals.texts.i18n import text
from ui.labels import kind_label
from ui.navigation import PAGES_BY_KEY

pytestmark = pytest.mark.usefixtures("listen_on_localhost")
ADVISER = "psychosocial_adviser"
SURVEY = (b"date;department;domain;respondents;score;score_sd\n"
          b"2025-10-15;Noord;work_organisation;31;58,5;12,4\n"
          b"2025-10-15;Zuid;exhaustion;14;47;\n")
WORKFORCE = b"month;department;headcount\n2025-01;Noord;30\n"
OBSERVATIONS = b"month;department;measure;count;base;source\n2025-01;Noord;complaints;2;;hr\n"


def kind_choice(app):
    return next(box for box in app.selectbox if box.key.startswith("upload_kind_"))


def labels(kinds, lang: str) -> list[str]:
    return [kind_label(kind, lang) for kind in kinds]


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_the_adviser_is_offered_its_own_kinds_only(users, lang):
    app = open_as(ADVISER, "upload", lang)
    own = [kind for kind in KINDS if kind in uploads.kinds_for(ADVISER)]
    assert own == ["incidents", "observations", "survey"]
    said = " ".join(info.value for info in app.info)
    assert text("role." + ADVISER, lang) in said
    assert all(label in said for label in labels(own, lang))
    assert [tab.label for tab in app.tabs] == labels(own, lang), "templates of its kinds"

    app.file_uploader(key="upload_files").set_value(("survey.csv", SURVEY, "text/csv")).run()
    assert not app.exception, [e.value for e in app.exception]
    choice = kind_choice(app)
    assert choice.options == labels(own, lang)
    assert kind_label("workforce", lang) not in choice.options
    assert choice.value == "survey"
    assert app.success, "the survey file is valid"


def test_the_adviser_stores_a_survey_and_the_server_audits_it(users):
    app = open_as(ADVISER, "upload")
    app.file_uploader(key="upload_files").set_value(("survey.csv", SURVEY, "text/csv")).run()
    app.checkbox(key="upload_demo_confirm").check().run()
    [button for button in app.button if button.key.startswith("store_")][0].click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert any("Stored: 2 rows" in message.value for message in app.success)
    with store.connect(config.default_db_path(), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM survey").fetchone()[0] == 2
    assert (ROLE_USERS[ADVISER], "upload") in audit_actions(users)


def test_a_file_of_another_roles_kind_is_named_and_not_offered(users):
    app = open_as(ADVISER, "upload")
    app.file_uploader(key="upload_files").set_value(("staff.csv", WORKFORCE, "text/csv")).run()
    assert not app.exception
    assert any("Workforce" in warning.value and "does not upload" in warning.value
               for warning in app.warning)
    assert "Workforce" not in kind_choice(app).options
    assert kind_choice(app).value is None, "no kind of its own is guessed for it"
    assert not app.success and not [b for b in app.button if b.key.startswith("store")]

    app.file_uploader(key="upload_files").set_value([
        ("survey.csv", SURVEY, "text/csv"), ("staff.csv", WORKFORCE, "text/csv")]).run()
    assert not app.exception
    summary = next(table for table in shown_tables(app) if "File" in table.columns)
    assert summary["Kind"].tolist() == ["Survey", "Workforce"]
    assert summary["Result"].tolist() == ["valid, not stored yet", "rejected"]


@pytest.mark.parametrize("role", ["hr", "physician", "committee"])
def test_each_role_is_offered_its_kinds_and_its_source(users, role):
    app = open_as(role, "upload")
    app.file_uploader(key="upload_files").set_value(("obs.csv", OBSERVATIONS, "text/csv")).run()
    assert not app.exception
    assert kind_choice(app).options == labels(
        [kind for kind in KINDS if kind in uploads.kinds_for(role)], "en")
    source = uploads.observation_source(role)
    assert any(f"the source {source};" in caption.value for caption in app.caption)
    if role == "hr":
        assert app.success, "HR's own source"
    else:
        assert app.error, "a row with the source hr is refused"
        report = error_report(app)
        assert report["Column"].tolist() == ["source"] and report["Value found"].tolist() == ["hr"]
        assert report["Expected"].iloc[0].startswith(
            f"source {source}: your role uploads only its own observations")


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_the_adviser_sees_the_collective_views(users, lang):
    app = open_as(ADVISER, "overview", lang)
    for page in ("overview", "trends", "hotspots", "survey", "reintegration", "actions"):
        app.switch_page(PAGES_BY_KEY[page].file).run()
        assert not app.exception, [e.value for e in app.exception]
        assert app.title[0].value != text("access.not_allowed_title", lang)
        if page == "hotspots":
            assert app.text_area(key="review_note"), "the adviser writes notes on hotspots"


def test_the_adviser_writes_a_note_that_shows_its_role(users):
    app = open_as(ADVISER, "hotspots", "nl")
    department = app.selectbox(key="review_department").value
    app.radio(key="review_status").set_value("under_investigation")
    app.text_area(key="review_note").input("Meerdere informele verzoeken over werkdruk.")
    app.get("form_submit_button")[0].click().run()
    assert not app.exception, [e.value for e in app.exception]
    latest = reviews.latest_reviews(users)
    assert latest[["department", "reviewer", "reviewer_role"]].values.tolist() == [
        [department, ROLE_USERS[ADVISER], ADVISER]]
    notes = app.dataframe[-1].value
    assert notes["Rol"].tolist() == ["preventieadviseur psychosociale aspecten"]


def test_the_adviser_note_refuses_an_e_mail_address(users):
    app = open_as(ADVISER, "hotspots")
    app.text_area(key="review_note").input("Spoke with an.peeters@example.org about it.")
    app.get("form_submit_button")[0].click().run()
    assert not app.exception
    assert reviews.latest_reviews(users).empty, "nothing saved"
    assert app.error, "the refusal is said"
