"""Indicator groups: the worst light of a theme, and the committee's followed indicators."""

from __future__ import annotations

import pytest

from signals import store
from signals.alerts import groups
from signals.definitions import INDICATOR_GROUPS, INDICATOR_IDS


@pytest.mark.parametrize(("levels", "worst"), [
    (["alert", "watch", None], "alert"),
    ([None, "watch", "no_data"], "watch"),
    ([None, "incomplete", "unjudged"], "incomplete"),     # no "no signal" on a month to come
    ([None, "unjudged", "no_data"], "ok"),
    (["unjudged", "no_data"], "unjudged"),
    (["no_data"], "no_data"),
    ([], "no_data"),
    (["improvement"], "ok"),
])
def test_worst_light(levels, worst):
    assert groups.worst_light(levels) == worst


def test_group_lights_follow_the_themes_and_count_signals():
    absence = INDICATOR_GROUPS["absence"]
    levels = {absence[0]: "alert", absence[1]: "watch", absence[2]: "watch",
              INDICATOR_GROUPS["turnover"][0]: None}
    lights = groups.group_lights(levels)
    assert [light.group for light in lights] == list(INDICATOR_GROUPS)
    by_group = {light.group: light for light in lights}
    assert (by_group["absence"].light, by_group["absence"].alerts, by_group["absence"].watches) \
        == ("alert", 1, 2)
    assert by_group["absence"].signalling == 3
    assert by_group["turnover"].light == "ok" and by_group["turnover"].signalling == 0
    assert by_group["workload"].light == "no_data"      # not in the levels: no figures


def test_every_indicator_is_in_one_group():
    members = [indicator for group in INDICATOR_GROUPS.values() for indicator in group]
    assert sorted(members) == sorted(INDICATOR_IDS)
    assert all(groups.group_of(indicator) for indicator in INDICATOR_IDS)


def test_default_followed_spans_the_themes():
    assert 8 <= len(groups.DEFAULT_FOLLOWED) <= 10
    assert groups.check_followed(groups.DEFAULT_FOLLOWED) == groups.DEFAULT_FOLLOWED
    themes = {groups.group_of(indicator) for indicator in groups.DEFAULT_FOLLOWED}
    assert len(themes) >= 6


def test_followed_setting_round_trip_in_theme_order(db_path):
    with store.connect(db_path) as con:
        assert groups.followed_indicators(con) == groups.DEFAULT_FOLLOWED
        chosen = groups.set_followed_indicators(
            con, ["hours_per_fte", "relapse_rate", "absence_rate", "absence_rate"])
        assert chosen == ("absence_rate", "relapse_rate", "hours_per_fte")
        assert groups.followed_indicators(con) == chosen


@pytest.mark.parametrize(("chosen", "reason"), [
    ([], "empty"), (["absence_rate", "no_such_thing"], "unknown"),
    (list(INDICATOR_IDS[:groups.MAX_FOLLOWED + 1]), "too_many"),
])
def test_followed_setting_refusals_store_nothing(db_path, chosen, reason):
    with store.connect(db_path) as con:
        with pytest.raises(groups.FollowedRefused) as refused:
            groups.set_followed_indicators(con, chosen)
        assert refused.value.reason == reason
        assert store.get_meta(con, groups.FOLLOWED_KEY) is None


def test_a_stored_setting_that_no_longer_checks_out_gives_the_default(db_path):
    with store.connect(db_path) as con:
        store.set_meta(con, groups.FOLLOWED_KEY, "renamed_indicator")
        assert groups.followed_indicators(con) == groups.DEFAULT_FOLLOWED
        store.set_meta(con, groups.FOLLOWED_KEY, "renamed_indicator,absence_rate")
        assert groups.followed_indicators(con) == ("absence_rate",)
